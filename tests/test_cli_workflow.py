"""The command line in a user's workflow: every report format, statistics, quiet, exit-zero,
configuration files, baselines, fixes, batches with a cache (subprocess runs of the real CLI)."""

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_cli import COLON, VALID, VALID_CV, check, run

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture
def docs(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    shutil.copy(VALID, d / "chi_thi.txt")
    shutil.copy(COLON, d / "thong_bao.txt")
    return d


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "html", "jsonl", "json"])
def test_every_format_through_the_cli(tmp_path, docs, fmt):
    rc, out, _ = check(["--format", fmt, "--no-cache", str(docs)], tmp_path)
    assert rc == 1
    if fmt == "sarif":
        log = json.loads(out)
        assert log["version"] == "2.1.0" and log["runs"][0]["results"][0]["ruleId"] == "VB202"
    elif fmt == "junit":
        root = ET.fromstring(out.encode())
        cases = root.iter("testcase")
        assert sum(1 for _ in cases) == 2 and root.find(".//failure") is not None
    elif fmt == "github":
        assert "::error file=" in out and "VB202" in out
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "top-rules-chart" in out
    elif fmt == "jsonl":
        lines = [json.loads(x) for x in out.splitlines()]
        assert sorted(x["path"].rsplit("/", 1)[1] for x in lines) == ["chi_thi.txt", "thong_bao.txt"]
    else:
        assert json.loads(out)["summary"]["errors"] == 1


def test_output_statistics_quiet_exit_zero(tmp_path, docs):
    rc, out, _ = check(["--output", str(tmp_path / "r.sarif"), "--format", "sarif", str(docs)], tmp_path)
    assert rc == 1 and out == "" and json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["runs"]
    rc, out, _ = check(["--statistics", str(docs)], tmp_path)
    assert rc == 1 and "VB202" in out and "number-colon" in out and "^" not in out
    rc, out, _ = check(["--quiet", str(docs)], tmp_path)
    assert rc == 1 and out.count("\n") == 1 and out.startswith(str(docs / "thong_bao.txt"))
    rc, out, _ = check(["--exit-zero", str(docs)], tmp_path)
    assert rc == 0 and "VB202" in out


def test_no_colour_in_pipes(tmp_path, docs):
    _, out, _ = check([str(docs)], tmp_path)
    assert "\033[" not in out


def test_config_file_discovery_select_and_errors(tmp_path, docs):
    (docs / "vblint.toml").write_text('ignore = ["number-colon"]\n', encoding="utf-8")
    rc, out, _ = check([str(docs)], tmp_path)
    assert rc == 0 and "VB202" not in out
    rc, out, _ = check(["--select", "VB202", str(docs / "thong_bao.txt")], tmp_path)
    assert rc == 0  # the file's ignore still applies; the CLI's select only narrows further
    (docs / "vblint.toml").write_text('ignroe = ["VB202"]\n', encoding="utf-8")
    rc, _, err = check([str(docs)], tmp_path)
    assert rc == 2 and "ignroe" in err and "vblint.toml" in err and "ignore" in err
    (docs / "vblint.toml").write_text('exclude = ["thong_bao.txt"]\n', encoding="utf-8")
    rc, out, _ = check([str(docs / "thong_bao.txt"), str(docs / "chi_thi.txt")], tmp_path)
    assert rc == 0 and "thong_bao" not in out  # excluded even when named
    rc, out, _ = run(["config", str(docs)], tmp_path)
    assert rc == 0 and "exclude" in out and "vblint.toml" in out


def test_baseline_reports_only_new_problems(tmp_path, docs):
    base = tmp_path / "baseline.json"
    rc, _, err = check(["--write-baseline", str(base), str(docs)], tmp_path)
    assert rc == 0 and base.exists() and "1" in err
    rc, out, _ = check(["--baseline", str(base), str(docs)], tmp_path)
    assert rc == 0 and "VB202" not in out
    text = (docs / "chi_thi.txt").read_text(encoding="utf-8")
    (docs / "chi_thi.txt").write_text("\n\n" + text.replace("Số 15-CT/TU", "Số 15 - CT/TU"), encoding="utf-8")
    rc, out, _ = check(["--baseline", str(base), str(docs)], tmp_path)
    assert rc == 1 and "VB203" in out and "VB202" not in out
    base.write_text("{not json", encoding="utf-8")
    rc, _, err = check(["--baseline", str(base), str(docs)], tmp_path)
    assert rc == 2 and "baseline" in err.lower()


def test_fix_diff_and_unsafe(tmp_path, docs):
    target = docs / "thong_bao.txt"
    before = target.read_bytes()
    rc, out, _ = check(["--diff", str(target)], tmp_path)
    assert target.read_bytes() == before and "-Số: 427-TB/TU" in out and "+Số 427-TB/TU" in out
    rc, out, _ = check(["--fix", str(target)], tmp_path)
    assert rc == 0 and target.read_bytes() != before and b"S\xe1\xbb\x91 427-TB/TU" in target.read_bytes()
    again = target.read_bytes()
    rc, _, _ = check(["--fix", str(target)], tmp_path)
    assert target.read_bytes() == again  # a second run changes nothing
    rc, out, _ = check(["--fix", "-"], tmp_path, input=before)
    assert rc == 0 and "Số 427-TB/TU".encode() in out.encode()


def test_jobs_and_cache(tmp_path):
    docs = tmp_path / "many"
    shutil.copytree(CORPUS / "valid", docs)
    cache = tmp_path / "cache"
    rc1, out1, _ = check(["-j", "2", "--cache-dir", str(cache), "--format", "json", str(docs)], tmp_path)
    assert cache.exists() and any(cache.rglob("*"))
    rc2, out2, _ = check(["-j", "1", "--cache-dir", str(cache), "--format", "json", str(docs)], tmp_path)
    assert rc1 == rc2 == 1  # the READMEs beside the samples are not documents (VB005)
    assert json.loads(out1) == json.loads(out2)
    assert json.loads(out1)["summary"]["files"] == len(list(docs.rglob("*.txt"))) + len(
        list(docs.rglob("*.md"))
    )


def test_rule_docs_in_both_languages(tmp_path):
    rc, out, _ = run(["rule", "VB281"], tmp_path)
    assert rc == 0 and "Căn cứ" in out and "Sai:" in out and "Đúng:" in out
    rc, out, _ = run(["rule", "recipient-item-dash", "--lang", "en"], tmp_path)
    assert rc == 0 and "Source:" in out and "Bad:" in out and "Good:" in out
    rc, out, _ = run(["rules"], tmp_path)
    assert rc == 0 and "VB501" in out and "VB131" in out


def test_messages_follow_lang(tmp_path):
    rc, out, _ = check(
        ["--lang", "en", str(VALID_CV.parent.parent.parent / "invalid" / COLON.name)], tmp_path
    )
    assert "Party documents put no colon" in out and "Checked 1 files" in out


def test_today_flag_is_used(tmp_path):
    rc, out, _ = run(["check", "--today", "2021-03-01", str(VALID)], tmp_path)
    assert rc == 1 and "VB225" in out


# --- --format jsonl streams: same results as the report formats, whatever the path ----------------


@pytest.fixture
def tree(tmp_path):
    """Two directories: one without a config, one whose config filters and re-grades rules."""
    root = tmp_path / "tree"
    invalid = sorted((CORPUS / "invalid").glob("*.txt"))
    for i, src in enumerate(invalid[:12]):
        dest = root / ("plain" if i % 2 else "configured/sub") / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dest)
    (root / "configured" / "vblint.toml").write_text(
        'ignore = ["VB202"]\nseverity = {VB203 = "info"}\n[per-file-ignores]\n"sub/*.txt" = ["VB3"]\n',
        encoding="utf-8",
    )
    return root


def _lines(out: str) -> list[dict]:
    return sorted((json.loads(x) for x in out.splitlines()), key=lambda d: d["path"])


@pytest.mark.parametrize(
    ("extra", "sub"),
    [([], "plain"), ([], "."), (["--select", "VB2,VB3"], "."), (["--baseline", "BASE"], ".")],
)
def test_jsonl_equals_json_with_settings_baseline_jobs_and_cache(tmp_path, tree, extra, sub):
    tree = tree / sub  # "plain": no setting changes a result, the lines come as linted or cached
    base = tmp_path / "base.json"
    if extra == ["--baseline", "BASE"]:
        assert check(["--write-baseline", str(base), str(tree / "plain")], tmp_path)[0] == 0
        assert check(["--format", "json", "--baseline", str(base), str(tree / "plain")], tmp_path)[0] == 0
        extra = ["--baseline", str(base)]
    rc, out, _ = check(["--no-cache", "--format", "json", *extra, str(tree)], tmp_path)
    expected = sorted(json.loads(out)["files"], key=lambda d: d["path"])
    assert expected and any(d["diagnostics"] for d in expected)
    cache = tmp_path / "cache"
    for opts in (["--no-cache", "-j", "1"], ["--no-cache", "-j", "2"], ["--cache-dir", str(cache)]):
        for _ in range(2 if "--cache-dir" in opts else 1):  # with a cache: cold, then warm
            rc2, out2, _ = check([*opts, "--format", "jsonl", *extra, str(tree)], tmp_path)
            assert (rc2, _lines(out2)) == (rc, expected), opts


def test_jsonl_exit_codes_come_from_the_streamed_flags(tmp_path, docs):
    rc, _, _ = check(["--format", "jsonl", str(docs)], tmp_path)
    assert rc == 1  # thong_bao.txt has an error
    rc, _, _ = check(["--format", "jsonl", "--ignore", "VB202", str(docs / "thong_bao.txt")], tmp_path)
    assert rc == 0
    (docs / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\0IHDR" + bytes(range(256)))
    for jobs in ("1", "2"):
        rc, out, _ = check(["--format", "jsonl", "-j", jobs, "--exit-zero", str(docs)], tmp_path)
        assert rc == 2 and len(out.splitlines()) == 3  # unreadable wins over --exit-zero


def test_streaming_keeps_no_result_and_settings_are_shared(tmp_path, tree, capsys):
    import argparse

    from linter.cli import _Check, _parser, _resolver
    from linter.discover import collect

    a = _parser().parse_args(["check", "--no-cache", "--format", "jsonl", "-j", "1", str(tree)])
    assert isinstance(a, argparse.Namespace)
    files, _ = collect(a.paths)
    settings = _resolver(a)
    by_file = [settings.settings_for(f) for f in files]
    plain = [s for f, s in zip(files, by_file) if "/plain/" in f]
    configured = [s for f, s in zip(files, by_file) if "/configured/" in f]
    assert plain and configured
    assert all(s is plain[0] for s in plain) and all(s is configured[0] for s in configured)
    assert configured[0].ignore == ("VB202",) and plain[0].ignore == ()
    run = _Check(a, files, settings, __import__("sys").stdout)
    assert run.lint() is None  # streamed: nothing kept
    assert run.errors and not run.unreadable
    assert len(capsys.readouterr().out.splitlines()) == len(files)
