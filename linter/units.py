"""Administrative units by date: which province-level names are in force, which were merged away
(NQ 202/2025/QH15), and which place names are district-level (abolished from 1/7/2025).

The facts live in data/units.json; this module only matches names against them."""

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

from linter.text import fold, fold_aligned

DATA = Path(__file__).parent / "data" / "units.json"


@dataclass(frozen=True)
class PlaceStatus:
    kind: str  # "current-province" | "merged-province" | "district-level" | "commune" | "unknown"
    name: str | None = None  # the province's official name, or the unit's name after its level word
    merged_into: str | None = None  # merged-province: the unit in force on the date asked
    since: date | None = None  # merged-province: the first day the old name was no longer in force
    change: str | None = None  # merged-province: "merged" | "became"
    level: str | None = None  # the level word as written ("Huyện", "TP", "Xã"), if any


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str  # "tỉnh" | "thành phố"
    valid_from: date | None
    valid_to: date | None
    merged_into: str | None
    change: str


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


@lru_cache(maxsize=4096)
def key(name: str) -> str:
    """'Bà Rịa – Vũng Tàu' -> 'bariavungtau': no marks, case, spaces or punctuation."""
    return re.sub(r"[^a-z0-9]", "", fold(unicodedata.normalize("NFC", name)))


def _canon(s: str) -> str:
    """NFC, lower case, one space, 'uỷ' spelt 'ủy' (the old and new placement of the mark)."""
    s = unicodedata.normalize("NFC", s).lower().replace("uỷ", "ủy")
    return " ".join(s.split())


@dataclass(frozen=True)
class _Data:
    version: str
    by_key: dict  # key(name or alias) -> Unit
    by_name: dict  # official name -> Unit
    prefixes: dict  # level -> canonical prefixes, longest first
    district_end: date


@cache
def data() -> _Data:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    prefixes = {
        lvl: sorted((_canon(p) for p in ps), key=len, reverse=True)
        for lvl, ps in raw["prefixes"].items()
        if lvl != "note"
    }
    by_key: dict[str, Unit] = {}
    by_name: dict[str, Unit] = {}
    for e in raw["provinces"]:
        u = Unit(
            e["name"],
            e["kind"],
            _day(e.get("valid_from")),
            _day(e.get("valid_to")),
            e.get("merged_into"),
            e.get("change", "merged"),
        )
        by_name[u.name] = u
        for n in [u.name, *e.get("aliases", ())]:
            k = key(_strip_prefix(_canon(n), prefixes["province"] + prefixes["city"])[1])
            if by_key.get(k, u) is not u:
                raise ValueError(f"units.json: {n!r} folds like {by_key[k].name!r}")
            by_key[k] = u
    for u in by_name.values():
        if u.merged_into and u.merged_into not in by_name:
            raise ValueError(f"units.json: {u.name} merged into unknown {u.merged_into!r}")
    return _Data(raw["version"], by_key, by_name, prefixes, _day(raw["district_level"]["valid_to"]))


def _unmarked(s: str) -> bool:
    return fold(s) == s.lower()


def _word_ok(written: str, expected: str, plain: bool) -> bool:
    """A level word matches as spelt, or unmarked when the whole text is (ASCII, OCR that lost the
    marks): 'Quận 1' and 'Quan 1', never 'Quân khu' or the 'quan' of 'cơ quan'."""
    return written == expected or (plain and fold(expected) == written)


def _strip_prefix(s: str, prefixes) -> tuple[str | None, str]:
    """(the prefix as written, the rest) for the first of prefixes that s starts with, else (None, s).
    s is _canon()-ed; a prefix ends at a space or a dot ("TP.HCM")."""
    plain = _unmarked(s)
    for p in prefixes:
        n = len(p)
        head = s[:n]
        if len(head) == n and _words_ok(head, p, plain) and (n == len(s) or s[n] in " ."):
            rest = s[n:].lstrip(" .")
            if rest:
                return s[:n], rest
    return None, s


def _words_ok(written: str, expected: str, plain: bool) -> bool:
    w, e = written.split(" "), expected.split(" ")
    return len(w) == len(e) and all(_word_ok(a, b, plain) for a, b in zip(w, e))


def _province(name: str, on: date) -> tuple[Unit, Unit] | None:
    """(the unit named, the unit in force on `on` that holds it now), following merges."""
    d = data()
    u = d.by_key.get(key(name))
    if u is None:
        return None
    cur = u
    for _ in range(5):  # merged_into chains are short; the bound guards a cycle in the data
        if cur.valid_to and on > cur.valid_to and cur.merged_into:
            cur = d.by_name[cur.merged_into]
        else:
            break
    return u, cur


def province_city(name: str, on: date) -> bool:
    """True if `name` is a province-level city in force on `on` (Hà Nội, Huế from 2025 …)."""
    hit = _province(name, on)
    if not hit:
        return False
    u, cur = hit
    return u is cur and u.kind == "thành phố" and _in_force(u, on)


def _in_force(u: Unit, on: date) -> bool:
    return (u.valid_from is None or on >= u.valid_from) and (u.valid_to is None or on <= u.valid_to)


@lru_cache(maxsize=4096)  # the same few places recur across a batch, on many dates
def _split_place(place: str) -> tuple[str, str, str, str | None, str]:
    """(the place as written, canonical, its level, the level word as written, the name after it);
    level is "commune", "district-level", "city" or "province" (also when no level word)."""
    d = data()
    o = " ".join(unicodedata.normalize("NFC", place).split()).strip(" .,;:")
    s = _canon(o)
    if len(s) != len(o):  # keep offsets into o valid
        o = s
    for kind, level in (("commune", "commune"), ("district-level", "district"), ("city", "city")):
        lvl, rest = _strip_prefix(s, d.prefixes[level])
        if lvl:
            return o, s, kind, lvl, rest
    lvl, rest = _strip_prefix(s, d.prefixes["province"])
    return o, s, "province", lvl, rest


@lru_cache(maxsize=4096)
def lookup_place(place: str, on: date) -> PlaceStatus:
    """What the place name of a date line is on the date `on`."""
    o, s, level, lvl, rest = _split_place(place)
    if not s:
        return PlaceStatus("unknown")

    def status(kind):
        return PlaceStatus(kind, o[len(s) - len(rest) :], level=o[: len(lvl)] if lvl else None)

    if level in ("commune", "district-level"):
        return status(level)
    if level == "city":
        hit = _province(rest, on)
        # "Thành phố Vinh", "Thành phố Bắc Giang" (the city, not the province), "Thành phố Huế" before 2025
        if not hit or hit[0].kind != "thành phố" or (hit[0].valid_from and on < hit[0].valid_from):
            return status("district-level")
    hit = _province(rest, on)
    if not hit:
        return PlaceStatus("unknown")
    u, cur = hit
    if u is not cur:
        return PlaceStatus("merged-province", u.name, cur.name, u.valid_to + timedelta(days=1), u.change)
    if not _in_force(u, on):
        return PlaceStatus("unknown", u.name)
    return PlaceStatus("current-province", u.name)


# "cấp huyện", "các huyện", "tỉnh, thành phố", "cơ quan": a level word that names no unit
_NOT_A_UNIT_BEFORE = {"cap", "cac", "nhung", "moi", "co", "va", "hoac", "tinh"}
_NOT_A_NAME = {"ủy", "uy", "trực", "truc", "thuộc", "thuoc", "cấp", "cap"}


@dataclass(frozen=True)
class Mention:
    start: int  # offsets in the text given
    end: int
    unit: str  # the words as written, e.g. "HUYỆN ỦY DIỄN CHÂU"


@cache
def _level_patterns() -> tuple[re.Pattern, list[tuple[str, str, re.Pattern]]]:
    """The district and city level words as folded patterns, and a pattern that any text holding
    one of them matches."""
    d = data()
    levels = [(p, "district") for p in d.prefixes["district"] + d.prefixes["party_district"]]
    levels += [(p, "city") for p in d.prefixes["city"] + d.prefixes["party_city"]]
    pats = [
        r"(?<!\w)" + r"\s+".join(re.escape(fold(w)) for w in p.split(" ")) + r"(?:\.|(?!\w))"
        for p, _ in levels
    ]
    compiled = [(p, how, re.compile(pat)) for (p, how), pat in zip(levels, pats)]
    # bare first words: several times faster to scan for than the patterns' look-arounds
    first = sorted({re.escape(fold(p.split(" ")[0])) for p, _ in levels})
    return re.compile("|".join(first)), compiled


@lru_cache(maxsize=4096)
def district_mentions(text: str, on: date) -> list[Mention]:
    """District-level units named in issuer text (lines joined with "\\n"): UBND HUYỆN …, HUYỆN ỦY …,
    THỊ XÃ …, THÀNH PHỐ/THÀNH ỦY <not a province-level city> …."""
    nfc = unicodedata.normalize("NFC", text)
    low = nfc.lower().replace("uỷ", "ủy")
    if len(low) != len(nfc):  # offsets must stay aligned; such text is not an issuer line
        return []
    f = fold_aligned(low)
    plain = _unmarked(low)
    out: list[Mention] = []
    any_level, levels = _level_patterns()
    if not any_level.search(f):
        return out
    for p, how, pat in levels:
        for m in pat.finditer(f):
            a, b = m.span()
            written = " ".join(low[a:b].split())
            if not _words_ok(written.rstrip("."), p, plain):
                continue
            before = f[:a].split()
            if before and (before[-1].endswith(",") or before[-1] in _NOT_A_UNIT_BEFORE):
                continue
            name, end = _name_after(nfc, b)
            if not name[:1].isalnum() or _canon(name).split(" ")[0] in _NOT_A_NAME:
                continue
            if how == "city" and _city_ok(nfc[b:], on):
                continue
            out.append(Mention(a, end, " ".join(nfc[a:end].split())))
    kept: list[Mention] = []  # "THÀNH ỦY THÀNH PHỐ VINH": one mention, the outer one
    for m in sorted(out, key=lambda m: (m.start, -m.end)):
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _name_after(text: str, i: int) -> tuple[str, int]:
    """The unit's name after a level word: the rest of its line, or the next line if it is empty."""
    j = i
    while j < len(text) and text[j] in " .\t":
        j += 1
    if j < len(text) and text[j] == "\n":
        j += 1
    k = text.find("\n", j)
    k = len(text) if k < 0 else k
    name = text[j:k].strip()
    return name, j + len(text[j:k].rstrip())


def _city_ok(after: str, on: date) -> bool:
    """True if the words after THÀNH PHỐ / THÀNH ỦY start with a province-level city's name."""
    d = data()
    words = _strip_prefix(_canon(after.replace(".", " ")), d.prefixes["city"] + d.prefixes["province"])[
        1
    ].split()
    return any(province_city(" ".join(words[:n]), on) for n in range(1, min(len(words), 6) + 1))


def district_level_end() -> date:
    """The last day of the district level (units.json)."""
    return data().district_end
