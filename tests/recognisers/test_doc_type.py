"""The type name ("tên loại"): patterns.doc_type_of as written, patterns.fuzzy_doc_type through
OCR damage, and patterns.type_then_subject for a type name merged with its summary."""

import pytest

from linter import patterns as P
from linter.text import fold


@pytest.mark.parametrize(
    ("line", "slug", "words"),
    [
        ("THÔNG BÁO", "thong_bao", "THÔNG BÁO"),
        ("QUYẾT ĐỊNH", "quyet_dinh", "QUYẾT ĐỊNH"),
        ("NGHỊ QUYẾT", "nghi_quyet", "NGHỊ QUYẾT"),
        ("CÔNG VĂN", "cong_van", "CÔNG VĂN"),
        ("KẾ HOẠCH", "ke_hoach", "KẾ HOẠCH"),
        ("TỜ TRÌNH", "to_trinh", "TỜ TRÌNH"),
        ("GIẤY MỜI", "giay_moi", "GIẤY MỜI"),
        ("LUẬT", "luat", "LUẬT"),
        ("THÔNG TƯ LIÊN TỊCH", "thong_tu_lien_tich", "THÔNG TƯ LIÊN TỊCH"),  # the longest name wins
        ("THÔNG BÁO KẾT LUẬN", "thong_bao", "THÔNG BÁO"),  # more title words after it
        ("BÁO CÁO TÓM TẮT", "bao_cao", "BÁO CÁO"),
        ("LUẬT ĐẤT ĐAI", "luat", "LUẬT"),
        ("CHỈ THỊ VỀ TĂNG CƯỜNG", "chi_thi", "CHỈ THỊ"),
    ],
)
def test_type_heading(line, slug, words):
    got = P.doc_type_of(line)
    assert got is not None
    assert (got[0], line[: got[1]]) == (slug, words)


@pytest.mark.parametrize(
    "line",
    [
        "QUYẾT ĐỊNH:",  # the enacting line
        "Thông báo",  # a heading is in capitals
        "TỈNH ỦY QUẢNG NINH",
    ],
)
def test_not_a_type_heading(line):
    assert P.doc_type_of(line) is None


@pytest.mark.parametrize(
    ("line", "slug"),
    [
        ("BÁO CÁq", "bao_cao"),
        ("KẾ HqẠCH", "ke_hoach"),
        ("TỜ TRÌKH", "to_trinh"),
        ("THÔNG BÁ0", "thong_bao"),  # O read as a zero
        ("QUYÉT ĐỊNH", "quyet_dinh"),  # a tone misread
        ("THÔNG BẢO", "thong_bao"),
        ("KẾT LUẠN", "ket_luan"),
        ("NGHI QUYET", "nghi_quyet"),  # marks lost
        ("THÔNGBÁO", "thong_bao"),  # the words glued (a web page)
        ("THÔNGTU_", "thong_tu"),  # glued, a speck after it (a photocopy OCR'd)
        ("THỦ TƯỚNG", None),  # close to "thu cong", but a title
        ("TỈNH ỦY", None),
        ("CHỈ THỊ VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC", None),  # a longer line that starts like one
        ("QUYẾT ĐỊNH:", None),  # the enacting line, not a damaged heading
    ],
)
def test_damaged_type_heading(line, slug):
    assert P.fuzzy_doc_type(line) == slug


@pytest.mark.parametrize(
    ("line", "subject"),
    [
        ("CHỈ THỊ Về tăng cường công tác phòng cháy", "Về tăng cường công tác phòng cháy"),
        ("THÔNG BÁO Danh sách thí sinh đủ điều kiện", "Danh sách thí sinh đủ điều kiện"),
        ("THÔNG BÁO KẾT LUẬN", None),  # all in capitals: one heading
        ("Thông báo kết quả", None),
    ],
)
def test_type_then_subject(line, subject):
    at = P.type_then_subject(line, fold(line))
    assert (line[at:] if at is not None else None) == subject
