"""OCR repairs of a whole line, made before any recogniser reads it: digits and slashes misread in
numbers and dates (patterns.repair), the case of an upper-case line OCR lowered
(patterns.restore_case), a letter O read as a zero in capitals (patterns.letters_for_digits),
marks scattered into words (patterns.stray_marks)."""

import pytest

from linter import patterns as P
from linter.text import fold


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("Số 427-TBlTU", "Số 427-TB/TU"),  # the slash read as l
        ("96-QĐÍUBKTTU", "96-QĐ/UBKTTU"),  # the slash read as Í
        ("Số: 06GM-SKHCN", "Số: 06/GM-SKHCN"),  # the slash lost
        ("Số: SVHTTDL-VP", "Số: /SVHTTDL-VP"),  # a blank number's slash lost in the gap before it
        ("Số: /TIr-SNV", "Số: /TTr-SNV"),  # a tờ trình's bold "TT" read "TI"
        ("Số CV/ĐU", "Số -CV/ĐU"),  # a Party blank number's hyphen lost
        ("Số: 1050/TTIr-SNV", "Số: 1050/TTr-SNV"),
        ("Số 12-TIr/TU", "Số 12-TTr/TU"),
        ("Số l5-CT/TU", "Số 15-CT/TU"),
        ("năm 2O24", "năm 2024"),
        ("ngày l5 tháng O1 năm 2025", "ngày 15 tháng 01 năm 2025"),
        ("ngày 26 tháng 0 6 năm 2018", "ngày 26 tháng 06 năm 2018"),  # a transcript's split field
        ("ngày 2 6 tháng 6 năm 20 18", "ngày 26 tháng 6 năm 2018"),
        ("ngày 5 tháng 6 năm 2018", "ngày 5 tháng 6 năm 2018"),
        ("123/qđ-ubnd", "123/QĐ-UBND"),  # a symbol read wholly in lower case
        # a photocopy OCR'd (bench.ocr_scan --dir, "copy"): a legal number's slashes read as spaces,
        # a colon, or lost; a type code without its bar; a legislature's number read as letters
        ("Số: 12 2024 TT-BKHĐT", "Số: 12/2024/TT-BKHĐT"),
        ("Số: 40:2026/TT-BTC", "Số: 40/2026/TT-BTC"),
        ("Số: 322026TT-BKHCN", "Số: 32/2026/TT-BKHCN"),
        ("Số: 154QD-UBND-TL", "Số: 154/QĐ-UBND-TL"),  # (never "1540D": QĐ is a code, not digits)
        ("Số: 16/2026/ND-CP", "Số: 16/2026/NĐ-CP"),
        ("Nghị quyết số: 17/2022/UBTVQHIS", "Nghị quyết số: 17/2022/UBTVQH15"),
        ("Số: 12/2020/NĐ-CP", "Số: 12/2020/NĐ-CP"),
        ("Số: 1050/ND-VP", "Số: 1050/NĐ-VP"),
        # nothing to repair
        ("CHÍNH PHỦ", "CHÍNH PHỦ"),  # an Í that is a letter
        ("Số 3294-CV/VPTW/nb", "Số 3294-CV/VPTW/nb"),  # a suffix in lower case on purpose
        ("Số 15-CT/TU", "Số 15-CT/TU"),
        ("Sở GD-ĐT tỉnh", "Sở GD-ĐT tỉnh"),  # an office's name, no number
        ("Số: QĐ-UBND và", "Số: QĐ-UBND và"),  # more than a symbol on the line
    ],
)
def test_repair(line, repaired):
    assert P.repair(line) == repaired


@pytest.mark.parametrize(
    ("line", "restored"),
    [
        ("KẾ hoạch", "KẾ HOẠCH"),
        ("thông báo", "THÔNG BÁO"),
        ("đảng cộng sản", "ĐẢNG CỘNG SẢN"),
        ("tm. ủy ban nhân dân", "TM. ỦY BAN NHÂN DÂN"),
        ("kt. bộ trưởng,", "KT. BỘ TRƯỞNG,"),
        ("tỉnh sơn la", "TỈNH SƠN LA"),
        ("k/t trưởng ban PHÓ TRƯỞNG BAN", "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN"),  # merged with the next
        # a sentence keeps its case
        ("Căn cứ Luật", None),
        ("các sở, ngành", None),
        ("Nội dung cuộc họp", None),
        ("sở y tế tỉnh lào cai", "SỞ Y TẾ TỈNH LÀO CAI"),
        ("bổ nhiệm chức danh nghề nghiệp", None),  # a wrapped V/v: "bổ" folds as the issuer's "Bộ"
        ("số lượng cán bộ", None),
    ],
)
def test_restore_case(line, restored):
    assert P.restore_case(line) == restored


@pytest.mark.parametrize(
    ("line", "letters"),
    [
        ("THÔNG BÁ0 KẾT LUẬN", "THÔNG BÁO KẾT LUẬN"),
        ("THÔNG BÁO", None),
        ("Số 400-TB/TU", None),  # a number keeps its digits
        ("CHỈ THỊ 0", None),
    ],
)
def test_letters_for_digits(line, letters):
    assert P.letters_for_digits(line) == letters


@pytest.mark.parametrize(
    ("line", "marks"),
    [
        ("ngà~y 21", "~"),
        ("thán*g 11", "*"),
        ("tháng. 11", "."),
        ("K'T. BÍ THƯ", "'"),
        ("Nội dung chính.", ""),  # a sentence's stop
        ("(*) Ghi chú", ""),  # a real sign
        ("Giá 1.000 đồng", ""),  # a thousands stop
        ("[Lê Thành Long", "["),  # a speck before a signer's name (a fax)
        ("[1] Điều 3", ""),  # a reference's bracket
        ("ơNguyễn Đức Vũ", "ơ"),  # a text layer's letter glued to a signer's name (round 81)
        ("eKYC và định danh", ""),  # a word that is written so
    ],
)
def test_stray_marks(line, marks):
    assert "".join(line[i] for i in P.stray_marks(line)) == marks


@pytest.mark.parametrize(
    ("f", "motto"),
    [
        ("doc lap - tu do - hanh phuc", True),
        ("doc l,ap - tu do - hanh phuc", True),
        ("doc 1ap - tu do - hanh phuc", True),
        ("doc lap dan toc", False),
    ],
)
def test_motto(f, motto):
    assert P.is_motto(fold(f)) == motto


@pytest.mark.parametrize(
    ("line", "restored"),
    [
        # a signer's title or an authority line whose marks OCR dropped or swapped
        ("THỨ TRƯỚNG", "THỨ TRƯỞNG"),
        ("PHÓ THÚ TƯỚNG", "PHÓ THỦ TƯỚNG"),
        ("CHU TỊCH", "CHỦ TỊCH"),
        ("KT. BỌ TRƯỜNG", "KT. BỘ TRƯỞNG"),
        ("TM. UY BAN THƯƠNG VỤ QUÓC HỘI", "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI"),
        ("TM. CHÍNH PHÙ", "TM. CHÍNH PHỦ"),
        ("TM. UY BAN NHÂN DÂN TINH HA TINH", "TM. ỦY BAN NHÂN DÂN TINH HA TINH"),  # (a place: as read)
        # right as written: nothing to restore
        ("THỨ TRƯỞNG", None),
        ("TM. UỶ BAN NHÂN DÂN", None),  # the tone on the y: the older style, and right
        ("HIỆU TRƯỞNG TRƯỜNG THPT", None),
        ("Thứ trưởng", None),  # not in capitals: a sentence's words
        ("THUƯ TRƯƠNG", None),  # a letter too many: not the title's folded form
        ("TỈNH ỬY CAO BẰNG", None),  # an issuer's line: its case and marks are layout's other repairs'
        ("CHU TỊCH NƯỚC ĐÃ KÝ", None),  # more than a title on the line
    ],
)
def test_restore_marks(line, restored):
    assert P.restore_marks(line) == restored
