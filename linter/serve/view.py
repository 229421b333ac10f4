"""view: a FileResult laid out as the page shows it — the header's two columns, type and
summary, body, the Nơi nhận and signature columns — each part with its lines and the
diagnostics that point into it; a part the document lacks is an empty slot holding its
"missing" diagnostic. Every diagnostic is placed exactly once. Plain data for the template."""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.diagnostics import Diagnostic
from linter.rules.ocr import split_lines

LABELS = {
    "marks": ("Mức độ mật, khẩn", "Secrecy and urgency"),
    "issuer": ("Cơ quan ban hành", "Issuing body"),
    "banner": ("Quốc hiệu, Tiêu ngữ / Tiêu đề", "National title and motto / banner"),
    "number": ("Số, ký hiệu", "Number and symbol"),
    "place_date": ("Địa danh, ngày tháng", "Place and date"),
    "doc_type": ("Tên loại văn bản", "Type name"),
    "subject": ("Trích yếu", "Summary"),
    "addressees": ("Kính gửi", "Addressees"),
    "body": ("Nội dung", "Body"),
    "recipients": ("Nơi nhận", "Recipients"),
    "signature": ("Chữ ký", "Signature"),
    "other": ("Ngoài các thành phần", "Outside the parts"),
}
# where each part sits on the page: (row, column); the header and the footer have two columns
ROWS = (
    ("marks", (("marks",),)),
    ("header", (("issuer", "number"), ("banner", "place_date"))),
    ("title", (("doc_type", "subject"),)),
    ("addressees", (("addressees",),)),
    ("body", (("body",),)),
    ("footer", (("recipients",), ("signature",))),
)


@dataclass
class Line:
    number: int
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass
class Part:
    name: str
    label: str
    lines: list[Line] = field(default_factory=list)
    missing: list[Diagnostic] = field(default_factory=list)  # the part is absent: why it should be there
    review: bool = False  # read through OCR repairs


@dataclass
class Page:
    rows: list[tuple[str, list[list[Part]]]]  # (row name, columns of parts)
    other: Part
    general: list[Diagnostic]  # about the whole file: input, profile, typography of the page
    counts: dict[str, int]
    passed: bool
    profile: str | None
    doc_type: str | None


def build(res, lang: str = "vi") -> Page:
    en = lang == "en"
    texts = [t for _, t in split_lines(res.text or "")]
    comps = res.components or {}
    owner: dict[int, str] = {}
    for name, c in comps.items():
        if c and name in LABELS:
            for n in range(c["line"], c["end_line"] + 1):
                owner.setdefault(n, name)
    parts = {name: Part(name, LABELS[name][en]) for name in LABELS}
    for name, c in comps.items():
        if c and name in parts:
            parts[name].review = c.get("status") == "needs_review"
            parts[name].lines = [
                Line(n, texts[n - 1]) for n in range(c["line"], c["end_line"] + 1) if n <= len(texts)
            ]
    for n, t in enumerate(texts, 1):
        if n not in owner and t.strip():
            parts["other"].lines.append(Line(n, t))
    at = {ln.number: ln for p in parts.values() for ln in p.lines}
    general = []
    for d in res.diagnostics:
        comp = d.component if d.component in parts else None
        s = d.span
        if comp and not comps.get(comp):
            parts[comp].missing.append(d)  # "Thiếu …": shown in the empty slot
        elif d.component is None and (s.line, s.column) == (s.end_line, s.end_column):
            general.append(d)  # about the whole document: input, regime, page set-up, font
        elif s.line in at:
            at[s.line].diagnostics.append(d)
        else:
            general.append(d)
    c = res.counts()
    rows = [
        (row, [[parts[n] for n in col if parts[n].lines or parts[n].missing] for col in cols])
        for row, cols in ROWS
    ]
    rows = [(row, cols) for row, cols in rows if any(cols)]
    return Page(rows, parts["other"], general, c, c["error"] == 0 and res.readable, res.profile, res.doc_type)
