"""--format statistics: how often each rule fired, most frequent first, and a total line."""

from collections import Counter
from string import Formatter

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


def render(results, *, lang: str = "vi") -> str:
    counts: Counter = Counter()
    names: dict[str, str] = {}
    labels: dict[str, str] = {}
    for r in results:
        for d in r.diagnostics:
            counts[d.code] += 1
            names.setdefault(d.code, d.name)
            rule = RULES.get(d.code)
            labels.setdefault(d.code, short_label(rule, lang, LABEL_MAX) if rule else d.message)
    total = sum(counts.values())
    width = max(4, len(str(total)))  # the total is the widest count
    name_width = max((len(n) for n in names.values()), default=0)
    out = [
        f"{n:>{width}}  {code}  {names[code]:<{name_width}}  {labels[code]}"
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    words = _WORDS.get(lang, _WORDS["vi"])
    out.append(f"{total:>{width}}  " + words.format(rules=len(counts), files=len(results)))
    return "\n".join(out) + "\n"
