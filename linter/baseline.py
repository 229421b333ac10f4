"""Baseline: record today's problems, then report only new ones.

An entry is keyed by what survives edits elsewhere in a document, never by line numbers:
- document: the number (symbol, seq, issuer code) when the document has one, else a SHA-256 of
  its NFC text with whitespace collapsed (a file that could not be read: its path);
- the rule code;
- fingerprint: a SHA-256 prefix of the normalised text of the diagnostic's component. For the
  list-like components (body, addressees, recipients) it is the text of the diagnostic's own
  lines (the offending section or item), so editing one item does not resurrect the problems of
  the others; for a component that is absent (the "missing-…" rules) it is empty, since such a
  problem occurs once per document; likewise for the whole-file rules (VB0xx input, VB9xx
  internal); for any other diagnostic without a component, its source lines.
Matching counts: with 2 entries of a key in the baseline and 3 such diagnostics now, 1 is new."""

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from linter.errors import UserError

VERSION = 1
_PER_LINE = frozenset({"body", "addressees", "recipients"})


class BaselineError(UserError):
    """A baseline file vblint cannot use. str() is Vietnamese; message("en") is English."""

    def __init__(self, path, vi: str, en: str):
        self.path = str(path)
        self._text = {"vi": vi, "en": en}
        super().__init__(self.message("vi"))

    def message(self, lang: str = "vi") -> str:
        en = lang == "en"
        return f"{'baseline' if en else 'tệp baseline'} {self.path}: {self._text['en' if en else 'vi']}"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def _sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def identity(result) -> str:
    """What names a document across edits: its number, else a hash of its text."""
    num = result.components.get("number") if result.components else None
    if num and (num.get("symbol") or num.get("seq") is not None):
        return f"number:{num.get('seq')}-{num.get('symbol')}@{num.get('issuer_code')}"
    if not result.text:
        return f"path:{Path(result.path).as_posix()}"
    return "text:" + _sha(_norm(result.text))[:16]


def _lines(result, d) -> str:
    lines = result.text.splitlines()
    return "\n".join(lines[d.span.line - 1 : max(d.span.line, d.span.end_line)])


def fingerprint(result, d) -> str:
    comp = result.components.get(d.component) if d.component and result.components else None
    if d.code[:3] in ("VB0", "VB9") or (d.component and comp is None):
        text = ""  # about the whole file (input, internal), or the component is missing
    elif comp is None or d.component in _PER_LINE:
        text = _lines(result, d)
    else:
        text = comp.get("text") or ""
    return _sha(_norm(text))[:16]


def _key(doc: str, result, d) -> tuple[str, str, str]:
    return doc, d.code, fingerprint(result, d)


def entries(result) -> list[dict]:
    doc = identity(result)
    return [
        {
            "document": doc,
            "code": d.code,
            "name": d.name,
            "component": d.component,
            "fingerprint": fingerprint(result, d),
            "path": Path(result.path).as_posix(),
        }
        for d in result.diagnostics
    ]


def write(results, path) -> int:
    """Record the problems of results (after config filtering) in path; returns how many.
    Files that could not be read are not recorded: a baseline never hides them."""
    rows = [e for r in results if r.readable for e in entries(r)]
    rows.sort(key=lambda e: (e["path"], e["document"], e["code"], e["fingerprint"]))
    text = json.dumps({"version": VERSION, "tool": "vblint", "entries": rows}, ensure_ascii=False, indent=1)
    p = Path(path)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, p)
    return len(rows)


@dataclass
class Baseline:
    counts: Counter = field(default_factory=Counter)  # (document, code, fingerprint) -> how many
    suppressed: int = 0  # diagnostics filter() has hidden so far

    def filter(self, result):
        """A copy of result with only the problems the baseline does not account for."""
        if not result.readable or not self.counts:
            return result
        doc, used, kept = identity(result), Counter(), []
        for d in result.diagnostics:
            k = _key(doc, result, d)
            if used[k] < self.counts[k]:
                used[k] += 1
            else:
                kept.append(d)
        self.suppressed += len(result.diagnostics) - len(kept)
        return replace(result, diagnostics=kept)


_REQUIRED = ("document", "code", "fingerprint")


def load(path) -> Baseline:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise BaselineError(
            path, f"không đọc được tệp: {e.strerror}", f"cannot read the file: {e.strerror}"
        ) from e
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BaselineError(
            path,
            f"không phải JSON hợp lệ ({e}); tạo lại bằng --write-baseline",
            f"not valid JSON ({e}); recreate it with --write-baseline",
        ) from e
    if isinstance(data, dict) and "files" in data and "entries" not in data:
        raise BaselineError(
            path,
            "đây là báo cáo --format json, không phải baseline; tạo baseline bằng --write-baseline",
            "this is a --format json report, not a baseline; create one with --write-baseline",
        )
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError(
            path,
            'không phải tệp baseline của vblint (thiếu "entries")',
            'not a vblint baseline (no "entries")',
        )
    if data.get("version") != VERSION:
        raise BaselineError(
            path,
            f"phiên bản {data.get('version')!r} không được hỗ trợ (cần {VERSION})",
            f"unsupported version {data.get('version')!r} (expected {VERSION})",
        )
    counts: Counter = Counter()
    for i, e in enumerate(data["entries"]):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in _REQUIRED):
            raise BaselineError(
                path,
                f"mục thứ {i + 1} hỏng (cần {', '.join(_REQUIRED)})",
                f"entry {i + 1} is malformed (needs {', '.join(_REQUIRED)})",
            )
        counts[(e["document"], e["code"], e["fingerprint"])] += 1
    return Baseline(counts)
