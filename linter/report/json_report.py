"""--format json: the versioned contract of ../shared/design.md."""

import json

from linter.report import summary

VERSION = 1


def render(results, *, lang: str = "vi") -> str:
    doc = {"version": VERSION, "files": [r.to_dict() for r in results], "summary": summary(results)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
