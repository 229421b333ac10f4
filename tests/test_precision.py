"""Every report right (issue 13, item 5): defects that used to pass silently, one problem reported
once, and parts read whole when hard wrapping splits them. Each case edits a conforming document of
corpus/valid and checks the exact reports."""

from datetime import date
from pathlib import Path

import pytest

from linter.lint import lint_bytes
from linter.result import Options

VALID = Path(__file__).resolve().parent.parent / "corpus/valid"
OPTS = Options(today=date(2026, 11, 22))


def lint(src: str, old: str, new: str):
    text = (VALID / src).read_text(encoding="utf-8")
    assert old in text
    return lint_bytes("x.txt", text.replace(old, new, 1).encode("utf-8"), OPTS)


def reports(r) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in r.diagnostics]


CV = "state-nd30/cong_van.txt"
SIGNED = "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"


# -- signature blocks wrapped by hard line breaks -------------------------------------------------
@pytest.mark.parametrize(
    "block, levels, titles",
    [
        (
            "TL.\nBỘ TRƯỞNG\nKT. VỤ TRƯỞNG VỤ PHÁP CHẾ\nPHÓ VỤ TRƯỞNG",
            ["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ PHÁP CHẾ"],
            ["PHÓ VỤ TRƯỞNG"],
        ),
        (
            "TL.\nCỤC TRƯỞNG\nKT.\nTRƯỞNG BAN\nPHÓ TRƯỞNG BAN",
            ["TL. CỤC TRƯỞNG", "KT. TRƯỞNG BAN"],
            ["PHÓ TRƯỞNG BAN"],
        ),
        (
            "TL. BỘ\nTRƯỞNG\nKT. VỤ TRƯỞNG\nPHÓ VỤ TRƯỞNG",
            ["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG"],
            ["PHÓ VỤ TRƯỞNG"],
        ),
        ("KT.\nBỘ TRƯỞNG\nTHỨ TRƯỞNG", ["KT. BỘ TRƯỞNG"], ["THỨ TRƯỞNG"]),
        (
            "KT. GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ\nMÔI TRƯỜNG\nPHÓ GIÁM ĐỐC",
            ["KT. GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"],
            ["PHÓ GIÁM ĐỐC"],
        ),
    ],
)
def test_a_wrapped_signature_is_read_whole_level_by_level(block, levels, titles):
    r = lint(CV, SIGNED, block)
    s = r.components["signature"]
    assert (s["levels"], s["titles"], s["name"]) == (levels, titles, "Nguyễn Văn Hậu")
    assert reports(r) == []


def test_a_wrapped_authority_with_no_title_under_it_is_reported():
    r = lint(CV, SIGNED, "KT. GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ\nMÔI TRƯỜNG")
    assert [c for c, _ in reports(r)] == ["VB302"]


# -- the authority's written form (VB312) ---------------------------------------------------------
@pytest.mark.parametrize(
    "written, fixed",
    [
        ("KT BỘ TRƯỞNG", "KT. BỘ TRƯỞNG"),
        ("KT.BỘ TRƯỞNG", "KT. BỘ TRƯỞNG"),
        ("KT . BỘ TRƯỞNG", "KT. BỘ TRƯỞNG"),
    ],
)
def test_a_state_authority_without_its_stop_or_space_is_reported_and_fixed(written, fixed):
    r = lint(CV, "KT. BỘ TRƯỞNG", written)
    (d,) = r.diagnostics
    assert d.code == "VB312" and f'"{fixed}"' in d.message and d.fix.applicability == "safe"
    line = written.splitlines()[0]
    assert d.fix.replacement + line[d.fix.span.end_column - 1 :] == fixed


def test_a_prefix_in_the_wrong_case_is_reported_once():
    assert [c for c, _ in reports(lint(CV, "KT. BỘ TRƯỞNG", "Kt. BỘ TRƯỞNG"))] == ["VB121"]


# -- the number's leading zero (VB207) -------------------------------------------------------------
@pytest.mark.parametrize("seq, fixed", [("04126", "4126"), ("015", "15"), ("005", "05"), ("5", "05")])
def test_a_number_has_one_leading_zero_below_ten_and_none_above(seq, fixed):
    r = lint(CV, "Số: 4126/", f"Số: {seq}/")
    (d,) = r.diagnostics
    assert d.code == "VB207" and d.fix.replacement == fixed


def test_a_number_below_ten_with_its_zero_is_right():
    assert reports(lint(CV, "Số: 4126/", "Số: 05/")) == []


# -- recipients -------------------------------------------------------------------------------------
def test_a_recipient_with_no_mark_at_all_is_reported_and_fixed():
    r = lint(CV, "- Như trên;", "- Như trên")
    (d,) = r.diagnostics
    assert d.code == "VB285" and d.fix.replacement == ";"


def test_a_misplaced_semicolon_is_reported_without_a_guess_at_the_fix():
    r = lint(CV, "- Bộ trưởng (để báo cáo);", "- Bộ trưởng; để báo cáo")
    (d,) = r.diagnostics
    assert d.code == "VB285" and d.fix is None


def test_a_note_in_brackets_after_the_semicolon_is_accepted():
    """Printed beside a brace that groups several recipients, "(để b/c)" lands after the ";" of
    each when the page is copied as text: not the drafter's mistake (two readers disagreed)."""
    assert reports(lint(CV, "- Bộ trưởng (để báo cáo);", "- Bộ trưởng; (để báo cáo)")) == []


def test_van_thu_spelt_out_on_the_luu_line_is_abbreviated():
    r = lint(CV, "- Lưu: VT, GDPT.", "- Lưu: Văn thư, GDPT.")
    (d,) = r.diagnostics
    assert (d.code, d.fix.replacement) == ("VB288", "VT")


# -- one problem, one report -----------------------------------------------------------------------
def test_a_cong_van_summary_opening_ve_breaks_the_prefix_rule_only():
    r = lint(CV, "V/v hướng dẫn", "Về hướng dẫn")
    assert [c for c, _ in reports(r)] == ["VB241"]
    assert r.components["subject"]["line"] == 8


def _sections(labels: list[str]):
    """The công văn with its body's sections replaced by one line under each label."""
    text = (VALID / CV).read_text(encoding="utf-8")
    head, rest = text.split("1. Rà soát", 1)
    tail = "Trong quá trình" + rest.split("Trong quá trình", 1)[1]
    body = "".join(f"{x} Nội dung của mục {x} được trình bày đầy đủ tại đây;\n\n" for x in labels)
    return lint_bytes("x.txt", (head + body + tail).encode("utf-8"), OPTS)


@pytest.mark.parametrize(
    "labels, want",
    [
        (["1.", "2.", "2.", "4."], [('"2" sau "2"', '"3"')]),  # one misnumbered 3: "4." is right
        (["1.", "2.", "4.", "5."], [('"4" sau "2"', '"3"')]),  # one skip: "5." is right
        (["I.", "II.", "II.", "IV."], [('"II" sau "II"', '"III"')]),
        (["1.", "a)", "b)", "b)", "d)"], [('"b" sau "b"', '"c"')]),
        (["1.", "a)", "b)", "c)", "d)", "d)", "e)"], [('"d" sau "d"', '"đ"')]),  # "đ" read as "d"
        (["1.1.", "1.2.", "1.4."], [('"1.4" sau "1.2"', '"1.3"')]),
    ],
)
def test_a_numbering_break_is_reported_once_with_the_label_it_wants(labels, want):
    r = _sections(labels)
    got = [d.message for d in r.diagnostics if d.code in ("VB261", "VB264")]
    assert got == [f"Đánh số mục không liên tục: {a} (cần {b})." for a, b in want]


# -- section labels alone on their line ------------------------------------------------------------
def _labels_alone(text: str, labels: list[str]) -> str:
    for n, x in zip(("1. Rà soát", "2. Tham mưu", "3. Thực hiện", "4. Chủ động"), labels):
        text = text.replace(n, f"{x}\n{n[3:]}")
    return text


@pytest.mark.parametrize(
    "labels, breaks",
    [(["1.", "2.", "3.", "4."], []), (["1.", "2.", "3.", "5."], ['"5" sau "3" (cần "4")'])],
)
def test_a_label_alone_on_its_line_numbers_the_text_under_it(labels, breaks):
    text = _labels_alone((VALID / CV).read_text(encoding="utf-8"), labels)
    r = lint_bytes("x.txt", text.encode("utf-8"), OPTS)
    sections = r.components["body"]["sections"]
    assert [s["label"] for s in sections][:4] == [x.rstrip(".") for x in labels]
    assert sections[0]["text"].startswith("1. Rà soát")
    assert [d.message for d in r.diagnostics] == [f"Đánh số mục không liên tục: {b}." for b in breaks]


# -- numbering inside a quotation is the quoted text's own -------------------------------------------
@pytest.mark.parametrize(
    "quote",
    [
        '2. Sửa đổi khoản 3 Điều 5 của Quy chế như sau:\n"3. Các sở chủ trì thực hiện;\n4. Các xã phối hợp."',
        "2. Bổ sung Điều 5a như sau:\n“Điều 5a. Trách nhiệm\n1. Các sở chủ trì thực hiện;\n2. Các xã phối hợp.”.",
    ],
)
def test_numbering_inside_a_quotation_is_not_the_documents(quote):
    r = lint(CV, "2. Tham mưu", quote + "\n\n2b Tham mưu")
    assert [s["label"] for s in r.components["body"]["sections"]] == ["1", "2", "3", "4", "5"]
    assert reports(r) == []


def test_a_stray_quote_that_closes_nothing_hides_no_numbering():
    r = lint(CV, "3. Thực hiện đầy đủ", '3. Thực hiện "đầy đủ')
    assert [s["label"] for s in r.components["body"]["sections"]] == ["1", "2", "3", "4", "5"]


# -- the Lưu line -----------------------------------------------------------------------------------
def test_a_luu_line_wrapped_over_two_lines_is_judged_whole():
    wrapped = "- Lưu: VT, Vụ Giáo dục phổ thông, Vụ Kế hoạch - Tài chính,\nVụ Pháp chế."
    assert reports(lint(CV, "- Lưu: VT, GDPT.", wrapped)) == []
    r = lint(CV, "- Lưu: VT, GDPT.", wrapped.rstrip("."))
    assert [(d.code, d.span.line) for d in r.diagnostics] == [("VB283", 55)]


def test_a_luu_line_in_the_wrong_form_is_reported_once():
    r = lint(CV, "- Lưu: VT, GDPT.", "- Lưu Văn phòng")
    assert [c for c, _ in reports(r)] == ["VB284"]


# -- the regime and the type from all the evidence -----------------------------------------------------
def test_a_party_document_that_lost_its_first_page_is_judged_as_party():
    text = (VALID / "party-hd36/thong_bao.txt").read_text(encoding="utf-8")
    text = text[text.index("\nNgày") + 1 :]  # the header, number, date, type and summary lost
    text = text.replace("T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG", "TM. BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC")
    r = lint_bytes("x.txt", text.encode("utf-8"), OPTS)
    assert r.profile == "party-hd36"
    assert r.profile_reason.startswith("Party: title, luu (State: authority)")
    assert "VB301" in {d.code for d in r.diagnostics}  # the dissenting part, reported by its own rule


def test_a_type_heading_lost_is_read_from_the_number():
    r = lint("state-nd30/cong_dien.txt", "CÔNG ĐIỆN\n", "")
    assert r.doc_type == "cong_dien"
    assert reports(r) == [("VB105", "Thiếu tên loại văn bản (bắt buộc với công điện).")]


# -- documents exported as JSON ------------------------------------------------------------------------
def test_a_document_exported_as_json_is_read_from_its_text_field_and_never_rewritten(tmp_path):
    import json

    from linter.fix import fix_bytes

    text = (VALID / CV).read_text(encoding="utf-8")
    data = json.dumps({"id": 7, "meta": {"so_hieu": "4126/BGDĐT-GDPT", "noi_dung": text}}, ensure_ascii=False)
    r = lint_bytes("export.json", data.encode("utf-8"), OPTS)
    assert r.doc_type == "cong_van" and r.profile == "state-nd30"
    assert reports(r) == [("VB008", next(d.message for d in r.diagnostics))]
    assert '"meta.noi_dung"' in r.diagnostics[0].message
    broken = data.replace("KT. BỘ TRƯỞNG", "KT BỘ TRƯỞNG")
    out = fix_bytes("export.json", broken.encode("utf-8"), OPTS, unsafe=False)
    assert out.refused and out.data == broken.encode("utf-8")
    assert "VB312" in {d.code for d in out.result.diagnostics}


def test_json_that_holds_no_document_is_not_one():
    r = lint_bytes("x.json", b'{"a": 1, "b": "short"}', OPTS)
    assert [d.code for d in r.diagnostics] == ["VB005"]


@pytest.mark.parametrize(
    "note",
    [
        "(Gửi kèm theo Phụ lục danh sách các trường)",
        "Ghi chú: số liệu tính đến 31/7/2025.",
        "(Công điện số\n225/CĐ-TTg ngày 20/11/2025 gửi kèm theo)",  # wrapped, "kèm theo" at its end
        "(Danh sách các trường gửi kèm)",
    ],
)
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_note_after_the_bodys_end_is_not_the_bodys_end(note, gap):
    end = "để được hướng dẫn, giải quyết./."
    assert reports(lint(CV, end, f"{end}{gap}{note}")) == []
    r = lint(CV, end, f"{end[:-3]}.{gap}{note}")  # the body itself still must end "./."
    assert [(d.code, d.span.line) for d in r.diagnostics] == [("VB262", 46)]


@pytest.mark.parametrize("after", ["(Các sở báo cáo trước ngày 15/9/2025)", "(Công văn số 12/SGDĐT\nkèm"])
def test_a_line_after_the_bodys_end_that_sends_nothing_is_the_bodys_end(after):
    end = "để được hướng dẫn, giải quyết./."
    r = lint(CV, end, f"{end}\n{after}")
    assert [(d.code, d.span.line) for d in r.diagnostics] == [("VB262", 46 + after.count("\n") + 1)]


# -- Điều run on across chapters; annexes after the signature are numbered on their own ------------
QC = "party-hd36/quy_che.txt"


def _chapters(text: str, third: str) -> str:
    text = text.replace("Điều 1. Mục đích", "Chương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Mục đích")
    return text.replace("Điều 3. Nội dung", f"Chương II\nNỘI DUNG\n\n{third} Nội dung")


@pytest.mark.parametrize("third, breaks", [("Điều 3.", []), ("Điều 4.", ['"4" sau "2" (cần "3")'])])
def test_dieu_numbers_run_on_across_chapters(third, breaks):
    text = _chapters((VALID / QC).read_text(encoding="utf-8"), third)
    if third == "Điều 4.":  # the articles after it renumbered: only the skip across chapters is left
        for n, head in ((7, "Điều 6. Tổ"), (6, "Điều 5. Xử"), (5, "Điều 4. Trách")):
            text = text.replace(head, f"Điều {n}.{head.split('.', 1)[1]}")
    r = lint_bytes("x.txt", text.encode("utf-8"), OPTS)
    assert [d.message for d in r.diagnostics if d.code == "VB261"] == [
        f"Đánh số mục không liên tục: {b}." for b in breaks
    ]


@pytest.mark.parametrize(
    "labels, breaks", [(["1.", "2.", "3."], []), (["1.", "2.", "4."], ['"4" sau "2" (cần "3")'])]
)
def test_an_annex_after_the_signature_is_numbered_on_its_own(labels, breaks):
    annex = "\n\nPHỤ LỤC\nDANH SÁCH CÁC ĐIỂM TIẾP DÂN\n\n" + "\n".join(
        f"{x} Điểm tiếp dân số {x} tại nhà văn hóa thôn" for x in labels
    )
    text = (VALID / QC).read_text(encoding="utf-8").rstrip() + annex + "\n"
    r = lint_bytes("x.txt", text.encode("utf-8"), OPTS)
    (annex,) = r.components["body"]["annexes"]  # the PHỤ LỤC heading, its numbering under it
    assert (annex["kind"], annex["label"]) == ("annex", "PHỤ LỤC")
    assert [s["label"] for s in annex["sections"]] == [x.rstrip(".") for x in labels]
    assert [d.message for d in r.diagnostics] == [f"Đánh số mục không liên tục: {b}." for b in breaks]


def _with_annex(annex: str) -> list[str]:
    text = (VALID / QC).read_text(encoding="utf-8").rstrip() + "\n\n" + annex + "\n"
    return [d.message for d in lint_bytes("x.txt", text.encode("utf-8"), OPTS).diagnostics]


_FORM = """Mẫu số 0{n}: Quyết định {what}

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

QUYẾT ĐỊNH
Về việc {what}

Điều 1. {what} theo …
Điều 2. Quyết định có hiệu lực từ ngày ký.
Điều {last}. Các ông (bà) … chịu trách nhiệm thi hành.

(Ký, ghi rõ họ tên, đóng dấu)
"""


@pytest.mark.parametrize("last, breaks", [(3, []), (4, ['"4" sau "2" (cần "3")'])])
def test_forms_in_an_annex_number_their_articles_on_their_own(last, breaks):
    forms = "\n".join(_FORM.format(n=n, what=w, last=3) for n, w in ((1, "kiểm tra"), (2, "tạm dừng")))
    annex = f"PHỤ LỤC\nCÁC MẪU VĂN BẢN\n\n{forms}\n" + _FORM.format(n=3, what="đình chỉ", last=last)
    assert _with_annex(annex) == [f"Đánh số mục không liên tục: {b}." for b in breaks]


def test_a_form_ends_at_its_signature_and_the_list_it_cut_goes_on():
    form = "Mẫu:\nĐƠN ĐỀ NGHỊ\n\nI. THÔNG TIN\n1. Tên:\n2. Địa chỉ:\n\n(Ký, ghi rõ họ tên)\n"
    annex = f"PHỤ LỤC\nTHỦ TỤC HÀNH CHÍNH\n\n1. Thủ tục cấp phép\n- Trình tự\n\n{form}\n2. Thủ tục cấp lại\n"
    assert _with_annex(annex) == []
    assert _with_annex(annex + "\n4. Thủ tục thu hồi\n") == [
        'Đánh số mục không liên tục: "4" sau "2" (cần "3").'
    ]


def test_an_annex_that_amends_another_text_keeps_that_texts_numbers():
    body = "\n\nChương III\nĐỊNH MỨC\n\nMục 2\nBẢO DƯỠNG\n\nMục 4\nSỬA CHỮA\n"
    amending = (
        "PHỤ LỤC I\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐỊNH MỨC TẠI CHƯƠNG III THÔNG TƯ SỐ 44/2021/TT-BGTVT" + body
    )
    assert _with_annex(amending) == []
    assert _with_annex("PHỤ LỤC I\nĐỊNH MỨC BẢO DƯỠNG" + body) == [
        'Đánh số mục không liên tục: "4" sau "2" (cần "3").'
    ]


def test_a_wrapped_bracket_and_a_label_run_into_the_line_above_are_no_breaks():
    text = (VALID / QC).read_text(encoding="utf-8")
    head = next(ln for ln in text.splitlines() if ln.startswith("1. "))
    wrapped = f"{head}\nnội dung gửi lại (lần\n2) đến Văn phòng.\n"
    assert not [
        d for d in lint_bytes("x.txt", text.replace(head + "\n", wrapped, 1).encode(), OPTS).diagnostics
    ]
    run_in = f"{head}\na) Tiếp dân tại trụ sở, ghi sổ\nđầy đủ. b) Chuyển đơn đến nơi\ncó thẩm quyền.\n\nc) Báo cáo hằng tháng.\n"
    r = lint_bytes("x.txt", text.replace(head + "\n", run_in, 1).encode(), OPTS)
    assert not r.diagnostics
    skipped = run_in.replace("c) Báo", "d) Báo")
    r = lint_bytes("x.txt", text.replace(head + "\n", skipped, 1).encode(), OPTS)
    assert [d.message for d in r.diagnostics] == ['Đánh số mục không liên tục: "d" sau "a" (cần "b").']


# -- a header transcribed by OCR as one line --------------------------------------------------------
@pytest.mark.parametrize(
    "src", ["state-nd30/cong_van.txt", "party-hd36/thong_bao.txt", "state-nd30/quyet_dinh.txt"]
)
def test_a_header_on_one_line_is_read_part_by_part(src):
    lines = (VALID / src).read_text(encoding="utf-8").splitlines()
    k = next(i for i, ln in enumerate(lines) if len(ln) > 70)  # the body's first full line
    text = " ".join(ln for ln in lines[:k] if ln.strip()) + "\n" + "\n".join(lines[k:])
    whole = lint_bytes("x.txt", "\n".join(lines).encode("utf-8"), OPTS)
    r = lint_bytes("x.txt", text.encode("utf-8"), OPTS)
    assert (r.profile, r.doc_type) == (whole.profile, whole.doc_type)
    assert {c for c, v in r.components.items() if v} == {c for c, v in whole.components.items() if v}
    assert r.components["number"]["symbol"] == whole.components["number"]["symbol"]
    assert r.diagnostics == []


def test_a_sentence_with_a_place_and_date_in_it_is_not_cut():
    r = lint(
        CV, "1. Rà soát, sắp xếp", "1. Hội nghị tổ chức tại Hà Nội, ngày 12 tháng 9 năm 2025 rà soát, sắp xếp"
    )
    assert [s["text"][:20] for s in r.components["body"]["sections"]][0] == "1. Hội nghị tổ chức "
    assert reports(r) == []


@pytest.mark.parametrize(
    "wrapped, place",
    [
        ("Thành\nphố Hồ Chí Minh, ngày 08 tháng 8 năm 2025", "Thành phố Hồ Chí Minh"),
        ("Thành phố\nHồ Chí Minh, ngày 08 tháng 8 năm 2025", "Thành phố Hồ Chí Minh"),
        ("Hà\nNội, ngày 08 tháng 8\nnăm 2025", "Hà Nội"),
    ],
)
def test_a_place_wrapped_over_two_lines_is_read_whole(wrapped, place):
    r = lint(CV, "Hà Nội, ngày 08 tháng 8 năm 2025", wrapped)
    assert r.components["place_date"]["place"] == place and reports(r) == []


@pytest.mark.parametrize("title", ["THỨ TRƯỞNG THƯỜNG\nTRỰC", "PHÓ CHÁNH VĂN PHÒNG\nTHƯỜNG TRỰC"])
def test_a_title_wrapped_over_two_lines_is_one_title(title):
    r = lint(CV, "THỨ TRƯỞNG\n", title + "\n")
    assert r.components["signature"]["titles"] == [title.replace("\n", " ")]


def test_a_list_that_lost_all_its_dashes_is_reported_once_and_fixed_whole():
    from linter.fix import fix_bytes

    text = (VALID / CV).read_text(encoding="utf-8")
    block = text[text.index("- Như trên;") : text.index("- Lưu: VT, GDPT.") + len("- Lưu: VT, GDPT.")]
    bare = text.replace(block, "\n".join(x[2:] for x in block.splitlines()))
    r = lint_bytes("x.txt", bare.encode("utf-8"), OPTS)
    (d,) = r.diagnostics
    assert d.code == "VB281" and (d.span.line, d.span.end_line) == (49, 54) and len(d.fix.edits()) == 6
    assert fix_bytes("x.txt", bare.encode("utf-8"), OPTS, unsafe=False).data.decode("utf-8") == text
    one = bare.replace("\nBộ trưởng (để báo cáo);", "\n- Bộ trưởng (để báo cáo);")  # not all: one per line
    assert [x.code for x in lint_bytes("x.txt", one.encode("utf-8"), OPTS).diagnostics] == ["VB281"] * 5


def test_a_fix_of_several_edits_survives_the_cache(tmp_path):
    import json

    from linter.cache import Cache, from_dict, settings_key, to_dict

    text = (VALID / CV).read_text(encoding="utf-8")
    block = text[text.index("- Như trên;") : text.index("- Lưu: VT, GDPT.") + len("- Lưu: VT, GDPT.")]
    data = text.replace(block, "\n".join(x[2:] for x in block.splitlines())).encode("utf-8")
    r = lint_bytes("x.txt", data, OPTS)
    assert [len(d.fix.edits()) for d in r.diagnostics] == [6]
    assert from_dict(json.loads(json.dumps(to_dict(r))), r.path) == r
    c = Cache(tmp_path, settings_key(OPTS))
    c.put("x.txt", data, r)
    assert c.get("x.txt", data) == r


@pytest.mark.parametrize(
    "luu, reported",
    [
        ("- Lưu: VT, GDPT (2). nvv", False),  # the drafter's initials after the stop
        ("- Lưu: VT, GDPT (2).VH", False),
        ("- Lưu: VT, GDPT. pvc 19", False),
        ("- Lưu: VT, GDPT. (90b)", False),  # the copies after the stop
        ("- Lưu: VT, GDPT. H(3)", True),  # a code with its copies after the stop: the line must end in "."
        ("- Lưu: VT, 06.GDPT", True),  # a unit's code, and no stop
    ],
)
def test_a_luu_line_ends_in_a_stop_or_the_drafters_initials(luu, reported):
    r = lint(CV, "- Lưu: VT, GDPT.", luu)
    assert ("VB283" in {d.code for d in r.diagnostics}) is reported


# -- a hard-wrapped sentence that ends on a numeral is not a heading ---------------------------------
SEC5 = "phương án phòng, chống thiên tai trong mùa mưa bão trước ngày khai giảng năm học\nmới 05/9/2025."
NEXT = "\n\nCác trường bảo đảm an toàn trường học trong suốt năm học 2025 - 2026."


@pytest.mark.parametrize(
    "end, labels",
    [
        ("phục vụ bầu cử đại biểu Quốc hội khóa\nXVII.", []),  # "… khóa" / "XVII.": the sentence's end
        ("phục vụ bầu cử đại biểu Quốc hội khóa\n\nXVII.", ["XVII"]),  # after a blank line: a label
        ("trong mùa mưa bão, hoàn thành trước ngày 30 tháng\n8.", []),
        ("trong mùa mưa bão trước ngày khai giảng năm học mới.\n9.", ["9"]),  # after a full stop: a label
    ],
)
def test_a_wrapped_sentence_ending_on_a_numeral_is_not_a_heading(end, labels):
    r = lint(CV, SEC5, "phương án phòng, chống thiên tai " + end + NEXT)
    assert [s["label"] for s in r.components["body"]["sections"]] == ["1", "2", "3", "4", "5", *labels]
    breaks = ['"9" sau "5" (cần "6")'] if labels == ["9"] else []
    assert [d.message for d in r.diagnostics] == [f"Đánh số mục không liên tục: {b}." for b in breaks]


# -- a summary wrapped over three lines -------------------------------------------------------------
def test_a_vv_summary_wrapped_over_three_lines_is_one_summary():
    vv = (
        "V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông\n"
        "Trung học phổ thông Chuyên và Phổ thông Dân tộc nội trú năm học 2025 - 2026\n"
        "thuộc các sở giáo dục và đào tạo"
    )
    r = lint(CV, "V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông\nnăm học 2025 - 2026", vv)
    assert (r.components["subject"]["line"], r.components["subject"]["end_line"]) == (8, 10)
    assert reports(r) == []  # no line of it is an unreadable header line (VB132)


# -- points lettered "a." and Latin letters --------------------------------------------------------
DD = 'Điểm "e{0}" đứng ngay sau "d{0}": theo thứ tự chữ cái tiếng Việt, sau "d{0}" là "đ{0}".'


@pytest.mark.parametrize(
    "labels, want",
    [
        (["1.", "a.", "b.", "c.", "d.", "đ.", "e.", "g."], []),  # "a." points are read and counted
        (["1.", "a.", "b.", "d."], [("VB261", 'Đánh số mục không liên tục: "d" sau "b" (cần "c").')]),
        (  # a list in the Latin alphabet: one mistake, reported where it shows first ("đ" skipped)
            ["1.", "a.", "b.", "c.", "d.", "e.", "f.", "g.", "h."],
            [("VB264", DD.format("."))],
        ),
        (["1.", "a)", "b)", "c)", "d)", "e)", "f)"], [("VB264", DD.format(")"))]),
        (
            ["1.", "a)", "b)", "c)", "d)", "đ)", "e)", "f)"],
            [("VB261", 'Đánh số mục không liên tục: "f" sau "e" (cần "g").')],
        ),
        (["1.", "a.", "a)", "b)", "b.", "c."], []),  # "a." and "a)" lists mixed: each counted on its own
    ],
)
def test_points_are_read_in_either_style_and_a_latin_letter_is_reported_once(labels, want):
    r = _sections(labels)
    assert [(d.code, d.message) for d in r.diagnostics] == want
    assert len(r.components["body"]["sections"][0]["sections"]) == len(labels) - 1


def test_a_lower_case_letter_and_stop_inside_running_text_is_no_point():
    r = lint(CV, "1. Rà soát", "1. Xem mục\nb. tiếp theo. Rà soát")
    assert r.components["body"]["sections"][0]["sections"] == []


def test_the_vv_rule_cites_the_state_decree_for_a_state_cong_van():
    (d,) = lint(CV, "V/v hướng dẫn", "Về hướng dẫn").diagnostics
    assert d.code == "VB241" and "NĐ 30/2020, Phụ lục I, II.4.b" in d.citation


# -- a part lost, reported as lost and where it stood (bench/seeded.py measures this on corpus/real)
REAL = VALID.parent / "real"


def _cut(name: str, first: int, last: int | None = None):
    """A real document without its lines first..last (1-based)."""
    lines = (REAL / name).read_text(encoding="utf-8").split("\n")
    del lines[first - 1 : last or first]
    return lint_bytes(name, "\n".join(lines).encode("utf-8"), OPTS)


@pytest.mark.parametrize(
    "name, line, summary",
    [
        ("026_kh-308-KH-UBND-hanoi.txt", 16, 16),  # a summary in capitals after the header
        ("022_tb-37416-TB-CHQ.txt", 17, 18),  # … and the enacting authority under it, then "Căn cứ"
        ("040_nd-302-2025-ND-CP.txt", 14, 15),  # "QUY ĐỊNH CHI TIẾT …" under "Số: 302/2025/NĐ-CP"
        ("045_tt-45-2025-TT-BYT.txt", 15, 18),
    ],
)
def test_a_lost_type_name_is_reported_where_it_stood_and_the_summary_is_still_read(name, line, summary):
    head = (REAL / name).read_text(encoding="utf-8").split("\n")[line - 1]
    assert head.strip() in ("KẾ HOẠCH", "THÔNG BÁO", "NGHỊ ĐỊNH", "THÔNG TƯ")
    r = _cut(name, line)
    got = {d.name: d.span.line for d in r.diagnostics if d.severity != "info"}
    assert got.get("missing-doc-type") in range(line - 1, line + 3), got
    assert "missing-subject" not in got
    assert r.components["subject"]["line"] in range(line - 1, summary + 2)


def test_a_signature_that_lost_its_name_ends_before_the_annex_title():
    text = (REAL / "053_qd-1378-QD-BNV.txt").read_text(encoding="utf-8")
    assert text.split("\n")[60] == "Vũ Chiến Thắng"
    r = _cut("053_qd-1378-QD-BNV.txt", 61)
    (d,) = [d for d in r.diagnostics if d.name == "signature-name-missing"]
    assert d.span.line == 60  # the title "THỨ TRƯỞNG", not the annex's "THỦ TỤC HÀNH CHÍNH …"
    assert r.components["signature"]["titles"] == ["THỨ TRƯỞNG"]


def test_a_basis_that_names_a_date_is_no_date_line():
    r = lint(
        "state-vbqppl/thong_tu.txt",
        "Căn cứ Luật Khám bệnh, chữa bệnh số 15/2023/QH15;",
        "Căn cứ Nghị định số 08/2015/NĐ-CP ngày 21/01/2015;",
    )
    assert r.components["place_date"]["day"] == 5 and reports(r) == []


def test_a_place_date_line_without_its_comma_broken_over_two_lines_is_read_and_its_form_reported():
    r = lint(CV, "Hà Nội, ngày 08 tháng 8 năm 2025", "Hà Nội ngày 08\ntháng 8 năm 2025")
    assert [d.name for d in r.diagnostics] == ["date-malformed"]
    assert (r.components["place_date"]["day"], r.components["place_date"]["month"]) == (8, 8)


def test_lines_between_the_lưu_line_and_the_signature_do_not_swallow_the_signature():
    r = lint(
        "state-vbqppl/quyet_dinh.txt",
        "- Lưu: VT, XD.\n",
        "- Lưu: VT, XD.\n05 bản, QĐ164.\nKý bởi: Hoàng Văn Lãng\n",
    )
    assert reports(r) == []
    assert r.components["signature"]["name"] == "Đinh Văn Tuấn"


def _forms(*runs: tuple[str, range]) -> str:
    """A conforming decision with forms after its signature, each numbering its own fields."""
    tail = "".join(
        f"\n\n{head}\n" + "".join(f"{n}. Trường thông tin {n}: ……\n" for n in nums) for head, nums in runs
    )
    return (VALID / "state-nd30/quyet_dinh.txt").read_text(encoding="utf-8") + tail


def test_each_form_after_the_signature_numbers_its_fields_from_its_own_start():
    text = _forms(("Mẫu số 02", range(1, 14)), ("Mẫu số 03", range(7, 13)))
    assert reports(lint_bytes("x.txt", text.encode(), OPTS)) == []
    gap = _forms(("Mẫu số 02", [1, 2, 4, 5]), ("Mẫu số 03", range(7, 13)))
    assert [d.name for d in lint_bytes("x.txt", gap.encode(), OPTS).diagnostics] == ["section-numbering"]


def test_a_date_left_blank_for_the_e_signature_is_a_date_line():
    r = lint(CV, "Hà Nội, ngày 08 tháng 8 năm 2025", "Hà Nội, ngày      tháng      năm")
    assert reports(r) == [] and r.components["place_date"]["place"] == "Hà Nội"


@pytest.mark.parametrize("rest", ["CHÁNH VĂN PHÒNG", "VỤ\nCHÁNH VĂN PHÒNG"])
def test_an_authority_read_on_the_nơi_nhận_row_is_put_back_above_its_title(rest):
    """OCR reads the first row of the two closing columns as one line: "Nơi nhận: T/L BAN
    THƯỜNG VỤ" (or "… THƯỜNG" / "VỤ"), the list under it, then the title and the name."""
    head = "T/L BAN THƯỜNG VỤ" if rest == "CHÁNH VĂN PHÒNG" else "T/L BAN THƯỜNG"
    text = (VALID / "party-hd36/thong_bao.txt").read_text(encoding="utf-8")
    text = text.replace("Nơi nhận:\n", f"Nơi nhận: {head}\n" + ("VỤ\n" if rest != "CHÁNH VĂN PHÒNG" else ""))
    text = text.replace("T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG")
    r = lint_bytes("x.txt", text.encode("utf-8"), OPTS)
    assert reports(r) == []
    sig = r.components["signature"]
    assert (sig["authority"], sig["titles"], sig["name"]) == ("T/L", ["CHÁNH VĂN PHÒNG"], "Ngô Thanh Bình")
    assert len(r.components["recipients"]["items"]) == 5


def test_a_first_level_read_on_the_nơi_nhận_row_goes_back_above_the_next_level():
    text = (VALID / CV).read_text(encoding="utf-8").replace("Nơi nhận:\n", "Nơi nhận: TL. BỘ TRƯỞNG\n")
    text = text.replace(SIGNED, "KT. VỤ TRƯỞNG VỤ PHÁP CHẾ\nPHÓ VỤ TRƯỞNG")
    r = lint_bytes("x.txt", text.encode("utf-8"), OPTS)
    assert reports(r) == []
    assert r.components["signature"]["levels"] == ["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ PHÁP CHẾ"]
    # and when the list has no Lưu line to end it, the next level does
    r = lint_bytes("x.txt", text.replace("- Lưu: VT, GDPT.\n", "").encode("utf-8"), OPTS)
    assert [d.name for d in r.diagnostics] == ["recipients-last-not-luu"]
    assert r.components["signature"]["levels"] == ["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ PHÁP CHẾ"]


def test_labels_are_read_as_printed_and_a_lost_one_as_none():
    text = (VALID / "state-nd30/cong_van.txt").read_text(encoding="utf-8")
    c = lint_bytes("x.txt", text.encode("utf-8"), OPTS).components
    assert (c["addressees"]["label"], c["recipients"]["label"]) == ("Kính gửi", "Nơi nhận")
    c = lint_bytes("x.txt", text.replace("Nơi nhận:\n", "").encode("utf-8"), OPTS).components
    assert (c["addressees"]["label"], c["recipients"]["label"]) == ("Kính gửi", None)
    assert [i["text"] for i in c["recipients"]["items"]][-1] == "- Lưu: VT, GDPT."
