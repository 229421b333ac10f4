"""VB2xx number: số và ký hiệu."""

import re
from datetime import date

from linter import codes
from linter.diagnostics import Fix
from linter.rules.base import PARTY, Hit, rule

_CIT = "HD 36-HD/VPTW, 1.3 (số và ký hiệu); HD 05-HD/VPTW, Phần II, 3.1"


def number_of(doc):
    """The number's fields and its token, or (None, None)."""
    n = doc.components["number"]
    return (n, doc.parts["number"][0]) if n else (None, None)


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
    n, tok = number_of(doc)
    if n and not n["label"]:
        raw = tok.data["raw"]
        yield Hit(tok.line.span(0, len(raw)), {"raw": raw}, Fix("safe", "Số ", tok.line.span(0, 0)))


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
    n, tok = number_of(doc)
    if n and n["colon"]:
        i = tok.text.index(":")
        j = i + 1
        while j < len(tok.text) and tok.text[j] == " ":
            j += 1
        yield Hit(
            tok.line.span(i, i + 1),
            fix=Fix("safe", " " if tok.text[i - 1 : i] != " " else "", tok.line.span(i, j)),
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
    n, tok = number_of(doc)
    if not n:
        return
    raw = tok.data["raw"]
    if re.search(r"\s[-/]|[-/]\s", raw):
        fixed = re.sub(r"\s*([-/])\s*", r"\1", raw)
        start = tok.text.index(raw)
        span = tok.line.span(start, start + len(raw))
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
    n, tok = number_of(doc)
    if n and n["form"] == "party" and n["type_code"] not in codes.PARTY_TYPE_CODES:
        i = tok.text.find(n["type_code"])
        yield Hit(tok.line.span(i, i + len(n["type_code"])), {"code": n["type_code"]})


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
    n, tok = number_of(doc)
    if not n or n["form"] != "party" or doc.doc_type_source != "heading":
        return
    types = codes.PARTY_TYPE_CODES.get(n["type_code"])
    if types is None or doc.doc_type in types:
        return
    want = [c for c, ts in codes.PARTY_TYPE_CODES.items() if doc.doc_type in ts and c != "QĐi"]
    if want:
        i = tok.text.find(n["type_code"])
        yield Hit(
            tok.line.span(i, i + len(n["type_code"])),
            {
                "code": n["type_code"],
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
    n, tok = number_of(doc)
    if not n or n["type_code"] != "QĐi":
        return
    pd = doc.components["place_date"]
    if pd and pd["year"] and pd["month"] and pd["day"]:
        try:
            if date(pd["year"], pd["month"], pd["day"]) < date(*codes.QDI_CUTOFF):
                return
        except ValueError:
            pass
    i = tok.text.find("QĐi")
    span = tok.line.span(i, i + 3)
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
    n, tok = number_of(doc)
    written = tok.data.get("seq_text", "") if n else ""
    if not written.isdigit():
        return
    fixed = f"{n['seq']:02d}" if n["seq"] < 10 else str(n["seq"])
    if written != fixed and n["seq"] > 0:
        i = tok.text.find(tok.data["raw"]) + tok.data["raw"].find(written)
        span = tok.line.span(i, i + len(written))
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
    n, tok = number_of(doc)
    if n and n["form"] == "state":
        yield Hit(tok.line.span(), {"text": n["text"]})
