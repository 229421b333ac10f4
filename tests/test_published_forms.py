"""Documents as web pages and e-signed PDFs publish them (issue 13, round 9 of the precision
measure, docs/precision.md): each case edits a conforming document of corpus/valid into the form
a published copy had, and checks that every part is still read and nothing is reported."""

from datetime import date
from pathlib import Path

import pytest

from linter.layout import layout
from linter.lint import Options, lint_bytes
from linter.normalize import normalize

VALID = Path(__file__).resolve().parent.parent / "corpus/valid"
OPTS = Options(today=date(2026, 11, 22))
TT = "state-vbqppl/thong_tu.txt"


def lint(src: str, *edits: tuple[str, str]):
    text = (VALID / src).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return lint_bytes("x.txt", text.encode("utf-8"), OPTS)


def after_the_signature(text: str):
    """The circular with text (an annex, a form) after its signer's name."""
    return lint(TT, ("Trần Văn Thuấn\n", "Trần Văn Thuấn\n" + text))


def codes(r) -> list[str]:
    return [d.code for d in r.diagnostics]


LONG_SUMMARY = (
    "Sửa đổi, bổ sung một số điều của Thông tư số 46/2018/TT-BYT ngày 28 tháng 12 năm 2018 của Bộ "
    "trưởng Bộ Y tế quy định hồ sơ bệnh án điện tử và Thông tư số 32/2023/TT-BYT quy định chi tiết"
)


def test_a_web_page_summary_on_one_line_under_rules_drawn_with_underscores():
    """A web page puts the trích yếu on one long line and draws the rules with "_" (markdown's
    "__" bold must not eat them)."""
    r = lint(
        TT,
        ("-------\n", "___________\n"),
        ("---------------\n", "_________________\n"),
        ("Quy định về hồ sơ bệnh án điện tử\n", LONG_SUMMARY + "\n________\n"),
    )
    assert codes(r) == []
    assert r.components["subject"]["text"] == LONG_SUMMARY


def test_a_guide_s_summary_may_open_like_a_body_sentence():
    r = lint(
        "party-hd36/huong_dan.txt",
        ("về tuyên truyền kỷ niệm", "Thực hiện tuyên truyền kỷ niệm"),
    )
    assert codes(r) == []
    assert r.components["subject"]["text"].startswith("Thực hiện tuyên truyền kỷ niệm")


def test_a_doubled_rule_under_the_issuer_costs_one_line_not_the_header():
    """The LALR parse looks ahead: a second rule taken as the body's first line would drop the
    banner, number, date and type name after it; the rule is dropped instead."""
    r = lint(TT, ("-------\n", "-------\n-------\n"))
    assert codes(r) == ["VB112"] and r.diagnostics[0].span.line == 3
    assert all(r.components[k] for k in ("banner", "number", "place_date", "doc_type", "subject"))


def test_numbers_left_blank_for_an_e_signature_and_a_sub_numbered_resolution():
    party = lint("party-hd36/huong_dan.txt", ("Số 45-HD/BTGTU", "Số          -HD/BTGTU"))
    assert codes(party) == []
    assert (party.components["number"]["symbol"], party.components["number"]["seq"]) == ("HD/BTGTU", None)
    state = lint(
        "state-nd30/thong_bao.txt",
        (
            "Số: 318/TB-BNNMT\n\nHà Nội, ngày 21",
            "Số:             /TB-BNNMT  Hà Nội, ngày        tháng 7 năm 2025\nX",
        ),
        ("X tháng 7 năm 2025\n", ""),
    )
    assert codes(state) == []
    assert (state.components["place_date"]["place"], state.components["place_date"]["day"]) == (
        "Hà Nội",
        None,
    )
    nq = lint("state-vbqppl/nghi_quyet.txt", ("Số: 24/2025/NQ-HĐND", "Số: 24.7/2025/NQ-HĐND"))
    assert (nq.components["number"]["symbol"], nq.components["number"]["year"]) == ("NQ-HĐND", 2025)
    assert nq.profile == "state-vbqppl" and codes(nq) == []


def test_a_label_run_together():
    r = lint("state-nd30/cong_van.txt", ("Kính gửi:", "Kínhgửi:"))
    assert codes(r) == [] and r.components["addressees"]


def test_the_party_s_dash_marks_number_sections_too():
    """ "3- Khôi phục …" among "2." and "4.": the section is there, the numbering has no gap."""
    r = lint("party-hd36/huong_dan.txt", ("\n3. Những thành tựu", "\n3- Những thành tựu"))
    assert codes(r) == []
    # a footnote "4 - Hộ kinh doanh …" (a space before the dash) is no section
    r = lint("party-hd36/huong_dan.txt", ("\n3. Những thành tựu", "\n5 - Những thành tựu"))
    assert codes(r) == ["VB261"]


AMENDING = """Điều 2. Sửa đổi, bổ sung một số điều của Thông tư số 46/2018/TT-BYT
1. Sửa đổi, bổ sung Điều 3 như sau:
“Điều 3. Giải thích từ ngữ
1. Hồ sơ bệnh án điện tử là hồ sơ bệnh án được lập bằng phương tiện điện tử.
2. Ký số là việc ký bằng chữ ký số theo quy định của pháp luật.
2. Sửa đổi, bổ sung Điều 5 như sau:
“Điều 5. Lưu trữ
1. Hồ sơ bệnh án điện tử được lưu trữ theo quy định của pháp luật về lưu trữ.
2. Thời hạn lưu trữ hồ sơ bệnh án điện tử bằng thời hạn lưu trữ hồ sơ bệnh án giấy.”
3. Bãi bỏ Điều 7.
"""


def test_a_quotation_that_lost_its_closing_mark_ends_where_the_next_opens():
    text = (VALID / TT).read_text(encoding="utf-8")
    start, end = text.index("Điều 2. Yêu cầu"), text.index("Điều 3. Hiệu lực")
    r = lint(TT, (text[start:end], AMENDING + "\n"))
    assert codes(r) == []
    # the amending items 1–3 are the document's own numbering: a skip among them is still found
    r = lint(TT, (text[start:end], AMENDING.replace("3. Bãi bỏ", "4. Bãi bỏ") + "\n"))
    assert codes(r) == ["VB261"]


JOINT = """KT. BỘ TRƯỞNG
BỘ Y TẾ
THỨ TRƯỞNG
(Đã ký)
Trần Văn Thuấn
KT. BỘ TRƯỞNG
BỘ TÀI CHÍNH
THỨ TRƯỞNG
(Đã ký)
Thượng tướng Nguyễn Văn Bình
KT. VIỆN TRƯỞNG VIỆN KIỂM SÁT
NHÂN DÂN TỐI CAO
PHÓ VIỆN TRƯỞNG
(Đã ký)
Lê Thị Hoa
"""


def test_joint_signers_one_under_another_then_the_recipients():
    """A joint circular on a web page: the issuers' row is long, each signer's block stands under
    the one before, "Nơi nhận" comes last."""
    text = (VALID / TT).read_text(encoding="utf-8")
    recipients = text[text.index("Nơi nhận:") : text.index("KT. BỘ TRƯỞNG")]
    r = lint(
        TT,
        (
            "BỘ Y TẾ\n",
            "BỘ Y TẾ - BỘ TÀI CHÍNH - BỘ NỘI VỤ - BỘ GIÁO DỤC VÀ ĐÀO TẠO - VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\n",
        ),
        ("48/2025/TT-BYT", "48/2025/TTLT-BYT-BTC-VKSNDTC"),
        ("THÔNG TƯ\n", "THÔNG TƯ LIÊN TỊCH\n"),
        (recipients, ""),
        ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thuấn\n", JOINT + recipients),
    )
    s = r.components["signature"]
    assert (s["levels"], s["titles"], s["name"]) == (
        ["KT. BỘ TRƯỞNG BỘ Y TẾ"],
        ["THỨ TRƯỞNG"],
        "Trần Văn Thuấn",
    )
    assert s["cosigners"] == [
        {
            "levels": ["KT. BỘ TRƯỞNG BỘ TÀI CHÍNH"],
            "titles": ["THỨ TRƯỞNG"],
            "name": "Nguyễn Văn Bình",
            "rank": "Thượng tướng",
        },
        {
            "levels": ["KT. VIỆN TRƯỞNG VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO"],
            "titles": ["PHÓ VIỆN TRƯỞNG"],
            "name": "Lê Thị Hoa",
            "rank": None,
        },
    ]
    assert len(r.components["recipients"]["items"]) == 5
    assert r.doc_type == "thong_tu_lien_tich" and "VB005" not in codes(r)


def test_the_president_s_title_is_one_title_not_a_banner():
    r = lint(
        "state-vbqppl/quyet_dinh.txt",
        (
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n",
            "CHỦ TỊCH\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
        ),
    )
    s = r.components["signature"]
    assert s["name"] == "Đinh Văn Tuấn" and "VB303" not in codes(r) and "VB112" not in codes(r)
    assert " ".join(s["titles"]) == "CHỦ TỊCH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


# -- round 10: the national legal database's pages ------------------------------------------------
LUAT = "state-vbqppl/luat.txt"


def test_a_resolution_of_the_assembly_has_a_law_s_form():
    """ "Nghị quyết số: 250/2025/QH15": the number is read, and like a law the resolution has no
    date line (its date is the passage date, in its closing line) and no Nơi nhận."""
    r = lint(
        LUAT,
        (
            "Luật số: 112/2025/QH15\n\nLUẬT\nTHƯ VIỆN SỐ",
            "Nghị quyết số: 250/2025/QH15\n\nNGHỊ QUYẾT\nVề thư viện số",
        ),
        ("ban hành Luật Thư viện số.", "quyết nghị:"),
        ("Luật này", "Nghị quyết này"),
        ("Luật này", "Nghị quyết này"),
    )
    assert r.profile == "state-vbqppl" and r.doc_type == "nghi_quyet"
    assert r.components["number"]["symbol"] == "QH15" and codes(r) == []
    # its Standing Committee's likewise: the gazette prints them with no date line (rounds 63, 70,
    # 71, 75: "Nghị quyết số: 78/2025/UBTVQH15" / "NGHỊ QUYẾT"; nine of ten copies seen)
    committee = lint(
        LUAT,
        (
            "Luật số: 112/2025/QH15\n\nLUẬT\nTHƯ VIỆN SỐ",
            "Nghị quyết số: 78/2025/UBTVQH15\n\nNGHỊ QUYẾT\nVề thư viện số",
        ),
        ("ban hành Luật Thư viện số.", "quyết nghị:"),
        ("Luật này", "Nghị quyết này"),
        ("Luật này", "Nghị quyết này"),
    )
    assert committee.components["number"]["symbol"] == "UBTVQH15" and "VB104" not in codes(committee)
    # a resolution of any other body still dates its header
    other = lint(
        LUAT,
        (
            "Luật số: 112/2025/QH15\n\nLUẬT\nTHƯ VIỆN SỐ",
            "Nghị quyết số: 96/2025/NQ-CP\n\nNGHỊ QUYẾT\nVề thư viện số",
        ),
    )
    assert other.components["number"]["symbol"] == "NQ-CP" and "VB104" in codes(other)


def test_signed_spelt_ki():
    r = lint(
        TT,
        (
            "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thuấn",
            "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n( đã kí)\nTrần Văn Thuấn",
        ),
    )
    assert codes(r) == [] and r.components["signature"]["name"] == "Trần Văn Thuấn"


def test_a_consolidated_text_s_issuer_number_and_date_above_its_authentication():
    """A consolidated text printed with its issuer, number and date in the block above "XÁC
    THỰC VĂN BẢN HỢP NHẤT" (a form seen on published copies): read, and not reported."""
    text = (VALID / TT).read_text(encoding="utf-8")
    head = text[: text.index("THÔNG TƯ\n")]
    recipients = text[text.index("Nơi nhận:") : text.index("KT. BỘ TRƯỞNG")]
    end = "BỘ Y TẾ\n-------\nSố: 07/VBHN-BYT\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 03 tháng 3 năm 2026\n"
    r = lint(
        TT,
        (head, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\n"),
        (recipients, recipients + end),
    )
    c = r.components
    assert (c["issuer"]["text"], c["number"]["symbol"], c["place_date"]["year"]) == (
        "BỘ Y TẾ",
        "VBHN-BYT",
        2026,
    )
    assert codes(r) == []
    # the issuer's row read across its two cells, the heading beside it (a gazette PDF's text layer)
    row = "BỘ Y TẾ          XÁC THỰC VĂN BẢN HỢP NHẤT\n-------\nSố: 07/VBHN-BYT\nHà Nội, ngày 03 tháng 3 năm 2026\n"
    r = lint(
        TT,
        (head, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"),
        (recipients, recipients + row),
    )
    assert (r.components["issuer"]["text"], codes(r)) == ("BỘ Y TẾ", [])
    # a space inside the issuer's code, as a gazette copy's text layer gave "Số: 5640/VBHN-BLĐTB XH"
    split = row.replace("VBHN-BYT", "VBHN-BLĐTB XH")
    r = lint(
        TT,
        (head, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"),
        (recipients, recipients + split),
    )
    assert (r.components["number"]["symbol"], codes(r)) == ("VBHN-BLĐTBXH", [])
    # the date beside the issuer's second line, above the number (a gazette copy's two columns)
    beside = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH          XÁC THỰC VĂN BẢN HỢP NHẤT\n"
        "VÀ XÃ HỘI          Hà Nội, ngày 02 tháng 4 năm 2024\n\nSố: 1345/VBHN-BLĐTBXH\n"
    )
    r = lint(
        TT,
        (head, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"),
        (recipients, recipients + beside),
    )
    c = r.components
    assert (c["issuer"]["text"], c["place_date"]["day"], codes(r)) == (
        "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        2,
        [],
    )


TABLE = """Điều 2. Yêu cầu đối với hồ sơ bệnh án điện tử
1. Ban hành các mẫu sau:
STT
Loại mẫu
1.
Đơn đề nghị cấp bản sao
2.
Đơn đề nghị cấp bản sao
(Dùng cho người đại diện theo pháp luật)
3.
Tờ khai đề nghị xác nhận
2. Số liệu báo cáo theo biểu sau:
(1)
12
13
14. Ghi chú:
3. Cơ sở khám bệnh, chữa bệnh bảo đảm an toàn thông tin theo cấp độ.

"""


def test_a_flattened_table_s_numbers_are_not_sections():
    """A table published one cell a line: its STT column ("2." / "Đơn …") is a list, its row of
    column numbers ("12" / "13" / "14. Ghi chú:") is no section."""
    text = (VALID / TT).read_text(encoding="utf-8")
    start, end = text.index("Điều 2. Yêu cầu"), text.index("Điều 3. Hiệu lực")
    r = lint(TT, (text[start:end], TABLE))
    assert codes(r) == []
    article = next(s for s in r.components["body"]["sections"] if s["label"] == "2")
    # the table's list restarts at 1 beside the article's own 1–3: no number is lost, none is a cell
    assert [s["label"] for s in article["sections"]] == ["1", "1", "2", "3", "2", "3"]


# -- round 11 ---------------------------------------------------------------------------------------
def test_a_chapter_heading_in_capitals_ends_the_preamble():
    text = (VALID / TT).read_text(encoding="utf-8")
    r = lint(TT, ("\n\nĐiều 1. Phạm vi", "\nCHƯƠNG I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi"))
    assert "Căn cứ" in text and codes(r) == []
    assert [s["kind"] for s in r.components["body"]["sections"]][:1] == ["chuong"]


def test_a_two_column_header_read_row_by_row():
    """ "QUỐC HỘI | CỘNG HÒA …" then "Luật số: … | Độc lập - …": the motto is the banner's."""
    r = lint(
        LUAT,
        (
            "QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\n",
            "",
        ),
        (
            "Luật số: 112/2025/QH15\n",
            "QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLuật số: 112/2025/QH15\nĐộc lập - Tự do - Hạnh phúc\n",
        ),
    )
    assert codes(r) == [] and r.components["banner"]["motto"]


def test_recipients_that_lost_their_dashes_but_the_lu_u_line_s_are_one_report():
    text = (VALID / TT).read_text(encoding="utf-8")
    items = text[text.index("Nơi nhận:\n") + 10 : text.index("- Lưu:")]
    r = lint(TT, (items, items.replace("- ", "")))
    assert codes(r) == ["VB281"]
    fixed = r.diagnostics[0].fix
    assert len(fixed.also) + 1 == items.count("- ")  # and its fix puts back every dash


def test_signed_without_brackets():
    r = lint(
        TT,
        ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thuấn", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nĐã ký\nTrần Văn Thuấn"),
    )
    assert codes(r) == [] and r.components["signature"]["name"] == "Trần Văn Thuấn"


# -- round 12 ---------------------------------------------------------------------------------------
def test_a_soft_hyphen_hidden_in_a_word():
    r = lint(TT, ("- Lưu: VT", "- L\u00adưu: VT"))
    assert codes(r) == []


def test_a_recipient_wrapped_inside_its_bracket():
    r = lint(
        TT,
        (
            "- Văn phòng Chính phủ (Công báo, Cổng TTĐT Chính phủ);\n",
            "- Văn phòng Chính phủ (Phòng Công báo;\nCổng thông tin điện tử Chính phủ, Vụ CN, KGVX);\n",
        ),
    )
    assert codes(r) == [] and len(r.components["recipients"]["items"]) == 5


# -- round 13 ---------------------------------------------------------------------------------------
def test_a_legal_text_s_date_line_may_name_no_place():
    """NĐ 78/2025, Điều 71.2.d: "địa danh ban hành (nếu có)"."""
    r = lint(TT, ("Hà Nội, ngày 05 tháng 12 năm 2025", "Ngày 05 tháng 12 năm 2025"))
    assert codes(r) == [] and r.components["place_date"]["day"] == 5
    admin = lint("state-nd30/thong_bao.txt", ("Hà Nội, ngày 21", "Ngày 21"))
    assert "VB221" in codes(admin)  # an administrative document's place is required


def test_a_placeholder_for_the_signature_and_a_second_level_without_its_space():
    r = lint(
        "state-vbqppl/quyet_dinh.txt",
        ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐinh", "KT.CHỦ TỊCH\nPHÓ CHỦ TỊCH\n[daky]\nĐinh"),
    )
    s = r.components["signature"]
    assert (s["levels"], s["name"]) == (["TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH"], "Đinh Văn Tuấn")
    assert codes(r) == ["VB312"]  # "KT.CHỦ TỊCH": the space after the stop is missing


def test_a_summary_listing_its_subjects_with_semicolons():
    r = lint(
        TT,
        (
            "Quy định về hồ sơ bệnh án điện tử\n",
            "Quy định về hồ sơ bệnh án điện tử;\nlưu trữ và khai thác hồ sơ bệnh án điện tử;\n"
            "và trách nhiệm của cơ sở khám bệnh, chữa bệnh\n",
        ),
    )
    assert codes(r) == [] and r.components["subject"]["text"].endswith("chữa bệnh")


def test_two_articles_in_each_other_s_place_are_one_report():
    text = (VALID / TT).read_text(encoding="utf-8")
    a, b = text.index("Điều 2. Yêu cầu"), text.index("Điều 3. Hiệu lực")
    c = text.index("Điều 4. Trách nhiệm")
    swapped = text[:a] + text[b:c] + text[a:b] + text[c:]
    r = lint_bytes("x.txt", swapped.encode("utf-8"), OPTS)
    assert codes(r) == ["VB261"] and "3" in r.diagnostics[0].message


def test_points_whose_marks_are_mixed_count_on():
    """ "a)" then "(b)" "(c)" "(d)" then "đ)": "(b)" is not read as a point ("(i)" must stay a
    sub-point), but the count is whole; a letter really skipped is still reported."""
    mixed = [(f"\n{x}) ", f"\n({x}) ") for x in "bcd"]
    assert codes(lint("state-vbqppl/nghi_dinh.txt", *mixed)) == []
    twice = lint("state-vbqppl/nghi_dinh.txt", ("\nđ) ", "\nd) "))
    assert codes(twice) == ["VB261"]  # "d)" twice: a repeat (no letter is missing to be bracketed)
    r = lint("state-vbqppl/nghi_dinh.txt", *mixed[:2], ("\nd) ", "\n"))
    assert codes(r) == ["VB261"] and r.diagnostics[0].span.line == 43


# the conforming decree's last clause, where the amending blocks below stand in
_LAST_CLAUSE = "2. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn chuẩn dữ liệu dùng chung.\n"


def _amended(block: str, *edits: tuple[str, str]) -> list[str]:
    """codes() of the conforming decree with an amending block for its last clause (edited)."""
    for old, new in edits:
        block = block.replace(old, new)
    return codes(lint("state-vbqppl/nghi_dinh.txt", (_LAST_CLAUSE, block)))


def test_articles_inserted_by_an_amendment_whose_quotation_never_closes():
    """ "2. Bổ sung các Điều 9a và 9b … như sau:" / "“Điều 9a. …" with the closing mark lost (as
    a page printed it): the quotation ends where the list that introduced it goes on, "3. …",
    however far; the quotation's own "2." (after its "1.") does not end it."""
    inserted = (
        "2. Bổ sung các Điều 9a và 9b vào sau Điều 9 Nghị định số 93/2020/NĐ-CP như sau:\n"
        "“Điều 9a. Kết nối dữ liệu\n"
        "1. Thư viện số kết nối với cơ sở dữ liệu quốc gia về thư viện.\n"
        "2. Dữ liệu được cập nhật hằng năm.\n"
        "Điều 9b. Chuẩn dữ liệu\n"
        "1. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn chuẩn dữ liệu dùng chung.\n"
        "3. Bãi bỏ Điều 11 Nghị định số 93/2020/NĐ-CP.\n"
    )
    assert _amended(inserted) == []
    assert _amended(inserted, ("3. Bãi", "4. Bãi")) == ["VB261"]  # no list goes on: it never ends


def test_a_quotation_announced_on_its_own_line():
    """A page that flattened the announcement and the quotation's first line into one ("Điều 4 như
    sau: “4. …", its site's note between them removed; round 61): the quoted "4.", "a)", "5." are
    the amended text's, and the list that announced them goes on after the closing mark. A second
    announcement on its line ("4. … như sau: “1. …") ends a quotation that never closed."""
    amending = (
        "2. Bổ sung các khoản 4 và 5 vào\n"
        "Điều 4 như sau:  “4. Thư viện số được kết nối theo các hình thức sau:\n"
        "a) Kết nối trực tuyến;\n"
        "b) Kết nối định kỳ.\n"
        "5. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn khoản 4 Điều này.”\n"
        "3. Sửa đổi khoản 2 Điều 5 như sau:  “2. Dữ liệu được cập nhật hằng năm;\n"
        "3. Dữ liệu được lưu trữ lâu dài.\n"
        "4. Sửa đổi khoản 1 Điều 6 như sau:  “1. Trách nhiệm của thư viện:\n"
        "a) Tổ chức thực hiện;\n"
        "b) Kiểm tra, giám sát.”\n"
    )
    assert _amended(amending) == []
    # the document's own list still counts: "5." after "3." is reported
    assert _amended(amending, ("4. Sửa", "5. Sửa")) == ["VB261"]


def test_an_authority_with_its_stop_between_the_letters():
    """ "K.T THỐNG ĐỐC" as a page printed it: the level is read (and its written form reported),
    not lost with the signature's facts."""
    r = lint(TT, ("KT. BỘ TRƯỞNG", "K.T BỘ TRƯỞNG"))
    assert r.components["signature"]["levels"] == ["K.T BỘ TRƯỞNG"]
    assert codes(r) == ["VB312"]


def test_a_quotation_closed_with_a_straight_mark():
    """ "“b) … năm." ": a curly quotation closed with a straight mark is whole on its line; the
    points after it are the document's own ("c)" is not swallowed, so "d)" follows it)."""
    points = (
        "b) Tài liệu được nộp lưu chiểu ở dạng số;\n"
        "c) Cơ sở dữ liệu thư mục;\n"
        "d) Tài liệu do thư viện mua hoặc được tặng;\n"
    )
    quoted = (
        "b) Sửa đổi điểm b khoản 2 Điều 7 Nghị định số 93/2020/NĐ-CP như sau:\n"
        '“b) Dữ liệu được cập nhật hằng năm."\n'
        "c) Bổ sung khoản 5 Điều 7 Nghị định số 93/2020/NĐ-CP như sau:\n"
        '“5. Thư viện công bố danh mục tài nguyên thông tin số."\n'
        "d) Tài liệu do thư viện mua hoặc được tặng;\n"
    )
    assert codes(lint("state-vbqppl/nghi_dinh.txt", (points, quoted))) == []


# Round 16: administrative documents from e-signed PDFs and offices' own .docx files


def test_a_number_and_date_stamped_into_the_blanks_of_one_row():
    """ "Số:  1527    /QĐ-UBND Lâm Đồng, ngày    09   tháng    9   năm 2025": the gaps left around
    what an e-signature stamped are not columns (the date was cut into three garbled lines)."""
    r = lint(
        "state-nd30/quyet_dinh.txt",
        (
            "Số: 1527/QĐ-UBND\n\nLâm Đồng, ngày 09 tháng 9 năm 2025",
            "Số:  1527    /QĐ-UBND Lâm Đồng, ngày    09   tháng    9   năm 2025",
        ),
    )
    assert codes(r) == ["VB203"]  # the spaces before "/" are the copy's (the stamp's) own
    assert (r.components["place_date"]["day"], r.components["place_date"]["month"]) == (9, 9)


def test_a_long_summary_in_a_narrow_column_and_one_without_its_v_v():
    five = lint(
        "state-nd30/cong_van.txt",
        (
            "V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông\nnăm học 2025 - 2026",
            "V/v hướng dẫn thực hiện\nnhiệm vụ giáo dục\nphổ thông\nnăm học\n2025 - 2026",
        ),
    )
    assert codes(five) == [] and five.components["subject"]["text"].endswith("2025 - 2026")
    bare = lint("state-nd30/cong_van.txt", ("V/v hướng dẫn", "Hướng dẫn"))
    assert codes(bare) == ["VB241"]  # the summary is there, without its "V/v": one report on it


def test_a_summary_closed_by_the_rule_under_it_or_by_a_blank_line():
    ruled = lint(
        "state-nd30/thong_bao.txt",
        (
            "vòng 2 và lịch tổ chức vòng 2\nkỳ tuyển dụng công chức năm 2025\n",
            "vòng 2 và lịch tổ chức vòng 2 kỳ tuyển dụng công chức năm 2025.\n_________\n",
        ),
    )
    assert codes(ruled) == []
    long = "Danh sách thí sinh đủ điều kiện dự vòng 2 và lịch tổ chức vòng 2 kỳ tuyển dụng công chức năm 2025 của Bộ Nông nghiệp và Môi trường tại Hà Nội"
    para = lint(
        "state-nd30/thong_bao.txt",
        (
            "Danh sách thí sinh đủ điều kiện dự vòng 2 và lịch tổ chức vòng 2\nkỳ tuyển dụng công chức năm 2025\n",
            long + "\n",
        ),
    )
    assert codes(para) == [] and para.components["subject"]["text"] == long


def test_an_item_wrapped_over_lines_each_closed_with_a_semicolon():
    """ "- Cổng thông tin điện tử Bộ;" wrapped as an office's list is ("Trợ lý, Thư ký;" / "các Vụ,
    Cục;" / "Cổng TTĐT;"): one item, not three that lost their dashes; one line alone between
    dashed items still lost its dash."""
    wrapped = lint(
        "state-nd30/thong_bao.txt",
        (
            "- Cổng thông tin điện tử Bộ;\n",
            "- Văn phòng Bộ: CVP, các PCVP;\nTrợ lý Bộ trưởng;\ncác Vụ, Cục: TCCB, KHTC;\nCổng thông tin điện tử Bộ;\n",
        ),
    )
    assert codes(wrapped) == []
    lost = lint("state-nd30/thong_bao.txt", ("- Cổng thông tin điện tử Bộ;", "Cổng thông tin điện tử Bộ;"))
    assert codes(lost) == ["VB281"]


def test_a_district_named_q_is_no_authority_and_split_numbers_count():
    """ "TP. Hồ Chí Minh; Q. Lê Chân" is a sentence, not the signature ("Q." is an authority in
    capitals only); "4." "5a." "5b." "6." count whole."""
    r = lint(
        "party-hd36/cong_van.txt",
        ("Người đứng đầu cấp ủy", "TP. Hồ Chí Minh; Q. Lê Chân. Người đứng đầu cấp ủy"),
    )
    assert codes(r) == [] and r.components["signature"]["levels"] == ["T/M BAN THƯỜNG VỤ"]
    text = (VALID / "party-hd36/cong_van.txt").read_text(encoding="utf-8")
    assert "\n3. " in text and "\n4. " in text
    assert codes(lint("party-hd36/cong_van.txt", ("\n3. ", "\n3a. "))) == []  # "2." "3a." "4."
    assert codes(lint("party-hd36/cong_van.txt", ("\n3. ", "\n"))) == ["VB261"]  # "2." "4.": a skip


def test_a_youth_union_letter_is_read_and_not_judged_by_another_regime():
    """The Đoàn TNCS Hồ Chí Minh puts its own name where the Party's banner stands and signs
    "TM. BAN THƯỜNG VỤ": neither regime's rules judge it (VB403, info, final), its parts are read."""
    r = lint(
        "party-hd36/cong_van.txt",
        ("ĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Bình, ngày 14 tháng 9 năm 2022\n\nTỈNH ỦY QUẢNG BÌNH\n*\n", ""),
        ("Số 1286-CV/TU", "BCH TỈNH ĐOÀN QUẢNG BÌNH    ĐOÀN TNCS HỒ CHÍ MINH\n***\nSố: 1286-CV/TĐTN"),
        ("năm 2022\n\nKính gửi", "năm 2022\n\nQuảng Bình, ngày 14 tháng 9 năm 2022\n\nKính gửi"),
        ("T/M BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN"),
    )
    assert codes(r) == ["VB403"] and r.diagnostics[0].severity == "info"
    assert all(r.components[k] for k in ("issuer", "number", "place_date", "signature", "recipients"))
    # a State letter about the Youth Union whose banner a scan lost is still judged as State
    about = lint(
        "state-nd30/cong_van.txt",
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n", ""),
        ("V/v hướng dẫn", "V/v phối hợp với Đoàn TNCS Hồ Chí Minh hướng dẫn"),
    )
    assert "VB403" not in codes(about) and "VB101" in codes(about)


def test_a_guide_s_specimens_are_not_its_signature():
    """A guide on forms (Hướng dẫn 36 itself) shows signature blocks as examples and opens a
    sentence with the words of a label: neither is the guide's own closing."""
    specimens = (
        "II. NỘI DUNG TUYÊN TRUYỀN\n"
        "Nơi nhận văn bản xác định những cơ quan, tổ chức nhận văn bản để thi hành. Tài liệu mật\n"
        "ghi ở mục nơi nhận số lượng bản phát hành, tên người soạn thảo và mục\n"
        "nơi nhận, số lượng bản phát hành, tên người soạn thảo (round 74: a sentence wrapped)\n"
        "Ví dụ 1: Văn bản của đoàn chủ tịch\n"
        "T/M ĐOÀN CHỦ TỊCH\n"
        "(chữ ký)\n"
        "Họ và tên\n"
    )
    r = lint("party-hd36/huong_dan.txt", ("II. NỘI DUNG TUYÊN TRUYỀN\n", specimens))
    assert codes(r) == []
    assert (
        r.components["signature"]["levels"]
        == lint("party-hd36/huong_dan.txt").components["signature"]["levels"]
    )


# Round 17: an office's documents drawn at random from its working folder


def test_two_columns_laid_out_with_spaces_in_one_paragraph_a_row():
    """A .docx whose header and closing are two columns typed with spaces (no table): each row
    holds both, "BỘ …   CỘNG HÒA …" / "-------   Độc lập …", "Nơi nhận:   TL. BỘ TRƯỞNG" / "- Bộ
    trưởng (để báo cáo);   VỤ TRƯỞNG …": the rows are cut and the parts read whole."""
    r = lint(
        "state-nd30/thong_bao.txt",
        (
            "-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
            "CỤC TỔ CHỨC          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÁN BỘ          Độc lập - Tự do - Hạnh phúc\n",
        ),
        (
            "Nơi nhận:\n- Bộ trưởng (để báo cáo);\n",
            "Nơi nhận:            TL. BỘ TRƯỞNG\n- Bộ trưởng (để báo cáo);            VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ\n",
        ),
        ("TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ\n", ""),
    )
    assert codes(r) == []
    s = r.components["signature"]
    assert (s["levels"], s["titles"]) == (["TL. BỘ TRƯỞNG"], ["VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ"])
    assert len(r.components["recipients"]["items"]) == 6


def test_an_attachment_note_under_the_body_carries_or_follows_its_ending():
    nested = lint(
        "state-nd30/thong_bao.txt",
        (
            "thực hiện./.\n",
            "thực hiện./.\n(Gửi kèm danh sách thí sinh của Hội đồng tuyển dụng\ncông chức (vòng 1) và lịch thi\nvòng 2 của Bộ Nông nghiệp\nvà Môi trường)\n",
        ),
    )
    assert codes(nested) == []  # a note over four lines, a bracket inside it
    carried = lint(
        "state-nd30/thong_bao.txt",
        ("thực hiện./.\n", "thực hiện.\n(Đính kèm danh sách thí sinh)./.\n"),
    )
    assert codes(carried) == []


def test_a_note_beside_a_brace_over_two_items():
    """ "- Cổng thông tin điện tử Chính phủ;       Để đăng dự thảo" / "- Cổng thông tin điện tử Bộ
    Tài chính;  Thông tư xin ý kiến": a note printed beside a brace, its words on the items' rows;
    neither an item that lost its dash nor a wrong mark at the item's end."""
    r = lint(
        "state-nd30/thong_bao.txt",
        (
            "- Hội đồng tuyển dụng công chức năm 2025;\n",
            "- Hội đồng tuyển dụng công chức năm 2025;        Để thực hiện\n",
        ),
        ("- Các thí sinh đủ điều kiện dự vòng 2;\n", "- Các thí sinh đủ điều kiện dự vòng 2;  và theo dõi\n"),
    )
    assert codes(r) == []
    assert len(r.components["recipients"]["items"]) == 6


def test_a_text_layer_that_gives_the_header_after_the_body():
    """A signed PDF whose text layer gives "Kính gửi: …" and the body first, then the header
    (issuer, Quốc hiệu, number, V/v, date), then "Nơi nhận:": the header is read as the header
    and reported where it stands (VB112), nothing is missing and the regime stays the State's."""
    text = (VALID / "state-nd30/cong_van.txt").read_text(encoding="utf-8")
    head, rest = text.split("Kính gửi:", 1)
    body, closing = rest.split("Nơi nhận:", 1)
    r = lint_bytes("x.txt", f"Kính gửi:{body}{head}Nơi nhận:{closing}".encode(), OPTS)
    assert codes(r) == ["VB112"] and r.profile == "state-nd30"
    assert all(r.components[k] for k in ("banner", "issuer", "number", "place_date", "subject", "addressees"))


def test_a_signer_s_title_glued_to_the_recipient_beside_it():
    """ "Nơi nhận: TL. BỘ TRƯỞNG" / "VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ- Bộ trưởng (để báo cáo);": a text
    layer that gives the two columns' rows glued; the title and the item are cut apart."""
    r = lint(
        "state-nd30/thong_bao.txt",
        (
            "Nơi nhận:\n- Bộ trưởng (để báo cáo);\n",
            "Nơi nhận: TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ- Bộ trưởng (để báo cáo);\n",
        ),
        ("TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ\n", ""),
    )
    assert codes(r) == []
    assert r.components["signature"]["titles"] == ["VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ"]


def test_a_submission_named_de_xuat():
    """ "Đề xuất gia hạn …" names a tờ trình; only "Để …" ("in order to") opens a body sentence:
    the two fold alike, the marks tell them apart."""
    r = lint("state-nd30/to_trinh.txt", ("Về việc phê duyệt phương án", "Đề xuất phê duyệt phương án"))
    assert codes(r) == [] and r.components["subject"]["text"].startswith("Đề xuất")


def test_a_quotation_closed_inside_a_line_and_notes_after_the_ending():
    """ "“Điều 18. …" / "6. Chậm nhất …" / "… của Hiệp hội.”. Như vậy, …": the quotation closes inside
    the line, so its "6." is not counted; after the body's "./.", a note in brackets or a sentence
    naming what is sent with the letter is no body that lost its ending."""
    quoted = lint(
        "party-hd36/cong_van.txt",
        (
            "\n3. ",
            "\nTheo khoản 6 Điều 18 Điều lệ:\n“Điều 18. Đại hội\n6. Chậm nhất 30 ngày trước Đại hội.”. Như vậy, cần làm sớm.\n3. ",
        ),
    )
    assert codes(quoted) == []
    bracket = lint(
        "state-nd30/thong_bao.txt",
        (
            "thực hiện./.\n",
            "thực hiện./.\n(Về hồ sơ có liên quan, Vụ Tổ chức cán bộ sẽ trực tiếp\ngửi các thí sinh qua thư điện tử).\n",
        ),
    )
    sent = lint(
        "state-nd30/thong_bao.txt",
        ("thực hiện./.\n", "thực hiện./.\nBộ gửi kèm theo danh sách thí sinh và lịch thi vòng 2.\n"),
    )
    assert codes(bracket) == [] and codes(sent) == []


def test_a_section_whose_text_opens_with_a_figure():
    """ "2. 100% chi phí …", "3. 02 ảnh màu …": a section's text may open with a figure (a cell's
    "1. 2" or "2.0 < I" is still no section)."""
    r = lint(
        "state-vbqppl/nghi_dinh.txt",
        (
            "2. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn",
            "2. 100% dữ liệu do Bộ Văn hóa, Thể thao và Du lịch hướng dẫn",
        ),
    )
    assert codes(r) == []
    skip = lint("state-vbqppl/nghi_dinh.txt", ("2. Bộ Văn hóa, Thể thao", "3. 02 Bộ Văn hóa, Thể thao"))
    assert codes(skip) == ["VB261"]  # "3." after "1.": read as a section, so the skip is seen


_TWO = "2. Công tác dân vận của cơ quan nhà nước\n"
_PARTS_OF_2 = (
    "2.1. Cải cách hành chính\n2.1.1. Đối thoại với Nhân dân\n2.1.2. Tiếp công dân\n"
    "2.1.3. Giải quyết kiến nghị\n2.2. Quy chế dân chủ\n2.3. Thi đua\n"
)


def _numbered(parts: str):
    return lint("party-hd36/bao_cao.txt", (_TWO, _TWO + parts))


def test_decimal_sections_nest_by_their_depth():
    """ "4.1.2" … "4.1.10" then "4.2" (round 25): a label with more parts stands under the one with
    fewer, so "4.2" follows "4.1"; a skip at either depth is reported where it is, and so is a
    sub-list whose first label is not ".1" (its parent's label names where it starts)."""
    assert codes(_numbered(_PARTS_OF_2)) == []
    glued = _numbered(_PARTS_OF_2.replace("2.1.1. Đối", "2.1.1.Đối"))  # (a page glues the text on)
    assert codes(glued) == []

    def breaks(parts):
        return [(d.code, d.span.line, d.message) for d in _numbered(parts).diagnostics]

    assert breaks(_PARTS_OF_2.replace("2.1.3.", "2.1.10.")) == [
        ("VB261", 21, 'Đánh số mục không liên tục: "2.1.10" sau "2.1.2" (cần "2.1.3").')
    ]
    assert breaks(_PARTS_OF_2.replace("2.3.", "2.4.")) == [
        ("VB261", 23, 'Đánh số mục không liên tục: "2.4" sau "2.2" (cần "2.3").')
    ]
    left_out = _PARTS_OF_2.replace("2.1.1. Đối thoại với Nhân dân\n", "")
    assert breaks(left_out) == [("VB261", 19, 'Đánh số mục không liên tục: "2.1.2" sau "2.1" (cần "2.1.1").')]


def test_a_stray_number_after_the_ending_is_not_joined_to_the_recipients_label():
    """An empty auto-numbered paragraph, "1.", left after "./.", then "Nơi nhận:  TL. CHỦ TỊCH"
    (round 24): the label and the authority beside it are read as such."""
    r = lint(
        "state-nd30/cong_van.txt",
        ("giải quyết./.\n", "giải quyết./.\n1.\n"),
    )
    assert r.components["recipients"] and r.components["signature"]["name"]
    assert all(d.code == "VB262" for d in r.diagnostics)  # the stray "1." is what the body ends on


def test_a_symbol_before_a_cited_date_is_no_place():
    """ "Kết luận số 149-" / "KL/TW ngày 10/4/2025" in a wrapped V/v (round 24): a place name has no
    slash, so the line is the summary's, not a misplaced date."""
    r = lint(
        "state-nd30/cong_van.txt",
        ("\nHà Nội, ngày 08 tháng 8 năm 2025\n", ""),
        ("Số: 4126/BGDĐT-GDPT\n", "Số: 4126/BGDĐT-GDPT          Hà Nội, ngày 08 tháng 8 năm 2025\n"),
        (
            "V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông\nnăm học 2025 - 2026\n",
            "V/v thực hiện Kết luận số 149-\nKL/TW ngày 10/4/2025\ncủa Bộ Chính trị\n",
        ),
    )
    assert codes(r) == []
    assert r.components["place_date"]["line"] == 7


def test_a_state_form_number_in_a_party_letter_is_one_report():
    """ "Số: /CV" on a Party letter built on a State form (round 25): VB208 says the number has the
    State form, the colon included; VB202 is not added for the same colon."""
    r = lint("party-hd36/cong_van.txt", ("Số 1286-CV/TU", "Số: 1286/CV-TU"))
    assert "VB208" in codes(r) and "VB202" not in codes(r)
    party = lint("party-hd36/cong_van.txt", ("Số 1286-CV/TU", "Số: 1286-CV/TU"))
    assert "VB202" in codes(party) and "VB208" not in codes(party)


def test_the_list_goes_back_under_its_label_when_the_signature_comes_between():
    """ "Nơi nhận:" / "BỘ TRƯỞNG" / "(Đã ký)" / name / "- …" (round 26, a page's table gives the
    label's cell, the signature's, then the list): the list is the recipients', the signer read."""
    r = lint(
        TT,
        ("Nơi nhận:\n", "Nơi nhận:\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nTrần Văn Thuấn\n"),
        ("\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thuấn", ""),
    )
    assert codes(r) == []
    assert len(r.components["recipients"]["items"]) == 5
    assert r.components["signature"]["name"] == "Trần Văn Thuấn"


def test_a_table_row_number_before_the_list_s_own_next_section():
    """A flattened table whose STT column ends "1" / "2", then the list's own "3. Hồ sơ …" after
    "2. …" (round 26): that "3." is the section (a row of column numbers, "33" / "34" / "35. Ghi
    chú:", still is not)."""
    r = lint(
        TT,
        (
            "2. Cơ sở khám bệnh, chữa bệnh bảo đảm:\na) An toàn thông tin theo cấp độ;\nb) Sao lưu dữ liệu hằng ngày;\nc) Phân quyền truy cập theo chức danh.\n",
            "2. Cơ sở khám bệnh, chữa bệnh báo cáo danh mục sau:\nSTT\nTên dịch vụ\n1\n2\n"
            "3. Hồ sơ đề nghị gồm bản sao hồ sơ bệnh án.\n4. Sao lưu dữ liệu hằng ngày.\n",
        ),
    )
    assert "VB261" not in codes(r)


def test_an_attached_technical_regulation_letters_its_points_in_latin():
    """A circular that issues a QCVN prints it after the signature; the QCVN, drafted by the
    standards' rules, letters its points "d) e) f)" (round 26): not reported there, still in the
    circular's own body."""
    qcvn = (
        "\nQCVN 27:2025/BCT\nQUY CHUẨN KỸ THUẬT QUỐC GIA VỀ CÔNG TRÌNH THỦY ĐIỆN\n1. QUY ĐỊNH CHUNG\n"
        "1.1. Phạm vi điều chỉnh\nCác công trình sau:\na) Đập;\nb) Tường chắn;\nc) Kênh dẫn;\n"
        "d) Trạm bơm;\ne) Bể áp lực;\nf) Nhà máy thủy điện.\n"
    )
    r = after_the_signature(qcvn)
    assert "VB261" not in codes(r) and "VB264" not in codes(r)
    body = lint(
        TT, ("c) Phân quyền truy cập theo chức danh.\n", "c) Phân quyền.\nd) Mã hóa.\ne) Kiểm toán.\n")
    )
    assert "VB264" in codes(body)


# -- rounds 27-28 -----------------------------------------------------------------------------------
def test_a_pháp_lệnh_like_a_law_has_no_date_line():
    """ "Pháp lệnh số: 09/2025/UBTVQH15" goes straight to its name and dates itself in its passage
    line, as a law does (round 27): no "place and date missing"."""
    r = lint(
        "state-vbqppl/luat.txt",
        ("QUỐC HỘI\n", "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n"),
        ("Luật số: 112/2025/QH15\n\nLUẬT\n", "Pháp lệnh số: 09/2025/UBTVQH15\n\nPHÁP LỆNH\n"),
        ("Quốc hội ban hành Luật Thư viện số.", "Ủy ban Thường vụ Quốc hội ban hành Pháp lệnh Thư viện số."),
        ("Luật này", "Pháp lệnh này"),
        ("Luật này", "Pháp lệnh này"),
        ("Luật này được Quốc hội", "Pháp lệnh này được Ủy ban Thường vụ Quốc hội"),
        ("Kỳ họp thứ\n10", "Phiên họp thứ\n52"),
        ("CHỦ TỊCH QUỐC HỘI\n", "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\n"),
    )
    assert r.doc_type == "phap_lenh" and r.profile == "state-vbqppl"
    assert "VB104" not in codes(r)


def test_the_letter_oi_a_pdf_font_gives_for_ư():
    """A PDF whose font was converted from an old Vietnamese encoding puts "ƣ" (U+01A3) in its
    text layer where the page shows "ư" (round 28: "- Nhƣ trên;", "- Lƣu: VT"): read as "ư"."""
    r = lint(
        "state-nd30/cong_van.txt",
        ("- Như trên;", "- Nh\u01a3 trên;"),
        ("- Lưu: VT, GDPT.", "- L\u01a3u: VT, GDPT."),
        ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "KT. BỘ TR\u01a2ỞNG\nTHỨ TR\u01a2ỞNG"),
    )
    assert codes(r) == []
    assert r.components["signature"]["levels"] == ["KT. BỘ TRƯỞNG"]


def test_a_list_lettered_in_the_latin_alphabet_is_one_mistake():
    """ "d) e) f) g) h) i) j) k)" in a circular's body (round 27): "e)" after "d)" is reported
    (VB264), and its "f)" and "j)" are the same mistake, not two more; a later list is judged anew."""
    latin = "".join(f"{x}) Mục {x}.\n" for x in "defghijk")
    r = lint(TT, ("c) Phân quyền truy cập theo chức danh.\n", "c) Phân quyền.\n" + latin))
    assert codes(r).count("VB264") == 1 and "VB261" not in codes(r)
    again = lint(
        TT,
        (
            "c) Phân quyền truy cập theo chức danh.\n",
            "c) Phân quyền.\nd) Mã hóa.\nđ) Sao lưu.\ne) Ký số.\nf) Lưu trữ.\n",
        ),
    )
    assert [d.code for d in again.diagnostics if d.code in ("VB261", "VB264")] == ["VB261"]


BIEN_BAN_SIGNERS = "THƯ KÝ\n\nĐỗ Thị Lan Anh\n\nCHỦ TỌA\n\nNguyễn Văn Khải\n"


def test_a_biên_bản_signed_by_each_party_s_representative():
    """Working minutes between bodies sign "Đại diện" / "Sở Công Thương" / name, once a party, with
    no Nơi nhận after them (round 28): every block is a signer's, the first the signature."""
    blocks = "".join(
        f"Đại diện\n{body}\n\n\n{name}\n\n"
        for body, name in (
            ("Sở Công Thương", "Nguyễn Đình Chiến"),
            ("Sở Tài chính", "Vũ Lân"),
            ("UBND phường Văn Phú", "Lê Anh Dũng"),
        )
    )
    text = (VALID / "state-nd30/bien_ban.txt").read_text(encoding="utf-8")
    text = text[: text.index(BIEN_BAN_SIGNERS)] + blocks
    r = lint_bytes("x.txt", text.encode("utf-8"), OPTS)
    sig = r.components["signature"]
    assert sig["titles"] == ["Đại diện Sở Công Thương"] and sig["name"] == "Nguyễn Đình Chiến"
    assert len(sig["cosigners"]) == 2
    assert codes(r) == ["VB110"]  # the minutes lack their Nơi nhận, as the published one does
    upper = lint(
        "state-nd30/bien_ban.txt",
        (BIEN_BAN_SIGNERS, "ĐẠI DIỆN BÊN GIAO\n\nĐỗ Thị Lan Anh\n\nĐẠI DIỆN BÊN NHẬN\n\nNguyễn Văn Khải\n"),
    )
    assert codes(upper) == [] and upper.components["signature"]["name"] == "Đỗ Thị Lan Anh"


def test_a_markdown_copy_of_a_legal_site_s_page():
    """A legal site's page saved as Markdown (round 30): the header and the closing are table rows
    whose cells each hold several parts, "| Nơi nhận: - A; - B; - Lưu: VT. | KT. BỘ TRƯỞNG THỨ
    TRƯỞNG Nguyễn Văn Hậu |", each row followed by the table's "|---|---|". The delimiter is no
    drawn rule, and every part is read as on the page."""
    text = (VALID / "state-nd30/cong_van.txt").read_text(encoding="utf-8")
    body = text[text.index("Năm học 2025 - 2026 là năm học đầu tiên") : text.index("Nơi nhận:")]
    page = (
        "| BỘ GIÁO DỤC VÀ ĐÀO TẠO ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
        "|---|---|\n"
        "| Số: 4126/BGDĐT-GDPT V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2025 - 2026 | Hà Nội, ngày 08 tháng 8 năm 2025 |\n\n"
        "Kính gửi: - Các sở giáo dục và đào tạo; - Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
        + body
        + "| Nơi nhận: - Như trên; - Bộ trưởng (để báo cáo); - Các Thứ trưởng; - Các đơn vị thuộc Bộ;"
        " - Cổng TTĐT Bộ GDĐT; - Lưu: VT, GDPT. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn Hậu |\n"
        "|---|---|\n"
    )
    r = lint_bytes("x.md", page.encode("utf-8"), OPTS)
    assert codes(r) == []
    assert r.components["number"]["symbol"] == "BGDĐT-GDPT" and r.components["place_date"]["day"] == 8
    sig = r.components["signature"]
    assert sig["authority"] == "KT." and sig["titles"] == ["THỨ TRƯỞNG"] and sig["name"] == "Nguyễn Văn Hậu"
    assert len(r.components["recipients"]["items"]) == 6
    # a deputy's block under the body's: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH <name>"
    ubnd = page.replace(
        "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn Hậu",
        "TL. BỘ TRƯỞNG KT. VỤ TRƯỞNG VỤ GIÁO DỤC PHỔ THÔNG PHÓ VỤ TRƯỞNG Nguyễn Văn Hậu",
    )
    sig = lint_bytes("x.md", ubnd.encode("utf-8"), OPTS).components["signature"]
    assert sig["titles"] == ["PHÓ VỤ TRƯỞNG"] and sig["name"] == "Nguyễn Văn Hậu"
    # a scan's transcript that broke a word of the name: "Đặ ng Văn Minh"
    broken = page.replace("KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn Hậu", "BỘ TRƯỞNG Đặ ng Văn Minh")
    sig = lint_bytes("x.md", broken.encode("utf-8"), OPTS).components["signature"]
    assert sig["titles"] == ["BỘ TRƯỞNG"] and sig["name"] == "Đặ ng Văn Minh"


def test_a_page_that_is_only_a_decision_s_body_is_read_as_a_legal_text():
    """A database page that holds a decision from its type name to its last article (round 31): no
    header, no signature, so no regime's sign; its enacting sentence ("… ban hành Quyết định …") is
    the State's legal form, so it is checked as one, not as a Party document by default."""
    text = (VALID / "state-vbqppl/quyet_dinh.txt").read_text(encoding="utf-8")
    page = text[text.index("QUYẾT ĐỊNH\n") : text.index("Nơi nhận:")]
    r = lint_bytes("x.txt", page.encode("utf-8"), OPTS)
    assert r.profile == "state-vbqppl" and "ban hành Quyết định" in r.profile_reason
    assert {"VB101", "VB102", "VB103", "VB109"} <= set(codes(r))


def test_an_amended_article_s_heading_before_its_quotation_mark():
    """ "3. Sửa đổi, bổ sung Điều 50 như sau:" / "Điều 50. Thẩm quyền …" / "“1. …" (round 31: the
    page opens the quotation on the line after the heading): Điều 50 is the new text, not the
    document's article between its Điều 2 and Điều 3."""
    r = lint(
        TT,
        (
            "c) Phân quyền truy cập theo chức danh.\n",
            "c) Phân quyền truy cập theo chức danh.\n3. Sửa đổi, bổ sung Điều 50 như sau:\n"
            "Điều 50. Thẩm quyền phê duyệt\n“1. Bộ trưởng phê duyệt.\n2. Cục trưởng thẩm định.”\n",
        ),
    )
    assert codes(r) == []


def test_labels_of_a_letter_spaced_text_layer():
    """A PDF whose text layer spaces out every letter of a justified line, "1 . V i ệ c s ắ p x ế p
    …", "1 . 1 .", "I I ." (round 29): the labels are read, so the numbering is not broken."""
    r = lint(
        "state-nd30/ke_hoach.txt",
        ("II. NỘI DUNG HOẠT ĐỘNG\n", "I I . N Ộ I D U N G H O Ạ T Đ Ộ N G\n"),
        ("3. Hỗ trợ các hộ", "2 . 1 .\nH ỗ\nt r ợ\n3. Hỗ trợ các hộ"),
    )
    assert codes(r) == []
    assert [s["label"] for s in r.components["body"]["sections"]] == ["I", "II", "III", "IV"]
    assert [s["label"] for s in r.components["body"]["sections"][1]["sections"][1]["sections"]] == ["2.1"]


def test_a_letter_spaced_label_whose_line_goes_on_read_whole():
    """ "4 . 2 . 9 . B ả o h i ể m x ã h ộ i : Tiếp tục tuyên truyền …": the text layer spaced out
    the label and the heading, not the sentence after it (round 42); the label is read."""
    spaced = (
        "2 . 1 . H ỗ t r ợ : các hộ sản xuất, kinh doanh gốm sứ mở gian hàng trên sàn thương mại\n"
        "2 . 2 . T ậ p h u ấ n : cán bộ, công chức xã và thành viên tổ công nghệ số cộng đồng\n"
    )
    r = lint("state-nd30/ke_hoach.txt", ("3. Hỗ trợ các hộ", spaced + "3. Hỗ trợ các hộ"))
    assert codes(r) == []
    second = r.components["body"]["sections"][1]["sections"][1]
    assert [s["label"] for s in second["sections"]] == ["2.1", "2.2"]


def _left_column_first(summary: str):
    """The Party letter as a commune's e-signed PDF gives it: issuer, star, number and summary (the
    left column) before the banner and the date."""
    party = "party-hd36/cong_van.txt"
    text = (VALID / party).read_text(encoding="utf-8")
    head = text[: text.index("Kính gửi:")]
    left = f"TỈNH ỦY QUẢNG BÌNH\n*\nSố 1286-CV/TU\n{summary}\n"
    return lint(party, (head, left + "ĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Bình, ngày 14 tháng 9 năm 2022\n\n"))


def test_a_summary_line_that_opens_with_a_dash_above_the_banner():
    """A commune Party committee's e-signed letter gives the left column first, its summary's
    second line opening with a dash: "Mời họp Thường trực Đảng uỷ" / "- Tuần 22/2025", then the
    banner and the date (round 29). The dash line is the summary's, and the header goes on."""
    r = _left_column_first("về việc tăng cường lãnh đạo, chỉ đạo công tác\n- phòng, chống thiên tai năm 2022")
    assert codes(r) == []
    assert r.components["subject"]["text"].endswith("- phòng, chống thiên tai năm 2022")


def test_a_consolidated_text_leaves_out_what_was_repealed():
    """A văn bản hợp nhất omits the articles and clauses later repealed, a footnote saying so
    (round 32: "Điều 26" then "Điều 52.[16]"): its numbers skip ahead, and that is no break; a
    number repeated still is. The same skip in an ordinary circular is reported."""
    gap = ("Điều 3. Hiệu lực thi hành\n", "Điều 5. Hiệu lực thi hành\n")
    vbhn = lint(TT, ("Số: 48/2025/TT-BYT", "Số: 48/VBHN-BYT"), gap)
    assert "VB261" not in codes(vbhn)
    twice = lint(TT, ("Số: 48/2025/TT-BYT", "Số: 48/VBHN-BYT"), ("c) Phân quyền", "b) Phân quyền"))
    assert "VB261" in codes(twice)
    assert "VB261" in codes(lint(TT, gap))


def test_the_row_numbers_of_a_markdown_table_are_no_sections():
    """An annex's table saved as Markdown numbers its rows in cells of their own, in two halves
    side by side ("| 1. | An Giang | AGG | 33. | Kon Tum | KTM |", round 32): no numbering."""
    rows = "".join(f"| {k}. | Tỉnh {k} | T{k} | {k + 3}. | Tỉnh {k + 3} | T{k + 3} |\n" for k in (1, 2, 3))
    table = (
        "\nPHỤ LỤC\n| TT | Tên tỉnh | Ký hiệu | TT | Tên tỉnh | Ký hiệu |\n|---|---|---|---|---|---|\n" + rows
    )
    r = after_the_signature(table)
    assert "VB261" not in codes(r)
    # a row whose last cell only cites an article is a row of three cells all the same (round 76's
    # regression set: "| 12. | Luật Khí tượng thủy văn số 90/2015/QH13 | Điều 11 |")
    laws = (
        "\nPHỤ LỤC\n1. Các luật về tài nguyên\n| TT | Tên luật | Các điều, khoản liên quan |\n| --- | --- | --- |\n"
        "| 11. | Luật Tài nguyên nước số 17/2012/QH13 | Khoản 2 Điều 10, Điều 11, điểm a khoản 1 Điều 14 |\n"
        "| 12. | Luật Khí tượng thủy văn số 90/2015/QH13 | Điều 11 |\n"
        "| 13. | Luật Điện lực số 28/2004/QH11 | Điều 8, Điều 8a, Điều 9, Điều 10 |\n"
        "2. Các luật khác\n"
    )
    assert "VB261" not in codes(after_the_signature(laws))


def test_a_plan_named_thuc_hien_above_a_note_wrapped_in_two():
    """A scan of a department's plan (round 28): "KẾ HOẠCH" / "Thực hiện Đề án số 08 …" / "…" /
    "(Ban hành kèm theo Nghị quyết số 35-NQ/TU … của Tỉnh ủy Lào" / "Cai)" / "Căn cứ …", no blank
    line anywhere: the name is the trích yếu, though it opens as a body sentence may."""
    r = lint(
        "state-nd30/ke_hoach.txt",
        (
            "Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025\ntrên địa bàn xã Bát Tràng\n\nThực hiện",
            "Thực hiện Đề án số 08 về chuyển đổi số trên địa bàn xã Bát Tràng\ngiai đoạn 2026-2030\n"
            "(Ban hành kèm theo Nghị quyết số 35-NQ/ĐU ngày 29/12/2025 của Đảng ủy xã Bát\nTràng)\n"
            "Căn cứ Kế hoạch",
        ),
    )
    assert r.components["subject"]["text"].startswith("Thực hiện Đề án số 08")
    assert "VB106" not in codes(r)


def test_a_crawled_page_s_markdown_as_stored():
    """A legal site's page as a crawler stored it (round 33): the date in italics over two lines
    ("*Hà Nội, ngày 08 tháng 8" / "năm 2025*"), "* *" lines left of empty italics, the number
    wrapped inside its symbol ("Số: 4126/BGDĐT-" / "GDPT"): markup and wrapping, no OCR damage
    and no part out of place."""
    r = lint(
        "state-nd30/cong_van.txt",
        ("Số: 4126/BGDĐT-GDPT\n", "Số: 4126/BGDĐT-\nGDPT\n"),
        ("Hà Nội, ngày 08 tháng 8 năm 2025\n", "*Hà Nội, ngày 08 tháng 8\nnăm 2025*\n* *\n"),
        ("để được hướng dẫn, giải quyết./.\n", "để được hướng dẫn, giải quyết./.\n* *\n"),
    )
    assert codes(r) == []
    assert r.components["number"]["symbol"] == "BGDĐT-GDPT" and r.components["place_date"]["month"] == 8


def test_a_date_s_italics_closed_and_opened_again_on_its_second_line():
    """ "*Hà Nội, ngày 28" / "tháng 11* *năm 2025*" (round 43): markup, no OCR repair (VB130)."""
    r = lint(
        "state-nd30/cong_van.txt",
        ("Hà Nội, ngày 08 tháng 8 năm 2025\n", "*Hà Nội, ngày 08\ntháng 8* *năm 2025*\n"),
    )
    assert codes(r) == []
    assert r.components["place_date"]["status"] == "ok"
    # closed on a line of its own ("*Hà Nội, ngày **21** tháng 11 năm" / "2025**" / "*"): no Party star
    r = lint(
        "state-nd30/cong_van.txt",
        ("Hà Nội, ngày 08 tháng 8 năm 2025\n", "*Hà Nội, ngày **08** tháng 8 năm\n2025**\n*\n"),
    )
    assert codes(r) == []


@pytest.mark.parametrize("names", ["tại bước", "thuộc dự án 9, tiểu dự án", "thuộc dựán 9, tiểu dựán"])
def test_a_number_a_hard_wrap_put_at_a_line_s_start(names):
    """ "… theo quy định tại bước" / "3. Trong thời hạn 03 tháng …" (round 33), "… tiểu dựán" / "2.
    Đến nay …" (round 45): the step or project a sentence names, wrapped, is no section."""
    r = lint(
        "state-nd30/cong_van.txt",
        (
            "mới 05/9/2025.\n",
            f"mới 05/9/2025, theo quy định của Bộ Giáo dục và Đào tạo {names}\n7. Trong thời hạn 03 tháng, hoàn thành.\n",
        ),
    )
    assert "VB261" not in codes(r)


def test_a_table_s_mau_column_is_no_form():
    """An annex's table whose header cells read "Tên giấy tờ" / "Mẫu đơn/Tờ" / "khai" / "Số
    lượng" (round 33): "Mẫu đơn/Tờ" names a column, not a form that starts its own numbering."""
    annex = (
        "\nPHỤ LỤC I\nPHẦN II. NỘI DUNG CỤ THỂ\n1. Thủ tục cấp phép\nThành phần hồ sơ:\nTên giấy tờ\n"
        "Mẫu đơn/Tờ\nkhai\nSố lượng\na) Đơn đề nghị;\nb) Bản sao giấy phép.\nYêu cầu, điều kiện:\n"
        "1. Thuốc còn hạn dùng.\n2. Cơ sở đủ điều kiện.\n2. Thủ tục gia hạn\n"
        "Tên giấy tờ\nMẫu đơn/Tờ\nkhai\na) Đơn đề nghị.\nMẪU SỐ 01\nĐƠN ĐỀ NGHỊ\n1. Tên cơ sở:\n2. Địa chỉ:\n"
        "3. Thủ tục thu hồi\n"
    )
    r = after_the_signature(annex)
    assert "VB261" not in codes(r)
    assert [a["label"] for a in r.components["body"]["annexes"]] == ["PHỤ LỤC I", "MẪU SỐ 01"]


# -- round 35 ---------------------------------------------------------------------------------------
CV = "state-nd30/cong_van.txt"
CV_CLOSING = (
    "Nơi nhận:\n- Như trên;\n- Bộ trưởng (để báo cáo);\n- Các Thứ trưởng;\n- Các đơn vị thuộc Bộ;\n"
    "- Cổng TTĐT Bộ GDĐT;\n- Lưu: VT, GDPT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn Hậu"
)


def test_the_signature_s_title_beside_the_label_and_its_name_under_the_list():
    """A signed PDF's layout-preserving text (round 35): "Nơi nhận:          GIÁM ĐỐC" on one row,
    the list, then the name far below it. The list is the recipients', the title and the name the
    signature's."""
    r = lint(
        CV,
        (
            CV_CLOSING,
            "Nơi nhận:                                      GIÁM ĐỐC\n- Như trên;\n- Bộ trưởng (để báo cáo);\n"
            "- Lưu: VT, GDPT.\n\n\n\n                                               Nguyễn Văn Hậu",
        ),
    )
    assert codes(r) == []
    assert (
        r.components["signature"]["titles"] == ["GIÁM ĐỐC"]
        and r.components["signature"]["name"] == "Nguyễn Văn Hậu"
    )
    assert len(r.components["recipients"]["items"]) == 3


def test_an_inspection_team_named_by_its_decision_signs_on_the_party_form():
    """ "SỞ CÔNG THƯƠNG" / "ĐOÀN KIỂM TRA" / "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT", then the plan's own
    "Số: 1105/KH-ĐKT"; at the end "Nơi nhận:   T/M. ĐOÀN KIỂM TRA", the title beside an item that
    wraps (round 35): the decision's number is the issuer's, and the one report is the authority's
    Party form in a State document (VB311)."""
    r = lint(
        "state-nd30/ke_hoach.txt",
        (
            "ỦY BAN NHÂN DÂN\nXÃ BÁT TRÀNG\n",
            "ỦY BAN NHÂN DÂN XÃ BÁT TRÀNG\nĐOÀN KIỂM TRA\nTHEO QUYẾT ĐỊNH\nSỐ 105/QĐ-UBND\n",
        ),
        ("Số: 215/KH-UBND", "Số: 215/KH-ĐKT"),
        (
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n",
            "T/M. ĐOÀN KIỂM TRA\n",
        ),
    )
    text = (VALID / "state-nd30/ke_hoach.txt").read_text(encoding="utf-8")
    assert r.components["number"]["symbol"] == "KH-ĐKT"
    assert "VB311" in codes(r) and "VB121" not in codes(r) and "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n" in text


def test_a_header_table_read_cell_by_cell_puts_the_motto_under_the_summary():
    """ "UBND TỈNH LÀO CAI  CỘNG HOÀ …" / "SỞ XÂY DỰNG" / "Số: …" / "V/v …" (wrapped) / "Độc lập …" /
    "Lào Cai, ngày …" (round 35): the motto is the banner's, not missing nor out of place."""
    text = (VALID / CV).read_text(encoding="utf-8")
    head = text[: text.index("Kính gửi:")]
    r = lint(
        CV,
        (
            head,
            "BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 4126/BGDĐT-GDPT\n"
            "V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông\nnăm học 2025 - 2026\n"
            "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 08 tháng 8 năm 2025\n\n",
        ),
    )
    assert codes(r) == []


def test_the_title_beside_an_item_that_wraps():
    """ "Nơi nhận:   T/M. ĐOÀN KIỂM TRA" / "- Văn phòng Bộ (bố trí kinh phí, phương   TRƯỞNG ĐOÀN" /
    "tiện phục vụ Đoàn);" / … / the name (round 35): the item's wrapped end stays the item's, and
    the signature reads authority, title and name."""
    r = lint(
        CV,
        (
            CV_CLOSING,
            "Nơi nhận:                                         T/M. ĐOÀN KIỂM TRA\n- Như trên;\n"
            "- Văn phòng Bộ (bố trí kinh phí, phương                TRƯỞNG ĐOÀN\ntiện phục vụ Đoàn);\n"
            "- Lưu: VT, GDPT.\n\n\n                                    Nguyễn Văn Hậu",
        ),
    )
    assert codes(r) == ["VB311"]  # the Party form in a State letter, and nothing else
    sig = r.components["signature"]
    assert sig["titles"] == ["TRƯỞNG ĐOÀN"] and sig["name"] == "Nguyễn Văn Hậu"
    assert len(r.components["recipients"]["items"]) == 3


def test_an_authority_s_wrapped_end_on_the_deputy_s_title_line():
    """ "KT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ" / "VỀ HQ PHÓ TRƯỞNG BAN" (round 33: a page lost the line
    break between the authority's end and the title): the title is "PHÓ TRƯỞNG BAN"."""
    r = lint(
        CV,
        (
            "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n",
            "TL. BỘ TRƯỞNG\nKT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ\nVỀ HẢI QUAN PHÓ TRƯỞNG BAN\n",
        ),
    )
    sig = r.components["signature"]
    assert sig["titles"] == ["PHÓ TRƯỞNG BAN"] and sig["name"] == "Nguyễn Văn Hậu"
    assert sig["levels"] == ["TL. BỘ TRƯỞNG", "KT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HẢI QUAN"]


def test_a_v_v_wrapped_over_seven_lines_in_a_narrow_column():
    """A scan of a letter whose V/v a narrow column wraps into seven short lines (round 35): every
    line is the trích yếu's, none a garbled header line."""
    text = (VALID / CV).read_text(encoding="utf-8")
    head = text[: text.index("Kính gửi:")]
    vv = (
        "V/v tham gia ý kiến về phương án\nnổ mìn\nvà biện pháp tổ chức giao thông,\nbảo đảm\n"
        "an toàn giao thông trên Quốc lộ\n279 (hồ\nsơ sau chỉnh sửa)\n"
    )
    r = lint(
        CV,
        (
            head,
            "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 4126/BGDĐT-GDPT\n" + vv + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 08 tháng 8 năm 2025\n\n",
        ),
    )
    assert codes(r) == []
    assert r.components["subject"]["text"].endswith("sơ sau chỉnh sửa)")


def test_two_bold_blocks_that_lost_their_line_break():
    """A page's two bold blocks with the break between them lost: "**THÔNG TƯ****Quy định …**",
    "**Điều 1.****Phạm vi …**" (round 37). Each is a line of its own; a bold span closed and opened
    again inside a phrase ("tỉnh Đồng**** Nai") or a word ("TRƯ****Ở****NG") is only markup."""
    r = lint(
        TT,
        ("THÔNG TƯ\nQuy định về hồ sơ", "**THÔNG TƯ****Quy định về hồ**** sơ"),
        ("Điều 1. Phạm vi điều chỉnh\n", "**Điều 1.****Phạm vi điều chỉnh**\n"),
        ("THỨ TRƯỞNG\n", "**THỨ TRƯ****Ở****NG**\n"),  # a font's change inside a word (round 43)
        ("KT. BỘ TRƯỞNG\n", "**KT. B****Ộ TRƯỞNG**\n"),  # and inside a word of a longer span (round 33)
    )
    assert codes(r) == []
    assert r.components["signature"]["titles"] == ["THỨ TRƯỞNG"]
    assert r.components["signature"]["levels"] == ["KT. BỘ TRƯỞNG"]
    assert r.components["doc_type"]["type"] == "thong_tu"
    assert r.components["subject"]["text"] == "Quy định về hồ sơ bệnh án điện tử"
    assert r.components["doc_type"]["line"] == r.components["subject"]["line"] == 11


def test_points_a_page_ran_into_one_line_are_in_the_count():
    """ "c) …; d) …; đ) …" on one line, "e)" on the next (round 38): the count is whole; a point
    missing from the line is still a break."""
    whole = "c) Phân quyền truy cập theo chức danh; d) Ghi nhật ký truy cập; đ) Kiểm tra định kỳ;\ne) Báo cáo sự cố."
    assert codes(lint(TT, ("c) Phân quyền truy cập theo chức danh.", whole))) == []
    gap = whole.replace("; d) Ghi nhật ký truy cập", "")
    assert codes(lint(TT, ("c) Phân quyền truy cập theo chức danh.", gap))) == ["VB261"]
    # glued to the sentence before it, the space lost (round 53): "… tiêu cực.2. Giao …"
    glued = lint(
        "state-nd30/cong_van.txt", ("trước khi sắp xếp.\n\n2. Tham mưu", "trước khi sắp xếp.2. Tham mưu")
    )
    assert codes(glued) == []


def test_a_summary_a_page_closed_with_a_stop_above_the_first_basis():
    """ "THÔNG TƯ" / "Sửa đổi, bổ sung … hàng hoá xuất khẩu, nhập khẩu." / "Căn cứ …" (round 38)."""
    r = lint(TT, ("Quy định về hồ sơ bệnh án điện tử\n", "Quy định về hồ sơ bệnh án điện tử.\n"))
    assert "VB106" not in codes(r)
    assert r.components["subject"]["text"].startswith("Quy định về hồ sơ bệnh án điện tử")


def test_a_body_that_ended_before_an_annex_its_closing_unread():
    """A draft whose closing is only its body's name, "VĂN PHÒNG UBND TỈNH", then an annex table
    (round 39): the body ended with "./." above them; what is missing is reported, the ending not."""
    text = (VALID / "state-nd30/bao_cao.txt").read_text(encoding="utf-8")
    closing = text[text.index("Nơi nhận:") :]
    annex = "VĂN PHÒNG UBND TỈNH\nPhụ lục 1\nDANH SÁCH CÁC CỤM CÔNG NGHIỆP\nTT\nCụm công nghiệp\nĐịa điểm\n"
    r = lint("state-nd30/bao_cao.txt", (closing, annex))
    assert {"VB109", "VB110"} <= set(codes(r)) and "VB262" not in codes(r)
    r = lint("state-nd30/bao_cao.txt", (closing, annex), ("chỉ đạo./.", "chỉ đạo."))
    assert "VB262" in codes(r)


def test_a_summary_that_names_a_party_resolution_by_its_number():
    """The trích yếu wraps onto the number of the text it names: "Nghị quyết số 01-NQ/TU ngày …",
    "số 79-NQ/TW, Nghị quyết số 80-NQ/TW" (round 36). Neither is the document's number."""
    for cited in (
        "Nghị quyết số 01-NQ/TU ngày 14/7/2022\ncủa Tỉnh ủy",
        "số 79-NQ/TW, Nghị quyết số 80-NQ/TW\ncủa Bộ Chính trị",
    ):
        r = lint(
            "party-hd36/cong_van.txt",
            ("thiên tai và tìm kiếm cứu nạn mùa mưa bão năm 2022", "thiên tai theo Nghị quyết\n" + cited),
        )
        assert codes(r) == []
        assert r.components["number"]["text"] == "Số 1286-CV/TU"
        assert r.components["subject"]["text"].endswith(cited.replace("\n", " "))


def test_a_case_s_steps_between_its_decimal_headings():
    """ "2.1. Trường hợp …" / "1. Nộp hồ sơ" / "2. Kiểm tra" / "2.2. Trường hợp …" (an annex's
    procedure, round 40): "2.2" follows "2.1", whatever the steps put between them."""
    steps = "tại Phòng Văn hóa - Xã hội:\n2.1. Trường hợp thứ nhất:\n1. Nộp hồ sơ;\n2. Kiểm tra hồ sơ.\n2.2. Trường hợp thứ hai."
    r = lint("state-nd30/cong_van.txt", ("tại Phòng Văn hóa - Xã hội.", steps))
    assert codes(r) == []
    r = lint(
        "state-nd30/cong_van.txt", ("tại Phòng Văn hóa - Xã hội.", steps.replace("2.1. Trường", "Trường"))
    )
    assert codes(r) == ["VB261"]


def test_a_deputy_s_title_printed_in_title_case():
    """ "THỐNG ĐỐC" / "Phó Thống Đốc" / "(đã ký)" / name (round 41): the second line is the deputy's
    title, not the name; the missing "KT." is reported (VB304) and the name read."""
    r = lint(TT, ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n", "BỘ TRƯỞNG\nThứ Trưởng\n(đã ký)\n"))
    assert codes(r) == ["VB304"]
    assert r.components["signature"]["name"] == "Trần Văn Thuấn"
    sig = r.components["signature"]
    assert (sig["levels"], sig["titles"]) == (["BỘ TRƯỞNG"], ["Thứ Trưởng"])  # the head's: a level
    # a name with its rank is no title, an annex after it or not (round 50)
    ranked = "THỨ TRƯỞNG\nĐại tướng Trần Văn Thuấn\n\nQUY CHẾ\nQUẢN LÝ HỒ SƠ BỆNH ÁN\n"
    r = lint(TT, ("THỨ TRƯỞNG\n\nTrần Văn Thuấn\n", ranked))
    assert r.components["signature"]["name"] == "Trần Văn Thuấn"
    assert r.components["signature"]["rank"] == "Đại tướng"


def test_a_comrade_s_item_wrapped_onto_his_title():
    """ "- Đ/c Lương Đức Hải – UVTV," / "Trưởng Ban Tổ chức Tỉnh uỷ (phụ trách địa bàn xã)," (round
    42): one item, whose comma wrapped the line; a line that opens with no title is an item whose
    dash was lost."""
    wrapped = "- Đ/c Nguyễn Văn An – UVTV,\nTrưởng Ban Tổ chức Tỉnh ủy (phụ trách địa bàn),\n"
    r = lint("party-hd36/cong_van.txt", ("- Thường trực Tỉnh ủy,\n", "- Thường trực Tỉnh ủy,\n" + wrapped))
    assert codes(r) == []
    assert len(r.components["recipients"]["items"]) == 5
    lost = wrapped.replace("Trưởng Ban", "Ban")
    r = lint("party-hd36/cong_van.txt", ("- Thường trực Tỉnh ủy,\n", "- Thường trực Tỉnh ủy,\n" + lost))
    assert codes(r) == ["VB281"]


def test_a_summary_that_lost_its_first_words_in_the_text_layer():
    """ "Số -CV/ĐU" / "cho ý kiến tổ chức đi thăm, chúc mừng" / "nhân kỷ niệm …" / banner / date
    (round 42): a summary in lower case, its first words lost, is the summary still (VB241 alone),
    not two garbled header lines and a missing summary."""
    r = _left_column_first("tăng cường lãnh đạo, chỉ đạo công tác\nphòng, chống thiên tai năm 2022")
    assert codes(r) == ["VB241"]
    assert (
        r.components["subject"]["text"]
        == "tăng cường lãnh đạo, chỉ đạo công tác phòng, chống thiên tai năm 2022"
    )


def test_a_form_s_heading_broken_before_its_number():
    """ "Mẫu" / "số 03" over an annex's additional page that numbers on from its form's fields,
    "7. Item No." (round 43): a form of its own, whose numbering is its own."""
    forms = "Mẫu số 01\nGIẤY CHỨNG NHẬN\n1. Tên hàng:\n2. Số lượng:\n3. Ghi chú:\nMẫu\nsố 02\nTRANG BỔ SUNG\n2. Số lượng:\n3. Ghi chú:\n"
    r = lint(TT, ("Trần Văn Thuấn\n", "Trần Văn Thuấn\n\n" + forms))
    assert codes(r) == []
    assert [a["label"] for a in r.components["body"]["annexes"]] == ["Mẫu số 01", "Mẫu số 02"]


def test_a_decree_s_page_that_glued_its_headings():
    """A crawled decree's page (round 48): "**NGHỊ ĐỊNH**Quy định …" (a bold type name and its
    summary with the line break lost), "### Chương IITHƯ VIỆN SỐ" (the numeral glued to the title)
    and "### Chương III**…**": the type, the summary and every chapter are read."""
    r = lint(
        "state-vbqppl/nghi_dinh.txt",
        ("NGHỊ ĐỊNH\nQuy định chi tiết", "**NGHỊ ĐỊNH**Quy định chi tiết"),
        ("Chương II\nTHƯ VIỆN SỐ", "### Chương IITHƯ VIỆN SỐ"),
        ("Chương III\nĐIỀU KHOẢN THI HÀNH", "### Chương III**ĐIỀU KHOẢN THI HÀNH**"),
    )
    assert codes(r) == []
    assert r.components["doc_type"]["type"] == "nghi_dinh"
    assert r.components["subject"]["text"].startswith("Quy định chi tiết")
    assert [s["label"] for s in r.components["body"]["sections"]] == ["I", "II", "III"]


def test_a_summary_that_lists_what_it_is_about():
    """ "NGHỊ ĐỊNH" / "Quy định thực hiện liên thông điện tử nhóm thủ tục hành chính:" / "Đăng ký
    thành lập hộ kinh doanh - …" / "an ninh, trật tự - …" / "Căn cứ …" (round 49): one trích yếu."""
    listed = "Quy định chi tiết một số điều của Luật Thư viện về:\nTài nguyên thông tin số - hạ tầng\nliên thông thư viện số\n"
    r = lint(
        "state-vbqppl/nghi_dinh.txt",
        ("Quy định chi tiết một số điều của Luật Thư viện về thư viện số\n", listed),
    )
    assert codes(r) == []
    assert r.components["subject"]["text"] == listed.strip().replace("\n", " ")


def test_a_table_cell_that_names_a_number():
    """An annex's table cell "Hồ sơ đầu vào như mục" / "2.3." under the step "2." (round 50): the
    item a cell points at, not "2.3" first under "2"."""
    annex = (
        "Phụ lục\nQUY TRÌNH NỘI BỘ\n1. Tiếp nhận hồ sơ\n2. Thẩm định hồ sơ\n-\nHồ sơ đầu vào như mục\n2.3.\n"
    )
    r = lint(TT, ("Trần Văn Thuấn\n", "Trần Văn Thuấn\n\n" + annex))
    assert codes(r) == []


def test_a_span_of_years_broken_at_its_dash():
    """A scan's narrow column breaks the summary inside "nhiệm kỳ 2025 - 2030", the next line
    opening with the dash: "- 2030" (round 45's scans). It is the summary's end, not an item that
    takes "Kính gửi:" into the body."""
    r = lint(
        "party-hd36/cong_van.txt",
        ("thiên tai và tìm kiếm cứu nạn mùa mưa bão năm 2022\n", "thiên tai, cứu nạn năm 2021\n- 2025\n"),
    )
    assert codes(r) == []
    assert r.components["subject"]["text"].endswith("cứu nạn năm 2021 - 2025")


def test_a_product_s_description_is_no_signature():
    """A customs notice describing a watch (round 51): "… chống nước theo chuẩn 5 ATM. Thiết bị có
    hỗ trợ định vị GPS," is no "TM." authority glued to a cell, and "1.82 inch" at a line's start
    is a measure, not section 1.82."""
    body = "khắc\nphục tình trạng thừa, thiếu cục bộ; màn hình kích thước\n1.82 inch, chống nước theo chuẩn 5 ATM. Thiết bị có hỗ trợ định vị GPS,\n"
    r = lint("state-nd30/cong_van.txt", ("khắc\nphục tình trạng thừa, thiếu cục bộ; ", body))
    assert codes(r) == []
    assert r.components["signature"]["name"] == "Nguyễn Văn Hậu"


def test_a_header_whose_issuer_cell_was_lost():
    """A resolution's page flattened into "Số: 1661/NQ-UBTVQH15 | CỘNG HÒA … Hạnh phúc" with its
    issuer cell lost (round 51): the number is read where it stands, and only the issuer is missing."""
    text = (VALID / "state-nd30/cong_van.txt").read_text(encoding="utf-8")
    head = text[: text.index("Số: 4126/BGDĐT-GDPT")]
    r = lint(
        "state-nd30/cong_van.txt",
        (head, "Số: 4126/BGDĐT-GDPT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"),
        ("Số: 4126/BGDĐT-GDPT\n", ""),
    )
    assert codes(r) == ["VB102"]
    assert r.components["number"]["seq"] == 4126


def test_a_line_ending_in_a_word_that_folds_like_buoc():
    """ "☐ Không tham gia BHXH ☐ BHXH tự nguyện ☐ BHXH bắt buộc" / "12. Thông tin …" (round 54): "bắt
    buộc" folds as "bước" does, but names no step; the "12." under it is a section."""
    r = lint(
        "state-nd30/cong_van.txt",
        (
            "học xa hơn so với trước khi sắp xếp.",
            "học xa hơn so với trước khi sắp xếp; việc rà soát là bắt buộc",
        ),
    )
    assert codes(r) == []


def test_a_label_with_a_stray_comma():
    """ "4., Phạt tiền từ 150.000.000 đồng …" (round 54): the label is read, no "5 after 3"."""
    r = lint("state-nd30/cong_van.txt", ("4. Chủ động xây dựng", "4., Chủ động xây dựng"))
    assert codes(r) == []
    assert [s["label"] for s in r.components["body"]["sections"]] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    "closing",
    [
        # round 50: the list flattened into one row that lost its label, then "( Đã ký) name |"
        "- Như trên; - Bộ trưởng (để báo cáo); - Các Thứ trưởng; - Lưu: VT, GDPT. |\n( Đã ký) Nguyễn Văn Hậu |",
        # round 32: the name, then the mark, in one cell
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, GDPT.\n\n|  | Nguyễn Văn Hậu (Đã ký) |",
    ],
)
def test_a_signature_that_kept_only_its_mark_and_the_name(closing):
    """A page that lost the signer's title cell keeps "(Đã ký)" and the name on one line: the
    signature is there (no "signature missing"), its name is read, and the list above it is the
    recipients'."""
    text = (VALID / "state-nd30/cong_van.txt").read_text(encoding="utf-8")
    r = lint("state-nd30/cong_van.txt", (text[text.index("Nơi nhận:") :], closing + "\n"))
    assert codes(r) == []
    assert r.components["signature"]["name"] == "Nguyễn Văn Hậu"
    assert r.components["recipients"]["items"][-1]["text"].startswith("- Lưu: VT, GDPT.")


def test_a_law_s_type_name_in_a_bold_block_glued_to_its_title():
    """ "**LUẬT****CÁN BỘ, CÔNG CHỨC**" (round 56): a type's name alone in the first bold block is
    a line of its own, though the block is one word; and a law whose type line is lost is still a
    law by its "Luật số:", so the report is the type name missing, not a công văn's."""
    r = lint("state-vbqppl/luat.txt", ("LUẬT\nTHƯ VIỆN SỐ\n", "**LUẬT****THƯ VIỆN SỐ**\n"))
    assert codes(r) == []
    assert (r.doc_type, r.components["subject"]["text"]) == ("luat", "THƯ VIỆN SỐ")
    r = lint("state-vbqppl/luat.txt", ("LUẬT\nTHƯ VIỆN SỐ\n", "THƯ VIỆN SỐ\n"))
    assert r.doc_type == "luat"
    assert "VB105" in codes(r) and "VB218" not in codes(r)


def test_an_article_named_at_a_line_s_start_after_its_khoan():
    """ "… thành “Sở Nội vụ” tại khoản 3" / "Điều 1." (round 56): "khoản 3 Điều 1" wrapped, not
    article 1 after article 3."""
    r = lint(
        TT,
        (
            "2. Cơ sở khám bệnh, chữa bệnh bảo đảm:",
            "2. Cơ sở khám bệnh, chữa bệnh bảo đảm các yêu cầu nêu tại khoản 3\nĐiều 1. Thông tư này và:",
        ),
    )
    assert codes(r) == []


def test_a_list_without_its_label_above_a_bare_title():
    """A UBTVQH page (rounds 40, 50): the recipients run on one row with no "Nơi nhận:", then
    "CHỦ TỊCH" / name with no authority line. The row is the recipients, not the body's last line."""
    text = (VALID / TT).read_text(encoding="utf-8")
    closing = (
        "- Ủy ban Xã hội của Quốc hội; - Sở Y tế các tỉnh, thành phố; - Lưu: VT, PC, KCB (02). |\n"
        "BỘ TRƯỞNG\nĐào Hồng Lan |\n"
    )
    r = lint(TT, (text[text.index("Nơi nhận:") :], closing))
    assert codes(r) == []
    assert len(r.components["recipients"]["items"]) == 3
    assert r.components["body"]["end_line"] < r.components["recipients"]["line"]


def test_a_head_s_title_above_its_deputy_s_is_the_level_whose_kt_was_lost():
    """ "THỐNG ĐỐC" / "PHÓ THỐNG ĐỐC" (rounds 41–55): the signer is the deputy; the head's title is
    the level "KT." should have opened, so VB304 reports it, and the facts read one title."""
    r = lint(TT, ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "BỘ TRƯỞNG\nTHỨ TRƯỞNG"))
    assert codes(r) == ["VB304"]
    sig = r.components["signature"]
    assert (sig["levels"], sig["titles"]) == (["BỘ TRƯỞNG"], ["THỨ TRƯỞNG"])


def test_a_sentence_that_opens_with_a_chapter_s_name():
    """ "Chương V của Nghị định này hết hiệu lực …" (round 58): a sentence naming a chapter, at a
    line's start, is no chapter heading ("V after VI")."""
    r = lint(
        "state-vbqppl/luat.txt",
        (
            "Điều 1. Phạm vi điều chỉnh\n",
            "Điều 1. Phạm vi điều chỉnh\nChương I của Luật này quy định chung.\n",
        ),
    )
    assert codes(r) == []


# A legal site's page as a crawler keeps it (round 59): every table row flattened into one line,
# the site's notes in square brackets inside the text.
_NOTE = "[Khoản này được sửa đổi bởi Khoản 2 Điều 1 Luật số 99/2026/QH15 có hiệu lực từ ngày 01/01/2027]"
_HEAD = (
    "QUỐC HỘI -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- Luật số:\n"
    "112/2025/QH15\nHà Nội, ngày 10 tháng 12 năm 2025 LUẬT [Thư viện số được hướng dẫn bởi Nghị định "
    "số 12/2026/NĐ-CP có hiệu lực từ ngày 01/7/2026] THƯ VIỆN SỐ\n"
)
_CHAPTER_III = ("Điều 4. Hiệu lực thi hành", "Chương III\nĐIỀU KHOẢN THI HÀNH\n\nĐiều 4. Hiệu lực thi hành")


def _of_kind(r, kind: str) -> list[dict]:
    """The body's sections of one kind, in order, at any depth."""

    def walk(sections):
        for s in sections:
            yield s
            yield from walk(s["sections"])

    return [s for s in walk(r.components["body"]["sections"]) if s["kind"] == kind]


def _chapters(r) -> list[str]:
    return [s["label"] for s in _of_kind(r, "chuong")]


def test_a_crawled_law_page_is_read_whole():
    """Header rows flattened onto the date line, the site's notes inside the type line and a
    clause, its widgets' "[JavaScript: …]": the law's parts are all read, nothing reported."""
    text = (VALID / LUAT).read_text(encoding="utf-8")
    r = lint(
        LUAT,
        (text[: text.index("Căn cứ Hiến pháp")], _HEAD),
        ("1. Nhà nước đầu tư", f"1.{_NOTE} Nhà nước đầu tư"),
        ("tài liệu quý hiếm.", "tài liệu quý hiếm. [JavaScript: LS_Tip_Type_Bookmark_bm] [ID: tc_1]"),
    )
    assert codes(r) == []
    assert (r.doc_type, r.components["subject"]["text"]) == ("luat", "THƯ VIỆN SỐ")
    assert r.components["place_date"]["year"] == 2025


def test_a_crawled_decree_s_signature_row_with_its_annex_heading():
    """ "TM. CHÍNH PHỦ KT.THỦ TƯỚNG PHÓ THỦ TƯỚNG <name> PHỤ LỤC I (Kèm theo …)": every level, the
    title and the name are read, the annex is the trailer; the lost space after "KT." is reported."""
    text = (VALID / "state-vbqppl/nghi_dinh.txt").read_text(encoding="utf-8")
    sig = text[text.index("TM. CHÍNH PHỦ") :]
    name = sig.strip().splitlines()[-1]
    row = f"TM. CHÍNH PHỦ KT.THỦ TƯỚNG PHÓ THỦ TƯỚNG {name} PHỤ LỤC I (Kèm theo Nghị định này)\n| STT | Mẫu số |\n"
    r = lint("state-vbqppl/nghi_dinh.txt", (sig, row))
    assert codes(r) == ["VB312"]
    s = r.components["signature"]
    assert (s["levels"], s["titles"], s["name"]) == (
        ["TM. CHÍNH PHỦ", "KT.THỦ TƯỚNG"],
        ["PHÓ THỦ TƯỚNG"],
        name,
    )


@pytest.mark.parametrize(("second", "want"), [("Chương I", []), ("Chương II", []), ("Chương III", ["VB261"])])
def test_a_part_s_heading_and_its_first_chapter_s_on_one_line(second, want):
    """ "Phần thứ hai … Chương I …": the chapter is read; chapters may start again from I in a new
    part (Luật Xử lý vi phạm hành chính) or run on (the Civil Code), but not skip."""
    r = lint(
        LUAT,
        ("Chương I\nNHỮNG QUY ĐỊNH CHUNG", "Phần thứ nhất NHỮNG QUY ĐỊNH CHUNG Chương I PHẠM VI"),
        ("Chương II\nTÀI NGUYÊN THÔNG TIN SỐ", f"Phần thứ hai TÀI NGUYÊN {second} TÀI NGUYÊN THÔNG TIN SỐ"),
    )
    assert codes(r) == want
    assert len(_chapters(r)) == 2


def test_chapter_headings_a_crawl_glued_or_broke():
    """A chapter's heading glued after the sentence before it ("… dạng số. Chương II TÀI …"), and
    one whose word a site's caption took ("Luật Thư viện số 2025. Chương" / "III. ĐIỀU KHOẢN …"):
    no "III after I"."""
    r = lint(
        LUAT,
        ("ở dạng số.\n\nChương II\nTÀI NGUYÊN THÔNG TIN SỐ", "ở dạng số. Chương II TÀI NGUYÊN THÔNG TIN SỐ"),
        (
            "Điều 4. Hiệu lực thi hành",
            "Luật Thư viện số 2025. Chương\nIII. ĐIỀU KHOẢN THI HÀNH\n\nĐiều 4. Hiệu lực thi hành",
        ),
    )
    assert codes(r) == []
    assert _chapters(r) == ["I", "III"]


def test_a_heading_in_capitals_ending_like_a_reference_names_nothing():
    """ "Mục 2" / "KHẤU TRỪ TIỀN TỪ TÀI KHOẢN" / "Điều 15.": the article under a heading that ends
    "tài khoản" is an article, not "khoản … Điều 15" wrapped (no "4 after 2")."""
    r = lint(LUAT, ("TÀI NGUYÊN THÔNG TIN SỐ\n", "QUẢN LÝ TÀI KHOẢN\n"))
    assert codes(r) == []


def test_a_first_decimal_run_into_its_parent_s_line():
    """ "2. … bảo đảm: 2.1. An toàn …" / "2.2. Sao lưu …": the list opens with 2.1, inline."""
    r = lint(
        TT,
        (
            "bảo đảm:\na) An toàn thông tin theo cấp độ;\nb) Sao lưu dữ liệu hằng ngày;\nc) Phân quyền",
            "bảo đảm: 2.1. An toàn thông tin theo cấp độ;\n2.2. Sao lưu dữ liệu hằng ngày;\n2.3. Phân quyền",
        ),
    )
    assert codes(r) == []


def _consolidated(end: str, *edits: tuple[str, str]):
    """The conforming law as its consolidated text (VBHN number and date on top), its closing
    from the passage line on replaced by end."""
    text = (VALID / LUAT).read_text(encoding="utf-8")
    vbhn = ("Luật số: 112/2025/QH15", "Số: 17/VBHN-VPQH\nHà Nội, ngày 10 tháng 12 năm 2025")
    return lint(LUAT, vbhn, (text[text.index("Luật này được Quốc hội") :], end), *edits)


def test_a_consolidated_law_has_no_passage_line():
    """A consolidated law (VBHN) ends with its last article and the authentication, signed by a
    title alone: no passage line asked for, and the signer's title is the title."""
    r = _consolidated("XÁC THỰC VĂN BẢN HỢP NHẤT\nCHỦ NHIỆM\n\nNguyễn Hạnh Phúc\n")
    assert "VB267" not in codes(r)
    assert r.components["signature"]["titles"] == ["CHỦ NHIỆM"]


def test_a_deputy_director_general_s_flattened_signature():
    """ "KT." / "TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG Vũ Ngọc Anh" (round 60): the level, the
    deputy's title and the name."""
    r = lint(
        "state-nd30/cong_van.txt",
        (
            "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn Hậu",
            "KT.\nTỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG Nguyễn Văn Hậu",
        ),
    )
    s = r.components["signature"]
    assert (s["levels"], s["titles"], s["name"]) == (
        ["KT. TỔNG CỤC TRƯỞNG"],
        ["PHÓ TỔNG CỤC TRƯỞNG"],
        "Nguyễn Văn Hậu",
    )
    assert "VB302" not in codes(r)


def test_labels_a_crawl_glued_to_a_table_rule_or_a_chapter_heading():
    """ "| --- | --- | 2." (a label after a Markdown table's rule) and "Chương II TÀI NGUYÊN … Điều 3.
    …" (an article's heading after its chapter's on one line), round 60: both read."""
    r = lint(
        LUAT,
        ("2. Tài nguyên thông tin số", "| Mục | Nội dung |\n| --- | --- | 2.\nTài nguyên thông tin số"),
        ("Chương II\nTÀI NGUYÊN THÔNG TIN SỐ\n\nĐiều 3.", "Chương II TÀI NGUYÊN THÔNG TIN SỐ Điều 3."),
    )
    assert codes(r) == []


def test_points_lettered_with_cyrillic_twins():
    """ "с)" and "р)" with Cyrillic letters a text took for "c)" and "p)" (round 60): the count
    goes on (no "d after b")."""
    r = lint(
        TT,
        (
            "c) Phân quyền truy cập theo chức danh.",
            "с) Phân quyền truy cập theo chức danh;\nd) Lưu trữ hồ sơ.",
        ),
    )
    assert codes(r) == []


def test_a_decision_s_heading_summary_and_enactor_on_the_date_line():
    """ "Hà Nội, ngày … QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP … ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" (round 60): a
    line in capitals longer than any heading is the heading and what followed it."""
    text = (VALID / "state-nd30/quyet_dinh.txt").read_text(encoding="utf-8")
    head = text[text.index("Lâm Đồng, ngày") : text.index("Căn cứ Luật")]
    flat = (
        "Lâm Đồng, ngày 09 tháng 9 năm 2025 QUYẾT ĐỊNH THÀNH LẬP TỔ CÔNG TÁC HỖ TRỢ VẬN HÀNH TRUNG TÂM "
        "PHỤC VỤ HÀNH CHÍNH CÔNG CẤP XÃ ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n"
    )
    r = lint("state-nd30/quyet_dinh.txt", (head, flat))
    assert r.doc_type == "quyet_dinh" and r.components["doc_type"]["text"] == "QUYẾT ĐỊNH"
    assert "VB105" not in codes(r) and "VB106" not in codes(r)


def test_an_article_quoted_under_an_announcement_that_wrapped():
    """ "4. Bổ sung" / "Điều 7a như sau:" / "“Điều 7a. …" / "1. …" … (round 60): the quoted article's
    khoản are its own, though a straight quote inside it opens what a curly one closes."""
    r = lint(
        TT,
        (
            "2. Cơ sở khám bệnh, chữa bệnh bảo đảm:",
            '2. Bổ sung\nĐiều 2a như sau:\n“Điều 2a. Lưu trữ\n1. Hồ sơ ghi "Lưu trữ” khi có yêu cầu.\n'
            "2. Hồ sơ được lưu trữ điện tử.”\n3. Cơ sở khám bệnh, chữa bệnh bảo đảm:",
        ),
    )
    assert codes(r) == []


def test_a_summary_s_line_in_capitals_that_opens_with_a_type_s_name():
    """corpus/real 020 with its type line deleted (bench.seeded): the summary in capitals wraps onto
    "BÁO CÁO ĐỀ XUẤT CHỦ TRƯƠNG ĐẦU TƯ CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA XÂY DỰNG NÔNG"; the type name
    is reported missing, and that line is no report's heading (no "type code mismatch")."""
    path = VALID.parent / "real/020_tb-631-TB-VPCP.txt"
    text = path.read_text(encoding="utf-8").replace("THÔNG BÁO\nKẾT\n", "KẾT\n", 1)
    r = lint_bytes("x.txt", text.encode("utf-8"), OPTS)
    assert "VB105" in codes(r) and "VB214" not in codes(r)


def test_crawled_pages_of_round_61():
    """ "Nghị quyết số:" / its number on the next line; "BỘ LUẬT" (a code is a law); "KT. TỔNG CỤC
    TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG <name>" on one line (the head's title holds "CỤC TRƯỞNG"); a
    consolidated text's authentication with a footnote "[[1]]" after the name."""
    r = lint("state-vbqppl/nghi_quyet.txt", ("Số: 24/2025/NQ-HĐND", "Nghị quyết số:\n24/2025/NQ-HĐND"))
    assert r.components["number"]["seq"] == 24 and "VB103" not in codes(r)
    r = lint(LUAT, ("LUẬT\nTHƯ VIỆN SỐ", "BỘ LUẬT\nTHƯ VIỆN SỐ"))
    assert (codes(r), r.doc_type) == ([], "luat")
    r = lint(
        "state-nd30/cong_van.txt",
        (
            "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn Hậu",
            "KT. TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG Nguyễn Văn Hậu",
        ),
    )
    s = r.components["signature"]
    assert (s["levels"], s["titles"]) == (["KT. TỔNG CỤC TRƯỞNG"], ["PHÓ TỔNG CỤC TRƯỞNG"])
    r = _consolidated(
        "XÁC THỰC VĂN BẢN HỢP NHẤT CHỦ NHIỆM Nguyễn Hạnh Phúc [[1]] Luật số 99/2026/QH15 có hiệu lực kể từ …\n"
    )
    assert r.components["signature"]["name"] == "Nguyễn Hạnh Phúc" and "VB303" not in codes(r)


def test_crawled_pages_of_round_62():
    """A resolution's head signing by a bare title above its annex, whose forms carry a "Nơi
    nhận:" and a "TM. …" of their own: the head's signature is the document's, the forms the
    trailer's. A form's heading glued after the signer's name ("… Trần Văn Thuấn Mẫu Quyết định số
    01/QĐ-HĐ (Ban hành kèm theo …)") is cut off."""
    form = (
        "Trần Thanh Mẫn\n\nPHỤ LỤC (Ban hành kèm theo Luật số 112/2025/QH15)\nMẪU BÁO CÁO\n"
        "Nơi nhận:\n-…………\nTM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN CHỦ TỊCH (Ký, ghi rõ họ tên, đóng dấu)\n"
    )
    r = lint(LUAT, ("Trần Thanh Mẫn", form))
    s = r.components["signature"]
    assert (codes(r), s["titles"], s["name"]) == ([], ["CHỦ TỊCH QUỐC HỘI"], "Trần Thanh Mẫn")
    row = (
        "KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Thuấn Mẫu Quyết định số 01/QĐ-HĐ (Ban hành kèm theo Thông tư này)"
    )
    r = lint(TT, ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thuấn", row))
    s = r.components["signature"]
    assert (codes(r), s["levels"], s["titles"], s["name"]) == (
        [],
        ["KT. BỘ TRƯỞNG"],
        ["THỨ TRƯỞNG"],
        "Trần Văn Thuấn",
    )
    # the next level's prefix wrapped onto the line above
    rows = "TM. CHÍNH PHỦ KT.\nTHỦ TƯỚNG PHÓ THỦ TƯỚNG Mai Văn Chính"
    r = lint(
        "state-vbqppl/nghi_dinh.txt", ("TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nMai Văn Chính", rows)
    )
    s = r.components["signature"]
    assert (codes(r), s["levels"], s["titles"]) == ([], ["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG"], ["PHÓ THỦ TƯỚNG"])
    # a number and a date line without its comma on one row: the date's form is what is wrong
    r = lint(TT, ("Số: 48/2025/TT-BYT\n\nHà Nội, ngày", "Số: 48/2025/TT-BYT Hà Nội ngày"))
    assert codes(r) == ["VB221"] and r.components["place_date"]["place"] == "Hà Nội"
    # a chapter's label glued after the enacting sentence with a comma ("…, Chương 1." / its title)
    r = lint(LUAT, ("ban hành Luật Thư viện số.\n\nChương I\n", "ban hành Luật Thư viện số, Chương I.\n"))
    assert [(d.code, d.span.line) for d in r.diagnostics] == [("VB265", 13)] and _chapters(r) == ["I", "II"]
    # whole articles quoted, the second one's opening mark lost: it is quoted still
    inserted = (
        "2. Bổ sung các Điều 9a, 9b vào sau Điều 9 Nghị định số 93/2020/NĐ-CP như sau:\n"
        "“Điều 9a. Kết nối dữ liệu\n"
        "1. Thư viện số kết nối với cơ sở dữ liệu quốc gia về thư viện.\n"
        "2. Dữ liệu được cập nhật hằng năm.”.\n"
        "Điều 9b. Chuẩn dữ liệu\n"
        "1. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn chuẩn dữ liệu dùng chung.”.\n"
        "3. Bãi bỏ Điều 11 Nghị định số 93/2020/NĐ-CP.\n"
    )
    assert _amended(inserted) == []


def test_a_heading_s_unit_word_at_the_end_of_the_heading_above_and_a_running_head():
    """ "Chương II TÀI NGUYÊN THÔNG TIN SỐ Điều" / "3. Phát triển … 1. Nhà nước …": the article is
    "Điều 3" (round 62). A chapter's heading repeated word for word above the next section of
    its own ("Mục 2" after "Mục 1": a site's running head) is no second chapter; one whose
    sections start again is."""
    r = lint(
        LUAT,
        (
            "Chương II\nTÀI NGUYÊN THÔNG TIN SỐ\n\nĐiều 3. Phát triển tài nguyên thông tin số\n1. Nhà",
            "Chương II TÀI NGUYÊN THÔNG TIN SỐ Điều\n3. Phát triển tài nguyên thông tin số 1. Nhà",
        ),
    )
    assert codes(r) == [] and [s["label"] for s in _of_kind(r, "dieu")] == ["1", "2", "3", "4"]
    head = "Chương II\nTÀI NGUYÊN THÔNG TIN SỐ\nMục {}. HIỆU LỰC\n\nĐiều 4. Hiệu lực thi hành"
    mục = ("Điều 3. Phát triển", "Mục 1. PHÁT TRIỂN\n\nĐiều 3. Phát triển")
    assert codes(lint(LUAT, mục, ("Điều 4. Hiệu lực thi hành", head.format(2)))) == []
    assert codes(lint(LUAT, mục, ("Điều 4. Hiệu lực thi hành", head.format(1)))) == ["VB261"]


def test_the_gazette_s_pages_of_round_63():
    """The Official Gazette's PDFs as their text layer reads: the motto justified across its cell
    ("Độc lập -        Tự do -      Hạnh phúc") is one line, not three cells; a consolidated text's
    type name with its footnote's number ("THÔNG TƯ1") is read as written, not through a repair."""
    r = lint(TT, ("Độc lập - Tự do - Hạnh phúc", "Độc lập -          Tự do -        Hạnh phúc"))
    assert codes(r) == [] and r.components["banner"]["motto"]
    r = lint(TT, ("THÔNG TƯ\n", "THÔNG TƯ1\n"))
    assert (codes(r), r.doc_type) == ([], "thong_tu")
    # the issuer's rule on the motto's row, the motto's own on the row below it
    rows = (
        "BỘ Y TẾ                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "   _______                 Độc lập - Tự do - Hạnh phúc\n"
        "                           ______________________________\n"
    )
    head = (
        "BỘ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    )
    assert codes(lint(TT, (head, rows))) == []


def test_crawled_pages_of_round_64():
    """A rule that shows how a signature is written ("… thì ghi như sau:" / "TM." / "ỦY BAN NHÂN
    DÂN… (ghi tên …) CHỦ TỊCH Chữ ký, đóng dấu …") is no signature; "… tại" / "Mục 3 Chương này;
    …" is a reference wrapped onto the line, no heading; "…, Chương 1 NHỮNG QUY ĐỊNH CHUNG" glued
    after the enacting sentence is the chapter."""
    rule = (
        "2. Bộ Văn hóa, Thể thao và Du lịch ghi phần ký như sau:\n"
        "TM.\n"
        "ỦY BAN NHÂN DÂN... (ghi tên đơn vị hành chính) CHỦ TỊCH Chữ ký, đóng dấu và họ tên người ký;\n"
    )
    r = lint("state-vbqppl/nghi_dinh.txt", (_LAST_CLAUSE, rule))
    assert codes(r) == [] and r.components["signature"]["name"] == "Mai Văn Chính"
    wrapped = "2. Khuyến khích tổ chức, cá nhân tặng tài liệu theo quy định tại\nMục 5 Chương này; …\n"
    r = lint(
        LUAT,
        ("Điều 3. Phát triển", "Mục 1. PHÁT TRIỂN\n\nĐiều 3. Phát triển"),
        ("2. Khuyến khích tổ chức, cá nhân tặng, cho tài liệu số.\n", wrapped),
        ("Điều 4. Hiệu lực thi hành", "Mục 2. HIỆU LỰC\n\nĐiều 4. Hiệu lực thi hành"),
    )
    assert codes(r) == []
    r = lint(
        LUAT,
        (
            "ban hành Luật Thư viện số.\n\nChương I\nNHỮNG QUY ĐỊNH CHUNG",
            "ban hành Luật Thư viện số, Chương I NHỮNG QUY ĐỊNH CHUNG",
        ),
    )
    assert [(d.code, d.span.line) for d in r.diagnostics] == [("VB265", 13)] and _chapters(r) == ["I", "II"]
    # a consolidated text's authentication heading before the Nơi nhận beside it, the signer after
    end = (
        "XÁC THỰC VĂN BẢN HỢP NHẤT\nNơi nhận:\n- Văn phòng Chính phủ (để đăng Công báo);\n- Lưu: HC, TH.\n"
        "CHỦ NHIỆM Nguyễn Hạnh Phúc\n"
    )
    r = _consolidated(end)
    s = r.components["signature"]
    assert (s["titles"], s["name"], "VB303" in codes(r)) == (["CHỦ NHIỆM"], "Nguyễn Hạnh Phúc", False)


def _gazette_consolidated(heading: str, last: str = ""):
    """A consolidated law as the gazette prints it: no issuer or number on top, they stand in its
    end block under the heading; signed "CHỦ NHIỆM" with no authority. last: the body's last lines."""
    text = (VALID / LUAT).read_text(encoding="utf-8")
    top = text[: text.index("LUẬT\nTHƯ VIỆN SỐ")]
    cite = (
        "Luật số 46/2014/QH13 sửa đổi, bổ sung một số điều của Luật Thư viện có căn cứ ban\nhành như sau:\n"
    )
    end = (
        f"VĂN PHÒNG QUỐC HỘI          {heading}\n"
        "Số: 28/VBHN-VPQH            Hà Nội, ngày 07 tháng 12 năm 2025\n"
        "CHỦ NHIỆM\n\nNguyễn Hạnh Phúc\n"
    )
    r = lint(
        LUAT,
        (top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"),
        ("Căn cứ Hiến pháp", cite + "Căn cứ Hiến pháp"),
        (text[text.index("Luật này được Quốc hội") :], last + end),
    )
    c = r.components
    assert (c["issuer"]["text"], c["number"]["symbol"], c["signature"]["name"]) == (
        "VĂN PHÒNG QUỐC HỘI",
        "VBHN-VPQH",
        "Nguyễn Hạnh Phúc",
    )
    return r


def test_the_gazette_s_consolidated_law_with_its_heading_misprinted():
    """ "XÁC NHẬN VĂN BẢN HỢP NHẤT" (round 69, a printed slip): the end block is read all the same,
    and the one report is the heading's wording (VB314), not its issuer, number and date missing."""
    assert codes(_gazette_consolidated("XÁC NHẬN VĂN BẢN HỢP NHẤT")) == ["VB314"]


def test_the_gazette_s_consolidated_law_signed_by_title():
    """A consolidated law as the gazette prints it (round 65): its number and date under "XÁC THỰC
    VĂN BẢN HỢP NHẤT", signed by title alone; a sentence citing a law's number ("Luật số
    46/2014/QH13 sửa đổi …") is not its number."""
    assert codes(_gazette_consolidated("XÁC THỰC VĂN BẢN HỢP NHẤT")) == []
    # nor a law cited in a justified line whose wide gaps cut it into cells (round 75)
    cited = (
        "Luật Thư viện số 46/2019/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số\n"
        "31/2024/QH15,        Luật   số   43/2024/QH15,          Luật   số   48/2024/QH15   hết hiệu lực.\n"
    )
    assert codes(_gazette_consolidated("XÁC THỰC VĂN BẢN HỢP NHẤT", cited)) == []
    # a clause's number with the footnote mark a consolidated text glues after its stop ("2.14 …")
    glued = (
        "2. Tài nguyên thông tin số là tập hợp tài liệu ở dạng số.",
        "2.14 Tài nguyên thông tin số là tập hợp tài liệu ở dạng số.\n3. Tài liệu số là tài liệu ở dạng số.",
    )
    assert codes(lint(LUAT, glued)) == []


def test_a_justified_line_s_gaps_are_no_columns():
    """A PDF's text layer spreads a justified line's words apart; a wider gap in it is no column
    (round 65: "… khoản  1,  2,  3     Điều  18" read as the heading "Điều 18")."""
    line = "cung  cấp  thông  tin  được          quy  định  tại    khoản  1,  2,  3     Điều  18"
    r = lint(
        TT,
        (
            "khai thác hồ sơ bệnh án điện tử.\n",
            f"khai thác hồ sơ bệnh án điện tử và\n{line}\nNghị định này.\n",
        ),
    )
    assert codes(r) == []


def test_an_article_cited_at_a_justified_line_s_start_is_no_heading():
    """ "… Điều 10, Điều 11," / "Điều 12          và Điều 13      như sau:": the gap after the
    cited article is the justified line's, not a column beside a heading "Điều 12" (round 65: two
    VB261, "12" after "1" and "2" after "12")."""
    r = lint(
        TT,
        (
            "khai thác hồ sơ bệnh án điện tử.\n",
            "khai thác hồ sơ bệnh án điện tử theo Điều 10, Điều 11,\n"
            "Điều 12          và Điều 13      của Thông tư này.\n",
        ),
    )
    assert codes(r) == []


def test_a_table_row_s_number_is_no_section():
    """A PDF's text layer gives a table row as one line, its cells far apart: the number that
    opens the row is no clause (round 66: a consolidated decree's table "1. Nhóm 1: …  Dưới  Từ 500
    …" under "2.19" / "a)" took the next clause "3." into its rows: "3" after "3")."""
    rows = "".join(
        f" {k}. Nhóm {k}: {name}          Dưới       Từ {lo}     Từ 1.500    Từ 2.000        Từ\n"
        f" {detail}        đồng       1.500 tỷ    2.000 tỷ    3.000 tỷ    đồng trở\n"
        for k, name, lo, detail in (
            (1, "Ngân hàng, tài chính", 500, "(không bao gồm chứng khoán)"),
            (2, "Khai thác dầu khí", 300, "khoáng sản, điện"),
            (3, "Các lĩnh vực còn lại", 200, "còn lại"),
        )
    )
    r = lint(
        TT,
        ("2. Cơ sở", "2.19 Cơ sở"),  # a consolidated text's footnote mark glued to the clause number
        ("a) An toàn thông tin theo cấp độ;\n", f"a) An toàn thông tin theo cấp độ như sau:\n{rows}"),
        (
            "c) Phân quyền truy cập theo chức danh.\n",
            "c) Phân quyền truy cập theo chức danh.\n3. Cơ sở lưu trữ.\n",
        ),
    )
    assert codes(r) == []


def test_a_bracket_the_page_never_shows_is_not_the_signer_s():
    """A gazette text layer ends a signer's title with a "]" the page does not show (round 65:
    "PHÓ THỦ TƯỚNG]")."""
    r = lint(TT, ("THỨ TRƯỞNG\n", "THỨ TRƯỞNG]\n"))
    assert codes(r) == [] and r.components["signature"]["titles"] == ["THỨ TRƯỞNG"]


def test_an_article_of_this_document_announced_by_its_list_is_its_own():
    """ "… quy định tại Điều 5 hoặc Điều 6 Thông tư này, cụ thể như sau:" / "Điều 5. …": the
    document's own next article, not a restated one (round 67: Điều 5 lost, "6" after "4")."""
    r = lint(
        TT,
        (
            "Thông tư này quy định về lập, ký, lưu trữ và khai thác hồ sơ bệnh án điện tử.\n",
            "Cơ sở áp dụng theo một trong các trường hợp quy\nđịnh tại Điều 2 hoặc Điều 3 Thông tư này, cụ thể như sau:\n",
        ),
    )
    assert codes(r) == [] and [s["label"] for s in r.components["body"]["sections"]] == ["1", "2", "3", "4"]


def test_form_fields_side_by_side_in_an_annex_count_in_their_list():
    """A form's fields two to a line, a column of check boxes beside them: "1. Họ và tên: ……
    2. Giới tính:      Nam      Nữ" / "3. …" (round 67: "3" after "1", the line's "2." read in the
    column the row was cut into last)."""
    form = (
        "\nPhụ lục\nTỜ KHAI\n"
        "1. Họ và tên:................................. 2. Giới tính:          Nam            Nữ\n"
        "3. Ngày, tháng, năm sinh:.../.../... 4. Số điện thoại:..................\n"
        "5. Nơi đăng ký thường trú:.............................................\n"
    )
    r = lint(TT, ("Trần Văn Thuấn", "Trần Văn Thuấn" + form))
    assert codes(r) == []


def test_a_joint_number_wrapped_under_itself_beside_the_date_is_one_number():
    """ "Số: 01/2022/TTLT-VKSNDTC-      Hà Nội, ngày …" / "TANDTC-BCA-BQP-BLĐTBXH": the symbol goes
    on under the number, the date beside it (round 67: VB112, the rest read as an issuer)."""
    r = lint(
        TT,
        (
            "Số: 48/2025/TT-BYT\n\nHà Nội, ngày 05 tháng 12 năm 2025",
            "Số: 48/2025/TT-                Hà Nội, ngày 05 tháng 12 năm 2025\nBYT-BCA-BQP",
        ),
    )
    assert codes(r) == [] and r.components["number"]["text"] == "Số: 48/2025/TT-BYT-BCA-BQP"


AMENDING_ARTICLE_1 = (
    "Thông tư này quy định về lập, ký, lưu trữ và khai thác hồ sơ bệnh án điện tử.\n\n"
    "Điều 2. Yêu cầu đối với hồ sơ bệnh án điện tử\n"
)


def test_a_quotation_s_close_with_the_next_article_glued_to_it():
    """A flattened page glues the next article to the quotation's close: '… theo quy định."Điều 2.
    …' (round 68: the quotation never closed, its clauses and the lost article: 2 × VB261)."""
    r = lint(
        TT,
        (
            AMENDING_ARTICLE_1,
            "1. Sửa đổi khoản 2 và khoản 3 Điều 5 Thông tư số 46/2018/TT-BYT như sau:\n"
            "“2. Hồ sơ được lưu trữ theo quy định.\n"
            '3. Hồ sơ được khai thác theo quy định."Điều 2. Yêu cầu đối với hồ sơ bệnh án điện tử\n',
        ),
    )
    assert codes(r) == [] and [s["label"] for s in r.components["body"]["sections"]] == ["1", "2", "3", "4"]


def test_an_amended_article_named_on_a_line_of_its_own_is_no_heading():
    """ "20. Sửa đổi, bổ sung" / "Điều 45:" / "“Điều 45. …": the article the item amends, its
    name wrapped onto a line of its own (round 68: "45" after "66", then "67" after "45")."""
    r = lint(
        TT,
        (
            AMENDING_ARTICLE_1,
            "1. Sửa đổi, bổ sung\nĐiều 6:\n“Điều 6. Lưu trữ hồ sơ\nHồ sơ được lưu trữ 10 năm.”\n\n"
            "Điều 2. Yêu cầu đối với hồ sơ bệnh án điện tử\n",
        ),
    )
    assert codes(r) == []


def test_table_cells_that_cite_articles_are_no_sections():
    """An annexed procedure's table names the article of each step: "| BMQT | Điều 40 |", "| Điều
    14 |" (round 68: 13 × VB261 on one decree's annex)."""
    table = (
        "\nPhụ lục\nQUY TRÌNH LẬP HỒ SƠ\n| Bước | Thực hiện | Căn cứ |\n|---|---|---|\n"
        "| 1. Lập hồ sơ | Cơ sở | Điều 40 |\n| Ký số | Điều 41 |\n| 2. Lưu trữ | Cơ sở | Điều 14 |\n"
        "| Điều 54 |\n| 3. Khai thác | Cơ sở | Điều 17 |\n"
    )
    r = lint(TT, ("Trần Văn Thuấn", "Trần Văn Thuấn" + table))
    assert codes(r) == []


# A law of 1993 as a legal site keeps it: articles without titles or stops, the clauses' dashes
# ("1- …") run on after the article's number and after the site's notes in brackets
_1993_ARTICLES = [
    "Điều 1 Đất đai thuộc sở hữu toàn dân do Nhà nước thống nhất quản lý.",
    "Điều 2 1- Người sử dụng đất ổn định được cơ quan Nhà nước có thẩm quyền xét và cấp giấy chứng nhận.\n"
    "2- Nhà nước không thừa nhận việc đòi lại đất đã giao cho người khác sử dụng.",
    "Điều 3 [Điều này được sửa đổi bởi Khoản 2 Điều 1 Luật đất đai sửa đổi 1998] 1- Nhà nước bảo hộ quyền"
    " và lợi ích hợp pháp của người sử dụng đất. [Khoản này được hướng dẫn bởi Nghị định 17/1999/NĐ-CP] 2- Hộ"
    " gia đình, cá nhân được Nhà nước giao đất có quyền chuyển đổi.\n"
    "3- Quyền và nghĩa vụ của các tổ chức trong nước do Chính phủ quy định.",
    *(f"Điều {n} Người sử dụng đất có trách nhiệm sử dụng đất hợp lý theo khoản {n}." for n in range(4, 13)),
]
_1993_LAW = "\n".join(
    [
        "QUỐC HỘI ******** CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ********",
        "Số: 24-L/CTN",
        "Hà Nội, ngày 14 tháng 7 năm 1993 LUẬT ĐẤT ĐAI",
        "Căn cứ vào các điều 17, 18 và 84 của Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992;",
        "Luật này quy định chế độ quản lý, sử dụng đất đai.",
        "Chương 1:",
        "NHỮNG QUY ĐỊNH CHUNG",
        *_1993_ARTICLES,
        "Luật này được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá IX, kỳ họp thứ 3 thông qua ngày"
        " 14 tháng 7 năm 1993.",
        "Nông Đức Mạnh (Đã ký)",
    ]
)


def test_a_1993_law_s_untitled_articles_and_dashed_clauses():
    """Round 68: a 1993 law (articles "Điều 14 1- Chính phủ …", "Điều 4 Người sử dụng đất …",
    numbered "24-L/CTN") gave 22 × VB261 and VB401. Its articles are read one by one, each clause
    list on its own; its number is the State's form of its time (VB212 says it is not today's)."""
    r = lint_bytes("x.txt", _1993_LAW.encode("utf-8"), OPTS)
    assert codes(r) == ["VB212"]
    chapter = r.components["body"]["sections"][0]
    assert [s["label"] for s in chapter["sections"]] == [str(n) for n in range(1, 13)]
    assert [[c["label"] for c in s["sections"]] for s in chapter["sections"][1:3]] == [["1", "2"], ["1", "3"]]


def test_a_repealed_section_keeps_its_place():
    """A consolidated text keeps a repealed section's place, its footnote's mark glued to the
    label, and the point that replaces it takes its letter: "b)27 (được bãi bỏ)" / "b)28 Vận
    chuyển …" (round 65: "b" after "b")."""
    r = lint(
        TT, ("a) An toàn thông tin theo cấp độ;\n", "a) An toàn thông tin theo cấp độ;\nb)27 (được bãi bỏ)\n")
    )
    assert codes(r) == []


def test_joint_signatures_in_rows_of_two_blocks_are_read_block_by_block():
    """A joint circular signs in rows of two blocks; a page read row by row interleaves them
    (round 67: five blocks read as one, its title "TÒA ÁN … VIỆN KIỂM SÁT … PHÓ CHÁNH ÁN PHÓ VIỆN
    TRƯỞNG")."""
    rows = (
        "        KT. BỘ TRƯỞNG                                KT. BỘ TRƯỞNG\n"
        "          BỘ Y TẾ                                    BỘ CÔNG AN\n"
        "        THỨ TRƯỞNG                                   THỨ TRƯỞNG\n\n"
        "       Trần Văn Thuấn                          Trung tướng Lê Quốc Hùng\n\n"
        "                           KT. BỘ TRƯỞNG\n"
        "                           BỘ TÀI CHÍNH\n"
        "                            THỨ TRƯỞNG\n\n"
        "                          Đỗ Thành Trung\n"
    )
    r = lint(TT, ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thuấn\n", rows))
    sig = r.components["signature"]
    assert (sig["levels"], sig["titles"], sig["name"]) == (
        ["KT. BỘ TRƯỞNG BỘ Y TẾ"],
        ["THỨ TRƯỞNG"],
        "Trần Văn Thuấn",
    )
    assert [(c["levels"], c["name"]) for c in sig["cosigners"]] == [
        (["KT. BỘ TRƯỞNG BỘ CÔNG AN"], "Lê Quốc Hùng"),
        (["KT. BỘ TRƯỞNG BỘ TÀI CHÍNH"], "Đỗ Thành Trung"),
    ]


def test_an_opening_mark_drawn_high_reversed_opens_a_quotation():
    """A font draws the opening mark as "‟" (U+201F): "b) Sửa đổi khoản 2 như sau:" / "‟2. …”"
    (round 69: the quoted clauses counted as the text's own, "5" after "5")."""
    r = lint(
        TT,
        (
            "2. Cơ sở khám bệnh, chữa bệnh bảo đảm:\n",
            "2. Sửa đổi khoản 1 và khoản 2 Điều 5 Thông tư số 46/2018/TT-BYT như sau:\n"
            "‟1. Hồ sơ được lưu trữ theo quy định.\n2. Hồ sơ được khai thác theo quy định.”\n"
            "3. Cơ sở khám bệnh, chữa bệnh bảo đảm:\n",
        ),
    )
    assert codes(r) == []


def test_a_table_row_numbered_as_a_decimal_is_no_section():
    """ "21.6   Phải đi lại trong lúc làm việc, km/ca …     4     > 4 -7     > 7 -10 …": a table
    row's number, here a decimal without its stop (round 69: "21.6" after "2.2")."""
    rows = "".join(
        f" {n}   Phải đi lại trong lúc làm việc, km/ca (có thao tác trên        4      > 4 -7     > 7 -10       > 10 -17 > 17 -25\n"
        for n in ("21.5", "21.6")
    )
    r = lint(
        TT,
        (
            "a) An toàn thông tin theo cấp độ;\nb) Sao lưu dữ liệu hằng ngày;\nc) Phân quyền truy cập theo chức danh.\n",
            f"2.1. An toàn thông tin theo cấp độ;\n2.2. Sao lưu dữ liệu theo mức sau:\n{rows}",
        ),
    )
    assert codes(r) == []


def test_a_point_s_long_line_that_ends_naming_an_article_runs_on():
    """ "a) Điều 1, Điều 2, Điều 7, Điều 10, Điều 13 (trừ điểm b.11 khoản 1 Điều" / "13) và Điều
    16 …": the article's number wrapped, not a clause "13)" (round 69: "13" after "7")."""
    r = lint(
        TT,
        (
            "a) An toàn thông tin theo cấp độ;\n",
            "a) An toàn thông tin theo Điều 1, Điều 2, Điều 7, Điều 10 (trừ điểm b khoản 1 Điều\n"
            "13) và Điều 16 Thông tư số 46/2018/TT-BYT;\n",
        ),
    )
    assert codes(r) == []


def test_a_justified_point_spread_like_a_table_row_keeps_its_label():
    """A justified line's words spread as far apart as a table's cells hold no figures: "d)   Không
    đảm    bảo một    trong  các điều kiện …" is the point "d)" (round 69, after its fixes)."""
    r = lint(
        TT,
        (
            "c) Phân quyền truy cập theo chức danh.\n",
            "c) Phân quyền truy cập theo chức danh;\n"
            "d)   Không    đảm    bảo một    trong  các điều kiện     tương ứng đối      với tổ chức\n"
            "chứng nhận theo quy định;\nđ) Lưu vết truy cập.\n",
        ),
    )
    assert codes(r) == []


def test_an_annex_heading_spread_across_its_cell_is_not_the_signer_s_name():
    """ "Phụ    lục": the annex's heading spread across its cell, under the signer's name (round 70:
    the name read "Nguyễn Văn Thắng Phụ")."""
    r = lint(TT, ("Trần Văn Thuấn\n", "Trần Văn Thuấn\n\n                    Phụ    lục\nMẪU BÁO CÁO\n"))
    assert r.components["signature"]["name"] == "Trần Văn Thuấn"


def test_a_repealed_article_keeps_its_place_only_where_it_stands():
    """ "Điều 3. 18 (được bãi bỏ)" / "Điều 3. …" (round 71: a consolidated decree's repealed
    article, then the one replacing it, "3" after "3"); a stub whose number reads out of place
    ("Điều 45.31 (được bãi bỏ)" before "Điều 44.") is no count either."""
    r = lint(
        TT,
        ("Điều 3. Hiệu lực thi hành\n", "Điều 3. 18 (được bãi bỏ)\nĐiều 3. Hiệu lực thi hành\n"),
        ("Điều 4. Trách nhiệm thi hành\n", "Điều 5.31 (được bãi bỏ)\nĐiều 4. Trách nhiệm thi hành\n"),
    )
    assert codes(r) == []


def test_an_article_cited_at_a_sentence_s_end_is_no_heading():
    """A justified line's last gap before the article it cites, "… theo quy định tại         Điều 14",
    and a sentence ending on the next line with the article, "… tại" / "Điều 10." (round 71: four
    VB261)."""
    r = lint(
        TT,
        (
            "Thông tư này quy định về lập, ký, lưu trữ và khai thác hồ sơ bệnh án điện tử.\n",
            "hồ sơ được theo dõi và hạch toán theo quy định tại         Điều 3\nThông tư này. Cụm từ"
            " “khoản 1 Điều 8” được chỉnh sửa tại\nĐiều 2.\n",
        ),
    )
    assert codes(r) == []


def test_the_head_s_title_and_the_deputy_s_on_one_line():
    """ "KT. BỘ TRƯỞNG THỨ TRƯỞNG": a text layer's row of the signature's two lines (round 71: the
    title read missing, VB302)."""
    r = lint(TT, ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n", "KT. BỘ TRƯỞNG THỨ TRƯỞNG\n"))
    s = r.components["signature"]
    assert (codes(r), s["levels"], s["titles"]) == ([], ["KT. BỘ TRƯỞNG"], ["THỨ TRƯỞNG"])


def test_an_article_that_amends_a_chapter_quotes_it_however_long():
    """ "Điều 4. Sửa đổi, bổ sung Chương IV" / "“Chương IV" / its articles 69, 70, 71 … "”." over
    far more lines than a quotation is looked for: the articles are the chapter's, not the decree's
    own (round 72: "69" after "4", "5" after "71")."""
    clauses = "".join(
        f"{k}. Chánh Thanh tra có quyền phạt cảnh cáo theo Nghị định số 118/2021/NĐ-CP;\n"
        for k in range(1, 40)
    )
    chapter = (
        "Điều 3. Sửa đổi, bổ sung Chương IV\n\n“Chương IV\nTHẨM QUYỀN LẬP BIÊN BẢN, XỬ PHẠT VI PHẠM HÀNH CHÍNH\n\n"
        f"Điều 69. Thẩm quyền lập biên bản\nNgười có thẩm quyền lập biên bản là công chức.\nĐiều 70. Thẩm quyền xử phạt\n{clauses}"
        f"Điều 71. Thẩm quyền khác\n{clauses}40. Chánh Thanh tra có quyền phạt tiền.”.\nĐiều 4. Hiệu lực thi hành\n"
    )
    r = lint(TT, ("Điều 3. Hiệu lực thi hành\n", chapter), ("Điều 4. Trách nhiệm", "Điều 5. Trách nhiệm"))
    assert codes(r) == []


def test_a_chapter_named_after_a_comma_at_a_line_s_start_is_a_reference():
    """ "… và Chương II," / "Chương III Thông tư số 40/2017/TT-BTC được sửa đổi …" (round 72: "III"
    after "IV", then "V" after "III")."""
    r = lint(
        TT,
        (
            "Thông tư này quy định về lập, ký, lưu trữ và khai thác hồ sơ bệnh án điện tử.\n",
            "Chương I\nQUY ĐỊNH CHUNG\nThông tư này thay thế khoản 1 Mục II Thông tư số 06/2007/TT-BTC và Chương II,\n"
            "Chương III Thông tư số 40/2017/TT-BTC được sửa đổi, bổ sung bởi Thông tư số 12/2025/TT-BTC.\n"
            "Chương II\nQUY ĐỊNH CỤ THỂ\n",
        ),
    )
    assert codes(r) == []


def test_a_table_s_cell_that_cites_a_point_is_no_section():
    """A form's table laid out with spaces: a cell that opens with the points it cites ("giếng thang
    và ngưỡng         2.2.11 và 2.2.12 đáp ứng", round 72) is no section; one that goes on with its
    list is ("1      An Giang     1.9. Chi khu …")."""
    rows = (
        "\nPHỤ LỤC\nBIÊN BẢN KIỂM ĐỊNH\n1. Kiểm tra thiết bị\n1.1. Kiểm tra cabin\n1.2. Kiểm tra cửa tầng\n"
        "   -   Mặt bên trong của vách       điểm 2.1.4, 2.2.10,          Đáp ứng\n"
        "       giếng thang và ngưỡng         2.2.11 và 2.2.12 đáp ứng\n"
        "   -   Kiểm tra bộ giảm chấn         2.7 QCVN 02:2019.           đáp ứng\n"
        "   -   Kiểm tra bảng điện            2.9 QCVN 02:2019            đáp ứng\n"
        "   -   Tỉnh An Giang                 1.3. Kiểm tra puli\n"
    )
    r = after_the_signature(rows)
    listed = r.components["body"]["annexes"][0]["sections"][0]["sections"]
    assert (codes(r), [s["label"] for s in listed]) == ([], ["1.1", "1.2", "1.3"])
    # the points it cites alone on their line, far in, under the cell that names them (round 72)
    wrapped = rows.replace(
        "   -   Tỉnh An Giang",
        "   -   Lối vào giếng thang           Đánh giá theo điểm          Đáp ứng/Không\n"
        "                                     2.1.2 QCVN 02:2019          đáp ứng\n"
        "                                    Đánh giá theo các\n"
        "                                    2.5.9 và 2.5.10 QCVN\n"
        "   -   Tỉnh An Giang",
    )
    assert codes(after_the_signature(wrapped)) == []


def test_an_issuer_s_last_line_under_the_date_of_a_header_read_row_by_row():
    """ "SỞ GIÁO DỤC VÀ ĐÀO TẠO    CỘNG HÒA …" / "HỘI ĐỒNG XÉT THĂNG HẠNG    Đồng Tháp, ngày …" /
    "CDNN VIÊN CHỨC NĂM 2025" (round 79): the issuer's third line, under the date's row, is the
    issuer's, not a misplaced line."""
    header = (
        "ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHƯỜNG BÃI CHÁY                          Độc lập - Tự do - Hạnh phúc\n"
        "BAN CHỈ ĐẠO PHÒNG CHỐNG                  Bãi Cháy, ngày 15 tháng 6 năm 2026\n"
        "THIÊN TAI PHƯỜNG\n\nSố: 142/BC-UBND\n"
    )
    r = lint(
        "state-nd30/bao_cao.txt",
        (
            "ỦY BAN NHÂN DÂN\nPHƯỜNG BÃI CHÁY\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 142/BC-UBND\n\nBãi Cháy, ngày 15 tháng 6 năm 2026\n",
            header,
        ),
    )
    assert codes(r) == []
    assert r.components["issuer"]["text"].endswith("THIÊN TAI PHƯỜNG")


# the tờ trình's closing as corpus/valid has it, for the forms a text layer gives it (round 80, 81)
TO_TRINH_CLOSING = (
    "Nơi nhận:\n- Như trên;\n- Giám đốc, các Phó Giám đốc Sở;\n- Lưu: VT, QLCS.\n\n"
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nLâm Văn Sơn"
)
TO_TRINH_SIGNER = (["KT. GIÁM ĐỐC"], ["PHÓ GIÁM ĐỐC"], "Lâm Văn Sơn")


def signed_by(r) -> tuple:
    """The signature's levels, titles and name, as a reader sees them (a text layer's spacing aside)."""
    sig = r.components["signature"]
    return [" ".join(x.split()) for x in sig["levels"]], sig["titles"], " ".join(sig["name"].split())


def with_footer(footer: str, *edits: tuple[str, str], allowed: tuple[str, ...] = ()):
    """The tờ trình with its closing as a text layer gave it (and other edits): nothing reported
    but the codes allowed, and the signature read whole."""
    r = lint("state-nd30/to_trinh.txt", (TO_TRINH_CLOSING, footer), *edits)
    assert [c for c in codes(r) if c not in allowed] == []
    assert signed_by(r) == TO_TRINH_SIGNER
    return r


def test_a_justified_paragraph_s_spread_words_are_no_columns():
    """A PDF's text layer that keeps the page's spacing spreads a justified paragraph's words apart
    ("Sau       khi    phương  án …", round 80): the line is one line of the body, not cells cut at
    every gap, so the note under its "./." is still a note (no VB262); a header's row, with one
    wide gap among single spaces, is still cut into its two columns."""
    spread = (
        "Sau       khi    phương   án    được     phê   duyệt,    Sở   Tài     chính    hướng   dẫn\n"
        "các      cơ     quan,    đơn    vị,      địa    phương   tổ    chức   thực    hiện;   định   kỳ\n"
        "hằng  quý  báo  cáo  Ủy  ban  nhân  dân  tỉnh  kết  quả  xử  lý.\n\n"
        "Sở       Tài     chính    kính      trình    Ủy    ban    nhân     dân     tỉnh    xem      xét,\n"
        "phê duyệt./.\n"
        "(Sở      Tài     chính     gửi     kèm      dự      thảo     Quyết     định    và    Phụ    lục\n"
        "danh mục cơ sở nhà, đất)\n"
    )
    body = (
        "Sau khi phương án được phê duyệt, Sở Tài chính hướng dẫn các cơ quan, đơn vị,\n"
        "địa phương tổ chức thực hiện; định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh kết\n"
        "quả xử lý.\n\n"
        "(Kèm theo dự thảo Quyết định phê duyệt phương án và Phụ lục danh mục cơ sở nhà,\n"
        "đất).\n\n"
        "Sở Tài chính kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./.\n"
    )
    r = lint("state-nd30/to_trinh.txt", (body, spread))
    assert codes(r) == []
    lines = layout(normalize(spread))
    assert [ln.text.split()[:2] for ln in lines[:2]] == [["Sau", "khi"], ["các", "cơ"]] and len(lines) == 7
    row = layout(normalize("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"))
    assert [ln.text for ln in row] == ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_the_authority_beside_the_list_s_first_item_goes_back_above_its_title():
    """ "Nơi nhận:" alone, then "- Như trên;      KT. GIÁM ĐỐC" / "- Giám đốc Sở (để b/c);      PHÓ
    GIÁM ĐỐC" / "- Lưu: VT, TCBC." (a text layer's rows, round 80): the signature is read whole and
    the list keeps its three items (no VB282, VB302, VB303)."""
    rows = (
        "Nơi nhận:\n"
        "- Như trên;                                               KT. GIÁM ĐỐC\n"
        "- Giám đốc, các Phó Giám đốc Sở;                           PHÓ GIÁM ĐỐC\n"
        "- Lưu: VT, QLCS.\n\n\n\n"
        "                                                           Lâm Văn Sơn"
    )
    r = with_footer(rows)
    assert len(r.components["recipients"]["items"]) == 3


def test_a_text_layer_s_spread_header_row_and_signature_are_read():
    """A PDF text layer (a ministry's letter, round 81) spreads every word of the header's row
    ("BỘ   TƯ  PHÁP             CỘNG    HOÀ    XÃ …"): the row parts at its widest gap. Its
    "Nơinhận:" lost a space, and the authority beside it, the title beside the first item and the
    name beside the one before the Lưu line are the signature's: read whole, the list before it."""
    header = (
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSỞ TÀI CHÍNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n"
    )
    rows = (
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
        "  SỞ   TÀI   CHÍNH              CỘNG    HÒA    XÃ   HỘI   CHỦ   NGHĨA     VIỆT   NAM\n"
        "                                   Độc   lập - Tự  do  - Hạnh    phúc\n"
    )
    footer = (
        " Nơinhận:                                           KT. GIÁM ĐỐC\n"
        " -Như trên;                                          PHÓ GIÁM ĐỐC\n"
        " -Giám đốc, các Phó Giám đốc Sở;                     Lâm Văn Sơn\n"
        " -Lưu: VT, QLCS.\n"
    )
    r = with_footer(footer, (header, rows), allowed=("VB121",))  # ("Nơinhận:" is asked to be written right)
    assert r.components["issuer"]["text"].split()[-2:] == ["TÀI", "CHÍNH"]
    assert len(r.components["recipients"]["items"]) == 3


def test_a_list_item_wrapped_under_its_text_or_in_its_note_goes_on():
    """Items a text layer wraps without a dash (round 81): lines hanging under the item's text
    (" - VPCP: BTCN, …;" / "   Trợ lý, Thư ký TTg, …"), or its note in brackets ("- Thành viên
    … tỉnh" / "(Sở Nội vụ, …," / "Sở Tài chính);"): the list goes on to its Lưu line, and the
    signature beside it is read whole."""
    footer = (
        " Nơi nhận:                                            KT. GIÁM ĐỐC\n"
        " - Như trên;                                          PHÓ GIÁM ĐỐC\n"
        " - VPCP: BTCN, PCN Phạm Mạnh Cường;\n"
        "   Trợ lý, Thư ký TTg, các PTTg: Nguyễn Hòa Bình,\n"
        "    Nguyễn Chí Dũng, Phạm Thị Thanh Trà;\n"
        "   Cổng TTĐT;\n"
        " - Thành viên và Tổ giúp việc của Hội đồng tỉnh\n"
        " (Sở Nội vụ, Văn phòng UBND tỉnh, Sở Tư pháp,\n"
        " Sở Tài chính);\n"
        " - Lưu: VT, QLCS.                                      Lâm Văn Sơn\n"
    )
    r = with_footer(footer)
    assert r.components["recipients"]["items"][-1]["text"].startswith("- Lưu")


def test_a_pdf_s_number_row_with_a_blank_day_glued_and_the_drafter_in_small_type():
    """An office copy's text layer (round 82): "Số:    /SNV-TCBC      Lâm Đồng, ngàytháng    năm
    2026" (the words around the blank day glued), and "- Lưu: VT, CCHC     (Hoài)." (the drafter's
    name in small type, placed far right): the date line is read, and the Lưu line keeps its end."""
    header = "Số: 1856/TTr-STC\n\nAn Giang, ngày 10 tháng 9 năm 2025\n"
    row = "     Số:           /TTr-STC                                An Giang, ngàytháng     năm 2025\n"
    footer = (
        "Nơi nhận:                                                     KT. GIÁM ĐỐC\n"
        "- Như trên;                                                   PHÓ GIÁM ĐỐC\n"
        "- Giám đốc, các Phó Giám đốc Sở;\n"
        "- Lưu: VT, QLCS                                               (Hoài).\n\n\n"
        "                                                              Lâm Văn Sơn\n"
    )
    pd = with_footer(footer, (header, row)).components["place_date"]
    assert (pd["place"], pd["day"], pd["month"], pd["year"]) == ("An Giang", None, None, 2025)


def test_a_drafter_s_name_placed_after_the_lu_u_line_s_stop():
    """A text layer that puts the drafter's name in small type far right of the Lưu line's stop
    ("- Lưu: VT, NC.          Châu", round 87), under a signature whose title stands beside
    "Nơi nhận:": the list keeps its three items and the signature its name."""
    footer = (
        "Nơi nhận:                                                  KT. GIÁM ĐỐC\n"
        "                                                            PHÓ GIÁM ĐỐC\n"
        "- Như trên;\n"
        "- Giám đốc, các Phó Giám đốc Sở;\n"
        "- Lưu: VT, QLCS.                             Châu\n\n\n"
        "                                                            Lâm Văn Sơn\n"
    )
    items = with_footer(footer).components["recipients"]["items"]
    assert len(items) == 3 and items[-1]["text"].startswith("- Lưu: VT, QLCS.")


def test_a_footer_and_a_note_whose_words_a_text_layer_spread_apart():
    """An office's PDF text layers (round 84): the title's words spread ("KT. GIÁM         ĐỐC"), an
    item's ("- Giám đốc,       các Phó       Giám đốc Sở;"), the Lưu line's after a comma and
    inside its bracket ("- Lưu: VT,          QLCS (          Sơn)."), and a note under the body's
    "./." wrapped over five lines, two of them cut into cells: the signature and the list are read
    whole, the note is a note (no VB262, VB283, VB302, VB303)."""
    footer = (
        "Nơi nhận:                                               KT. GIÁM         ĐỐC\n"
        "- Như trên;                                              PHÓ GIÁM ĐỐC\n"
        "- Giám đốc,       các Phó       Giám đốc Sở;\n"
        "- Lưu: VT,          QLCS (          Sơn).\n\n\n"
        "                                                         Lâm Văn Sơn\n"
    )
    end = "Sở Tài chính kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./.\n"
    note = end + (
        "(Sở Tài chính gửi kèm Tờ trình số 34/TTr-STC               ngày 24/3/2026 của\n"
        "Ban quản lý xin phê duyệt Đề án sắp xếp cơ sở nhà, đất của các cơ quan lần\n"
        "thứ I, giai đoạn 2026-2031 và các hồ sơ liên quan đến Đề án; dự thảo\n"
        "Quyết định về việc phê duyệt Đề án sắp xếp cơ sở nhà, đất của các cơ quan lần\n"
        "thứ I,       giai đoạn 2026 -                          2031)\n"
    )
    r = with_footer(footer, (end, note))
    assert len(r.components["recipients"]["items"]) == 3
