"""VB28x recipients: nơi nhận, of every regime (the State "- Lưu: VT, …" line, the HD 05 ";")."""

import re

from linter import patterns as P
from linter.diagnostics import Fix, Span
from linter.profile import assembly
from linter.rules._shared import HD05_CIT, PL1, PL3, VBQPPL_SHARED
from linter.rules.base import HD05, STATE_ALL, Hit, rule
from linter.text import fold

_CIT = "HD 36-HD/VPTW (nơi nhận); HD 05-HD/VPTW, Phần II, 3.1.9; NĐ 30/2020, Phụ lục I, II.9"


def _listed(doc):
    """The items, drafter codes aside."""
    r = doc.recipients
    return [i for i in r.items if i.kind != "drafter"] if r else []


@rule(
    code="VB281",
    small_print=True,
    name="recipient-item-dash",
    component="recipients",
    severity="error",
    fix="safe",
    message={"vi": 'Mỗi nơi nhận bắt đầu bằng "- ".', "en": 'Each recipient starts with "- ".'},
    citation=_CIT,
    why={
        "vi": "Mỗi nơi nhận hoặc nhóm nơi nhận trên một dòng, bắt đầu bằng gạch đầu dòng.",
        "en": "Each recipient or group is on its own line, starting with a dash.",
    },
    bad="Nơi nhận:\nThường trực Tỉnh ủy,",
    good="Nơi nhận:\n- Thường trực Tỉnh ủy,",
)
def dash(doc, ctx):
    r = doc.recipients
    if not r:
        return
    after_luu = False
    items, undashed = 0, []  # (the Lưu line aside: a page may keep its dash when the others lost theirs)
    for item in r.items:
        if after_luu and item.kind == "drafter":
            continue  # ô 12, the drafter's code, takes no dash
        after_luu = after_luu or item.kind == "luu"
        if item.own_line:
            items += item.kind != "luu"
            if not item.dash:
                undashed.append(item)
    if len(undashed) > 1 and sum(x.kind != "luu" for x in undashed) == items:
        # the list lost all its dashes (all but the Lưu line's, maybe): one report over it, one fix
        first, *rest = lines = [x.line for x in undashed]
        a, b = first.span(0, 1), lines[-1].span(0, 1)
        yield Hit(
            Span(a.line, a.column, b.end_line, b.end_column),
            fix=Fix("safe", "- ", first.span(0, 0), also=tuple((x.span(0, 0), "- ") for x in rest)),
        )
        return
    for x in undashed:
        yield Hit(x.line.span(0, 1), fix=Fix("safe", "- ", x.line.span(0, 0)))


# a note printed beside a brace over items, in brackets or after a gap: "- Thường trực Thành ủy; (để
# b/c)", "- Cổng thông tin điện tử Bộ Tài chính;  Thông tư xin ý kiến"
_NOTE_AFTER = re.compile(r";\s*\([^()]*\)$|;\s{2,}\S[^;]*$")


def _semicolon_hits(doc, wrong: tuple[str, ...]):
    """Recipients (all but the last, drafter codes aside) ending with one of `wrong`, or with no
    mark at all, instead of ";": the State rule (VB285) and HD 05's (VB287) share this."""
    misplaced = []  # "- Bộ GDĐT; (để báo cáo)": the mark is there, moving it is a person's call
    for item in _listed(doc)[:-1]:
        line = item.line
        t = line.text.rstrip() if line else ""
        if not t or item.text.rstrip() != t:
            continue  # an item over several lines: its first line ends where the wrap fell
        if t.endswith(wrong):
            span = line.span(len(t) - 1, len(t))
            yield Hit(span, fix=Fix("safe", ";", span))
        elif _NOTE_AFTER.search(t):
            continue  # "- Thường trực Thành ủy; (để b/c)": a note printed beside a brace over items
        elif (t[-1].isalnum() or t[-1] == ")") and ";" in t:
            misplaced.append(line.span(t.rindex(";"), len(t)))
        elif t[-1].isalnum() or t[-1] == ")":  # "- Như trên": the mark forgotten
            end = line.span(len(t), len(t))
            yield Hit(end, fix=Fix("safe", ";", end))
    if misplaced:  # one habit, one report: over every item that has it
        a, b = misplaced[0], misplaced[-1]
        yield Hit(Span(a.line, a.column, b.end_line, b.end_column))


# the drafter's initials (and copies) after the Lưu line's stop: "(2). nvv", "(2).VH", "CN. pvc 19",
# "VT. (ĐT-HS)", "(2). 67b", "KTN. (90b)"
_INITIALS = re.compile(
    r"(?<=[^\d\s])\.\s*(?:\([^\W\d][\w.-]{0,7}\)|[^\W\d][\w.]{0,7}(?:\s\d{1,3})?|\(?\d{1,3}[bB]\)?)$"
)


@rule(
    code="VB282",
    name="recipients-last-not-luu",
    component="recipients",
    severity="error",
    message={
        "vi": 'Dòng cuối của nơi nhận phải là nơi lưu ("- Lưu …").',
        "en": 'The last recipient line must be the file copy ("- Lưu …").',
    },
    citation=_CIT,
    why={
        "vi": 'Nơi nhận kết thúc bằng dòng lưu văn bản: "- Lưu Văn phòng Tỉnh ủy." (Đảng) hoặc "- Lưu: VT, …" (Nhà nước).',
        "en": "The list ends with the file copy line.",
    },
    bad="Nơi nhận:\n- Như trên,\n- Thường trực Tỉnh ủy.",
    good="Nơi nhận:\n- Như trên,\n- Lưu Văn phòng Tỉnh ủy.",
)
def last_luu(doc, ctx):
    r = doc.recipients
    items = r.items if r else ()
    if items and items[-1].kind == "drafter":  # "NguyenVanAn-26" may follow the Lưu line
        items = items[:-1]
    if items and items[-1].kind != "luu" and items[-1].line:
        yield Hit(items[-1].span())


@rule(
    code="VB283",
    small_print=True,
    name="recipients-last-punctuation",
    component="recipients",
    severity="warning",
    fix="safe",
    message={
        "vi": 'Dòng lưu cuối cùng kết thúc bằng dấu chấm ".".',
        "en": 'The final file-copy line ends with a full stop ".".',
    },
    citation=_CIT,
    why={
        "vi": "Mỗi nơi nhận kết thúc bằng dấu phẩy hoặc chấm phẩy; dòng lưu cuối kết thúc bằng dấu chấm.",
        "en": "Each recipient ends with a comma or semicolon; the last file-copy line ends with a full stop.",
    },
    bad="- Lưu Văn phòng Tỉnh ủy,",
    good="- Lưu Văn phòng Tỉnh ủy.",
)
def last_stop(doc, ctx):
    r = doc.recipients
    luu = r.items[-1] if r and r.items else None
    if not luu or luu.kind != "luu":
        return
    if ctx.profile in STATE_ALL and not P.STATE_LUU.match(luu.text.lstrip("+• ")):
        return  # the whole form, its stop included, is VB284's: one report for the line
    line = r.last_line(luu)  # a Lưu item wrapped over two lines ends on the second
    t = line.text.rstrip() if line else ""
    if line and not t.endswith((".", "…")) and not _INITIALS.search(t):  # "…(2). nvv": initials after
        cut = len(t.rstrip(",;:"))
        how = "unsafe" if ctx.profile in STATE_ALL else "safe"  # a State line may end with initials
        yield Hit(
            line.span(cut, len(t)) if cut < len(t) else line.span(len(t), len(t)),
            fix=Fix(how, ".", line.span(cut, len(t))),
        )


@rule(
    code="VB289",
    name="recipients-label-missing",
    component="recipients",
    severity="error",
    message={
        "vi": 'Danh sách nơi nhận thiếu chữ "Nơi nhận:" ở đầu.',
        "en": 'The recipients list has no "Nơi nhận:" label above it.',
    },
    citation=_CIT,
    why={
        "vi": 'Nơi nhận gồm chữ "Nơi nhận:" rồi các nơi nhận, mỗi nơi một dòng, kết thúc bằng dòng lưu. '
        'Danh sách có dòng "- Lưu …" mà không có chữ "Nơi nhận:" được đọc là nơi nhận thiếu nhãn.',
        "en": 'The recipients part is the label "Nơi nhận:" then one recipient a line, ending with the '
        'file-copy line. A list ending "- Lưu …" without the label is read as recipients that lost it.',
    },
    bad="- Như trên;\n- Lưu: VT, TCCB.",
    good="Nơi nhận:\n- Như trên;\n- Lưu: VT, TCCB.",
)
def label_missing(doc, ctx):
    r = doc.recipients
    if not r or r.label is not None:
        return
    first, *rest = r.lines
    if any(x.line == first.line for x in rest):
        return  # a table row flattened into one line ("- A; - B; - Lưu: …|"): its converter drops labels
    # no fix: the label takes a line of its own, and a fix never adds a line (tests/test_fix.py)
    yield Hit(first.span(0, len(first.text)))


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
    citation=f"{PL1}, II.9; {VBQPPL_SHARED} §11",
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
    items = _listed(doc)
    last = items[-1] if items else None
    if last and last.kind == "luu" and not P.STATE_LUU.match(last.text.lstrip("+• ")) and last.line:
        yield Hit(last.span())


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
    citation=f"{PL1}, II.9; {VBQPPL_SHARED} §11",
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
    items = _listed(doc)
    line = items[-1].line if items and items[-1].kind == "luu" else None
    m = _VAN_THU.search(line.text) if line else None
    if m:
        at = m.end() - len("Văn thư")
        span = line.span(at, m.end())
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
    citation=f"{PL1}, II.9; {VBQPPL_SHARED} §11",
    why={
        "vi": "Mỗi nơi nhận trên một dòng, bắt đầu bằng gạch đầu dòng, kết thúc bằng dấu chấm phẩy.",
        "en": "Each recipient on its own line, starting with a dash and ending with a semicolon.",
    },
    bad="- Như trên,",
    good="- Như trên;",
)
def punctuation(doc, ctx):
    yield from _semicolon_hits(doc, (",", "."))


@rule(
    code="VB286",
    # (on a scan the signer's pen stroke runs out over the list's first lines: "- Như trên;" read
    # as "sự mhaa", "E là mlwesc" on three of 34 office scans)
    under_seal=True,
    name="state-nhu-tren",
    component="recipients",
    severity="warning",
    profiles=STATE_ALL,
    message={
        "vi": 'Công văn, tờ trình, báo cáo ghi nơi nhận đầu tiên là "- Như trên;".',
        "en": 'A công văn, tờ trình or báo cáo lists "- Như trên;" first.',
    },
    citation=f"{PL1}, II.9; {PL3}, Mẫu 1.5; {VBQPPL_SHARED} §11",
    why={
        "vi": 'Khi có phần Kính gửi, nơi nhận đầu tiên là "Như trên".',
        "en": 'With a Kính gửi block, the first recipient is "Như trên".',
    },
    bad="Nơi nhận:\n- UBND tỉnh;",
    good="Nơi nhận:\n- Như trên;\n- UBND tỉnh;",
)
def nhu_tren(doc, ctx):
    items = _listed(doc)
    first = items[0] if doc.doc_type == "cong_van" and doc.addressees and items else None
    if first and first.line and not fold(first.text).lstrip("-+ ").startswith("nhu tren"):
        yield Hit(first.span())


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
    citation=f"{HD05_CIT}, 3.1.9",
    why={
        "vi": 'HD 05: mỗi nơi nhận hoặc nhóm nơi nhận kết thúc bằng ";"; dòng lưu cuối cùng bằng "." (HD 36 quen dùng dấu phẩy).',
        "en": 'HD 05: each recipient ends with ";", the final file-copy line with "." (HD 36 practice used commas).',
    },
    bad="- Thường trực Tỉnh ủy,",
    good="- Thường trực Tỉnh ủy;",
)
def separator(doc, ctx):
    yield from _semicolon_hits(doc, (",",))
