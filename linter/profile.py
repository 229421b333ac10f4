"""Which regime a document follows, from its banner, number, authority prefixes and date.

Each signal votes Party or State; the banner weighs most (it is the regime's own mark). A Party
document dated from the HD 05 cut-over is checked by party-hd05, earlier ones by party-hd36.
Signals that disagree are kept, so a mixed document gets a diagnostic instead of a silent guess."""

from dataclasses import dataclass, field
from datetime import date

from linter.model import Document

PARTY_HD05_FROM = date(2026, 5, 27)


@dataclass
class Choice:
    profile: str
    reason: str
    party: list[str] = field(default_factory=list)  # the signals for each regime
    state: list[str] = field(default_factory=list)

    @property
    def mixed(self) -> bool:
        """The header itself disagrees (banner vs number): a wrong authority prefix alone is
        reported by the authority rules, more precisely."""
        header = {"banner", "number", "star"}
        return bool(header & set(self.party) and header & set(self.state))


def issue_date(doc: Document) -> date | None:
    pd = doc.components["place_date"]
    try:
        return date(pd["year"], pd["month"], pd["day"]) if pd else None
    except (TypeError, ValueError):
        return None


def _signals(doc: Document) -> tuple[list[str], list[str]]:
    c = doc.components
    party: list[str] = []
    state: list[str] = []
    if c["banner"]:
        (party if c["banner"]["kind"] == "party" else state).append("banner")
    if c["number"]:
        (party if c["number"]["form"] == "party" else state).append("number")
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
    return party, state


def choose(doc: Document, forced: str | None = None, hd05_from: date = PARTY_HD05_FROM) -> Choice:
    party, state = _signals(doc)
    if forced and forced != "auto":
        return Choice(forced, "--profile / config", party, state)
    if state and ("banner" in state or len(state) > len(party)):
        return Choice("state-nd30", "State: " + ", ".join(state), party, state)
    if not party and not state:
        return Choice("party-hd36", "no banner, number or authority prefix: default", party, state)
    when = issue_date(doc)
    if when and when >= hd05_from:
        return Choice("party-hd05", f"Party: {', '.join(party)}; dated {when:%d/%m/%Y}, from {hd05_from:%d/%m/%Y}",
                      party, state)
    dated = f"; dated {when:%d/%m/%Y}" if when else "; undated"
    return Choice("party-hd36", "Party: " + ", ".join(party) + dated, party, state)
