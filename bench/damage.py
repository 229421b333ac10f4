"""A second OCR-damage model, by class, each at its own rate; and the per-class benchmark.

    python -m bench.damage [--rates 1,2] [--seeds 3] [--set all|valid|real] [--classes a,b]

bench.ocrnoise imitates seeds 000/001 as a whole. This model was written apart from the
recognisers' code, from the classes of damage scans show (issue 12), so that vblint is measured
on damage it was not designed around. Classes and their unit; the probability at rate r is
RATE[class] * r (capped at 1):

  stray       per word: a mark ~ * ^ ' . , ` inside the word or glued to one end ("ngà~y", "thán*g")
  tone        per word: a tone or hat lost or wrong ("tháng" -> "thang", "năm" -> "nâm")
  confusion   per word: rn/m, m/rn, l/1/I, c/e, O/0, đ/d
  lower       per upper-case line: read wholly in lower case, or its second half
  split       per header or footer line of 2+ words: broken in two, half the time with a blank line
  merge       per pair of adjacent non-blank lines: joined with a space
  rows        per document: the header's two columns read row by row (bench.ocrnoise's column_merge)
  dashes      per block of "- " items: every dash lost (bench.ocrnoise's dash_drop)

Rate 1 is set at the seeds' level: tone and confusion as the seeds' word damage (1.6 % and
1.1 % of words, bench.ocrnoise's calibration), the rest at what a fair office scan shows.
The header is the lines above the type name / "V/v" / "Kính gửi"; the footer, the lines from
"Nơi nhận" or the last authority prefix on.

Reported per class alone and for all classes together: parts found (the components the clean
document has, still found), and false "missing part" diagnostics per 100 documents."""

from __future__ import annotations

import argparse
import random
import re

from bench.ocr_tolerance import measure
from bench.ocrnoise import ROOT, Event, _diacritic, _fold, _is_upper, noisy_events

CLASSES = ("stray", "tone", "confusion", "lower", "split", "merge", "rows", "dashes")
RATE = {
    "stray": 0.006,
    "tone": 0.017,
    "confusion": 0.011,
    "lower": 0.06,
    "split": 0.03,
    "merge": 0.006,
    "rows": 0.5,  # these two: bench.ocrnoise's BASE, given here for the table only
    "dashes": 0.33,
}
_MARKS = "~*^'.,`"
_CONFUSIONS = [
    (re.compile(p), r)
    for p, r in (
        ("rn", "m"),
        ("m", "rn"),
        ("l", "1"),
        ("l", "I"),
        ("I", "l"),
        ("1", "l"),
        ("c", "e"),
        ("e", "c"),
        ("O", "0"),
        ("0", "O"),
        ("đ", "d"),
        ("Đ", "D"),
    )
]
_WORD = re.compile(r"\S+")
_HEAD_END = re.compile(
    r"^(v/v|ve viec|kinh gui|kinh trinh|nghi quyet|quyet dinh|chi thi|ket luan|quy dinh"
    r"|quy che|thong tri|huong dan|thong bao|bao cao|ke hoach|chuong trinh|to trinh"
    r"|cong dien|giay moi|nghi dinh|thong tu|luat|de an)\b"
)
_FOOT = re.compile(r"^(noi nhan|t/m|k/t|t/l|t/uq|tm\.|kt\.|tl\.|tuq\.)")


def _stray(w: str, rng: random.Random) -> str:
    m = rng.choice(_MARKS)
    k = rng.randrange(len(w) + 1)
    return w[:k] + m + w[k:]


def _confuse(w: str, rng: random.Random) -> str | None:
    cands = [(m, r) for rx, r in _CONFUSIONS for m in rx.finditer(w)]
    if not cands:
        return None
    m, r = rng.choice(cands)
    return w[: m.start()] + r + w[m.end() :]


def _zones(lines: list[str]) -> set[int]:
    """Indexes of header and footer lines."""
    folded = [_fold(t).strip() for t in lines]
    head = next((i for i, f in enumerate(folded[:30]) if _HEAD_END.match(f) and i > 0), min(12, len(lines)))
    foot = next((i for i in range(len(lines) - 1, head, -1) if _FOOT.match(folded[i])), len(lines))
    foot = next((i for i in range(head, len(lines)) if folded[i].startswith("noi nhan")), foot)
    return set(range(head)) | set(range(foot, len(lines)))


def damaged(
    text: str, rate: float, seed: int, classes: tuple[str, ...] | None = None
) -> tuple[str, list[Event]]:
    """text damaged by the classes on at `rate`, and the edits made; deterministic in its arguments."""
    on = set(CLASSES if classes is None else classes)
    if unknown := on - set(CLASSES):
        raise ValueError(f"unknown damage classes: {sorted(unknown)}")
    if rate <= 0:
        return text, []
    p = {k: min(1.0, RATE[k] * rate) if k in on else 0.0 for k in CLASSES}
    events: list[Event] = []
    # the two whole-block classes are bench.ocrnoise's own: run them first, alone
    block = tuple(k for k, o in (("column_merge", "rows"), ("dash_drop", "dashes")) if o in on)
    if block:
        text, ev = noisy_events(text, rate, seed, block)
        events += ev
    rng = random.Random(seed)
    lines = text.split("\n")
    zones = _zones(lines)
    out: list[str] = []
    for n, t in enumerate(lines):
        src = (n + 1,)

        def word(m: re.Match, src=src) -> str:
            w = m.group(0)
            for cls, fn in (("stray", _stray), ("tone", _diacritic), ("confusion", _confuse)):
                if rng.random() < p[cls] and (new := fn(w, rng)) and new != w:
                    events.append(Event(cls, src, w, new))
                    w = new
            return w

        new = _WORD.sub(word, t)
        if _is_upper(t) and rng.random() < p["lower"]:
            words = new.split(" ")
            half = len(words) // 2 if rng.random() < 0.5 else 0
            new = " ".join(words[:half] + [w.lower() for w in words[half:]])
            events.append(Event("lower", src, t, new))
        spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", new)]
        if n in zones and spaces and rng.random() < p["split"]:
            k = rng.choice(spaces)
            gap = [""] if rng.random() < 0.5 else []
            pieces = [new[:k], *gap, new[k + 1 :]]
            events.append(Event("split", src, t, " / ".join(pieces)))
            out += pieces
            continue
        if out and out[-1].strip() and new.strip() and rng.random() < p["merge"]:
            events.append(Event("merge", (n, n + 1), f"{out[-1]} / {new}", f"{out[-1]} {new.lstrip()}"))
            out[-1] = f"{out[-1].rstrip()} {new.lstrip()}"
            continue
        out.append(new)
    return "\n".join(out), events


def documents(which: str = "all") -> list[tuple[str, str]]:
    """The conforming documents of every profile and the real published ones."""
    globs = {"valid": ["corpus/valid/*/*.txt"], "real": ["corpus/real/*.txt"]}
    globs["all"] = globs["valid"] + globs["real"]
    paths = sorted(p for g in globs[which] for p in ROOT.glob(g))
    return [(f"{p.parent.name}/{p.stem}", p.read_text(encoding="utf-8")) for p in paths]


def table(rates, seeds, docs, classes=CLASSES) -> str:
    """Per class alone, then all together: parts found % and false 'missing part' errors per 100
    documents, at each rate. seeds: a count or an iterable of seeds."""
    seeds = list(range(seeds)) if isinstance(seeds, int) else list(seeds)
    rows = [
        f"{len(docs)} documents × seeds {seeds[0]}–{seeds[-1]}; parts found % / false 'missing part' "
        "errors per 100 documents",
        "class".ljust(12) + "".join(f"{'rate ' + str(r):>22}" for r in rates),
    ]
    for cls in (*[(c,) for c in classes], None):
        res = measure(rates, seeds, cls, docs, noise=damaged)["rates"]
        cells = [
            f"{100 * res[r]['accuracy']:6.2f} % {100 * res[r]['false_missing'] / res[r]['runs']:6.2f}"
            for r in rates
        ]
        rows.append(("all" if cls is None else cls[0]).ljust(12) + "".join(f"{c:>22}" for c in cells))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.damage", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rates", default="1,2", help="comma-separated rates (1 ≈ the seeds' level)")
    ap.add_argument("--seeds", type=int, default=3, help="damage seeds per document and rate")
    ap.add_argument(
        "--first-seed", type=int, default=0, help="the first seed (a run apart from the tuning seeds)"
    )
    ap.add_argument("--set", default="all", choices=("all", "valid", "real"), help="which documents")
    ap.add_argument("--classes", default=",".join(CLASSES), help="classes to report one by one")
    a = ap.parse_args(argv)
    rates = [int(x) if float(x).is_integer() else float(x) for x in a.rates.split(",")]
    classes = tuple(c.strip() for c in a.classes.split(",") if c.strip())
    print(table(rates, range(a.first_seed, a.first_seed + a.seeds), documents(a.set), classes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
