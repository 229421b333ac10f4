"""What one run is asked (Options) and what one document gives (FileResult): the data every
layer above the pipeline shares (batch, cache, config, fix, cluster, serve, report), kept apart
from lint so that knowing what a result is does not mean importing the pipeline."""

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
