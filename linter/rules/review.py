"""Parts read through OCR damage, and the tone-mark style: things a reader should look at."""

import re
from bisect import bisect_right
from itertools import accumulate

from linter import patterns as P
from linter.rules.base import Hit, rule

_NAMES = {
    "banner": ("Tiêu đề / Quốc hiệu", "The banner"),
    "number": ("Số và ký hiệu", "The number"),
    "place_date": ("Địa danh, ngày tháng", "The date line"),
    "doc_type": ("Tên loại văn bản", "The type name"),
}


@rule(
    code="VB130",
    example={"what": "Số và ký hiệu", "what_en": "The number", "text": "Số 427-TBlTU"},
    name="component-needs-review",
    component=None,
    severity="warning",
    message={
        "vi": '{what} chỉ đọc được sau khi sửa lỗi nhận dạng (OCR): "{text}"; cần đối chiếu bản gốc.',
        "en": '{what_en} could only be read after correcting OCR errors: "{text}"; check the original.',
    },
    citation="vblint (văn bản quét)",
    why={
        "vi": "Một thành phần có mặt nhưng bị lỗi nhận dạng (chữ O thay số 0, l thay số 1, chữ sai trong tên loại) được báo là cần xem lại, không bị báo là thiếu; các quy tắc về định dạng của nó không áp dụng.",
        "en": "A part that is present but damaged by OCR (O for 0, l for 1, a misread type name) is reported for review, not as missing; its format rules are not applied.",
    },
    bad="Số 427-TBlTU / năm 2O24",
    good="Số 427-TB/TU / năm 2024",
)
def needs_review(doc, ctx):
    for name, (vi, en) in _NAMES.items():
        c = doc.components[name]
        if c and c.get("status") == "needs_review":
            yield Hit(doc.span(name), {"what": vi, "what_en": en, "text": c["text"][:60]})


# An open syllable of oa/oe/uy carries its tone on the first vowel ("hoà", "thuỷ": the older
# style) or the second ("hòa", "thủy"). Both are right; one document should keep to one.
# _NEW opens with one character class, so the engine skips ahead to its candidates. _OLD's first
# letters (o, u) are everywhere: one pattern per letter, each opening with that plain letter, which
# the engine scans for fastest (2× faster than one class). The "not after q" check comes last.
_TAIL = r"(?<![qQ]..)(?![^\W\d_])"
_OLD = [
    re.compile(f"{v}[{toned}]{_TAIL}")
    for base, toned in (("o", "àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ"), ("u", "ỳýỷỹỵỲÝỶỸỴ"))
    for v in (base, base.upper())
]
_NEW = re.compile(r"[òóỏõọÒÓỎÕỌùúủũụÙÚỦŨỤ](?:(?<=[òóỏõọÒÓỎÕỌ])[aAeE]|(?<=[ùúủũụÙÚỦŨỤ])[yY])" + _TAIL)


def _first(patterns, text: str):
    return min(filter(None, (p.search(text) for p in patterns)), key=lambda m: m.start(), default=None)


@rule(
    code="VB131",
    example={"old": "thuỷ", "new": "thủy"},
    name="tone-mark-style-mixed",
    component=None,
    severity="info",
    message={
        "vi": 'Văn bản dùng lẫn hai cách đặt dấu thanh: "{old}" (kiểu cũ) và "{new}" (kiểu mới); nên thống nhất một cách.',
        "en": 'The document mixes two tone-mark placements: "{old}" (older style) and "{new}" (newer style); keep to one.',
    },
    citation="NĐ 30/2020, Phụ lục II (chính tả); TCVN 6909:2001",
    why={
        "vi": '"hoà"/"hòa", "thuỷ"/"thủy" đều được chấp nhận khi so khớp; chỉ báo một lần cho mỗi văn bản khi dùng lẫn.',
        "en": '"hoà"/"hòa", "thuỷ"/"thủy" are both accepted in matching; mixing them is reported once per document.',
    },
    bad="Ủy ban … thuỷ lợi",
    good="Ủy ban … thủy lợi",
)
def tone_style(doc, ctx):
    # one pass over the whole text (C speed), then find the token of the later match
    texts = [x.text for x in doc.lines]
    text = "\n".join(texts)
    old, new = _first(_OLD, text), _NEW.search(text)
    if not (old and new):
        return
    later = max(old, new, key=lambda m: m.start())
    starts = list(accumulate((len(x) + 1 for x in texts), initial=0))
    k = bisect_right(starts, later.start()) - 1
    line, i = doc.lines[k], later.start() - starts[k]
    while i > 0 and line.text[i - 1].isalpha():
        i -= 1
    yield Hit(line.span(i, later.end() - starts[k]), {"old": _word_at(text, old), "new": _word_at(text, new)})


def _word_at(text: str, m) -> str:
    i = m.start()
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i : m.end()]


@rule(
    code="VB132",
    example={"what": "Dòng lưu", "what_en": "The file-copy line", "text": "LưaVPTU, THI."},
    name="line-garbled",
    component=None,
    severity="warning",
    message={
        "vi": '{what} có vẻ bị lỗi nhận dạng (OCR) không tự sửa được: "{text}"; cần đối chiếu bản gốc.',
        "en": '{what_en} looks garbled by OCR beyond repair: "{text}"; check the original.',
    },
    citation="vblint (văn bản quét)",
    why={
        "vi": "Một dòng mà bản quét làm hỏng quá mức sửa tự động (chữ dính liền, chữ cái đầu bị mất) vẫn được "
        "nhận ra là thành phần của nó, nhưng nội dung đọc được không đáng tin: báo để người đọc xem lại "
        "thay vì bỏ qua.",
        "en": "A line that the scan damaged beyond automatic repair (words glued together, a first letter "
        "lost) is still recognised as its part, but what was read cannot be trusted: it is reported for "
        "review instead of passing silently.",
    },
    bad="LưaVPTU, THI.\n…\ngô Quang Hưng",
    good="- Lưu VPTU, TH1.\n…\nNgô Quang Hưng",
)
def garbled(doc, ctx):
    for row in doc.strays:
        if row.role == "NOISE" and any(
            c.isalnum() for c in row.line.text
        ):  # (a rule's fragment, "-", is no text)
            yield Hit(
                row.line.span(),
                {"what": "Một dòng phần đầu văn bản", "what_en": "A header line", "text": row.line.text},
            )
    for line in doc.recipients.item_lines if doc.recipients else ():
        luu = P.luu_line(line.text)
        if luu and luu["garbled"]:
            yield Hit(line.span(), {"what": "Dòng lưu", "what_en": "The file-copy line", "text": line.text})
    sig = doc.signature
    for line in sig.name_lines if sig else ():
        # a name whose first letter OCR lost ("gô Quang Hưng") or that holds a digit or a sign; a
        # rank or degree before it is part of how it is written ("Thượng tướng …", "PGS.TS. …")
        words = line.text[P.rank_end(line.text) :].split()
        if (
            line.text[:1].islower()
            or any(not w.isalpha() for w in words)
            or any(w[:1].islower() for w in words)
            # a family name and a given one at least: one word is what a stamp or a fold left of it
            or len((sig.name or "").split()) == 1
        ):
            yield Hit(
                line.span(), {"what": "Họ tên người ký", "what_en": "The signer's name", "text": line.text}
            )
