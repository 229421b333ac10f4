"""Dask cluster against one local process, on the same machine.

    python -m bench.cluster [--copies 25] [--workers 2]

The published documents of corpus/real (real size, about 8,000 characters each) are copied
`--copies` times into a temporary folder. Timed, in one run: `vblint check -j 1 --no-cache
--format jsonl` (one process), and the same with `--scheduler tcp://…` on a cluster started
beforehand with Dask's own commands (`dask scheduler`, `dask worker --nthreads 1` × workers) on
loopback, once with the workers' nannies (the usual way) and once with `--no-nanny`. Also: the
cluster's start-up (not counted in the rate), and whether the outputs are identical."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.cache import real_copies

ROOT = Path(__file__).resolve().parent.parent


def _vblint(args: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    p = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--today", "2026-11-22", "--format", "jsonl", *args],
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - t0, p.stdout


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _cluster(folder: Path, workers: int, nanny: bool) -> tuple[float, str, float]:
    """(seconds, output, start-up seconds) of vblint on a fresh cluster started with Dask's own
    commands; nanny=False: `dask worker --no-nanny` (no monitoring process beside each worker)."""
    from distributed import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    procs = [_start(["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"])]
    address = f"tcp://127.0.0.1:{port}"
    flags = ["--nthreads", "1", "--no-dashboard", *([] if nanny else ["--no-nanny"])]
    try:
        time.sleep(1)
        procs += [_start(["worker", address, *flags]) for _ in range(workers)]
        with Client(address, timeout=60) as c:
            c.wait_for_workers(workers, timeout=120)
        startup = time.perf_counter() - t0
        seconds, out = _vblint(["--scheduler", address, str(folder)])
    finally:
        for p in procs:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(10)
    return seconds, out, startup


def measure(copies: int, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        n = real_copies(folder, copies)
        _vblint(["-j", "1", "--no-cache", str(folder)])  # the page cache warm for every run
        local_s, local_out = _vblint(["-j", "1", "--no-cache", str(folder)])
        out = {"documents": n, "local_seconds": local_s, "runs": {}}
        for nanny in (True, False):
            seconds, got, startup = _cluster(folder, workers, nanny)
            out["runs"]["nannies" if nanny else "--no-nanny"] = {
                "seconds": seconds,
                "speedup": local_s / seconds,
                "startup_seconds": startup,
                "identical": sorted(local_out.splitlines()) == sorted(got.splitlines()),
            }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.cluster", description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=25)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args(argv)
    r = measure(a.copies, a.workers)
    n = r["documents"]
    print(f"{n} real-size documents")
    print(f"one local process (-j 1): {r['local_seconds']:.1f} s, {n / r['local_seconds']:.0f} documents/s")
    for how, x in r["runs"].items():
        print(
            f"Dask, {a.workers} workers ({how}): {x['seconds']:.1f} s, {n / x['seconds']:.0f} documents/s "
            f"= {x['speedup']:.2f}× (start-up {x['startup_seconds']:.1f} s, not counted); identical: {x['identical']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
