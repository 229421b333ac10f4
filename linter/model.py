"""model: Lark tree -> Document, a plain JSON-serialisable dict of components (the output
contract of ../shared/design.md) plus the source spans the rules point at."""

import itertools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from lark import Tree
from rapidfuzz.distance import Levenshtein

from linter import codes, docparts
from linter import patterns as P
from linter.diagnostics import Span
from linter.lex import Tok
from linter.lines import Line
from linter.result import COMPONENTS
from linter.text import fold, is_upper_line

# Section kinds from the outermost to the innermost level.
_RANK = {
    "annex": -0.5,  # an annex or a form after the signature: what follows is numbered under it
    "phan": 0,
    "chuong": 1,
    "muc": 2,
    "tieu_muc": 2.5,  # (a legal text's sub-section: Mục 1 / Tiểu mục 1 / Điều …)
    "dieu": 3,
    "roman": 4,
    "arabic": 5,
    "decimal": 6,
    "letter": 7,
}
LETTERS = "abcdđeghiklmnopqrstuvxy"  # points: the Vietnamese alphabet


class _once:
    """A property computed on first use and kept in the instance: functools.cached_property
    without the lock it takes in Python 3.11 (the typed parts are read in one thread)."""

    def __init__(self, fn):
        self.fn = fn

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, doc, owner=None):
        if doc is None:
            return self
        value = doc.__dict__[self.name] = self.fn(doc)
        return value


def _typed(name: str, build) -> _once:
    """A typed part of the document (linter/docparts.py), built from its component and tokens
    when a rule first asks for it; None when the part was not found."""
    return _once(lambda doc: build(doc.components[name], doc.parts.get(name)))


@dataclass
class Document:
    components: dict
    doc_type: str | None
    doc_type_source: str | None  # "heading" | "inferred" | None
    toks: list[Tok]
    parts: dict[str, list[Tok]]  # the tokens of each component found
    dropped: list[Tok]  # tokens the grammar found out of place
    profile: str | None = None
    profile_reason: str | None = None
    extra: dict = field(default_factory=dict)

    def span(self, name: str) -> Span | None:
        toks = self.parts.get(name)
        if not toks:
            return None
        first, last = toks[0].line, toks[-1].line
        return Span(first.span().line, first.span().column, last.span().end_line, last.span().end_column)

    def first_line(self) -> int:
        return self.toks[0].line.line if self.toks else 1

    def last_line(self) -> int:
        return self.toks[-1].line.end_line if self.toks else 1

    # -- the typed parts the rules read (linter/docparts.py), built when first asked for ----------

    def lines_of(self, name: str) -> list[Line]:
        """The lines of a component, in order (none when it was not found)."""
        return [t.line for t in self.parts.get(name, ())]

    @_once
    def lines(self) -> list[Line]:
        """Every line of the document, in order."""
        return [t.line for t in self.toks]

    number = _typed("number", docparts.number)
    place_date = _typed("place_date", docparts.place_date)
    type_name = _typed("doc_type", docparts.heading)
    subject = _typed("subject", docparts.heading)
    banner = _typed("banner", docparts.banner)
    addressees = _typed("addressees", docparts.addressees)
    recipients = _typed("recipients", docparts.recipients)
    signature = _typed("signature", docparts.signature)

    @_once
    def body(self) -> docparts.Body | None:
        return docparts.body(self.components["body"], self.parts.get("body"), self.parts.get("trailer", ()))

    @_once
    def strays(self) -> tuple[docparts.Row, ...]:
        """The lines the grammar found out of place."""
        return docparts.rows(self.dropped)

    @_once
    def moved(self) -> tuple[docparts.Row, ...]:
        """Every line, when a header was read after the body or copied inside it; else none."""
        return docparts.rows(self.toks) if docparts.moved(self.toks) else ()


def _joined(toks: list[Tok]) -> str:
    return " ".join([t.text for t in toks])


def _base(toks: list[Tok]) -> dict:
    return {"text": _joined(toks), "line": toks[0].line.line, "end_line": toks[-1].line.end_line}


def _terminator(toks: list[Tok]) -> str:
    """The list's own item terminator: ";" (State, HD 05) or "," (HD 36 practice)."""
    lines = [t for t in toks if t.type in ("RECIPIENT", "ADDRESSEE")]
    ends = [t.text.rstrip()[-1:] for t in lines if P.ITEM.match(t.text)] or [
        t.text.rstrip()[-1:] for t in lines
    ]
    return ";" if ends.count(";") >= ends.count(",") else ","


def _items(toks: list[Tok], label_types: tuple[str, ...]) -> list[dict]:
    """Item lines, with continuation lines joined to the item they continue: a line without a
    dash continues the previous item when that item did not end with the list's terminator."""
    items: list[dict] = []
    term = _terminator(toks)
    wraps = _wrapped_runs(toks, label_types, term)
    for k, t in enumerate(toks):
        if t.type in label_types:
            inline = t.text.split(":", 1)[1].strip() if ":" in t.text else ""
            if inline:
                items.append({"text": inline, "line": t.line.line, "dash": inline.startswith("-")})
            continue
        # "." ends only the last item: inside an item it is an abbreviation ("TP.")
        cont = (
            items
            and not P.ITEM.match(t.text)
            and (
                t.text[:1].islower()
                or not items[-1]["text"].rstrip().endswith(term)
                or t.data.get("continuation")  # the lexer's reading: a note wrapped, "(B/c)"
                or k in wraps
            )
        )
        if cont and items:
            items[-1]["text"] += " " + t.text
        else:
            items.append({"text": t.text, "line": t.line.line, "dash": bool(P.ITEM.match(t.text))})
    return items


def _wrapped_runs(toks: list[Tok], label_types: tuple[str, ...], term: str) -> set[int]:
    """Indexes of the undashed lines that wrap an office's item listing its units ("- VPCP: BTCN,
    các PCN;" / "Trợ lý, Thư ký TTg;" / "các Vụ, Cục: KSTT, …;" / "Cổng TTĐT;", each piece closed
    with ";"): a run of them one of which goes on in lower case or after no terminator. Under any
    other item, an undashed line is an item that lost its dash (or continues it, see _items)."""
    out: set[int] = set()
    k = 0
    while k < len(toks):
        if toks[k].type in label_types or not P.ITEM.match(toks[k].text) or ":" not in toks[k].text:
            k += 1
            continue
        run = []
        j = k + 1
        while j < len(toks) and _undashed_item(toks[j], label_types):
            run.append(j)
            j += 1
        before = [toks[k].text] + [toks[i].text for i in run[:-1]]
        if any(toks[i].text[:1].islower() or not b.rstrip().endswith(term) for i, b in zip(run, before)):
            out.update(run)
        k = j
    return out


def _undashed_item(t: Tok, label_types: tuple[str, ...]) -> bool:
    text = t.text
    return (
        t.type not in label_types
        and not P.ITEM.match(text)
        and P.luu_line(text) is None
        and not P.DRAFTER.match(text)
    )


def _section_number(kind: str, label: str) -> int | None:
    if kind in ("roman", "chuong") or (kind in ("phan", "muc") and label.isalpha() and label.isupper()):
        return P.roman(label)
    if kind == "letter":
        return LETTERS.index(label) + 1 if label in LETTERS else None
    if kind == "decimal":
        return int(label.rstrip(".").split(".")[-1])
    return int(label) if label.isdigit() else None


# A quotation of another text ("Sửa đổi khoản 3 như sau:" / "“3. …" / "4. …”.") has numbering of its
# own: its lines are not the document's sections. A quotation opens at the start or the end of a line,
# or after the colon of its announcement on the same line ("Điều 4 như sau: “4. …", a page that
# flattened the two), and closes at the end of a later one, within _QUOTE_LINES lines (or, announced
# by a numbered section, before the section that goes on with its list, _INSERTED_LINES at most); a
# stray quote (OCR scatters them) that closes nothing opens nothing.
_QUOTE_LINES = 60
_ANNOUNCED = r"(?<=như sau:)\s*“"
_OPENS = re.compile(rf'^[-+\s]*[“"]|[“"]$|{_ANNOUNCED}')
_CLOSES = re.compile(r'[”"][.;,:)]*$')


def _unbalanced(text: str) -> bool:
    curly, straight = text.count("“") - text.count("”"), text.count('"')
    if curly and abs(curly) == straight:
        return False  # "“b) … thuế.\"": a page that closes a curly quotation with a straight mark
    return curly != 0 or straight % 2 == 1


def _quoted(toks: list[Tok]) -> set[int]:
    """Indexes of the tokens inside a quotation, after the line that opens it, up to the one that
    closes it. A quotation that lost its closing mark ends where the next one opens, before the
    line that introduces that one ("3. Sửa đổi Điều 7 như sau:" / "“Điều 7. …")."""
    out: set[int] = set()
    k = 0
    while k < len(toks):
        t = toks[k].text.strip()
        if _unbalanced(t) and (m := _OPENS.search(t)):
            end = after = None
            quote = t
            intro = toks[k - 1].text if k else ""
            if m.start() and t[m.start() - 1] == ":":  # announced on the same line: "3. … như sau: “1. …"
                intro, quote = t[: m.start()], t[m.end() :]
                nxt = _next_section(toks[k], intro)
                # (or the section above: "1. Bổ sung …" / "Điều 4 như sau: “4. …")
                if nxt is None and k and toks[k].type != "SECTION":
                    nxt = _next_section(toks[k - 1], intro)
            else:
                nxt = _next_section(toks[k - 1]) if k else None
                # (or the section above that: "4. Bổ sung" / "Điều 7a như sau:")
                if nxt is None and k > 1 and toks[k - 1].type != "SECTION":
                    nxt = _next_section(toks[k - 2], toks[k - 1].text)
                # (or the one that opens the announcement, wrapped over more lines: "d) Cắt giảm …")
                if nxt is None and k > 2 and (j := _sentence_start(toks, k)) > 0:
                    nxt = _next_section(toks[j - 1], toks[k - 1].text)
            inside = 0  # quotations opened inside this one and not closed yet
            sec = P.section_of(quote.lstrip('-+ “"'))
            inner = dict([sec]) if sec else {}  # the last label of each kind inside the quotation
            # (whole articles quoted, "“Điều 2. …" / 70 lines / "… Nghị định này.”", run past _QUOTE_LINES)
            span = _QUOTE_LINES if nxt is None and not (sec and sec[0] == "dieu") else _INSERTED_LINES
            for j in range(k + 1, min(len(toks), k + 1 + span)):
                if _closes(toks[j].text):
                    if inside:  # the close of a quotation inside this one
                        inside -= 1
                        continue
                    end = after = j
                    break
                if toks[j].type == "SECTION" and nxt is not None:
                    here = toks[j].data["kind"], toks[j].data["label"]
                    if here == nxt and inner.get(nxt[0]) != _previous(nxt):
                        end = after = j - 1  # the list that introduced the quotation goes on
                        break
                    inner[here[0]] = here[1]
                if _unbalanced(toks[j].text):  # the next quotation opens: this one ends
                    if _REOPENS.match(toks[j].text):  # before the line that announces it, if any
                        end = j - 1 - (j - 1 > k and toks[j - 1].text.rstrip().endswith(":"))
                        after = j - 1
                        break
                    if _REANNOUNCED.search(toks[j].text):  # "2. Sửa đổi … như sau: “b) …"
                        end = after = j - 1
                        break
                    # one opened inside it, mid-line, closed on a later line: "… như sau “3." / "… cấp
                    # huyện”." (a quoted article quoting the clause it adds)
                    inside += toks[j].text.count("“") > toks[j].text.count("”")
            # whole articles quoted, the next one's opening mark lost: "… bổ sung Điều 191a, 191b vào
            # sau Điều 191 như sau:" / "“Điều 191. …”." / "Điều 191b. …”."
            while (
                end is not None
                and sec
                and sec[0] == "dieu"
                and _announced(toks, after + 1, intro, sec[1], k, out)
            ):
                close = next(
                    (
                        j
                        for j in range(after + 2, min(len(toks), after + 2 + _QUOTE_LINES))
                        if _closes(toks[j].text)
                    ),
                    None,
                )
                if close is None:
                    break
                end = after = close
            if end is not None:
                out.update(range(k + 1, end + 1))
                k = after
        elif k and _is_article(toks[k]) and _restated(toks[k], _sentence_before(toks, k)):
            out.add(k)  # its quotation mark lost or put after it: "“1. …" on the next line
        k += 1
    return out


def _announced(toks: list[Tok], j: int, intro: str, first: str, k: int, quoted: set[int]) -> bool:
    """toks[j] is an article's heading, with no quotation mark, that the announcement intro names,
    after the quotation's first article (first), and not the document's own next article (after
    its last one before the quotation opened at k)."""
    if j >= len(toks) or not _is_article(toks[j]):
        return False
    label = toks[j].data["label"]
    own = next((toks[i] for i in range(k - 1, -1, -1) if _is_article(toks[i]) and i not in quoted), None)
    return (
        _article_order(label) > _article_order(first)
        and re.search(rf"\b{re.escape(label)}\b", intro) is not None
        and not (own and _article_order(label) == (_article_order(own.data["label"])[0] + 1, ""))
    )


def _is_article(t: Tok) -> bool:
    return t.type == "SECTION" and t.data.get("kind") == "dieu"


def _article_order(label: str) -> tuple[int, str]:
    """ "191b" -> (191, "b"): the order of articles, those inserted after one ("191a") included."""
    digits = re.match(r"\d*", label).group()
    return int(digits or 0), label[len(digits) :]


def _sentence_start(toks: list[Tok], k: int) -> int:
    """Where the sentence that ends on the line before toks[k] starts, up to six lines back, below
    the section that opens it if any: an announcement wraps ("Điều 2 của Nghị định số
    82/2021/NĐ-CP … có hiệu lực từ ngày …" / "… quy định như sau:", a consolidated text's note
    quoting an amending act's article; "d) Cắt giảm thời gian …" / "… như sau:")."""
    j = k - 1
    while (
        j > 0 and k - j < 6 and toks[j - 1].type != "SECTION" and toks[j - 1].text.rstrip()[-1:] not in ".;:"
    ):
        j -= 1
    return j


def _sentence_before(toks: list[Tok], k: int) -> str:
    return " ".join(t.text.strip() for t in toks[_sentence_start(toks, k) : k])


def _restated(tok: Tok, before: str) -> bool:
    """An article's heading under the line that amends it: "31. Sửa đổi, bổ sung Điều 50 như
    sau:" / "Điều 50. Thẩm quyền …": the new text of Điều 50, not the document's own."""
    if tok.type != "SECTION" or tok.data.get("kind") != "dieu" or not before.rstrip().endswith("như sau:"):
        return False
    named = re.search(rf"\bĐiều {re.escape(tok.data['label'])}\b", before)
    # (not this document's own article: "… quy định tại Điều 5 hoặc Điều 6 Thông tư này, cụ thể như sau:")
    return named is not None and not _THIS_ONE.match(before, named.end())


_THIS_ONE = re.compile(
    r"[^.;:]*?\b(?:Thông tư|Nghị định|Luật|Quyết định|Nghị quyết|Pháp lệnh)(?: liên tịch)? này\b"
)


_REOPENS, _REANNOUNCED = re.compile(r"^[-+\s]*“"), re.compile(_ANNOUNCED)
# a quotation introduced by a numbered section ("44. Bổ sung các Điều 110a, …, 110g vào sau Điều
# 110 như sau:") may quote whole articles: it ends where that list goes on ("45. …"), however far
_INSERTED_LINES = 600


def _previous(section: tuple[str, str]) -> str:
    """The label before an arabic, article or letter section's: ("arabic", "45") -> "44"."""
    kind, label = section
    return LETTERS[LETTERS.index(label) - 1] if kind == "letter" else str(int(label) - 1)


def _next_section(intro: Tok, end: str | None = None) -> tuple[str, str] | None:
    """(kind, label) of the section after intro, when intro is a numbered section that announces
    a quotation ("44. … như sau:" -> ("arabic", "45"), "b) … như sau:" -> ("letter", "c")); end:
    the line the announcement ends on, when it wrapped. An article that amends announces with its
    heading alone ("Điều 4. Sửa đổi, bổ sung Chương IV" / "“Chương IV …"): the next article."""
    if intro.type != "SECTION":
        return None
    kind, label = intro.data["kind"], intro.data["label"]
    if kind == "dieu" and label.isdigit() and _AMENDS.match(intro.text):
        return kind, str(int(label) + 1)
    if not (end or intro.text).rstrip().endswith(":"):
        return None
    if kind == "arabic" and label.isdigit():
        return kind, str(int(label) + 1)
    if kind == "letter" and label in LETTERS[:-1]:
        return kind, LETTERS[LETTERS.index(label) + 1]
    return None


_NUMBERED = ("decimal", "arabic", "letter")  # a list's labels, which a table's cells may open with
_AMENDS = re.compile(r"\s*Điều \d+\.\s*(?:Sửa đổi|Bổ sung|Thay thế)")  # the article's title: what it does


def _closes(text: str) -> bool:
    """The line closes a quotation: at its end ("… của Hiệp hội.”."), or inside it, when it has
    more closing marks than opening ones ("… của Hiệp hội.”. Như vậy, …")."""
    t = text.strip()
    # (a straight quote may open what a curly one closes: ("Nhiều người sản xuất”))
    return _unbalanced(t) and bool(_CLOSES.search(t)) or t.count("”") > t.count("“") + t.count('"')


# after the signature, each annex or form opens a numbering of its own: "PHỤ LỤC II", "Mẫu số 03",
# "Mẫu số 01: Đề xuất kế hoạch", "Mẫu số 02. Quyết định …"
# ("Mẫu" in a table's header, "Mẫu đơn/Tờ" / "khai", names a column: a form has its number)
_ANNEX = re.compile(
    r"(?:(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ|số))?(?:\s+\S+)?|MẪU(?:\s+SỐ)?(?:\s+\S+)?"
    r"|Mẫu(?:\s+số)?\s+(?=\S*\d)\S+|(?:PHỤ LỤC|Phụ lục|MẪU|Mẫu)(?:\s+(?:SỐ|số))?\s+[0-9IVXLC]+[a-z]?\s*[:.–-]\s+\S.*)"
    r"\s*:?\s*$"
)


def _embedded(text: str) -> bool:
    """The motto or banner of a document printed inside an annex (a form "BM-22" with its own
    header, "Điều 1. …"): its numbering is its own."""
    f = fold(text).strip()
    return bool(P.TIEU_NGU_RE.match(f)) or f == P.BANNER_PARTY


def _sections(toks: list[Tok]) -> list[dict]:
    root: list[dict] = []
    stack: list[tuple[float, list]] = [(-1, root)]
    quoted = _quoted(toks)
    codes = _classification(toks)
    form: list | None = None  # the levels open where a form ("Mẫu số 03") began
    for k, t in enumerate(toks):
        if t.type == "TRAILER" and P.SIGNED.match(t.text.strip()):
            # a form ends with its signature: the numbering it interrupted goes on ("1. Thủ tục …",
            # its form "I. … 1. … 4.", "2. Thủ tục …")
            if form is not None:
                stack[:], form = form, None
            continue
        embedded = t.type == "TRAILER" and _embedded(t.text)
        annex = embedded or t.type == "TRAILER" and _ANNEX.match(t.text.strip())
        if annex:  # a form (inside an annex) keeps the levels it interrupted; an annex starts afresh
            form = (form or list(stack)) if embedded or t.text.lstrip()[:1] == "M" else None
        if k in quoted or not (
            annex or t.type == "SECTION" or t.type == "TRAILER" and t.data.get("kind") in _RANK
        ):
            continue  # (a trailer line shaped as a heading: an annex's own numbering)
        kind, label = ("annex", t.text.strip()) if annex else (t.data["kind"], t.data["label"])
        if kind == "decimal" and (own := _marked_clause(toks, k, quoted)):
            kind, label = "arabic", own
            t.data = {**t.data, "kind": kind, "label": label}  # read so by the rules too
        rank = _RANK[kind]
        if kind == "decimal":  # "4.1.2" under "4.1", even where "4.1.1" was left out
            rank += label.rstrip(".").count(".") / 100
        elif kind == "arabic" and codes and _coded(stack, label):
            rank += 0.5
        node = {
            "kind": kind,
            "label": label,
            "number": _section_number(kind, label),
            "line": t.line.line,
            "text": t.text,
            "sections": [],
        }
        if k > 0 and _column_numbers_go_on(toks[k - 1].text, t) and not _goes_on(stack, rank, node):
            continue  # (a table's "1" / "2" / "3. Hồ sơ …" after "2. …": the list's own "3.")
        if kind in _NUMBERED and t.line.cell and not _goes_on(stack, rank, node):
            continue  # a table's cell, its row laid out with spaces: "ngưỡng        2.2.11 và 2.2.12"
        if annex:  # its title, in capitals under it: "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐỊNH MỨC …"
            heading = toks[k + 1 : k + 6]
            title = itertools.takewhile(lambda x: x.type == "TRAILER" and is_upper_line(x.text), heading)
            node["title"] = " ".join(x.text.strip() for x in title)
        if form is not None and not annex and _goes_on(form, rank, node) > _goes_on(stack, rank, node):
            stack[:], form = form, None  # a form without a signature ended where the list it cut goes on
        while stack[-1][0] >= rank:
            stack.pop()
        stack[-1][1].append(node)
        stack.append((rank, node["sections"]))
    return root


def _marked_clause(toks: list[Tok], k: int, quoted: set[int]) -> str | None:
    """ "1.2  Thông tư này quy định …" under "Điều 1.", then "2. Viên chức …": clause 1 with a
    consolidated text's footnote mark glued after its label, not a decimal "1.2" (a decimal of its
    own writes its stop, "4.2.", or stands under its clause "4."). The clause's label, or None."""
    label = toks[k].data["label"]
    m = _ONE_DIGIT_MARK.fullmatch(label)
    if not m or toks[k].text.lstrip()[len(label) : len(label) + 1] != " ":
        return None
    own = m[1]
    after = _section_near(toks, range(k + 1, len(toks)), quoted)
    if after is None or (after["kind"], after["label"]) != ("arabic", str(int(own) + 1)):
        return None
    # the article's first clause: no section of the article before it
    before = _section_near(toks, range(k - 1, -1, -1), quoted)
    return own if before is not None and before["kind"] == "dieu" else None


def _section_near(toks: list[Tok], order: range, quoted: set[int]) -> dict | None:
    """The data of the first section token in order (indexes), outside quotations."""
    return next((toks[j].data for j in order if toks[j].type == "SECTION" and j not in quoted), None)


_ONE_DIGIT_MARK = re.compile(r"(\d{1,2})\.\d")


def _classification(toks: list[Tok]) -> bool:
    """The document lays out a classification's codes as headings: twice at least, a group's
    number is followed by its first code ("1. Loại hình kinh tế Nhà nước" / "11. Tổ chức …", "2. …"
    / "21. …"), not by a clause that happens to start with its digit (a quotation's "3." / "36.")."""
    labels = [t.data["label"] for t in toks if t.data.get("kind") == "arabic"]
    return sum(b == a + "1" for a, b in zip(labels, labels[1:])) >= 2


def _coded(stack: list[tuple[float, list]], label: str) -> bool:
    """ "11. Tổ chức do Nhà nước nắm giữ 100% vốn" under "1. Loại hình kinh tế Nhà nước": in a
    classification, a code, its group's number and one digit more, numbered under the group."""
    return len(label) > 1 and any(
        (owner := above[1][-1])["kind"] == "arabic" and owner["label"] == label[:-1]
        for above, _ in zip(stack, stack[1:])
    )


def _column_numbers_go_on(above: str, t: Tok) -> bool:
    """A flattened table's row of column numbers ("33" / "34" / "35. Ghi chú:"): the number after
    the bare number before it is the row's last cell, not a section."""
    above = above.strip()
    return above.isdigit() and t.data.get("kind") == "arabic" and t.data.get("label") == str(int(above) + 1)


def _goes_on(stack: list[tuple[float, list]], rank: float, node: dict) -> int:
    """Whether node, placed under these open levels, numbers on from its last sibling of its kind:
    0 if not, 2 if it also opens with the same word ("2. Thủ tục …" / "3. Thủ tục …"), else 1."""
    under = next(level for level in reversed(stack) if level[0] < rank)[1]
    last = next((s for s in reversed(under) if s["kind"] == node["kind"]), None)
    if not (last and last["number"] is not None and node["number"] == last["number"] + 1):
        return 0
    return 2 if _first_word(last) == _first_word(node) else 1


def _first_word(section: dict) -> str:
    words = section["text"][len(section["label"]) :].lstrip(" .)").split()
    return words[0].lower() if words else ""


def _tokens(tree: Tree, toks: list[Tok]) -> list[Tok]:
    """Our tokens under a subtree: a Lark token stands for toks[start_pos:end_pos] (parse.py)."""
    out: list[Tok] = []
    for c in tree.children:
        out += _tokens(c, toks) if isinstance(c, Tree) else toks[c.start_pos : c.end_pos]
    return out


def _subtrees(tree: Tree) -> list[Tree]:
    """Every subtree, top-down and left to right (Lark's iter_subtrees_topdown, without its cost)."""
    out, stack = [], [tree]
    while stack:
        sub = stack.pop()
        out.append(sub)
        stack.extend(c for c in reversed(sub.children) if isinstance(c, Tree))
    return out


def _lost_heading(parts: dict[str, list[Tok]]) -> None:
    """ "QUY ĐỊNH CHI TIẾT VỀ …" under "Số: 302/2025/NĐ-CP": a summary in capitals that opens with a
    type's name other than the one the number's type code gives is the summary of a document whose
    type name was lost, not its type name (VB105 then reports the loss, not VB214 the code)."""
    heading, number = parts.get("doc_type"), parts.get("number")
    if not (heading and number and heading[0].type == "DOC_TYPE" and number[0].type == "NUMBER"):
        return
    d, num = heading[0].data, number[0].data
    by_code = _type_of_code(num)
    if (
        num.get("form") == "state"
        and by_code
        and by_code != d["doc_type"]
        and heading[0].text[d["type_end"] :].strip()
    ):
        parts["subject"] = [Tok("SUBJECT", t.line, {}) for t in heading] + parts.get("subject", [])
        del parts["doc_type"]


def _cosigners(t: list[Tok]) -> list[dict]:
    """The other signers: each one's authority lines (joint documents signed one under another),
    title and name."""
    out: list[dict] = []
    levels: list[str] = []
    for x in t:
        if x.type == "CO_AUTHORITY":
            levels.append(x.text.strip())
        elif x.type == "CO_TITLE":
            out.append(
                {
                    "levels": [" ".join(levels)] if levels else [],
                    "titles": [x.text],
                    "name": None,
                    "rank": None,
                }
            )
            levels = []
        elif x.type == "CO_NAME" and out:
            at = P.rank_end(x.text)
            out[-1]["name"], out[-1]["rank"] = x.text[at:] or x.text, x.text[:at].strip(" ,") or None
    return out


class _Parse(NamedTuple):
    """What a builder may look at besides its own rule's tokens."""

    toks: list[Tok]
    parts: dict[str, list[Tok]]
    subtrees: list[Tree]


# A builder per grammar rule that makes a component: it gets the rule's tokens and returns the
# lines the component keeps (no rules, no stars) and the component's JSON.
Built = tuple[list[Tok], dict]


def _banner(t: list[Tok], p: _Parse) -> Built:
    lines = [x for x in t if x.type != "RULE"]
    return lines, {
        **_base(lines),
        "kind": "party" if lines[0].type == "BANNER" else "state",
        "national_title": next((x.text for x in lines if x.type == "QUOC_HIEU"), None),
        "motto": next((x.text for x in lines if x.type == "TIEU_NGU"), None),
    }


def _issuer(t: list[Tok], p: _Parse) -> Built:
    for sub in p.subtrees:
        if sub.data == "issuer_more":  # row by row: the issuer's own lines after the banner
            t = t + _tokens(sub, p.toks)
    lines = [x for x in t if x.type == "ISSUER"]
    star = any(x.type == "STAR" for x in t) or any(sub.data == "star" for sub in p.subtrees)
    return lines, {**_base(lines), "lines": [x.text for x in lines], "star": star}


def _number(t: list[Tok], p: _Parse) -> Built:
    t = [x for x in t if x.type == "NUMBER"]
    d = t[0].data
    fields = ("seq", "symbol", "type_code", "issuer_code", "year", "label", "colon", "form")
    return t, {**_base(t), **{k: d[k] for k in fields}}


def _place_date(t: list[Tok], p: _Parse) -> Built:
    t = [x for x in t if x.type == "PLACE_DATE"]
    d = t[0].data
    return t, {**_base(t), **{k: d[k] for k in ("place", "day", "month", "year")}}


def _type_name(t: list[Tok], p: _Parse) -> Built:
    d = t[0].data
    comp = {**_base(t), "type": d["doc_type"]}
    if t[0].text[d["type_end"] :].strip() and not p.parts.get("subject"):
        comp["text"] = t[0].text[: d["type_end"]]  # "THÔNG BÁO KẾT LUẬN …" on one line
    return t, comp


def _subject(t: list[Tok], p: _Parse) -> Built:
    t = [x for x in t if x.type in ("SUBJECT", "VV")]
    prefix = t[0].data.get("prefix") if t[0].type == "VV" else None
    return t, {**_base(t), "prefix": prefix}


def _addressees(t: list[Tok], p: _Parse) -> Built:
    return t, {**_base(t), "label": t[0].text.split(":")[0].strip(), "items": _items(t, ("KINH_GUI",))}


def _body(t: list[Tok], p: _Parse) -> Built:
    bases = [
        {"text": x.text, "line": x.line.line, "dash": x.type == "ITEM"}
        for x in t
        if fold(x.text).lstrip("-+ ").startswith("can cu ")
    ]
    # annexes, attached regulations and charters after the signature: numbered on their own
    annexes = _sections(p.parts.get("trailer", []))
    return t, {**_base(t), "sections": _sections(t), "bases": bases, "annexes": annexes}


def _recipients(t: list[Tok], p: _Parse) -> Built:
    label = t[0].text.split(":")[0].strip() if t[0].type == "NOI_NHAN" else None
    return t, {**_base(t), "label": label, "items": _items(t, ("NOI_NHAN",))}


def _signature(t: list[Tok], p: _Parse) -> Built:
    # each level: its authority line and the lines it wrapped onto ("TL." / "BỘ TRƯỞNG")
    grouped: list[list[Tok]] = []
    for x in t:
        if x.type == "AUTHORITY":
            grouped.append([x])
        elif x.type == "AUTHORITY_CONT" and grouped:
            grouped[-1].append(x)
    first = grouped[0][0] if grouped else None
    levels = [" ".join(x.text.strip() for x in g) for g in grouped]
    body = levels[0][first.data["body_at"] :].strip() or None if first else None
    titles = _titles(t)
    if len(titles) > 1 and P.deputy_of(titles[0], titles[1]):
        levels.append(titles.pop(0))  # "THỐNG ĐỐC" / "PHÓ THỐNG ĐỐC": the head's, its "KT." lost (VB304)
    name = " ".join(x.text for x in t if x.type == "SIGNER_NAME") or None
    at = P.rank_end(name) if name else 0  # "Thượng tướng Vũ Hải Sản": the rank apart
    return t, {
        **_base(t),
        "authority": first.data["authority"] if first else None,
        "body": body,
        "levels": levels,
        "titles": titles,
        "name": name[at:] or name if name else None,
        "rank": name[:at].strip(" ,") or None if name else None,
        "cosigners": _cosigners(t),
    }


def _marks(t: list[Tok], p: _Parse) -> Built:
    return t, {**_base(t), "items": [x.text for x in t]}


BUILDERS = {
    "banner": _banner,
    "issuer": _issuer,
    "number": _number,
    "place_date": _place_date,
    "doc_type": _type_name,
    "subject": _subject,
    "addressees": _addressees,
    "body": _body,
    "recipients": _recipients,
    "signature": _signature,
    "marks": _marks,
}
_REPAIRABLE = ("banner", "number", "place_date", "doc_type")  # parts OCR repair may have read


def build(tree: Tree, toks: list[Tok], dropped: list[Tok], scanned: bool = False) -> Document:
    """The components, each made by its grammar rule's builder from the rule's first subtree.
    scanned: the text is OCR's, whose digits and letters may be misread: its parts vouch for each
    other (_year_of_number, _issuer_code_of_name)."""
    parts: dict[str, list[Tok]] = {}
    subtrees = _subtrees(tree)
    for sub in subtrees:
        name = "subject" if sub.data == "subject_vv" else str(sub.data)
        if (name in BUILDERS or name == "trailer") and name not in parts:
            parts[name] = _tokens(sub, toks)
    _lost_heading(parts)
    comps: dict = dict.fromkeys(COMPONENTS)
    found = _Parse(toks, parts, subtrees)
    for name, builder in BUILDERS.items():
        if t := parts.get(name):
            parts[name], comps[name] = builder(t, found)
            if name in _REPAIRABLE:
                comps[name]["status"] = (
                    "needs_review" if any(x.data.get("repaired") for x in parts[name]) else "ok"
                )
    if scanned:
        _year_of_number(comps)
        _issuer_code_of_name(comps)
    doc_type, source = _doc_type(comps)
    num = comps["number"]
    if doc_type == "cong_van" and num and num["form"] == "state" and num["type_code"] not in (None, "CV"):
        # "Số: 5348/CT-CS": in a công văn "CT" is the issuer (Cục Thuế), not chỉ thị
        num["type_code"], num["issuer_code"] = None, num["symbol"]
    return Document(comps, doc_type, source, toks, parts, dropped)


def _year_of_number(comps: dict) -> None:
    """A date's year that OCR misread ("năm 2036", "năm 3033" for 2026, 2022) is the year its
    number carries (a legal normative number's is the year of signing) when the number was read as
    written and the year is unread, no year at all, or one digit off on a date line read through
    repair. The date is marked for review (VB130). (A typed text's mismatch is VB217's.)"""
    n, pd = comps["number"], comps["place_date"]
    if not (n and pd and n["year"] and n["status"] == "ok") or n["year"] == pd["year"]:
        return
    one_off = sum(a != b for a, b in zip(str(n["year"]), f"{pd['year'] or 0:04d}")) == 1
    if not 1945 <= (pd["year"] or 0) <= 2100 or one_off and pd["status"] == "needs_review":
        pd["year"], pd["status"] = n["year"], "needs_review"


def _issuer_code_of_name(comps: dict) -> None:
    """A State number's issuer code that OCR misread ("TT-BLĐITBXH", "TT-RCA", "TT-BKHDT") is the
    initials of the issuer its header names ("BỘ CÔNG AN": "BCA") when it is close to them and holds
    a letter they do not (so never a shortening of the name: "NHNN" for "NGÂN HÀNG NHÀ NƯỚC VIỆT
    NAM"), all in capitals ("TTg" is the Prime Minister's). The number is marked for review (VB130)."""
    n, issuer = comps["number"], comps["issuer"]
    if not (n and issuer and n["form"] == "state" and n["type_code"] and n["issuer_code"]):
        return
    code = n["issuer_code"]
    words = re.findall(r"[^\W\d_]+", issuer["text"].upper())
    initials = "".join(w[0] if w[0] == "Đ" else fold(w[0]).upper() for w in words if w != "VÀ")
    close = len(initials) >= 3 and Levenshtein.distance(code, initials) <= 2
    if close and code.isupper() and set(code) - set(initials):  # (never "TTg": a code of its own)
        n["issuer_code"], n["symbol"], n["status"] = initials, f"{n['type_code']}-{initials}", "needs_review"


def _titles(toks: list[Tok]) -> list[str]:
    """The signer's titles, each wrapped line joined to the one it goes on."""
    out: list[str] = []
    for x in toks:
        if x.type == "SIGNER_TITLE":
            if x.data.get("continuation") and out:
                out[-1] += " " + x.text.strip()
            else:
                out.append(x.text.strip())
    return out


def _type_of_code(num: dict) -> str | None:
    """The type a number's type code names, in its own regime's table: "TB" in "Số 400-TB/TU",
    "CĐ" in "Số: 223/CĐ-TTg"; None for a code that names none, or several ("QĐ" in a Party one)."""
    code = num.get("type_code")
    if num.get("form") == "party":
        types = codes.PARTY_TYPE_CODES.get(code) or set()
        return next(iter(types)) if len(types) == 1 else None
    if num.get("form") != "state":
        return None
    return codes.STATE_TYPE_CODES.get(code) or codes.LEGAL_TYPE_CODES.get(code)


def _doc_type(c: dict) -> tuple[str | None, str | None]:
    """The type from the heading; else inferred from the evidence, strongest first: the type code
    of a Party number, or a công điện's; a State "V/v" (else only a công văn has one); the type code of a State number
    (a công điện whose heading was lost is still a công điện); "về việc" or "Kính gửi" without a
    heading, or a State number without a type code: a công văn."""
    if c["doc_type"]:
        return c["doc_type"]["type"], "heading"
    num = c["number"] or {}
    subj = c["subject"] or {}
    if (label := fold(num.get("label") or "").removesuffix(" so")) in P.TYPE_NAMES:
        return P.TYPE_NAMES[label], "inferred"  # "Luật số: 80/2025/QH15", "Pháp lệnh số: …"
    by_code = _type_of_code(num)
    if by_code and (num["form"] == "party" or by_code == "cong_dien"):
        return by_code, "inferred"  # (a công điện has its "V/V …" too: 016–018 in corpus/real)
    if subj.get("prefix") == "V/v":
        return "cong_van", "inferred"
    if by_code:
        return by_code, "inferred"
    if subj.get("prefix") or c["addressees"]:
        return "cong_van", "inferred"
    if num.get("form") == "state" and num.get("type_code") is None and num.get("symbol"):
        return "cong_van", "inferred"
    return None, None


def folded_text(s: str) -> str:
    return re.sub(r"\s+", " ", fold(s)).strip()


# -- the preamble of a legal text ------------------------------------------------------------------
# Its căn cứ, the proposal ("Theo đề nghị …", "Xét Tờ trình …") and the enacting sentence
# ("Chính phủ ban hành Nghị định …") or line ("QUYẾT ĐỊNH:"), read as clauses of one joined line:
# published copies wrap them anywhere ("Căn" / "cứ Luật …", "Chính" / "phủ ban hành …") and put
# several on one line ("…; Theo đề nghị của …;"). Only the state-vbqppl rules read it.
_OPENS_CLAUSE = re.compile(r"(?:Căn cứ|Theo đề nghị|Theo|Xét|Thực hiện)\b")
_LEGAL_TYPE = r"(?:Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Lệnh)"
_ENACTING = re.compile(rf"(?=[^\W\d_])[^;:]{{0,90}}?\bban\s+hành\s+{_LEGAL_TYPE}\b")
FORMULA = re.compile(r"(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NAY CÔNG BỐ)\s*:?")
_FOOTNOTE = re.compile(r"(?:\[\d+\]|\*)+$")


@dataclass(frozen=True)
class Clause:
    kind: str  # basis | proposal | enacting | formula | other
    text: str
    line: Line  # the whole preamble joined into one line (its spans map back to the source)
    start: int  # offsets of the clause in line.text
    end: int  # after its last character, a footnote mark ("[1]") aside

    @property
    def mark(self) -> str:
        return self.line.text[self.end - 1] if self.end > self.start else ""

    def span(self) -> Span:
        return self.line.span(self.start, self.end)


def preamble(doc: Document) -> list[Clause]:
    """The clauses between the summary and the first heading (Phần, Chương, Mục, Điều, or any
    numbered section)."""
    toks = []
    for t in doc.parts.get("body", []):
        if t.type == "SECTION":
            break
        toks.append(t)
    if not toks:
        return []
    line = toks[0].line
    cuts = {0}
    starts = set()  # where each line starts in the joined text
    for t in toks[1:]:
        formula = FORMULA.fullmatch(t.text.strip())
        if formula:  # "QUYẾT ĐỊNH:" is a clause of its own, whatever ends the line before it
            cuts.add(len(line.text) + 1)
        starts.add(len(line.text) + 1)
        line = line.join(t.line)
        if formula:
            cuts.add(len(line.text))
    text = line.text
    enacting = set()
    for m in re.finditer(r"(?<=[;.,:])\s+(?=\S)", text):
        after = m.end()
        if _OPENS_CLAUSE.match(text, after):
            cuts.add(after)
        elif (
            (text[m.start() - 1] in ";." or after in starts)  # (at a line's start after ",": VB265)
            and text[after].isupper()
            and _ENACTING.match(text, after)
        ):
            cuts.add(after)
            enacting.add(after)
    bounds = sorted(cuts) + [len(text)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        chunk = text[a:b]
        start = a + len(chunk) - len(chunk.lstrip())
        stripped = chunk.rstrip()
        end = a + len(_FOOTNOTE.sub("", stripped).rstrip())
        if end <= start:
            continue
        body = text[start:end]
        kind = _clause_kind(body, a in enacting or not out)
        out.append(Clause(kind, body, line, start, end))
    return out


def _clause_kind(body: str, may_enact: bool) -> str:
    """may_enact: the clause opens the preamble, or starts where an enacting sentence can."""
    if FORMULA.fullmatch(body):
        return "formula"
    if body.startswith("Căn cứ"):
        return "basis"
    if _OPENS_CLAUSE.match(body):
        return "proposal"
    if may_enact and body[0].isupper() and _ENACTING.match(body):
        return "enacting"
    return "other"
