"""vblint command line. Exit codes: 0 no error, 1 errors found, 2 usage error or unreadable input.

Imports are lazy: a one-file pre-commit run loads only what it uses."""

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from linter import __version__
from linter.errors import UserError
from linter.scan import IMAGE_SUFFIXES  # stdlib only until a scan is read

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "html")
PROFILES = ("auto", "party-hd36", "party-hd05", "state-nd30", "state-vbqppl")  # = rules.base.PROFILES


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2, like argparse, with our wording
        self.print_usage(sys.stderr)
        self.exit(2, f"vblint: lỗi cách dùng / usage error: {message}\n")


def _csv(s: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in s.split(",") if x.strip())


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="vblint", description="Kiểm tra thể thức văn bản hành chính Việt Nam.")
    p.add_argument("--version", action="version", version=f"vblint {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=("vi", "en"), help="ngôn ngữ thông báo (mặc định: vi)")
    cfg = argparse.ArgumentParser(add_help=False)
    cfg.add_argument(
        "--config", metavar="FILE", help="tệp cấu hình (thay cho tìm pyproject.toml / vblint.toml)"
    )

    c = sub.add_parser("check", parents=[lang, cfg], help="kiểm tra tệp / check files")
    c.add_argument("paths", nargs="+", help="tệp, thư mục, hoặc - (stdin)")
    out = c.add_argument_group("báo cáo / output")
    out.add_argument("--format", choices=FORMATS, default="text")
    out.add_argument("--output", metavar="FILE", help="ghi báo cáo ra tệp / write the report to a file")
    out.add_argument("--statistics", action="store_true", help="đếm số lỗi theo quy tắc / count per rule")
    out.add_argument(
        "--quiet", "-q", action="store_true", help="chỉ in các dòng chẩn đoán / diagnostics only"
    )
    out.add_argument(
        "--exit-zero", action="store_true", help="mã thoát 0 kể cả khi có lỗi / exit 0 on errors"
    )
    sel = c.add_argument_group("quy tắc / rules")
    sel.add_argument("--profile", choices=PROFILES)
    sel.add_argument("--today", type=date.fromisoformat, help="ngày so sánh (YYYY-MM-DD), mặc định hôm nay")
    sel.add_argument(
        "--hd05-from",
        type=date.fromisoformat,
        help="văn bản Đảng từ ngày này theo HD 05 (mặc định 2026-05-27)",
    )
    sel.add_argument("--select", type=_csv, help="chỉ các quy tắc này (mã, tên, tiền tố: VB2,number-colon)")
    sel.add_argument("--ignore", type=_csv, help="bỏ qua các quy tắc này")
    sel.add_argument("--exclude", type=_csv, help="bỏ qua các tệp khớp mẫu (glob)")
    sel.add_argument("--baseline", metavar="FILE", help="chỉ báo các lỗi mới so với tệp baseline")
    sel.add_argument("--write-baseline", metavar="FILE", help="ghi các lỗi hiện có vào tệp baseline")
    fix = c.add_argument_group("sửa / fixes")
    fix.add_argument("--fix", action="store_true", help="áp dụng các sửa an toàn / apply safe fixes")
    fix.add_argument(
        "--unsafe-fixes", action="store_true", help="cả các sửa không an toàn / also unsafe fixes"
    )
    fix.add_argument(
        "--diff", action="store_true", help="in thay đổi, không ghi tệp / show fixes, write nothing"
    )
    run = c.add_argument_group("chạy / run")
    run.add_argument("-j", "--jobs", type=int, default=None, help="số tiến trình (mặc định: mọi lõi)")
    run.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="chạy trên cụm Dask: tcp://HOST:PORT, hoặc local (-j tiến trình) / run on a Dask cluster",
    )
    run.add_argument("--no-cache", action="store_true")
    run.add_argument("--cache-dir", metavar="DIR")
    run.add_argument(
        "--timeout", type=float, default=None, help="giây tối đa cho một văn bản (20; 600 khi có bản quét)"
    )

    sub.add_parser("rules", parents=[lang], help="liệt kê quy tắc / list the rules")
    one = sub.add_parser("rule", parents=[lang], help="tài liệu một quy tắc / one rule's documentation")
    one.add_argument("code")
    conf = sub.add_parser("config", parents=[lang, cfg], help="cấu hình đang dùng / effective settings")
    conf.add_argument("path", nargs="?", help="tệp hoặc thư mục (mặc định: thư mục hiện tại)")
    srv = sub.add_parser("serve", parents=[lang, cfg], help="trang web kiểm tra văn bản / the web page")
    srv.add_argument("--host", default="127.0.0.1", help="địa chỉ (mặc định 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8765, help="cổng (mặc định 8765)")
    srv.add_argument(
        "--max-upload-mb", type=float, default=20.0, help="cỡ tệp tải lên tối đa (MB, mặc định 20)"
    )
    srv.add_argument("--profile", choices=PROFILES)
    srv.add_argument("--today", type=date.fromisoformat, help="ngày so sánh (YYYY-MM-DD), mặc định hôm nay")
    srv.add_argument(
        "-j", "--jobs", type=int, default=None, help="số tiến trình kiểm tra (mặc định: mọi lõi)"
    )
    srv.add_argument(
        "--timeout", type=float, default=None, help="giây tối đa cho một văn bản (20; 600 với bản quét)"
    )
    srv.add_argument(
        "--queue", type=int, default=200, help="số yêu cầu chờ tối đa, quá thì trả 503 (mặc định 200)"
    )
    clean = sub.add_parser("clean", parents=[lang], help="xoá bộ nhớ đệm / delete the cache")
    clean.add_argument("--cache-dir", metavar="DIR", help="thư mục bộ nhớ đệm (mặc định: của người dùng)")
    return p


_CLI_SETTINGS = ("select", "ignore", "exclude", "profile", "today", "lang", "hd05_from")


def _cli_values(a) -> dict:
    """The command line's settings (config.Resolver's cli_values): None for a flag not given
    (or that the command does not have)."""
    return {k: getattr(a, k, None) for k in _CLI_SETTINGS}


def _resolver(a):
    """The settings and post-filter of this command line (--config, the CLI's values)."""
    from linter import config

    return config.Resolver(_cli_values(a), config_file=a.config)


class _Check:
    """One `vblint check` run: its arguments, each file's settings, the baseline and the output.
    After lint() or fix(): .unreadable (some input could not be read) and .errors (an error is
    left after the settings and the baseline), what the exit code needs."""

    def __init__(self, a, files: list[str], resolver, out):
        self.a, self.files, self.resolver, self.out = a, files, resolver, out
        self.unreadable = self.errors = False
        if a.baseline and not a.write_baseline:  # the baseline filters; --write-baseline records all
            from linter import baseline

            resolver.baseline = baseline.load(a.baseline)

    def _tally(self, results) -> None:
        self.unreadable = any(not r.readable for r in results)
        self.errors = any(d.severity == "error" for r in results for d in r.diagnostics)

    def lint(self) -> list | None:
        """Run the batch, grouped by effective options (files of one directory share them).

        --format jsonl (and no --write-baseline): each line is written as soon as it is ready and
        nothing is kept but the two flags of the exit code, so memory does not grow with the
        number of files; the workers apply the settings and encode the line (batch.Lines).
        Returns None. Otherwise the results, in input order: every report needs all of them
        (the summary, and for most formats the diagnostics of every file) — that much memory is
        inherent. The text travels and is kept only when the report or the baseline shows it."""
        from linter import batch

        a = self.a
        streaming = a.format == "jsonl" and not a.write_baseline
        if streaming:
            emit = batch.Lines(self.resolver.post if self.resolver.filters() else None)
        else:
            text = (
                a.format in ("text", "html") or self.resolver.baseline is not None or bool(a.write_baseline)
            )
            emit = batch.Results(text=text)
        results: dict = {}
        progress = (
            batch.progress(len(self.files), sys.stderr, a.lang or "vi") if a.format != "jsonl" else None
        )
        on_page = progress.page if progress and progress.enabled else None  # no page messages unwatched
        for opts, group in self._groups():
            stream = self._stream(opts, group, emit, on_page)
            if streaming:
                self._write_lines(stream)
            elif a.format == "jsonl":  # --write-baseline: stream the lines, keep the results
                from linter.report import jsonl

                for r in stream:
                    key = "-" if r.path == "<stdin>" else r.path
                    r = results[key] = self.resolver.post(r, key)
                    self.out.write(jsonl.line(r))
                    self.out.flush()
            else:
                for f, r in zip(group, progress.wrap(stream)):
                    results[f] = self.resolver.post(r, f)
        if progress:
            progress.clear()
        if streaming:
            return None
        out = [results[f] for f in self.files]
        self._tally(out)
        return out

    def _groups(self):
        """(Options, files) for each set of effective options, files in input order: one Options
        per Settings object, so the files of one directory are one group."""
        from linter import config

        groups: dict = {}
        opts_of: dict = {}  # id(Settings) -> (Settings, Options)
        for f in self.files:
            s = self.resolver.settings_for(f)
            got = opts_of.get(id(s))
            if got is None:
                got = opts_of[id(s)] = (s, config.options(s))
            opts = got[1]
            groups.setdefault((opts.today, opts.profile, opts.lang, opts.hd05_from), (opts, []))[1].append(f)
        return groups.values()

    def _stream(self, opts, group: list[str], emit, on_page):
        """The group's results as they come: from the Dask cluster given, else from this machine's
        pool with the cache (the cluster's workers may not share this machine's cache)."""
        from linter import batch
        from linter.cache import Cache, settings_key
        from linter.resources import default_dir

        a = self.a
        timeout = a.timeout if a.timeout is not None else _default_timeout(group)
        ordered = a.format != "jsonl"
        if a.scheduler:
            from linter import cluster

            return cluster.iter_results(
                group, opts, scheduler=a.scheduler, jobs=a.jobs, timeout=timeout, ordered=ordered, emit=emit
            )
        cache = None
        if not a.no_cache and "-" not in group:
            cache = Cache(Path(a.cache_dir) if a.cache_dir else default_dir(), settings_key(opts))
        return batch.iter_results(
            group,
            opts,
            jobs=a.jobs,
            timeout=timeout,
            cache=cache,
            ordered=ordered,
            emit=emit,
            on_page=on_page,
        )

    def _write_lines(self, stream) -> None:
        """Streamed jsonl: each line written as it comes (batch.Streamed: settings and baseline
        already applied by the workers), only the exit code's flags kept."""
        write, flush = self._binary()
        for r in stream:
            write(r.line)
            flush()
            if not r.readable:
                self.unreadable = True
            if r.error:
                self.errors = True

    def _binary(self):
        """write(bytes) and flush() for the output: its binary buffer when it has one (the lines
        arrive UTF-8 encoded from the workers), except where the text layer translates newlines."""
        buf = getattr(self.out, "buffer", None) if os.name == "posix" else None
        if buf is None:
            return (lambda b: self.out.write(b.decode("utf-8"))), self.out.flush
        self.out.flush()  # nothing may be waiting in the text layer
        return buf.write, buf.flush

    def fix(self) -> list:
        """--fix / --unsafe-fixes / --diff: fixes only what the settings and baseline still report."""
        from linter import config, fix

        a = self.a
        results = []
        for f in self.files:
            opts = config.options(self.resolver.settings_for(f))
            post = lambda r, f=f: self.resolver.post(r, f)  # noqa: E731 - bound per file
            if f == "-":  # stdin: the fixed text goes to stdout, the report to stderr
                outcome = fix.fix_bytes(
                    "<stdin>", sys.stdin.buffer.read(), opts, unsafe=a.unsafe_fixes, post=post
                )
                if not a.diff:
                    sys.stdout.buffer.write(outcome.data)
                    sys.stdout.flush()
                    if not a.output:
                        self.out = sys.stderr
            else:
                outcome = fix.fix_file(f, opts, unsafe=a.unsafe_fixes, write=not a.diff, post=post)
            if a.diff and outcome.diff:
                self.out.write(outcome.diff)
            if outcome.refused:
                print(f"vblint: {f}: không sửa / not fixed: {outcome.refused}", file=sys.stderr)
            results.append(self.resolver.post(outcome.result, f))
        self._tally(results)
        return results

    def report(self, results) -> None:
        a = self.a
        if a.format == "jsonl" or (a.diff and a.format == "text" and not a.statistics and not a.output):
            return  # already streamed; a plain --diff prints only the diff
        if a.statistics:
            from linter.report import statistics

            self.out.write(statistics.render(results, lang=a.lang or "vi"))
            return
        from linter.report import render

        color = a.format == "text" and self.out.isatty() and "NO_COLOR" not in os.environ
        self.out.write(render(a.format, results, lang=a.lang or "vi", color=color, quiet=a.quiet))


def _default_timeout(files: list[str]) -> float:
    """20 s a document; a batch with scans or PDFs (read by OCR: seconds a page) gets 600 s."""
    ocr = (*IMAGE_SUFFIXES, ".pdf")
    return 600.0 if any(f.lower().endswith(ocr) for f in files) else 20.0


def _check(a) -> int:
    import contextlib

    if a.scheduler and "-" in a.paths:
        print("vblint: --scheduler không đọc stdin (-) / --scheduler does not read stdin", file=sys.stderr)
        return 2
    from linter import discover

    files, missing = discover.collect(a.paths, urls=bool(a.scheduler))
    for m in missing:
        print(f"vblint: không tìm thấy / not found: {m}", file=sys.stderr)
    if missing:
        return 2
    resolver = _resolver(a)
    files = discover.not_excluded(files, resolver.settings_for)
    if not files:
        print(
            "vblint: không có tệp .txt/.md/.docx/.pdf nào để kiểm tra / no documents to check",
            file=sys.stderr,
        )
        return 2
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(a.output, "w", encoding="utf-8")) if a.output else sys.stdout
        run = _Check(a, files, resolver, out)
        results = run.fix() if a.fix or a.diff or a.unsafe_fixes else run.lint()
        if a.write_baseline:
            from linter import baseline

            n = baseline.write(results, a.write_baseline)
            print(
                f"vblint: đã ghi {n} vấn đề vào / wrote {n} problems to {a.write_baseline}", file=sys.stderr
            )
            return 2 if run.unreadable else 0
        run.report(results)
    if run.unreadable:
        return 2
    if a.exit_zero:
        return 0
    return 1 if run.errors else 0


def _rules(a) -> int:
    from linter.rules import RULES

    lang = a.lang or "vi"
    for r in sorted(RULES.values(), key=lambda r: r.code):
        print(f"{r.code}  {r.name:32} {r.severity:8} {r.component or '-':11} {r.why.get(lang, r.why['vi'])}")
    return 0


def _rule(a) -> int:
    from linter.rules import lookup

    r = lookup(a.code)
    if r is None:
        print(f"vblint: không có quy tắc / no rule {a.code}", file=sys.stderr)
        return 2
    lang = a.lang or "vi"
    vi = lang == "vi"
    print(f"{r.code} {r.name} ({r.severity}{', ' + r.component if r.component else ''})")
    print()
    print(r.why.get(lang, r.why["vi"]))
    print()
    print(("Thông báo: " if vi else "Message: ") + r.sample(lang))
    print(("Căn cứ: " if vi else "Source: ") + r.citation)
    print(("Định nghĩa tại: " if vi else "Defined in: ") + r.where)
    samples, seen = _samples(r)
    if samples:
        print(("Mẫu lỗi: " if vi else "Samples: ") + ", ".join(samples))
    if seen:
        more = f" (và {len(seen) - 3} tệp khác)" if vi else f" (and {len(seen) - 3} more)"
        print(("Gặp trong: " if vi else "Also in: ") + ", ".join(seen[:3]) + (more if len(seen) > 3 else ""))
    if r.component:
        print(_required(r.component, vi))
    print(("Áp dụng cho: " if vi else "Profiles: ") + ", ".join(sorted(r.profiles)))
    if r.fix:
        print(("Sửa tự động: " if vi else "Autofix: ") + r.fix)
    if r.small_print or r.under_seal:
        print(
            "Trên bản quét: báo ở mức info để đối chiếu bản gốc ("
            + ("OCR hay đọc sai dấu, số, chữ nhỏ)" if r.small_print else "dấu và chữ ký che phần chữ ký)")
            if vi
            else "On a scan: reported as info, to check against the original ("
            + (
                "OCR often misreads small print)"
                if r.small_print
                else "the seal and the hand cover the signature)"
            )
        )
    if r.bad:
        print(("\nSai:\n" if vi else "\nBad:\n") + r.bad)
    if r.good:
        print(("\nĐúng:\n" if vi else "\nGood:\n") + r.good)
    return 0


def _samples(r) -> tuple[list[str], list[str]]:
    """The documents of corpus/ whose expected diagnostics hold the rule, in a source checkout:
    the defective samples (invalid*/, notdoc/), then the others (real, seeds, valid)."""
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    found = []
    for p in sorted(corpus.glob("*/**/*.expected.json")) if corpus.is_dir() else ():
        text = p.read_text(encoding="utf-8")
        if f'"{r.code} ' in text and any(d.startswith(f"{r.code} ") for d in json.loads(text)["diagnostics"]):
            stem = p.name.removesuffix(".expected.json")
            doc = next((q for q in sorted(p.parent.glob(stem + ".*")) if q != p), p)
            found.append(doc.relative_to(corpus.parent).as_posix())
    designed = [f for f in found if f.split("/")[1].startswith(("invalid", "notdoc"))]
    return designed, [f for f in found if f not in designed]


def _required(component: str, vi: bool) -> str:
    """Which schemas require the rule's part: per family, every type, none, or which."""
    from linter.codes import type_vi
    from linter.validate import requiring

    name = type_vi if vi else str
    said = []
    for family, (need, free) in requiring(component).items():
        if family == "party-hd36":
            family = "party-hd36, party-hd05"  # HD 05 keeps HD 36's parts (validate.schema_id_for)
        if not free:
            which = "mọi loại" if vi else "every type"
        elif not need:
            which = "không loại nào" if vi else "no type"
        elif len(need) >= len(free):
            which = ("mọi loại trừ " if vi else "every type but ") + ", ".join(map(name, free))
        else:
            which = ", ".join(map(name, need))
        said.append(f"{family}: {which}")
    head = f"Bắt buộc ({component}) theo schemas/: " if vi else f"Required ({component}) by schemas/: "
    return head + "; ".join(said)


def _config(a) -> int:
    from linter import config

    path = Path(a.path) if a.path else Path.cwd()
    a.select = a.ignore = a.exclude = a.today = a.hd05_from = None
    settings = _resolver(a).settings_for(str(path))
    print(config.describe(settings, a.lang or "vi", path=Path(a.path) if a.path else None))
    return 0


def _clean(a) -> int:
    """Delete the result cache, the schema-result files and Lark's tables. Entries of other
    vblint versions are never read again, and nothing else removes them."""
    from linter.cache import clear
    from linter.resources import default_dir

    d = Path(a.cache_dir) if a.cache_dir else default_dir()
    vi = (a.lang or "vi") == "vi"
    try:
        files, size = clear(d)
    except OSError as e:
        what = "không xoá được" if vi else "cannot delete"
        print(f"vblint: {what} {e.filename or d}: {e.strerror}", file=sys.stderr)
        return 2
    done = "đã xoá {} tệp ({:.1f} MB) trong {}" if vi else "deleted {} files ({:.1f} MB) in {}"
    print("vblint: " + done.format(files, size / 1e6, d))
    return 0


def _serve(a) -> int:
    """The web page and API (linter/serve), on the check options given here and in the config."""
    from linter import batch, config

    try:
        from linter.serve.app import Service, run
    except ImportError as e:
        vi = (a.lang or "vi") == "vi"
        need = "cần cài thêm" if vi else "needs"
        print(f"vblint serve: {need}: pip install 'vblint[serve]' ({e.name})", file=sys.stderr)
        return 2
    a.select = a.ignore = a.exclude = None
    settings = _resolver(a).settings_for(str(Path.cwd()))
    service = Service(
        opts=config.options(settings),
        settings=settings,
        max_upload=int(a.max_upload_mb * 1024 * 1024),
        timeout=a.timeout if a.timeout is not None else 600.0,  # a scan may be uploaded
        jobs=a.jobs or batch.default_jobs(),
        queue=a.queue,
    )
    print(f"vblint serve: http://{a.host}:{a.port}/", file=sys.stderr)
    run(service, a.host, a.port)
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        sys.stdout.reconfigure(encoding="utf-8")
    except (AttributeError, ValueError):
        pass
    a = _parser().parse_args(argv)
    try:
        commands = {"check": _check, "rules": _rules, "rule": _rule, "config": _config, "clean": _clean}
        return {**commands, "serve": _serve}[a.command](a)
    except UserError as e:  # a bad setting or baseline: the message, exit 2
        print(f"vblint: {e.message(a.lang or 'vi')}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
