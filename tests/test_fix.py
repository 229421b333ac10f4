"""The autofixer (linter/fix.py) and the OCR rules (linter/rules/ocr.py) on real documents:
corpus/invalid samples come back to the conforming file they were made from, the five seeds get
exactly the repairs a reader would make, and files keep their encoding, BOM, newlines and mode."""

import os
import re
import shutil
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from linter import decode as codec
from linter import fix as fixmod
from linter.diagnostics import Diagnostic, Fix, Span
from linter.fix import apply, fix_bytes, fix_file
from linter.lint import lint_bytes, lint_path
from linter.result import Options, Source
from linter.rules import Context, ocr, run_stage

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
VALID = CORPUS / "valid" / "party-hd36"
INVALID = CORPUS / "invalid"
SEEDS = CORPUS / "seeds"
OPTS = Options(today=date(2026, 11, 22))

FIXABLE = {
    "number-colon",
    "number-spacing",
    "number-missing-so",
    "number-legacy-qdi",
    "date-missing-leading-zero",
    "date-extra-leading-zero",
    "recipient-item-dash",
}
# made from its valid file with a second change no fix can undo (README: the date was moved too)
NOT_FULLY_FIXABLE = {"number-legacy-qdi--quy-dinh-2019"}


def _sources() -> dict[str, str]:
    readme = (INVALID / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"`([^`]+\.txt)` — .*\(from valid/party-hd36/(\w+\.txt)\)", readme))


SOURCES = _sources()
FIXABLE_SAMPLES = sorted(p for p in INVALID.glob("*.txt") if p.stem.split("--")[0] in FIXABLE)


def copy(src: Path, tmp_path: Path, name: str | None = None) -> Path:
    dst = tmp_path / (name or src.name)
    shutil.copyfile(src, dst)
    return dst


def write(tmp_path: Path, text: str, name: str = "doc.txt", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def lines(text: str) -> list[str]:
    return [s for _, s in ocr.split_lines(text)]


def changed_lines(old: str, new: str) -> list[tuple[int, str, str]]:
    a, b = lines(old), lines(new)
    assert len(a) == len(b), "a fix added or removed lines"
    return [(n, x, y) for n, (x, y) in enumerate(zip(a, b), 1) if x != y]


def names(result) -> set[str]:
    return {d.name for d in result.diagnostics}


def assert_body_untouched(path_before_text: str, before_result, after_text: str) -> None:
    """No body line changes, except to its NFC form."""
    body = before_result.components["body"]
    if not body:
        return
    for n, old, new in changed_lines(path_before_text, after_text):
        if body["line"] <= n <= body["end_line"]:
            assert unicodedata.normalize("NFC", old) == unicodedata.normalize("NFC", new), (n, old, new)


# --------------------------------------------------------------------------- corpus/invalid


@pytest.mark.parametrize("sample", FIXABLE_SAMPLES, ids=[p.stem for p in FIXABLE_SAMPLES])
def test_invalid_sample_is_fixed_back_to_its_valid_file(sample, tmp_path):
    rule = sample.stem.split("--")[0]
    path = copy(sample, tmp_path)
    before = lint_path(str(path), OPTS)
    assert rule in names(before)
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.refused is None and out.applied >= 1 and out.changed and out.written
    assert rule not in names(out.result)
    assert rule not in names(lint_path(str(path), OPTS))
    fixed = path.read_text(encoding="utf-8")
    valid = (VALID / SOURCES[sample.name]).read_text(encoding="utf-8")
    if sample.stem in NOT_FULLY_FIXABLE:
        # only the date line, changed on purpose when the sample was made, still differs
        diff = changed_lines(valid, fixed)
        assert len(diff) == 1 and "ngày" in diff[0][1], diff
    else:
        assert fixed == valid
    assert_body_untouched(sample.read_text(encoding="utf-8"), before, fixed)


def test_every_fixable_rule_has_a_sample():
    assert {p.stem.split("--")[0] for p in FIXABLE_SAMPLES} == FIXABLE


@pytest.mark.parametrize("sample", sorted(INVALID.glob("*.txt")), ids=lambda p: p.stem)
def test_fix_never_touches_the_body_nor_loses_a_part(sample, tmp_path):
    path = copy(sample, tmp_path)
    before = lint_path(str(path), OPTS)
    out = fix_file(str(path), OPTS, unsafe=True, write=True)
    after = lint_path(str(path), OPTS)
    assert {k for k, v in after.components.items() if v} == {k for k, v in before.components.items() if v}
    assert_body_untouched(sample.read_text(encoding="utf-8"), before, path.read_text(encoding="utf-8"))
    if not out.changed:
        assert path.read_bytes() == sample.read_bytes()


# --------------------------------------------------------------------------- seeds


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


# seed -> the repairs, each (old fragment, new fragment, lines it applies to)
SEED_REPAIRS = {
    # a damaged authority line is fixed whole, to its canonical form (issue 12)
    "000": [
        ("ƯBND", "UBND", 1),
        ("Nơi nhân:", "Nơi nhận:", 1),
        ("T Í M  BAN THƯỜNG vụ", "T/M BAN THƯỜNG VỤ", 1),
    ],
    "001": [
        ("Số 400 - TB/TU", "Số 400-TB/TU", 1),
        ("Nơi nhân:", "Nơi nhận:", 1),
        ("", "- ", 9),
        ("T/L BAN THƯỜNG vụ", "T/L BAN THƯỜNG VỤ", 1),
    ],
    "002": [],
    "003": [],
    "004": [],
}
# what no fix can repair: the parts a scan lost stay reported
SEED_LEFT = {
    "000": {"missing-banner", "missing-issuer", "missing-number", "missing-place-date"},
    "001": set(),
    "002": {
        "missing-banner",
        "missing-issuer",
        "missing-number",
        "missing-place-date",
        "missing-subject",
        "signature-name-missing",
    },
    "003": {"missing-banner", "missing-issuer", "missing-number", "missing-place-date"},
    "004": {"missing-banner", "missing-issuer", "missing-number", "missing-subject"},
}


@pytest.mark.parametrize("prefix", sorted(SEED_REPAIRS))
def test_seed_fixes_are_exactly_the_expected_repairs(prefix, tmp_path):
    src = _seed(prefix)
    path = copy(src, tmp_path)
    original = src.read_text(encoding="utf-8")
    before = lint_path(str(path), OPTS)
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.refused is None
    fixed = path.read_text(encoding="utf-8")
    used = {k: 0 for k in range(len(SEED_REPAIRS[prefix]))}
    for n, old, new in changed_lines(original, fixed):
        for k, (a, b, _) in enumerate(SEED_REPAIRS[prefix]):
            if (a and a in old and new == old.replace(a, b, 1)) or (not a and new == b + old):
                used[k] += 1
                break
        else:
            pytest.fail(f"unexpected change at line {n}: {old!r} -> {new!r}")
    assert [used[k] for k in used] == [c for *_, c in SEED_REPAIRS[prefix]]
    assert out.applied == sum(c for *_, c in SEED_REPAIRS[prefix])
    assert out.changed == bool(SEED_REPAIRS[prefix])
    if not out.changed:
        assert path.read_bytes() == src.read_bytes() and out.diff == ""
    assert_body_untouched(original, before, fixed)
    # re-checking reports only what a fix cannot repair
    again = lint_path(str(path), OPTS)
    assert SEED_LEFT[prefix] <= names(again)
    assert not [d for d in again.diagnostics if d.fix is not None], [d.name for d in again.diagnostics]
    assert {k for k, v in again.components.items() if v} == {k for k, v in before.components.items() if v}
    assert "label-misread" not in names(again)


def test_seed_misreadings_are_reported_with_exact_spans():
    path = _seed("000")
    r = lint_path(str(path), OPTS)
    text = path.read_text(encoding="utf-8")
    got = {}
    for d in r.diagnostics:
        if d.name == "label-misread":
            s = d.fix.span
            assert s.line == s.end_line
            got[lines(text)[s.line - 1][s.column - 1 : s.end_column - 1]] = d.fix.replacement
            assert d.severity == "warning" and d.code == "VB121" and d.fix.applicability == "safe"
    assert got == {"ƯBND": "UBND", "Nơi nhân:": "Nơi nhận:", "T Í M  BAN THƯỜNG vụ": "T/M BAN THƯỜNG VỤ"}


# --------------------------------------------------------------------------- label-misread


def _variant(tmp_path, valid: str, *edits: tuple[str, str]) -> Path:
    text = (VALID / valid).read_text(encoding="utf-8")
    for a, b in edits:
        assert a in text
        text = text.replace(a, b, 1)
    return write(tmp_path, text)


@pytest.mark.parametrize(
    "valid,right,misread",
    [
        ("thong_bao.txt", "Nơi nhận:", "Nơi nhân:"),
        ("thong_bao.txt", "Nơi nhận:", "Noi nhan:"),
        ("thong_bao.txt", "Nơi nhận:", "NƠI NHẬN :"),
        ("thong_bao.txt", "Nơi nhận:", "Nơi nhận"),
        ("cong_van.txt", "Kính gửi:", "Kinh gui:"),
        ("cong_van.txt", "Kính gửi:", "Kính gừi:"),
        ("cong_van.txt", "Kính gửi:\n", "Kinh gui\n"),
        ("thong_bao.txt", "T/L BAN", "T I L BAN"),
        ("thong_bao.txt", "T/L BAN", "T/ L BAN"),
        ("thong_bao.txt", "T/L BAN", "T1L BAN"),
        ("chi_thi.txt", "T/M BAN", "T Í M BAN"),
        ("chi_thi.txt", "T/M BAN", "T I M BAN"),
        ("chi_thi.txt", "T/M BAN", "T/ M BAN"),
        ("huong_dan.txt", "K/T TRƯỞNG BAN", "K / T TRƯỞNG BAN"),
        ("thong_bao.txt", "- Ban cán sự đảng UBND tỉnh,", "- Ban cán sự đảng ƯBND tỉnh,"),
    ],
    ids=lambda v: None if v.endswith(".txt") else v,
)
def test_label_misread_fixed_back(tmp_path, valid, right, misread):
    path = _variant(tmp_path, valid, (right, misread))
    r = lint_path(str(path), OPTS)
    assert names(r) == {"label-misread"}
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.applied == 1 and out.refused is None
    assert path.read_text(encoding="utf-8") == (VALID / valid).read_text(encoding="utf-8")
    assert names(out.result) == set()


def test_label_misread_leaves_the_body_alone(tmp_path):
    # "ƯBND" in the body is the author's wording: not touched (only labels, header and lists)
    path = _variant(tmp_path, "thong_bao.txt", ("Giao Ban cán sự đảng Ủy ban", "Giao Ban cán sự đảng ƯBND"))
    assert "label-misread" not in names(lint_path(str(path), OPTS))
    before = path.read_bytes()
    assert not fix_file(str(path), OPTS, unsafe=True, write=True).changed
    assert path.read_bytes() == before


def test_label_misread_in_a_state_issuer(tmp_path):
    text = (
        "ƯBND TỈNH LAI CHÂU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 15/UBND-VX\nV/v tăng cường công tác phòng chống dịch\nLai Châu, ngày 20 tháng 11 năm 2025\n\n"
        "Kính gửi: Sở Y tế.\n\nNội dung công văn./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, VX.\n\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"
    )
    path = write(tmp_path, text)
    r = lint_path(str(path), OPTS)
    assert r.components["issuer"] and "ƯBND" in r.components["issuer"]["text"]
    assert [d.fix.replacement for d in r.diagnostics if d.name == "label-misread"] == ["UBND"]
    fix_file(str(path), OPTS, unsafe=False, write=True)
    assert path.read_text(encoding="utf-8") == text.replace("ƯBND", "UBND")


def test_label_far_from_the_label_is_an_unsafe_fix(tmp_path):
    # "Nơi nhậii:" is still the Nơi nhận label to the lexer, but not the same word folded: unsafe
    path = _variant(tmp_path, "thong_bao.txt", ("Nơi nhận:", "Nơi nhậii:"))
    r = lint_path(str(path), OPTS)
    [d] = [d for d in r.diagnostics if d.name == "label-misread"]
    assert d.fix.applicability == "unsafe" and d.fix.replacement == "Nơi nhận:"
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert not out.changed and out.hidden == 1 and out.skipped == 0
    out = fix_file(str(path), OPTS, unsafe=True, write=True)
    assert out.applied == 1 and path.read_text(encoding="utf-8") == (VALID / "thong_bao.txt").read_text(
        encoding="utf-8"
    )


def test_correct_labels_are_not_flagged():
    for p in sorted(VALID.glob("*.txt")):
        r = lint_path(str(p), OPTS)
        assert not {"label-misread", "not-nfc"} & names(r), p.name


# --------------------------------------------------------------------------- not-nfc


def test_not_nfc_reported_from_the_source_text():
    text = (VALID / "chi_thi.txt").read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text)
    [d] = _source_stage(nfd)
    assert (d.code, d.name, d.severity, d.fix.applicability) == ("VB122", "not-nfc", "info", "safe")
    first = lines(nfd)[0]  # "ĐẢNG …": "Đ" has no decomposition, "Ả" does
    assert d.span == Span(1, 2, 1, 2 + len(unicodedata.normalize("NFD", "Ả")))
    assert first[d.span.column - 1 : d.span.end_column - 1] == unicodedata.normalize("NFD", "Ả")
    assert apply(nfd, [d], unsafe=False) == (text, 1)
    assert _source_stage(text) == []
    assert _source_stage(nfd, encoding="cp1258") == []  # cp1258 stores marks apart by design


def _source_stage(text: str, encoding: str = "utf-8") -> list:
    """What the source stage reports on a decoded text (not-nfc is its one rule)."""
    ctx = Context("party-hd36", date(2026, 11, 22), "vi", None, Source("t.txt", text, encoding))
    return run_stage("source", None, ctx)


def test_nfd_file_fixed_to_nfc_and_body_words_unchanged(tmp_path):
    valid = (VALID / "chi_thi.txt").read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", valid.replace("ngày 05 tháng", "ngày 5 tháng"))
    assert nfd != valid
    path = write(tmp_path, nfd)
    before = lint_path(str(path), OPTS)
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.refused is None and out.applied == 2  # NFC, then the leading zero (next round)
    assert path.read_text(encoding="utf-8") == valid
    assert not names(out.result)
    assert_body_untouched(nfd, before, valid)


def test_end_of_line_insert_after_a_decomposed_letter(tmp_path):
    # Line.pos puts the end of "…Sở" before the marks of "ở": the fixer must not split them
    valid = (VALID / "chi_thi.txt").read_text(encoding="utf-8")
    text = unicodedata.normalize("NFD", valid.replace("- Lưu Văn phòng Tỉnh ủy.", "- Lưu Văn phòng Sở"))
    r = lint_bytes("t.txt", text.encode(), OPTS)
    fixes = [d for d in r.diagnostics if d.name == "recipients-last-punctuation"]
    assert fixes
    new, n = apply(text, fixes, unsafe=False)
    assert n == 1 and unicodedata.normalize("NFC", new) == valid.replace(
        "- Lưu Văn phòng Tỉnh ủy.", "- Lưu Văn phòng Sở."
    )


# --------------------------------------------------------------------------- encodings

SAMPLE = INVALID / "number-spacing--thong-bao.txt"
ENCODINGS = {
    "utf-8-bom": ("utf-8-sig", codec.BOM_UTF8, "\n", ""),
    "crlf": ("utf-8", b"", "\r\n", ""),
    "utf-16-le-bom": ("utf-16-le", codec.BOM_UTF16_LE, "\n", ""),
    "utf-16-be-bom-crlf": ("utf-16-be", codec.BOM_UTF16_BE, "\r\n", ""),
    "cp1258": ("cp1258", b"", "\n", ""),
    "cp1258-crlf": ("cp1258", b"", "\r\n", ""),
    "tcvn3": ("tcvn3", b"", "\n", ""),
    "vni": ("vni", b"", "\n", ""),
    "tcvn3-in-utf-8": ("tcvn3", b"", "\n", "utf-8"),
}


def _encoded(kind: str, text: str) -> tuple[bytes, codec.Decoded]:
    enc, bom, nl, carrier = ENCODINGS[kind]
    d = codec.Decoded(text, enc, bom, nl, enc in ("cp1258", "tcvn3", "vni"), 1.0, 0, carrier)
    return codec.encode(text, d), d


@pytest.mark.parametrize("kind", ENCODINGS)
def test_fix_keeps_encoding_bom_and_newlines(kind, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    data, d = _encoded(kind, text)
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    before = codec.decode(data)
    assert before.encoding == d.encoding and before.bom == d.bom and before.newline == d.newline
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.refused is None and out.applied == 1 and out.written
    new = path.read_bytes()
    # byte for byte, only the number changed
    piece = codec.Decoded("", d.encoding, b"", d.newline, d.legacy, 1.0, 0, d.carrier)
    assert new == data.replace(codec.encode("427 - TB / TU", piece), codec.encode("427-TB/TU", piece), 1)
    after = codec.decode(new)
    assert (after.encoding, after.bom, after.newline, after.carrier) == (
        d.encoding,
        d.bom,
        d.newline,
        d.carrier,
    )
    assert "number-spacing" not in names(lint_path(str(path), OPTS))
    again = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert (again.applied, again.changed, again.written) == (0, False, False) and path.read_bytes() == new


def test_label_fix_in_a_cp1258_file_maps_decomposed_columns(tmp_path):
    # cp1258 keeps tones as combining marks: spans are in decomposed code points
    valid = (VALID / "chi_thi.txt").read_text(encoding="utf-8")
    bad = valid.replace("Nơi nhận:", "Nơi nhân:").replace("T/M BAN", "T Í M BAN")
    data, _ = _encoded("cp1258", bad)
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.applied == 2 and out.refused is None
    assert path.read_bytes() == _encoded("cp1258", valid)[0]


def test_unrepresentable_fix_is_refused(tmp_path, monkeypatch):
    # a replacement the file's encoding cannot hold: nothing is written
    path = copy(SAMPLE, tmp_path)
    data = path.read_bytes()

    def cannot(text, decoded, errors="strict"):
        raise UnicodeEncodeError("cp1258", text, 0, 1, "cannot encode")

    monkeypatch.setattr(fixmod.codec, "encode", cannot)
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.refused and "bảng mã" in out.refused and not out.changed and out.applied == 0
    assert path.read_bytes() == data


# --------------------------------------------------------------------------- the file


def test_file_mode_is_kept(tmp_path):
    path = copy(SAMPLE, tmp_path)
    os.chmod(path, 0o640)
    assert fix_file(str(path), OPTS, unsafe=False, write=True).written
    assert (path.stat().st_mode & 0o7777) == 0o640


def test_symlink_is_followed_not_replaced(tmp_path):
    real = copy(SAMPLE, tmp_path, "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert fix_file(str(link), OPTS, unsafe=False, write=True).written
    assert link.is_symlink() and "Số 427-TB/TU" in real.read_text(encoding="utf-8")


def test_second_run_changes_nothing(tmp_path):
    for src in [*FIXABLE_SAMPLES, *(_seed(p) for p in SEED_REPAIRS)]:
        path = copy(src, tmp_path)
        fix_file(str(path), OPTS, unsafe=True, write=True)
        data, mtime = path.read_bytes(), path.stat().st_mtime_ns
        out = fix_file(str(path), OPTS, unsafe=True, write=True)
        assert (out.applied, out.changed, out.written, out.diff) == (0, False, False, ""), src.name
        assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime


def test_dry_run_never_touches_the_file_and_returns_the_diff(tmp_path):
    path = copy(_seed("001"), tmp_path, "seed.txt")
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    out = fix_file(str(path), OPTS, unsafe=False, write=False)
    assert out.changed and not out.written and out.applied == 12
    assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime
    assert sorted(os.listdir(tmp_path)) == ["seed.txt"]
    head = out.diff.splitlines()[:2]
    assert head == [f"--- a/{path.as_posix()}", f"+++ b/{path.as_posix()}"]
    assert "-Số 400 - TB/TU Quảng Ninh, ngày 26 tháng 10 năm 2021 \n+Số 400-TB/TU Quảng Ninh" in out.diff
    assert "-Nơi nhân: \n" in out.diff and "+Nơi nhận: \n" in out.diff
    assert "+- VPTW Đảng, VP Chính phủ (để báo cáo), \n" in out.diff
    # what remains after the fixes, as the check would report it
    assert not [d for d in out.result.diagnostics if d.fix]


def test_fix_bytes_touches_no_file():
    # the core, for stdin: bytes in, fixed bytes out, in the input's encoding
    data = codec.BOM_UTF8 + SAMPLE.read_bytes()
    out = fix_bytes("-", data, OPTS, unsafe=False)
    assert out.changed and out.applied == 1 and not out.written
    assert out.data == data.replace(b"427 - TB / TU", b"427-TB/TU")
    assert out.diff.startswith("--- a/-\n+++ b/-\n")
    same = fix_bytes("-", out.data, OPTS, unsafe=False)
    assert not same.changed and same.data == out.data and same.diff == ""


def test_post_filter_decides_which_fixes_apply(tmp_path):
    # the CLI passes the user's select/ignore: an ignored rule's fix is not applied
    import dataclasses

    path = copy(INVALID / "date-missing-leading-zero--day.txt", tmp_path)
    data = path.read_bytes()

    def ignore_dates(r):
        return dataclasses.replace(
            r, diagnostics=[d for d in r.diagnostics if not d.name.startswith("date-")]
        )

    out = fix_file(str(path), OPTS, unsafe=False, write=True, post=ignore_dates)
    assert not out.changed and out.applied == 0 and names(out.result) == set() and path.read_bytes() == data


def test_diff_of_a_crlf_file_has_no_carriage_returns(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n").encode())
    out = fix_file(str(path), OPTS, unsafe=False, write=False)
    assert "\r" not in out.diff and "-Số 427 - TB / TU\n+Số 427-TB/TU\n" in out.diff


@pytest.mark.parametrize("where", ["replace", "fsync", "interrupt"])
def test_interrupted_write_leaves_the_original(where, tmp_path, monkeypatch):
    path = copy(SAMPLE, tmp_path)
    data = path.read_bytes()

    def fail(*a, **k):
        if where == "interrupt":
            raise KeyboardInterrupt
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixmod.os, "replace" if where != "fsync" else "fsync", fail)
    if where == "interrupt":
        with pytest.raises(KeyboardInterrupt):
            fix_file(str(path), OPTS, unsafe=False, write=True)
    else:
        out = fix_file(str(path), OPTS, unsafe=False, write=True)
        assert not out.written and out.refused and "tệp gốc giữ nguyên" in out.refused
    assert path.read_bytes() == data
    assert os.listdir(tmp_path) == [path.name]


def test_unreadable_and_office_files_are_refused(tmp_path):
    out = fix_file(str(tmp_path / "missing.txt"), OPTS, unsafe=False, write=True)
    assert out.refused and not out.changed and names(out.result) == {"unreadable-file"}
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK\x03\x04")
    out = fix_file(str(docx), OPTS, unsafe=False, write=True)
    assert "docx" in out.refused and out.result is not None and docx.read_bytes() == b"PK\x03\x04"
    empty = write(tmp_path, "", "empty.txt")
    out = fix_file(str(empty), OPTS, unsafe=False, write=True)
    assert out.refused and names(out.result) == {"empty-file"} and not out.changed
    bad = tmp_path / "bad.txt"
    bad.write_bytes(SAMPLE.read_bytes().replace("Thường".encode(), b"Th\xffng", 1))
    data = bad.read_bytes()
    out = fix_file(str(bad), OPTS, unsafe=False, write=True)
    assert out.refused and "byte" in out.refused and bad.read_bytes() == data


# --------------------------------------------------------------------------- safety nets


def test_round_that_loses_a_part_is_refused(tmp_path, monkeypatch):
    path = copy(SAMPLE, tmp_path)
    data = path.read_bytes()
    real, calls = fixmod.lint_source, []

    def lint_losing_body(src, opts):
        res = real(src, opts)
        calls.append(1)
        if len(calls) > 1:
            res.components["body"] = None
        return res

    monkeypatch.setattr(fixmod, "lint_source", lint_losing_body)
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.refused and "mất: body" in out.refused and out.applied == 0 and not out.changed
    assert path.read_bytes() == data


def test_round_whose_recheck_raises_is_refused(tmp_path, monkeypatch):
    path = copy(SAMPLE, tmp_path)
    data = path.read_bytes()
    real, calls = fixmod.lint_source, []

    def lint_then_crash(src, opts):
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("boom")
        return real(src, opts)

    monkeypatch.setattr(fixmod, "lint_source", lint_then_crash)
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.refused and "RuntimeError" in out.refused and not out.changed
    assert path.read_bytes() == data


def test_fix_inside_the_body_is_refused(tmp_path, monkeypatch):
    path = copy(SAMPLE, tmp_path)
    real = fixmod.lint_source

    def lint_with_body_fix(src, opts):
        res = real(src, opts)
        line = res.components["body"]["line"] + 1
        res.diagnostics.append(
            Diagnostic(
                "VB999",
                "fake",
                "warning",
                "body",
                Span.at(line),
                "fake",
                Fix("safe", "CHANGED ", Span.at(line)),
            )
        )
        return res

    monkeypatch.setattr(fixmod, "lint_source", lint_with_body_fix)
    out = fix_file(str(path), OPTS, unsafe=True, write=True)
    assert out.applied == 1 and out.skipped == 1  # the number fixed, the body fix left
    assert "CHANGED" not in path.read_text(encoding="utf-8")


def test_wrong_fix_of_a_rule_is_not_applied(tmp_path):
    # date-extra-leading-zero looks for the first "thang" of the folded line, which here is the
    # place "Thăng Bình": its fix would write "3" into the place name. The re-check catches it (the
    # date line no longer parses). If the rule gets fixed, the month is fixed instead.
    path = _variant(tmp_path, "chi_thi.txt", ("Lai Châu, ngày 05 tháng 3", "Thăng Bình, ngày 05 tháng 03"))
    data = path.read_bytes()
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    line = lines(path.read_text(encoding="utf-8"))[5]
    assert line.startswith("Thăng Bình, ngày 05 tháng ")
    if out.changed:
        assert line == "Thăng Bình, ngày 05 tháng 3 năm 2021" and out.refused is None
    else:
        assert out.refused and out.skipped == 1 and path.read_bytes() == data


def test_fix_that_does_not_remove_its_diagnostic_is_dropped(tmp_path, monkeypatch):
    # a rule whose fix leaves its own diagnostic in place is wrong: that fix is dropped, the
    # others of the round are applied
    path = copy(SAMPLE, tmp_path)
    real = fixmod.lint_source

    def lint_with_useless_fix(src, opts):
        res = real(src, opts)
        res.diagnostics.append(
            Diagnostic(
                "VB998", "useless", "warning", None, Span(1, 1, 1, 1), "x", Fix("safe", "x", Span(1, 1, 1, 1))
            )
        )
        return res

    monkeypatch.setattr(fixmod, "lint_source", lint_with_useless_fix)
    out = fix_file(str(path), OPTS, unsafe=False, write=True)
    assert out.applied == 1 and out.refused and "VB998 dòng 1" in out.refused
    text = path.read_text(encoding="utf-8")
    assert "Số 427-TB/TU" in text and not text.startswith("x")


# --------------------------------------------------------------------------- apply()


def _d(line, col, end_line, end_col, rep, applicability="safe", code="VB000"):
    s = Span(line, col, end_line, end_col)
    return Diagnostic(code, "t", "error", None, s, "", Fix(applicability, rep, s))


def test_apply_maps_lines_like_normalize():
    text = "ab\r\ncd\ref\ngh"
    got, n = apply(
        text,
        [_d(1, 2, 1, 3, "B"), _d(2, 1, 2, 1, "- "), _d(3, 3, 3, 3, "!"), _d(4, 1, 4, 3, "GH")],
        unsafe=False,
    )
    assert (got, n) == ("aB\r\n- cd\ref!\nGH", 4)


def test_apply_overlaps_keep_the_first_and_a_second_run_applies_the_rest():
    text = "Số: 427 - TB"
    a = _d(1, 3, 1, 5, " ")  # ": " -> " "
    b = _d(1, 4, 1, 13, " 427-TB")  # overlaps a
    got, n = apply(text, [b, a], unsafe=False)
    assert (got, n) == ("Số 427 - TB", 1)
    got2, n2 = apply(text, [b], unsafe=False)
    assert n2 == 1 and got2 == "Số: 427-TB"


def test_apply_skips_unsafe_unless_asked_and_bad_spans_and_noops():
    text = "abc"
    ds = [_d(1, 1, 1, 2, "A", "unsafe"), _d(1, 3, 1, 4, "c"), _d(7, 1, 7, 2, "x"), _d(1, 2, 1, 9, "x")]
    assert apply(text, ds, unsafe=False) == ("abc", 0)
    assert apply(text, ds, unsafe=True) == ("Abc", 1)
    assert apply(text, [_d(1, 2, 1, 3, "B"), _d(1, 2, 1, 3, "B")], unsafe=False) == ("aBc", 1)
    # two insertions at one point: their order would be a guess, so only the first
    assert apply(text, [_d(1, 2, 1, 2, "x"), _d(1, 2, 1, 2, "y")], unsafe=False) == ("axbc", 1)


def test_a_file_that_is_not_a_document_is_never_fixed(tmp_path):
    # not even to NFC: `--fix dir/` must leave a stray README alone
    text = unicodedata.normalize("NFD", (CORPUS / "notdoc" / "article.txt").read_text(encoding="utf-8"))
    path = write(tmp_path, text)
    out = fix_file(str(path), OPTS, unsafe=True, write=True)
    assert "not-a-document" in names(out.result) and not out.changed
    assert path.read_text(encoding="utf-8") == text
