"""How well vblint reads scans: conforming documents printed, scanned and OCR'd by vblint itself.

    python -m bench.ocr_scan [--limit N] [--qualities office,poor] [--dir DIR] [--verbose]
    python -m bench.ocr_scan --memory      # peak memory reading a 1-page and a 20-page TIFF

Every conforming document of corpus/valid is printed on A4 by bench.render, scanned at each
quality (bench.render.degrade: "office", a clean office scan; "poor": blurred, noisy, rotated, low
resolution, a stamp over the signature), saved as a multi-page TIFF and checked with lint_bytes,
the same path `vblint check scan.tif` takes (a page of the gazette is told so, as there). Scored against the text's own result: the share of its
parts still found, number (symbol and sequence) and date read right, and the diagnostics the scan
adds (false ones: codes the text does not have). Time per page: printing, OCR (reading the
image into text lines, scan.read_scan) and linting the text it gives."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from bench.facts import FACTS, read, want
from bench.ocrnoise import ROOT
from bench.render import DPI, degrade, render
from linter.lint import lint_bytes, lint_source
from linter.read import with_publisher
from linter.result import Options, Source
from linter.scan import read_scan

_OPTS = Options(today=date(2026, 11, 22))
# the rules that say a part is missing: on a scan whose text has the part, each is a false report
_MISSING = {f"VB1{n:02d}" for n in (*range(1, 11), 13, 14, 15)} | {"VB289", "VB302", "VB303"}


def _facts(r) -> tuple:
    n, pd = r.components["number"], r.components["place_date"]
    return (n and (n["seq"], n["symbol"])), (pd and (pd["day"], pd["month"], pd["year"]))


def _documents(folder, limit, max_pages):
    """(name, the clean reading, its pages as images) for each document: the *.txt of corpus/valid
    or of folder, printed by bench.render; or the PDFs of folder (at most max_pages pages each),
    their own pages rasterised, read clean from their text layer."""
    if folder and any(folder.glob("*.pdf")):
        import pypdfium2 as pdfium

        for p in sorted(folder.glob("*.pdf")):
            data = p.read_bytes()
            pdf = pdfium.PdfDocument(data)
            if len(pdf) <= max_pages:
                clean = lint_bytes(p.name, data, _OPTS)
                yield (
                    p.name,
                    clean,
                    [pdf[i].render(scale=DPI / 72).to_pil().convert("L") for i in range(len(pdf))],
                )
            pdf.close()
        return
    paths = sorted(folder.glob("*.txt") if folder else (ROOT / "corpus" / "valid").glob("*/*.txt"))[:limit]
    for p in paths:
        text = p.read_text(encoding="utf-8")
        yield p.name, lint_bytes(p.name, text.encode("utf-8"), _OPTS), render(text)


def _truth(folder) -> dict:
    """Facts labelled by hand beside the documents (folder/facts.jsonl, bench.facts' form), if any."""
    f = folder and folder / "facts.jsonl"
    if not f or not f.exists():
        return {}
    rows = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["file"]: want(r) for r in rows}


class _KeptAnswers:
    """pytesseract with its answers kept in a folder, keyed by the image's pixels and the call: a
    changed linter re-reads a set of scans in seconds, and the answers stay Tesseract's own (a
    damage model or a change to scan._prepared makes other pixels, so other keys)."""

    def __init__(self, folder: Path):
        import pytesseract

        self._t, self._dir = pytesseract, folder
        self.Output = pytesseract.Output
        self._version = str(pytesseract.get_tesseract_version())
        folder.mkdir(parents=True, exist_ok=True)

    def __getattr__(self, name):
        return getattr(self._t, name)

    def image_to_data(self, image, **kw):
        h = hashlib.sha256(f"{self._version} {image.mode} {image.size} {sorted(kw.items())}".encode())
        h.update(image.tobytes())
        f = self._dir / f"{h.hexdigest()}.pkl"
        if f.exists():
            return pickle.loads(f.read_bytes())
        d = self._t.image_to_data(image, **kw)
        tmp = f.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(d))
        tmp.replace(f)
        return d


def measure(
    qualities=("office", "poor"), limit: int | None = None, folder=None, verbose=False, max_pages=4, save=None
) -> dict:
    truth = _truth(folder)
    out = {}
    for q in qualities:
        parts = [0, 0]
        facts = [0, 0]
        labelled = Counter()  # bench.facts' facts right, from the scan and from the clean text
        false, review = Counter(), Counter()
        t_render = t_ocr = t_lint = 0.0
        pages = n_docs = 0
        for i, (name, clean, pictures) in enumerate(_documents(folder, limit, max_pages)):
            n_docs += 1
            t0 = time.perf_counter()
            images = [degrade(im, q, i) for im in pictures]
            buf = io.BytesIO()
            images[0].save(
                buf, format="TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate"
            )
            t1 = time.perf_counter()
            scan = read_scan(buf.getvalue(), ".tif")
            t2 = time.perf_counter()
            if save:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{Path(name).stem}.{q}.txt").write_text(scan.text, encoding="utf-8")
            res = lint_source(
                with_publisher(Source(name, scan.text, "ocr", boxes=scan.boxes), scan.published), _OPTS
            )
            t3 = time.perf_counter()
            t_render, t_ocr, t_lint = t_render + t1 - t0, t_ocr + t2 - t1, t_lint + t3 - t2
            pages += scan.pages
            want_parts = [k for k, v in clean.components.items() if v]
            parts[0] += sum(bool(res.components[k]) for k in want_parts)
            parts[1] += len(want_parts)
            facts[0] += _facts(res) == _facts(clean)
            facts[1] += 1
            if name in truth:
                got, was = read(res), read(clean)
                for k in FACTS:
                    labelled["scan"] += got[k] == truth[name][k]
                    labelled["text"] += was[k] == truth[name][k]
                    labelled["all"] += 1
                    if verbose and got[k] != truth[name][k]:
                        print(f"  {q} {name}: {k} read {got[k]!r}, labelled {truth[name][k]!r}")
            added = {(d.code, d.severity) for d in res.diagnostics} - {
                (d.code, d.severity) for d in clean.diagnostics
            }
            false.update(c for c, sev in added if sev != "info")  # errors and warnings the scan adds
            if verbose:
                if _facts(res) != _facts(clean):
                    print(f"  {q} {name}: number and date {_facts(res)}, clean {_facts(clean)}")
                for k in want_parts:
                    if not res.components[k]:
                        print(f"  {q} {name}: {k} not found")
                for d in res.diagnostics:
                    if d.severity != "info" and (d.code, d.severity) in added:
                        print(f"  {q} {name}:{d.span.line}: {d.code} {d.message[:110]}")
            review.update(c for c, sev in added if sev == "info")  # small print, for review
        out[q] = {
            "documents": n_docs,
            "pages": pages,
            "parts_found": parts[0] / parts[1],
            "number_and_date": facts[0] / facts[1],
            "labelled_facts": labelled and {k: labelled[k] / labelled["all"] for k in ("scan", "text")},
            "false_diagnostics": dict(false.most_common()),
            "missing_parts": sum(n for c, n in false.items() if c in _MISSING),
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
    ap.add_argument(
        "--dir",
        type=Path,
        help="the documents of this folder (*.txt, or *.pdf with their own pages), not corpus/valid",
    )
    ap.add_argument("--save", type=Path, help="write the text OCR read of each document here")
    ap.add_argument("--max-pages", type=int, default=4, help="PDFs of at most this many pages (default 4)")
    ap.add_argument("--verbose", action="store_true", help="each error and warning the scan adds")
    ap.add_argument(
        "--ocr-cache", type=Path, help="keep Tesseract's answers in this folder: a rerun lints in seconds"
    )
    ap.add_argument("--memory", action="store_true", help="peak memory of a 1-page and a 20-page scan")
    a = ap.parse_args(argv)
    if a.memory:
        peaks = memory()
        for n, mb in peaks.items():
            print(f"{n:>3} page(s): peak {mb:.0f} MB")
        print(f"ratio 20 pages / 1 page: {peaks[20] / peaks[1]:.2f}")
        return 0
    if a.ocr_cache:
        import linter.scan

        linter.scan._engine()  # the real engine's checks and settings (one Tesseract thread) first
        kept = _KeptAnswers(a.ocr_cache)
        linter.scan._engine = lambda: kept  # the bench's only change to the path a scan takes
    for q, r in measure(
        tuple(a.qualities.split(",")), a.limit, a.dir, a.verbose, a.max_pages, a.save
    ).items():
        s = r["seconds_per_page"]
        print(
            f"{q}: {r['documents']} documents, {r['pages']} pages; parts found {100 * r['parts_found']:.1f} %; "
            f"number and date right {100 * r['number_and_date']:.1f} %"
        )
        print(f"  seconds per page: printing {s['render']:.2f}, OCR {s['ocr']:.2f}, linting {s['lint']:.3f}")
        if r["labelled_facts"]:
            lf = r["labelled_facts"]
            print(
                f"  facts labelled by hand read right: {100 * lf['scan']:.1f} % (text layer {100 * lf['text']:.1f} %)"
            )
        print(f"  'missing part' errors the scan adds: {r['missing_parts']}")
        print(f"  errors and warnings the scan adds (documents): {r['false_diagnostics'] or 'none'}")
        print(f"  small-print notes for review (info) the scan adds: {r['review_notes'] or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
