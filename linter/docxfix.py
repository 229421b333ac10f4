"""docxfix: fixes written into a .docx, inside its runs, the rest of the package left as it was.

A text fix replaces characters of the text office.load_docx reads; each character it replaces
came from a w:t element, so the replacement goes into the element of the first one (its run's
bold, italic and size stay) and the others lose theirs. What no w:t holds (a list number Word
draws, a tab) cannot be edited: that fix is left out. A formatting fix (Fix.style) sets run
properties (font, size, bold, italic) on every run of its lines, or the page size and margins of
every section. Only word/document.xml (the main part, whatever its name) is rewritten; every
other member of the zip is copied with the same bytes, name, order and compression. A package
with a digital signature is never modified: a change would void the signature."""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict

from linter import office
from linter.diagnostics import Diagnostic

_SIGNATURE = "/digital-signature/"  # the relationship type of a package signature (OPC)
_TWIPS_PER_MM = 1440 / 25.4


class Refused(Exception):
    """The package cannot be fixed; the message says why, in Vietnamese."""


def signed(data: bytes) -> bool:
    """Has the package a digital signature (an _xmlsignatures part, or a relationship to one)?"""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
        if any(n.startswith("_xmlsignatures/") for n in names):
            return True
        return "_rels/.rels" in names and _SIGNATURE.encode() in z.read("_rels/.rels")
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False


class Package:
    """A .docx read for fixing: its text, where each character came from, and its parts."""

    def __init__(self, data: bytes):
        if signed(data):
            raise Refused("tài liệu đã ký số; sửa sẽ làm mất hiệu lực chữ ký, nên không sửa")
        try:
            read, self.document, lines, self.paras = office.load_docx(data, track=True)
        except office.UnreadableOffice as e:
            raise Refused(f"không đọc được tệp .docx ({e})") from None
        self.data = data
        self.text = read.text
        self.lines = lines  # per line: per character (w:t, index) or None
        self.chars = [o for k, line in enumerate(lines) for o in ([None] if k else []) + line]  # "\n" between

    def write(self, edits: list[tuple[int, int, Diagnostic]], styles: list[Diagnostic]) -> tuple[bytes, list]:
        """The package with the text edits (start, end, diagnostic: offsets in .text) and the
        formatting fixes applied; and the diagnostics whose fix was made."""
        done = [d for a, b, d in edits if self._edit(a, b, d.fix.replacement)]
        done += [d for d in styles if self._style(d)]
        self._flush()
        if not done:
            return self.data, []
        return self._zip(), done

    # -- text edits: collected per w:t element, written from the last to the first
    _pending: dict

    def _edit(self, a: int, b: int, rep: str) -> bool:
        if not hasattr(self, "_pending"):
            self._pending = defaultdict(list)
        if a == b:  # an insertion: after the character before, else before the one after
            anchor = self.chars[a - 1] if a > 0 and self.chars[a - 1] else None
            if anchor:
                self._pending[anchor[0]].append((anchor[1] + 1, anchor[1] + 1, rep))
                return True
            if a < len(self.chars) and self.chars[a]:
                el, k = self.chars[a]
                self._pending[el].append((k, k, rep))
                return True
            return False
        covered = self.chars[a:b]
        if any(o is None for o in covered):
            return False  # a character no w:t holds (a line break, a list number, a tab)
        by_el: dict = {}
        for el, k in covered:
            lo, hi = by_el.get(el, (k, k))
            by_el[el] = (min(lo, k), max(hi, k))
        first = covered[0][0]
        for el, (lo, hi) in by_el.items():
            self._pending[el].append((lo, hi + 1, rep if el is first else ""))
        return True

    def _flush(self) -> None:
        for el, cuts in getattr(self, "_pending", {}).items():
            t = el.text or ""
            for lo, hi, rep in sorted(cuts, reverse=True):
                t = t[:lo] + rep + t[hi:]
            el.text = t
            if t != t.strip():  # Word drops edge spaces of a w:t unless told to keep them
                el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        self._pending = defaultdict(list)

    # -- formatting
    def _style(self, d: Diagnostic) -> bool:
        style = dict(d.fix.style)
        page = {k: v for k, v in style.items() if k == "page" or k.startswith("margin_")}
        if page:
            return self._page(page)
        first, last = d.fix.span.line - 1, d.fix.span.end_line
        runs = {o[0].getparent() for line in self.lines[first:last] for o in line if o is not None}
        paras = {p for p in self.paras[first:last] if p is not None}
        for r in runs:
            _set(r.get_or_add_rPr(), style)
        for p in paras:  # the paragraph mark: an empty line shows its font and size
            _set(_mark(p), style)
        return bool(runs or paras)

    def _page(self, page: dict) -> bool:
        from docx.shared import Mm

        sections = list(self.document.sections)
        for sec in sections:
            if "page" in page:
                w, h = page["page"]
                landscape = (sec.page_width or 0) > (sec.page_height or 0)
                sec.page_width, sec.page_height = (Mm(h), Mm(w)) if landscape else (Mm(w), Mm(h))
            for k, v in page.items():
                if k.startswith("margin_"):
                    setattr(sec, f"{k.removeprefix('margin_')}_margin", Mm(v))
        return bool(sections)

    def _zip(self) -> bytes:
        from lxml import etree

        part = self.document.part
        name = str(part.partname).lstrip("/")
        xml = etree.tostring(part.element, xml_declaration=True, encoding="UTF-8", standalone=True)
        src = zipfile.ZipFile(io.BytesIO(self.data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                dst.writestr(info, xml if info.filename == name else src.read(info), info.compress_type)
        return out.getvalue()


def _mark(p):
    """The run properties of a paragraph's mark (w:pPr/w:rPr), made where missing."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    ppr = p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")  # the schema's order
    return rpr


def _set(rpr, style: dict) -> None:
    """Run properties through python-docx's element API, which keeps the schema's order."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    if "font" in style:
        fonts = rpr.get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), style["font"])
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attr), None)  # a theme font would win over the name
    if "size" in style:
        rpr.sz_val = Pt(style["size"])
    for key, tag in (("bold", "b"), ("italic", "i")):
        if key in style:
            rpr._set_bool_val(tag, style[key])
