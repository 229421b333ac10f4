"""--format text: "path:line:col: CODE severity message", the source line with a marker under
the span, what the rule says and the fix; a summary line at the end."""

from linter.report import summary

_SEV = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
_COLOR = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_WORDS = {
    "vi": ("căn cứ", "sửa", "Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo, {infos} thông tin."),
    "en": ("rule", "fix", "Checked {files} files: {errors} errors, {warnings} warnings, {infos} infos."),
}


def _excerpt(lines: list[str], d) -> list[str]:
    s = d.span
    if not 1 <= s.line <= len(lines):
        return []
    src = lines[s.line - 1].rstrip("\n")
    width = len(str(s.line))
    start = max(s.column - 1, 0)
    end = s.end_column - 1 if s.end_line == s.line else len(src)
    marker = " " * start + "^" * max(end - start, 1)
    return [f" {s.line} | {src}", f" {' ' * width} | {marker}"]


def render(results, *, lang: str = "vi", color: bool = False, quiet: bool = False) -> str:
    cite, fixw, total = _WORDS.get(lang, _WORDS["vi"])
    out: list[str] = []
    for r in results:
        lines = r.text.splitlines()
        for d in r.diagnostics:
            sev = _SEV.get(lang, _SEV["vi"])[d.severity]
            if color:
                sev = f"{_COLOR[d.severity]}{sev}\033[0m"
            s = d.span
            out.append(f"{r.path}:{s.line}:{s.column}: {d.code} {sev} {d.message} [{d.name}]")
            if quiet:
                continue
            out += _excerpt(lines, d)
            if d.citation:
                out.append(f"    = {cite}: {d.citation}")
            if d.fix:
                out.append(f"    = {fixw} ({d.fix.applicability}): {d.fix.describe(lang)}")
    if not quiet:
        out.append(total.format(**summary(results)))
    return "\n".join(out) + ("\n" if out else "")
