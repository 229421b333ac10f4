"""The 2025 reform: linter.units (dated province data) and rules VB231/VB232 on real documents."""

import json
from datetime import date
from pathlib import Path

import pytest

from linter.lint import lint_bytes
from linter.result import Options
from linter.rules import RULES, merger
from linter.rules.base import PROFILES
from linter.units import DATA, district_level_end, district_mentions, lookup_place

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "corpus" / "valid" / "party-hd36"
REAL = next(
    (p for p in (ROOT / "corpus" / "real", ROOT.parent / "shared" / "corpus-real") if p.is_dir()), None
)
AFTER, BEFORE = date(2025, 9, 10), date(2024, 9, 10)

# standards.md §4, written out independently of units.json: new unit <- absorbed units
MERGED = {
    "Hải Phòng": ["Hải Dương"],
    "Đà Nẵng": ["Quảng Nam"],
    "Thành phố Hồ Chí Minh": ["Bình Dương", "Bà Rịa - Vũng Tàu"],
    "Cần Thơ": ["Sóc Trăng", "Hậu Giang"],
    "Tuyên Quang": ["Hà Giang"],
    "Lào Cai": ["Yên Bái"],
    "Thái Nguyên": ["Bắc Kạn"],
    "Phú Thọ": ["Vĩnh Phúc", "Hòa Bình"],
    "Bắc Ninh": ["Bắc Giang"],
    "Hưng Yên": ["Thái Bình"],
    "Ninh Bình": ["Hà Nam", "Nam Định"],
    "Quảng Trị": ["Quảng Bình"],
    "Quảng Ngãi": ["Kon Tum"],
    "Gia Lai": ["Bình Định"],
    "Khánh Hòa": ["Ninh Thuận"],
    "Lâm Đồng": ["Đắk Nông", "Bình Thuận"],
    "Đắk Lắk": ["Phú Yên"],
    "Đồng Nai": ["Bình Phước"],
    "Tây Ninh": ["Long An"],
    "Vĩnh Long": ["Bến Tre", "Trà Vinh"],
    "Đồng Tháp": ["Tiền Giang"],
    "Cà Mau": ["Bạc Liêu"],
    "An Giang": ["Kiên Giang"],
}
UNCHANGED = [
    "Hà Nội",
    "Huế",
    "Cao Bằng",
    "Điện Biên",
    "Hà Tĩnh",
    "Lai Châu",
    "Lạng Sơn",
    "Nghệ An",
    "Quảng Ninh",
    "Thanh Hóa",
    "Sơn La",
]
ABSORBED = [(old, new) for new, olds in MERGED.items() for old in olds]
CURRENT = UNCHANGED + list(MERGED)


def lint(text: str, **kw):
    return lint_bytes("t.txt", text.encode(), Options(today=date(2026, 11, 22), **kw))


def hits(text: str, **kw):
    return [d for d in lint(text, **kw).diagnostics if d.code in ("VB231", "VB232")]


# --- the data ------------------------------------------------------------------------------------


def test_data_file_counts_and_source():
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    assert raw["version"] == "2025-07-01" and "NQ 202/2025/QH15" in raw["source"]
    units = raw["provinces"]
    current = [u for u in units if u["valid_to"] is None]
    merged_2025 = [u for u in units if u["valid_to"] == "2025-06-30"]
    assert len(current) == 34 and len(merged_2025) == 29  # 63 units before 1/7/2025
    assert sum(u["kind"] == "thành phố" for u in current) == 6
    assert len({u["merged_into"] for u in merged_2025}) == 23  # 19 provinces and 4 cities formed by merger
    names = {u["name"] for u in current}
    assert names == set(CURRENT)
    assert all(u["merged_into"] in names for u in units if u.get("merged_into"))


def test_cutover_matches_the_data():
    assert district_level_end() == date(2025, 6, 30) and date(2025, 7, 1) == merger.CUTOVER


def test_absorbed_count_is_29():
    assert len(ABSORBED) == 29 and len(MERGED) == 23 and len(CURRENT) == 34


# --- lookup_place --------------------------------------------------------------------------------


@pytest.mark.parametrize("old,new", ABSORBED)
def test_absorbed_names_map_to_their_new_unit(old, new):
    for written in (old, f"Tỉnh {old}", old.upper()):
        st = lookup_place(written, AFTER)
        assert (st.kind, st.name, st.merged_into, st.since) == ("merged-province", old, new, date(2025, 7, 1))
    assert lookup_place(old, BEFORE).kind == "current-province"  # right before the merger
    assert lookup_place(old, date(2025, 6, 30)).kind == "current-province"
    assert lookup_place(old, date(2025, 7, 1)).kind == "merged-province"


@pytest.mark.parametrize("name", CURRENT)
def test_current_names(name):
    st = lookup_place(name, AFTER)
    assert (st.kind, st.name, st.merged_into) == ("current-province", name, None)


@pytest.mark.parametrize(
    "written,name",
    [
        ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TPHCM", "Thành phố Hồ Chí Minh"),
        ("Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Thành phố Hà Nội", "Hà Nội"),
        ("TP. Cần Thơ", "Cần Thơ"),
        ("Thành phố Huế", "Huế"),
        ("Đắk Lắk", "Đắk Lắk"),
        ("Đắc Lắk", "Đắk Lắk"),
        ("Daklak", "Đắk Lắk"),
        ("Đăk Lăk", "Đắk Lắk"),
        ("ĐẮK LẮK", "Đắk Lắk"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("thanh hoa", "Thanh Hóa"),
        ("Tỉnh  Nghệ   An", "Nghệ An"),
        ("Lai Châu,", "Lai Châu"),
    ],
)
def test_spelling_variants_of_current_units(written, name):
    st = lookup_place(written, AFTER)
    assert (st.kind, st.name) == ("current-province", name)


@pytest.mark.parametrize(
    "written,old,new",
    [
        ("Hoà Bình", "Hòa Bình", "Phú Thọ"),
        ("Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
        ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
        ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
        ("BR-VT", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
        ("Đắc Nông", "Đắk Nông", "Lâm Đồng"),
        ("Bắc Cạn", "Bắc Kạn", "Thái Nguyên"),
        ("Kontum", "Kon Tum", "Quảng Ngãi"),
    ],
)
def test_spelling_variants_of_absorbed_units(written, old, new):
    st = lookup_place(written, AFTER)
    assert (st.kind, st.name, st.merged_into) == ("merged-province", old, new)


def test_hue_became_a_city_on_1_1_2025():
    st = lookup_place("Thừa Thiên Huế", date(2025, 3, 1))
    assert (st.kind, st.merged_into, st.since, st.change) == (
        "merged-province",
        "Huế",
        date(2025, 1, 1),
        "became",
    )
    assert lookup_place("Thừa Thiên - Huế", date(2024, 12, 31)).kind == "current-province"
    assert lookup_place("Huế", date(2025, 1, 1)).kind == "current-province"
    # before 2025 "Thành phố Huế" was the city under Thừa Thiên Huế: district-level
    assert lookup_place("Thành phố Huế", date(2024, 5, 1)).kind == "district-level"


def test_older_merger_ha_tay():
    st = lookup_place("Hà Tây", date(2010, 1, 1))
    assert (st.kind, st.merged_into, st.since) == ("merged-province", "Hà Nội", date(2008, 8, 1))
    assert lookup_place("Hà Tây", date(2008, 7, 31)).kind == "current-province"


@pytest.mark.parametrize(
    "written,level,name",
    [
        ("Huyện Diễn Châu", "Huyện", "Diễn Châu"),
        ("huyện Diễn Châu", "huyện", "Diễn Châu"),
        ("Quận Ba Đình", "Quận", "Ba Đình"),
        ("Quận 1", "Quận", "1"),
        ("QUAN 1", "QUAN", "1"),
        ("Thị xã Sơn Tây", "Thị xã", "Sơn Tây"),
        ("TX. Sơn Tây", "TX", "Sơn Tây"),
        ("Thành phố Thủ Đức", "Thành phố", "Thủ Đức"),
        ("TP. Vinh", "TP", "Vinh"),
        ("TP Thủ Dầu Một", "TP", "Thủ Dầu Một"),
        ("Thành phố Bắc Giang", "Thành phố", "Bắc Giang"),  # the city under the province, not the province
        ("Thành phố Vĩnh Long", "Thành phố", "Vĩnh Long"),
    ],
)
def test_district_level(written, level, name):
    st = lookup_place(written, AFTER)
    assert (st.kind, st.level, st.name) == ("district-level", level, name)
    assert lookup_place(written, BEFORE).kind == "district-level"  # a kind; the rule judges the date


@pytest.mark.parametrize(
    "written",
    [
        "Hà Nội",
        "Thành phố Hà Nội",
        "TP. Hải Phòng",
        "Thành phố Đà Nẵng",
        "TP Cần Thơ",
        "Thành phố Huế",
        "Thành phố Hồ Chí Minh",
    ],
)
def test_province_level_cities_are_not_district_level(written):
    assert lookup_place(written, AFTER).kind == "current-province"


@pytest.mark.parametrize(
    "written",
    [
        "Xã Diễn Châu",
        "Phường Phú Thọ",
        "Phường Sài Gòn",
        "Đặc khu Phú Quốc",
        "ĐK Côn Đảo",
        "Thị trấn Diễn Châu",
    ],
)
def test_communes(written):
    assert lookup_place(written, AFTER).kind == "commune"


@pytest.mark.parametrize(
    "written",
    ["Diễn Châu", "Vinh", "Quân khu 7", "Sài Gòn", "", " , ", "Hà Nội Hà Nội", "Thành phố", "Huyện", "Paris"],
)
def test_unknown(written):
    assert lookup_place(written, AFTER).kind == "unknown"


@pytest.mark.parametrize(
    "text,unit",
    [
        ("ĐẢNG BỘ TỈNH NGHỆ AN\nHUYỆN ỦY DIỄN CHÂU", "HUYỆN ỦY DIỄN CHÂU"),
        ("HUYỆN UỶ\nDIỄN CHÂU", "HUYỆN UỶ DIỄN CHÂU"),
        ("ỦY BAN NHÂN DÂN\nHUYỆN DIỄN CHÂU", "HUYỆN DIỄN CHÂU"),
        ("UBND QUẬN BA ĐÌNH\nPHÒNG TÀI CHÍNH - KẾ HOẠCH", "QUẬN BA ĐÌNH"),
        ("QUẬN ỦY HOÀN KIẾM", "QUẬN ỦY HOÀN KIẾM"),
        ("THỊ ỦY SƠN TÂY", "THỊ ỦY SƠN TÂY"),
        ("UBND THỊ XÃ SƠN TÂY", "THỊ XÃ SƠN TÂY"),
        ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ VINH", "THÀNH PHỐ VINH"),
        ("ĐẢNG BỘ TỈNH NGHỆ AN\nTHÀNH ỦY VINH", "THÀNH ỦY VINH"),
        ("UBND TP THỦ ĐỨC", "TP THỦ ĐỨC"),
        ("THÀNH ỦY\nTHÀNH PHỐ VINH", "THÀNH ỦY THÀNH PHỐ VINH"),
    ],
)
def test_district_level_issuers(text, unit):
    assert [m.unit for m in district_mentions(text, AFTER)] == [unit]


@pytest.mark.parametrize(
    "text",
    [
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI",
        "THÀNH ỦY HÀ NỘI\nBAN TUYÊN GIÁO",
        "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH",
        "UBND TP. HỒ CHÍ MINH",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ\nCHÍ MINH",
        "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ",
        "QUÂN ỦY TRUNG ƯƠNG",
        "BỘ TƯ LỆNH QUÂN KHU 7",
        "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH",
        "BAN CHỈ ĐẠO CẤP HUYỆN",
        "ĐẢNG ỦY XÃ DIỄN CHÂU",
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN",
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ",
        "UBND CÁC TỈNH, THÀNH PHỐ",
    ],
)
def test_not_district_level_issuers(text):
    assert district_mentions(text, AFTER) == []


# --- the rules on real documents ------------------------------------------------------------------


def _cong_van(place_date: str) -> str:
    text = (VALID / "cong_van.txt").read_text(encoding="utf-8")
    assert "Quảng Bình, ngày 14 tháng 9 năm 2022" in text
    return text.replace("Quảng Bình, ngày 14 tháng 9 năm 2022", place_date)


def test_rules_are_declared_for_all_profiles():
    for code in ("VB231", "VB232"):
        r = RULES[code]
        assert r.severity == "warning" and r.profiles == frozenset(PROFILES)
        assert "NQ 202/2025/QH15" in r.citation and "Điều 110" in r.citation


def test_merged_province_after_the_merger():
    [d] = hits(_cong_van("Kiên Giang, ngày 10 tháng 9 năm 2025"))
    assert (d.code, d.name, d.severity) == ("VB231", "place-merged-province", "warning")
    assert d.message.startswith("Kiên Giang đã hợp nhất vào An Giang từ 01/7/2025")
    assert (d.span.line, d.span.column, d.span.end_column) == (2, 1, 11)
    assert (d.fix.applicability, d.fix.replacement) == ("unsafe", "An Giang")


def test_merged_province_message_in_english():
    [d] = hits(_cong_van("Bà Rịa - Vũng Tàu, ngày 10 tháng 9 năm 2025"), lang="en")
    assert d.message.startswith("Bà Rịa - Vũng Tàu was merged into Thành phố Hồ Chí Minh on 2025-07-01")


def test_old_names_are_right_before_the_merger():
    assert hits(_cong_van("Kiên Giang, ngày 10 tháng 9 năm 2024")) == []
    assert hits(_cong_van("Kiên Giang, ngày 30 tháng 6 năm 2025")) == []
    assert [d.code for d in hits(_cong_van("Kiên Giang, ngày 01 tháng 7 năm 2025"))] == ["VB231"]
    assert hits(_cong_van("Quảng Bình, ngày 14 tháng 9 năm 2022")) == []  # the document as it is


def test_unchanged_and_new_names_pass():
    for place in ("Lai Châu", "An Giang", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "Huế", "Xã Diễn Châu"):
        assert hits(_cong_van(f"{place}, ngày 10 tháng 9 năm 2025")) == [], place


def test_the_original_party_document_passes_in_its_own_year():
    assert hits(_cong_van("Quảng Bình, ngày 14 tháng 9 năm 2022")) == []
    assert [d.code for d in hits(_cong_van("Quảng Bình, ngày 14 tháng 9 năm 2026"))] == ["VB231"]


@pytest.mark.parametrize("profile", PROFILES)
def test_every_profile(profile):
    assert [d.code for d in hits(_cong_van("Hải Dương, ngày 10 tháng 9 năm 2025"), profile=profile)] == [
        "VB231"
    ]


def test_hue_renamed():
    [d] = hits(_cong_van("Thừa Thiên Huế, ngày 10 tháng 9 năm 2025"))
    assert d.message.startswith("Thừa Thiên Huế đã trở thành Huế từ 01/01/2025")


def test_cutover_is_a_setting(monkeypatch):
    text = _cong_van("Kiên Giang, ngày 10 tháng 9 năm 2025")
    monkeypatch.setattr(merger, "CUTOVER", date(2026, 1, 1))
    assert hits(text) == []


def test_district_level_place():
    [d] = hits(_cong_van("Huyện Diễn Châu, ngày 10 tháng 9 năm 2025"))
    assert (d.code, d.name, d.span.line, d.span.end_column) == ("VB232", "place-district-level", 2, 16)
    assert "Huyện Diễn Châu" in d.message and "01/7/2025" in d.message
    assert hits(_cong_van("Huyện Diễn Châu, ngày 10 tháng 9 năm 2024")) == []
    assert [d.code for d in hits(_cong_van("Thành phố Thủ Đức, ngày 10 tháng 9 năm 2025"))] == ["VB232"]


def test_district_level_party_issuer():
    text = (VALID / "nghi_quyet.txt").read_text(encoding="utf-8")
    assert "HUYỆN ỦY DIỄN CHÂU" in text and "Diễn Châu, ngày 15 tháng 01 năm 2022" in text
    assert hits(text) == []  # 2022: right as it is
    [d] = hits(text.replace("ngày 15 tháng 01 năm 2022", "ngày 15 tháng 9 năm 2025"))
    assert d.code == "VB232" and '"HUYỆN ỦY DIỄN CHÂU"' in d.message
    line = text.splitlines()[d.span.line - 1]
    assert line[d.span.column - 1 : d.span.end_column - 1] == "HUYỆN ỦY DIỄN CHÂU"


def _real(name: str) -> str:
    if REAL is None or not (REAL / name).exists():
        pytest.skip("corpus-real is not here")
    return (REAL / name).read_text(encoding="utf-8")


def test_state_document_merged_province():
    text = _real("073_qd-2015-QD-UBND-angiang.txt")
    date_line = "An Giang, ngày 18\ntháng 11 năm 2025"
    assert date_line in text and hits(text) == []
    changed = text.replace(date_line, "Kiên Giang, ngày 18\ntháng 11 năm 2025")
    [d] = hits(changed)
    assert d.code == "VB231" and "An Giang" in d.message
    assert hits(text.replace(date_line, "Kiên Giang, ngày 18\ntháng 11 năm 2024")) == []


def test_state_document_district_level():
    text = _real("073_qd-2015-QD-UBND-angiang.txt")
    text = text.replace("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG", "ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH", 1)
    text = text.replace("An Giang, ngày 18\n", "Huyện Châu Thành, ngày 18\n", 1)
    lines = text.splitlines()
    found = sorted(
        (d.code, lines[d.span.line - 1][d.span.column - 1 : d.span.end_column - 1]) for d in hits(text)
    )
    assert found == [("VB232", "HUYỆN CHÂU THÀNH"), ("VB232", "Huyện Châu Thành")]


def test_state_document_lai_chau_passes():
    text = _real("029_kh-7360-KH-UBND-laichau.txt")
    assert hits(text) == []


def test_real_documents_after_the_merger_raise_nothing():
    if REAL is None:
        pytest.skip("corpus-real is not here")
    dated_after = 0
    for path in sorted(REAL.glob("*.txt")):
        r = lint_bytes(path.name, path.read_bytes(), Options(today=date(2026, 11, 22)))
        pd = r.components.get("place_date") or {}
        if pd.get("year") and pd["year"] >= 2025 and (pd.get("month") or 0) >= 7:
            dated_after += 1
        assert [d for d in r.diagnostics if d.code in ("VB231", "VB232")] == [], path.name
    assert dated_after >= 60


def test_repo_corpus_raises_them_only_where_named():
    for path in sorted((ROOT / "corpus").glob("*/**/*.txt")):
        if path.parent.name == "real":
            continue
        r = lint_bytes(path.name, path.read_bytes(), Options(today=date(2026, 11, 22)))
        got = {d.name for d in r.diagnostics if d.code in ("VB231", "VB232")}
        named = path.name.split("--")[0]
        assert got == ({named} if named in ("place-merged-province", "place-district-level") else set()), path
