"""VB26x body: numbering of sections, the State "./." ending, the HD 05 căn cứ dash, the
preamble and closing of legal normative documents (VB265–268), and an article the recipients name
that the body lacks (VB269)."""

import re

from linter import codes
from linter import patterns as P
from linter.diagnostics import Fix
from linter.model import LETTERS, preamble
from linter.patterns import to_roman
from linter.profile import assembly, consolidated, legal_date
from linter.rules._shared import HD05_CIT, N78, PL3, VBQPPL_DOC
from linter.rules.base import HD05, STATE, VBQPPL, Hit, rule
from linter.text import fold, is_upper_line

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
    # the lines between two sections, for _inline: a line's columns joined by tabs (no text holds
    # one after normalize), so _wrapped_reference reads the one a label follows
    text: dict[int, str] = {}
    for x in doc.lines:
        text[x.line] = f"{text[x.line]}\t{_columns(x)}" if x.line in text else _columns(x)
    standard = bool(annexes) and _standard(doc)
    for k, tree in enumerate(trees + [s["sections"] for s in own]):
        # in an annex, forms and their variants ("Đối với đề nghị cấp lại: 3. …") start again
        # anywhere: a number that goes back opens a list there; skips are still reported (an
        # attached regulation or plan, numbered as a document is, is not so lenient)
        back = k >= len(trees)
        run_on = sorted(
            (s for _, level in _walk(tree) for s in level if s["kind"] in _RUN_ON), key=lambda s: s["line"]
        )
        parts = [s["line"] for _, level in _walk(tree) for s in level if s["kind"] == "phan"]
        for kind in _RUN_ON:
            for run in _by_part([s for s in run_on if s["kind"] == kind], parts):
                yield from _sequence(run, text, back)
        decimals = {
            s["label"].rstrip(".") for _, level in _walk(tree) for s in level if s["kind"] == "decimal"
        }
        for parent, siblings in _walk(tree):
            if not _amended(parent):
                yield from _first_decimal(parent, siblings, decimals, text)
                skip = _RUN_ON + ("letter",) if k and standard else _RUN_ON
                yield from _sequence([s for s in siblings if s["kind"] not in skip], text, back)


# After the signature, an attached technical regulation ("QCVN 27:2025/BCT") is drafted by the
# standards' own rules, which letter points with the Latin alphabet ("d) e) f)"), not the decree's
_STANDARD = re.compile(r"(?:QCVN|TCVN)\s+\d+:\d{4}")


def _standard(doc) -> bool:
    return any(_STANDARD.match(x.text) for x in doc.lines)


def _first_decimal(parent, siblings, decimals: set[str], text: dict[int, str]):
    """ "4.1.2" first under "4.1": its "4.1.1" was left out (a decimal label names its parent, so
    where its list starts is known; a list of "a)" or "1." may open anywhere in a quoted text).
    decimals: every decimal label of the tree; "2.1" elsewhere is the first of "2.2"'s list, which
    a list of steps after it ("2.1. …" / "1. Nộp hồ sơ" / "2. Kiểm tra" / "2.2. …") put it under."""
    first = next(
        (
            s
            for s in siblings
            if s["kind"] == "decimal" and not _wrapped_reference(s, text) and not _repealed(s)
        ),
        None,
    )
    if first is None or parent is None or first["number"] in (None, 1):
        return
    head = first["label"].rstrip(".").rsplit(".", 1)[0]
    want = f"{head}.1"
    if (
        parent["label"].rstrip(".") == head
        and want not in decimals
        and not _inline(parent, first, want, text)
    ):
        yield first, parent, want  # (run into a line: "2. Xác định giá đất … 2.1. Khảo sát …")


_RUN_ON = ("chuong", "dieu")


def _by_part(units: list, parts: list[int]) -> list[list]:
    """The runs the units are numbered in: through the whole text as a rule, but a part (Phần)
    whose first chapter is I numbers its chapters again (Luật Xử lý vi phạm hành chính: "Phần thứ
    hai" / "Chương I"; the Civil Code runs them on)."""
    runs: list[list] = [[]]
    for s in units:
        if (
            runs[-1]
            and s["kind"] == "chuong"
            and s["number"] == 1
            and any(runs[-1][-1]["line"] < p <= s["line"] for p in parts)
        ):
            runs.append([])
        runs[-1].append(s)
    return runs


def _all_breaks(doc) -> list:
    """_breaks(doc), found once per document: VB261 and VB264 both read them. A consolidated text
    leaves out what was repealed (a footnote says so), so its numbers may skip ahead."""
    if "breaks" not in doc.extra:
        gaps = consolidated(doc)
        doc.extra["breaks"] = [b for b in _breaks(doc) if not (gaps and _skips_ahead(*b))]
    return doc.extra["breaks"]


def _skips_ahead(s, prev, want: str) -> bool:
    n, m = s["number"], prev["number"]
    return n is not None and m is not None and n > m + 1 and not _skips_dd(s, prev)


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
    swapped: dict = {}  # id of a section standing in the place of the one before it: the count after it
    latin: set = set()  # kinds whose list at hand is lettered in the Latin alphabet: reported once
    k = -1  # s is numbered[k]
    for s in sections:
        if _wrapped_reference(s, text):
            continue
        if s["number"] is None:
            if _foreign(s) and (prev := last.get(_kind(s))) and _kind(s) not in latin:
                # a Latin letter ("f)", "f."): the letter that comes next in the count, once; the
                # count goes on past it ("e. f. g.": "f" wants "g", and "g." is no break again)
                latin.add(_kind(s))
                yield s, prev[0], _label(s, prev[1] + 1)
            continue
        k += 1
        kind, n = _kind(s), s["number"]
        prev = last.get(kind)
        if prev and n != prev[1] + 1 and _SENTENCE_GOES_ON.match(s["text"].lstrip()):
            continue  # out of its place, a stop after it: a sentence's word wrapped, "kỹ thuật" / "y). Người …"
        last[kind] = (s, n)
        if n == 1:
            latin.discard(kind)  # a new list
        elif prev and _skips_dd(s, prev[0]):
            latin.add(kind)  # "d) e)": its "f)", "j)" are the same mistake (VB264 reports it)
        if id(s) in swapped:  # the second of two sections in each other's place: reported at the first
            last[kind] = (s, swapped.pop(id(s)))
            continue
        if _repealed(s):
            # it keeps its place where it stands in the count (and the one replacing it may take its
            # label); one whose number reads out of place counts for nothing
            in_place = prev is None or n == prev[1] + 1
            last[kind] = (s, n) if in_place else prev
            continue
        if prev and n == prev[1] and _repealed(prev[0]):
            continue
        if prev is None or n == prev[1] + 1 or n == prev[1] and _running_head(s, prev[0]):
            continue
        if n == 1 and s["kind"] not in _RUN_ON or back and n <= prev[1]:  # (Chương, Điều run on: VB261)
            outer.setdefault(kind, []).append(prev)
            continue
        up = [i for i, (_, m) in enumerate(outer.get(kind, [])) if n == m + 1]
        if up:  # the interrupted list goes on: the run at 1 was a list inside one of its sections
            del outer[kind][up[-1] :]
            continue
        want = prev[1] + 1
        if n > want and all(_inline(prev[0], s, _label(s, m), text) for m in range(want, n)):
            continue  # run into the lines above: "1. Họ và tên: ……… 2. Giới tính: ……", "c) …; d) …; đ) …"
        if n > want and _written_otherwise(prev[0], s, [_label(s, m) for m in range(want, n)], text):
            continue  # "a)" "(b)" "(c)" "(d)" "đ)", "4." "5a." "5b." "6.": the count is whole
        after = [x for x in numbered[k + 1 :] if _kind(x) == kind][:2]
        nxt = after[0]["number"] if after else None
        if n == want + 1 and nxt == want and len(after) > 1 and after[1]["number"] == n + 1:
            swapped[id(after[0])] = n  # "Điều 53" / "Điều 52" / "Điều 54": one swap, one report
        elif nxt == want + 1 and nxt != n + 1 or nxt != n + 1 and n < want:
            last[kind] = (s, want)  # a misnumbered section: the next one counts from want
        yield s, prev[0], _label(s, want)


def _repealed(s) -> bool:
    """A consolidated text keeps a repealed section's place: "b)27 (được bãi bỏ)", "1.2 (được bãi
    bỏ)" (its footnote's mark glued to the label, which may read as a decimal), and may give its
    letter to the one that replaces it ("b)28 Vận chuyển …")."""
    return _REPEALED.search(s["text"]) is not None


_REPEALED = re.compile(r"^(?:Điều\s+)?\S+(?:\s+\d{1,3})?\s*\((?:được |đã được |đã )?bãi bỏ\)\.?$")


def _running_head(s, first) -> bool:
    """s repeats the heading first word for word, and the sections under it go on where first's
    stopped: a site's or a page's running head ("Chương III THỦ TỤC …" / "Mục 2. …" after Mục 1),
    not a second chapter (a duplicated one starts its own again)."""
    a, b = first["sections"], s["sections"]
    return (
        s["text"].split() == first["text"].split()
        and bool(a and b)
        and _kind(a[-1]) == _kind(b[0])
        and a[-1]["number"] is not None
        and b[0]["number"] == a[-1]["number"] + 1
    )


# the words a number follows in a sentence: "… theo quy định tại bước" / "3. Trong thời hạn …"
# ("số" is left out: it ends a heading as "digital", "chuyển đổi số"); and "dự án" ("tiểu dự án" /
# "2. Đến nay …"), its space lost in a text layer too ("dựán")
_TAKES_A_NUMBER = frozenset(
    ["bước", "khoản", "điểm", "điều", "mục", "phần", "chương", "lần", "mẫu", "đợt", "tiết", "dựán"]
)
_FOLDED_TAKES = frozenset(map(fold, _TAKES_A_NUMBER))


def _takes_a_number(word: str) -> bool:
    """The word is one a number follows, spelt so or with its marks lost ("buoc"), not a word that
    folds the same ("bắt buộc")."""
    w = word.lower()
    return w in _TAKES_A_NUMBER or w == fold(w) and w in _FOLDED_TAKES


# the words that point a sentence at what it names: a short line (a table's cell) that ends "như
# mục" / "2.3." names it too ("Hồ sơ đầu vào như mục" / "2.3.")
_POINTS_TO = frozenset(["nhu", "tai", "theo"])


def _columns(x) -> str:
    """The line's text, a tab where layout joined two pieces a wide gap parted on one source line
    (a table's row number and its row's text, "V.       đích, lĩnh vực …")."""
    t = x.text
    for off, line, col in x.segs[1:]:
        if off > 1 and t[off - 1] == " " and (end := x.pos(off - 2))[0] == line and col - end[1] > 4:
            t = f"{t[: off - 1]}\t{t[off:]}"
    return t


def _wrapped_reference(s, text: dict[int, str]) -> bool:
    """A label that a hard wrap put at a line's start, the number the sentence running on the line
    above was naming ("… theo quy định tại bước" / "3. Trong thời hạn …"): no section. A heading
    or a table's cell above it ("Điều 3. Tài nguyên thông tin số", "Loại mẫu") names nothing."""
    if "\t" in text.get(s["line"], "").split(" ", 1)[0]:
        return False  # the label in a column of its own: a table's row number
    # (the line above may start a line or two higher, where layout joined a dash to it)
    above = next((text[k] for k in range(s["line"] - 1, s["line"] - 4, -1) if k in text), "")
    line = above.rsplit("\t", 1)[-1]  # (its last column: the one the label follows)
    words = fold(line).split()
    if s["kind"] == "decimal" and _POINT_OF_A_STANDARD.fullmatch(s["text"].strip()):
        return True  # a table's cell: "Đánh giá theo điểm" / "2.7 QCVN 02:2019.", "2.5.9 và 2.5.10 QCVN"
    if s["kind"] == "dieu" and len(words) >= 2 and words[-2] in ("khoan", "diem") and _one_label(words[-1]):
        return True  # "… tại khoản 3" / "Điều 1.": "khoản 3 Điều 1", wrapped
    if s["kind"] == "dieu" and _ARTICLE_NAMED.fullmatch(s["text"]) and line[-1:].isalpha():
        return True  # "20. Sửa đổi, bổ sung" / "Điều 45:" / "“Điều 45. …": the article it amends, wrapped
    if s["kind"] == "dieu" and words and words[-1] in _POINTS_TO and _ARTICLE_ALONE.fullmatch(s["text"]):
        return True  # "… thành cụm từ “khoản 2 Điều 16” tại" / "Điều 10.": the sentence's end
    if (
        s["kind"] in ("phan", "chuong", "muc", "tieu_muc")
        and (line[-1:].isalpha() or line[-1:] == ",")
        and not is_upper_line(line)
    ):
        rest = s["text"].split(None, 2)[2:]  # after the unit's word and its number
        if rest and (
            rest[0][:1] in ";,"
            or rest[0][:1].islower()
            or rest[0].startswith(_REFERENCE_WORDS)
            or _CITED_DOCUMENT.match(rest[0])
        ):
            return True  # "… theo quy định tại" / "Mục 3 Chương này; …", "… và Chương II," / "Chương III Thông tư số …"
    if (
        s["kind"] == "roman"
        and (words[-2:] == ["dai", "hoi"] or words[-1:] == ["khoa"])
        and not is_upper_line(line)
    ):
        return True  # "… thực hiện Nghị quyết Đại hội" / "XIII. Đảng ta …": the congress or term it names
    return (
        (len(line) >= 40 or len(words) >= 3 and words[-2] in _POINTS_TO)
        and line[-1:].isalpha()
        and (_takes_a_number(line.split()[-1]) or words[-2:] == ["du", "an"])
        and words[-2:] != ["danh", "muc"]
        # (a point's long line runs on: "a) Điều 1, … khoản 1 Điều" / "13) và Điều 16 …"; not "… đê điều")
        and (P.section_of(line) is None or len(line) >= 60 and line.split()[-1] in ("Điều", "khoản", "điểm"))
        and not is_upper_line(line)  # a heading in capitals: "Mục 2" / "KHẤU TRỪ TIỀN TỪ TÀI KHOẢN"
    )


# points of a technical standard named, and nothing else: "2.4.15 QCVN 02:2019", "2.5.9 và 2.5.10 QCVN"
_POINT_OF_A_STANDARD = re.compile(
    r"[\d.]+(?:,? (?:và )?\d+(?:\.\d+)+)*,? (?:QCVN|TCVN)(?: [\d:/.A-ZĐ-]+)?\.?"
)
_ARTICLE_NAMED = re.compile(r"Điều \d+[a-zđ]?:")
_ARTICLE_ALONE = re.compile(r"Điều \d+[a-zđ]?[.;,]?")
_REFERENCE_WORDS = ("Chương", "Mục", "Phần", "Điều")  # a reference goes on "Mục 3 Chương này"
_CITED_DOCUMENT = re.compile(
    r"(?:Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định)\s+(?:số|này)\b"
)


def _one_label(word: str) -> bool:
    """A khoản's number or a điểm's letter: "3", "a"."""
    return word.isdigit() or len(word) == 1 and word.isalpha()


def _inline(prev, s, label: str, text: dict[int, str]) -> bool:
    """Whether the lines from section prev to section s hold the label further on, after a space
    (a page that ran several points into one line holds each)."""
    if unit := _UNIT_WORD.get(s["kind"]):  # a heading glued after a sentence: "… đó. Chương IV CHUYỂN …"
        glued = rf"(?:[.;:\]][\"”]?|[\"”])\s*{unit}"
        head = f"(?:{glued}|^{_MISSPELT[s['kind']]})" if s["kind"] in _MISSPELT else glued
        at = re.compile(rf"{head}\s+{re.escape(label)}(?:\s+[A-ZĐ]|[.:])")
    else:  # ("… tiêu cực.2. Giao …"; a list whose labels close with a dash, "2- …", after a note's "]")
        close = "[.)-]" if s["text"][len(s["label"]) : len(s["label"]) + 1] == "-" else "[.)]"
        at = re.compile(rf"(?:\s|(?<=[^\W\d_][.;:])){re.escape(label)}\s*{close}\s")
    return any(at.search(text.get(n, "")) for n in range(prev["line"], s["line"]))


_SENTENCE_GOES_ON = re.compile(r"[a-zđ]\)[.,;]")
_UNIT_WORD = {"phan": "(?:Phần|PHẦN)", "chuong": "(?:Chương|CHƯƠNG)", "muc": "(?:Mục|MỤC)", "dieu": "Điều"}
_MISSPELT = {
    "dieu": r"[ĐD]i[^\W\d_]u"
}  # a label whose word is misspelt at a line's start: "Điêu 2.", "Đièu 6."


def _written_otherwise(prev, s, labels: list[str], text: dict[int, str]) -> bool:
    """Whether each of the labels opens a line between sections prev and s written in a way not
    read as a section, but one in the count: a point in brackets, "(b)" ("(i)" must stay a
    sub-point), a number split into lettered parts, "5a." "5b." ("7a, 7b, 7c."), or a number with
    a consolidated text's footnote mark glued after its stop, "2.14 Ủy ban …" (two digits or more:
    not a clause "2.1")."""
    heads = [text.get(n, "").lstrip()[:8] for n in range(prev["line"] + 1, s["line"])]
    if s["kind"] == "letter":
        return all(any(h.startswith(f"({x})") for h in heads) for x in labels)
    # ("(2)" is not "2.": a list of its own, "(1) … (7)", often runs inside a section)
    return s["kind"] == "arabic" and all(
        any(re.match(rf"{x}(?:[a-zđ][.,)\s]|\.\d\d)", h) for h in heads) for x in labels
    )


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
            yield Hit(doc.body.section_span(s), {"label": s["label"], "prev": last["label"], "want": want})


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
            yield Hit(doc.body.section_span(s), {"e": f"e{p}", "d": f"d{_style(last)}", "dd": f"đ{p}"})


_NOTE = re.compile(r"\(?\s*(?:gui |xin gui )?(?:kem theo|dinh kem|ghi chu|phu luc)\b")


# a note in parentheses that names what is sent with the document, the mention anywhere in it:
# "(Công điện số 225/CĐ-TTg ngày 20/11/2025 gửi kèm theo)", possibly wrapped over a few lines
# (with a bracket inside it: "(… Đoàn Luật sư Đắk Nông (cũ) …)")
_IN_BRACKETS = r"(?:[^()]|\([^()]*\))*"
_ATTACHES = r"kem theo|gui kem|dinh kem"  # (folded) what is sent with the document
_ATTACHED = re.compile(rf"\({_IN_BRACKETS}\b(?:{_ATTACHES})\b{_IN_BRACKETS}\)\.?")


_ENDED = re.compile(r"\./\.?$")
_ENDED_PLACED = re.compile(r"\.\s*/\s*\.?$")  # (the spaces a text layer placed between the marks)


def _ended_before_a_note(body: list, ended: re.Pattern = _ENDED) -> bool:
    """The body ends "./." a few lines above its last, and what follows is a note on what is sent
    with the letter or apart from it: "Sở Tư pháp gửi kèm theo dự thảo Quyết định …", "(Về hồ sơ có
    liên quan, … sẽ trực tiếp gửi …)". Any other line after "./." is the body's ("(Các sở báo cáo
    trước ngày 15/9/2025)"), which then lacks its ending."""
    # (the last seven source lines: a line a text layer cut into cells counts once)
    tail = [x for x in body[-14:] if x.line > body[-1].line - 7]
    for k in range(len(tail) - 2, -1, -1):
        if ended.search(tail[k].text.rstrip()):
            return bool(_SENT_WITH.search(" ".join(fold(x.text) for x in tail[k + 1 :])))
    return False


_SENT_WITH = re.compile(rf"\b(?:{_ATTACHES}|gui)\b")  # (or apart from it: "sẽ trực tiếp gửi")


def _before_notes(body: list) -> list:
    """The body without the notes under its last line ("(Gửi kèm theo Phụ lục …)", "Ghi chú: …")."""
    while len(body) > 1:
        if _NOTE.match(fold(body[-1].text)):
            body = body[:-1]
            continue
        k = next((k for k in range(1, min(7, len(body))) if body[-k].text.lstrip()[:1] == "("), 0)
        if not (k and _ATTACHED.fullmatch(" ".join(fold(t.text).strip() for t in body[-k:]))):
            break
        body = body[:-k]
    return body


@rule(
    code="VB262",
    small_print=True,
    name="state-body-ending",
    component="body",
    severity="warning",
    fix="safe",
    profiles=STATE,
    message={"vi": 'Nội dung văn bản Nhà nước kết thúc bằng "./.".', "en": 'A State body ends with "./.".'},
    citation=f"{PL3} (các mẫu văn bản)",
    why={
        "vi": 'Mọi mẫu của Phụ lục III kết thúc nội dung bằng "./." (thể hiện trong mẫu, không ghi trong lời văn).',
        "en": 'Every Phụ lục III template ends the body with "./." (shown in the templates, not stated in the prose).',
    },
    bad="… tổ chức thực hiện.",
    good="… tổ chức thực hiện./.",
)
def body_ending(doc, ctx):
    body = doc.body.lines if doc.body else ()
    if not body or doc.doc_type in ("giay_moi", "giay_gioi_thieu", "bien_ban"):
        return
    ended = _ENDED_PLACED if ctx.spaces_placed else _ENDED  # (a text layer's "…).         /.")
    if ended.search(body[-1].text.rstrip()) or _ended_before_a_note(body, ended):
        return  # (a note under the last sentence may carry the ending: "(Đính kèm dự thảo …)./.")
    if not (doc.signature or doc.recipients) and any(ended.search(x.text.rstrip()) for x in body):
        return  # the closing parts unread, the body ran on past its "./." into an annex
    last = _before_notes(body)[-1]  # "(Gửi kèm theo Phụ lục …)" under the body's last line: a note
    t = last.text.rstrip()
    if not ended.search(t):
        k = len(t) - 1 if t.endswith(".") else len(t)
        yield Hit(last.span(k, len(t)), fix=Fix("safe", "./.", last.span(k, len(t))))


@rule(
    code="VB263",
    small_print=True,
    name="hd05-can-cu-form",
    component="body",
    severity="error",
    profiles=HD05,
    fix="safe",
    message={
        "vi": 'Theo HD 05, mỗi căn cứ đứng đầu bằng gạch đầu dòng "- ".',
        "en": 'Under HD 05 each legal basis (căn cứ) starts with a dash "- ".',
    },
    citation=f"{HD05_CIT}, 3.1.6",
    why={
        "vi": 'Căn cứ ban hành: mỗi căn cứ một dòng, có gạch đầu dòng, kết thúc bằng ";", căn cứ cuối cùng bằng ".".',
        "en": 'Each basis on its own line, with a dash, ending ";", the last one ".".',
    },
    bad="Căn cứ Điều lệ Đảng;",
    good="- Căn cứ Điều lệ Đảng;",
)
def can_cu(doc, ctx):
    for base in doc.body.bases() if doc.body else ():
        if base.line and not base.dash:
            yield Hit(base.line.span(0, 1), fix=Fix("safe", "- ", base.line.span(0, 0)))


def _passed(doc) -> bool:
    """Texts dated by their passage, which close with "… thông qua ngày …": those of the Quốc
    hội, its Standing Committee and the Hội đồng nhân dân."""
    symbol = (doc.components["number"] or {}).get("symbol") or ""
    return assembly(doc) and doc.doc_type != "lenh" or symbol.endswith("HĐND")


def _regime(doc, ctx) -> str | None:
    """The regime of the document's date; None when it has no date to tell (a copy that lost its
    date line is not judged by the newest rules)."""
    return ctx.choice.regime if ctx.choice and legal_date(doc) else None


def _clauses(doc):
    """The preamble's clauses, except in a consolidated text (it reproduces the original's); read
    once for the three rules that judge them."""
    if "preamble" not in doc.extra:
        doc.extra["preamble"] = [] if consolidated(doc) else preamble(doc)
    return doc.extra["preamble"]


_BASES = ("basis", "proposal")


@rule(
    code="VB265",
    name="vbqppl-preamble-punctuation",
    component="body",
    severity="warning",
    small_print=True,
    fix="safe",
    profiles=VBQPPL,
    example={"want": ";", "mark": "."},
    message={
        "vi": 'Mỗi căn cứ, đề nghị kết thúc bằng dấu chấm phẩy, câu ban hành bằng dấu chấm: cần "{want}", không phải "{mark}".',
        "en": 'Each basis and proposal ends with a semicolon, the enacting sentence with a full stop: "{want}" expected, not "{mark}".',
    },
    citation=f"{N78}, Điều 62 (căn cứ ban hành); {VBQPPL_DOC} §6 (as issued documents write it: Phụ lục I not read)",
    why={
        "vi": 'Căn cứ ban hành và "Theo đề nghị của …" / "Xét …" mỗi dòng kết thúc bằng ";", kể cả dòng cuối trước câu ban hành; câu ban hành ("Chính phủ ban hành Nghị định …") kết thúc bằng ".". Trước dòng "QUYẾT ĐỊNH:" của văn bản theo NĐ 34/2016, dòng cuối có thể kết thúc bằng dấu chấm hoặc dấu phẩy.',
        "en": 'Each basis and each "Theo đề nghị của …" / "Xét …" line ends with ";", the last one before the enacting sentence too; the enacting sentence ("Chính phủ ban hành Nghị định …") ends with ".". Before an NĐ 34-era "QUYẾT ĐỊNH:" line the last one may end with a full stop or a comma.',
    },
    bad="Theo đề nghị của Giám đốc Sở Tài chính.\nỦy ban nhân dân tỉnh ban hành Quyết định …:",
    good="Theo đề nghị của Giám đốc Sở Tài chính;\nỦy ban nhân dân tỉnh ban hành Quyết định ….",
)
def preamble_punctuation(doc, ctx):
    clauses = _clauses(doc)
    for c, nxt in zip(clauses, clauses[1:] + [None]):
        if c.kind == "enacting":
            want = "."
        elif c.kind in _BASES and nxt is not None and nxt.kind in (*_BASES, "enacting"):
            want = ";"
        else:
            continue  # the last one before "QUYẾT ĐỊNH:", or before text we cannot name
        if c.mark != want:
            yield _mark_hit(c, want)


def _mark_hit(c, want: str) -> Hit:
    if c.mark in ";.,:":
        span = c.line.span(c.end - 1, c.end)
        return Hit(span, {"want": want, "mark": c.mark}, Fix("safe", want, span))
    span = c.line.span(c.end, c.end)  # no mark at all: "… Bộ Tài chính" / "Chính phủ ban hành …"
    return Hit(span, {"want": want, "mark": "…" + c.text[-12:]}, Fix("safe", want, span))


@rule(
    code="VB266",
    small_print=True,
    name="vbqppl-enacting-formula",
    component="body",
    severity="warning",
    profiles=VBQPPL,
    example={"who": "Ủy ban nhân dân tỉnh", "type": "Quyết định"},
    message={
        "vi": 'Sau căn cứ phải có câu ban hành "{who} ban hành {type} <tên gọi>." (từ 01/4/2025 không dùng dòng "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:").',
        "en": 'The bases are followed by the enacting sentence "{who} ban hành {type} <name>." (from 1/4/2025 a "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" line is not used).',
    },
    citation=f"{VBQPPL_DOC} §7 (every document issued from 1/4/2025 seen; {N78}, Phụ lục I not read)",
    why={
        "vi": 'Văn bản quy phạm pháp luật ban hành từ 01/4/2025 kết thúc phần mở đầu bằng một câu: chủ thể ban hành, "ban hành", tên loại và tên gọi ("Chính phủ ban hành Nghị định quy định …."), rồi đến Chương hoặc Điều 1. Dòng "QUYẾT ĐỊNH:" là thể thức của văn bản hành chính và của văn bản địa phương trước đó.',
        "en": 'A legal normative document issued from 1/4/2025 ends its preamble with one sentence: the issuer, "ban hành", the type and the name ("Chính phủ ban hành Nghị định quy định …."), then Chương or Điều 1. A "QUYẾT ĐỊNH:" line is the form of administrative documents and of earlier local ones.',
    },
    bad="Theo đề nghị của Giám đốc Sở Tài chính;\nQUYẾT ĐỊNH:\nĐiều 1. …",
    good="Theo đề nghị của Giám đốc Sở Tài chính;\nỦy ban nhân dân tỉnh ban hành Quyết định quy định ….\nĐiều 1. …",
)
def enacting_formula(doc, ctx):
    if _regime(doc, ctx) not in ("nd78", "nd78-187") or assembly(doc):
        return
    clauses = _clauses(doc)
    if not any(c.kind == "basis" for c in clauses) or any(c.kind == "enacting" for c in clauses):
        return
    at = next((c for c in clauses if c.kind == "formula"), None)
    if at is None:  # no "QUYẾT ĐỊNH:": only when nothing at all follows the bases
        at = clauses[-1]
        rest = re.split(r"[;.]\s", at.text[:-1])[-1] if re.search(r"[;.]\s", at.text[:-1]) else ""
        if at.kind not in _BASES or len(rest.split()) >= 4:
            return  # text after them that OCR or a typo kept from reading as the sentence
    issuer = fold((doc.components["issuer"] or {}).get("text") or "")
    who = "Ủy ban nhân dân" if "uy ban nhan dan" in issuer else "<chủ thể>"
    yield Hit(at.span(), {"who": who, "type": codes.type_vi(doc.doc_type).capitalize()})


_LAW = re.compile(r"Căn cứ (?:Bộ luật|Luật|Pháp lệnh)\b")


# its number, or what is left of one ("số 63/2O25/QH15": a digit misread)
_LAW_NUMBER = re.compile(r"\d+\s*/\s*\w{4}\s*/\s*\w*QH|\bsố\s+\S*\d\S*/", re.I)


@rule(
    code="VB268",
    small_print=True,
    name="vbqppl-law-cited-by-number",
    component="body",
    severity="warning",
    profiles=VBQPPL,
    example={"text": "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"},
    message={
        "vi": 'Từ 01/7/2025, luật và pháp lệnh làm căn cứ được viện dẫn bằng tên và số, ký hiệu ("… số 63/2025/QH15"): "{text}".',
        "en": 'From 1/7/2025 a law or ordinance cited as a basis is cited by its name and number ("… số 63/2025/QH15"): "{text}".',
    },
    citation=f"{N78}, Điều 68.1 (thay thế bởi NĐ 187/2025/NĐ-CP); {VBQPPL_DOC} §6",
    why={
        "vi": 'NĐ 187/2025 sửa cách viện dẫn: luật, pháp lệnh ghi tên đầy đủ và số, ký hiệu; được sửa đổi thì thêm "được sửa đổi, bổ sung bởi" và số của văn bản sửa đổi. Trước đó (NĐ 78 bản gốc) luật được viện dẫn bằng tên và ngày thông qua.',
        "en": 'NĐ 187/2025 changed how laws are cited: by full name and number; an amended one adds "được sửa đổi, bổ sung bởi" and the amending law\'s number. Before it (NĐ 78 as first issued) a law was cited by name and date of passage.',
    },
    bad="Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    good="Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
)
def law_cited_by_number(doc, ctx):
    if _regime(doc, ctx) != "nd78-187":
        return
    for c in _clauses(doc):
        if c.kind == "basis" and _LAW.match(c.text) and not _LAW_NUMBER.search(c.text):
            yield Hit(c.span(), {"text": c.text if len(c.text) < 90 else c.text[:88] + "…"})


# "… được … khóa XV, Kỳ họp thứ 10 thông qua ngày …", any of its words read
_PASSAGE = re.compile(r"\bthong\s+qua\b|\bky\s+hop\s+(?:thu|chuyen)|\bkhoa\s+[ivxl]+\b")


@rule(
    code="VB267",
    small_print=True,
    name="vbqppl-passage-line",
    component="body",
    severity="warning",
    profiles=VBQPPL,
    example={"doc_type_vi": "nghị quyết"},
    message={
        "vi": 'Thiếu dòng thông qua sau điều cuối ("{doc_type_vi} này được … khóa …, Kỳ họp thứ … thông qua ngày …").',
        "en": 'The passage line after the last article is missing ("{doc_type_vi} này được … khóa …, Kỳ họp thứ … thông qua ngày …").',
    },
    citation=f"{VBQPPL_DOC} §9",
    why={
        "vi": 'Luật, nghị quyết của Quốc hội, pháp lệnh, nghị quyết của Ủy ban Thường vụ Quốc hội và nghị quyết của Hội đồng nhân dân ghi ngày thông qua: cuối văn bản có dòng "… này được … khóa …, Kỳ họp thứ … thông qua ngày … tháng … năm …".',
        "en": 'Laws, resolutions of the National Assembly, ordinances, resolutions of its Standing Committee and of People\'s Councils are dated by their passage: they close with "… này được … khóa …, Kỳ họp thứ … thông qua ngày …".',
    },
    bad="Điều 3. … có hiệu lực từ ngày 01 tháng 12 năm 2025./.\n(chữ ký)",
    good="Điều 3. …/.\nNghị quyết này đã được Hội đồng nhân dân tỉnh khóa X, Kỳ họp thứ 5 thông qua ngày 18 tháng 11 năm 2025.",
)
def passage_line(doc, ctx):
    body = doc.body.lines if doc.body else ()
    if not body or not _passed(doc) or consolidated(doc):
        return  # (a consolidated text leaves the passage line to the texts it merges)
    tail = fold(" ".join(x.text for x in body[-8:]))
    if not _PASSAGE.search(tail):
        yield Hit(body[-1].span(), {"doc_type_vi": codes.type_vi(doc.doc_type).capitalize()})


# "- Như Điều 4;": the recipients the execution article names (folded, after the item's dash)
_AS_ARTICLE = re.compile(r"[-+•\s]*nhu\s+dieu\s+(\d{1,3})\b")


@rule(
    code="VB269",
    example={"text": "- Như Điều 4;", "n": "4", "last": "3"},
    name="article-cited-missing",
    component="body",
    severity="warning",
    message={
        "vi": 'Nơi nhận ghi "{text}" nhưng nội dung chỉ có đến Điều {last}: điều thi hành mất nhãn "Điều {n}." hoặc nơi nhận ghi sai số điều.',
        "en": 'The recipients name "{text}" but the body stops at Điều {last}: the execution article lost its label "Điều {n}.", or the recipients cite the wrong article.',
    },
    citation=f'{PL3} (mẫu 1.2, 1.3: Nơi nhận "- Như Điều …;"); NĐ 30/2020, Phụ lục I, II.6',
    why={
        "vi": 'Quyết định gửi "Như Điều …" cho những người có trách nhiệm thi hành nêu ở điều cuối; điều đó phải có trong nội dung, đúng số.',
        "en": 'A decision is sent "Như Điều …" to those its last article charges with carrying it out; that article must stand in the body, under that number.',
    },
    bad="Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\nChánh Văn phòng … chịu trách nhiệm thi hành Quyết định này./.\nNơi nhận:\n- Như Điều 4;",
    good="Điều 3. …\nĐiều 4. Chánh Văn phòng … chịu trách nhiệm thi hành Quyết định này./.\nNơi nhận:\n- Như Điều 4;",
)
def article_cited_missing(doc, ctx):
    b = doc.components["body"]
    r = doc.recipients
    if not (b and r):
        return
    articles = [s["number"] for _, level in _walk(b["sections"]) for s in level if s["kind"] == "dieu"]
    last = max((n for n in articles if n is not None), default=None)
    if last is None:  # (a document without articles: "Như Điều …" is some other text's)
        return
    for item in r.items:
        m = _AS_ARTICLE.match(fold(item.text))
        if m and int(m.group(1)) > last and item.line is not None:
            yield Hit(item.line.span(), {"text": item.text.strip(), "n": m.group(1), "last": str(last)})
