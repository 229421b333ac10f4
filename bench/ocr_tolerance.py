"""How well vblint finds the components of a document through OCR noise.

    python -m bench.ocr_tolerance [--rates 0,0.5,1,2,3] [--seeds 20] [--kinds diacritic,letter]
                                  [--misses 3] [--ablate]

Every conforming document of corpus/valid/party-hd36 is damaged by bench.ocrnoise.noisy at each
rate with each seed (noise seed = seed * 1000 + document index) and linted with the real
linter (lint_bytes, fixed today). For each component:
  detection  share of (document, seed) pairs where the component, present in the clean
             document, is still found (non-null) in the noisy one
  false pos. share of pairs where the component, absent in the clean document, is found
Also: value agreement of a few fields on the components still found, lint_bytes lines per CPU
second, and the misses, each with the noise events on the component's clean lines (± 1 line)
and on the lines above it ("upstream": a misread line there can end the zone the component is in).
--ablate repeats the run with one noise kind at a time, to see which kind breaks what.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from datetime import date

from bench.ocrnoise import KINDS, VALID, Event, noisy_events
from linter.lint import lint_bytes
from linter.result import COMPONENTS, Options

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
        "signature.has_name": sig and sig["name"] is not None,  # the name's text is itself noisy
        "recipients.items": c["recipients"] and len(c["recipients"]["items"]),
        "body.sections": c["body"] and len(c["body"]["sections"]),
    }


def _near(events: list[Event], first: int, last: int, slack: int = 1) -> tuple[list[Event], list[Event]]:
    """The events on the component's clean lines (± slack), and those on the 12 lines above it
    (a line the lexer misreads upstream can end the zone the component is in)."""
    on = [e for e in events if any(first - slack <= n <= last + slack for n in e.lines)]
    up = [e for e in events if e not in on and any(first - 12 <= n < first - slack for n in e.lines)]
    return on, up


# "A part is missing" diagnostics: the ones a noise-damaged part must never cause.
MISSING = frozenset({f"VB{n}" for n in range(101, 112)} | {"VB113", "VB114"})


def measure(
    rates=(0, 0.5, 1, 2, 3),
    seeds=20,
    kinds: tuple[str, ...] | None = None,
    docs: list[tuple[str, str]] | None = None,
    noise=noisy_events,
) -> dict:
    """Run the benchmark. seeds: a count or an iterable of seeds; noise: (text, rate, seed,
    kinds) -> (text, events), bench.ocrnoise's model by default. Returns, per rate:
    detect/fp {component: [hits, total]}, accuracy (all components pooled), fp_share,
    values {field: [equal, compared]}, false_missing (missing-part diagnostics the clean
    document does not have), runs, misses [...]; and lines_per_sec overall."""
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
        false_missing = runs = 0
        for s in seeds:
            for i, (name, text) in enumerate(docs):
                ref = clean[name]
                noisy, events = noise(text, rate, s * 1000 + i, kinds)
                t0 = time.process_time()  # CPU time: the machine may be shared
                res = _lint(name, noisy)
                spent += time.process_time() - t0
                lines += noisy.count("\n") + 1
                runs += 1
                had = {d.code for d in ref.diagnostics}
                false_missing += len({d.code for d in res.diagnostics if d.code in MISSING} - had)
                for k in COMPONENTS:
                    was, now = ref.components[k], res.components[k]
                    if was:
                        detect[k][1] += 1
                        if now:
                            detect[k][0] += 1
                        else:
                            on, up = _near(events, was["line"], was["end_line"])
                            misses.append(
                                {
                                    "rate": rate,
                                    "seed": s,
                                    "doc": name,
                                    "component": k,
                                    "clean": was["text"][:120],
                                    "events": on,
                                    "upstream": up,
                                }
                            )
                    else:
                        fp[k][1] += 1
                        if now:
                            fp[k][0] += 1
                            on, up = _near(events, now["line"], now["end_line"], 0)
                            misses.append(
                                {
                                    "rate": rate,
                                    "seed": s,
                                    "doc": name,
                                    "component": k,
                                    "false_positive": True,
                                    "found": now["text"][:120],
                                    "events": on,
                                    "upstream": up,
                                }
                            )
                want, got = _values(ref), _values(res)
                for f, v in want.items():
                    if v is not None and got[f] is not None:  # agreement on what was found
                        values[f][1] += 1
                        values[f][0] += got[f] == v
        hits = sum(h for h, _ in detect.values())
        total = sum(t for _, t in detect.values())
        out["rates"][rate] = {
            "detect": detect,
            "fp": fp,
            "values": dict(values),
            "misses": misses,
            "accuracy": hits / total if total else 1.0,
            "fp_share": sum(h for h, _ in fp.values()) / max(1, sum(t for _, t in fp.values())),
            "false_missing": false_missing,
            "runs": runs,
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
        kinds = {e.kind for e in m["events"]} | {"upstream " + e.kind for e in m["upstream"]}
        kinds = sorted(kinds) or ["(none)"]
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
    rows = [
        (
            f"detection % (present in the clean document, still found) — {result['docs']} documents "
            f"× {result['seeds']} seeds, kinds: {','.join(result['kinds'])}"
        ),
        head,
    ]
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
    rows += ["", f"lint_bytes: {result['lines_per_sec']:,.0f} lines per CPU second"]
    if misses:
        for r in rates:
            summary = miss_summary(result, r, misses)
            if not summary:
                continue
            rows += [
                "",
                (
                    f"misses at rate {r}: noise kinds on the component's clean lines ±1, and "
                    "('upstream') on the 12 lines above"
                ),
            ]
            for comp, d in sorted(summary.items(), key=lambda kv: -kv[1]["count"]):
                kinds = ", ".join(f"{k} {n}" for k, n in d["kinds"].most_common())
                rows.append(f"  {comp}: {d['count']} — {kinds}")
                for m in d["examples"]:
                    what = f"found {m['found']!r}" if m.get("false_positive") else f"clean {m['clean']!r}"
                    rows.append(f"    {m['doc']} seed {m['seed']}: {what}")
                    for tag, evs in (("", m["events"][:4]), ("upstream ", m["upstream"][:3])):
                        for e in evs:
                            rows.append(
                                f"      {tag}{e.kind} L{','.join(map(str, e.lines))}: "
                                f"{e.before[:70]!r} -> {e.after[:70]!r}"
                            )
    return "\n".join(rows)


def ablation(rates, seeds) -> str:
    """One noise kind at a time: detection % per component (FP: false positives, all pooled)."""
    comps = [k for k in COMPONENTS if k != "marks"]
    rows = []
    for r in rates:
        rows += [
            "",
            f"one kind at a time, rate {r}: detection % per component",
            "kind".ljust(14) + "".join(f"{c[:9]:>10}" for c in comps) + f"{'ALL':>8}{'FP':>6}",
        ]
        for k in KINDS:
            res = measure([r], seeds, (k,))["rates"][r]
            rows.append(
                k.ljust(14)
                + "".join(f"{_pct(*res['detect'][c]):>10}" for c in comps)
                + f"{100 * res['accuracy']:>8.1f}{100 * res['fp_share']:>6.1f}"
            )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ocr_tolerance", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rates", default="0,0.5,1,2,3", help="comma-separated rates (1.0 ≈ seeds 000/001)")
    ap.add_argument("--seeds", type=int, default=20, help="noise seeds per document and rate")
    ap.add_argument("--kinds", default=None, help=f"comma-separated subset of {','.join(KINDS)}")
    ap.add_argument("--misses", type=int, default=3, help="examples per missed component (0: none)")
    ap.add_argument("--ablate", action="store_true", help="also each noise kind alone, per component")
    a = ap.parse_args(argv)
    rates = [float(x) for x in a.rates.split(",") if x.strip()]
    rates = [int(r) if r.is_integer() else r for r in rates]
    kinds = tuple(k.strip() for k in a.kinds.split(",")) if a.kinds else None
    res = measure(rates, a.seeds, kinds)
    print(report(res, a.misses))
    if a.ablate:
        print(ablation(rates, a.seeds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
