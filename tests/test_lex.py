"""Lexing and zone decisions (linter/lex.py): the token type each line gets in its context.

Each case is a small document or a fragment, run through normalize and layout as the linter runs
it, and the tokens written by hand: which zone (header, title, addressees, body, closing) a line
falls in decides what an upper-case line, a "Số …", a dash item or a name is."""

import pytest

from linter.layout import layout
from linter.lex import lex
from linter.normalize import normalize


def tokens(text: str) -> list[tuple[str, str]]:
    return [(t.type, t.text) for t in lex(layout(normalize(text)))]


PARTY_HEADER = """TỈNH ỦY QUẢNG NINH
ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 400-TB/TU
Quảng Ninh, ngày 26 tháng 10 năm 2021

THÔNG BÁO
kết luận của Ban Thường vụ Tỉnh ủy
-----

Ngày 20/10/2021, Ban Thường vụ Tỉnh ủy họp và kết luận như sau:
1. Tiếp tục thực hiện tốt công tác phòng, chống dịch bệnh.
"""

CASES = {
    "a Party header, type name, summary and body": (
        PARTY_HEADER,
        [
            ("ISSUER", "TỈNH ỦY QUẢNG NINH"),
            ("BANNER", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("STAR", "*"),
            ("NUMBER", "Số 400-TB/TU"),
            ("PLACE_DATE", "Quảng Ninh, ngày 26 tháng 10 năm 2021"),
            ("DOC_TYPE", "THÔNG BÁO"),
            ("SUBJECT", "kết luận của Ban Thường vụ Tỉnh ủy"),
            ("RULE", "-----"),
            ("PARA", "Ngày 20/10/2021, Ban Thường vụ Tỉnh ủy họp và kết luận như sau:"),
            ("SECTION", "1. Tiếp tục thực hiện tốt công tác phòng, chống dịch bệnh."),
        ],
    ),
    "a State công văn an e-signature tool will number and date": (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số:      /UBND-VP\nV/v triển khai công tác chuyển đổi số\n\nLâm Đồng, ngày    tháng 01 năm 2025\n\n"
        "Kính gửi: Các sở, ban, ngành tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị các đơn vị triển khai thực hiện.\n",
        [
            ("ISSUER", "ỦY BAN NHÂN DÂN"),
            ("ISSUER", "TỈNH LÂM ĐỒNG"),
            ("QUOC_HIEU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("TIEU_NGU", "Độc lập - Tự do - Hạnh phúc"),
            ("NUMBER", "Số:      /UBND-VP"),  # the gap is the blank number, not two columns
            ("VV", "V/v triển khai công tác chuyển đổi số"),
            ("PLACE_DATE", "Lâm Đồng, ngày    tháng 01 năm 2025"),
            ("KINH_GUI", "Kính gửi: Các sở, ban, ngành tỉnh."),
            ("PARA", "Ủy ban nhân dân tỉnh đề nghị các đơn vị triển khai thực hiện."),
        ],
    ),
    "two header columns on one row each": (
        "ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG    Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1527/QĐ-UBND    Lâm Đồng, ngày 09 tháng 9 năm 2025\n",
        [
            ("ISSUER", "ỦY BAN NHÂN DÂN"),
            ("ISSUER", "TỈNH LÂM ĐỒNG"),  # the issuer's second row back under its first
            ("QUOC_HIEU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("TIEU_NGU", "Độc lập - Tự do - Hạnh phúc"),
            ("NUMBER", "Số: 1527/QĐ-UBND"),
            ("PLACE_DATE", "Lâm Đồng, ngày 09 tháng 9 năm 2025"),
        ],
    ),
    "a received-copy stamp and a mark above the header": (
        "CÔNG VĂN ĐẾN\nSố: 123\nNgày: 15/01/2025\nKHẨN\nTỈNH ỦY QUẢNG NINH\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Số 400-TB/TU\nQuảng Ninh, ngày 26 tháng 10 năm 2021\n",
        [
            ("STAMP", "CÔNG VĂN ĐẾN"),  # a type name's words, but the stamp's
            ("STAMP", "Số: 123"),  # the stamp's own number, not the document's
            ("STAMP", "Ngày: 15/01/2025"),
            ("MARK", "KHẨN"),
            ("ISSUER", "TỈNH ỦY QUẢNG NINH"),
            ("BANNER", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("NUMBER", "Số 400-TB/TU"),
            ("PLACE_DATE", "Quảng Ninh, ngày 26 tháng 10 năm 2021"),
        ],
    ),
    "a header OCR read in lower case": (
        "đảng cộng sản việt nam\nTỈNH ỦY QUẢNG NINH\n*\nSố 400-TB/TU\nQuảng Ninh, ngày 26 tháng 10 năm 2021\n\n"
        "thông báo\nkết luận của Ban Thường vụ\n-----\n",
        [
            ("BANNER", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("ISSUER", "TỈNH ỦY QUẢNG NINH"),
            ("STAR", "*"),
            ("NUMBER", "Số 400-TB/TU"),
            ("PLACE_DATE", "Quảng Ninh, ngày 26 tháng 10 năm 2021"),
            ("DOC_TYPE", "THÔNG BÁO"),
            ("SUBJECT", "kết luận của Ban Thường vụ"),
            ("RULE", "-----"),
        ],
    ),
    "a Party công văn: the summary under the number, the addressees": (
        "TỈNH ỦY QUẢNG NINH\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 1286-CV/TU\nvề việc triển khai công tác\n"
        "phòng, chống thiên tai\nQuảng Ninh, ngày 26 tháng 10 năm 2021\n\nKính gửi:\n- Các sở, ban, ngành;\n"
        "- Các huyện ủy, thành ủy.\n\nBan Thường vụ Tỉnh ủy đề nghị các đơn vị thực hiện.\n",
        [
            ("ISSUER", "TỈNH ỦY QUẢNG NINH"),
            ("BANNER", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("STAR", "*"),
            ("NUMBER", "Số 1286-CV/TU"),
            ("VV", "về việc triển khai công tác"),
            ("SUBJECT", "phòng, chống thiên tai"),  # the summary wrapped
            ("PLACE_DATE", "Quảng Ninh, ngày 26 tháng 10 năm 2021"),
            ("KINH_GUI", "Kính gửi:"),
            ("ADDRESSEE", "- Các sở, ban, ngành;"),  # dash items: addressees here, not body items
            ("ADDRESSEE", "- Các huyện ủy, thành ủy."),
            ("PARA", "Ban Thường vụ Tỉnh ủy đề nghị các đơn vị thực hiện."),
        ],
    ),
    "the type name lost: the summary still read as one": (
        "TỈNH ỦY QUẢNG NINH\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 427-TB/TU\nQuảng Ninh, ngày 28 tháng 8 năm 2023\n\n"
        "về kết luận của Ban Thường vụ Tỉnh ủy\n-----\n\nNgày 20/8/2023, Ban Thường vụ Tỉnh ủy họp.\n",
        [
            ("ISSUER", "TỈNH ỦY QUẢNG NINH"),
            ("BANNER", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("STAR", "*"),
            ("NUMBER", "Số 427-TB/TU"),
            ("PLACE_DATE", "Quảng Ninh, ngày 28 tháng 8 năm 2023"),
            ("SUBJECT", "về kết luận của Ban Thường vụ Tỉnh ủy"),
            ("RULE", "-----"),
            ("PARA", "Ngày 20/8/2023, Ban Thường vụ Tỉnh ủy họp."),
        ],
    ),
    "one upper-case line, three zones: issuer, summary, signer's body": (
        "BAN CHỈ ĐẠO\n*\nSố 12-KH/BCĐ\nHà Nội, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nTRIỂN KHAI CÔNG TÁC NĂM 2024\n"
        "-----\n\nI. MỤC ĐÍCH\nBan Chỉ đạo triển khai công tác năm 2024 theo kế hoạch.\n\nT/M BAN CHỈ ĐẠO\n"
        "TRƯỞNG BAN\n\nNguyễn Văn An\n",
        [
            ("ISSUER", "BAN CHỈ ĐẠO"),
            ("STAR", "*"),
            ("NUMBER", "Số 12-KH/BCĐ"),
            ("PLACE_DATE", "Hà Nội, ngày 05 tháng 3 năm 2024"),
            ("DOC_TYPE", "KẾ HOẠCH"),
            ("SUBJECT", "TRIỂN KHAI CÔNG TÁC NĂM 2024"),
            ("RULE", "-----"),
            ("SECTION", "I. MỤC ĐÍCH"),
            ("PARA", "Ban Chỉ đạo triển khai công tác năm 2024 theo kế hoạch."),
            ("AUTHORITY", "T/M BAN CHỈ ĐẠO"),
            ("SIGNER_TITLE", "TRƯỞNG BAN"),
            ("SIGNER_NAME", "Nguyễn Văn An"),
        ],
    ),
    "capitals in the body are body text": (
        "KẾ HOẠCH\nTriển khai công tác năm 2024\n-----\n\nI. MỤC ĐÍCH\nNội dung mục đích của kế hoạch năm 2024.\n"
        "BAN CHỈ ĐẠO\nNội dung thực hiện của các đơn vị trong tỉnh.\n",
        [
            ("DOC_TYPE", "KẾ HOẠCH"),
            ("SUBJECT", "Triển khai công tác năm 2024"),
            ("RULE", "-----"),
            ("SECTION", "I. MỤC ĐÍCH"),
            ("PARA", "Nội dung mục đích của kế hoạch năm 2024."),
            ("PARA", "BAN CHỈ ĐẠO"),
            ("PARA", "Nội dung thực hiện của các đơn vị trong tỉnh."),
        ],
    ),
    "a body's bases, enacting line, articles, points and items": (
        "NGHỊ QUYẾT\nVề việc thông qua kế hoạch\n\nCăn cứ Luật Hải quan ngày 23/6/2014;\n\nQUYẾT NGHỊ:\n\n"
        "Điều 1. Thông qua kế hoạch.\n1. Ông Nguyễn Văn An, Tổ trưởng;\na) Hướng dẫn các xã;\n- Theo dõi, đánh giá.\n",
        [
            ("DOC_TYPE", "NGHỊ QUYẾT"),
            ("SUBJECT", "Về việc thông qua kế hoạch"),
            ("PARA", "Căn cứ Luật Hải quan ngày 23/6/2014;"),  # a date it names: not a date line
            ("ENACT", "QUYẾT NGHỊ:"),
            ("SECTION", "Điều 1. Thông qua kế hoạch."),
            ("SECTION", "1. Ông Nguyễn Văn An, Tổ trưởng;"),
            ("SECTION", "a) Hướng dẫn các xã;"),
            ("ITEM", "- Theo dõi, đánh giá."),
        ],
    ),
    "a Party closing": (
        "Nội dung thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n",
        [
            ("PARA", "Nội dung thực hiện./."),
            ("NOI_NHAN", "Nơi nhận:"),
            ("RECIPIENT", "- Như trên;"),
            ("RECIPIENT", "- Lưu: VT."),
            ("AUTHORITY", "T/M BAN THƯỜNG VỤ"),
            ("SIGNER_TITLE", "PHÓ BÍ THƯ"),
            ("SIGNER_NAME", "Nguyễn Văn An"),
        ],
    ),
    "a closing through OCR damage: the label, the Lưu line": (
        "Nội dung thực hiện./.\n\nKơi nhận:\n- Như trên;\n- Lưa VPTU.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n",
        [
            ("PARA", "Nội dung thực hiện./."),
            ("NOI_NHAN", "Kơi nhận:"),
            ("RECIPIENT", "- Như trên;"),
            ("RECIPIENT", "- Lưa VPTU."),
            ("AUTHORITY", "T/M BAN THƯỜNG VỤ"),
            ("SIGNER_TITLE", "PHÓ BÍ THƯ"),
            ("SIGNER_NAME", "Nguyễn Văn An"),
        ],
    ),
    "a Lưu line with another bullet": (
        "Nội dung thực hiện./.\n\nNơi nhận:\n- Như trên;\n+ Lưu VT.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n",
        [
            ("PARA", "Nội dung thực hiện./."),
            ("NOI_NHAN", "Nơi nhận:"),
            ("RECIPIENT", "- Như trên;"),
            ("RECIPIENT", "+ Lưu VT."),
            ("AUTHORITY", "T/M BAN THƯỜNG VỤ"),
            ("SIGNER_TITLE", "PHÓ BÍ THƯ"),
            ("SIGNER_NAME", "Nguyễn Văn An"),
        ],
    ),
    "a State closing: deputy signing, '(Đã ký)'": (
        "Nội dung thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, VX.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\n"
        "Nguyễn Văn An\n",
        [
            ("PARA", "Nội dung thực hiện./."),
            ("NOI_NHAN", "Nơi nhận:"),
            ("RECIPIENT", "- Như trên;"),
            ("RECIPIENT", "- Lưu: VT, VX."),
            ("AUTHORITY", "KT. BỘ TRƯỞNG"),
            ("SIGNER_TITLE", "THỨ TRƯỞNG"),
            ("SIGNED", "(Đã ký)"),
            ("SIGNER_NAME", "Nguyễn Văn An"),
        ],
    ),
    "an authority OCR read in lower case": (
        "Nội dung thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\ntm. ủy ban nhân dân\nCHỦ TỊCH\n\n"
        "Nguyễn Văn An\n",
        [
            ("PARA", "Nội dung thực hiện./."),
            ("NOI_NHAN", "Nơi nhận:"),
            ("RECIPIENT", "- Như trên;"),
            ("RECIPIENT", "- Lưu: VT."),
            ("AUTHORITY", "TM. ỦY BAN NHÂN DÂN"),
            ("SIGNER_TITLE", "CHỦ TỊCH"),
            ("SIGNER_NAME", "Nguyễn Văn An"),
        ],
    ),
    "a head signing with a bare title": (
        "Nội dung thực hiện./.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n",
        [
            ("PARA", "Nội dung thực hiện./."),
            ("SIGNER_TITLE", "CHỦ TỊCH"),
            ("SIGNER_NAME", "Nguyễn Văn An"),
        ],
    ),
    "the enacting 'QUYẾT ĐỊNH:' of a decision": (
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nCăn cứ Luật Hải quan ngày 23/6/2014;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Thành lập Tổ công tác.\n",
        [
            ("DOC_TYPE", "QUYẾT ĐỊNH"),
            ("SUBJECT", "Về việc thành lập Tổ công tác"),
            ("PARA", "Căn cứ Luật Hải quan ngày 23/6/2014;"),
            ("ENACT", "QUYẾT ĐỊNH:"),
            ("SECTION", "Điều 1. Thành lập Tổ công tác."),
        ],
    ),
    "an authority whose slash OCR read as '|'": (
        "Nội dung thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nT|M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n",
        [
            ("PARA", "Nội dung thực hiện./."),
            ("NOI_NHAN", "Nơi nhận:"),
            ("RECIPIENT", "- Như trên;"),
            ("RECIPIENT", "- Lưu: VT."),
            ("AUTHORITY", "T|M BAN THƯỜNG VỤ"),
            ("SIGNER_TITLE", "PHÓ BÍ THƯ"),
            ("SIGNER_NAME", "Nguyễn Văn An"),
        ],
    ),
    # a received copy's stamp ("CÔNG VĂN ĐẾN") OCR merged with the gazette's head beside it: read as
    # a type name, it took the whole header into the title; above the banner it is a garbled line
    "a type name above the banner": (
        "CÔNG VĂN ĐỒNG BÁO Số 1015 + 1016/Ngày 19-9-2023\nBỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 07/2023/TT-BYT\nHà Nội, ngày 28 tháng 8 năm 2023\nTHÔNG TƯ\n",
        [
            ("NOISE", "CÔNG VĂN ĐỒNG BÁO"),
            ("NOISE", "Số 1015 + 1016/Ngày 19-9-2023"),
            ("ISSUER", "BỘ Y TẾ"),
            ("QUOC_HIEU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("TIEU_NGU", "Độc lập - Tự do - Hạnh phúc"),
            ("NUMBER", "Số: 07/2023/TT-BYT"),
            ("PLACE_DATE", "Hà Nội, ngày 28 tháng 8 năm 2023"),
            ("DOC_TYPE", "THÔNG TƯ"),
        ],
    ),
    # a fax's speck, a colon after the issuer, must not end the header (nor, in its row, the banner)
    # round 86's scans: what OCR reads of the seal and the hand between the title and the name is
    # the signature's place, as "(Đã ký)" is; a name with a letter misread as a digit, or with its
    # rank alone where the seal took the title, is still the signer's name
    "a signature's scrawl between the title and the name": (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, BTTP.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nÚ) ”u\nsư 2\nDương Tín Hòa\n",
        [
            ("NOI_NHAN", "Nơi nhận:"),
            ("RECIPIENT", "- Như trên;"),
            ("RECIPIENT", "- Lưu: VT, BTTP."),
            ("AUTHORITY", "KT. GIÁM ĐỐC"),
            ("SIGNER_TITLE", "PHÓ GIÁM ĐỐC"),
            ("SIGNED", "Ú) ”u"),
            ("SIGNED", "sư 2"),
            ("SIGNER_NAME", "Dương Tín Hòa"),
        ],
    ),
    "a signer's name OCR misread, and a name with its rank whose title the seal took": (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, PC04.\nGIÁM ĐỐC\nThiếu tướng 1rương Minh Đương\n",
        [
            ("NOI_NHAN", "Nơi nhận:"),
            ("RECIPIENT", "- Như trên;"),
            ("RECIPIENT", "- Lưu: VT, PC04."),
            ("SIGNER_TITLE", "GIÁM ĐỐC"),
            ("SIGNER_NAME", "Thiếu tướng 1rương Minh Đương"),
        ],
    ),
    "a name with its rank under the list, the title lost (and a speck before the label read as a dash)": (
        "- Nơi nhận:\n- Như kính gửi;\n- Lưu: VT, PC06.\nThiêu tướng Trương Minh Đương\n",
        [
            ("NOI_NHAN", "- Nơi nhận:"),
            ("RECIPIENT", "- Như kính gửi;"),
            ("RECIPIENT", "- Lưu: VT, PC06."),
            ("SIGNER_NAME", "Thiêu tướng Trương Minh Đương"),
        ],
    ),
    "an issuer OCR ended with a colon, on its own line and beside the banner": (
        "BỘ LAO ĐỘNG - THƯƠNG BÌNH:\nVÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "BỘ Y TẾ: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 09/2024/TT-BLĐTBXH\n",
        [
            ("ISSUER", "BỘ LAO ĐỘNG - THƯƠNG BÌNH:"),
            ("ISSUER", "VÀ XÃ HỘI"),
            ("QUOC_HIEU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("TIEU_NGU", "Độc lập - Tự do - Hạnh phúc"),
            ("ISSUER", "BỘ Y TẾ"),
            ("QUOC_HIEU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("NUMBER", "Số: 09/2024/TT-BLĐTBXH"),
        ],
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *(pytest.param(text, want, id=name) for name, (text, want) in CASES.items()),
    ],
)
def test_tokens(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("Số 427-TBlTU\n", True),  # read through OCR's repair of the slash
        ("Số 427-TB/TU\n", False),
        ("Hà Nội, ngày 15 tháng 01 năm 2O25\n", True),
    ],
)
def test_a_part_read_through_a_repair_is_marked(text, repaired):
    (tok,) = lex(layout(normalize(text)))
    assert tok.data["repaired"] == repaired


def test_a_number_below_the_header_is_read_with_it_and_marked_moved():
    """A number line out of order (a column read late) above the signature joins the header."""
    text = (
        "TỈNH ỦY QUẢNG NINH\nĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ninh, ngày 26 tháng 10 năm 2021\n\nTHÔNG BÁO\n"
        "kết luận của Ban Thường vụ\n-----\n\nNội dung kết luận của Ban Thường vụ.\n\nSố 400-TB/TU\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n"
    )
    got = [(t.type, t.data.get("moved")) for t in lex(layout(normalize(text)))]
    assert got == [
        ("ISSUER", None),
        ("BANNER", None),
        ("PLACE_DATE", None),
        ("NUMBER", "part"),  # read with the header, reported where it stands
        ("DOC_TYPE", None),
        ("SUBJECT", None),
        ("RULE", None),
        ("PARA", None),
        ("AUTHORITY", None),
        ("SIGNER_TITLE", None),
        ("SIGNER_NAME", None),
    ]
