"""VB26x body: numbering of sections."""

import re

from linter import patterns as P
from linter.model import LETTERS
from linter.patterns import to_roman
from linter.rules.base import Hit, rule

_CIT = "HD 36-HD/VPTW (nội dung); HD 05-HD/VPTW, Phần II, 3.1.6; NĐ 30/2020, Phụ lục I, II.6"


def _walk(sections, parent=None):
    """Each list of sibling sections, with the section they stand under (None at the top)."""
    yield parent, sections
    for s in sections:
        yield from _walk(s["sections"], s)


# "2. Sửa đổi, bổ sung điểm a, c khoản 1 Điều 3 như sau:": the points under it are the amended
# text's own, written with its letters ("a)", "c)"); their numbering is not this document's
_AMENDS = re.compile(r"(?:sửa đổi|bổ sung|thay thế|bãi bỏ)\b.*\b(?:điểm|khoản)\b", re.I)


# an annex that amends another text ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐỊNH MỨC … TẠI CHƯƠNG III …") quotes
# the parts it changes with their own numbers, which skip what it leaves alone ("Mục 2", "Mục 4")
# (a text it names by number; "THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG" lists procedures of its own)
_AMENDING = re.compile(r"\b(?:SỬA ĐỔI|BỔ SUNG|THAY THẾ)\b.*\bSỐ\s*\d+/")


def _amended(parent) -> bool:
    return parent is not None and bool(_AMENDS.search(parent["text"]))


def _breaks(doc):
    """(section, previous, expected label) for each break in the numbering of the body and, on
    their own, of the annexes after the signature. Chương and Điều run on through the whole text
    ("Điều 5" opens Chương II after "Điều 4"); every other level counts within its parent."""
    b = doc.components["body"]
    if not b:
        return
    annexes = b.get("annexes") or []
    trees = [b["sections"], [s for s in annexes if s["kind"] != "annex"]]
    own = [s for s in annexes if s["kind"] == "annex" and not _AMENDING.search(s.get("title", ""))]
    text = {t.line.line: t.text for t in doc.toks}  # the lines between two sections, for _inline
    for k, tree in enumerate(trees + [s["sections"] for s in own]):
        # in an annex, forms and their variants ("Đối với đề nghị cấp lại: 3. …") start again
        # anywhere: a number that goes back opens a list there; skips are still reported (an
        # attached regulation or plan, numbered as a document is, is not so lenient)
        back = k >= len(trees)
        run_on = sorted(
            (s for _, level in _walk(tree) for s in level if s["kind"] in _RUN_ON), key=lambda s: s["line"]
        )
        for kind in _RUN_ON:
            yield from _sequence([s for s in run_on if s["kind"] == kind], text, back)
        for parent, siblings in _walk(tree):
            if not _amended(parent):
                yield from _sequence([s for s in siblings if s["kind"] not in _RUN_ON], text, back)


_RUN_ON = ("chuong", "dieu")


def _all_breaks(doc) -> list:
    """_breaks(doc), found once per document: VB261 and VB264 both read them."""
    if "breaks" not in doc.extra:
        doc.extra["breaks"] = list(_breaks(doc))
    return doc.extra["breaks"]


def _sequence(sections, text: dict[int, str], back: bool = False):
    """The breaks in one sequence. One that starts again at its first number ("a)" after "c)")
    opens a new list under an unnumbered heading, and the list it interrupted may go on after it
    ("1. Trình tự" / "1. … 5." / "2. Cách thức"). After a break the count goes on from the written
    number when the next section does ("1, 2, 4, 5": one skip; "1, 2, 2, 3": one repeat), from the
    expected one when the next section does or the number went back ("1, 2, 2, 4", "1, 2, 3, 5,
    5": one misnumbered section), so one mistake is reported once."""
    numbered = [s for s in sections if s["number"] is not None]
    last: dict = {}  # per kind: (section, the number it stands for)
    outer: dict = {}  # per kind: the lists a restart at 1 interrupted ("1. … 1. 2. 3. … 2.")
    k = -1  # s is numbered[k]
    for s in sections:
        if s["number"] is None:
            if _foreign(s) and (prev := last.get(_kind(s))):
                # a Latin letter ("f)", "f."): the letter that comes next in the count, once; the
                # count goes on past it ("e. f. g.": "f" wants "g", and "g." is no break again)
                yield s, prev[0], _label(s, prev[1] + 1)
            continue
        k += 1
        kind, n = _kind(s), s["number"]
        prev = last.get(kind)
        last[kind] = (s, n)
        if prev is None or n == prev[1] + 1:
            continue
        if n == 1 and s["kind"] not in _RUN_ON or back and n <= prev[1]:  # (Chương, Điều run on: VB261)
            outer.setdefault(kind, []).append(prev)
            continue
        up = [i for i, (_, m) in enumerate(outer.get(kind, [])) if n == m + 1]
        if up:  # the interrupted list goes on: the run at 1 was a list inside one of its sections
            del outer[kind][up[-1] :]
            continue
        want = prev[1] + 1
        if n == want + 1 and _inline(prev[0], s, _label(s, want), text):
            continue  # run into the lines above: "1. Họ và tên: ……… 2. Giới tính: ……", "… dân tộc. b) Ủy ban …"
        nxt = next((x["number"] for x in numbered[k + 1 :] if _kind(x) == kind), None)
        if nxt == want + 1 and nxt != n + 1 or nxt != n + 1 and n < want:
            last[kind] = (s, want)  # a misnumbered section: the next one counts from want
        yield s, prev[0], _label(s, want)


def _inline(prev, s, label: str, text: dict[int, str]) -> bool:
    """Whether the lines from section prev to section s hold the label further on, after a space."""
    at = re.compile(rf"\s{re.escape(label)}\s*[.)]\s")
    return any(at.search(text.get(n, "")) for n in range(prev["line"], s["line"]))


def _style(s) -> str:
    """How a point closes its letter: ")" in "a)", "." in "a."; "" for every other kind."""
    if s["kind"] != "letter":
        return ""
    return s["text"].lstrip()[len(s["label"]) :].lstrip()[:1]


def _kind(s) -> tuple[str, str]:
    """The sequence a section counts in: its kind, and for points their style ("a)" and "a."
    lists are counted apart when a document mixes them)."""
    return s["kind"], _style(s)


def _foreign(s) -> bool:
    """A point lettered with a Latin letter the Vietnamese alphabet has not: f, j, w, z."""
    return s["kind"] == "letter" and s["label"] in "fjwz"


def _label(s, n: int) -> str:
    """Number n written the way section s writes its own: "c", "III", "2.3", "3"."""
    kind, label = s["kind"], s["label"]
    if kind == "letter":
        return LETTERS[n - 1] if n <= len(LETTERS) else str(n)
    if kind == "decimal":
        head = label.rstrip(".").rsplit(".", 1)[0]
        return f"{head}.{n}"
    if P.roman(label) is not None and not label.isdigit():
        return to_roman(n)
    return str(n)


def _span(doc, s):
    toks = doc.parts.get("body", []) + doc.parts.get("trailer", [])
    tok = next(t for t in toks if t.line.line == s["line"] and t.data.get("kind") == s["kind"])
    return tok.line.span(0, len(s["label"]) + 1)


def _skips_dd(s, last) -> bool:
    return s["kind"] == "letter" and last["label"] == "d" and s["label"] == "e"  # (want: "đ")


@rule(
    code="VB261",
    example={"label": "4", "prev": "2", "want": "3"},
    small_print=True,
    name="section-numbering",
    component="body",
    severity="error",
    message={
        "vi": 'Đánh số mục không liên tục: "{label}" sau "{prev}" (cần "{want}").',
        "en": 'Section numbering breaks: "{label}" after "{prev}" (expected "{want}").',
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
    for s, last, want in _all_breaks(doc):
        if not _skips_dd(s, last):
            yield Hit(_span(doc, s), {"label": s["label"], "prev": last["label"], "want": want})


@rule(
    code="VB264",
    small_print=True,
    name="section-letter-dd",
    component="body",
    severity="warning",
    example={"e": "e)", "d": "d)", "dd": "đ)"},
    message={
        "vi": 'Điểm "{e}" đứng ngay sau "{d}": theo thứ tự chữ cái tiếng Việt, sau "{d}" là "{dd}".',
        "en": 'Point "{e}" follows "{d}": in the Vietnamese alphabet "{dd}" comes after "{d}".',
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
    for s, last, _ in _all_breaks(doc):
        if _skips_dd(s, last):
            p = _style(s)
            yield Hit(_span(doc, s), {"e": f"e{p}", "d": f"d{_style(last)}", "dd": f"đ{p}"})
