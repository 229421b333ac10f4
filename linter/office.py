"""Read .docx and .pdf files into plain text (plus typography and page set-up for .docx).

python-docx and pypdf are imported lazily inside the readers, so importing this module is cheap.

Line rule, for both readers: ``text == "\\n".join(lines)`` and ``styles[i]`` describes
``text.split("\\n")[i]``, so ``len(styles) == text.count("\\n") + 1`` always; an empty last
paragraph makes ``text`` end in "\\n" and its (empty) line still has a style entry. No other
line-break character (\\r, \\v, \\f, U+2028, ...) occurs in ``text``, so ``text.splitlines()``
gives the same lines except for a trailing empty one.

.docx reading order: the body's block items in document order. A paragraph gives one line, or
several when it has soft line breaks; empty paragraphs give empty lines. A table is read row by
row and, inside a row, cell by cell: all lines of the left cell, then all lines of the right cell
(the issuer block, then the banner block of a header table). Nested tables are read the same way.
Cells covered by a horizontal (gridSpan) or vertical (vMerge continuation) merge are read once.
Automatic list numbers ("1.", "a)", "-") are rendered in front of the paragraph text, followed by
their tab or space. Text boxes anchored in a paragraph follow that paragraph's lines. Page
headers/footers, footnotes, comments, deleted revisions and hidden (vanish) text are skipped.

.pdf: pypdf ``extract_text(extraction_mode="layout")`` per page, trailing spaces removed, the
pages' furniture left out (``furniture.strip``: running heads, page numbers, the Official
Gazette's headings), pages joined with "\\n". A two-column header comes interleaved row by row, each line "left   right"
with a wide gap (see ``read_pdf``). Styles are all None and ``page`` is None.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from linter import decode, furniture

__all__ = [
    "Style",
    "PageSetup",
    "OfficeText",
    "NeedsOCR",
    "UnreadableOffice",
    "read_docx",
    "load_docx",
    "check_zip",
    "read_pdf",
]


@dataclass(frozen=True)
class Style:
    """Typography of one line of text.

    font/size: the value carried by most visible (non-space) characters; for a line without
    visible characters, that of its characters, else of the paragraph mark. bold/italic/underline:
    True when every visible character has it, False when none has, None when mixed. all_caps:
    the line has cased letters and all of them display upper case (typed so, or caps property).
    align: the paragraph's alignment ("left" when nothing sets it, as Word does).
    """

    font: str | None
    size: float | None
    bold: bool | None
    italic: bool | None
    underline: bool | None
    all_caps: bool
    align: str | None
    # a line that a tab or a wide gap cuts into cells (two columns typed without a table: "Nơi
    # nhận:  <tab>  TL. CHỦ TỊCH"): each cell's own style, by the 0-based index where it starts
    cells: tuple[tuple[int, Style], ...] = ()

    def at(self, i: int) -> Style:
        """The style of the cell that holds character i of the line (the line's, if it has none)."""
        return next((st for start, st in reversed(self.cells) if start <= i), self)


@dataclass(frozen=True)
class PageSetup:
    """Page size and margins of the first section, in millimetres."""

    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    orientation: str  # "portrait" | "landscape" (from the dimensions; the orient attribute if square)


@dataclass(frozen=True)
class OfficeText:
    text: str
    styles: list[Style | None]
    page: PageSetup | None
    kind: str  # "docx" | "pdf"
    pages: list[str] | None = None  # a PDF's text page by page ("" for a page with no text layer)
    replaced: tuple[int, ...] = ()  # pages (1-based) whose text layer is not the document's: as if none
    published: str | None = None  # furniture.GAZETTE: the pages are the Official Gazette's


class NeedsOCR(Exception):
    """The PDF has no text layer (a scan)."""


class UnreadableOffice(Exception):
    """The file is corrupt, truncated, encrypted or not of the expected format."""


# --------------------------------------------------------------------------- shared helpers

# Line separators other than "\n" that str.splitlines() honours; "\r\n" counts once.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _split_lines(s: str) -> list[str]:
    return _LINE_BREAKS.sub("\n", s).split("\n")


# --------------------------------------------------------------------------- docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _TR, _TC, _R, _T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r"), _w("t")
_PPR, _RPR, _TCPR, _TBLPR = _w("pPr"), _w("rPr"), _w("tcPr"), _w("tblPr")
_TXBX = _w("txbxContent")
_ALT = f"{{{_MC}}}AlternateContent"
_CHOICE, _FALLBACK = f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"
_VAL = _w("val")

# Containers whose children are read as if they stood in their parent's place.
_BLOCK_WRAPPERS = {_w("sdt"), _w("sdtContent"), _w("customXml"), _w("ins"), _w("moveTo")}
_INLINE_WRAPPERS = _BLOCK_WRAPPERS | {_w("hyperlink"), _w("smartTag"), _w("fldSimple"), _w("dir"), _w("bdo")}

_JC = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
    "thaiDistribute": "justify",
    "lowKashida": "justify",
    "mediumKashida": "justify",
    "highKashida": "justify",
}

# Symbol/Wingdings private-use code points seen as bullets or in w:sym.
_PUA = {
    0xF0B7: "•",
    0xF02D: "-",
    0xF0A7: "▪",
    0xF0D8: "➢",
    0xF076: "❖",
    0xF0FC: "✓",
    0xF06C: "●",
    0xF06E: "■",
    0xF0A8: "□",
    0xF0E0: "→",
    0xF0F0: "⇒",
    0xF02A: "*",
}

_UNITS_PT = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pc": 12.0, "pi": 12.0}


def _measure(v: str | None, per_pt: float) -> float | None:
    """OOXML measure -> points: a bare number is in 1/per_pt points; a universal measure has a unit."""
    if v is None:
        return None
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*([a-z]{2})?\s*", v)
    if not m:
        return None
    n = float(m.group(1))
    if m.group(2):
        k = _UNITS_PT.get(m.group(2))
        return n * k if k else None
    return n / per_pt


def _on(el) -> bool:
    v = el.get(_VAL)
    return v is None or v.lower() not in ("0", "false", "off", "none")


class _Props:
    """Run properties resolved through the style hierarchy."""

    __slots__ = ("ascii", "hansi", "size", "b", "i", "u", "caps", "vanish")

    def __init__(self):
        self.ascii = self.hansi = None
        self.size = None
        self.b = self.i = self.u = self.caps = self.vanish = False

    def copy(self) -> _Props:
        p = _Props()
        for k in self.__slots__:
            setattr(p, k, getattr(self, k))
        return p

    def apply(self, rpr, theme: dict[str, str]) -> None:
        """Overlay one w:rPr element (most specific wins; toggle XOR between styles is not modelled)."""
        if rpr is None:
            return
        for c in rpr:
            tag = c.tag
            if tag == _w("rFonts"):
                for attr, theme_attr, slot in (
                    ("ascii", "asciiTheme", "ascii"),
                    ("hAnsi", "hAnsiTheme", "hansi"),
                ):
                    th = c.get(_w(theme_attr))
                    name = theme.get(th[:5]) if th else None  # "minor..." / "major..."
                    name = name or c.get(_w(attr))
                    if name:
                        setattr(self, slot, name)
            elif tag == _w("sz"):
                sz = _measure(c.get(_VAL), 2.0)
                if sz:
                    self.size = sz
            elif tag == _w("b"):
                self.b = _on(c)
            elif tag == _w("i"):
                self.i = _on(c)
            elif tag == _w("u"):
                self.u = _on(c)
            elif tag == _w("caps"):
                self.caps = _on(c)
            elif tag in (_w("vanish"), _w("specVanish")):
                self.vanish = _on(c)


class _Styles:
    def __init__(self, styles_el, theme: dict[str, str], numbering_el):
        self.theme = theme
        self.by_id: dict[str, object] = {}
        self.default: dict[str, str] = {}
        self.doc_rpr = self.doc_ppr = None
        if styles_el is not None:
            for s in styles_el.iter(_w("style")):
                sid = s.get(_w("styleId"))
                if sid:
                    self.by_id[sid] = s
                    if _on_attr(s.get(_w("default"))):
                        self.default.setdefault(s.get(_w("type")) or "paragraph", sid)
            dd = styles_el.find(_w("docDefaults"))
            if dd is not None:
                self.doc_rpr = dd.find(f"{_w('rPrDefault')}/{_RPR}")
                self.doc_ppr = dd.find(f"{_w('pPrDefault')}/{_PPR}")
        self._chains: dict[str, list] = {}
        self._props_cache: dict[tuple, _Props] = {}
        self.num = _Numbering(numbering_el, self)

    def para_style_id(self, ppr) -> str | None:
        if ppr is not None:
            ps = ppr.find(_w("pStyle"))
            if ps is not None and ps.get(_VAL) in self.by_id:
                return ps.get(_VAL)
        return self.default.get("paragraph")

    def base_props(self, table_sid: str | None, para_sid: str | None) -> _Props:
        key = (table_sid, para_sid)
        p = self._props_cache.get(key)
        if p is None:
            p = _Props()
            p.apply(self.doc_rpr, self.theme)
            for st in self._style_chain(table_sid) + self._style_chain(para_sid):
                p.apply(st.find(_RPR), self.theme)
            self._props_cache[key] = p
        return p

    def run_props(self, base: _Props, rpr) -> _Props:
        p = base.copy()
        if rpr is not None:
            rs = rpr.find(_w("rStyle"))
            if rs is not None:
                for st in self._style_chain(rs.get(_VAL)):
                    p.apply(st.find(_RPR), self.theme)
            p.apply(rpr, self.theme)
        return p

    def _style_chain(self, sid: str | None) -> list:
        if not sid:
            return []
        ch = self._chains.get(sid)
        if ch is None:
            out, seen, cur = [], set(), sid
            while cur and cur in self.by_id and cur not in seen:
                seen.add(cur)
                st = self.by_id[cur]
                out.append(st)
                b = st.find(_w("basedOn"))
                cur = b.get(_VAL) if b is not None else None
            ch = self._chains[sid] = out[::-1]
        return ch

    def ppr_value(self, ppr, table_sid: str | None, para_sid: str | None, tag: str):
        """The most specific pPr child `tag`: direct, paragraph styles, table styles, defaults."""
        if ppr is not None:
            el = ppr.find(tag)
            if el is not None:
                return el
        for st in reversed(self._style_chain(para_sid)):
            el = st.find(f"{_PPR}/{tag}")
            if el is not None:
                return el
        for st in reversed(self._style_chain(table_sid)):
            el = st.find(f"{_PPR}/{tag}")
            if el is not None:
                return el
        if self.doc_ppr is not None:
            return self.doc_ppr.find(tag)
        return None


def _on_attr(v: str | None) -> bool:
    return v is not None and v.lower() in ("1", "true", "on")


def _roman(n: int) -> str:
    out = ""
    for v, s in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= v:
            out, n = out + s, n - v
    return out


def _letters(n: int) -> str:
    # Word: a..z, aa..zz, aaa..
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _fmt_num(n: int, fmt: str | None) -> str:
    if not 1 <= n <= 780:  # out of the letter/roman ranges Word renders (and no huge strings)
        return "" if fmt == "none" else str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _pua_text(s: str) -> str:
    return "".join(_PUA.get(ord(c), c) for c in s)


class _Numbering:
    """Renders automatic list labels (the common formats; counters per numId, reset by higher levels)."""

    def __init__(self, numbering_el, styles: _Styles):
        self.abstract: dict[str, object] = {}
        self.nums: dict[str, tuple[str, dict]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = styles
        if numbering_el is None:
            return
        for a in numbering_el.findall(_w("abstractNum")):
            self.abstract[a.get(_w("abstractNumId"))] = a
        for n in numbering_el.findall(_w("num")):
            aid = n.find(_w("abstractNumId"))
            overrides = {}
            for o in n.findall(_w("lvlOverride")):
                so = o.find(_w("startOverride"))
                if so is not None:
                    try:
                        overrides[int(o.get(_w("ilvl")) or 0)] = int(so.get(_VAL))
                    except (TypeError, ValueError):
                        pass
            if aid is not None:
                self.nums[n.get(_w("numId"))] = (aid.get(_VAL), overrides)

    def _levels(self, num_id: str) -> dict[int, object]:
        aid = self.nums[num_id][0]
        a = self.abstract.get(aid)
        if a is not None and a.find(_w("lvl")) is None:  # numStyleLink: follow the linked style
            link = a.find(_w("numStyleLink"))
            if link is not None:
                st = self.styles.by_id.get(link.get(_VAL))
                nid = st.find(f"{_PPR}/{_w('numPr')}/{_w('numId')}") if st is not None else None
                if nid is not None and nid.get(_VAL) in self.nums:
                    a = self.abstract.get(self.nums[nid.get(_VAL)][0])
        out = {}
        if a is not None:
            for lvl in a.findall(_w("lvl")):
                try:
                    out[int(lvl.get(_w("ilvl")) or 0)] = lvl
                except ValueError:
                    pass
        return out

    def label(self, ppr, para_sid: str | None) -> str:
        if not self.nums:
            return ""
        num_id = ilvl = None
        for src in [ppr] + [st.find(_PPR) for st in reversed(self.styles._style_chain(para_sid))]:
            npr = src.find(_w("numPr")) if src is not None else None
            if npr is None:
                continue
            if num_id is None and npr.find(_w("numId")) is not None:
                num_id = npr.find(_w("numId")).get(_VAL)
            if ilvl is None and npr.find(_w("ilvl")) is not None:
                ilvl = npr.find(_w("ilvl")).get(_VAL)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        try:
            level = int(ilvl or 0)
        except ValueError:
            level = 0
        levels = self._levels(num_id)
        lvl = levels.get(level)
        if lvl is None:
            return ""

        def start_of(k: int) -> int:
            ov = self.nums[num_id][1].get(k)
            if ov is not None:
                return ov
            el = levels.get(k)
            s = el.find(_w("start")) if el is not None else None
            try:
                return int(s.get(_VAL)) if s is not None else 1
            except (TypeError, ValueError):
                return 1

        cnt = self.counters.setdefault(num_id, {})
        cnt[level] = cnt[level] + 1 if level in cnt else start_of(level)
        for k in [k for k in cnt if k > level]:
            del cnt[k]
        fmt_el, text_el = lvl.find(_w("numFmt")), lvl.find(_w("lvlText"))
        fmt = fmt_el.get(_VAL) if fmt_el is not None else "decimal"
        text = text_el.get(_VAL) if text_el is not None else ""
        if text is None:
            text = ""
        if fmt == "bullet":
            label = _pua_text(text)
        else:

            def sub(m):
                k = int(m.group(1)) - 1
                el = levels.get(k)
                f = el.find(_w("numFmt")) if el is not None else None
                return _fmt_num(cnt.get(k, start_of(k)), f.get(_VAL) if f is not None else "decimal")

            label = re.sub(r"%([1-9])", sub, text)
        if not label:
            return ""
        suff = lvl.find(_w("suff"))
        suff_v = suff.get(_VAL) if suff is not None else "tab"
        return label + {"space": " ", "nothing": ""}.get(suff_v, "\t")


class _DocxReader:
    def __init__(self, styles: _Styles, track: bool = False):
        self.st = styles
        self.lines: list[str] = []
        self.styles: list[Style | None] = []
        self.track = track  # keep where each character came from (a fix writes it back)
        self.origins: list[list[tuple | None]] = []  # per line, per character: (w:t, index) or None
        self.paras: list = []  # per line, its w:p (tracked)

    # ---- block level
    def blocks(self, parent, table_sid: str | None) -> None:
        for el in parent:
            tag = el.tag
            if tag == _P:
                self.paragraph(el, table_sid)
            elif tag == _TBL:
                self.table(el)
            elif tag in _BLOCK_WRAPPERS:
                self.blocks(el, table_sid)

    def table(self, tbl) -> None:
        sid = None
        tblpr = tbl.find(_TBLPR)
        ts = tblpr.find(_w("tblStyle")) if tblpr is not None else None
        if ts is not None and ts.get(_VAL) in self.st.by_id:
            sid = ts.get(_VAL)
        else:
            sid = self.st.default.get("table")
        for row in _children(tbl, _TR):
            for cell in _children(row, _TC):
                tcpr = cell.find(_TCPR)
                if tcpr is not None:
                    vm = tcpr.find(_w("vMerge"))
                    if vm is not None and (vm.get(_VAL) or "continue") != "restart":
                        continue  # covered by the cell above
                    hm = tcpr.find(_w("hMerge"))
                    if hm is not None and (hm.get(_VAL) or "continue") != "restart":
                        continue  # legacy horizontal merge
                self.blocks(cell, sid)

    # ---- paragraph level
    def paragraph(self, p, table_sid: str | None) -> None:
        st = self.st
        ppr = p.find(_PPR)
        para_sid = st.para_style_id(ppr)
        base = st.base_props(table_sid, para_sid)
        jc = st.ppr_value(ppr, table_sid, para_sid, _w("jc"))
        align = _JC.get(jc.get(_VAL)) if jc is not None else "left"

        # segments per line: (text, props, origin); label text has props None (not weighed);
        # origin: (w:t element, offset of the text in it), None for what no w:t holds
        lines: list[list[tuple[str, _Props | None, tuple | None]]] = [[]]
        boxes: list = []
        label = st.num.label(ppr, para_sid)
        if label:
            lines[-1].append((label, None, None))
        self._inline(p, base, lines, boxes)

        mark = st.run_props(base, ppr.find(_RPR) if ppr is not None else None)
        for segs in lines:
            text = "".join(t for t, _, _ in segs)
            self.lines.append(text)
            style = _line_style(segs, mark, align)
            if "\t" in text or "    " in text.strip():
                style = replace(style, cells=_cell_styles(segs, text, mark, align))
            self.styles.append(style)
            if self.track:
                self.paras.append(p)
                self.origins.append(
                    [None if o is None else (o[0], o[1] + k) for t, _, o in segs for k in range(len(t))]
                )
        for box in boxes:
            self.blocks(box, None)

    def _inline(self, parent, base: _Props, lines, boxes) -> None:
        for el in parent:
            tag = el.tag
            if tag == _R:
                self._run(el, base, lines, boxes)
            elif tag in _INLINE_WRAPPERS:
                self._inline(el, base, lines, boxes)
            elif tag == _ALT:
                _collect_boxes(el, boxes)

    def _run(self, r, base: _Props, lines, boxes) -> None:
        props = self.st.run_props(base, r.find(_RPR))
        if props.vanish:
            return
        buf: list[tuple[str, tuple | None]] = []  # pieces of text and their origins

        def flush():
            for piece in buf:
                lines[-1].append((piece[0], props, piece[1]))
            buf.clear()

        for c in r:
            tag = c.tag
            if tag == _T:
                t = c.text or ""
                if _LINE_BREAKS.search(t) or "\n" in t:  # rare: these pieces are not written back
                    parts = _split_lines(t)
                    buf.append((parts[0], None))
                    for part in parts[1:]:
                        flush()
                        lines.append([])
                        buf.append((part, None))
                else:
                    buf.append((t, (c, 0)))
            elif tag == _w("tab") or tag == _w("ptab"):
                buf.append(("\t", None))
            elif tag == _w("br") or tag == _w("cr"):
                kind = c.get(_w("type"))
                flush()
                if kind in ("page", "column"):
                    # a page/column break only separates text; it creates no empty line
                    if any(t for t, _, _ in lines[-1]):
                        lines.append([])
                else:
                    lines.append([])
            elif tag == _w("noBreakHyphen"):
                buf.append(("-", None))
            elif tag == _w("sym"):
                try:
                    buf.append((_pua_text(chr(int(c.get(_w("char")) or "", 16))), None))
                except (ValueError, OverflowError):
                    pass
            elif tag in (_w("drawing"), _w("pict"), _w("object"), _ALT):
                _collect_boxes(c, boxes)
        flush()


def _children(el, tag):
    """Direct children with `tag`, looking through content-control/customXml wrappers."""
    for c in el:
        if c.tag == tag:
            yield c
        elif c.tag in _BLOCK_WRAPPERS:
            yield from _children(c, tag)


def _collect_boxes(el, boxes: list) -> None:
    """Outermost w:txbxContent under el; for mc:AlternateContent only one branch is read."""
    if el.tag == _TXBX:
        boxes.append(el)
        return
    if el.tag == _ALT:
        found: list = []
        for branch in el:
            if branch.tag in (_CHOICE, _FALLBACK):
                for c in branch:
                    _collect_boxes(c, found)
                if found:
                    break
        boxes.extend(found)
        return
    for c in el:
        _collect_boxes(c, boxes)


_CELL_GAP = re.compile(r"\S(\s*\t\s*|\s{4,})(?=\S)")


def _cell_styles(segs, text: str, mark: _Props, align: str | None) -> tuple[tuple[int, Style], ...]:
    """The styles of the cells a tab or a gap of four spaces cuts the line into; () for one cell."""
    cuts = [m.end(1) for m in _CELL_GAP.finditer(text)]
    if not cuts:
        return ()
    starts = [len(text) - len(text.lstrip()), *cuts]
    bounds = list(zip(starts, [*cuts, len(text)]))
    out = []
    for a, b in bounds:
        cell, k = [], 0  # the segments' pieces that fall in [a, b)
        for t, pr, o in segs:
            lo, hi = max(a, k), min(b, k + len(t))
            if lo < hi:
                cell.append((t[lo - k : hi - k], pr, o))
            k += len(t)
        out.append((a, _line_style(cell, mark, align)))
    return tuple(out)


def _line_style(segs, mark: _Props, align: str | None) -> Style:
    fonts: Counter = Counter()
    sizes: Counter = Counter()
    flags = {"b": [0, 0], "i": [0, 0], "u": [0, 0]}
    cased = caps_shown = 0
    weighed = [(t, p) for t, p, _ in segs if p is not None and t]
    visible = any(not ch.isspace() for t, _ in weighed for ch in t)
    for t, p in weighed:
        for ch in t:
            if visible and ch.isspace():
                continue
            f = (p.ascii or p.hansi) if ord(ch) < 128 else (p.hansi or p.ascii)
            if f:
                fonts[f] += 1
            if p.size:
                sizes[p.size] += 1
            for k in flags:
                flags[k][bool(getattr(p, k))] += 1
            if ch.isupper() or ch.islower():
                cased += 1
                caps_shown += ch.isupper() or p.caps
    if not weighed:
        return Style(
            font=mark.ascii or mark.hansi,
            size=mark.size,
            bold=mark.b,
            italic=mark.i,
            underline=mark.u,
            all_caps=False,
            align=align,
        )

    def tri(k):
        off, on = flags[k]
        return None if (on and off) else bool(on) if (on or off) else None

    return Style(
        font=fonts.most_common(1)[0][0] if fonts else None,
        size=sizes.most_common(1)[0][0] if sizes else None,
        bold=tri("b"),
        italic=tri("i"),
        underline=tri("u"),
        all_caps=cased > 0 and caps_shown == cased,
        align=align,
    )


def _theme_fonts(doc_part) -> dict[str, str]:
    from lxml import etree

    out: dict[str, str] = {}
    for rel in doc_part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/theme"):
            continue
        root = etree.fromstring(rel.target_part.blob)
        for key, tag in (("minor", "minorFont"), ("major", "majorFont")):
            latin = root.find(f".//{{{_A}}}{tag}/{{{_A}}}latin")
            if latin is not None and latin.get("typeface"):
                out[key] = latin.get("typeface")
        break
    return out


def _page_setup(body) -> PageSetup | None:
    """Page set-up of the first section (the one page 1 belongs to)."""
    sect = None
    for el in body.iter(_w("sectPr")):
        parent = el.getparent()
        if parent is body or (parent.tag == _PPR and parent.getparent().tag != _w("pPrChange")):
            sect = el
            break
    if sect is None:
        return None
    sz, mar = sect.find(_w("pgSz")), sect.find(_w("pgMar"))
    if sz is None or mar is None:
        return None

    def mm(el, attr):
        v = _measure(el.get(_w(attr)), 20.0)  # twips
        return None if v is None else round(abs(v) * 25.4 / 72, 3)

    vals = [mm(sz, "w"), mm(sz, "h"), mm(mar, "top"), mm(mar, "bottom"), mm(mar, "left"), mm(mar, "right")]
    if any(v is None for v in vals):
        return None
    w, h = vals[0], vals[1]
    orient = "landscape" if w > h else "portrait" if w < h else (sz.get(_w("orient")) or "portrait")
    return PageSetup(*vals, orientation=orient)


def read_docx(data: bytes) -> OfficeText:
    """Read a .docx file's body as text with per-line typography and the first page set-up."""
    return load_docx(data)[0]


# a .docx is a zip: its members are bounded before any is decompressed (a zip bomb is refused)
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 200


def check_zip(data: bytes) -> None:
    """Raise UnreadableOffice unless data is a zip whose members, as declared, unpack within the
    limits (zipfile never inflates a member past its declared size)."""
    import zipfile

    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnreadableOffice(
            "not a .docx: an OLE2 compound file (a legacy .doc, or a password-protected .docx)"
        )
    if data[:2] != b"PK":
        raise UnreadableOffice("not a .docx: the data is not a zip archive")
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise UnreadableOffice(f"corrupt or truncated .docx ({type(e).__name__}: {e})") from e
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED or total > MAX_RATIO * max(len(data), 1024):
        raise UnreadableOffice(
            f"the .docx would unpack to {total // (1024 * 1024)} MB from {len(data) // 1024} KB: refused (a zip bomb?)"
        )


def load_docx(data: bytes, track: bool = False) -> tuple[OfficeText, object, list, list]:
    """read_docx(), the python-docx Document it was read from, and with track=True where each
    character of each line came from ([(w:t element, index) or None per character] per line)
    and each line's w:p: the fix of a .docx writes into those elements."""
    check_zip(data)
    try:
        import docx  # lazy: python-docx is an optional dependency
    except ImportError as e:  # pragma: no cover
        raise UnreadableOffice("reading .docx needs python-docx (pip install python-docx)") from e
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as e:  # python-docx: "file '...' is not a Word file, content type is ..."
        raise UnreadableOffice(f"not a .docx document ({e})") from e
    except Exception as e:  # zipfile.BadZipFile, KeyError, lxml XMLSyntaxError, PackageNotFoundError, ...
        raise UnreadableOffice(f"corrupt or truncated .docx ({type(e).__name__}: {e})") from e
    try:
        part = document.part
        try:
            styles_el = part._styles_part.element
        except Exception:
            styles_el = None
        try:
            numbering_el = part.numbering_part.element
        except Exception:
            numbering_el = None
        try:
            theme = _theme_fonts(part)
        except Exception:
            theme = {}
        body = document.element.body
        reader = _DocxReader(_Styles(styles_el, theme, numbering_el), track)
        if body is not None:
            reader.blocks(body, None)
        page = _page_setup(body) if body is not None else None
    except Exception as e:
        raise UnreadableOffice(f"malformed .docx content ({type(e).__name__}: {e})") from e
    if not reader.lines:
        reader.lines, reader.styles, reader.origins, reader.paras = [""], [None], [[]], [None]
    text = OfficeText(text="\n".join(reader.lines), styles=reader.styles, page=page, kind="docx")
    return text, document, reader.origins, reader.paras


# --------------------------------------------------------------------------- pdf


def _blank(s: str) -> bool:
    # Control, format, private-use (glyph codes of fonts without a ToUnicode map) and unassigned
    # characters carry no readable text either.
    return all(c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Co", "Cn") for c in s)


def _vietnamese(s: str) -> bool:
    """Whether a page's text layer reads as Vietnamese. A scanner's OCR layer made without the
    Vietnamese model ("TINH trY LAM DONG"), or a legacy font's glyphs without a Unicode map ("BØ
    CÔNG AN … SÑg8"), has few of the letters with marks: at most 13 % of its letters on the
    scans seen, at least 17 % on every published page (a quarter on most). A page of under 200
    letters (a form, a table of figures) is not judged."""
    letters = [c for c in s if c.isalpha()]
    return len(letters) < 200 or sum(c in _MARKED for c in letters) >= 0.15 * len(letters)


def _stamped(s: str) -> bool:
    """A page whose only text is what an e-signing tool stamped on it ("SAO Y; CÔNG AN TỈNH LÂM
    ĐỒNG; 03/02/2026; 15:40:13; +07:00": a certified copy of a scan): a few words with the time
    of signing or the signer."""
    return 0 < sum(c.isalpha() for c in s) < 200 and _SIGNING.search(s) is not None


_SIGNING = re.compile(r"\d\d:\d\d:\d\d|SAO Y|[Kk]ý bởi")


_MARKED = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)


def _quiet_pypdf() -> None:
    # pypdf logs repairs ("EOF marker not found") as warnings; with no handler configured Python
    # prints them on stderr. A NullHandler stops that, and an application's own logging still sees them.
    import logging

    log = logging.getLogger("pypdf")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())


# A word the text layer set apart at a glyph with a stacked mark ("Điề    u 5", "khoả   n", "TM.
# CHÍNH PH   Ủ"): the font places that glyph on its own and the layout mode turns its offset into
# spaces. Two letter runs are one word when the gap touches a marked letter, together they make a
# syllable, and apart one of them makes none ("i" and "u" alone are no word either). A piece that
# makes a syllable with the run after a wider gap goes with that one ("y tế t   hực": not "tết").
# A wide gap before consonants alone is the layer's too, marked letter or not ("tăn     g)").
_LETTERS = re.compile(r"[^\W\d_]+")
_CONSONANTS = re.compile(r"[bcdđghklmnpqrstvx]+", re.IGNORECASE)


def _word(piece: str) -> bool:
    return piece.lower() not in ("i", "u") and decode.is_syllable(piece)


def _bare(b: str, after: str) -> bool:
    """b is consonants alone that make no syllable with the run after it ("tăn     g)", not "qua
    m   ạng")."""
    return bool(_CONSONANTS.fullmatch(b)) and not (after and decode.is_syllable(b + after))


def _one_word(a: str, b: str, marked: bool = True) -> bool:
    return (
        (not marked or not (a[-1].isascii() and b[0].isascii()))
        and (b.islower() or a.isupper() and b.isupper())
        and not (_word(a) and _word(b))
        and decode.is_syllable(a + b)
    )


# The same text layers open a gap inside a number's symbol or a year: "Số: 81/2025/TT-      BCA",
# "Số: 32/2026/TT     -BKHCN", "ngày 29 tháng 8 năm202      5".
# or spread a whole number over its field, each piece apart: "Nghị quyết số: 78        /2025       /UBTVQH15"
# (a blank an e-signature stamped its number into opens before the first slash only)
_SPREAD_NUMBER = re.compile(r"(?<=\d) {2,}/(\d{4}) {2,}/(?=[A-ZĐ])")
_SPLIT_NUMBER = re.compile(
    r"(\d/[A-ZĐ]{1,8}-) {2,}(?=[A-ZĐ]{2,})|(\d/[A-ZĐ]{1,8}) {2,}(?=-[A-ZĐ]{2,})|(năm\d{3}) {2,}(?=\d\b)"
    r"|(Điều \d{1,2}) {2,}(?=\d{1,2}[.:] )"  # an article's number: "Điều 1  1. Đạt và không đạt …"
)


def _name_gaps(line: str) -> list[int]:
    """The spaces of a gap the text layer opened inside a word of a name ("Lê Ti  ến Châu", "Tr ần
    Thanh Vũ"): the name's other words capitalised, the piece after the gap in lower case, the two
    one syllable; a gap of one space only after a piece that is no syllable ("Tr")."""
    words = line.split()
    if not 3 <= len(words) <= 7 or not all(map(str.isalpha, words)):
        return []
    pieces = list(re.finditer(r"\S+", line))
    gone: list[int] = []
    for a, b in zip(pieces, pieces[1:]):
        if b[0][0].islower():
            narrow = b.start() - a.end() < 2 and decode.is_syllable(a[0])
            if narrow or not a[0][0].isupper() or not decode.is_syllable(a[0] + b[0]):
                return []
            gone += range(a.end(), b.start())
    return gone


def _rejoin(line: str) -> str:
    if "  /" in line:
        line = _SPREAD_NUMBER.sub(r"/\1/", line)
    if line.isascii():
        return line
    if "  " in line:
        line = _SPLIT_NUMBER.sub(lambda m: m[1] or m[2] or m[3] or m[4], line)
    if gone := _name_gaps(line):
        return _without(line, gone)
    runs = list(_LETTERS.finditer(line))
    gaps = [line[x.end() : y.start()].isspace() for x, y in zip(runs, runs[1:])]
    out, at, word = [], 0, ""
    for i, run in enumerate(runs):
        b = run[0]
        gap = run.start() - runs[i - 1].end() if i else 0
        # (the run after goes with b only across a wider gap: the one the text layer opened)
        nxt = runs[i + 1] if i + 1 < len(runs) and gaps[i] and runs[i + 1].start() - run.end() > gap else None
        if (
            word
            and gaps[i - 1]
            and _one_word(
                word, b, gap < 2 or not _bare(b, runs[i + 1][0] if i + 1 < len(runs) and gaps[i] else "")
            )
            and not (nxt and not _word(b) and _one_word(b, nxt[0], False))
        ):
            out.append(line[at : runs[i - 1].end()])  # the gap left out
            at, word = run.start(), word + b
        else:
            word = b
    line = "".join(out) + line[at:]
    gone = _name_gaps(line) if out else []  # (a name's word the text layer cut twice: "Tr ầ n")
    return _without(line, gone)


def _without(line: str, gone: list[int]) -> str:
    """The line without the characters at the indexes gone."""
    cut = set(gone)
    return "".join(c for i, c in enumerate(line) if i not in cut) if cut else line


# Runs the layout mode put out of the order they are drawn in leave a seam: a list item's dash glued
# after the text before it, "TT. HĐND Phường;- TT. Đảng ủy/", " tra của- Đoàn kiểm Bộ GDĐT …", or a
# stop glued to the word after it, "… phường (để phối hợp);phường", " định thi hành.căn cứ Quyết"
# (the page and the plain mode read "- TT. Đảng ủy/ TT. HĐND Phường;", "… thi hành.")
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_SWAPPED_RUNS = re.compile(rf"\S- \w|[;,.)](?=[{_LOWER}]{{2}})")
_CELLS = re.compile(r"(\s{3,})")  # the gap between two columns of a layout line
_GAP_IN_BRACKETS = re.compile(r"\([^()]*\s{3}[^()]*\)")  # a run set apart inside "(V05      b)"


def _seam(x: str) -> bool:
    """Does the line show a seam (_SWAPPED_RUNS, or a lower-case letter run into a capital, "… năm
    2025, nămThủ trưởng …")?"""
    return bool(_SWAPPED_RUNS.search(x)) or any(a.islower() and b.isupper() for a, b in zip(x, x[1:]))


def _in_drawing_order(lines: list[str], plain: str) -> list[str]:
    """The lines of a page that shows a seam, each one (or each of its cells) with a seam or a list
    item's dash put back in the plain mode's order where a plain line holds the same characters in
    another order: where the layout mode misplaced some runs of a list it may have misplaced others
    ("- Các trường; THPT (để thực hiện)")."""

    def key(s: str) -> str:
        return "".join(sorted(s.replace(" ", "")))

    drawn: dict[str, str] = {}
    for p in plain.splitlines():
        drawn.setdefault(key(p), p.strip())

    def mended(x: str) -> str | None:
        p = drawn.get(key(x))
        if p is None or not _seam(x) and "-" not in (x.lstrip()[:1], p[:1]):
            return None
        if p.replace(" ", "") == x.replace(" ", "") and not _GAP_IN_BRACKETS.search(x):
            return None  # (the same order: a seam the page prints, "KT.HIỆU TRƯỞNG", stays)
        return x[: len(x) - len(x.lstrip())] + p

    out = []
    for x in lines:
        whole = mended(x)
        if whole is None and _CELLS.search(x.strip()):
            cells = _CELLS.split(x)
            whole = "".join(c if k % 2 or not c.strip() else mended(c) or c for k, c in enumerate(cells))
        out.append(whole or x)
    return out


def read_pdf(data: bytes) -> OfficeText:
    """Text of a PDF's text layer, pages joined with "\\n"; styles all None, page None.

    pypdf's layout mode, trailing spaces removed. Lines follow the page's visual rows, so a
    two-column header comes interleaved row by row, each row "left text   <gap>   right text":
    "TỈNH ỦY QUẢNG NINH          ĐẢNG CỘNG SẢN VIỆT NAM", "*        Quảng Ninh, ngày ...",
    "Số 400-TB/TU" (the same for the Nơi nhận / signature table). Leading indentation and the gap
    of 2+ spaces between columns are kept, and vertical gaps (paragraph spacing) give blank lines.
    The plain mode interleaves the same way but joins the columns with one space and drops the
    blank lines, so it is only the fallback for a page the layout mode fails on.
    """
    if b"%PDF-" not in data[:1024]:
        raise UnreadableOffice("not a PDF: no %PDF header")
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError
    except ImportError as e:  # pragma: no cover
        raise UnreadableOffice("reading .pdf needs pypdf (pip install pypdf)") from e
    _quiet_pypdf()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except DependencyError as e:
                raise UnreadableOffice(f"encrypted PDF: decrypting needs an extra package ({e})") from e
            if not ok:
                raise UnreadableOffice("encrypted PDF: it cannot be opened without a password")
        pages = list(reader.pages)
    except UnreadableOffice:
        raise
    except Exception as e:
        raise UnreadableOffice(f"corrupt or truncated PDF ({type(e).__name__}: {e})") from e
    if not pages:
        raise UnreadableOffice("corrupt or truncated PDF: no pages found")
    texts = []
    for n, pg in enumerate(pages, 1):
        try:
            try:
                t = pg.extract_text(extraction_mode="layout")
            except Exception:  # layout mode is less battle-tested: fall back to plain mode
                t = ""
            if _blank(t or ""):  # (it also drops a rotated page's text, a landscape table's)
                t = pg.extract_text()
        except Exception as e:
            raise UnreadableOffice(f"PDF page {n} cannot be read ({type(e).__name__}: {e})") from e
        lines = _split_lines(t or "")
        if any(map(_seam, lines)):
            lines = _in_drawing_order(lines, pg.extract_text())
        texts.append("\n".join(_rejoin(line.rstrip()) for line in lines))
    texts, published = furniture.strip(texts)  # running heads, page numbers, the gazette's headings
    text = "\n".join(texts)
    if _blank(text):
        raise NeedsOCR(f"the PDF has no text layer ({len(pages)} page(s), probably scanned): OCR is needed")
    lines = _split_lines(text)
    replaced = tuple(n for n, t in enumerate(texts, 1) if not _blank(t) and not _vietnamese(t))
    if any(_blank(t) for t in texts) or all(map(_stamped, texts)):  # a scan: a few lines are a stamp
        replaced += tuple(n for n, t in enumerate(texts, 1) if n not in replaced and _stamped(t))
    pages = [t if not _blank(t) and n not in replaced else "" for n, t in enumerate(texts, 1)]
    return OfficeText(
        "\n".join(lines), [None] * len(lines), None, "pdf", pages, published=published, replaced=replaced
    )
