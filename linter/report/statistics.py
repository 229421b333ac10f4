"""--format statistics: how often each rule fired, most frequent first, and a total line."""

from collections import Counter
from string import Formatter
from typing import NamedTuple

from linter.diagnostics import Diagnostic
from linter.rules import RULES

_WORDS = {"vi": "tổng cộng ({rules} quy tắc, {files} tệp)", "en": "total ({rules} rules, {files} files)"}
LABEL_MAX = 72


def short_label(rule, lang: str = "vi", limit: int | None = None) -> str:
    """The rule's message template with its fields elided: the shortest text that says what is
    wrong, in the rule's own words (rules carry no separate title). Cut at a word when longer
    than limit."""
    template = rule.message.get(lang, rule.message["vi"])
    # Formatter.parse understands "{{", "}}" and "{day:02d}", so no regex guesses at fields.
    parts = Formatter().parse(template)
    text = "".join(lit + ("…" if field is not None else "") for lit, field, _, _ in parts)
    if limit is None or len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:(") + " …"


_SEVERITY = {"error": 0, "warning": 1, "info": 2}


class Fired(NamedTuple):
    """A rule that fired in a batch: how often, and the most severe of its diagnostics (the
    first one seen of that severity)."""

    code: str
    count: int
    worst: Diagnostic


def tally(results) -> list[Fired]:
    """Each rule that fired, most frequent first (then by code)."""
    counts: Counter = Counter()
    worst: dict[str, Diagnostic] = {}
    for r in results:
        for d in r.diagnostics:
            counts[d.code] += 1
            w = worst.get(d.code)
            if w is None or _SEVERITY.get(d.severity, 3) < _SEVERITY.get(w.severity, 3):
                worst[d.code] = d
    return [Fired(c, n, worst[c]) for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def render(results, *, lang: str = "vi") -> str:
    fired = tally(results)
    labels = {}
    for f in fired:
        rule = RULES.get(f.code)
        labels[f.code] = short_label(rule, lang, LABEL_MAX) if rule else f.worst.message
    total = sum(f.count for f in fired)
    width = max(4, len(str(total)))  # the total is the widest count
    name_width = max((len(f.worst.name) for f in fired), default=0)
    out = [f"{f.count:>{width}}  {f.code}  {f.worst.name:<{name_width}}  {labels[f.code]}" for f in fired]
    words = _WORDS.get(lang, _WORDS["vi"])
    out.append(f"{total:>{width}}  " + words.format(rules=len(fired), files=len(results)))
    return "\n".join(out) + "\n"
