"""The five real scans: what a careful reader finds in them (issue 2's table), vblint finds too."""

from datetime import date
from pathlib import Path

import pytest
from contract import COMPONENTS

from linter.lint import lint_path
from linter.result import Options

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
ALL = set(COMPONENTS) - {"marks"}


def check(name):
    return lint_path(str(next(SEEDS.glob(f"{name}_*.txt"))), Options(today=date(2026, 11, 22)))


def present(r):
    return {k for k, v in r.components.items() if v is not None}


def sections(r):
    return [s["label"] for s in r.components["body"]["sections"]]


def test_seed_000_cong_van_without_header():
    r = check("000")
    assert r.doc_type == "cong_van" and r.profile == "party-hd36"
    assert present(r) == ALL - {"banner", "issuer", "number", "place_date", "doc_type"}
    assert (
        r.components["subject"]["text"].startswith("V/v tăng cường")
        and r.components["subject"]["end_line"] == 3
    )
    assert len(r.components["addressees"]["items"]) == 4
    assert sections(r) == ["1", "2", "3", "4"]
    assert len(r.components["recipients"]["items"]) == 5
    sig = r.components["signature"]
    assert (sig["authority"], sig["body"], sig["titles"], sig["name"]) == (
        "T/M",
        "BAN THƯỜNG vụ",
        ["BÍ THƯ"],
        "Hoàng Ngân",
    )


def test_seed_001_thong_bao_merged_columns():
    r = check("001")
    assert r.doc_type == "thong_bao"
    assert present(r) == ALL - {"addressees"}
    assert r.components["issuer"]["text"] == "TỈNH ỦY QUẢNG NINH" and r.components["issuer"]["star"]
    assert r.components["banner"]["text"] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    n = r.components["number"]
    assert (n["seq"], n["type_code"], n["issuer_code"], n["symbol"]) == (400, "TB", "TU", "TB/TU")
    pd = r.components["place_date"]
    assert (pd["place"], pd["day"], pd["month"], pd["year"]) == ("Quảng Ninh", 26, 10, 2021)
    assert sections(r) == [str(i) for i in range(1, 9)]
    assert len(r.components["recipients"]["items"]) == 9
    sig = r.components["signature"]
    assert (sig["authority"], sig["titles"]) == ("T/L", ["CHÁNH VĂN PHÒNG"]) and sig["name"]


def test_seed_002_starts_at_kinh_gui():
    r = check("002")
    assert r.doc_type == "cong_van"
    assert present(r) == ALL - {"banner", "issuer", "number", "place_date", "doc_type", "subject"}
    assert len(r.components["addressees"]["items"]) == 3
    assert sections(r) == ["1", "2", "3", "4", "5", "6"]
    assert len(r.components["recipients"]["items"]) == 4
    sig = r.components["signature"]
    assert (sig["authority"], sig["titles"], sig["name"]) == ("T/M", ["PHÓ BÍ THƯ THƯỜNG TRỰC"], None)
    assert "signature-name-missing" in {d.name for d in r.diagnostics}


def test_seed_003_chi_thi():
    r = check("003")
    assert r.doc_type == "chi_thi"
    assert present(r) == ALL - {"banner", "issuer", "number", "place_date", "addressees"}
    assert sections(r) == ["1", "2", "3", "4", "5"]
    assert len(r.components["recipients"]["items"]) == 5
    sig = r.components["signature"]
    assert (sig["authority"], sig["titles"], sig["name"]) == (
        "T/M",
        ["PHÓ BÍ THƯ THƯỜNG TRỰC"],
        "Mai Văn Huỳnh",
    )


def test_seed_004_starts_at_date_line():
    r = check("004")
    assert r.doc_type == "cong_van"
    assert present(r) == ALL - {"banner", "issuer", "number", "doc_type", "subject"}
    pd = r.components["place_date"]
    assert (pd["place"], pd["day"], pd["month"], pd["year"]) == ("Lai Châu", 28, 1, 2021)
    assert len(r.components["addressees"]["items"]) == 3
    assert sections(r) == ["1", "2", "3", "4", "5"]
    assert len(r.components["recipients"]["items"]) == 3
    sig = r.components["signature"]
    assert (sig["authority"], sig["titles"], sig["name"]) == ("T/M", ["PHÓ BÍ THƯ"], "Lê Văn Lương")


@pytest.mark.parametrize(
    "name,missing",
    [
        ("000", {"missing-banner", "missing-issuer", "missing-number", "missing-place-date"}),
        ("003", {"missing-banner", "missing-issuer", "missing-number", "missing-place-date"}),
    ],
)
def test_seeds_report_lost_header(name, missing):
    assert missing <= {d.name for d in check(name).diagnostics}
