"""Reporters: FileResults -> text for a stream. Each format is one module with render()."""

import importlib

# format -> module with render(results, *, lang) -> str
MODULES = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "html": "html",
}


def render(fmt: str, results, *, lang: str = "vi", color: bool = False, quiet: bool = False) -> str:
    module = importlib.import_module(f"linter.report.{MODULES[fmt]}")
    if fmt == "text":
        return module.render(results, lang=lang, color=color, quiet=quiet)
    return module.render(results, lang=lang)


def summary(results) -> dict:
    s = {"files": len(results), "errors": 0, "warnings": 0, "infos": 0}
    for r in results:
        c = r.counts()
        s["errors"] += c["error"]
        s["warnings"] += c["warning"]
        s["infos"] += c["info"]
    return s
