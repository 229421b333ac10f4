"""Party documents under Hướng dẫn 05-HD/VPTW (from 27/5/2026) where it differs from HD 36,
and the issuer codes the 2025 reorganisation retired."""

from datetime import date

from linter import codes
from linter.diagnostics import Fix
from linter.profile import issue_date
from linter.rules.base import HD05, PARTY, Hit, rule
from linter.rules.recipients import semicolon_hits

_HD05 = "HD 05-HD/VPTW (27/5/2026), Phần II"


@rule(
    code="VB244",
    name="hd05-cong-van-vv",
    component="subject",
    severity="error",
    profiles=HD05,
    fix="safe",
    message={
        "vi": 'Theo HD 05, trích yếu công văn của Đảng bắt đầu "về việc …", không viết "V/v".',
        "en": 'Under HD 05 a Party công văn\'s summary starts "về việc …", not "V/v".',
    },
    citation=f"{_HD05}, 3.1.5",
    why={
        "vi": 'Công văn của Đảng: trích yếu đặt dưới số và ký hiệu, chữ thường nghiêng, bắt đầu "về việc"; không có "V/v".',
        "en": 'A Party công văn: the summary under the number starts "về việc"; there is no "V/v".',
    },
    bad="V/v chuẩn bị hội nghị",
    good="về việc chuẩn bị hội nghị",
)
def cong_van_vv(doc, ctx):
    s = doc.components["subject"]
    if doc.doc_type == "cong_van" and s and s["prefix"] == "V/v":
        tok = doc.parts["subject"][0]
        k = 3 if tok.text[3:4] != ":" else 4
        yield Hit(tok.line.span(0, k), fix=Fix("safe", "về việc", tok.line.span(0, k)))


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
    n = doc.components["number"]
    when = issue_date(doc)
    if not (n and n["form"] == "party" and when and when >= date(*codes.REORG_FROM)):
        return
    for part in (n["issuer_code"] or "").split("-"):
        if part in codes.OBSOLETE_PARTY_ISSUERS:
            tok = doc.parts["number"][0]
            i = tok.text.rfind(part)
            yield Hit(
                tok.line.span(i, i + len(part)), {"code": part, "what": codes.OBSOLETE_PARTY_ISSUERS[part]}
            )


@rule(
    code="VB287",
    small_print=True,
    name="hd05-recipient-separator",
    component="recipients",
    severity="error",
    profiles=HD05,
    fix="safe",
    message={
        "vi": 'Theo HD 05, mỗi nơi nhận kết thúc bằng dấu chấm phẩy ";".',
        "en": 'Under HD 05 each recipient ends with a semicolon ";".',
    },
    citation=f"{_HD05}, 3.1.9",
    why={
        "vi": 'HD 05: mỗi nơi nhận hoặc nhóm nơi nhận kết thúc bằng ";"; dòng lưu cuối cùng bằng "." (HD 36 quen dùng dấu phẩy).',
        "en": 'HD 05: each recipient ends with ";", the final file-copy line with "." (HD 36 practice used commas).',
    },
    bad="- Thường trực Tỉnh ủy,",
    good="- Thường trực Tỉnh ủy;",
)
def separator(doc, ctx):
    yield from semicolon_hits(doc, (",",))


@rule(
    code="VB263",
    small_print=True,
    name="hd05-can-cu-form",
    component="body",
    severity="error",
    profiles=HD05,
    fix="safe",
    message={
        "vi": 'Theo HD 05, mỗi căn cứ đứng đầu bằng gạch đầu dòng "- ".',
        "en": 'Under HD 05 each legal basis (căn cứ) starts with a dash "- ".',
    },
    citation=f"{_HD05}, 3.1.6",
    why={
        "vi": 'Căn cứ ban hành: mỗi căn cứ một dòng, có gạch đầu dòng, kết thúc bằng ";", căn cứ cuối cùng bằng ".".',
        "en": 'Each basis on its own line, with a dash, ending ";", the last one ".".',
    },
    bad="Căn cứ Điều lệ Đảng;",
    good="- Căn cứ Điều lệ Đảng;",
)
def can_cu(doc, ctx):
    b = doc.components["body"]
    if not b:
        return
    toks = {t.line.line: t for t in doc.parts["body"]}
    for base in b["bases"]:
        tok = toks.get(base["line"])
        if tok and not base["dash"]:
            yield Hit(tok.line.span(0, 1), fix=Fix("safe", "- ", tok.line.span(0, 0)))
