"""Legal normative documents (state-vbqppl): the forms their own law and decree set, where they
differ from NĐ 30's. The shared forms (dates, numbering, signature prefixes, recipients, Quốc
hiệu) are the other profiles' rules, declared for this profile too.

What was read of Luật 64/2025, NĐ 78/2025 (amended by NĐ 187/2025), NĐ 34/2016 and Pháp lệnh
01/2012, and how sure we are of each rule, is docs/standards-vbqppl.md; ctx.choice.regime names
the rules of the document's date (profile.REGIMES)."""

import re

from linter import codes
from linter import patterns as P
from linter.diagnostics import Fix, Span
from linter.model import preamble
from linter.profile import assembly, consolidated, legal_date
from linter.rules.base import VBQPPL, Hit, rule
from linter.rules.number import number_of
from linter.text import fold

_DOC = "docs/standards-vbqppl.md"
_L64 = "Luật 64/2025/QH15"
_N78 = "NĐ 78/2025/NĐ-CP"
_N34 = "NĐ 34/2016/NĐ-CP"


def _passed(doc) -> bool:
    """Texts dated by their passage, which close with "… thông qua ngày …": those of the Quốc
    hội, its Standing Committee and the Hội đồng nhân dân."""
    symbol = (doc.components["number"] or {}).get("symbol") or ""
    return assembly(doc) and doc.doc_type != "lenh" or symbol.endswith("HĐND")


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
    citation=f"{_N78}, Điều 71.2.k; {_DOC} §11",
    why={
        "vi": 'Nghị định cho "nơi nhận (nếu có)"; trừ luật, pháp lệnh, lệnh và nghị quyết của Quốc hội, mọi văn bản quy phạm pháp luật được gửi cơ quan kiểm tra văn bản và Công báo nên luôn có Nơi nhận kết thúc bằng dòng lưu.',
        "en": 'The decree says "nơi nhận (if any)"; except for laws, ordinances, orders and resolutions of the National Assembly, every legal normative document is sent for review and publication, so it carries a Nơi nhận ending with the file-copy line.',
    },
    bad="… /. (chữ ký, không có Nơi nhận)",
    good="Nơi nhận:\n- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính (Bộ Tư pháp);\n- Công báo;\n- Lưu: VT, PC.",
)
def recipients_missing(doc, ctx):
    c = doc.components
    tail = doc.toks[-40:]
    listed = any(P.luu_line(t.text) for t in tail) or _ITEMS.search(" ".join(t.text for t in tail))
    if c["recipients"] is None and c["signature"] and not assembly(doc) and not listed:
        yield Hit(doc.span("signature"), {"doc_type_vi": codes.type_vi(doc.doc_type)})


# a list the reader did not take for the part, without its "Nơi nhận:" label: a "Lưu …" line, or
# items run together on one line ("- Chính phủ; - Ban Tổ chức Trung ương; - …")
_ITEMS = re.compile(r";\s*-\s.*;\s*-\s")


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
    citation=f"{_L64}, Điều 7.3; {_N34}, Điều 58; {_DOC} §3",
    why={
        "vi": 'Số, ký hiệu gồm số thứ tự, năm ban hành, tên loại và cơ quan ban hành: "Số: 12/2025/NĐ-CP", "Luật số: 64/2025/QH15". Văn bản hợp nhất trước 01/7/2026 không ghi năm ("Số: 46/VBHN-BQP").',
        "en": 'The number shows the running number, the year, the type and the issuer: "Số: 12/2025/NĐ-CP", "Luật số: 64/2025/QH15". Consolidated texts before 1/7/2026 carry no year ("Số: 46/VBHN-BQP").',
    },
    bad="NGHỊ ĐỊNH numbered Số: 12/NĐ-CP",
    good="Số: 12/2025/NĐ-CP",
)
def number_year(doc, ctx):
    n, tok = number_of(doc)
    if not n or n["form"] != "state" or n["year"] or ctx.choice and ctx.choice.regime == "vbhn-2012":
        return
    when = legal_date(doc)
    at = tok.text.find("/", tok.text.find(tok.data.get("seq_text") or str(n["seq"]))) + 1
    fix = Fix("unsafe", f"{when.year}/", tok.line.span(at, at)) if when and at > 0 else None
    want = f"{n['seq']}/{when.year if when else 'YYYY'}/{n['symbol']}"
    yield Hit(tok.line.span(), {"text": tok.text.strip(), "want": f"{n['label']}: {want}"}, fix)


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
    citation=f"{_L64}, Điều 7.3; {_N78}, Điều 71.5; {_DOC} §3",
    why={
        "vi": "Văn bản quy phạm pháp luật đánh số theo từng năm (Quốc hội: theo khóa); năm trong số là năm ban hành, trùng năm ở dòng ngày tháng.",
        "en": "Legal normative documents are numbered per year (the National Assembly: per term); the year in the number is the year of issue, the one of the date line.",
    },
    bad="Số: 12/2024/NĐ-CP … Hà Nội, ngày 05 tháng 01 năm 2025",
    good="Số: 12/2025/NĐ-CP … Hà Nội, ngày 05 tháng 01 năm 2025",
)
def number_year_date(doc, ctx):
    n, tok = number_of(doc)
    when = legal_date(doc)
    if n and n["year"] and when and n["year"] != when.year:
        at = tok.text.find(f"/{n['year']}/") + 1
        span = tok.line.span(at, at + 4) if at > 0 else tok.line.span()
        yield Hit(span, {"year": n["year"], "date_year": when.year})


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
    citation=f"{_L64}, Điều 4; {_DOC} §2",
    why={
        "vi": 'Văn bản quy phạm pháp luật chỉ gồm các loại Luật Ban hành văn bản quy phạm pháp luật liệt kê (luật, pháp lệnh, lệnh, nghị định, nghị quyết, quyết định, thông tư …). Chỉ thị, kế hoạch, thông báo … là văn bản hành chính theo NĐ 30/2020: số không có năm ("Số: 05/CT-UBND").',
        "en": 'Legal normative documents are only the types the Law lists (laws, ordinances, orders, decrees, resolutions, decisions, circulars …). A chỉ thị, kế hoạch or thông báo is an administrative document under NĐ 30/2020: its number has no year ("Số: 05/CT-UBND").',
    },
    bad="CHỈ THỊ numbered Số: 05/2025/CT-UBND",
    good="CHỈ THỊ numbered Số: 05/CT-UBND",
)
def type_not_normative(doc, ctx):
    n, tok = number_of(doc)
    if (
        n
        and n["year"]
        and doc.doc_type
        and doc.doc_type not in codes.NORMATIVE_TYPES
        and not consolidated(doc)
    ):
        yield Hit(
            doc.span("doc_type") or tok.line.span(),
            {"doc_type_vi": codes.type_vi(doc.doc_type), "number": tok.text.strip()},
        )


def _regime(doc, ctx) -> str | None:
    """The regime of the document's date; None when it has no date to tell (a copy that lost its
    date line is not judged by the newest rules)."""
    return ctx.choice.regime if ctx.choice and legal_date(doc) else None


def _clauses(doc):
    """The preamble's clauses, except in a consolidated text (it reproduces the original's); read
    once for the three rules that judge them."""
    if "preamble" not in doc.extra:
        doc.extra["preamble"] = [] if consolidated(doc) else preamble(doc)
    return doc.extra["preamble"]


_BASES = ("basis", "proposal")


@rule(
    code="VB265",
    name="vbqppl-preamble-punctuation",
    component="body",
    severity="warning",
    small_print=True,
    fix="safe",
    profiles=VBQPPL,
    example={"want": ";", "mark": "."},
    message={
        "vi": 'Mỗi căn cứ, đề nghị kết thúc bằng dấu chấm phẩy, câu ban hành bằng dấu chấm: cần "{want}", không phải "{mark}".',
        "en": 'Each basis and proposal ends with a semicolon, the enacting sentence with a full stop: "{want}" expected, not "{mark}".',
    },
    citation=f"{_N78}, Điều 62 (căn cứ ban hành); {_DOC} §6 (as issued documents write it: Phụ lục I not read)",
    why={
        "vi": 'Căn cứ ban hành và "Theo đề nghị của …" / "Xét …" mỗi dòng kết thúc bằng ";", kể cả dòng cuối trước câu ban hành; câu ban hành ("Chính phủ ban hành Nghị định …") kết thúc bằng ".". Trước dòng "QUYẾT ĐỊNH:" của văn bản theo NĐ 34/2016, dòng cuối có thể kết thúc bằng dấu chấm hoặc dấu phẩy.',
        "en": 'Each basis and each "Theo đề nghị của …" / "Xét …" line ends with ";", the last one before the enacting sentence too; the enacting sentence ("Chính phủ ban hành Nghị định …") ends with ".". Before an NĐ 34-era "QUYẾT ĐỊNH:" line the last one may end with a full stop or a comma.',
    },
    bad="Theo đề nghị của Giám đốc Sở Tài chính.\nỦy ban nhân dân tỉnh ban hành Quyết định …:",
    good="Theo đề nghị của Giám đốc Sở Tài chính;\nỦy ban nhân dân tỉnh ban hành Quyết định ….",
)
def preamble_punctuation(doc, ctx):
    clauses = _clauses(doc)
    for c, nxt in zip(clauses, clauses[1:] + [None]):
        if c.kind == "enacting":
            want = "."
        elif c.kind in _BASES and nxt is not None and nxt.kind in (*_BASES, "enacting"):
            want = ";"
        else:
            continue  # the last one before "QUYẾT ĐỊNH:", or before text we cannot name
        if c.mark != want:
            yield _mark_hit(c, want)


def _mark_hit(c, want: str) -> Hit:
    if c.mark in ";.,:":
        span = c.line.span(c.end - 1, c.end)
        return Hit(span, {"want": want, "mark": c.mark}, Fix("safe", want, span))
    span = c.line.span(c.end, c.end)  # no mark at all: "… Bộ Tài chính" / "Chính phủ ban hành …"
    return Hit(span, {"want": want, "mark": "…" + c.text[-12:]}, Fix("safe", want, span))


@rule(
    code="VB266",
    small_print=True,
    name="vbqppl-enacting-formula",
    component="body",
    severity="warning",
    profiles=VBQPPL,
    example={"who": "Ủy ban nhân dân tỉnh", "type": "Quyết định"},
    message={
        "vi": 'Sau căn cứ phải có câu ban hành "{who} ban hành {type} <tên gọi>." (từ 01/4/2025 không dùng dòng "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:").',
        "en": 'The bases are followed by the enacting sentence "{who} ban hành {type} <name>." (from 1/4/2025 a "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" line is not used).',
    },
    citation=f"{_DOC} §7 (every document issued from 1/4/2025 seen; {_N78}, Phụ lục I not read)",
    why={
        "vi": 'Văn bản quy phạm pháp luật ban hành từ 01/4/2025 kết thúc phần mở đầu bằng một câu: chủ thể ban hành, "ban hành", tên loại và tên gọi ("Chính phủ ban hành Nghị định quy định …."), rồi đến Chương hoặc Điều 1. Dòng "QUYẾT ĐỊNH:" là thể thức của văn bản hành chính và của văn bản địa phương trước đó.',
        "en": 'A legal normative document issued from 1/4/2025 ends its preamble with one sentence: the issuer, "ban hành", the type and the name ("Chính phủ ban hành Nghị định quy định …."), then Chương or Điều 1. A "QUYẾT ĐỊNH:" line is the form of administrative documents and of earlier local ones.',
    },
    bad="Theo đề nghị của Giám đốc Sở Tài chính;\nQUYẾT ĐỊNH:\nĐiều 1. …",
    good="Theo đề nghị của Giám đốc Sở Tài chính;\nỦy ban nhân dân tỉnh ban hành Quyết định quy định ….\nĐiều 1. …",
)
def enacting_formula(doc, ctx):
    if _regime(doc, ctx) not in ("nd78", "nd78-187") or assembly(doc):
        return
    clauses = _clauses(doc)
    if not any(c.kind == "basis" for c in clauses) or any(c.kind == "enacting" for c in clauses):
        return
    at = next((c for c in clauses if c.kind == "formula"), None)
    if at is None:  # no "QUYẾT ĐỊNH:": only when nothing at all follows the bases
        at = clauses[-1]
        rest = re.split(r"[;.]\s", at.text[:-1])[-1] if re.search(r"[;.]\s", at.text[:-1]) else ""
        if at.kind not in _BASES or len(rest.split()) >= 4:
            return  # text after them that OCR or a typo kept from reading as the sentence
    issuer = fold((doc.components["issuer"] or {}).get("text") or "")
    who = "Ủy ban nhân dân" if "uy ban nhan dan" in issuer else "<chủ thể>"
    yield Hit(at.span(), {"who": who, "type": codes.type_vi(doc.doc_type).capitalize()})


_LAW = re.compile(r"Căn cứ (?:Bộ luật|Luật|Pháp lệnh)\b")
# its number, or what is left of one ("số 63/2O25/QH15": a digit misread)
_LAW_NUMBER = re.compile(r"\d+\s*/\s*\w{4}\s*/\s*\w*QH|\bsố\s+\S*\d\S*/", re.I)


@rule(
    code="VB268",
    small_print=True,
    name="vbqppl-law-cited-by-number",
    component="body",
    severity="warning",
    profiles=VBQPPL,
    example={"text": "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"},
    message={
        "vi": 'Từ 01/7/2025, luật và pháp lệnh làm căn cứ được viện dẫn bằng tên và số, ký hiệu ("… số 63/2025/QH15"): "{text}".',
        "en": 'From 1/7/2025 a law or ordinance cited as a basis is cited by its name and number ("… số 63/2025/QH15"): "{text}".',
    },
    citation=f"{_N78}, Điều 68.1 (thay thế bởi NĐ 187/2025/NĐ-CP); {_DOC} §6",
    why={
        "vi": 'NĐ 187/2025 sửa cách viện dẫn: luật, pháp lệnh ghi tên đầy đủ và số, ký hiệu; được sửa đổi thì thêm "được sửa đổi, bổ sung bởi" và số của văn bản sửa đổi. Trước đó (NĐ 78 bản gốc) luật được viện dẫn bằng tên và ngày thông qua.',
        "en": 'NĐ 187/2025 changed how laws are cited: by full name and number; an amended one adds "được sửa đổi, bổ sung bởi" and the amending law\'s number. Before it (NĐ 78 as first issued) a law was cited by name and date of passage.',
    },
    bad="Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    good="Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
)
def law_cited_by_number(doc, ctx):
    if _regime(doc, ctx) != "nd78-187":
        return
    for c in _clauses(doc):
        if c.kind == "basis" and _LAW.match(c.text) and not _LAW_NUMBER.search(c.text):
            yield Hit(c.span(), {"text": c.text if len(c.text) < 90 else c.text[:88] + "…"})


# "… được … khóa XV, Kỳ họp thứ 10 thông qua ngày …", any of its words read
_PASSAGE = re.compile(r"\bthong\s+qua\b|\bky\s+hop\s+(?:thu|chuyen)|\bkhoa\s+[ivxl]+\b")


@rule(
    code="VB267",
    small_print=True,
    name="vbqppl-passage-line",
    component="body",
    severity="warning",
    profiles=VBQPPL,
    example={"doc_type_vi": "nghị quyết"},
    message={
        "vi": 'Thiếu dòng thông qua sau điều cuối ("{doc_type_vi} này được … khóa …, Kỳ họp thứ … thông qua ngày …").',
        "en": 'The passage line after the last article is missing ("{doc_type_vi} này được … khóa …, Kỳ họp thứ … thông qua ngày …").',
    },
    citation=f"{_DOC} §9",
    why={
        "vi": 'Luật, nghị quyết của Quốc hội, pháp lệnh, nghị quyết của Ủy ban Thường vụ Quốc hội và nghị quyết của Hội đồng nhân dân ghi ngày thông qua: cuối văn bản có dòng "… này được … khóa …, Kỳ họp thứ … thông qua ngày … tháng … năm …".',
        "en": 'Laws, resolutions of the National Assembly, ordinances, resolutions of its Standing Committee and of People\'s Councils are dated by their passage: they close with "… này được … khóa …, Kỳ họp thứ … thông qua ngày …".',
    },
    bad="Điều 3. … có hiệu lực từ ngày 01 tháng 12 năm 2025./.\n(chữ ký)",
    good="Điều 3. …/.\nNghị quyết này đã được Hội đồng nhân dân tỉnh khóa X, Kỳ họp thứ 5 thông qua ngày 18 tháng 11 năm 2025.",
)
def passage_line(doc, ctx):
    body = doc.parts.get("body") or []
    if not body or not _passed(doc):
        return
    tail = fold(" ".join(t.text for t in body[-8:]))
    if not _PASSAGE.search(tail):
        yield Hit(body[-1].line.span(), {"doc_type_vi": codes.type_vi(doc.doc_type).capitalize()})


@rule(
    code="VB313",
    name="vbqppl-authority",
    component="signature",
    severity="warning",
    profiles=VBQPPL,
    example={"authority": "TL."},
    message={
        "vi": 'Văn bản quy phạm pháp luật không ký "{authority}": người có thẩm quyền ký, hoặc ký thay mặt tập thể (TM.), ký thay người đứng đầu (KT.).',
        "en": 'A legal normative document is not signed "{authority}": the competent person signs, or signs for the body (TM.) or for its head (KT.).',
    },
    citation=f"{_N34}, Điều 65 (sửa đổi bởi NĐ 154/2020); {_L64}, Điều 4; {_DOC} §10",
    why={
        "vi": "Thẩm quyền ban hành văn bản quy phạm pháp luật thuộc cơ quan hoặc người có chức danh được luật quy định; không thừa lệnh (TL.), không thừa ủy quyền (TUQ.).",
        "en": "The power to issue a legal normative document belongs to a body or office holder named by law; it is never signed by order (TL.) or by delegation (TUQ.).",
    },
    bad="TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ",
    good="KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG",
)
def authority(doc, ctx):
    for t in doc.parts.get("signature", []):
        # (the Party forms T/L, T/UQ are VB311's: one report for the line)
        if t.type == "AUTHORITY" and t.data["authority"] in ("TL.", "TUQ."):
            yield Hit(t.line.span(0, t.data["body_at"]), {"authority": t.data["authority"]})


@rule(
    code="VB314",
    small_print=True,
    name="vbhn-authentication",
    component="signature",
    severity="error",
    profiles=VBQPPL,
    message={
        "vi": 'Văn bản hợp nhất thiếu phần xác thực "XÁC THỰC VĂN BẢN HỢP NHẤT" trên chữ ký.',
        "en": 'The consolidated text lacks the "XÁC THỰC VĂN BẢN HỢP NHẤT" authentication above the signature.',
    },
    citation=f"Pháp lệnh 01/2012/UBTVQH13, Điều 11; {_DOC} §13",
    why={
        "vi": "Văn bản hợp nhất được người có thẩm quyền ký xác thực: khối cuối văn bản ghi XÁC THỰC VĂN BẢN HỢP NHẤT, địa danh và ngày xác thực, quyền hạn, chức vụ và họ tên người ký.",
        "en": "A consolidated text is authenticated by the competent person: its closing block reads XÁC THỰC VĂN BẢN HỢP NHẤT, the place and date, the authority, title and name of the signer.",
    },
    bad="(chữ ký, không có dòng xác thực)",
    good="XÁC THỰC VĂN BẢN HỢP NHẤT\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG",
)
def vbhn_authentication(doc, ctx):
    if not consolidated(doc):
        return
    sig = doc.components["signature"]
    first, last = (sig["line"], sig["end_line"]) if sig else (doc.last_line(), doc.last_line())
    # above the authority line, or below it when the page's two columns were read as one line
    near = [t.text for t in doc.toks if first - 25 <= t.line.line <= last + 12]
    if P.find_phrase(fold(" ".join(near)), "xac thuc van ban hop nhat") < 0:
        yield Hit(doc.span("signature") or Span.at(doc.last_line()))
