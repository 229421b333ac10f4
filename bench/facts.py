"""Facts read right: type, signer and recipient count against a truth set labelled by hand.

    python -m bench.facts [--truth corpus/real/facts.jsonl] [--verbose]

Each line of the truth file names a document of corpus/real and what a reader sees in it: its type,
the signature's authority levels, the signer's own title and name, and the number of items in its
"Nơi nhận" list (the Lưu line counted, a wrapped item once; null when the document has none). The
labels were made by reading the texts, without vblint's output. Reported: the share read right for
each fact, and every miss with --verbose (issue 13: at least 97 %). The type is the printed type
line's (a consolidated decision is quyet_dinh). Number and date are scored by
../shared/tools/score-real.py."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

from linter.lint import lint_bytes
from linter.result import Options

ROOT = Path(__file__).resolve().parent.parent
FACTS = ("type", "levels", "title", "name", "recipients")


def _squash(s: str | None) -> str | None:
    """Compare text as a reader does: spacing and the dot after an authority prefix aside."""
    if s is None:
        return None
    return re.sub(r"\s+", " ", s.replace(".", ". ")).strip().upper()


def read(result) -> dict:
    """The facts as vblint read them, in the truth file's terms."""
    comps = result.components
    sig = comps.get("signature") or {}
    rec = comps.get("recipients")
    titles = sig.get("titles") or []
    return {
        "type": (comps.get("doc_type") or {}).get("type") or result.doc_type,
        "levels": [_squash(x) for x in sig.get("levels") or []],
        "title": _squash(" ".join(titles)) if titles else None,
        "name": _squash(sig.get("name")),
        "recipients": len(rec.get("items") or []) if rec else None,
    }


def want(row: dict) -> dict:
    return {
        "type": row["type"],
        "levels": [_squash(x) for x in row["levels"]],
        "title": _squash(row["title"]),
        "name": _squash(row["name"]),
        "recipients": row["recipients"],
    }


def score(truth: Path, today: date = date(2026, 12, 5)) -> tuple[dict[str, int], int, list[str]]:
    """Facts read right per kind, the number of documents, and each miss."""
    rows = [json.loads(x) for x in truth.read_text(encoding="utf-8").splitlines() if x.strip()]
    opts = Options(today=today)
    right, misses = dict.fromkeys(FACTS, 0), []
    for row in rows:
        path = truth.parent / row["file"]
        got, exp = read(lint_bytes(str(path), path.read_bytes(), opts)), want(row)
        for k in FACTS:
            right[k] += got[k] == exp[k]
            if got[k] != exp[k]:
                misses.append(f"{row['file']}: {k} read {got[k]!r}, truth {exp[k]!r}")
    return right, len(rows), misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--truth", type=Path, default=ROOT / "corpus/real/facts.jsonl")
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 5))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    right, n, misses = score(a.truth, a.today)
    for m in misses if a.verbose else ():
        print(f"  {m}")
    for k in FACTS:
        print(f"{k:<11} {right[k]:>4}/{n} = {100 * right[k] / n:5.1f} %")
    total = sum(right.values())
    print(f"{'all':<11} {total:>4}/{n * len(FACTS)} = {100 * total / (n * len(FACTS)):5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
