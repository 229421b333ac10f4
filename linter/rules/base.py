"""The rule registry: every rule declared once, with everything a user or a reporter needs."""

import sys
from collections.abc import Callable
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

# A rule's code band names the module that declares it, linter/rules/<module>.py: the longest
# prefix of its code below wins. The regime a rule judges is its profiles=, never its file.
# README's line of bands and tests/test_rules.py read this table.
BANDS = {
    "VB0": "inputs",  # the input itself: empty, binary, encoding, not a document, unreadable
    "VB10": "parts",  # a part missing (schemas/), unexpected or out of place
    "VB11": "parts",
    "VB12": "ocr",  # OCR misreadings, non-NFC text
    "VB13": "review",  # parts read through damage, mixed tone marks, garbled lines
    "VB20": "number",  # số và ký hiệu
    "VB21": "number",
    "VB22": "place_date",  # địa danh, ngày tháng năm
    "VB23": "merger",  # place names after the 2025 reorganisation
    "VB24": "title",  # tên loại và trích yếu
    "VB26": "body",  # nội dung: numbering, căn cứ, ending
    "VB28": "recipients",  # nơi nhận
    "VB30": "signature",  # quyền hạn, chức vụ, họ tên người ký
    "VB31": "signature",
    "VB40": "regime",  # which regime applies
    "VB50": "typography",  # .docx fonts, page, margins
    "VB900": "inputs",  # internal error: the per-document firewall
    "VB901": "batch",  # time-out: the batch runner
}


def band_module(code: str) -> str | None:
    """The module (under linter/rules/) that a code's band names, or None outside every band."""
    prefix = max((p for p in BANDS if code.startswith(p)), key=len, default=None)
    return BANDS[prefix] if prefix else None


# Where a rule fires, in the order lint_source runs them; each stage has one runner.
STAGES = {
    "input": "the input itself: noted or raised by the reader (read.py), or check(doc, ctx) on the "
    "built document before its profile is known (not a document)",
    "document": "check(doc, ctx) on the document model under its profile",
    "schema": "no check: an x-rule in schemas/, reported by validate",
    "source": "check(doc, ctx) on the decoded source text (ctx.source), whatever the parts say",
    "runner": "no check: reported by the per-document firewall (lint.py) or the batch runner",
}


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
    check: Callable | None = field(default=None, compare=False)  # check(doc, ctx) -> hits; None: see stage
    stage: str = "document"  # where in the pipeline it fires: one of STAGES
    # when it fires, the document is judged no further: VB005 (input) stops every later stage,
    # VB402 (document) the rest of its stage and the schema
    final: bool = False
    regime_form: bool = False  # checks a part's Party-vs-State form: silent when mixed-regime fires
    # judges small print that OCR often loses or misreads (a stop, a dash, a colon, a slash, a
    # numeral, a letter of a code): on a line read from a scan, reported for review as info
    small_print: bool = False
    # judges the signature block, which on a scan lies under the seal and the signer's hand: on a
    # line read from a scan its finding is reported for review as info, as small print's is (on
    # round 86's twenty office scans every title or name reported missing was under the seal)
    under_seal: bool = False
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
    checked = {"source": True, "document": True, "schema": False, "runner": False}.get(r.stage)  # input: both
    if r.stage not in STAGES or checked is not None and checked != (r.check is not None):
        raise ValueError(f"{r.code}: stage {r.stage!r} with{'out' if r.check is None else ''} a check")
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
    """What a check knows besides the document: the profile (None in the input stage: the profile
    is chosen after it), the day to compare dates with, the language of the messages, the
    profile's choice (its regime signals, for the mixed-regime rule) and the source (a scan's
    boxes, a .docx's per-line typography and page set-up)."""

    profile: str | None
    today: date
    lang: str = "vi"
    choice: Choice | None = None
    source: Source | None = None

    @property
    def spaces_placed(self) -> bool:
        """The text's spaces were placed from where the glyphs stand (a PDF's text layer, OCR), not
        typed: two spaces where one was printed prove nothing ("KT.  BỘ   TRƯỞNG")."""
        return getattr(self.source, "encoding", None) in ("pdf", "ocr")


def diagnostic(
    r: Rule, span: Span, lang: str, fix: Fix | None = None, severity: str | None = None, **args
) -> Diagnostic:
    return Diagnostic(
        r.code, r.name, severity or r.severity, r.component, span, r.format(lang, **args), fix, r.citation
    )


def lookup(code_or_name: str) -> Rule | None:
    return RULES.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


@cache
def checks_for(profile: str | None, stage: str = "document") -> tuple[Rule, ...]:
    """The rules with a check of a stage that apply to a profile (every one when None: the input
    stage runs before the profile is chosen), the final ones first, else in declaration order
    (all are declared by the time a document is checked)."""
    found = [r for r in RULES.values() if r.check and r.stage == stage and profile in (None, *r.profiles)]
    return tuple(sorted(found, key=lambda r: not r.final))


def run_stage(stage: str, doc, ctx: Context) -> list[Diagnostic]:
    """The diagnostics of one stage (the input stage: what the reader noted, then its checks).
    A final rule that fires ends the stage: the other checks of the stage are not run."""
    out = []
    if stage == "input" and ctx.source is not None:
        out = [diagnostic(rule, Span.at(1), ctx.lang, **args) for rule, args in ctx.source.notes]
    for r in checks_for(ctx.profile, stage):
        if r.regime_form and ctx.choice is not None and ctx.choice.mixed:
            continue  # the mixed-regime diagnostic already says this part has the other regime's form
        comp = doc.components.get(r.component) if r.component else None
        if comp and comp.get("status") == "needs_review" and r.code != "VB130":
            continue  # a part read through OCR damage: its fields are not judged, VB130 asks for review
        found = []
        for hit in r.check(doc, ctx) or ():
            target = BY_NAME[hit.rule] if hit.rule else r
            d = diagnostic(target, hit.span, ctx.lang, hit.fix, hit.severity, **hit.args)
            found.append(on_scan(d, ctx))
        if r.final and found:
            return out + found
        out += found
    return out


def ended(diagnostics: list[Diagnostic]) -> bool:
    """Did a final rule fire (no later stage runs)?"""
    return any(RULES[d.code].final for d in diagnostics if d.code in RULES)


_REVIEW = {
    "vi": " (bản quét: có thể do nhận dạng sai, cần đối chiếu bản gốc)",
    "en": " (scan: may be an OCR misreading; check against the original)",
}


def on_scan(d: Diagnostic, ctx: Context) -> Diagnostic:
    """d as reported: for review, as info, when its rule judges what a scan often loses or
    misreads and its line was read from one."""
    r = RULES.get(d.code)
    return (
        _for_review(d, ctx.lang)
        if r and (r.small_print or r.under_seal) and _scanned(ctx, d.span.line)
        else d
    )


def _scanned(ctx: Context, line: int) -> bool:
    """Was this line read by OCR (not from a PDF page's own text layer)?"""
    boxes = getattr(ctx.source, "boxes", None)
    return bool(boxes) and 1 <= line <= len(boxes) and boxes[line - 1][1] is not None


def _for_review(d: Diagnostic, lang: str) -> Diagnostic:
    """Measured on printed and scanned conforming documents: nearly every small-print finding on
    a scan was the scan's, not the document's. Kept, but as info, so a scanned batch fails on
    what the document says, not on what OCR lost."""
    return replace(d, severity="info", message=d.message + _REVIEW.get(lang, _REVIEW["vi"]))
