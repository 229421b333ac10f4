"""Which regime a document follows, from its banner, number, authority prefixes and date.

Each part that differs between the regimes votes Party or State. The banner is the regime's own
mark and decides, unless it is the odd one out: a banner that the number (and the signature)
contradict makes the document *mixed*, which is reported rather than silently guessed. Then, and
when nothing else decides, weaker hints break the tie: the "Lưu" line and types that exist in one
regime only. A Party document dated from the HD 05 cut-over is checked by party-hd05. A State
document that is a legal normative one (a year in its number, or a type or type code that only
legal normative documents have) is checked by state-vbqppl, under the rules of its date
(docs/standards-vbqppl.md §1)."""

import re
from datetime import date

from linter import codes
from linter import patterns as P
from linter.codes import PARTY_HD05_FROM
from linter.lex import BANNER_LINES
from linter.model import Document, preamble
from linter.result import Choice
from linter.text import fold

# The rules on the form of legal normative documents, by the document's date (standards-vbqppl §1).
VBQPPL_2025_FROM = date(2025, 4, 1)  # Luật 64/2025 and NĐ 78/2025 replace Luật 80/2015 and NĐ 34/2016
VBQPPL_2025B_FROM = date(2025, 7, 1)  # Luật 87/2025 and NĐ 187/2025 amend them
VBHN_2026_FROM = date(2026, 7, 1)  # Pháp lệnh 01/2026 amends Pháp lệnh 01/2012 on consolidation
REGIMES = {
    "nd34": "Luật 80/2015/QH13; NĐ 34/2016/NĐ-CP (sửa đổi bởi NĐ 154/2020/NĐ-CP)",
    "nd78": "NĐ 78/2025/NĐ-CP",
    "nd78-187": "NĐ 78/2025/NĐ-CP (sửa đổi bởi NĐ 187/2025/NĐ-CP)",
    "vbhn-2012": "Pháp lệnh 01/2012/UBTVQH13",
    "vbhn-2026": "Pháp lệnh 01/2012/UBTVQH13 (sửa đổi bởi Pháp lệnh 01/2026/UBTVQH16)",
}


def issue_date(doc: Document) -> date | None:
    pd = doc.components["place_date"]
    try:
        return date(pd["year"], pd["month"], pd["day"]) if pd else None
    except (TypeError, ValueError):
        return None


_PASSED = re.compile(r"thông\s+qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def legal_date(doc: Document) -> date | None:
    """The date line's, else the passage date a Luật closes with ("… thông qua ngày 10 tháng
    12 năm 2025"), where the date line is not printed."""
    when = issue_date(doc)
    if when or not doc.parts.get("body"):
        return when
    m = _PASSED.search(" ".join(t.text for t in doc.parts["body"][-15:]))
    try:
        return date(int(m[3]), int(m[2]), int(m[1])) if m else None
    except ValueError:
        return None


def legal_evidence(doc: Document) -> list[str]:
    """What makes a document a legal normative one (empty when nothing does): a year in a State
    number ("Số: 12/2025/NĐ-CP", "Luật số: 64/2025/QH15"), a type that only legal normative
    documents have (nghị định, thông tư, luật, pháp lệnh, văn bản hợp nhất), or its type code."""
    n = doc.components["number"] or {}
    found = []
    if n.get("year") and n.get("form") == "state":
        found.append(f"số {n['seq']}/{n['year']}/{n['symbol']}")
    if doc.doc_type in codes.LEGAL_TYPES:
        found.append(codes.type_vi(doc.doc_type))
    if n.get("type_code") in codes.LEGAL_CODES and not n.get("year"):
        found.append(n["symbol"])
    if not found and not n and (enacting := _enacting(doc)):
        found.append(f'"{enacting[:40]}…"')  # a page without its header: the enacting sentence
    return found


def _enacting(doc: Document) -> str | None:
    """The enacting sentence only legal normative documents have ("Thủ tướng Chính phủ ban hành
    Quyết định …"; an administrative decision says "QUYẾT ĐỊNH:"), if the preamble holds one."""
    return next((c.text for c in preamble(doc) if c.kind == "enacting"), None)


def assembly(doc: Document) -> bool:
    """A Luật, Pháp lệnh, Lệnh or resolution of the Quốc hội or its Standing Committee: a form of
    the assembly's own (no Nơi nhận, no "Theo đề nghị", "Lưu: HC, …"; standards-vbqppl §9, §11)."""
    return codes.assembly(doc.doc_type, (doc.components["number"] or {}).get("symbol"))


def consolidated(doc: Document) -> bool:
    n = doc.components["number"] or {}
    return doc.doc_type == "van_ban_hop_nhat" or codes.consolidated_symbol(n.get("symbol"))


def vbqppl_regime(doc: Document) -> str:
    """The key of REGIMES whose rules apply, from the document's date (undated: the newest)."""
    when = legal_date(doc)
    if consolidated(doc):
        return "vbhn-2012" if when and when < VBHN_2026_FROM else "vbhn-2026"
    if when and when < VBQPPL_2025_FROM:
        return "nd34"
    return "nd78" if when and when < VBQPPL_2025B_FROM else "nd78-187"


_STATE_ISSUERS = frozenset(["CTN", "CP", "TTg", "QH"])  # Chủ tịch nước, Chính phủ, Thủ tướng, Quốc hội


def _signals(doc: Document) -> tuple[list[str], list[str]]:
    c = doc.components
    party: list[str] = []
    state: list[str] = []
    banners = {c["banner"]["kind"]} if c["banner"] else set()
    # a second banner out of place is evidence too: "ĐẢNG CỘNG SẢN VIỆT NAM" above a Quốc hiệu
    banners |= {"party" if t.type == "BANNER" else "state" for t in doc.dropped if t.type in BANNER_LINES}
    for kind in sorted(banners):
        (party if kind == "party" else state).append("banner")
    if c["number"] and c["number"]["form"] != "malformed":
        n = c["number"]
        # (the State's own numbers of the 1990s took the hyphen too: a law "24-L/CTN", "15-CP/TTg")
        party_form = n["form"] == "party" and n["issuer_code"] not in _STATE_ISSUERS
        (party if party_form else state).append("number")
    for t in doc.parts.get("signature", []):
        if t.type == "AUTHORITY":
            a = t.data["authority"]
            if a in ("T/M", "K/T", "T/L"):
                party.append("authority")
            elif a in ("TM.", "KT.", "TL.", "TUQ."):
                state.append("authority")
            break
    if c["issuer"] and c["issuer"]["star"]:
        party.append("star")
    for name, vote in (("title", _title_vote(doc)), ("issuer", _issuer_vote(c)), ("luu", _luu_vote(c))):
        if vote:
            (party if vote == "party" else state).append(name)
    return party, state


def _title_vote(doc: Document) -> str | None:
    """The signer's own title: BÍ THƯ and PHÓ BÍ THƯ sign for the Party, CHỦ TỊCH, BỘ TRƯỞNG,
    GIÁM ĐỐC … for the State."""
    sig = doc.components["signature"] or {}
    titles = [fold(t) for t in sig.get("titles") or []]
    if any(t.startswith(codes.PARTY_TITLES) for t in titles):
        return "party"
    return "state" if any(t.startswith(codes.STATE_TITLES) for t in titles) else None


def _issuer_vote(c: dict) -> str | None:
    f = fold(c["issuer"]["text"]) if c["issuer"] else ""
    return (
        "party"
        if f.startswith(codes.PARTY_ISSUERS)
        else "state"
        if f.startswith(codes.STATE_ISSUERS)
        else None
    )


def _luu_vote(c: dict) -> str | None:
    """ "Lưu: VT, …" is the State form, "Lưu Văn phòng …" the Party one."""
    items = (c["recipients"] or {}).get("items") or []
    luu = P.luu_line(items[-1]["text"]) if items else None
    if not luu:
        return None
    return "state" if items[-1]["text"][luu["end"] :].lstrip().startswith(":") else "party"


def _hints(doc: Document) -> int:
    """Weak evidence, > 0 for State, < 0 for Party: only to break ties."""
    score = 0
    t = doc.doc_type
    if t in codes.STATE_TYPES - codes.PARTY_TYPES:
        score += 1
    elif t in codes.PARTY_TYPES - codes.STATE_TYPES:
        score -= 1
    return score


def _family(doc: Document, party: list[str], state: list[str]) -> tuple[str | None, bool]:
    banner = "party" if "banner" in party else "state" if "banner" in state else None
    p, s = len(party) - (banner == "party"), len(state) - (banner == "state")
    if banner:
        against, with_ = (s, p) if banner == "party" else (p, s)
        if against > with_:  # the banner is contradicted: mixed
            other = "state" if banner == "party" else "party"
            if against >= 2:
                return other, True
            hint = _hints(doc)
            return ("state" if hint > 0 else "party" if hint < 0 else banner), True
        return banner, False
    if p != s:
        return ("party" if p > s else "state"), False
    hint = _hints(doc)
    return ("state" if hint > 0 else "party" if (hint < 0 or p) else None), False


def choose(doc: Document, forced: str | None = None, hd05_from: date = PARTY_HD05_FROM) -> Choice:
    party, state = _signals(doc)
    family, mixed = _family(doc, party, state)
    if family is None and _enacting(doc):
        family = "state"  # no header, no signature: the enacting sentence is the State's
    if forced and forced != "auto":
        regime = vbqppl_regime(doc) if forced == "state-vbqppl" else None
        return Choice(forced, "--profile / config", party, state, mixed, regime)
    legal = legal_evidence(doc) if family in ("state", None) else []
    if legal:
        regime, when = vbqppl_regime(doc), legal_date(doc)
        why = (f"State: {', '.join(state)}; " if state else "") + f"VBQPPL: {', '.join(legal)}; "
        why += (f"dated {when:%d/%m/%Y}" if when else "undated") + f": {REGIMES[regime]}"
        return Choice("state-vbqppl", why, party, state, mixed, regime)
    if family == "state":
        why = "State: " + (", ".join(state) or "hints") + (f" (Party: {', '.join(party)})" if party else "")
        return Choice("state-nd30", why, party, state, mixed)
    if family is None:
        return Choice("party-hd36", "no banner, number or authority prefix: default", party, state)
    when = issue_date(doc)
    why = "Party: " + (", ".join(party) or "hints") + (f" (State: {', '.join(state)})" if state else "")
    if when and when >= hd05_from:
        return Choice(
            "party-hd05", f"{why}; dated {when:%d/%m/%Y}, from {hd05_from:%d/%m/%Y}", party, state, mixed
        )
    return Choice(
        "party-hd36", why + (f"; dated {when:%d/%m/%Y}" if when else "; undated"), party, state, mixed
    )
