"""VB9xx reported by the batch runner (linter/batch.py), not by a document check."""

from linter.rules.base import declare

TIMEOUT = declare(
    code="VB901",
    stage="runner",
    example={"limit": 60},
    name="document-timeout",
    component=None,
    severity="error",
    message={
        "vi": "Quá thời gian kiểm tra: văn bản cần hơn {limit} giây, đã dừng và bỏ qua.",
        "en": "Check timed out: the document took more than {limit} seconds and was skipped.",
    },
    citation="vblint",
    why={
        "vi": "Một văn bản bất thường không được làm treo cả lô; dùng --timeout để đổi giới hạn.",
        "en": "One pathological document must not stall a batch; --timeout changes the limit.",
    },
)
