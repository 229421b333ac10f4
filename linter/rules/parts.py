"""VB1xx: the parts of a document. Whether a part is required is said by schemas/ (each
constraint names its rule with "x-rule"); the rules are declared here so every code has one
home, and the out-of-place check (grammar recovery) runs here, with the parts one regime
requires that the schemas cannot tell (Quốc hiệu and Tiêu ngữ, a legal normative document's
Nơi nhận)."""

import re

from linter import codes
from linter import patterns as P
from linter.diagnostics import Span
from linter.lex import BANNER_LINES
from linter.profile import assembly
from linter.rules._shared import N78, PL1, VBQPPL_DOC, VBQPPL_SHARED
from linter.rules.base import ALL, STATE_ALL, VBQPPL, Hit, declare, rule

_HD = "QĐ 66-QĐ/TW, Điều 15; HD 36-HD/VPTW"
_ND = "NĐ 30/2020, Điều 8"
_VB = "VBQPPL: NĐ 78/2025, Điều 71.2 (docs/standards-vbqppl.md §16)"

_PARTS = [
    (
        "VB101",
        "banner",
        "tiêu đề / Quốc hiệu và Tiêu ngữ",
        "the banner (ĐẢNG CỘNG SẢN VIỆT NAM, or Quốc hiệu and Tiêu ngữ)",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
    ),
    ("VB102", "issuer", "tên cơ quan ban hành", "the issuing body", "TỈNH ỦY QUẢNG NINH\n*"),
    ("VB103", "number", "số và ký hiệu", "the number and symbol", "Số 400-TB/TU"),
    (
        "VB104",
        "place_date",
        "địa danh và ngày tháng năm ban hành",
        "the place and date of issue",
        "Quảng Ninh, ngày 26 tháng 10 năm 2021",
    ),
    ("VB105", "doc_type", "tên loại văn bản", "the type name", "THÔNG BÁO"),
    ("VB106", "subject", "trích yếu nội dung", "the summary (trích yếu)", "về việc triển khai …"),
    (
        "VB107",
        "addressees",
        'phần "Kính gửi:"',
        'the "Kính gửi:" block',
        "Kính gửi: - Các huyện ủy, thành ủy,",
    ),
    ("VB108", "body", "nội dung", "the body", "1. …"),
    (
        "VB109",
        "signature",
        "quyền hạn, chức vụ, họ tên người ký",
        "the signature block",
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A",
    ),
    (
        "VB110",
        "recipients",
        'phần "Nơi nhận:"',
        'the "Nơi nhận:" block',
        "Nơi nhận:\n- Như trên,\n- Lưu Văn phòng Tỉnh ủy.",
    ),
]

for code, comp, vi, en, good in _PARTS:
    declare(
        code=code,
        name=f"missing-{comp.replace('_', '-')}",
        component=comp,
        severity="error",
        under_seal=comp == "signature",
        message={
            "vi": f"Thiếu {vi} (bắt buộc với {{doc_type_vi}}).",
            "en": f"Missing {en} (required for {{doc_type_en}}).",
        },
        citation=f"{_HD}; {_ND}; {_VB}",
        why={
            "vi": f"Thể thức văn bản bắt buộc có {vi}; loại văn bản nào cần thành phần nào do schemas/ quy định.",
            "en": f"The layout requires {en}; which types need which parts is set in schemas/.",
        },
        bad="(thành phần bị bỏ trống)",
        good=good,
        example={"doc_type_vi": "thông báo", "doc_type_en": "thong_bao"},
        stage="schema",
    )

declare(
    code="VB111",
    stage="schema",
    example={"doc_type_vi": "Quyết định", "doc_type_en": "quyet_dinh"},
    name="unexpected-addressees",
    component="addressees",
    severity="error",
    message={
        "vi": '{doc_type_vi} không dùng "Kính gửi:"; chỉ công văn, tờ trình (và báo cáo gửi cấp trên) có phần này.',
        "en": 'A {doc_type_en} takes no "Kính gửi:"; only công văn, tờ trình (and báo cáo sent upward) do.',
    },
    citation="HD 36-HD/VPTW (nơi nhận); NĐ 30/2020, Phụ lục I, II.9",
    why={
        "vi": '"Kính gửi" chỉ dùng cho công văn, tờ trình và báo cáo gửi cấp trên.',
        "en": '"Kính gửi" is only for công văn, tờ trình and báo cáo sent upward.',
    },
    bad="QUYẾT ĐỊNH\n…\nKính gửi: Các sở, ngành.",
    good="QUYẾT ĐỊNH\n…",
)


_NAMES = {
    "NUMBER": ("Số và ký hiệu", "The number"),
    "PLACE_DATE": ("Địa danh, ngày tháng", "The date line"),
    "BANNER": ("Tiêu đề", "The banner"),
    "STAR": ('Dấu "*"', 'The "*"'),
    "ISSUER": ("Dòng tên cơ quan", "An issuer line"),
}


@rule(
    code="VB112",
    example={"what": "Số và ký hiệu", "what_en": "The number"},
    name="misplaced-part",
    component=None,
    severity="warning",
    message={
        "vi": "{what} nằm sai vị trí trong bố cục văn bản.",
        "en": "{what_en} is out of place in the layout.",
    },
    citation=_HD,
    profiles=ALL,
    why={
        "vi": "Các thành phần thể thức có vị trí cố định: tiêu đề, cơ quan, số, ngày; tên loại và trích yếu; nội dung; nơi nhận và chữ ký.",
        "en": "The parts have a fixed order: header, type and summary, body, recipients and signature.",
    },
    bad="THÔNG BÁO\n…\nSố 400-TB/TU",
    good="Số 400-TB/TU\n…\nTHÔNG BÁO",
)
def misplaced(doc, ctx):
    mixed = ctx.choice is not None and ctx.choice.mixed
    yield from _header_copies(doc)
    for row in doc.strays:
        if mixed and row.role in BANNER_LINES or row.role == "NOISE":
            continue  # a second banner of the other regime: mixed-regime; an unreadable line: VB132
        yield _misplaced(doc, row, (f'Dòng "{row.line.text[:30]}"', f'The line "{row.line.text[:30]}"'))


def _misplaced(doc, row, unnamed: tuple[str, str], skip=None) -> Hit:
    """VB112 on a line: what it is, and where it belongs."""
    vi, en = _NAMES.get(row.role, unnamed)
    home_vi, home_en = _home(doc, row, skip)
    n = row.line.line
    return Hit(
        row.line.span(), {"what": f"{vi} (dòng {n}; {home_vi})", "what_en": f"{en} (line {n}; {home_en})"}
    )


# Where a part belongs: the zone of the page its line type lives in, and the components there.
_ZONES = {
    "header": (("issuer", "banner", "number", "place_date"), "phần đầu văn bản", "the header"),
    "title": (("doc_type", "subject"), "phần tên loại và trích yếu", "the type name and summary"),
    "closing": (("recipients", "signature"), "phần nơi nhận và chữ ký", "the recipients and signature"),
}
_ZONE_OF = {
    **dict.fromkeys(
        ("NUMBER", "PLACE_DATE", "BANNER", "QUOC_HIEU", "TIEU_NGU", "STAR", "ISSUER", "MARK"), "header"
    ),
    **dict.fromkeys(("DOC_TYPE", "SUBJECT", "VV"), "title"),
    **dict.fromkeys(
        ("NOI_NHAN", "RECIPIENT", "AUTHORITY", "AUTHORITY_CONT", "SIGNER_TITLE", "SIGNER_NAME"), "closing"
    ),
}


def _home(doc, row, skip=None) -> tuple[str, str]:
    """Where the misplaced line belongs, in words and with the lines of that part when found."""
    zone = _ZONE_OF.get(row.role)
    if zone is None:
        return "không thuộc phần nào ở vị trí này", "no part takes it where it stands"
    comps, vi, en = _ZONES[zone]
    lines = [x for k in comps for x in doc.lines_of(k) if x is not skip]
    if not lines:
        return f"thuộc {vi}", f"it belongs in {en}"
    a, b = min(x.line for x in lines), max(x.end_line for x in lines)
    return f"thuộc {vi}, dòng {a}–{b}", f"it belongs in {en}, lines {a}–{b}"


def _runs(toks, keep) -> list[list]:
    """Consecutive runs of the tokens keep() accepts."""
    runs: list[list] = []
    for prev, t in zip([None, *toks], toks):
        if keep(t):
            if runs and prev is not None and keep(prev):
                runs[-1].append(t)
            else:
                runs.append([t])
    return runs


def _header_copies(doc):
    """A header read after the body (pages out of order) and each copy of the header inside the
    body (a second page's header, a page scanned twice): one report each, with both places."""
    rows = doc.moved
    if not rows:
        return
    first = min((x.line.line for x in rows if not x.moved), default=1)
    for x in rows:
        if x.moved == "part":  # a header part read with the header
            yield _misplaced(doc, x, ("Dòng", "The line"), skip=x.line)
    for run in _runs(rows, lambda x: x.moved == "header"):
        a, b = run[0].line.line, run[-1].line.end_line
        yield Hit(
            Span(a, 1, b, len(run[-1].line.text) + 1),
            {
                "what": f"Phần đầu văn bản (dòng {a}–{b}; phải đứng đầu văn bản, trước dòng {first})",
                "what_en": f"The header (lines {a}–{b}; it belongs at the top, before line {first})",
            },
        )
    head = [x for k in ("issuer", "banner", "number", "place_date") for x in doc.lines_of(k)]
    where = f"{min(x.line for x in head)}–{max(x.end_line for x in head)}" if head else "?"
    for run in _runs(rows, lambda x: x.role == "REPEAT"):
        a, b = run[0].line.line, run[-1].line.end_line
        yield Hit(
            Span(a, 1, b, len(run[-1].line.text) + 1),
            {
                "what": f"Phần đầu văn bản lặp lại (dòng {a}–{b}; đã có ở dòng {where})",
                "what_en": f"A repeated header (lines {a}–{b}; already at lines {where})",
            },
        )


@rule(
    code="VB113",
    name="state-missing-national-title",
    component="banner",
    severity="error",
    profiles=STATE_ALL,
    message={
        "vi": 'Thiếu Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" trên Tiêu ngữ.',
        "en": 'The national title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" is missing above the motto.',
    },
    citation=f"{PL1}, II.1; {VBQPPL_SHARED} §3",
    why={"vi": "Quốc hiệu và Tiêu ngữ là ô số 1.", "en": "Ô 1 is the national title and motto."},
    bad="Độc lập - Tự do - Hạnh phúc",
    good="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
)
def no_title(doc, ctx):
    b = doc.components["banner"]
    if b and b["kind"] == "state" and not b["national_title"]:
        yield Hit(doc.span("banner"))


@rule(
    code="VB114",
    name="state-missing-motto",
    component="banner",
    severity="error",
    profiles=STATE_ALL,
    message={
        "vi": 'Thiếu Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" dưới Quốc hiệu.',
        "en": 'The motto "Độc lập - Tự do - Hạnh phúc" is missing under the national title.',
    },
    citation=f"{PL1}, II.1; {VBQPPL_SHARED} §3",
    why={"vi": "Quốc hiệu và Tiêu ngữ là ô số 1.", "en": "Ô 1 is the national title and motto."},
    bad="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    good="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
)
def no_motto(doc, ctx):
    b = doc.components["banner"]
    if b and b["kind"] == "state" and not b["motto"]:
        yield Hit(doc.span("banner"))


@rule(
    code="VB115",
    name="vbqppl-recipients-missing",
    component="recipients",
    severity="warning",
    profiles=VBQPPL,
    example={"doc_type_vi": "nghị định"},
    message={
        "vi": 'Thiếu phần "Nơi nhận:" của {doc_type_vi} (cơ quan kiểm tra văn bản, Công báo, nơi thi hành, "- Lưu: VT, …").',
        "en": 'The {doc_type_vi} has no "Nơi nhận:" (the reviewing body, the Official Gazette, those who apply it, "- Lưu: VT, …").',
    },
    citation=f"{N78}, Điều 71.2.k; {VBQPPL_DOC} §11",
    why={
        "vi": 'Nghị định cho "nơi nhận (nếu có)"; trừ luật, pháp lệnh, lệnh và nghị quyết của Quốc hội, mọi văn bản quy phạm pháp luật được gửi cơ quan kiểm tra văn bản và Công báo nên luôn có Nơi nhận kết thúc bằng dòng lưu.',
        "en": 'The decree says "nơi nhận (if any)"; except for laws, ordinances, orders and resolutions of the National Assembly, every legal normative document is sent for review and publication, so it carries a Nơi nhận ending with the file-copy line.',
    },
    bad="… /. (chữ ký, không có Nơi nhận)",
    good="Nơi nhận:\n- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính (Bộ Tư pháp);\n- Công báo;\n- Lưu: VT, PC.",
)
def recipients_missing(doc, ctx):
    if "recipients" in ctx.source.omitted:
        return  # a copy whose publisher leaves the part out (the Official Gazette's)
    c = doc.components
    tail = doc.lines[-40:]
    listed = any(P.luu_line(x.text) for x in tail) or _ITEMS.search(" ".join(x.text for x in tail))
    if c["recipients"] is None and c["signature"] and not assembly(doc) and not listed:
        yield Hit(doc.span("signature"), {"doc_type_vi": codes.type_vi(doc.doc_type)})


# a list the reader did not take for the part, without its "Nơi nhận:" label: a "Lưu …" line, or
# items run together on one line ("- Chính phủ; - Ban Tổ chức Trung ương; - …")
_ITEMS = re.compile(r";\s*-\s.*;\s*-\s")
