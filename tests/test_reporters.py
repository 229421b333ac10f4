"""Reporters for CI: SARIF 2.1.0 (validated against the OASIS schema), JUnit XML, GitHub
workflow commands and per-rule statistics.

Every FileResult comes from the real linter on real corpus documents (and one binary input),
with paths made relative to the repository as a user would type them."""

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from jsonschema.validators import validator_for

from linter import __version__
from linter.lint import lint_bytes, lint_path
from linter.report import github, junit, sarif, statistics
from linter.result import Options
from linter.rules import RULES

REPO = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
TODAY = date(2026, 11, 22)

SEED = "corpus/seeds/001_369fe249498483a2.txt"  # VB203 and VB281 on a real scan
SPACING = "corpus/invalid/number-spacing--thong-bao.txt"  # VB203 at 3:4, safe fix
COLON = "corpus/invalid/number-colon--thong-bao.txt"  # VB202: the fix span is wider than the report
QDI = "corpus/invalid/number-legacy-qdi--quy-dinh.txt"  # warnings only: VB206
DASH = "corpus/invalid/recipient-item-dash--all.txt"  # VB281: zero-width insertions
VALID = "corpus/valid/party-hd36/thong_bao.txt"  # clean
NOTDOC = "corpus/notdoc/readme.md"  # VB005
BINARY = "tệp nhị phân.bin"  # VB002, via lint_bytes; the name needs percent-encoding in a URI
DOCS = [SEED, SPACING, COLON, QDI, DASH, VALID, NOTDOC]


def _lint(lang: str) -> list:
    opts = Options(today=TODAY, lang=lang)
    results = []
    for rel in DOCS:
        res = lint_path(str(REPO / rel), opts)
        res.path = rel  # as given on the command line, relative to the checkout
        results.append(res)
    results.append(lint_bytes(BINARY, b"PK\x03\x04\x00\x00binary\x00" * 8, opts))
    crashed = [(r.path, d.message) for r in results for d in r.diagnostics if d.code == "VB900"]
    assert not crashed, f"the pipeline itself is broken, not the reporters: {crashed}"
    return results


@pytest.fixture(scope="module")
def results():
    return _lint("vi")


@pytest.fixture(scope="module")
def results_en():
    return _lint("en")


def by_path(results, path):
    return next(r for r in results if r.path == path)


def diag(results, path, code):
    return next(d for d in by_path(results, path).diagnostics if d.code == code)


def test_corpus_gives_the_diagnostics_these_tests_rely_on(results):
    codes = {r.path: Counter(d.code for d in r.diagnostics) for r in results}
    assert codes[SPACING] == {"VB203": 1}
    assert codes[COLON] == {"VB202": 1}
    assert codes[QDI] == {"VB206": 1} and diag(results, QDI, "VB206").severity == "warning"
    assert codes[DASH]["VB281"] >= 1
    assert codes[VALID] == {}
    assert codes[NOTDOC] == {"VB005": 1}
    assert codes[BINARY] == {"VB002": 1} and not by_path(results, BINARY).readable
    assert codes[SEED]["VB203"] == 1


# ---------------------------------------------------------------- SARIF


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    # the stored schema is intact: the official title and $id, draft-07 per its $schema
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["$id"].endswith("/sarif-schema-2.1.0.json")
    cls = validator_for(schema)  # draft-04 or draft-07, whichever the file declares
    assert cls.META_SCHEMA["$schema"].rstrip("#") == schema["$schema"].rstrip("#")
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.fixture(scope="module")
def log(results):
    return json.loads(sarif.render(results))


def test_sarif_validates_against_the_official_schema(validator, log, results_en):
    assert_valid(validator, log)
    assert_valid(validator, json.loads(sarif.render(results_en, lang="en")))
    assert_valid(validator, json.loads(sarif.render([])))


def test_sarif_run_and_driver(log):
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "vblint" and driver["version"] == __version__
    assert "informationUri" not in driver and "$schema" not in log
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["language"] == "vi-VN"
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_rules_are_the_rules_that_fired(log, results):
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    fired = sorted({d.code for r in results for d in r.diagnostics})
    assert [r["id"] for r in rules] == fired
    for r in rules:
        rule = RULES[r["id"]]
        assert r["name"] == rule.name
        assert r["fullDescription"]["text"] == rule.why["vi"]
        assert "{" not in r["shortDescription"]["text"]  # template fields elided
        assert rule.citation in r["help"]["text"] and rule.citation in r["help"]["markdown"]
        assert r["properties"]["citation"] == rule.citation
        assert r["properties"]["component"] == rule.component
        assert r["properties"]["fix"] == rule.fix
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["VB203"] == "error" and levels["VB206"] == "warning" and levels["VB002"] == "error"
    assert rules[fired.index("VB203")]["shortDescription"]["text"].endswith('viết "…".')


def test_sarif_results_match_the_diagnostics(log, results):
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    found = [(r, d) for r in results for d in r.diagnostics]
    assert len(run["results"]) == len(found)
    for res, (_, d) in zip(run["results"], found, strict=True):
        assert res["ruleId"] == d.code and rules[res["ruleIndex"]]["id"] == d.code
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[d.severity]
        assert res["message"]["text"] == d.message
        (loc,) = res["locations"]
        region = loc["physicalLocation"]["region"]
        s = d.span
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            s.line,
            s.column,
            s.end_line,
            s.end_column,
        )
        assert ("fixes" in res) == (d.fix is not None)


def test_sarif_locations(log):
    results = log["runs"][0]["results"]
    spacing = next(
        r
        for r in results
        if r["ruleId"] == "VB203"
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == SPACING
    )
    loc = spacing["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": SPACING, "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 17}
    # unreadable and not-a-document inputs are results too, at 1:1
    for code, uri in (("VB005", NOTDOC), ("VB002", "t%E1%BB%87p%20nh%E1%BB%8B%20ph%C3%A2n.bin")):
        (r,) = [r for r in results if r["ruleId"] == code]
        assert r["level"] == "error"
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
        assert r["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_artifact_location_normalises_paths():
    assert sarif.artifact_location("./corpus//a b.txt") == {
        "uri": "corpus/a%20b.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert sarif.artifact_location("/srv/văn bản.txt") == {"uri": "file:///srv/v%C4%83n%20b%E1%BA%A3n.txt"}
    # a file name that is not UTF-8 keeps its bytes
    assert sarif.artifact_location("x\udcff.txt")["uri"] == "x%FF.txt"


def _fixes(log, uri, code):
    return [
        r["fixes"]
        for r in log["runs"][0]["results"]
        if r["ruleId"] == code and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
    ]


def test_sarif_fixes(log, results):
    (fixes,) = _fixes(log, SPACING, "VB203")
    (fix,) = fixes
    assert fix["properties"] == {"applicability": "safe"}
    assert "427-TB/TU" in fix["description"]["text"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": SPACING, "uriBaseId": "%SRCROOT%"}
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 17},
            "insertedContent": {"text": "427-TB/TU"},
        }
    ]
    # the fix's own span, not the diagnostic's: "Số: " -> "Số " deletes ": "
    (fixes,) = _fixes(log, COLON, "VB202")
    (rep,) = fixes[0]["artifactChanges"][0]["replacements"]
    assert rep == {
        "deletedRegion": {"startLine": 3, "startColumn": 3, "endLine": 3, "endColumn": 5},
        "insertedContent": {"text": " "},
    }
    # a missing "- " is an insertion: an empty deleted region
    dash = _fixes(log, DASH, "VB281")
    assert len(dash) == sum(d.code == "VB281" for d in by_path(results, DASH).diagnostics)
    for fixes in dash:  # a list that lost all its dashes: one fix, a replacement per line
        reps = fixes[0]["artifactChanges"][0]["replacements"]
        assert len({r["deletedRegion"]["startLine"] for r in reps}) == len(reps) >= 1
        for rep in reps:
            region = rep["deletedRegion"]
            assert region["startColumn"] == region["endColumn"] == 1 and rep["insertedContent"] == {
                "text": "- "
            }


def test_sarif_no_fixes_for_files_whose_text_is_extracted(results, validator):
    res = by_path(results, SPACING)
    for path in ("van-ban.docx", "VAN-BAN.PDF"):
        out = json.loads(sarif.render([dataclasses.replace(res, path=path)]))
        (r,) = out["runs"][0]["results"]
        assert r["ruleId"] == "VB203" and "fixes" not in r
        assert_valid(validator, out)


def test_sarif_keeps_the_most_severe_results_under_the_github_limit(results, validator, monkeypatch):
    monkeypatch.setattr(sarif, "MAX_RESULTS", 3)
    docs = [by_path(results, p) for p in (QDI, DASH, NOTDOC, SEED)]  # a warning first, then errors
    found = [d for r in docs for d in r.diagnostics]
    assert found[0].severity == "warning" and sum(d.severity == "error" for d in found) > 3
    out = json.loads(sarif.render(docs))
    assert_valid(validator, out)
    run = out["runs"][0]
    kept = [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]
    ]
    errors = [(d.code, d.span.line) for d in found if d.severity == "error"]
    assert kept == errors[:3]  # the most severe, in document order
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted({code for code, _ in kept})
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and f" {len(found) - 3} " in note["message"]["text"]


def test_sarif_internal_error_marks_the_run_unsuccessful(validator):
    from linter.lint import _internal

    res = _internal("a.txt", RuntimeError("boom"), Options(today=TODAY))
    out = json.loads(sarif.render([res]))
    assert_valid(validator, out)
    run = out["runs"][0]
    assert run["invocations"] == [{"executionSuccessful": False}]
    assert [r["ruleId"] for r in run["results"]] == ["VB900"]


def test_sarif_large_logs_are_compact(results, log, monkeypatch):
    monkeypatch.setattr(sarif, "INDENT_MAX", 0)
    out = sarif.render(results)
    assert out.count("\n") == 1 and json.loads(out) == log


def test_sarif_english(results_en):
    run = json.loads(sarif.render(results_en, lang="en"))["runs"][0]
    assert run["language"] == "en-US"
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "VB281")
    assert rule["shortDescription"]["text"] == RULES["VB281"].message["en"]
    assert rule["help"]["text"].startswith(RULES["VB281"].why["en"])
    assert "Source: " in rule["help"]["text"]
    fix = next(r for r in run["results"] if r["ruleId"] == "VB203")["fixes"][0]
    assert fix["description"]["text"].startswith("Fix (safe)")


# ---------------------------------------------------------------- JUnit


def _junit(results, lang="vi"):
    out = junit.render(results, lang=lang)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_junit_counts_and_one_testcase_per_document(results):
    root = _junit(results)
    assert root.tag == "testsuites"
    (suite,) = root
    failing = [r for r in results if r.counts()["error"]]
    assert suite.tag == "testsuite" and suite.get("name") == "vblint"
    assert suite.get("tests") == str(len(results)) == root.get("tests")
    assert suite.get("failures") == str(len(failing)) == root.get("failures")
    assert (suite.get("errors"), suite.get("skipped")) == ("0", "0")
    float(suite.get("time"))
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [r.path for r in results]
    assert {c.get("classname") for c in cases} == {"vblint"}
    for case, r in zip(cases, results, strict=True):
        failures = case.findall("failure")
        assert len(failures) == (1 if r.counts()["error"] else 0), r.path
        assert case.find("error") is None and case.find("skipped") is None


def test_junit_failure_lists_every_diagnostic(results):
    cases = {c.get("name"): c for c in _junit(results).iter("testcase")}
    res = by_path(results, SEED)
    failure = cases[SEED].find("failure")
    assert failure.get("message") == f"{res.counts()['error']} lỗi" and failure.get("type") == "vblint"
    lines = failure.text.splitlines()
    assert len(lines) == len(res.diagnostics)
    d = diag(results, SEED, "VB203")
    assert f"{d.span.line}:{d.span.column} VB203 lỗi {d.message}" in lines
    assert all(re.fullmatch(r"\d+:\d+ VB\d{3} (lỗi|cảnh báo|thông tin) .+", line) for line in lines)
    (line,) = cases[BINARY].find("failure").text.splitlines()
    assert line.startswith("1:1 VB002 lỗi ")


def test_junit_warnings_only_passes_with_system_out(results):
    cases = {c.get("name"): c for c in _junit(results).iter("testcase")}
    d = diag(results, QDI, "VB206")
    assert cases[QDI].find("failure") is None
    assert cases[QDI].find("system-out").text == f"{d.span.line}:{d.span.column} VB206 cảnh báo {d.message}"
    assert len(cases[VALID]) == 0  # clean: no children at all


def test_junit_english(results_en):
    cases = {c.get("name"): c for c in _junit(results_en, "en").iter("testcase")}
    assert cases[SPACING].find("failure").get("message") == "1 error"
    for r in results_en:
        n = r.counts()["error"]
        if n > 1:
            assert cases[r.path].find("failure").get("message") == f"{n} errors"
    assert " VB206 warning " in cases[QDI].find("system-out").text


def test_junit_strips_characters_xml_cannot_hold(results):
    res = by_path(results, SPACING)
    d = dataclasses.replace(res.diagnostics[0], message="OCR\x00 rác\x1b[0m\x0c & <b>")
    bad = dataclasses.replace(res, path="scan\x07 01.txt", diagnostics=[d])
    (case,) = _junit([bad]).iter("testcase")
    assert case.get("name") == "scan 01.txt"
    assert case.find("failure").text == "3:4 VB203 lỗi OCR rác[0m & <b>"


# ---------------------------------------------------------------- GitHub workflow commands


def test_github_exact_command(results):
    lines = github.render(results).splitlines()
    assert (
        "::error file=corpus/invalid/number-spacing--thong-bao.txt,line=3,col=4,endLine=3,endColumn=17,"
        'title=VB203 number-spacing::Không để dấu cách quanh "-" hoặc "/" trong số và ký hiệu: '
        'viết "427-TB/TU".'
    ) in lines
    d = diag(results, QDI, "VB206")
    assert github.command(QDI, d).startswith(
        f"::warning file={QDI},line=5,col=7,endLine=5,endColumn=10,title=VB206 number-legacy-qdi::"
    )
    assert github.command("a.txt", dataclasses.replace(d, severity="info")).startswith("::notice file=a.txt,")


def test_github_escaping(results):
    d = dataclasses.replace(diag(results, SPACING, "VB203"), message="50% xong: a, b\nc\rd")
    assert github.command("thư mục/a:b,c%.txt", d) == (
        "::error file=thư mục/a%3Ab%2Cc%25.txt,line=3,col=4,endLine=3,endColumn=17,"
        "title=VB203 number-spacing::50%25 xong: a, b%0Ac%0Dd"
    )
    assert github.escape_property("T: 1,2%\n") == "T%3A 1%2C2%25%0A"


def test_github_groups_and_summary(results, monkeypatch):
    lines = github.render(results).splitlines()
    groups = [line.removeprefix("::group::") for line in lines if line.startswith("::group::")]
    assert groups == [r.path for r in results if r.diagnostics]  # clean documents are not listed
    assert lines.count("::endgroup::") == len(groups)
    commands = [line for line in lines if line.startswith(("::error ", "::warning ", "::notice "))]
    assert len(commands) == sum(len(r.diagnostics) for r in results)
    c = Counter()
    for r in results:
        c.update(r.counts())
    head = f"vblint: {len(results)} tệp, {c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} thông tin."
    assert lines[-1].startswith(head)
    assert (lines[-1] != head) == (max(c.values()) > github.ANNOTATION_LIMIT)
    assert github.render([by_path(results, VALID)]) == "vblint: 1 tệp, 0 lỗi, 0 cảnh báo, 0 thông tin.\n"
    # past GitHub's per-step annotation limit the log says so and where the full list is
    monkeypatch.setattr(github, "ANNOTATION_LIMIT", 1)
    last = github.render(results).splitlines()[-1]
    assert last.startswith(head) and "GitHub chỉ chú thích 1 lỗi" in last and "--format sarif" in last


# ---------------------------------------------------------------- statistics

_ROW = re.compile(r" *(\d+)  (VB\d{3})  (\S+) *  (.+)")


def test_statistics_counts(results):
    lines = statistics.render(results).splitlines()
    rows = [_ROW.fullmatch(line).groups() for line in lines[:-1]]
    want = Counter(d.code for r in results for d in r.diagnostics)
    assert {code: int(n) for n, code, _, _ in rows} == want
    assert [code for _, code, _, _ in rows] == sorted(want, key=lambda c: (-want[c], c))
    for _, code, name, label in rows:
        assert name == RULES[code].name
        assert label == statistics.short_label(RULES[code], "vi", statistics.LABEL_MAX)
    total = sum(want.values())
    assert lines[-1] == f"{total:>4}  tổng cộng ({len(want)} quy tắc, {len(results)} tệp)"
    n = want["VB281"]
    width = max(len(RULES[c].name) for c in want)
    assert f'{n:>4}  VB281  {"recipient-item-dash":<{width}}  Mỗi nơi nhận bắt đầu bằng "- ".' in lines


def test_statistics_english_and_empty(results_en):
    out = statistics.render(results_en, lang="en")
    assert "VB281  recipient-item-dash" in out and 'Each recipient starts with "- ".' in out
    assert out.splitlines()[-1].endswith(
        f"total ({len({d.code for r in results_en for d in r.diagnostics})} rules, {len(results_en)} files)"
    )
    assert statistics.render([]) == "   0  tổng cộng (0 quy tắc, 0 tệp)\n"


def test_short_label_elides_template_fields():
    assert statistics.short_label(RULES["VB225"], "vi") == "Ngày ban hành …/…/… ở sau hôm nay (…)."
    assert statistics.short_label(RULES["VB225"], "en").startswith("The date of issue …/…/… is after")
    # long labels are cut at a word, never inside one
    assert (
        statistics.short_label(RULES["VB005"], "vi", 72)
        == "Không nhận ra thành phần nào của văn bản hành chính (tiêu đề, số, nơi …"
    )
