"""Reading damaged text: OCR-repaired parts are flagged for review (not reported missing), fuzzy
label matching is tested on both sides of its threshold, legacy encodings and PDFs are read."""

from datetime import date
from pathlib import Path

import pytest

from linter import decode
from linter import patterns as P
from linter.lint import lint_bytes
from linter.result import Options

ROOT = Path(__file__).resolve().parent.parent
CHI_THI = (ROOT / "corpus" / "valid" / "party-hd36" / "chi_thi.txt").read_text(encoding="utf-8")


def check(text: str | bytes, name: str = "t.txt"):
    data = text.encode() if isinstance(text, str) else text
    return lint_bytes(name, data, Options(today=date(2026, 11, 22)))


@pytest.mark.parametrize(
    "damaged,kind",
    [
        ("Nơi nhân:", "NOI_NHAN"),
        ("Kơi nhận:", "NOI_NHAN"),
        ("Nơi rứiận:", "NOI_NHAN"),
        ("Noi nhan:", "NOI_NHAN"),
        ("Kmh gửi:", "KINH_GUI"),
        ("Kính gòi:", "KINH_GUI"),
        ("Kính trmh:", "KINH_GUI"),
    ],
)
def test_fuzzy_labels_recognise_misreadings(damaged, kind):
    assert P.fuzzy_label(damaged) == kind


@pytest.mark.parametrize(
    "unrelated",
    ["TỈNH HÀ TĨNH", "Nội dung:", "Kinh phí:", "Nơi ở:", "Ghi chú:", "Kết luận:", "Thời gian:", "Kính chúc"],
)
def test_fuzzy_labels_reject_unrelated_lines(unrelated):
    assert P.fuzzy_label(unrelated) is None


@pytest.mark.parametrize(
    "damaged,slug",
    [
        ("BÁO CÁq", "bao_cao"),
        ("KẾ HqẠCH", "ke_hoach"),
        ("TỜ TRÌKH", "to_trinh"),
        ("KGHỊ QUYẾT", "nghi_quyet"),
    ],
)
def test_fuzzy_type_names_recognise_misreadings(damaged, slug):
    assert P.fuzzy_doc_type(damaged) == slug


@pytest.mark.parametrize(
    "unrelated", ["THỦ TƯỚNG", "THƯƠNG", "BAN CHỈ ĐẠO", "CHÍNH PHỦ", "KẾT QUẢ", "Báo cáo viên"]
)
def test_fuzzy_type_names_reject_unrelated_lines(unrelated):
    assert P.fuzzy_doc_type(unrelated) is None


def test_damaged_number_and_date_need_review_not_missing():
    text = CHI_THI.replace("Số 15-CT/TU", "Số 15-CTlTU").replace("năm 2021", "năm 2O21", 1)
    r = check(text)
    assert r.components["number"]["status"] == "needs_review"
    assert r.components["number"]["symbol"] == "CT/TU"
    assert (
        r.components["place_date"]["status"] == "needs_review" and r.components["place_date"]["year"] == 2021
    )
    names = [d.name for d in r.diagnostics]
    assert names.count("component-needs-review") == 2
    assert "missing-number" not in names and "missing-place-date" not in names
    assert all(d.severity == "warning" for d in r.diagnostics)


def test_clean_parts_are_ok():
    r = check(CHI_THI)
    assert r.components["number"]["status"] == "ok" and r.diagnostics == []


def test_unreadable_header_line_does_not_end_the_header():
    lines = CHI_THI.splitlines()
    i = next(k for k, ln in enumerate(lines) if ln == "*")
    lines.insert(i, "Tỉ~nh u$ỷ l#ai @")
    r = check("\n".join(lines) + "\n")
    assert r.components["number"] and r.components["place_date"] and r.components["doc_type"]
    assert "line-garbled" in {d.name for d in r.diagnostics}  # the unreadable line, for review


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258", "utf-16-le", "utf-8-sig"])
def test_legacy_and_unicode_encodings_are_read_and_named(encoding):
    original = decode.decode(CHI_THI.encode())
    data = decode.encode(
        CHI_THI,
        decode.Decoded(
            CHI_THI,
            encoding,
            b"\xff\xfe" if encoding == "utf-16-le" else b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b"",
            "\n",
            encoding in ("tcvn3", "vni", "cp1258"),
            1.0,
            0,
        ),
    )
    assert original.encoding == "utf-8"
    r = check(data)
    assert r.doc_type == "chi_thi" and r.components["number"]["symbol"] == "CT/TU"
    legacy = [d for d in r.diagnostics if d.name == "legacy-encoding"]
    if encoding in ("tcvn3", "vni", "cp1258"):
        assert legacy and encoding.upper() in legacy[0].message
    else:
        assert not legacy


def test_nfd_text_is_recognised_and_reported_once():
    import unicodedata

    r = check(unicodedata.normalize("NFD", CHI_THI))
    assert r.doc_type == "chi_thi" and r.components["banner"]
    assert [d.name for d in r.diagnostics] == ["not-nfc"]


def test_tone_mark_styles_mixed_is_one_info():
    text = CHI_THI.replace("Ủy ban", "Uỷ ban", 1)
    assert "Ủy" in text or "ủy" in text
    r = check(text)
    infos = [d for d in r.diagnostics if d.name == "tone-mark-style-mixed"]
    assert len(infos) == 1 and infos[0].severity == "info"


def test_scanned_pdf_is_read_by_ocr_and_text_pdf_is_read():
    fixtures = pytest.importorskip("fixtures_office")
    r = check(fixtures.build_scanned_pdf(), "scan.pdf")
    assert (
        [d.code for d in r.diagnostics] == ["VB006"] and "OCR" in r.diagnostics[0].message and not r.readable
    )
    r = check(fixtures.build_party_pdf(), "doc.pdf")
    assert r.components["banner"] and r.components["number"]
