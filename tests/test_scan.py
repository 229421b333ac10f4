"""Scans in (issue 12): page images and scanned PDFs read by the real Tesseract engine.

The pages are printed at test time from corpus documents (bench/render.py: A4, Times-metric font,
the header's and the footer's two columns) and scanned badly on purpose; nothing is mocked. OCR
costs seconds a page on two shared cores, so a few documents only: bench/ocr_scan.py measures more."""

import io
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("pytesseract")
if shutil.which("tesseract") is None:  # .ci/run installs it; a developer without it is told so
    pytest.skip(
        "Tesseract OCR is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)",
        allow_module_level=True,
    )

from bench.ocr_tolerance import MISSING  # noqa: E402
from bench.render import degrade, render  # noqa: E402
from linter.lint import lint_bytes  # noqa: E402
from linter.result import Options  # noqa: E402
from linter.scan import _Word, lay_out, read_scan  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OPTS = Options(today=date(2026, 11, 22))
STATE_TB = (ROOT / "corpus/valid/state-nd30/thong_bao.txt").read_text(encoding="utf-8")
PARTY_CT = (ROOT / "corpus/valid/party-hd36/chi_thi.txt").read_text(encoding="utf-8")


def tiff(pages) -> bytes:
    buf = io.BytesIO()
    pages[0].save(buf, format="TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate")
    return buf.getvalue()


def found(r) -> set[str]:
    return {k for k, v in r.components.items() if v}


@pytest.fixture(scope="module")
def office_scan():
    """The State thông báo printed on two A4 pages and scanned as an office scanner would."""
    return tiff([degrade(p, "office", 3) for p in render(STATE_TB)])


def test_an_office_scan_reads_as_the_text_does(office_scan):
    clean, scan = lint_bytes("tb.txt", STATE_TB.encode(), OPTS), lint_bytes("tb.tif", office_scan, OPTS)
    assert found(scan) == found(clean)
    for k in ("number", "place_date"):
        assert {
            f: scan.components[k][f]
            for f in ("seq", "symbol", "day", "month", "year")
            if f in clean.components[k]
        } == {
            f: clean.components[k][f]
            for f in ("seq", "symbol", "day", "month", "year")
            if f in clean.components[k]
        }
    assert scan.components["signature"]["authority"] == "TL." and scan.components["recipients"]
    # a misread letter may still break a format rule ("Lưu: VE TCCB."), never make a part missing
    assert not [d for d in scan.diagnostics if d.code in MISSING], [d.message for d in scan.diagnostics]


def test_diagnostics_on_a_scan_carry_the_page_and_the_box():
    text = STATE_TB.replace("Số: 318/TB-BNNMT", "Số 318/TB-BNNMT")  # the State number wants its colon
    pages = [degrade(p, "office", 5) for p in render(text)]
    r = lint_bytes("tb.png", _png(pages[0]), OPTS)
    (d,) = [d for d in r.diagnostics if d.code == "VB211"]  # state-number-colon
    # small print on a scan is for review: OCR loses colons more often than clerks do
    assert d.severity == "info" and "đối chiếu bản gốc" in d.message
    assert [
        x.severity for x in lint_bytes("tb.txt", text.encode(), OPTS).diagnostics if x.code == "VB211"
    ] == ["error"]
    out = d.to_dict()
    assert out["page"] == 1 and len(out["bbox"]) == 4
    x0, y0, x1, y1 = out["bbox"]
    assert 0 <= x0 < x1 <= pages[0].width and 0 <= y0 < y1 < pages[0].height / 3  # in the header
    # and nowhere else: text input keeps the contract without them
    assert "page" not in lint_bytes("tb.txt", text.encode(), OPTS).diagnostics[0].to_dict()


def test_the_footer_s_columns_are_read_apart_past_a_long_item_and_the_seal_s_marks():
    """Round 86 (a page 2,480 pixels wide, the word boxes as Tesseract gave them): a list item that
    runs a little past the page's middle, with what OCR read of the seal beside it glued to its end
    ("… (để chỉ đạo); Z⁄%S"), is still the list's: the list is read whole, then the signature's
    column."""

    def row(y, *cells):
        return [_Word(t, x0, y, x1, y + 44) for t, x0, x1 in cells]

    page = (
        row(857, ("Nơi", 386, 470), ("nhận:", 484, 597))
        + row(834, ("GIÁM", 1672, 1810), ("ĐỐC", 1830, 1977))
        + row(825, ("SIỂ", 2224, 2308))
        + row(
            910, ("-", 388, 400), ("Như", 418, 502), ("trên", 516, 590), ("(để", 607, 667), ("báo", 683, 751)
        )
        + row(910, ("cáo);", 768, 863))
        + row(
            970,
            ("-", 388, 400),
            ("Đ/c", 414, 476),
            ("Huỳnh", 490, 612),
            ("Ngọc", 625, 741),
            ("Liêm", 755, 856),
        )
        + row(
            969,
            ("-", 866, 878),
            ("Phó", 890, 948),
            ("GĐ", 961, 1017),
            ("(để", 1029, 1085),
            ("chỉ", 1097, 1154),
        )
        + row(966, ("đạo);", 1229, 1318), ("Z⁄%S", 1323, 1608))
        + row(1030, ("-", 388, 400), ("Lưu:", 418, 506), ("VT,", 524, 580), ("PA05.", 598, 700))
        + row(1317, ("Trương", 1402, 1620), ("Minh", 1640, 1800), ("Đương", 1820, 2000))
    )
    lines = [t for t, _ in lay_out(page, 1, 2480)]
    assert [x[:5] for x in lines[:4]] == ["Nơi n", "- Như", "- Đ/c", "- Lưu"]
    assert lines[4:6] == ["GIÁM ĐỐC", "SIỂ"]


def test_a_decree_s_long_list_items_keep_to_their_column():
    """Round 86's decision of the Prime Minister (word boxes as Tesseract gave them, 2,480 pixels
    wide): items long enough to pass the page's middle, and one whose dash OCR lost, wrapped under
    it, stay in the list's column: the list is read to its Lưu line, then the signature's column."""

    def row(y, x0, x1, text):
        words, step = text.split(), (x1 - x0) / len(text)
        out, x = [], x0
        for w in words:
            out.append(_Word(w, round(x), y, round(x + step * len(w)), y + 44))
            x += step * (len(w) + 1)
        return out

    items = [
        (1425, "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;"),
        (1365, "- UBND các tỉnh, thành phố trực thuộc trung ương;"),
        (1004, "- Văn phòng Trung ương Đảng;"),
        (1029, "- Viện kiểm sát nhân dân tối cao;"),
        (1446, "- Cơ quan trung ương của các tổ chức chính trị - xã hội;"),
        (1494, "VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT,"),
        (1224, "các Vụ, Cục, đơn vị trực thuộc, Công báo;"),
        (854, "- Lưu: VT, KSTT (2)."),
    ]
    page = row(1139, 419, 632, "Nơi nhận:") + row(1120, 1723, 2083, "THỦ TƯỚNG")
    page += row(1300, 1670, 2137, "Phạm Minh Chính")
    for k, (x1, text) in enumerate(items):
        page += row(1190 + 52 * k, 448 if text[0] != "-" else 420, x1, text)
    lines = [t for t, _ in lay_out(page, 1, 2480)]
    assert lines[-2:] == ["THỦ TƯỚNG", "Phạm Minh Chính"] and lines[-3] == "- Lưu: VT, KSTT (2)."


def test_a_signer_s_name_the_seal_hid_is_asked_to_be_checked():
    """The seal and the hand lie over the signature block: on round 86's twenty office scans every
    title or name reported missing was there on the page. On a scan a missing name is reported for
    review, as info; in a text it stays an error."""
    text = STATE_TB.replace("Lương Thị Minh Nguyệt", "")  # (the signer's name, dropped)
    assert text != STATE_TB
    typed = lint_bytes("tb.txt", text.encode(), OPTS)
    assert [d.severity for d in typed.diagnostics if d.code == "VB303"] == ["error"]
    scan = lint_bytes("tb.png", _png(degrade(render(text)[-1], "office", 3)), OPTS)
    (d,) = [d for d in scan.diagnostics if d.code == "VB303"]
    assert d.severity == "info" and "bản gốc" in d.message


def _png(image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def test_pages_are_read_one_at_a_time_and_counted(office_scan):
    seen = []
    s = read_scan(office_scan, ".tif", on_page=seen.append)
    assert seen == [1, 2] and s.pages == 2
    assert {p for p, _ in s.boxes} == {1, 2} and len(s.boxes) == len(s.text.split("\n"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_counts_pages_as_ocr_reads_them(office_scan, tmp_path, jobs):
    """The progress bar's page count comes from the process that reads the page (a worker sends
    word of each), before the document's result: a long scan moves the bar page by page."""
    from linter.batch import Progress, iter_results

    (tmp_path / "tb.tif").write_bytes(office_scan)
    (tmp_path / "tb.txt").write_text(STATE_TB, encoding="utf-8")
    files = [str(tmp_path / "tb.tif"), str(tmp_path / "tb.txt")]
    shown = _Screen()
    bar = Progress(len(files), shown, enabled=True, interval=0, lang="en")
    pages_before_result = []
    for r in bar.wrap(iter_results(files, OPTS, jobs=jobs, timeout=300, on_page=bar.page)):
        pages_before_result.append((Path(r.path).suffix, bar.pages))
    assert bar.pages == 2 and pages_before_result[0] == (".tif", 2)
    assert "· 1 pages" in shown.getvalue() and "2/2 (100%) · 2 pages" in shown.getvalue()


class _Screen(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_scanned_pdf_is_read_by_ocr():
    pages = [degrade(p, "office", 7) for p in render(PARTY_CT)]
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", save_all=True, append_images=pages[1:], resolution=200)
    r = lint_bytes("ct.pdf", buf.getvalue(), OPTS)
    clean = lint_bytes("ct.txt", PARTY_CT.encode(), OPTS)
    assert r.readable and found(r) == found(clean)
    assert r.components["number"]["symbol"] == clean.components["number"]["symbol"]


def test_the_two_columns_are_read_apart_from_the_word_boxes():
    """Row by row the header reads "BỘ X CỘNG HÒA …" / "Số: 1/TB-X Độc lập …"; from the boxes,
    the left column comes first, then the right, and full-width lines stay whole."""

    def words(s, x, y):
        out = []
        for w in s.split():
            out.append(_Word(w, x, y, x + 10 * len(w), y + 20))
            x += 10 * len(w) + 8
        return out

    page = (
        words("BỘ NỘI VỤ", 150, 100)
        + words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 900, 100)
        + words("Số: 12/TB-BNV", 160, 140)
        + words("Độc lập - Tự do - Hạnh phúc", 950, 140)
        + words("Hà Nội, ngày 2 tháng 3 năm 2025", 930, 180)
        + words("THÔNG BÁO", 780, 260)
        + words("Thực hiện kế hoạch của Bộ, một câu dài trải khắp chiều ngang trang giấy này", 200, 300)
    )
    lines = [t for t, _ in lay_out(page, 1, 1654)]
    assert lines == [
        "BỘ NỘI VỤ",
        "Số: 12/TB-BNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 2 tháng 3 năm 2025",
        "THÔNG BÁO",
        "Thực hiện kế hoạch của Bộ, một câu dài trải khắp chiều ngang trang giấy này",
    ]


def _cli(args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def test_without_the_engine_a_clear_message_and_exit_2(tmp_path, office_scan):
    scan = tmp_path / "tb.tif"
    scan.write_bytes(office_scan)
    no_engine = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # python, but no tesseract
    p = _cli(["check", "--no-cache", str(scan)], no_engine)
    assert p.returncode == 2 and "tesseract-ocr" in p.stdout + p.stderr and "Traceback" not in p.stderr
    empty = tmp_path / "tessdata"
    empty.mkdir()
    p = _cli(["check", "--no-cache", str(scan)], {**os.environ, "TESSDATA_PREFIX": str(empty)})
    assert p.returncode == 2 and "tesseract-ocr-vie" in p.stdout + p.stderr and "Traceback" not in p.stderr


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, b"not an image at all", b""])
def test_a_broken_image_is_a_clear_error(tmp_path, data):
    bad = tmp_path / "bad.png"
    bad.write_bytes(data)
    p = _cli(["check", "--no-cache", "--format", "json", str(bad)])
    assert p.returncode == 2 and "Traceback" not in p.stderr
    (f,) = json.loads(p.stdout)["files"]
    assert f["diagnostics"][0]["code"] in ("VB001", "VB006")


def test_a_directory_of_scans_is_checked(tmp_path, office_scan):
    (tmp_path / "a.tif").write_bytes(office_scan)
    (tmp_path / "b.txt").write_text(STATE_TB, encoding="utf-8")
    p = _cli(["check", "--no-cache", "--format", "json", str(tmp_path)])
    files = {Path(f["path"]).name: f for f in json.loads(p.stdout)["files"]}
    assert set(files) == {"a.tif", "b.txt"} and files["a.tif"]["components"]["number"]


def test_reports_show_the_page_and_the_crop(tmp_path):
    text = STATE_TB.replace("Số: 318/TB-BNNMT", "Số 318/TB-BNNMT")
    scan = tmp_path / "tb.png"
    scan.write_bytes(_png(degrade(render(text)[0], "office", 5)))
    sarif = json.loads(_cli(["check", "--no-cache", "--format", "sarif", str(scan)]).stdout)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    assert any(g.get("properties", {}).get("page") == 1 for g in regions)
    page = _cli(["check", "--no-cache", "--format", "html", str(scan)]).stdout
    assert '<img class="crop"' in page and "data:image/png;base64," in page and "img-src data:" in page


def test_fix_never_touches_a_scan(tmp_path):
    text = STATE_TB.replace("Số: 318/TB-BNNMT", "Số 318/TB-BNNMT")
    scan = tmp_path / "tb.png"
    scan.write_bytes(_png(degrade(render(text)[0], "office", 5)))
    before = scan.read_bytes()
    p = _cli(["check", "--no-cache", "--fix", str(scan)])
    assert scan.read_bytes() == before and "Traceback" not in p.stderr
    # and a second run, from the cache, still says where on the page
    first = json.loads(
        _cli(["check", "--format", "json", "--cache-dir", str(tmp_path / "c"), str(scan)]).stdout
    )
    again = json.loads(
        _cli(["check", "--format", "json", "--cache-dir", str(tmp_path / "c"), str(scan)]).stdout
    )
    assert again["files"][0]["diagnostics"] == first["files"][0]["diagnostics"]
    assert all("page" in d for d in again["files"][0]["diagnostics"])


def test_a_mixed_pdf_is_read_page_by_page():
    """A text page as it is, a scanned page by OCR, in page order."""
    fixtures = pytest.importorskip("fixtures_office")
    from pypdf import PdfReader, PdfWriter

    image = degrade(render(STATE_TB)[0], "office", 9)
    scanned = io.BytesIO()
    image.save(scanned, format="PDF", resolution=200)
    out = PdfWriter()
    for part in (fixtures.build_party_pdf(), scanned.getvalue()):
        for page in PdfReader(io.BytesIO(part)).pages:
            out.add_page(page)
    buf = io.BytesIO()
    out.write(buf)
    seen = []
    s = read_scan(buf.getvalue(), ".pdf", on_page=seen.append, text_pages=["x", ""])
    assert seen == [1, 2] and s.boxes[0] == (1, None) and s.boxes[-1][0] == 2 and s.boxes[-1][1] is not None
    r = lint_bytes("mixed.pdf", buf.getvalue(), OPTS)
    assert r.readable and "BỘ NÔNG NGHIỆP" in r.text and r.text.index("BỘ NÔNG NGHIỆP") > 0


def test_a_batch_with_scans_gets_time_for_ocr():
    from linter.cli import _default_timeout

    assert _default_timeout(["a.txt", "b.md"]) == 20.0
    assert _default_timeout(["a.txt", "scan.TIF"]) == _default_timeout(["c.pdf"]) == 600.0


def test_a_large_multi_page_scan_is_not_refused_as_too_large():
    """An uncompressed 10-page TIFF weighs about 40 MB; text files keep their 10 MB limit."""
    from linter.read import MAX_BYTES, max_bytes

    pages = render(STATE_TB) * 3
    buf = io.BytesIO()
    pages[0].save(buf, format="TIFF", save_all=True, append_images=pages[1:])  # no compression
    assert len(buf.getvalue()) > MAX_BYTES and max_bytes("a.txt") == MAX_BYTES
    assert len(buf.getvalue()) < max_bytes("scan.tif") and max_bytes("b.PDF") == max_bytes("scan.tif")


def test_a_published_row_holding_both_columns_is_printed_and_read_apart():
    """A published text lays "Nơi nhận:" and the authority on one row with tabs (round 21 of
    docs/precision.md); bench.render prints each side in its column, and the scan of that page
    reads the list and the signature as the text does (each once)."""
    text = STATE_TB.replace(
        "Nơi nhận:\n- Bộ trưởng (để báo cáo);\n- Thứ trưởng",
        "Nơi nhận:\t\t\tTL. BỘ TRƯỞNG\n- Bộ trưởng (để báo cáo);\t\t\tVỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ\n- Thứ trưởng",
    ).replace("\nTL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ\n", "\n")
    clean = lint_bytes("tb.txt", text.encode(), OPTS)
    last = degrade(render(text)[-1], "office", 4)
    scan = read_scan(tiff([last]), ".tif")
    assert scan.text.count("Nơi nhận") == 1 and scan.text.count("Lưu") == 1
    read = lint_bytes("tb.tif", tiff([degrade(p, "office", 4) for p in render(text)]), OPTS)
    assert found(read) == found(clean)
    assert read.components["signature"]["authority"] == clean.components["signature"]["authority"] == "TL."


def test_a_header_table_read_row_by_row_is_printed_in_its_columns():
    """A .docx header table read row by row gives "UBND TỈNH …" / "CỘNG HÒA …" / "SỞ …" / "Độc
    lập …" (round 28): the issuer's lines span the banner's, and bench.render still prints the
    banner and the date on the right, so the scan reads the header as the text does."""
    text = STATE_TB.replace(
        "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n",
    )
    clean = lint_bytes("tb.txt", text.encode(), OPTS)
    assert (
        clean.components["issuer"]["line"]
        < clean.components["banner"]["line"]
        < clean.components["issuer"]["end_line"]
    )
    read = lint_bytes("tb.tif", tiff([degrade(p, "office", 6) for p in render(text)]), OPTS)
    assert found(read) == found(clean)
    assert not {"VB112", "VB114"} & {d.code for d in read.diagnostics}


def test_a_v_v_above_the_motto_is_printed_under_its_number():
    """A .docx header read cell by cell puts the motto after the công văn's V/v (round 35): the
    banner's lines then span the V/v, and bench.render still prints it under the number, on the
    left, as the page has it; the scan reads the trích yếu whole."""
    cv = (ROOT / "corpus/valid/state-nd30/cong_van.txt").read_text(encoding="utf-8")
    head = cv[: cv.index("Kính gửi:")]
    text = cv.replace(
        head,
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 4126/BGDĐT-GDPT\n"
        "V/v hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông\nnăm học 2025 - 2026\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 08 tháng 8 năm 2025\n\n",
    )
    clean = lint_bytes("cv.txt", text.encode(), OPTS)
    assert (
        clean.components["banner"]["line"]
        < clean.components["subject"]["line"]
        < clean.components["banner"]["end_line"]
    )
    page = tiff([degrade(p, "office", 2) for p in render(text)])
    scan = read_scan(page, ".tif").text
    assert scan.index("V/v") < scan.index("CỘNG HÒA")  # the left column is read first
    read = lint_bytes("cv.tif", page, OPTS)
    assert found(read) == found(clean)
    assert read.components["subject"]["text"].startswith("V/v hướng dẫn")


def test_a_stained_yellowed_page_is_read():
    """An archive's pages (bench.render's "archive" damage: the paper yellowed and stained, the back
    page showing through, the ink faded): Tesseract thresholds a page at one level and read none
    of it. The paper is evened out first (scan._even_paper): every part is found again."""
    clean = lint_bytes("tb.txt", STATE_TB.encode(), OPTS)
    scan = lint_bytes("tb.tif", tiff([degrade(p, "archive", 1) for p in render(STATE_TB)]), OPTS)
    assert found(scan) == found(clean)


def test_tesseract_runs_one_thread_unless_the_user_chose(monkeypatch):
    """Tesseract's OpenMP threads make a page 2-6 times slower on a few cores (bench/README.md):
    vblint runs it single-threaded, unless OMP_THREAD_LIMIT is set already."""
    from linter.scan import _engine

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    _engine()
    assert os.environ["OMP_THREAD_LIMIT"] == "1"
    monkeypatch.setenv("OMP_THREAD_LIMIT", "4")
    _engine()
    assert os.environ["OMP_THREAD_LIMIT"] == "4"


def test_a_box_on_the_turned_page_is_given_back_in_the_file_s_pixels():
    """Reports cut their crops from the file's own page: a box found on the page turned upright
    maps back onto the same ink, whichever way the sheet was fed."""
    from PIL import Image, ImageChops

    from linter.scan import _turned_back

    page = Image.new("L", (300, 500), 255)
    page.paste(0, (40, 70, 120, 90))  # a line of print near the top left
    for turn in (90, 180, 270):
        upright = page.rotate(-turn, expand=True, fillcolor=255)
        box = ImageChops.invert(upright).getbbox()
        assert _turned_back(box, turn, *upright.size) == (40, 70, 120, 90), turn


@pytest.fixture(scope="module")
def first_page():
    return degrade(render(STATE_TB)[0], "office", 3)


@pytest.mark.parametrize("turn", [180, 270])
def test_a_sheet_fed_upside_down_or_sideways_is_turned_and_read(first_page, turn):
    """Upside down, Tesseract reads a page with little confidence (mean 42-51 against 85-96);
    turned a quarter clockwise it reads the words but its rows are then columns. Either way the
    page is turned as Tesseract's orientation detection says, and read as the upright page is;
    the boxes stay the file's (the report's crop is cut from the page as scanned)."""
    upright = lint_bytes("p.png", _png(first_page), OPTS)
    fed = first_page.rotate(turn, expand=True)
    turned = lint_bytes("p.png", _png(fed), OPTS)
    assert found(turned) == found(upright) and {"issuer", "number", "doc_type"} <= found(turned)
    assert turned.components["number"]["symbol"] == upright.components["number"]["symbol"]
    s = read_scan(_png(fed), ".png")
    assert all(0 <= b[0] < b[2] <= fed.width and 0 <= b[1] < b[3] <= fed.height for _, b in s.boxes)


def _bare(text: str) -> str:
    """Text as a scanner's OCR with an English model leaves it: letters without their marks."""
    import unicodedata

    t = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in t if not unicodedata.combining(c))


@pytest.mark.parametrize("layer", ["bare", "stamp"])
def test_a_scan_whose_text_layer_is_not_the_document_s_is_read_by_ocr(layer):
    """Round 86: scanners that OCR a page with an English model put a text layer without marks under
    the image ("TINH trY LAM DONG"); an e-signed copy of a scan carries only the stamp's line ("SAO
    Y; CÔNG AN TỈNH LÂM ĐỒNG; 06/01/2026; …") over its first page, the others none. Read as text,
    nothing of the document is found; its pages are read by OCR instead, and the user is told
    (VB010, info). A published page is never taken so."""
    fpdf = pytest.importorskip("fpdf")
    from fpdf.enums import TextMode
    from PIL import Image

    fixtures = pytest.importorskip("fixtures_office")
    image = degrade(render(STATE_TB)[0], "office", 9)
    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210, h=297)
    if layer == "bare":
        pdf.text_mode = TextMode.INVISIBLE
        pdf.set_font("helvetica", size=12)
        for k, line in enumerate(_bare(STATE_TB).split("\n")[:40]):
            pdf.text(25, 20 + 6 * k, line.encode("latin-1", "replace").decode("latin-1"))
    else:
        pdf.add_font("U", "", fixtures.find_unicode_ttf())
        pdf.set_font("U", size=7)
        pdf.text(120, 290, "SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 06/01/2026; 16:42:26; +07:00")
        pdf.add_page()  # the scan's second page: an image, no text
        pdf.image(Image.new("L", (200, 280), 255), x=0, y=0, w=210, h=297)
    r = lint_bytes("scan.pdf", bytes(pdf.output()), OPTS)
    clean = lint_bytes("tb.txt", STATE_TB.encode(), OPTS)
    assert "VB010" in {d.code for d in r.diagnostics}
    assert {"banner", "issuer", "number", "doc_type"} <= found(r)
    assert r.components["number"]["symbol"] == clean.components["number"]["symbol"]
    text = lint_bytes("t.pdf", fixtures.build_party_pdf(), OPTS)
    assert "VB010" not in {d.code for d in text.diagnostics} and text.components["number"]
