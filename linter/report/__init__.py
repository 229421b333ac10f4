"""Reporters: FileResults -> text for a stream. Each format is one module with render()."""

FORMATS = ("text", "json")


def render(fmt: str, results, *, lang: str = "vi", color: bool = False) -> str:
    if fmt == "json":
        from linter.report import json_report

        return json_report.render(results)
    from linter.report import text

    return text.render(results, lang=lang, color=color)


def summary(results) -> dict:
    s = {"files": len(results), "errors": 0, "warnings": 0, "infos": 0}
    for r in results:
        c = r.counts()
        s["errors"] += c["error"]
        s["warnings"] += c["warning"]
        s["infos"] += c["info"]
    return s
