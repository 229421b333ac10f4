"""Layout and lexing of real text as users have it: merged columns, broken header phrases,
OCR-misread labels, debris."""

from linter.layout import layout
from linter.lex import lex
from linter.normalize import normalize


def toks(text: str) -> list[tuple[str, str]]:
    return [(t.type, t.text) for t in lex(layout(normalize(text)))]


def test_merged_header_columns_are_split():
    got = toks(
        "TỈNH ỦY QUẢNG NINH ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 400 - TB/TU Quảng Ninh, ngày 26 tháng 10 năm 2021\n"
    )
    assert got == [
        ("ISSUER", "TỈNH ỦY QUẢNG NINH"),
        ("BANNER", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("STAR", "*"),
        ("NUMBER", "Số 400 - TB/TU"),
        ("PLACE_DATE", "Quảng Ninh, ngày 26 tháng 10 năm 2021"),
    ]


def test_broken_header_phrases_are_joined():
    got = toks(
        "BAN CHẤP HÀNH\nTRUNG ƯƠNG\n*\nĐẢNG CỘNG\nSẢN VIỆT NAM\nSố 432-TB/VPTW\nHà Nội, ngày\n26 tháng 11 năm 2025\n"
    )
    assert ("BANNER", "ĐẢNG CỘNG SẢN VIỆT NAM") in got
    assert ("PLACE_DATE", "Hà Nội, ngày 26 tháng 11 năm 2025") in got


def test_a_place_name_wrapped_anywhere_is_read_whole():
    # as published: the place broken after the unit word, inside the name, or after its first word
    for a, b in (("Thành", "phố Hồ Chí Minh"), ("Thành phố", "Hồ Chí Minh"), ("Thành phố Hồ", "Chí Minh")):
        got = toks(f"Số: 174/KH-UBND\n\n{a}\n{b}, ngày 18 tháng 11 năm 2025\n")
        assert ("PLACE_DATE", "Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025") in got, (a, got)


def test_a_recipients_list_without_its_label_is_read_as_recipients():
    got = toks(
        "Nội dung./.\n\n- Như trên;\n- Các Thứ trưởng;\n- Lưu: VT, GDPT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
    )
    assert [t for t, _ in got] == ["PARA", "RECIPIENT", "RECIPIENT", "RECIPIENT", "AUTHORITY", "SIGNER_TITLE"]
    # a dash list in the body that does not end with a Lưu line stays in the body
    got = toks("Nội dung:\n- Một;\n- Hai.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n")
    assert [t for t, _ in got][:3] == ["PARA", "ITEM", "ITEM"]


def test_a_name_over_two_one_word_lines_is_one_name():
    got = toks("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nMai\nSơn\n")
    assert got[-2:] == [("SIGNER_NAME", "Mai"), ("SIGNER_NAME", "Sơn")]


def test_numbers_in_a_flattened_table_are_no_sections():
    got = toks("Nội dung:\n\n2.8 < I <= 4.0\n\n2.0 < I <= 2.8\n\n1.4 < I <= 2.0\n\n2.1. Phân loại\n")
    assert [t for t, _ in got] == ["PARA", "PARA", "PARA", "PARA", "SECTION"]


def test_a_summary_wrapped_before_the_number_it_names_goes_on():
    got = toks(
        "Số: 11306/VPCP-NN\nV/v\nđề xuất giải pháp triển khai Nghị định\n136/2025/NĐ-CP\n\nHà Nội, ngày 18 tháng 11 năm 2025\n"
    )
    assert [t for t, _ in got] == ["NUMBER", "VV", "SUBJECT", "SUBJECT", "PLACE_DATE"]


def test_a_damaged_quoc_hieu_over_two_lines_is_joined():
    for a, b in (("cỘNG HÒA XÃ", "HỘr cHỦ NGHĨA VrỆT NAM"), ("CỘNG HÒA XÃ HỘI *", "CHỦ NGHĨA VIỆT KAM")):
        got = toks(f"BỘ NỘI VỤ\n-------\n{a}\n{b}\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/BNV-KHTC\n")
        assert [t for t, _ in got][:4] == ["ISSUER", "RULE", "QUOC_HIEU", "TIEU_NGU"], got


def test_a_flattened_list_that_lost_its_first_dash_is_still_the_recipients():
    row = "Chính phủ; - Ban Tổ chức Trung ương; - Kiểm toán nhà nước; - Lưù: HC, PLTP. | TM. CHÍNH PHỦ"
    got = toks(f"Nội dung./.\n\n{row}\n")
    assert [t for t, _ in got] == ["PARA", "RECIPIENT", "RECIPIENT", "RECIPIENT", "RECIPIENT", "AUTHORITY"]


def test_a_rule_fragment_in_the_header_is_neither_joined_nor_garbled_text():
    for head in ("ỦY BAN NHÂN DÂN\n-\nXÃ BÁT TRÀNG\n", "ỦY BAN NHÂN DÂN\nXÃ BÁT TRÀNG\n-\n"):
        got = toks(head + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
        assert ("ISSUER", "XÃ BÁT TRÀNG") in got, got


def test_positions_map_back_to_the_original():
    lines = layout(normalize("Số 400 - TB/TU   Quảng Ninh, ngày 26 tháng 10 năm 2021\n"))
    assert lines[1].span().line == 1 and lines[1].span().column == 18


def test_markdown_bold_and_ocr_labels():
    got = toks("Nơi nhân:\n- Lưu VPTU.\n\n**T Í M  BAN THƯỜNG vụ\nBÍ THƯ**\n\nHoàng Ngân\n")
    assert [t for t, _ in got] == ["NOI_NHAN", "RECIPIENT", "AUTHORITY", "SIGNER_TITLE", "SIGNER_NAME"]


def test_recipients_and_signature_side_by_side():
    got = toks("Nơi nhận: T/M BAN THƯỜNG VỤ\n- Như trên,\n- Lưu VPTU.\n")
    assert got[0] == ("NOI_NHAN", "Nơi nhận:") and got[1][0] == "AUTHORITY"


def test_debris_is_dropped():
    got = toks("- Chỉ thị này được phổ biến đến chi bộ. *nel*\n^\n")
    assert got == [("ITEM", "- Chỉ thị này được phổ biến đến chi bộ.")]


def test_nfd_input_is_recognised():
    import unicodedata

    got = toks(unicodedata.normalize("NFD", "ĐẢNG CỘNG SẢN VIỆT NAM\n"))
    assert got == [("BANNER", "ĐẢNG CỘNG SẢN VIỆT NAM")]


def test_received_stamp_and_esignature_above_the_header():
    from datetime import date
    from pathlib import Path

    from linter.lint import lint_path
    from linter.result import Options

    path = Path(__file__).parent / "data" / "stamp_esign_cong_van.txt"
    kinds = [t for t, _ in toks(path.read_text(encoding="utf-8"))]
    assert kinds[:7] == ["STAMP"] * 7 and kinds[7] == "ISSUER"
    r = lint_path(str(path), Options(today=date(2026, 11, 22)))
    assert r.profile == "state-nd30" and r.doc_type == "cong_van" and r.diagnostics == []
    assert r.components["signature"]["name"] == "Nguyễn Văn A"  # "( Đã ký)" between title and name


def test_ocr_s_bar_cuts_no_cell():
    """A flattened table's "|" parts its cells; OCR draws no table but reads a speck, a "1" or an
    "l" as "|" (round 86: "Số |Ä3-CV/B&PTTH", a handwritten number): on a scan the line is whole."""
    lines = normalize("Số |Ä3-CV/B&PTTH\nBỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert [x.text for x in layout(lines, scanned=True)][:1] == ["Số |Ä3-CV/B&PTTH"]
    assert [x.text for x in layout(lines)][:2] == ["Số", "Ä3-CV/B&PTTH"]
