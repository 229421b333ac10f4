"""lex: logical Lines -> line tokens for the grammar.

Each line is first given its shape (what it looks like on its own), then its token type from
the zone of the page it sits in: an upper-case line is an ISSUER in the header, a SUBJECT under
the type name, a SIGNER_TITLE under the authority line, body text anywhere else. Zones are found
from anchors that OCR rarely destroys (the type name, "V/v", "Kính gửi", "Nơi nhận", the
authority prefix). The grammar then checks the order and groups the tokens into parts."""

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from linter import codes
from linter import patterns as P
from linter.lines import Line
from linter.text import fold, is_upper_line


@dataclass(slots=True)
class Tok:
    type: str
    line: Line
    data: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.line.text

    def __repr__(self) -> str:
        return f"{self.type}@{self.line.line}:{self.text[:40]!r}"


def shape(line: Line) -> tuple[str, dict]:
    """What the line looks like on its own: a token type and the fields read from it."""
    return ("TEXT", {}) if P.running_text(line.text) else classify(line)


def classify(line: Line) -> tuple[str, dict]:
    """shape() of a line that may be more than running text."""
    t = line.text
    if P.NUMERAL.fullmatch(t):
        return "TEXT", {}
    f = fold(t).strip()
    if _prose(t, f):
        return _shape_lower(t, f)
    c = t[:1]
    if c in "*-_=.…~":
        if t.strip("* ") == "":
            return "STAR", {}
        if P.SEPARATOR.match(t):
            return "RULE", {}
    # the recognisers of upper-case lines are skipped for the others (most body lines)
    upper = is_upper_line(t)
    if upper or f.startswith("do"):  # the motto, "Độc lập" (OCR: "Độe lập")
        kind = P.banner_kind(t)
        if kind:
            return {"party": "BANNER", "quoc_hieu": "QUOC_HIEU", "tieu_ngu": "TIEU_NGU"}[kind], {}
        if f.startswith("doc") and P.motto_among_specks(t):
            return "TIEU_NGU", {"repaired": True}
    if upper and f.rstrip(":").strip() in P.MARKS:
        return "MARK", {}
    # a number or a date, as written, then with OCR repairs (only where one can be: a line
    # that starts with a digit is a number only as "400-TB/TU", possibly with misread digits)
    # ("Căn cứ Luật Hải quan ngày 23/6/2014;" names a date, and is a basis, not a date line)
    maybe = ("ngay" in f and not f.startswith("can cu")) or P.may_be_number(t, f)
    for text, repaired in ((t, False), (P.repair(t), True)) if maybe else ():
        if repaired and text == t:
            break
        num = P.parse_number(text)
        if num and not repaired and _MISREAD_IN_SYMBOL.search(num["symbol"]):
            continue  # "24/2022/UBTVQHI5": the repaired reading's "UBTVQH15"
        if num and (num["label"] or num["end"] >= len(text) - 1) and not _names_another(num, text):
            if not repaired and num["type_code"] is None and (fixed := _typed_by_repair(t)):
                return "NUMBER", {**fixed, "repaired": True}  # "Số: /TIr-SNV": a code misread
            return "NUMBER", {**num, "repaired": repaired}
        pd = P.parse_place_date(text)
        if pd and pd["end"] >= len(fold(text).rstrip(" .")) - 2 and len(text) < 90:
            return "PLACE_DATE", {**pd, "repaired": repaired}
    if maybe and (num := P.malformed_number(t)):  # read by no form, even repaired: VB210
        return "NUMBER", {**num, "repaired": False}
    # a number or date line read only through heavy damage: found, for review, never "missing"
    if maybe and (num := P.damaged_number(t)):
        return "NUMBER", {**num, "repaired": True}
    if ("thang" in f or maybe) and not f.startswith("can cu") and (pd := P.damaged_place_date(t)):
        return "PLACE_DATE", {**pd, "repaired": True}
    if upper and (dt := P.doc_type_of(t)):
        return "DOC_TYPE", {"doc_type": dt[0], "type_end": dt[1]}
    if f[:1] == "v" and (vv := P.vv_prefix(f)):
        return "VV", {"prefix": vv}
    # (and run together, as a site or OCR may leave them: "Kínhgửi:", "Nơinhận:")
    if f.startswith(("kinh gui", "kinh trinh", "dong kinh gui", "kinhgui", "kinhtrinh")):
        return "KINH_GUI", {}
    if (
        (f.startswith(("noi nhan", "noinhan:")) and not _NOI_NHAN_IN_A_SENTENCE.match(f))
        or (f.startswith("noi nh") and len(f) < 14)
        or (f[:1] in "-+•" and f.lstrip("-+• ") in ("noi nhan:", "noi nhan"))  # a speck read as a dash
    ):
        return "NOI_NHAN", {}
    if (upper or t[:4].isupper()) and (auth := P.authority_of(t)):
        return "AUTHORITY", {"authority": auth[0], "body_at": auth[1]}
    if c in "(Đđ[" and P.SIGNED.match(t):
        return "SIGNED", {}
    sec = P.section_of(t)
    if sec:
        return "SECTION", {"kind": sec[0], "label": sec[1]}
    if c in "-+•·" and P.ITEM.match(t):
        return "ITEM", {}
    label = P.fuzzy_label(t)
    if label:
        return label, {"fuzzy": True}
    slug = P.fuzzy_doc_type(t)
    if slug:
        return "DOC_TYPE", {"doc_type": slug, "type_end": len(t), "repaired": True}
    if upper or P.representative(t):  # ("Đại diện Sở …" heads a signer's block as a title does)
        return ("ENACT" if t.rstrip().endswith(":") and not _issuer_with_a_speck(f) else "UPPER"), {}
    if P.is_name_line(t):
        return "NAME", {}
    return "TEXT", {}


def _issuer_with_a_speck(f: str) -> bool:
    """An issuing body's line that OCR ended with a colon ("BỘ LAO ĐỘNG - THƯƠNG BÌNH:"), not an
    enacting line ("ỦY BAN NHÂN DÂN TỈNH QUYẾT ĐỊNH:"): it must not end the header."""
    return f.startswith(P.ISSUER_WORDS) and not any(v in f for v in ("quyet", "ban hanh", "nghi:"))


# a letter OCR reads for a digit beside a digit in a symbol, where no code has one: "QHI5", "QHl5"
_MISREAD_IN_SYMBOL = re.compile(r"[Il|](?=\d)|(?<=\d)[Il|O]|(?<=QH)[IlS|O]")


def _names_another(num: dict, text: str) -> bool:
    """A number another text is cited by, in a sentence wrapped onto the line: "số 79-NQ/TW,
    Nghị quyết số 80-NQ/TW" (a label in lower case, the sentence going on after it), "Nghị quyết số
    01-NQ/TU ngày 14/7/2025" (a type's name before "số" on a Party number, which the Party never
    prints so: its own reads "Số 01-NQ/TU"; a law's own, "Luật số: 15/2023/QH15")."""
    label = num["label"] or ""
    return (label[:1].islower() and len(text) > num["end"] + 2) or (
        " " in label and num["form"] == "party" and not num["colon"]
    )


def _typed_by_repair(t: str) -> dict | None:
    """The number OCR repairs read with a type code that the line as written lacks."""
    alt = P.repair(t)
    num = P.parse_number(alt) if alt != t else None
    return num if num and num["type_code"] else None


def _prose(t: str, f: str) -> bool:
    """A body line: starts in lower case, is not a heading whose first letter OCR lower-cased
    ("tHÔNG BÁO"), and is not a short line or one that could hold a number, a date or a label."""
    return (
        t[:1].islower()
        and len(t) > 24
        and "ngay" not in f
        and not f.startswith(("so", "luat", "noi", "kinh"))
        and not is_upper_line(t)
    )


def _shape_lower(t: str, f: str) -> tuple[str, dict]:
    """A line that starts in lower case (most body lines of a hard-wrapped page) can only be a
    "về việc"/"v/v" summary, a point "a)", a name whose capital OCR lost, or text: the header and
    label recognisers are skipped."""
    if f[:1] == "v" and (vv := P.vv_prefix(f)):
        return "VV", {"prefix": vv}
    sec = P.section_of(t)
    if sec:
        return "SECTION", {"kind": sec[0], "label": sec[1]}
    if len(t) < 40 and P.is_name_line(t):
        return "NAME", {}
    return "TEXT", {}


_HEADER_ONLY = ("NUMBER", "PLACE_DATE", "BANNER", "QUOC_HIEU", "TIEU_NGU", "STAR")
BANNER_LINES = ("BANNER", "QUOC_HIEU", "TIEU_NGU")  # the token types of a banner's lines
_ANCHORS = ("NUMBER", "PLACE_DATE", *BANNER_LINES)  # lines only a header has
_CLOSING = {"NOI_NHAN", "AUTHORITY", "SIGNED"}  # lines only a closing has


_NO_TOK = Tok("", Line.plain("", 0))


class _Zones:
    """Walks the shaped lines once, front to back, assigning token types zone by zone."""

    def __init__(self, lines: list[Line]):
        self.shaped = [(ln, *shape(ln)) for ln in lines]
        for k, (ln, sh, d) in enumerate(self.shaped):
            if ln.repaired:  # read through an OCR repair (layout): its part needs review
                self.shaped[k] = (ln, sh, {**d, "repaired": True})
        self.toks: list[Tok] = []
        self.i = 0
        self.pulled: dict[int, str] = {}  # the lines _gather read with the header, and how

    def peek(self, k: int = 0) -> tuple[Line, str, dict] | None:
        j = self.i + k
        return self.shaped[j] if j < len(self.shaped) else None

    @property
    def last(self) -> Tok:
        """The token emitted last; a blank one before the first (a page may open on any part)."""
        return self.toks[-1] if self.toks else _NO_TOK

    def emit(self, type_: str, data: dict | None = None) -> None:
        ln, _, d = self.shaped[self.i]
        self.toks.append(Tok(type_, ln, {**d, **data} if data else d))  # d: never changed after
        self.i += 1

    # -- zones ---------------------------------------------------------------------------------
    def stamps(self) -> None:
        received = False  # inside a "CÔNG VĂN ĐẾN" stamp its own "Số:" and "Ngày:" fields follow
        while p := self.peek():
            f = fold(p[0].text).strip()
            if P.STAMP.match(f) or (received and re.match(r"^(so|ngay|chuyen)\s*:", f) and p[1] != "NUMBER"):
                received = received or f.startswith("cong van den")
                self.emit("STAMP")
            else:
                break

    def marks(self) -> None:
        while (p := self.peek()) and p[1] == "MARK":
            self.emit("MARK")

    def header(self) -> None:
        seen_body_anchor = False
        while (p := self.peek()) and not seen_body_anchor:
            ln, sh, _ = p
            if sh == "NUMBER" and self._names_its_decision():
                self.emit("ISSUER")  # "ĐOÀN KIỂM TRA" / "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT"
            elif sh in ("BANNER", "QUOC_HIEU", "TIEU_NGU", "STAR", "NUMBER", "PLACE_DATE", "MARK"):
                self.emit(sh)
            elif sh == "RULE":
                self.emit("RULE")
            elif (
                sh == "UPPER"
                and (len(ln.text) <= 90 or len(ln.text) <= 200 and self._header_goes_on())
                and not self._header_complete()
            ):
                self.emit("ISSUER")  # a joint issuers' row is long: "BỘ TƯ PHÁP - BỘ CÔNG AN - …"
                self._issuer_under_the_date()
            elif sh == "VV" and self.toks:  # Party công văn: "về việc …" under the number
                self.subject_vv()
            elif (
                sh == "TEXT"
                and self.toks
                and self.last.type == "NUMBER"
                and (_about(ln) or self._summary_here(ln))
            ):
                self.subject_vv()  # a công văn's summary that opens "Về …", not "V/v": one rule, VB241
            elif sh in ("TEXT", "NAME", "ITEM") and len(ln.text) < 90 and self._header_goes_on():
                self.emit("NOISE")  # a header line OCR made unreadable: reported, the header goes on
            elif sh == "DOC_TYPE" and not self.toks and self._banner_within(4):
                # a type name never stands above the banner: a stamp's "CÔNG VĂN ĐẾN" OCR merged with
                # the line beside it ("CÔNG VĂN ĐỒNG BÁO Số 1015 …"), not the document's title
                self.emit("NOISE")
            else:
                seen_body_anchor = True

    def _issuer_under_the_date(self) -> None:
        """A two-column header read row by row whose date stands beside the issuer's line above
        ("HỘI ĐỒNG XÉT THĂNG HẠNG    Đồng Tháp, ngày …" / "CDNN VIÊN CHỨC NĂM 2025"): the issuer's
        last line goes back above the date, where the issuer's other lines are."""
        t = self.toks
        if (
            len(t) > 2
            and t[-2].type == "PLACE_DATE"
            and t[-3].type == "ISSUER"
            and t[-3].line.line == t[-2].line.line
            and t[-1].line.line == t[-2].line.line + 1
        ):
            t[-2], t[-1] = t[-1], t[-2]

    def _names_its_decision(self) -> bool:
        """The number at hand ends an issuer's line that names the decision it was set up by
        ("ĐOÀN KIỂM TRA" / "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT"): the issuer's, not the document's."""
        return (
            bool(self.toks)
            and self.last.type == "ISSUER"
            and fold(self.last.text).rstrip().endswith("quyet dinh")
        )

    def _summary_here(self, ln: Line) -> bool:
        """A sentence-case line under the number, ending no sentence, with more of the header
        below it (the Quốc hiệu, the date line): the summary in a công văn's place without its
        "V/v" ("Hướng dẫn một số nội dung liên quan" / "đến hợp nhất …"), not a damaged line; in
        lower case too, when a text layer lost its first words ("cho ý kiến tổ chức đi thăm, …")."""
        t = ln.text.rstrip()
        return (
            t[:1].isalpha()
            and not is_upper_line(t)
            and not t.endswith((".", ":", ";"))
            and len(t) < 90
            and self._header_goes_on()
        )

    def _header_complete(self) -> bool:
        """Issuer, number and date read, and no header line below: capitals now are the summary
        of a document whose type name was lost, not more of the issuer."""
        have = {t.type for t in self.toks}
        return {"ISSUER", "NUMBER", "PLACE_DATE"} <= have and not self._header_goes_on()

    def _banner_within(self, n: int) -> bool:
        return any(
            (q := self.peek(k)) and q[1] in ("BANNER", "QUOC_HIEU", "TIEU_NGU") for k in range(1, n + 1)
        )

    def _header_goes_on(self) -> bool:
        """Whether header lines, or the type name, follow the line at hand within a few unreadable
        lines: then a damaged motto or date line does not end the header and take the number, the
        date and the type name below it into the body."""
        for k in range(1, 7):
            q = self.peek(k)
            if q is None or q[1] not in _HEADER_ONLY + ("TEXT", "NAME", "RULE", "UPPER", "DOC_TYPE", "ITEM"):
                return False
            if fold(q[0].text).startswith("can cu "):
                return False  # the bases: the header is over
            if q[1] in _HEADER_ONLY or (q[1] == "DOC_TYPE" and k <= 3):
                return True
        return False

    def subject_vv(self) -> None:
        self.emit("VV")
        # wrapped continuation: short lines that go on with the phrase, before Kính gửi / body
        n = 0
        while (p := self.peek()) and n < 8:  # (a long one runs to eight lines in a scan's narrow column)
            ln, sh, _ = p
            prev = self.last.text
            if (
                (sh in ("TEXT", "NAME") or _cited(ln.text) or sh == "ITEM" and self._header_goes_on())
                and len(ln.text) < 90
                and not prev.rstrip().endswith((".", ":", ";"))
                and self._before_kinh_gui_or_short(ln)
            ):
                self.emit("SUBJECT")
                n += 1
            else:
                break

    def _rule_or_bases_below(self) -> bool:
        """A rule or the first căn cứ follows the line at hand, directly or after up to three
        short lines that go on with it (a note "(Ban hành kèm theo …)" wrapped in two)."""
        for k in (1, 2, 3, 4):
            q = self.peek(k)
            if q is None:
                return False
            if q[1] == "RULE" or fold(q[0].text).startswith("can cu "):
                return True
            if len(q[0].text) >= 90 or q[0].text.rstrip().endswith((".", ":")):
                return False
        return False

    def _before_kinh_gui_or_short(self, ln: Line) -> bool:
        """A line under "V/v …" goes on with it when it starts in lower case, is short, or the
        header's next part follows it: Kính gửi, a rule, the place-date the page put after the
        summary, directly or after more lower-case lines of the same summary ("V/v đẩy nhanh …" /
        "Bến Lức - Long Thành … giai đoạn 1" / "thuộc nhiệm vụ của Đoàn kiểm tra số 06" / "Hà Nội, …")."""
        if ln.text[:1].islower() or len(ln.text) < 60:
            return True
        k = 1
        while (nxt := self.peek(k)) and nxt[1] in ("TEXT", "NAME") and nxt[0].text[:1].islower() and k < 3:
            k += 1
        return nxt is None or nxt[1] in ("KINH_GUI", "RULE", "PLACE_DATE")

    def title(self) -> None:
        p = self.peek()
        if not p:
            return
        if p[1] == "VV":
            self.subject_vv()
            return
        if p[1] == "UPPER" and self.toks and self._upper_block_ends():
            # a trích yếu in capitals, straight under the header, whose type name was lost
            while (p := self.peek()) and p[1] == "UPPER":
                self.emit("SUBJECT")
            if (p := self.peek()) and p[1] == "RULE":
                self.emit("RULE")
            return
        if p[1] == "TEXT" and self.toks and (_about(p[0]) or self._bases_within(3)):
            # a trích yếu ("về …", or a legal text's name before its căn cứ) whose type name was lost
            self.emit("SUBJECT")
            while (p := self.peek()) and p[1] in ("TEXT", "NAME") and self._subject_goes_on(p[0]):
                self.emit("SUBJECT")
            if (p := self.peek()) and p[1] == "RULE":
                self.emit("RULE")
            return
        if p[1] in ("TEXT", "NAME") and self.toks and self._kinh_gui_within(3):
            # a công văn's trích yếu without its "V/v": the lines between the number and Kính gửi
            while (p := self.peek()) and p[1] in ("TEXT", "NAME"):
                self.emit("SUBJECT")
            return
        if p[1] != "DOC_TYPE":
            return
        self.emit("DOC_TYPE")
        n = 0
        while (p := self.peek()) and (n < 8 or p[1] in ("UPPER", "NUMBER") and n < 20):
            ln, sh, _ = p
            if sh == "RULE":
                self.emit("RULE")
                break
            nxt = self.peek(1)
            enacting = (
                nxt is not None
                and fold(nxt[0].text).startswith(("can cu", "- can cu", "xet de nghi"))
                and (P.is_enactor(ln.text) or P.is_title_line(ln.text))
            )
            prev = self.last
            if sh == "NUMBER" and prev.type == "SUBJECT" and is_upper_line(ln.text):
                self.emit("SUBJECT")  # "… BÃI BỎ QUYẾT ĐỊNH" / "SỐ 55/2014/QĐ-UBND NGÀY …": a number it names
            elif sh in ("UPPER", "VV", "DOC_TYPE") and not enacting and not P.is_title_line(ln.text):
                # a second type-like line is the trích yếu: "NGHỊ QUYẾT" / "QUY ĐỊNH VỀ …"
                self.emit("SUBJECT")
            elif sh == "TEXT" and prev.type == "DOC_TYPE" and self._first_subject_line(ln):
                self.emit("SUBJECT")
                if ln.text.rstrip().endswith(":"):  # "… nhóm thủ tục hành chính:" / "Đăng ký …" / "Căn cứ …"
                    while (
                        (q := self.peek())
                        and q[1] in ("TEXT", "NAME")
                        and not fold(q[0].text).startswith("can cu ")
                    ):
                        self.emit("SUBJECT")
            elif sh in ("TEXT", "NAME") and (
                ln.text[:1].islower()
                or fold(ln.text).startswith("ve ")
                or (
                    prev.type == "SUBJECT"
                    and not prev.text.rstrip().endswith((".", ";", ":"))
                    and len(ln.text) < 100
                    and not ln.text.rstrip().endswith((";", ":"))
                    and not (nxt and nxt[1] == "RULE" and False)
                )
            ):
                if (
                    prev.type == "DOC_TYPE"
                    or fold(ln.text).startswith(("ve ", "v/v"))
                    or self._subject_goes_on(ln)
                ):
                    self.emit("SUBJECT")
                else:
                    break
            else:
                break
            n += 1

    def _first_subject_line(self, ln: Line) -> bool:
        """The line under the type name, in sentence case, is the trích yếu unless it reads as the
        body's first sentence. With a rule or the căn cứ under it, it is the trích yếu whatever
        its length and first words (a web page puts a long one on one line; "Thực hiện quy
        trình …" names a guide's subject)."""
        t = ln.text.rstrip()
        nxt = self.peek(1)
        if nxt is not None and nxt[1] == "RULE" and not t.endswith(":"):
            return True  # the rule drawn under it closes it, whatever its last mark ("… dữ liệu.")
        # (a name may list its subjects, "Quy định …;" / "trách nhiệm …;" / "áp dụng …")
        listed = t.endswith(";") and nxt is not None and nxt[0].text[:1].islower()
        if t.endswith(".") and nxt is not None and fold(nxt[0].text).startswith("can cu "):
            return True  # a name a page closed with a stop, the first căn cứ under it
        if t.endswith(":") and self._rule_or_bases_below():
            return True  # a name that lists what it is about, the căn cứ under the list (see title)
        if t.endswith((".", ":", ";")) and not listed:
            return False
        if self._rule_or_bases_below() or "vbhn" in self.pulled.values():
            return True  # (a consolidated text names what it consolidates: "Thực hiện thí điểm …")
        # a paragraph a line (a .docx, a web page): a long name ending no sentence, a blank line
        # after it, is one paragraph, the trích yếu; a hard-wrapped one is under 150
        whole = nxt is not None and nxt[0].blank_before and len(t) < 300
        # (a body's first sentence opens "Để …", "in order to"; a tờ trình's name "Đề xuất …")
        return (len(t) < 150 or whole) and not (
            fold(t).startswith(("can cu", "thuc hien", "ngay ", "trong ", "theo ", "xet ", "nham "))
            or t.startswith(("Để ", "để "))
        )

    def _kinh_gui_within(self, n: int) -> bool:
        return any((q := self.peek(k)) and q[1] == "KINH_GUI" for k in range(1, n + 1))

    def _upper_block_ends(self) -> bool:
        """Up to seven capital lines, then a rule, a blank line or a "Căn cứ …": a summary, not
        the first lines of a body."""
        for i in range(1, 8):
            q = self.peek(i)
            if q is None:
                return False
            if q[1] != "UPPER":
                return q[1] == "RULE" or q[0].blank_before or fold(q[0].text).startswith("can cu ")
        return False

    def _bases_within(self, k: int) -> bool:
        """A "Căn cứ …" line within k lines, after short lines that end no sentence."""
        for i in range(1, k + 1):
            q = self.peek(i)
            if q is None or q[1] not in ("TEXT", "NAME"):
                return False
            if fold(q[0].text).startswith("can cu "):
                return True
            if len(q[0].text) > 100 or q[0].text.rstrip().endswith((".", ";", ":")):
                return False
        return False

    def _subject_goes_on(self, ln: Line) -> bool:
        # the last line of a wrapped trích yếu: short, no full stop, and the rule or a blank
        # line after it (a hard-wrapped body line runs to the full width)
        nxt = self.peek(1)
        if nxt is None or nxt[1] in ("RULE", "KINH_GUI") or ln.text[:1].islower():
            return True
        return len(ln.text) < 75 and not ln.text.rstrip().endswith((".", ";", ":")) and nxt[0].blank_before

    def addressees(self) -> None:
        for _ in range(self._stamp_over_kinh_gui()):
            self.emit("STAMP")
        if not ((p := self.peek()) and p[1] == "KINH_GUI"):
            return
        while (p := self.peek()) and p[1] == "KINH_GUI":
            ln = p[0]
            self.emit("KINH_GUI")
            inline = ln.text.split(":", 1)[1].strip() if ":" in ln.text else ""
            if (
                not inline
                and (q := self.peek())
                and q[1] not in ("ITEM", "SECTION", "KINH_GUI")
                and len(q[0].text) < 160
            ):
                self.emit("ADDRESSEE")  # a single addressee on its own line, no dash
            while q := self.peek():
                qln, qsh, _ = q
                prev = self.last.text.rstrip()
                # an item that lost its dash still follows one that ends the way list items do
                undashed = (
                    self.last.type == "ADDRESSEE"
                    and prev.endswith((";", ","))
                    and qsh in ("TEXT", "NAME", "UPPER")
                    and len(qln.text) < 120
                    and qln.text.rstrip().endswith((";", ",", "."))
                )
                if qsh == "ITEM" or undashed or (qln.text[:1].islower() and not qln.blank_before):
                    self.emit("ADDRESSEE")
                else:
                    break

    def _stamp_over_kinh_gui(self) -> int:
        """How many lines here are a received stamp the office set over the lines above "Kính gửi:"
        ("UBND TỈNH LÂM ĐỒNG" / "ĐẾN" / "Số: 1015" / "Ngày: 05/9/25", as OCR reads them): short
        lines, one of them a stamp's field, then "Kính gửi:"; 0 when none stands there."""
        k, field = 0, False
        while k < 6 and (p := self.peek(k)) and p[1] != "KINH_GUI":
            if len(p[0].text) > 40 or p[1] in ("ITEM", "SECTION", "NOI_NHAN"):
                return 0
            field = field or _STAMP_FIELD.match(fold(p[0].text).strip()) is not None
            k += 1
        return k if field and self.peek(k) and self.peek(k)[1] == "KINH_GUI" else 0

    def body(self, stop: int) -> None:
        repeats = self._repeats(stop)
        while self.i < stop:
            ln, sh, d = self.shaped[self.i]
            if self.i in repeats:
                self.emit("REPEAT")
            elif sh == "SECTION" and not self._closes_bracket(ln):
                self.emit("SECTION")
            elif sh == "ITEM":
                self.emit("ITEM")
            elif sh == "ENACT":
                self.emit("ENACT")
            else:
                self.emit("PARA")

    def _closes_bracket(self, ln: Line) -> bool:
        """A hard wrap inside brackets: "… (lần" / "2) đến Sở …" goes on with the line above."""
        if ln.blank_before or self.i == 0 or not re.match(r"\w{1,3}\)", ln.text):
            return False
        above = self.shaped[self.i - 1][0].text
        return above.count("(") > above.count(")")

    def _specimen(self, j: int) -> bool:
        """The authority line at j heads an example of a signature block in the body (a guide's
        "Ví dụ 1: …" / "T/M ĐOÀN CHỦ TỊCH" / "(chữ ký)" / "Họ và tên"; a rule's "… thì ghi như
        sau:" / "TM." / "ỦY BAN NHÂN DÂN... (ghi tên …) CHỦ TỊCH Chữ ký, đóng dấu …"), not the
        document's own."""
        if j > self.i and fold(self.shaped[j - 1][0].text).startswith("vi du"):
            return True
        near = [
            fold(s[0].text) for s in self.shaped[max(j - 1, self.i) : j + 5]
        ]  # (j itself, the line above)
        return any(f.strip(" ()") in _PLACEHOLDERS for f in near[-4:]) or any(
            c in f for f in near for c in _FILL_IN
        )

    def closing_start(self) -> int:
        """Index where the closing (Nơi nhận + signature) begins; len(lines) if none."""
        n = len(self.shaped)
        first = n
        for j in range(self.i, n):
            sh = self.shaped[j][1]
            if sh == "NOI_NHAN" or sh == "AUTHORITY" and not self._specimen(j):
                first = j
                break
        if first < n and (k := self._signed_above_annexes(first)) is not None:
            return k  # the forms of the annexes carry the label and the prefix, not the document
        if first < n:
            if self.shaped[first][1] == "AUTHORITY" and (k := self._listed_above(first)) != first:
                return k
            # signers with bare titles may stand before "Nơi nhận" (biên bản: THƯ KÝ … CHỦ TỌA …)
            return self._signers_above(first)
        if (k := self._signed_above_annexes(n)) is not None:
            return k  # a head's bare title and name above the annexes, a form's own signers in them
        # no label, no prefix: a head signing with a bare title, then a name
        for j in range(n - 1, self.i - 1, -1):
            ln, sh, _ = self.shaped[j]
            if (
                sh in ("UPPER", "ENACT")
                and P.is_title_line(ln.text)
                and j + 1 < n
                and (
                    any(s[1] == "NAME" or s[1] == "SIGNED" for s in self.shaped[j + 1 : j + 4])
                    or j + 2 == n
                    and self._remnant(self.shaped[j + 1][0], None)  # the last line: a name a stamp cut
                )
            ):
                # the signers before it, each a title and a name ("Đại diện …" / name, once a party)
                return self._listed_above(self._signers_above(j))
        # no title either: a page that kept only the mark and the name ("(Đã ký)" / "Lê Thành Long")
        for j in range(n - 1, max(self.i, n - 3) - 1, -1):
            if self.shaped[j][1] == "SIGNED" and (k := self._name_beside(j)) is not None:
                return self._listed_above(k)
        return n

    def _signed_above_annexes(self, stop: int) -> int | None:
        """Where a head's bare title and name stand right above the first annex or form, before
        stop: "CHỦ TỊCH QUỐC HỘI" / "Vương Đình Huệ" / "PHỤ LỤC …" (whose forms have a "Nơi
        nhận:" and a "TM. …" of their own); None if nothing does."""
        for j in range(self.i + 2, stop):
            ln = self.shaped[j][0]
            if ln.text[:1] in "PM" and P.ANNEX_START.match(ln.text) and self.shaped[j - 1][1] == "NAME":
                title, sh, _ = self.shaped[j - 2]
                if sh in ("UPPER", "ENACT") and P.is_title_line(title.text):
                    return self._listed_above(self._signers_above(j - 2))
        return None

    def _listed_above(self, k: int) -> int:
        """Where the closing starts when the signature starts at k: at a list above it that lost
        its "Nơi nhận:" label (a page's row "- Chính phủ; - … - Lưu: HC, PLTP."), else at k."""
        listed = self._unlabelled(k - 1)
        return k if listed is None else listed

    def _name_beside(self, j: int) -> int | None:
        """Where a signature that is only the mark at shaped line j and a name starts."""
        if j + 1 < len(self.shaped) and self.shaped[j + 1][1] == "NAME":
            return j
        return j - 1 if j - 1 >= self.i and self.shaped[j - 1][1] == "NAME" else None

    def _signers_above(self, j: int) -> int:
        """Where the signers' blocks that end above shaped line j begin: titles, signatures and
        names back to the first title (a block starts at a title, never at a name)."""
        first = j
        while (
            j - 1 >= self.i
            and self.shaped[j - 1][1] in ("UPPER", "NAME", "SIGNED", "TEXT")
            and (P.is_title_line(self.shaped[j - 1][0].text) or self.shaped[j - 1][1] in ("NAME", "SIGNED"))
        ):
            j -= 1
        while j < first and not P.is_title_line(self.shaped[j][0].text):
            j += 1
        return j

    def _unlabelled(self, last: int) -> int | None:
        """Where a recipients list without its "Nơi nhận:" label starts, when shaped line `last`
        closes it: two or more dash items, the last a "Lưu …" line (only the recipients' list
        ends so); None otherwise."""
        if last < self.i or not self._listed(last) or not P.luu_line(self.shaped[last][0].text):
            return None
        j = last
        while j - 1 >= self.i and self._listed(j - 1):
            j -= 1
        return j if last - j >= 1 else None

    def _listed(self, j: int) -> bool:
        """A line of a list: a dash item, or one whose dash a scan lost ("Chính phủ;")."""
        ln, sh, _ = self.shaped[j]
        return (
            sh == "ITEM"
            or sh in ("TEXT", "NAME", "UPPER")
            and len(ln.text) < 120
            and ln.text.endswith((";", ","))
        )

    def _unlabelled_here(self) -> bool:
        """A list without its label starts at the current line (before or after the signature)."""
        j = self.i
        while j + 1 < len(self.shaped) and self._listed(j + 1):
            j += 1
        return self._unlabelled(j) == self.i

    def recipients(self) -> None:
        if self.shaped[self.i][1] == "NOI_NHAN":
            self.emit("NOI_NHAN")
        while p := self.peek():
            ln, sh, _ = p
            if sh in ("AUTHORITY", "NOI_NHAN", "SIGNED"):
                break
            if sh in ("UPPER", "ENACT") and P.is_title_line(ln.text):
                break
            if sh == "NAME" and self.last.type == "SIGNER_TITLE":
                break
            prev = self.last
            if (
                prev.type == "RECIPIENT"
                and _is_last_recipient(prev.text)
                and sh != "ITEM"
                and not P.DRAFTER.match(ln.text)
            ):
                break  # after the closing "Lưu …." line only a drafter code may follow
            cont = (
                prev.type == "RECIPIENT"
                and sh != "ITEM"
                and (
                    not prev.text.rstrip().endswith((",", ";", "."))
                    or _NOTE.fullmatch(ln.text.strip())
                    or prev.text.count("(") > prev.text.count(")")
                    or ln.line == prev.line.line  # cut from the item's own row: a note beside it
                    or _comrade_s_title(prev.text, ln.text)
                )
            )  # (a note wrapped onto its own line: "- … Bộ Tư pháp;" / "(B/c)"; a bracket still open:
            # "- Văn phòng Chính phủ (Phòng Công báo;" / "Cổng TTĐT, Vụ CN, KGVX);"; a note beside a
            # brace, "- Cổng thông tin điện tử Chính phủ;       Để đăng dự thảo")
            if (
                sh == "ITEM"
                or sh in ("TEXT", "NAME", "UPPER", "SECTION")
                and (
                    len(ln.text) < 140 or len(ln.text) < 300 and ln.text.endswith(";")
                )  # (items a scan merged)
                or sh == "ENACT"
                and len(ln.text) < 40  # "VPCP:" / "BTCN, …" when a scan lost the dash
            ):
                self.emit("RECIPIENT", {"continuation": cont})
            else:
                break

    def signature(self) -> None:
        if (p := self.peek()) and p[1] == "NAME" and (q := self.peek(1)) and q[1] == "SIGNED":
            self.emit("SIGNER_NAME")  # "Nguyễn Mạnh Kiểm" / "(Đã ký)": no title, no authority
        elif (p := self.peek()) and self._ranked_name(p[0]):
            self.emit("SIGNER_NAME")  # "Thiếu tướng Trương Minh Đương": the title lost under a seal
        # "XÁC THỰC VĂN BẢN" / "HỢP NHẤT" above the authority line
        while (
            (p := self.peek())
            and p[1] == "UPPER"
            and (
                any((q := self.peek(k)) and q[1] == "AUTHORITY" for k in (1, 2))
                or P.is_authentication(p[0].text)  # (its signer may sign by title)
            )
        ):
            self.emit("SIGN_NOTE")
        while (p := self.peek()) and p[1] == "AUTHORITY":  # multi-level: TL. … / KT. …
            self.authority()
        while (
            (p := self.peek())
            and (p[1] in ("UPPER", "ENACT") or self._title_in_title_case(p[0]))
            and len(p[0].text) < 90
            and not (
                p[0].blank_before and self.last.type == "SIGNER_TITLE" and not P.is_title_line(p[0].text)
            )
            and not (self.last.type == "SIGNER_TITLE" and _scrawl(p[0].text))
        ):
            # a title wrapped: "PHÓ CHÁNH VĂN PHÒNG" / "THƯỜNG TRỰC" is one title, not two; capitals
            # after a blank line that are no title are what follows a signature whose name is lost
            wrapped = self.last.type == "SIGNER_TITLE" and not P.is_title_line(p[0].text.upper())
            self.emit("SIGNER_TITLE", {"continuation": True} if wrapped else None)
        self._signed()
        if (
            (p := self.peek())
            and self._single_word(p[0])
            and (q := self.peek(1))
            and (q[1] == "NAME" or self._single_word(q[0]))
        ):
            self.emit("SIGNER_NAME")  # "Phan" / "Thị Thắng", "Mai" / "Sơn"
            self.emit("SIGNER_NAME")
        elif (p := self.peek()) and (
            p[1] == "NAME"
            or p[1] == "TEXT"
            and (self._namelike(p[0]) or self.last.type in _SIGNED_BY and _name_misread(p[0].text))
        ):
            self.emit("SIGNER_NAME")
            # a name broken over two lines: "Lê Tấn" / "Cận"
            if (p := self.peek()) and self._single_word(p[0]):
                self.emit("SIGNER_NAME")
        elif (p := self.peek()) and self._remnant(p[0], self.peek(1)) and self.last.type in _SIGNED_BY:
            # what a stamp left of the name: "Mẫn", "dạh Mẫn" (VB132 asks to check it)
            self.emit("SIGNER_NAME")
        # a second signer side by side (biên bản: THƯ KÝ and CHỦ TỌA; joint documents)
        while (
            (p := self.peek())
            and p[1] in ("UPPER", "ENACT")
            and P.is_title_line(p[0].text)
            and (q := self.peek(1))
            and q[1] in ("NAME", "SIGNED")
        ):
            self.emit("CO_TITLE")
            self._cosigner_rest()
        # joint documents whose signers stand one under another: "KT. BỘ TRƯỞNG" / "BỘ TƯ PHÁP" /
        # "THỨ TRƯỞNG" / "(Đã ký)" / name, once for each body
        while (p := self.peek()) and p[1] == "AUTHORITY" and (k := self._title_below()):
            for _ in range(k):
                self.emit("CO_AUTHORITY")
            self.emit("CO_TITLE")
            self._cosigner_rest()

    def _ranked_name(self, ln: Line) -> bool:
        """A name with its rank: "Thiếu tướng Trương Minh Đương" (a signer's, wherever it stands)."""
        return bool(P.rank_end(ln.text)) and (self._namelike(ln) or _name_misread(ln.text))

    def _signed(self) -> None:
        """The signature's own lines under a title: "(Đã ký)", or what OCR made of the hand and the
        seal over the block before the name ("Ú) ”u" / "sư 2" / "Dương Tín Hòa"), its place too."""
        while (p := self.peek()) and p[1] == "SIGNED":
            self.emit("SIGNED")
        if self.last.type in (*_SIGNED_BY, "CO_TITLE") and (k := self._scrawls()):
            for _ in range(k):
                self.emit("SIGNED", {"scrawl": True})

    def _scrawls(self) -> int:
        """How many lines from here are scrawl before a name (at most three); 0 when no name follows."""
        k = 0
        while k < 3 and (p := self.peek(k)) and _scrawl(p[0].text):
            k += 1
        q = self.peek(k)
        return k if k and q and (q[1] == "NAME" or self._namelike(q[0]) or _name_misread(q[0].text)) else 0

    def _title_in_title_case(self, ln: Line) -> bool:
        """A deputy's title a page printed in title case under the head's, the signature or the
        name under it: "THỐNG ĐỐC" / "Phó Thống Đốc" / "(đã ký)" / "Phạm Thanh Hà"."""
        nxt = self.peek(1)
        return (
            self.last.type == "SIGNER_TITLE"
            and P.is_title_line(ln.text.upper())
            and not P.rank_end(ln.text)  # "Đại tướng Nguyễn Tân Cương": a name with its rank
            and nxt is not None
            and (nxt[1] in ("SIGNED", "NAME") or self._namelike(nxt[0]))
        )

    def _cosigner_rest(self) -> None:
        self._signed()
        if (p := self.peek()) and (p[1] == "NAME" or p[1] == "TEXT" and self._namelike(p[0])):
            self.emit("CO_NAME")

    def _title_below(self) -> int:
        """How many lines of another signer's authority stand above its title (the authority
        and the body it wrapped onto), when a title and then a signature or name follow; else 0."""
        for k in (1, 2, 3):
            q, after = self.peek(k), self.peek(k + 1)
            if q is None or after is None or q[1] not in ("UPPER", "ENACT", "AUTHORITY"):
                return 0
            if q[1] != "AUTHORITY" and P.is_title_line(q[0].text):
                return k if after[1] in ("SIGNED", "NAME") or self._namelike(after[0]) else 0
        return 0

    def authority(self) -> None:
        """An authority line and the lines it wrapped onto: "T/M BỘ CHÍNH" / "TRỊ", "KT. BỘ
        TRƯỞNG," / "…", and a prefix alone on its line, "TL." / "BỘ TRƯỞNG" (then the next line
        is the head it signs for, title-like as it is)."""
        ln, _, d = self.shaped[self.i]
        bare = d["body_at"] >= len(ln.text.rstrip())
        self.emit("AUTHORITY")
        while (p := self.peek()) and (
            (bare and p[1] == "UPPER")
            or p[1] in ("UPPER", "AUTHORITY")
            and (
                self.last.text.rstrip().endswith(",")
                or not P.is_title_line(p[0].text)
                and self.last.type == "AUTHORITY"
                and p[1] == "UPPER"
                and (len(p[0].text.split()) <= 2 or self._title_next())
            )
        ):
            bare = False
            self.emit("AUTHORITY_CONT")

    def _title_next(self) -> bool:
        """The line after the one at hand is a signer's title: the one at hand, in capitals and
        no title, is the body the authority line wrapped onto ("KT. BỘ TRƯỞNG" / "BỘ CÔNG AN" /
        "THỨ TRƯỞNG" in a joint document)."""
        q = self.peek(1)
        return q is not None and q[1] in ("UPPER", "ENACT") and P.is_title_line(q[0].text)

    def _remnant(self, ln: Line, after) -> bool:
        """What a stamp or a fold left of a signer's name: one capitalised word ("Mẫn"), or a few
        words ending with one ("dạh Mẫn") where the block ends (the document's or a paragraph's end)."""
        if self._single_word(ln):
            return True
        words = ln.text.split()
        return (
            1 < len(words) <= 4
            and all(w.isalpha() for w in words)
            and words[-1][:1].isupper()
            and not words[-1].isupper()
            and (after is None or after[0].blank_before)
        )

    @staticmethod
    def _single_word(ln: Line) -> bool:
        return (
            len(ln.text.split()) == 1
            and ln.text[:1].isupper()
            and ln.text.isalpha()
            and not ln.text.isupper()
        )

    @staticmethod
    def _namelike(ln: Line) -> bool:
        words = ln.text.split()
        return (
            2 <= len(words) <= 6
            and all(w.isalpha() for w in words)
            and sum(w[0].isupper() for w in words) >= 2
        )

    def closing(self) -> None:
        done = set()
        while p := self.peek():
            sh = p[1]
            if "r" not in done and (sh == "NOI_NHAN" or self._listed(self.i) and self._unlabelled_here()):
                self.recipients()
                done.add("r")
            elif (
                sh == "AUTHORITY"
                or sh in ("SIGNED", "NAME")
                and (q := self.peek(1))
                and {sh, q[1]} == {"SIGNED", "NAME"}
                or (sh in ("UPPER", "ENACT") and P.is_title_line(p[0].text))
                or (sh == "UPPER" and any((q := self.peek(k)) and q[1] == "AUTHORITY" for k in (1, 2)))
                or self._ranked_name(p[0])
            ) and "s" not in done:
                self.signature()
                done.add("s")
            elif "r" in done and "s" not in done and self._before_signature(p):
                self.emit("SIGN_NOTE")  # "05 bản, QĐ164.", "Ký bởi: …" between Nơi nhận and the signature
            else:
                break

    def _before_signature(self, p) -> bool:
        ln, sh, _ = p
        return (
            sh in ("TEXT", "UPPER", "STAMP")
            and len(ln.text) < 60
            and any((q := self.peek(k)) and q[1] == "AUTHORITY" for k in (1, 2, 3))
        )

    def trailer(self) -> None:
        while self.i < len(self.shaped):
            self.emit("TRAILER")

    def _header_block(self, start: int) -> int:
        """Where the header (and the type name and trích yếu under it) that starts at shaped
        line `start` ends: the header and title zones run on the lines from there."""
        sub = _Zones([])
        sub.shaped = self.shaped[start:]
        sub.header()
        sub.title()
        return start + sub.i

    def _anchored(self, i: int) -> bool:
        """Two kinds of header line (banner, motto, number, date) within six lines from i."""
        return len({s for _, s, _ in self.shaped[i : i + 6] if s in _ANCHORS}) >= 2

    def _displaced_header(self) -> tuple[int, int, bool] | None:
        """A header that a page swap or OCR put after the body: its shaped lines (start, end), to
        be read first, and whether all that follows it comes first too (the last page fed first:
        the text opens on its closing, "Nơi nhận:" or a signature, before the header); None when
        the text opens with its header. Else the text must open with body text (or with its "Kính
        gửi:", as a PDF's text layer may give a page)."""
        i = next((i for i, (_, s, _) in enumerate(self.shaped) if s in _ANCHORS and self._anchored(i)), None)
        if not i:
            return None
        start = i
        while start > max(0, i - 4) and self.shaped[start - 1][1] in ("UPPER", "RULE", "STAR"):
            start -= 1  # the issuer's lines above the banner
        before = {s for _, s, _ in self.shaped[:start]}
        if before & _CLOSING:
            return start, self._header_block(start), True
        if i >= 6 and before <= {"TEXT", "NAME", "SECTION", "ITEM", "KINH_GUI"}:
            return start, self._header_block(start), False
        return None

    def _repeats(self, stop: int) -> set[int]:
        """Shaped lines of the body that repeat the header (a second page's header, a page
        scanned twice): the grammar takes them as REPEAT, a rule reports each copy once."""
        out: set[int] = set()
        read = [fold(t.text) for t in self.toks if t.type in _ANCHORS]
        if not read or not any(s in _ANCHORS for _, s, _ in self.shaped[self.i : stop]):
            return out

        def seen(j: int) -> bool:  # a header line read already: a copy, not a quoted date or number
            ln, sh, _ = self.shaped[j]
            return sh in _ANCHORS and any(fuzz.ratio(fold(ln.text), r) >= 85 for r in read)

        i = self.i
        while i < stop:
            if seen(i) and sum(seen(j) for j in range(i, min(stop, i + 6))) >= 2:
                start = i
                while start > max(self.i, i - 4) and self.shaped[start - 1][1] in ("UPPER", "RULE", "STAR"):
                    start -= 1
                end = min(stop, self._header_block(start))
                out.update(range(start, end))
                i = end
            else:
                i += 1
        return out

    def _motto_to_its_banner(self) -> None:
        """A two-column header read row by row: "QUỐC HỘI" / "CỘNG HÒA …" / "Luật số: …" /
        "Độc lập - …": the motto is the banner's second line, the number stands beside it; and
        the issuer's second row beside the motto."""
        kinds = [sh for _, sh, _ in self.shaped[:12]]
        for q in range(len(kinds) - 2):
            if kinds[q] != "QUOC_HIEU" or kinds[q + 2] != "TIEU_NGU":
                continue
            if kinds[q + 1] in ("NUMBER", "PLACE_DATE"):
                self.shaped.insert(q + 1, self.shaped.pop(q + 2))
                return
            if kinds[q + 1] == "UPPER" and q > 0 and kinds[q - 1] == "UPPER":
                # "ỦY BAN NHÂN DÂN" / "CỘNG HÒA …" / "TỈNH LÂM ĐỒNG" / "Độc lập …": the issuer's
                # second row goes back under its first
                self.shaped.insert(q, self.shaped.pop(q + 1))
                return
        # a .docx header table read cell by cell: "UBND TỈNH …  CỘNG HÒA …" / "SỞ …" / "Số: …" /
        # "V/v …" (wrapped) / "Độc lập …": the motto, further down the left column's cells, is the
        # banner's second line
        q = kinds.index("QUOC_HIEU") if "QUOC_HIEU" in kinds else -1
        r = kinds.index("TIEU_NGU", q + 2) if q >= 0 and "TIEU_NGU" in kinds[q + 2 :] else -1
        between = kinds[q + 1 : r]
        if (
            r > 0
            and "TIEU_NGU" not in kinds[:r]
            and set(between) <= {"UPPER", "NUMBER", "VV", "TEXT", "RULE"}
        ):
            self.shaped.insert(q + 1, self.shaped.pop(r))

    def _gather(self) -> dict[int, str]:
        """A number line that stands below the header (a column read late, a line out of order)
        is read with the header and reported where it stands ("part"). A consolidated text may
        print its issuer, number and date in the block above its authentication instead ("BỘ XÂY
        DỰNG" / "Số: 07/VBHN-BXD" / "XÁC THỰC VĂN BẢN HỢP NHẤT" / "Hà Nội, ngày …"): a form of
        its own ("vbhn"), read with the header and not reported. Returns the ids of the Lines
        moved, with how."""
        have = {t.type for t in self.toks}
        if "NUMBER" in have or not have & set(_ANCHORS + ("ISSUER",)):
            return {}
        # up to the signature's authority line: what follows it is the signer, then annexes; a
        # consolidated text's signer may sign by title alone ("CHỦ NHIỆM"), its block then ends a
        # few lines after the authentication's heading
        last = range(len(self.shaped) - 1, self.i, -1)
        stop = next((j for j in last if self.shaped[j][1] == "AUTHORITY"), 0) or next(
            (min(j + 4, len(self.shaped)) for j in last if P.authentication(self.shaped[j][0].text)), 0
        )
        found = []
        for j in range(self.i, stop):
            ln, sh, d = self.shaped[j]
            # a number alone on its line, "Số" capitalised: not a wrapped "… số 51/2016/NĐ-CP.", nor
            # a sentence that cites one, "Luật số 46/2014/QH13 sửa đổi …"
            alone = d.get("end", 0) >= len(ln.text.rstrip(" .;,")) - 1
            if sh == "NUMBER" and (d.get("label") or "")[:1].isupper() and alone:
                found.append(j)
        # the consolidated text's own, before a law a sentence cites in a cell a justified line's
        # gaps cut ("31/2024/QH15,        Luật   số   43/2024/QH15,")
        j = next((j for j in found if codes.consolidated_symbol(self.shaped[j][2]["symbol"])), None)
        if j is None and not found:
            return {}
        block = self._end_block(j, stop) if j is not None else [found[0]]
        lines = [self.shaped[k] for k in block]
        for k in sorted(block, reverse=True):
            self.shaped.pop(k)
        self.shaped[self.i : self.i] = lines
        self.header()
        how = "vbhn" if len(block) > 1 else "part"
        return {id(x[0]): how for x in lines}

    def _end_block(self, j: int, stop: int) -> list[int]:
        """The shaped lines of a consolidated text's end block around its number at j: the issuer
        and its rule above it, the date below it (past the "XÁC THỰC …" line) or else beside the
        issuer's second line above it; in the header's order."""
        date = next((k for k in range(j + 1, min(stop, j + 3)) if self.shaped[k][1] == "PLACE_DATE"), None)
        above = j
        while above > self.i and j - above < 5:
            kind = self.shaped[above - 1][1]
            if kind == "PLACE_DATE" and date is None:
                date = above - 1  # beside the issuer's second line, above the number
            elif kind not in ("UPPER", "RULE"):
                break
            above -= 1
        # (a row read across its two cells puts "XÁC THỰC …" between the issuer and the number)
        issuer = [k for k in range(above, j) if k != date and not P.is_authentication(self.shaped[k][0].text)]
        return [*issuer, j, *([date] if date is not None else [])]

    def run(self) -> list[Tok]:
        moved = self._displaced_header()
        if moved:
            a, b, rest = moved
            if rest:
                b = len(self.shaped)  # the pages from the header on, then those fed before it
            self.shaped = self.shaped[a:b] + self.shaped[:a] + self.shaped[b:]
        self._motto_to_its_banner()
        self.stamps()
        self.marks()
        self.header()
        self.pulled = pulled = self._gather()
        self.title()
        self.addressees()
        self.body(self.closing_start())
        self.closing()
        self.trailer()
        if moved:  # read first, reported where it stands
            for t in self.toks[: moved[1] - moved[0]]:
                t.data = {**t.data, "moved": "header"}
        for t in self.toks if pulled else ():
            if id(t.line) in pulled:
                t.data = {**t.data, "moved": pulled[id(t.line)]}
        return self.toks


# "Nơi nhận" followed by a word, no colon between: a sentence ("Nơi nhận văn bản xác định những cơ
# quan …", a guide's; "nơi nhận, số lượng bản phát hành, …", a wrapped one) or a table's heading
# ("Nơi nhận báo cáo" / "Trong ngành"), not the label
_NOI_NHAN_IN_A_SENTENCE = re.compile(r"noi nhan,? [^\W\d_]")
_PLACEHOLDERS = ("ho va ten", "chu ky", "ky ten")  # (folded) where a specimen's signer would sign
_FILL_IN = ("(ghi ten", "chu ky, dong dau")  # (folded) a specimen's instructions inside its lines
_SIGNED_BY = ("SIGNER_TITLE", "SIGNED")  # what stands right above the signer's name
_NOTE = re.compile(r"\([^()]{1,30}\)[;,.]?")
_CITED = re.compile(r"(?:số\s+)?\d{1,5}/(?:\d{4}/)?[A-ZĐ]")


# (folded) a received stamp's fields: "ĐẾN", "Số:", "Ngày:", "Chuyển:", "Số và ký hiệu HS:"
_STAMP_FIELD = re.compile(r"(?:cong van )?den\b|ngay\b|chuyen\b|s[ou] va ky hieu|luu ho so")


def _scrawl(text: str) -> bool:
    """A short line with no word of four letters: what OCR reads of a hand's signature or a seal
    ("Ú) ”u", "sư 2", "Đ", "⁄Z"); never a title, nor a name or its part ("Lê Thị Hoa", "Bùi" /
    "Xuân Cường"), whose words are all capitalised."""
    words = text.split()
    return (
        len(text) <= 12
        and not re.search(r"[^\W\d_]{4}", text)
        and not all(len(w) > 1 and w.isalpha() and w.istitle() for w in words)
    )


def _name_misread(text: str) -> bool:
    """A signer's name (after its rank) with one word OCR misread with a digit or a mark:
    "Thiếu tướng 1rương Minh Đương" (VB132 asks to check it)."""
    words = text[P.rank_end(text) :].split()
    bad = [w for w in words if not w.isalpha()]
    return 2 <= len(words) <= 5 and len(bad) == 1 and sum(w[:1].isupper() for w in words) >= len(words) - 1


def _cited(text: str) -> bool:
    """The number of a text a summary names, wrapped onto its own line: "136/2025/NĐ-CP",
    "số 55/2014/QĐ-UBND ngày …" (never the document's own "Số: …", which opens in capitals)."""
    return _CITED.match(text) is not None


def _comrade_s_title(item: str, line: str) -> bool:
    """A Party list's item naming a comrade, wrapped after its comma onto his title: "- Đ/c Lương
    Đức Hải – UVTV," / "Trưởng Ban Tổ chức Tỉnh uỷ (phụ trách địa bàn xã),"."""
    f = fold(item).lstrip("-+• ")
    return (
        f.startswith(("d/c ", "dong chi "))
        and item.rstrip().endswith(",")
        and fold(line).split(" ", 1)[0] in P.TITLE_FIRST
    )


def _about(ln: Line) -> bool:
    """A summary line that opens "Về …" as a type name's does."""
    return len(ln.text) < 120 and fold(ln.text).startswith("ve ")


def _is_last_recipient(text: str) -> bool:
    return P.luu_line(text) is not None and text.rstrip().endswith(".")


def lex(lines: list[Line]) -> list[Tok]:
    return _Zones(lines).run()
