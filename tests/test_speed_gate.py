"""The first look layout and lex take at a line (patterns.running_text, issue 15): a line it calls
running text is one the full recognisers would have left alone. Checked both ways on every line of
the corpora, clean and damaged by both noise models, and on lines built to sit on each cue."""

from pathlib import Path

import pytest

from bench.damage import damaged, documents
from bench.ocrnoise import noisy
from linter import layout as L
from linter import patterns as P
from linter.lex import classify
from linter.lines import Line
from linter.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _texts() -> list[str]:
    docs = [t for _, t in documents("all")]
    docs += [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("corpus/invalid*/**/*.txt"))]
    docs += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SHARED.glob("seeds/**/*.txt"))]
    damage = [damaged(t, rate, seed)[0] for t in docs[:60] for rate, seed in ((1, 11), (3, 12))]
    return docs + damage + [noisy(t, 1.0, 13) for t in docs[:60]]


def _lines() -> list[Line]:
    """Every line as layout's splitter sees it (before) and as lex sees it (after)."""
    out: list[Line] = []
    for text in _texts():
        before = normalize(text)
        out += before + L.layout(before)
    return out


LINES = _lines()


def test_the_gate_sees_most_long_lines():
    # not a speed test: a gate that never opens would pass the test below and spare nothing
    long = [ln for ln in LINES if len(ln.text) > 40]
    assert sum(P.running_text(ln.text) for ln in long) > 0.4 * len(long)


def test_a_line_called_running_text_is_one_no_recogniser_takes():
    wrong = []
    for k, ln in enumerate(LINES):
        if not P.running_text(ln.text):
            continue
        nxt = LINES[k + 1 : k + 4]
        if (
            classify(ln)[0] != "TEXT"
            or [c.text for c in L.split_columns(ln)] != [ln.text]
            or (nxt and (L._joinable(ln, nxt[0]) or L._date_pieces(ln, nxt)))
        ):
            wrong.append(ln.text)
    assert not wrong, wrong[:10]


@pytest.mark.parametrize(
    "text",
    [
        "Số 12/2025/QĐ-UBND của Ủy ban nhân dân tỉnh về việc ban hành quy định",
        "Hà Nội là nơi tổ chức hội nghị, ngày 12 tháng 3 năm 2025 tại hội trường lớn",
        "Độc lập - Tự do - Hạnh phúc và những điều khác nữa trong câu văn này",
        "Nơi nhận các văn bản của cơ quan là bộ phận văn thư của đơn vị đầu mối",
        "Kính gửi các đồng chí trong Ban Thường vụ và các cơ quan tham mưu giúp việc",
        "Điều 3 của Quy chế này được sửa đổi bổ sung như sau về các nội dung sau đây",
        "Chương trình hành động của Chính phủ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM năm 2025",
        "Các cơ quan, đơn vị thực hiện TM. ỦY BAN NHÂN DÂN giao nhiệm vụ cho các sở",
        "Các cơ quan, đơn vị    TM. ỦY BAN NHÂN DÂN tỉnh giao nhiệm vụ cho các sở",
        "Văn phòng Tỉnh ủy | Ban Tuyên giáo và Dân vận Tỉnh ủy | Ban Tổ chức",
        "Tỉnh ỦY QUẢNG NINH ĐẢNG CỘNG SẢN VIỆT NAM XIN CHÀO TẤT CẢ CÁC BẠN",
        "Trích yếu: nội dung văn bản gửi các cơ quan, đơn vị liên quan để biết",
        "V/v triển khai thực hiện kế hoạch cải cách hành chính năm 2026 của tỉnh",
    ],
)
def test_a_line_on_a_cue_is_looked_at_closely(text):
    assert not P.running_text(text)


def test_a_plain_sentence_is_running_text():
    assert P.running_text("Các sở, ban, ngành tổ chức triển khai thực hiện có hiệu quả các nội dung sau")
    assert P.running_text("phương tiện, ứng dụng khoa học và công nghệ, nâng cao năng lực nghiệp vụ cho")
