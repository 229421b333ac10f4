"""State documents (NĐ 30/2020): the forms that differ from the Party's."""

import re

from linter import codes
from linter import patterns as P
from linter.diagnostics import Fix
from linter.profile import assembly
from linter.rules.base import STATE, STATE_ALL, Hit, rule
from linter.rules.number import number_of
from linter.rules.recipients import semicolon_hits
from linter.text import fold

_PL1 = "NĐ 30/2020, Phụ lục I"
_PL3 = "NĐ 30/2020, Phụ lục III"
_VB = "VBQPPL: docs/standards-vbqppl.md"  # the rules that state-vbqppl shares


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
    citation=f"{_PL1}, II.3; {_VB} §3",
    why={
        "vi": 'Từ "Số" viết thường, sau có dấu hai chấm: "Số: 15/QĐ-BNV".',
        "en": 'The word "Số" is followed by a colon: "Số: 15/QĐ-BNV".',
    },
    bad="Số 15/QĐ-UBND",
    good="Số: 15/QĐ-UBND",
)
def colon_missing(doc, ctx):
    n, tok = number_of(doc)
    if n and n["label"] and not n["colon"] and n["form"] == "state":
        k = len(n["label"])
        yield Hit(tok.line.span(0, k), fix=Fix("safe", ":", tok.line.span(k, k)))


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
    citation=f"{_PL1}, II.3; {_VB} §3",
    why={
        "vi": "Gạch chéo sau số, gạch nối giữa các nhóm chữ viết tắt (Số: 15/QĐ-BNV).",
        "en": "A slash after the number, hyphens between the abbreviations (Số: 15/QĐ-BNV).",
    },
    bad="Số: 15-QĐ/UBND",
    good="Số: 15/QĐ-UBND",
)
def party_form(doc, ctx):
    n, tok = number_of(doc)
    if n and n["form"] == "party":
        yield Hit(tok.line.span(), {"text": n["text"]})


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
    citation=f"{_PL3}, I",
    why={
        "vi": "Ký hiệu văn bản gồm chữ viết tắt tên loại theo Phụ lục III và chữ viết tắt tên cơ quan.",
        "en": "The symbol is the type abbreviation of Phụ lục III and the issuer's abbreviation.",
    },
    bad='QUYẾT ĐỊNH numbered "Số: 15/XY-UBND"',
    good='"Số: 15/QĐ-UBND"',
)
def type_unknown(doc, ctx):
    n, tok = number_of(doc)
    t = _heading_type(doc)
    want = [c for c, v in codes.STATE_TYPE_CODES.items() if v == t]
    if n and n["form"] == "state" and t and want and n["type_code"] is None and not n["year"]:
        code = n["symbol"].split("-")[0]
        i = tok.text.find(code)
        yield Hit(
            tok.line.span(i, i + len(code)),
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
    citation=f"{_PL3}, I; {_VB} §3",
    why={
        "vi": "Chữ viết tắt tên loại trong số phải là của chính loại văn bản.",
        "en": "The type abbreviation in the number must be the document's own.",
    },
    bad='QUYẾT ĐỊNH numbered "Số: 15/CT-UBND"',
    good='"Số: 15/QĐ-UBND"',
)
def type_mismatch(doc, ctx):
    n, tok = number_of(doc)
    t = _heading_type(doc)
    table = _CODES.get(ctx.profile, codes.STATE_TYPE_CODES)
    if not (n and t and n["type_code"] in table) or table[n["type_code"]] == t:
        return
    want = [c for c, v in table.items() if v == t]
    if want:
        i = tok.text.find(n["type_code"])
        yield Hit(
            tok.line.span(i, i + len(n["type_code"])),
            {"code": n["type_code"], "want": want[0], "doc_type_vi": codes.type_vi(t), "doc_type_en": t},
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
    citation=f"{_PL1}, II.3; {_PL3}",
    why={
        "vi": 'Phụ lục III không có chữ viết tắt cho công văn: "Số: 12/UBND-VX".',
        "en": 'Phụ lục III gives công văn no abbreviation: "Số: 12/UBND-VX".',
    },
    bad="Số: 12/CV-UBND",
    good="Số: 12/UBND-VX",
)
def cong_van_code(doc, ctx):
    n, tok = number_of(doc)
    if n and doc.doc_type == "cong_van" and not doc.components["doc_type"] and n["type_code"]:
        i = tok.text.find(n["type_code"])
        yield Hit(tok.line.span(i, i + len(n["type_code"])), {"code": n["type_code"]})


@rule(
    code="VB311",
    example={"authority": "T/M", "want": "TM."},
    small_print=True,
    regime_form=True,
    name="state-authority-party-form",
    component="signature",
    severity="error",
    profiles=STATE_ALL,
    message={
        "vi": 'Văn bản Nhà nước ghi quyền hạn ký "{want}", không phải "{authority}".',
        "en": 'State documents write the authority "{want}", not "{authority}".',
    },
    citation=f"NĐ 30/2020, Điều 13; Phụ lục I, II.7; {_VB} §10",
    why={
        "vi": "Văn bản Nhà nước dùng TM., KT., TL., TUQ., Q. (chữ in hoa, có dấu chấm).",
        "en": "State documents use TM., KT., TL., TUQ., Q.",
    },
    bad="T/M ỦY BAN NHÂN DÂN",
    good="TM. ỦY BAN NHÂN DÂN",
)
def party_authority(doc, ctx):
    want = {"T/M": "TM.", "K/T": "KT.", "T/L": "TL.", "T/UQ": "TUQ."}
    for t in doc.parts.get("signature", []):
        if t.type == "AUTHORITY" and t.data["authority"] in want:
            a = t.data["authority"]
            yield Hit(t.line.span(0, t.data["body_at"]), {"authority": a, "want": want[a]})


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
    citation=f"{_PL1}, II.1; {_VB} §3",
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
    citation=f"{_PL1}, II.1; {_VB} §3",
    why={"vi": "Quốc hiệu và Tiêu ngữ là ô số 1.", "en": "Ô 1 is the national title and motto."},
    bad="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    good="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
)
def no_motto(doc, ctx):
    b = doc.components["banner"]
    if b and b["kind"] == "state" and not b["motto"]:
        yield Hit(doc.span("banner"))


def _recipient_toks(doc):
    r = doc.components["recipients"]
    toks = {t.line.line: t for t in doc.parts.get("recipients", [])}
    items = [i for i in (r["items"] if r else []) if not P.DRAFTER.match(i["text"].lstrip("- "))]
    return items, toks


@rule(
    code="VB284",
    small_print=True,
    regime_form=True,
    name="state-luu-form",
    component="recipients",
    severity="error",
    profiles=STATE_ALL,
    message={
        "vi": 'Dòng lưu viết "- Lưu: VT, <đơn vị soạn thảo>.".',
        "en": 'The file-copy line is written "- Lưu: VT, <drafting unit>.".',
    },
    citation=f"{_PL1}, II.9; {_VB} §11",
    why={
        "vi": 'Nơi nhận kết thúc bằng "Lưu", dấu hai chấm, "VT" (văn thư), dấu phẩy, đơn vị soạn thảo và số bản lưu, dấu chấm.',
        "en": 'The list ends with "Lưu: VT, <unit>(copies).".',
    },
    bad="- Lưu Văn phòng.",
    good="- Lưu: VT, VP.",
)
def luu_form(doc, ctx):
    if assembly(doc):
        return  # the Quốc hội's texts file their copy their own way: "- Lưu: HC, PLTP."
    items, toks = _recipient_toks(doc)
    if items and P.luu_line(items[-1]["text"]) and not P.STATE_LUU.match(items[-1]["text"].lstrip("+• ")):
        tok = toks.get(items[-1]["line"])
        if tok:
            yield Hit(tok.line.span())


_VAN_THU = re.compile(r"(?<=:)\s*Văn thư\b", re.I)


@rule(
    code="VB288",
    name="state-luu-vt",
    component="recipients",
    severity="warning",
    fix="safe",
    profiles=STATE_ALL,
    message={
        "vi": 'Dòng lưu viết tắt "Văn thư" là "VT": "- Lưu: VT, …".',
        "en": 'The file-copy line abbreviates "Văn thư" to "VT": "- Lưu: VT, …".',
    },
    citation=f"{_PL1}, II.9; {_VB} §11",
    why={
        "vi": 'Mẫu của Nghị định 30 ghi dòng lưu "- Lưu: VT, <đơn vị soạn thảo> (số bản)."; nhiều cơ quan vẫn viết đầy đủ "Văn thư".',
        "en": 'NĐ 30\'s templates write "- Lưu: VT, <unit> (copies)."; many offices still spell out "Văn thư".',
    },
    bad="- Lưu: Văn thư, TCCB.",
    good="- Lưu: VT, TCCB.",
)
def luu_vt(doc, ctx):
    if assembly(doc):
        return  # the Quốc hội's texts file their copy their own way: "- Lưu: HC, PLTP."
    items, toks = _recipient_toks(doc)
    tok = toks.get(items[-1]["line"]) if items and P.luu_line(items[-1]["text"]) else None
    m = _VAN_THU.search(tok.text) if tok else None
    if m:
        at = m.end() - len("Văn thư")
        span = tok.line.span(at, m.end())
        yield Hit(span, fix=Fix("safe", "VT", span))


@rule(
    code="VB285",
    small_print=True,
    name="state-recipient-punctuation",
    component="recipients",
    severity="warning",
    fix="safe",
    profiles=STATE_ALL,
    message={
        "vi": 'Mỗi nơi nhận kết thúc bằng dấu chấm phẩy ";" (dòng lưu cuối cùng bằng dấu chấm).',
        "en": 'Each recipient ends with ";" (the final file-copy line with ".").',
    },
    citation=f"{_PL1}, II.9; {_VB} §11",
    why={
        "vi": "Mỗi nơi nhận trên một dòng, bắt đầu bằng gạch đầu dòng, kết thúc bằng dấu chấm phẩy.",
        "en": "Each recipient on its own line, starting with a dash and ending with a semicolon.",
    },
    bad="- Như trên,",
    good="- Như trên;",
)
def punctuation(doc, ctx):
    yield from semicolon_hits(doc, (",", "."))


@rule(
    code="VB286",
    name="state-nhu-tren",
    component="recipients",
    severity="warning",
    profiles=STATE_ALL,
    message={
        "vi": 'Công văn, tờ trình, báo cáo ghi nơi nhận đầu tiên là "- Như trên;".',
        "en": 'A công văn, tờ trình or báo cáo lists "- Như trên;" first.',
    },
    citation=f"{_PL1}, II.9; {_PL3}, Mẫu 1.5; {_VB} §11",
    why={
        "vi": 'Khi có phần Kính gửi, nơi nhận đầu tiên là "Như trên".',
        "en": 'With a Kính gửi block, the first recipient is "Như trên".',
    },
    bad="Nơi nhận:\n- UBND tỉnh;",
    good="Nơi nhận:\n- Như trên;\n- UBND tỉnh;",
)
def nhu_tren(doc, ctx):
    items, toks = _recipient_toks(doc)
    if doc.doc_type == "cong_van" and doc.components["addressees"] and items:
        from linter.text import fold

        if not fold(items[0]["text"]).lstrip("-+ ").startswith("nhu tren"):
            tok = toks.get(items[0]["line"])
            if tok:
                yield Hit(tok.line.span())


_NOTE = re.compile(r"\(?\s*(?:gui |xin gui )?(?:kem theo|dinh kem|ghi chu|phu luc)\b")
# a note in parentheses that names what is sent with the document, the mention anywhere in it:
# "(Công điện số 225/CĐ-TTg ngày 20/11/2025 gửi kèm theo)", possibly wrapped over a few lines
_ATTACHED = re.compile(r"\([^()]*\b(?:kem theo|gui kem|dinh kem)\b[^()]*\)\.?")


def _before_notes(body: list) -> list:
    """The body without the notes under its last line ("(Gửi kèm theo Phụ lục …)", "Ghi chú: …")."""
    while len(body) > 1:
        if _NOTE.match(fold(body[-1].text)):
            body = body[:-1]
            continue
        k = next((k for k in range(1, min(4, len(body))) if body[-k].text.lstrip()[:1] == "("), 0)
        if not (k and _ATTACHED.fullmatch(" ".join(fold(t.text).strip() for t in body[-k:]))):
            break
        body = body[:-k]
    return body


@rule(
    code="VB262",
    small_print=True,
    name="state-body-ending",
    component="body",
    severity="warning",
    fix="safe",
    profiles=STATE,
    message={"vi": 'Nội dung văn bản Nhà nước kết thúc bằng "./.".', "en": 'A State body ends with "./.".'},
    citation=f"{_PL3} (các mẫu văn bản)",
    why={
        "vi": 'Mọi mẫu của Phụ lục III kết thúc nội dung bằng "./." (thể hiện trong mẫu, không ghi trong lời văn).',
        "en": 'Every Phụ lục III template ends the body with "./." (shown in the templates, not stated in the prose).',
    },
    bad="… tổ chức thực hiện.",
    good="… tổ chức thực hiện./.",
)
def body_ending(doc, ctx):
    body = doc.parts.get("body")
    if not body or doc.doc_type in ("giay_moi", "giay_gioi_thieu", "bien_ban"):
        return
    last = _before_notes(body)[-1]  # "(Gửi kèm theo Phụ lục …)" under the body's last line: a note
    t = last.text.rstrip()
    if not re.search(r"\./\.?$", t):
        k = len(t) - 1 if t.endswith(".") else len(t)
        yield Hit(last.line.span(k, len(t)), fix=Fix("safe", "./.", last.line.span(k, len(t))))


@rule(
    code="VB243",
    example={"text": "KẾT LUẬN"},
    regime_form=True,
    name="doc-type-not-state",
    component="doc_type",
    severity="warning",
    profiles=STATE,
    message={
        "vi": '"{text}" không có trong 29 loại văn bản hành chính của Điều 7.',
        "en": '"{text}" is not one of the 29 administrative types of Điều 7.',
    },
    citation="NĐ 30/2020, Điều 7",
    why={
        "vi": "Văn bản hành chính Nhà nước chỉ gồm các loại tại Điều 7 (và công văn).",
        "en": "State administrative documents are the types of Điều 7 (and công văn).",
    },
    bad="CỘNG HÒA … KẾT LUẬN",
    good="CỘNG HÒA … THÔNG BÁO",
)
def not_state(doc, ctx):
    d = doc.components["doc_type"]
    if d and d["type"] not in codes.STATE_TYPES and d["type"] not in codes.LEGAL_TYPES:
        yield Hit(doc.parts["doc_type"][0].line.span(), {"text": d["text"]})
