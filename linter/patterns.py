"""Recognisers for the shapes of document lines, shared by layout (to split and join lines)
and lex (to classify them). Label matching runs on folded text (no marks, lower case), so OCR
damage to diacritics ("Nơi nhân", "Kinh gui") does not hide a label. Every regex is linear."""

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process

from linter import codes
from linter.text import fold, fold_aligned, is_upper_line

# Document type names (folded) -> slug. Party (QĐ 66/QĐ 399) and State (NĐ 30 Điều 7) types,
# plus the legal normative types, so a document is recognised whatever its regime.
TYPE_NAMES = {
    "cong van": "cong_van",
    "nghi quyet": "nghi_quyet",
    "quyet dinh": "quyet_dinh",
    "chi thi": "chi_thi",
    "ket luan": "ket_luan",
    "quy dinh": "quy_dinh",
    "quy che": "quy_che",
    "thong tri": "thong_tri",
    "huong dan": "huong_dan",
    "thong bao": "thong_bao",
    "thong cao": "thong_cao",
    "tuyen bo": "tuyen_bo",
    "loi keu goi": "loi_keu_goi",
    "bao cao": "bao_cao",
    "ke hoach": "ke_hoach",
    "quy hoach": "quy_hoach",
    "chuong trinh": "chuong_trinh",
    "de an": "de_an",
    "phuong an": "phuong_an",
    "du an": "du_an",
    "to trinh": "to_trinh",
    "bien ban": "bien_ban",
    "giay moi": "giay_moi",
    "giay gioi thieu": "giay_gioi_thieu",
    "giay chung nhan": "giay_chung_nhan",
    "giay di duong": "giay_di_duong",
    "giay nghi phep": "giay_nghi_phep",
    "phieu gui": "phieu_gui",
    "phieu chuyen": "phieu_chuyen",
    "phieu bao": "phieu_bao",
    "thu cong": "thu_cong",
    "cong dien": "cong_dien",
    "hop dong": "hop_dong",
    "ban ghi nho": "ban_ghi_nho",
    "ban thoa thuan": "ban_thoa_thuan",
    "giay uy quyen": "giay_uy_quyen",
    "nghi dinh": "nghi_dinh",
    "thong tu": "thong_tu",
    "thong tu lien tich": "thong_tu_lien_tich",
    "luat": "luat",
    "bo luat": "luat",  # a code, "BỘ LUẬT DÂN SỰ": a law
    "phap lenh": "phap_lenh",
    "van ban hop nhat": "van_ban_hop_nhat",
    "dieu le": "dieu_le",
    "cuong linh": "cuong_linh",
    "chien luoc": "chien_luoc",
}
_TYPE_KEYS = list(TYPE_NAMES)
_GLUED_TYPES = {k.replace(" ", ""): k for k in TYPE_NAMES if " " in k}
# (a consolidated text marks its type with a footnote's number: "THÔNG TƯ1")
_TYPE_RE = re.compile(
    r"^(" + "|".join(sorted(map(re.escape, TYPE_NAMES), key=len, reverse=True)) + r")(?:\b|(?=\d{1,2}$))"
)

BANNER_PARTY = "dang cong san viet nam"
QUOC_HIEU = "cong hoa xa hoi chu nghia viet nam"
TIEU_NGU_RE = re.compile(r"^doc\s*lap\s*-?\s*tu\s*do\s*-?\s*hanh\s*phuc")
# how a banner's words start: a line that continues a banner opens so, through a misread letter
_MISREAD = {"i": "l1", "o": "0", "c": "e", "e": "c", "h": "b", "n": "r"}  # OCR's usual letter swaps
BANNER_STARTS = frozenset(
    a + b
    for w in (BANNER_PARTY + " " + QUOC_HIEU).split()
    for a in (w[0], *_MISREAD.get(w[0], ""))
    for b in (w[1], *_MISREAD.get(w[1], ""))
)

MARKS = {
    "mat",
    "toi mat",
    "tuyet mat",
    "khan",
    "thuong khan",
    "hoa toc",
    "hoa toc hen gio",
    "tai lieu hoi nghi",
    "luu hanh noi bo",
    "xem xong tra lai",
    "tai lieu thu hoi",
}

# The heading of a consolidated text's authentication block, above its signer ("XÁC THỰC VĂN BẢN HỢP
# NHẤT", folded)
AUTHENTICATION_F = "xac thuc van ban hop nhat"
# the heading as pages print it, its first word misprinted too ("XÁC NHẬN VĂN BẢN HỢP NHẤT": the
# block is read all the same, and VB314 says how it should read)
_AUTHENTICATION_RE = re.compile(r"XÁC (?:THỰC|NHẬN) VĂN BẢN HỢP NHẤT")
MISWORDED_AUTHENTICATION_F = "xac nhan van ban hop nhat"


_AUTHENTICATION_FOLDED = re.compile(r"xac (?:thuc|nhan) van ban hop nhat")


def authentication(text: str) -> re.Match | None:
    """Where the authentication's heading stands in text, if it does (its marks misread, "HỢP
    NHÁT", as OCR may leave them: matched folded, offsets kept)."""
    if "X" not in text:
        return None
    return _AUTHENTICATION_RE.search(text) or _AUTHENTICATION_FOLDED.search(fold_aligned(text.lower()))


def is_authentication(text: str) -> bool:
    """The line is the authentication's heading and nothing else."""
    return fold(text).strip() in (AUTHENTICATION_F, MISWORDED_AUTHENTICATION_F)


# What opens an annex or a form after the signature: "PHỤ LỤC I (Kèm theo …)", "Mẫu số 01", "Mẫu
# Quyết định số 01/QĐ-HĐ"
ANNEX_START = re.compile(r"(?:PHỤ LỤC|Phụ lục|MẪU|Mẫu)\b")

# Words that open a signer's title: recognises a head signing without an authority prefix.
TITLE_WORDS = (
    *codes.PARTY_TITLES,  # bí thư …
    *codes.STATE_TITLES,  # chủ tịch, bộ trưởng, giám đốc …
    "chanh van phong",  # and the titles both regimes' signers hold, or others'
    "pho chanh van phong",
    "truong ban",
    "pho truong ban",
    "chu nhiem",
    "pho chu nhiem",
    "chanh an",
    "pho chanh an",
    "vien truong",
    "pho vien truong",
    "truong doan",
    "chu toa",
    "thu ky",
    "nguoi ghi bien ban",
    "chu tri hoi nghi",
    "tong giam doc",
    "pho tong giam doc",
    "hieu truong",
    "truong phong",
    "pho truong phong",
    "chanh thanh tra",
    "tong kiem toan",
    "thong doc",
    "pho thong doc",
    "tong thu ky",
    "chu tich nuoc",
    "pho chu tich nuoc",
    "trung tuong",
    "thuong tuong",
    "dai tuong",
    "thieu tuong",
    "q. ",
    AUTHENTICATION_F,
)

_AUTH_PARTY = re.compile(
    r"^(?:(t\s*[/|\\!1lií]\s*m|k\s*[/|\\!1lií]\s*t|t\s*[/|\\!1lií]\s*l|t\s*[/|\\]\s*uq|t\s+i\s+m)\.?|(q)\s*\.)(?=\s|$)"
)
# (and with the stop between the letters, as a page printed it: "K.T THỐNG ĐỐC")
# (without its stop the prefix must be followed by a word: "KT GIÁM ĐỐC", not "TL - ĐĐ: 10°08’…",
# a point's coordinates)
_AUTH_STATE = re.compile(
    r"^(tm|kt|tl|tuq)\s*\.\s*|^(tm|kt|tl|tuq)\s+(?=[^\W\d_])|^(t\.m|k\.t|t\.l)\.?\s*(?=\S)"
)

NUMBER_LABEL = re.compile(r"^(?:(?:luat|phap\s+lenh|nghi\s+quyet)\s+)?s[oô]\s*(?=[:\d.…\s/]|$)")
PARTY_NUMBER = re.compile(
    r"^(?P<seq>[0-9O]{1,6}|[.…_ ]*)\s*-\s*(?P<type>[A-ZĐ][A-Za-zĐđ]{0,5})\s*/\s*"
    r"(?P<issuer>[A-ZĐ0-9][A-ZĐ0-9]*(?:\s*-\s*[A-ZĐ0-9][A-ZĐ0-9]*)*)(?P<suffix>/[a-z]+)?"
)
# the end of a symbol a text layer cut with a space, the line (or its column) ending after it; the
# code before it an authority's, three capitals or more
_SPLIT_CODE = re.compile(r" ([A-ZĐ]{1,4})(?:\s{2,}|\s*$)")
_CODE_END = re.compile(r"[A-ZĐ]{3}$")
STATE_NUMBER = re.compile(
    r"^(?P<seq>[0-9]{1,6}(?:\.[0-9]{1,2}(?=\s*/))?|[.…_ ]*)\s*/\s*(?:(?P<year>\d{4})\s*/\s*)?"
    r"(?P<symbol>[A-ZĐ](?:[A-Za-zĐđ0-9]|\.(?!\.))*(?:\s*-\s*[A-ZĐ0-9](?:[A-Za-zĐđ0-9]|\.(?!\.))*)*)"
)  # (a stop, never a dotted leader glued after it: "TT-BTC.............")

PLACE_DATE = re.compile(
    r"^(?P<place>[^\d,]{2,60}?)?\s*,?\s*ngay\s*(?P<d>\d{1,2}|[.…_ ]*)\s*thang\s*(?P<m>\d{1,2}|[.…_ ]*)"
    r"\s*na(?:m|rn)\s*(?P<y>\d{4}|[.…_ ]+|$)"
)  # "nărn": OCR reads m as rn; "ngày tháng năm" all blank: an e-signature fills it in (a text
# layer may glue the words around a blank day or month: "ngàytháng 12 năm 2025", "thángnăm 2026")
PLACE_DATE_SLASH = re.compile(
    r"^(?P<place>[^\d,]{2,60}?)\s*,?\s*ngay\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
)
PLACE_DATE_LOOSE = re.compile(
    r"^(?P<place>[^\d,]{2,40}?)\s*,?\s*ngay\b(?:(?!thang)[^,]){0,25}?(?P<y>\d{4})\s*\.?$"
)
PLACE_DATE_START = re.compile(
    r"(?:^|\s)([A-ZĐÀ-Ỹ][^\s,]*(?:\s+[A-ZĐÀ-Ỹ][^\s,]*){0,5}\s*,\s*ng[aàáảãạâầấẩẫậăằắẳẵặ][yỳýỷỹỵ](?:\s|$|(?=th)))"
)  # "ngay": OCR lost the tone; "ngàytháng": a text layer glued the words around the blank day

# Section headings, outermost first: one alternation, tried in this order, whose only group in
# each branch is the label, named after the kind (one regex call per line instead of eight).
SECTION_RES = (
    # (the unit's word in capitals too: "CHƯƠNG I" / "QUY ĐỊNH CHUNG", "PHẦN THỨ HAI")
    r"(?:Phần|PHẦN)\s+(?P<phan>(?:thứ|THỨ)\s+\w+|[IVXLC]+|\d+)\b",
    r"(?:Chương|CHƯƠNG)\s+(?P<chuong>[IVXLC]+|\d+)\b",
    r"(?:Mục|MỤC)\s+(?P<muc>\d+|[IVXLC]+)\b",
    r"(?:Tiểu mục|TIỂU MỤC)\s+(?P<tieu_muc>\d+)\b",
    # "Điều 5." or "Điều 5a." (inserted by an amendment), a footnote mark "[3]" in a consolidated
    # text; a wrapped citation ("Điều 3 Nghị quyết này", "Điều 6, Điều 7") has no stop
    r"Điều\s+(?P<dieu>\d+[a-zđ]?)(?:\[\d+\]|\*)?\s*(?:[.:]|$)",
    # (a web page may glue the heading to its text: "I.TÌNH HÌNH", "1.Mục tiêu")
    r"(?P<roman>(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?<=[IVXL])\s*(?:[.\-]\s+(?=\S)|\.(?=[^\W\d_]{2}))",
    r"(?P<decimal>\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)(?:\.?\s+(?=\S)|\.$|\.(?=[^\W\d_]{2}))",
    # (a consolidated text glues its footnote mark to the number: "2.[8] Chi phí …")
    # (the Party's older style marks with a dash, as the roman numerals above: "3- Khôi phục …")
    # (a stray comma after the stop: "4., Phạt tiền …")
    # (its text may open with a figure: "2. 100% chi phí …", "3. 02 ảnh màu …"; not "1. 2" in a cell)
    r"(?P<arabic>\d{1,3})(?:\s*(?:[.)]|\.,)(?:\[\d+\])?\s+(?=\D|\d+(?:[.,]\d+)?\s*%|\d{1,4}\s+[^\W\d_]{2})"
    r"|-\s+(?=[^\W\d_])|\.(?=[^\W\d_]{2}))",
    # (a Cyrillic letter a text took for its Latin twin: "р)" for "p)", "с)" for "c)")
    r"(?P<letter>[a-zđасеорху])(?:\s*\)\s*(?=\S)|\.\s+(?=[^\W\d_]))",  # "a) …", "a. Trường hợp …"
)
_SECTION = re.compile("^(?:" + "|".join(SECTION_RES) + ")")
ITEM = re.compile(r"^[-+•·]\s*(?=\S)")
# a table's figure alone on its line ("1173", "3.785", "83,5"): no part, no column, no OCR repair;
# a tenth of a real document's lines, passed over without asking each recogniser
NUMERAL = re.compile(r"\d+(?:[.,]\d+)*")
# a section's label alone on its line, its text on the next: web pages publish "1." / "Rà soát …"
BARE_LABEL = re.compile(r"(?:[IVXL]+|\d{1,3}(?:\.\d{1,2}){0,2})\s*[.)]|[a-zđ]\s*\)")
# a drawn rule, with up to two marks OCR scattered into it ("------,---------", "-------'")
SEPARATOR = re.compile(r"^(?=(?:[^-_=.…~]*[-_=.…~]){3})[-_=.…~]*(?:[^\w\s][-_=.…~]*){0,2}$")
# Above the header: a received-copy stamp ("CÔNG VĂN ĐẾN", "ĐẾN Số: … Ngày: … Chuyển: …") or the
# block an e-signature tool prints ("Người ký: …", "Email: …", "Cơ quan: …", "Thời gian ký: …").
STAMP = re.compile(
    r"^(?:cong van den|den\s*(?:so)?\s*:|so den\s*:|ngay\s*(?:den)?\s*:|chuyen\s*:|luu ho so so\s*:"
    r"|nguoi ky\s*:|ky boi\s*:|email\s*:|co quan\s*:|thoi gian ky\s*:|chuc vu\s*:)"
)
# "Lưu", OCR's "Lưa", "LưaVPTU", "Lưù" (a tone mark added)
# (OCR's "Lưa" has no tone mark: "Lựa", "Lừa", "Lứa" are words)
LUU = re.compile(r"^l(?:[uư][aăàáảãạo]|[uưúùủũụứừửữự][uưúùủũụứừửữự]?)(?=[\s:,.]|(?-i:[A-ZĐ])|$)", re.I)
_ITEM_MARK = "-+•· "


def luu_line(text: str) -> dict | None:
    """The recipients' closing file-copy line, the one recogniser of it: '- Lưu: VT, TCCB.',
    '• Lưu Văn phòng Tỉnh ủy.', '+ Lưu VT.', and OCR's 'Lưa VPTU.', 'LưaVPTU, THI.'. Returns
    where the word ends and whether OCR garbled it (a misspelt word, or the next one glued on),
    else None."""
    t = text.lstrip(_ITEM_MARK)
    m = LUU.match(t)
    if not m:
        return None
    at = len(text) - len(t)
    word = m.group().lower()
    garbled = fold(word) != "luu" or word not in ("lưu", "luu") or t[m.end() : m.end() + 1].isalpha()
    return {"at": at, "end": at + m.end(), "garbled": garbled}


# A rank or degree written before a signer's name: "Thượng tướng Vũ Hải Sản", "PGS.TS. Lê Văn A".
_RANK = re.compile(  # ("Thiêu tướng": a scan's ế that lost its tone mark)
    r"(?:(?:(?:Đại|Thượng|Trung|Thi[ếêe]u|Chuẩn)\s+(?:tướng|tá|úy|uý)|(?:Phó\s+|Chuẩn\s+)?[Đđ]ô\s+đốc"
    r"|(?:GS|PGS|TS|TSKH|ThS|BS|KS|NGND|NGƯT)\.)[\s,]*)+"
)


def rank_end(name: str) -> int:
    """Where the name proper starts, after any rank or degree (0 if none)."""
    m = _RANK.match(name)
    return m.end() if m else 0


STATE_LUU = re.compile(r"^-?\s*Lưu\s*:\s*(?:VT\b|Văn thư)", re.I)  # "- Lưu: VT, …" (VB288 asks for "VT")
DRAFTER = re.compile(r"^(?=\S*\d)\S{3,40}$")  # ô 12: drafter code and copies ("NguyenVanAn-26", "PL.(300)")
# "(Đã ký)", and the "kí" spelling: "( đã kí)"; a page may drop the brackets ("Đã ký") or put a
# placeholder of its own in square ones ("[daky]")
SIGNED = re.compile(
    r"^\(\s*(?:đã k[ýí]|k[ýí]|k[ýí] tên|k[ýí], ghi rõ họ tên|k[ýí], đóng dấu)[^)]*\)$|^đã k[ýí]\.?$|^\[\s*(?:đã\s*k[ýí]|da\s*ky)\s*\]$",
    re.I,
)


# OCR confusions inside numbers and dates: letters read for digits, "l"/"I" read for the slash.
# Substitutions are one character for one, so positions in the repaired text are the original's.
# O o Q D next to a digit, l I | ! next to one, i after one. Each pattern opens with its character
# class and looks around afterwards: 3-5× faster to scan a line with than leading look-behinds.
_DIGITISH = re.compile(r"(?!Q[DĐ]-)[OoQDlIi|!](?:(?<=\d.)|(?<!i)(?=\d))")  # (never "154QĐ-UBND")
_DIGIT_OF = {"O": "0", "o": "0", "Q": "0", "D": "0", "l": "1", "I": "1", "i": "1", "|": "1", "!": "1"}
# the wider table for a field that is a number and nothing else (a damaged date's day, a
# legislature's "15"): letters OCR reads for digits, also where no digit stands beside them
_FIELD_DIGITS = str.maketrans("OoQDlIiLÍÌÏïT|!}SŠšsZzB", "00001111111111115555228")
_SLASHISH = re.compile(
    r"[lI|1](?<=[A-ZĐ].)(?=[A-ZĐ]{2})"
    r"|Í(?:(?<=-[A-ZĐ]Í)|(?<=-[A-ZĐ]{2}Í)|(?<=-[A-ZĐ]{3}Í))(?=[A-ZĐ]{2})"  # "96-QĐÍUBKTTU", never "CHÍNH"
)
_LOST_SLASH = re.compile(
    r"^(S\w{0,2}\s*:?\s*\d{1,6})(?=[A-ZĐ][A-Za-zĐđ]{1,6}-[A-ZĐ])"  # "Số: 06GM-SKHCN"
    # a blank number (an e-signature fills it) whose slash the gap before it hid: "Số: SVHTTDL-VP";
    # the label's colon and a line of one symbol in capitals, never "Sở GD-ĐT …"
    r"|^(S\w{0,2}\s*:\s*)(?=[A-ZĐ][A-ZĐ0-9]{1,9}(?:-[A-ZĐ0-9&]{1,10})+\s*$)"
)


_SYMBOL_TAIL = re.compile(r"\d\s*[-/][\w./ -]*$")
# a tờ trình's code as OCR reads bold "TT": "/TIr-SNV", "/TTIr-SNV", "-TIr/TU"
_TTR_MISREAD = re.compile(r"(?<=[-/])T{1,2}[Il1|]r(?=[-/])")
# a Party blank number whose hyphen was lost: "Số CV/ĐU" for "Số -CV/ĐU"
_LOST_HYPHEN = re.compile(r"^(Số:?\s+)(?=[A-ZĐ]{1,5}/[A-ZĐ])")
# a legal normative number's slashes read as spaces or a colon, or lost: "Số: 12 2024 TT-BKHĐT",
# "Số: 40:2026/TT-BTC", "Số: 322026TT-BKHCN" for "…/2024/…", its year told by its first digits
_YEAR_SEP = re.compile(
    r"(\d{1,5})(?:[\s:;.,]+|(?=(?:19|20)\d\d(?:[\s:;.,/]|[A-ZĐ])))((?:19|20)\d\d)(?:[\s:;.,/]+|(?=[A-ZĐ]))(?=[A-ZĐ]{2})"
)
_YEAR_NUMBER = re.compile(r"\d/(?:19|20)\d\d/")
# a type code OCR read without its bar ("QD-UBND", "ND-CP"); a legislature's number read as
# letters ("UBTVQHI5", "QHIS")
_BARLESS = re.compile(r"(?<=[/-])([QN])D(?=-[A-ZĐ])")
_LEGISLATURE = re.compile(r"(?<=QH)[\dIlS|O]{2}(?![\w])")
# a number's colon read as a semicolon ("Số; 14/…"), its "ố" as another letter ("Sá: 08/VBHN-BTC");
# a type code "TT" whose second T OCR read as a digit or an I ("/T1-BTC": no type code has a digit)
_SEMICOLON_LABEL = re.compile(r"^(S[ốoôó]);")
# "Sá: 12/…", and a Party number's "Sấ 143-KL/TU" (no colon: the Party's label has none)
_MISREAD_LABEL = re.compile(r"^S[^\W\d_](?=:\s*\d{1,6}/[\dA-ZĐ]|\s+\d{1,6}\s*-\s*[A-ZĐ]{2,}/)")
_TT_MISREAD = re.compile(r"(?<![A-ZĐ])T[1Il|](?=-[A-ZĐ]{2})")
# a date's number that a scan's transcript split with a space: "tháng 0 6", "ngày 2 6", "năm 20 18"
_SPLIT_FIELD = re.compile(r"\b((?:ngày|tháng) \d) (\d (?:tháng|năm)\b)|\b(năm \d\d) (\d\d)\b")


def repair(text: str) -> str:
    """'Số 427-TBlTU' -> 'Số 427-TB/TU', 'năm 2O24' -> 'năm 2024', '123/qđ-ubnd' -> '123/QĐ-UBND',
    'tháng 0 6' -> 'tháng 06': OCR confusions in numbers, and a symbol OCR read wholly in lower case."""
    text = _DIGITISH.sub(lambda m: _DIGIT_OF[m.group()], text)
    text = _TTR_MISREAD.sub("TTr", text)
    if "ngày" in text:
        text = _SPLIT_FIELD.sub(lambda m: "".join(g for g in m.groups() if g), text)
    text = _LOST_HYPHEN.sub(r"\1-", text)
    text = _MISREAD_LABEL.sub("Số", _SEMICOLON_LABEL.sub(r"\1:", text))
    if (label := NUMBER_LABEL.match(fold(text))) and "T" in text:
        text = text[: label.end()] + _TT_MISREAD.sub("TT", text[label.end() :])
    if label and not _YEAR_NUMBER.search(text):
        at = label.end()
        text = text[:at] + _YEAR_SEP.sub(r"\1/\2/", text[at:], count=1)
    if "/" not in text:  # every State number has a slash; OCR reads it as a letter, or loses it
        text = _LOST_SLASH.sub(lambda m: (m.group(1) or m.group(2)) + "/", _SLASHISH.sub("/", text))
    text = _BARLESS.sub(r"\1Đ", text)
    if "QH" in text:
        text = _LEGISLATURE.sub(lambda m: m.group().translate(_FIELD_DIGITS), text)
    m = _SYMBOL_TAIL.search(text)
    if m and m.group().islower():  # never "3294-CV/VPTW/nb": only a symbol with no capital at all
        text = text[: m.start()] + m.group().upper()
    return text


LABELS = {
    "noi nhan": "NOI_NHAN",
    "kinh gui": "KINH_GUI",
    "kinh trinh": "KINH_GUI",
    "dong kinh gui": "KINH_GUI",
}


def fuzzy_label(text: str) -> str | None:
    """The label a short line is, through OCR damage: 'Kơi nhận:', 'Kmh gửi:', 'Nơi rứiận:'."""
    if ":" not in text[:22]:
        return None  # only a label with its colon: "TỈNH HÀ TĨNH" is not a damaged "Kính trình"
    words = fold(text.split(":", 1)[0]).split()
    best, score = None, 0.0
    for label in LABELS:
        want = label.split()
        if len(words) != len(want):
            continue
        # every word must still look like the label's ("Kinh phí" is not "Kính gửi")
        ratios = [fuzz.ratio(w, x) for w, x in zip(words, want)]
        mean = sum(ratios) / len(ratios)
        # or the first word intact and the rest at least half-read ("Nơi rứiận")
        if (min(ratios) >= 50 and mean >= 72 or ratios[0] >= 90 and min(ratios[1:]) >= 40) and mean > score:
            best, score = label, mean
    return LABELS[best] if best else None


def fuzzy_doc_type(text: str) -> str | None:
    """A type heading through OCR damage ('BÁO CÁq', 'KẾ HqẠCH', 'TỜ TRÌKH'): the whole line is
    close to one type name (never a longer line that merely starts like one)."""
    if len(text) > 24 or text.rstrip().endswith(":"):
        return None  # (and "QUYẾT ĐỊNH:" is the enacting line, never a damaged heading)
    letters = list(filter(str.isalpha, text))  # (map and filter: C loops, no generator frames)
    if not letters or sum(map(str.isupper, letters)) < 0.7 * len(letters):
        return None
    f = " ".join(fold(text).strip(" _.,:;!'\"-").split())  # (a speck after it: "THÔNGTU_")
    if " " not in f and f in _GLUED_TYPES:  # "THÔNGBÁO": a page that lost the space between the words
        return TYPE_NAMES[_GLUED_TYPES[f]]
    # the closest type name (the first of equals), if it scores 85 or more
    hit = process.extractOne(f, _TYPE_KEYS, scorer=fuzz.ratio, score_cutoff=85)
    if hit is None:
        return None
    best = hit[0]
    same_shape = len(best) >= 6 and abs(len(f) - len(best)) <= 2 and len(f.split()) == len(best.split())
    if not same_shape or is_title_line(text) or is_enactor(text):
        return None  # "THỦ TƯỚNG" is close to "thu cong" but is a title
    return TYPE_NAMES[best]


def roman(s: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not s or any(c not in vals for c in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = vals[a]
        total += -v if b in vals and vals[b] > v else v
    return total


def to_roman(n: int) -> str:
    """3 -> 'III', 14 -> 'XIV' (1 ≤ n < 400)."""
    out = ""
    for r, v in _ROMAN_DIGITS.items():
        k, n = divmod(n, v)
        out += r * k
    return out


_ROMAN_DIGITS = dict(
    zip(("C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"), (100, 90, 50, 40, 10, 9, 5, 4, 1))
)


def doc_type_of(text: str) -> tuple[str, int] | None:
    """If the line is a type heading ("QUYẾT ĐỊNH", "THÔNG BÁO KẾT LUẬN"), the slug and the
    length of the type words; enacting lines ("QUYẾT ĐỊNH:") are not headings."""
    if not is_upper_line(text) or text.rstrip().endswith(":") or len(text) > 120:
        return None
    f = fold(text).strip()
    m = _TYPE_RE.match(f)
    if not m:
        return None
    rest = f[m.end() :].strip()
    # a heading stands alone or is followed by more upper-case title words, never by a sentence
    if rest and (rest.startswith(("cua ", "so ")) and len(rest) < 4):
        return None
    return TYPE_NAMES[m.group(1)], m.end()


_VV_STARTS = ("v/v", "v /v", "v/ v", "v.v ", "vv ", "ve viec")  # ("vv": the slash lost; no word opens so)


def vv_prefix(f: str) -> str | None:
    """The prefix a công văn's summary opens with ("V/v …", "về việc …"; OCR: "V /v", "V.v"), on
    folded f; None when it has none."""
    if not f.startswith(_VV_STARTS):
        return None
    return "về việc" if f.startswith("ve viec") else "V/v"


def type_then_subject(text: str, f: str) -> int | None:
    """Where the summary starts on a line that OCR merged from a type name and its summary
    ("CHỈ THỊ Về tăng cường …", "THÔNG BÁO Danh sách thí sinh …"; f folded): the type words in
    capitals, then a summary in ordinary case. None for any other line."""
    m = _TYPE_RE.match(f) if text[:2].isupper() else None
    if not m or not is_upper_line(text[: m.end()]):
        return None
    rest = text[m.end() :]
    k = len(rest) - len(rest.lstrip())
    word = rest[k:].split(" ", 1)[0]
    if not k or len(rest) < 12 or not word[:1].isalpha() or not word[1:].islower() or is_upper_line(rest):
        return None
    return m.end() + k


# The types whose heading stands alone on its line, the document's name on the next ("LUẬT" /
# "HẢI QUAN"): on one line, the rest is that name.
_ALONE = frozenset(["luat", "bo luat", "phap lenh", "nghi dinh", "thong tu", "thong tu lien tich"])
# the longest a type's heading with its qualifier runs on one line ("QUYẾT ĐỊNH CHẤP THUẬN CHỦ
# TRƯƠNG ĐẦU TƯ"): longer, it is the heading and its summary a flattened page put on one line
_ONE_LINE_HEADING = 60
_HEADINGS = frozenset(["quyet dinh", "nghi quyet", "chi thi"])
# type names a summary may open with: "QUY ĐỊNH VỀ GIÁ ĐẤT" is a decree's summary, not a type
_OPENERS = frozenset(["quy dinh", "quy che", "huong dan", "quy hoach", "chuong trinh", "ke hoach", "de an"])


def type_then_title(text: str, f: str) -> int | None:
    """Where to cut a line a flattened page made of a type's heading and what followed it (f
    folded): after "LUẬT HẢI QUAN", before the text that goes on in ordinary case ("LUẬT HẢI QUAN
    Luật Hải quan số 54/2014/QH13 …", "CHỈ THỊ VỀ CÔNG TÁC … CẢ NƯỚC Ngày 24 tháng 6 …"); then
    after the heading, when the rest is the name of a law, decree or circular ("LUẬT" / "HẢI
    QUAN") or a summary opening "VỀ" ("CHỈ THỊ" / "VỀ CÔNG TÁC …"). None for any other line."""
    m = _TYPE_RE.match(f) if text[:2].isupper() else None
    if not m or not is_upper_line(text[: m.end()]) or text[m.end() : m.end() + 1] != " ":
        return None
    at = m.end() + 1
    words = text[at:].split(" ")
    caps = 0
    for w in words:  # (a word in capitals through OCR's "l" for "I": "VlỆT")
        if w and sum(map(str.islower, w)) * 2 >= len(w):
            break
        caps += 1
    if caps == len(words):  # all in capitals: the heading, then the name or the summary
        kind = f[m.start() : m.end()]
        if kind in _OPENERS:
            return None  # "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU …": a summary
        # (no heading with its qualifier is so long; a summary's wrapped line may open with a
        # type's name, "BÁO CÁO ĐỀ XUẤT …", "QUYẾT ĐỊNH SỐ 12/2020/QĐ-UBND …": not those)
        long = len(text) > _ONE_LINE_HEADING and kind in _HEADINGS and not f[at:].startswith("so ")
        return at if kind in _ALONE or long or f[at:].startswith("ve ") else None
    w = words[caps]
    if caps and w[:1].isupper() and len(text) > 40:  # the ordinary text after the heading's capitals
        return at + len(" ".join(words[:caps])) + 1
    return None


def phrase_part(f: str) -> bool:
    """Whether folded f reads as the start of a banner phrase, or the whole of one, through a
    misread letter: 'cong hoa xa hol' is, 'cong hoa xa hoi chu nghia viet nam abc' is not."""
    return 4 <= len(f) <= len(QUOC_HIEU) + 1 and any(
        len(f) <= len(phrase) + 1 and fuzz.ratio(f, phrase[: len(f)]) >= 85
        for phrase in (BANNER_PARTY, QUOC_HIEU)
    )


def find_phrase(f: str, phrase: str) -> int:
    """Where the banner phrase starts in folded f, through a misread letter or two ('dang bo
    huyen thach ha dang cong sak viet nam' -> 23), at a word's start; -1 if it is not there."""
    k = f.find(phrase)
    if k >= 0:
        return k
    al = fuzz.partial_ratio_alignment(phrase, f, score_cutoff=88)
    if al is None:
        return -1
    k = f.rfind(" ", 0, al.dest_start + 1) + 1  # back to the start of the word it begins in
    return k if fuzz.ratio(f[k : k + len(phrase)], phrase) >= 85 else -1


_TIEU_NGU = "doc lap tu do hanh phuc"


def is_motto(f: str) -> bool:
    """Folded f is the motto, through a stray mark or a misread letter ("doc l,ap - tu do", "doc 1ap")."""
    return bool(TIEU_NGU_RE.match(f)) or (
        len(f) < 40 and fuzz.ratio(" ".join(re.sub(r"[^a-z ]", "", f).split()), _TIEU_NGU) >= 88
    )


def motto_among_specks(text: str) -> bool:
    """The motto's six words in order, with a few words of specks among them, as a photographed
    page's OCR reads it ("Độc lập - Tự do - Hạnh cua? phúc xo", "Độc c+C lập SẼ - - Tự !ựd0 do - -
    Hạnh Hạnh phúc phúc": a word read twice where the photo blurred it): read, for review."""
    words = re.sub(r"[^a-z]", " ", fold(text)).split()
    if not 6 < len(words) <= 14 or words[0] != "doc" or "-" not in text:
        return False  # (its hyphens: never a sentence that names independence, freedom, happiness)
    motto, at, rest = _TIEU_NGU.split(), 0, []
    for w in words:  # the motto's words in order, the specks left over
        if at < 6 and w == motto[at]:
            at += 1
        else:
            rest.append(w)
    return at == 6 and all(len(w) <= 3 or w in motto for w in rest)  # specks, not a sentence's words


def banner_kind(text: str) -> str | None:
    """'party' for ĐẢNG CỘNG SẢN VIỆT NAM, 'quoc_hieu', 'tieu_ngu' for the State banner lines."""
    upper = is_upper_line(text)
    if not upper and not fold(text).lstrip().startswith("do"):
        return None  # neither the motto nor an upper-case banner line: spare the work below
    f = " ".join(fold(text).replace("-", " - ").split())
    if is_motto(f):
        return "tieu_ngu"
    if len(f) > 60 or not upper or f.startswith("nuoc "):  # "(CHỦ TỊCH) NƯỚC CỘNG HÒA …": a title
        return None
    if f.startswith(QUOC_HIEU) or fuzz.ratio(f, QUOC_HIEU) >= 88:
        return "quoc_hieu"
    if f == BANNER_PARTY or fuzz.ratio(f, BANNER_PARTY) >= 86:
        return "party"
    return None


def authority_of(text: str) -> tuple[str, int] | None:
    """Canonical authority prefix ("T/M", "TM.", …) and where the body starts, or None."""
    if not is_upper_line(text) and not text[:4].isupper():
        return None
    f = fold(text)
    m = _AUTH_PARTY.match(f)
    if m:
        g = m.group(1) or m.group(2)  # ("T/M." with a stop: the State's habit on the Party form)
        # the separator between the two letters is whatever OCR made of "/": take the ends
        key = "q" if g[0] == "q" else "tuq" if g.endswith("uq") else g[0] + g[-1]
        if key == "q" and not is_upper_line(text):
            return None  # "Q. Lê Chân": a district ("quận") named in a sentence, not "Q. CHÁNH VĂN PHÒNG"
        return {"tm": "T/M", "kt": "K/T", "tl": "T/L", "tuq": "T/UQ", "q": "Q."}[key], m.end()
    m = _AUTH_STATE.match(f)
    if m:
        key = m.group(1) or m.group(2) or m.group(3).replace(".", "")
        return key.upper() + ".", m.end()
    return None


_SIGNATURE_WORDS = {fold(w).lower(): w for w in codes.SIGNATURE_WORDS}
_SIGNATURE_LONGEST = max(len(w.split()) for w in codes.SIGNATURE_WORDS)
# "UỶ BAN" and "ỦY BAN", "HOÀ" and "HÒA": the tone on either vowel of "uy", "oa", "oe" is right
_SECOND_TONE = re.compile("([UuOo])([YyAaEe])([\u0300\u0301\u0303\u0309\u0323])")


def _tones_moved(a: str, b: str) -> bool:
    """a and b differ only in which vowel of "UY", "OA", "OE" takes the tone."""

    def first(x: str) -> str:
        return _SECOND_TONE.sub(r"\1\3\2", unicodedata.normalize("NFD", x))

    return first(a) == first(b)


def restore_marks(text: str) -> str | None:
    """A signer's title alone on its line, or an authority line, in capitals, whose words fold to
    those the regulations spell, with the marks OCR dropped or swapped put back: "THỨ TRƯỚNG" ->
    "THỨ TRƯỞNG", "TM. UY BAN THƯƠNG VỤ QUỐC HỘI" -> "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI"; an authority's
    words after the known ones (a place) are kept as read. None when nothing is restored."""
    if len(text) > 60 or not is_upper_line(text):
        return None
    auth = authority_of(text)
    start = auth[1] if auth else 0
    while start < len(text) and text[start] == " ":
        start += 1
    words = text[start:].split(" ")
    # (a title on its own line, or an authority's body: never an issuer line, "TỈNH ỦY CAO BẰNG")
    for n in range(min(_SIGNATURE_LONGEST, len(words)), 0 if auth else len(words) - 1, -1):
        head = " ".join(words[:n])
        want = _SIGNATURE_WORDS.get(fold(head).lower())
        if want is not None:
            if head.upper() == want or _tones_moved(head, want) or len(want) != len(head):
                return None  # (a case restore_case puts back: "TỈNH ủY")
            return text[:start] + want + text[start + len(head) :]
    return None


def representative(text: str) -> bool:
    """ "ĐẠI DIỆN BÊN A", "Đại diện Sở Công Thương": the head of one party's signature block in a
    biên bản or joint minutes, in capitals or not (a title line, not a sentence)."""
    return (
        text[:1] in "ĐđD"
        and len(text) <= 60
        and text[-1:] not in ".;:,"
        and fold(text).startswith("dai dien")
        and not text.rstrip().endswith(tuple("0123456789"))
    )


# A head's title and the deputy's under it: the deputy signs for the head ("KT. BỘ TRƯỞNG").
_DEPUTY = {"bo truong": "thu truong"}


def deputy_of(head: str, title: str) -> bool:
    """Whether title is the deputy's of head: "PHÓ THỐNG ĐỐC" of "THỐNG ĐỐC"."""
    head, title = " ".join(fold(head).split()), " ".join(fold(title).split())
    return title in (f"pho {head}", _DEPUTY.get(head))


def is_title_line(text: str) -> bool:
    if representative(text):
        return True
    f = fold(text).strip()
    if not is_upper_line(text):
        return False
    if f.startswith(TITLE_WORDS):
        return True
    # "TRƯỞNG BAK": the first words of a title, one letter misread
    head = " ".join(f.split()[:3])
    return len(f) <= 40 and any(len(w) >= 7 and fuzz.ratio(head[: len(w)], w) >= 85 for w in TITLE_WORDS)


TITLE_FIRST = frozenset(w.split()[0] for w in TITLE_WORDS)  # "truong" (ban), "pho" (chu tich) …

# Who enacts: the upper-case line between the trích yếu and "Căn cứ …" ("THỦ TƯỚNG CHÍNH PHỦ").
ENACTORS = (
    "chinh phu",
    "thu tuong",
    "bo truong",
    "uy ban",
    "chu tich",
    "hoi dong",
    "quoc hoi",
    "giam doc",
    "ban thuong vu",
    "ban chap hanh",
    "tinh uy",
    "thanh uy",
    "dang uy",
    "huyen uy",
    "cuc truong",
    "tong cuc truong",
    "thong doc",
    "truong ban",
    "chanh an",
    "pho chanh an",
    "vien truong",
    "pho vien truong",
    "ban bi thu",
    "bo chinh tri",
    "tong kiem toan",
    "chanh van phong",
    "ban to chuc",
    "uy ban kiem tra",
)


def is_enactor(text: str) -> bool:
    return is_upper_line(text) and fold(text).strip().startswith(ENACTORS)


def is_name_line(text: str) -> bool:
    """A person's name: 2–6 capitalised words, no digits or punctuation ("Hoàng Ngân")."""
    words = text.split()
    if not 2 <= len(words) <= 6 or any(map(str.isdigit, text)):
        return False
    if not all(map(str.isalpha, words)):
        return False
    caps = sum(w[0].isupper() and (len(w) == 1 or not w[1:].isupper()) for w in words)
    return caps >= len(words) - 1 and caps >= 2 and not is_upper_line(text)


_PARTY_SEQ_START = frozenset("0123456789O")
_PARTY_SEQ = re.compile(r"\d[0-9OoQDlIi|!]{0,5}\s*-")  # what repair() can make a Party number of


def may_be_number(text: str, folded: str) -> bool:
    """Whether parse_number() could find a number in text (or in repair(text)): it opens with
    "Số"/"Luật"/"Nghị quyết số"/"Pháp lệnh số", or starts with a digit as a Party number does
    ("400-TB/TU"). folded: fold(text)."""
    f = folded.lstrip()
    return (
        f.startswith(("so", "luat", "nghi quyet so", "phap lenh so"))
        or (f[:1].isdigit() and bool(_PARTY_SEQ.match(text.lstrip())))
        or bool(_MISREAD_LABEL.match(text))
        or bool(_DAMAGED_LABEL.match(f))
    )


def parse_number(text: str) -> dict | None:
    """Parse a number line: 'Số 400 - TB/TU', 'Số: 15/QĐ-BNV', 'Số: 12/2020/NĐ-CP', '400-TB/TU'."""
    f = fold(text)
    m = NUMBER_LABEL.match(f)
    label = None
    rest_at = 0
    if m:
        label = text[: m.end()].strip()
        rest_at = m.end()
    rest = text[rest_at:]
    colon = False
    stripped = rest.lstrip()
    if stripped.startswith(":"):
        colon = True
        stripped = stripped[1:].lstrip()
    if label is None and stripped[:1] not in _PARTY_SEQ_START:
        return None  # without "Số", only a Party number ("400-TB/TU") is one
    lead = len(text) - len(stripped)
    pm = PARTY_NUMBER.match(stripped)
    sm = STATE_NUMBER.match(stripped) if label is not None else None
    if pm and (not sm or pm.end() >= sm.end()):
        seq_text = pm.group("seq").strip()
        issuer = re.sub(r"\s+", "", pm.group("issuer"))
        digits = seq_text.replace("O", "0")  # (blank: an e-signature fills it)
        return _party_number(
            label,
            colon,
            seq_text,
            digits,
            pm.group("type"),
            issuer + (pm.group("suffix") or ""),
            lead + pm.end(),
            stripped[: pm.end()],
        )
    if sm and label is not None:
        seq_text = sm.group("seq").strip()
        symbol = re.sub(r"\s+", "", sm.group("symbol"))
        end = sm.end()
        if (split := _SPLIT_CODE.match(stripped, end)) and _CODE_END.search(symbol):
            symbol, end = symbol + split[1], split.end(1)  # "VBHN-BLĐTB XH": a text layer's space
        year = int(sm.group("year")) if sm.group("year") else None
        return _state_number(label, colon, seq_text, seq_text, symbol, year, lead + end, stripped[:end])
    return None


def _party_number(
    label, colon, seq_text: str, digits: str, type_code: str, issuer: str, end: int, raw: str
) -> dict:
    """A Party number's fields ("400-TB/TU"); digits: seq_text as read for its number; issuer: with
    a suffix it may carry ("3294-CV/VPTW/nb")."""
    return {
        "label": label,
        "colon": colon,
        "form": "party",
        "seq_text": seq_text,
        "seq": int(digits) if digits.isdigit() else None,
        "symbol": f"{type_code}/{issuer}",
        "type_code": type_code,
        "issuer_code": issuer.split("/")[0],
        "year": None,
        "end": end,
        "raw": raw,
    }


def _state_number(label, colon, seq_text: str, digits: str, symbol: str, year, end: int, raw: str) -> dict:
    """A State number's fields; digits: seq_text as read for its number."""
    groups = symbol.split("-")
    # "QĐ-UBND": type code then issuer; "UBND-VX" (công văn): no type code, all issuer
    typed = len(groups) > 1 and (
        groups[0] in codes.STATE_TYPE_CODES
        or groups[0] in codes.LEGAL_CODES
        or groups[0] in codes.COPY_CODES
        or groups[0] in ("CV", "CTUBND")
    )
    return {
        "label": label,
        "colon": colon,
        "form": "state",
        "seq_text": seq_text,
        "seq": int(digits) if digits.isdigit() else None,
        "symbol": symbol,
        "type_code": groups[0] if typed else None,
        "issuer_code": "-".join(groups[1:]) if typed else symbol,
        "year": year,
        "end": end,
        "raw": raw,
    }


# A number no form reads but a number all the same: its label, a sequence number, then a symbol
# with a letter code that lost a part or took the wrong separator ("Số: 03/2026-BCT", "Số:
# 03-2026/TT-BYT"). It is reported malformed (VB210), not missing.
_MALFORMED_NUMBER = re.compile(
    r"(?P<seq>\d{1,6})\s*[-/]\s*(?P<symbol>[0-9A-Za-zĐđ./-]*[A-ZĐ]{2}[0-9A-Za-zĐđ./-]*)\s*$"
)


def malformed_number(text: str) -> dict | None:
    """The number of a line parse_number() cannot read, when it is one all the same: a label ("Số"),
    then nothing but the sequence number and a symbol (see above); None for any other line."""
    m = NUMBER_LABEL.match(fold(text))
    if not m:
        return None
    rest = text[m.end() :].lstrip()
    colon = rest.startswith(":")
    rest = rest[1:].lstrip() if colon else rest
    bad = _MALFORMED_NUMBER.match(rest)
    if not bad:
        return None
    raw = rest[: bad.end()].rstrip()
    return {
        "label": text[: m.end()].strip(),
        "colon": colon,
        "form": "malformed",
        "seq_text": bad.group("seq"),
        "seq": int(bad.group("seq")),
        "symbol": bad.group("symbol"),
        "type_code": None,
        "issuer_code": None,
        "year": None,
        "end": len(text.rstrip()),  # (the symbol runs to the line's end)
        "raw": raw,
    }


def parse_place_date(text: str) -> dict | None:
    f = fold(text)
    if "ngay" not in f:
        return None  # every form below has it
    m = PLACE_DATE.match(f)
    malformed = False
    if not m:
        m = PLACE_DATE_SLASH.match(f)
        malformed = bool(m)
    if not m:  # "ngày 05 3 năm 2021": a date line with a word missing
        m = PLACE_DATE_LOOSE.match(f)
        if not m or len(text) > 70:
            return None
        return {
            "place": text[m.start("place") : m.end("place")].strip(" ,-~_"),
            "day": None,
            "month": None,
            "year": int(m.group("y")),
            "day_text": "",
            "month_text": "",
            "year_text": m.group("y"),
            "malformed": True,
            "end": m.end(),
        }
    place = (
        text[m.start("place") : m.end("place")].strip(" ,-~_") if m.group("place") else None
    )  # "- Nghệ An": a speck
    if place and "/" in place:
        return None  # a symbol before a cited date: "149-" / "KL/TW ngày 10/4/2025"

    def num(g):
        v = m.group(g).strip()
        return (int(v) if v.isdigit() else None), text[m.start(g) : m.end(g)].strip()

    (d, dt), (mo, mt), (y, yt) = num("d"), num("m"), num("y")
    if not yt and (d or mo):
        return None  # "…, ngày 18 tháng 11 năm" / "2025": the year is on the next line
    comma = "," in f[: m.start("d")]
    return {
        "place": place or None,
        "day": d,
        "month": mo,
        "year": y,
        "day_text": dt,
        "month_text": mt,
        "year_text": yt,
        "malformed": malformed or not comma and bool(place),
        "end": m.end(),
        "day_at": m.start("d"),
        "month_at": m.start("m"),
    }


# A date line whose fields OCR garbled past repair: "Hà Nội. ngày 0Š tháng 5 năm 2026", "ngày }7
# tháng T0 năm 2024", "ngàn: 12 tháng 4 năm 2023", "năm 3(0)56". Its three words stand in order,
# each field a short run of marks; a field is read where the usual confusions make it digits, else
# left unread.
_DAMAGED_DATE = re.compile(
    r"^(?P<place>[^\W\d_][^\d,.:;]{1,40}?)?\s*[,.;:]?\s*ng\W?a\W?[yinv][:.]?\s*(?P<d>\S{1,3}?)"
    r"\s*th\W?a\W?n\W?g[:.]?\s*(?P<m>\S{1,3}?)\s*n\W?a\W?m[:.]?\s*(?P<y>[^\s;]{2,6})\s*[.,]?$"
)


def damaged_place_date(text: str) -> dict | None:
    """The place and date of a line that reads as one only through heavy OCR damage (see above),
    with each field that reads as a number once misread letters are taken for digits; None for any
    other line. The caller marks it repaired: it is reported for review, never as missing."""
    if len(text) > 70:
        return None
    f = fold(text)
    m = _DAMAGED_DATE.match(f)
    if not m or sum(c.isdigit() for c in m.group("y")) < 2:
        return None  # (a year keeps most of its digits: never "… năm kế hoạch")
    place = text[: m.end("place")] if m.group("place") else ""
    if ")" in place or sum(w.islower() for w in place.split()) > 1:
        return None  # a place's words are capitalised, but for "phố", "xã": never a sentence, an item

    def field(g: str, lo: int, hi: int) -> int | None:
        # (a speck before the digits: "(06", "$5")
        v = text[m.start(g) : m.end(g)].strip("([{$'\"`‘“").translate(_FIELD_DIGITS)
        return int(v) if v.isdigit() and lo <= int(v) <= hi else None

    return {
        "place": text[m.start("place") : m.end("place")].strip(" ,.-~_") if m.group("place") else None,
        "day": field("d", 1, 31),
        "month": field("m", 1, 12),
        "year": field("y", 1945, 2100),
        "day_text": text[m.start("d") : m.end("d")],
        "month_text": text[m.start("m") : m.end("m")],
        "year_text": text[m.start("y") : m.end("y")],
        "malformed": False,  # (its form cannot be judged through the damage: VB130 asks for review)
        "end": m.end(),
        "day_at": m.start("d"),
        "month_at": m.start("m"),
    }


# A number line OCR garbled past repair whose label and symbol still stand: "Số: 19 QD-UBND-TL",
# "Số: HT 2026 ND-CP", "Số: 12/202 L/TT-BLĐTBXH", "Luật số: XI 2024 QHIS", or whose number was
# written in by hand on the printed blank, which OCR reads as marks ("Số:.2%5 /TTr-CAT-PC06",
# "Số: 3 38/C04-P6", "Số J0 -CV/BTGDVTU"). The symbol is a code, a hyphen and a code (a unit's
# in brackets: "TTr-CAT(PC04)"), a Party's type and issuer, or a legislature's ("QH15",
# "UBTVQH15", their digits misread).
_CODE = r"[A-ZĐ][A-Za-zĐđ0-9&§]{0,9}(?:\([A-ZĐ0-9]{1,6}\))?"  # ("PA0§5": a speck in a code)
_DAMAGED_NUMBER = re.compile(
    r"[/⁄]?(?P<seq>[^/]{0,8}?)[\s/:.⁄]*(?:(?P<year>(?:19|20)[\dOoIlLT|!]\s?[\dOoIlLT|!])[\s/:.⁄]*)?"
    rf"(?P<symbol>{_CODE}-\s?{_CODE}(?:-{_CODE})*|(?:UBTV)?[QO]H[\dIlS|O]{{2}})\s*\.?$"
)
_DAMAGED_LABEL = re.compile(r"^s[a-z6]?(?=[^a-z\s])")  # "Sé:96ÿđ /BCA-C04", "Só+22⁄2/SNNMT-TCCB" (folded)
_DAMAGED_PARTY = re.compile(
    r"(?P<seq>[^/-]{0,8}?)\s*-\s*(?P<symbol>[A-ZĐ][A-Za-zĐđ]{0,5}\s*/\s*[A-ZĐ][A-ZĐ0-9&]{1,12})\s*\.?$"
)


def damaged_number(text: str) -> dict | None:
    """The number of a line that reads as one only through heavy OCR damage (see above): its
    sequence number where the usual confusions make digits of it, its year, its symbol. None for
    any other line. The caller marks it repaired: it is reported for review, never as missing."""
    f = fold(text)
    m = NUMBER_LABEL.match(f) or _DAMAGED_LABEL.match(f)
    if not m or len(text) > 48:
        return None
    rest = text[m.end() :].lstrip()
    colon = rest[:1] == ":"
    rest = rest[1:].lstrip() if colon else rest
    if not colon and (p := _DAMAGED_PARTY.match(rest)):  # (the Party's label has no colon)
        typ, issuer = (x.strip() for x in p.group("symbol").split("/"))
        seq = p.group("seq").strip()
        label = text[: m.end()].strip()
        return _party_number(
            label, False, seq, seq.translate(_FIELD_DIGITS), typ, issuer, len(text.rstrip()), rest.rstrip()
        )
    d = _DAMAGED_NUMBER.match(rest)
    if not d or not colon and not re.search(r"[/⁄]", rest[: d.start("symbol")]):
        return None  # (a colon or a slash before the symbol: never "Sở GD-ĐT")
    seq = d.group("seq").strip()
    if seq[-1:] in "ÍIl|!" and rest[d.end("seq") : d.end("seq") + 1].isupper():
        seq = seq[:-1]  # the slash misread, glued to the symbol: "03ÍBB-UBND"
    seq_text = seq.translate(_FIELD_DIGITS)
    bare = re.sub(r"[\s§]", "", d.group("symbol"))  # (a text layer's space, a speck)
    symbol = _BARLESS.sub(r"\1Đ", "/" + bare)[1:]  # ("/": the bar's look-behind)
    if "-" not in symbol:  # a legislature's: "OH1S" is "QH15"
        symbol = symbol[:-4] + "QH" + symbol[-2:].translate(_FIELD_DIGITS)
    year = int(d.group("year").replace(" ", "").translate(_FIELD_DIGITS)) if d.group("year") else None
    return _state_number(
        text[: m.end()].strip(), colon, seq, seq_text, symbol, year, len(text.rstrip()), rest.rstrip()
    )


# -- running text ----------------------------------------------------------------------------------
# Most lines of a document are its body's sentences. running_text() is the first look layout and
# lex both take at a line: one that reads as a sentence or its continuation ("Căn cứ …", "các sở
# …"), is long, and holds
# none of the marks any recogniser above opens with (a label word, a date, a banner phrase, an
# authority prefix, a table or column gap) can only be text, and the recognisers are spared it.
# Each cue stands for a recogniser; a new recogniser that can take such a line adds its cue here
# (tests/test_speed_gate.py checks every line of the corpora both ways).
_CUE_START = (
    "so",
    "luat",
    "do",
    "v ",
    "v/",
    "v.",
    "ve viec",
    "kinh",
    "noi",
    "phan ",
    "chuong ",
    "muc ",
    "dieu ",
)
_CUE_RAW = re.compile(r"    |T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.|ã ký|\||_ |, Chương \w+")


@lru_cache(maxsize=8192)
def running_text(text: str) -> bool:
    """A body sentence no recogniser can take for a part: see above. False means "look closer".
    Cached: layout asks it of a line twice (split, join) and lex once more."""
    return (
        len(text) > 40
        and text[0].isalpha()
        and text[1].islower()  # "Căn cứ", "các": not a heading, not a point "a)"
        and text[-1] not in "-_=^*`'~"
        and ":" not in text[:22]  # a label, read fuzzily
        and text.count(" ") > 5  # a name has at most six words
        and not _CUE_RAW.search(text)
        and not (f := fold(text)).startswith(_CUE_START)
        and not ("ngay" in f or "viet nam" in f or "doc lap" in f)  # (substring tests: 2× a regex)
        and not is_upper_line(text)
        and text.count("; - ") < 2  # items run together, the first one's dash lost: "A; - B; - C"
    )


# a chapter's numeral glued to its title in capitals, the line break between them lost: "Chương
# IICHÍNH SÁCH …" (the numeral is the canonical one, so "IIC" is not read for "II" and "C…")
_GLUED_CHAPTER = re.compile(r"(?:Chương|CHƯƠNG)\s+((?:XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?<=[IVXL])(?=\w)")


def section_of(text: str) -> tuple[str, str] | None:
    m = _SECTION.match(text)
    if not (m and m.lastgroup):
        g = _GLUED_CHAPTER.match(text)
        return ("chuong", g.group(1)) if g and text[g.end() : g.end() + 2].isupper() else None
    if m.lastgroup == "letter" and ")" not in m.group(0) and not text[m.end()].isupper():
        return None  # a point written "a." opens a sentence: "a. Trường hợp …", not "v. v."
    rest = text[m.end() :].lstrip()
    if rest[:1] in _OPERATORS:
        return None  # a number in a table's cell: "2.0 < I <= 2.8", "1.5 × 2"
    if m.lastgroup in _UNIT_WORDS and rest[:1].islower():
        return None  # a sentence that names the unit: "Chương V của Nghị định này hết hiệu lực …"
    if (
        m.lastgroup == "decimal"
        and "." not in m.group(0)[len(m.group("decimal")) :]
        and _unit(text[m.end() :])
    ):
        return None  # a measure a hard wrap put at a line's start: "1.82 inch, độ phân giải …"
    if m.lastgroup == "letter":
        return "letter", _LATIN.get(m.group("letter"), m.group("letter"))
    return m.lastgroup, m.group(m.lastgroup)


_LATIN = dict(zip("асеорху", "aceopxy"))
_OPERATORS = frozenset("<>=≤≥×+%")
_UNIT_WORDS = frozenset(["phan", "chuong", "muc", "tieu_muc"])  # the kinds labelled by a word
_UNITS = frozenset(["inch", "mm", "cm", "m", "km", "m2", "m3", "ha", "kg", "tấn", "lít", "kW", "MW"])


def _unit(rest: str) -> bool:
    """The measure's unit opens rest: "inch, độ phân giải …" (a label has a stop: "4.2.4. V ă n")."""
    return rest.split(" ", 1)[0].rstrip(",.;") in _UNITS


# -- OCR repairs of a whole line ------------------------------------------------------------------
# A scan glues marks to words ("ngà~y", "thán*g", "11*", "K'T."), puts a stop after a date word
# ("tháng. 11") and lower-cases upper-case lines ("đảng cộng sản", "KẾ hoạch", "t/m ban thường
# vụ"). layout applies these repairs once, before any line is split, joined or classified, so
# every recogniser reads the repaired line and the part is marked for review, never lost.
# Each branch opens with the mark itself and looks around afterwards: a line is scanned for the
# few candidate characters at C speed (a branch that opens with a look-behind is tried at every
# position, several times slower on the body lines that make up most of a document).
_DATE_WORD = r"(?:(?<=[Nn]gày.)|(?<=[Tt]háng.)|(?<=[Nn]ăm.))(?=\s*\d)"
_STRAY = re.compile(
    r"[~^`*](?:(?<=\S.)|(?=\S))"  # glued to something: never inside a word; "(*)" is kept by stray_marks
    r"|\.(?:(?<=[a-zà-ỹđ]{2}\.)(?=[a-zà-ỹđ])|(?<=[a-zà-ỹđ]\.)(?=[a-zà-ỹđ]{2}))"  # "thá.ng", "n.ăm"; not "v.v."
    r"|\.(?:(?<=[A-ZĐÀ-Ỹ]\.)(?<![^\s][A-ZĐÀ-Ỹ]\.)(?=[A-ZĐÀ-Ỹ]{2})"  # capitals: "B.ÁO", "THÔN.G"; not "TP.HCM"
    r"|(?<=[A-ZĐÀ-Ỹ]{2}\.)(?=[A-ZĐÀ-Ỹ](?:\s|$)))"
    r"|'(?<=\w')(?=\w)"  # inside any word or number: "K'T.", "Trư'ớc", "20'26"
    r"|'(?:(?<=\d')|(?=\d))"  # glued to a number: "tháng '12", "92'/VBHN"
    r"|'(?:(?=[Nn]gày|[Tt]háng|[Nn]ăm)|(?<=ngày')|(?<=tháng')|(?<=năm')|(?<=Số'))"  # "'năm", "Số':"
    r"|\.(?<=/\.)(?=[A-ZĐ])"  # after a number's slash: "617/.KH-UBND"
    r"|[.,'](?<=[A-Z][.,'])(?=/[A-Z])"  # before an authority's slash: "T,/M", "K./T"
    r"|[.,'](?:(?<=^V[.,'])(?=/[Vv])|(?<=^V/[.,'])(?=[Vv]\b))"  # inside "V/v": "V,/v", "V/,v"
    r"|[.,](?:(?<=ng[aà]y \d[.,])|(?<=ng[aà]y \d\d[.,])|(?<=th[aá]ng \d[.,])|(?<=th[aá]ng \d\d[.,]))"
    r"(?=\s*$|\s+th|\s+n[aă]m)"  # after the day or the month: "ngày 21, tháng", "tháng 11, năm"
    r"|[.,](?<=\s[.,])(?=\w)"  # after a space, glued to the next word: "năm ,2026", "Hà Nội, .ngày"
    r"|[.,](?<=[,:][.,])|[.,](?=:)|'(?<=[,:]')"  # after a comma or colon, before a colon: "Nội,,", "Số:'"
    r"|[.,](?<=\d[.,])(?=\d)"  # inside a date's number, checked in stray_marks: "năm 20.25", "tháng 1,0"
    r"|,(?<=[^\W\d_],)(?=[^\W\d_])"  # inside a word, checked in stray_marks: "thán,g", "C,ần", "NA,M"
    r"|[.,]" + _DATE_WORD  # after a date word: "tháng. 11"
)
_STRAY_FIRST = re.compile(r"[.,'_](?=[^\W\d_])")  # glued before the first word: ".tháng", "'Đồng", ".Số"


_EMPHASIS = re.compile(r"\*(?<!\w\*)(?=\S)[^*]*?(?<=\S)\*(?!\w)")  # markdown italics: "*(có phân công)*"


def emphasis(text: str) -> set[int]:
    """Indexes of the "*" of markdown italics: markup, not OCR damage. Paired on the line, or
    one end of a span a page wrapped over lines: "*Cao Bằng, ngày 18" / "tháng 11 năm 2025*",
    "tháng 11* *năm 2025*"."""
    if "*" not in text:
        return set()
    out = {i for m in _EMPHASIS.finditer(text) for i in (m.start(), m.end() - 1)}
    if text[:1] == "*" and text[1:2] not in ("", " ", "*") and text.count("*") == 1:
        out.add(0)
    if text[-1:] == "*" and text[-2:-1] not in ("", " ", "*") and text.count("*") == 1:
        out.add(len(text) - 1)
    # the end of a wrapped span, the next opened after it: "tháng 11* *năm 2025*"
    k = text.find("* *")
    if (
        k > 0
        and k not in out
        and k + 2 in out
        and not text[k - 1].isspace()
        and text.count("*") == len(out) + 1
    ):
        out.add(k)
    return out


# a date word, through a tone lost or a mark inside it ("nă*m"), and the first digits of its number
_YEAR_SO_FAR = re.compile(r"(?:n\W?[aăâ]\W?m|ng\W?[aà]\W?y|th\W?[aá]\W?ng)\s*\d{1,3}$")


def _run(text: str, i: int, step: int) -> int:
    """How many letters run from text[i] (step 1) or end before it (step -1)."""
    j = i + (step if step < 0 else 0)
    n = 0
    while 0 <= j < len(text) and text[j].isalpha():
        n, j = n + 1, j + step
    return n


_DATE_AFTER = re.compile(r"\d{1,2}\s*(?:th[aá]ng|n[aă]m)")  # the rest of a day or a month: "8 tháng"
_NUMBER_YEAR = re.compile(
    r"^S[ốôoó]\W{0,3}\d{1,6}/\d{1,3}$"
)  # a number's year so far: "Số: 21/2" (.025/TT-…)


def _in_date(text: str, i: int) -> bool:
    """Is the mark at i, between two digits, inside a day, a month or a year?"""
    # a window, not the whole line: each pattern ends at i and spans a few characters
    return bool(
        _YEAR_SO_FAR.search(text, max(0, i - 16), i)
        or _DATE_AFTER.match(text, i + 1)
        or _NUMBER_YEAR.match(text, 0, i)
    )


# Where _STRAY can match at all: a rare mark, a stop or comma glued to what follows, one after a
# digit or a date word. Most lines have none of these: one cheap search spares them _STRAY.
# Every branch opens with a literal mark, so that re scans for the set of them at C speed
# (four times faster than when a branch opens with a class; a branch that opened with a letter,
# "ngày,", would stop the scan at every "n"): a date word before a stop or comma is looked behind
# for. "y 21,": the day or month of "ngày 21, tháng", the one stop a space may follow.
_AFTER_DATE_WORD = r"(?<=[yg] \d[.,])|(?<=[yg] \d\d[.,])|(?<=[Nn]gày[.,])|(?<=[Tt]háng[.,])|(?<=[Nn]ăm[.,])"
_MAYBE_STRAY = re.compile(
    r"~|\^|`|\*|'|:[.,]"
    rf"|\.(?:(?=\S)|{_AFTER_DATE_WORD})|,(?:(?=\S)|{_AFTER_DATE_WORD})"
)


def stray_marks(text: str) -> list[int]:
    """Indexes of the marks OCR scattered into words: 'ngà~y 21' -> [3]. A mark standing alone
    ("*", "(*)", "- ^") is layout's debris or a real sign, not this."""
    out = [0] if text[:1] in ".,'_" and _STRAY_FIRST.match(text) else []
    if text[:1] == "-" and text[1:2].isupper() and is_upper_line(text[1:]):
        out = [0]  # a speck glued before an upper-case header line: "-TỈNH ỦY NGHỆ AN"
    elif text[:1] in "[|" and "]" not in text and is_name_line(text[1:]):
        out = [0]  # or before a signer's name: "[Lê Thành Long"
    elif text[:1].islower() and text[1:2].isupper() and is_name_line(text[1:]):
        out = [0]  # a text layer's stray letter glued to it: "ơNguyễn Đức Vũ"
    if not _MAYBE_STRAY.search(text, len(out)):
        return out
    for m in _STRAY.finditer(text, len(out)):
        i = m.start()
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if m.group() in "~^`*" and (before in ("", " ", "(") and after in ("", " ", ")")):
            continue
        if (
            m.group() == ","
            and before.isalpha()
            and min(_run(text, i, -1), _run(text, i + 1, 1))
            > (1 if before.isupper() and after.isupper() else 2)
        ):
            continue  # two words with the space after the comma lost ("Nội,ngày", "VT,CN"): not a mark
        if m.group() in ".," and before.isdigit() and after.isdigit() and not _in_date(text, i):
            continue  # a decimal or a thousands stop ("1.000", "1,5"): only a date is never written so
        out.append(i)
    return out


# Words that open an issuing body's name (folded): a short lower-cased line that starts with one
# is a header line OCR lower-cased, as are banner phrases, type names, authorities and titles.
ISSUER_WORDS = (
    "uy ban",
    "tinh uy",
    "thanh uy",
    "huyen uy",
    "quan uy",
    "dang uy",
    "dang bo",
    "ban thuong vu",
    "ban chap hanh",
    "ban to chuc",
    "ban tuyen giao",
    "ban dan van",
    "ban noi chinh",
    "ban kinh te",
    "hoi dong nhan dan",
    "bo ",
    "so ",
    "cuc ",
    "tong cuc",
    "van phong",
    "tinh ",
    "thanh pho",
    "huyen ",
    "xa ",
    "phuong ",
    "chinh phu",
    "quoc hoi",
    "trung uong",
    "thu tuong",
    "chi bo",
    "mat tran",
    "toa an",
    "vien kiem sat",
    "ngan hang",
)
_DIGIT = re.compile(r"\d")
_HEADER_PHRASE_WORDS = tuple(" ".join(p.split()[:2]) for p in (BANNER_PARTY, QUOC_HIEU))


_ZERO_IN_WORD = re.compile(
    r"(?<=[A-ZĐÀ-Ỹ]{2})0(?![\w/-])|(?<![\w/-])0(?=[A-ZĐÀ-Ỹ]{2}\b)|(?<=[A-ZĐÀ-Ỹ])0(?=[A-ZĐÀ-Ỹ])"
)


def letters_for_digits(text: str) -> str | None:
    """An upper-case line whose letter O OCR read as a zero, inside or at the end of a word of
    capitals: 'THÔNG BÁ0 KẾT LUẬN' -> 'THÔNG BÁO KẾT LUẬN'; None when it has none. Words with
    other digits or joined by '/' or '-' (numbers, codes) keep theirs."""
    if "0" not in text or not _ZERO_IN_WORD.search(text) or not is_upper_line(text):
        return None
    new = _ZERO_IN_WORD.sub("O", text)
    return new if new != text else None


def restore_case(text: str) -> str | None:
    """The upper-case line OCR read partly or wholly in lower case, upper-cased again: 'KẾ hoạch',
    'đảng cộng sản', 'tm. ủy ban nhân dân', 'tỉnh sơn la', and a lower-cased line merged with the
    next: 'k/t trưởng ban PHÓ TRƯỞNG BAN'; None for any other line (sentences, lines with digits or
    list punctuation, long lines)."""
    if text[-1:] == "," and text[:1] in "kKtT" and _AUTH_STATE.match(fold(text)):
        text = text[:-1]  # an authority that goes on with the title: "kt. bộ trưởng,"
        up = restore_case(text)
        return up + "," if up else None
    if len(text) > 60 or text[-1:] in ".;:," or not text[:1].isalpha() or "," in text or ";" in text:
        return None
    if _DIGIT.search(text) or is_upper_line(text):
        return None
    if (
        len(text) <= 24
        and not text[1:].islower()
        and (
            " ".join(fold(text).split()) in TYPE_NAMES
            or text[:2].isupper()
            and fuzzy_doc_type(text.upper()) is not None  # only from a capital word
        )
    ):  # a type name, a letter misread too: "CÔNG đlện"
        return (
            text.upper() if len(text.upper()) == len(text) else None
        )  # a type name in any mix of cases ("BÁo cÁƠ"), but a sentence's "Báo cáo"
    # upper-case words then lower-case ones, or all lower case: not a sentence ("xã hội Việt Nam");
    # or lower-case words then upper-case ones, when the lower ones alone are a header line
    words = text.split()
    k = next((i for i, w in enumerate(words) if not w.isupper()), len(words))
    if any(not w.islower() and any(map(str.isalpha, w)) for w in words[k:]):
        if len(text) >= 18 and _is_banner(" ".join(fold(text).split())):
            up = text.upper()  # the banner in any mix of cases: "CỘNG HÒA xã hội CHỦ NGHĨA VIỆT NAM"
            return up if len(up) == len(text) else None
        if k:
            return None
        j = next(i for i, w in enumerate(words) if not w.islower())
        if not all(w.isupper() for w in words[j:]) or not _header_words(
            " ".join(fold(" ".join(words[:j])).split())
        ):
            return None
        head = " ".join(words[:j])
        up = head.upper() + text[len(head) :] if text.startswith(head) else ""
        return up if len(up) == len(text) else None
    upper_head = k >= 2 and all(sum(c.isalpha() for c in w) >= 2 for w in words[:k])  # "BAN CHỈ đạo"
    f = " ".join(fold(text).split())
    known = upper_head or _is_banner(f) or _header_words(f) and not _other_word(words[0])
    up = text.upper()
    return up if known and len(up) == len(text) and up != text else None


# The issuer words that fold like common words ("bổ nhiệm", "số lượng", "tính toán"): a line in
# lower case opens with the issuer's word only if it is spelt as that word.
_ISSUER_SPELT = {"bo": "bộ", "so": "sở", "xa": "xã", "tinh": "tỉnh", "huyen": "huyện", "cuc": "cục"}


def _other_word(first: str) -> bool:
    w = first.lower()
    return _ISSUER_SPELT.get(fold(w), w) != w


def _is_banner(f: str) -> bool:
    """Folded f is a banner phrase, through a misread letter or two."""
    return any(abs(len(f) - len(p)) <= 4 and fuzz.ratio(f, p) >= 88 for p in (BANNER_PARTY, QUOC_HIEU))


_TYPE_TAILS = ("ket luan", "lien tich", "tom tat")  # words a type heading goes on with: "THÔNG BÁO KẾT LUẬN"


def _header_words(f: str) -> bool:
    """Folded f, all of one line, reads as a header or closing line: a type name (with a word or
    two after it: "thong bao ket luan"), the banner, an authority, a title, an issuer."""
    words = f.split()
    return bool(
        f in TYPE_NAMES
        or ((m := _TYPE_RE.match(f)) is not None and f[m.end() :].strip() in _TYPE_TAILS)
        or f.startswith(_HEADER_PHRASE_WORDS)
        or (len(words) >= 2 and any(p.endswith(" " + f) for p in (BANNER_PARTY, QUOC_HIEU)))
        or (len(words) >= 2 and (_AUTH_PARTY.match(f) or _AUTH_STATE.match(f)))
        or (len(words) <= 6 and f.startswith(TITLE_WORDS) and not f.startswith("q. "))
        or (len(words) <= 8 and f.startswith(ISSUER_WORDS))
        or (
            " nam" in f and (find_phrase(f, BANNER_PARTY) > 0 or find_phrase(f, QUOC_HIEU) > 0)
        )  # a merged row
    )
