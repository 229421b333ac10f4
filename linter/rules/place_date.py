"""VB22x place_date: địa danh và ngày tháng năm."""

from datetime import date

from linter.diagnostics import Fix
from linter.rules.base import VBQPPL, Hit, rule

_CIT = "HD 36-HD/VPTW (địa danh, ngày tháng năm); HD 05-HD/VPTW, Phần II, 3.1.4; NĐ 30/2020, Phụ lục I, II.4"
_WHY = {
    "vi": "Ngày dưới 10 và tháng 1, 2 ghi thêm số 0; tháng 3–12 không có số 0.",
    "en": "Days below 10 and months 1 and 2 take a leading zero; months 3–12 do not.",
}


@rule(
    code="VB221",
    small_print=True,
    name="date-malformed",
    component="place_date",
    severity="error",
    message={
        "vi": 'Dòng địa danh, ngày tháng không đúng mẫu "<Địa danh>, ngày … tháng … năm …".',
        "en": 'The date line does not follow "<Place>, ngày … tháng … năm …".',
    },
    citation=_CIT,
    why={
        "vi": "Ghi đủ chữ ngày, tháng, năm; dấu phẩy sau địa danh.",
        "en": "The words ngày, tháng, năm in full; a comma after the place.",
    },
    bad="Hà Nội ngày 5/3/2021",
    good="Hà Nội, ngày 05 tháng 3 năm 2021",
)
def malformed(doc, ctx):
    p = doc.place_date
    # a legal normative document's place is "nếu có" (NĐ 78/2025, Điều 71.2.d): "Ngày 8 tháng 12 năm 2025"
    if p and (p.malformed or not p.place and ctx.profile not in VBQPPL):
        yield Hit(p.span())


@rule(
    code="VB222",
    small_print=True,  # (a day's or month's digit; on a scan often written in by hand)
    example={"fixed": "05", "value": "5"},
    name="date-missing-leading-zero",
    component="place_date",
    severity="error",
    fix="safe",
    message={
        "vi": 'Thiếu số 0: ghi "{fixed}" thay cho "{value}".',
        "en": 'Missing leading zero: write "{fixed}", not "{value}".',
    },
    citation=_CIT,
    why=_WHY,
    bad="ngày 5 tháng 1 năm 2021",
    good="ngày 05 tháng 01 năm 2021",
)
def missing_zero(doc, ctx):
    p = doc.place_date
    if not p:
        return
    for which, limit in (("day", 10), ("month", 3)):
        v = p.day if which == "day" else p.month
        if v is not None and v < limit:
            span, value = p.span(which), p.written(which)
            if span and not value.startswith("0"):
                yield Hit(span, {"fixed": f"0{v}", "value": value}, Fix("safe", f"0{v}", span))


@rule(
    code="VB223",
    small_print=True,
    example={"fixed": "3"},
    name="date-extra-leading-zero",
    component="place_date",
    severity="error",
    fix="safe",
    message={
        "vi": 'Tháng từ 3 đến 12 không ghi số 0: "tháng {fixed}".',
        "en": 'Months 3 to 12 take no leading zero: "tháng {fixed}".',
    },
    citation=_CIT,
    why=_WHY,
    bad="ngày 15 tháng 03 năm 2021",
    good="ngày 15 tháng 3 năm 2021",
)
def extra_zero(doc, ctx):
    p = doc.place_date
    if p and p.month is not None and p.month >= 3:
        span = p.span("month")
        if span and p.written("month").startswith("0"):
            yield Hit(span, {"fixed": str(p.month)}, Fix("safe", str(p.month), span))


def _date(p):
    try:
        return date(p.year, p.month, p.day)
    except (TypeError, ValueError):
        return None


@rule(
    code="VB224",
    example={"day": 31, "month": 2, "year": 2021},
    name="date-impossible",
    component="place_date",
    severity="error",
    message={
        "vi": "Ngày {day}/{month}/{year} không có trong lịch.",
        "en": "{day}/{month}/{year} is not a calendar date.",
    },
    citation=_CIT,
    why={
        "vi": "Ngày ban hành phải là một ngày có thật. Trên bản quét, ngày như vậy (và năm ở xa phía trước) "
        "thường là chữ số bị nhận dạng sai: vblint báo dòng cần đối chiếu (VB132) thay cho lỗi này.",
        "en": "The date of issue must exist. On a scan such a date (or a year far ahead) is most often a "
        "digit OCR misread: vblint asks for the line to be checked (VB132) instead.",
    },
    bad="ngày 31 tháng 02 năm 2021",
    good="ngày 28 tháng 02 năm 2021",
)
def impossible(doc, ctx):
    p = doc.place_date
    if p and None not in (p.day, p.month, p.year) and _date(p) is None:
        yield (
            _misread(p) if _scanned(ctx) else Hit(p.span(), {"day": p.day, "month": p.month, "year": p.year})
        )


def _scanned(ctx) -> bool:
    return getattr(ctx.source, "encoding", None) == "ocr"


def _misread(p) -> Hit:
    """On a scan, a date no calendar has ("ngày 37 tháng 3") or years ahead ("năm 3022") is a digit
    OCR misread far more often than a drafter's: the line is asked to be checked (VB132)."""
    return Hit(
        p.span(), {"what": "Dòng ngày tháng", "what_en": "The date line", "text": p.text}, rule="line-garbled"
    )


@rule(
    code="VB225",
    example={"day": 5, "month": 3, "year": 2031, "today": "22/11/2026"},
    name="date-in-future",
    component="place_date",
    severity="error",
    message={
        "vi": "Ngày ban hành {day:02d}/{month:02d}/{year} ở sau hôm nay ({today}).",
        "en": "The date of issue {day:02d}/{month:02d}/{year} is after today ({today}).",
    },
    citation=_CIT,
    why={
        "vi": "Ngày ban hành là ngày ký, không thể ở tương lai.",
        "en": "The date of issue is the signing date; it cannot be in the future.",
    },
    bad="ngày 05 tháng 3 năm 2031",
    good="ngày 05 tháng 3 năm 2021",
)
def future(doc, ctx):
    p = doc.place_date
    d = _date(p) if p else None
    if d and d > ctx.today and _scanned(ctx) and d.year > ctx.today.year + 1:
        yield _misread(p)
    elif d and d > ctx.today:
        yield Hit(
            p.span(),
            {"day": d.day, "month": d.month, "year": d.year, "today": ctx.today.strftime("%d/%m/%Y")},
        )
