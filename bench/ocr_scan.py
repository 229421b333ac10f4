"""How well vblint reads scans: conforming documents printed, scanned and OCR'd by vblint itself.

    python -m bench.ocr_scan [--limit N] [--qualities office,poor] [--dir DIR] [--verbose]
    python -m bench.ocr_scan --memory      # peak memory reading a 1-page and a 20-page TIFF

Every conforming document of corpus/valid is printed on A4 by bench.render, scanned at each
quality (bench.render.degrade: "office", a clean office scan; "poor": blurred, noisy, rotated, low
resolution, a stamp over the signature), saved as a multi-page TIFF and checked with lint_bytes,
the same path `vblint check scan.tif` takes. Scored against the text's own result: the share of its
parts still found, number (symbol and sequence) and date read right, and the diagnostics the scan
adds (false ones: codes the text does not have). Time per page: printing, OCR (reading the
image into text lines, scan.read_scan) and linting the text it gives."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from bench.ocrnoise import ROOT
from bench.render import degrade, render
from linter.lint import lint_bytes, lint_source
from linter.result import Options, Source
from linter.scan import read_scan

_OPTS = Options(today=date(2026, 11, 22))


def _facts(r) -> tuple:
    n, pd = r.components["number"], r.components["place_date"]
    return (n and (n["seq"], n["symbol"])), (pd and (pd["day"], pd["month"], pd["year"]))


def measure(qualities=("office", "poor"), limit: int | None = None, folder=None, verbose=False) -> dict:
    paths = sorted(folder.glob("*.txt") if folder else (ROOT / "corpus" / "valid").glob("*/*.txt"))[:limit]
    out = {}
    for q in qualities:
        parts = [0, 0]
        facts = [0, 0]
        false, review = Counter(), Counter()
        t_render = t_ocr = t_lint = 0.0
        pages = 0
        for i, p in enumerate(paths):
            text = p.read_text(encoding="utf-8")
            clean = lint_bytes(p.name, text.encode("utf-8"), _OPTS)
            t0 = time.perf_counter()
            images = [degrade(im, q, i) for im in render(text)]
            buf = io.BytesIO()
            images[0].save(
                buf, format="TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate"
            )
            t1 = time.perf_counter()
            scan = read_scan(buf.getvalue(), ".tif")
            t2 = time.perf_counter()
            res = lint_source(Source(p.name, scan.text, "ocr", boxes=scan.boxes), _OPTS)
            t3 = time.perf_counter()
            t_render, t_ocr, t_lint = t_render + t1 - t0, t_ocr + t2 - t1, t_lint + t3 - t2
            pages += scan.pages
            want = [k for k, v in clean.components.items() if v]
            parts[0] += sum(bool(res.components[k]) for k in want)
            parts[1] += len(want)
            facts[0] += _facts(res) == _facts(clean)
            facts[1] += 1
            added = {(d.code, d.severity) for d in res.diagnostics} - {
                (d.code, d.severity) for d in clean.diagnostics
            }
            false.update(c for c, sev in added if sev != "info")  # errors and warnings the scan adds
            if verbose:
                for d in res.diagnostics:
                    if d.severity != "info" and (d.code, d.severity) in added:
                        print(f"  {q} {p.name}:{d.span.line}: {d.code} {d.message[:110]}")
            review.update(c for c, sev in added if sev == "info")  # small print, for review
        out[q] = {
            "documents": len(paths),
            "pages": pages,
            "parts_found": parts[0] / parts[1],
            "number_and_date": facts[0] / facts[1],
            "false_diagnostics": dict(false.most_common()),
            "review_notes": dict(review.most_common()),
            "seconds_per_page": {"render": t_render / pages, "ocr": t_ocr / pages, "lint": t_lint / pages},
        }
    return out


def memory(counts=(1, 20)) -> dict[int, float]:
    """Peak resident memory (MB) of `vblint check` on a TIFF of each number of pages (a document's
    first page repeated), each in a fresh process: the pages are read one at a time, so a long scan
    should cost about what a short one does."""
    page = degrade(
        render((ROOT / "corpus/valid/state-nd30/thong_bao.txt").read_text("utf-8"))[0], "office", 1
    )
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            path = f"{tmp}/scan-{n}.tif"
            page.save(
                path, format="TIFF", save_all=True, append_images=[page] * (n - 1), compression="tiff_deflate"
            )
            # a child per size: ru_maxrss of RUSAGE_CHILDREN is the largest child so far, so measure
            # it from a parent that has run only that child
            code = (
                "import resource, subprocess, sys;"
                "subprocess.run([sys.executable, '-m', 'linter', 'check', '--no-cache', '-q', sys.argv[1]]);"
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
            )
            got = subprocess.run(
                [sys.executable, "-c", code, path], capture_output=True, text=True, check=True
            )
            out[n] = int(got.stdout.split()[-1]) / 1024  # kB on Linux
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ocr_scan", description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="the first N documents only")
    ap.add_argument("--qualities", default="office,poor")
    ap.add_argument("--dir", type=Path, help="the documents (*.txt) of this folder, not corpus/valid")
    ap.add_argument("--verbose", action="store_true", help="each error and warning the scan adds")
    ap.add_argument("--memory", action="store_true", help="peak memory of a 1-page and a 20-page scan")
    a = ap.parse_args(argv)
    if a.memory:
        peaks = memory()
        for n, mb in peaks.items():
            print(f"{n:>3} page(s): peak {mb:.0f} MB")
        print(f"ratio 20 pages / 1 page: {peaks[20] / peaks[1]:.2f}")
        return 0
    for q, r in measure(tuple(a.qualities.split(",")), a.limit, a.dir, a.verbose).items():
        s = r["seconds_per_page"]
        print(
            f"{q}: {r['documents']} documents, {r['pages']} pages; parts found {100 * r['parts_found']:.1f} %; "
            f"number and date right {100 * r['number_and_date']:.1f} %"
        )
        print(f"  seconds per page: printing {s['render']:.2f}, OCR {s['ocr']:.2f}, linting {s['lint']:.3f}")
        print(f"  errors and warnings the scan adds (documents): {r['false_diagnostics'] or 'none'}")
        print(f"  small-print notes for review (info) the scan adds: {r['review_notes'] or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
