"""What the result cache costs and gives, on real-size documents.

    python -m bench.cache [--copies 25] [--rounds 3]

The published documents of corpus/real, copied `--copies` times, each copy made unique (a last
line with its name, so every file is a cache miss the first time). Per round, interleaved:
`vblint check -j 1 --format jsonl` with --no-cache, with an empty --cache-dir (the first cached
run), and again on that cache (warm). Reported: the medians, first/no-cache and cold/warm."""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "linter",
            "check",
            "-j",
            "1",
            "--format",
            "jsonl",
            "--today",
            "2026-11-22",
            *args,
        ],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - t0


def real_copies(folder: Path, copies: int, unique: bool = False) -> int:
    """corpus/real copied `copies` times into folder (made here); unique: each copy given a last
    line of its own, so that no two files have the same content. Returns the number of files."""
    src = sorted((ROOT / "corpus/real").glob("*.txt"))
    folder.mkdir()
    for k in range(copies):
        for p in src:
            name = f"{k:03d}-{p.name}"
            (folder / name).write_bytes(p.read_bytes() + (f"\n{name}\n".encode() if unique else b""))
    return len(src) * copies


def measure(copies: int, rounds: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        n = real_copies(docs, copies, unique=True)
        times: dict[str, list[float]] = {"nocache": [], "first": [], "warm": []}
        _run(["--no-cache", str(docs)])  # the files in the page cache for every run
        for r in range(rounds):
            cache = Path(tmp) / f"cache{r}"
            times["nocache"].append(_run(["--no-cache", str(docs)]))
            times["first"].append(_run(["--cache-dir", str(cache), str(docs)]))
            times["warm"].append(_run(["--cache-dir", str(cache), str(docs)]))
            shutil.rmtree(cache, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    return {
        "documents": n,
        **med,
        "first_ratio": med["first"] / med["nocache"],
        "warm_speedup": med["first"] / med["warm"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.cache", description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=25)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args(argv)
    r = measure(a.copies, a.rounds)
    print(f"{r['documents']} unique real-size documents, -j 1, medians of {a.rounds} rounds")
    print(f"--no-cache {r['nocache']:.2f} s; first cached run {r['first']:.2f} s ({r['first_ratio']:.3f}×)")
    print(f"warm {r['warm']:.2f} s: {r['warm_speedup']:.1f}× faster than the first run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
