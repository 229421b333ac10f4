"""The reports OCR-like damage adds: which rules fire on a damaged copy and not on the clean one.

    python -m bench.under_damage [--profile state-vbqppl] [--rates 1,2] [--seeds 3] [--first-seed 100]

The conforming and real documents (bench.damage.documents), each damaged by both noise models
(bench.damage's classes and bench.ocrnoise's), at each rate and seed. Counted per 100 damaged
copies: the errors and warnings of each rule that the clean document did not get (missing parts,
VB101–VB110, are bench.damage's own measure). Some are the damage's own defects, reported as
they should be (a dash the noise dropped is a missing dash: VB281); others are misreadings (a
damaged name reported as no name, VB303). A rule that judges small print is reported as info on
a real scan; on these text copies it counts like any other. Issue 13 used it with --profile
state-vbqppl for the profile's own rules (VB115, VB216–VB218, VB265–VB268, VB313, VB314)."""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date

from bench.damage import damaged, documents
from bench.ocrnoise import noisy
from linter.lint import lint_bytes
from linter.result import Options

MODELS = {"damage": lambda t, r, s: damaged(t, r, s)[0], "ocrnoise": noisy}
_PARTS = {f"VB1{i:02d}" for i in range(1, 11)}


def measure(docs, rates, seeds, profile: str | None = None) -> dict:
    opts = Options(today=date(2026, 12, 5))
    clean = []
    for name, text in docs:
        r = lint_bytes(name, text.encode(), opts)
        if profile is None or r.profile == profile:
            clean.append((name, text, {d.code for d in r.diagnostics}))
    out = {"documents": len(clean)}
    for model, noise in MODELS.items():
        for rate in rates:
            new: Counter = Counter()
            for seed in seeds:
                for name, text, before in clean:
                    r = lint_bytes(name, noise(text, rate, seed).encode(), opts)
                    new.update(
                        d.code
                        for d in r.diagnostics
                        if d.severity != "info" and d.code not in before and d.code not in _PARTS
                    )
            out[(model, rate)] = (len(clean) * len(seeds), new)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.under_damage", description=__doc__.split("\n\n")[0])
    ap.add_argument("--profile", help="only the documents checked by this profile")
    ap.add_argument("--rates", default="1,2")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--first-seed", type=int, default=100, help="seeds apart from the tuning ones")
    a = ap.parse_args(argv)
    rates = [float(x) for x in a.rates.split(",")]
    seeds = range(a.first_seed, a.first_seed + a.seeds)
    res = measure(documents("all"), rates, seeds, a.profile)
    print(
        f"{res['documents']} documents × seeds {seeds[0]}–{seeds[-1]}: new errors and warnings per 100 damaged copies"
    )
    for (model, rate), (runs, new) in ((k, v) for k, v in res.items() if k != "documents"):
        top = ", ".join(f"{code} {100 * n / runs:.1f}" for code, n in new.most_common(6))
        print(f"  {model:8} rate {rate:g}: {100 * sum(new.values()) / runs:5.1f}  ({top})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
