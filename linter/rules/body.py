"""VB26x body: numbering of sections."""

from linter.rules.base import Hit, rule


def _walk(sections):
    yield sections
    for s in sections:
        yield from _walk(s["sections"])


@rule(code="VB261", name="section-numbering", component="body", severity="error",
      message={"vi": "Đánh số mục không liên tục: \"{label}\" sau \"{prev}\" (cần {want}).",
               "en": "Section numbering breaks: \"{label}\" after \"{prev}\" (expected {want})."},
      citation="HD 36-HD/VPTW (nội dung); HD 05-HD/VPTW, Phần II, 3.1.6; NĐ 30/2020, Phụ lục I, II.6",
      why={"vi": "Các phần, mục, khoản, điểm cùng cấp được đánh số liên tục, không bỏ sót, không lặp.",
           "en": "Sections of one level are numbered in sequence, with no gap or repeat."},
      bad="1. …\n2. …\n4. …", good="1. …\n2. …\n3. …")
def numbering(doc, ctx):
    b = doc.components["body"]
    if not b:
        return
    lines = {t.line.line: t for t in doc.parts["body"] if t.type == "SECTION"}
    for siblings in _walk(b["sections"]):
        prev = {}
        for s in siblings:
            kind, n = s["kind"], s["number"]
            if n is None:
                continue
            last = prev.get(kind)
            if last is not None and n != last["number"] + 1:
                tok = lines[s["line"]]
                want = last["number"] + 1
                yield Hit(tok.line.span(0, len(s["label"]) + 1),
                          {"label": s["label"], "prev": last["label"], "want": want})
            prev[kind] = s
