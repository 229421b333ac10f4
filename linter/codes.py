"""Codes and names the rules compare against: type codes per regime, Vietnamese type names, and
the day the Party's rules changed."""

import re
from datetime import date

# Party documents dated from this day follow HD 05-HD/VPTW (party-hd05), earlier ones HD 36.
PARTY_HD05_FROM = date(2026, 5, 27)

# Party type codes (HD 36 / HD 05, standards.md §3.4). "QĐi" was the quy định code until
# CV 3294-CV/VPTW/nb of 11/3/2019.
PARTY_TYPE_CODES = {
    "NQ": {"nghi_quyet"},
    "QĐ": {"quyet_dinh", "quy_dinh"},
    "QĐi": {"quy_dinh"},
    "CT": {"chi_thi"},
    "CTr": {"chuong_trinh"},
    "TT": {"thong_tri"},
    "TTr": {"to_trinh"},
    "KL": {"ket_luan"},
    "QC": {"quy_che"},
    "BC": {"bao_cao"},
    "TB": {"thong_bao"},
    "HD": {"huong_dan"},
    "KH": {"ke_hoach"},
    "CV": {"cong_van"},
    "BB": {"bien_ban"},
    "ĐA": {"de_an"},
    "PA": {"phuong_an"},
    "DA": {"du_an"},
    "QHo": {"quy_hoach"},
    "TC": {"thong_cao"},
    "TBo": {"tuyen_bo"},
    "GM": {"giay_moi"},
    "GGT": {"giay_gioi_thieu"},
    "GCN": {"giay_chung_nhan"},
    "BS": set(),
    "LKG": {"loi_keu_goi"},
    "CL": {"chien_luoc"},
    "GNP": {"giay_nghi_phep"},
}
QDI_CUTOFF = (2019, 3, 11)

# Types of the Party system (QĐ 66 / QĐ 399).
PARTY_TYPES = {
    "cuong_linh",
    "dieu_le",
    "chien_luoc",
    "nghi_quyet",
    "quyet_dinh",
    "chi_thi",
    "ket_luan",
    "quy_che",
    "quy_dinh",
    "thong_tri",
    "huong_dan",
    "thong_bao",
    "thong_cao",
    "tuyen_bo",
    "loi_keu_goi",
    "bao_cao",
    "ke_hoach",
    "quy_hoach",
    "chuong_trinh",
    "de_an",
    "phuong_an",
    "du_an",
    "to_trinh",
    "cong_van",
    "bien_ban",
    "giay_gioi_thieu",
    "giay_chung_nhan",
    "giay_di_duong",
    "giay_nghi_phep",
    "giay_moi",
    "phieu_chuyen",
    "phieu_gui",
    "thu_cong",
}

TYPE_VI = {
    "cong_van": "công văn",
    "thong_bao": "thông báo",
    "chi_thi": "chỉ thị",
    "nghi_quyet": "nghị quyết",
    "quyet_dinh": "quyết định",
    "ket_luan": "kết luận",
    "quy_dinh": "quy định",
    "quy_che": "quy chế",
    "huong_dan": "hướng dẫn",
    "thong_tri": "thông tri",
    "bao_cao": "báo cáo",
    "ke_hoach": "kế hoạch",
    "chuong_trinh": "chương trình",
    "to_trinh": "tờ trình",
    "nghi_dinh": "nghị định",
    "thong_tu": "thông tư",
    "luat": "luật",
    "cong_dien": "công điện",
    "giay_moi": "giấy mời",
    "bien_ban": "biên bản",
    "giay_gioi_thieu": "giấy giới thiệu",
    "de_an": "đề án",
    "phuong_an": "phương án",
}


def type_vi(slug: str | None) -> str:
    return TYPE_VI.get(slug or "", (slug or "văn bản chưa rõ loại").replace("_", " "))


# State type codes, NĐ 30/2020 Phụ lục III (27 types; a công văn has none) and copy codes.
STATE_TYPE_CODES = {
    "NQ": "nghi_quyet",
    "QĐ": "quyet_dinh",
    "CT": "chi_thi",
    "QC": "quy_che",
    "QyĐ": "quy_dinh",
    "TC": "thong_cao",
    "TB": "thong_bao",
    "HD": "huong_dan",
    "CTr": "chuong_trinh",
    "KH": "ke_hoach",
    "PA": "phuong_an",
    "ĐA": "de_an",
    "DA": "du_an",
    "BC": "bao_cao",
    "BB": "bien_ban",
    "TTr": "to_trinh",
    "HĐ": "hop_dong",
    "CĐ": "cong_dien",
    "BGN": "ban_ghi_nho",
    "BTT": "ban_thoa_thuan",
    "GUQ": "giay_uy_quyen",
    "GM": "giay_moi",
    "GGT": "giay_gioi_thieu",
    "GNP": "giay_nghi_phep",
    "PG": "phieu_gui",
    "PC": "phieu_chuyen",
    "PB": "phieu_bao",
}
COPY_CODES = {"SY": "sao_y", "TrS": "trich_sao", "SL": "sao_luc"}
# Legal normative documents: their own law (Luật Ban hành VBQPPL), not NĐ 30.
LEGAL_TYPES = {"nghi_dinh", "thong_tu", "thong_tu_lien_tich", "luat", "phap_lenh", "van_ban_hop_nhat"}
LEGAL_CODES = {"NĐ", "TT", "TTLT", "VBHN", "L", "PL", "QH", "QH15", "UBTVQH15"}
# every type a legal normative document can have (Luật 64/2025 Điều 4; standards-vbqppl §2)
NORMATIVE_TYPES = LEGAL_TYPES | {"nghi_quyet", "quyet_dinh", "lenh"}
# the type codes only legal normative documents have (standards-vbqppl §3)
LEGAL_TYPE_CODES = {"NĐ": "nghi_dinh", "TT": "thong_tu", "TTLT": "thong_tu_lien_tich"}

# Luật, Pháp lệnh, Lệnh and the resolutions of the Quốc hội and its Standing Committee (profile.assembly)
ASSEMBLY_TYPES = {"luat", "phap_lenh", "lenh"}
_ASSEMBLY_SYMBOL = re.compile(r"(?:NQ-)?(?:UBTV)?QH\d+")


def consolidated_symbol(symbol: str | None) -> bool:
    """A consolidated text's number: "07/VBHN-BXD", "68/2026/VBHN-NĐ-BCT"."""
    return "VBHN" in (symbol or "").split("-")


def assembly(doc_type: str | None, symbol: str | None) -> bool:
    return doc_type in ASSEMBLY_TYPES or bool(_ASSEMBLY_SYMBOL.match(symbol or ""))


def assembly_resolution(symbol: str | None) -> bool:
    """A normative resolution of the Quốc hội or its Standing Committee ("QH15", "UBTVQH15": the
    symbol is the body and its term), not an administrative one ("NQ-UBTVQH15")."""
    return bool(_ASSEMBLY_SYMBOL.fullmatch(symbol or "")) and not (symbol or "").startswith("NQ-")


# Điều 7: the 29 administrative types, and công văn.
STATE_TYPES = set(STATE_TYPE_CODES.values()) | {"cong_van", "thu_cong"}
# Party issuer codes that ceased with the 2025 reorganisation (standards.md §3.5, §4).
OBSOLETE_PARTY_ISSUERS = {
    "HU": "huyện ủy",
    "QU": "quận ủy",
    "TXU": "thị xã ủy",
    "TPU": "thành phố ủy (cấp huyện)",
    "BTGTU": "Ban Tuyên giáo (nay BTGDVTU)",
    "BDVTU": "Ban Dân vận (nay BTGDVTU)",
    "ĐUK": "đảng ủy khối",
}
REORG_FROM = (2025, 7, 1)
TYPE_VI.update(
    {
        "cong_dien": "công điện",
        "giay_moi": "giấy mời",
        "bien_ban": "biên bản",
        "giay_gioi_thieu": "giấy giới thiệu",
        "thong_cao": "thông cáo",
        "hop_dong": "hợp đồng",
        "giay_nghi_phep": "giấy nghỉ phép",
        "giay_uy_quyen": "giấy ủy quyền",
        "du_an": "dự án",
        "van_ban_hop_nhat": "văn bản hợp nhất",
    }
)

# Regime evidence beyond the banner, number and authority prefix (folded, as line starts): titles
# only one regime's signers hold, and issuing bodies of one system. Titles held in both (Chánh Văn
# phòng, Trưởng ban, Chủ nhiệm) and names both use (Văn phòng, Ban …) decide nothing.
PARTY_TITLES = ("bi thu", "pho bi thu", "tong bi thu")
STATE_TITLES = (
    "chu tich",
    "pho chu tich",
    "bo truong",
    "thu truong",
    "thu tuong",
    "pho thu tuong",
    "giam doc",
    "pho giam doc",
    "cuc truong",
    "pho cuc truong",
    "vu truong",
    "pho vu truong",
    "tong cuc truong",
    "pho tong cuc truong",
)
# The words a signature block is written in, as the regulations spell them: signers' titles and the
# bodies an authority line signs for. OCR drops or swaps their marks ("THỨ TRƯỚNG", "ỦY BẠN
# THƯỜNG VỤ"); the folded forms are unique, so a line that folds to one is read with its marks
# (patterns.restore_marks). (Place names and the rest of a body are not listed: never restored.)
SIGNATURE_WORDS = (
    "BÍ THƯ", "PHÓ BÍ THƯ", "TỔNG BÍ THƯ", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỊCH NƯỚC",
    "PHÓ CHỦ TỊCH NƯỚC", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "PHÓ TỔNG GIÁM ĐỐC", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG",
    "VỤ TRƯỞNG", "PHÓ VỤ TRƯỞNG", "TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG", "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "CHỦ NHIỆM", "PHÓ CHỦ NHIỆM",
    "CHÁNH ÁN", "PHÓ CHÁNH ÁN", "VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG",
    "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA", "TỔNG KIỂM TOÁN",
    "THỐNG ĐỐC", "PHÓ THỐNG ĐỐC", "TỔNG THƯ KÝ",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "CHÍNH PHỦ", "QUỐC HỘI",
    "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "BAN BÍ THƯ", "BỘ CHÍNH TRỊ", "ĐẢNG ỦY", "TỈNH ỦY",
    "THÀNH ỦY", "HUYỆN ỦY", "ỦY BAN KIỂM TRA", "THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "ĐOÀN CHỦ TỊCH",
)  # fmt: skip

PARTY_ISSUERS = (
    "tinh uy",
    "thanh uy",
    "huyen uy",
    "quan uy",
    "thi uy",
    "dang uy",
    "dang bo",
    "chi bo",
    "ban chap hanh trung uong",
    "ban chap hanh dang bo",
    "van phong trung uong dang",
)
STATE_ISSUERS = (
    "uy ban nhan dan",
    "ubnd",
    "chinh phu",
    "bo ",
    "so ",
    "van phong chinh phu",
    "tong cuc",
    "cuc ",
)
