"""Deterministic benchmark corpus: documents built from the conforming templates.

    python -m bench.generate DIR N [--seed 0] [--size-factor 1] [--defect-rate 0.2]
                                   [--noise-rate 0.5] [--noise-level 1.0] [-j JOBS]

generate(out_dir, n, seed=..., defect_rate=..., noise_rate=..., size_factor=...) writes N
documents to DIR/000/, DIR/001/, … (SHARD = 1,000 files each) and DIR/manifest.jsonl (one JSON
line per document: path, template, profile, doc_type, defect, expected rule, noise, bytes). The
manifest is not a *.txt, so `vblint check DIR` does not read it.

Every document starts from one of the conforming templates of corpus/valid/{party-hd36,
party-hd05,state-nd30} (35 in all, every type and profile). Templates are dealt out in shuffled
rounds, so any 35 consecutive documents cover all of them. Each document then gets:

- variations (all of them, always): a random sequence number (with the leading zero below 10);
  a random issue date inside the template's profile window (HD 36: 2019-04-01 … 2025-06-30,
  HD 05: 2026-05-27 … 2026-11-22, NĐ 30: 2025-07-01 … 2026-11-22, so the profile chosen by date
  stays the template's and no date is after 2026-11-22), written with the leading zeros the
  standards want; the template's province (issuer lines, place, body) swapped for another
  province in force after 1/7/2025; the signer's and the body's people's names replaced by
  random Vietnamese names; the body re-ordered: the preamble (căn cứ, intro) and the closing
  paragraph stay, the top-level sections in between (Chương, I., Điều, 1. — whichever is the
  outermost) are shuffled, one may be duplicated in place of another, and every section
  number is rewritten in sequence;
- with probability `defect_rate`, ONE defect, a programmatic version of an edit seen in
  corpus/invalid*/ (DEFECTS: colon after "Số", spaces in the number, leading zero dropped,
  a recipient item without "- ", a deleted header line, …), chosen among those that apply
  to the document; the rule it should trigger is in the manifest;
- with probability `noise_rate`, OCR noise: bench.ocrnoise.noisy(text, noise_level, seed)
  (noise_level 1.0 ≈ the real scans in corpus/seeds).

size_factor multiplies the body: its sections are repeated (and renumbered) until the body is
size_factor times the template's body (size_factor 100: a ~200-300 KB document).

Determinism: document i depends only on (seed, i, the knobs): same seed, same bytes, whatever
N or -j. The variations, the defect and the noise draw from separate random streams, so the
same call with defect_rate=0 or noise_rate=0 yields the same documents without the defects or
the noise, and generate(n=10_000) is a prefix of generate(n=50_000).

The templates' parts (which line is the number, the date, the body, the recipients …) are read
once per process by running the linter on each template (they are conforming, so it finds them).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from bench.ocrnoise import noisy

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "corpus" / "valid"
PROFILES = ("party-hd36", "party-hd05", "state-nd30")
SHARD = 1000
TODAY = date(2026, 11, 22)  # no generated date is later
WINDOWS = {  # issue dates per profile: the profile the date selects stays the template's
    "party-hd36": (date(2019, 4, 1), date(2025, 6, 30)),
    "party-hd05": (date(2026, 5, 27), TODAY),
    "state-nd30": (date(2025, 7, 1), TODAY),
}
# Provinces in force after 1/7/2025 (NQ 202/2025/QH15), the "tỉnh" ones: a swapped-in name is
# valid at any date of the windows above.
PROVINCES = (
    "Cao Bằng",
    "Điện Biên",
    "Hà Tĩnh",
    "Lai Châu",
    "Lạng Sơn",
    "Nghệ An",
    "Quảng Ninh",
    "Thanh Hóa",
    "Sơn La",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)
# Provinces a template may name that are not in force any more (swapped out like the others).
OLD_PROVINCES = ("Bình Định", "Quảng Bình", "Bến Tre")
SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trịnh",
    "Đinh",
    "Mai",
    "Lương",
)
MIDDLE = (
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Minh",
    "Quốc",
    "Thanh",
    "Ngọc",
    "Xuân",
    "Thu",
    "Đình",
    "Công",
    "Thế",
    "Hồng",
    "Anh",
    "Kim",
)
GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hằng",
    "Hùng",
    "Hương",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phong",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trung",
    "Tuấn",
    "Vinh",
    "Yến",
    "Khánh",
    "Hòa",
    "Lực",
    "Thắng",
)
PARTY_CODES = ("NQ", "QĐ", "CT", "KL", "QC", "TT", "TTr", "CTr", "BC", "TB", "HD", "KH")
STATE_CODES = ("NQ", "QĐ", "CT", "QC", "TB", "HD", "CTr", "KH", "BC", "TTr", "CĐ", "GM", "GGT", "BB")


# --- templates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    name: str  # "party-hd36/cong_van"
    profile: str
    doc_type: str
    lines: tuple[str, ...]
    body: tuple[int, int]  # 0-based, half-open
    number: int | None
    place_date: int | None
    banner: tuple[int, ...]  # lines of the banner (party: 1; state: Quốc hiệu, Tiêu ngữ)
    doc_type_line: int | None
    items: tuple[int, ...]  # recipient item lines ("Nơi nhận" block)
    authority: int | None  # the signature's first authority line (T/M, KT. …)
    signers: tuple[str, ...]  # names of the signers
    name_line: int | None  # the main signer's name line, when it ends the document
    province: str | None
    body_chars: int


@cache
def templates() -> tuple[Template, ...]:
    """The 35 conforming templates, analysed with the linter (once per process)."""
    from linter.lint import lint_path
    from linter.result import Options

    opts = Options(today=TODAY)
    out = []
    for profile in PROFILES:
        for path in sorted((VALID / profile).glob("*.txt")):
            res = lint_path(str(path), opts)
            if res.profile != profile or any(d.severity == "error" for d in res.diagnostics):
                raise RuntimeError(f"template {path} does not lint clean as {profile}")
            out.append(_analyse(f"{profile}/{path.stem}", profile, res))
    return tuple(out)


def _analyse(name: str, profile: str, res) -> Template:
    lines = tuple(res.text.split("\n"))
    c = res.components

    def line(k: str) -> int | None:
        return c[k]["line"] - 1 if c[k] else None

    body = (c["body"]["line"] - 1, c["body"]["end_line"])
    banner = tuple(range(c["banner"]["line"] - 1, c["banner"]["end_line"])) if c["banner"] else ()
    items = tuple(it["line"] - 1 for it in c["recipients"]["items"]) if c["recipients"] else ()
    sig = c["signature"]
    authority = None
    if sig and sig.get("levels"):
        authority = next(
            (i for i in range(sig["line"] - 1, sig["end_line"]) if lines[i].strip() == sig["levels"][0]), None
        )
    signers = tuple(
        n for n in [sig and sig.get("name"), *[x.get("name") for x in (sig or {}).get("cosigners", [])]] if n
    )
    last = max(i for i, t in enumerate(lines) if t.strip())
    name_line = last if sig and sig.get("name") and lines[last].strip() == sig["name"] else None
    header = "\n".join(lines[: body[0]])
    place = c["place_date"]["place"] if c["place_date"] else None
    province = (
        place
        if place in PROVINCES + OLD_PROVINCES
        else next((p for p in PROVINCES + OLD_PROVINCES if p.upper() in header or p in (place or "")), None)
    )
    return Template(
        name=name,
        profile=profile,
        doc_type=res.doc_type,
        lines=lines,
        body=body,
        number=line("number"),
        place_date=line("place_date"),
        banner=banner,
        doc_type_line=line("doc_type") if res.doc_type != "cong_van" else None,
        items=items,
        authority=authority,
        signers=signers,
        name_line=name_line,
        province=province,
        body_chars=sum(len(t) + 1 for t in lines[body[0] : body[1]]),
    )


# --- one document --------------------------------------------------------------------------------


@dataclass
class Doc:
    """A document being built: its lines and where its parts are (0-based line indexes)."""

    t: Template
    lines: list[str]
    body: tuple[int, int]
    shift: int = 0  # lines added by the body after the template's body end
    info: dict = field(default_factory=dict)

    def at(self, i: int | None) -> int | None:
        """Where template line i is now (the body's size changed what follows it)."""
        if i is None:
            return None
        return i + self.shift if i >= self.t.body[1] else i

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


_NUMBER = re.compile(r"^(Số\s*:?\s*)(\d+)")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_TITLED = re.compile(r"\b(Đồng chí|Ông|Bà) ((?:[^\W\d_]+ ?){2,4})")


def _fmt_date(d: date, day: str | None = None, month: str | None = None) -> str:
    day = day if day is not None else f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = month if month is not None else f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def _seq(rng: random.Random) -> int:
    return rng.choice(
        (rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 4999))
    )


def _person(rng: random.Random, taken: set) -> str:
    while True:
        n = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if n not in taken:
            taken.add(n)
            return n


def _capitalised(w: str) -> bool:
    return w[:1].isupper() and (len(w) == 1 or w[1:].islower())


def _vary(t: Template, rng: random.Random) -> list[str]:
    """Number, date, province, names: the template's lines, varied (same line count)."""
    lines = list(t.lines)
    if t.number is not None:
        s = _seq(rng)
        lines[t.number] = _NUMBER.sub(
            lambda m: m.group(1) + (f"{s:02d}" if s < 10 else str(s)), lines[t.number], 1
        )
    if t.place_date is not None:
        lo, hi = WINDOWS[t.profile]
        d = lo + timedelta(days=rng.randint(0, (hi - lo).days))
        lines[t.place_date] = _DATE.sub(_fmt_date(d), lines[t.place_date], 1)
    text = "\n".join(lines)
    if t.province:
        new = rng.choice([p for p in PROVINCES if p != t.province])
        for old, rep in ((t.province, new), (t.province.upper(), new.upper())):
            text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", rep, text)
    # people: the signers, then "Đồng chí / Ông / Bà <Name>" in the body, each to a new name
    names: dict[str, str] = {}
    taken: set[str] = set()
    for n in t.signers:
        names.setdefault(n, _person(rng, taken))
    for m in _TITLED.finditer(text):
        words = m.group(2).split()
        k = 0
        while k < len(words) and _capitalised(words[k]):
            k += 1
        if k >= 2:
            names.setdefault(" ".join(words[:k]), _person(rng, taken))
    for old in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", names[old], text)
    return text.split("\n")


# body sections, outermost first: only these are shuffled and renumbered
_MARKERS = (
    ("chuong", re.compile(r"^(Chương\s+)([IVXLCDM]+)\b")),
    ("roman", re.compile(r"^()([IVXL]{1,6})(?=\.\s)")),
    ("dieu", re.compile(r"^(Điều\s+)(\d+)(?=\.)")),
    ("arabic", re.compile(r"^()(\d{1,3})(?=\.\s)")),
)
_RANK = {k: i for i, (k, _) in enumerate(_MARKERS)}
MAX_ROMAN = 37  # XXXVIII has 7 letters


def _marker(line: str) -> tuple[str, re.Match] | None:
    for kind, rx in _MARKERS:
        m = rx.match(line)
        if m:
            return kind, m
    return None


def _roman(n: int) -> str:
    out = []
    for v, s in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _blocks(lines: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    cur: list[str] = []
    for t in lines:
        if t.strip():
            cur.append(t)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _renumber(lines: list[str]) -> list[str]:
    counters = dict.fromkeys(_RANK, 0)
    out = []
    for t in lines:
        mk = _marker(t)
        if mk:
            kind, m = mk
            counters[kind] += 1
            for k, r in _RANK.items():
                if r > _RANK[kind]:
                    counters[k] = 0
            n = counters[kind]
            t = m.group(1) + (_roman(n) if kind in ("chuong", "roman") else str(n)) + t[m.end() :]
        out.append(t)
    return out


def _vary_body(lines: list[str], rng: random.Random, size_factor: float) -> list[str]:
    """Shuffle the top-level sections between the preamble and the closing paragraph; repeat
    them up to size_factor times the body; renumber."""
    blocks = _blocks(lines)
    kinds = [mk[0] for b in blocks if (mk := _marker(b[0]))]
    top = min(kinds, key=_RANK.__getitem__) if kinds else None
    first = next((i for i, b in enumerate(blocks) if top and (mk := _marker(b[0])) and mk[0] == top), None)
    if first is None or first >= len(blocks) - 1:
        first = min(1, len(blocks) - 1)
    pre, mid, closing = blocks[:first], blocks[first:-1], blocks[-1:]
    units: list[list[list[str]]] = []
    for b in mid:
        mk = _marker(b[0])
        if not units or top is None or (mk and mk[0] == top):
            units.append([b])
        else:
            units[-1].append(b)
    if not units:  # one or two blocks: the first one is what repeats
        units, pre = [pre], []

    def size(us) -> int:
        return sum(len(t) + 1 for u in us for b in u for t in b)

    order = units[:]
    rng.shuffle(order)
    if size_factor <= 1:
        if len(order) >= 2 and rng.random() < 0.5:
            order[rng.randrange(len(order))] = rng.choice(units)  # one section twice, one dropped
    else:
        target = size_factor * sum(len(t) + 1 for t in lines) - size([pre, closing])
        have = size(order)
        # the linter reads "I." … "XXXVII." as sections (at most 6 letters): past 37 roman
        # sections, grow the sections instead, with their own paragraphs
        subs = [b for u in units for b in ([u[0][1:]] if len(u[0]) > 1 else []) + u[1:]]
        while have < target:
            batch = units[:]
            rng.shuffle(batch)
            for u in batch:
                if top == "roman" and len(order) >= MAX_ROMAN and subs:
                    k = rng.randrange(len(order))
                    u = [rng.choice(subs)]
                    order[k] = [*order[k], *u]
                else:
                    order.append(u)
                have += size([u])
                if have >= target:
                    break
    out: list[str] = []
    for b in [*pre, *(b for u in order for b in u), *closing]:
        if out:
            out.append("")
        out += b
    return _renumber(out)


# --- defects -------------------------------------------------------------------------------------
# Each: (name, the rule it should trigger, profiles or None for all, edit). edit(doc, rng) changes
# doc.lines and returns True, or returns False when it does not apply to this document.


def _sub_line(doc: Doc, i: int | None, rx: str, rep, count: int = 1) -> bool:
    if i is None:
        return False
    new = re.sub(rx, rep, doc.lines[i], count=count)
    if new == doc.lines[i]:
        return False
    doc.lines[i] = new
    return True


def _delete(doc: Doc, i: int | None) -> bool:
    if i is None:
        return False
    del doc.lines[i]
    return True


def _number_spacing(doc, rng):
    i = doc.at(doc.t.number)
    seps = (
        [m.start() for m in re.finditer(r"(?<=\w)[-/](?=\w)", doc.lines[i].split(" ", 1)[-1])]
        if i is not None
        else []
    )
    if not seps:
        return False
    head, rest = doc.lines[i].split(" ", 1)
    k = rng.choice(seps)
    doc.lines[i] = f"{head} {rest[:k]} {rest[k]} {rest[k + 1 :]}"
    return True


def _leading_zero(doc, rng):
    return _sub_line(
        doc, doc.at(doc.t.number), r"^(Số\s*:?\s*)\d+", lambda m: m.group(1) + str(rng.randint(1, 9))
    )


def _type_code(doc, rng, codes):
    i = doc.at(doc.t.number)
    if i is None or doc.t.doc_type in ("cong_van",):
        return False
    m = re.search(r"(?<=[-/])(" + "|".join(sorted(codes, key=len, reverse=True)) + r")(?=[-/])", doc.lines[i])
    if not m:
        return False
    new = rng.choice([c for c in codes if c != m.group(1)])
    doc.lines[i] = doc.lines[i][: m.start()] + new + doc.lines[i][m.end() :]
    return True


def _date_edit(doc, rng, how):
    i = doc.at(doc.t.place_date)
    if i is None:
        return False
    m = _DATE.search(doc.lines[i])
    if not m:
        return False
    d, mo, y = (int(x) for x in m.groups())
    if how == "no-zero":
        new = f"ngày {rng.randint(1, 9)} tháng {m.group(2)} năm {y}"
    elif how == "extra-zero":
        if not 3 <= mo <= 9:
            return False
        new = f"ngày {m.group(1)} tháng 0{mo} năm {y}"
    elif how == "impossible":
        if mo in (4, 6, 9, 11):
            new = f"ngày 31 tháng {mo} năm {y}"
        elif mo == 2:
            new = f"ngày 30 tháng 02 năm {y}"
        else:
            return False
    else:  # slashes, no comma: "Quảng Ninh ngày 28/8/2023"
        doc.lines[i] = re.sub(r",?\s*" + re.escape(m.group(0)), f" ngày {d}/{mo}/{y}", doc.lines[i], count=1)
        return True
    doc.lines[i] = doc.lines[i][: m.start()] + new + doc.lines[i][m.end() :]
    return True


def _item_dash(doc, rng):
    items = [doc.at(i) for i in doc.t.items[:-1] if doc.lines[doc.at(i)].startswith("- ")]
    if not items:
        return False
    i = rng.choice(items)
    doc.lines[i] = doc.lines[i][2:]
    return True


def _drop_luu(doc, rng):
    if len(doc.t.items) < 2 or not re.match(r"^- Lưu\b", doc.lines[doc.at(doc.t.items[-1])]):
        return False
    return _delete(doc, doc.at(doc.t.items[-1]))


def _authority(doc, rng, pairs):
    i = doc.at(doc.t.authority)
    if i is None:
        return False
    for old, new in pairs:
        if doc.lines[i].startswith(old):
            doc.lines[i] = new + doc.lines[i][len(old) :]
            return True
    return False


def _section_skip(doc, rng):
    b0, b1 = doc.body
    marks = [(i, mk) for i in range(b0, b1) if (mk := _marker(doc.lines[i]))]
    if not marks:
        return False
    top = min((mk[0] for _, mk in marks), key=_RANK.__getitem__)
    tops = [(i, mk[1]) for i, mk in marks if mk[0] == top]
    if len(tops) < 2:
        return False
    i, m = rng.choice(tops[1:])
    n = _roman_parse(m.group(2)) if top in ("chuong", "roman") else int(m.group(2))
    rep = _roman(n + 1) if top in ("chuong", "roman") else str(n + 1)
    doc.lines[i] = m.group(1) + rep + doc.lines[i][m.end() :]  # n -> n + 1: the number n is skipped
    return True


def _roman_parse(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for k, ch in enumerate(s):
        v = vals[ch]
        total += -v if k + 1 < len(s) and vals[s[k + 1]] > v else v
    return total


def _body_ending(doc, rng):
    if doc.t.doc_type in ("giay_moi", "giay_gioi_thieu", "bien_ban"):
        return False
    return _sub_line(doc, doc.body[1] - 1, r"\./\.\s*$", ".")


PARTY, STATE = ("party-hd36", "party-hd05"), ("state-nd30",)
DEFECTS = (
    # number
    ("number-colon", "number-colon", PARTY, lambda d, r: _sub_line(d, d.at(d.t.number), r"^Số ", "Số: ")),
    (
        "number-missing-so",
        "number-missing-so",
        PARTY,
        lambda d, r: _sub_line(d, d.at(d.t.number), r"^Số\s+", ""),
    ),
    (
        "state-number-colon-missing",
        "state-number-colon-missing",
        STATE,
        lambda d, r: _sub_line(d, d.at(d.t.number), r"^Số:\s*", "Số "),
    ),
    ("number-spacing", "number-spacing", None, _number_spacing),
    ("number-leading-zero", "number-leading-zero", None, _leading_zero),
    ("number-type-mismatch", "number-type-mismatch", PARTY, lambda d, r: _type_code(d, r, PARTY_CODES)),
    (
        "state-type-code-mismatch",
        "state-type-code-mismatch",
        STATE,
        lambda d, r: _type_code(d, r, STATE_CODES),
    ),
    # date
    (
        "date-missing-leading-zero",
        "date-missing-leading-zero",
        None,
        lambda d, r: _date_edit(d, r, "no-zero"),
    ),
    ("date-extra-leading-zero", "date-extra-leading-zero", None, lambda d, r: _date_edit(d, r, "extra-zero")),
    ("date-impossible", "date-impossible", None, lambda d, r: _date_edit(d, r, "impossible")),
    ("date-malformed", "date-malformed", None, lambda d, r: _date_edit(d, r, "slashes")),
    # deleted header lines
    ("missing-banner", "missing-banner", PARTY, lambda d, r: bool(d.t.banner) and _delete(d, d.t.banner[0])),
    (
        "state-missing-national-title",
        "state-missing-national-title",
        STATE,
        lambda d, r: len(d.t.banner) == 2 and _delete(d, d.t.banner[0]),
    ),
    (
        "state-missing-motto",
        "state-missing-motto",
        STATE,
        lambda d, r: len(d.t.banner) == 2 and _delete(d, d.t.banner[1]),
    ),
    ("missing-number", "missing-number", None, lambda d, r: _delete(d, d.at(d.t.number))),
    ("missing-place-date", "missing-place-date", None, lambda d, r: _delete(d, d.at(d.t.place_date))),
    ("missing-doc-type", "missing-doc-type", None, lambda d, r: _delete(d, d.at(d.t.doc_type_line))),
    # recipients, signature, body
    ("recipient-item-dash", "recipient-item-dash", None, _item_dash),
    ("recipients-last-not-luu", "recipients-last-not-luu", PARTY, _drop_luu),
    ("signature-name-missing", "signature-name-missing", None, lambda d, r: _delete(d, d.at(d.t.name_line))),
    (
        "signature-authority-invalid",
        "signature-authority-invalid",
        PARTY,
        lambda d, r: _authority(d, r, (("T/M ", "TM. "), ("K/T ", "KT. "), ("T/L ", "TL. "))),
    ),
    (
        "state-authority-party-form",
        "state-authority-party-form",
        STATE,
        lambda d, r: _authority(d, r, (("TM. ", "T/M "), ("KT. ", "K/T "), ("TL. ", "T/L "))),
    ),
    ("section-numbering", "section-numbering", None, _section_skip),
    ("state-body-ending", "state-body-ending", STATE, _body_ending),
)
DEFECT_NAMES = tuple(d[0] for d in DEFECTS)


def _defect(doc: Doc, rng: random.Random) -> tuple[str, str] | None:
    """Apply one defect that fits the document, chosen at random; (name, rule) or None."""
    cands = [d for d in DEFECTS if d[2] is None or doc.t.profile in d[2]]
    rng.shuffle(cands)
    for name, rule, _, edit in cands:
        before = list(doc.lines)
        if edit(doc, rng):
            return name, rule
        doc.lines = before
    return None


def build(
    i: int,
    *,
    seed: int = 0,
    defect_rate: float = 0.2,
    noise_rate: float = 0.5,
    size_factor: float = 1,
    noise_level: float = 1.0,
) -> tuple[str, dict]:
    """Document i: (text, manifest record without its path)."""
    ts = templates()
    block, k = divmod(i, len(ts))
    order = list(range(len(ts)))
    random.Random(f"{seed}/round/{block}").shuffle(order)
    t = ts[order[k]]
    rng = random.Random(f"{seed}/{i}/doc")
    lines = _vary(t, rng)
    b0, b1 = t.body
    body = _vary_body(lines[b0:b1], rng, size_factor)
    doc = Doc(t, lines[:b0] + body + lines[b1:], (b0, b0 + len(body)), shift=len(body) - (b1 - b0))
    rec = {
        "template": t.name,
        "profile": t.profile,
        "doc_type": t.doc_type,
        "defect": None,
        "rule": None,
        "noise": False,
    }
    drng = random.Random(f"{seed}/{i}/defect")
    if drng.random() < defect_rate:
        hit = _defect(doc, drng)
        if hit:
            rec["defect"], rec["rule"] = hit
    text = doc.text
    nrng = random.Random(f"{seed}/{i}/noise")
    if nrng.random() < noise_rate and noise_level > 0:
        text = noisy(text, noise_level, nrng.randrange(2**31))
        rec["noise"] = True
    return text, rec


def rel_path(i: int, rec: dict) -> str:
    return f"{i // SHARD:03d}/{i:06d}_{rec['profile']}_{rec['doc_type']}.txt"


def _write_range(args) -> list[dict]:
    out_dir, lo, hi, kw = args
    recs = []
    made: set[Path] = set()
    for i in range(lo, hi):
        text, rec = build(i, **kw)
        rec = {"path": rel_path(i, rec), **rec}
        p = out_dir / rec["path"]
        if p.parent not in made:
            p.parent.mkdir(parents=True, exist_ok=True)
            made.add(p.parent)
        data = text.encode("utf-8")
        p.write_bytes(data)
        rec["bytes"] = len(data)
        recs.append(rec)
    return recs


def generate(
    out_dir,
    n: int,
    *,
    seed: int = 0,
    defect_rate: float = 0.2,
    noise_rate: float = 0.5,
    size_factor: float = 1,
    noise_level: float = 1.0,
    jobs: int = 1,
) -> list[Path]:
    """Write n documents under out_dir (shards of SHARD files) and out_dir/manifest.jsonl;
    return their paths in order. Same arguments, same bytes (jobs changes nothing but speed)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    kw = {
        "seed": seed,
        "defect_rate": defect_rate,
        "noise_rate": noise_rate,
        "size_factor": size_factor,
        "noise_level": noise_level,
    }
    templates()  # analysed once here: forked workers inherit it
    step = 500
    chunks = [(out_dir, lo, min(n, lo + step), kw) for lo in range(0, n, step)]
    if jobs > 1 and len(chunks) > 1:
        import multiprocessing as mp

        with mp.get_context("fork" if "fork" in mp.get_all_start_methods() else None).Pool(jobs) as pool:
            parts = pool.map(_write_range, chunks, chunksize=1)
    else:
        parts = [_write_range(c) for c in chunks]
    recs = [r for part in parts for r in part]
    with open(out_dir / "manifest.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return [out_dir / r["path"] for r in recs]


def manifest(out_dir) -> list[dict]:
    with open(Path(out_dir) / "manifest.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--size-factor", type=float, default=1)
    ap.add_argument("--defect-rate", type=float, default=0.2)
    ap.add_argument("--noise-rate", type=float, default=0.5)
    ap.add_argument(
        "--noise-level", type=float, default=1.0, help="bench.ocrnoise rate (1.0 ≈ the real scans)"
    )
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    paths = generate(
        a.dir,
        a.n,
        seed=a.seed,
        defect_rate=a.defect_rate,
        noise_rate=a.noise_rate,
        size_factor=a.size_factor,
        noise_level=a.noise_level,
        jobs=a.jobs,
    )
    recs = manifest(a.dir)
    size = sum(r["bytes"] for r in recs)
    print(
        f"{len(paths)} documents, {size / 1e6:.1f} MB, in {a.dir} ({time.perf_counter() - t0:.1f} s): "
        f"{sum(r['defect'] is not None for r in recs)} with a defect, {sum(r['noise'] for r in recs)} with noise",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
