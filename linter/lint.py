"""The pipeline, one way: read → normalize → layout → lex → parse → model → validate → rules.

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
from linter.rules import RULES, Context, inputs, ocr, run_checks
from linter.rules.base import diagnostic
from linter.rules.regime import LEGAL, legal_kind
from linter.validate import validate


def lint_source(src: Source, opts: Options) -> FileResult:
    res = FileResult(src.path, text=src.text)
    for rule, args in src.notes:
        res.diagnostics.append(diagnostic(rule, Span.at(1), opts.lang, **args))
    toks = lex(layout(normalize(src.text)))
    tree, dropped = parse(toks)
    doc = build(tree, toks, dropped)
    res.components, res.doc_type = doc.components, doc.doc_type
    found = [k for k, v in doc.components.items() if v and k != "body"]
    if len(found) < 2 and not doc.components["doc_type"]:
        res.diagnostics.append(diagnostic(inputs.NOT_DOCUMENT, Span.at(1), opts.lang))
        return res
    choice = profiles.choose(doc, opts.profile, opts.hd05_from)
    res.profile, res.profile_reason = choice.profile, choice.reason
    ctx = Context(res.profile, opts.today, opts.lang, choice, src)
    legal = legal_kind(doc)
    if legal and res.profile == "state-nd30":
        # outside NĐ 30: identify the parts, say so once, judge nothing else
        res.diagnostics.append(
            diagnostic(LEGAL, doc.span("number") or Span.at(doc.first_line()), opts.lang, what=legal)
        )
    else:
        res.diagnostics += validate(doc, res.profile, opts.lang)
        res.diagnostics += run_checks(doc, ctx)
    res.diagnostics += ocr.source_checks(src.text, opts.lang, src.encoding)
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
