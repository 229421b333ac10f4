"""End-to-end tests of the vblint command line: exit codes, text and JSON output, bad input.

Exit codes (linter/cli.py): 0 no error, 1 errors found, 2 usage error or unreadable input.
The CLI is run in a subprocess (`python -m linter`, cwd = a tmp dir) and, where convenient,
in-process through linter.cli.main()."""

import json
import os
import random
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from contract import COMPONENTS

from linter import __version__
from linter.cli import main

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
VALID = CORPUS / "valid" / "party-hd36" / "chi_thi.txt"
VALID_CV = CORPUS / "valid" / "party-hd36" / "cong_van.txt"
COLON = CORPUS / "invalid" / "number-colon--thong-bao.txt"
ARTICLE = CORPUS / "notdoc" / "article.txt"
TODAY = ["--today", "2026-11-22"]

DIAG_KEYS = {
    "code",
    "name",
    "severity",
    "component",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "fix",
}


def run(args, cwd, input=None):
    """`python -m linter ARGS` in cwd, with the repo (and only the repo) on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NO_COLOR")}
    env["PYTHONPATH"] = str(REPO)
    env["PYTHONIOENCODING"] = "utf-8"
    p = subprocess.run(
        [sys.executable, "-m", "linter", *args],
        cwd=cwd,
        env=env,
        input=input,
        capture_output=True,
        timeout=60,
    )
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    assert "Traceback" not in out + err, out + err
    return p.returncode, out, err


def check(args, cwd, input=None):
    return run(["check", *TODAY, *args], cwd, input)


def inproc(capsys, args):
    """linter.cli.main(ARGS) in-process -> (exit code, stdout, stderr)."""
    try:
        rc = main(args)
    except SystemExit as e:  # argparse: --version, usage errors
        rc = e.code
    cap = capsys.readouterr()
    assert "Traceback" not in cap.out + cap.err
    return rc, cap.out, cap.err


def codes(out_json: str, index: int = 0) -> list[str]:
    return [d["code"] for d in json.loads(out_json)["files"][index]["diagnostics"]]


def copy(src: Path, dst_dir: Path, name: str | None = None) -> Path:
    dst = dst_dir / (name or src.name)
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


# --- conforming and defective documents -------------------------------------------------------


def test_valid_document_exit_0_vi_and_en(tmp_path):
    copy(VALID, tmp_path)
    rc, out, err = check(["chi_thi.txt"], tmp_path)
    assert rc == 0, out + err
    assert "Đã kiểm tra 1 tệp: 0 lỗi" in out
    assert out.strip().splitlines() == ["Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo, 0 thông tin."]
    rc, out, err = check(["--lang", "en", "chi_thi.txt"], tmp_path)
    assert rc == 0, out + err
    assert "Checked 1 files: 0 errors" in out


def test_defective_document_text_output(tmp_path):
    copy(COLON, tmp_path, "tb.txt")
    rc, out, err = check(["tb.txt"], tmp_path)
    assert rc == 1, out + err
    lines = out.splitlines()
    hits = [i for i, ln in enumerate(lines) if re.match(r"^tb\.txt:\d+:\d+: VB202 lỗi ", ln)]
    assert len(hits) == 1, out
    i = hits[0]
    assert lines[i].startswith("tb.txt:3:3: VB202 lỗi ") and lines[i].endswith("[number-colon]")
    src, marker = lines[i + 1], lines[i + 2]
    assert src == " 3 | Số: 427-TB/TU"
    assert re.match(r"^ {3}\| +\^$", marker), marker
    assert marker.index("^") == src.index(":"), (src, marker)  # the marker is under the colon
    assert any("căn cứ: HD 36-HD/VPTW" in ln for ln in lines)
    assert "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo, 0 thông tin." in out


def test_defective_document_english(tmp_path):
    copy(COLON, tmp_path, "tb.txt")
    rc, out, _ = check(["--lang", "en", "tb.txt"], tmp_path)
    assert rc == 1
    assert re.search(r"^tb\.txt:3:3: VB202 error .*\[number-colon\]$", out, re.M), out
    assert "Checked 1 files: 1 errors, 0 warnings, 0 infos." in out


def test_output_option_writes_report_file(tmp_path):
    copy(COLON, tmp_path, "tb.txt")
    rc, out, _ = check(["--output", "report.txt", "tb.txt"], tmp_path)
    assert rc == 1
    assert out == ""
    assert "VB202" in (tmp_path / "report.txt").read_text(encoding="utf-8")


# --- directories ------------------------------------------------------------------------------


def test_directory_recursion_sorted(tmp_path):
    docs = tmp_path / "docs"
    copy(VALID, docs, "z.txt")
    copy(COLON, docs, "a.txt")
    copy(VALID_CV, docs / "sub", "m.md")
    (docs / "sub" / "picture.gif").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (docs / "notes.rst").write_text("ignored", encoding="utf-8")
    rc, out, err = check(["--format", "json", "docs"], tmp_path)
    assert rc == 1, out + err  # a.txt has an error
    data = json.loads(out)
    paths = [f["path"] for f in data["files"]]
    expected = [str(Path("docs") / "a.txt"), str(Path("docs") / "sub" / "m.md"), str(Path("docs") / "z.txt")]
    assert paths == expected
    assert paths == sorted(paths)
    assert data["summary"]["files"] == 3
    assert [codes(out, i) for i in range(3)] == [["VB202"], [], []]
    # text output: same order, one summary line
    rc, out, _ = check(["docs"], tmp_path)
    assert rc == 1
    assert "Đã kiểm tra 3 tệp: 1 lỗi" in out


def test_directory_without_documents_exit_2(tmp_path):
    empty = tmp_path / "pics"
    empty.mkdir()
    (empty / "a.gif").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    rc, out, err = check(["pics"], tmp_path)
    assert rc == 2
    assert "no documents to check" in err
    assert out == ""


# --- stdin --------------------------------------------------------------------------------------


def test_stdin(tmp_path):
    rc, out, err = check(["-"], tmp_path, input=COLON.read_bytes())
    assert rc == 1, out + err
    assert re.search(r"^<stdin>:3:3: VB202 lỗi ", out, re.M), out
    rc, out, err = check(["--format", "json", "-"], tmp_path, input=VALID.read_bytes())
    assert rc == 0, out + err
    f = json.loads(out)["files"][0]
    assert f["path"] == "<stdin>" and f["doc_type"] == "chi_thi" and f["diagnostics"] == []


# --- JSON ---------------------------------------------------------------------------------------


def _assert_components(comps: dict):
    assert list(comps) == COMPONENTS  # exactly these 11, in this order
    assert {"seq", "symbol", "type_code", "issuer_code", "year"} <= set(comps["number"])
    assert {"place", "day", "month", "year"} <= set(comps["place_date"])
    sig = comps["signature"]
    assert {"authority", "body", "titles", "name"} <= set(sig)
    assert isinstance(sig["titles"], list)
    assert isinstance(comps["recipients"]["items"], list) and comps["recipients"]["items"]
    for s in comps["body"]["sections"]:
        assert "number" in s


def test_json_contract(tmp_path):
    copy(VALID, tmp_path)
    copy(VALID_CV, tmp_path)
    copy(COLON, tmp_path, "tb.txt")
    rc, out, err = check(["--format", "json", "chi_thi.txt", "cong_van.txt", "tb.txt"], tmp_path)
    assert rc == 1, out + err
    data = json.loads(out)
    assert set(data) == {"version", "files", "summary"}
    assert data["version"] == 1
    assert data["summary"] == {"files": 3, "errors": 1, "warnings": 0, "infos": 0}
    ct, cv, tb = data["files"]
    for f in (ct, cv, tb):
        assert {"path", "profile", "doc_type", "components", "diagnostics"} <= set(f)
        assert f["profile"] == "party-hd36"
        _assert_components(f["components"])
        assert f["components"]["marks"] is None  # absent -> null

    assert ct["path"] == "chi_thi.txt" and ct["doc_type"] == "chi_thi"
    c = ct["components"]
    assert c["number"]["seq"] == 15 and c["number"]["symbol"] == "CT/TU"
    assert c["number"]["type_code"] == "CT" and c["number"]["issuer_code"] == "TU"
    assert c["number"]["year"] is None
    assert (
        c["place_date"]["place"],
        c["place_date"]["day"],
        c["place_date"]["month"],
        c["place_date"]["year"],
    ) == ("Lai Châu", 5, 3, 2021)
    assert c["signature"]["authority"] == "T/M" and c["signature"]["body"] == "BAN THƯỜNG VỤ"
    assert c["signature"]["titles"] == ["BÍ THƯ"] and c["signature"]["name"] == "Lò Văn Thắng"
    assert c["addressees"] is None
    assert [s["number"] for s in c["body"]["sections"]] == [1, 2, 3, 4, 5]
    assert len(c["recipients"]["items"]) == 5
    assert ct["diagnostics"] == []

    assert cv["doc_type"] == "cong_van"
    assert isinstance(cv["components"]["addressees"]["items"], list)
    assert len(cv["components"]["addressees"]["items"]) >= 1

    (d,) = tb["diagnostics"]
    assert set(d) == DIAG_KEYS
    assert (d["code"], d["name"], d["severity"], d["component"]) == (
        "VB202",
        "number-colon",
        "error",
        "number",
    )
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (3, 3, 3, 4)
    assert d["message"]
    assert d["fix"]["replacement"] == " "


# --- bad input ----------------------------------------------------------------------------------


def _json_check(tmp_path, name):
    rc, out, err = check(["--format", "json", name], tmp_path)
    data = json.loads(out)
    assert data["summary"]["files"] == 1
    return rc, codes(out), data


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    rc, c, _ = _json_check(tmp_path, "empty.txt")
    assert (rc, c) == (1, ["VB001"])


def test_whitespace_only_file(tmp_path):
    (tmp_path / "ws.txt").write_bytes(b"  \n\t\r\n   \n\n")
    rc, c, _ = _json_check(tmp_path, "ws.txt")
    assert (rc, c) == (1, ["VB001"])


def test_binary_file(tmp_path):
    rnd = random.Random(42)
    data = b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(4096)) + b"\0" * 64
    (tmp_path / "image.txt").write_bytes(data)
    rc, c, _ = _json_check(tmp_path, "image.txt")
    assert (rc, c) == (2, ["VB002"])
    rc, out, _ = check(["image.txt"], tmp_path)
    assert rc == 2 and "VB002" in out


def test_invalid_utf8_inside_document_rest_still_checked(tmp_path):
    data = COLON.read_bytes()
    lines = data.splitlines(keepends=True)
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    cut = lines[longest].index(b" ", len(lines[longest]) // 2)  # a character boundary inside the body
    lines[longest] = lines[longest][:cut] + b" \xff\xfe\xc3 " + lines[longest][cut:]
    (tmp_path / "bad.txt").write_bytes(b"".join(lines))
    rc, c, _ = _json_check(tmp_path, "bad.txt")
    assert rc == 1
    assert "VB003" in c
    assert "VB202" in c  # the rest of the document was still checked


def test_file_too_large(tmp_path):
    with open(tmp_path / "big.txt", "wb") as f:
        f.truncate(12 * 1024 * 1024)  # sparse, instant
    rc, c, _ = _json_check(tmp_path, "big.txt")
    assert (rc, c) == (2, ["VB007"])


def test_file_too_large_on_stdin(tmp_path):
    rc, out, _ = check(["--format", "json", "-"], tmp_path, input=b"a" * (11 * 1024 * 1024))
    assert rc == 2
    assert codes(out) == ["VB007"]


def test_truncated_document(tmp_path):
    head = b"".join(VALID.read_bytes().splitlines(keepends=True)[:5])
    (tmp_path / "trunc.txt").write_bytes(head)
    rc, c, _ = _json_check(tmp_path, "trunc.txt")
    assert rc == 1
    assert {"VB105", "VB106", "VB108", "VB109", "VB110"} <= set(c), c  # the missing parts
    assert "VB005" not in c


def test_garbage_text(tmp_path):
    rnd = random.Random(1234)
    alphabet = string.ascii_letters + string.digits + string.punctuation + " \n"
    (tmp_path / "garbage.txt").write_text(
        "".join(rnd.choice(alphabet) for _ in range(2048)), encoding="utf-8"
    )
    rc, c, _ = _json_check(tmp_path, "garbage.txt")
    assert (rc, c) == (1, ["VB005"])


def test_english_readme_not_a_document(tmp_path):
    (tmp_path / "README.md").write_text(
        "# csvtidy\n\nA small tool that tidies CSV files.\n\n## Install\n\n    pip install csvtidy\n\n"
        "## Usage\n\nRun `csvtidy input.csv > output.csv`.\n\n## License\n\nMIT\n",
        encoding="utf-8",
    )
    rc, c, _ = _json_check(tmp_path, "README.md")
    assert (rc, c) == (1, ["VB005"])


def test_article_not_a_document(tmp_path):
    copy(ARTICLE, tmp_path)
    rc, c, _ = _json_check(tmp_path, "article.txt")
    assert (rc, c) == (1, ["VB005"])
    rc, out, _ = check(["article.txt"], tmp_path)
    assert rc == 1 and re.search(r"^article\.txt:1:1: VB005 lỗi .*\[not-a-document\]$", out, re.M)


def test_nonexistent_path(tmp_path):
    rc, out, err = check(["nope.txt"], tmp_path)
    assert rc == 2
    assert "nope.txt" in err and "not found" in err
    assert out == ""


def test_nonexistent_among_others_checks_nothing(tmp_path):
    copy(VALID, tmp_path)
    rc, out, err = check(["chi_thi.txt", "nope.txt"], tmp_path)
    assert rc == 2 and "nope.txt" in err


def test_unknown_option(tmp_path):
    copy(VALID, tmp_path)
    rc, out, err = run(["check", "--bogus", "chi_thi.txt"], tmp_path)
    assert rc == 2
    assert "usage" in err and "--bogus" in err


def test_usage_errors_in_process(capsys):
    assert inproc(capsys, [])[0] == 2
    assert inproc(capsys, ["check"])[0] == 2
    rc, _, err = inproc(capsys, ["check", "--today", "2026-13-45", "x.txt"])
    assert rc == 2 and "usage error" in err
    rc, _, err = inproc(capsys, ["check", "--format", "xml", "x.txt"])
    assert rc == 2 and "usage error" in err


def test_mixed_readable_and_unreadable_exit_2(tmp_path):
    copy(VALID, tmp_path)
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\0IHDR" + bytes(range(256)))
    rc, out, _ = check(["--format", "json", "chi_thi.txt", "bin.txt"], tmp_path)
    assert rc == 2
    assert [codes(out, 0), codes(out, 1)] == [[], ["VB002"]]


# --- the user's file is never modified --------------------------------------------------------


def test_file_not_modified(tmp_path):
    for src in (VALID, COLON):
        f = copy(src, tmp_path)
        os.utime(f, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
        before = (f.read_bytes(), f.stat().st_mtime_ns)
        listing = sorted(p.name for p in tmp_path.iterdir())
        for fmt in ("text", "json"):
            check(["--format", fmt, f.name], tmp_path)
        assert (f.read_bytes(), f.stat().st_mtime_ns) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no stray files either


# --- rules, rule, --version ---------------------------------------------------------------------


def test_rules_lists_codes(capsys):
    rc, out, _ = inproc(capsys, ["rules"])
    assert rc == 0
    for code in ("VB001", "VB002", "VB003", "VB005", "VB007", "VB202"):
        assert re.search(rf"^{code}\s", out, re.M), code
    assert re.search(r"^VB202\s+number-colon\s+error\s+number\s", out, re.M)


def test_rules_subprocess(tmp_path):
    rc, out, _ = run(["rules", "--lang", "en"], tmp_path)
    assert rc == 0 and "VB202" in out and "VB001" in out


@pytest.mark.parametrize("key", ["VB202", "number-colon"])
def test_rule_doc(capsys, key):
    rc, out, _ = inproc(capsys, ["rule", key])
    assert rc == 0
    assert out.startswith("VB202 number-colon (error, number)")
    assert "Căn cứ: HD 36-HD/VPTW" in out
    assert "\nSai:\nSố: 400-TB/TU" in out
    assert "\nĐúng:\nSố 400-TB/TU" in out


def test_rule_doc_english(capsys):
    rc, out, _ = inproc(capsys, ["rule", "VB202", "--lang", "en"])
    assert rc == 0
    assert "Source: HD 36-HD/VPTW" in out
    assert "Message: Party documents put no colon" in out
    assert "\nBad:\nSố: 400-TB/TU" in out and "\nGood:\nSố 400-TB/TU" in out
    assert "Căn cứ" not in out


def test_rule_doc_fills_the_message_in_and_says_where_the_rule_lives(capsys):
    rc, out, _ = inproc(capsys, ["rule", "VB222"])
    assert rc == 0
    assert 'Thông báo: Thiếu số 0: ghi "05" thay cho "5".' in out
    assert "Định nghĩa tại: linter/rules/place_date.py:" in out
    assert "Mẫu lỗi: corpus/invalid/date-missing-leading-zero--day.txt" in out


def test_rule_doc_says_where_it_lives_its_samples_and_which_schemas_require_its_part(capsys):
    rc, out, _ = inproc(capsys, ["rule", "VB110"])
    assert rc == 0
    assert re.search(r"^Định nghĩa tại: linter/rules/parts\.py:\d+$", out, re.M)
    # the samples are the corpus documents whose expected diagnostics hold the code
    assert "\nMẫu lỗi: corpus/invalid/missing-recipients--ke-hoach.txt\n" in out
    assert re.search(r"^Gặp trong: corpus/real/\S+\.txt", out, re.M)
    assert (
        "\nBắt buộc (recipients) theo schemas/: party-hd36, party-hd05: mọi loại trừ cuong linh, dieu le; "
        "state-nd30: mọi loại; state-vbqppl: không loại nào\n"
    ) in out
    rc, out, _ = inproc(capsys, ["rule", "hd05-cong-van-vv", "--lang", "en"])
    assert rc == 0
    assert re.search(r"^Defined in: linter/rules/title\.py:\d+$", out, re.M)
    assert "\nSamples: corpus/invalid-hd05/hd05-cong-van-vv--cong-van.txt\n" in out
    assert "\nRequired (subject) by schemas/: party-hd36, party-hd05: every type but " in out
    rc, out, _ = inproc(capsys, ["rule", "VB005", "--lang", "en"])
    assert "\nSamples: corpus/notdoc/article.txt, corpus/notdoc/readme.md\n" in out
    assert "Required" not in out  # about no part


def test_every_rule_message_is_shown_filled_in():
    """`vblint rule X` prints the message of the rule's example: no rule leaves a field empty."""
    import string

    from linter.rules import RULES

    for r in RULES.values():
        for lang in ("vi", "en"):
            fields = {f for _, f, _, _ in string.Formatter().parse(r.message[lang]) if f}
            assert fields <= set(r.example), (r.code, lang, fields - set(r.example))
            assert "{" not in r.sample(lang), (r.code, lang)
        path, line = r.where.rsplit(":", 1)
        assert (Path(__file__).resolve().parent.parent / path).is_file() and int(line) > 0, r.code


def test_rule_unknown(capsys, tmp_path):
    rc, out, err = inproc(capsys, ["rule", "NOPE"])
    assert rc == 2 and "NOPE" in err and out == ""
    rc, out, err = run(["rule", "NOPE"], tmp_path)
    assert rc == 2 and "NOPE" in err


def test_version(tmp_path, capsys):
    rc, out, err = run(["--version"], tmp_path)
    assert rc == 0
    assert out.strip() == f"vblint {__version__}"
    rc, out, _ = inproc(capsys, ["--version"])
    assert rc == 0 and out.strip() == f"vblint {__version__}"
