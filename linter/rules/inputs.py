"""VB0xx: input that cannot be checked as it is (the input stage: noted or raised by the reader,
read.py, or a document with no part of one), and VB900, the per-document firewall's."""

from linter.diagnostics import Span
from linter.rules.base import Hit, declare, rule

_C = "vblint"
EMPTY = declare(
    code="VB001",
    stage="input",
    name="empty-file",
    component=None,
    severity="error",
    message={"vi": "Tệp rỗng: không có nội dung để kiểm tra.", "en": "Empty file: nothing to check."},
    citation=_C,
    why={"vi": "Một văn bản phải có nội dung.", "en": "A document has content."},
)
BINARY = declare(
    code="VB002",
    stage="input",
    example={"reason": "ZIP"},
    name="binary-file",
    component=None,
    severity="error",
    message={"vi": "Không phải tệp văn bản ({reason}).", "en": "Not a text file ({reason})."},
    citation=_C,
    why={
        "vi": "vblint đọc văn bản thuần (.txt, .md), .docx và .pdf.",
        "en": "vblint reads plain text (.txt, .md), .docx and .pdf.",
    },
)
ENCODING = declare(
    code="VB003",
    stage="input",
    example={"count": 3},
    name="invalid-encoding",
    component=None,
    severity="error",
    message={
        "vi": "Tệp không phải UTF-8 hợp lệ: {count} byte không giải mã được, đã thay bằng �.",
        "en": "The file is not valid UTF-8: {count} undecodable bytes replaced with �.",
    },
    citation="TCVN 6909:2001 (Unicode)",
    why={
        "vi": "Văn bản phải dùng bộ mã Unicode theo TCVN 6909:2001.",
        "en": "Documents must be Unicode (TCVN 6909:2001).",
    },
)
LEGACY = declare(
    code="VB004",
    stage="input",
    example={"encoding": "TCVN3 (ABC)"},
    name="legacy-encoding",
    component=None,
    severity="warning",
    message={
        "vi": "Tệp dùng bảng mã cũ {encoding}, đã chuyển sang Unicode để kiểm tra.",
        "en": "The file uses the legacy encoding {encoding}; converted to Unicode for checking.",
    },
    citation="NĐ 30/2020, Phụ lục I, I.2; TCVN 6909:2001",
    why={
        "vi": "Phông chữ phải là Unicode theo TCVN 6909:2001, không dùng TCVN3/VNI.",
        "en": "Fonts must be Unicode per TCVN 6909:2001, not TCVN3/VNI.",
    },
)


@rule(
    code="VB005",
    stage="input",
    final=True,
    name="not-a-document",
    component=None,
    severity="error",
    message={
        "vi": "Không nhận ra thành phần nào của văn bản hành chính (tiêu đề, số, nơi nhận, chữ ký…).",
        "en": "No part of an administrative document was recognised (banner, number, recipients, signature…).",
    },
    citation=_C,
    why={
        "vi": "Tệp không giống một văn bản của Đảng hay Nhà nước.",
        "en": "The file does not look like a Party or State document.",
    },
)
def not_a_document(doc, ctx):
    """Fewer than two parts and no type name: nothing here is a document's (nothing else runs)."""
    found = [k for k, v in doc.components.items() if v and k != "body"]
    if len(found) < 2 and not doc.components["doc_type"]:
        yield Hit(Span.at(1))


UNREADABLE = declare(
    code="VB006",
    stage="input",
    example={"reason": "PDF: EOF marker not found"},
    name="unreadable-file",
    component=None,
    severity="error",
    message={"vi": "Không đọc được tệp: {reason}.", "en": "Cannot read the file: {reason}."},
    citation=_C,
    why={"vi": "Tệp phải đọc được.", "en": "The file must be readable."},
)
TOO_LARGE = declare(
    code="VB007",
    stage="input",
    example={"size": 104857600, "limit": 52428800},
    name="file-too-large",
    component=None,
    severity="error",
    message={
        "vi": "Tệp quá lớn ({size} byte, tối đa {limit}).",
        "en": "File too large ({size} bytes, at most {limit}).",
    },
    citation=_C,
    why={
        "vi": "Giới hạn để một tệp lỗi không làm treo cả lô.",
        "en": "A limit so one bad file cannot stall a batch.",
    },
)
JSON_EXPORT = declare(
    code="VB008",
    stage="input",
    example={"field": "content"},
    name="json-export",
    component=None,
    severity="info",
    message={
        "vi": 'Tệp JSON: đã kiểm tra nội dung văn bản trong trường "{field}"; số dòng tính trong nội dung đó.',
        "en": 'A JSON file: the document text in the field "{field}" was checked; lines count within that text.',
    },
    citation=_C,
    why={
        "vi": "Cổng thông tin và kho dữ liệu xuất văn bản dưới dạng JSON; vblint đọc trường dài nhất chứa nội dung văn bản.",
        "en": "Portals and archives export documents as JSON; vblint reads the longest field that holds the document's text.",
    },
)
GAZETTE = declare(
    code="VB009",
    stage="input",
    example={},
    name="gazette-copy",
    component=None,
    severity="info",
    message={
        "vi": "Bản đăng Công báo: đã bỏ qua tiêu đề trang, số trang và đề mục của Công báo; Công báo đăng văn bản không kèm phần Nơi nhận nên không yêu cầu phần này.",
        "en": "A copy from the Official Gazette (Công báo): its running heads, page numbers and headings were left out; the gazette prints documents without their Nơi nhận, so none is asked for.",
    },
    citation="Công báo as it prints documents (observed on its copies, not a drafting rule)",
    why={
        "vi": "Tiêu đề trang, số trang và đề mục là của Công báo, không phải của văn bản; bản đăng Công báo không có phần Nơi nhận của bản gốc.",
        "en": "Running heads, page numbers and headings are the gazette's, not the document's; the gazette's copy leaves out the original's Nơi nhận.",
    },
)
REPLACED_LAYER = declare(
    code="VB010",
    stage="input",
    example={"pages": "1, 2"},
    name="pdf-text-layer-replaced",
    component=None,
    severity="info",
    message={
        "vi": "Lớp chữ của PDF (trang {pages}) không phải nội dung văn bản (lớp OCR không dấu, phông chữ không có bảng mã Unicode, hoặc chỉ là dấu ký số đóng lên trang quét): các trang đó đã được đọc bằng OCR.",
        "en": "The PDF's text layer (page {pages}) is not the document's text (an OCR layer without diacritics, a font without a Unicode map, or only an e-signature stamped on a scanned page): those pages were read by OCR.",
    },
    citation=_C,
    why={
        "vi": "Máy quét thường tự nhận dạng chữ bằng mô hình tiếng Anh, làm mất dấu; bản sao điện tử của bản quét chỉ có chữ của dấu ký số. Không thành phần nào đọc được từ lớp chữ đó.",
        "en": "Scanners often OCR pages with an English model, losing the diacritics; an e-signed copy of a scan holds only the stamp's words. No part can be read from such a layer.",
    },
)
INTERNAL = declare(
    code="VB900",
    stage="runner",
    example={"error": "KeyError: 'number'"},
    name="internal-error",
    component=None,
    severity="error",
    message={
        "vi": "Lỗi nội bộ của vblint: {error}. Xin báo lỗi kèm tệp này.",
        "en": "vblint internal error: {error}. Please report it with this file.",
    },
    citation=_C,
    why={"vi": "Không bao giờ dừng cả lô vì một tệp.", "en": "One file never stops a batch."},
)
