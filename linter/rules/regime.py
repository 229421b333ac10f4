"""Which regime applies: documents mixing the Party and State forms, legal normative documents,
which NĐ 30 does not govern, and the Youth Union's, which neither regime's rules judge."""

from linter import codes
from linter.diagnostics import Span
from linter.lex import BANNER_LINES
from linter.rules.base import ALL, STATE, Hit, rule
from linter.text import fold_aligned


@rule(
    code="VB401",
    example={"party": "tiêu đề", "state": "số và ký hiệu, quyền hạn ký", "profile": "party-hd36"},
    name="mixed-regime",
    component=None,
    severity="error",
    profiles=ALL,
    message={
        "vi": "Văn bản trộn thể thức Đảng ({party}) và Nhà nước ({state}); đã kiểm tra theo {profile}.",
        "en": "The document mixes the Party form ({party}) and the State form ({state}); checked as {profile}.",
    },
    citation="HD 36-HD/VPTW; NĐ 30/2020, Điều 2",
    why={
        "vi": "Một văn bản theo một thể thức: của Đảng (ĐẢNG CỘNG SẢN VIỆT NAM, Số 12-CV/TU, T/M) hoặc của Nhà nước (Quốc hiệu, Số: 12/UBND-VP, TM.).",
        "en": "A document follows one regime: Party (ĐẢNG CỘNG SẢN VIỆT NAM, Số 12-CV/TU, T/M) or State (national title, Số: 12/UBND-VP, TM.).",
    },
    bad="ĐẢNG CỘNG SẢN VIỆT NAM … Số: 12/UBND-VP",
    good="ĐẢNG CỘNG SẢN VIỆT NAM … Số 12-CV/TU",
)
def mixed(doc, ctx):
    c = ctx.choice
    if c is not None and c.mixed:
        names = _SIGNALS[ctx.lang if ctx.lang in _SIGNALS else "vi"]
        # a second banner out of place is the odd part out; else the banner read
        odd = next((x.line.span() for x in doc.strays if x.role in BANNER_LINES), None)
        yield Hit(
            odd or doc.span("banner") or Span.at(doc.first_line()),
            {
                "party": ", ".join(names[s] for s in c.party),
                "state": ", ".join(names[s] for s in c.state),
                "profile": ctx.profile,
            },
        )


_SIGNALS = {
    "vi": {
        "banner": "tiêu đề",
        "number": "số và ký hiệu",
        "star": 'dấu "*"',
        "authority": "quyền hạn ký",
        "title": "chức vụ người ký",
        "issuer": "tên cơ quan ban hành",
        "luu": "dòng lưu",
    },
    "en": {
        "banner": "banner",
        "number": "number",
        "star": '"*"',
        "authority": "authority prefix",
        "title": "signer's title",
        "issuer": "issuing body",
        "luu": "file-copy line",
    },
}


@rule(
    code="VB402",
    final=True,
    profiles=STATE,
    example={"what": "số 12/2025/QĐ-UBND"},
    name="legal-normative",
    component=None,
    severity="info",
    message={
        "vi": "Văn bản quy phạm pháp luật ({what}): thể thức theo Luật Ban hành VBQPPL và NĐ 78/2025, không theo NĐ 30/2020; vblint chỉ nhận diện các thành phần.",
        "en": "A legal normative document ({what}): its layout follows the Law on promulgating legal documents and NĐ 78/2025, not NĐ 30/2020; vblint only identifies its parts.",
    },
    citation="NĐ 30/2020, Điều 4.2.a",
    why={
        "vi": 'Văn bản quy phạm pháp luật (số có năm như "12/2020/NĐ-CP"; nghị định, thông tư, luật, văn bản hợp nhất) nằm ngoài phạm vi NĐ 30.',
        "en": 'Legal normative documents (numbers with a year like "12/2020/NĐ-CP"; nghị định, thông tư, luật, consolidated texts) are outside NĐ 30.',
    },
    bad="",
    good="Số: 12/2020/NĐ-CP",
)
def legal_normative(doc, ctx):
    """Outside NĐ 30: identify the parts, say so once, judge nothing else (a final rule)."""
    if what := legal_kind(doc):
        yield Hit(doc.span("number") or Span.at(doc.first_line()), {"what": what})


def legal_kind(doc) -> str | None:
    """Why the document is a legal normative one, or None."""
    n = doc.components["number"] or {}
    if n.get("year") and n.get("form") == "state":
        return f"số {n['seq']}/{n['year']}/{n['symbol']}"
    if doc.doc_type in codes.LEGAL_TYPES:
        return codes.type_vi(doc.doc_type)
    if n.get("type_code") in codes.LEGAL_CODES:
        return n["symbol"]
    return None


# The Đoàn TNCS Hồ Chí Minh heads its documents with its own name where the Party's banner or the
# Quốc hiệu stands; its form follows neither HD 36/05 nor NĐ 30 as written (NĐ 30, Điều 2: such
# organisations apply it "cho phù hợp"), and its own guide was not read: it is not judged.
_DOAN = ("doan tncs ho chi minh", "doan thanh nien cong san ho chi minh")


@rule(
    code="VB403",
    final=True,
    profiles=ALL,
    example={"banner": "ĐOÀN TNCS HỒ CHÍ MINH"},
    name="other-organisation",
    component=None,
    severity="info",
    message={
        "vi": 'Văn bản của Đoàn TNCS Hồ Chí Minh ("{banner}" ở vị trí tiêu đề): thể thức theo quy định riêng của Đoàn, không theo HD 36/HD 05 hay NĐ 30/2020; vblint chỉ nhận diện các thành phần.',
        "en": 'A document of the Ho Chi Minh Communist Youth Union ("{banner}" where the banner stands): its form follows the Union\'s own rules, not HD 36/HD 05 nor NĐ 30/2020; vblint only identifies its parts.',
    },
    citation="NĐ 30/2020, Điều 2",
    why={
        "vi": "Tổ chức chính trị - xã hội áp dụng NĐ 30 “cho phù hợp”; Đoàn TNCS Hồ Chí Minh ghi tên Đoàn ở vị trí tiêu đề và có hướng dẫn thể thức riêng, nên các quy tắc của Đảng và Nhà nước không áp cho văn bản của Đoàn.",
        "en": "Socio-political organisations apply NĐ 30 “as fits”; the Youth Union puts its own name where the banner stands and has its own form, so neither the Party's nor the State's rules judge its documents.",
    },
    bad="",
    good="BCH ĐOÀN TỈNH LÂM ĐỒNG / ĐOÀN TNCS HỒ CHÍ MINH / *** / Số 156-CV/TĐTN",
)
def other_organisation(doc, ctx):
    """A Youth Union document: identify the parts, say so once, judge nothing else (a final rule)."""
    if doc.components["banner"]:
        return
    for line in doc.lines[:12]:
        f = fold_aligned(line.text.lower())  # (offsets kept: the name is quoted as written)
        at = min((k for k in map(f.find, _DOAN) if k >= 0), default=-1)
        if at >= 0 and line.text[at:].strip().isupper():  # (in capitals, as a header prints it)
            yield Hit(line.span(), {"banner": line.text[at:].strip()})
            return
