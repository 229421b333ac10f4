"""How well vblint finds the components of a document through OCR noise.

    python -m bench.ocr_tolerance [--rates 0,0.5,1,2,3] [--seeds 20] [--kinds diacritic,letter]
                                  [--misses 3] [--ablate]

Every conforming document of corpus/valid/party-hd36 is damaged by bench.ocrnoise.noisy at each
rate with each seed (noise seed = seed * 1000 + document index) and linted with the real
linter (lint_bytes, fixed today). For each component:
  detection  share of (document, seed) pairs where the component, present in the clean
             document, is still found (non-null) in the noisy one
  false pos. share of pairs where the component, absent in the clean document, is found
Also: value agreement of a few fields on the components still found, lines/sec of lint_bytes,
and the misses, each with the noise events on the component's clean lines (± 1 line).
--ablate repeats the run with one noise kind at a time, to see which kind breaks what.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from datetime import date

from bench.ocrnoise import KINDS, VALID, Event, noisy_events
from linter.lint import Options, lint_bytes
from linter.model import COMPONENTS

TODAY = date(2026, 11, 22)
_OPTS = Options(today=TODAY)


def _docs() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(VALID.glob("*.txt"))]


def _lint(name: str, text: str):
    return lint_bytes(f"{name}.txt", text.encode("utf-8"), _OPTS)


def _values(res) -> dict:
    """A few fields whose value should survive the noise."""
    c = res.components
    n, pd, sig = c["number"], c["place_date"], c["signature"]
    return {
        "doc_type": res.doc_type,
        "number": n and (n["seq"], n["type_code"], n["issuer_code"]),
        "place_date": pd and (pd["day"], pd["month"], pd["year"]),
        "signature.authority": sig and sig["authority"],
        "signature.name": sig and sig["name"],
        "recipients.items": c["recipients"] and len(c["recipients"]["items"]),
        "body.sections": c["body"] and len(c["body"]["sections"]),
    }


def _near(events: list[Event], first: int, last: int, slack: int = 1) -> list[Event]:
    return [e for e in events if any(first - slack <= n <= last + slack for n in e.lines)]


def measure(rates=(0, 0.5, 1, 2, 3), seeds=20, kinds: tuple[str, ...] | None = None,
            docs: list[tuple[str, str]] | None = None) -> dict:
    """Run the benchmark. seeds: a count or an iterable of seeds. Returns, per rate:
    detect/fp {component: [hits, total]}, accuracy (all components pooled), fp_share,
    values {field: [equal, compared]}, misses [...]; and lines_per_sec overall."""
    docs = docs or _docs()
    seeds = range(seeds) if isinstance(seeds, int) else list(seeds)
    clean = {name: _lint(name, text) for name, text in docs}
    out: dict = {"rates": {}, "docs": len(docs), "seeds": len(seeds), "kinds": list(kinds or KINDS)}
    lines = 0
    spent = 0.0
    for rate in rates:
        detect = {k: [0, 0] for k in COMPONENTS}
        fp = {k: [0, 0] for k in COMPONENTS}
        values = defaultdict(lambda: [0, 0])
        misses = []
        for s in seeds:
            for i, (name, text) in enumerate(docs):
                ref = clean[name]
                noisy, events = noisy_events(text, rate, s * 1000 + i, kinds)
                t0 = time.perf_counter()
                res = _lint(name, noisy)
                spent += time.perf_counter() - t0
                lines += noisy.count("\n") + 1
                for k in COMPONENTS:
                    was, now = ref.components[k], res.components[k]
                    if was:
                        detect[k][1] += 1
                        if now:
                            detect[k][0] += 1
                        else:
                            misses.append({"rate": rate, "seed": s, "doc": name, "component": k,
                                           "clean": was["text"][:120],
                                           "events": _near(events, was["line"], was["end_line"])})
                    else:
                        fp[k][1] += 1
                        if now:
                            fp[k][0] += 1
                            misses.append({"rate": rate, "seed": s, "doc": name, "component": k,
                                           "false_positive": True, "found": now["text"][:120],
                                           "events": _near(events, now["line"], now["end_line"], 0)})
                want, got = _values(ref), _values(res)
                for f, v in want.items():
                    if v is not None and got[f] is not None:  # agreement on what was found
                        values[f][1] += 1
                        values[f][0] += got[f] == v
        hits = sum(h for h, _ in detect.values())
        total = sum(t for _, t in detect.values())
        out["rates"][rate] = {
            "detect": detect, "fp": fp, "values": dict(values), "misses": misses,
            "accuracy": hits / total if total else 1.0,
            "fp_share": sum(h for h, _ in fp.values()) / max(1, sum(t for _, t in fp.values())),
        }
    out["lines_per_sec"] = lines / spent if spent else 0.0
    return out


def miss_summary(result: dict, rate, top: int = 3) -> dict[str, dict]:
    """Per missed component: how many misses, which noise kinds sat on its lines, examples."""
    by: dict[str, dict] = {}
    for m in result["rates"][rate]["misses"]:
        key = m["component"] + (" (false positive)" if m.get("false_positive") else "")
        d = by.setdefault(key, {"count": 0, "kinds": Counter(), "examples": []})
        d["count"] += 1
        kinds = sorted({e.kind for e in m["events"]}) or ["(none on its lines)"]
        d["kinds"].update(kinds)
        if len(d["examples"]) < top:
            d["examples"].append(m)
    return by


def _pct(h: int, t: int) -> str:
    return f"{100 * h / t:5.1f}" if t else "    -"


def report(result: dict, misses: int = 3) -> str:
    rates = list(result["rates"])
    w = 22
    head = "component".ljust(w) + "".join(f"{'rate ' + str(r):>11}" for r in rates)
    rows = [f"detection % (present in the clean document, still found) — {result['docs']} documents "
            f"× {result['seeds']} seeds, kinds: {','.join(result['kinds'])}", head]
    for k in COMPONENTS:
        cells = [result["rates"][r]["detect"][k] for r in rates]
        if any(t for _, t in cells):
            rows.append(k.ljust(w) + "".join(f"{_pct(h, t):>11}" for h, t in cells))
    rows.append("ALL".ljust(w) + "".join(f"{100 * result['rates'][r]['accuracy']:>11.1f}" for r in rates))
    rows += ["", "false positives % (absent in the clean document, found)", head]
    for k in COMPONENTS:
        cells = [result["rates"][r]["fp"][k] for r in rates]
        if any(t for _, t in cells):
            rows.append(k.ljust(w) + "".join(f"{_pct(h, t):>11}" for h, t in cells))
    rows.append("ALL".ljust(w) + "".join(f"{100 * result['rates'][r]['fp_share']:>11.1f}" for r in rates))
    rows += ["", "value agreement % (field equal to the clean one, when found in both)", head]
    fields = sorted({f for r in rates for f in result["rates"][r]["values"]})
    for f in fields:
        cells = [result["rates"][r]["values"].get(f, [0, 0]) for r in rates]
        rows.append(f.ljust(w) + "".join(f"{_pct(h, t):>11}" for h, t in cells))
    rows += ["", f"lint_bytes: {result['lines_per_sec']:,.0f} lines/sec"]
    if misses:
        for r in rates:
            summary = miss_summary(result, r, misses)
            if not summary:
                continue
            rows += ["", f"misses at rate {r} (noise kinds on the component's clean lines ±1)"]
            for comp, d in sorted(summary.items(), key=lambda kv: -kv[1]["count"]):
                kinds = ", ".join(f"{k} {n}" for k, n in d["kinds"].most_common())
                rows.append(f"  {comp}: {d['count']} — {kinds}")
                for m in d["examples"]:
                    what = f"found {m['found']!r}" if m.get("false_positive") else f"clean {m['clean']!r}"
                    rows.append(f"    {m['doc']} seed {m['seed']}: {what}")
                    for e in m["events"][:4]:
                        rows.append(f"      {e.kind} L{','.join(map(str, e.lines))}: {e.before[:70]!r} -> {e.after[:70]!r}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ocr_tolerance", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rates", default="0,0.5,1,2,3", help="comma-separated noise rates (1.0 ≈ seeds 000/001)")
    ap.add_argument("--seeds", type=int, default=20, help="noise seeds per document and rate")
    ap.add_argument("--kinds", default=None, help=f"comma-separated subset of {','.join(KINDS)}")
    ap.add_argument("--misses", type=int, default=3, help="examples per missed component (0: none)")
    ap.add_argument("--ablate", action="store_true", help="also one row per noise kind alone (overall detection)")
    a = ap.parse_args(argv)
    rates = [float(x) for x in a.rates.split(",") if x.strip()]
    rates = [int(r) if r.is_integer() else r for r in rates]
    kinds = tuple(k.strip() for k in a.kinds.split(",")) if a.kinds else None
    res = measure(rates, a.seeds, kinds)
    print(report(res, a.misses))
    if a.ablate:
        print("\none kind at a time: overall detection % / false positives %")
        print("kind".ljust(22) + "".join(f"{'rate ' + str(r):>14}" for r in rates))
        for k in KINDS:
            r1 = measure(rates, a.seeds, (k,))
            print(k.ljust(22) + "".join(
                f"{100 * r1['rates'][r]['accuracy']:>8.1f} /{100 * r1['rates'][r]['fp_share']:>4.1f}" for r in rates))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
