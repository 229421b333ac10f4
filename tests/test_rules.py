"""The registry, the schemas, and each rule's test: its samples in corpus/invalid*/ fire it and
only it; a rule with no sample is in NO_SAMPLE, with the test file that exercises it instead."""

import json
from datetime import date
from pathlib import Path

import pytest
from contract import PARTY_TYPES
from jsonschema import Draft202012Validator

from linter.lint import lint_bytes, lint_path
from linter.result import Options
from linter.rules import BY_NAME, RULES
from linter.rules.base import BANDS, STAGES, band_module, checks_for
from linter.validate import _schemas, validator

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "corpus" / "valid" / "party-hd36"
# corpus/invalid*/<rule-name>--<case>.txt: a conforming document with one defect, that rule's
SAMPLES: dict[str, list[Path]] = {}
for _p in sorted((ROOT / "corpus").glob("invalid*/*.txt")):
    SAMPLES.setdefault(_p.stem.split("--")[0], []).append(_p)

# The rules with no sample, each with the test file that exercises it. Exact: a sample added for
# one of them, a new rule, or a rule removed fails test_no_sample_lists_exactly_the_rules_without_one.
NO_SAMPLE = {
    # no check: the reader notes these of the input itself, before there is a document
    "empty-file": "test_cli.py",
    "binary-file": "test_cli.py",
    "invalid-encoding": "test_cli.py",
    "legacy-encoding": "test_tolerance.py",
    "unreadable-file": "test_scan.py",
    "file-too-large": "test_cli.py",
    "json-export": "test_precision.py",
    "gazette-copy": "test_furniture.py",
    "pdf-text-layer-replaced": "test_scan.py",
    # no check: the per-document firewall and the batch runner
    "internal-error": "test_batch.py",
    "document-timeout": "test_batch.py",
    # a check of the input stage: its samples are corpus/notdoc/ (a web page, a README)
    "not-a-document": "test_cli.py",
    # a check whose defect a plain UTF-8 sample cannot carry: NFC, OCR damage, a .docx's layout
    "not-nfc": "test_fix.py",
    "component-needs-review": "test_damage.py",
    "tone-mark-style-mixed": "test_tolerance.py",
    "line-garbled": "test_damage.py",
    "font-not-times": "test_typography.py",
    "page-not-a4": "test_typography.py",
    "page-margins": "test_typography.py",
    "part-typography-state": "test_typography.py",
    "part-typography-party": "test_typography.py",
    # a check whose documents are tested as a family: legal normative texts, consolidated texts
    "legal-normative": "test_vbqppl.py",
    "other-organisation": "test_published_forms.py",  # a Youth Union letter: no defect to sample
    "vbhn-authentication": "test_vbqppl.py",
    # a check whose defect is a part moved, which the tests build line by line
    "misplaced-part": "test_rules.py",
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
    assert {r.code for r in RULES.values() if r.final} == {"VB005", "VB402", "VB403"}


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


@pytest.mark.parametrize("code", sorted(RULES), ids=lambda c: f"{c}-{RULES[c].name}")
def test_rule_fires_on_its_samples_and_alone(code):
    """Each sample of the rule reports it, and only it; a rule without one is tested where
    NO_SAMPLE says (that file names it)."""
    rule = RULES[code]
    if rule.name not in SAMPLES:
        assert rule.name in NO_SAMPLE, (
            f"{code} {rule.name}: no sample in corpus/invalid*/ and not in NO_SAMPLE"
        )
        text = (ROOT / "tests" / NO_SAMPLE[rule.name]).read_text(encoding="utf-8")
        assert rule.name in text or code in text, f"{NO_SAMPLE[rule.name]} never names {code} {rule.name}"
        return
    for path in SAMPLES[rule.name]:
        r = lint_path(str(path), Options(today=date(2026, 11, 22)))
        got = {d.name for d in r.diagnostics}
        assert got == {rule.name}, f"{path.relative_to(ROOT)}: {sorted(got)}"


def test_no_sample_lists_exactly_the_rules_without_one():
    without = {r.name for r in RULES.values()} - set(SAMPLES)
    assert set(NO_SAMPLE) == without, (
        f"add to NO_SAMPLE: {sorted(without - set(NO_SAMPLE))}; remove: {sorted(set(NO_SAMPLE) - without)}"
    )
    assert set(SAMPLES) <= set(BY_NAME), f"samples named after no rule: {sorted(set(SAMPLES) - set(BY_NAME))}"


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


def test_a_cited_text_s_number_and_date_years_agree():
    """VB219 reads a cited number's year against the date given with it, the Party's comma between
    them and a date wrapped onto the next line included; a number without a year (the Party's) and
    one whose date agrees are left alone (published: "Luật Đầu tư số 61/2020/QH14 ngày 17/6/2021")."""
    base = "Căn cứ Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương"
    assert "cited-number-year-date" not in names(_edit("quyet_dinh.txt", base, base))
    cited = "Căn cứ Nghị định số 30/2020/NĐ-CP, ngày 05/3/2020 của Chính phủ"
    assert "cited-number-year-date" not in names(_edit("quyet_dinh.txt", base, cited))
    assert "cited-number-year-date" in names(
        _edit("quyet_dinh.txt", base, cited.replace("05/3/2020", "05/3/2021"))
    )
    wrapped = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3\nnăm 2002 của Chính phủ"
    assert "cited-number-year-date" in names(_edit("quyet_dinh.txt", base, wrapped))


def test_a_congress_or_term_named_at_a_line_s_end_is_no_roman_section():
    """ "… thực hiện Nghị quyết Đại hội" / "XIII. Đảng ta vững vàng …" (round 79, a provincial Party
    committee's report): the congress the sentence names, wrapped; so is a term, "… khóa" / "XV. …"."""
    text = (VALID / "bao_cao.txt").read_text(encoding="utf-8")
    at = text.index("II. HẠN CHẾ")
    for above, label in (("Nghị quyết Đại hội", "XIII"), ("Ban Chấp hành Trung ương Đảng khóa", "XV")):
        wrapped = (
            f"Toàn Đảng bộ đoàn kết, chung sức thực hiện quyết liệt, đồng bộ {above}\n"
            f"{label}. Đảng ta vững vàng lãnh đạo, đạt được những kết quả rất quan trọng.\n"
        )
        assert "section-numbering" not in names(text[:at] + wrapped + text[at:])
