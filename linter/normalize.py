"""normalize: decoded text -> physical Lines in NFC, with markdown emphasis, control characters
and typographic variants (dashes, no-break spaces) unified. Every edit keeps the map back to the
original columns. Blank lines are dropped; the next line is flagged blank_before."""

import re
import unicodedata

from linter.lines import Line
from linter.patterns import TYPE_NAMES
from linter.text import fold

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
# every other white-space character Python knows, so later stages can look for plain spaces
_SPACES = dict.fromkeys(
    map(
        ord,
        "\t\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u2029\u202f\u205f\u3000",
    ),
    " ",
)
_DROP = dict.fromkeys(
    # controls, zero-width and direction marks, the soft hyphen a web page hides inside a word ("L\u00adưu")
    [*range(0, 9), *range(11, 32), 0x7F, 0xAD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x2028]
)
# the Latin letter oi that PDF fonts converted from the old Vietnamese encodings put in the text
# layer for "ư" (the page shows "ư"; "Nhƣ trên", "Lƣu"): no Vietnamese word holds it
_OI = {0x01A3: "ư", 0x01A2: "Ư"}
# the opening quotation mark a font drew as its high-reversed-9 twin ("‟2. Thời gian nghỉ hè …”")
_QUOTES = {0x201F: "“"}
_TRANSLATE = {**_DASHES, **_SPACES, **_DROP, **_OI, **_QUOTES}
# markdown bold: "**" anywhere, "__" only against a word ("__text__"), so that a rule drawn with
# underscores stays a rule; a single "*" is the Party star or OCR debris
_EMPHASIS = re.compile(r"\*\*|(?<!_)__(?=[^\s_])|(?<=[^\s_])__(?!_)")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
# one bold span closed and the next opened against it, or a bold heading and the plain text after
# it, the next in capitals, both of several words: "**THÔNG TƯ****Quy định …**", "**NGHỊ ĐỊNH**Quy
# định …", "### Chương III**TỔ CHỨC …**" — two blocks of a page whose line break was lost; a span of
# one word is a font's change inside it ("THU****Ế**** HQ", "TRƯ****Ở****NG")
_BOLD_BREAK = re.compile(r"(?<=[^\s*])\*\*(?:\*\*)?(?=[^\W\d_])")
# a legal site's notes on the text, in square brackets inside it: "[Khoản này được sửa đổi bởi
# Điểm a Khoản 19 Điều 1 Luật …]", "[Cụm từ này bị thay thế bởi …]", "[… được thực hiện theo Nghị
# định 151/2025/NĐ-CP có hiệu lực từ ngày 01/07/2025]", and its widgets' "[JavaScript: …]", "[ID:
# …]": the site's, not the document's (markup, as Markdown is), with the space before them
_SITE_NOTE = re.compile(
    r" ?\[(?:JavaScript|ID): [^\[\]]*\]"
    r"| ?\[[^\[\]]*?\b(?:(?:được|bị)\b[^\[\]]*?\bbởi|hiệu lực)\b[^\[\]]*\]"
)
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TRANSLATE)) + "]")


def _needs_rebuild(s: str) -> bool:
    """Whether s may hold markdown or a character to translate, or is not NFC. Most documents have
    none of these at all, which one call on the whole text tells (substring tests and a single
    character class scan fastest)."""
    return (
        "**" in s
        or "__" in s
        or "#" in s
        or "[" in s
        and _SITE_NOTE.search(s) is not None
        or _TRANSLATED.search(s) is not None
        or not unicodedata.is_normalized("NFC", s)
    )


def _blocks(raw: str) -> list[tuple[int, str]]:
    """The raw line cut where a lost line break parted two bold blocks: (offset, piece) each."""
    if "**" not in raw:
        return [(0, raw)]
    # (cut between the two marks of "****", before the one mark of "**")
    cuts = [
        m.start() + len(m.group()) - 2
        for m in _BOLD_BREAK.finditer(raw)
        if _two_blocks(raw, m.start(), m.end())
    ]
    bounds = [0, *cuts, len(raw)]
    return [(a, raw[a:b]) for a, b in zip(bounds, bounds[1:])]


def _two_blocks(raw: str, i: int, j: int) -> bool:
    """The bold spans before i and from j hold several words each, the second opening in capitals,
    and the words that touch there are two ("TƯ" / "Quy"), not one syllable a font's change cut
    ("CH" / "Ủ TỊCH"); or the first is a type's name alone ("**LUẬT****CÁN BỘ, CÔNG CHỨC**")."""
    before, after = raw[:i].rsplit("**", 1)[-1], raw[j:].split("**", 1)[0]
    if not raw[j].isupper():
        return False
    if fold(before.strip()) in TYPE_NAMES:
        return True
    if not (" " in before.strip() and " " in after.strip()):
        return False
    return not _SYLLABLE.fullmatch(fold(before.split()[-1] + after.split()[0]))


# one Vietnamese syllable, folded: consonants, one run of vowels, consonants ("chu", "thue", "quy")
_SYLLABLE = re.compile(r"[^\Waeiouy\d_]*[aeiouy]+[^\Waeiouy\d_]*")


def _rebuild(raw: str, lineno: int, offset: int = 0) -> Line:
    """Slow path: rebuild char by char, recording the original column of each output char.
    offset: where raw starts in its physical line."""
    out: list[str] = []
    cols: list[int] = []
    skip = set()
    m = _HEADING.match(raw)
    if m:
        skip.update(range(m.end()))
    for m in _EMPHASIS.finditer(raw):
        # a lone "*" line is the Party star under the issuer: keep it
        if raw.strip() != "*":
            skip.update(range(m.start(), m.end()))
    for m in _SITE_NOTE.finditer(raw) if "[" in raw else ():
        skip.update(range(m.start(), m.end()))
    i = 0
    n = len(raw)
    while i < n:
        if i in skip:
            i += 1
            continue
        # a grapheme-ish cluster: base char and the combining marks after it
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", raw[i:j]).translate(_TRANSLATE)
        for ch in cluster:
            out.append(ch)
            cols.append(offset + i + 1)
        i = j
    text = "".join(out)
    segs: list[tuple[int, int, int]] = []
    for k, col in enumerate(cols):
        if not segs or col != segs[-1][2] + (k - segs[-1][0]):
            segs.append((k, lineno, col))
    return Line(text, segs or [(0, lineno, 1)])


def normalize(text: str) -> list[Line]:
    lines: list[Line] = []
    blank = False
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    some = _needs_rebuild(text)  # NFC text is NFC line by line too
    for lineno, whole in enumerate(text.split("\n"), 1):
        for offset, raw in _blocks(whole) if some else ((0, whole),):
            if some and _needs_rebuild(raw):
                line = _rebuild(raw, lineno, offset)
                if not line.text.strip():
                    blank = True
                    continue
                line = line.slice(0)  # strips, keeping positions
            else:  # the text as it is: strip it, and say where it starts
                stripped = raw.strip()
                if not stripped:
                    blank = True
                    continue
                line = Line.plain(stripped, lineno, offset + len(raw) - len(raw.lstrip()) + 1)
            line.blank_before = blank or not lines
            blank = False
            lines.append(line)
    return lines
