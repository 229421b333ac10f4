"""Seeded OCR-noise generator calibrated on the real scans in corpus/seeds.

noisy(text, rate, seed) damages a clean document the way seeds 000 and 001 are damaged;
noisy_events() also returns what it did (kind, clean line, before, after). Same (text, rate,
seed, kinds) -> same output; rate 0 returns the text unchanged.

Noise kinds (KINDS) and their unit; each probability is BASE[kind] * rate, capped at 1. For
the three word kinds BASE is the chance of an attempt; an attempt that finds nothing to change
does nothing, so the effective rates are the measured ones below.
  diacritic     per word: tone dropped ("chống"->"chông"), wrong tone ("tổ"->"tồ", "quy"->"quỵ"),
                vowel mark dropped ("hợp"->"họp", "CẤP"->"CÁP") or added ("UBND"->"ƯBND")
  letter        per word: what 000/001 show, "tr"->"ừ"/"ữ" ("ừên"), "inh"->"mh" ("tmh", "Nmh"),
                "nh"->"rứi"/"ửi"/"nli" ("tìrứi", "bệnli"), "ư"->"o" ("tòng"), "ứn"->"ím", "ì"->"l"
                ("thl"), "O"->"q" ("CqVID"), "I"->"r", "N"->"K" ("UBKD"), "III"->"m" ("xm"), a
                flipped initial ("về việc" for "Về việc"); and the classic "rn"/"m", "m"/"rn",
                "l"/"1"/"I", "I"/"l", "Đ"/"D", "0"/"O", "ê"/"c", "/"->"Í"/"l"/"1" ("T Í M")
  lowercase     per word of an upper-case line: letters whose two cases look alike (c o s u v w
                x z and their marked forms) go lower case, the whole word if it has no other
                letter ("THƯỜNG vụ"), else one of them ("TRựC")
  split         per line of 4+ words: broken in two at a space
  merge         per pair of consecutive non-blank lines: joined with a space
  column_merge  per header: read row by row as in 001, issuer|banner ("TỈNH ỦY X ĐẢNG CỘNG SẢN
                VIỆT NAM") and number|place-date ("Số 400 - TB/TU Quảng Ninh, ngày …") each on one
                line; per footer, at a third of that, "Nơi nhận: T/M …" (not in the seeds)
  stray         per non-blank line: "^", "'", "*" or "~" before or after it ("- Như trên; ^")
  blank         per pair of consecutive non-blank lines: an extra blank line between them
  indent        per non-blank line: leading spaces (" Yêu cầu …")
  dash_drop     per block of "- " items: every dash lost (001's Nơi nhận)

Calibration: rate = 1.0 ≈ seeds 000 and 001
-------------------------------------------
Method. I read both seeds line by line and wrote down the clean reading of every token I
judged damaged (SEED_CORRECTIONS; all 263 lines of the two scans, not a sample); line-level
damage was counted by hand. "Word damage" is the share of word tokens (whitespace-separated,
holding a letter or digit) of the clean reading that do not survive into the scan, aligned
with difflib (word_damage()); seed_stats() recomputes it from the table:

  seed  words  damaged  share   diacritic  letter  case
  000     999     40    4.0 %      35        3      2  ("vụ", "Phố")
  001    2295     56    2.5 %      19       32      5  ("TRựC", "vụ", "ủy ban", "về việc" x2)
  both   3294     96    2.9 %      54       35      7  (1.64 %, 1.06 %, 0.21 % of words)

Counted, not word damage (223 non-blank lines, 187 pairs of consecutive ones): 1 header of 1
scanned read row by row with both rows merged (001), 3 stray symbols (1.3 %/line), 5 indented
lines (2.2 %), 3 blank lines inside a block (1.6 %/pair), 1 of 3 item blocks with every dash
lost, 3 lower-cased words among the 53 words of upper-case lines (5.7 %). No visible line split
or merge in 000/001 (their hard-wrapped body hides both; 002 has "số 1879-" / "CV/TU"): 1 %
and 0.5 % are guesses under that bound.

The clean reading is an estimate: a damaged token that is a real word ("tồ", "sàn") is
counted, a plausible-looking one may have been missed, so 2.9 % is a lower bound; the
diacritic/letter mix differs a lot between the two scans (001 was scanned worse). The mix of
letter confusions follows 001's counts for its own, a few % each for the classic ones.

BASE was then tuned so that noisy(doc, 1.0, seed) over the 14 documents of
corpus/valid/party-hd36 × seeds 0-19 matches (calibration()): word damage 3.1 % (diacritic
1.65 %, letter 1.18 % including flipped initials, lower case 5.8 % of the words of upper-case
lines), 1.2 % stray, 2.2 % indent, 1.8 % blank per pair.
"""

from __future__ import annotations

import difflib
import random
import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
VALID = ROOT / "corpus" / "valid" / "party-hd36"

KINDS = (
    "diacritic",
    "letter",
    "lowercase",
    "split",
    "merge",
    "column_merge",
    "stray",
    "blank",
    "indent",
    "dash_drop",
)

# Probability of each kind at rate 1.0, per unit (see the module docstring).
BASE = {
    "diacritic": 0.0173,
    "letter": 0.098,
    "lowercase": 0.10,
    "split": 0.01,
    "merge": 0.005,
    "column_merge": 0.5,
    "stray": 0.013,
    "blank": 0.016,
    "indent": 0.022,
    "dash_drop": 0.33,
}
FOOTER_SHARE = 1 / 3  # footer column merge probability relative to a header row

# -- calibration data: seeds 000 and 001, (line, as scanned, clean reading, kind) -------------
D, L, C = "diacritic", "letter", "case"  # case: a lower-cased heading word or a flipped initial
SEED_CORRECTIONS = {
    "000": [
        (1, "chông", "chống", D),
        (5, "ƯBND", "UBND", D),
        (10, "thê", "thế", D),
        (10, "diên", "diễn", D),
        (10, "biên", "biến", D),
        (11, "họp", "hợp", D),
        (12, "Phố", "phố", C),
        (13, "rât", "rất", D),
        (13, "nêu", "nếu", D),
        (13, "kiêm", "kiểm", D),
        (19, "hêt", "hết", D),
        (19, "đâu", "đầu", D),
        (19, "câp", "cấp", D),
        (20, "tiêp", "tiếp", D),
        (27, "họp", "hợp", D),
        (28, "tồ", "tổ", D),
        (29, "quỵ", "quy", D),
        (33, "tố", "tổ", D),
        (34, "câu", "cầu", D),
        (34, "Khâu", "Khẩu", D),
        (34, "khuân", "khuẩn", D),
        (41, "ƯBND", "UBND", D),
        (42, "đôi", "đối", D),
        (43, "họp", "hợp", D),
        (44, "tồ", "tổ", D),
        (47, "tố", "tổ", D),
        (47, "kiếm", "kiểm", D),
        (47, "ừách", "trách", L),
        (48, "tố", "tổ", D),
        (51, "thl", "thì", L),
        (53, "tồ", "tổ", D),
        (58, "huông", "huống", D),
        (63, "họp", "hợp", D),
        (67, "họp", "hợp", D),
        (68, "họp", "hợp", D),
        (68, "câu", "cầu", D),
        (80, "nhân", "nhận", D),
        (85, "Bãc", "Bắc", D),
        (88, "T Í M", "T/M", L),
        (88, "vụ", "VỤ", C),
    ],
    "001": [
        (8, "KIỂN", "KIẾN", D),
        (8, "TRựC", "TRỰC", C),
        (10, "CÁP", "CẤP", D),
        (10, "CHÔNG", "CHỐNG", D),
        (10, "CqVID-19", "COVID-19", L),
        (13, "moi", "mới", D),
        (15, "tmh", "tỉnh", L),
        (20, "xm", "XIII", L),
        (23, "ừấn", "trấn", L),
        (31, "họp", "hợp", D),
        (33, "tò", "tử", L),
        (35, "kiĩủi", "kinh", L),
        (36, "họp", "hợp", D),
        (41, "ữọng", "trọng", L),
        (51, "ímg", "ứng", L),
        (57, "tòng", "từng", L),
        (64, "chô", "chỗ", D),
        (66, "ỵ", "y", D),
        (68, "tồ", "tổ", D),
        (76, "đímg", "đứng", L),
        (79, "sàn", "sản", D),
        (100, "Trưó'c", "Trước", L),
        (103, "tìrứi", "tình", L),
        (105, "tkửi", "tỉnh", L),
        (108, "tỉrứi", "tỉnh", L),
        (112, "phằi", "phải", D),
        (116, "ủy", "Ủy", C),
        (120, "ừiển", "triển", L),
        (122, "về", "Về", C),
        (122, "COVrD-19", "COVID-19", L),
        (123, "UBKD", "UBND", L),
        (123, "tỉnli", "tỉnh", L),
        (123, "phư(mg", "phương", L),
        (130, "bệnli", "bệnh", L),
        (131, "smh", "sinh", L),
        (134, "về", "Về", C),
        (134, "từửi", "tỉnh", L),
        (135, "sừ", "sử", D),
        (137, "ừang", "trang", L),
        (140, "ừên", "trên", L),
        (141, "Chíiih", "Chính", L),
        (144, "mmh", "minh", L),
        (144, "ừáiửi", "tránh", L),
        (147, "tể", "tế", D),
        (149, "rLhỊp", "nhịp", L),
        (149, "kmh", "kinh", L),
        (150, "Nmh", "Ninh", L),
        (153, "Chi", "Chỉ", D),
        (154, "đon", "đơn", D),
        (156, "nhân", "nhận", D),
        (158, "cảo", "cáo", D),
        (160, "tinh", "tỉnh", D),
        (161, "tinh", "tỉnh", D),
        (165, "LưaVPTU", "Lưu VPTU", L),
        (167, "vụ", "VỤ", C),
        (170, "gô", "Ngô", L),
    ],
}


@dataclass(frozen=True)
class Event:
    kind: str
    lines: tuple[int, ...]  # 1-based lines of the clean text it touched (a merged line has two)
    before: str
    after: str

    @property
    def line(self) -> int:
        return self.lines[0]


# -- diacritics --------------------------------------------------------------------------------
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn
_ADDABLE = {"a": "\u0302\u0306", "e": "\u0302", "o": "\u0302\u031b", "u": "\u031b"}
_DIAC_OPS = (("tone_drop", 0.5), ("tone_wrong", 0.25), ("mark_drop", 0.17), ("mark_add", 0.08))


def _split_char(ch: str) -> tuple[str, str, str]:
    d = unicodedata.normalize("NFD", ch)
    return d[0], "".join(c for c in d[1:] if c in _MARKS), "".join(c for c in d[1:] if c in _TONES)


def _compose(base: str, mark: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + mark + tone)


def _diacritic(word: str, rng: random.Random) -> str | None:
    vowels = [(i, *_split_char(c)) for i, c in enumerate(word) if _split_char(c)[0] in "aeiouyAEIOUY"]
    if not vowels:
        return None
    toned = [v for v in vowels if v[3]]
    marked = [v for v in vowels if v[2]]
    addable = [v for v in vowels if set(_ADDABLE.get(v[1].lower(), "")) - set(v[2])]
    ok = {"tone_drop": toned, "tone_wrong": vowels, "mark_drop": marked, "mark_add": addable}
    ops = [(op, w) for op, w in _DIAC_OPS if ok[op]]
    op = rng.choices([o for o, _ in ops], [w for _, w in ops])[0]
    i, base, mark, tone = rng.choice(toned if op == "tone_wrong" and toned else ok[op])
    if op == "tone_drop":
        tone = ""
    elif op == "tone_wrong":
        tone = rng.choice([t for t in _TONES if t != tone])
    elif op == "mark_drop":
        mark = ""
    else:
        mark = rng.choice(sorted(set(_ADDABLE[base.lower()]) - set(mark)))
    return word[:i] + _compose(base, mark, tone) + word[i + 1 :]


# -- letter confusions: (pattern, replacements, weight) ------------------------------------------
# Weights ≈ wanted share / share of words the pattern applies to (capped at 5): seed 001's mix
# ("tr" 23 %, "inh" 14 %, "nh" 26 %, …) for its confusions, a few % each for the classic ones.
_LETTERS = [
    (re.compile(p), r, w)
    for p, r, w in (
        # what seeds 000/001 show
        (r"tr", ["ừ", "ữ"], 4.3),
        (r"[iìíỉĩị]n(?=h)", ["m"], 2.9),
        (r"nh", ["rứi", "ửi"], 1.5),
        (r"(?<=n)h", ["li"], 1.0),
        (r"[ưừứửữự]", ["o", "ò"], 0.5),
        (r"ứn", ["ím"], 5),
        (r"ì", ["l"], 2),
        (r"O", ["q"], 5),
        (r"I", ["r"], 2.4),
        (r"ơn", ["(m"], 2.5),
        (r"N", ["K"], 0.6),
        (r"III", ["m"], 5),
        # the classic ones (none in 000/001)
        (r"rn", ["m"], 1),
        (r"m", ["rn"], 0.9),
        (r"l", ["1", "I"], 1.6),
        (r"I", ["l", "1"], 3.5),
        (r"Đ", ["D"], 1.5),
        (r"đ", ["d"], 0.55),
        (r"0", ["O"], 1.4),
        (r"O", ["0"], 5),
        (r"ê", ["c"], 1.9),
        (r"1", ["l"], 0.9),
        (r"/", ["Í", "l", "1"], 3),
    )
]
_NO_LETTER = 5.0  # weight of "no confusion fits": keeps words with one common pattern from taking all
# attempts that flip a word's initial ("Về việc" -> "về việc"): ~10 % of letter damage (4 of 39)
_CASE_FLIP = 0.012


def _letter(word: str, rng: random.Random) -> str | None:
    if rng.random() < _CASE_FLIP:
        return word[0].swapcase() + word[1:] if word[0].isalpha() else None
    cands = [(ms, reps, w) for rx, reps, w in _LETTERS if (ms := list(rx.finditer(word)))]
    pick = rng.choices([*cands, None], [*(c[2] for c in cands), _NO_LETTER])[0]
    if pick is None:
        return None
    ms, reps, _ = pick  # a pattern, then one of its places
    m = rng.choice(ms)
    return word[: m.start()] + rng.choice(reps) + word[m.end() :]


def _lowercase(word: str, rng: random.Random) -> str | None:
    """OCR lower-cases letters whose two cases look alike (c o s u v w x z, with their marks):
    a word made only of them goes whole ("VỤ" -> "vụ"), else one of them ("TRỰC" -> "TRựC")."""
    alike = [i for i, c in enumerate(word) if c.isupper() and _fold(c) in "cosuvwxz"]
    if not alike:
        return None
    if len(alike) == sum(c.isalpha() for c in word):
        return word.lower()
    i = rng.choice(alike)
    return word[:i] + word[i].lower() + word[i + 1 :]


# -- structure helpers ------------------------------------------------------------------------
def _fold(s: str) -> str:
    d = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in d if not unicodedata.combining(c)).lower()


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


_TYPE_HEAD = re.compile(
    r"^(nghi quyet|quyet dinh|chi thi|ket luan|quy dinh|quy che|thong tri|huong dan"
    r"|thong bao|bao cao|ke hoach|chuong trinh|to trinh|cong van|de an)\b"
)
_PLACE_DATE = re.compile(r"^[^\d,]{2,40},\s*ngày\s+\d")
_AUTHORITY = re.compile(r"^(T/M|K/T|T/L|T/UQ|Q\.|TM\.|KT\.|TL\.)\s")
_WORD = re.compile(r"\S+")


def _header(lines: list[str]) -> tuple[int, list[int], int, int | None, int | None] | None:
    """The header as laid out in two columns: (end, left-column lines, banner, place-date,
    number) as line indexes, or None without a Party banner and a left column."""
    end = min(len(lines), 20)
    for i, t in enumerate(lines[:20]):
        f = _fold(t).strip()
        if (_is_upper(t) and _TYPE_HEAD.match(f)) or f.startswith(("v/v", "ve viec", "kinh gui")):
            end = i
            break
    head = [i for i in range(end) if lines[i].strip()]
    banner = next((i for i in head if _fold(lines[i]).strip() == "dang cong san viet nam"), None)
    pd = next((i for i in head if _PLACE_DATE.match(lines[i].strip())), None)
    number = next((i for i in head if lines[i].startswith("Số ")), None)
    left = [i for i in head if i not in (banner, pd)]
    if banner is None or not left:
        return None
    return end, left, banner, pd, number


def _footer_row(lines: list[str]) -> tuple[int, int] | None:
    nn = next((i for i, t in enumerate(lines) if _fold(t).startswith("noi nhan")), None)
    if nn is None:
        return None
    auth = next((i for i in range(nn + 1, len(lines)) if _AUTHORITY.match(lines[i])), None)
    return (nn, auth) if auth is not None else None


# -- the generator ----------------------------------------------------------------------------
def noisy(text: str, rate: float, seed: int, kinds: tuple[str, ...] | None = None) -> str:
    """text with OCR noise at `rate` (1.0 ≈ seeds 000/001), deterministic in (rate, seed)."""
    return noisy_events(text, rate, seed, kinds)[0]


def noisy_events(
    text: str, rate: float, seed: int, kinds: tuple[str, ...] | None = None
) -> tuple[str, list[Event]]:
    """noisy() plus the list of edits made, each with the clean line it touched."""
    if rate <= 0:
        return text, []
    on = set(KINDS if kinds is None else kinds)
    unknown = on - set(KINDS)
    if unknown:
        raise ValueError(f"unknown noise kinds: {sorted(unknown)}")
    rng = random.Random(seed)
    p = {k: min(1.0, BASE[k] * rate) if k in on else 0.0 for k in KINDS}
    events: list[Event] = []

    def hit(kind: str, prob: float | None = None) -> bool:
        # one draw per decision whether the kind is on or not: the stream does not shift
        return rng.random() < (p[kind] if prob is None else prob)

    trailing_nl = text.endswith("\n")
    raw = text[:-1].split("\n") if trailing_nl else text.split("\n")
    lines: list[tuple[str, tuple[int, ...]]] = [(t, (i + 1,)) for i, t in enumerate(raw)]  # text, clean lines

    # 1. column merges. Footer: "Nơi nhận:" and the authority line on one row. Header: read row
    # by row as in seed 001, the banner joins the first left-column line and the place-date
    # the number line; the left column keeps its order.
    f = _footer_row(raw)
    if f and hit("column_merge", p["column_merge"] * FOOTER_SHARE):
        (ta, la), (tb, lb) = lines[f[0]], lines[f[1]]
        lines[f[0]] = (f"{ta.rstrip()} {tb.strip()}", la + lb)
        del lines[f[1]]
        events.append(Event("column_merge", la + lb, f"{ta} | {tb}", lines[f[0]][0]))
    h = _header(raw)
    if h and hit("column_merge"):
        end, left, banner, pd, number = h
        rows = []
        for k, i in enumerate(left):
            t, src = lines[i]
            right = banner if k == 0 else pd if i == (number if number is not None else left[-1]) else None
            if right is not None:
                tb, lb = lines[right]
                rows.append((f"{t.rstrip()} {tb.strip()}", src + lb))
                events.append(Event("column_merge", src + lb, f"{t} | {tb}", rows[-1][0]))
            else:
                rows.append((t, src))
        if pd is not None and number is None and len(left) == 1:  # one left line: pd on its own row
            rows.append(lines[pd])
        if not raw[end - 1].strip():
            rows.append(lines[end - 1])
        lines[:end] = rows

    # 2. dash drop, per block of "- " items
    i = 0
    while i < len(lines):
        if lines[i][0].startswith("- "):
            j = i
            while j < len(lines) and lines[j][0].startswith("- "):
                j += 1
            if hit("dash_drop"):
                block = lines[i:j]
                lines[i:j] = [(t[2:], src) for t, src in block]
                touched = tuple(n for _, src in block for n in src)
                events.append(Event("dash_drop", touched, block[0][0], lines[i][0]))
            i = j
        else:
            i += 1

    # 3. merges of consecutive non-blank lines
    out: list[tuple[str, tuple[int, ...]]] = []
    for x in lines:
        if out and out[-1][0].strip() and x[0].strip() and hit("merge"):
            t, src = out[-1]
            out[-1] = (f"{t.rstrip()} {x[0].lstrip()}", src + x[1])
            events.append(Event("merge", out[-1][1], f"{t} / {x[0]}", out[-1][0]))
        else:
            out.append(x)
    lines = out

    # 4. words: diacritics, letters, lower case in upper-case lines
    lines = [
        (_WORD.sub(partial(_word, src=src, upper=_is_upper(t), p=p, rng=rng, events=events), t), src)
        for t, src in lines
    ]

    # 5. per line: split, stray symbol, indent; between lines: blank
    out = []
    for n, (t, src) in enumerate(lines):
        pieces = [t]
        spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", t)]
        if len(spaces) >= 3 and hit("split"):
            k = rng.choice(spaces)
            pieces = [t[:k], t[k + 1 :]]
            events.append(Event("split", src, t, " / ".join(pieces)))
        if t.strip() and hit("stray"):
            sym = rng.choice("^'*~")
            if rng.random() < 0.6:
                pieces[-1] = f"{pieces[-1]} {sym}"
            else:
                pieces[0] = f"{sym} {pieces[0]}"
            events.append(Event("stray", src, t, " / ".join(pieces)))
        if t.strip() and hit("indent"):
            pieces[0] = " " * (1 if rng.random() < 0.8 else rng.randint(2, 16)) + pieces[0]
            events.append(Event("indent", src, t, pieces[0]))
        out += [(x, src) for x in pieces]
        nxt = lines[n + 1][0] if n + 1 < len(lines) else ""
        if t.strip() and nxt.strip() and hit("blank"):
            out.append(("", src))
            events.append(Event("blank", src + lines[n + 1][1], f"{t} / {nxt}", f"{t} / / {nxt}"))
    result = "\n".join(x[0] for x in out)
    return (result + "\n" if trailing_nl else result), events


def _word(m: re.Match, src: tuple[int, ...], upper: bool, p: dict, rng: random.Random, events: list) -> str:
    w = m.group(0)
    u = rng.random()  # one draw per word, whatever the kinds on
    new, kind = None, ""
    if u < p["diacritic"]:
        new, kind = _diacritic(w, rng), "diacritic"
    elif u < p["diacritic"] + p["letter"]:
        new, kind = _letter(w, rng), "letter"
    if new is not None and new != w:
        events.append(Event(kind, src, w, new))
        w = new
    if upper and rng.random() < p["lowercase"]:
        new = _lowercase(w, rng)
        if new is not None:
            events.append(Event("lowercase", src, w, new))
            w = new
    return w


# -- measuring damage -------------------------------------------------------------------------
def _tokens(text: str) -> list[str]:
    return [w for w in text.split() if any(c.isalnum() for c in w)]


def word_damage(clean: str, damaged: str) -> float:
    """Share of the word tokens of `clean` that do not survive into `damaged` (difflib alignment)."""
    a, b = _tokens(clean), _tokens(damaged)
    if not a:
        return 0.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return 1 - sum(blk.size for blk in sm.get_matching_blocks()) / len(a)


def seed_clean_reading(name: str) -> tuple[str, str]:
    """(as scanned, clean reading) of seed `name` ("000", "001"), words corrected from SEED_CORRECTIONS."""
    scan = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    lines = scan.split("\n")
    for ln, bad, good, _ in SEED_CORRECTIONS[name]:
        new = re.sub(r"(?<!\w)" + re.escape(bad) + r"(?!\w)", good, lines[ln - 1], count=1)
        if new == lines[ln - 1]:
            raise ValueError(f"seed {name}:{ln}: {bad!r} not found")
        lines[ln - 1] = new
    return scan, "\n".join(lines)


def seed_stats() -> dict:
    """Word damage of seeds 000/001 against their clean reading."""
    res = {}
    for name, fixes in SEED_CORRECTIONS.items():
        scan, clean = seed_clean_reading(name)
        kinds = [k for *_, k in fixes]
        res[name] = {
            "words": len(_tokens(clean)),
            "word_damage": word_damage(clean, scan),
            **{k: kinds.count(k) for k in (D, L, C)},
        }
    both = {k: sum(r[k] for r in res.values()) for k in ("words", D, L, C)}
    both["word_damage"] = sum(r["word_damage"] * r["words"] for r in res.values()) / both["words"]
    return {**res, "both": both}


def calibration(rate: float = 1.0, seeds: range = range(20)) -> dict:
    """Word damage of the generator over corpus/valid/party-hd36: overall (difflib, with the
    word kinds only: a column merge moves words, it does not damage them) and per word kind
    (events per word); lowercase also per word of an upper-case line."""
    docs = [p.read_text(encoding="utf-8") for p in sorted(VALID.glob("*.txt"))]
    words = sum(len(_tokens(d)) for d in docs) * len(seeds)
    upper = sum(len(_tokens(t)) for d in docs for t in d.split("\n") if _is_upper(t)) * len(seeds)
    damage = 0.0
    per_kind = dict.fromkeys(("diacritic", "letter", "lowercase"), 0)
    for s in seeds:
        for i, d in enumerate(docs):
            out, ev = noisy_events(d, rate, s * 1000 + i, tuple(per_kind))
            damage += word_damage(d, out) * len(_tokens(d))
            for e in ev:
                per_kind[e.kind] += 1
    return {
        "word_damage": damage / words,
        **{k: v / words for k, v in per_kind.items()},
        "lowercase_per_upper_word": per_kind["lowercase"] / upper,
    }
