"""The diagnostic record every stage produces and every reporter consumes."""

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """1-based lines and columns in the original file, in code points; end_column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def at(cls, line: int, column: int = 1) -> "Span":
        return cls(line, column, line, column)


def _edit(span: Span, replacement: str) -> dict:
    return {
        "replacement": replacement,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


@dataclass(frozen=True)
class Fix:
    applicability: str  # "safe" | "unsafe"
    replacement: str
    span: Span  # what the replacement replaces
    # a .docx formatting fix instead of a text edit, for the lines of span: (("font", "Times New
    # Roman"), ("size", 13.0), ("bold", True), ("italic", False), ("page", (210, 297)), ("margin_left", 30) …)
    style: tuple[tuple[str, object], ...] = ()
    # more edits made with this one, all or none (one report for a list that lost all its dashes)
    also: tuple[tuple[Span, str], ...] = ()

    def edits(self) -> list[tuple[Span, str]]:
        return [(self.span, self.replacement), *self.also]

    def to_dict(self) -> dict:
        out = {"applicability": self.applicability, **_edit(self.span, self.replacement)}
        if self.style:
            out["style"] = dict(self.style)
        if self.also:
            out["also"] = [_edit(span, rep) for span, rep in self.also]
        return out

    def describe(self, lang: str = "vi") -> str:
        """What the fix does, for a person: the replacement text, or the formatting it sets."""
        if not self.style:
            places = len(self.also) + 1
            return f'"{self.replacement}"' + (
                f" ({places} {'chỗ' if lang != 'en' else 'places'})" if self.also else ""
            )
        vi = lang != "en"
        words = []
        for k, v in self.style:
            if k == "font":
                words.append(str(v))
            elif k == "size":
                words.append(f"{v:g} pt")
            elif k in ("bold", "italic"):
                words.append(
                    {
                        ("bold", True): ("đậm", "bold"),
                        ("bold", False): ("không đậm", "not bold"),
                        ("italic", True): ("nghiêng", "italic"),
                        ("italic", False): ("đứng", "upright"),
                    }[k, bool(v)][not vi]
                )
            elif k == "page":
                words.append(f"{'khổ' if vi else 'page'} {v[0]}×{v[1]} mm")
            elif k.startswith("margin_"):
                side = k.removeprefix("margin_")
                words.append(f"{'lề' if vi else 'margin'} {_SIDES[side][not vi]} {v} mm")
        return ("định dạng: " if vi else "format: ") + ", ".join(words)


_SIDES = {
    "top": ("trên", "top"),
    "bottom": ("dưới", "bottom"),
    "left": ("trái", "left"),
    "right": ("phải", "right"),
}


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    severity: str  # "error" | "warning" | "info"
    component: str | None
    span: Span
    message: str
    fix: Fix | None = None
    citation: str = field(default="", compare=False)
    page: int | None = field(default=None, compare=False)  # a scan's page, and the box in it
    bbox: tuple[int, int, int, int] | None = field(default=None, compare=False)

    def sort_key(self):
        return (self.span.line, self.span.column, self.code)

    def to_dict(self) -> dict:
        s = self.span
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "component": self.component,
            "line": s.line,
            "column": s.column,
            "end_line": s.end_line,
            "end_column": s.end_column,
            "message": self.message,
            "fix": self.fix.to_dict() if self.fix else None,
            **({"page": self.page} if self.page is not None else {}),
            **({"bbox": list(self.bbox)} if self.bbox is not None else {}),
        }
