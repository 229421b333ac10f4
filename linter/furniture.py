"""furniture: what a paged source prints around the document, left out before it is read.

A PDF's text layer gives each page's running head or foot and its page number with the text: a
line repeated at the top or the bottom of the pages (its numbers aside) is the page's, not the
document's, as is a bare number there. The Official Gazette (Công báo) heads every page
"CÔNG BÁO/Số 609 + 610/Ngày 21-7-2022" beside the page number, and above a document the part of
the gazette it stands in ("VĂN BẢN QUY PHẠM PHÁP LUẬT", "VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH"); it
prints the document without its Nơi nhận, so a gazette copy is said to be one (GAZETTE). A
consolidated text's footnotes at a page's foot ("21 Khoản này được sửa đổi, bổ sung theo …") are
left out too: they are notes on the text, and what they quote is no part of its numbering."""

from __future__ import annotations

import re
from statistics import median

from linter.text import fold

GAZETTE = "gazette"

# (matched folded, with every space removed: a text layer may space a word's letters, "CÔN   G
# BÁO"; OCR misreads a mark, "Só", or a slash, and may leave a dash or a speck at the end)
_GAZETTE_HEAD = re.compile(r"\d{0,4}congbao\W?so[\d+]+\W?ngay\d{1,2}\W?\d{1,2}\W?\d{4}\W{0,2}\d{0,4}\W?")
# On a page known to be the gazette's, what OCR makes of its edge: a page number read with a
# bracket or a letter for a digit ("6]", "I2", "3Ị"); the head with misread or doubled numbers, its
# date cut off ("CÔNG BÁO/Số I015 + 1016/Ngày 19-9-2…"); the head's end, wrapped ("1524/Ngày
# 29-12-2024")
_OCR_PAGE_NO = re.compile(r"\W{0,2}(?=\w{0,3}\d)[\dilo|!t]{1,4}\W{0,2}")
_OCR_HEAD = re.compile(r"[\W_]?\d{0,4}\W?congba[o0]\W?s[o0]\W?[\dilo|!+§]{2,}\W?(?:ngay|\W).{0,30}")
_OCR_HEAD_END = re.compile(r"[\d+]*\W?ngay\d{1,2}\W\d{1,2}\W\d{4}\W?\d{0,4}")
# (matched folded, so a scan's misread mark, "HỢP NHÁT", still reads; the issuer after "HỢP NHẤT"
# may be wrapped to the next line, after the dash or with the dash lost)
_GAZETTE_PART = re.compile(r"van ban (?:quy pham phap luat|phap luat khac|hop nhat(?:\W+(?P<issuer>.*))?)")
_COLOPHON = "vanphongchinhphuxuatban"  # (folded, no spaces) "VĂN PHÒNG CHÍNH PHỦ XUẤT BẢN"
_PAGE_NO = re.compile(r"(?:-\s*)?\d{1,4}(?:\s*-)?")  # "24", "- 3 -"


def strip(pages: list[str]) -> tuple[list[str], str | None]:
    """The pages without their furniture, and GAZETTE if they are the gazette's, else None."""
    lines = [p.split("\n") for p in pages]
    drop, published = find(lines)
    return ["\n".join(x for i, x in enumerate(ls) if i not in d) for ls, d in zip(lines, drop)], published


def find(lines: list[list[str]], published: str | None = None) -> tuple[list[set[int]], str | None]:
    """For each page (its lines), the indexes of its furniture; and GAZETTE or None. published:
    what the pages are known to be already (a mixed PDF's text layer, read before its scans)."""
    edges = [_edges(ls) for ls in lines]
    # (the outer lines only: a page's second line may repeat with its numbers aside, "Điều 5. …")
    repeated = _repeated([_key(ls[i]) for ls, e in zip(lines, edges) for i in {o for o, _ in e}], len(lines))
    gazette = published == GAZETTE or any(
        _gazette_head(ls[i], ocr=True)
        for ls, e in zip(lines, edges)
        for pair in e
        for i in pair
        if i is not None
    )
    out = []
    carried = False  # a footnote quoting at the foot of the page before, which may go on at this one's
    # the body's print: the median length of the long lines (a page of notes alone has none of its own)
    width = median([n for ls in lines for n in _long(range(len(ls)), ls)] or [0])
    for n, (ls, e) in enumerate(zip(lines, edges)):
        drop = _peel(
            ls,
            e,
            lambda x: _key(x) in repeated or _is_furniture(x, len(lines), gazette),
            lambda x: _gazette_head(x, ocr=gazette),
        )
        if gazette and n == _first_page(lines):
            drop |= _gazette_parts(ls, drop)
        if gazette and any(_COLOPHON in fold(_squeeze(x)) for x in ls):
            drop = set(range(len(ls)))  # the back cover: its publisher, address, printer
        notes = _footnotes(ls, drop, carried, width) if len(lines) > 1 else set()
        if notes:  # a quotation the notes opened and did not close goes on at the next page's foot
            quoted = "".join(ls[i] for i in notes)
            curly = quoted.count("“") > quoted.count("”") + (carried and quoted.count("”") > 0)
            carried = curly or quoted.count('"') % 2 == 1  # ('"Điều 23. …' opened with a straight mark)
        else:
            carried = False
        out.append(drop | notes)
    return out, GAZETTE if gazette else None


# A footnote at a page's foot, under a blank line: its number, then what the note says
# ("21 Khoản này được sửa đổi, bổ sung theo …", "8 Điều 3 của Thông tư số 06/2024/TT-BLĐTBXH …
# như sau:" and what it quotes); not a table's row ("1 Vị trí, chức năng …    50 điểm": its cell
# short, where a note's justified line may open wide gaps further on, "… các kho  ản nợ      xấu")
_FOOTNOTE = re.compile(r"\s*\d{1,3} {1,2}(?=[A-ZĐÀ-Ỹ“\"])(?!.{0,40}\S {6,}\S)")


def _footnotes(ls: list[str], dropped: set[int], carried: bool, width: float) -> set[int]:
    """The indexes of the footnotes at the page's foot: from the first paragraph that opens as one,
    when every paragraph after it does too, to the page's end. A note whose quotation the page
    before did not close (carried) goes on at this page's foot with no number, in the smaller print
    the notes take (lines longer than the text's: the page's own, or the body's width when the page
    has too few, as one that is all notes)."""
    kept = [i for i, x in enumerate(ls) if x.strip() and i not in dropped]
    opens = [i for i in kept if i and not ls[i - 1].strip()]  # paragraphs after a blank line
    start = None
    for i in reversed(opens):
        if not _FOOTNOTE.match(ls[i]):
            break
        start = i
    if carried and opens and (start is None or opens.index(start) > 0):
        before = opens[: opens.index(start)] if start is not None else opens
        # the paragraphs above the numbered notes, last first, while each is in the notes' print
        for k, stop in reversed(list(zip(before, [*before[1:], start or len(ls)]))):
            text = _long([i for i in kept if i < k], ls)
            small = _long([i for i in kept if k <= i < stop], ls)
            # (the page's own print, unless too little of it is left or that too is the notes')
            ref = median(text) if len(text) >= 5 and median(text) < 1.15 * width else width
            if not (len(small) >= 2 and ref and median(small) >= 1.15 * ref):
                break
            start = k
    return {i for i in kept if start is not None and i >= start}


def _long(rows: list[int], ls: list[str]) -> list[int]:
    """The lengths of those lines long enough to show their print's width."""
    return [len(ls[i].rstrip()) for i in rows if len(ls[i].strip()) >= 40]


def _edges(ls: list[str]) -> list[tuple[int, int | None]]:
    """A page's edge lines: its first two and its last two that hold text, each as (the outer
    one, the one inside it). OCR reads a row's cells as lines of their own, so the gazette's head
    and the page number beside it ("4" / "CÔNG BÁO/Số …") are two lines at the edge."""
    full = [i for i, x in enumerate(ls) if x.strip()]
    if not full:
        return []
    ends = [(full[0], full[1] if len(full) > 1 else None)]
    if len(full) > 1:
        ends.append((full[-1], full[-2] if len(full) > 2 else None))
    return ends


def _peel(ls: list[str], edges: list[tuple[int, int | None]], furniture, head) -> set[int]:
    """The furniture at a page's edges: the outer line, and the one inside it when the outer is
    or when it is the gazette's head (never a document's line: above it, a speck OCR read)."""
    out: set[int] = set()
    for outer, inner in edges:
        if furniture(ls[outer]):
            out.add(outer)
        if inner is not None and (outer in out and furniture(ls[inner]) or head(ls[inner])):
            out.add(inner)
    return out


def _gazette_head(line: str, ocr: bool = False) -> bool:
    """The gazette's head; ocr: also as OCR may read it (see _OCR_HEAD)."""
    f = fold(_squeeze(line))
    return bool(_GAZETTE_HEAD.fullmatch(f) or ocr and len(line) < 60 and _OCR_HEAD.fullmatch(f))


def _squeeze(line: str) -> str:
    return "".join(line.split())


def _key(line: str) -> str:
    """A running head as every page prints it: no spaces, no page number, digits masked; "" for a
    header's row with the banner, which opens each of the documents a file may bundle, on a page
    of its own ("BỘ TƯ PHÁP   CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" three times), never a page's head."""
    core = re.sub(r"^\d+|\d+$", "", _squeeze(line))
    if len(core) <= 3 or _BANNER.search(fold(core)):
        return ""
    return re.sub(r"\d", "#", core)


_BANNER = re.compile(r"conghoaxahoi|dangcongsanvietnam")  # (folded, squeezed)


def _repeated(keys: list[str], pages: int) -> set[str]:
    """The edge lines that stand on two pages or more (as one page's head and foot they count once),
    and on a quarter of them at least: a running head or foot, not a heading that two copies of
    one form in the annexes end a page with ("II. NGƯỜI TRƯNG CẦU GIÁM ĐỊNH (4)")."""
    seen: dict[str, int] = {}
    for k in keys:
        if k:
            seen[k] = seen.get(k, 0) + 1
    return {k for k, n in seen.items() if n >= max(2, pages // 4)}


def _is_furniture(line: str, pages: int, gazette: bool = False) -> bool:
    """A page's head or number; gazette: also as OCR reads them on the gazette's pages."""
    t = line.strip()
    if _gazette_head(t, ocr=gazette) or pages > 1 and _PAGE_NO.fullmatch(t):
        return True
    f = fold(_squeeze(t)) if gazette and len(t) < 60 else ""
    return bool(f) and bool(_OCR_PAGE_NO.fullmatch(f) or _OCR_HEAD_END.fullmatch(f))


def _first_page(lines: list[list[str]]) -> int:
    return next((n for n, ls in enumerate(lines) if any(x.strip() for x in ls)), 0)


def _gazette_parts(ls: list[str], dropped: set[int]) -> set[int]:
    """The gazette's own headings above the document on its first page: the part of the gazette,
    for a consolidated text its issuer ("VĂN BẢN HỢP NHẤT -" / "BỘ LAO ĐỘNG - …"), and the issuer
    a document stands under, over the header's row that names it again ("BỘ Y TẾ" / "BỘ Y TẾ
    CỘNG HÒA …")."""
    out: set[int] = set()
    text = [i for i, x in enumerate(ls) if x.strip() and i not in dropped]
    k = 0
    while k < min(len(text), 3) and (part := _GAZETTE_PART.fullmatch(fold(" ".join(ls[text[k]].split())))):
        out.add(text[k])
        wrapped = part.group(0).startswith("van ban hop nhat") and not part.group("issuer")
        if wrapped and k + 1 < len(text) and not fold(ls[text[k + 1]]).lstrip().startswith("cong hoa"):
            k += 1
            out.add(text[k])  # the issuer, wrapped after the dash (or the dash lost)
        k += 1
    if k + 1 < len(text) and _names_the_column_below(ls[text[k]], ls[text[k + 1]]):
        out.add(text[k])
    return out


def _names_the_column_below(line: str, below: str) -> bool:
    """line, alone on its row, names the body whose column the row below opens with (wrapped or not)."""
    if _GAP.search(line.strip()) or not line.strip().isupper():
        return False
    row = below.strip()
    # (OCR keeps no gap before the banner beside it: the column ends where the banner starts)
    banner = max(fold(row).find("cong hoa xa hoi"), fold(row).find("dang cong san"))
    column = fold(_squeeze(_GAP.split(row[:banner] if banner > 0 else row)[0]))
    return len(column) >= 4 and fold(_squeeze(line)).startswith(column)


_GAP = re.compile(r"\s{3,}")
