"""VB30x–31x signature: quyền hạn, chức vụ, họ tên người ký, of every regime (VB311–312 the
State's prefixes, VB313–314 legal normative documents and consolidated texts)."""

from linter import patterns as P
from linter.diagnostics import Fix, Span
from linter.profile import consolidated
from linter.rules._shared import L64, N34, VBQPPL_DOC, VBQPPL_SHARED
from linter.rules.base import PARTY, STATE_ALL, VBQPPL, Hit, rule
from linter.text import fold

_CIT = "HD 36-HD/VPTW, 1.7 (quyền hạn, chức vụ); HD 05-HD/VPTW, Phần II, 3.1.7"
_STATE_PREFIXES = {"TM.", "KT.", "TL.", "TUQ."}


@rule(
    code="VB301",
    example={"authority": "T/UQ"},
    small_print=True,
    regime_form=True,
    name="signature-authority-invalid",
    component="signature",
    severity="error",
    profiles=PARTY,
    message={
        "vi": 'Thẩm quyền ký "{authority}" không dùng trong văn bản Đảng; dùng T/M, K/T, T/L hoặc Q.',
        "en": 'The authority "{authority}" is not used in Party documents; use T/M, K/T, T/L or Q.',
    },
    citation=_CIT,
    fix="safe",
    why={
        "vi": "Văn bản Đảng ký T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh), Q. (quyền); không có T/UQ; TM., KT., TL. là cách viết của văn bản Nhà nước.",
        "en": "Party documents sign T/M, K/T, T/L or Q.; there is no T/UQ; TM., KT., TL. are the State forms.",
    },
    bad="T/UQ BAN THƯỜNG VỤ",
    good="T/L BAN THƯỜNG VỤ",
)
def authority(doc, ctx):
    s = doc.signature
    if not s:
        return
    party = {"TM.": "T/M ", "KT.": "K/T ", "TL.": "T/L "}  # T/UQ and TUQ. have no Party equivalent
    for x in s.authorities:
        a = x.prefix
        if a in _STATE_PREFIXES or a == "T/UQ":
            span = x.span("prefix")
            yield Hit(span, {"authority": a}, Fix("safe", party[a], span) if a in party else None)


# Bodies whose T/M block has no title line (HD 05, 3.1.7: "T/M BỘ CHÍNH TRỊ" stands alone).
_NO_TITLE = ("bo chinh tri", "ban bi thu")


@rule(
    code="VB302",
    under_seal=True,
    example={"authority_line": "T/M BAN THƯỜNG VỤ"},
    name="signature-title-missing",
    component="signature",
    severity="error",
    message={
        "vi": 'Thiếu chức vụ người ký dưới dòng "{authority_line}".',
        "en": 'The signer\'s title is missing under "{authority_line}".',
    },
    citation=_CIT,
    why={
        "vi": "Khối chữ ký gồm quyền hạn (T/M …), chức vụ người ký (BÍ THƯ, PHÓ BÍ THƯ …) và họ tên.",
        "en": "The signature block holds the authority (T/M …), the signer's title and the name.",
    },
    bad="T/M BAN THƯỜNG VỤ\n\nNguyễn Văn A",
    good="T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A",
)
def title_missing(doc, ctx):
    s = doc.signature
    # "Q. TRƯỞNG BAN": the acting head's title is on the authority line itself
    if s and not s.titles and s.authority not in (None, "Q.") and not (s.body and fold(s.body) in _NO_TITLE):
        yield Hit(s.span("first"), {"authority_line": s.lines[0].text})


@rule(
    code="VB303",
    under_seal=True,
    name="signature-name-missing",
    component="signature",
    severity="error",
    message={"vi": "Thiếu họ tên người ký.", "en": "The signer's name is missing."},
    citation=_CIT,
    why={
        "vi": "Họ và tên người ký ghi đầy đủ dưới chữ ký, không ghi học hàm, học vị.",
        "en": "The signer's full name goes under the signature, with no academic titles.",
    },
    bad="T/M BAN THƯỜNG VỤ\nBÍ THƯ",
    good="T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A",
)
def name_missing(doc, ctx):
    s = doc.signature
    if s and not s.name:
        yield Hit(s.span("last"))


@rule(
    code="VB304",
    small_print=True,  # ("KT." OCR lost on a scan: "CHÁNH VĂN PHÒNG" / "PHÓ CHÁNH VĂN PHÒNG")
    example={"head": "THỐNG ĐỐC", "title": "PHÓ THỐNG ĐỐC", "fixed": "KT. THỐNG ĐỐC"},
    name="signature-deputy-without-kt",
    component="signature",
    severity="error",
    fix="unsafe",
    message={
        "vi": 'Cấp phó ký thay người đứng đầu: ghi "{fixed}" trên "{title}", không chỉ "{head}".',
        "en": 'A deputy signs for the head: write "{fixed}" above "{title}", not "{head}" alone.',
    },
    citation=f"NĐ 30/2020, Điều 13; Phụ lục I, II.7; {_CIT}; {VBQPPL_SHARED} §10",
    why={
        "vi": 'Cấp phó được giao ký thay người đứng đầu thì ghi "KT." (văn bản Đảng: "K/T") trước chức vụ của người đứng đầu, bên dưới là chức vụ của người ký.',
        "en": 'A deputy signing for the head writes "KT." (Party: "K/T") before the head\'s title, then the signer\'s own title under it.',
    },
    bad="THỐNG ĐỐC\nPHÓ THỐNG ĐỐC",
    good="KT. THỐNG ĐỐC\nPHÓ THỐNG ĐỐC",
)
def deputy_without_kt(doc, ctx):
    """The head's title printed as a title line, without "KT." (round 27: "THỐNG ĐỐC" / "PHÓ
    THỐNG ĐỐC"): read as two titles, the signer's authority is lost."""
    s = doc.signature
    lines = s.title_lines if s else ()
    for head, title in zip(lines, lines[1:]):
        if P.deputy_of(head.text, title.text):
            prefix = "K/T " if ctx.profile.startswith("party") else "KT. "
            args = {"head": head.text, "title": title.text, "fixed": prefix + head.text}
            yield Hit(head.span(), args, Fix("unsafe", prefix, head.span(0, 0)))


@rule(
    code="VB312",
    example={"fixed": "KT. GIÁM ĐỐC", "written": "KT GIÁM ĐỐC"},
    small_print=True,
    name="state-authority-written-form",
    component="signature",
    severity="error",
    fix="safe",
    profiles=STATE_ALL,
    message={
        "vi": 'Quyền hạn ký viết "{fixed}", không phải "{written}" (chữ in hoa, dấu chấm, rồi một dấu cách).',
        "en": 'Write the authority "{fixed}", not "{written}" (capitals, a full stop, then one space).',
    },
    citation="NĐ 30/2020, Điều 13; Phụ lục I, II.7; VBQPPL: docs/standards-vbqppl.md §10",
    why={
        "vi": 'Văn bản Nhà nước ghi quyền hạn ký bằng chữ in hoa và dấu chấm: "TM.", "KT.", "TL.", "TUQ.", "Q.", rồi một dấu cách; "KT GIÁM ĐỐC", "KT.GIÁM ĐỐC" là sai.',
        "en": 'State documents write the authority in capitals with a full stop: "TM.", "KT.", "TL.", "TUQ.", "Q."; "KT GIÁM ĐỐC" is wrong.',
    },
    bad="KT GIÁM ĐỐC",
    good="KT. GIÁM ĐỐC",
)
def state_authority_form(doc, ctx):
    """A State prefix written without its stop or its space ("KT GIÁM ĐỐC", "KT.GIÁM ĐỐC"): the
    Party forms are VB311's, a prefix in the wrong case an OCR misreading (VB121)."""
    for x in doc.signature.authorities if doc.signature else ():
        want = x.prefix
        if want not in _STATE_PREFIXES | {"Q."}:
            continue
        text = x.line.text
        body = x.body.lstrip()
        head = text[: len(text) - len(body)]  # the prefix and the spaces after it
        one_space = head.upper() == want + " " or ctx.spaces_placed and head[len(want) :].isspace()
        if head.rstrip().upper() != want or (body and not one_space):
            span = x.line.span(0, len(head))
            fixed = want + (" " if body else "")
            yield Hit(span, {"fixed": fixed + body, "written": text}, Fix("safe", fixed, span))


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
    citation=f"NĐ 30/2020, Điều 13; Phụ lục I, II.7; {VBQPPL_SHARED} §10",
    why={
        "vi": "Văn bản Nhà nước dùng TM., KT., TL., TUQ., Q. (chữ in hoa, có dấu chấm).",
        "en": "State documents use TM., KT., TL., TUQ., Q.",
    },
    bad="T/M ỦY BAN NHÂN DÂN",
    good="TM. ỦY BAN NHÂN DÂN",
)
def party_authority(doc, ctx):
    want = {"T/M": "TM.", "K/T": "KT.", "T/L": "TL.", "T/UQ": "TUQ."}
    for x in doc.signature.authorities if doc.signature else ():
        if x.prefix in want:
            yield Hit(x.span("prefix"), {"authority": x.prefix, "want": want[x.prefix]})


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
    citation=f"{N34}, Điều 65 (sửa đổi bởi NĐ 154/2020); {L64}, Điều 4; {VBQPPL_DOC} §10",
    why={
        "vi": "Thẩm quyền ban hành văn bản quy phạm pháp luật thuộc cơ quan hoặc người có chức danh được luật quy định; không thừa lệnh (TL.), không thừa ủy quyền (TUQ.).",
        "en": "The power to issue a legal normative document belongs to a body or office holder named by law; it is never signed by order (TL.) or by delegation (TUQ.).",
    },
    bad="TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ",
    good="KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG",
)
def legal_authority(doc, ctx):
    for x in doc.signature.authorities if doc.signature else ():
        # (the Party forms T/L, T/UQ are VB311's: one report for the line)
        if x.prefix in ("TL.", "TUQ."):
            yield Hit(x.span("prefix"), {"authority": x.prefix})


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
    citation=f"Pháp lệnh 01/2012/UBTVQH13, Điều 11; {VBQPPL_DOC} §13",
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
    s = doc.signature
    first, last = (s.lines[0].line, s.lines[-1].end_line) if s else (doc.last_line(), doc.last_line())
    # above the authority line, or below it when the page's two columns were read as one line
    near = fold(" ".join(x.text for x in doc.lines if first - 25 <= x.line <= last + 12))
    # (found through a misread letter, not through another word: "XÁC NHẬN VĂN BẢN HỢP NHẤT")
    misworded = P.MISWORDED_AUTHENTICATION_F in near and P.AUTHENTICATION_F not in near
    if misworded or P.find_phrase(near, P.AUTHENTICATION_F) < 0:
        yield Hit(doc.span("signature") or Span.at(doc.last_line()))
