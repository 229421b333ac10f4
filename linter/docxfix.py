"""docxfix: fixes written into a .docx, inside its runs, the rest of the package left as it was.

A text fix replaces characters of the text office.load_docx reads. Only the characters that
differ are touched (a fix may rewrite a whole line or, for NFC, many lines): each changed stretch
goes into the w:t element of its first character (that run's bold, italic and size stay) and the
other elements lose theirs; an insertion joins the character before it, else the one after. What
no w:t holds (a list number Word draws, a tab, a line break) cannot be edited: that fix is left
out. A formatting fix (Fix.style) sets run properties (font, size, bold, italic) on every run of
its lines, or the page size and margins of every section. Only word/document.xml (the main part,
whatever its name) is rewritten; every other member of the zip is copied with the same bytes,
name, order and compression. A package with a digital signature is never modified: a change
would void the signature."""

from __future__ import annotations

import difflib
import io
import zipfile
from collections import defaultdict

from linter import office
from linter.diagnostics import Diagnostic

_SIGNATURE = b"/digital-signature/"  # the relationship types of a package signature (OPC)
_MAIN = "/officeDocument"  # the relationship type of the main part, ending
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

Cut = tuple[object, int, int, str]  # (w:t element, start, end, new text): one edit of its text


class Refused(Exception):
    """The package cannot be fixed; the message says why, in Vietnamese."""


def signed(z: zipfile.ZipFile) -> bool:
    """Has the package a digital signature (an _xmlsignatures part, or a relationship to one)?"""
    names = z.namelist()
    if any(n.startswith("_xmlsignatures/") for n in names):
        return True
    return any(_SIGNATURE in z.read(n) for n in names if n.endswith(".rels"))


def _main_part(z: zipfile.ZipFile) -> str | None:
    """The main document part's member name, from the package relationships."""
    from lxml import etree

    try:
        rels = etree.fromstring(z.read("_rels/.rels"), etree.XMLParser(resolve_entities=False))
    except (KeyError, etree.XMLSyntaxError):
        return None
    for rel in rels.iter(f"{_REL_NS}Relationship"):
        if (rel.get("Type") or "").endswith(_MAIN) and rel.get("TargetMode") != "External":
            return (rel.get("Target") or "").lstrip("/")
    return None


def _open(data: bytes) -> None:
    """Refuse what must not or cannot be fixed, in this order: not a zip or a zip bomb (checked
    before anything is unpacked), a signature, no main part."""
    try:
        office.check_zip(data)
        z = zipfile.ZipFile(io.BytesIO(data))
        if signed(z):
            raise Refused("tài liệu đã ký số; sửa sẽ làm mất hiệu lực chữ ký, nên không sửa")
        main = _main_part(z)
        if main is None or main not in z.namelist():
            raise Refused(
                f"tệp .docx không có phần nội dung chính ({main or 'word/document.xml'}), không sửa"
            )
    except (
        office.UnreadableOffice,
        zipfile.BadZipFile,
        OSError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as e:
        # NotImplementedError: an unknown compression; RuntimeError: an encrypted member
        raise Refused(f"không đọc được tệp .docx ({e})") from None


class Package:
    """A .docx read for fixing: its text, where each character came from, and its parts."""

    def __init__(self, data: bytes):
        _open(data)
        try:
            read, self.document, lines, self.paras = office.load_docx(data, track=True)
        except office.UnreadableOffice as e:
            raise Refused(f"không đọc được tệp .docx ({e})") from None
        self.data = data
        self.text = read.text
        self.lines = lines  # per line: per character (w:t, index) or None
        self.chars = [o for k, line in enumerate(lines) for o in ([None] if k else []) + line]  # "\n" between
        self._pending: dict[object, list[tuple[int, int, str]]] = defaultdict(list)

    def write(
        self, edits: list[tuple[int, int, Diagnostic, str]], styles: list[Diagnostic]
    ) -> tuple[bytes, list]:
        """The package with the text edits (start, end, diagnostic, replacement: offsets in .text)
        and the formatting fixes applied; and the diagnostics whose fix was made."""
        made = {id(d): d for a, b, d, rep in edits if self._edit(a, b, rep)}
        done = list(made.values())
        done += [d for d in styles if self._style(d)]
        self._flush()
        if not done:
            return self.data, []
        return self._zip(), done

    # -- text edits: collected per w:t element, written from the last to the first
    def _edit(self, a: int, b: int, rep: str) -> bool:
        """Replace .text[a:b] by rep, touching only what differs, line by line; all or nothing."""
        olds, news = self.text[a:b].split("\n"), rep.split("\n")
        if len(olds) != len(news):
            return False  # a line is a paragraph or a break: a fix does not make or join them
        cuts: list[Cut] = []
        for old, new in zip(olds, news):
            for i, j, part in _changes(old, new):
                cut = self._cut(a + i, a + j, part)
                if cut is None:
                    return False
                cuts += cut
            a += len(old) + 1
        for el, lo, hi, part in cuts:
            self._pending[el].append((lo, hi, part))
        return True

    def _cut(self, a: int, b: int, new: str) -> list[Cut] | None:
        """The w:t edits replacing .text[a:b] (one line) by new; None when a character there
        came from no w:t."""
        if a == b:  # an insertion: after the character before, else before the one after
            if a > 0 and self.chars[a - 1]:
                el, k = self.chars[a - 1]
                return [(el, k + 1, k + 1, new)]
            if a < len(self.chars) and self.chars[a]:
                el, k = self.chars[a]
                return [(el, k, k, new)]
            return None
        covered = self.chars[a:b]
        if any(o is None for o in covered):
            return None
        spans: dict = {}  # element -> (first, last) index; a w:t's characters are contiguous
        for el, k in covered:
            lo, hi = spans.get(el, (k, k))
            spans[el] = (min(lo, k), max(hi, k))
        first = covered[0][0]
        return [(el, lo, hi + 1, new if el is first else "") for el, (lo, hi) in spans.items()]

    def _flush(self) -> None:
        for el, cuts in self._pending.items():
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


def _changes(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, text): the stretches of old to replace to get new, the common ends left out
    (so the runs in between keep their text and formatting)."""
    if old == new:
        return []
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and old[-1 - q] == new[-1 - q]:
        q += 1
    o, n = old[p : len(old) - q], new[p : len(new) - q]
    ops = difflib.SequenceMatcher(None, o, n, autojunk=False).get_opcodes()
    return [(p + i, p + j, n[k:m]) for tag, i, j, k, m in ops if tag != "equal"]
