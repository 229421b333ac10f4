"""Defects seeded into real documents: is each one reported, on the part it damaged?

    python -m bench.seeded [DIR …] [--today 2026-12-05] [--verbose]

For every document (default: corpus/real) and every defect below that fits it, one copy with that
one defect is linted next to the original. A defect counts as found when a diagnostic the original
did not have names the damaged part (its rule's component, or a rule of the defect's own list) on
the edited line or within two lines of it. The defects are the ones a clerk makes: dates, numbers,
types, signatures, recipients, numbering. Reported: found ÷ seeded, overall, per defect and per
profile (issue 13: at least 95 %), and every miss with --verbose."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from linter.lint import lint_bytes
from linter.result import Options
from linter.rules import RULES

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Seeded:
    defect: str
    text: str
    line: int  # 1-based line of the edit
    parts: tuple[str, ...]  # components whose rules may report it
    rules: tuple[str, ...] = ()  # or rules that report it whatever their component


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _edit(text: str, line: int, old: str, new: str, **kw) -> tuple[str, int] | None:
    lines = _lines(text)
    if not 1 <= line <= len(lines) or old not in lines[line - 1]:
        return None
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines), line


def _delete(text: str, line: int) -> tuple[str, int]:
    """The text without that line, and the line above the gap."""
    lines = _lines(text)
    return "\n".join(lines[: line - 1] + lines[line:]), line - 1


def _find(text: str, first: int, last: int, pattern: str) -> tuple[int, re.Match] | None:
    for i, ln in enumerate(_lines(text)[first - 1 : last], start=first):
        if m := re.search(pattern, ln):
            return i, m
    return None


def seeds(text: str, comps: dict, profile: str) -> list[Seeded]:
    """Every defect that fits this document, each in its own copy."""
    out: list[Seeded] = []

    def add(defect, edited, parts, rules=()):
        if edited:
            out.append(Seeded(defect, edited[0], edited[1], parts, rules))

    pd = comps.get("place_date")
    if pd:
        hit = _find(text, pd["line"], pd["end_line"], r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})")
        if hit:
            i, m = hit
            add("date-impossible", _edit(text, i, m.group(0), "ngày 30 tháng 02"), ("place_date",))
        hit = _find(text, pd["line"], pd["end_line"], r"năm\s+(\d{4})")
        if hit:
            i, m = hit
            add("date-future", _edit(text, i, m.group(0), "năm 2031"), ("place_date",))
    num = comps.get("number")
    if num:
        state = profile.startswith("state")
        hit = _find(text, num["line"], num["end_line"], r"Số\s*:" if state else r"Số\s+(?=\d)")
        if hit:
            i, m = hit
            add("number-colon", _edit(text, i, m.group(0), "Số " if state else "Số: "), ("number",))
        hit = _find(text, num["line"], num["end_line"], r"(?<=[\s:])(\d{2,5})(?=[/-])")
        if hit:
            i, m = hit
            add("number-leading-zero", _edit(text, i, m.group(0), "0" + m.group(0)), ("number",))
    dt = comps.get("doc_type")
    if dt:
        lines = _lines(text)
        cut = lines[: dt["line"] - 1] + lines[dt["end_line"] :]
        out.append(
            Seeded("type-name-deleted", "\n".join(cut), dt["line"], ("doc_type",), ("missing-doc-type",))
        )
    sig = comps.get("signature")
    if sig:
        prefixes = ("TM.", "KT.") if profile.startswith("state") else ("T/M", "K/T")
        other = {"TM.": "T/M", "KT.": "K/T", "T/M": "TM.", "K/T": "KT."}
        for p in prefixes:
            hit = _find(text, sig["line"], sig["end_line"], rf"^\s*{re.escape(p)}")
            if hit:
                i, m = hit
                add("authority-other-regime", _edit(text, i, p, other[p]), ("signature",), ("mixed-regime",))
                break
        if sig.get("name"):
            hit = _find(text, sig["line"], sig["end_line"], re.escape(sig["name"]) + r"\s*$")
            add("signer-name-deleted", hit and _delete(text, hit[0]), ("signature",))
    rec = comps.get("recipients")
    if rec:
        hit = _find(text, rec["line"], rec["end_line"], r"^\s*[-+•]?\s*Lưu\b")
        add("luu-line-deleted", hit and _delete(text, hit[0]), ("recipients",))
    body = comps.get("body")
    labels = [s for s in (body or {}).get("sections", []) if s["kind"] in ("dieu", "roman", "arabic")]
    for a, b in zip(labels, labels[1:]):
        if a["kind"] == b["kind"] and a["number"] is not None and b["number"] == a["number"] + 1:
            word = "Điều " if b["kind"] == "dieu" else ""
            add(
                "section-skipped",
                _edit(text, b["line"], f"{word}{b['label']}", f"{word}{_next(b)}"),
                ("body",),
            )
            break
    return out


def _next(s: dict) -> str:
    from linter.patterns import to_roman

    return to_roman(s["number"] + 1) if s["kind"] == "roman" else str(s["number"] + 1)


def _sections(res) -> dict:
    comps = dict(res.components)
    if comps.get("body"):
        comps["body"] = dict(comps["body"], sections=list(_top(comps["body"]["sections"])))
    return comps


def _top(sections):
    """The top level of the body, and the level under its first section when that is all there is."""
    yield from sections
    if len(sections) == 1:
        yield from _top(sections[0]["sections"])


def _key(d) -> tuple:
    return d.code, d.span.line


def run(paths: list[Path], today: date, verbose: bool = False) -> dict:
    opts = Options(today=today)
    found: Counter = Counter()
    seeded: Counter = Counter()
    misses = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        base = lint_bytes(str(path), text.encode(), opts)
        if not base.profile:
            continue
        before = {(d.code, d.message) for d in base.diagnostics}
        for s in seeds(text, _sections(base), base.profile):
            res = lint_bytes(str(path), s.text.encode(), opts)
            new = [d for d in res.diagnostics if (d.code, d.message) not in before]
            ok = any(
                (RULES[d.code].component in s.parts or d.name in s.rules) and abs(d.span.line - s.line) <= 2
                for d in new
            )
            for k in (("all",), ("defect", s.defect), ("profile", base.profile)):
                seeded[k] += 1
                found[k] += ok
            if not ok:
                misses.append((path.name, s.defect, s.line, [f"{d.code}@{d.span.line}" for d in new]))
    return {"found": found, "seeded": seeded, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.seeded", description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "corpus" / "real"])
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 5))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    paths = sorted(p for d in a.dirs for p in (d.glob("*.txt") if d.is_dir() else [d]))
    r = run(paths, a.today, a.verbose)
    f, s = r["found"], r["seeded"]
    every = ("all",)
    print(f"seeded defects reported on their part: {f[every]}/{s[every]} = {f[every] / max(s[every], 1):.1%}")
    for kind in ("defect", "profile"):
        for k in sorted(k for k in s if k[0] == kind):
            print(f"  {k[1]:24} {f[k]:4}/{s[k]:<4} {f[k] / s[k]:.1%}")
    if a.verbose:
        for m in r["misses"]:
            print("  missed:", *m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
