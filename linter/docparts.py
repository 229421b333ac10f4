"""docparts: the typed parts of a document, what the rules read.

model.build reads the grammar's tree into the components (the JSON contract) and the tokens of
each part; this module turns them into frozen dataclasses, one per part, built once per document
when a rule first asks (Document.number, .place_date, .recipients …). It is the one place past
the model that knows the lexer's token types and data keys: a rule reads the fields here and points
at one with .span(field), or at characters of a part's Line (linter.lines) with line.span(i, j)."""

from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from linter import patterns as P
from linter.diagnostics import Span
from linter.lines import Line


def _whole(lines) -> Span | None:
    """The span from the first line's start to the last one's end."""
    if not lines:
        return None
    a, b = lines[0].span(), lines[-1].span()
    return Span(a.line, a.column, b.end_line, b.end_column)


def _of(toks, *types: str) -> tuple[Line, ...]:
    return tuple(t.line for t in toks if t.type in types)


@dataclass(frozen=True, slots=True)
class Number:
    """Số và ký hiệu: "Số 400-TB/TU", "Số: 15/QĐ-UBND", "Số: 12/2025/NĐ-CP"."""

    line: Line
    text: str  # the part's text, its lines joined
    label: str | None  # "Số", "Luật số" …; None when the number has none ("400-TB/TU")
    colon: bool
    form: str  # "party" | "state" | "malformed" (read by neither: VB210)
    seq: int | None
    symbol: str
    type_code: str | None
    issuer_code: str | None
    year: int | None
    seq_text: str  # the sequence number as written: "015", "" when blank
    raw: str  # the number as written, from its sequence number on: "400 - TB/TU"

    def span(self, field: str | None = None) -> Span:
        """The whole line, or a field where it is written: raw, label, type_code, seq."""
        t = self.line.text
        if field is None:
            return self.line.span()
        if field == "raw":
            i = t.index(self.raw)
            return self.line.span(i, i + len(self.raw))
        if field == "label":
            return self.line.span(0, len(self.label or ""))
        if field == "type_code":
            return self.find(self.type_code or "")
        if field == "seq":
            i = t.find(self.raw) + self.raw.find(self.seq_text)
            return self.line.span(i, i + len(self.seq_text))
        raise KeyError(field)

    def find(self, s: str, last: bool = False) -> Span:
        """Where s is written on the number's line, first (or last) of all."""
        i = self.line.text.rfind(s) if last else self.line.text.find(s)
        return self.line.span(i, i + len(s))


@dataclass(frozen=True, slots=True)
class PlaceDate:
    """Địa danh, ngày tháng năm: "Hà Nội, ngày 05 tháng 3 năm 2021"."""

    line: Line
    text: str
    place: str | None
    day: int | None
    month: int | None
    year: int | None
    malformed: bool  # not "<Place>, ngày … tháng … năm …" (no comma, slashes, a word missing)
    day_text: str  # as written: "5", "05"
    month_text: str
    day_at: int | None  # where the parser found them on the line (None: not found)
    month_at: int | None

    def span(self, field: str | None = None) -> Span | None:
        """The whole line, or where a field is written: place, day, month (None if not found)."""
        if field is None:
            return self.line.span()
        if field == "place":
            i = max(self.line.text.find(self.place or ""), 0)
            return self.line.span(i, i + len(self.place or ""))
        if field in ("day", "month"):
            value, at = (self.day_text, self.day_at) if field == "day" else (self.month_text, self.month_at)
            if at is None:
                return None
            at += len(value) - len(value.lstrip())
            return self.line.span(at, at + len(value.strip()))
        raise KeyError(field)

    def written(self, field: str) -> str:
        """The day or the month as written, spaces aside."""
        return (self.day_text if field == "day" else self.month_text).strip()


class Item(NamedTuple):
    """One recipient (or addressee), wrapped lines joined."""

    text: str
    line_no: int  # the line it starts on
    dash: bool  # starts with "-", "+", "•"
    kind: str  # "item" | "luu" (the file-copy line) | "drafter" (ô 12: "NguyenVanAn-26")
    line: Line | None  # the line it starts on (the last read on that line number)
    own_line: bool  # on a line of its own, not after the label ("Nơi nhận: - Như trên;")

    def span(self, field: str | None = None) -> Span | None:
        return self.line.span() if self.line is not None else None


@dataclass(frozen=True, slots=True)
class Recipients:
    """Nơi nhận: the label, the items, the "Lưu" line and the drafter's code after it."""

    lines: tuple[Line, ...]
    label: str | None  # "Nơi nhận"; None when the list lost it
    label_lines: tuple[Line, ...]
    item_lines: tuple[Line, ...]  # the lines of the items (the label's aside)
    items: tuple[Item, ...]

    def span(self, field: str | None = None) -> Span | None:
        return _whole(self.lines)

    def last_line(self, item: Item) -> Line | None:
        """The last line of an item wrapped over several (a drafter's code after it aside)."""
        first = item.line_no
        return next(
            (
                x
                for x in reversed(self.lines)
                if x.line == first or x.line > first and not P.DRAFTER.match(x.text)
            ),
            None,
        )


@dataclass(frozen=True, slots=True)
class Addressees:
    """Kính gửi."""

    lines: tuple[Line, ...]
    label_lines: tuple[Line, ...]


class Authority(NamedTuple):
    """An authority line of the signature: "KT. GIÁM ĐỐC", "T/M BAN THƯỜNG VỤ"."""

    line: Line
    prefix: str  # canonical: "T/M", "TM.", "KT.", "Q." …
    body_at: int  # where the prefix ends on the line (the body follows, after a space)

    @property
    def written(self) -> str:
        """The prefix as written: "T Í M", "tm."."""
        return self.line.text[: self.body_at]

    @property
    def body(self) -> str:
        return self.line.text[self.body_at :]

    def span(self, field: str | None = None) -> Span:
        """The whole line, or its prefix as written."""
        if field is None:
            return self.line.span()
        if field == "prefix":
            return self.line.span(0, self.body_at)
        raise KeyError(field)


class Cosigner(NamedTuple):
    levels: tuple[str, ...]
    titles: tuple[str, ...]
    name: str | None
    rank: str | None


@dataclass(frozen=True, slots=True)
class Signature:
    """Quyền hạn, chức vụ, họ tên người ký, and the other signers."""

    lines: tuple[Line, ...]
    authority: str | None  # the first level's prefix
    body: str | None  # what the first level signs for: "BAN THƯỜNG VỤ"
    levels: tuple[str, ...]
    titles: tuple[str, ...]
    name: str | None
    rank: str | None
    cosigners: tuple[Cosigner, ...]
    authorities: tuple[Authority, ...]  # every authority line, in order
    title_lines: tuple[Line, ...]
    name_lines: tuple[Line, ...]

    def span(self, field: str | None = None) -> Span | None:
        """The whole part, or its first or last line."""
        if field is None:
            return _whole(self.lines)
        if field in ("first", "last"):
            return self.lines[0 if field == "first" else -1].span()
        raise KeyError(field)


class Basis(NamedTuple):
    """A căn cứ line of the body."""

    text: str
    line_no: int
    dash: bool
    line: Line | None


@dataclass(frozen=True, slots=True)
class Body:
    """Nội dung (its sections are the component's), and the lines after the signature (annexes)."""

    bases_read: list  # the component's căn cứ: {"text", "line", "dash"}
    toks: list = field(repr=False)  # the body's tokens (read on demand)
    trailer: list = field(repr=False)  # the tokens after the signature

    @property
    def lines(self) -> list[Line]:
        return [t.line for t in self.toks]

    def bases(self) -> list[Basis]:
        """The căn cứ lines, each with its line (the last read on its line number)."""
        by_line = {t.line.line: t.line for t in self.toks}
        return [Basis(b["text"], b["line"], b["dash"], by_line.get(b["line"])) for b in self.bases_read]

    def section_span(self, section: dict) -> Span:
        """Where a section's number is written ("2." of "2. Nhiệm vụ …", "c)" of "c) …")."""
        line, kind = section["line"], section["kind"]
        heads = (
            t.line for t in (*self.toks, *self.trailer) if t.line.line == line and t.data.get("kind") == kind
        )
        return next(heads).span(0, len(section["label"]) + 1)


@dataclass(frozen=True, slots=True)
class Heading:
    """Tên loại (DOC_TYPE) or trích yếu: its lines."""

    lines: tuple[Line, ...]
    vv: bool  # a trích yếu that opens with "V/v" / "về việc"

    def span(self, field: str | None = None) -> Span | None:
        """The first line (a rule about the heading points there)."""
        return self.lines[0].span()


@dataclass(frozen=True, slots=True)
class Banner:
    lines: tuple[Line, ...]
    national_title_lines: tuple[Line, ...]
    motto_lines: tuple[Line, ...]


class Row(NamedTuple):
    """A line as the reader took it, for the checks of where lines stand: its role (the lexer's
    token type: "NUMBER", "ISSUER", "REPEAT" (a header copied in the body), "NOISE" …) and whether
    the header it belongs to was read after the body ("header", "part")."""

    line: Line
    role: str
    moved: str | None


# -- builders: (components, tokens of each part) -> typed parts --------------------------------

# the component's fields (and the lexer's) in the order of the dataclass's
_NUMBER = itemgetter("text", "label", "colon", "form", "seq", "symbol", "type_code", "issuer_code", "year")
_PLACE_DATE = itemgetter("text", "place", "day", "month", "year")
_READ_DATE = itemgetter("malformed", "day_text", "month_text")
_SIGNATURE = itemgetter("authority", "body", "levels", "titles", "name", "rank")


def number(comp: dict | None, toks) -> Number | None:
    if not comp:
        return None
    d = toks[0].data
    return Number(toks[0].line, *_NUMBER(comp), d.get("seq_text", ""), d["raw"])


def place_date(comp: dict | None, toks) -> PlaceDate | None:
    if not comp:
        return None
    d = toks[0].data
    return PlaceDate(toks[0].line, *_PLACE_DATE(comp), *_READ_DATE(d), d.get("day_at"), d.get("month_at"))


def _kind(text: str) -> str:
    if P.luu_line(text) is not None:
        return "luu"
    return "drafter" if P.DRAFTER.match(text.lstrip("- ")) else "item"


def recipients(comp: dict | None, toks) -> Recipients | None:
    if not comp:
        return None
    by_line = {t.line.line: t for t in toks}
    items = []
    for i in comp["items"]:
        t = by_line.get(i["line"])
        own = t is not None and t.type == "RECIPIENT"
        items.append(Item(i["text"], i["line"], i["dash"], _kind(i["text"]), t and t.line, own))
    lines = tuple(t.line for t in toks)
    labels = tuple(t.line for t in toks if t.type == "NOI_NHAN")
    listed = _of(toks, "RECIPIENT") if labels else lines  # (a list without its label: all items)
    return Recipients(lines, comp["label"], labels, listed, tuple(items))


def addressees(comp: dict | None, toks) -> Addressees | None:
    if not comp:
        return None
    return Addressees(tuple(t.line for t in toks), _of(toks, "KINH_GUI"))


def signature(comp: dict | None, toks) -> Signature | None:
    if not comp:
        return None
    auths, titles, names = [], [], []
    for t in toks:
        if t.type == "AUTHORITY":
            auths.append(Authority(t.line, t.data["authority"], t.data["body_at"]))
        elif t.type == "SIGNER_TITLE":
            titles.append(t.line)
        elif t.type == "SIGNER_NAME":
            names.append(t.line)
    cosigners = tuple(
        Cosigner(tuple(c["levels"]), tuple(c["titles"]), c["name"], c["rank"]) for c in comp["cosigners"]
    )
    authority, body, levels, written, name, rank = _SIGNATURE(comp)
    return Signature(
        tuple(t.line for t in toks),
        authority,
        body,
        tuple(levels),
        tuple(written),
        name,
        rank,
        cosigners,
        tuple(auths),
        tuple(titles),
        tuple(names),
    )


def body(comp: dict | None, toks, trailer) -> Body | None:
    if not comp:
        return None
    return Body(comp["bases"], toks, trailer)


def heading(comp: dict | None, toks) -> Heading | None:
    if not comp:
        return None
    return Heading(tuple(t.line for t in toks), toks[0].type == "VV")


def banner(comp: dict | None, toks) -> Banner | None:
    if not comp:
        return None
    return Banner(tuple(t.line for t in toks), _of(toks, "QUOC_HIEU"), _of(toks, "TIEU_NGU"))


def rows(toks) -> tuple[Row, ...]:
    return tuple(Row(t.line, t.type, t.data.get("moved")) for t in toks)


def moved(toks) -> bool:
    """Was a header read after the body, or copied inside it?"""
    return any("moved" in t.data or t.type == "REPEAT" for t in toks)
