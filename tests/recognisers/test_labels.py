"""The labels and the summary's prefix: "Kính gửi", "Nơi nhận" as lex shapes a line (exact, run
together, or through OCR damage with patterns.fuzzy_label), and "V/v" (patterns.vv_prefix)."""

import pytest

from linter import patterns as P
from linter.lex import classify
from linter.lines import Line
from linter.text import fold


def shape(line: str) -> tuple[str, bool]:
    """The token type lex gives the line on its own, and whether it read it fuzzily."""
    kind, data = classify(Line.plain(line, 1))
    return kind, bool(data.get("fuzzy"))


@pytest.mark.parametrize(
    ("line", "kind", "fuzzy"),
    [
        ("Kính gửi:", "KINH_GUI", False),
        ("Kính gửi: Ủy ban nhân dân tỉnh", "KINH_GUI", False),  # the addressee on the same line
        ("Kính trình:", "KINH_GUI", False),
        ("Đồng kính gửi:", "KINH_GUI", False),
        ("Kinh gui:", "KINH_GUI", False),  # tone marks lost
        ("Kínhgửi:", "KINH_GUI", False),  # words run together
        ("Kmh gửi:", "KINH_GUI", True),  # OCR: "ín" read as "m"
        ("Nơi nhận:", "NOI_NHAN", False),
        ("NƠI NHẬN:", "NOI_NHAN", False),
        ("Nơi nhận", "NOI_NHAN", False),  # the colon lost
        ("Noi nhan:", "NOI_NHAN", False),
        ("Nơinhận:", "NOI_NHAN", False),
        ("Kơi nhận:", "NOI_NHAN", True),  # OCR: N read as K
        ("Nơi rứiận:", "NOI_NHAN", True),  # the second word half read
        ("Kinh phí: 200 triệu đồng", "TEXT", False),  # a word like "Kính", and a colon
    ],
)
def test_label(line, kind, fuzzy):
    assert shape(line) == (kind, fuzzy)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Kơi nhận:", "NOI_NHAN"),
        ("Kmh gửi:", "KINH_GUI"),
        ("Nơi rứiận:", "NOI_NHAN"),
        ("TỈNH HÀ TĨNH", None),  # no colon: never a damaged "Kính trình"
        ("Kinh phí:", None),  # "phí" is not "gửi"
        ("Nơi ở hiện nay:", None),
    ],
)
def test_fuzzy_label(line, label):
    assert P.fuzzy_label(line) == label


@pytest.mark.parametrize(
    ("line", "prefix"),
    [
        ("V/v triển khai thực hiện", "V/v"),
        ("v/v triển khai thực hiện", "V/v"),
        ("V/V TRIỂN KHAI THỰC HIỆN", "V/v"),
        ("V/v: triển khai thực hiện", "V/v"),
        ("V /v triển khai thực hiện", "V/v"),  # OCR: a space before the slash
        ("V/ v triển khai thực hiện", "V/v"),
        ("V.v triển khai thực hiện", "V/v"),  # the slash read as a stop
        ("Về việc triển khai thực hiện", "về việc"),
        ("về việc triển khai thực hiện", "về việc"),
        ("Vv triển khai thực hiện", "V/v"),  # the slash lost (no Vietnamese word opens "vv")
        ("Về tăng cường công tác", None),  # "Về …": a type name's summary, VB241 for a công văn
        ("Việc triển khai thực hiện", None),
    ],
)
def test_vv_prefix(line, prefix):
    assert P.vv_prefix(fold(line)) == prefix
