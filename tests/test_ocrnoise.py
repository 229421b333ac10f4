"""The OCR-noise generator (bench/ocrnoise.py) and vblint's tolerance to it (bench/ocr_tolerance.py)."""

import re

import pytest

from bench import ocrnoise as N
from bench.ocr_tolerance import measure, report

DOCS = [p.read_text(encoding="utf-8") for p in sorted(N.VALID.glob("*.txt"))]
SYMBOLS = set("^'*~")


def _events(rate, seeds=range(5), kinds=None):
    out = []
    for s in seeds:
        for i, d in enumerate(DOCS):
            out.append((d, *N.noisy_events(d, rate, s * 1000 + i, kinds)))
    return out


def test_documents():
    assert len(DOCS) == 14


def test_same_seed_same_output_other_seed_other_output():
    for i, d in enumerate(DOCS):
        for rate in (0.5, 1, 3):
            assert N.noisy(d, rate, i) == N.noisy(d, rate, i)
            assert N.noisy(d, rate, i) != N.noisy(d, rate, i + 100)
        assert N.noisy_events(d, 1, 7) == N.noisy_events(d, 1, 7)


def test_rate_zero_changes_nothing():
    for d in DOCS:
        for s in range(5):
            assert N.noisy_events(d, 0, s) == (d, [])
    assert N.noisy_events(DOCS[0], 0.0, 1, ("letter",)) == (DOCS[0], [])


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        N.noisy(DOCS[0], 1, 0, ("smudge",))


def test_every_kind_occurs_at_seed_level():
    seen = {e.kind for _, _, ev in _events(1.0) for e in ev}
    assert seen == set(N.KINDS)


def _fold(s):
    return N._fold(s)


def _no_symbols(text):
    return [t for t in text.split() if t not in SYMBOLS]


# What each kind may change, checked on its own: (clean, noisy) -> bool
SIGNATURES = {
    "diacritic": lambda a, b: _fold(a) == _fold(b),  # marks only
    "letter": lambda a, b: a.count("\n") == b.count("\n") and len(a.split()) == len(b.split()),
    "lowercase": lambda a, b: a.lower() == b.lower() and sum(map(str.islower, b)) > sum(map(str.islower, a)),
    "split": lambda a, b: a.split() == b.split() and b.count("\n") > a.count("\n"),
    "merge": lambda a, b: a.split() == b.split() and b.count("\n") < a.count("\n"),
    "column_merge": lambda a, b: (
        sorted(a.split()) == sorted(b.split())
        and (
            re.search(r"^\S.* ĐẢNG CỘNG SẢN VIỆT NAM$", b, re.MULTILINE)
            or re.search(r"^Số \S+ .+, ngày \d", b, re.MULTILINE)
            or re.search(r"^Nơi nhận: \S", b, re.MULTILINE)
        )
    ),
    "stray": lambda a, b: _no_symbols(a) == _no_symbols(b) and len(b.split()) > len(a.split()),
    "blank": lambda a, b: a.split() == b.split() and b.count("\n\n") > a.count("\n\n"),
    "indent": lambda a, b: a.split() == b.split() and re.search(r"^ +\S", b, re.MULTILINE),
    "dash_drop": lambda a, b: (
        [t for t in a.split() if t != "-"] == [t for t in b.split() if t != "-"]
        and b.count("\n- ") < a.count("\n- ")
    ),
}


@pytest.mark.parametrize("kind", N.KINDS)
def test_each_kind_alone_does_what_it_says(kind):
    runs = [r for r in _events(2.0, range(3), (kind,)) if r[2]]
    assert len(runs) >= 5, f"{kind} hardly occurs at rate 2"
    for clean, noisy, events in runs:
        assert {e.kind for e in events} == {kind}
        assert noisy != clean
        assert SIGNATURES[kind](clean, noisy), (kind, events[:3])
    # every event points at real clean lines
    for clean, _, events in runs:
        n = clean.count("\n") + 1
        assert all(1 <= line <= n for e in events for line in e.lines)


def test_more_rate_more_noise():
    counts = [sum(len(ev) for _, _, ev in _events(r, range(3))) for r in (0.5, 1, 2, 3)]
    assert counts == sorted(counts) and counts[0] > 0


def test_seed_calibration():
    """rate 1.0 ≈ the word damage of seeds 000/001 against their clean reading."""
    seeds = N.seed_stats()
    assert seeds["both"]["words"] > 3000
    assert 0.025 < seeds["both"]["word_damage"] < 0.035
    gen = N.calibration(1.0, range(5))
    assert abs(gen["word_damage"] - seeds["both"]["word_damage"]) < 0.25 * seeds["both"]["word_damage"]
    for kind, key in (("diacritic", N.D), ("letter", None)):
        want = (seeds["both"][N.L] + 4) if key is None else seeds["both"][key]  # + the flipped initials
        want /= seeds["both"]["words"]
        assert abs(gen[kind] - want) < 0.3 * want, (kind, gen[kind], want)


# -- the linter under noise: 14 documents × 5 seeds -----------------------------------------------
@pytest.fixture(scope="module")
def tolerance():
    res = measure([0, 1.0, 2.0], seeds=5)
    print("\n" + report(res, misses=0))
    return res


def _per_component(res, rate):
    return {k: round(h / t, 3) for k, (h, t) in res["rates"][rate]["detect"].items() if t}


def test_no_noise_finds_everything(tolerance):
    r = tolerance["rates"][0]
    assert r["accuracy"] == 1.0 and r["fp_share"] == 0.0


def test_detection_at_seed_level(tolerance):
    acc = tolerance["rates"][1.0]["accuracy"]
    assert acc >= 0.98, f"component detection at rate 1.0: {acc:.3f} {_per_component(tolerance, 1.0)}"


def test_detection_at_twice_seed_level(tolerance):
    acc = tolerance["rates"][2.0]["accuracy"]
    assert acc >= 0.90, f"component detection at rate 2.0: {acc:.3f} {_per_component(tolerance, 2.0)}"
