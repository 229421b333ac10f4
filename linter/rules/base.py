"""The rule registry: every rule declared once, with everything a user or a reporter needs."""

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path

from linter.diagnostics import Diagnostic, Fix, Span
from linter.result import Choice, Source

PROFILES = ("party-hd36", "party-hd05", "state-nd30", "state-vbqppl")
PARTY = frozenset({"party-hd36", "party-hd05"})
STATE = frozenset({"state-nd30"})  # administrative documents (NĐ 30/2020)
VBQPPL = frozenset({"state-vbqppl"})  # legal normative documents (docs/standards-vbqppl.md)
STATE_ALL = STATE | VBQPPL  # the State forms both share: "Số:", TM./KT., Quốc hiệu, "- Lưu: VT, …"
HD05 = frozenset({"party-hd05"})
ALL = frozenset(PROFILES)


@dataclass(frozen=True)
class Rule:
    code: str  # VB0xx input, VB1xx parts, VB2xx fields, VB3xx closing, VB9xx internal
    name: str  # kebab-case, what people remember
    component: str | None
    severity: str  # default: error | warning | info
    message: dict[str, str]  # {"vi": …, "en": …}, str.format fields filled by the check
    citation: str
    why: dict[str, str]  # what the rule checks and why, for `vblint rule CODE`
    bad: str = ""  # an example that triggers the rule
    good: str = ""  # the same, conforming
    fix: str | None = None  # "safe" | "unsafe" | None
    profiles: frozenset = ALL
    check: Callable | None = field(default=None, compare=False)  # None: schema or a stage reports it
    regime_form: bool = False  # checks a part's Party-vs-State form: silent when mixed-regime fires
    # judges small print that OCR often loses or misreads (a stop, a dash, a colon, a slash, a
    # numeral, a letter of a code): on a line read from a scan, reported for review as info
    small_print: bool = False
    example: dict = field(default_factory=dict, compare=False)  # the message's fields for `bad`
    where: str = ""  # file:line of the declaration, for `vblint rule`

    def format(self, lang: str, **args) -> str:
        return self.message.get(lang, self.message["vi"]).format(**args)

    def sample(self, lang: str) -> str:
        """The message as a user sees it for the rule's example (`bad`)."""
        return self.format(lang, **self.example)


RULES: dict[str, Rule] = {}  # code -> Rule
BY_NAME: dict[str, Rule] = {}


def declare(**kw) -> Rule:
    if "where" not in kw:  # the module that declares it: the caller's, or the decorated check's
        fn, frame = kw.get("check"), sys._getframe(1)
        code = fn.__code__ if fn is not None else frame.f_code
        kw["where"] = f"{_relative(code.co_filename)}:{code.co_firstlineno if fn else frame.f_lineno}"
    r = Rule(**kw)
    if r.code in RULES or r.name in BY_NAME:
        raise ValueError(f"rule declared twice: {r.code} {r.name}")
    RULES[r.code] = BY_NAME[r.name] = r
    return r


def _relative(path: str) -> str:
    """A source path from the package's parent: linter/rules/number.py."""
    p = Path(path)
    return p.relative_to(_HOME).as_posix() if p.is_relative_to(_HOME) else p.name


_HOME = Path(__file__).resolve().parents[2]


def rule(**kw) -> Callable:
    """Decorator: declare a rule whose check is the decorated function(doc, ctx) -> hits."""

    def wrap(fn: Callable) -> Callable:
        declare(**kw, check=fn)
        return fn

    return wrap


@dataclass
class Hit:
    """What a check found: where, the message's fields, and a fix when one is known."""

    span: Span
    args: dict = field(default_factory=dict)
    fix: Fix | None = None
    rule: str | None = None  # for checks that report more than one rule
    severity: str | None = None  # the rule's own unless the check knows better (a regime's doubt)


@dataclass
class Context:
    """What a check knows besides the document: the profile, the day to compare dates with, the
    language of the messages, the profile's choice (its regime signals, for the mixed-regime
    rule) and the source (a scan's boxes, a .docx's per-line typography and page set-up)."""

    profile: str
    today: date
    lang: str = "vi"
    choice: Choice | None = None
    source: Source | None = None


def diagnostic(
    r: Rule, span: Span, lang: str, fix: Fix | None = None, severity: str | None = None, **args
) -> Diagnostic:
    return Diagnostic(
        r.code, r.name, severity or r.severity, r.component, span, r.format(lang, **args), fix, r.citation
    )


def lookup(code_or_name: str) -> Rule | None:
    return RULES.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


@cache
def checks_for(profile: str) -> tuple[Rule, ...]:
    """The rules with a check that apply to a profile, in declaration order (all are declared
    by the time a document is checked)."""
    return tuple(r for r in RULES.values() if r.check is not None and profile in r.profiles)


def run_checks(doc, ctx: Context) -> Iterator[Diagnostic]:
    for r in checks_for(ctx.profile):
        if r.regime_form and ctx.choice is not None and ctx.choice.mixed:
            continue  # the mixed-regime diagnostic already says this part has the other regime's form
        comp = doc.components.get(r.component) if r.component else None
        if comp and comp.get("status") == "needs_review" and r.code != "VB130":
            continue  # a part read through OCR damage: its fields are not judged, VB130 asks for review
        for hit in r.check(doc, ctx) or ():
            target = BY_NAME[hit.rule] if hit.rule else r
            d = diagnostic(target, hit.span, ctx.lang, hit.fix, hit.severity, **hit.args)
            yield _for_review(d, ctx.lang) if target.small_print and _scanned(ctx, hit.span.line) else d


_REVIEW = {
    "vi": " (bản quét: có thể do nhận dạng sai, cần đối chiếu bản gốc)",
    "en": " (scan: may be an OCR misreading; check against the original)",
}


def _scanned(ctx: Context, line: int) -> bool:
    """Was this line read by OCR (not from a PDF page's own text layer)?"""
    boxes = getattr(ctx.source, "boxes", None)
    return bool(boxes) and 1 <= line <= len(boxes) and boxes[line - 1][1] is not None


def _for_review(d: Diagnostic, lang: str) -> Diagnostic:
    """Measured on printed and scanned conforming documents: nearly every small-print finding on
    a scan was the scan's, not the document's. Kept, but as info, so a scanned batch fails on
    what the document says, not on what OCR lost."""
    return replace(d, severity="info", message=d.message + _REVIEW.get(lang, _REVIEW["vi"]))
