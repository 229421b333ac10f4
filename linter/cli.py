"""vblint command line. Exit codes: 0 no error, 1 errors found, 2 usage error or unreadable input."""

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from linter import __version__

EXTENSIONS = (".txt", ".md", ".docx", ".pdf")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2, like argparse, with our wording
        self.print_usage(sys.stderr)
        self.exit(2, f"vblint: lỗi cách dùng / usage error: {message}\n")


def _args(argv):
    p = _Parser(prog="vblint", description="Kiểm tra thể thức văn bản hành chính Việt Nam.")
    p.add_argument("--version", action="version", version=f"vblint {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="kiểm tra tệp / check files")
    c.add_argument("paths", nargs="+", help="tệp, thư mục, hoặc - (stdin)")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--profile", choices=("party-hd36", "state-nd30"))
    c.add_argument("--today", type=date.fromisoformat, help="ngày so sánh (YYYY-MM-DD), mặc định hôm nay")
    c.add_argument("--lang", choices=("vi", "en"), default="vi")
    c.add_argument("--output", help="ghi kết quả ra tệp / write the report to a file")
    r = sub.add_parser("rules", help="liệt kê quy tắc / list the rules")
    r.add_argument("--lang", choices=("vi", "en"), default="vi")
    one = sub.add_parser("rule", help="tài liệu một quy tắc / one rule's documentation")
    one.add_argument("code")
    one.add_argument("--lang", choices=("vi", "en"), default="vi")
    return p.parse_args(argv)


def _collect(paths: list[str]) -> tuple[list[str], list[str]]:
    """Files to check, in a stable order, and paths that are neither file nor directory."""
    files, missing = [], []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            files += sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in EXTENSIONS)
        elif p.exists():
            files.append(raw)
        else:
            missing.append(raw)
    return files, missing


def _check(a) -> int:
    from linter.lint import Options, lint_bytes, lint_path
    from linter.report import render

    files, missing = _collect(a.paths)
    if missing:
        for m in missing:
            print(f"vblint: không tìm thấy / not found: {m}", file=sys.stderr)
        return 2
    if not files:
        print("vblint: không có tệp .txt/.md/.docx/.pdf nào để kiểm tra / no documents to check", file=sys.stderr)
        return 2
    opts = Options(today=a.today or date.today(), profile=a.profile, lang=a.lang)
    results = [lint_bytes("<stdin>", sys.stdin.buffer.read(), opts) if f == "-" else lint_path(f, opts)
               for f in files]
    color = a.format == "text" and not a.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = render(a.format, results, lang=a.lang, color=color)
    if a.output:
        Path(a.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if any(not r.readable for r in results):
        return 2
    return 1 if any(d.severity == "error" for r in results for d in r.diagnostics) else 0


def _rules(a) -> int:
    from linter.rules import RULES

    for r in RULES.values():
        print(f"{r.code}  {r.name:32} {r.severity:8} {r.component or '-':11} {r.why.get(a.lang, r.why['vi'])}")
    return 0


def _rule(a) -> int:
    from linter.rules import lookup

    r = lookup(a.code)
    if r is None:
        print(f"vblint: không có quy tắc / no rule {a.code}", file=sys.stderr)
        return 2
    vi = a.lang == "vi"
    print(f"{r.code} {r.name} ({r.severity}{', ' + r.component if r.component else ''})")
    print()
    print(r.why.get(a.lang, r.why["vi"]))
    print()
    print(("Thông báo: " if vi else "Message: ") + r.message.get(a.lang, r.message["vi"]))
    print(("Căn cứ: " if vi else "Source: ") + r.citation)
    if r.fix:
        print(("Sửa tự động: " if vi else "Autofix: ") + r.fix)
    if r.bad:
        print(("\nSai:\n" if vi else "\nBad:\n") + r.bad)
    if r.good:
        print(("\nĐúng:\n" if vi else "\nGood:\n") + r.good)
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        sys.stdout.reconfigure(encoding="utf-8")
    except (AttributeError, ValueError):
        pass
    a = _args(argv)
    try:
        return {"check": _check, "rules": _rules, "rule": _rule}[a.command](a)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
