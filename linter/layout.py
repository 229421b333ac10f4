"""layout: physical Lines -> logical Lines.

Undoes what scanning and text extraction do to a page: two header columns merged on one line
("TỈNH ỦY QUẢNG NINH ĐẢNG CỘNG SẢN VIỆT NAM", "Số 400 - TB/TU Quảng Ninh, ngày …", "Nơi nhận:
T/M BAN THƯỜNG VỤ"), header phrases and date lines broken over two lines ("ĐẢNG CỘNG SẢN" /
"VIỆT NAM", "Hà Nội, ngày 19" / "tháng 11 năm 2025"), table cells flattened with "|", and OCR
debris ("^", "*nel*", a stray quote before a title)."""

import re

from linter import patterns as P
from linter.lines import Line
from linter.text import fold, is_upper_line

_TRAILING_DEBRIS = re.compile(r"(?:\s+(?:\^|\*[a-z]{1,6}\*|[`'^~]+|\*))+$")  # (a lone "*" line is the star)
_LEADING_DEBRIS = re.compile(r"^(?:[`'^~|]+\s*)+(?=\S)")
_STRAY_BEFORE = re.compile(r"^[*'`^~]+\s+(?=[A-ZĐÀ-Ỹa-zđà-ỹ])")
_DEBRIS_LAST = frozenset("^*`'~]")
_DEBRIS_FIRST = frozenset("`'^~|*")
# table cell borders and glued rules ("PHỦ_ Số:"); never the bar OCR reads for the slash of an
# authority prefix, "T|M BAN THƯỜNG VỤ", "K|T"
_CELL = re.compile(r"(?<!^[TK])(?<!^\s[TK])\s*\|\s*(?![MTL]\s)|(?<=[^\s_])_+\s+")
_GAP = re.compile(r"\S(\s{4,})\S")  # normalize made every white space a plain " "
_JUSTIFIED = re.compile(r"(?<=\S)  (?=\S)")  # two spaces between words: a line spread to its width
# articles cited, with nothing else: at a justified line's start or end ("Điều 12          và Điều 13
# như sau:", "… tại         Điều 14"), or a table's cell ("Điều 14 Điều 54")
_CITED = re.compile(r"Điều\s+\d+[a-zđ]?(?:\s+Điều\s+\d+[a-zđ]?)*")


def _clean(line: Line) -> Line | None:
    if line.text.count("*") >= 2 and not line.text.strip("* "):
        return None  # "* *": markdown italics around nothing, not the Party star
    # each pattern is tried only when the line's first or last character could start it
    if line.text[-1:] in _DEBRIS_LAST and (m := _TRAILING_DEBRIS.search(line.text)):
        line = line.slice(0, m.start())
    t = line.text
    if t[-1:] == "]" and "[" not in t and is_upper_line(t[:-1]):
        line = line.slice(0, len(t) - 1)  # "PHÓ THỦ TƯỚNG]": a bracket the page never shows
        t = line.text
    if t[:1] in _DEBRIS_FIRST:
        m = _LEADING_DEBRIS.match(t)
        if m and (is_upper_line(t[m.end() :]) or t[:1] in "|"):
            line = line.slice(m.end())
        m = _STRAY_BEFORE.match(line.text)
        if m and line.text.strip() != "*":
            line = line.slice(m.end())  # "* Nơi nhận:", "' Kính gửi:"
    t = line.text
    if not t or not t[0].isalnum() and all(not c.isalnum() and c not in "*-_=.…" for c in t):
        return None
    return line


_MD_DELIMITER = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")
# a label whose characters a text layer spaced out, on a line spaced out so: "1 . 1 .", "I I .",
# "1 . V i ệ c s ắ p x ế p …" (the words' own spaces are lost among the letters', the label's are not)
_SPACED_LABEL = re.compile(r"(?:[0-9IVX] )(?:[0-9IVX.] )*\.(?= |$)")


def _closes_italics(lines: list[Line], n: int) -> bool:
    """The "*" alone on line n closes an italic span one of the two lines above opened."""
    return any(
        k >= 0
        and lines[k].text[:1] == "*"
        and lines[k].text[1:2] not in ("", " ", "*")
        and lines[k].text.count("*") == 1
        for k in (n - 1, n - 2)
    )


def _letter_spaced(t: str, label_end: int) -> bool:
    """The line is spaced out letter by letter: most of its words, or the three after its label
    ("4 . 2 . 9 . B ả o h i ể m …: Tiếp tục tuyên truyền …", the rest of the line read whole)."""
    words, after = t.split(), t[label_end:].split()[:3]
    return (len(words) >= 3 and sum(len(w) == 1 for w in words) >= 0.7 * len(words)) or (
        len(after) == 3 and all(len(w) == 1 and w.isalpha() for w in after)
    )


_ROW_NUMBER = re.compile(r"\d{1,4}\.?")  # a table's row number cell: "1.", "33"


def _row_unnumbered(line: Line) -> Line:
    """A table row a layout-preserving reader gave as one line, its cells four spaces apart or more,
    all short but the first and half of them figures: "1. Nhóm 1: Ngân hàng    Dưới    Từ 500    Từ
    1.500    Từ". The number that opens the row is no section of the text (as a Markdown row's
    number cell); a justified line's words spread as far apart hold no figures ("d)   Không    đảm
    bảo một    trong  các điều kiện …")."""
    t = line.text
    m = _ROW_LABEL.match(t)
    if not m or len(_WIDE_GAP.findall(t)) < 3:
        return line
    cells = _WIDE_GAPS.split(t)[1:]
    figures = sum(any(c.isdigit() for c in cell) for cell in cells)
    return line.slice(m.end()) if all(len(c) <= 20 for c in cells) and 2 * figures >= len(cells) else line


_ROW_LABEL = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,2}){0,2}[.)]?|[IVXL]{1,5}[.)]|[a-zđ][.)])\s+(?=\S)"
)  # "1.", "21.6"
_WIDE_GAP, _WIDE_GAPS = re.compile(r"\S {4,}(?=\S)"), re.compile(r" {4,}")


def _table_cells(line: Line, markdown: bool) -> list[Line]:
    """The cells of a flattened table row; a Markdown data table's row ("| 1. | An Giang | AGG |
    33. | Kon Tum | KTM |") without the cells that number its rows or only cite articles ("| BMQT |
    Điều 40 |"), which are no sections."""
    cells = _split_cells(line)
    if len(cells) >= 3 and markdown:
        cells = [c for c in cells if not _ROW_NUMBER.fullmatch(c.text)] or cells
    # (a cell that only cites articles names no section either)
    return [c for c in cells if not _CITED.fullmatch(c.text)] if markdown else cells


def _split_cells(line: Line) -> list[Line]:
    """'CHÍNH PHỦ | CỘNG HÒA …' : a flattened table row, one Line per cell."""
    if "|" not in line.text and "_ " not in line.text:
        return [line]
    out, start = [], 0
    for m in _CELL.finditer(line.text):
        if m.start() > start:
            out.append(line.slice(start, m.start()))
        start = m.end()
    if start < len(line.text):
        out.append(line.slice(start))
    return [c for c in out if c.text] or [line]


_GLUED_TITLES = sorted(
    {
        w.upper()
        for w in (
            "Chủ tịch",
            "Phó Chủ tịch",
            "Thủ tướng",
            "Phó Thủ tướng",
            "Bộ trưởng",
            "Thứ trưởng",
            "Bí thư",
            "Phó Bí thư",
            "Trưởng ban",
            "Phó Trưởng ban",
            "Chủ nhiệm",
            "Phó Chủ nhiệm",
            "Giám đốc",
            "Phó Giám đốc",
            "Cục trưởng",
            "Phó Cục trưởng",
            "Vụ trưởng",
            "Chánh Văn phòng",
            "Phó Chánh Văn phòng",
            "Tổng Bí thư",
        )
    },
    key=len,
    reverse=True,
)
# (an authority glued to the cell before it signs for a body in capitals: "THỦ TƯỚNGKT. BỘ TRƯỞNG",
# not "chuẩn 5 ATM. Thiết bị …")
_GLUED = re.compile(
    r"(?<=[A-ZĐÀ-Ỹ])(?=(?:TM|KT|TL|TUQ)\.\s*[A-ZĐ][A-ZĐÀ-Ỹ])|(?<=[A-ZĐÀ-Ỹ)])(?=\(\s*[Đđ]ã ký\))"
    r"|(?<=\))(?=[A-ZĐ][a-zà-ỹ])|(?<=[A-ZĐÀ-Ỹ])(?=" + "|".join(map(re.escape, _GLUED_TITLES)) + ")"
)


# an authority prefix after a space (checked by the caller: a pattern that opens with the space
# or a look-behind is several times slower to scan for than one that opens with the letters)
# (a dotted one may have lost its space: "TM. CHÍNH PHỦ KT.THỦ TƯỚNG")
_SIDE_AUTHORITY = re.compile(r"(?:T/M|K/T|T/L)(?=\s+[A-ZĐÀ-Ỹ])|(?:TM\.|KT\.|TL\.|TUQ\.|Q\.)(?=\s*[A-ZĐÀ-Ỹ])")
# a part's heading and its first chapter's, or a chapter's and its first section's, on one line
# (a flattened page): the inner one starts after the outer one's title in capitals
_INNER_UNIT = re.compile(r"(?<=[A-ZĐÀ-Ỹ]) (?:(?:Chương|CHƯƠNG|Mục|MỤC) (?:[IVXL]+|\d+) |Điều \d+[a-zđ]?\. )")
# A flattened page's signature cell and what follows it on the line: the consolidated text's
# authentication ("… (được bãi bỏ) XÁC THỰC VĂN BẢN HỢP NHẤT CHỦ NHIỆM Lê Quang Tùng"), and after
# the signer's name an annex's heading or a footnote ("… Trần Hồng Hà PHỤ LỤC I (Kèm theo …)",
# "… Vũ Thị Mai Phụ lục I", "… Nguyễn Hạnh Phúc 1 Luật số 71/2014/QH13 …")
_FOOTNOTE_AT = re.compile(r"(?:\d{1,3}|\[\[?\d{1,3}\]\]?) [A-ZĐ]")  # "1 Luật số …", "[[1]] Luật …"


def _after_name(t: str) -> int:
    """Where what follows the signer's name on a flattened signature cell starts: two words in
    capitals, an annex's or a form's heading ("Phụ lục", "Mẫu …"), or a footnote's number; 0 if
    nothing does."""
    words = t.split(" ")
    at = 0
    for k, w in enumerate(words[:-1]):
        at += len(w) + 1
        if not w[-1:].islower():
            continue
        rest = words[k + 1 :]
        if (
            rest[0].isupper()
            and len(rest[0]) > 1
            and len(rest) > 1
            and rest[1][:1].isupper()
            or P.ANNEX_START.match(t, at)
            or _FOOTNOTE_AT.match(t, at)
        ) and _signature_cell(t[: at - 1]) > 0:
            return at
    return 0


# "(Đã ký) Lê Thành Long", "Nguyễn Mạnh Kiểm (Đã ký)": a page that lost the signer's title put
# the signature's mark and the name in one cell
_SIGNED_BESIDE = re.compile(r"^\(\s*[Đđ]ã k[ýí]\s*\)|\(\s*[Đđ]ã k[ýí]\s*\)$")


_TITLE_THEN_ITEM = re.compile(r"(?<=[A-ZĐÀ-Ỹ])\s*(?=-\s?[A-ZĐÀ-Ỹ][a-zà-ỹ])")


def _split_glued(line: Line) -> list[Line]:
    """Cells that a flattened table glued together: "TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)…"."""
    t = line.text
    if not ("TM." in t or "KT." in t or "TL." in t or "TUQ." in t or "ã ký" in t):
        return [line]  # (substring tests: several times faster than one regex search)
    m = _GLUED.search(line.text)
    if m:
        return _split_at(line, m.start())
    if (m := _SIGNED_BESIDE.search(t)) and P.is_name_line(t[m.end() :] if m.start() == 0 else t[: m.start()]):
        return _split_at(line, m.end() if m.start() == 0 else m.start())
    return [line]


def _split_at(line: Line, i: int) -> list[Line]:
    left, right = line.slice(0, i), line.slice(i)
    return [x for x in (left, right) if x.text]


def _split_at_gap(line: Line, i: int) -> list[Line]:
    """_split_at a wide gap: what stands after it on the same line is a cell (or a column) of its
    own (not a line that a join put after the gap its indentation left)."""
    pieces = _split_at(line, i)
    if len(pieces) == 2 and pieces[0].end_line == pieces[1].line:
        pieces[1].cell = True
    return pieces


def _split_columns(line: Line) -> list[Line]:
    return [line] if P.running_text(line.text) else split_columns(line)


def _spread(t: str) -> bool:
    """A line of a justified paragraph as a layout-preserving extractor gives it, most of its words
    standing apart by several spaces ("Thực      hiện    Nghị  quyết số 202/2025/QH15      ngày …"):
    its gaps part words, not columns (a header's or footer's row has one or two among single spaces)."""
    gaps = _WORD_GAP.findall(t)
    return len(gaps) >= 6 and sum(len(g) > 1 for g in gaps) >= len(gaps) / 2


_WORD_GAP = re.compile(r"(?<=\S) +(?=\S)")
_END_MARK = re.compile(r"\.?/\.?\s*")


def _signature_beside(t: str) -> re.Match | None:
    """The gap of a list item's row after which a line of the signature stands, its authority,
    title, name or mark ("- PCT.        UBND tỉnh (Đ/c     Phúc);             PHÓ CHÁNH VĂN PHÒNG"),
    when there is one."""
    for g in _GAP.finditer(t):
        rest = " ".join(t[g.end(1) :].split())
        if P.authority_of(rest) or P.is_title_line(rest) or P.is_name_line(rest) or P.SIGNED.match(rest):
            return g
    return None


def _title_across(t: str, gap: re.Match) -> bool:
    """The gap parts the words of one title ("TL. CHỦ         TỊCH"): the words on either side
    make a title, and what follows is none on its own."""
    before, after = t[: gap.start(1)].split(), t[gap.end(1) :].split()
    return (
        bool(before and after)
        and P.is_title_line(f"{before[-1]} {after[0]}")
        and not P.is_title_line(" ".join(after))
        and not P.authority_of(" ".join(after))
    )


def _luu_goes_on(t: str, gap: re.Match) -> bool:
    """The Lưu line goes on across the gap, which a text layer placed inside it: after a comma
    ("- Lưu: VT,          TCBC."), inside a bracket ("- Lưu: VT, CCHC (          Quý).") or before
    the drafter's name set in small type ("- Lưu: VT, C&VTLT          (Hoài).", "- Lưu: VT,
    NC.          Châu": one word, never a signer's whole name)."""
    before, after = t[: gap.start(1)], t[gap.end(1) :]
    drafter = after.isalpha() and after.istitle()
    return (
        before.endswith(",")
        or before.count("(") > before.count(")")
        or after[:1] == "("
        and ")" in after
        or drafter
        and before.endswith(".")
    ) and P.luu_line(t) is not None


def _widest_gap(t: str) -> re.Match | None:
    """The line's widest gap, if it is at least twice as wide as any other."""
    gaps = sorted(_GAP.finditer(t), key=lambda g: len(g.group(1)), reverse=True)
    if not gaps:
        return None
    rest = t[: gaps[0].start(1)] + " " + t[gaps[0].end(1) :]
    return gaps[0] if len(gaps[0].group(1)) >= 2 * max(map(len, _WORD_GAP.findall(rest))) else None


def _column_gap(t: str) -> re.Match | None:
    """The first wide gap that parts two columns, not one left blank for an e-signature to fill
    ("Số:          /UBND-VP", "ngày        tháng 11 năm 2024") or left around what it stamped
    there ("Số:  779    /QĐ-UBND", "ngày    23   tháng    3   năm 2022")."""
    for m in _GAP.finditer(t):
        before, after = fold(t[: m.start(1)]), fold(t[m.end(1) :])
        if not (_DATE_BEFORE.search(before) and _DATE_AFTER.match(after)) and not (
            _NUMBER_BEFORE.search(before) and after[:1] in "/-"
        ):
            return m
    return None


# the two sides of a gap inside a date or a number (folded): a date word, and the day or month
# stamped after it; "số:", and the number stamped after it
_DATE_BEFORE = re.compile(r"\b(?:ngay|thang|nam)(?: \d{1,2})?$")
_DATE_AFTER = re.compile(r"(?:\d{1,4}|thang|nam)\b")
_NUMBER_BEFORE = re.compile(r"\bso:?(?: \d{1,6})?$")
# a quotation's close, then the next article glued to it
_QUOTE_THEN_ARTICLE = re.compile(r'[.;]["”](?=Điều \d+[a-zđ]?\b)')


def split_columns(line: Line) -> list[Line]:
    """The line cut where two columns, cells or parts were merged on it; [line] if none were."""
    t = line.text
    if ('"Điều ' in t or "”Điều " in t) and (g := _QUOTE_THEN_ARTICLE.search(t)):
        return _split_at(line, g.end())  # a flattened page: '… về hải quan."Điều 2 Luật này …'
    # wide gaps: two columns laid side by side by a layout-preserving extractor (not the gaps of a
    # motto justified across its cell, "Độc lập -        Tự do -      Hạnh phúc")
    spread = "    " in t and _spread(t)
    m = (
        _column_gap(t)
        if "    " in t and not spread and not P.TIEU_NGU_RE.fullmatch(fold(t).strip())
        else None
    )
    if spread and is_upper_line(t):  # a header's row spread to its width: its columns part at a gap
        m = _widest_gap(t)  # far wider than its words' ("BỘ   TƯ  PHÁP             CỘNG    HOÀ …")
    if m and _END_MARK.fullmatch(t[m.end(1) :]):
        m = None  # the body's "/." placed apart from its stop: "… ông Dương Quý Sỹ).         /."
    if m and len(squeezed := " ".join(t.split())) <= 16 and P.ANNEX_START.match(squeezed):
        return [line]  # an annex's heading spread across its cell: "Phụ    lục", "PHỤ LỤC      II"
    if t[:1].islower() and not is_upper_line(t):  # prose: only a wide gap splits it
        # (not a justified line's, whose words all stand apart: "cung  cấp …    Điều  18")
        # (nor before an article it cites at its end: "… theo quy định tại         Điều 14")
        split = (
            m
            and not P.ITEM.match(t[m.end(1) :])
            and len(_JUSTIFIED.findall(t)) < 4
            and not _CITED.fullmatch(t[m.end(1) :])
        )
        return _split_at_gap(line, m.end(1)) if split else [line]
    if t[-1:] in "-_=" and (rule := _TRAILING_RULE.search(t)):
        return _split_at(line, rule.start(1))
    if t[:1] in "-_=" and (rule := _LEADING_RULE.match(t)):
        return _split_at(line, rule.end())
    glued = _split_glued(line)
    if len(glued) > 1:
        return glued
    f = fold(t)
    if (
        m
        and not P.ITEM.match(t[m.end(1) :])
        # (nor an item's words spread apart, "- Giám              đốc Sở (để b/c);": a cell beside
        # a list is the signature's, in capitals)
        and not (t[m.end(1)].islower() and (_CITED.fullmatch(t[: m.start(1)]) or P.ITEM.match(t)))
        and not _luu_goes_on(t, m)
        and not _title_across(t, m)
    ):
        if P.ITEM.match(t):  # beside a list item only the signature's line stands, or one note
            m = _signature_beside(t) or (m if len(_GAP.findall(t)) == 1 else None)
            if m is None:  # its words a text layer spread apart: "- PCT.       UBND       tỉnh (Đ/c …"
                return [line]
        return _split_at_gap(line, m.end(1))
    # issuer + banner on one line (both phrases end "viet nam": a line without "nam" has neither)
    for phrase in (P.BANNER_PARTY, P.QUOC_HIEU) if "nam" in f else ():
        # the fuzzy search only where a banner can end the row (both phrases end "viet nam")
        fuzzy = len(f) > len(phrase) + 3 and "nam" in f and is_upper_line(t)
        k = P.find_phrase(f, phrase) if fuzzy else f.find(phrase)
        if k > 0 and is_upper_line(t[:k]) and not _of_the_state(f, k):
            issuer, *banner = _split_at(line, k)
            if issuer.text[-1] in ":;,":  # a speck before the gap ("BỘ … THƯƠNG BÌNH: CỘNG HÒA …")
                issuer = issuer.drop([len(issuer.text) - 1])
            return [issuer, *banner]
        if k == 0 and len(f) > len(phrase) + 3:
            rest = f[len(phrase) :].strip()
            if P.TIEU_NGU_RE.match(rest) or is_upper_line(t[len(phrase) :]):
                return _split_at(line, len(phrase))
    k = f.find("doc lap", 2)
    if k > 0 and P.TIEU_NGU_RE.match(f[k:]) and is_upper_line(t[:k]):  # "… VIỆT NAM Độc lập - …"
        return _split_at(line, k)
    m = P.TIEU_NGU_RE.match(f)
    if m and len(f) > m.end() + 8:  # "Độc lập - Tự do - Hạnh phúc Hà Nội, ngày …"
        return _split_at(line, m.end())
    # a type name and its summary merged: "CHỈ THỊ Về tăng cường …"
    if t[:2].isupper() and (at := P.type_then_subject(t, f) or P.type_then_title(t, f)) is not None:
        return _split_at(line, at)
    # number + place-date on one line
    num = P.parse_number(P.repair(t)) if P.may_be_number(t, f) else None  # "Sô 2l-TT/TU Bến Tre, …"
    if num and num["end"] < len(t) - 8:
        pd = P.PLACE_DATE_START.search(t, num["end"])
        if pd:
            return _split_at(line, pd.start(1))
        rest = t[num["end"] :]
        if P.vv_prefix(fold(rest.lstrip())):  # a công văn's number and its "V/v …" merged
            return _split_at(line, len(t) - len(rest.lstrip()))
        pd = P.parse_place_date(rest.lstrip()) if "ngay" in f else None
        if pd and pd["place"] and pd["place"][:1].isupper() and pd["day"] is not None:
            return _split_at(line, len(t) - len(rest.lstrip()))  # its comma lost: "… Hà Nội ngày 11 …"
    # a signer's title glued to the recipient beside it, as a text layer may give the two columns:
    # "PHÓ GIÁM ĐỐC- Như trên;"
    if "-" in t and (g := _TITLE_THEN_ITEM.search(t)) and P.is_title_line(t[: g.start()]):
        return _split_at(line, g.start())
    # the next level's prefix wrapped onto the level above: "TM. CHÍNH PHỦ KT." / "THỦ TƯỚNG …"
    if (
        t[-1:] == "."
        and (k := t.rfind(" ")) > 0
        and t[k + 1 :] in ("KT.", "TL.", "TM.", "TUQ.")
        and P.authority_of(t)
    ):
        return _split_at(line, k + 1)
    # "Nơi nhận:" (or a recipient) and the signature authority side by side
    for m in _SIDE_AUTHORITY.finditer(t) if "." in t or "/" in t else ():
        if m.start() > 1 and t[m.start() - 1].isspace() and P.authority_of(t[m.start() :]):
            return _split_at(line, m.start())
    if (
        t[:1] in "PpC"
        and (m := _INNER_UNIT.search(t))
        and P.section_of(t)
        and P.section_of(t[m.start() + 1 :])
    ):
        return _split_at(line, m.start() + 1)  # "Phần thứ ba ÁP DỤNG … Chương I CÁC BIỆN PHÁP …"
    if (
        t[-1:] in "cgnuCGNU"
        and (k := t.rfind(" ")) > 0
        and t[k + 1 :] in _UNIT_NAMES
        and t[k - 1] == "."
        and not P.BARE_LABEL.fullmatch(t[:k])
        and P.section_of(t) is None  # (not "7. Điều" / "tra cơ bản …", "Điều 2. Điều" / "khoản thi hành")
    ):
        return _split_at(line, k + 1)  # "Văn bản hợp nhất 17/VBHN-VPQH. Mục" / "3. KIỂM TRA …"
    if (
        t[-1:] in "cuCU"
        and (k := t.rfind(" ")) > 0
        and t[k + 1 :] in ("Mục", "Điều")
        and t[k - 1].isupper()
        and P.section_of(t)
        and is_upper_line(t[:k].split(" ", 2)[-1])
    ):
        return _split_at(line, k + 1)  # "3. CƯỠNG CHẾ … HÀNH CHÍNH Điều" / "86. Cưỡng chế …"
    if ", Chương " in t and (m := _TRAILING_CHAPTER.search(t)) and (not m[2] or is_upper_line(m[2])):
        return _split_at(line, m.start(1))  # "Quốc hội ban hành Luật …, Chương 1." / "NHỮNG QUY ĐỊNH CHUNG"
    if (a := P.authentication(t)) and (a.start() or len(t) > a.end() + 3):
        return _split_at(line, a.start() or a.end())
    if t[:2].isupper() and (k := _after_name(t)):
        return _split_at(line, k)
    if (k := _signature_cell(t)) > 0:
        return _split_at(line, k)
    if (k := _deputy_title_at(t, f)) > 0 or t[:3] == "KT." and (k := _deputy_after_head(t)) > 0:
        return _split_at(line, k)
    k = _next_part(t, f) if (len(t) > 30 or t[:2] == "* " or "; - " in t) and _opens_part(t, f) else 0
    return _split_at(line, k) if k else [line]


def _deputy_title_at(t: str, f: str) -> int:
    """Where the deputy's title starts on a short line in capitals that an authority's wrapped end
    shares with it ("VỀ HQ PHÓ TRƯỞNG BAN"); 0 if it does not. f: fold(t)."""
    k = f.find(" pho ") + 1
    return k if k > 0 and len(t) <= 60 and f[k:].startswith(P.TITLE_WORDS) and is_upper_line(t) else 0


def _deputy_after_head(t: str) -> int:
    """Where the deputy's title starts after the head's on one line: "KT. BỘ TRƯỞNG THỨ TRƯỞNG", a
    text layer's row of two lines; 0 if it does not."""
    words = t.split(" ")
    for i in range(2, len(words)):
        if P.deputy_of(" ".join(words[1:i]), deputy := " ".join(words[i:])) and is_upper_line(deputy):
            return len(t) - len(deputy)
    return 0


def _capitalised(w: str) -> bool:
    return w[:1].isupper() and not w.isupper() and w.isalpha()


def _broken(pair: list[str]) -> bool:
    """A name's word a transcript broke in two: "Đặ" / "ng"."""
    return (
        len(pair) == 2
        and pair[1].isalpha()
        and pair[1].islower()
        and len(pair[1]) <= 3
        and _capitalised(pair[0])
    )


def _signature_cell(t: str) -> int:
    """Where a flattened table's signature cell is cut: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Bùi Hồng Lĩnh"
    before the signer's title ("THỨ TRƯỞNG"), "THỨ TRƯỞNG Bùi Hồng Lĩnh" before the name; 0 if t
    is no authority or title with the signer's name at its end."""
    if not t[-1:].islower() or not t[:2].isupper():
        return 0  # (most lines: a name ends in lower case, an authority or title starts in capitals)
    words = t.split(" ")
    k = len(words)  # the name: the capitalised words, not in capitals, that end the line
    while k > 1 and (_capitalised(words[k - 1]) or _broken(words[k - 2 : k])):
        k -= 1
    head = " ".join(words[:k])
    if k == len(words) or not P.is_name_line(" ".join(words[k:])) or not is_upper_line(head):
        return 0
    auth = P.authority_of(head)
    if auth is None:
        return len(head) + 1 if fold(head).startswith(P.TITLE_WORDS) else 0
    # the signer's title after the body the authority signs for, which may hold a comma ("KT. BỘ
    # TRƯỞNG, CHỦ NHIỆM") or a title word ("T/M ĐOÀN CHỦ TỊCH")
    for m in re.finditer(r"(?<=[^,\s]) (?=\S)", head[auth[1] :]):
        at = auth[1] + m.end()
        before = fold(head[:at]).split()
        if fold(head[at:]).startswith(P.TITLE_WORDS) and before[-1] != "doan":
            if f"{before[-1]} {fold(head[at:])}".startswith(P.TITLE_WORDS) and len(before) > 1:
                continue  # inside a longer title: "KT. TỔNG | CỤC TRƯỞNG" is "TỔNG CỤC TRƯỞNG"
            return at
    return len(head) + 1


# The opening of a header or closing part inside a line: an OCR transcript of a whole header on
# one line ("BỘ … ------- CỘNG HÒA … Số: 4126/BGDĐT-GDPT V/v … Hà Nội, ngày … Kính gửi: - …").
_PART_AT = re.compile(
    r"\s(?=S[ốôo]\s*:?\s*\d|V\s*/\s*v\s|Kính gửi\s*:|Nơi nhận\s*:|\*\s|[-_=]{3,}(?:\s|$))"
    r"|(?<=[:;,.)])\s+(?=-\s)"  # the items of "Kính gửi: - A; - B.", "Nơi nhận: - A; (b/c) - B;"
    r"|(?<=^\*)\s+(?=\S)"  # the Party star, then the number: "* Số 427-TB/TU"
)
_PHRASES = (P.BANNER_PARTY, P.QUOC_HIEU, "doc lap")


def _of_the_state(f: str, k: int) -> bool:
    """The banner's words at k name the State in a title, "CHỦ TỊCH NƯỚC CỘNG HÒA …": no issuer
    stands beside the banner there."""
    return f[:k].rstrip().endswith("nuoc")


def _opens_part(t: str, f: str) -> bool:
    """Whether the line starts as a header or closing part does (so a part may follow on it); a
    body sentence never does, and is never cut."""
    return bool(
        is_upper_line(" ".join(t.split(None, 3)[:3]))  # (the first three words: split no further)
        or P.may_be_number(t, f)
        or P.vv_prefix(f)
        or f.startswith(("kinh gui", "noi nhan", "doc lap"))
        or t[:2] == "- "
        and ";" in t  # recipients run together: "- A; - B."
        or t.count("; - ") >= 2  # the same, the first item's dash lost to a scan: "A; - B; - C."
        or P.PLACE_DATE_START.match(t)
    )


_DATE_COMMA = re.compile(r"\s*,\s*ng[aàáảãạâầấẩẫậăằắẳẵặ][yỳýỷỹỵ](?:\s|$)")


def _place_start(t: str) -> int | None:
    """Where the place of a "<place>, ngày …" inside the line starts: the capitalised words before
    the comma, back to the first that is not one ("… 2026 Hà Nội, ngày"), and never into a header
    line in capitals ("… VIỆT NAM Quảng Ninh, ngày"); "TP." and the like belong to the place."""
    m = _DATE_COMMA.search(t)
    if not m:
        return None
    words = t[: m.start()].split(" ")
    k = len(words)
    while k > 0 and len(words) - k < 6:
        w = words[k - 1]
        if not (w[:1].isupper() and (not w.isupper() or len(w) <= 3 and w.endswith("."))):
            break
        k -= 1
    return len(" ".join(words[:k])) + (1 if k else 0) if k < len(words) else None


def _next_part(t: str, f: str) -> int:
    """Where the next part starts on a line that opens with one; 0 if none does."""
    at = [m.end() for m in _PART_AT.finditer(t)]
    if (k := _place_start(t)) is not None:
        at.append(k)
    at += [k for p in _PHRASES if (k := f.find(p, 1)) > 0 and f[k - 1] == " " and not _of_the_state(f, k)]
    pd = P.parse_place_date(t) if "ngay" in f[:60] else None
    if pd and pd["end"] < len(t) and P.PLACE_DATE_START.match(t):
        at.append(pd["end"])  # "Hà Nội, ngày 08 tháng 8 năm 2025 Kính gửi: …"
    at = [k for k in at if 0 < k < len(t) and t[:k].strip() and t[k:].strip()]
    return min(at, default=0)


def _whole_date(text: str) -> bool:
    """A complete date line on its own: "Hà Nội, ngày …", not the tail "Nội, ngày …" of one."""
    pd = P.parse_place_date(text)
    return bool(pd and pd["place"] and len(pd["place"].split()) >= 2)


_LABEL_HALVES = {("kinh", "gui"), ("kinh", "trinh"), ("noi", "nhan")}
_LABEL = re.compile("(?:" + "|".join(f"{a} {b}" for a, b in _LABEL_HALVES) + r")\s*:")  # "Nơi nhận:" …
# "Số:" or "Số: 9476": a number line broken before its symbol or its sequence
_NUMBER_LABEL_ONLY = re.compile(r"((?:luat|nghi quyet|phap lenh)\s+)?so\s*:?(\s*\d{1,6}\s*[/-]?)?")
_TRAILING_RULE = re.compile(r"\S\s+([-_=]{5,})$")  # "VIỆT NAM ---------------": a rule merged in
_LEADING_RULE = re.compile(r"[-_=]{5,}(?=\s+\w)")  # "------- CỘNG HÒA …"


def _date_pieces(a: Line, rest: list[Line]) -> int:
    """How many of the lines after a complete the place-date line a opens, broken over up to four
    lines and read through OCR's digit confusions ("Hưng Yên," / "ngày 28" / "tháng l1 năm 2025");
    0 if they do not."""
    t = a.text
    if t[:2] == "- ":  # a scan's speck before the place: "- Nghệ An, ngày 03 tháng 7 năm" / "2026"
        t = t[2:]
    if not rest or len(rest[0].text) > 40 or len(t) >= 60 or not t[:1].isupper() or t[-1:] in ".;:":
        return 0
    if is_upper_line(t):
        return 0
    f = fold(t)
    if "ngay" not in f and "ngay" not in fold(rest[0].text):
        return 0
    if ":" in t or len(f.split("ngay")[0].split()) > 6 or P.vv_prefix(f):
        return 0  # a place has a few words and no label: "V/v …" / "Hà Nội, ngày …" are two lines
    if P.parse_place_date(t) is not None or P.banner_kind(t) is not None:
        return 0
    for k, b in enumerate(rest[:3], 1):
        if len(b.text) > 40 or _whole_date(b.text):
            return 0
        t = f"{t} {b.text}"
        r = P.repair(t)
        pd = P.parse_place_date(r)
        whole = pd and (not pd["malformed"] or None not in (pd["day"], pd["month"], pd["year"]))
        if whole and pd["end"] >= len(fold(r).rstrip(" .")) - 2:  # (a comma lost: VB221 says so)
            return k
    return 0


# a chapter's label (and its title in capitals) glued after the sentence above it with a comma, as
# a legal site printed the enacting sentence of its older laws
_TRAILING_CHAPTER = re.compile(r", (Chương (?:\d+|[IVXL]+))(?:\.|( .+))?$")
_UNIT_NAMES = {"Phần", "Chương", "Mục", "Tiểu mục", "Điều"}  # the headings of a legal text
_UNIT_WORDS = {"thanh pho", "tinh", "huyen", "thi xa", "xa", "phuong", "dac khu", "thi tran", "quan", "tp."}


def _place_head(t: str, f: str) -> bool:
    """A line that can be the first words of a place: "Thành", "Thành phố", "Thị xã"."""
    return t[:1].isupper() and not is_upper_line(t) and (t.replace(" ", "").isalpha() or f == "tp.")


def _sentence_goes_on(before: Line | None, a: Line) -> bool:
    """Does a continue the sentence of the line before it? A full-width body line that stops
    mid-sentence ("… Quốc hội tỉnh khóa", "… ngày 30 tháng") goes on into a, with no blank line
    between: a is then the sentence's end ("XVII.", "8."), not a label standing on its own line."""
    if before is None or a.blank_before:
        return False
    t = before.text
    m = _ARABIC_LABEL.match(t)
    if m and a.text.rstrip(".)") == str(int(m.group(1)) + 1):
        return False  # "6. Tờ khai …" / "7.": the next label of the list (a table's column)
    return len(t) > 40 and t[-1] not in _SENTENCE_END and not is_upper_line(t)


_ARABIC_LABEL = re.compile(r"(\d{1,3})[.)]\s")
_YEAR_END, _RANGE_END = re.compile(r"\b(?:19|20)\d\d$"), re.compile(r"[-–]\s*(?:19|20)\d\d[.,;:)]?")
_FORM_NUMBER = re.compile(r"(?:số|SỐ)\s+\w*\d\w*")


_SENTENCE_END = '.:;!?…)"”'


def _joinable(a: Line, b: Line, before: Line | None = None) -> bool:
    """Would a + b be a header phrase, a number or a place-date line that a alone is not?
    before: the line before a, if any."""
    if a.text in ("-", "+", "•"):  # an item's dash on a line of its own; not the Party "*" misread
        # (nor a header rule's fragment above a line in capitals: "-" / "XÃ BÁT TRÀNG")
        return not P.NUMBER_LABEL.match(fold(b.text)) and not is_upper_line(b.text)
    if len(a.text) <= 8 and P.BARE_LABEL.fullmatch(a.text):  # "1." / "Rà soát …": one section
        # a label stands where a sentence or a heading ended: "… tỉnh khóa" / "XVII." ends one
        return (
            b.text[:1].isalnum()
            and not P.BARE_LABEL.fullmatch(b.text)
            and not P.section_of(b.text)
            and not _LABEL.match(fold(b.text))  # a stray "1." above "Nơi nhận: …"
            # (a label its row's text follows on the same line opens it: a table's "2.      hướng …")
            and (a.line == b.line or not _sentence_goes_on(before, a))
        )
    if fold(a.text).strip() == "dai dien":  # one party's block of a biên bản: "Đại diện" / "Sở Công Thương"
        return P.representative(f"{a.text} {b.text}") and (
            not P.is_name_line(b.text) or fold(b.text).startswith((*P.ISSUER_WORDS, "ubnd", "ben "))
        )
    if _glued(a, b):
        return True
    if a.text in _UNIT_NAMES:  # a heading broken after its first word: "Điều" / "2. Học phí"
        return P.section_of(f"{a.text} {b.text}") is not None
    if a.text in ("Mẫu", "MẪU") and _FORM_NUMBER.fullmatch(b.text):
        return True  # a form's heading broken before its number: "Mẫu" / "số 03"
    if b.text[:1] in "-–" and _RANGE_END.fullmatch(b.text) and _YEAR_END.search(a.text):
        return True  # a span of years a narrow column broke at its dash: "nhiệm kỳ 2025" / "- 2030"
    if len(a.text) > 70:
        return False  # every join below mends a short broken line
    fa, fb = fold(a.text).strip(), fold(b.text).strip()
    if fa in ("kinh", "noi") and (fa, fb.split(":")[0].split(" ")[0]) in _LABEL_HALVES:
        return True  # a label broken after its first word: "Kính" / "gửi: …"
    if fa.startswith("do") and not P.is_motto(fa) and P.is_motto(f"{fa} {fb}"):
        return True  # "Độc lập - Tự do -" / "Hạnh phúc"
    joined = f"{fa} {fb}"
    if fa not in P.TYPE_NAMES and joined in P.TYPE_NAMES and len(joined) < 24 and a.text[-1:].isalpha():
        return True  # "QUYẾT" / "ĐỊNH", in any case: "quyết" / "định"
    if len(fa) < 12 and len(fb) < 30 and fa.split(" ", 1)[0] in P.TITLE_FIRST and b.text[-1:].isalpha():
        up = f"{a.text} {b.text}".upper()  # read in any case: "trưởng" / "ban"
        if not P.is_title_line(a.text.upper()) and P.is_title_line(up):
            return True  # a signer's title broken after its first word: "TRƯỞNG" / "BAN"
    if (
        (a.text[:1].isupper() or is_upper_line(a.text))
        and fb[:2] in P.BANNER_STARTS
        and len(fb) < len(P.QUOC_HIEU)
    ):
        # a banner over two or three lines, a letter misread: "CỘNG HÒA" / "XÃ HỘl" / "…"; or
        # an issuer's row that ends with the banner's first words: "ĐẢNG BỘ TỈNH ĐẢNG CỘNG" /
        # "SẢN VIỆT NAM" (split again below)
        words = fa.split()
        for i in range(len(words)) if is_upper_line(a.text) else (0,):
            head = " ".join(words[i:])
            if (
                len(head) + len(fb) <= len(P.QUOC_HIEU)
                and P.phrase_part(f"{head} {fb}")
                and P.phrase_part(head)
            ):
                return True
    if len(a.text) <= 20 and "ngay" in fb and _place_head(a.text, fa):
        pd = P.parse_place_date(b.text)
        unit = fa in _UNIT_WORDS or any(fa.startswith(u + " ") for u in _UNIT_WORDS)
        if pd and pd["place"] and (pd["place"][:1].islower() or unit):
            # a place wrapped: "Thành" / "phố Hồ Chí Minh, ngày …", "Thành phố (Hồ)" / "(Hồ) Chí Minh …"
            return True
    return bool(
        fa.startswith(("so", "luat", "nghi quyet", "phap lenh"))
        and _NUMBER_LABEL_ONLY.fullmatch(fa)
        and P.parse_number(P.repair(a.text + " " + b.text))  # "Số:" / "l23/2025/QĐ-CTUBND"
    )


def _glued(a: Line, b: Line) -> bool:
    """ "Số: 3783/QĐ-" / "UBND": a number wrapped inside its symbol, joined with no space (a joint
    document's symbol may run long: "Số: 01/2022/TTLT-VKSNDTC-" / "TANDTC-BCA-BQP-BLĐTBXH")."""
    return (
        a.text[-1:] in "-/"
        and len(b.text) <= 40
        and b.text.isupper()
        and " " not in b.text
        and fold(a.text).startswith("so")
        and P.parse_number(a.text + b.text) is not None
    )


def _repair(line: Line, parts: bool) -> Line:
    """Marks OCR scattered into words dropped, an upper-case line OCR lower-cased restored.
    parts: the line may hold a header or closing part (see _HEAD); else only marks are looked for."""
    t = line.text
    gone = P.stray_marks(t)
    if gone:
        line = line.drop(gone, repaired=not set(gone) <= P.emphasis(t))
    if not parts or len(line.text) > 60:
        return line
    up = P.restore_case(line.text) or P.letters_for_digits(line.text)
    up = P.restore_marks(up or line.text) or up  # "THỨ TRƯỚNG": a title's marks OCR swapped
    return line.retext(up) if up else line


def _marked(t: str) -> bool:
    """A body line is repaired only when it holds a mark that never stands inside a word (the body
    is most of a document; substring tests are the cheapest look, and "." or "," are punctuation)."""
    return "~" in t or "^" in t or "`" in t or "*" in t or "'" in t


# Lines a header, type name or closing part can stand on: the first and the last of the document,
# and any short line (a body's lines run to the full width, its paragraphs' last lines end in a stop)
_HEAD, _TAIL, _SHORT = 30, 40, 40


def _untitled_articles(lines: list[Line]) -> bool:
    """The laws of the 1990s and early 2000s, as a site keeps them: no article has a title or a stop
    ("Điều 14 1- Chính phủ chỉ đạo …", "Điều 4 Người sử dụng đất có trách nhiệm …"), and many open
    so; a document of today cites an article at a line's start now and then ("Điều 5 Luật Thuế …")."""
    opened = 0
    for ln in lines:
        t = ln.text
        if t[:5] == "Điều ":
            if _TITLED_ARTICLE.match(t):
                return False
            opened += _UNTITLED_ARTICLE.match(t) is not None
    return opened >= 10


_TITLED_ARTICLE = re.compile(r"Điều \d+[a-zđ]?\s*[.:]")
_UNTITLED_ARTICLE = re.compile(r"(Điều \d+[a-zđ]?) +(?=[A-ZĐ0-9\[])")


def layout(lines: list[Line], scanned: bool = False) -> list[Line]:
    """scanned: the lines are OCR's, which draws no table with "|" but reads a speck, a "1" or an
    "l" as one ("Số |Ä3-CV/B&PTTH"): a line is not cut into cells there."""
    cells: list[Line] = []
    tail = len(lines) - _TAIL
    untitled = _untitled_articles(lines)
    for n, raw in enumerate(lines):
        t = raw.text
        if (
            t[:1] == "|"
            and n
            and "|" in (lines[n - 1].text[:1], lines[n - 1].text[-1:])
            and (m := _MD_DELIMITER.match(t))
        ):
            if m.end() == len(t):
                continue  # a Markdown table's "|---|---|" under its first row: syntax, not a drawn rule
            raw = raw.slice(m.end())  # and what a flattened page glued after it: "| --- | 3."
            t = raw.text
        if t == "*" and _closes_italics(lines, n):
            continue  # "*Hà Nội, ngày 21 tháng 11 năm" / "2025" / "*": markup, not the Party star
        # else nothing to clean
        line = raw if t[:1].isalnum() and t[-1:] not in _DEBRIS_LAST else _clean(raw)
        if line is None:
            continue
        if P.NUMERAL.fullmatch(line.text):
            cells.append(line)
            continue
        if (
            line.text[1:2] == " "
            and (label := _SPACED_LABEL.match(line.text))
            and _letter_spaced(line.text, label.end())
        ):
            line = line.drop([i for i in range(label.end()) if line.text[i] == " "], repaired=False)
        if "    " in line.text:
            line = _row_unnumbered(line)
        parts = n < _HEAD or n >= tail or len(line.text) <= _SHORT
        if parts or _marked(line.text):
            line = _repair(line, parts)  # then the marks inside it
        flattened = "|" in line.text and not scanned or "_ " in line.text
        for whole in _table_cells(line, t[:1] == "|") if flattened else (line,):
            cell = _clean(whole) if whole is not line else whole
            if cell is None:
                continue
            if untitled and (m := _UNTITLED_ARTICLE.match(cell.text)):
                cells.append(cell.slice(0, m.end(1)))  # the article's heading, then its text
                cell = cell.slice(m.end())
            cells += _split_all(cell)
    out: list[Line] = []
    joined: set[int] = set()  # ids of the lines made by a join: split again once all are made
    i = 0
    while i < len(cells):
        line = cells[i]
        if out and P.running_text(out[-1].text):  # a sentence joins nothing (see _joinable)
            out.append(line)
            i += 1
            continue
        if out and len(out[-1].text) < 60 and (k := _date_pieces(out[-1], cells[i : i + 3])):
            for piece in cells[i : i + k]:
                out[-1] = out[-1].join(piece)
            i += k
            continue
        if len(out) > 1 and out[-1].line == out[-2].line and _glued(out[-2], line):
            out[-2] = out[-2].join(line, "")  # the symbol wrapped under the number, its date beside it
            i += 1
            continue
        if out and _joinable(out[-1], line, out[-2] if len(out) > 1 else None):
            out[-1] = out[-1].join(line, "" if _glued(out[-1], line) else " ")
            joined.add(id(out[-1]))
        else:
            out.append(line)
        i += 1
    if joined:
        out = [p for ln in out for p in (_split_all(_repair(ln, True)) if id(ln) in joined else (ln,))]
    return _authentication_to_its_signer(
        _list_after_the_signature(_authority_to_its_titles(_cells_beside_the_list(_blocks_side_by_side(out))))
    )


def _blocks_side_by_side(out: list[Line]) -> list[Line]:
    """A joint document's signatures in rows of two blocks, "KT. CHÁNH ÁN    KT. VIỆN TRƯỞNG" /
    "TÒA ÁN …    VIỆN KIỂM SÁT …" / "PHÓ CHÁNH ÁN    PHÓ VIỆN TRƯỞNG" / the two names: a page read
    row by row gives the blocks interleaved; each goes back whole, the left one first."""
    res: list[Line] = []
    i = 0
    while i < len(out):
        if _two_cells(out, i) and P.authority_of(out[i].text) and P.authority_of(out[i + 1].text):
            j = i
            while _two_cells(out, j) and not (j > i and P.authority_of(out[j].text)):
                j += 2
            res += out[i:j:2] + out[i + 1 : j : 2]
            i = j
        else:
            res.append(out[i])
            i += 1
    return res


def _two_cells(out: list[Line], i: int) -> bool:
    """out[i] and out[i + 1] are the two cells of one row, and the row has no more."""
    return (
        i + 1 < len(out)
        and out[i].line == out[i + 1].line
        and (i + 2 >= len(out) or out[i + 2].line != out[i].line)
        and (i == 0 or out[i - 1].line != out[i].line)
    )


def _split_all(line: Line) -> list[Line]:
    """The line's pieces: a line may hold several columns or parts, so split until nothing changes."""
    out: list[Line] = []
    todo = [line]
    while todo:
        piece = todo.pop(0)
        pieces = _split_columns(piece)
        if len(pieces) == 1:
            out.append(piece)
        else:
            todo[:0] = pieces
    return out


_NOI_NHAN = ("noi nhan", "noinhan")  # (folded; its space lost in a text layer: "Nơinhận:")


def _authority_to_its_titles(out: list[Line]) -> list[Line]:
    """ "Nơi nhận: T/M BAN THƯỜNG VỤ" with the list under it and "BÍ THƯ" / the name after the
    list: OCR read the two columns' first row as one line. The authority (and a word it wrapped
    onto, "KT. BỘ" / "TRƯỞNG,") goes back above its title, so the signature is read whole and the
    list stays the recipients'."""
    for k in range(len(out) - 2):
        if out[k].text[:1] not in "Nn" or not fold(out[k].text).startswith(_NOI_NHAN):
            continue  # (every line passes here: the cheap test first)
        if not P.authority_of(out[k + 1].text):
            continue
        end = k + 2  # after the authority's lines
        if len(out[end].text) <= 15 and is_upper_line(out[end].text) and not P.ITEM.match(out[end].text):
            end += 1
        if (
            end < len(out)
            and P.is_title_line(out[end].text)
            and (rest := _list_goes_on(out, end + 1)) > end + 1
        ):
            # the title's row cut from the first item beside it, the list under them: both go after it
            return out[: k + 1] + out[end + 1 : rest] + out[k + 1 : end + 1] + out[rest:]
        if end >= len(out) or P.is_title_line(out[end].text) or P.is_name_line(out[end].text):
            return out  # the title is where it belongs
        luu = False  # the list ends with its "Lưu …" line (and a drafter's code)
        for j in range(end + 1, min(len(out), end + 60)):
            t = out[j].text
            if fold(t).startswith(_NOI_NHAN):
                return out
            # the rest of the block: after the Lưu line, its title, or a next level ("KT. …")
            if (
                luu
                and not P.DRAFTER.match(t)
                or P.is_title_line(t)
                and not P.ITEM.match(t)
                or P.authority_of(t)
            ):
                head = out[k + 1 : end]  # the authority's lines
                if not luu and P.is_title_line(t) and (rest := _list_goes_on(out, j + 1, out[j - 1])) > j + 1:
                    # the title's row too ("- Như trên;  CHÁNH VĂN PHÒNG"): the list goes on under it
                    return out[: k + 1] + out[end:j] + out[j + 1 : rest] + head + [out[j]] + out[rest:]
                return out[: k + 1] + out[end:j] + head + out[j:]
            luu = luu or P.luu_line(t) is not None
        return out
    return out


def _cells_beside_the_list(out: list[Line]) -> list[Line]:
    """The signature's column read row by row beside the recipients' list ("- Như trên;      KT. GIÁM
    ĐỐC" / "- Sở …;      PHÓ GIÁM ĐỐC" / "- Lưu: VT, TCBC."): the cells cut from the items' rows go
    after the list's Lưu line, in their order, so that column is read whole. A list with no Lưu
    line (a list in the body, a table's rows) is left as read."""
    for k in range(len(out) - 1):
        if not (out[k + 1].cell and out[k + 1].line == out[k].line and P.ITEM.match(out[k].text)):
            continue  # (the cheap test first: most lines are no cell)
        items: list[Line] = []
        cells: list[Line] = []
        for j in range(k, len(out)):
            x = out[j]
            if (
                x.cell
                and items
                and x.line == items[-1].line
                and not P.ITEM.match(x.text)
                and x.text[:1].isupper()
            ):
                cells.append(x)
            elif P.ITEM.match(x.text) or items and _item_goes_on(items[-1], x):
                items.append(x)
                if P.luu_line(x.text) is not None:
                    end = j + 1
                    while end < len(out) and P.DRAFTER.match(out[end].text):
                        end += 1
                    return out[:k] + items + out[j + 1 : end] + cells + out[end:]
            else:
                break
    return out


def _list_after_the_signature(out: list[Line]) -> list[Line]:
    """ "Nơi nhận:" / "BỘ TRƯỞNG" / "(Đã ký)" / "Nguyễn Mạnh Hùng" / "- Văn phòng …" …: a page whose
    table gives the label's cell, then the signature's, then the list (and the name may come after
    it). The list goes back under its label, the signature after it."""
    for k in range(len(out) - 3):
        if out[k].text[:1] not in "Nn" or fold(out[k].text).replace(" ", "") != "noinhan:":
            continue
        j = next((i for i in range(k + 1, min(len(out), k + 7)) if P.ITEM.match(out[i].text)), None)
        if j is None or j == k + 1:
            return out
        block = out[k + 1 : j]
        if not (P.is_title_line(block[0].text) or P.authority_of(block[0].text)):
            return out
        end = _list_goes_on(out, j)
        # the name in the block, or under the list ("Nơi nhận:  GIÁM ĐỐC" on one row, the list,
        # then the name where the signature's column ends)
        if not (P.is_name_line(block[-1].text) or end < len(out) and P.is_name_line(out[end].text)):
            return out
        return out[: k + 1] + out[j:end] + block + out[end:]
    return out


def _authentication_to_its_signer(out: list[Line]) -> list[Line]:
    """ "XÁC THỰC VĂN BẢN HỢP NHẤT" / "Nơi nhận:" / the list / "CHỦ NHIỆM" / name: a flattened page
    gave the consolidated text's authentication heading before the list beside it; it goes back
    above the signer's title."""
    for k in range(len(out) - 3):
        if out[k].text[:1] != "X" or not P.is_authentication(out[k].text):
            continue
        if not fold(out[k + 1].text).startswith(_NOI_NHAN):
            return out
        end = _list_goes_on(out, k + 2)
        if end < len(out) and P.is_title_line(out[end].text):
            return out[:k] + out[k + 1 : end] + [out[k]] + out[end:]
        return out
    return out


def _item_goes_on(a: Line, b: Line) -> bool:
    """b is the wrapped end of item a: "- Văn phòng Sở (Bố trí kinh phí, phương" / "tiện …);", or a
    line that hangs under its text, as a text layer keeps the page's indents (" - VPCP: BTCN, …;" /
    "   Trợ lý, Thư ký TTg, …" / "    Thanh Trà; …"), whatever its first letter."""
    if b.cell or P.ITEM.match(b.text):
        return False
    if a.text[-1:] not in ";." and (
        b.text[:1].islower() or b.text[:1] == "(" or a.text.count("(") > a.text.count(")")
    ):
        return True  # (its note wrapped: "- Thành viên … tỉnh" / "(Sở Nội vụ, …," / "Sở Tài chính);")
    indent, under = b.pos(0)[1], a.pos(0)[1]
    return indent > under if P.ITEM.match(a.text) else indent >= under - 1 and under > 2


def _list_goes_on(out: list[Line], j: int, item: Line | None = None) -> int:
    """Where the recipients' list that goes on at j ends: after its Lưu line (and a drafter's
    code under it), or at the first line that is neither an item nor the wrapped end of the one
    before it; j when none stands there. item: the list's line before j, when another line (a
    title cut from its row) stands between."""
    prev = item
    while j < len(out) and (P.ITEM.match(out[j].text) or prev is not None and _item_goes_on(prev, out[j])):
        prev = out[j]
        j += 1
        if P.luu_line(out[j - 1].text) is not None:
            while j < len(out) and P.DRAFTER.match(out[j].text):
                j += 1
            break
    return j
