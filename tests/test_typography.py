"""Typography of .docx documents, on documents built at test time by tests/fixtures_office.py."""

from datetime import date

import pytest

pytest.importorskip("docx")
from fixtures_office import build_party_docx, build_party_docx_bad, build_state_docx  # noqa: E402

from linter.lint import lint_bytes  # noqa: E402
from linter.result import Options  # noqa: E402


def check(data: bytes):
    return lint_bytes("t.docx", data, Options(today=date(2026, 11, 22)))


def codes(r) -> set[str]:
    return {d.code for d in r.diagnostics}


def test_conforming_party_docx_has_no_typography_problem():
    r = check(build_party_docx(None))
    assert r.profile == "party-hd36" and r.doc_type == "thong_bao"
    assert not codes(r) & {"VB501", "VB502", "VB503", "VB505"}, [d.message for d in r.diagnostics]


def test_wrong_font_and_margins_are_reported():
    r = check(build_party_docx_bad(None))
    got = {d.code: d for d in r.diagnostics}
    assert "VB501" in got and "Arial" in got["VB501"].message
    assert "VB503" in got
    margins = [d.message for d in r.diagnostics if d.code == "VB503"]
    assert any("trái" in m for m in margins)


def test_page_size_letter_is_not_a4():
    assert "VB502" in codes(check(build_party_docx(None, page="Letter")))


def test_state_margins_are_ranges():
    ok = check(build_state_docx(None, margins=(25, 25, 35, 20)))
    assert "VB503" not in codes(ok) and ok.profile == "state-nd30"
    bad = check(build_state_docx(None, margins=(10, 25, 35, 20)))
    assert "VB503" in codes(bad)


def test_part_typography_detects_a_bold_signer_title(monkeypatch):
    r = check(build_party_docx(None))
    assert "VB505" not in codes(r)
    from linter import read
    from linter.office import Style

    real = read._office

    def bolder(path, data, suffix):  # the signer's title typed in bold: HD 05 wants it not bold
        src = real(path, data, suffix)
        i = next(k for k, line in enumerate(src.text.splitlines()) if line.strip() == "BÍ THƯ")
        st = src.styles[i]
        src.styles[i] = Style(st.font, st.size, True, st.italic, st.underline, st.all_caps, st.align)
        return src

    monkeypatch.setattr(read, "_office", bolder)
    assert "VB505" in codes(check(build_party_docx(None)))


def test_text_files_carry_no_typography():
    from pathlib import Path

    text = (Path(__file__).parent.parent / "corpus" / "valid" / "party-hd36" / "chi_thi.txt").read_bytes()
    assert not codes(lint_bytes("t.txt", text, Options(today=date(2026, 11, 22)))) & {
        "VB501",
        "VB502",
        "VB503",
    }


def test_state_part_typography(monkeypatch):
    r = check(build_state_docx(None))
    assert "VB504" not in codes(r), [d.message for d in r.diagnostics if d.code == "VB504"]
    from linter import read
    from linter.office import Style

    real = read._office

    def plain_title(path, data, suffix):  # Quốc hiệu typed 14 pt, not bold: NĐ 30 wants 12–13 pt bold
        src = real(path, data, suffix)
        i = next(k for k, line in enumerate(src.text.splitlines()) if line.startswith("CỘNG HÒA"))
        st = src.styles[i]
        src.styles[i] = Style(st.font, 14.0, False, st.italic, st.underline, st.all_caps, st.align)
        return src

    monkeypatch.setattr(read, "_office", plain_title)
    got = [d for d in check(build_state_docx(None)).diagnostics if d.code == "VB504"]
    assert len(got) == 1 and "14 pt" in got[0].message and "12–13 pt" in got[0].message


def test_margins_of_a_legal_normative_document_are_only_a_warning():
    """NĐ 78's appendix was not read (docs/standards-vbqppl.md §14): NĐ 30's margins, as a warning."""
    data = build_state_docx(None, margins=(10, 25, 35, 20))
    r = lint_bytes("t.docx", data, Options(today=date(2026, 11, 22), profile="state-vbqppl"))
    assert {d.severity for d in r.diagnostics if d.code == "VB503"} == {"warning"}
    assert {d.severity for d in check(data).diagnostics if d.code == "VB503"} == {"error"}


def test_times_new_roman_named_by_its_face_is_times_new_roman():
    """A converter names the bold face as a font, "Times New Roman Bold" (round 80): that is Times
    New Roman; another family is still reported."""
    assert "VB501" not in codes(check(build_party_docx(None, font="Times New Roman Bold")))
    assert "VB501" in codes(check(build_party_docx(None, font="Cambria")))


def test_a_footer_typed_with_tabs_is_judged_cell_by_cell():
    """A clerk's footer typed without a table, "Nơi nhận:<tab>KT. GIÁM ĐỐC" / "- Như Điều 3;<tab>PHÓ
    GIÁM ĐỐC" (round 82): each column keeps its own type size, "Nơi nhận:" 12 pt bold italic and
    the items 11 pt beside a 14 pt signature, so nothing is reported; in 14 pt, the label is."""
    import io

    import docx
    from docx.shared import Pt

    def footer(label_size: float) -> bytes:
        doc = docx.Document(io.BytesIO(build_state_docx(None)))
        body = doc.element.body
        body.remove(doc.tables[-1]._tbl)  # the footer's table
        rows = [("Nơi nhận:", "KT. GIÁM ĐỐC"), ("- Như Điều 3;", "PHÓ GIÁM ĐỐC"), ("- Lưu: VT, TCCB.", "")]
        rows += [("", ""), ("", "Trần Văn B")]
        for k, (left, right) in enumerate(rows):
            p = doc.add_paragraph()
            run = p.add_run(left)
            run.font.size = Pt(label_size if k == 0 else 11)
            run.font.bold = run.font.italic = k == 0
            tab = p.add_run("\t\t\t")
            tab.font.size = Pt(14)
            run = p.add_run(right)
            run.font.size, run.font.bold = Pt(14), True
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    ok = check(footer(12))
    assert ok.components["signature"]["levels"] == ["KT. GIÁM ĐỐC"] and "VB504" not in codes(ok)
    big = [d.message for d in check(footer(14)).diagnostics if d.code == "VB504"]
    assert len(big) == 1 and big[0].startswith('"Nơi nhận:": 14 pt'), big


@pytest.mark.parametrize(("text", "reported"), [("", False), ("   ", False), ("Ghi chú.", True)])
def test_an_empty_paragraph_s_font_shows_nothing(text, reported):
    """An empty paragraph left in Verdana between two of the body's (round 82) shows no letter in
    it: no VB501; a word typed in it is reported."""
    import io

    import docx

    doc = docx.Document(io.BytesIO(build_state_docx(None)))
    run = doc.paragraphs[5].insert_paragraph_before().add_run(text)
    run.font.name = "Verdana"
    out = io.BytesIO()
    doc.save(out)
    assert ("VB501" in codes(check(out.getvalue()))) == reported
