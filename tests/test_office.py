"""linter.office: .docx / .pdf reading (text, reading order, typography, page set-up, errors)."""

import os
import random
import re
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

pytest.importorskip("docx")
pytest.importorskip("pypdf")
pytest.importorskip("fpdf")

try:
    import fixtures_office as fx
except ImportError:  # tests/ became a package
    from tests import fixtures_office as fx

from linter.office import NeedsOCR, OfficeText, UnreadableOffice, read_docx, read_pdf  # noqa: E402


def lines(doc: OfficeText) -> list[str]:
    return doc.text.split("\n")


def style_of(doc: OfficeText, text: str):
    ls = lines(doc)
    assert ls.count(text) >= 1, f"{text!r} not in {ls}"
    return doc.styles[ls.index(text)]


def check_invariant(doc: OfficeText) -> None:
    assert len(doc.styles) == doc.text.count("\n") + 1 == len(lines(doc))
    assert not re.search("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", doc.text)


@pytest.fixture(scope="module")
def party():
    return read_docx(fx.build_party_docx())


@pytest.fixture(scope="module")
def state():
    return read_docx(fx.build_state_docx())


# ---------------------------------------------------------------- module


def test_import_is_lazy():
    code = "import sys, linter.office; print(any(m in sys.modules for m in ('docx', 'pypdf', 'lxml')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- docx: text and reading order


def test_party_full_text(party):
    expected = (
        fx.PARTY_ISSUER
        + fx.PARTY_BANNER
        + [""]
        + [fx.PARTY_TYPE]
        + fx.PARTY_SUBJECT
        + ["-----"]
        + fx.PARTY_BODY
        + [""]
        + fx.PARTY_RECIPIENTS
        + fx.PARTY_SIGNATURE
    )
    assert lines(party) == expected
    assert party.kind == "docx"
    check_invariant(party)


def test_header_table_issuer_block_then_banner_block(party):
    assert lines(party)[:5] == fx.PARTY_ISSUER + fx.PARTY_BANNER


def test_footer_table_recipients_then_signature(party):
    ls = lines(party)
    i = ls.index("Nơi nhận:")
    assert ls[i:] == fx.PARTY_RECIPIENTS + fx.PARTY_SIGNATURE


def test_soft_line_break_gives_two_lines_of_one_paragraph(party):
    ls = lines(party)
    i = ls.index(fx.PARTY_SUBJECT[0])
    assert ls[i + 1] == fx.PARTY_SUBJECT[1]
    assert party.styles[i] == party.styles[i + 1]


def test_state_header_and_footer_order(state):
    ls = lines(state)
    assert ls[:6] == fx.STATE_ISSUER + fx.STATE_BANNER
    i = ls.index("Nơi nhận:")
    assert ls[i:] == fx.STATE_RECIPIENTS + fx.STATE_SIGNATURE
    check_invariant(state)


def test_merged_cells_emitted_once():
    doc = read_docx(fx.build_merged_docx())
    assert lines(doc) == [
        "TIÊU ĐỀ GỘP",
        "TỈNH ỦY QUẢNG NINH",
        "Số 400-TB/TU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "",
        "nested left",
        "nested right",
        "",
        "after",
    ]
    check_invariant(doc)


def test_path_argument_writes_the_same_bytes(tmp_path):
    p = tmp_path / "party.docx"
    data = fx.build_party_docx(p)
    assert p.read_bytes() == data
    assert lines(read_docx(data))[0] == fx.PARTY_ISSUER[0]


# ---------------------------------------------------------------- docx: typography


def test_party_typography(party):
    tnr = "Times New Roman"
    s = style_of(party, "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert (s.font, s.size, s.bold, s.italic, s.all_caps, s.align) == (tnr, 15.0, True, False, True, "center")
    s = style_of(party, "TỈNH ỦY QUẢNG NINH")
    assert (s.font, s.size, s.bold, s.all_caps) == (tnr, 14.0, True, True)
    s = style_of(party, "Số 400-TB/TU")
    assert (s.size, s.bold, s.italic, s.all_caps) == (14.0, False, False, False)
    s = style_of(party, fx.PARTY_BANNER[1])
    assert (s.size, s.italic, s.bold, s.align) == (14.0, True, False, "right")
    s = style_of(party, "THÔNG BÁO")
    assert (s.size, s.bold, s.all_caps) == (15.0, True, True)
    s = style_of(party, fx.PARTY_BODY[1])
    assert (s.font, s.size, s.bold, s.italic, s.align) == (tnr, 14.0, False, False, "justify")
    s = style_of(party, "Nơi nhận:")
    assert (s.size, s.underline, s.bold, s.align) == (14.0, True, False, "left")
    s = style_of(party, fx.PARTY_RECIPIENTS[1])
    assert (s.size, s.underline) == (12.0, False)
    s = style_of(party, "T/M BAN THƯỜNG VỤ")
    assert (s.size, s.bold, s.all_caps) == (14.0, True, True)
    s = style_of(party, "BÍ THƯ")
    assert (s.size, s.bold, s.all_caps) == (14.0, False, True)
    s = style_of(party, "Nguyễn Văn A")
    assert (s.size, s.bold, s.all_caps) == (14.0, True, False)


def test_empty_lines_take_the_paragraph_mark_style(party):
    i = lines(party).index("")
    s = party.styles[i]
    assert s is not None and s.font == "Times New Roman" and s.all_caps is False


def test_wrong_font_variant_reports_arial():
    doc = read_docx(fx.build_party_docx_bad())
    fonts = {s.font for line, s in zip(lines(doc), doc.styles, strict=True) if line}
    assert fonts == {"Arial"}
    assert style_of(doc, "ĐẢNG CỘNG SẢN VIỆT NAM").font == "Arial"


def test_direct_run_font_overrides_style():
    data = fx.docx_from_body_xml(
        '<w:p><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Tahoma"/><w:caps/></w:rPr>'
        "<w:t>abc ộ</w:t></w:r></w:p>"
        '<w:p><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Tahoma"/></w:rPr><w:t>ộộộộ a</w:t></w:r></w:p>'
    )
    doc = read_docx(data)
    assert doc.styles[0].font == "Arial"  # 3 ASCII letters in the ascii font, 1 in the hAnsi font
    assert doc.styles[0].all_caps is True  # caps property on lower-case text
    assert doc.styles[1].font == "Tahoma"  # Vietnamese letters use the hAnsi font


def test_theme_fonts_and_document_defaults():
    doc = read_docx(fx.docx_from_body_xml("<w:p><w:r><w:t>plain</w:t></w:r></w:p>"))
    s = doc.styles[0]
    assert (s.font, s.size, s.bold, s.align) == ("Cambria", 11.0, False, "left")  # python-docx template theme


def test_mixed_bold_line_is_none(state):
    s = style_of(state, "Điều 1. Cử ông Nguyễn Văn C đi công tác tại Hà Nội.")
    assert s.bold is None and s.size == 14.0 and s.font == "Times New Roman"


def test_state_typography(state):
    s = style_of(state, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert (s.size, s.bold, s.all_caps) == (13.0, True, True)
    s = style_of(state, "Độc lập - Tự do - Hạnh phúc")
    assert (s.size, s.bold, s.all_caps) == (14.0, True, False)
    s = style_of(state, "Nơi nhận:")
    assert (s.size, s.bold, s.italic) == (12.0, True, True)
    assert style_of(state, "- Như Điều 3;").size == 11.0


# ---------------------------------------------------------------- docx: page set-up


def test_page_setup_a4_and_margins(party):
    pg = party.page
    got = (pg.width_mm, pg.height_mm, pg.top_mm, pg.bottom_mm, pg.left_mm, pg.right_mm)
    assert got == pytest.approx((210, 297, 20, 20, 30, 15), abs=0.5)
    assert pg.orientation == "portrait"


def test_page_setup_wrong_margins():
    pg = read_docx(fx.build_party_docx_bad()).page
    assert (pg.top_mm, pg.bottom_mm, pg.left_mm, pg.right_mm) == pytest.approx((15, 15, 20, 20), abs=0.5)


def test_page_setup_a5_landscape():
    pg = read_docx(fx.build_state_docx(page="A5", landscape=True, margins=(25, 25, 35, 20))).page
    assert (pg.width_mm, pg.height_mm) == pytest.approx((210, 148), abs=0.5)
    assert (pg.top_mm, pg.bottom_mm, pg.left_mm, pg.right_mm) == pytest.approx((25, 25, 35, 20), abs=0.5)
    assert pg.orientation == "landscape"


# ---------------------------------------------------------------- docx: XML corner cases


def test_textbox_in_alternate_content_is_read_once():
    box = "<w:p><w:r><w:t>TRONG KHUNG</w:t></w:r></w:p>"
    data = fx.docx_from_body_xml(
        "<w:p><w:r><w:t>host</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
        f"<w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        '<w:r><w:t xml:space="preserve"> tail</w:t></w:r></w:p>'
    )
    assert lines(read_docx(data)) == ["host tail", "TRONG KHUNG"]


def test_hidden_deleted_fields_breaks_and_controls():
    data = fx.docx_from_body_xml(
        "<w:p><w:r><w:t>vis</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"
        "<w:del><w:r><w:delText>DELETED</w:delText></w:r></w:del><w:ins><w:r><w:t>ins</w:t></w:r></w:ins></w:p>"
        '<w:p><w:r><w:t>before</w:t><w:br w:type="page"/><w:t>after</w:t></w:r></w:p>'
        '<w:p><w:r><w:br w:type="page"/><w:t>new page</w:t></w:r></w:p>'
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>in sdt</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>"
        "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:noBreakHyphen/><w:t>c&#13;d</w:t></w:r></w:p>"
        "<w:p/>"
    )
    doc = read_docx(data)
    assert lines(doc) == ["visins", "before", "after", "new page", "in sdt", "7link", "a\tb-c", "d", ""]
    check_invariant(doc)


def test_automatic_numbering_is_rendered():
    data = fx.docx_from_body_xml(
        "", numbered=[("List Number", "một"), ("List Number", "hai"), ("List Bullet", "gạch")]
    )
    assert lines(read_docx(data)) == ["1.\tmột", "2.\thai", "•\tgạch"]


def test_page_headers_and_footers_are_skipped():
    import docx

    d = docx.Document(BytesIO(fx.build_party_docx()))
    d.sections[0].header.paragraphs[0].text = "PAGE HEADER"
    d.sections[0].footer.paragraphs[0].text = "1"
    buf = BytesIO()
    d.save(buf)
    doc = read_docx(buf.getvalue())
    assert "PAGE HEADER" not in doc.text and lines(doc)[0] == fx.PARTY_ISSUER[0]


# ---------------------------------------------------------------- docx: errors


def _replace_member(data: bytes, name: str, content: bytes | None) -> bytes:
    src = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            if info.filename == name:
                if content is not None:
                    z.writestr(info, content)
            else:
                z.writestr(info, src.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize(
    "make",
    [
        lambda d: d[: len(d) // 2],
        lambda d: d[:-20],
        lambda d: os.urandom(4000),
        lambda d: b"",
        lambda d: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000),  # legacy .doc / encrypted .docx
        lambda d: _replace_member(d, "word/document.xml", b"<w:document><broken"),
        lambda d: _replace_member(d, "word/document.xml", None),
        lambda d: _replace_member(d, "[Content_Types].xml", None),
        lambda d: fx.build_text_pdf(["not a docx"]),
    ],
    ids=["half", "tail-cut", "random", "empty", "ole2", "bad-xml", "no-document", "no-content-types", "pdf"],
)
def test_unreadable_docx(make):
    with pytest.raises(UnreadableOffice) as ei:
        read_docx(make(fx.build_party_docx()))
    assert str(ei.value)


def test_docx_byte_damage_never_escapes_as_another_exception():
    data = fx.build_party_docx()
    rng = random.Random(5)
    for _ in range(40):
        b = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        try:
            check_invariant(read_docx(bytes(b)))
        except UnreadableOffice:
            pass


# ---------------------------------------------------------------- pdf


def test_pdf_text_lines():
    doc = read_pdf(fx.build_party_pdf())
    assert doc.kind == "pdf" and doc.page is None
    assert all(s is None for s in doc.styles)
    check_invariant(doc)
    ls = lines(doc)
    assert any("ĐẢNG CỘNG SẢN VIỆT NAM" in line for line in ls)
    assert any(line.strip() == "Số 400-TB/TU" for line in ls)
    assert "THÔNG BÁO" in [line.strip() for line in ls]
    assert all(line == line.rstrip() for line in ls)


def test_pdf_two_column_rows_are_interleaved():
    ls = lines(read_pdf(fx.build_party_pdf()))
    # each visual row: left cell text, a wide gap, right cell text
    assert re.fullmatch(r"\s*TỈNH ỦY QUẢNG NINH\s{3,}ĐẢNG CỘNG SẢN VIỆT NAM", ls[0])
    assert re.fullmatch(r"\s*\*\s{3,}Quảng Ninh, ngày 26 tháng 10 năm 2021", ls[1])
    assert ls[2].strip() == "Số 400-TB/TU"
    i = next(k for k, line in enumerate(ls) if "Nơi nhận:" in line)
    assert re.fullmatch(r"\s*Nơi nhận:\s{3,}T/M BAN THƯỜNG VỤ", ls[i])


def test_pdf_word_set_apart_at_a_marked_glyph_is_one_word():
    """The gazette's text layers place a glyph with a stacked mark on its own ("Điề    u 5", "TM.
    CHÍNH PH   Ủ": rounds 63 and 65 of docs/precision.md), and opens gaps inside a number's
    symbol or a year (round 66), or anywhere before consonants that make no word alone (round 71),
    or inside a name's word (round 74); words that stand apart stay apart."""
    from fpdf import FPDF

    doc = FPDF(format="A4", unit="mm")
    doc.add_font("U", "", fx.find_unicode_ttf())
    doc.set_font("U", size=13)
    doc.add_page()
    rows = [
        ["Điề", "u 1. Phạm vi điều chỉnh"],
        ["2. Đ", "ối tượ", "ng áp dụng, nơi c", "ấp thẻ"],  # "tượng áp", not "tượ ngáp"
        ["Loại B", "an toàn, ba", "ý kiến về y tế"],  # each a word: none joined
        ["TM. CHÍNH PH", "Ủ"],
        ["Số: 81/2025/TT-", "BCA  Hà Nội, ngày 29 tháng 8 năm202", "5"],  # a gap in a number, a year
        ["Số: 32/2026/TT", "-BKHCN"],
        ["Số: 12/UBND", "TP. Hồ Chí Minh"],  # a number, then a column
        ["(hoặc tăn", "g) năng suất"],  # consonants alone across a wide gap (round 71)
        ["theo điểm", "g khoản 1, tăn", "g"],  # a point's letter stays
        ["qua", "m", "ạng"],  # consonants that go with the run after them
        ["Lê Ti", "ến Châu"],  # a name's word (round 74): both halves could be syllables
        ["Nhà", "ở xã hội"],  # not a name: words apart
        ["Điều 1", "1. Đạt và không đạt"],  # an article's number (round 75)
        ["Nghị quyết số: 78", "/2025", "/UBTVQH15"],  # a number spread over its field (round 75)
        ["Số: 779", "/QĐ-UBND"],  # a blank an e-signature stamped its number into stays
    ]
    for y, row in enumerate(rows):
        x = 25
        for piece in row:
            doc.text(x, 30 + 10 * y, piece)
            x += doc.get_string_width(piece) + 4
    got = [" ".join(line.split()) for line in lines(read_pdf(bytes(doc.output()))) if line]
    assert got == [
        "Điều 1. Phạm vi điều chỉnh",
        "2. Đối tượng áp dụng, nơi cấp thẻ",
        "Loại B an toàn, ba ý kiến về y tế",
        "TM. CHÍNH PHỦ",
        "Số: 81/2025/TT-BCA Hà Nội, ngày 29 tháng 8 năm2025",
        "Số: 32/2026/TT-BKHCN",
        "Số: 12/UBND TP. Hồ Chí Minh",
        "(hoặc tăng) năng suất",
        "theo điểm g khoản 1, tăng",
        "qua mạng",
        "Lê Tiến Châu",
        "Nhà ở xã hội",
        "Điều 11. Đạt và không đạt",
        "Nghị quyết số: 78/2025/UBTVQH15",
        "Số: 779 /QĐ-UBND",
    ]


def test_pdf_name_whose_word_the_text_layer_cut_twice():
    """ "Tr ầ n Thanh Vũ" (round 79, a school's plan): the pieces of a name's word, one space apart,
    the first no syllable alone, are one word; a name's words stay apart."""
    from fpdf import FPDF

    for pieces, want in ((["Tr", "ầ", "n Thanh Vũ"], "Trần Thanh Vũ"), (["Lê", "Văn", "Ân"], "Lê Văn Ân")):
        doc = FPDF(format="A4", unit="mm")
        doc.add_font("U", "", fx.find_unicode_ttf())
        doc.set_font("U", size=13)
        doc.add_page()
        x = 25
        for piece in pieces:
            doc.text(x, 30, piece)
            x += doc.get_string_width(piece) + 1.6
        assert [" ".join(line.split()) for line in lines(read_pdf(bytes(doc.output()))) if line] == [want]


def test_pdf_pages_joined_with_newline():
    doc = read_pdf(fx.build_text_pdf(["trang một", fx.PAGE_BREAK, "trang hai"]))
    assert lines(doc) == ["trang một", "trang hai"]


@pytest.mark.parametrize("pages", [1, 2])
def test_scanned_pdf_needs_ocr(pages):
    with pytest.raises(NeedsOCR, match="OCR"):
        read_pdf(fx.build_scanned_pdf(pages))


def test_encrypted_pdf_with_user_password_is_unreadable():
    with pytest.raises(UnreadableOffice, match="encrypted"):
        read_pdf(fx.build_encrypted_pdf())


def test_encrypted_pdf_with_empty_user_password_is_read():
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in read_pdf(fx.build_encrypted_pdf(user_password="")).text


@pytest.mark.parametrize("cut", [0.0, 0.3, 0.6, 0.95])
def test_truncated_pdf_is_unreadable(cut):
    data = fx.build_text_pdf(["ĐẢNG CỘNG SẢN VIỆT NAM", "Số 400-TB/TU"] * 20)
    with pytest.raises(UnreadableOffice):
        read_pdf(data[: int(len(data) * cut)])


@pytest.mark.parametrize(
    "data",
    [os.urandom(3000), b"", b"%PDF-1.7\n" + os.urandom(3000)],
    ids=["random", "empty", "header-then-garbage"],
)
def test_garbage_pdf_is_unreadable(data):
    with pytest.raises(UnreadableOffice):
        read_pdf(data)


def test_docx_given_to_pdf_reader_is_unreadable():
    with pytest.raises(UnreadableOffice):
        read_pdf(fx.build_party_docx())


def test_a_pdf_line_whose_runs_the_layout_mode_put_out_of_order():
    """A ward's decision (round 78) prints "- TT. Đảng ủy/ TT. HĐND Phường;" in its Nơi nhận; pypdf's
    layout mode gives the line's two runs swapped, the dash glued after the other's ";". The plain
    mode's order is taken for that line; other lines, and lines of two columns, stay as they are."""
    from linter.office import _in_drawing_order

    layout = [
        "Nơi nhận:                                                              TM. UỶ BAN NHÂN DÂN",
        "- Như Điều 4;                                                                      CHỦ TỊCH",
        " TT. HĐND Phường;- TT. Đảng ủy/",
        "- CT và các PCT UBND Phường;",
        "- Lưu: VT.",
    ]
    plain = (
        "Nơi nhận:\n- Như Điều 4;\n- TT. Đảng ủy/ TT. HĐND Phường;\n- CT và các PCT UBND Phường;\n"
        "- Lưu: VT.\nTM. UỶ BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Tâm"
    )
    got = _in_drawing_order(layout, plain)
    assert got[2] == " - TT. Đảng ủy/ TT. HĐND Phường;"
    assert got[:2] + got[3:] == layout[:2] + layout[3:]
    # a list run together on one line as the page prints it has no other order to take
    assert _in_drawing_order(["- A;- B;"], "- A;- B;") == ["- A;- B;"]
    # a school's plan (round 79): a line's cell, the other lines of the page, a run set apart in brackets
    layout = [
        "Nơi nhận:                                                                    KT. GIÁM ĐỐC",
        " tra của- Đoàn kiểm Bộ GDĐT (để báo cáo);                                   PHÓ GIÁM ĐỐC",
        "- Các trường; THPT (để thực hiện)",
        "- Lưu: VT, TCCB (V05                b).",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]
    plain = (
        "Nơi nhận:\n- Đoàn kiểm tra của Bộ GDĐT (để báo cáo);\n- Các trường THPT (để thực hiện);\n"
        "- Lưu: VT, TCCB (V05b).\nSỞ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKT. GIÁM ĐỐC"
    )
    assert _in_drawing_order(layout, plain) == [
        layout[0],
        " - Đoàn kiểm tra của Bộ GDĐT (để báo cáo);                                   PHÓ GIÁM ĐỐC",
        "- Các trường THPT (để thực hiện);",
        "- Lưu: VT, TCCB (V05b).",
        layout[4],  # two columns the plain mode joins: the layout's gap stays
    ]


def test_spaces_in_a_pdf_text_layer_are_placed_not_typed():
    """A PDF's text layer places its spaces from where the glyphs stand ("Kính  gửi:", "KT.  BỘ
    TRƯỞNG", round 81; "…).      /.", round 83; "Số:  779    /QĐ-UBND", round 84): two of them
    prove no double space was typed, so neither the label, the authority, the body's end mark nor
    the number is reported; typed so in a text file, each is."""
    from datetime import date

    from linter.lint import lint_bytes
    from linter.result import Options

    text = (ROOT / "corpus/valid/state-nd30/cong_van.txt").read_text(encoding="utf-8")
    text = text.replace("Kính gửi:", "Kính  gửi:").replace("KT. BỘ TRƯỞNG", "KT.  BỘ TRƯỞNG")
    text = text.replace("Nơi nhận:", "Nơi nhận  :")  # the colon in another font (round 85)
    text = text.replace("./.", ".      /.")  # the end mark's pieces placed apart (round 83)
    text = text.replace("Số: 4126/BGDĐT", "Số: 4126    /BGDĐT")  # an e-signed number's blank (round 84)
    opts = Options(today=date(2026, 12, 7))
    typed = {d.code for d in lint_bytes("cv.txt", text.encode(), opts).diagnostics}
    pdf = fx.build_text_pdf(text.split("\n"))
    assert "Kính  gửi:" in read_pdf(pdf).text  # the layer keeps the wider gap
    placed = {d.code for d in lint_bytes("cv.pdf", pdf, opts).diagnostics}
    spacing = {"VB121", "VB203", "VB262", "VB312"}
    assert spacing <= typed and not spacing & placed
