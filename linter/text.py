"""Vietnamese text helpers shared by the stages: folding for OCR-tolerant matching."""

import unicodedata


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


def fold(s: str) -> str:
    """'Nơi nhận' -> 'noi nhan': no marks, no case, for matching labels through OCR damage."""
    return s.translate(_FOLD).lower()


def is_upper_line(s: str) -> bool:
    """True when the letters of s are (almost) all upper case: header, type and signature lines.
    OCR lower-cases a letter here and there ("THƯỜNG vụ"), so one short lower-case word is allowed."""
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 2:
        return len(letters) == 1 and letters[0].isupper() and len(s.strip()) == 1
    lower = sum(c.islower() for c in letters)
    return lower == 0 or (lower <= 3 and lower / len(letters) < 0.2)
