"""The benchmark corpus generator (bench/generate.py) and a smoke run of the benchmark phases
(bench/run.py). No timing assertions: machines are noisy."""

import json
import statistics
from collections import Counter
from datetime import date
from pathlib import Path

from bench import generate as G
from bench import run as R
from linter.lint import lint_bytes
from linter.result import Options
from linter.rules import RULES

# the generator varies administrative templates; state-vbqppl's are not among them yet (their year in
# the number follows the date, which the generator moves)
TEMPLATES = {f"{p.parent.name}/{p.stem}" for p in G.VALID.glob("*/*.txt") if p.parent.name in G.PROFILES}
OPTS = Options(today=date(2026, 11, 22))


def _gen(tmp_path: Path, name: str, n: int, **kw) -> tuple[list[Path], list[dict]]:
    d = tmp_path / name
    paths = G.generate(d, n, **kw)
    return paths, G.manifest(d)


def _names(path: Path) -> set[str]:
    res = lint_bytes(str(path), path.read_bytes(), OPTS)
    return {RULES[d.code].name for d in res.diagnostics if d.severity in ("error", "warning")}


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    a, ma = _gen(tmp_path, "a", 40, seed=3)
    b, mb = _gen(tmp_path, "b", 40, seed=3)
    c, _ = _gen(tmp_path, "c", 40, seed=4)
    assert [p.relative_to(tmp_path / "a") for p in a] == [p.relative_to(tmp_path / "b") for p in b]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert ma == mb
    assert sum(x.read_bytes() != y.read_bytes() for x, y in zip(a, c)) > 30
    # a longer run starts with the same documents
    more, _ = _gen(tmp_path, "more", 45, seed=3)
    assert [p.read_bytes() for p in more[:40]] == [p.read_bytes() for p in a]


def test_shards_and_manifest(tmp_path):
    paths, recs = _gen(tmp_path, "s", 5)
    assert [r["path"] for r in recs] == [p.relative_to(tmp_path / "s").as_posix() for p in paths]
    assert all(p.parent.name == "000" and p.suffix == ".txt" for p in paths)
    assert G.rel_path(1234, recs[0]).startswith("001/001234_")
    assert all(r["bytes"] == p.stat().st_size for r, p in zip(recs, paths))


def test_covers_every_template_profile_and_type(tmp_path):
    n = len(TEMPLATES)
    assert n == 35 and len(G.templates()) == n
    _, recs = _gen(tmp_path, "cov", n, defect_rate=0, noise_rate=0)
    assert {r["template"] for r in recs} == TEMPLATES  # one round deals out every template
    assert {r["profile"] for r in recs} == set(G.PROFILES)
    for prof in G.PROFILES:
        want = {p.stem for p in (G.VALID / prof).glob("*.txt")}
        assert {r["doc_type"] for r in recs if r["profile"] == prof} == want


def test_variations_keep_documents_conforming(tmp_path):
    paths, recs = _gen(tmp_path, "clean", 70, seed=1, defect_rate=0, noise_rate=0)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert len(set(texts)) == len(texts)  # the same template twice is varied
    for t in texts:
        for m in G._DATE.finditer(t[:600]):
            assert date(int(m.group(3)), int(m.group(2)), int(m.group(1))) <= G.TODAY
    clean = sum(not _names(p) for p in paths)
    assert clean >= 0.95 * len(paths)
    for p, r in zip(paths, recs):
        assert lint_bytes(str(p), p.read_bytes(), OPTS).profile == r["profile"]


def test_defects_and_noise_at_about_the_requested_rates(tmp_path):
    n = 400
    kw = {"seed": 7, "defect_rate": 0.3, "noise_rate": 0.6}
    paths, recs = _gen(tmp_path, "mix", n, **kw)
    plain, _ = _gen(tmp_path, "plain", n, **{**kw, "defect_rate": 0, "noise_rate": 0})
    defects = [r["defect"] is not None for r in recs]
    noise = [r["noise"] for r in recs]
    assert abs(sum(defects) / n - 0.3) < 0.08
    assert abs(sum(noise) / n - 0.6) < 0.08
    # the flags are true: a document differs from its plain twin exactly when it has either
    for p, q, d, z in zip(paths, plain, defects, noise):
        assert (p.read_bytes() != q.read_bytes()) == (d or z)
    assert {r["defect"] for r in recs if r["defect"]} <= set(G.DEFECT_NAMES)
    assert len({r["defect"] for r in recs if r["defect"]}) >= 12  # many kinds, not one


def test_defects_trigger_their_rule(tmp_path):
    paths, recs = _gen(tmp_path, "def", 105, seed=2, defect_rate=1, noise_rate=0)
    found = Counter()
    for p, r in zip(paths, recs):
        assert r["rule"] in {x.name for x in RULES.values()}
        found[r["rule"] in _names(p)] += 1
    assert found[True] >= 0.85 * len(paths)


def test_size_factor_scales_the_body(tmp_path):
    one, _ = _gen(tmp_path, "x1", 35, noise_rate=0, defect_rate=0)
    ten, _ = _gen(tmp_path, "x10", 35, noise_rate=0, defect_rate=0, size_factor=10)
    ratio = statistics.fmean(p.stat().st_size for p in ten) / statistics.fmean(p.stat().st_size for p in one)
    assert 5 < ratio < 12  # the body is most of a document; header and signature stay
    for a, b in zip(one, ten):  # same template and header
        assert a.read_text(encoding="utf-8")[:80] == b.read_text(encoding="utf-8")[:80]
    # sections are renumbered: a longer body numbers on
    assert not any("section-numbering" in _names(p) for p in ten[:10])
    big, _ = _gen(tmp_path, "x100", 1, noise_rate=0, defect_rate=0, size_factor=100)
    assert big[0].stat().st_size > 50 * one[0].stat().st_size


def test_cli(tmp_path, capsys):
    assert G.main([str(tmp_path / "cli"), "3", "--seed", "5", "-j", "1"]) == 0
    assert len(G.manifest(tmp_path / "cli")) == 3
    assert "3 documents" in capsys.readouterr().err


EXPECTED = {
    "cold": {"lint_s", "floor_s", "python_s", "ratio", "commands"},
    "throughput": {"n", "wall_s", "cpu_s", "docs_per_s", "docs_per_cpu_s", "command"},
    "scaling": {"j1_s", "j2_s", "speedup", "runs_speedup", "ceiling", "pool_efficiency", "commands"},
    "cache": {"cold_s", "warm_s", "speedup", "entries", "command"},
    "rss": {"n", "n_big", "rss_n_mb", "rss_n_big_mb", "ratio", "commands"},
    "size": {"factors", "ratio", "bytes_ratio", "command"},
}


def test_run_smoke(tmp_path, monkeypatch):
    monkeypatch.setattr(G, "SHARD", 2)  # two shards of the 4 documents: the pair runs one each
    cfg = {"n": 4, "n_big": 8, "size": {1: 2, 10: 1, 100: 1}}
    res = R.run(R.PHASES, work=tmp_path, repeat=1, cfg=cfg, log=lambda *a: None)
    assert set(res) >= {"date", "mode", "machine", "config", "phases", "code"}
    assert list(res["phases"]) == list(R.PHASES)
    for phase, keys in EXPECTED.items():
        r = res["phases"][phase]
        assert keys | {"target", "op", "pass", "elapsed_s", "loadavg_1min"} <= set(r), phase
        assert isinstance(r["pass"], bool)
    assert res["phases"]["cache"]["entries"] == 4
    assert set(res["phases"]["size"]["factors"]) == {"1", "10", "100"}
    assert res["phases"]["rss"]["n_big"] == 8
    s = res["phases"]["scaling"]
    assert len(s["commands"]) == 3 and s["commands"][2].count("python -m linter check -j 1") == 2
    json.dumps(res)  # what results.json holds
    table = R.table(res)
    assert "PASS" in table or "FAIL" in table
    assert "python -m linter check" in R.commands(res)


def test_stages_cover_the_pipeline_and_stop_where_asked():
    from bench import stages as S

    files = [str(p) for p in sorted(G.VALID.glob("*/*.txt"))[:6]]
    spent = S.time_stages(files, OPTS)
    assert list(spent) == list(S.STAGES) and all(v > 0 for v in spent.values())
    assert list(S.time_stages(files, OPTS, upto="parse")) == list(S.STAGES[: S.STAGES.index("parse") + 1])
    assert S.main([str(G.VALID), "--n", "3", "--upto", "lex"]) == 0


def test_speed_measures_lint_against_the_floor():
    from bench import speed

    r = speed.measure(copies=1, rounds=1)
    assert r["documents"] == len(list((Path(__file__).resolve().parent.parent / "corpus/real").glob("*.txt")))
    assert r["lint"] > r["floor"] > 0 and r["ratio"] > 1 and r["per_second"] > 0


def test_seeded_defects_are_each_found_on_their_part():
    """bench/seeded.py on three real documents: every defect it seeds is reported where it is."""
    from bench import seeded as S

    real = Path(__file__).resolve().parent.parent / "corpus" / "real"
    names = ("002_kl-212-KL-TW.txt", "019_tb-627-TB-VPCP.txt", "043_tt-24-2025-TT-BTP.txt")
    r = S.run([real / n for n in names], date(2026, 12, 5))
    assert r["seeded"][("all",)] >= 20
    assert r["found"][("all",)] == r["seeded"][("all",)], r["misses"]
    assert {k[1] for k in r["seeded"] if k[0] == "profile"} == {"party-hd36", "state-nd30", "state-vbqppl"}


def test_under_damage_counts_only_what_the_damage_added():
    from bench import under_damage as U

    docs = [d for d in U.documents("valid") if d[0].startswith("state-vbqppl/")][:2]
    res = U.measure(docs, [0], [1])  # rate 0: no damage, so nothing is added
    assert res["documents"] == 2
    runs = [v for k, v in res.items() if k != "documents"]
    assert len(runs) == 2 and all(n == 2 and not new for n, new in runs)
    damaged = U.measure(docs, [2], [1])
    added = sum((new for k, (_, new) in ((k, v) for k, v in damaged.items() if k != "documents")), Counter())
    assert added and not any(code in U._PARTS for code in added)


def test_facts_are_read_as_the_hand_labels_say():
    """bench/facts.py: type, signature levels, title, name and recipient count of the 100 real
    documents against labels made by reading them (issue 13 asks for 97 % of each)."""
    from bench import facts as F

    real = Path(__file__).resolve().parent.parent / "corpus/real"
    right, n, misses = F.score(real / "facts.jsonl")
    assert n == len(list(real.glob("*.txt"))) > 100  # every real document is labelled
    assert all(v >= 0.97 * n for v in right.values()), misses
