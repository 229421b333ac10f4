"""fix: apply the fixes diagnostics carry, and write the file back the way it was stored.

apply() works on decoded text: a Fix's span is in original 1-based (line, column) code points, lines
numbered as normalize() numbers them ("\\r\\n", "\\r" and "\\n" each end a line). fix_bytes() lints,
applies, re-lints and repeats (at most ROUNDS rounds) until nothing is left to fix, and encodes the
result in the input's own encoding, BOM and newlines; fix_file() adds reading and an atomic write.
The body's words are never rewritten: a fix inside the body is refused (except BODY_FIXES: NFC
changes code points, not words). A round whose result loses or gains a component, cannot be
re-checked, or changes the detected encoding is not applied; a fix that leaves its own diagnostic
in place is wrong and dropped."""

import difflib
import os
import shutil
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from linter import decode as codec
from linter.diagnostics import Diagnostic
from linter.lint import lint_bytes, lint_path, lint_source
from linter.read import MAX_BYTES, SCAN_SUFFIXES, InputError, from_bytes
from linter.result import FileResult, Options
from linter.rules import ocr
from linter.rules.inputs import JSON_EXPORT

ROUNDS = 5
Post = Callable[[FileResult], FileResult] | None  # e.g. the config's select/ignore, per file
_NFC = "VB122"  # not-nfc
BODY_FIXES = frozenset({_NFC, "VB262", "VB263"})  # NFC, the "./." ending, the căn cứ dash: no word changes


@dataclass
class FixOutcome:
    path: str
    applied: int = 0  # edits made, over all rounds (a fix of a list's lines makes one per line)
    skipped: int = 0  # fixes still offered (safe, or unsafe when asked) that were not applied
    changed: bool = False  # the fixed bytes differ from the file's (written or, with write=False, not)
    written: bool = False  # the file was replaced
    diff: str = ""  # unified diff of the decoded text, "a/<path>" -> "b/<path>"
    refused: str | None = None  # why fixing stopped (Vietnamese), None when it did not
    result: FileResult | None = None  # the check of the fixed text: what remains
    hidden: int = 0  # unsafe fixes not applied because unsafe=False
    text: str = field(default="", repr=False)  # the fixed decoded text
    data: bytes | None = field(default=None, repr=False)  # the fixed bytes (the input's when unchanged)


# --------------------------------------------------------------------------- apply


def _line_starts(text: str) -> list[tuple[int, int]]:
    """(offset, length) of each line's content, 0-based list for 1-based line numbers."""
    return [(off, len(s)) for off, s in ocr.split_lines(text)]


def _offset(lines: list[tuple[int, int]], line: int, column: int) -> int | None:
    if not 1 <= line <= len(lines):
        return None
    off, n = lines[line - 1]
    return off + column - 1 if 1 <= column <= n + 1 else None


def _snap(text: str, off: int) -> int:
    """Never split a letter from its combining marks: a boundary right before a mark moves past it
    (Line.pos puts the end of a line ending in a decomposed letter before its marks)."""
    while 0 < off < len(text) and unicodedata.combining(text[off]) and text[off - 1] not in "\r\n":
        off += 1
    return off


def _plan(text: str, diagnostics: list[Diagnostic]) -> tuple[list[tuple[int, int, Diagnostic, str]], int]:
    """Non-overlapping edits (start, end, diagnostic, replacement), the first by position winning,
    a fix's edits all or none; and how many fixes were left out (overlapping or out of range).
    Duplicate and no-op edits are dropped."""
    lines = _line_starts(text)
    fixes, bad, seen = [], 0, set()
    for k, d in enumerate(diagnostics):
        edits = []
        for s, rep in d.fix.edits():
            a, b = _offset(lines, s.line, s.column), _offset(lines, s.end_line, s.end_column)
            if a is None or b is None or b < a:
                break
            a, b = _snap(text, a), _snap(text, b)
            if (a, b, rep) not in seen and text[a:b] != rep:
                edits.append((a, b, rep))
        else:
            if edits:
                seen.update(edits)
                fixes.append((min(edits), k, d, edits))
            continue
        bad += 1
    fixes.sort(key=lambda f: f[:2])
    kept: list[tuple[int, int, Diagnostic, str]] = []
    taken: list[tuple[int, int]] = []
    for _, _, d, edits in fixes:
        # overlap, or two edits at one point (their order would be a guess)
        if any(a < y and x < b or a == x for a, b, _ in edits for x, y in taken):
            bad += 1
            continue
        taken += [(a, b) for a, b, _ in edits]
        kept += [(a, b, d, rep) for a, b, rep in edits]
    kept.sort(key=lambda e: e[:2])
    return kept, bad


def _wanted(diagnostics, unsafe: bool, style: bool = False) -> list[Diagnostic]:
    """The fixes to make: safe ones (and unsafe ones when asked); formatting fixes only where
    there is formatting (style=True: a .docx)."""
    return [
        d
        for d in diagnostics
        if d.fix is not None
        and d.fix.applicability in (("safe", "unsafe") if unsafe else ("safe",))
        and (style or not d.fix.style)
    ]


def _apply(text: str, diagnostics, unsafe: bool) -> tuple[str, list[Diagnostic]]:
    kept, _ = _plan(text, _wanted(diagnostics, unsafe))
    for a, b, _, rep in reversed(kept):
        text = text[:a] + rep + text[b:]
    return text, list({id(d): d for _, _, d, _ in kept}.values())


def apply(text: str, diagnostics, *, unsafe: bool) -> tuple[str, int]:
    """Apply the safe fixes (and the unsafe ones when unsafe=True) of diagnostics to text, from
    last to first. Overlapping fixes: the first by position is applied, the rest skipped (a second
    run applies them). Returns the new text and the number of fixes applied."""
    text, done = _apply(text, diagnostics, unsafe)
    return text, len(done)


# --------------------------------------------------------------------------- fix_file


def _check(path: str, data: bytes, opts: Options, post: Post) -> tuple[FileResult, str, str]:
    """Lint bytes (raising on unreadable input or internal errors), then post (the user's rule
    selection). A file that is not a document (no profile) gets no source checks (lint_source's
    input stage ends it), so nothing in it is ever fixed."""
    src = from_bytes(path, data)
    res = lint_source(src, opts)
    return (post(res) if post else res), src.text, src.encoding


def _present(res: FileResult) -> set[str]:
    return {k for k, v in res.components.items() if v is not None}


def _allowed(res: FileResult) -> list[Diagnostic]:
    """The diagnostics whose fix may be applied: none inside the body, except BODY_FIXES."""
    body = res.components.get("body")
    if not body:
        return list(res.diagnostics)
    lo, hi = body["line"], body["end_line"]
    return [
        d
        for d in res.diagnostics
        if d.fix is None
        or d.fix.style  # formatting changes no word
        or d.code in BODY_FIXES
        or d.fix.span.end_line < lo
        or d.fix.span.line > hi
    ]


def _diff(path: str, old: str, new: str) -> str:
    a = [s for _, s in ocr.split_lines(old)]
    b = [s for _, s in ocr.split_lines(new)]
    name = Path(path).as_posix().removeprefix("./")
    lines = difflib.unified_diff(a, b, f"a/{name}", f"b/{name}", lineterm="")
    return "".join(line + "\n" for line in lines)


def _write(path: str, data: bytes) -> None:
    """Atomic replace: temp file in the same directory, fsync, same mode, os.replace."""
    target = os.path.realpath(path)  # a symlink keeps pointing at the fixed file
    folder = os.path.dirname(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".vblint", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        shutil.copymode(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable; not possible everywhere
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def _count(res: FileResult, unsafe: bool, style: bool = False) -> tuple[int, int]:
    offered = len(_wanted(res.diagnostics, unsafe, style))
    hidden = 0 if unsafe else len(_wanted(res.diagnostics, True, style)) - offered
    return offered, hidden


def _text_step(decoded):
    """A round of fixes on plain text: the text edited, encoded as the input was."""

    def step(data: bytes, text: str, allowed: list[Diagnostic], unsafe: bool) -> tuple[bytes, list]:
        new_text, done = _apply(text, allowed, unsafe)
        return (codec.encode(new_text, decoded) if done and new_text != text else data), done

    return step


def _docx_step(data: bytes, text: str, allowed: list[Diagnostic], unsafe: bool) -> tuple[bytes, list]:
    """A round of fixes on a .docx: text edits inside the runs, formatting on the runs and sections."""
    from linter import docxfix

    package = docxfix.Package(data)
    if package.text != text:  # the spans are in the checked text: they must map onto the runs
        raise docxfix.Refused("văn bản đọc để sửa khác văn bản đã kiểm tra")
    wanted = _wanted(allowed, unsafe, style=True)
    kept, _ = _plan(text, [d for d in wanted if not d.fix.style])
    return package.write(kept, [d for d in wanted if d.fix.style])


def fix_bytes(
    path: str, data: bytes, opts: Options | None = None, *, unsafe: bool, post: Post = None
) -> FixOutcome:
    """Fix a document given as bytes (plain text or .docx); no file is read or written. path
    names it (in the diff and the result) and its suffix decides how it is read. post filters
    every check's result (only the fixes of the diagnostics it keeps are applied). Never raises
    for bad input: what stopped the fixing is in .refused, and .result is always the check of
    what .data holds."""
    opts = opts or Options()
    post = post or (lambda r: r)
    out = FixOutcome(path, data=data)
    suffix = Path(path).suffix.lower()
    refused = None
    if suffix in (".pdf", *SCAN_SUFFIXES):
        refused = "không sửa tệp .pdf hay ảnh quét: chữ của chúng không sửa được tại chỗ"
    elif suffix == ".docx":
        from linter import docxfix

        try:
            docxfix.Package(data)  # a signed or unreadable package is refused before anything
        except docxfix.Refused as e:
            refused = str(e)
        except Exception as e:  # noqa: BLE001 - python-docx or lxml on a malformed package
            refused = f"không đọc được tệp .docx ({type(e).__name__}: {e})"
    if refused:
        out.refused = refused
        out.result = post(lint_bytes(path, data, opts))
        return out
    try:
        decoded = None if suffix == ".docx" else codec.decode(data)
        res, text, _ = _check(path, data, opts, post)
    except Exception as e:  # noqa: BLE001 - unreadable input or an internal error: report, go on
        why = "" if isinstance(e, InputError) else f" ({type(e).__name__}: {e})"
        out.refused = "không đọc hoặc không kiểm tra được tệp" + why
        out.result = post(lint_bytes(path, data, opts))
        return out
    out.result, out.text = res, text
    if any(d.code == JSON_EXPORT.code for d in res.diagnostics):
        out.refused = "tệp JSON: chỉ kiểm tra nội dung văn bản trong đó, không sửa tại chỗ"
        out.skipped, out.hidden = _count(res, unsafe)
        return out
    if decoded is not None and (decoded.replaced or decoded.encoding == "utf-8-replaced"):
        out.refused = "tệp có byte không giải mã được; sửa sẽ làm mất chúng, nên không sửa"
        out.skipped, out.hidden = _count(res, unsafe)
        return out
    step = _docx_step if decoded is None else _text_step(decoded)
    first_text = text
    before = _present(res)
    new_data = data
    banned: set[tuple[str, int]] = set()  # (code, line) whose fix did not remove its diagnostic
    rounds = tries = 0
    while rounds < ROUNDS and tries < 3 * ROUNDS:
        tries += 1
        allowed = [d for d in _allowed(res) if (d.code, d.span.line) not in banned]
        try:
            candidate, done = step(new_data, text, allowed, unsafe)
        except UnicodeEncodeError as e:
            bad = e.object[e.start : e.end]
            out.refused = f"bản sửa có ký tự không ghi được bằng bảng mã {decoded.encoding} ({bad!r})"
            break
        except Exception as e:  # noqa: BLE001 - a fix that cannot be written is not applied
            out.refused = f"không áp dụng được bản sửa ({type(e).__name__}: {e})"
            break
        if not done or candidate == new_data:
            break
        try:
            new_res, checked_text, encoding = _check(path, candidate, opts, post)
        except Exception as e:  # noqa: BLE001 - a fix must never make the file unreadable
            out.refused = f"kiểm tra lại sau khi sửa bị lỗi ({type(e).__name__}: {e}), không áp dụng"
            break
        if decoded is not None and encoding != decoded.encoding:
            out.refused = (
                f"sau khi sửa, tệp được nhận là {encoding}, không còn là {decoded.encoding}: không áp dụng"
            )
            break
        if _present(new_res) != before:
            lost, gained = sorted(before - _present(new_res)), sorted(_present(new_res) - before)
            out.refused = (
                "sau khi sửa, các thành phần nhận ra thay đổi"
                + (f" (mất: {', '.join(lost)})" if lost else "")
                + (f" (thêm: {', '.join(gained)})" if gained else "")
                + ", không áp dụng"
            )
            break
        # every applied fix must remove its diagnostic; one that does not is wrong: drop it and
        # redo the round without it (fixes keep the line count, so lines still match)
        was = Counter((d.code, d.span.line) for d in res.diagnostics)
        now = Counter((d.code, d.span.line) for d in new_res.diagnostics)
        used = Counter((d.code, d.span.line) for d in done)
        same_lines = len(ocr.split_lines(checked_text)) == len(ocr.split_lines(text))
        wrong = {k for k, n in used.items() if now[k] > was[k] - n} if same_lines else set()
        if wrong:
            banned |= wrong
            out.refused = "không áp dụng bản sửa không hết lỗi: " + ", ".join(
                f"{code} dòng {line}" for code, line in sorted(wrong, key=lambda k: (k[1], k[0]))
            )
            continue
        rounds += 1
        out.applied += sum(len(d.fix.edits()) for d in done)
        text, res, new_data = checked_text, new_res, candidate
    out.result, out.text, out.data = res, text, new_data
    out.skipped, out.hidden = _count(res, unsafe, style=decoded is None)
    out.changed = new_data != data
    if out.changed:
        out.diff = _diff(path, decoded.text if decoded is not None else first_text, text)
    return out


def fix_file(path: str, opts: Options | None, *, unsafe: bool, write: bool, post: Post = None) -> FixOutcome:
    """fix_bytes() on a file; with write=True a changed file is replaced atomically (same encoding,
    BOM, newlines and mode). An unchanged file, or write=False, leaves the file untouched."""
    opts = opts or Options()
    post = post or (lambda r: r)
    try:
        if Path(path).stat().st_size > MAX_BYTES:  # not read into memory; the check reports it
            out = FixOutcome(path, refused="tệp quá lớn, không sửa")
            out.result = post(lint_path(path, opts))
            return out
        data = Path(path).read_bytes()
    except OSError as e:
        out = FixOutcome(path, refused=f"không đọc được tệp: {e.strerror or e}")
        out.result = post(lint_path(path, opts))
        return out
    out = fix_bytes(path, data, opts, unsafe=unsafe, post=post)
    if write and out.changed:
        try:
            _write(path, out.data)
            out.written = True
        except Exception as e:  # noqa: BLE001 - report, keep the batch going; the original is intact
            out.refused = f"không ghi được tệp ({type(e).__name__}: {e}); tệp gốc giữ nguyên"
    return out
