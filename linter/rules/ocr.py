"""VB12x: OCR misreadings of the labels and prefixes the lexer recognised, and non-NFC text.

label-misread works on lines whose role the lexer already settled (the "Nơi nhận" and "Kính gửi"
labels, the AUTHORITY prefix, header and list lines), so rewriting them cannot change what the
document says. not-nfc judges the decoded source text (ctx.source), not the document's lines (they
are already NFC): it is a check of the source stage."""

import re
import unicodedata

from linter.diagnostics import Fix, Span
from linter.rules.base import Hit, rule
from linter.text import fold, is_upper_line

_CIT_LABEL = "HD 36-HD/VPTW (nơi nhận, quyền hạn ký); NĐ 30/2020, Phụ lục I"

# folded label -> the label as written by the standard
_LABELS = {
    "NOI_NHAN": {"noi nhan": "Nơi nhận"},
    "KINH_GUI": {"kinh gui": "Kính gửi", "kinh trinh": "Kính trình", "dong kinh gui": "Đồng kính gửi"},
}
_PARTY_AUTH = {"T/M", "K/T", "T/L"}
# the word first, then "not inside a longer word" (a pattern that opens with a look-behind scans slowly)
_ACRONYMS = [(re.compile(r"ƯBND(?<![^\W\d_]ƯBND)(?![^\W\d_])"), "UBND")]


def _squash(s: str) -> str:
    return " ".join(fold(s).split())


def _label_hit(line, labels: dict[str, str], fallback: bool, spaces_placed: bool) -> Hit | None:
    """The label at the start of a label line ("Nơi nhân:", "Kinh gui: - …"), if misread.
    fallback: a "Nơi nhận" line the lexer took by its first letters alone ("Nơi nhậii:");
    spaces_placed: the text's spaces are a text layer's, so "Kính  gửi:" is written right."""
    text = line.text
    colon = text.find(":")
    if 0 < colon <= 20:
        end, label, tail = colon + 1, text[:colon], ":"
    else:
        # no colon: the label's words; only a line that is the label alone gets a colon
        end, label = 0, ""
        for words in sorted({len(k.split()) for k in labels}):
            m = re.match(rf"[^\s:]+(?:\s+[^\s:]+){{{words - 1}}}", text)
            if m and (_squash(m.group()) in labels or not label):
                end, label = m.end(), m.group()
        if not label:
            return None
        tail = ":" if not text[end:].strip() else ""
    canon = labels.get(_squash(label))
    applicability = "safe"
    if canon is None:
        # the lexer's fallback ("Nơi nhậii:"): a short line that starts like the label
        if not fallback or not _squash(label).startswith("noi nh") or len(text) >= 14:
            return None
        canon, applicability = "Nơi nhận", "unsafe"
    fixed = canon + tail
    # (a text layer's spaces: "Kính  gửi:", "Nơi nhận  :" where the colon's font changes)
    written = " ".join(text[:end].split()).replace(" :", ":") if spaces_placed else text[:end]
    if written == fixed or _one_line(line, 0, end) is None:
        return None
    span = line.span(0, end)
    return Hit(span, {"text": text[:end], "fixed": fixed}, Fix(applicability, fixed, span))


def _authority_hit(auth, ctx) -> Hit | None:
    """An authority line OCR damaged ("T Í M  BAN THƯỜNG vụ", "tm. ủy ban nhân dân"): the whole
    line in its canonical form ("T/M BAN THƯỜNG VỤ"), or the prefix alone when the line wraps."""
    want = auth.prefix
    prefix = auth.written.rstrip()
    body = auth.body.strip()
    line = _one_line(auth.line, 0, len(auth.line.text))
    seen = _original(ctx, line) if line else None  # the line as written, before layout's repairs
    lowered = seen is not None and seen != seen.upper() and (auth.line.repaired or is_upper_line(body))
    lowered = lowered or _remarked(seen, auth.line.text)  # "KT. BỘ TRƯỚNG": its marks put back
    # (a Party prefix in a State document, however written, is VB311's: one report for the line)
    misread = prefix != want and want in _PARTY_AUTH and not (ctx.profile or "").startswith("state")
    if line and seen is not None and (lowered or misread):
        fixed = f"{want} {body.upper()}"
        if fixed != seen:
            return Hit(line, {"text": seen, "fixed": fixed}, Fix("safe", fixed, line))
    if misread and (span := _one_line(auth.line, 0, len(prefix))):
        return Hit(span, {"text": prefix, "fixed": want}, Fix("safe", want, span))
    return None


def _remarked(seen: str | None, text: str) -> bool:
    """The line as written (seen) lost or swapped marks that layout put back (patterns.restore_marks)."""
    return seen is not None and seen != text and seen.isupper() and fold(seen) == fold(text)


def _title_hit(line, ctx) -> Hit | None:
    """A signer's title whose marks were misread: "THỨ TRƯỚNG" for "THỨ TRƯỞNG"."""
    span = _one_line(line, 0, len(line.text))
    seen = _original(ctx, span) if span else None
    if span and _remarked(seen, line.text):
        return Hit(span, {"text": seen, "fixed": line.text}, Fix("safe", line.text, span))
    return None


def _original(ctx, span: Span) -> str | None:
    """The source text under a one-line span, as the user wrote it; None on a line not in NFC
    (spans count the NFC text's characters: a decomposed line's would be cut short, and VB125
    reports the line)."""
    text = getattr(ctx.source, "text", None)
    if text is None:
        return None
    lines = text.split("\n")
    if span.line > len(lines):
        return None
    line = lines[span.line - 1].rstrip("\r")
    return line[span.column - 1 : span.end_column - 1] if unicodedata.is_normalized("NFC", line) else None


def _one_line(line, i: int, j: int) -> Span | None:
    """The span of text[i:j] when it lies on one original line (a fix never joins lines)."""
    span = line.span(i, j)
    return span if span.line == span.end_line else None


@rule(
    code="VB121",
    example={"text": "Nơi nhân:", "fixed": "Nơi nhận:"},
    name="label-misread",
    component=None,
    severity="warning",
    # (on 40 real layouts scanned at office quality, every VB121 on an OCR'd line was OCR's
    # misreading of a title printed right, "THƯ TRƯỜNG": for review there, not the document's defect)
    small_print=True,
    fix="safe",
    message={
        "vi": '"{text}" viết sai (lỗi gõ hoặc lỗi nhận dạng OCR): viết "{fixed}".',
        "en": '"{text}" is miswritten (a typo, or an OCR misreading): write "{fixed}".',
    },
    citation=_CIT_LABEL,
    why={
        "vi": 'Bản quét nhận dạng sai (hoặc người soạn gõ sai) dấu, chữ hoa và ký tự của nhãn "Nơi nhận:", '
        '"Kính gửi:", tiền tố thẩm quyền ký (T/M, K/T, T/L), chức danh người ký, tên cơ quan ký thay mặt '
        "và chữ viết tắt UBND; vblint đã nhận ra chúng nên sửa được về đúng cách viết.",
        "en": 'Scans misread (or drafters mistype) the marks, capitals and characters of the labels "Nơi '
        'nhận:", "Kính gửi:", the authority prefixes (T/M, K/T, T/L), the signer\'s title, the body an '
        "authority signs for and the acronym UBND; vblint recognised them, so it can restore them.",
    },
    bad="Nơi nhân:\n…\nT Í M BAN THƯỜNG VỤ",
    good="Nơi nhận:\n…\nT/M BAN THƯỜNG VỤ",
)
def label_misread(doc, ctx):
    for part, labels in ((doc.recipients, _LABELS["NOI_NHAN"]), (doc.addressees, _LABELS["KINH_GUI"])):
        for line in part.label_lines if part else ():
            if hit := _label_hit(line, labels, part is doc.recipients, ctx.spaces_placed):
                yield hit
    for auth in doc.signature.authorities if doc.signature else ():
        if hit := _authority_hit(auth, ctx):
            yield hit
    for line in doc.signature.title_lines if doc.signature else ():
        if hit := _title_hit(line, ctx):
            yield hit
    lines = [x for name in ("issuer", "addressees", "recipients") for x in doc.lines_of(name)]
    for line in lines:
        for rx, want in _ACRONYMS:
            for m in rx.finditer(line.text):
                if span := _one_line(line, m.start(), m.end()):
                    yield Hit(span, {"text": m.group(), "fixed": want}, Fix("safe", want, span))


_NEWLINE = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[tuple[int, str]]:
    """(offset, content) of each line, numbered the way normalize() numbers them."""
    out, start = [], 0
    for m in _NEWLINE.finditer(text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


def _first_cluster(s: str) -> tuple[int, int]:
    """[start, end) of the first base+marks cluster of s that NFC changes."""
    i = 0
    while i < len(s):
        j = i + 1
        while j < len(s) and unicodedata.combining(s[j]):
            j += 1
        if not unicodedata.is_normalized("NFC", s[i:j]):
            return i, j
        i = j
    return 0, len(s)


@rule(
    code="VB122",
    stage="source",
    example={"count": 2, "first": 14},
    name="not-nfc",
    component=None,
    severity="info",
    fix="safe",
    message={
        "vi": "Có {count} dòng chưa ở dạng Unicode dựng sẵn (NFC), đầu tiên là dòng {first}: chuẩn hoá về NFC.",
        "en": "{count} lines are not in precomposed Unicode (NFC), the first is line {first}: normalise to NFC.",
    },
    citation="TCVN 6909:2001 (Unicode); NĐ 30/2020, Phụ lục I, I.2",
    why={
        "vi": "Chữ tổ hợp (dấu rời, NFD) hiển thị như chữ dựng sẵn nhưng làm hỏng tìm kiếm, so khớp và đếm ký tự; "
        "văn bản nên lưu ở dạng dựng sẵn NFC. Sửa chỉ đổi cách mã hoá, không đổi chữ.",
        "en": "Decomposed text (NFD) looks the same but breaks search, matching and counting; store documents "
        "in precomposed NFC. The fix changes the encoding of the letters, never the words.",
    },
    bad='Nơi nhận ("ê" + U+0323 dấu nặng rời)',
    good='Nơi nhận ("ệ" dựng sẵn)',
)
def not_nfc(doc, ctx):
    """cp1258 stores tones as combining marks by design (legacy-encoding already reports it), so it
    is not flagged there."""
    text, encoding = ctx.source.text, ctx.source.encoding
    if encoding == "cp1258" or unicodedata.is_normalized("NFC", text):
        return
    bad = [
        (n, off, s)
        for n, (off, s) in enumerate(split_lines(text), 1)
        if not unicodedata.is_normalized("NFC", s)
    ]
    if not bad:
        return
    n1, off1, s1 = bad[0]
    nk, offk, sk = bad[-1]
    col, end = _first_cluster(s1)
    # whole lines: NFC never composes across a newline, so the NFC of the range is exact
    region = text[off1 : offk + len(sk)]
    fix = Fix("safe", unicodedata.normalize("NFC", region), Span(n1, 1, nk, len(sk) + 1))
    yield Hit(Span(n1, col + 1, n1, end + 1), {"count": len(bad), "first": n1}, fix)
