"""The registry, the schemas, and the rules that corpus/invalid does not exercise."""

import json
from datetime import date
from pathlib import Path

import pytest
from contract import PARTY_TYPES
from jsonschema import Draft202012Validator

from linter.lint import lint_bytes
from linter.result import Options
from linter.rules import BY_NAME, RULES
from linter.rules.base import BANDS, STAGES, band_module, checks_for
from linter.validate import _schemas, validator

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "corpus" / "valid" / "party-hd36"
INVALID_NAMES = {
    p.stem.split("--")[0]
    for d in ("invalid", "invalid-state", "invalid-hd05", "invalid-vbqppl")
    for p in (ROOT / "corpus" / d).glob("*.txt")
}


def names(text: str, **kw) -> set[str]:
    r = lint_bytes("t.txt", text.encode(), Options(today=date(2026, 11, 22), **kw))
    return {d.name for d in r.diagnostics}


def test_every_rule_is_fully_declared():
    for r in RULES.values():
        assert r.code.startswith("VB") and r.name == r.name.lower() and " " not in r.name
        assert r.severity in ("error", "warning", "info")
        assert r.message["vi"] and r.message["en"] and r.why["vi"] and r.why["en"] and r.citation
        assert r.fix in (None, "safe", "unsafe")


@pytest.mark.parametrize("code", sorted(RULES))
def test_a_rule_lives_in_the_module_its_code_band_names(code):
    """VB2xx number, VB28x recipients …: the file follows the code (base.BANDS), whatever the
    regime; a rule with a check is that check's module's, one without it the declaring module's."""
    r = RULES[code]
    want = band_module(code)
    assert want, f"{code}: no band in base.BANDS"
    if r.check is not None:
        assert r.check.__module__ == f"linter.rules.{want}", (code, r.check.__module__)
    assert r.where.split(":")[0] == f"linter/rules/{want}.py", (code, r.where)


def test_every_band_module_exists_and_declares_rules():
    import linter.rules

    home = Path(linter.rules.__file__).parent
    declared = {band_module(c) for c in RULES}
    for module in set(BANDS.values()):
        assert (home / f"{module}.py").is_file(), module
        assert module in declared, f"{module}: a band with no rule"
    modules = {p.stem for p in home.glob("*.py") if not p.stem.startswith("_")} - {"base"}
    assert modules == set(BANDS.values()), "a rule module that no band names"


def test_the_readme_lists_the_bands_of_base():
    """README's line of bands is BANDS, written out: one table, the docs follow it."""
    modules: dict[str, list[str]] = {}
    for prefix, module in BANDS.items():
        modules.setdefault(module, []).append(f"`{prefix.ljust(5, 'x')}`")
    line = "; ".join(f"{', '.join(p)} {m}.py" for m, p in modules.items())
    assert line + "." in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_rule_fires_at_one_stage():
    """input, source and document rules have a check run by base.run_stage (the reader notes or
    raises the input rules that have none); schema rules are exactly the schemas' x-rules; runner
    rules are reported by the firewall and the batch."""
    x_rules = {name for schema in _schemas()[0].values() for name in _x_rules(schema)}
    for r in RULES.values():
        assert r.stage in STAGES, r.code
        if r.stage in ("source", "document"):
            assert r.check is not None, r.code
        if r.stage in ("schema", "runner"):
            assert r.check is None, r.code
        assert (r.stage == "schema") == (r.name in x_rules), r.code
    assert {r.code for r in RULES.values() if r.final} == {"VB005", "VB402"}


def test_lint_fires_rules_only_through_the_stage_runners():
    """lint.py imports no rule module and fires no rule by name, except the firewall's own."""
    import re

    text = (ROOT / "linter" / "lint.py").read_text(encoding="utf-8")
    assert not re.search(
        r"from linter\.rules\.(?!base\b)\w+ import|from linter\.rules import .*\b(?:inputs|ocr|regime)\b",
        text,
    )
    for code in set(re.findall(r'RULES\["(VB\d{3})"\]', text)):  # fired, not compared
        assert RULES[code].stage == "runner", code


def test_every_document_rule_has_a_failing_sample_or_a_test_here():
    tested_here = {
        "misplaced-part",
        "number-leading-zero",
        "number-state-form",
        "recipients-last-punctuation",
        "section-letter-dd",
        "doc-type-not-state",
        "label-misread",
        "not-nfc",  # tests/test_fix.py
        "component-needs-review",
        "tone-mark-style-mixed",  # tests/test_tolerance.py
        "line-garbled",  # tests/test_damage.py
        "place-merged-province",
        "place-district-level",  # tests/test_merger.py
        "font-not-times",
        "page-not-a4",
        "page-margins",
        "part-typography-state",
        "part-typography-party",  # tests/test_typography.py
        "legal-normative",
        "vbhn-authentication",  # tests/test_vbqppl.py
    }
    document_rules = {r.name for r in RULES.values() if not r.code.startswith(("VB0", "VB9"))}
    assert document_rules <= INVALID_NAMES | tested_here


def test_schemas_are_valid_and_name_existing_rules():
    by_id, _ = _schemas()
    assert len(by_id) >= 17
    for sid, schema in by_id.items():
        Draft202012Validator.check_schema(schema)
        for rule in _x_rules(schema):
            assert rule in BY_NAME, f"{sid}: x-rule {rule} is not a declared rule"
    for t in PARTY_TYPES:
        assert f"urn:vblint:party-hd36:{t}" in by_id
    assert validator("urn:vblint:party-hd36:cong_van") is validator(
        "urn:vblint:party-hd36:cong_van"
    )  # built once


def _x_rules(node):
    if isinstance(node, dict):
        if "x-rule" in node:
            yield node["x-rule"]
        for v in node.values():
            yield from _x_rules(v)
    elif isinstance(node, list):
        for v in node:
            yield from _x_rules(v)


def _edit(name: str, old: str, new: str) -> str:
    text = (VALID / name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_number_leading_zero():
    assert names(_edit("chi_thi.txt", "Số 15-CT/TU", "Số 5-CT/TU")) == {"number-leading-zero"}


def test_number_state_form():
    assert "number-state-form" in names(_edit("chi_thi.txt", "Số 15-CT/TU", "Số: 15/CT-TU"))


def test_recipients_last_punctuation():
    assert names(_edit("chi_thi.txt", "- Lưu Văn phòng Tỉnh ủy.", "- Lưu Văn phòng Tỉnh ủy,")) == {
        "recipients-last-punctuation"
    }


def test_section_letter_dd_is_a_warning_not_a_gap():
    text = (VALID / "thong_bao.txt").read_text(encoding="utf-8")
    assert "d) " in text and "\n" in text
    lines = text.splitlines()
    i = next(k for k, ln in enumerate(lines) if ln.startswith("d) "))
    lines.insert(i + 1, "e) Thực hiện tốt công tác tuyên truyền, vận động Nhân dân.")
    assert names("\n".join(lines) + "\n") == {"section-letter-dd"}


def test_doc_type_not_state():
    text = (ROOT / "corpus" / "valid" / "state-nd30" / "thong_bao.txt").read_text(encoding="utf-8")
    text = text.replace("THÔNG BÁO\n", "KẾT LUẬN\n", 1).replace("/TB-", "/KL-", 1)
    got = names(text)
    assert "doc-type-not-state" in got


def test_misplaced_part():
    text = (VALID / "chi_thi.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    star = lines.index("*")
    lines.insert(len(lines) - 1, lines.pop(star))  # the "*" moved to the end of the header? no: into the tail
    got = names("\n".join(lines[:star] + ["*", "*"] + lines[star:]))
    assert "misplaced-part" in got


def test_removing_a_rule_silences_it(monkeypatch):
    """The tests above fail when a rule's check is removed: shown here for one of them."""
    text = _edit("chi_thi.txt", "Số 15-CT/TU", "Số 5-CT/TU")
    assert "number-leading-zero" in names(text)
    monkeypatch.setitem(
        RULES, "VB207", RULES["VB207"].__class__(**{**RULES["VB207"].__dict__, "check": None})
    )
    checks_for.cache_clear()  # the registry's per-profile lists are computed once
    try:
        assert "number-leading-zero" not in names(text)
    finally:
        monkeypatch.undo()
        checks_for.cache_clear()


def test_date_after_today_uses_the_today_option():
    text = (VALID / "chi_thi.txt").read_text(encoding="utf-8")
    r = lint_bytes("t.txt", text.encode(), Options(today=date(2021, 3, 1)))
    assert {d.name for d in r.diagnostics} == {"date-in-future"}


def test_messages_follow_lang():
    text = _edit("chi_thi.txt", "Số 15-CT/TU", "Số: 15-CT/TU")
    r = lint_bytes("t.txt", text.encode(), Options(today=date(2026, 11, 22), lang="en"))
    assert r.diagnostics[0].message.startswith("Party documents put no colon")


@pytest.mark.parametrize("path", sorted((ROOT / "corpus" / "seeds").glob("*.txt")))
def test_json_contract_is_serialisable(path):
    r = lint_bytes(path.name, path.read_bytes(), Options(today=date(2026, 11, 22)))
    json.dumps(r.to_dict(), ensure_ascii=False)


def test_schemas_use_only_keywords_the_validation_cache_understands():
    """validate() caches results per document skeleton; a value-dependent keyword (pattern, const…)
    would make that wrong, so the schemas are limited to validate.KEYWORDS."""
    from linter.validate import KEYWORDS

    def keys(node):
        if isinstance(node, dict):
            for k, v in node.items():
                yield k
                if k == "properties":
                    for sub in v.values():
                        yield from keys(sub)
                elif k == "$defs":
                    yield from defs(v)
                else:
                    yield from keys(v)
        elif isinstance(node, list):
            for v in node:
                yield from keys(v)

    def defs(namespace):  # $defs may group definitions: {"required": {"banner": {…}}}
        for v in namespace.values():
            yield from (keys(v) if set(v) & KEYWORDS - {"$defs"} else defs(v))

    by_id, _ = _schemas()
    used = {k for s in by_id.values() for k in keys(s)}
    assert used <= KEYWORDS, used - KEYWORDS


def test_schema_results_are_cached_on_disk_and_a_corrupt_cache_is_rebuilt(tmp_path):
    """A second process finds the validation results of a seen skeleton on disk and never imports
    jsonschema; a corrupt cache file is ignored and rewritten."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    doc = str(VALID / "chi_thi.txt")
    probe = (
        "import sys; from datetime import date; from linter.lint import lint_path; from linter.result import Options; "
        f"r = lint_path({doc!r}, Options(today=date(2026, 11, 22))); "
        "print(len(r.diagnostics), 'jsonschema' in sys.modules)"
    )

    def run():
        p = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, p.stderr
        return p.stdout.split()

    assert run() == ["0", "True"]  # first run: validated by jsonschema, result stored
    assert run() == ["0", "False"]  # second run: from the cache
    for f in tmp_path.rglob("schema-results-*.json"):
        f.write_text("{not json", encoding="utf-8")
    assert run() == ["0", "True"]  # corrupt: ignored, validated again
    assert run() == ["0", "False"]
