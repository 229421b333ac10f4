"""Builders for .docx and .pdf test fixtures, made at test time (no binary files in the repo).

Every builder returns the file's bytes; those taking `path_or_none` also write them to that path.
Needs python-docx (docx builders) and fpdf2 + Pillow (pdf builders).
"""

from __future__ import annotations

import glob
import io
import os
from collections.abc import Sequence

# ---------------------------------------------------------------- sample texts (used by the tests)

PARTY_ISSUER = ["TỈNH ỦY QUẢNG NINH", "*", "Số 400-TB/TU"]
PARTY_BANNER = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Quảng Ninh, ngày 26 tháng 10 năm 2021"]
PARTY_TYPE = "THÔNG BÁO"
PARTY_SUBJECT = ["kết luận của Ban Thường vụ Tỉnh ủy", "về công tác cán bộ"]  # one paragraph, soft break
PARTY_BODY = [
    "Ngày 25/10/2021, Ban Thường vụ Tỉnh ủy họp nghe Ban Tổ chức Tỉnh ủy báo cáo về công tác cán bộ. "
    "Sau khi thảo luận, Ban Thường vụ Tỉnh ủy kết luận như sau:",
    "1. Đồng ý với đề xuất của Ban Tổ chức Tỉnh ủy.",
    "2. Giao Ban Tổ chức Tỉnh ủy hướng dẫn, theo dõi, kiểm tra việc thực hiện.",
]
PARTY_RECIPIENTS = [
    "Nơi nhận:",
    "- Ban Bí thư Trung ương (để b/c),",
    "- Các đồng chí Tỉnh ủy viên,",
    "- Lưu Văn phòng Tỉnh ủy.",
]
PARTY_SIGNATURE = ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "", "", "Nguyễn Văn A"]

STATE_ISSUER = ["UBND TỈNH QUẢNG NINH", "SỞ NỘI VỤ", "Số: 123/QĐ-SNV"]
STATE_BANNER = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Quảng Ninh, ngày 26 tháng 10 năm 2021",
]
STATE_RECIPIENTS = ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, TCCB."]
STATE_SIGNATURE = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Trần Văn B"]

PAGES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}

# ---------------------------------------------------------------- docx


def _new_document(font: str, size: float, margins: Sequence[float], page, landscape: bool):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = font  # sets w:ascii and w:hAnsi: runs get the font through the paragraph style
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(0)
    sec = doc.sections[0]
    w, h = PAGES_MM[page] if isinstance(page, str) else page
    if landscape:
        w, h = max(w, h), min(w, h)
        sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(w), Mm(h)
    top, bottom, left, right = margins
    sec.top_margin, sec.bottom_margin = Mm(top), Mm(bottom)
    sec.left_margin, sec.right_margin = Mm(left), Mm(right)
    return doc


def _par(
    container,
    text: str,
    size: float,
    *,
    bold=False,
    italic=False,
    underline=False,
    align: str = "center",
    first: bool = False,
    font: str | None = None,
):
    """Add a paragraph (or fill a cell's first, empty paragraph); "\\n" in text becomes a soft break."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = container.paragraphs[0] if first else container.add_paragraph()
    p.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    for i, piece in enumerate(text.split("\n")):
        run = p.add_run(piece)
        if i < len(text.split("\n")) - 1:
            run.add_break()
        run.font.size = Pt(size)
        run.bold, run.italic, run.underline = bold, italic, underline
        if font:
            run.font.name = font
    return p


def _cell_lines(cell, specs) -> None:
    for i, (text, kw) in enumerate(specs):
        _par(cell, text, first=(i == 0), **kw)


def _save(doc, path_or_none) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    data = buf.getvalue()
    if path_or_none is not None:
        with open(path_or_none, "wb") as f:
            f.write(data)
    return data


def build_party_docx(
    path_or_none=None,
    *,
    font: str = "Times New Roman",
    margins=(20, 20, 30, 15),
    page="A4",
    landscape: bool = False,
) -> bytes:
    """A complete Party document (HD 05 typography, §3.6). margins = (top, bottom, left, right) in mm;
    page = "A4" | "A5" | "Letter" | (width_mm, height_mm)."""
    doc = _new_document(font, 14, margins, page, landscape)
    head = doc.add_table(rows=1, cols=2)  # no table style: borderless
    left, right = head.rows[0].cells
    _cell_lines(
        left,
        [
            (PARTY_ISSUER[0], dict(size=14, bold=True)),
            (PARTY_ISSUER[1], dict(size=14)),
            (PARTY_ISSUER[2], dict(size=14)),
        ],
    )
    _cell_lines(
        right,
        [
            (PARTY_BANNER[0], dict(size=15, bold=True)),
            (PARTY_BANNER[1], dict(size=14, italic=True, align="right")),
        ],
    )
    doc.add_paragraph()
    _par(doc, PARTY_TYPE, 15, bold=True)
    _par(doc, "\n".join(PARTY_SUBJECT), 14, bold=True)
    _par(doc, "-----", 14)
    for text in PARTY_BODY:
        _par(doc, text, 14, align="justify")
    doc.add_paragraph()
    foot = doc.add_table(rows=1, cols=2)
    left, right = foot.rows[0].cells
    _cell_lines(
        left,
        [(PARTY_RECIPIENTS[0], dict(size=14, underline=True, align="left"))]
        + [(t, dict(size=12, align="left")) for t in PARTY_RECIPIENTS[1:]],
    )
    _cell_lines(
        right,
        [
            (PARTY_SIGNATURE[0], dict(size=14, bold=True)),
            (PARTY_SIGNATURE[1], dict(size=14)),
            ("", dict(size=14)),
            ("", dict(size=14)),
            (PARTY_SIGNATURE[4], dict(size=14, bold=True)),
        ],
    )
    return _save(doc, path_or_none)


def build_party_docx_bad(path_or_none=None) -> bytes:
    """The Party document in Arial with wrong margins (top/bottom 15, left 20, right 20 mm)."""
    return build_party_docx(path_or_none, font="Arial", margins=(15, 15, 20, 20))


def build_state_docx(
    path_or_none=None,
    *,
    font: str = "Times New Roman",
    margins=(20, 20, 30, 15),
    page="A4",
    landscape: bool = False,
) -> bytes:
    """A complete State decision (NĐ 30/2020 typography, §2.6)."""
    doc = _new_document(font, 14, margins, page, landscape)
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    _cell_lines(
        left,
        [
            (STATE_ISSUER[0], dict(size=13)),
            (STATE_ISSUER[1], dict(size=13, bold=True)),
            (STATE_ISSUER[2], dict(size=13)),
        ],
    )
    _cell_lines(
        right,
        [
            (STATE_BANNER[0], dict(size=13, bold=True)),
            (STATE_BANNER[1], dict(size=14, bold=True)),
            (STATE_BANNER[2], dict(size=14, italic=True)),
        ],
    )
    doc.add_paragraph()
    _par(doc, "QUYẾT ĐỊNH", 14, bold=True)
    _par(doc, "Về việc cử cán bộ đi công tác", 14, bold=True)
    _par(doc, "GIÁM ĐỐC SỞ NỘI VỤ", 14, bold=True)
    _par(
        doc,
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
        14,
        italic=True,
        align="justify",
    )
    _par(doc, "QUYẾT ĐỊNH:", 14, bold=True)
    from docx.shared import Pt

    for n, rest in (
        (1, "Cử ông Nguyễn Văn C đi công tác tại Hà Nội."),
        (2, "Quyết định này có hiệu lực kể từ ngày ký."),
        (3, "Chánh Văn phòng và ông Nguyễn Văn C chịu trách nhiệm thi hành Quyết định này."),
    ):
        p = _par(doc, f"Điều {n}.", 14, bold=True, align="justify")  # bold label, upright text
        r = p.add_run(" " + rest)
        r.font.size = Pt(14)
    doc.add_paragraph()
    foot = doc.add_table(rows=1, cols=2)
    left, right = foot.rows[0].cells
    _cell_lines(
        left,
        [(STATE_RECIPIENTS[0], dict(size=12, bold=True, italic=True, align="left"))]
        + [(t, dict(size=11, align="left")) for t in STATE_RECIPIENTS[1:]],
    )
    _cell_lines(
        right,
        [
            (STATE_SIGNATURE[0], dict(size=14, bold=True)),
            (STATE_SIGNATURE[1], dict(size=14, bold=True)),
            ("", dict(size=14)),
            ("", dict(size=14)),
            (STATE_SIGNATURE[4], dict(size=14, bold=True)),
        ],
    )
    return _save(doc, path_or_none)


def build_merged_docx(path_or_none=None) -> bytes:
    """A 3×2 header table: row 1 merged across both columns (gridSpan); the left cells of rows 2–3
    merged vertically (vMerge); a nested table in the last right cell."""
    doc = _new_document("Times New Roman", 14, (20, 20, 30, 15), "A4", False)
    t = doc.add_table(rows=3, cols=2)
    top = t.cell(0, 0).merge(t.cell(0, 1))
    top.paragraphs[0].text = "TIÊU ĐỀ GỘP"
    tall = t.cell(1, 0).merge(t.cell(2, 0))
    tall.paragraphs[0].text = "TỈNH ỦY QUẢNG NINH"
    tall.add_paragraph("Số 400-TB/TU")
    t.cell(1, 1).paragraphs[0].text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    inner = t.cell(2, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).paragraphs[0].text = "nested left"
    inner.cell(0, 1).paragraphs[0].text = "nested right"
    doc.add_paragraph("after")
    return _save(doc, path_or_none)


def docx_from_body_xml(fragment: str, *, numbered: Sequence[tuple[str, str]] = ()) -> bytes:
    """A document whose body is the given WordprocessingML fragment (w:, mc:, wps:, v: prefixes
    available); `numbered` adds (style name, text) paragraphs after it via python-docx."""
    import docx
    from lxml import etree

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    doc = docx.Document()
    body = doc.element.body
    sect = body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")
    for el in etree.fromstring(f"<root {ns}>{fragment}</root>"):
        sect.addprevious(el)
    for style, text in numbered:
        doc.add_paragraph(text, style=style)
    return _save(doc, None)


# ---------------------------------------------------------------- pdf

PAGE_BREAK = "\f"


def find_unicode_ttf() -> str:
    """A TTF covering Vietnamese: DejaVu if installed, else any DejaVu/Liberation/Noto TTF found."""
    for name in ("DejaVuSerif.ttf", "DejaVuSans.ttf"):
        p = f"/usr/share/fonts/truetype/dejavu/{name}"
        if os.path.exists(p):
            return p
    for pat in ("DejaVu*.ttf", "Liberation*-Regular.ttf", "Noto*-Regular.ttf"):
        hits = sorted(glob.glob(f"/usr/share/fonts/**/{pat}", recursive=True))
        if hits:
            return hits[0]
    raise FileNotFoundError("no Unicode TTF font found (apt-get install fonts-dejavu-core)")


def build_text_pdf(
    lines: Sequence[str | tuple[str, str]], *, font_path: str | None = None, size: float = 13
) -> bytes:
    """A4 PDF with a text layer. A str item is one left-aligned line; a (left, right) tuple is one row
    of a two-column header (left half and right half, each centred); PAGE_BREAK starts a new page.
    Long str items wrap."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(30, 20, 15)
    pdf.set_auto_page_break(True, 20)
    pdf.add_font("U", "", font_path or find_unicode_ttf())
    pdf.set_font("U", size=size)
    pdf.add_page()
    lh = size * 0.5
    for item in lines:
        if item == PAGE_BREAK:
            pdf.add_page()
        elif isinstance(item, tuple):
            left, right = item
            pdf.set_x(30)
            pdf.cell(70, lh, left, align="C")
            pdf.set_x(105)
            pdf.cell(90, lh, right, align="C")
            pdf.ln(lh)
        elif item:
            pdf.set_x(30)
            pdf.multi_cell(165, lh, item, new_x="LMARGIN", new_y="NEXT")  # wraps long lines
        else:
            pdf.ln(lh)
    return bytes(pdf.output())


def build_party_pdf() -> bytes:
    """The Party document as a text PDF: header and footer tables as two-column rows."""
    issuer, banner = PARTY_ISSUER, PARTY_BANNER + [""]
    sig = PARTY_SIGNATURE + [""] * (len(PARTY_RECIPIENTS) - len(PARTY_SIGNATURE))
    rec = PARTY_RECIPIENTS + [""] * (len(sig) - len(PARTY_RECIPIENTS))
    body = ["", PARTY_TYPE, *PARTY_SUBJECT, "-----", *PARTY_BODY, ""]
    return build_text_pdf(list(zip(issuer, banner, strict=True)) + body + list(zip(rec, sig, strict=True)))


def build_scanned_pdf(pages: int = 1) -> bytes:
    """A PDF like a scan: each page holds only an image and a drawn rectangle, no text."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("L", (420, 594), 255)
    d = ImageDraw.Draw(img)
    for y in range(40, 560, 18):  # grey bars standing in for scanned text lines
        d.rectangle([60, y, 360 if y % 3 else 300, y + 8], fill=60)
    pdf = FPDF(format="A4", unit="mm")
    for _ in range(pages):
        pdf.add_page()
        pdf.image(img, x=0, y=0, w=210, h=297)
        pdf.rect(20, 20, 50, 10, style="F")
    return bytes(pdf.output())


def build_encrypted_pdf(user_password: str = "secret", owner_password: str = "owner") -> bytes:
    """An RC4-encrypted text PDF; with user_password="" it opens without a password."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    pdf.add_font("U", "", find_unicode_ttf())
    pdf.set_font("U", size=13)
    pdf.add_page()
    pdf.cell(150, 7, "ĐẢNG CỘNG SẢN VIỆT NAM")
    return bytes(pdf.output())
