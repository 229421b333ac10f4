"""read: a path, stdin or bytes -> Source (decoded text and how it was stored), or an input
diagnostic. Never raises for bad input."""

import os

from linter import furniture
from linter.result import Source
from linter.rules import inputs
from linter.scan import IMAGE_SUFFIXES  # the module imports nothing heavy until a scan is read

MAX_BYTES = 10 * 1024 * 1024
MAX_SCAN_BYTES = 256 * 1024 * 1024  # an uncompressed multi-page TIFF at 300 dpi: ~9 MB a page


def max_bytes(path: str) -> int:
    """The size limit for the file at path: page images and PDFs (maybe scanned) may be larger."""
    return MAX_SCAN_BYTES if path.lower().endswith((*IMAGE_SUFFIXES, ".pdf")) else MAX_BYTES


class InputError(Exception):
    """The input cannot be checked at all: carries the rule and its message fields."""

    def __init__(self, rule, **args):
        super().__init__(rule.name)
        self.rule = rule
        self.args_ = args


def from_bytes(path: str, data: bytes) -> Source:
    if len(data) > max_bytes(path):
        raise InputError(inputs.TOO_LARGE, size=len(data), limit=max_bytes(path))
    suffix = os.path.splitext(path)[1].lower()
    if suffix in SCAN_SUFFIXES:
        return _scan(path, data, suffix)
    if suffix in (".docx", ".pdf"):
        return _office(path, data, suffix)
    from linter import decode

    try:
        d = decode.decode(data)
    except decode.BinaryInput as e:
        raise InputError(inputs.BINARY, reason=str(e)) from None
    src = Source(path, d.text, d.encoding)
    exported = _json_text(d.text)
    if exported:
        src.text = exported[1]
        src.notes.append((inputs.JSON_EXPORT, {"field": exported[0]}))
    if d.replaced:
        src.notes.append((inputs.ENCODING, {"count": d.replaced}))
    if d.legacy:
        src.notes.append((inputs.LEGACY, {"encoding": d.encoding.upper()}))
    if not d.text.strip():
        raise InputError(inputs.EMPTY)
    return src


def _json_text(text: str) -> tuple[str, str] | None:
    """A document exported as JSON ({"so_hieu": …, "noi_dung": "<the text>"}): the path of its
    longest string field and that string, when it is long enough to be a document; else None."""
    if text.lstrip()[:1] not in "{[":
        return None
    import json

    try:
        tree = json.loads(text)
    except ValueError:
        return None
    best = ("", "")
    todo = [("", tree)]
    while todo:
        where, node = todo.pop()
        if isinstance(node, dict):
            todo += [(f"{where}.{k}" if where else str(k), v) for k, v in node.items()]
        elif isinstance(node, list):
            todo += [(f"{where}[{i}]", v) for i, v in enumerate(node)]
        elif isinstance(node, str) and len(node) > len(best[1]):
            best = (where, node)
    return best if len(best[1]) >= 200 else None


def _office(path: str, data: bytes, suffix: str) -> Source:
    from linter import office

    try:
        doc = office.read_docx(data) if suffix == ".docx" else office.read_pdf(data)
    except office.NeedsOCR:
        return _scan(path, data, suffix)  # a scanned PDF: read by OCR
    except (office.UnreadableOffice, ImportError) as e:
        raise InputError(inputs.UNREADABLE, reason=str(e)) from None
    if doc.pages and "" in doc.pages and _ocr_installed():
        src = _scan(path, data, suffix, doc.pages, doc.published)  # a mixed PDF: its scanned pages by OCR
        if doc.replaced:
            src.notes.append((inputs.REPLACED_LAYER, {"pages": ", ".join(map(str, doc.replaced))}))
        return src
    if not doc.text.strip():
        raise InputError(inputs.EMPTY)
    return with_publisher(Source(path, doc.text, doc.kind, doc.styles, doc.page), doc.published)


def with_publisher(src: Source, published: str | None) -> Source:
    """src, told what its publisher leaves out: the gazette prints a document without its Nơi nhận."""
    if published == furniture.GAZETTE:
        src.omitted = ("recipients",)
        src.notes.append((inputs.GAZETTE, {}))
    return src


def _ocr_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("pytesseract") is not None


SCAN_SUFFIXES = IMAGE_SUFFIXES


def _scan(
    path: str, data: bytes, suffix: str, text_pages: list[str] | None = None, published: str | None = None
) -> Source:
    try:
        from linter import scan
    except ImportError as e:  # pragma: no cover - the module itself imports nothing heavy
        raise InputError(inputs.UNREADABLE, reason=str(e)) from None
    try:
        s = scan.read_scan(data, suffix, text_pages=text_pages, published=published)
    except scan.NoEngine as e:
        raise InputError(inputs.UNREADABLE, reason=str(e)) from None
    except scan.BadScan as e:
        raise InputError(inputs.UNREADABLE, reason=f"ảnh hoặc PDF hỏng: {e}") from None
    if not s.text.strip():
        raise InputError(inputs.UNREADABLE, reason=f"nhận dạng OCR không đọc được chữ nào ({s.pages} trang)")
    return with_publisher(Source(path, s.text, "ocr", boxes=s.boxes), s.published)


def from_path(path: str) -> Source:
    try:  # os rather than pathlib: this runs once per document of a batch
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes(path):
                raise InputError(inputs.TOO_LARGE, size=size, limit=max_bytes(path))
            data = f.read()
    except OSError as e:
        raise InputError(inputs.UNREADABLE, reason=e.strerror or str(e)) from None
    return from_bytes(path, data)
