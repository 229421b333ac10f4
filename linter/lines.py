"""Line: a piece of text that remembers where each character came from in the original file.

Normalisation and layout rewrite the text (NFC, markdown removed, columns split, broken lines
joined); diagnostics must still point at original lines and columns. A Line keeps a list of
segments (text offset, original line, original column); inside a segment positions advance one
code point at a time, so a clean line costs one segment.
"""

from bisect import bisect_right
from dataclasses import dataclass

from linter.diagnostics import Span


@dataclass(eq=False, slots=True)
class Line:
    text: str
    segs: list[tuple[int, int, int]]  # (offset in text, original line, original column), 1-based
    blank_before: bool = False  # a blank line preceded it in the source
    repaired: bool = False  # read only through an OCR repair (layout): its part needs review
    cell: bool = False  # set apart by a wide gap from what stands before it on its line (layout)

    @classmethod
    def plain(cls, text: str, line: int, column: int = 1) -> "Line":
        return cls(text, [(0, line, column)])

    def pos(self, i: int) -> tuple[int, int]:
        """Original (line, column) of character i; i == len(text) is just after the last one."""
        segs = self.segs
        if len(segs) == 1 and i <= len(self.text):  # most lines: one segment
            off, line, col = segs[0]
            return line, col + (i - off)
        if i >= len(self.text) and self.text:
            line, col = self.pos(len(self.text) - 1)
            return line, col + 1
        k = bisect_right(segs, (i, 1 << 30, 0)) - 1
        off, line, col = segs[max(k, 0)]
        return line, col + (i - off)

    def span(self, i: int = 0, j: int | None = None) -> Span:
        j = len(self.text) if j is None else j
        (l1, c1), (l2, c2) = self.pos(i), self.pos(j)
        return Span(l1, c1, l2, c2)

    @property
    def line(self) -> int:
        return self.segs[0][1]

    @property
    def end_line(self) -> int:
        return self.segs[0][1] if len(self.segs) == 1 else self.pos(max(len(self.text) - 1, 0))[0]

    def slice(self, i: int, j: int | None = None) -> "Line":
        j = len(self.text) if j is None else j
        sub = self.text[i:j]
        lead = len(sub) - len(sub.lstrip())
        i += lead
        sub = self.text[i:j].rstrip()
        segs = [(0, *self.pos(i))]
        for off, line, col in self.segs:
            if i < off < i + len(sub):
                segs.append((off - i, line, col))
        return Line(sub, segs, self.blank_before if i == 0 else False, self.repaired, self.cell and i == 0)

    def join(self, other: "Line", sep: str = " ") -> "Line":
        shift = len(self.text) + len(sep)
        segs = list(self.segs) + [(off + shift, line, col) for off, line, col in other.segs]
        return Line(
            self.text + sep + other.text, segs, self.blank_before, self.repaired or other.repaired, self.cell
        )

    def drop(self, gone: list[int], repaired: bool = True) -> "Line":
        """The line without the characters at the (sorted) indexes gone, marked repaired unless
        they were only markup."""
        cut = set(gone)
        text = "".join(c for i, c in enumerate(self.text) if i not in cut)
        # a segment starts where a kept run starts and where an old segment starts inside one
        starts = sorted({0, *(i + 1 for i in cut), *(off for off, _, _ in self.segs)} - cut)
        segs = [(i - sum(g < i for g in cut), *self.pos(i)) for i in starts if i < len(self.text)]
        return Line(
            text, segs or list(self.segs[:1]), self.blank_before, self.repaired or repaired, self.cell
        )

    def retext(self, text: str) -> "Line":
        """The same characters read differently (one for one: case restored), marked repaired."""
        assert len(text) == len(self.text)
        return Line(text, list(self.segs), self.blank_before, True, self.cell)

    def __repr__(self) -> str:
        return f"Line({self.line}: {self.text!r})"
