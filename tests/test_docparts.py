"""The typed parts (linter/docparts.py): what the rules read instead of the lexer's tokens."""

import ast
import dataclasses
from pathlib import Path

import pytest

from linter import docparts
from linter.layout import layout
from linter.lex import lex
from linter.model import build
from linter.normalize import normalize
from linter.parse import parse

RULES = Path(__file__).resolve().parents[1] / "linter" / "rules"

# Attributes of the model's Document and of the lexer's Tok that a rule must not reach for: the
# tokens and their data keys are the model's business (docparts turns them into typed parts).
_TOKEN_ATTRS = {"data", "toks", "parts", "dropped"}


def _reaches(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in _TOKEN_ATTRS:
            out.append(f"{path.name}:{node.lineno}: .{node.attr}")
    return out


def test_no_rule_reads_the_lexers_tokens():
    found = [hit for p in sorted(RULES.glob("*.py")) for hit in _reaches(p)]
    assert found == [], "rules read typed parts (doc.number, doc.recipients …), not tokens: " + ", ".join(
        found
    )


def _doc(text: str):
    toks = lex(layout(normalize(text)))
    tree, dropped = parse(toks)
    return build(tree, toks, dropped)


_PARTY = """TỈNH ỦY QUẢNG NINH
*
Số 400 - TB/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ninh, ngày 5 tháng 03 năm 2021
THÔNG BÁO
kết luận của Ban Thường vụ Tỉnh ủy
Nội dung thông báo.
Nơi nhận:
- Các huyện ủy, thành ủy,
- Lưu Văn phòng Tỉnh ủy.
NguyenVanAn-26
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn A
"""


def _at(span, text: str) -> str:
    """The text under a one-line span of a one-column document."""
    line = text.split("\n")[span.line - 1]
    return line[span.column - 1 : span.end_column - 1]


def test_parts_are_frozen_and_match_the_components():
    doc = _doc(_PARTY)
    n = doc.number
    assert dataclasses.is_dataclass(n)
    with pytest.raises(dataclasses.FrozenInstanceError):
        n.seq = 1
    c = doc.components["number"]
    assert (n.seq, n.symbol, n.type_code, n.issuer_code, n.form) == (
        c["seq"],
        c["symbol"],
        c["type_code"],
        c["issuer_code"],
        c["form"],
    )
    assert doc.number is n  # built once per document


def test_span_points_at_a_field():
    doc = _doc(_PARTY)
    assert _at(doc.number.span("raw"), _PARTY) == "400 - TB/TU"
    assert _at(doc.number.span("type_code"), _PARTY) == "TB"
    assert _at(doc.number.span("seq"), _PARTY) == "400"
    assert _at(doc.place_date.span("place"), _PARTY) == "Quảng Ninh"
    assert _at(doc.place_date.span("day"), _PARTY) == "5"
    assert _at(doc.place_date.span("month"), _PARTY) == "03"
    (auth,) = doc.signature.authorities
    assert (auth.prefix, _at(auth.span("prefix"), _PARTY), auth.body) == ("T/M", "T/M", " BAN THƯỜNG VỤ")


def test_recipients_items_are_typed():
    r = _doc(_PARTY).recipients
    assert [i.kind for i in r.items] == ["item", "luu"]  # (the drafter's code continues the Lưu item)
    assert [docparts._kind(t) for t in ("- Như trên;", "+ Lưu: VT, TCCB.", "NguyenVanAn-26")] == [
        "item",
        "luu",
        "drafter",
    ]
    assert r.label == "Nơi nhận"
    assert all(isinstance(i, docparts.Item) and i.own_line for i in r.items)
    assert _at(r.items[1].span(), _PARTY) == "- Lưu Văn phòng Tỉnh ủy."


def test_a_missing_part_is_none():
    doc = _doc("Nội dung một dòng.\n")
    assert (doc.number, doc.place_date, doc.recipients, doc.signature) == (None, None, None, None)
