"""The header's own lines: the banners (patterns.banner_kind), the marks of secrecy and urgency
(patterns.MARKS), a received-copy or e-signature stamp above the header (patterns.STAMP)."""

import pytest

from linter import patterns as P
from linter.text import fold


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ĐẢNG CỘNG SẢN VIỆT NAM", "party"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quoc_hieu"),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quoc_hieu"),  # the old tone placement
        ("Độc lập - Tự do - Hạnh phúc", "tieu_ngu"),
        ("ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "tieu_ngu"),
        # OCR and web damage
        ("ĐẢNG CỘNG SẢN VIỆT NAN", "party"),  # a letter misread
        ("ĐẢNG CỘNG SÁN VIỆT NAM", "party"),  # a tone misread
        ("DANG CONG SAN VIET NAM", "party"),  # every mark lost
        ("CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM", "quoc_hieu"),
        ("Độc lập – Tự do – Hạnh phúc", "tieu_ngu"),  # en dashes
        ("Độc lập-Tự do-Hạnh phúc", "tieu_ngu"),  # no spaces around "-"
        ("Độc lập - Tự do - Hạnh phúc.", "tieu_ngu"),
        ("Độe lập - Tự do - Hạnh phúc", "tieu_ngu"),  # c read as e
        ("Độc 1ập - Tự do - Hạnh phúc", "tieu_ngu"),  # l read as 1
        ("Độc l,ập - Tự do - Hạnh phúc", "tieu_ngu"),  # a stray comma
        # not a banner
        ("Đảng cộng sản Việt Nam", None),  # in a sentence's case: layout restores a banner's first
        ("TỈNH ỦY QUẢNG NINH", None),
        ("CHỦ TỊCH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None),  # a title that names the State
        ("Độc lập dân tộc là mục tiêu hàng đầu", None),
    ],
)
def test_banner_kind(line, kind):
    assert P.banner_kind(line) == kind


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # a photographed page's motto, specks read as words among its own (bench.ocr_scan, "phone")
        ("Độc lập - Tự do - Hạnh cua? phúc xo", True),
        ("Độc lập ST - Tự TT do - Hạnh ThỈ phúc phố", True),
        ("Độc c+C lập SẼ - - Tự !ựd0 do - - Hạnh Hạnh phúc phúc", True),  # a phone's blur (round 86)
        ("Độc lập - Tự do - Hạnh phúc", False),  # the motto itself: banner_kind's
        ("Độc lập - tự do - hạnh phúc là mục tiêu", False),  # a sentence's words, not specks
        ("Độc lập, tự do và hạnh phúc của nhân dân", False),
    ],
)
def test_the_motto_among_specks(line, read):
    assert P.motto_among_specks(line) is read


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("MẬT", True),
        ("TỐI MẬT", True),
        ("KHẨN", True),
        ("HỎA TỐC", True),
        ("THƯỢNG KHẨN:", True),
        ("LƯU HÀNH NỘI BỘ", True),
        ("MẬT TRẬN", False),
        ("KHẨN TRƯƠNG", False),
    ],
)
def test_mark(line, mark):
    assert (fold(line).rstrip(":").strip() in P.MARKS) == mark


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("CÔNG VĂN ĐẾN", True),
        ("ĐẾN Số: 123", True),
        ("Ngày: 15/01/2025", True),
        ("Chuyển:", True),
        ("Người ký: Nguyễn Văn An", True),
        ("Email: vanthu@hanoi.gov.vn", True),
        ("Cơ quan: Ủy ban nhân dân tỉnh", True),
        ("Thời gian ký: 15.01.2025 09:12:31 +07:00", True),
        ("Số 15-CT/TU", False),
        ("Ngày 15 tháng 01 năm 2025", False),
        ("Người dân được hỗ trợ", False),
    ],
)
def test_stamp(line, stamp):
    assert bool(P.STAMP.match(fold(line))) == stamp
