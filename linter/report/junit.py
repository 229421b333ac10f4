"""--format junit: one test case per document, for CI test-report viewers.

A document with error-severity diagnostics fails, and its <failure> lists every diagnostic;
a document with only warnings or infos passes and lists them in <system-out>. vblint does not
time documents, so every time attribute is 0."""

import re
import xml.etree.ElementTree as ET

_SEV = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
# XML 1.0 forbids these C0 controls, lone surrogates and U+FFFE/U+FFFF; OCR text and odd file
# names carry them, and ElementTree would write them unescaped into an unparseable report.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(s: str) -> str:
    return _INVALID_XML.sub("", s)


def _failure_message(n: int, lang: str) -> str:
    if lang == "en":
        return f"{n} error" if n == 1 else f"{n} errors"
    return f"{n} lỗi"


def _lines(diags, lang: str) -> str:
    sev = _SEV.get(lang, _SEV["vi"])
    return "\n".join(
        f"{d.span.line}:{d.span.column} {d.code} {sev.get(d.severity, d.severity)} {d.message}" for d in diags
    )


def render(results, *, lang: str = "vi") -> str:
    failures = sum(1 for r in results if r.counts()["error"])
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": "0"}
    root = ET.Element("testsuites", {"name": "vblint", **counts, "time": "0"})
    suite = ET.SubElement(root, "testsuite", {"name": "vblint", **counts, "skipped": "0", "time": "0"})
    for r in results:
        path = _clean(r.path)
        case = ET.SubElement(
            suite, "testcase", {"classname": "vblint", "name": path, "file": path, "time": "0"}
        )
        errors = r.counts()["error"]
        if errors:
            failure = ET.SubElement(
                case, "failure", {"message": _failure_message(errors, lang), "type": "vblint"}
            )
            failure.text = _clean(_lines(r.diagnostics, lang))
        elif r.diagnostics:
            ET.SubElement(case, "system-out").text = _clean(_lines(r.diagnostics, lang))
    ET.indent(root)
    # the declaration is written by hand: ElementTree would declare the locale's encoding for a
    # str result, while vblint always writes its reports in UTF-8
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
