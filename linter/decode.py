"""Bytes -> str for vblint: BOMs, UTF-16, binary sniffing, and legacy Vietnamese encodings.

Vietnamese documents still circulate in pre-Unicode font encodings (tech-notes §6):

* TCVN3 (ABC, ``.VnTime``): one byte per letter; no upper-case toned letters (those came from the
  separate ``.VnTimeH`` fonts, which draw the lower-case bytes as capitals).
* VNI Windows (``VNI-Times``): a base letter followed by a mark byte ("chaøo" = "chào").
* Windows-1258: a real code page, with tone marks as combining characters.

Python has no codec for TCVN3 or VNI, and chardet/charset_normalizer cannot detect them, so the
tables live in ``linter/data/*.json`` and detection is done here: trial-convert, then score the
result against a model of Vietnamese syllables.  The same legacy text also turns up inside valid
UTF-8 or UTF-16 (a document typed in ``.VnTime`` and saved as "Unicode text"): the legacy byte values
appear as their cp1252 characters ("B¶o Th¾ng" = "Bảo Thắng"), so ``looks_legacy`` works on ``str``.

``decode`` never NFC-normalises and keeps newlines as they are; ``encode`` is its inverse for an
autofixer.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "BinaryInput",
    "Decoded",
    "convert_legacy",
    "decode",
    "decode_as",
    "encode",
    "looks_legacy",
]

BOM_UTF8 = b"\xef\xbb\xbf"
BOM_UTF16_LE = b"\xff\xfe"
BOM_UTF16_BE = b"\xfe\xff"
BOM_UTF32_LE = b"\xff\xfe\x00\x00"
BOM_UTF32_BE = b"\x00\x00\xfe\xff"

LEGACY_ENCODINGS = ("tcvn3", "vni")
#: A legacy guess below this confidence is not acted on.
MIN_CONFIDENCE = 0.5
#: Detection looks at this many characters at most: enough evidence, bounded cost on big files.
_SAMPLE_CHARS = 64 * 1024
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Decoded:
    text: str  # decoded, not NFC-normalised, BOM removed, newlines as in the file
    encoding: str  # utf-8, utf-8-sig, utf-16-le, utf-16-be, cp1258, tcvn3, vni, utf-8-replaced
    bom: bytes  # BOM bytes that were present (b"" if none), so a writer can restore them
    newline: str  # dominant newline: "\n", "\r\n" or "\r" ("\n" when none)
    legacy: bool  # converted from tcvn3/vni or cp1258
    confidence: float  # 0..1, how sure the detector is (1.0 for BOM / valid UTF-8)
    replaced: int  # undecodable bytes replaced with U+FFFD
    # For tcvn3/vni found *inside* valid Unicode: the codec that carried the legacy characters
    # ("utf-8", "utf-16-le", "utf-16-be"); "" when the file itself was in the legacy byte encoding.
    # encode() needs it to write the file back the way it came.
    carrier: str = ""


class BinaryInput(Exception):
    """The input is not a text document (image, executable, archive, ...)."""


# --------------------------------------------------------------------------- tables


def _cp1252_surface() -> str:
    """Byte b -> the character it shows as in cp1252 (undefined bytes: the C1 code point)."""
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


_TONE_MARKS = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
_VN_BASES = set("abcdeghiklmnopqrstuvxyăâđêôơư")


@dataclass(frozen=True)
class _Tables:
    surface: str  # 256 chars: cp1252 view of each byte
    surface_enc: object  # codecs.charmap_build(surface)
    tcvn3_dec: str  # 256 chars
    tcvn3_enc: object  # codecs.charmap_build(tcvn3_dec)
    tcvn3_fold: dict  # ord(upper-case toned letter) -> lower-case letter, applied before encoding
    tcvn3_from_surface: dict  # ord(surface char) -> Unicode (for str.translate)
    tcvn3_to_surface: dict  # ord(Unicode) -> surface char; upper-case toned letters -> lower-case byte
    vni_letters: dict  # Unicode letter -> VNI surface sequence
    vni_re: re.Pattern  # matches any VNI sequence, longest first
    vni_from_surface: dict  # VNI sequence -> Unicode letter
    vni_to_surface: dict  # ord(Unicode letter) -> VNI sequence
    vn_letter: dict  # Vietnamese letter (lower case, NFC) -> (base letter, tone or "")
    vn_upper: dict  # ord(lower-case Vietnamese letter) -> upper case, for TCVN3 case repair
    telltale_re: re.Pattern  # cheap mojibake test
    tell_any_re: re.Pattern  # any telltale character at all
    token_re: re.Pattern  # words, including legacy "symbol" characters such as ¸ ¶ ­


def _load_json(name: str) -> dict:
    path = resources.files(__package__ or "linter").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _tables() -> _Tables:
    surface = _cp1252_surface()

    raw = _load_json("tcvn3.json")
    dec_map = raw["decode"]
    if len(dec_map) != 256:
        raise ValueError("tcvn3.json: the decode table needs 256 entries")
    tcvn3_dec = "".join(dec_map[f"{b:02X}"] for b in range(256))
    if len(set(tcvn3_dec)) != 256:
        raise ValueError("tcvn3.json: the decode table must be one-to-one")
    decode_only = {int(h, 16) for h in raw.get("decode_only", [])}
    from_surface = {ord(surface[b]): tcvn3_dec[b] for b in range(256) if surface[b] != tcvn3_dec[b]}
    # H-font convention: an upper-case toned letter (including the VN1 capitals that are only
    # decoded) is written with its lower-case byte.
    writable = {tcvn3_dec[b] for b in range(256) if b not in decode_only}
    fold = {}
    for b in range(256):
        ch = tcvn3_dec[b]
        up = ch.upper()
        if ch in writable and up != ch and len(up) == 1 and up not in writable:
            fold[ord(up)] = ch
    to_surface = {ord(tcvn3_dec[b]): surface[b] for b in range(256) if b not in decode_only}
    to_surface = {k: v for k, v in to_surface.items() if chr(k) != v}
    to_surface.update({up: to_surface.get(ord(low), low) for up, low in fold.items()})

    vni_letters = _load_json("vni.json")["letters"]
    vni_from_surface = {seq: letter for letter, seq in vni_letters.items() if seq != letter}
    if len(vni_from_surface) != len(set(vni_from_surface.values())):
        raise ValueError("vni.json: sequences must be unique")
    keys = sorted(vni_from_surface, key=len, reverse=True)
    vni_re = re.compile("|".join(map(re.escape, keys)))
    vni_to_surface = {ord(letter): seq for letter, seq in vni_letters.items() if seq != letter}

    vn_letter: dict[str, tuple[str, str]] = {c: (c, "") for c in "abcdefghijklmnopqrstuvwxyz"}
    vn_upper: dict[int, str] = {}
    for cp in [*range(0xC0, 0x250), *range(0x1EA0, 0x1F00)]:
        ch = chr(cp)
        if not ch.islower():
            continue
        nfd = unicodedata.normalize("NFD", ch)
        tones = [m for m in nfd if m in _TONE_MARKS]
        base = unicodedata.normalize("NFC", "".join(m for m in nfd if m not in _TONE_MARKS))
        if base in _VN_BASES and len(tones) <= 1:
            vn_letter[ch] = (base, _TONE_MARKS[tones[0]] if tones else "")
            if len(ch.upper()) == 1:
                vn_upper[cp] = ch.upper()

    # Telltales: characters that legacy text is full of but Unicode Vietnamese never uses, seen
    # next to an ASCII letter.  A Unicode Vietnamese document has none, so the scorer never runs.
    vn_unicode = set(vn_letter) | {c.upper() for c in vn_letter}
    legacy_chars = set(from_surface) | {ord(c) for seq in vni_from_surface for c in seq}
    tell = sorted(
        chr(c) for c in legacy_chars if chr(c) not in vn_unicode and not chr(c).isascii() and c >= 0xA0
    )
    tell_cls = "".join(re.escape(c) for c in tell)
    telltale_re = re.compile(f"[A-Za-z][{tell_cls}]|[{tell_cls}][A-Za-z]")

    symbols = "".join(re.escape(chr(c)) for c in sorted(legacy_chars) if not chr(c).isalpha() and c >= 0xA0)
    token_re = re.compile(f"(?:[^\\W\\d_]|[{symbols}\u0300-\u036f])+")

    return _Tables(
        surface=surface,
        surface_enc=codecs.charmap_build(surface),
        tcvn3_dec=tcvn3_dec,
        tcvn3_enc=codecs.charmap_build(tcvn3_dec),
        tcvn3_fold=fold,
        tcvn3_from_surface=from_surface,
        tcvn3_to_surface=to_surface,
        vni_letters=vni_letters,
        vni_re=vni_re,
        vni_from_surface=vni_from_surface,
        vni_to_surface=vni_to_surface,
        vn_letter=vn_letter,
        vn_upper=vn_upper,
        telltale_re=telltale_re,
        tell_any_re=re.compile(f"[{tell_cls}]"),
        token_re=token_re,
    )


# --------------------------------------------------------------------------- Vietnamese model

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
# Nuclei that take a final consonant, and rhymes that end the syllable on a vowel or glide.
_CLOSED = "uyê|iê|yê|uô|ươ|oa|oă|oe|oo|uâ|uê|uy|[aăâeêioôơuưy]"
_OPEN = (
    "uyu|uya|uôi|ươi|ươu|iêu|yêu|oai|oay|oao|oeo|uây|uai|uay|uao|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oe|oi|ôi|ơi|ua|uê|ui|uơ|uy|ưa|ưi|ưu|"
    "[aeêioôơuưy]"
)
_SYLLABLE_RE = re.compile(f"(?:{_ONSET})?(?:(?:{_CLOSED})(?P<coda>ch|c|m|ng|nh|n|p|t)|(?:{_OPEN}))")


def _is_syllable(word: str, vn_letter: dict) -> bool:
    """True if ``word`` (any case, NFC) is a well-formed Vietnamese syllable."""
    tone = ""
    bases = []
    for ch in word.lower():
        info = vn_letter.get(ch)
        if info is None:
            return False
        base, t = info
        if t:
            if tone:
                return False
            tone = t
        bases.append(base)
    m = _SYLLABLE_RE.fullmatch("".join(bases))
    if m is None:
        return False
    # Syllables closed by a stop take only the acute or dot-below tone.
    return m.group("coda") not in ("c", "ch", "p", "t") or tone in ("acute", "dot")


def is_syllable(word: str) -> bool:
    """True if ``word`` (any case, NFC) is a well-formed Vietnamese syllable: "điều", "PHỦ";
    not "điề", "PH", "n"."""
    return _is_syllable(word, _tables().vn_letter)


@dataclass
class _Profile:
    tokens: int = 0
    valid: int = 0  # tokens that are Vietnamese syllables
    marked: int = 0  # valid tokens carrying a Vietnamese-only letter or tone
    letters: int = 0
    vn_letters: int = 0


def _profile(text: str, t: _Tables) -> _Profile:
    p = _Profile()
    for tok in t.token_re.findall(text):
        tok = unicodedata.normalize("NFC", tok)
        p.tokens += 1
        p.letters += len(tok)
        p.vn_letters += sum(1 for c in tok.lower() if c in t.vn_letter and c not in "fjwz")
        if _is_syllable(tok, t.vn_letter):
            p.valid += 1
            if not tok.isascii():
                p.marked += 1
    return p


def _clamp(x: float) -> float:
    return 0.0 if x < 0 else 1.0 if x > 1 else x


# --------------------------------------------------------------------------- legacy conversion


def _restore_case(text: str, t: _Tables) -> str:
    """Undo the TCVN3 .VnTimeH convention: upper-case headings are stored with lower-case toned bytes.

    "§¶NG CéNG S¶N" converts to "ĐảNG CộNG SảN".  A word without lower-case ASCII letters is
    upper-cased when it has two capitals, or when its line is a capitals line: more all-capital
    syllables ("BAN", "NAM"; acronyms such as "UBND" do not count) than words with lower-case ASCII.
    Words such as "Việt" or "Số" on an ordinary line are left alone.
    """
    vn_upper = t.vn_upper

    def fix(w: str, line_is_upper: bool) -> str:
        if any("a" <= c <= "z" for c in w) or not any(ord(c) in vn_upper for c in w):
            return w
        if line_is_upper or sum(1 for c in w if c.isupper()) >= 2:
            return w.translate(vn_upper)
        return w

    out = []
    for line in text.splitlines(keepends=True):
        tokens = t.token_re.findall(line)
        if not any(ord(c) in vn_upper for tok in tokens for c in tok):
            out.append(line)
            continue
        caps = sum(1 for w in tokens if len(w) > 1 and w.isupper() and _is_syllable(w, t.vn_letter))
        lower = sum(1 for w in tokens if any("a" <= c <= "z" for c in w))
        is_upper = caps > lower
        out.append(t.token_re.sub(lambda m: fix(m.group(), is_upper), line))  # noqa: B023 (called at once)
    return "".join(out)


def _tcvn3_from_surface(text: str, t: _Tables) -> str:
    return _restore_case(text.translate(t.tcvn3_from_surface), t)


def _vni_from_surface(text: str, t: _Tables) -> str:
    return t.vni_re.sub(lambda m: t.vni_from_surface[m.group()], text)


def convert_legacy(text: str, encoding: str) -> str:
    """Convert TCVN3/VNI mojibake (legacy byte values shown as cp1252 characters) to Unicode.

    Characters that are not part of the legacy encoding pass through unchanged.  The result is
    precomposed but not otherwise normalised.
    """
    t = _tables()
    if encoding == "tcvn3":
        return _tcvn3_from_surface(text, t)
    if encoding == "vni":
        return _vni_from_surface(text, t)
    raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {LEGACY_ENCODINGS}")


def _to_surface(text: str, encoding: str, t: _Tables) -> str:
    """Unicode -> legacy surface characters (the inverse of convert_legacy)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        return text.translate(t.tcvn3_to_surface)
    return text.translate(t.vni_to_surface)


def decode_as(data: bytes, encoding: str) -> str:
    """Decode ``data`` in a given encoding (no detection); tcvn3/vni/cp1258 or any Python codec."""
    t = _tables()
    if encoding == "tcvn3":
        return _restore_case(codecs.charmap_decode(data, "strict", t.tcvn3_dec)[0], t)
    if encoding == "vni":
        return _vni_from_surface(codecs.charmap_decode(data, "strict", t.surface)[0], t)
    return data.decode(encoding)


# --------------------------------------------------------------------------- detection


def _score_legacy(text: str, encoding: str, t: _Tables) -> float:
    """Confidence that ``text`` is ``encoding`` mojibake, from how conversion changes its words.

    Conversion is judged word by word: a word that was not Vietnamese and becomes a Vietnamese
    syllable counts for; one that was a syllable and stops being one, or stays garbage, counts
    against (a syllable that stays a syllable, "Tù" -> "Tự", is neutral).  Unicode
    Vietnamese cannot gain (its words are already syllables) and Western text rarely turns into
    syllables ("schön" -> "schưn", "niño" -> "niủo"), so both stay near zero.
    """

    # Case does not matter to the syllable test, so TCVN3 skips the case repair here.
    def convert(s: str) -> str:
        return s.translate(t.tcvn3_from_surface) if encoding == "tcvn3" else _vni_from_surface(s, t)

    vn = t.vn_letter
    judged = improved = worsened = 0
    total = valid_after = 0
    letters = vn_letters = 0
    seen: dict[str, tuple[bool, bool, bool, int, int]] = {}
    for tok in t.token_re.findall(text):
        info = seen.get(tok)
        if info is None:
            tok_n = unicodedata.normalize("NFC", tok)
            conv = unicodedata.normalize("NFC", convert(tok))
            n_vn = sum(1 for c in conv.lower() if c in vn and c not in "fjwz")
            info = seen[tok] = (
                _is_syllable(tok_n, vn),
                _is_syllable(conv, vn),
                conv != tok_n,
                len(conv),
                n_vn,
            )
        before, after, was_changed, n_letters, n_vn = info
        total += 1
        valid_after += after
        letters += n_letters
        vn_letters += n_vn
        if was_changed and not (before and after):
            judged += 1
            improved += after and not before
            worsened += before and not after
    if not improved:
        return 0.0
    precision = (improved - worsened) / judged
    volume = min(1.0, improved / 4) ** 0.75  # one word ("où" -> "ó") is not enough on its own
    syllable_share = _clamp((valid_after / total - 0.3) / 0.4)
    letter_share = _clamp((vn_letters / letters - 0.8) / 0.15)
    return round(_clamp(precision) * volume * syllable_share * letter_share, 3)


def looks_legacy(text: str) -> tuple[str, float] | None:
    """Detect TCVN3/VNI mojibake in an already-decoded string.

    Returns ``(encoding, confidence)`` or ``None``.  The cheap test (telltale characters such as
    ¸ µ ¶ ¾ or VNI's ø û ï inside words) runs first, so Unicode Vietnamese, ASCII and most other
    text cost one regex scan.
    """
    if text.isascii():
        return None
    t = _tables()
    sample = text[:_SAMPLE_CHARS]
    if t.tell_any_re.search(sample) is None or t.telltale_re.search(sample) is None:
        return None  # the first, a bare character class, scans several times faster
    return _detect(sample, t)


def _detect(sample: str, t: _Tables) -> tuple[str, float] | None:
    best = max(((enc, _score_legacy(sample, enc, t)) for enc in LEGACY_ENCODINGS), key=lambda r: r[1])
    return best if best[1] >= MIN_CONFIDENCE else None


def _cp1258_confidence(text: str, t: _Tables) -> float:
    """How much ``text`` (decoded as cp1258) reads as Vietnamese: mostly syllables, many toned."""
    p = _profile(unicodedata.normalize("NFC", text[:_SAMPLE_CHARS]), t)
    if not p.tokens or not p.marked:
        return 0.0
    syllables = _clamp((p.valid / p.tokens - 0.5) / 0.3)
    marked = _clamp((p.marked / p.tokens) / 0.2)
    letters = _clamp((p.vn_letters / p.letters - 0.8) / 0.15)
    volume = min(1.0, p.marked / 3) ** 0.5
    return round(syllables * marked * letters * volume, 3)


# --------------------------------------------------------------------------- decode


def _newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if not (crlf or cr or lf):
        return "\n"
    return max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"), key=lambda c: c[0])[1]


# Only signatures that cannot begin a text file (Windows "MZ" could, and executables have NULs anyway).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\x7fELF", "an ELF executable"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (e.g. .doc/.xls)"),
    (b"%PDF-", "a PDF file"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
_CONTROL_BYTES = bytes([*range(9), *range(14, 32), 127])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _control_share(head: bytes) -> float:
    return (len(head) - len(head.translate(None, _CONTROL_BYTES))) / len(head)


def _sniff_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16: mostly-Latin text has a NUL in every other byte."""
    if len(data) % 2:
        return None
    head = data[:_SNIFF_BYTES]
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _check_text(text: str, what: str) -> None:
    """Reject decoded UTF-16 that is really binary (NUL characters, control-character soup)."""
    if "\x00" in text:
        raise BinaryInput(f"binary data: {what} text contains NUL characters")
    head = text[:_SNIFF_BYTES]
    if head and len(_CONTROL_CHARS.findall(head)) > 0.3 * len(head):
        raise BinaryInput(f"binary data: more than 30% control characters in {what} text")


def _decode_utf16(data: bytes, codec: str, bom: bytes) -> Decoded:
    body = data[len(bom) :]
    try:
        text, replaced = body.decode(codec), 0
    except UnicodeDecodeError:
        text = body.decode(codec, "replace")
        replaced = text.count("\ufffd")  # per code unit; exact enough for a report
    _check_text(text, codec.upper())
    return _unicode_result(text, codec, bom, replaced)


def _unicode_result(text: str, codec: str, bom: bytes, replaced: int = 0) -> Decoded:
    """Valid Unicode text: check it for legacy mojibake before accepting it as is."""
    found = looks_legacy(text)
    if found:
        encoding, confidence = found
        carrier = "utf-8" if codec == "utf-8-sig" else codec
        text = convert_legacy(text, encoding)
        return Decoded(text, encoding, bom, _newline(text), True, confidence, replaced, carrier)
    return Decoded(text, codec, bom, _newline(text), False, 1.0, replaced)


_SURROGATE_ESCAPES = re.compile("[\udc80-\udcff]")


def decode(data: bytes) -> Decoded:
    """Decode a document's bytes.

    Order: UTF-8 BOM, UTF-16 BOM, binary check (BOM-less UTF-16 is recognised there), strict UTF-8
    (then TCVN3/VNI mojibake inside it), TCVN3/VNI bytes, cp1258 if it reads as Vietnamese, and
    finally UTF-8 with each undecodable byte replaced by U+FFFD ("utf-8-replaced").

    Raises BinaryInput for images, executables, archives and other non-text data.
    """
    if not data:
        return Decoded("", "utf-8", b"", "\n", False, 1.0, 0)
    if data.startswith((BOM_UTF32_LE, BOM_UTF32_BE)):
        raise BinaryInput("UTF-32 text is not supported (UTF-32 byte order mark)")
    if data.startswith(BOM_UTF16_LE):
        return _decode_utf16(data, "utf-16-le", BOM_UTF16_LE)
    if data.startswith(BOM_UTF16_BE):
        return _decode_utf16(data, "utf-16-be", BOM_UTF16_BE)

    bom = BOM_UTF8 if data.startswith(BOM_UTF8) else b""
    body = data[len(bom) :]
    for magic, what in _MAGIC:
        if body.startswith(magic):
            raise BinaryInput(f"binary data: the file starts like {what}")
    nul = body.find(b"\x00")
    if nul >= 0:
        codec = None if bom else _sniff_utf16(body)
        if codec is None:
            raise BinaryInput(f"binary data: NUL byte at offset {nul + len(bom)}")
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            raise BinaryInput(f"binary data: NUL bytes, and not valid {codec.upper()} either") from None
        _check_text(text, codec.upper())
        return _unicode_result(text, codec, b"")
    head = body[:_SNIFF_BYTES]
    if head and _control_share(head) > 0.3:
        raise BinaryInput("binary data: more than 30% control bytes in the first 8 KB")

    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _unicode_result(text, "utf-8-sig" if bom else "utf-8", bom)

    t = _tables()
    if not bom:
        surface = codecs.charmap_decode(body, "strict", t.surface)[0]
        found = looks_legacy(surface)
        if found:
            encoding, confidence = found
            text = decode_as(body, encoding)
            return Decoded(text, encoding, b"", _newline(text), True, confidence, 0)
        try:
            text = body.decode("cp1258")
        except UnicodeDecodeError:
            pass
        else:
            confidence = _cp1258_confidence(text, t)
            if confidence >= MIN_CONFIDENCE:
                return Decoded(text, "cp1258", b"", _newline(text), True, confidence, 0)

    text, replaced = _SURROGATE_ESCAPES.subn("\ufffd", body.decode("utf-8", "surrogateescape"))
    return Decoded(text, "utf-8-replaced", bom, _newline(text), False, 0.0, replaced)


# --------------------------------------------------------------------------- encode

_CP1258_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _encode_cp1258(text: str, errors: str) -> bytes:
    """cp1258 has few precomposed toned letters: write the rest as letter + combining tone byte."""
    try:
        return text.encode("cp1258")
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _CP1258_TONES))
        tones = "".join(c for c in nfd if c in _CP1258_TONES)
        try:
            out += base.encode("cp1258") + tones.encode("cp1258")
        except UnicodeEncodeError:
            out += ch.encode("cp1258", errors)  # raises in strict mode, as it should
    return bytes(out)


def encode(text: str, decoded: Decoded, errors: str = "strict") -> bytes:
    """Write ``text`` back in ``decoded``'s encoding, BOM and newline style (for an autofixer).

    If ``text`` contains no "\\r" its "\\n" newlines are turned into ``decoded.newline``; text that
    still has its original newlines is written as is, so ``encode(d.text, d)`` reproduces the file.
    TCVN3 cannot hold upper-case toned letters: they are written with the lower-case byte, as
    ``.VnTimeH`` documents do.  ``errors`` is passed to the codec ("strict" raises
    UnicodeEncodeError for characters the encoding cannot represent).
    """
    if decoded.newline != "\n" and "\r" not in text:
        text = text.replace("\n", decoded.newline)
    enc = decoded.encoding
    if enc in LEGACY_ENCODINGS:
        t = _tables()
        if decoded.carrier:
            return decoded.bom + _to_surface(text, enc, t).encode(decoded.carrier, errors)
        if enc == "tcvn3":
            if not unicodedata.is_normalized("NFC", text):
                text = unicodedata.normalize("NFC", text)
            return codecs.charmap_encode(text.translate(t.tcvn3_fold), errors, t.tcvn3_enc)[0]
        return codecs.charmap_encode(_to_surface(text, enc, t), errors, t.surface_enc)[0]
    if enc == "cp1258":
        return decoded.bom + _encode_cp1258(text, errors)
    if enc in ("utf-8", "utf-8-sig", "utf-8-replaced"):
        return decoded.bom + text.encode("utf-8", errors)
    if enc in ("utf-16-le", "utf-16-be"):
        return decoded.bom + text.encode(enc, errors)
    raise ValueError(f"cannot encode to unknown encoding {enc!r}")
