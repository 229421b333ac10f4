"""The closing: the authority prefix (patterns.authority_of), the signer's title
(patterns.is_title_line), the Lưu line that ends the recipients (patterns.luu_line), the
signature's "(Đã ký)" (patterns.SIGNED), the signer's name (patterns.is_name_line, rank_end)."""

import pytest

from linter import patterns as P


@pytest.mark.parametrize(
    ("line", "authority", "body"),
    [
        # Party
        ("T/M BAN THƯỜNG VỤ", "T/M", "BAN THƯỜNG VỤ"),
        ("K/T BÍ THƯ", "K/T", "BÍ THƯ"),
        ("T/L BAN THƯỜNG VỤ", "T/L", "BAN THƯỜNG VỤ"),
        ("T/UQ BAN THƯỜNG VỤ", "T/UQ", "BAN THƯỜNG VỤ"),  # read: VB301 says Party has none
        ("Q. CHÁNH VĂN PHÒNG", "Q.", "CHÁNH VĂN PHÒNG"),
        # State
        ("TM. ỦY BAN NHÂN DÂN", "TM.", "ỦY BAN NHÂN DÂN"),
        ("KT. BỘ TRƯỞNG", "KT.", "BỘ TRƯỞNG"),
        ("TL. BỘ TRƯỞNG", "TL.", "BỘ TRƯỞNG"),
        ("TUQ. CHỦ TỊCH", "TUQ.", "CHỦ TỊCH"),
        ("KT. BỘ TRƯỞNG,", "KT.", "BỘ TRƯỞNG,"),  # the body goes on on the next line
        ("TL.", "TL.", ""),  # alone on its line
        # OCR and typing damage: the slash misread, a stop or a space lost or added
        ("T|M BAN THƯỜNG VỤ", "T/M", "BAN THƯỜNG VỤ"),
        ("T1M BAN THƯỜNG VỤ", "T/M", "BAN THƯỜNG VỤ"),
        ("K!T BÍ THƯ", "K/T", "BÍ THƯ"),
        ("T/ M BAN THƯỜNG VỤ", "T/M", "BAN THƯỜNG VỤ"),
        ("TM ỦY BAN NHÂN DÂN", "TM.", "ỦY BAN NHÂN DÂN"),  # the stop lost: VB312 reports it
        ("KT BỘ TRƯỞNG", "KT.", "BỘ TRƯỞNG"),
        ("TM.ỦY BAN NHÂN DÂN", "TM.", "ỦY BAN NHÂN DÂN"),  # no space after the stop
        ("TM . ỦY BAN NHÂN DÂN", "TM.", "ỦY BAN NHÂN DÂN"),
    ],
)
def test_authority(line, authority, body):
    got = P.authority_of(line)
    assert got is not None
    assert (got[0], line[got[1] :].strip()) == (authority, body)


@pytest.mark.parametrize(
    "line",
    [
        "TỈNH ỦY QUẢNG NINH",
        "TMS BAN",
        "THÔNG BÁO",
        "tm. ủy ban nhân dân",  # lower case: layout restores its case first (test_repairs.py)
    ],
)
def test_not_an_authority(line):
    assert P.authority_of(line) is None


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("BÍ THƯ", True),
        ("PHÓ BÍ THƯ", True),
        ("CHỦ TỊCH", True),
        ("PHÓ CHỦ TỊCH", True),
        ("BỘ TRƯỞNG", True),
        ("THỨ TRƯỞNG", True),
        ("GIÁM ĐỐC", True),
        ("PHÓ TRƯỞNG BAN", True),
        ("CHÁNH VĂN PHÒNG", True),
        ("Q. CHÁNH VĂN PHÒNG", True),
        ("TRƯỞNG BAK", True),  # a letter misread
        ("PHÓ GIÁM ĐÓC", True),  # a tone misread
        ("Bí thư", False),  # a signer's title is in capitals
        ("TỈNH ỦY QUẢNG NINH", False),
        ("THÔNG BÁO", False),
        ("THƯỜNG TRỰC", False),  # what a title wraps onto, not a title
    ],
)
def test_signer_title(line, title):
    assert P.is_title_line(line) == title


LUU = [
    # (line, where "Lưu" starts, garbled)
    ("- Lưu: VT, TCCB.", 2, False),
    ("- Lưu VT.", 2, False),
    ("- Lưu Văn phòng Tỉnh ủy.", 2, False),
    ("- LƯU: VT.", 2, False),
    ("Lưu: VT, VX.", 0, False),  # its dash lost
    ("-Lưu: VT.", 1, False),  # no space after the dash
    ("• Lưu: VT.", 2, False),  # another bullet
    ("+ Lưu VT.", 2, False),
    ("- Lưu:VT.", 2, False),  # no space after the colon
    ("- Luu VT.", 2, False),  # tone marks lost
    ("- Lưa VPTU.", 2, True),  # OCR: u read as a
    ("- LưaVPTU, THI.", 2, True),  # and the next word glued on
    ("- Lưù VT.", 2, True),  # a tone mark added
]


@pytest.mark.parametrize(("line", "at", "garbled"), LUU)
def test_luu_line(line, at, garbled):
    got = P.luu_line(line)
    assert got is not None
    assert (got["at"], got["end"] - got["at"], got["garbled"]) == (at, 3, garbled)


@pytest.mark.parametrize(
    "line",
    [
        "- Các sở, ngành;",
        "- Như trên;",
        "- Lãnh đạo Văn phòng;",
        "- Lựa chọn nhà thầu;",  # a word, not OCR's "Lưa"
        "- Lừa đảo;",
    ],
)
def test_not_a_luu_line(line):
    assert P.luu_line(line) is None


@pytest.mark.parametrize(
    ("line", "signed"),
    [
        ("(Đã ký)", True),
        ("(đã ký)", True),
        ("(Ký, ghi rõ họ tên)", True),
        ("(Ký tên, đóng dấu)", True),
        ("( Đã ký )", True),
        ("(B/c)", False),
        ("(Đã ký) Nguyễn Văn An", False),
    ],
)
def test_signed(line, signed):
    assert bool(P.SIGNED.match(line)) == signed


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Nguyễn Văn An", True),
        ("Hoàng Ngân", True),
        ("Lê Thị Thu Hà", True),
        ("Trần văn Bình", True),  # one word's capital lost
        ("NGUYỄN VĂN AN", False),  # capitals: a title or an issuer
        ("Nguyễn", False),  # one word
        ("nguyễn văn an", False),
        ("Nguyễn Văn An 2", False),
        ("Nơi nhận", False),
    ],
)
def test_name(line, name):
    assert P.is_name_line(line) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Thượng tướng Vũ Hải Sản", "Vũ Hải Sản"),
        ("Đại tá Nguyễn Văn B", "Nguyễn Văn B"),
        ("PGS.TS. Lê Văn A", "Lê Văn A"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
    ],
)
def test_rank_before_a_name(line, name):
    assert line[P.rank_end(line) :] == name
