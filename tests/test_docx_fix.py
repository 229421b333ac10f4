""".docx fixed in place (issue 14): text fixes inside the runs, the typography VB5xx asks for,
every other part of the package byte for byte, signed packages never touched, bad packages
refused with a reason. The documents are built at test time (tests/fixtures_office.py)."""

import io
import os
import subprocess
import sys
import zipfile
from datetime import date

import pytest

pytest.importorskip("docx")

from fixtures_office import build_party_docx_bad, build_state_docx  # noqa: E402
from test_cli import check  # noqa: E402
from test_fix import FIXABLE_SAMPLES, NOT_FULLY_FIXABLE, SOURCES, VALID  # noqa: E402

from linter import office  # noqa: E402
from linter.fix import fix_bytes, fix_file  # noqa: E402
from linter.lint import lint_bytes  # noqa: E402
from linter.result import Options  # noqa: E402

OPTS = Options(today=date(2026, 11, 22))


def codes(data: bytes, name: str = "x.docx") -> set[str]:
    return {d.code for d in lint_bytes(name, data, OPTS).diagnostics}


def members(data: bytes) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return {n: z.read(n) for n in z.namelist()}


def with_extras(data: bytes) -> bytes:
    """The document with a page header, an image and a comment: parts a fix must not touch."""
    import docx
    from PIL import Image

    doc = docx.Document(io.BytesIO(data))
    doc.sections[0].header.paragraphs[0].text = "Tiêu đề trang (không được sửa)"
    png = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(png, format="PNG")
    doc.add_picture(io.BytesIO(png.getvalue()))
    run = doc.paragraphs[2].runs[0]
    doc.add_comment([run], text="Xem lại trích yếu", author="Văn thư")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def state_arial():
    """A State decision in Arial, without the "./." that ends its body, with extra parts."""
    return with_extras(build_state_docx(font="Arial"))


def test_a_docx_is_fixed_and_checks_clean(state_arial):
    before = codes(state_arial)
    assert {"VB501", "VB262"} <= before
    out = fix_bytes("qd.docx", state_arial, OPTS, unsafe=False)
    assert out.changed and out.refused is None and out.applied >= 2
    after = codes(out.data)
    assert not after & {"VB501", "VB262"}, after
    assert "./." in out.diff and out.diff.startswith("--- a/qd.docx")


def test_text_fixes_keep_the_formatting_of_their_runs(state_arial):
    import docx

    out = fix_bytes("qd.docx", state_arial, OPTS, unsafe=False)
    paras = {p.text: p for p in docx.Document(io.BytesIO(out.data)).paragraphs}
    (last,) = [p for t, p in paras.items() if t.startswith("Điều 3.")]
    assert last.text.endswith("Quyết định này./.")
    label, rest = last.runs[0], last.runs[-1]
    assert label.text == "Điều 3." and label.bold  # the bold label is still bold
    assert rest.text.endswith("./.") and not rest.bold and rest.font.size.pt == 14


def test_every_other_part_of_the_package_is_byte_identical(state_arial):
    out = fix_bytes("qd.docx", state_arial, OPTS, unsafe=False)
    old, new = members(state_arial), members(out.data)
    assert list(old) == list(new)  # same members, same order
    changed = [n for n in old if old[n] != new[n]]
    assert changed == ["word/document.xml"]
    kinds = {n.rsplit("/", 1)[0] for n in old}
    assert {"word/media", "word"} <= kinds and "word/comments.xml" in old and "word/styles.xml" in old
    assert any(n.startswith("word/header") for n in old)


def test_typography_and_margins_are_fixed_on_the_runs_and_the_section():
    bad = build_party_docx_bad()
    assert {"VB501", "VB503"} <= codes(bad)
    out = fix_bytes("tb.docx", bad, OPTS, unsafe=False)
    assert not codes(out.data) & {"VB501", "VB503"}
    page = office.read_docx(out.data).page
    assert (page.top_mm, page.bottom_mm, page.left_mm, page.right_mm) == pytest.approx(
        (20, 20, 30, 15), abs=0.1
    )
    assert members(out.data)["word/styles.xml"] == members(bad)["word/styles.xml"]  # runs, not styles


def test_page_size_is_an_unsafe_fix():
    from fixtures_office import build_party_docx

    letter = build_party_docx(page="Letter")
    assert "VB502" in codes(letter)
    safe = fix_bytes("tb.docx", letter, OPTS, unsafe=False)
    assert "VB502" in codes(safe.data) and safe.hidden >= 1
    unsafe = fix_bytes("tb.docx", letter, OPTS, unsafe=True)
    assert "VB502" not in codes(unsafe.data)
    page = office.read_docx(unsafe.data).page
    assert (round(page.width_mm), round(page.height_mm)) == (210, 297)


def test_part_sizes_and_weights_are_fixed():
    import docx
    from docx.shared import Pt

    doc = docx.Document(io.BytesIO(build_state_docx()))
    for p in doc.paragraphs:
        if p.text == "QUYẾT ĐỊNH":
            for r in p.runs:
                r.font.size, r.bold = Pt(11), False  # the type name: 13–14 pt, bold
    buf = io.BytesIO()
    doc.save(buf)
    assert "VB504" in codes(buf.getvalue())
    out = fix_bytes("qd.docx", buf.getvalue(), OPTS, unsafe=False)
    assert "VB504" not in codes(out.data)
    (fixed,) = [p for p in docx.Document(io.BytesIO(out.data)).paragraphs if p.text == "QUYẾT ĐỊNH"]
    assert all(r.bold and r.font.size.pt == 13 for r in fixed.runs)


def signed_package(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            z.writestr(info, src.read(info))
        z.writestr("_xmlsignatures/sig1.xml", "<Signature/>")
    return out.getvalue()


def test_a_signed_document_is_never_modified(state_arial):
    signed = signed_package(state_arial)
    out = fix_bytes("qd.docx", signed, OPTS, unsafe=True)
    assert out.data == signed and not out.changed and "ký số" in out.refused
    assert "VB501" in {d.code for d in out.result.diagnostics}  # still checked


@pytest.mark.parametrize(
    "data, why",
    [
        (b"PK\x03\x04 this is not a zip archive", "không đọc được"),
        (b"plain text, not a package", "không đọc được"),
        (b"", "không đọc được"),
    ],
)
def test_a_bad_package_is_refused_with_a_reason(data, why):
    out = fix_bytes("x.docx", data, OPTS, unsafe=True)
    assert out.data == data and not out.changed and why in out.refused
    assert out.result is not None and out.result.diagnostics


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch):
    monkeypatch.setattr(office, "MAX_UNZIPPED", 2 * 1024 * 1024)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (8 * 1024 * 1024))
    out = fix_bytes("bomb.docx", buf.getvalue(), OPTS, unsafe=True)
    assert "bomb" in out.refused and not out.changed
    assert [d.code for d in out.result.diagnostics] == ["VB006"]


def test_the_cli_fixes_a_docx_in_place(tmp_path, state_arial):
    path = tmp_path / "qd.docx"
    path.write_bytes(state_arial)
    p = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--fix", "--no-cache", "--today", "2026-11-22", str(path)],
        capture_output=True,
        text=True,
    )
    assert p.returncode == 0, p.stdout + p.stderr
    assert path.read_bytes() != state_arial and not codes(path.read_bytes()) & {"VB501", "VB262"}
    again = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--no-cache", "--today", "2026-11-22", str(path)],
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0 and "VB501" not in again.stdout


def test_formatting_fixes_survive_the_cache(tmp_path):
    import json

    from linter.cache import Cache, from_dict, settings_key, to_dict

    data = build_party_docx_bad()
    r = lint_bytes("tb.docx", data, OPTS)
    assert any(d.fix and d.fix.style for d in r.diagnostics)
    assert from_dict(json.loads(json.dumps(to_dict(r))), r.path) == r
    c = Cache(tmp_path, settings_key(OPTS))
    c.put("tb.docx", data, r)
    assert c.get("tb.docx", data) == r


# --------------------------------------------------------------------------- corpus documents in runs


def no_typography(r):
    """The VB5xx rules left out (as `ignore` would), so only text fixes are made."""
    r.diagnostics = [d for d in r.diagnostics if not d.code.startswith("VB5")]
    return r


def corpus_docx(text: str, *, tab_at: tuple[str, int] | None = None) -> bytes:
    """A corpus document as a .docx, a paragraph a line: the first word bold, the last of a
    longer line italic, the rest plain. tab_at = (line, k): that line's character k, a space,
    typed as a w:tab between two runs."""
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    for line in text.rstrip("\n").split("\n"):
        p = doc.add_paragraph()
        words = line.split(" ")
        if tab_at and line == tab_at[0]:
            k = tab_at[1]
            assert line[k] == " "
            p.add_run(line[:k]).add_tab()
            pieces = ["", line[k + 1 :]]
        elif len(words) >= 3:
            pieces = [words[0], " " + " ".join(words[1:-1]) + " ", words[-1]]
        else:
            pieces = [line] if line else []
        for k, piece in enumerate(pieces):
            if piece:
                r = p.add_run(piece)
                r.bold, r.italic = k == 0 and len(pieces) > 1, k == 2
                r.font.size = Pt(14)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def runs(data: bytes) -> list[tuple]:
    """Every run: paragraph, text, bold, italic, size, font (python-docx must open the package)."""
    import docx

    return [
        (i, r.text, r.bold, r.italic, r.font.size, r.font.name)
        for i, p in enumerate(docx.Document(io.BytesIO(data)).paragraphs)
        for r in p.runs
    ]


def assert_characters_keep_their_runs_formatting(old: bytes, new: bytes) -> None:
    """Each character a fix did not change is still in a run formatted as before."""
    import difflib

    def chars(data):
        out: dict[int, list] = {}
        for i, text, *fmt in runs(data):
            out.setdefault(i, []).extend((ch, *fmt) for ch in text)
        return out

    a, b = chars(old), chars(new)
    assert a.keys() == b.keys()
    for i in a:
        ta, tb = "".join(c[0] for c in a[i]), "".join(c[0] for c in b[i])
        for x, y, n in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks():
            assert a[i][x : x + n] == b[i][y : y + n], (ta, tb)


def names(data: bytes) -> set[str]:
    return {d.name for d in lint_bytes("doc.docx", data, OPTS).diagnostics}


FULLY_FIXABLE = [p for p in FIXABLE_SAMPLES if p.stem not in NOT_FULLY_FIXABLE]


@pytest.mark.parametrize("sample", FULLY_FIXABLE, ids=[p.stem for p in FULLY_FIXABLE])
def test_a_damaged_corpus_document_in_a_docx_is_fixed_back_inside_its_runs(sample):
    rule = sample.stem.split("--")[0]
    data = corpus_docx(sample.read_text(encoding="utf-8"))
    assert rule in names(data)
    out = fix_bytes("doc.docx", data, OPTS, unsafe=False, post=no_typography)
    assert out.refused is None and out.changed and out.applied >= 1
    assert rule not in names(out.data)
    valid = (VALID / SOURCES[sample.name]).read_text(encoding="utf-8").rstrip("\n")
    assert office.read_docx(out.data).text == valid == out.text
    assert [r[0] for r in runs(out.data)] == [r[0] for r in runs(data)]  # no run lost or gained
    assert_characters_keep_their_runs_formatting(data, out.data)
    assert out.diff.startswith("--- a/doc.docx") and "\n-" in out.diff and "\n+" in out.diff


def test_decomposed_text_is_composed_without_moving_text_between_runs():
    import unicodedata

    from linter.rules import BY_NAME

    not_nfc = BY_NAME["not-nfc"].code
    valid = (VALID / "thong_bao.txt").read_text(encoding="utf-8")
    data = corpus_docx(unicodedata.normalize("NFD", valid))
    assert not_nfc in codes(data)
    out = fix_bytes("doc.docx", data, OPTS, unsafe=False, post=no_typography)
    assert out.refused is None and out.changed and not_nfc not in codes(out.data)
    # the fix spans the whole header, many lines and runs: only the decomposed letters change
    assert office.read_docx(out.data).text == unicodedata.normalize("NFC", valid).rstrip("\n")
    nfc = [(i, unicodedata.normalize("NFC", t), *fmt) for i, t, *fmt in runs(data)]
    assert runs(out.data) == nfc  # each run composed in place, its formatting unchanged


def test_a_fix_over_a_character_no_run_holds_is_skipped_and_counted():
    valid = (VALID / "thong_bao.txt").read_text(encoding="utf-8")
    number = "Số 427 - TB/TU"
    damaged = valid.replace("Số 427-TB/TU", number).replace("tháng 8 năm", "tháng 08 năm")
    data = corpus_docx(damaged, tab_at=(number, number.index(" -")))  # "427\t- TB/TU"
    assert "Số 427\t- TB/TU" in office.read_docx(data).text
    assert {"number-spacing", "date-extra-leading-zero"} <= names(data)
    out = fix_bytes("doc.docx", data, OPTS, unsafe=False, post=no_typography)
    # the number's fix would delete the tab, which no w:t holds: left out, counted, nothing half done
    assert names(out.data) & {"number-spacing", "date-extra-leading-zero"} == {"number-spacing"}
    assert out.applied == 1 and out.skipped == 1 and out.changed
    assert "Số 427\t- TB/TU" in office.read_docx(out.data).text


def test_formatting_fixes_keep_each_runs_bold_italic_and_size():
    bad = build_party_docx_bad()
    keep = {"VB501", "VB503"}

    def only_font_and_margins(r):
        r.diagnostics = [d for d in r.diagnostics if d.code in keep]
        return r

    out = fix_bytes("tb.docx", bad, OPTS, unsafe=False, post=only_font_and_margins)
    assert out.changed and not codes(out.data) & keep
    old, new = runs(bad), runs(out.data)
    assert [r[:5] for r in old] == [r[:5] for r in new]  # text, bold, italic, size as they were
    assert {r[5] for r in new} == {"Times New Roman"} and {r[5] for r in old} != {"Times New Roman"}


# --------------------------------------------------------------------------- refusals


def rezip(data: bytes, *, drop=(), replace=None, add=()) -> bytes:
    """The package with members dropped, replaced or added (the rest copied as they were)."""
    replace = replace or {}
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename not in drop:
                z.writestr(info, replace.get(info.filename, src.read(info)))
        for name, blob in add:
            z.writestr(name, blob)
    return out.getvalue()


def test_a_signature_relationship_alone_refuses_the_fix_and_the_file_stays(tmp_path, state_arial):
    old = members(state_arial)
    sig_type = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin"
    rels = old["_rels/.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdSig" Type="{sig_type}" Target="sig/origin.sigs"/></Relationships>'.encode(),
    )
    types = old["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.'
        b'digital-signature-origin"/></Types>',
    )
    signed = rezip(
        state_arial,
        replace={"_rels/.rels": rels, "[Content_Types].xml": types},
        add=[("sig/origin.sigs", b"")],
    )
    assert "VB501" in codes(signed)  # a readable document, with fixable problems
    path = tmp_path / "qd.docx"
    path.write_bytes(signed)
    out = fix_file(str(path), OPTS, unsafe=True, write=True)
    assert "ký số" in out.refused and not out.changed and not out.written
    assert path.read_bytes() == signed and "VB501" in {d.code for d in out.result.diagnostics}


def test_a_package_without_its_main_part_is_refused_by_name(state_arial):
    data = rezip(state_arial, drop={"word/document.xml"})
    out = fix_bytes("qd.docx", data, OPTS, unsafe=True)
    assert "word/document.xml" in out.refused and out.data == data and not out.changed
    assert [d.code for d in out.result.diagnostics] == ["VB006"]


def test_an_error_while_writing_a_round_is_reported_and_nothing_changes(state_arial, monkeypatch):
    from linter import docxfix

    def broken(rpr, style):
        raise RuntimeError("rPr hỏng")

    monkeypatch.setattr(docxfix, "_set", broken)
    out = fix_bytes("qd.docx", state_arial, OPTS, unsafe=False)
    assert "rPr hỏng" in out.refused and out.data == state_arial and not out.changed
    assert "VB501" in {d.code for d in out.result.diagnostics}


def test_pdfs_and_scans_are_refused_and_still_checked():
    pytest.importorskip("fpdf")
    from fixtures_office import build_party_pdf

    pdf = build_party_pdf()
    out = fix_bytes("tb.pdf", pdf, OPTS, unsafe=True)
    assert ".pdf" in out.refused and out.data == pdf and not out.changed
    assert out.result.profile == "party-hd36"  # the refusal still carries the check
    png = fix_bytes("tb.png", b"\x89PNG\r\n\x1a\n", OPTS, unsafe=True)
    assert "ảnh quét" in png.refused and not png.changed and png.result is not None


# --------------------------------------------------------------------------- command line


def test_the_cli_diff_shows_the_text_change_and_writes_nothing(tmp_path, state_arial):
    path = tmp_path / "qd.docx"
    path.write_bytes(state_arial)
    rc, out, _ = check(["--diff", "--no-cache", str(path)], tmp_path)
    assert path.read_bytes() == state_arial
    name = path.as_posix().removeprefix("./")
    assert f"--- a/{name}\n+++ b/{name}\n" in out
    assert any(line.startswith("+") and line.endswith("./.") for line in out.splitlines())


def test_the_cli_fix_replaces_the_file_atomically(tmp_path, state_arial):
    path = tmp_path / "qd.docx"
    path.write_bytes(state_arial)
    path.chmod(0o640)
    inode = path.stat().st_ino
    rc, out, err = check(["--fix", "--no-cache", str(path)], tmp_path)
    assert rc == 0, out + err
    assert path.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert sorted(os.listdir(tmp_path)) == ["qd.docx"] and path.stat().st_mode & 0o777 == 0o640
    assert not codes(path.read_bytes()) & {"VB501", "VB262"}


def test_the_cli_leaves_a_signed_document_alone(tmp_path, state_arial):
    path = tmp_path / "qd.docx"
    signed = signed_package(state_arial)
    path.write_bytes(signed)
    rc, out, err = check(["--fix", "--unsafe-fixes", "--no-cache", str(path)], tmp_path)
    assert rc == 1 and "ký số" in err and "VB501" in out  # refused, and its problems reported
    assert path.read_bytes() == signed


def test_the_cli_unsafe_fixes_set_the_page_to_a4(tmp_path):
    from fixtures_office import build_party_docx

    path = tmp_path / "tb.docx"
    path.write_bytes(build_party_docx(page="Letter"))
    rc, out, _ = check(["--fix", "--no-cache", str(path)], tmp_path)
    assert rc == 1 and "VB502" in out  # the page size is an unsafe fix: --fix leaves it
    rc, out, _ = check(["--fix", "--unsafe-fixes", "--no-cache", str(path)], tmp_path)
    page = office.read_docx(path.read_bytes()).page
    assert rc == 0 and (round(page.width_mm), round(page.height_mm)) == (210, 297)


def test_a_fix_of_several_edits_is_made_in_the_runs_of_every_line():
    """A list that lost all its dashes: one report, one fix with an edit per line (VB281)."""
    import docx

    d = docx.Document(io.BytesIO(build_state_docx()))
    for p in (p for t in d.tables for c in t._cells for p in c.paragraphs):  # Nơi nhận is in a table
        for r in p.runs:
            if r.text.startswith("- ") and ("Như Điều" in r.text or "Lưu: VT" in r.text):
                r.text = r.text[2:]
    buf = io.BytesIO()
    d.save(buf)
    before = lint_bytes("x.docx", buf.getvalue(), Options(today=date(2026, 11, 22)))
    (dash,) = [x for x in before.diagnostics if x.code == "VB281"]
    assert len(dash.fix.also) == 1
    out = fix_bytes("x.docx", buf.getvalue(), Options(today=date(2026, 11, 22)), unsafe=False)
    assert "VB281" not in codes(out.data)
    text = lint_bytes("x.docx", out.data, Options(today=date(2026, 11, 22))).text
    assert "- Như Điều 3;" in text and "- Lưu: VT, TCCB." in text
