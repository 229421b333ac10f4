"""VB20x–21x number: số và ký hiệu, of every regime (profiles= says whose form a rule judges):
the Party's (VB201–209), one no form reads (VB210), the State's (VB211–215) and the legal
normative documents' year (VB216–218)."""

import re
from datetime import date

from linter import codes
from linter.diagnostics import Fix
from linter.profile import consolidated, issue_date, legal_date
from linter.rules._shared import L64, N34, N78, PL1, PL3, VBQPPL_DOC, VBQPPL_SHARED
from linter.rules.base import PARTY, STATE, STATE_ALL, VBQPPL, Hit, rule

_CIT = "HD 36-HD/VPTW, 1.3 (số và ký hiệu); HD 05-HD/VPTW, Phần II, 3.1"


@rule(
    code="VB201",
    example={"raw": "400-TB/TU"},
    regime_form=True,
    name="number-missing-so",
    component="number",
    severity="error",
    fix="safe",
    message={
        "vi": 'Số văn bản thiếu chữ "Số" đứng trước: viết "Số {raw}".',
        "en": 'The number lacks the word "Số" before it: write "Số {raw}".',
    },
    citation=_CIT,
    profiles=PARTY,
    why={
        "vi": 'Số và ký hiệu văn bản Đảng viết "Số <số>-<loại>/<cơ quan>".',
        "en": 'A Party number is written "Số <n>-<type>/<issuer>".',
    },
    bad="400-TB/TU",
    good="Số 400-TB/TU",
)
def missing_so(doc, ctx):
    n = doc.number
    if n and not n.label:
        yield Hit(n.line.span(0, len(n.raw)), {"raw": n.raw}, Fix("safe", "Số ", n.line.span(0, 0)))


@rule(
    code="VB202",
    small_print=True,
    regime_form=True,
    name="number-colon",
    component="number",
    severity="error",
    fix="safe",
    message={
        "vi": 'Văn bản Đảng không có dấu hai chấm sau chữ "Số" ("Số: …" là cách viết của văn bản Nhà nước).',
        "en": 'Party documents put no colon after "Số" ("Số: …" is the State form).',
    },
    citation=_CIT,
    profiles=PARTY,
    why={
        "vi": 'HD 36/HD 05: "Số 127-QĐ/TW", không có dấu hai chấm.',
        "en": 'HD 36/HD 05: "Số 127-QĐ/TW", with no colon.',
    },
    bad="Số: 400-TB/TU",
    good="Số 400-TB/TU",
)
def colon(doc, ctx):
    n = doc.number
    if n and n.colon and n.form != "state":  # a State-form number is VB208's, colon and all
        t = n.line.text
        i = t.index(":")
        j = i + 1
        while j < len(t) and t[j] == " ":
            j += 1
        yield Hit(
            n.line.span(i, i + 1), fix=Fix("safe", " " if t[i - 1 : i] != " " else "", n.line.span(i, j))
        )


@rule(
    code="VB203",
    example={"fixed": "Số 400-TB/TU"},
    small_print=True,
    name="number-spacing",
    component="number",
    severity="error",
    fix="safe",
    message={
        "vi": 'Không để dấu cách quanh "-" hoặc "/" trong số và ký hiệu: viết "{fixed}".',
        "en": 'No spaces around "-" or "/" in the number: write "{fixed}".',
    },
    citation=_CIT,
    why={
        "vi": 'Số và ký hiệu viết liền: "400-TB/TU", "15/QĐ-BNV".',
        "en": 'The number is written without spaces: "400-TB/TU", "15/QĐ-BNV".',
    },
    bad="Số 400 - TB/TU",
    good="Số 400-TB/TU",
)
def spacing(doc, ctx):
    """(Not on a PDF or a scan, whose spaces are placed from where the glyphs stand: an e-signing
    tool stamps the number into its blank, "Số:  779    /QĐ-UBND".)"""
    n = doc.number
    if n and not ctx.spaces_placed and re.search(r"\s[-/]|[-/]\s", n.raw):
        fixed = re.sub(r"\s*([-/])\s*", r"\1", n.raw)
        span = n.span("raw")
        yield Hit(span, {"fixed": fixed}, Fix("safe", fixed, span))


@rule(
    code="VB204",
    example={"code": "XY"},
    small_print=True,
    name="number-unknown-type-code",
    component="number",
    severity="error",
    message={
        "vi": 'Ký hiệu loại "{code}" không có trong danh mục viết tắt tên loại văn bản của Đảng.',
        "en": 'Type code "{code}" is not a Party document type abbreviation.',
    },
    citation="HD 36-HD/VPTW, 1.3; HD 05-HD/VPTW, Phần II, 3.1.2",
    profiles=PARTY,
    why={
        "vi": "Chữ viết tắt tên loại theo danh mục: NQ, QĐ, CT, KL, QC, TT, TTr, CTr, BC, TB, HD, KH, CV…",
        "en": "Type abbreviations follow the list: NQ, QĐ, CT, KL, QC, TT, TTr, CTr, BC, TB, HD, KH, CV…",
    },
    bad="Số 12-XY/TU",
    good="Số 12-KH/TU",
)
def unknown_type(doc, ctx):
    n = doc.number
    if n and n.form == "party" and n.type_code not in codes.PARTY_TYPE_CODES:
        yield Hit(n.span("type_code"), {"code": n.type_code})


@rule(
    code="VB205",
    example={"code": "CT", "want": "TB", "doc_type_vi": "thông báo", "doc_type_en": "thong_bao"},
    name="number-type-mismatch",
    component="number",
    severity="error",
    message={
        "vi": 'Ký hiệu loại "{code}" không khớp tên loại {doc_type_vi} (cần "{want}").',
        "en": 'Type code "{code}" does not match the type {doc_type_en} (expected "{want}").',
    },
    citation="HD 36-HD/VPTW, 1.3",
    profiles=PARTY,
    why={
        "vi": "Ký hiệu loại trong số phải là chữ viết tắt của chính tên loại văn bản.",
        "en": "The number's type code must abbreviate the document's own type.",
    },
    bad='THÔNG BÁO numbered "Số 12-CT/TU"',
    good='THÔNG BÁO numbered "Số 12-TB/TU"',
)
def type_mismatch(doc, ctx):
    n = doc.number
    if not n or n.form != "party" or doc.doc_type_source != "heading":
        return
    types = codes.PARTY_TYPE_CODES.get(n.type_code)
    if types is None or doc.doc_type in types:
        return
    want = [c for c, ts in codes.PARTY_TYPE_CODES.items() if doc.doc_type in ts and c != "QĐi"]
    if want:
        yield Hit(
            n.span("type_code"),
            {
                "code": n.type_code,
                "want": want[0],
                "doc_type_vi": codes.type_vi(doc.doc_type),
                "doc_type_en": doc.doc_type,
            },
        )


@rule(
    code="VB206",
    name="number-legacy-qdi",
    component="number",
    severity="warning",
    fix="safe",
    message={
        "vi": 'Ký hiệu "QĐi" của quy định đã thôi dùng từ 11/3/2019 (Công văn 3294-CV/VPTW/nb): viết "QĐ".',
        "en": 'The quy định code "QĐi" was retired on 11/3/2019 (CV 3294-CV/VPTW/nb): write "QĐ".',
    },
    citation="CV 3294-CV/VPTW/nb (11/3/2019); HD 05-HD/VPTW, Phần II, 3.1.2",
    profiles=PARTY,
    why={
        "vi": "Từ 11/3/2019 quy định của Đảng dùng ký hiệu QĐ như quyết định.",
        "en": "Since 11/3/2019 a Party quy định uses the code QĐ, like a quyết định.",
    },
    bad="Số 08-QĐi/TU (2020)",
    good="Số 08-QĐ/TU",
)
def legacy_qdi(doc, ctx):
    n = doc.number
    if not n or n.type_code != "QĐi":
        return
    pd = doc.place_date
    if pd and pd.year and pd.month and pd.day:
        try:
            if date(pd.year, pd.month, pd.day) < date(*codes.QDI_CUTOFF):
                return
        except ValueError:
            pass
    span = n.find("QĐi")
    yield Hit(span, fix=Fix("safe", "QĐ", span))


@rule(
    code="VB207",
    example={"fixed": "15", "written": "015"},
    name="number-leading-zero",
    component="number",
    severity="warning",
    fix="safe",
    message={
        "vi": 'Số thứ tự viết "{fixed}", không phải "{written}": số nhỏ hơn 10 có một số 0 đứng trước, từ 10 trở lên thì không.',
        "en": 'Write the sequence number "{fixed}", not "{written}": below 10 with one leading zero, from 10 on with none.',
    },
    citation=f"{_CIT}; NĐ 30/2020, Phụ lục I, II.3",
    why={
        "vi": "Số văn bản dưới 10 ghi thêm số 0 phía trước (01, 02 … 09); từ 10 trở đi ghi số tự nhiên (10, 15, 127), không thêm số 0.",
        "en": "Numbers below 10 take a leading zero (01, 02 … 09); from 10 on they are written plainly (10, 15, 127).",
    },
    bad="Số 5-KH/TU; Số: 015/UBND-VP",
    good="Số 05-KH/TU; Số: 15/UBND-VP",
)
def leading_zero(doc, ctx):
    n = doc.number
    written = n.seq_text if n else ""
    if not written.isdigit():
        return
    fixed = f"{n.seq:02d}" if n.seq < 10 else str(n.seq)
    if written != fixed and n.seq > 0:
        span = n.span("seq")
        yield Hit(span, {"fixed": fixed, "written": written}, Fix("safe", fixed, span))


@rule(
    code="VB208",
    example={"text": "Số: 15/QĐ-TU"},
    small_print=True,
    regime_form=True,
    name="number-state-form",
    component="number",
    severity="error",
    message={
        "vi": 'Số "{text}" viết theo kiểu văn bản Nhà nước; văn bản Đảng viết "Số <số>-<loại>/<cơ quan>".',
        "en": 'The number "{text}" has the State form; a Party number is "Số <n>-<type>/<issuer>".',
    },
    citation=_CIT,
    profiles=PARTY,
    why={
        "vi": "Văn bản Đảng: gạch nối sau số, gạch chéo trước ký hiệu cơ quan (Số 127-QĐ/TW).",
        "en": "Party: hyphen after the number, slash before the issuer (Số 127-QĐ/TW).",
    },
    bad="Số: 15/QĐ-TU",
    good="Số 15-QĐ/TU",
)
def state_form(doc, ctx):
    n = doc.number
    if n and n.form == "state":
        yield Hit(n.span(), {"text": n.text})


@rule(
    code="VB209",
    example={"code": "HU", "what": "huyện ủy"},
    name="issuer-code-obsolete",
    component="number",
    severity="warning",
    profiles=PARTY,
    message={
        "vi": 'Ký hiệu cơ quan "{code}" ({what}) không còn từ 01/7/2025 (sắp xếp tổ chức bộ máy, bỏ cấp huyện).',
        "en": 'The issuer code "{code}" ({what}) no longer exists from 01/7/2025 (reorganisation, no district level).',
    },
    citation="HD 05-HD/VPTW, Phần II, 3.1.2.b; NQ 202/2025/QH15",
    why={
        "vi": "Từ 01/7/2025 không còn cấp ủy cấp huyện (HU, QU) và Ban Tuyên giáo, Ban Dân vận hợp nhất thành Ban Tuyên giáo và Dân vận (BTGDVTU).",
        "en": "From 01/7/2025 there are no district committees (HU, QU), and the propaganda and mass-mobilisation boards merged (BTGDVTU).",
    },
    bad="Số 12-CV/HU (2026)",
    good="Số 12-CV/ĐU",
)
def obsolete_issuer(doc, ctx):
    n = doc.number
    when = issue_date(doc)
    if not (n and n.form == "party" and when and when >= date(*codes.REORG_FROM)):
        return
    for part in (n.issuer_code or "").split("-"):
        if part in codes.OBSOLETE_PARTY_ISSUERS:
            yield Hit(n.find(part, last=True), {"code": part, "what": codes.OBSOLETE_PARTY_ISSUERS[part]})


# the form each regime writes, for VB210's message
_FORMS = {"party-hd36": "Số 127-QĐ/TW", "party-hd05": "Số 127-QĐ/TW", "state-nd30": "Số: 15/QĐ-UBND"}


@rule(
    code="VB210",
    example={"raw": "03/2026-BCT", "want": "Số: 12/2025/NĐ-CP"},
    name="number-malformed",
    component="number",
    severity="error",
    message={
        "vi": 'Số và ký hiệu "{raw}" không đúng mẫu (một phần bị mất hoặc sai dấu nối): viết như "{want}".',
        "en": 'The number "{raw}" does not have the set form (a part lost or a wrong separator): write it as "{want}".',
    },
    citation=f"{_CIT}; {PL1}, II.3; {VBQPPL_SHARED} §3",
    why={
        "vi": "Số và ký hiệu gồm số thứ tự, (năm ban hành với văn bản quy phạm pháp luật), chữ viết tắt tên "
        'loại và tên cơ quan, nối bằng dấu gạch theo mẫu của chế độ văn bản: "Số 127-QĐ/TW", "Số: '
        '15/QĐ-UBND", "Số: 12/2025/NĐ-CP". Một số có nhãn "Số" mà không đọc được theo mẫu nào vẫn là số '
        "của văn bản: báo sai dạng, không báo thiếu.",
        "en": "A number is the running number, (the year, for a legal normative document), the type's "
        'and the issuer\'s abbreviations, joined by the regime\'s separators: "Số 127-QĐ/TW", "Số: '
        '15/QĐ-UBND", "Số: 12/2025/NĐ-CP". A labelled number that no form reads is still the '
        "document's number: reported malformed, not missing.",
    },
    bad="Số: 03/2026-BCT",
    good="Số: 03/2026/TT-BCT",
)
def malformed(doc, ctx):
    n = doc.number
    if n and n.form == "malformed":
        yield Hit(n.span("raw"), {"raw": n.raw, "want": _FORMS.get(ctx.profile, "Số: 12/2025/NĐ-CP")})


@rule(
    code="VB211",
    small_print=True,
    regime_form=True,
    name="state-number-colon-missing",
    component="number",
    severity="error",
    fix="safe",
    profiles=STATE_ALL,
    message={
        "vi": 'Văn bản Nhà nước ghi "Số:" có dấu hai chấm.',
        "en": 'State documents write "Số:" with a colon.',
    },
    citation=f"{PL1}, II.3; {VBQPPL_SHARED} §3",
    why={
        "vi": 'Từ "Số" viết thường, sau có dấu hai chấm: "Số: 15/QĐ-BNV".',
        "en": 'The word "Số" is followed by a colon: "Số: 15/QĐ-BNV".',
    },
    bad="Số 15/QĐ-UBND",
    good="Số: 15/QĐ-UBND",
)
def colon_missing(doc, ctx):
    n = doc.number
    if n and n.label and not n.colon and n.form == "state":
        k = len(n.label)
        yield Hit(n.span("label"), fix=Fix("safe", ":", n.line.span(k, k)))


@rule(
    code="VB212",
    example={"text": "Số: 15-QĐ/UBND"},
    small_print=True,
    regime_form=True,
    name="state-number-form",
    component="number",
    severity="error",
    profiles=STATE_ALL,
    message={
        "vi": 'Số "{text}" viết theo kiểu văn bản Đảng; văn bản Nhà nước viết "Số: <số>/<loại>-<cơ quan>".',
        "en": 'The number "{text}" has the Party form; a State number is "Số: <n>/<type>-<issuer>".',
    },
    citation=f"{PL1}, II.3; {VBQPPL_SHARED} §3",
    why={
        "vi": "Gạch chéo sau số, gạch nối giữa các nhóm chữ viết tắt (Số: 15/QĐ-BNV).",
        "en": "A slash after the number, hyphens between the abbreviations (Số: 15/QĐ-BNV).",
    },
    bad="Số: 15-QĐ/UBND",
    good="Số: 15/QĐ-UBND",
)
def party_form(doc, ctx):
    n = doc.number
    if n and n.form == "party":
        yield Hit(n.span(), {"text": n.text})


# legal normative documents add theirs: NĐ, TT, TTLT (standards-vbqppl §3)
_CODES = {"state-vbqppl": {**codes.STATE_TYPE_CODES, **codes.LEGAL_TYPE_CODES}}


def _heading_type(doc):
    return doc.doc_type if doc.doc_type_source == "heading" else None


@rule(
    code="VB213",
    example={"code": "XY", "want": "QĐ", "doc_type_vi": "quyết định", "doc_type_en": "quyet_dinh"},
    small_print=True,
    name="state-type-code-unknown",
    component="number",
    severity="error",
    profiles=STATE,
    message={
        "vi": '"{code}" không phải chữ viết tắt tên loại văn bản trong Phụ lục III (cần "{want}" cho {doc_type_vi}).',
        "en": '"{code}" is not a type abbreviation of Phụ lục III (expected "{want}" for {doc_type_en}).',
    },
    citation=f"{PL3}, I",
    why={
        "vi": "Ký hiệu văn bản gồm chữ viết tắt tên loại theo Phụ lục III và chữ viết tắt tên cơ quan.",
        "en": "The symbol is the type abbreviation of Phụ lục III and the issuer's abbreviation.",
    },
    bad='QUYẾT ĐỊNH numbered "Số: 15/XY-UBND"',
    good='"Số: 15/QĐ-UBND"',
)
def type_unknown(doc, ctx):
    n = doc.number
    t = _heading_type(doc)
    want = [c for c, v in codes.STATE_TYPE_CODES.items() if v == t]
    if n and n.form == "state" and t and want and n.type_code is None and not n.year:
        code = n.symbol.split("-")[0]
        yield Hit(
            n.find(code),
            {"code": code, "want": want[0], "doc_type_vi": codes.type_vi(t), "doc_type_en": t},
        )


@rule(
    code="VB214",
    example={"code": "CT", "want": "QĐ", "doc_type_vi": "quyết định", "doc_type_en": "quyet_dinh"},
    name="state-type-code-mismatch",
    component="number",
    severity="error",
    profiles=STATE_ALL,
    message={
        "vi": 'Chữ viết tắt "{code}" không khớp tên loại {doc_type_vi} (cần "{want}").',
        "en": 'The abbreviation "{code}" does not match the type {doc_type_en} (expected "{want}").',
    },
    citation=f"{PL3}, I; {VBQPPL_SHARED} §3",
    why={
        "vi": "Chữ viết tắt tên loại trong số phải là của chính loại văn bản.",
        "en": "The type abbreviation in the number must be the document's own.",
    },
    bad='QUYẾT ĐỊNH numbered "Số: 15/CT-UBND"',
    good='"Số: 15/QĐ-UBND"',
)
def state_type_mismatch(doc, ctx):
    n = doc.number
    t = _heading_type(doc)
    table = _CODES.get(ctx.profile, codes.STATE_TYPE_CODES)
    if not (n and t and n.type_code in table) or table[n.type_code] == t:
        return
    want = [c for c, v in table.items() if v == t]
    if want:
        yield Hit(
            n.span("type_code"),
            {"code": n.type_code, "want": want[0], "doc_type_vi": codes.type_vi(t), "doc_type_en": t},
        )


@rule(
    code="VB215",
    example={"code": "CV"},
    name="state-cong-van-type-code",
    component="number",
    severity="error",
    profiles=STATE,
    message={
        "vi": 'Công văn của cơ quan Nhà nước không có chữ viết tắt tên loại ("{code}"): ký hiệu là <cơ quan>-<đơn vị soạn thảo>.',
        "en": 'A State công văn has no type abbreviation ("{code}"): the symbol is <issuer>-<drafting unit>.',
    },
    citation=f"{PL1}, II.3; {PL3}",
    why={
        "vi": 'Phụ lục III không có chữ viết tắt cho công văn: "Số: 12/UBND-VX".',
        "en": 'Phụ lục III gives công văn no abbreviation: "Số: 12/UBND-VX".',
    },
    bad="Số: 12/CV-UBND",
    good="Số: 12/UBND-VX",
)
def cong_van_code(doc, ctx):
    n = doc.number
    if n and doc.doc_type == "cong_van" and not doc.type_name and n.type_code:
        yield Hit(n.span("type_code"), {"code": n.type_code})


@rule(
    code="VB216",
    small_print=True,
    name="vbqppl-number-year",
    component="number",
    severity="error",
    fix="unsafe",
    profiles=VBQPPL,
    example={"text": "Số: 12/NĐ-CP", "want": "Số: 12/2025/NĐ-CP"},
    message={
        "vi": 'Số, ký hiệu của văn bản quy phạm pháp luật có năm ban hành: "{want}", không phải "{text}".',
        "en": 'The number of a legal normative document carries its year: "{want}", not "{text}".',
    },
    citation=f"{L64}, Điều 7.3; {N34}, Điều 58; {VBQPPL_DOC} §3",
    why={
        "vi": 'Số, ký hiệu gồm số thứ tự, năm ban hành, tên loại và cơ quan ban hành: "Số: 12/2025/NĐ-CP", "Luật số: 64/2025/QH15". Văn bản hợp nhất trước 01/7/2026 không ghi năm ("Số: 46/VBHN-BQP").',
        "en": 'The number shows the running number, the year, the type and the issuer: "Số: 12/2025/NĐ-CP", "Luật số: 64/2025/QH15". Consolidated texts before 1/7/2026 carry no year ("Số: 46/VBHN-BQP").',
    },
    bad="NGHỊ ĐỊNH numbered Số: 12/NĐ-CP",
    good="Số: 12/2025/NĐ-CP",
)
def number_year(doc, ctx):
    n = doc.number
    if not n or n.form != "state" or n.year or ctx.choice and ctx.choice.regime == "vbhn-2012":
        return
    when = legal_date(doc)
    t = n.line.text
    at = t.find("/", t.find(n.seq_text or str(n.seq))) + 1
    fix = Fix("unsafe", f"{when.year}/", n.line.span(at, at)) if when and at > 0 else None
    want = f"{n.seq}/{when.year if when else 'YYYY'}/{n.symbol}"
    yield Hit(n.span(), {"text": t.strip(), "want": f"{n.label}: {want}"}, fix)


@rule(
    code="VB217",
    small_print=True,
    name="vbqppl-number-year-date",
    component="number",
    severity="warning",
    profiles=VBQPPL,
    example={"year": 2024, "date_year": 2025},
    message={
        "vi": "Năm trong số, ký hiệu ({year}) khác năm ban hành ghi ở dòng ngày tháng ({date_year}).",
        "en": "The year in the number ({year}) differs from the year of the date line ({date_year}).",
    },
    citation=f"{L64}, Điều 7.3; {N78}, Điều 71.5; {VBQPPL_DOC} §3",
    why={
        "vi": "Văn bản quy phạm pháp luật đánh số theo từng năm (Quốc hội: theo khóa); năm trong số là năm ban hành, trùng năm ở dòng ngày tháng.",
        "en": "Legal normative documents are numbered per year (the National Assembly: per term); the year in the number is the year of issue, the one of the date line.",
    },
    bad="Số: 12/2024/NĐ-CP … Hà Nội, ngày 05 tháng 01 năm 2025",
    good="Số: 12/2025/NĐ-CP … Hà Nội, ngày 05 tháng 01 năm 2025",
)
def number_year_date(doc, ctx):
    n = doc.number
    when = legal_date(doc)
    if n and n.year and when and n.year != when.year:
        at = n.line.text.find(f"/{n.year}/") + 1
        span = n.line.span(at, at + 4) if at > 0 else n.span()
        yield Hit(span, {"year": n.year, "date_year": when.year})


@rule(
    code="VB218",
    name="vbqppl-type-not-normative",
    component="doc_type",
    severity="warning",
    profiles=VBQPPL,
    example={"doc_type_vi": "chỉ thị", "number": "Số: 05/2025/CT-UBND"},
    message={
        "vi": 'Số có năm ("{number}") là của văn bản quy phạm pháp luật, nhưng {doc_type_vi} không phải loại văn bản quy phạm pháp luật: số của nó không ghi năm.',
        "en": 'A year in the number ("{number}") marks a legal normative document, but a {doc_type_vi} is not one: its number carries no year.',
    },
    citation=f"{L64}, Điều 4; {VBQPPL_DOC} §2",
    why={
        "vi": 'Văn bản quy phạm pháp luật chỉ gồm các loại Luật Ban hành văn bản quy phạm pháp luật liệt kê (luật, pháp lệnh, lệnh, nghị định, nghị quyết, quyết định, thông tư …). Chỉ thị, kế hoạch, thông báo … là văn bản hành chính theo NĐ 30/2020: số không có năm ("Số: 05/CT-UBND").',
        "en": 'Legal normative documents are only the types the Law lists (laws, ordinances, orders, decrees, resolutions, decisions, circulars …). A chỉ thị, kế hoạch or thông báo is an administrative document under NĐ 30/2020: its number has no year ("Số: 05/CT-UBND").',
    },
    bad="CHỈ THỊ numbered Số: 05/2025/CT-UBND",
    good="CHỈ THỊ numbered Số: 05/CT-UBND",
)
def type_not_normative(doc, ctx):
    n = doc.number
    if n and n.year and doc.doc_type and doc.doc_type not in codes.NORMATIVE_TYPES and not consolidated(doc):
        yield Hit(
            doc.span("doc_type") or n.span(),
            {"doc_type_vi": codes.type_vi(doc.doc_type), "number": n.line.text.strip()},
        )


# a cited text's number with its year, its date right after it: "Nghị định số 08/2015/NĐ-CP ngày 21
# tháng 01 năm 2015", "Luật Đầu tư số 61/2020/QH14, ngày 17/6/2020"
_CITED_DATED = re.compile(
    r"\b[Ss]ố:?\s*(\d{1,5}(?:\.\d{1,3})?/((?:19|20)\d\d)/[A-ZĐ][A-ZĐ0-9-]*)\s*,?\s*ngày\s+"
    r"\d{1,2}\s*(?:tháng\s+|/|-)\s*\d{1,2}\s*(?:năm\s+|/|-)\s*((?:19|20)\d\d)\b"
)


@rule(
    code="VB219",
    small_print=True,
    name="cited-number-year-date",
    component="body",
    severity="warning",
    example={"number": "08/2015/NĐ-CP", "year": "2015", "date_year": "2005"},
    message={
        "vi": 'Văn bản được viện dẫn "{number}" mang năm {year} trong số, ký hiệu nhưng ngày ban hành ghi năm {date_year}: kiểm tra lại số hoặc ngày.',
        "en": 'The cited text "{number}" bears the year {year} in its number but its date reads {date_year}: check the number or the date.',
    },
    citation=f"{L64}, Điều 7.3; {N78}, Điều 71.5; {VBQPPL_DOC} §3",
    why={
        "vi": 'Năm trong số, ký hiệu của văn bản quy phạm pháp luật là năm ban hành (Quốc hội: năm thông qua), nên khi viện dẫn, năm đó trùng năm của ngày ban hành ghi kèm; lệch nhau là đã gõ nhầm một trong hai (trên văn bản đã đăng: "Nghị định số 08/2015/NĐ-CP ngày 21 tháng 01 năm 2005").',
        "en": "The year in a legal normative document's number is its year of issue (the National Assembly's: of passage), so when it is cited the date given with it has that year; a mismatch means one of the two was mistyped (as published: \"Nghị định số 08/2015/NĐ-CP ngày 21 tháng 01 năm 2005\").",
    },
    bad="Căn cứ Nghị định số 08/2015/NĐ-CP ngày 21 tháng 01 năm 2005 của Chính phủ;",
    good="Căn cứ Nghị định số 08/2015/NĐ-CP ngày 21 tháng 01 năm 2015 của Chính phủ;",
)
def cited_number_year_date(doc, ctx):
    """Each text cited with its number and date, on a line or wrapped onto the next one (the
    document's own number is VB217's)."""
    own = {id(x) for x in doc.lines_of("number")}
    lines = [x for x in doc.lines if id(x) not in own]
    for k, x in enumerate(lines):
        if "/" not in x.text:
            continue
        joined = f"{x.text} {lines[k + 1].text}" if k + 1 < len(lines) else x.text
        for m in _CITED_DATED.finditer(joined):
            if m.start() >= len(x.text):
                break  # it opens on the next line: found there
            if m[2] != m[3]:
                yield Hit(
                    x.span(m.start(1), min(m.end(1), len(x.text))),
                    {"number": m[1], "year": m[2], "date_year": m[3]},
                )
