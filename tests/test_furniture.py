"""Page furniture (linter/furniture.py): running heads, page numbers and the Official Gazette's own
headings are left out of a paged source; a gazette copy is not asked for the Nơi nhận it never
prints (round 63 of docs/precision.md: 20 of the gazette's PDFs)."""

from datetime import date

import pytest

from linter import furniture
from linter.lint import Options, lint_bytes

HEAD = "CÔNG BÁO/Số 609 + 610/Ngày 21-7-2022"


BUNDLED = ((1, "Bộ Nội vụ"), (2, "Sở Tư pháp"), (3, "Cục Thuế"))


@pytest.mark.parametrize(
    ("pages", "want"),
    [
        # the gazette: its head beside the page number, on the left or the right, letters spaced
        (
            [
                f"{' ' * 20}{HEAD}{' ' * 20}3\n    VĂN BẢN QUY PHẠM PHÁP LUẬT\n\nBỘ Y TẾ\nĐiều 1. A",
                f"4{' ' * 9}CÔN   G BÁO/Số 609 + 610/Ngày 21-7-2022\nĐiều 2. B",
            ],
            ["\nBỘ Y TẾ\nĐiều 1. A", "Điều 2. B"],
        ),
        # the gazette's pages OCR'd: the head and the page number beside it read as two lines, a
        # mark of the head misread ("Só"), a dash left after it
        (
            [
                "CÔNG BÁO/Số 91 + 92/Ngày 18-01-2022\n3\nVĂN BẢN QUY PHẠM PHÁP LUẬT\nBỘ Y TẾ\nĐiều 1. A",
                "4\nCÔNG BÁO/Só 91 + 92/Ngày 18-01-2022-\nĐiều 2. B",
            ],
            ["BỘ Y TẾ\nĐiều 1. A", "Điều 2. B"],
        ),
        # a consolidated text's heading over two lines, after the part of the gazette
        (
            [
                f"{HEAD}  59\nVĂN BẢN PHÁP LUẬT KHÁC\n\n   VĂN BẢN HỢP NHẤT -\n  BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA"
            ],
            ["\nCỘNG HÒA"],
        ),
        # the same read by OCR: a mark misread ("NHÁT"), the dash lost
        ([f"{HEAD}  59\nVĂN BẢN HỢP NHÁT - BỘ Y TẾ\nCỘNG HÒA"], ["CỘNG HÒA"]),
        ([f"{HEAD}  59\nVĂN BẢN HỢP NHẤT\nBỘ LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA"], ["CỘNG HÒA"]),
        # OCR's page numbers ("6]", "I2", "T6") and heads (digits misread or doubled, the date cut
        # off, a speck before it, the end wrapped) on the gazette's pages; a speck above the head
        (
            [
                "6]\nCÔNG BÁO/Số I015 + 1016/Ngày 19-9-2\nBỘ Y TẾ\nĐiều 1. A",
                "I2\nCÔNG BÁO/Só 857 + + 858/Ngày 858/Ng\nĐiều 2. B",
                "T6\n1524/Ngày 29-12-2024\nĐiều 3. C",
                "NHA...\n_CÔNG BÁO/Số 281/Ngày 21-05-2026.\nĐiều 4. D",
                f"{HEAD}\nĐiều 5. E",
                "3o\nCÔNG BẢO/Só 293Ngày31-05-2026 7\nĐiều 6. F",
            ],
            ["BỘ Y TẾ\nĐiều 1. A", "Điều 2. B", "Điều 3. C", "NHA...\nĐiều 4. D", "Điều 5. E", "Điều 6. F"],
        ),
        # the issuer the document stands under, over its header's row as OCR reads it (no gap
        # before the banner, a mark misread)
        (
            [
                f"{HEAD}\nBỘ LAO ĐỌNG - THƯƠNG BINH VÀ XÃ HỘI\nBỘ LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA"
            ],
            ["BỘ LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA"],
        ),
        # not the gazette: such lines are the document's
        (["I2\nĐiều 1. A", "T6\nĐiều 2. B"], ["I2\nĐiều 1. A", "T6\nĐiều 2. B"]),
        # any running foot repeated, its page number aside; bare page numbers
        (
            ["Điều 1. A\nTrang 1 - Văn bản số 12", "2\nĐiều 2. B\nTrang 2 - Văn bản số 12"],
            ["Điều 1. A", "Điều 2. B"],
        ),
        # three letters bundled in one file, each opening its page with the header's row: the
        # documents', never a running head (round 81)
        (
            [
                f"BỘ   TƯ  PHÁP        CỘNG    HOÀ    XÃ   HỘI   CHỦ   NGHĨA     VIỆT   NAM\nSố: {n}/BTP\nKính gửi: {to}"
                for n, to in BUNDLED
            ],
            [
                f"BỘ   TƯ  PHÁP        CỘNG    HOÀ    XÃ   HỘI   CHỦ   NGHĨA     VIỆT   NAM\nSố: {n}/BTP\nKính gửi: {to}"
                for n, to in BUNDLED
            ],
        ),
        # one page: nothing repeats, a number may be the document's
        (["BỘ Y TẾ\nĐiều 1. A\n12"], ["BỘ Y TẾ\nĐiều 1. A\n12"]),
        # two copies of one form in the annexes, each ending its page with the same heading: the
        # document's (on 2 of 12 pages, where a running foot stands on most)
        (
            [
                f"{HEAD}  {n}\nĐiều {n}. A\n" + ("II. NGƯỜI TRƯNG CẦU (4)" if n in (3, 9) else "B")
                for n in range(12)
            ],
            [f"Điều {n}. A\n" + ("II. NGƯỜI TRƯNG CẦU (4)" if n in (3, 9) else "B") for n in range(12)],
        ),
    ],
)
def test_furniture_is_left_out(pages, want):
    assert furniture.strip(pages)[0] == want


WORDS = ("tiền lương", "tiền thưởng", "thù lao", "lao động", "định mức", "quỹ lương", "báo cáo", "kiểm tra")


def body(page: int) -> str:
    return "\n".join(
        f"    {k}. Công ty thực hiện chế độ {WORDS[(page + k) % 8]} và {WORDS[(page * k) % 8]} theo quy định tại Thông tư này;"
        for k in range(1, 7)
    )


NOTE = (
    "     8 Điều 3 của Thông tư số 06/2024/TT-BLĐTBXH, có hiệu lực từ ngày 15 tháng 9 năm 2024 quy định như sau:\n"
    "      “Điều 3. Hiệu lực thi hành\n"
    "     1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 9 năm 2024. Kể từ ngày Thông tư này có hiệu lực\n"
    "     a) Khoản 3 Điều 3 Thông tư số 26/2016/TT-BLĐTBXH."
)
GOES_ON = (
    "     b) Điều 24, khoản 6 Điều 25 và một số nội dung quy định tại Thông tư số 27/2016/TT-BLĐTBXH, gồm: cụm\n"
    "từ “chỉ tiêu phát triển vốn nhà nước, nộp ngân sách,” tại khoản 2 Điều 11 và khoản 7 Điều 22 của Thông tư.\n"
    "     2. Các chế độ về quỹ tiền lương, trả lương, thù lao, tiền thưởng quy định tại khoản 4 và khoản 5 Điều 1\n"
    "Thông tư này được thực hiện từ ngày 01 tháng 01 năm 2024, các quy định khác từ ngày 10 tháng 4 năm 2024.”"
)


def test_footnotes_at_a_page_s_foot_are_left_out():
    """A consolidated text's notes at the foot of its pages, under a blank line: "8 Điều 3 của
    Thông tư số … như sau:" and the article it quotes, whose clauses are no clauses of the text;
    the quotation goes on at the next page's foot, in the notes' smaller print, with no number
    (round 67: "2" after "2"). A table's row that opens with a number stays."""
    row = " 1    Vị trí, chức năng, nhiệm vụ          50 điểm"
    pages = [f"{body(1)}\n\n{NOTE}", f"{body(2)}\n\n{GOES_ON}", f"{body(3)}\n\n{row}"]
    assert furniture.strip(pages)[0] == [f"{body(1)}\n", f"{body(2)}\n", pages[2]]
    # a paragraph under the notes' place that is the text's own: nothing is left out
    own = f"{body(2)}\n\n    7. Công ty báo cáo kết quả thực hiện về Bộ Lao động - Thương binh và Xã hội."
    assert furniture.strip([f"{body(1)}\n\n{NOTE}", own])[0] == [f"{body(1)}\n", own]
    # a note's justified line, its text layer's gaps wide further on (round 71), still a note
    wide = "     5 Đoạn “điều chỉnh tỷ   lệ tính trên số   tiền thu hồi của các kho  ản nợ      xấu được VAMC mua"
    assert furniture.strip([f"{body(1)}\n\n{wide}", body(2)])[0] == [f"{body(1)}\n", body(2)]


def test_a_page_that_is_all_notes_is_left_out():
    """A consolidated text's closing chapter is its notes alone, quoting the final articles of the
    acts it consolidates ('11 Điều 23, 24 … như sau:' / '"Điều 23. …', a straight mark) over whole
    pages in their smaller print (round 73: "Điều 24" after "Điều 45")."""
    straight = NOTE.replace("“", '"')
    notes = "\n\n" + GOES_ON.replace("”", "")
    pages = [f"{body(1)}\n\n{straight}", notes, body(3)]
    assert furniture.strip(pages)[0] == [f"{body(1)}\n", "\n", body(3)]


def test_only_the_gazette_is_the_gazette():
    assert furniture.strip([f"{HEAD} 3\nBỘ Y TẾ"])[1] == furniture.GAZETTE
    assert furniture.strip(["Trang 1\nBỘ Y TẾ", "Trang 2\nĐiều 2"])[1] is None
    # a scan whose every head OCR misread: known by the head's shape all the same
    assert furniture.strip(["CÔNG BÁO/Số I015 + 1016/Ngày 19-9-2\nBỘ Y TẾ", "3\nĐiều 2"]) == (
        ["BỘ Y TẾ", "Điều 2"],
        furniture.GAZETTE,
    )
    # its parts' headings are the gazette's only on a gazette's first page
    assert furniture.strip(["VĂN BẢN QUY PHẠM PHÁP LUẬT\nBỘ Y TẾ"])[0] == [
        "VĂN BẢN QUY PHẠM PHÁP LUẬT\nBỘ Y TẾ"
    ]


def test_the_gazette_s_back_cover_is_left_out():
    pages = [f"{HEAD} 3\nBỘ Y TẾ", "VĂN PHÒNG CHÍNH PHỦ XUẤT BẢN\nĐịa chỉ: Số 1, Hoàng Hoa Thám"]
    assert furniture.strip(pages)[0] == ["BỘ Y TẾ", ""]


pdf = pytest.importorskip("fixtures_office")


def _gazette_pdf(head: bool) -> bytes:
    """A circular as the gazette prints it: its head on each page, no Nơi nhận."""
    from fixtures_office import PAGE_BREAK, build_text_pdf

    top = [f"{HEAD}        3", "VĂN BẢN QUY PHẠM PHÁP LUẬT", "BỘ Y TẾ"] if head else []
    return build_text_pdf(
        [
            *top,
            ("BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("", "Độc lập - Tự do - Hạnh phúc"),
            ("Số: 48/2025/TT-BYT", "Hà Nội, ngày 05 tháng 12 năm 2025"),
            "",
            "THÔNG TƯ",
            "Quy định về hồ sơ bệnh án điện tử",
            "Căn cứ Luật Khám bệnh, chữa bệnh số 15/2023/QH15;",
            "Bộ trưởng Bộ Y tế ban hành Thông tư quy định về hồ sơ bệnh án điện tử.",
            "Điều 1. Phạm vi điều chỉnh",
            "Thông tư này quy định về hồ sơ bệnh án điện tử.",
            PAGE_BREAK,
            *([f"4        {HEAD}"] if head else []),
            "Điều 2. Hiệu lực thi hành",
            "Thông tư này có hiệu lực từ ngày 01 tháng 01 năm 2026./.",
            ("", "BỘ TRƯỞNG"),
            ("", "Đào Hồng Lan"),
        ]
    )


def test_a_gazette_copy_is_read_without_its_furniture_and_asks_for_no_recipients():
    opts = Options(today=date(2026, 12, 6))
    r = lint_bytes("tt.pdf", _gazette_pdf(head=True), opts)
    assert [d.code for d in r.diagnostics] == ["VB009"]  # gazette-copy: an info
    assert r.components["issuer"]["text"] == "BỘ Y TẾ" and r.doc_type == "thong_tu"
    # the same circular printed by its office, not the gazette: its Nơi nhận is missing
    assert "VB115" in [d.code for d in lint_bytes("tt.pdf", _gazette_pdf(head=False), opts).diagnostics]


def test_a_rotated_page_s_text_is_read_not_sent_to_ocr():
    """pypdf's layout mode drops a rotated page's text (a landscape table); the plain mode keeps it."""
    from fixtures_office import find_unicode_ttf
    from fpdf import FPDF

    from linter.read import from_bytes

    doc = FPDF(format="A4", unit="mm")
    doc.add_font("U", "", find_unicode_ttf())
    doc.set_font("U", size=12)
    doc.add_page()
    doc.text(30, 30, "BỘ Y TẾ")
    doc.add_page()
    with doc.rotation(90, x=100, y=150):
        doc.text(60, 150, "Bảng 1. Mức chi theo từng năm")
    src = from_bytes("x.pdf", bytes(doc.output()))
    assert "Bảng 1. Mức chi theo từng năm" in src.text and src.boxes is None
