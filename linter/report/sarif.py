"""--format sarif: one SARIF 2.1.0 run, for GitHub code scanning and SARIF viewers.

Decisions:
- driver.rules lists only the rules that fired, sorted by code: the log stays small and
  self-describing, and GitHub needs metadata only for rules that results reference.
- No "$schema", informationUri or helpUri: all are optional, and vblint ships no network hosts.
- Columns are code points (Span's unit), declared with run.columnKind.
- GitHub code scanning keeps at most 25,000 results per run; beyond that the most severe are
  kept and a tool notification says how many were dropped.
- No fixes for .docx/.pdf or legacy-encoded files: their spans are on the extracted or
  converted text, so a text replacement applied to the file itself would corrupt it."""

import json
import os
import posixpath
from pathlib import PurePath
from urllib.parse import quote

from linter import __version__
from linter.report.statistics import short_label
from linter.rules import RULES
from linter.scan import IMAGE_SUFFIXES

MAX_RESULTS = 25_000  # GitHub code scanning: results per run
INDENT_MAX = 2_000
SRCROOT = "%SRCROOT%"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_RANK = {"error": 0, "warning": 1, "info": 2}
_LANG = {"vi": "vi-VN", "en": "en-US"}
_NO_FIX_SUFFIXES = (".docx", ".pdf", *IMAGE_SUFFIXES)
_LEGACY = "VB004"  # legacy-encoding: columns are on the converted text
_INTERNAL = "VB900"
_WORDS = {
    "vi": {
        "cite": "Căn cứ",
        "autofix": "Sửa tự động",
        "bad": "Sai",
        "good": "Đúng",
        "fix": 'Sửa ({applicability}): thay bằng "{replacement}"',
        "dropped": "Đã bỏ {dropped} kết quả ít nghiêm trọng nhất: GitHub code scanning nhận tối đa "
        "{limit} kết quả mỗi lần chạy. Dùng --format json để có danh sách đầy đủ.",
    },
    "en": {
        "cite": "Source",
        "autofix": "Autofix",
        "bad": "Bad",
        "good": "Good",
        "fix": 'Fix ({applicability}): replace with "{replacement}"',
        "dropped": "Dropped the {dropped} least severe results: GitHub code scanning accepts at most "
        "{limit} results per run. Use --format json for the full list.",
    },
}


def artifact_location(path: str) -> dict:
    """A URI reference for a path: relative paths stay relative to the checkout (%SRCROOT%),
    with forward slashes and percent-encoding (spaces, Vietnamese letters, undecodable bytes)."""
    if os.path.isabs(path):
        return {"uri": PurePath(path).as_uri()}
    p = path.replace(os.sep, "/") if os.sep != "/" else path
    p = posixpath.normpath(p)  # "./a//b.txt" and "a/b.txt" must fingerprint the same
    # surrogateescape: file names that are not UTF-8 keep their original bytes in the URI
    return {"uri": quote(p.encode("utf-8", "surrogateescape"), safe="/"), "uriBaseId": SRCROOT}


def _region(span) -> dict:
    # clamp to SARIF's minimums; a zero-width span (column == end_column) is an insertion point
    line, col = max(span.line, 1), max(span.column, 1)
    end_line = max(span.end_line, line)
    end_col = max(span.end_column, col if end_line == line else 1)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _text(value: dict, lang: str) -> str:
    return value.get(lang, value["vi"])


def _help(rule, lang: str) -> dict:
    w = _WORDS[lang]
    text = [_text(rule.why, lang), "", f"{w['cite']}: {rule.citation}"]
    md = [_text(rule.why, lang), "", f"**{w['cite']}:** {rule.citation}"]
    if rule.fix:
        text.append(f"{w['autofix']}: {rule.fix}")
        md.append(f"\n**{w['autofix']}:** {rule.fix}")
    for key in ("bad", "good"):
        example = getattr(rule, key)
        if example:
            text += ["", f"{w[key]}:", example]
            md += ["", f"**{w[key]}:**", "", "```text", example, "```"]
    return {"text": "\n".join(text), "markdown": "\n".join(md)}


def _descriptor(rule, lang: str) -> dict:
    props = {
        "component": rule.component,
        "citation": rule.citation,
        "fix": rule.fix,
        "tags": ["vblint"] + ([rule.component] if rule.component else []),
    }
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short_label(rule, lang)},
        "fullDescription": {"text": _text(rule.why, lang)},
        "help": _help(rule, lang),
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": props,
    }


def _scan_region(d) -> dict:
    """The region of the text line; on a scan, with the page and the box in pixels in its bag."""
    region = _region(d.span)
    if d.page is not None:
        region["properties"] = {"page": d.page, **({"bbox": list(d.bbox)} if d.bbox else {})}
    return region


def _fixable(res) -> bool:
    return not res.path.lower().endswith(_NO_FIX_SUFFIXES) and not any(
        d.code == _LEGACY for d in res.diagnostics
    )


def _result(d, where: dict, fixable: bool, index: dict[str, int], lang: str) -> dict:
    out = {"ruleId": d.code}
    if d.code in index:
        out["ruleIndex"] = index[d.code]
    out.update(
        {
            "level": _LEVEL.get(d.severity, "warning"),
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": where, "region": _scan_region(d)}}],
        }
    )
    if d.fix and fixable:
        f = d.fix
        out["fixes"] = [
            {
                "description": {
                    "text": _WORDS[lang]["fix"].format(
                        applicability=f.applicability, replacement=f.replacement
                    )
                },
                "artifactChanges": [
                    {
                        "artifactLocation": where,
                        "replacements": [
                            {"deletedRegion": _region(span), "insertedContent": {"text": rep}}
                            for span, rep in f.edits()
                        ],
                    }
                ],
                "properties": {"applicability": f.applicability},
            }
        ]
    return out


def render(results, *, lang: str = "vi") -> str:
    lang = lang if lang in _WORDS else "vi"
    found = [(res, d) for res in results for d in res.diagnostics]
    dropped = max(len(found) - MAX_RESULTS, 0)
    if dropped:
        # keep the most severe, then restore document order so the log reads like the text report
        keep = sorted(range(len(found)), key=lambda i: (_RANK.get(found[i][1].severity, 1), i))[:MAX_RESULTS]
        found = [found[i] for i in sorted(keep)]
    codes = sorted({d.code for _, d in found if d.code in RULES})
    index = {code: i for i, code in enumerate(codes)}
    files = {id(res): (artifact_location(res.path), _fixable(res)) for res in results}
    crashed = any(d.code == _INTERNAL for res in results for d in res.diagnostics)
    invocation = {"executionSuccessful": not crashed}
    if dropped:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "warning",
                "message": {"text": _WORDS[lang]["dropped"].format(dropped=dropped, limit=MAX_RESULTS)},
            }
        ]
    run = {
        "tool": {
            "driver": {
                "name": "vblint",
                "version": __version__,
                "semanticVersion": __version__,
                "language": _LANG[lang],
                "rules": [_descriptor(RULES[c], lang) for c in codes],
            }
        },
        "invocations": [invocation],
        "language": _LANG[lang],
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, *files[id(res)], index, lang) for res, d in found],
    }
    log = {"version": "2.1.0", "runs": [run]}
    # indent for people reading a small log; json's C encoder only runs without indent, and is
    # about 10x faster on a log of thousands of results
    indent = 2 if len(found) <= INDENT_MAX else None
    return json.dumps(log, ensure_ascii=False, indent=indent) + "\n"
