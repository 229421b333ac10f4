"""--format github: GitHub Actions workflow commands, one annotation per diagnostic.

GitHub annotates at most 10 errors, 10 warnings and 10 notices per step (50 per job); the
runner still prints every later command in the step log, so all diagnostics are emitted, one
foldable group per document, and the closing line says when annotations were cut off."""

from linter.report import summary

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
ANNOTATION_LIMIT = 10  # per step and per kind
_WORDS = {
    "vi": (
        "vblint: {files} tệp, {errors} lỗi, {warnings} cảnh báo, {infos} thông tin.",
        (
            " GitHub chỉ chú thích {limit} lỗi, {limit} cảnh báo và {limit} thông báo đầu tiên mỗi bước;"
            " xem đủ trong nhật ký này hoặc dùng --format sarif."
        ),
    ),
    "en": (
        "vblint: {files} files, {errors} errors, {warnings} warnings, {infos} infos.",
        (
            " GitHub annotates only the first {limit} errors, {limit} warnings and {limit} notices per step;"
            " see this log for all of them, or use --format sarif."
        ),
    ),
}


def escape_data(s: str) -> str:
    # actions/toolkit escapeData: "%" first, or the escapes themselves would be re-escaped
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    # actions/toolkit escapeProperty: ":" and "," would otherwise end the property list
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(path: str, d) -> str:
    s = d.span
    props = {
        "file": path,
        "line": s.line,
        "col": s.column,
        "endLine": s.end_line,
        "endColumn": s.end_column,
        "title": f"{d.code} {d.name}",
    }
    listed = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{_COMMAND.get(d.severity, 'warning')} {listed}::{escape_data(d.message)}"


def render(results, *, lang: str = "vi") -> str:
    total, limited = _WORDS.get(lang, _WORDS["vi"])
    out: list[str] = []
    for r in results:
        if not r.diagnostics:
            continue
        out.append(f"::group::{escape_data(r.path)}")
        out += [command(r.path, d) for d in r.diagnostics]
        out.append("::endgroup::")
    s = summary(results)
    line = total.format(**s)
    if max(s["errors"], s["warnings"], s["infos"]) > ANNOTATION_LIMIT:
        line += limited.format(limit=ANNOTATION_LIMIT)
    out.append(line)
    return "\n".join(out) + "\n"
