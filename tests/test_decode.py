"""Tests for linter.decode: BOMs, newlines, binary sniffing, TCVN3/VNI/cp1258 tables and detection."""

import random
import shutil
import subprocess
import unicodedata

import pytest

from linter import decode as dec
from linter.decode import BinaryInput, Decoded, convert_legacy, decode, decode_as, encode, looks_legacy

TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
VOWELS = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"]


def _letters() -> list[str]:
    out = []
    for v in VOWELS:
        for t in TONES:
            for base in (v, v[0].upper() + v[1:]):
                ch = unicodedata.normalize("NFC", base + t)
                if not ch.isascii():
                    out.append(ch)
    return out + ["đ", "Đ"]


LETTERS = _letters()
LOWER = [c for c in LETTERS if c.islower()]
# TCVN3 has upper-case letters only for the bare vowels with a modifier, and Đ.
TCVN3_UPPER = ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]

PARAGRAPH = (
    "ĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ninh, ngày 26 tháng 10 năm 2021\nNơi nhận: - Lưu Văn phòng Tỉnh ủy.\n"
)

DOCUMENT = """TỈNH ỦY QUẢNG NINH
VĂN PHÒNG
Số 125-CV/VPTU

ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ninh, ngày 26 tháng 10 năm 2021

CÔNG VĂN
về việc triển khai thực hiện Quy định số 22-QĐ/TW của Ban Chấp hành Trung ương

Kính gửi: Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy.

Căn cứ Điều lệ Đảng; Quy định số 22-QĐ/TW ngày 28 tháng 7 năm 2021 của Ban Chấp hành Trung \
ương về công tác kiểm tra, giám sát và kỷ luật của Đảng;
Thực hiện ý kiến chỉ đạo của đồng chí Bí thư Tỉnh ủy, Văn phòng Tỉnh ủy đề nghị các cấp ủy, tổ \
chức đảng trực thuộc Tỉnh ủy quan tâm thực hiện một số nội dung sau:

1. Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Quy định đến cán bộ, đảng viên, nhất là \
người đứng đầu cấp ủy, chính quyền, cơ quan, đơn vị; nâng cao nhận thức, trách nhiệm của tổ chức \
đảng và đảng viên trong việc chấp hành nghiêm các nguyên tắc tổ chức và hoạt động của Đảng.

2. Rà soát, bổ sung, hoàn thiện quy chế làm việc, chương trình kiểm tra, giám sát năm 2022 của \
cấp ủy, ủy ban kiểm tra các cấp bảo đảm phù hợp với tình hình thực tế của địa phương, cơ quan, đơn \
vị; kịp thời phát hiện, xử lý nghiêm các trường hợp vi phạm, không để tồn đọng, kéo dài.

3. Tăng cường công tác phối hợp giữa các cơ quan tham mưu, giúp việc của Tỉnh ủy với các huyện \
ủy, thị ủy, thành ủy trong việc theo dõi, đôn đốc, tổng hợp kết quả thực hiện; định kỳ 6 tháng, \
1 năm báo cáo Thường trực Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 15 tháng 6 hằng năm.

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về Văn phòng \
Tỉnh ủy để tổng hợp, báo cáo Thường trực Tỉnh ủy xem xét, chỉ đạo giải quyết kịp thời.

Nơi nhận:
- Thường trực Tỉnh ủy (để báo cáo),
- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,
- Lưu Văn phòng Tỉnh ủy.

K/T CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG

Nguyễn Văn Hùng
"""

EUROPEAN = {
    "english": "The quick brown fox jumps over the lazy dog. Please find attached the report for 2021.",
    "french": (
        "Élève à l'école, garçon. Le cœur a ses raisons que la raison ne connaît point. Où est la "
        "bibliothèque? Déjà vu, très bien, à bientôt. Noël approche; la forêt est enneigée près de "
        "l'hôtel. Naïve, maïs, français, août, où, là-bas, côte, tôt, sûr, île, dîner, fête, même."
    ),
    "german": (
        "Schöne Grüße aus Köln! Das Mädchen läuft über die Straße und kauft Äpfel und Brötchen. "
        "Für die Übung müssen wir früh aufstehen. Ölpreis, Gemüse, Käse, Tür, dünn, hören, Maß, Bär."
    ),
    "spanish": (
        "El niño pequeño comió mañana en España. ¿Qué más? Él está aquí también. La canción del "
        "corazón; Señor Muñoz, año, sí, tú, así, acción, educación, árbol, jamás, según, pingüino."
    ),
}


def _legacy(encoding: str) -> Decoded:
    return Decoded("", encoding, b"", "\n", True, 1.0, 0)


def _surface(text: str, encoding: str) -> str:
    """The mojibake a legacy document shows when its bytes are read as cp1252."""
    return encode(text, _legacy(encoding)).decode("cp1252", "surrogateescape")


# ------------------------------------------------------------------ tables


def test_letter_inventory():
    assert len(LETTERS) == 134
    assert len(set(LETTERS)) == 134


def test_tcvn3_table_is_256_and_one_to_one():
    t = dec._tables()
    assert len(t.tcvn3_dec) == 256
    assert len(set(t.tcvn3_dec)) == 256
    assert t.tcvn3_dec[:128] == "".join(map(chr, range(128)))


@pytest.mark.parametrize("letter", LOWER + TCVN3_UPPER)
def test_tcvn3_round_trip_letter(letter):
    data = encode(letter, _legacy("tcvn3"))
    assert len(data) == 1
    assert decode_as(data, "tcvn3") == letter


@pytest.mark.parametrize("letter", [c for c in LETTERS if c.isupper() and c not in TCVN3_UPPER])
def test_tcvn3_upper_case_written_with_lower_case_byte(letter):
    # .VnTimeH convention: the capital is the lower-case byte drawn by an upper-case font.
    assert encode(letter, _legacy("tcvn3")) == encode(letter.lower(), _legacy("tcvn3"))


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv not installed")
def test_tcvn3_lower_case_matches_glibc_iconv():
    text = "".join(LOWER + TCVN3_UPPER)
    run = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode(), capture_output=True, check=False
    )
    if run.returncode != 0:
        pytest.skip("iconv has no TCVN5712-1")
    assert encode(text, _legacy("tcvn3")) == run.stdout


@pytest.mark.parametrize("letter", LETTERS)
def test_vni_round_trip_letter(letter):
    data = encode(letter, _legacy("vni"))
    assert 1 <= len(data) <= 2
    assert decode_as(data, "vni") == letter


def test_vni_known_sequences():
    assert _surface("chào các bạn", "vni") == "chaøo caùc baïn"
    assert _surface("Độc lập - Tự do - Hạnh phúc", "vni") == "Ñoäc laäp - Töï do - Haïnh phuùc"
    assert _surface("ơ ớ ư ừ đ ỵ ị ĩ ỉ í ì", "vni") == "ô ôù ö öø ñ î ò ó æ í ì"
    assert _surface("ẳ ẵ Ẳ Ẵ", "vni") == "aú aü AÚ AÜ"


def test_tcvn3_known_bytes():
    assert convert_legacy("B¶o Th¾ng", "tcvn3") == "Bảo Thắng"
    assert (
        convert_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    )
    assert convert_legacy("L\xadu V¨n phßng", "tcvn3") == "Lưu Văn phòng"  # ư is the soft-hyphen byte


def test_tcvn3_restores_upper_case_headings():
    assert convert_legacy("§¶NG CéNG S¶N VIÖT NAM", "tcvn3") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert convert_legacy("ñY BAN NH¢N D¢N", "tcvn3") == "ỦY BAN NHÂN DÂN"
    # acronyms are not evidence of a capitals line; title case stays
    assert convert_legacy("Sè 125-CV/VPTU", "tcvn3") == "Số 125-CV/VPTU"
    assert convert_legacy("Bé Néi vô", "tcvn3") == "Bộ Nội vụ"


def test_convert_legacy_rejects_unknown_encoding():
    with pytest.raises(ValueError):
        convert_legacy("abc", "viscii")


# ------------------------------------------------------------------ detection


def test_looks_legacy_positive():
    assert looks_legacy("B¶o Th¾ng")[0] == "tcvn3"
    assert looks_legacy("chaøo caùc baïn")[0] == "vni"
    assert looks_legacy("§éc lËp - Tù do - H¹nh phóc")[0] == "tcvn3"
    enc, confidence = looks_legacy(_surface(DOCUMENT, "vni"))
    assert enc == "vni" and confidence > 0.9
    enc, confidence = looks_legacy(_surface(DOCUMENT, "tcvn3"))
    assert enc == "tcvn3" and confidence > 0.9


@pytest.mark.parametrize(
    "text",
    [
        *EUROPEAN.values(),
        "plain ASCII text, nothing else 123",
        DOCUMENT,
        unicodedata.normalize("NFD", DOCUMENT),
        "Theo § 3 Điều 5, ©2021 Bộ Tư pháp; 25°C, 1.000 €, ông Müller, Schröder, François; ±5%.",
        "Où?",  # one word that VNI would turn into a syllable is not enough
    ],
)
def test_looks_legacy_negative(text):
    assert looks_legacy(text) is None


def test_unicode_vietnamese_skips_the_detector(monkeypatch):
    def boom(*args):
        raise AssertionError("legacy detector ran on Unicode Vietnamese")

    monkeypatch.setattr(dec, "_detect", boom)
    d = decode(DOCUMENT.encode("utf-8"))
    assert (d.encoding, d.legacy, d.confidence, d.text) == ("utf-8", False, 1.0, DOCUMENT)


@pytest.mark.parametrize(
    "word", ["nghiêng", "người", "khuỷu", "quốc", "giữ", "gì", "xoong", "thuở", "Đảng", "ĐẢNG", "uyển", "oẳn"]
)
def test_syllable_model_accepts(word):
    assert dec._is_syllable(word, dec._tables().vn_letter)


@pytest.mark.parametrize(
    "word", ["école", "schön", "niño", "strength", "quốcc", "tôt", "cáć", "fish", "ẫlốve"]
)
def test_syllable_model_rejects(word):
    assert not dec._is_syllable(unicodedata.normalize("NFC", word), dec._tables().vn_letter)


# ------------------------------------------------------------------ decode: legacy files


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("text", [PARAGRAPH, DOCUMENT], ids=["paragraph", "document"])
def test_legacy_bytes_detected(encoding, text):
    data = encode(text, _legacy(encoding))
    d = decode(data)
    assert d.encoding == encoding
    assert d.legacy and d.confidence >= dec.MIN_CONFIDENCE
    assert d.text == text
    assert d.bom == b"" and d.carrier == ""
    assert encode(d.text, d) == data


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_crlf_preserved(encoding):
    data = encode(PARAGRAPH.replace("\n", "\r\n"), _legacy(encoding))
    d = decode(data)
    assert d.encoding == encoding and d.newline == "\r\n"
    assert encode(d.text, d) == data
    assert encode(d.text.replace("\r\n", "\n"), d) == data


@pytest.mark.parametrize("text", [PARAGRAPH, DOCUMENT], ids=["paragraph", "document"])
def test_cp1258_detected(text):
    data = encode(text, _legacy("cp1258"))
    d = decode(data)
    assert d.encoding == "cp1258" and d.legacy
    assert unicodedata.normalize("NFC", d.text) == text
    assert encode(d.text, d) == data
    assert encode(unicodedata.normalize("NFC", d.text), d) == data


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize(
    "codec,bom",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_legacy_inside_unicode(encoding, codec, bom):
    # A .VnTime/VNI-Times document saved as "Unicode text": valid Unicode made of legacy characters.
    data = bom + _surface(DOCUMENT, encoding).encode(codec)
    d = decode(data)
    assert (d.encoding, d.carrier, d.bom, d.legacy) == (encoding, codec, bom, True)
    assert d.text == DOCUMENT
    assert encode(d.text, d) == data


# ------------------------------------------------------------------ decode: not misdetected


@pytest.mark.parametrize("name", EUROPEAN)
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_european_single_byte_not_legacy(name, codec):
    text = EUROPEAN[name]
    if codec == "cp1252":
        text = "\u201c" + text + "\u201d \u2013 \u2026"  # smart quotes, dash, ellipsis
    else:
        text = text.replace("œ", "oe")  # not in Latin-1
    data = text.encode(codec)
    d = decode(data)
    assert d.encoding == ("utf-8" if data.isascii() else "utf-8-replaced")
    assert not d.legacy


@pytest.mark.parametrize("name", EUROPEAN)
def test_european_utf8_not_legacy(name):
    d = decode(EUROPEAN[name].encode("utf-8"))
    assert (d.encoding, d.legacy, d.text) == ("utf-8", False, EUROPEAN[name])


def test_ascii_and_unicode_vietnamese():
    for text in ("Hello, world!\n", PARAGRAPH, unicodedata.normalize("NFD", PARAGRAPH)):
        d = decode(text.encode("utf-8"))
        assert (d.encoding, d.legacy, d.confidence, d.replaced, d.text) == ("utf-8", False, 1.0, 0, text)


# ------------------------------------------------------------------ BOMs and newlines

ROUND_TRIP = {
    "utf8-lf": PARAGRAPH.encode("utf-8"),
    "utf8-crlf": PARAGRAPH.replace("\n", "\r\n").encode("utf-8"),
    "utf8-cr": PARAGRAPH.replace("\n", "\r").encode("utf-8"),
    "utf8-mixed": b"a\r\nb\nc\r\nd\re",
    "utf8-no-final-newline": "Việt Nam".encode(),
    "utf8-sig": b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8"),
    "utf8-sig-crlf": b"\xef\xbb\xbf" + PARAGRAPH.replace("\n", "\r\n").encode("utf-8"),
    "utf16le-bom": b"\xff\xfe" + PARAGRAPH.replace("\n", "\r\n").encode("utf-16-le"),
    "utf16be-bom": b"\xfe\xff" + PARAGRAPH.encode("utf-16-be"),
    "ascii": b"plain\nascii\n",
}


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_round_trip(name):
    data = ROUND_TRIP[name]
    d = decode(data)
    assert "\ufeff" not in d.text
    assert encode(d.text, d) == data


def test_bom_and_newline_fields():
    d = decode(ROUND_TRIP["utf8-sig-crlf"])
    assert (d.encoding, d.bom, d.newline) == ("utf-8-sig", b"\xef\xbb\xbf", "\r\n")
    assert d.text == PARAGRAPH.replace("\n", "\r\n")
    d = decode(ROUND_TRIP["utf16le-bom"])
    assert (d.encoding, d.bom, d.newline, d.text) == (
        "utf-16-le",
        b"\xff\xfe",
        "\r\n",
        PARAGRAPH.replace("\n", "\r\n"),
    )
    d = decode(ROUND_TRIP["utf16be-bom"])
    assert (d.encoding, d.bom, d.newline) == ("utf-16-be", b"\xfe\xff", "\n")
    assert decode(ROUND_TRIP["utf8-cr"]).newline == "\r"
    assert decode(ROUND_TRIP["utf8-mixed"]).newline == "\r\n"
    assert decode(b"no newline").newline == "\n"


def test_encode_writes_normalised_text_with_the_file_newline():
    data = ROUND_TRIP["utf8-sig-crlf"]
    d = decode(data)
    assert encode(d.text.replace("\r\n", "\n"), d) == data


def test_utf16_without_bom():
    for codec in ("utf-16-le", "utf-16-be"):
        d = decode(PARAGRAPH.encode(codec))
        assert (d.encoding, d.bom, d.text) == (codec, b"", PARAGRAPH)
        assert encode(d.text, d) == PARAGRAPH.encode(codec)


# ------------------------------------------------------------------ binary, invalid, empty

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00>\x00\x01\x00\x00\x00"


def _random_with_nuls() -> bytes:
    rng = random.Random(1234)
    data = bytearray(rng.randbytes(4096))
    data[100] = data[2000] = 0
    return bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        PNG,
        PNG[:8],
        ELF,
        _random_with_nuls(),
        b"text\x00more text",
        bytes(range(1, 9)) * 50,
        b"\xff\xfe" + "\x01\x02\x00".encode("utf-16-le") * 40,
    ],
    ids=["png", "png-signature", "elf", "random-nuls", "nul-in-text", "control-bytes", "utf16-binary"],
)
def test_binary_input(data):
    with pytest.raises(BinaryInput, match="binary|NUL|control"):
        decode(data)


def test_utf32_rejected():
    with pytest.raises(BinaryInput, match="UTF-32"):
        decode(b"\xff\xfe\x00\x00" + "abc".encode("utf-32-le"))


def test_random_bytes_never_crash():
    rng = random.Random(42)
    alphabet = list(range(0x20, 0x7F)) * 3 + list(range(0x80, 0x100)) + [9, 10, 13]
    for i in range(300):
        n = rng.randint(0, 300)
        data = rng.randbytes(n) if i % 2 else bytes(rng.choice(alphabet) for _ in range(n))
        try:
            d = decode(data)
        except BinaryInput:
            continue
        assert d.encoding not in ("tcvn3", "vni")  # byte soup is not Vietnamese
        if d.encoding == "utf-8":
            assert encode(d.text, d) == data


def test_invalid_utf8_not_legacy_is_replaced():
    data = b"Report \xff\xfe 2021 \xc3 end\n"
    d = decode(data)
    assert d.encoding == "utf-8-replaced"
    assert d.replaced == 3
    assert d.text == "Report \ufffd\ufffd 2021 \ufffd end\n"
    assert not d.legacy and d.confidence == 0.0


def test_empty():
    d = decode(b"")
    assert (d.text, d.encoding, d.bom, d.newline, d.legacy, d.replaced) == ("", "utf-8", b"", "\n", False, 0)


# ------------------------------------------------------------------ encode errors


def test_encode_unrepresentable():
    with pytest.raises(UnicodeEncodeError):
        encode("garçon", _legacy("tcvn3"))
    assert encode("garçon", _legacy("tcvn3"), errors="replace") == b"gar?on"
    with pytest.raises(UnicodeEncodeError):
        encode("中文", _legacy("vni"))
    with pytest.raises(UnicodeEncodeError):
        encode("中文", _legacy("cp1258"))
