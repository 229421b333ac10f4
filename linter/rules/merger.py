"""VB23x: place names after the 2025 reform (34 provinces, no district level from 1/7/2025).

Which names changed, and when, is data (linter/data/units.json, read by linter.units)."""

from datetime import date

from linter.diagnostics import Fix
from linter.rules.base import Hit, rule
from linter.units import district_mentions, lookup_place

# Documents dated before this day are never flagged: the old names were right then.
CUTOVER = date(2025, 7, 1)

_CIT = "NQ 202/2025/QH15; Hiến pháp sửa đổi 2025, Điều 110; NĐ 30/2020, Phụ lục I, II.4"
_CHANGE = {"merged": ("đã hợp nhất vào", "was merged into"), "became": ("đã trở thành", "became")}


def _vi_date(d: date) -> str:
    """01/7/2025, 01/01/2025: the date-line convention (zero before days < 10 and months 1–2)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d.month < 3 else f"{d.day:02d}/{d.month}/{d.year}"


def doc_date(doc) -> date | None:
    """The issue date, when the date line gives it; a bare year after the cut-over's counts as 31/12."""
    p = doc.place_date
    if not p or p.year is None:
        return None
    try:
        return date(p.year, p.month, p.day)
    except (TypeError, ValueError):
        return date(p.year, 12, 31) if p.year > CUTOVER.year else None


def _place(doc):
    """(place text, its span) of the date line, or (None, None)."""
    p = doc.place_date
    if not p or not p.place:
        return None, None
    return p.place, p.span("place")


@rule(
    code="VB231",
    example={
        "old": "Kiên Giang",
        "new": "An Giang",
        "change_vi": "đã hợp nhất vào",
        "change_en": "was merged into",
        "since_vi": "01/7/2025",
        "since_en": "1 July 2025",
    },
    name="place-merged-province",
    component="place_date",
    severity="warning",
    fix="unsafe",
    message={
        "vi": "{old} {change_vi} {new} từ {since_vi}: địa danh ghi theo đơn vị hành chính hiện hành.",
        "en": "{old} {change_en} {new} on {since_en}: the place is the current administrative unit.",
    },
    citation=_CIT,
    why={
        "vi": "Từ 01/7/2025 cả nước có 34 tỉnh, thành phố (NQ 202/2025/QH15); 29 tỉnh cũ đã hợp nhất. "
        "Địa danh là tên đơn vị hành chính nơi cơ quan đóng trụ sở; văn bản trước ngày đó giữ tên cũ.",
        "en": "From 1 July 2025 Vietnam has 34 provinces and cities (NQ 202/2025/QH15); 29 old ones were "
        "merged. The place is the unit where the issuer sits; documents dated earlier keep the old name.",
    },
    bad="Kiên Giang, ngày 10 tháng 9 năm 2025",
    good="An Giang, ngày 10 tháng 9 năm 2025",
)
def merged_province(doc, ctx):
    on = doc_date(doc)
    place, span = _place(doc)
    if not place or not on or on < CUTOVER:
        return
    st = lookup_place(place, on)
    if st.kind != "merged-province":
        return
    vi, en = _CHANGE.get(st.change, _CHANGE["merged"])
    yield Hit(
        span,
        {
            "old": st.name,
            "new": st.merged_into,
            "change_vi": vi,
            "change_en": en,
            "since_vi": _vi_date(st.since),
            "since_en": st.since.isoformat(),
        },
        Fix("unsafe", st.merged_into, span),
    )


@rule(
    code="VB232",
    example={"unit": "Diễn Châu"},
    name="place-district-level",
    component=None,
    severity="warning",
    message={
        "vi": '"{unit}": cấp huyện không còn từ 01/7/2025; ghi tên tỉnh, thành phố hoặc xã, phường, '
        "đặc khu hiện hành.",
        "en": '"{unit}": the district level was abolished on 1 July 2025; use the current province, '
        "city or commune (xã, phường, đặc khu).",
    },
    citation=_CIT,
    why={
        "vi": "Hiến pháp sửa đổi 2025 (Điều 110) tổ chức chính quyền địa phương hai cấp: bỏ huyện, quận, "
        "thị xã, thành phố thuộc tỉnh từ 01/7/2025. Văn bản từ ngày đó không còn cơ quan ban hành "
        'hay địa danh cấp huyện (UBND HUYỆN …, HUYỆN ỦY …, "Huyện …, ngày …").',
        "en": "The 2025 constitutional amendment (Art. 110) makes local government two-tier: huyện, quận, "
        "thị xã and provincial towns are gone from 1 July 2025, so later documents have no "
        "district-level issuer or place.",
    },
    bad="HUYỆN ỦY DIỄN CHÂU … Diễn Châu, ngày 10 tháng 9 năm 2025",
    good="ĐẢNG ỦY XÃ DIỄN CHÂU … Diễn Châu, ngày 10 tháng 9 năm 2025",
)
def district_level(doc, ctx):
    on = doc_date(doc)
    if not on or on < CUTOVER:
        return
    place, span = _place(doc)
    if place and lookup_place(place, on).kind == "district-level":
        yield Hit(span, {"unit": place})
    lines = doc.lines_of("issuer")
    if not lines:
        return
    starts, pos = [], 0
    for x in lines:  # the issuer lines joined, and where each starts
        starts.append(pos)
        pos += len(x.text) + 1
    for m in district_mentions("\n".join(x.text for x in lines), on):
        k = max(i for i, s in enumerate(starts) if s <= m.start)
        a = m.start - starts[k]
        b = min(m.end - starts[k], len(lines[k].text))
        yield Hit(lines[k].span(a, b), {"unit": m.unit})
