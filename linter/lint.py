"""The pipeline, one way: read → normalize → layout → lex → parse → model → validate → rules.
Rules fire by stage (rules.base.STAGES), one runner each: input, source and document rules by
run_stage, schema rules by validate, runner rules by the firewall here and the batch.

lint_source() checks one decoded document; lint_path()/lint_bytes() wrap it with reading and a
per-document firewall: whatever happens inside becomes a diagnostic, never a traceback."""

from dataclasses import replace

from linter import profile as profiles
from linter.diagnostics import Diagnostic, Span
from linter.layout import layout
from linter.lex import lex
from linter.model import build
from linter.normalize import normalize
from linter.parse import parse
from linter.read import InputError, from_bytes, from_path
from linter.result import FileResult, Options, Source
from linter.rules import RULES, Context, run_stage
from linter.rules.base import diagnostic, ended, on_scan
from linter.validate import validate


def lint_source(src: Source, opts: Options) -> FileResult:
    res = FileResult(src.path, text=src.text)
    toks = lex(layout(normalize(src.text), scanned=src.encoding == "ocr"))
    tree, dropped = parse(toks)
    doc = build(tree, toks, dropped, src.encoding == "ocr")
    res.components, res.doc_type = doc.components, doc.doc_type
    res.diagnostics += run_stage("input", doc, Context(None, opts.today, opts.lang, None, src))
    if ended(res.diagnostics):
        return res  # not a document: no profile, nothing else judged
    choice = profiles.choose(doc, opts.profile, opts.hd05_from)
    res.profile, res.profile_reason = choice.profile, choice.reason
    ctx = Context(res.profile, opts.today, opts.lang, choice, src)
    judged = run_stage("document", doc, ctx)
    if not ended(judged):  # a legal normative document under state-nd30: its parts are not judged
        judged += [on_scan(d, ctx) for d in validate(doc, res.profile, opts.lang, src.omitted)]
    res.diagnostics += judged + run_stage("source", doc, ctx)
    res.diagnostics.sort(key=Diagnostic.sort_key)
    if src.boxes:
        res.diagnostics = [_on_page(d, src.boxes) for d in res.diagnostics]
    return res


def _on_page(d: Diagnostic, boxes: list) -> Diagnostic:
    """A diagnostic on a scan, with the page and the box of the line it points at."""
    if not 1 <= d.span.line <= len(boxes):
        return d
    page, box = boxes[d.span.line - 1]
    return replace(d, page=page, bbox=box)


def _guarded(path: str, read, opts: Options) -> FileResult:
    try:
        return lint_source(read(), opts)
    except InputError as e:
        res = FileResult(path, readable=e.rule.code in ("VB001", "VB005"))
        res.diagnostics.append(diagnostic(e.rule, Span.at(1), opts.lang, **e.args_))
        return res
    except RecursionError as e:  # pragma: no cover - the firewall, exercised by the fuzz test
        return _internal(path, e, opts)
    except Exception as e:  # noqa: BLE001 - the per-document firewall
        return _internal(path, e, opts)


def _internal(path: str, e: BaseException, opts: Options) -> FileResult:
    res = FileResult(path, readable=False)
    res.diagnostics.append(
        diagnostic(RULES["VB900"], Span.at(1), opts.lang, error=f"{type(e).__name__}: {e}")
    )
    return res


def lint_path(path: str, opts: Options) -> FileResult:
    return _guarded(path, lambda: from_path(path), opts)


def lint_bytes(path: str, data: bytes, opts: Options) -> FileResult:
    return _guarded(path, lambda: from_bytes(path, data), opts)
