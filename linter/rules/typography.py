"""VB5xx typography: what a .docx knows and a text file does not — font, sizes, bold and italic
of each part, page size and margins (NĐ 30/2020 Phụ lục I §I, §V; HD 05 Phụ lục 2 and Phần II.IV,
which HD 36 shares). Only documents read from .docx carry styles; for others these rules are silent."""

import re

from linter.diagnostics import Fix, Span
from linter.rules.base import PARTY, STATE_ALL, Hit, rule

_ND30 = "NĐ 30/2020, Phụ lục I, I.2 (phông chữ), I.3 (khổ giấy, lề) và V (bảng thể thức)"
_HD = "HD 05-HD/VPTW, Phần II.IV (trình bày) và Phụ lục 2; HD 36-HD/VPTW (như trên)"

# (component, which lines) -> (size range, bold, italic). None: not checked. Lines: "all", "first",
# "last". Sizes in points; the standards' ranges (standards.md §2.6, §3.6).
_STATE = {
    ("banner", "national_title"): ((12, 13), True, False),
    ("banner", "motto"): ((13, 14), True, False),
    ("issuer", "last"): ((12, 13), True, False),
    ("number", "all"): ((13, 13), None, False),
    ("place_date", "all"): ((13, 14), None, True),
    ("doc_type", "all"): ((13, 14), True, False),
    ("subject", "typed"): ((13, 14), True, False),
    ("subject", "vv"): ((12, 13), False, False),
    ("signature", "authority"): ((13, 14), True, False),
    ("signature", "titles"): ((13, 14), True, False),
    ("signature", "name"): ((13, 14), True, False),
    ("recipients", "label"): ((12, 12), True, True),
    ("recipients", "items"): ((11, 11), False, False),
}
_TNR = "Times New Roman"
# the family, or one of its faces named as a font ("Times New Roman Bold", as converters write it)
_TNR_FACE = re.compile(r"Times New Roman(?: Bold| Italic| Bold Italic)?")
_PARTY = {
    ("banner", "all"): ((15, 15), True, False),
    ("issuer", "last"): ((14, 14), True, False),
    ("number", "all"): ((14, 14), None, False),
    ("place_date", "all"): ((14, 14), None, True),
    ("doc_type", "all"): ((15, 16), True, False),
    ("subject", "typed"): ((14, 15), True, False),
    ("subject", "vv"): ((12, 12), False, True),
    ("signature", "authority"): ((14, 14), True, False),
    ("signature", "titles"): ((14, 14), False, False),
    ("signature", "name"): ((14, 14), True, False),
    ("recipients", "label"): ((14, 14), False, False),
    ("recipients", "items"): ((12, 12), False, False),
}


def _styles(ctx):
    src = ctx.source
    return getattr(src, "styles", None) if src is not None else None


def _style(styles, line):
    """The style of a part's line: of its own cell when its source line holds two columns."""
    n, col = line.pos(0)
    st = styles[n - 1] if 0 < n <= len(styles) else None
    return st.at(col - 1) if st is not None else None


def _lines(doc, comp, which):
    """The lines of one part of a component that a style row is about."""
    lines = doc.lines_of(comp)
    if not lines:
        return []
    if which == "all":
        return lines
    if which == "last":
        return lines[-1:]
    if which in ("typed", "vv"):
        vv = doc.subject.vv or doc.doc_type == "cong_van"
        return lines if (which == "vv") == vv else []
    return {
        "national_title": lambda: doc.banner.national_title_lines,
        "motto": lambda: doc.banner.motto_lines,
        "authority": lambda: [a.line for a in doc.signature.authorities],
        "titles": lambda: doc.signature.title_lines,
        "name": lambda: doc.signature.name_lines,
        "label": lambda: doc.recipients.label_lines,
        "items": lambda: doc.recipients.item_lines,
    }[which]()


def _describe(st, lang):
    parts = [f"{st.size:g} pt" if st.size else "?"]
    if st.bold:
        parts.append("đậm" if lang == "vi" else "bold")
    if st.italic:
        parts.append("nghiêng" if lang == "vi" else "italic")
    return ", ".join(parts)


def _want(spec, lang):
    (lo, hi), bold, italic = spec
    size = f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"
    bits = [f"{size} pt"]
    if bold is not None:
        bits.append(("đậm" if bold else "không đậm") if lang == "vi" else ("bold" if bold else "not bold"))
    if italic is not None:
        bits.append(
            ("nghiêng" if italic else "đứng") if lang == "vi" else ("italic" if italic else "upright")
        )
    return ", ".join(bits)


def _check_parts(doc, ctx, table):
    styles = _styles(ctx)
    if not styles:
        return
    for (comp, which), spec in table.items():
        (lo, hi), bold, italic = spec
        for line in _lines(doc, comp, which):
            st = _style(styles, line)
            if st is None or st.size is None:
                continue
            bad = not lo - 0.25 <= st.size <= hi + 0.25
            bad |= bold is not None and st.bold is not None and st.bold != bold
            bad |= italic is not None and st.italic is not None and st.italic != italic
            if bad:
                span = line.span()
                yield Hit(
                    span,
                    {"text": line.text[:40], "found": _describe(st, ctx.lang), "want": _want(spec, ctx.lang)},
                    Fix("safe", "", span, _part_style(st, spec)),
                )


def _part_style(st, spec) -> tuple:
    """The formatting that makes a line conform: the nearest allowed size, and bold and italic
    as required (what the line already has right is left alone)."""
    (lo, hi), bold, italic = spec
    out = []
    if not lo - 0.25 <= st.size <= hi + 0.25:
        out.append(("size", float(lo if st.size < lo else hi)))
    if bold is not None and st.bold != bold:
        out.append(("bold", bold))
    if italic is not None and st.italic != italic:
        out.append(("italic", italic))
    return tuple(out)


_PART_MSG = {
    "vi": '"{text}": {found}; thể thức quy định {want}.',
    "en": '"{text}": {found}; the layout requires {want}.',
}


@rule(
    code="VB501",
    example={"count": 12, "fonts": "Arial"},
    name="font-not-times",
    component=None,
    severity="error",
    message={
        "vi": "Phông chữ phải là Times New Roman; {count} dòng dùng {fonts}.",
        "en": "The font must be Times New Roman; {count} lines use {fonts}.",
    },
    citation=f"{_ND30}; {_HD}",
    why={
        "vi": "Văn bản dùng phông chữ Times New Roman, bộ mã Unicode theo TCVN 6909:2001, màu đen.",
        "en": "Documents use Times New Roman, Unicode (TCVN 6909:2001), black.",
    },
    bad="(.docx) Arial",
    good="(.docx) Times New Roman",
    fix="safe",
)
def font(doc, ctx):
    styles = _styles(ctx)
    if not styles:
        return
    # (an empty paragraph's font shows nothing: "" in Verdana between two paragraphs is no defect)
    shown = [bool(t.strip()) for t in ctx.source.text.split("\n")]
    bad = [
        (i, s.font)
        for i, s in enumerate(styles, 1)
        if s and s.font and not _TNR_FACE.fullmatch(s.font) and i <= len(shown) and shown[i - 1]
    ]
    if bad:
        fonts = ", ".join(sorted({f for _, f in bad}))
        every = Span(1, 1, len(styles), 1)  # the font is set on every run, not only the lines counted
        yield Hit(
            Span.at(bad[0][0]), {"count": len(bad), "fonts": fonts}, Fix("safe", "", every, (("font", _TNR),))
        )


def _page(ctx):
    src = ctx.source
    return getattr(src, "page", None) if src is not None else None


@rule(
    code="VB502",
    example={"w": 215.9, "h": 279.4},
    name="page-not-a4",
    component=None,
    severity="error",
    message={
        "vi": "Khổ giấy {w:.0f}×{h:.0f} mm; quy định khổ A4 (210×297 mm).",
        "en": "Page size {w:.0f}×{h:.0f} mm; A4 (210×297 mm) is required.",
    },
    citation=f"{_ND30}; {_HD}",
    why={"vi": "Văn bản trình bày trên khổ A4 (210 mm × 297 mm).", "en": "Documents are laid out on A4."},
    bad="(.docx) Letter",
    good="(.docx) A4",
    fix="unsafe",  # a page of another size reflows every page; tables and images may not fit
)
def page_size(doc, ctx):
    p = _page(ctx)
    if p and not {round(p.width_mm), round(p.height_mm)} <= {209, 210, 211, 296, 297, 298}:
        yield Hit(
            Span.at(1),
            {"w": p.width_mm, "h": p.height_mm},
            Fix("unsafe", "", Span.at(1), (("page", (210, 297)),)),
        )


_MARGINS_STATE = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
_MARGINS_PARTY = {"top": (20, 20), "bottom": (20, 20), "left": (30, 30), "right": (15, 15)}
_SIDE_VI = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


@rule(
    code="VB503",
    example={"side": "trái", "side_en": "Left", "got": 20, "want": "30–35"},
    name="page-margins",
    component=None,
    severity="error",
    message={
        "vi": "Lề {side}: {got:.0f} mm; quy định {want} mm.",
        "en": "{side_en} margin: {got:.0f} mm; {want} mm required.",
    },
    citation=f"{_ND30}; {_HD}",
    why={
        "vi": "Nhà nước: lề trên, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm. Đảng: trên 20, dưới 20, trái 30, phải 15 mm.",
        "en": "State: top and bottom 20–25 mm, left 30–35, right 15–20. Party: 20, 20, 30, 15 mm.",
    },
    bad="(.docx) lề trái 20 mm",
    good="(.docx) lề trái 30 mm",
    fix="safe",  # the text reflows, its words and order do not change
)
def margins(doc, ctx):
    p = _page(ctx)
    if not p:
        return
    table = _MARGINS_STATE if ctx.profile in STATE_ALL else _MARGINS_PARTY
    for side, (lo, hi) in table.items():
        got = getattr(p, f"{side}_mm")
        if not lo - 0.5 <= got <= hi + 0.5:
            fix = Fix("safe", "", Span.at(1), ((f"margin_{side}", lo if got < lo else hi),))
            yield Hit(
                Span.at(1),
                {
                    "side": _SIDE_VI[side],
                    "side_en": side.capitalize(),
                    "got": got,
                    "want": f"{lo}" if lo == hi else f"{lo}–{hi}",
                },
                fix,
                # NĐ 78's margins were not read (standards-vbqppl §14): NĐ 30's, as a warning
                severity="warning" if ctx.profile == "state-vbqppl" else None,
            )


@rule(
    code="VB504",
    example={
        "text": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "found": "14 pt, không đậm",
        "want": "12–13 pt, đậm",
    },
    name="part-typography-state",
    component=None,
    severity="warning",
    profiles=STATE_ALL,
    message=_PART_MSG,
    citation="NĐ 30/2020, Phụ lục I, V (bảng chi tiết trình bày); VBQPPL: docs/standards-vbqppl.md §14",
    why={
        "vi": "Cỡ chữ, đậm, nghiêng của từng thành phần theo bảng Phụ lục I, mục V.",
        "en": "Size, bold and italic of each part follow the table of Phụ lục I, section V.",
    },
    bad="(.docx) Quốc hiệu 14 pt không đậm",
    good="(.docx) Quốc hiệu 12 pt đậm",
    fix="safe",
)
def state_parts(doc, ctx):
    yield from _check_parts(doc, ctx, _STATE)


@rule(
    code="VB505",
    example={"text": "CHÁNH VĂN PHÒNG", "found": "không đậm", "want": "đậm"},
    name="part-typography-party",
    component=None,
    severity="warning",
    profiles=PARTY,
    message=_PART_MSG,
    citation="HD 05-HD/VPTW, Phụ lục 2; HD 36-HD/VPTW, Phụ lục 2",
    why={
        "vi": "Cỡ chữ, đậm, nghiêng của từng thành phần theo Phụ lục 2 (tiêu đề 15 đậm; tên loại 15–16 đậm; chức vụ người ký 14 không đậm …).",
        "en": "Size, bold and italic of each part follow Phụ lục 2 (banner 15 bold; type name 15–16 bold; signer's title 14 not bold …).",
    },
    bad="(.docx) CHÁNH VĂN PHÒNG đậm",
    good="(.docx) CHÁNH VĂN PHÒNG không đậm",
    fix="safe",
)
def party_parts(doc, ctx):
    yield from _check_parts(doc, ctx, _PARTY)
