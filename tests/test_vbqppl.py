"""The state-vbqppl profile: which documents it takes, the regime of their date, the preamble as
read, and the shared checks it runs. Each defect of its own has a sample in corpus/invalid-vbqppl
(tests/test_corpus.py); what those samples cannot show is here."""

import re
from datetime import date
from pathlib import Path

import pytest

from linter.layout import layout
from linter.lex import lex
from linter.lint import lint_bytes
from linter.model import build, preamble
from linter.normalize import normalize
from linter.parse import parse
from linter.result import Options

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "corpus" / "valid" / "state-vbqppl"
REAL = ROOT / "corpus" / "real"


def check(text: str, **kw):
    return lint_bytes("t.txt", text.encode(), Options(today=date(2026, 11, 22), **kw))


def doc_of(text: str):
    toks = lex(layout(normalize(text)))
    tree, dropped = parse(toks)
    return build(tree, toks, dropped)


def valid(name: str) -> str:
    return (VALID / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("place_date", "regime"),
    [
        ("Hà Nội, ngày 28 tháng 3 năm 2025", "NĐ 34/2016"),
        ("Hà Nội, ngày 28 tháng 4 năm 2025", "NĐ 78/2025/NĐ-CP:"),  # NĐ 78 as first issued
        ("Hà Nội, ngày 28 tháng 7 năm 2025", "sửa đổi bởi NĐ 187/2025"),
    ],
)
def test_the_regime_is_the_one_of_the_documents_date(place_date, regime):
    text = valid("nghi_dinh.txt").replace("Hà Nội, ngày 28 tháng 7 năm 2025", place_date)
    r = check(text + "\n")
    assert r.profile == "state-vbqppl"
    assert regime in r.profile_reason + ":"


def test_a_law_without_a_date_line_is_dated_by_its_passage():
    r = check(valid("luat.txt"))
    assert r.profile == "state-vbqppl" and "dated 10/12/2025" in r.profile_reason


def test_forcing_state_nd30_says_the_document_is_out_of_its_scope_and_judges_nothing_else():
    text = valid("quyet_dinh.txt").replace("Số: 12/2025/QĐ-UBND", "Số: 12/2025/QĐ-UBND\n\nSố 3")
    auto = check(text)
    assert auto.profile == "state-vbqppl"
    forced = check(text, profile="state-nd30")
    assert {d.name for d in forced.diagnostics} == {"legal-normative"}


def test_an_administrative_quyet_dinh_stays_with_nd30():
    text = (ROOT / "corpus" / "valid" / "state-nd30" / "quyet_dinh.txt").read_text(encoding="utf-8")
    assert check(text).profile == "state-nd30"


def test_the_preamble_is_read_as_clauses_wherever_the_lines_wrap():
    text = valid("quyet_dinh.txt")
    # the copy of a web page: each clause broken after its first word, two clauses on one line
    text = text.replace("Căn cứ Luật Xây dựng", "Căn\ncứ Luật Xây dựng").replace(
        "viên Ủy ban nhân dân tỉnh;\nỦy ban nhân dân tỉnh ban hành",
        "viên Ủy ban nhân dân tỉnh; Ủy\nban nhân dân tỉnh ban hành",
    )
    kinds = [(c.kind, c.mark) for c in preamble(doc_of(text))]
    assert kinds == [("basis", ";")] * 3 + [("proposal", ";"), ("enacting", ".")]


def test_a_missing_enacting_sentence_is_judged_by_the_regime():
    old = "Ủy ban nhân dân tỉnh ban hành Quyết định quy định phân cấp quản lý nhà nước về\ntrật tự xây dựng trên địa bàn tỉnh Lâm Đồng."
    text = valid("quyet_dinh.txt").replace(old, "QUYẾT ĐỊNH:")
    assert "vbqppl-enacting-formula" in {d.name for d in check(text).diagnostics}
    before = text.replace("ngày 18 tháng 9 năm 2025", "ngày 18 tháng 9 năm 2024").replace(
        "/2025/QĐ", "/2024/QĐ"
    )
    assert check(before).diagnostics == []  # NĐ 34/2016: local documents ended with "QUYẾT ĐỊNH:"


def test_preamble_punctuation_is_fixed_in_place():
    text = valid("quyet_dinh.txt").replace(
        "thành\nviên Ủy ban nhân dân tỉnh;", "thành\nviên Ủy ban nhân dân tỉnh."
    )
    (d,) = check(text).diagnostics
    assert d.name == "vbqppl-preamble-punctuation" and d.fix.replacement == ";"


def test_the_number_gets_its_year_from_the_date_as_an_unsafe_fix():
    (d,) = check(valid("nghi_dinh.txt").replace("215/2025/NĐ-CP", "215/NĐ-CP")).diagnostics
    assert d.name == "vbqppl-number-year" and d.fix.applicability == "unsafe" and d.fix.replacement == "2025/"


def test_a_consolidated_text_needs_its_authentication():
    r = check((REAL / "048_vbhn-92-VBHN-BQP.txt").read_text(encoding="utf-8"))
    assert r.profile == "state-vbqppl" and "Pháp lệnh 01/2012" in r.profile_reason
    assert "vbhn-authentication" not in {d.name for d in r.diagnostics}
    text = (REAL / "048_vbhn-92-VBHN-BQP.txt").read_text(encoding="utf-8")
    text = text.replace("XÁC THỰC VĂN BẢN", "").replace("\nHỢP NHẤT\n", "\n", 1)
    assert "vbhn-authentication" in {d.name for d in check(text).diagnostics}


def test_a_military_rank_before_the_signers_name_is_not_ocr_damage():
    text = valid("thong_tu.txt").replace("Trần Văn Thuấn", "Thượng tướng Vũ Hải Sản")
    assert check(text).diagnostics == []
    garbled = valid("thong_tu.txt").replace("Trần Văn Thuấn", "Thượng tướng vũ Hải Sản")
    assert "line-garbled" in {d.name for d in check(garbled).diagnostics}


def test_a_heading_broken_after_its_first_word_is_one_heading():
    text = valid("nghi_dinh.txt").replace("Điều 4. Liên thông", "Điều\n4. Liên thông")
    r = check(text)
    assert r.diagnostics == []
    assert "4" in [s["label"] for s in r.components["body"]["sections"][1]["sections"]]


def test_a_wrapped_citation_of_an_article_is_no_heading():
    text = valid("nghi_dinh.txt").replace(
        "Nghị định này áp dụng đối với thư viện công lập, thư viện ngoài công lập và cơ\nquan",
        "Nghị định này áp dụng đối với đối tượng quy định tại khoản 2\nĐiều 7 Luật Thư viện và cơ\nquan",
    )
    assert check(text).diagnostics == []


def test_real_normative_documents_are_all_taken_by_the_profile():
    # named <n>_<type>-<number>-<year>-…: a year in the number
    normative = [
        p for p in sorted(REAL.glob("*.txt")) if re.match(r"\d+_[a-z]+-\d+-20\d\d-|\d+_vbhn", p.name)
    ]
    assert len(normative) >= 20
    for p in normative:
        if "1654" in p.name:  # "Số: 1654/NQ-UBTVQH15": no year, an administrative resolution
            continue
        r = check(p.read_text(encoding="utf-8"))
        assert r.profile == "state-vbqppl", p.name


def test_the_type_code_of_a_legal_text_is_checked_against_its_type_name():
    (d,) = check(valid("nghi_dinh.txt").replace("Số: 215/2025/NĐ-CP", "Số: 215/2025/TT-CP")).diagnostics
    assert d.name == "state-type-code-mismatch" and '"NĐ"' in d.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Ủy ban nhân dân tỉnh ban hành Quyết định", "Ủy ban nhân dân tỉnh ban hảnh Quyết đinh"),  # OCR
        ("Ủy ban nhân dân tỉnh ban hành Quyết định", "Ủy ban nhân dân tỉnh bạn hành Quyêt định"),
    ],
)
def test_an_enacting_sentence_misread_is_not_reported_missing(old, new):
    assert check(valid("quyet_dinh.txt").replace(old, new)).diagnostics == []


def test_damaged_marks_of_a_passage_line_and_of_an_authentication_still_count():
    text = valid("nghi_quyet.txt").replace("thông qua ngày", "thong qưa ngày")
    assert check(text).diagnostics == []
    vbhn = (REAL / "048_vbhn-92-VBHN-BQP.txt").read_text(encoding="utf-8").replace("XÁC THỰC", "XÁC THƯC")
    assert "vbhn-authentication" not in {d.name for d in check(vbhn).diagnostics}


def test_mục_and_tiểu_mục_nest_between_chương_and_điều():
    text = valid("luat.txt").replace(
        "Chương II\nTÀI NGUYÊN THÔNG TIN SỐ\n",
        "Chương II\nTÀI NGUYÊN THÔNG TIN SỐ\n\nMục 1\nPHÁT TRIỂN\n\nTiểu mục 1\nSỐ HÓA\n",
    )
    r = check(text.replace("Điều 4. Hiệu lực", "Tiểu mục 2\nHIỆU LỰC\n\nĐiều 4. Hiệu lực"))
    assert r.diagnostics == []
    (muc,) = r.components["body"]["sections"][1]["sections"]
    assert [(s["kind"], s["label"], [d["label"] for d in s["sections"]]) for s in muc["sections"]] == [
        ("tieu_muc", "1", ["3"]),
        ("tieu_muc", "2", ["4"]),
    ]


def test_a_copy_that_lost_its_date_line_is_not_judged_by_the_newest_rules():
    text = valid("nghi_dinh.txt").replace(
        "Căn cứ Luật Thư viện số 46/2019/QH14;", "Căn cứ Luật Thư viện ngày 21 tháng 11 năm 2019;"
    )
    assert "vbqppl-law-cited-by-number" in {d.name for d in check(text).diagnostics}
    undated = {d.name for d in check(text.replace("Hà Nội, ngày 28 tháng 7 năm 2025\n", "")).diagnostics}
    assert undated == {"missing-place-date"}


def test_a_consolidated_texts_footnote_mark_glued_to_a_clause_number_is_read():
    text = valid("nghi_dinh.txt").replace("2. Bộ Văn hóa, Thể thao", "2.[3] Bộ Văn hóa, Thể thao")
    r = check(text)
    assert r.diagnostics == []
    assert "2" in [s["label"] for s in r.components["body"]["sections"][1]["sections"][1]["sections"]]


def test_a_one_digit_footnote_mark_glued_to_a_first_clause_is_not_a_decimal():
    """ "1.2  Thông tư này …" under "Điều 1.", "2. …" next: clause 1 and footnote 2 (a gazette copy
    of a consolidated circular); a real "1.2" stands under its clause "1." or after "1.1"."""
    text = valid("nghi_dinh.txt").replace("1. Thư viện số kết nối", "1.2  Thư viện số kết nối")
    r = check(text)
    assert r.diagnostics == []
    assert [s["label"] for s in r.components["body"]["sections"][1]["sections"][1]["sections"]] == ["1", "2"]
    decimals = text.replace(
        "1.2  Thư viện số kết nối", "1. Kết nối\n1.1 Thư viện số\n1.2 Thư viện số kết nối"
    )
    clause = check(decimals).components["body"]["sections"][1]["sections"][1]["sections"][0]
    assert [s["label"] for s in clause["sections"]] == ["1.1", "1.2"]


def test_a_classification_s_codes_are_numbered_under_their_group():
    """ "1. Loại hình kinh tế Nhà nước" / "11. Tổ chức do Nhà nước nắm giữ 100% vốn" / "12. …" /
    "2. …" / "21. …": a classification's codes as headings (round 74), its group's number and one
    digit more, not a numbering that skips from 1 to 11."""
    codes = (
        "1. Loại hình kinh tế Nhà nước\n11. Tổ chức do Nhà nước nắm giữ 100% vốn\n"
        "12. Tổ chức do Nhà nước nắm giữ trên 50% vốn\n2. Loại hình kinh tế tập thể\n21. Hợp tác xã\n"
    )
    clauses = (
        "1. Thư viện số kết nối với cơ sở dữ liệu quốc gia về thư viện.\n"
        "2. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn chuẩn dữ liệu dùng chung.\n"
    )
    text = valid("nghi_dinh.txt").replace(clauses, codes)
    r = check(text)
    assert r.diagnostics == []
    groups = r.components["body"]["sections"][1]["sections"][1]["sections"]
    assert [(g["label"], [c["label"] for c in g["sections"]]) for g in groups[:2]] == [
        ("1", ["11", "12"]),
        ("2", ["21"]),
    ]
    skipped = check(text.replace("12. Tổ chức", "13. Tổ chức"))  # a code skipped in its group
    assert [(d.name, d.span.line) for d in skipped.diagnostics] == [("section-numbering", 48)]


def test_a_quotation_inside_a_quoted_article_does_not_close_it():
    """ "“Điều 45. …" / "2. Bổ sung khoản 3 … như sau “3." / "… cấp huyện”." / "3. …./.”.": the
    clause the quoted article adds closes on its own line; the article's quotation goes on to its
    own close (round 73: a consolidated text's notes)."""
    quoted = (
        "2. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn chuẩn dữ liệu dùng chung.\n"
        "3. Điều 45 Thông tư số 05/2020/TT-BLĐTBXH được sửa đổi như sau:\n"
        "“Điều 45. Hiệu lực thi hành\n"
        "1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 10 năm 2020.\n"
        "2. Bổ sung khoản 3 vào Điều 1 Thông tư số 57/2015/TT-BLĐTBXH như sau “3.\n"
        "Điều lệ này không áp dụng đối với trung tâm giáo dục nghề nghiệp cấp huyện”.\n"
        "3. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ./.”.\n"
        "4. Thư viện số cập nhật dữ liệu hằng năm.\n"
    )
    text = valid("nghi_dinh.txt").replace(
        "2. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn chuẩn dữ liệu dùng chung.\n", quoted
    )
    assert check(text).diagnostics == []


def test_a_long_quotation_announced_over_several_lines_is_read_whole():
    """ "3. Cắt giảm thời gian …" / two more lines / "như sau:" / "“1. …" / … / "15. …”." (round 75: an
    amended article of 130 lines): the clause that announces it lets the quotation run past 60
    lines to its close."""
    clauses = "".join(
        f"{n}. Khoản {n} của điều được sửa đổi.\n" + "Dòng tiếp theo của khoản.\n" * 4 for n in range(2, 16)
    )
    quoted = (
        "2. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn chuẩn dữ liệu dùng chung.\n"
        "3. Cắt giảm thời gian thực hiện đối với thủ tục cấp điều chỉnh giấy phép\n"
        "hoạt động đối với trường hợp thay đổi quy mô hoạt động, phạm vi\n"
        "hoạt động chuyên môn quy định tại Điều 66 Nghị định số 96/2023/NĐ-CP\n"
        "như sau:\n“1. Nộp hồ sơ.\n" + clauses.rstrip("\n") + "”.\n"
        "4. Thư viện số cập nhật dữ liệu hằng năm.\n"
    )
    text = valid("nghi_dinh.txt").replace(
        "2. Bộ Văn hóa, Thể thao và Du lịch hướng dẫn chuẩn dữ liệu dùng chung.\n", quoted
    )
    assert check(text).diagnostics == []


def test_a_letter_a_sentence_wrapped_onto_its_line_is_no_point():
    """ "… bác sỹ, y sỹ, điều dưỡng, kỹ thuật" / "y). Người đứng đầu …" (round 75): a letter out of
    its place with a stop after it ends a sentence; a point in its place so written is still one."""
    wrapped = (
        "b) Tài liệu được nộp lưu chiểu ở dạng số, do người có chuyên môn bác sỹ, y sỹ, kỹ thuật\n"
        "y). Người đứng đầu thư viện quyết định số lượng phù hợp với thực tế;\n"
    )
    text = valid("nghi_dinh.txt").replace("b) Tài liệu được nộp lưu chiểu ở dạng số;\n", wrapped)
    assert check(text).diagnostics == []
    stray = valid("nghi_dinh.txt").replace("c) Cơ sở dữ liệu thư mục;", "c). Cơ sở dữ liệu thư mục;")
    assert check(stray).diagnostics == []
    skipped = valid("nghi_dinh.txt").replace(
        "c) Cơ sở dữ liệu thư mục;\nd)", "d). Cơ sở dữ liệu thư mục;\nd)"
    )
    assert [d.name for d in check(skipped).diagnostics] == ["section-numbering"]


def test_points_quoted_from_the_amended_text_keep_their_own_letters():
    text = valid("nghi_dinh.txt").replace(
        "2. Tài nguyên thông tin số được tổ chức theo các nhóm sau đây:\na) Tài liệu số hóa từ vốn tài liệu của thư viện;\nb) Tài liệu được nộp lưu chiểu ở dạng số;",
        "2. Sửa đổi, bổ sung điểm a, c khoản 1 Điều 3 Nghị định số 93/2020/NĐ-CP như sau:\na) Tài liệu số hóa từ vốn tài liệu của thư viện;",
    )
    assert "b) Tài liệu được nộp" not in text and check(text).diagnostics == []
    skipped = valid("nghi_dinh.txt").replace("b) Tài liệu được nộp lưu chiểu ở dạng số;\n", "")
    assert {d.name for d in check(skipped).diagnostics} == {"section-numbering"}


def test_a_long_summary_in_capitals_naming_other_documents_is_read_whole():
    names = "\n".join(
        ["BÃI BỎ QUYẾT ĐỊNH"]
        + ["SỐ 55/2014/QĐ-UBND NGÀY 31/12/2014 CỦA ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG QUY ĐỊNH VỀ QUẢN"] * 9
        + ["LÝ TRẬT TỰ XÂY DỰNG"]
    )
    old = "Quy định phân cấp quản lý nhà nước về trật tự xây dựng\ntrên địa bàn tỉnh Lâm Đồng"
    r = check(valid("quyet_dinh.txt").replace(old, names))
    assert (r.components["subject"]["line"], r.components["subject"]["end_line"]) == (13, 23)
    assert r.diagnostics == []


def test_a_party_form_tl_is_one_report_and_the_preamble_is_read_once():
    text = valid("thong_tu.txt").replace("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "T/L BỘ TRƯỞNG\nCỤC TRƯỞNG")
    assert [d.name for d in check(text).diagnostics] == ["state-authority-party-form"]
    doc = doc_of(valid("quyet_dinh.txt"))
    from linter.rules.body import _clauses

    assert _clauses(doc) is _clauses(doc) and [c.kind for c in _clauses(doc)][-1] == "enacting"


def test_a_proposal_that_ends_with_a_comma_is_one_clause_and_the_sentence_another():
    # the enacting sentence opens its own line: it is read, and the comma is VB265's
    text = valid("quyet_dinh.txt").replace("nhân dân tỉnh;\nỦy ban", "nhân dân tỉnh,\nỦy ban")
    assert text != valid("quyet_dinh.txt")
    r = check(text)
    assert [d.code for d in r.diagnostics if d.severity != "info"] == ["VB265"]


def test_an_enacting_sentence_that_names_no_type_is_no_missing_sentence():
    # "Ủy ban nhân dân tỉnh ban hành Quy chế …." (no "Quyết định"): a sentence is there
    text = valid("quyet_dinh.txt").replace("ban hành Quyết định quy định", "ban hành Quy chế quy định")
    assert "VB266" not in {d.code for d in check(text).diagnostics}


def test_a_note_wrapped_under_a_recipient_belongs_to_it():
    text = valid("quyet_dinh.txt")
    item = next(
        ln for ln in text.splitlines() if ln.startswith("- ") and ln.endswith(";") and "Như" not in ln
    )
    r = check(text.replace(item, item + "\n(B/c)", 1))
    assert not [d for d in r.diagnostics if d.severity != "info"]
    items = r.components["recipients"]["items"]
    assert any(i["text"] == item + " (B/c)" for i in items)


@pytest.mark.parametrize("name", ["luat.txt", "thong_tu.txt"])
@pytest.mark.parametrize("left", ["{last}", "dạh {last}"])
def test_a_name_a_stamp_cut_is_read_and_sent_for_review(name, left):
    # a poor scan with a stamp over the signature reads "Trần Thanh Mẫn" as "Mẫn" or "dạh Mẫn"
    text = valid(name)
    full = text.rstrip().splitlines()[-1]
    remnant = left.format(last=full.split()[-1])
    r = check(text.replace(full, remnant))
    assert r.components["signature"]["name"] == remnant
    assert [(d.code, d.severity) for d in r.diagnostics if d.severity != "info"] == [("VB132", "warning")]


def test_whole_articles_quoted_in_a_note_run_past_sixty_lines_to_their_close():
    """A consolidated text's note under its last chapter's heading, "Điều 2 và Điều 3 của Nghị định
    số … được sửa đổi như sau:" / "“Điều 2. …" / 70 lines / "Điều 3. …" / "… Nghị định này.”" (round
    76): the quotation of whole articles, announced by no numbered section, runs to its close."""
    note = (
        "ĐIỀU KHOẢN THI HÀNH\n\n"
        "Điều 2 và Điều 3 của Nghị định số 87/2021/NĐ-CP ngày 29 tháng 9 năm 2021 của\n"
        "Chính phủ được sửa đổi, bổ sung như sau:\n"
        "“Điều 2. Hiệu lực thi hành\n"
        + "Nội dung của điều được sửa đổi, bổ sung theo quy định của Chính phủ.\n"
        * 70
        + "Điều 3. Trách nhiệm thi hành\n"
        "Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này.”\n"
    )
    text = valid("nghi_dinh.txt").replace("ĐIỀU KHOẢN THI HÀNH\n", note)
    assert check(text).diagnostics == []


def test_a_consolidated_text_s_name_may_open_like_a_body_sentence():
    """ "NGHỊ ĐỊNH" / "Thực hiện thí điểm quản lý lao động, tiền lương …" over a consolidated text
    whose issuer, number and date stand in its end block (round 76): the name it consolidates."""
    text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "NGHỊ ĐỊNH\nThực hiện thí điểm quản lý lao động, tiền lương, tiền thưởng\n"
        "đối với một số tập đoàn kinh tế, tổng công ty nhà nước\n\n"
        "Nghị định số 20/2020/NĐ-CP ngày 17 tháng 02 năm 2020 của Chính phủ thực hiện thí điểm\n"
        "quản lý lao động, tiền lương, có hiệu lực từ ngày 01 tháng 4 năm 2020, được sửa đổi,\n"
        "bổ sung bởi Nghị định số 87/2021/NĐ-CP ngày 29 tháng 9 năm 2021 của Chính phủ.\n\n"
        "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định việc thực hiện thí điểm.\n\n"
        "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ ngày 01 tháng 4 năm 2020.\n\n"
        "BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\n-------\nSố: 1166/VBHN-BLĐTBXH\n\n"
        "XÁC THỰC VĂN BẢN HỢP NHẤT\n\nHà Nội, ngày 22 tháng 3 năm 2024\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn Hồi\n"
    )
    doc = doc_of(text)
    assert doc.components["doc_type"]["type"] == "nghi_dinh"
    assert doc.components["subject"]["text"].startswith("Thực hiện thí điểm quản lý lao động")
    assert "missing-subject" not in [d.name for d in check(text).diagnostics]


def test_a_table_s_row_numbers_stand_in_their_own_column_mid_row():
    """An action plan's table as a text layer gives it (round 76): the row's number on the row's
    third line, a wide gap before the text that goes on from the line above, a justified line
    whose cells stay together ("… theo    các   tỉnh,     bộ  phận  về  các  tổ" / "2.      hướng tinh gọn
    …"), even when that line ends in a word a number follows ("… tôn chỉ, mục" / "V.       đích,
    …"): every number is read, none is a sentence's end or a reference."""

    def row(label: str, first: str, second: str, third: str) -> str:
        # (the V row's other columns ended a line above: its second line is its text alone)
        cells = "các   tỉnh,     Bộ Tư pháp,         bộ  phận  về  các  tổ" if label != "V." else ""
        return f"         {first:<56}Bộ Ngoại\n         {second:<56}{cells}\n{label:<9}{third:<56}giao\n"

    table = "\nPHỤ LỤC\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\n" + "".join(
        row(label, "Kiện toàn, tổ chức bộ phận phụ trách công tác", second, third)
        for label, second, third in [
            ("IV.", "phi chính phủ nước ngoài của các địa phương theo", "hướng tinh gọn, mạnh, hiện đại,"),
            ("1.", "quản lý và Ủy ban công tác về các tổ chức phi", "chính phủ nước ngoài tại Việt Nam"),
            ("2.", "phi chính phủ nước ngoài của các địa phương theo", "hướng tinh gọn, mạnh, hiện đại,"),
            (
                "3.",
                "hướng dẫn, kiểm tra triển khai thực hiện công tác",
                "định kỳ giám sát, thanh tra, kiểm tra",
            ),
            ("V.", "chức nhân dân, phi lợi nhuận có tôn chỉ, mục", "đích, lĩnh vực ưu tiên phù hợp với"),
            ("1.", "dân, phi lợi nhuận, các quỹ xã hội và quỹ từ", "thiện hoạt động vì mục đích nhân đạo"),
            ("VI.", "chỉ đạo, điều phối công tác phi chính phủ nước", "ngoài ở các cấp, các ngành"),
        ]
    )
    text = valid("nghi_quyet.txt") + table
    assert [d.name for d in check(text).diagnostics if d.code.startswith("VB26")] == []
    skipped = text.replace("\n3.       định kỳ", "\n4.       định kỳ")
    assert [d.name for d in check(skipped).diagnostics if d.code.startswith("VB26")] == ["section-numbering"]


def test_a_head_s_bare_title_and_name_above_annexes_whose_forms_sign_for_others():
    """ "BỘ TRƯỞNG" / "Nguyễn Chí Dũng" / "Phụ lục I" with a form's "ĐẠI DIỆN CƠ QUAN TRƯNG CẦU" /
    "(Ký, ghi rõ họ tên)" (round 76): the minister signs the circular, not the form's party."""
    text = valid("thong_tu.txt")
    start = text.index("Nơi nhận:")
    body = text[:start]
    signed = (
        body
        + "BỘ TRƯỞNG\n\nNguyễn Chí Dũng\n\n"
        + "Phụ lục I\nMẪU BIÊN BẢN GIAO NHẬN HỒ SƠ\n(Ban hành kèm theo Thông tư số 28/2024/TT-BKHĐT)\n\n"
        + "1. Bên giao: ……………\n2. Bên nhận: ……………\n\n"
        + "ĐẠI DIỆN CƠ QUAN TRƯNG CẦU          ĐẠI DIỆN……………(3)\n"
        + "(Ký, ghi rõ họ tên)                   (Ký, ghi rõ họ tên)\n"
    )
    doc = doc_of(signed)
    sig = doc.components["signature"]
    assert sig["titles"] == ["BỘ TRƯỞNG"] and sig["name"] == "Nguyễn Chí Dũng"
    assert "signer-name-missing" not in [d.name for d in check(signed).diagnostics]
