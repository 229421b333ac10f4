"""VB24x doc_type and subject: tên loại và trích yếu (a type outside the regime's list; "V/v"
under HD 05)."""

from linter import codes
from linter.diagnostics import Fix
from linter.rules._shared import HD05_CIT
from linter.rules.base import HD05, PARTY, STATE, Hit, rule

_CIT = "HD 36-HD/VPTW (tên loại và trích yếu); HD 05-HD/VPTW, Phần II, 3.1.5; QĐ 66-QĐ/TW"


@rule(
    code="VB241",
    small_print=True,  # ("ƒ/w cử lãnh đạo …": OCR garbles the three small marks of "V/v")
    name="cong-van-subject-prefix",
    component="subject",
    severity="error",
    message={
        "vi": 'Trích yếu công văn phải bắt đầu bằng "V/v" hoặc "về việc".',
        "en": 'A công văn\'s summary must begin with "V/v" or "về việc".',
    },
    citation=f'{_CIT}; NĐ 30/2020, Phụ lục I, II.4.b (công văn Nhà nước: "V/v")',
    why={
        "vi": 'Công văn không có tên loại; trích yếu đặt dưới số và ký hiệu, bắt đầu "về việc …" (Đảng) hoặc "V/v …" (Nhà nước).',
        "en": 'A công văn has no type name; its summary sits under the number and starts "về việc …" (Party) or "V/v …" (State).',
    },
    bad="Số 12-CV/TU\ntăng cường công tác …",
    good="Số 12-CV/TU\nvề việc tăng cường công tác …",
)
def cong_van_prefix(doc, ctx):
    s = doc.components["subject"]
    if doc.doc_type == "cong_van" and s and not s["prefix"] and not doc.components["doc_type"]:
        yield Hit(doc.subject.span())


@rule(
    code="VB242",
    example={"text": "NGHỊ ĐỊNH"},
    regime_form=True,
    name="doc-type-not-party",
    component="doc_type",
    severity="error",
    profiles=PARTY,
    message={
        "vi": '"{text}" không phải là tên loại văn bản của Đảng.',
        "en": '"{text}" is not a Party document type.',
    },
    citation="QĐ 66-QĐ/TW, Điều 2; QĐ 399-QĐ/TW, Phần II",
    why={
        "vi": "Văn bản Đảng chỉ dùng các thể loại của QĐ 66 (nay QĐ 399): nghị quyết, quyết định, chỉ thị, kết luận, quy chế, quy định, thông tri, hướng dẫn, thông báo, báo cáo, kế hoạch, chương trình, tờ trình, công văn …",
        "en": "Party documents use only the types of QĐ 66 (now QĐ 399).",
    },
    bad="ĐẢNG CỘNG SẢN VIỆT NAM … NGHỊ ĐỊNH",
    good="ĐẢNG CỘNG SẢN VIỆT NAM … NGHỊ QUYẾT",
)
def not_party(doc, ctx):
    d = doc.components["doc_type"]
    if d and d["type"] not in codes.PARTY_TYPES:
        yield Hit(doc.type_name.span(), {"text": d["text"]})


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
        yield Hit(doc.type_name.span(), {"text": d["text"]})


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
    citation=f"{HD05_CIT}, 3.1.5",
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
        line = doc.subject.lines[0]
        k = 3 if line.text[3:4] != ":" else 4
        yield Hit(line.span(0, k), fix=Fix("safe", "về việc", line.span(0, k)))
