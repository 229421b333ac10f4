"""The number line ("Số và ký hiệu"): patterns.parse_number, then on OCR's repair of the line
(patterns.repair), as lex reads it. Each row: the line as a page, a scan or an e-signature tool
leaves it, and what it says."""

import pytest

from linter import patterns as P


def read(line: str) -> dict | None:
    """The number a line holds, as written or through OCR's repairs (lex's two looks)."""
    got = P.parse_number(line)
    if got is None and P.repair(line) != line:
        got = P.parse_number(P.repair(line))
        return got and {**got, "repaired": True}
    return got and {**got, "repaired": False}


def pick(reading: dict, *fields: str) -> tuple:
    return tuple(reading[f] for f in fields)


PARTY = [
    # (line, seq, symbol, type code, issuer code)
    ("Số 400-TB/TU", 400, "TB/TU", "TB", "TU"),
    ("Số 15-CT/TU", 15, "CT/TU", "CT", "TU"),
    ("Số 45-HD/BTGTU", 45, "HD/BTGTU", "HD", "BTGTU"),
    ("Số 12-QĐi/TU", 12, "QĐi/TU", "QĐi", "TU"),  # the legacy code: read, VB206 judges it
    ("Số 3294-CV/VPTW/nb", 3294, "CV/VPTW/nb", "CV", "VPTW"),  # a suffix in lower case
    ("400-TB/TU", 400, "TB/TU", "TB", "TU"),  # "Số" left out
    ("Sấ 143-KL/TU", 143, "KL/TU", "KL", "TU"),  # "ố" read "ấ" (a scan, a stamp's ink over it)
    # damaged or loosely typed
    ("Số 400 - TB/TU", 400, "TB/TU", "TB", "TU"),  # spaces around "-"
    ("Số 15 - CT / TU", 15, "CT/TU", "CT", "TU"),  # and around "/"
    ("Số 47-KH / ĐU", 47, "KH/ĐU", "KH", "ĐU"),
    ("Số15-CT/TU", 15, "CT/TU", "CT", "TU"),  # glued to "Số"
    ("So 15-CT/TU", 15, "CT/TU", "CT", "TU"),  # tone marks lost
    ("Sô 15-CT/TU", 15, "CT/TU", "CT", "TU"),  # a mark misread
    ("Số: 1286-CV/TU", 1286, "CV/TU", "CV", "TU"),  # the State's colon on a Party number
    ("Số 2O-CT/TU", 20, "CT/TU", "CT", "TU"),  # a letter O read for a zero
    ("Số l5-CT/TU", 15, "CT/TU", "CT", "TU"),  # a letter l read for a one
    ("Số 427-TBlTU", 427, "TB/TU", "TB", "TU"),  # the slash read as a letter l
    ("Số 400 - TB/TU-", 400, "TB/TU", "TB", "TU"),  # a speck after it
]


@pytest.mark.parametrize(("line", "seq", "symbol", "type_code", "issuer"), PARTY)
def test_party_number(line, seq, symbol, type_code, issuer):
    got = read(line)
    assert got is not None
    assert got["form"] == "party"
    assert pick(got, "seq", "symbol", "type_code", "issuer_code") == (seq, symbol, type_code, issuer)


STATE = [
    # (line, seq, year, symbol, type code, issuer code)
    ("Số: 15/QĐ-BNV", 15, None, "QĐ-BNV", "QĐ", "BNV"),
    ("Số: 12/2020/NĐ-CP", 12, 2020, "NĐ-CP", "NĐ", "CP"),
    ("Số: 21/2025/TT-BTC", 21, 2025, "TT-BTC", "TT", "BTC"),
    ("Số: 01856/TTr-STC", 1856, None, "TTr-STC", "TTr", "STC"),  # the leading zero: VB207 judges it
    ("Số: 1527/UBND-VX", 1527, None, "UBND-VX", None, "UBND-VX"),  # a công văn: no type code
    ("Luật số: 59/2020/QH14", 59, 2020, "QH14", None, "QH14"),
    ("Nghị quyết số: 01/2025/NQ-HĐND", 1, 2025, "NQ-HĐND", "NQ", "HĐND"),
    # damaged or loosely typed
    ("Số : 15/QĐ-BNV", 15, None, "QĐ-BNV", "QĐ", "BNV"),  # a space before the colon
    ("Số: 15 / QĐ - UBND", 15, None, "QĐ-UBND", "QĐ", "UBND"),  # spaces around "/" and "-"
    ("Số: 123/qđ-ubnd", 123, None, "QĐ-UBND", "QĐ", "UBND"),  # the symbol read in lower case
    ("Số: 06GM-SKHCN", 6, None, "GM-SKHCN", "GM", "SKHCN"),  # the slash lost
    ("Số: SVHTTDL-VP", None, None, "SVHTTDL-VP", None, "SVHTTDL-VP"),  # a blank number's slash lost
    ("Số: 022024:T1-BLĐTBXH", 2, 2024, "TT-BLĐTBXH", "TT", "BLĐTBXH"),  # "TT" read "T1", slashes lost
    ("Số; 14/2026/T1-BTC", 14, 2026, "TT-BTC", "TT", "BTC"),  # and the colon read as ";"
    ("Sá: 08/VBHN-BTC", 8, None, "VBHN-BTC", "VBHN", "BTC"),  # "ố" read "á"
    ("Sé: 50/2026/TT-BTC", 50, 2026, "TT-BTC", "TT", "BTC"),  # or "é"
    ("Số: 14/2026/TT-BTC.............", 14, 2026, "TT-BTC", "TT", "BTC"),  # a dotted leader glued (a fax)
    # blank: the e-signature tool fills the number in when it signs
    ("Số:      /UBND-VP", None, None, "UBND-VP", None, "UBND-VP"),
    ("Số:     /QĐ-UBND", None, None, "QĐ-UBND", "QĐ", "UBND"),
    ("Số: ..../QĐ-UBND", None, None, "QĐ-UBND", "QĐ", "UBND"),
    ("Số: …/QĐ-UBND", None, None, "QĐ-UBND", "QĐ", "UBND"),
    ("Số:____/QĐ-UBND", None, None, "QĐ-UBND", "QĐ", "UBND"),
]


@pytest.mark.parametrize(("line", "seq", "year", "symbol", "type_code", "issuer"), STATE)
def test_state_number(line, seq, year, symbol, type_code, issuer):
    got = read(line)
    assert got is not None
    assert got["form"] == "state"
    assert pick(got, "seq", "year", "symbol", "type_code", "issuer_code") == (
        seq,
        year,
        symbol,
        type_code,
        issuer,
    )


@pytest.mark.parametrize(
    ("line", "label", "colon", "repaired"),
    [
        ("Số 400-TB/TU", "Số", False, False),
        ("Số: 15/QĐ-BNV", "Số", True, False),
        ("Số : 15/QĐ-BNV", "Số", True, False),
        ("400-TB/TU", None, False, False),
        ("Luật số: 59/2020/QH14", "Luật số", True, False),
        ("Số 427-TBlTU", "Số", False, True),
        ("Số: 123/qđ-ubnd", "Số", True, True),
    ],
)
def test_label_colon_and_repair(line, label, colon, repaired):
    assert pick(read(line), "label", "colon", "repaired") == (label, colon, repaired)


def test_the_number_ends_where_its_symbol_does():
    """A place-date glued after it (a merged header row) is not part of the number."""
    line = "Số: 15/QĐ-BNV Hà Nội, ngày"
    assert line[: read(line)["end"]] == "Số: 15/QĐ-BNV"


@pytest.mark.parametrize(
    "line",
    [
        "Số lượng người tham dự",  # "Số" opens a sentence
        "Căn cứ Luật số 59/2020/QH14",  # a number cited in a basis
        "15 đồng chí tham dự",  # a digit, but no Party number
        "Hà Nội, ngày 15 tháng 01 năm 2025",
        "THÔNG BÁO",
    ],
)
def test_not_a_number(line):
    assert read(line) is None


def test_a_type_code_ocr_misread_is_read_through_a_repair():
    """ "Số: 1050/TIr-SNV" parses as written, with no type code; lex takes the repaired reading,
    which has one (the scans of round 21-22's tờ trình), and marks it for review (VB130)."""
    from linter.lex import classify
    from linter.lines import Line

    kind, data = classify(Line.plain("Số: 1050/TIr-SNV", 1))
    assert (kind, data["type_code"], data["symbol"], data["repaired"]) == ("NUMBER", "TTr", "TTr-SNV", True)
    kind, data = classify(Line.plain("Số: 12/UBND-TIN", 1))  # no code to repair: as written
    assert (kind, data["type_code"], data["symbol"], data["repaired"]) == ("NUMBER", None, "UBND-TIN", False)


@pytest.mark.parametrize(
    ("line", "seq", "year", "symbol", "type_code"),
    [
        # number lines of photocopies OCR'd (bench.ocr_scan --dir, "copy"): label and symbol stand
        ("Số: 19 QD-UBND-TL", 19, None, "QĐ-UBND-TL", "QĐ"),
        ("Số: JSŠ QĐ-UBND-TL", None, None, "QĐ-UBND-TL", "QĐ"),
        ("Số: HT 2026 ND-CP", None, 2026, "NĐ-CP", "NĐ"),
        ("Số: 1š 2024 TT-BLDTBXH", 15, 2024, "TT-BLDTBXH", "TT"),
        ("Số: 03/⁄2023/TT-BLDTBXH", 3, 2023, "TT-BLDTBXH", "TT"),
        # a law's and a legislature's number (session 18's unseen gazette set, "copy")
        ("Luật số: XI 2024 QHIS", None, 2024, "QH15", None),
        ("Số: 12/202 L/TT-BLĐTBXH", 12, 2021, "TT-BLĐTBXH", "TT"),  # the year's "1" read " L"
        ("Nghị quyết số: 1I 2024 UBTVQHI5", 11, 2024, "UBTVQH15", None),
        # numbers written in by hand on the printed blank, OCR'd as marks (round 86's scans)
        ("Số:.2%5 /TTr-CAT-PC06", None, None, "TTr-CAT-PC06", "TTr"),
        ("Số: 4Jl2 /CAT-PC04(Đ1)", None, None, "CAT-PC04(Đ1)", None),
        ("Số: 3 38/C04-P6", None, None, "C04-P6", None),
        ("Số: 2Ïð+ /QĐ-TTg", None, None, "QĐ-TTg", "QĐ"),
        ("Số: ⁄Ø# /T1r- CAT(PA05)", None, None, "T1r-CAT(PA05)", None),
        ("Số J0 -CV/BTGDVTU", None, None, "CV/BTGDVTU", "CV"),  # a Party number: no colon
        ("Sé:96ÿđ /BCA-C04", None, None, "BCA-C04", None),  # the label misread too
        ("Só+22⁄2/SNNMT-TCCB", None, None, "SNNMT-TCCB", None),
        ("Só/‡2đ# /UBND-NC", None, None, "UBND-NC", None),
        ("Số: 47 #/CAT-PA0§5", None, None, "CAT-PA05", None),  # a speck inside the code (round 88)
    ],
)
def test_a_damaged_number_line_is_read_as_far_as_it_goes(line, seq, year, symbol, type_code):
    got = P.damaged_number(line)
    assert (got["seq"], got["year"], got["symbol"], got["type_code"]) == (seq, year, symbol, type_code)


@pytest.mark.parametrize(
    "line",
    [
        "Số lượng cán bộ tham gia QĐ-UBND",  # "Số" opens a sentence
        "Số: 15/QĐ-UBND ngày 12 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh",  # more than a number
        "Sở GD-ĐT",
        "Luật số 12 QH15",  # no colon: a citation's words
        "Số: 12 Người-Khác",  # words, not codes
        "Số lượng -Xã/Phường",
    ],
)
def test_not_a_damaged_number_line(line):
    assert P.damaged_number(line) is None


def test_a_damaged_line_is_found_for_review_never_missing():
    """lex takes a number or date line read only through heavy damage as that part, marked
    repaired: its part is found, with VB130 (needs review), not reported missing."""
    from linter.lex import classify
    from linter.lines import Line

    kind, data = classify(Line.plain("Số: 19 QD-UBND-TL", 1))
    assert (kind, data["seq"], data["repaired"]) == ("NUMBER", 19, True)
    kind, data = classify(Line.plain("Hà Nội. ngày 0Š tháng 5 năm 2026", 1))
    assert (kind, data["day"], data["month"], data["repaired"]) == ("PLACE_DATE", 5, 5, True)
    # a symbol as written with a letter for a digit takes the repaired reading: "UBTVQH15"
    kind, data = classify(Line.plain("Nghị quyết số: 24/2022/UBTVQHI5", 1))
    assert (kind, data["symbol"], data["repaired"]) == ("NUMBER", "UBTVQH15", True)
