"""Vietnamese text helpers shared by the stages: folding for OCR-tolerant matching."""

import unicodedata
from functools import lru_cache


def _build_fold_table() -> dict[int, str]:
    # Precomputed once: strip every mark of the Latin-1/Latin Extended/Vietnamese blocks,
    # map đ/Đ to d, lower-case. About 2× faster than an NFD-and-filter loop per call.
    table: dict[int, str] = {}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1EA0, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch:
            table[cp] = base.lower()
    table.update({ord("đ"): "d", ord("Đ"): "d", ord("Ð"): "d"})
    for cp in range(0x300, 0x370):  # stray combining marks (NFD input)
        table[cp] = ""
    return table


_FOLD = _build_fold_table()
# The same as a list indexed by code point up to the Vietnamese block: str.translate() looks a
# list up without raising KeyError for every character it leaves alone, as a dict does (2×
# faster); characters beyond it (rare: "…", "–") take the slow path and are kept.
_FOLD_LIST = [_FOLD.get(cp, chr(cp)) for cp in range(0x1F00)]


# One character for one: a mark that folds to nothing is kept, a letter keeps its base letter.
_FOLD_ALIGNED = {cp: v[:1] or chr(cp) for cp, v in _FOLD.items()}


def fold_aligned(s: str) -> str:
    """fold() of lower-case s that keeps every offset: 'huyện ủy' -> 'huyen uy'."""
    return s.translate(_FOLD_ALIGNED)


@lru_cache(maxsize=8192)
def fold(s: str) -> str:
    """'Nơi nhận' -> 'noi nhan': no marks, no case, for matching labels through OCR damage.
    Cached: the stages fold the same line several times."""
    return s.translate(_FOLD_LIST).lower()


@lru_cache(maxsize=8192)
def is_upper_line(s: str) -> bool:
    """True when the letters of s are (almost) all upper case: header, type and signature lines.
    OCR lower-cases a letter here and there ("THƯỜNG vụ"), so one short lower-case word is allowed."""
    if not s.isupper():
        # body lines have many lower-case letters: stop counting at the fourth
        lower = 0
        for c in s:
            if c.islower():
                lower += 1
                if lower > 3:
                    return False
        if lower == 0:
            return False  # no cased letter at all
    letters = sum(map(str.isalpha, s))
    if letters < 2:
        return letters == 1 and len(s.strip()) == 1
    lower = sum(map(str.islower, s))
    return lower == 0 or lower / letters < 0.2
