"""Codes and names the rules compare against: type codes per regime, Vietnamese type names."""

# Party type codes (HD 36 / HD 05, standards.md §3.4). "QĐi" was the quy định code until
# CV 3294-CV/VPTW/nb of 11/3/2019.
PARTY_TYPE_CODES = {
    "NQ": {"nghi_quyet"}, "QĐ": {"quyet_dinh", "quy_dinh"}, "QĐi": {"quy_dinh"}, "CT": {"chi_thi"},
    "CTr": {"chuong_trinh"}, "TT": {"thong_tri"}, "TTr": {"to_trinh"}, "KL": {"ket_luan"},
    "QC": {"quy_che"}, "BC": {"bao_cao"}, "TB": {"thong_bao"}, "HD": {"huong_dan"},
    "KH": {"ke_hoach"}, "CV": {"cong_van"}, "BB": {"bien_ban"}, "ĐA": {"de_an"}, "PA": {"phuong_an"},
    "DA": {"du_an"}, "QHo": {"quy_hoach"}, "TC": {"thong_cao"}, "TBo": {"tuyen_bo"},
    "GM": {"giay_moi"}, "GGT": {"giay_gioi_thieu"}, "GCN": {"giay_chung_nhan"}, "BS": set(),
    "LKG": {"loi_keu_goi"}, "CL": {"chien_luoc"}, "GNP": {"giay_nghi_phep"},
}
QDI_CUTOFF = (2019, 3, 11)

# Types of the Party system (QĐ 66 / QĐ 399).
PARTY_TYPES = {
    "cuong_linh", "dieu_le", "chien_luoc", "nghi_quyet", "quyet_dinh", "chi_thi", "ket_luan", "quy_che",
    "quy_dinh", "thong_tri", "huong_dan", "thong_bao", "thong_cao", "tuyen_bo", "loi_keu_goi", "bao_cao",
    "ke_hoach", "quy_hoach", "chuong_trinh", "de_an", "phuong_an", "du_an", "to_trinh", "cong_van",
    "bien_ban", "giay_gioi_thieu", "giay_chung_nhan", "giay_di_duong", "giay_nghi_phep", "giay_moi",
    "phieu_chuyen", "phieu_gui", "thu_cong",
}

TYPE_VI = {
    "cong_van": "công văn", "thong_bao": "thông báo", "chi_thi": "chỉ thị", "nghi_quyet": "nghị quyết",
    "quyet_dinh": "quyết định", "ket_luan": "kết luận", "quy_dinh": "quy định", "quy_che": "quy chế",
    "huong_dan": "hướng dẫn", "thong_tri": "thông tri", "bao_cao": "báo cáo", "ke_hoach": "kế hoạch",
    "chuong_trinh": "chương trình", "to_trinh": "tờ trình", "nghi_dinh": "nghị định", "thong_tu": "thông tư",
    "luat": "luật", "cong_dien": "công điện", "giay_moi": "giấy mời", "bien_ban": "biên bản",
    "giay_gioi_thieu": "giấy giới thiệu", "de_an": "đề án", "phuong_an": "phương án",
}


def type_vi(slug: str | None) -> str:
    return TYPE_VI.get(slug or "", (slug or "văn bản chưa rõ loại").replace("_", " "))
