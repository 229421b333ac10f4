"""The place-date line: patterns.parse_place_date, then on OCR's repair of the line, as lex reads
it. Blank fields are an e-signature tool's: it fills them in when the document is signed."""

import pytest

from linter import patterns as P


def read(line: str) -> dict | None:
    got = P.parse_place_date(line)
    if got is None and P.repair(line) != line:
        got = P.parse_place_date(P.repair(line))
    return got


ROWS = [
    # (line, place, day, month, year, malformed)
    ("Hà Nội, ngày 15 tháng 01 năm 2025", "Hà Nội", 15, 1, 2025, False),
    ("Quảng Ninh, ngày 26 tháng 10 năm 2021", "Quảng Ninh", 26, 10, 2021, False),
    ("TP. Hồ Chí Minh, ngày 05 tháng 3 năm 2024", "TP. Hồ Chí Minh", 5, 3, 2024, False),
    ("Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025", "Thành phố Hồ Chí Minh", 18, 11, 2025, False),
    ("ngày 15 tháng 01 năm 2025", None, 15, 1, 2025, False),  # the place on the line above
    ("Hà Nội, ngày 5 tháng 3 năm 2021.", "Hà Nội", 5, 3, 2021, False),  # a stop after it
    ("Hà Nội, ngày 31 tháng 02 năm 2025", "Hà Nội", 31, 2, 2025, False),  # read: VB224 judges it
    # OCR and web damage
    ("Hà Nội, ngay 15 thang 01 nam 2025", "Hà Nội", 15, 1, 2025, False),  # tone marks lost
    ("Hà Nội, ngày 15 tháng 01 nărn 2025", "Hà Nội", 15, 1, 2025, False),  # "m" read as "rn"
    ("Hà Nội, ngày 15 tháng 01 năm 2O25", "Hà Nội", 15, 1, 2025, False),  # a letter O for a zero
    ("Hà Nội, ngày l5 tháng O1 năm 2025", "Hà Nội", 15, 1, 2025, False),  # l for 1, O for 0
    ("Hà Nội,ngày 15 tháng 01 năm 2025", "Hà Nội", 15, 1, 2025, False),  # no space after the comma
    ("Hà Nội, ngày15 tháng01 năm2025", "Hà Nội", 15, 1, 2025, False),  # numbers glued to the words
    ("- Nghệ An, ngày 15 tháng 01 năm 2025", "Nghệ An", 15, 1, 2025, False),  # a speck before it
    # blank fields: an e-signature
    ("Hà Nội, ngày    tháng 01 năm 2025", "Hà Nội", None, 1, 2025, False),
    ("Hà Nội, ngày    tháng    năm 2025", "Hà Nội", None, None, 2025, False),
    ("Hà Nội, ngày … tháng … năm 2025", "Hà Nội", None, None, 2025, False),
    ("Hà Nội, ngày  tháng  năm", "Hà Nội", None, None, None, False),
    ("Lâm Đồng, ngàytháng 12 năm 2025", "Lâm Đồng", None, 12, 2025, False),  # a text layer glued them
    ("Lâm Đồng, ngày      thángnăm 2026", "Lâm Đồng", None, None, 2026, False),
    # malformed: read, and VB221 reports the form
    ("Hà Nội ngày 15 tháng 01 năm 2025", "Hà Nội", 15, 1, 2025, True),  # no comma after the place
    ("Quảng Ninh ngày 28/8/2023", "Quảng Ninh", 28, 8, 2023, True),  # d/m/y
    ("Hà Nội, ngày 15-01-2025", "Hà Nội", 15, 1, 2025, True),
    ("Hà Nội, ngày 15.01.2025", "Hà Nội", 15, 1, 2025, True),
    ("Lai Châu, ngày 05 3 năm 2021", "Lai Châu", None, None, 2021, True),  # "tháng" lost: no field trusted
]


@pytest.mark.parametrize(("line", "place", "day", "month", "year", "malformed"), ROWS)
def test_place_date(line, place, day, month, year, malformed):
    got = read(line)
    assert got is not None
    assert tuple(got[f] for f in ("place", "day", "month", "year", "malformed")) == (
        place,
        day,
        month,
        year,
        malformed,
    )


def test_the_written_forms_are_kept_for_the_leading_zero_rules():
    got = read("Hà Nội, ngày 05 tháng 3 năm 2024")
    assert (got["day_text"], got["month_text"], got["year_text"]) == ("05", "3", "2024")


@pytest.mark.parametrize(
    "line",
    [
        "Hà Nội, ngày 18 tháng 11 năm",  # the year on the next line: layout joins them first
        "Số 400-TB/TU",
        "Nội dung cuộc họp",
        "Hà Nội là thủ đô",
    ],
)
def test_not_a_place_date(line):
    assert read(line) is None


@pytest.mark.parametrize(
    ("line", "place", "day", "month", "year"),
    [
        # date lines of photocopies OCR'd (bench.ocr_scan --dir, "copy"), read as far as they go
        ("Hà Nội. ngày 0Š tháng 5 năm 2026", "Hà Nội", 5, 5, 2026),
        ("Hà Nội. ngày }7 tháng T0 năm 2024", "Hà Nội", 17, 10, 2024),  # a serif "1" read "T"
        ("Hà Nội. ngày: 12 tháng 4 năm 2023", "Hà Nội", 12, 4, 2023),
        ("Hà Nội, ngài: 10 tháng 02 năm 2026", "Hà Nội", 10, 2, 2026),
        ("Hà Nói. ngày 06 tháng 4 năm 306", "Hà Nói", 6, 4, None),
        ("Sa Đéc, ngày: 3] tháng I2 năm 2025", "Sa Đéc", None, 12, 2025),
        ("Hà Nội, ngàn: 06 tháng 4 năm 2026", "Hà Nội", 6, 4, 2026),  # "ngày" read "ngàn"
        ("Hà Nội, ngày lŠ tháng 0Š năm 3(0)56", "Hà Nội", 15, 5, None),  # the year past reading
        ("Hà Nội, ngày (06 tháng $5 năm 2026", "Hà Nội", 6, 5, 2026),  # specks before the digits
        # a day and month written in by hand, OCR's marks glued to the words (round 88's scans)
        ("Lâm Đông, ngày “tháng 12 năm 2025", "Lâm Đông", None, 12, 2025),
        ("Hà Nội, ngày Ÿ tháng⁄2năm 2025", "Hà Nội", None, None, 2025),
    ],
)
def test_a_damaged_date_line_is_read_as_far_as_it_goes(line, place, day, month, year):
    got = P.damaged_place_date(line)
    assert (got["place"], got["day"], got["month"], got["year"]) == (place, day, month, year)


@pytest.mark.parametrize(
    "line",
    [
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",  # a basis: a sentence
        "Nghị quyết này có hiệu lực thi hành kể từ ngày thông qua.",
        "phiên họp thứ 11 thông qua ngày 11 tháng 8 năm 2022./.",
        "ngày 25 tháng 5 năm 2022 của Bộ trưởng Bộ Lao động - Thương binh",  # a wrapped citation
        "Hà Nội, ngày 05 tháng 3 năm 2021 và ngày 06 tháng 3 năm 2021",
        "c) Trước ngày 10 tháng 7 năm kế",  # an item's cell, cut at a wide gap (round 77's 04)
        "Trước ngày 10 tháng 7 năm kế",
        "Kho bạc, ngân sách tháng 5 năm 2026",  # "ngân": a word, not a misread "ngày"
    ],
)
def test_not_a_damaged_date_line(line):
    assert P.damaged_place_date(line) is None
