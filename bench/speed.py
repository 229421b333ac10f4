"""Speed per core against the floor: what linting costs next to merely reading the same files.

    python -m bench.speed [--copies 25] [--rounds 3]

The published documents of corpus/real, copied `--copies` times (2,000 files by default), each
copy made unique (bench.cache.real_copies). Per round, interleaved so that both see the same
machine: the floor, a process that reads every file, decodes and NFC-normalises it and matches one
regular expression per line; then `vblint check -j 1 --no-cache --format jsonl`. Reported: the
medians, documents per second, and lint ÷ floor (issue 15's target: at most 9, aiming at 5)."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.cache import _run, real_copies

# The floor: the least any checker of these files must do, in the same interpreter.
FLOOR = r"""
import os, re, sys, unicodedata
heading = re.compile(r"^\s*(?:[IVX]+|\d+)[.)]\s")
n = 0
for entry in sorted(os.scandir(sys.argv[1]), key=lambda e: e.name):
    with open(entry.path, "rb") as f:
        text = unicodedata.normalize("NFC", f.read().decode("utf-8"))
    n += sum(1 for line in text.splitlines() if heading.match(line))
print(n)
"""


def _floor(folder: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR, str(folder)], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def measure(copies: int, rounds: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        n = real_copies(docs, copies, unique=True)
        _floor(docs)  # the files in the page cache for every run
        times: dict[str, list[float]] = {"floor": [], "lint": []}
        for _ in range(rounds):
            times["floor"].append(_floor(docs))
            times["lint"].append(_run(["--no-cache", str(docs)]))
    med = {k: statistics.median(v) for k, v in times.items()}
    ratios = [lint / floor for lint, floor in zip(times["lint"], times["floor"])]
    return {
        "documents": n,
        **med,
        "per_second": n / med["lint"],
        "ratio": statistics.median(ratios),  # the median of each round's own ratio
        "raw": times,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=25)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args(argv)
    r = measure(a.copies, a.rounds)
    print(f"{r['documents']} unique real-size documents, medians of {a.rounds} rounds")
    print(f"floor (read + NFC + one regex per line) {r['floor']:.2f} s")
    print(f"vblint check -j 1 --no-cache {r['lint']:.2f} s: {r['per_second']:.0f} documents/s")
    print(f"lint ÷ floor {r['ratio']:.1f}× (target ≤ 9×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
