"""The data handed between the layers: what one run is asked (Options), a document as read
(Source), the profile chosen for it (Choice) and what one document gives (FileResult). Kept apart from the pipeline (lint), so that
batch, cache, config, fix, cluster, serve and the rules can name them without importing it; the
module imports only codes and diagnostics."""

from dataclasses import dataclass, field
from datetime import date

from linter.codes import PARTY_HD05_FROM
from linter.diagnostics import Diagnostic

# The parts of a document, in the order of every output (the JSON contract's vocabulary)
COMPONENTS = (
    "banner",
    "issuer",
    "number",
    "place_date",
    "doc_type",
    "subject",
    "addressees",
    "body",
    "signature",
    "recipients",
    "marks",
)


@dataclass
class Options:
    today: date = field(default_factory=date.today)
    profile: str | None = None
    lang: str = "vi"
    hd05_from: date = PARTY_HD05_FROM


@dataclass
class Source:
    """A document as read: its decoded text and how it was stored (read.from_path/from_bytes)."""

    path: str
    text: str
    encoding: str = "utf-8"
    styles: list | None = None  # per-line typography, for .docx
    page: object | None = None
    notes: list = field(default_factory=list)  # (rule, args) to report about the input itself
    boxes: list | None = None  # a scan's lines: (page, (x0, y0, x1, y1) in pixels) for each line
    omitted: tuple[str, ...] = ()  # parts its publisher prints the document without: not asked for


@dataclass
class Choice:
    """The profile profile.choose() gives a document, why, and the signals it weighed."""

    profile: str
    reason: str
    party: list[str] = field(default_factory=list)  # the signals for each regime
    state: list[str] = field(default_factory=list)
    mixed: bool = False  # the banner says one regime, the number (and signature) the other
    regime: str | None = None  # state-vbqppl: a key of profile.REGIMES, the rules of the document's date


@dataclass
class FileResult:
    path: str
    profile: str | None = None
    profile_reason: str | None = None
    doc_type: str | None = None
    components: dict = field(default_factory=lambda: dict.fromkeys(COMPONENTS))
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""  # the checked text, for excerpts in reports
    readable: bool = True  # False when the input could not be read at all (exit code 2)

    def counts(self) -> dict[str, int]:
        c = {"error": 0, "warning": 0, "info": 0}
        for d in self.diagnostics:
            c[d.severity] += 1
        return c

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "profile": self.profile,
            "profile_reason": self.profile_reason,
            "doc_type": self.doc_type,
            "components": self.components,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }
