"""VB26x body: numbering of sections."""

from linter.rules.base import Hit, rule

_CIT = "HD 36-HD/VPTW (nội dung); HD 05-HD/VPTW, Phần II, 3.1.6; NĐ 30/2020, Phụ lục I, II.6"


def _walk(sections):
    yield sections
    for s in sections:
        yield from _walk(s["sections"])


def _breaks(doc):
    """(section, previous, expected) for each break in a sibling sequence. A sequence that starts
    again at its first number ("a)" after "c)") opens a new list under an unnumbered heading."""
    b = doc.components["body"]
    if not b:
        return
    for siblings in _walk(b["sections"]):
        prev = {}
        for s in siblings:
            kind, n = s["kind"], s["number"]
            if n is None:
                continue
            last = prev.get(kind)
            prev[kind] = s
            if last is not None and n != last["number"] + 1 and n != 1:
                yield s, last, last["number"] + 1


def _span(doc, s):
    tok = next(t for t in doc.parts["body"] if t.line.line == s["line"] and t.type == "SECTION")
    return tok.line.span(0, len(s["label"]) + 1)


def _skips_dd(s, last) -> bool:
    return s["kind"] == "letter" and last["label"] == "d" and s["label"] == "e"


@rule(
    code="VB261",
    small_print=True,
    name="section-numbering",
    component="body",
    severity="error",
    message={
        "vi": 'Đánh số mục không liên tục: "{label}" sau "{prev}" (cần {want}).',
        "en": 'Section numbering breaks: "{label}" after "{prev}" (expected {want}).',
    },
    citation=_CIT,
    why={
        "vi": "Các phần, mục, khoản, điểm cùng cấp được đánh số liên tục, không bỏ sót, không lặp.",
        "en": "Sections of one level are numbered in sequence, with no gap or repeat.",
    },
    bad="1. …\n2. …\n4. …",
    good="1. …\n2. …\n3. …",
)
def numbering(doc, ctx):
    for s, last, want in _breaks(doc):
        if not _skips_dd(s, last):
            yield Hit(_span(doc, s), {"label": s["label"], "prev": last["label"], "want": want})


@rule(
    code="VB264",
    small_print=True,
    name="section-letter-dd",
    component="body",
    severity="warning",
    message={
        "vi": 'Điểm "e)" đứng ngay sau "d)": theo thứ tự chữ cái tiếng Việt, sau "d)" là "đ)".',
        "en": 'Point "e)" follows "d)": in the Vietnamese alphabet "đ)" comes after "d)".',
    },
    citation=f"{_CIT}; NĐ 30/2020, Phụ lục I, II.6 (điểm: a), b), c), d), đ), e), g) …)",
    why={
        "vi": 'Điểm đánh theo thứ tự chữ cái tiếng Việt: a, b, c, d, đ, e, g, h …; nhiều văn bản bỏ sót "đ".',
        "en": 'Points follow the Vietnamese alphabet: a, b, c, d, đ, e, g, h …; many documents skip "đ".',
    },
    bad="d) …\ne) …",
    good="d) …\nđ) …\ne) …",
)
def letter_dd(doc, ctx):
    for s, last, _ in _breaks(doc):
        if _skips_dd(s, last):
            yield Hit(_span(doc, s))
