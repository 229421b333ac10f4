"""What the issues and ../shared/design.md fix, written once for the tests that check it."""

# design.md: every component of the vocabulary is in the JSON output, null when absent
COMPONENTS = ["banner", "issuer", "number", "place_date", "doc_type", "subject", "addressees", "body",
              "signature", "recipients", "marks"]  # fmt: skip

# the Party types that need a schema and a conforming sample (issue 2)
PARTY_TYPES = {"cong_van", "thong_bao", "chi_thi", "nghi_quyet", "quyet_dinh", "ket_luan", "quy_dinh", "quy_che",
               "huong_dan", "thong_tri", "bao_cao", "ke_hoach", "chuong_trinh", "to_trinh"}  # fmt: skip

# the State types that need a conforming sample (issue 3)
STATE_TYPES = {"cong_van", "quyet_dinh", "nghi_quyet", "chi_thi", "thong_bao", "ke_hoach", "bao_cao", "to_trinh",
               "cong_dien", "giay_moi", "bien_ban", "giay_gioi_thieu"}  # fmt: skip
