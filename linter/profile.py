"""Which regime a document follows: from its banner, number, authority prefixes and date."""

from datetime import date

from linter.model import Document

PARTY_HD05_FROM = date(2026, 5, 27)


def choose(doc: Document, forced: str | None = None) -> tuple[str, str]:
    """(profile, reason). Only party-hd36 and a generic state-nd30 are implemented so far."""
    if forced:
        return forced, "chosen with --profile"
    c = doc.components
    votes: list[tuple[str, str]] = []
    if c["banner"]:
        votes.append(("party" if c["banner"]["kind"] == "party" else "state", "banner"))
    if c["number"]:
        votes.append((c["number"]["form"], "number form"))
    sig = c["signature"] or {}
    if sig.get("authority"):
        votes.append(("party" if "/" in sig["authority"] and sig["authority"] != "T/UQ" else
                      "state" if sig["authority"] != "Q." else "party", "authority prefix"))
    if c["issuer"] and c["issuer"]["star"]:
        votes.append(("party", "\"*\" under the issuer"))
    party = [why for fam, why in votes if fam == "party"]
    state = [why for fam, why in votes if fam == "state"]
    if state and (not party or len(state) > len(party) or "banner" in state):
        return "state-nd30", "State " + ", ".join(state)
    if party:
        return "party-hd36", "Party " + ", ".join(party)
    return "party-hd36", "default (no banner, number or authority prefix to decide)"
