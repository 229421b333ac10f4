"""The body's marks: section headings (patterns.section_of), list items (patterns.ITEM), a label
alone on its line (patterns.BARE_LABEL) and drawn rules (patterns.SEPARATOR)."""

import pytest

from linter import patterns as P


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("Phần thứ nhất", ("phan", "thứ nhất")),
        ("Phần I", ("phan", "I")),
        ("Chương II", ("chuong", "II")),
        ("Chương 2", ("chuong", "2")),
        ("Mục 1", ("muc", "1")),
        ("Tiểu mục 2", ("tieu_muc", "2")),
        ("Điều 5. Hiệu lực thi hành", ("dieu", "5")),
        ("Điều 5a. Sửa đổi", ("dieu", "5a")),  # inserted by an amendment
        ("Điều 5:", ("dieu", "5")),
        ("I. TÌNH HÌNH", ("roman", "I")),
        ("IV. NHIỆM VỤ", ("roman", "IV")),
        ("II- KẾT QUẢ", ("roman", "II")),  # the Party's older dash
        ("2.1. Phân loại", ("decimal", "2.1")),
        ("2.1 Phân loại", ("decimal", "2.1")),
        ("1.2.3. Chi tiết", ("decimal", "1.2.3")),
        ("1. Mục tiêu", ("arabic", "1")),
        ("1) Mục tiêu", ("arabic", "1")),
        ("3- Khôi phục sản xuất", ("arabic", "3")),
        ("2.[8] Chi phí", ("arabic", "2")),  # a consolidated text's footnote mark
        ("a) Tăng cường", ("letter", "a")),
        ("đ) Điểm đ", ("letter", "đ")),
        ("a. Trường hợp", ("letter", "a")),
        ("I.TÌNH HÌNH", ("roman", "I")),  # glued to its text (a web page)
        ("1.Mục tiêu", ("arabic", "1")),
        ("V.I.Lênin", None),  # initials, not a heading
        # not a heading
        ("Điều 3 Nghị quyết này", None),  # a citation wrapped onto its line
        ("2.0 < I <= 2.8", None),  # a table's cell
        ("v. v.", None),
        ("Căn cứ Luật Tổ chức", None),
    ],
)
def test_section(line, section):
    assert P.section_of(line) == section


@pytest.mark.parametrize(
    ("line", "item"),
    [("- Như trên;", True), ("+ Lưu VT.", True), ("• Các sở;", True), ("-Các sở;", True), ("- ", False)],
)
def test_item(line, item):
    assert bool(P.ITEM.match(line)) == item


@pytest.mark.parametrize(
    ("line", "bare"), [("1.", True), ("IV.", True), ("2.1.", True), ("a)", True), ("1. Mục", False)]
)
def test_bare_label(line, bare):
    assert bool(P.BARE_LABEL.fullmatch(line)) == bare


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("-----", True),
        ("_____", True),  # underscores
        ("=====", True),
        ("~~~~", True),
        ("...", True),
        ("--------,---------", True),  # a mark OCR scattered into it
        ("-------'", True),
        ("--", False),  # too short
        ("- -", False),
        ("Số 15", False),
    ],
)
def test_separator(line, rule):
    assert bool(P.SEPARATOR.match(line)) == rule
