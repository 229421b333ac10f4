"""linter.baseline: record today's problems, report only new ones, survive line shifts.

Documents are real corpus files checked by the real linter (today = 2026-11-22)."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from linter import baseline
from linter.baseline import BaselineError
from linter.lint import lint_path
from linter.result import Options

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED = (
    CORPUS / "seeds" / "001_369fe249498483a2.txt"
)  # numbered: VB203 once, VB281 once for its undashed list, …
UNNUMBERED = CORPUS / "seeds" / "002_bdcb37579fc0a953.txt"  # no number: identity is a text hash
OPTS = Options(today=date(2026, 11, 22))


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def lint(path: Path):
    return lint_path(str(path), OPTS)


def edit(path: Path, fn) -> None:
    path.write_text(fn(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture
def docs(tmp_path):
    """Copies of the corpus documents (they are edited)."""
    out = tmp_path / "docs"
    for sub in ("seeds", "valid", "invalid", "notdoc"):
        shutil.copytree(CORPUS / sub, out / sub, ignore=shutil.ignore_patterns("*.json", "*.md"))
    files = sorted(out.rglob("*.txt"))
    assert len(files) > 40
    return out, files


def snapshot(files, tmp_path) -> baseline.Baseline:
    baseline.write([lint(f) for f in files], tmp_path / "b.json")
    return baseline.load(tmp_path / "b.json")


def recorded(files, tmp_path) -> tuple[Path, list]:
    results = [lint(f) for f in files]
    assert any(r.diagnostics for r in results)
    path = tmp_path / "baseline.json"
    assert baseline.write(results, path) == sum(len(r.diagnostics) for r in results if r.readable)
    return path, results


def test_write_then_filter_reports_nothing(docs, tmp_path):
    _, files = docs
    path, results = recorded(files, tmp_path)
    b = baseline.load(path)
    assert [(r.path, codes(r)) for r in map(b.filter, results) if r.diagnostics] == []
    assert b.suppressed == sum(len(r.diagnostics) for r in results)
    again = [baseline.load(path).filter(lint(f)) for f in files[::7]]  # a fresh run, a fresh Baseline
    assert all(r.diagnostics == [] for r in again)


def test_file_format_is_sorted_and_stable(docs, tmp_path):
    _, files = docs
    path, results = recorded(files, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and isinstance(data["entries"], list)
    keys = [(e["path"], e["document"], e["code"], e["fingerprint"]) for e in data["entries"]]
    assert keys == sorted(keys)
    assert not any("line" in e for e in data["entries"])  # no line numbers
    first = path.read_bytes()
    baseline.write(results[::-1], path)
    assert path.read_bytes() == first


def test_new_defect_is_the_only_new_problem(tmp_path):
    doc = tmp_path / "tb.txt"
    shutil.copy(SEED, doc)
    b, before = snapshot([doc], tmp_path), codes(lint(doc))
    edit(doc, lambda t: t.replace("ngày 26 tháng 10 năm 2021", "ngày 26/10/2021"))  # a malformed date
    now = lint(doc)
    assert "VB221" in codes(now) and len(now.diagnostics) == len(before) + 1
    assert codes(b.filter(now)) == ["VB221"]


def test_new_recipient_item_resurrects_no_other_item(tmp_path):
    doc = tmp_path / "tb.txt"
    shutil.copy(SEED, doc)
    b, before = snapshot([doc], tmp_path), codes(lint(doc))
    edit(
        doc,
        lambda t: t.replace(
            "Thường trực Tỉnh ủy (để báo cáo), \n",
            "Thường trực Tỉnh ủy (để báo cáo), \nSở Y tế tỉnh Quảng Ninh, \n",
        ),
    )
    now = lint(doc)
    # the seed's list lost all its dashes: one report over the list; the list grew, so that report
    # is new (it covers the new line), and nothing else comes back
    assert codes(now).count("VB281") == before.count("VB281") == 1
    new = b.filter(now)
    assert codes(new) == ["VB281"]
    lines = new.text.splitlines()[new.diagnostics[0].span.line - 1 : new.diagnostics[0].span.end_line]
    assert any(x.startswith("Sở Y tế") for x in lines)


def test_counts_matter(tmp_path):
    """The same problem text twice when the baseline has it once: one is new."""
    doc = tmp_path / "tb.txt"
    line = "- Huyện ủy Tiên Yên,\n"
    text = (CORPUS / "valid/party-hd36/thong_bao.txt").read_text(encoding="utf-8")
    doc.write_text(text.replace(line, line[2:]), encoding="utf-8")  # one recipient without its dash
    b, before = snapshot([doc], tmp_path), codes(lint(doc))
    assert before == ["VB281"]
    edit(doc, lambda t: t.replace(line[2:], line[2:] * 2))
    now = lint(doc)
    assert codes(now) == ["VB281", "VB281"]
    assert codes(b.filter(now)) == ["VB281"]


@pytest.mark.parametrize("blank", ["\n", "   \n", "\r\n"])
def test_shifted_lines_resurrect_nothing(docs, tmp_path, blank):
    _, files = docs
    path, results = recorded(files, tmp_path)
    b = baseline.load(path)
    before = {f: [d.span.line for d in r.diagnostics] for f, r in zip(files, results)}
    for f in files:
        edit(f, lambda t: blank * 5 + t)
    moved = 0
    for f in files:
        now = lint(f)
        moved += sum(d.span.line == line + 5 for d, line in zip(now.diagnostics, before[f]))
        assert b.filter(now).diagnostics == [], (f, codes(b.filter(now)))
    assert moved > 30  # the problems are still there, 5 lines further down


def test_text_hash_identity(tmp_path):
    doc = tmp_path / "cv.txt"
    shutil.copy(UNNUMBERED, doc)
    r = lint(doc)
    assert r.components["number"] is None and r.diagnostics
    ident = baseline.identity(r)
    assert ident.startswith("text:")
    edit(doc, lambda t: "\n\n" + t.replace("\n", "  \n"))
    assert baseline.identity(lint(doc)) == ident
    shutil.copy(SEED, doc)
    assert baseline.identity(lint(doc)) == "number:400-TB/TU@TU"


def test_other_documents_are_not_covered(tmp_path):
    a, c = tmp_path / "a.txt", tmp_path / "c.txt"
    shutil.copy(SEED, a)
    shutil.copy(CORPUS / "invalid" / "number-spacing--thong-bao.txt", c)
    b = snapshot([a], tmp_path)
    assert "VB203" in codes(lint(c)) and codes(b.filter(lint(c))) == codes(lint(c))


def test_unreadable_files_are_never_baselined(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01binary\x00" * 50)
    r = lint(binary)
    assert not r.readable and r.diagnostics
    assert baseline.write([r], tmp_path / "b.json") == 0
    assert baseline.load(tmp_path / "b.json").filter(r) is r


@pytest.mark.parametrize(
    "content, vi, en",
    [
        (b"{not json", "không phải JSON", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "không phải JSON", "not valid JSON"),
        (b'{"version": 1, "files": [], "summary": {}}', "báo cáo --format json", "report"),
        (b'["VB203"]', "không phải tệp baseline", "not a vblint baseline"),
        (b'{"version": 2, "entries": []}', "phiên bản 2", "unsupported version 2"),
        (b'{"version": 1, "entries": [{"code": "VB203"}]}', "mục thứ 1 hỏng", "entry 1 is malformed"),
    ],
)
def test_corrupt_or_foreign_file(tmp_path, content, vi, en):
    p = tmp_path / "b.json"
    p.write_bytes(content)
    with pytest.raises(BaselineError) as e:
        baseline.load(p)
    assert vi in str(e.value) and str(p) in str(e.value)
    assert en in e.value.message("en")


def test_missing_file(tmp_path):
    with pytest.raises(BaselineError, match="không đọc được"):
        baseline.load(tmp_path / "nope.json")
