"""Golden tests over corpus/: each document has its expected result beside it
(<name>.expected.json). Rewrite them only on purpose: pytest --update-golden, then review the diff.

A valid, real or seed document's golden holds the parts found and the diagnostics: the structural
regression net. An invalid sample's (corpus/invalid*/) holds only its verdict, the diagnostics:
its parts are its valid parent's, checked there. Which rule each sample must fire, and that every
rule has one, is tests/test_rules.py's."""

import json
from datetime import date
from pathlib import Path

import pytest
from contract import PARTY_TYPES, STATE_TYPES

from linter.lint import lint_path
from linter.result import Options

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TODAY = date(2026, 11, 22)
DOCS = sorted(
    p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md") and p.name not in ("README.md", "SOURCES.md")
)


def is_invalid_sample(path: Path) -> bool:
    return path.parent.parent == CORPUS and path.parent.name.startswith("invalid")


def summarise(path: Path) -> dict:
    """What a careful reader checks: the parts found (with their key fields) and the diagnostics;
    for an invalid sample, the diagnostics only."""
    r = lint_path(str(path), Options(today=TODAY))
    diagnostics = [f"{d.code} {d.name} {d.span.line}:{d.span.column}" for d in r.diagnostics]
    if is_invalid_sample(path):
        return {"diagnostics": diagnostics}
    keep = {
        "number": ("seq", "symbol", "type_code", "issuer_code", "year"),
        "place_date": ("place", "day", "month", "year"),
        "signature": ("authority", "body", "titles", "name"),
    }
    comps = {}
    for name, c in r.components.items():
        if c is None:
            comps[name] = None
            continue
        entry = {"line": c["line"], "end_line": c["end_line"]}
        entry.update({k: c[k] for k in keep.get(name, ())})
        if "items" in c:
            entry["items"] = len(c["items"])
        if name == "body":
            entry["sections"] = [s["label"] for s in c["sections"]]
        comps[name] = entry
    return {
        "profile": r.profile,
        "doc_type": r.doc_type,
        "components": comps,
        "diagnostics": diagnostics,
    }


@pytest.mark.parametrize("path", DOCS, ids=[str(p.relative_to(CORPUS)) for p in DOCS])
def test_golden(path, request):
    expected_path = path.with_suffix(".expected.json")
    got = summarise(path)
    if request.config.getoption("--update-golden"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert expected_path.exists(), f"no golden file: run pytest --update-golden and review {expected_path}"
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


VALID = sorted((CORPUS / "valid").rglob("*.txt"))


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_documents_conform(path):
    r = lint_path(str(path), Options(today=TODAY))
    assert r.diagnostics == [], [d.message for d in r.diagnostics]
    assert r.doc_type == path.stem
    assert r.profile == path.parent.name


def test_every_profile_and_type_has_a_conforming_sample():
    have = {(p.parent.name, p.stem) for p in VALID}
    assert {("party-hd36", t) for t in PARTY_TYPES} <= have
    assert {("state-nd30", t) for t in STATE_TYPES} <= have
    assert {p for p, _ in have} >= {"party-hd05"}
    assert {(p, t) for p, t in have if p == "state-vbqppl"} >= {
        ("state-vbqppl", t) for t in ("luat", "nghi_dinh", "nghi_quyet", "quyet_dinh", "thong_tu")
    }
