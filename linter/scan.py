"""scan: page images and scanned PDFs -> text lines read by Tesseract, each with its page and box.

Tesseract's own line order interleaves the two columns of a header ("CỤC THUẾ … Độc lập - Tự do")
or of the footer (Nơi nhận | the signature) row by row. So the words it finds are laid out again
here from their boxes: words are grouped into rows by their vertical centres, a row is cut where
a gap wider than a column gutter separates its words, and a run of rows cut in two is emitted as
the left column's lines, then the right column's: the order the layout stage reads best.

Pages are read one at a time (a 20-page TIFF or PDF never holds more than one page image), and
nothing is downloaded: the engine and its Vietnamese model are Debian's `tesseract-ocr` and
`tesseract-ocr-vie`. Imported only when a scan is read (the extra `vblint[ocr]`)."""

from __future__ import annotations

import io
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from statistics import median

from linter import furniture

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
DPI = 300  # PDF pages are rendered at the resolution of an office scan
_A4_300DPI_WIDTH = 2480
_GUTTER_WORDS = 2.0  # a gap wider than this many line heights separates two columns

# Called after each page read by OCR, wherever the scan is read from (a batch sets it around a
# document so that its progress bar counts pages, in a worker too): not threaded through lint.
PAGE_DONE: ContextVar[Callable[[], None] | None] = ContextVar("vblint_page_done", default=None)


class NoEngine(Exception):
    """Tesseract or its Vietnamese model is not installed: says which package to install."""


class BadScan(Exception):
    """The file is not an image or a PDF that can be opened."""


@dataclass
class ScanText:
    text: str
    boxes: list[tuple[int, tuple[int, int, int, int]]] = field(default_factory=list)  # per line: page, bbox
    pages: int = 0
    published: str | None = None  # furniture.GAZETTE: the pages are the Official Gazette's


@dataclass
class _Word:
    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    skew: float = 0.0  # the page's slope: rows are grouped on the straightened page

    @property
    def mid(self) -> float:
        return (self.y0 + self.y1) / 2 - self.skew * (self.x0 + self.x1) / 2


def _engine():
    try:
        import pytesseract
    except ImportError as e:
        raise NoEngine("cần gói Python pytesseract: pip install 'vblint[ocr]'") from e
    try:
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as e:
        raise NoEngine(
            "không tìm thấy Tesseract OCR: cài gói Debian tesseract-ocr và tesseract-ocr-vie"
        ) from e
    except pytesseract.TesseractError as e:
        raise NoEngine(f"Tesseract OCR không chạy được ({e}): cài lại gói Debian tesseract-ocr") from e
    if "vie" not in langs:
        raise NoEngine("Tesseract thiếu mô hình tiếng Việt: cài gói Debian tesseract-ocr-vie")
    # Tesseract's OpenMP threads slow a page down on a few cores and stall when several Tesseracts
    # run at once (tesseract-ocr/tesseract#3109): one thread each, unless the user chose otherwise;
    # a batch reads documents in parallel instead (measured: 1.8 s a page against 3.8-11 s)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return pytesseract


def _prepared(image):
    """The page as Tesseract reads best: at least 300 dpi on A4 (a low-resolution scan is scaled
    up), its paper evened out (_even_paper) and despeckled; and the factor its boxes are scaled by,
    to give them back in the file's own pixels."""
    from PIL import ImageFilter

    scale = max(1.0, _A4_300DPI_WIDTH / max(1, min(image.width, image.height)))
    if scale > 1.05:
        image = image.resize((round(image.width * scale), round(image.height * scale)), resample=3)  # bicubic
    return _even_paper(image).filter(ImageFilter.MedianFilter(3)), scale


def _even_paper(image):
    """The page with its paper made white everywhere: Tesseract thresholds a page with one global
    level, so where the paper is stained, yellowed or in shadow (an archive's page, a photo lit from
    one side) the text there is lost. The paper's own shade is the page with its print taken out
    (the lightest pixel around each point, on an eighth of the page: print is thinner than that),
    smoothed; adding back what it lacks of white lifts the paper to white and the print with it
    (about 45 ms a page)."""
    from PIL import Image, ImageChops, ImageFilter

    small = image.resize((max(1, image.width // 8), max(1, image.height // 8)), Image.BOX)
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(2))
    return ImageChops.add(image, ImageChops.invert(paper.resize(image.size, Image.BILINEAR)))


# Tesseract's mean confidence in a page's words: 85-96 on pages read upright (office, fax, phone
# scans), 42-51 on the same pages turned by 90 or 180 degrees; below this, the page is turned
_UPRIGHT = 70.0


def _words(image, pytesseract) -> tuple[list[_Word], int]:
    """The page's words, and by how many degrees clockwise the page was turned upright first (0, 90,
    180, 270; the words' boxes are the upright page's). A sheet fed upside down or sideways reads
    with little confidence, or lies in landscape (Tesseract reads a page turned a quarter clockwise
    well, as vertical lines, but its rows are then columns): such a page is turned as Tesseract's
    orientation detection says and read again, and that reading kept unless Tesseract is clearly
    less sure of it (a landscape table page stays as it is: detection says it is upright)."""
    image, scale = _prepared(image)
    words, conf = _read(image, scale, pytesseract)
    if conf >= _UPRIGHT and image.width <= image.height or not (turn := _orientation(image, pytesseract)):
        return words, 0
    turned, turned_conf = _read(image.rotate(-turn, expand=True), scale, pytesseract)
    return (turned, turn) if turned_conf > conf - 5 else (words, 0)


def _orientation(image, pytesseract) -> int:
    """Degrees clockwise that turn the page upright, by Tesseract's OSD (about 0.4 s a page); 0
    when it cannot tell (too few letters, a blank page)."""
    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0", output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        return 0
    return int(osd.get("rotate", 0)) % 360


def _read(image, scale: float, pytesseract) -> tuple[list[_Word], float]:
    """Tesseract's words on the prepared page, their boxes in the file's pixels, and its mean
    confidence in them."""
    d = pytesseract.image_to_data(image, lang="vie", config="--psm 3", output_type=pytesseract.Output.DICT)
    if scale > 1.05:  # boxes in the file's pixels
        for k in ("left", "top", "width", "height"):
            d[k] = [round(v / scale) for v in d[k]]
    out, lines, confs = [], {}, []
    keys = zip(d["block_num"], d["par_num"], d["line_num"])
    for key, text, x, y, w, h, conf in zip(
        keys, d["text"], d["left"], d["top"], d["width"], d["height"], d["conf"]
    ):
        if _kept(text.strip(), float(conf)):
            confs.append(float(conf))
            # Tesseract's vie model reads "Đ" as the Icelandic "Ð", or as both ("ĐÐU"): never Vietnamese
            out.append(_Word(text.strip().replace("ĐÐ", "Đ").replace("Ð", "Đ"), x, y, x + w, y + h))
            lines.setdefault(key, []).append(out[-1])
    skew = _skew(lines.values())
    for w in out:
        w.skew = skew
    return out, (sum(confs) / len(confs) if confs else 100.0)


def _turned_back(
    box: tuple[int, int, int, int], turn: int, width: int, height: int
) -> tuple[int, int, int, int]:
    """A box on the page turned `turn` degrees clockwise (width x height, as turned) given back in
    the file's own pixels, where a report's crop is cut."""
    x0, y0, x1, y1 = box
    if turn == 90:
        return y0, width - x1, y1, width - x0
    if turn == 180:
        return width - x1, height - y1, width - x0, height - y0
    if turn == 270:
        return height - y1, x0, height - y0, x1
    return box


_SIGNS = {"-", "+", "*", "•", "–", "—", "./.", "(*)"}  # list dashes, the Party star, the end mark


def _kept(text: str, conf: float) -> bool:
    """A word, or a sign a document uses; not the specks a poor scan reads as marks ("ˆ", "__", ":")."""
    if conf < 0 or not text:
        return False
    if any(c.isalnum() and unicodedata.category(c) != "Lm" for c in text):  # not "ˆ" (a modifier letter)
        return True
    return text in _SIGNS and conf >= 70


def _skew(lines) -> float:
    """The page's slope (dy/dx), the median over Tesseract's own lines of three words or more: a
    scan turned by a degree moves a row's right end by a line's height across an A4 page."""
    slopes = []
    for ws in lines:
        if len(ws) < 3:
            continue
        xs = [(w.x0 + w.x1) / 2 for w in ws]
        ys = [(w.y0 + w.y1) / 2 for w in ws]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        var = sum((x - mx) ** 2 for x in xs)
        if var:
            slopes.append(sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var)
    return median(slopes) if slopes else 0.0


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into physical rows: a word joins the row whose centre line it crosses."""
    if not words:
        return []
    h = median(w.y1 - w.y0 for w in words)
    rows: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: w.mid):
        if rows and abs(w.mid - median(x.mid for x in rows[-1])) <= 0.5 * h:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w.x0) for r in rows]


def _cells(row: list[_Word], gutter: float) -> list[list[_Word]]:
    cells = [[row[0]]]
    for a, b in zip(row, row[1:]):
        if b.x0 - a.x1 > gutter:
            cells.append([b])
        else:
            cells[-1].append(b)
    return cells


def _line(words: list[_Word], page: int) -> tuple[str, tuple[int, tuple[int, int, int, int]]]:
    box = (
        min(w.x0 for w in words),
        min(w.y0 for w in words),
        max(w.x1 for w in words),
        max(w.y1 for w in words),
    )
    return " ".join(w.text for w in words), (page, box)


_WORDLIKE = re.compile(r"[^\W\d_]{3}")


def _listed(cell: list[_Word], width: int) -> bool:
    """The cell stands where a Nơi nhận list's item does: from the left margin to two thirds."""
    return cell[0].x0 < 0.2 * width and cell[-1].x1 <= 0.66 * width


def _side(cell: list[_Word], width: int) -> str:
    """L or R: the cell lies in the left or the right column; S: it spans the page. Marks at the
    cell's end that hold no three letters in a row are left out: what OCR read of a seal or a
    hand's signature in the next column, glued to a row of the list ("…(để chỉ đạo); Z⁄%S")."""
    while len(cell) > 1 and not _WORDLIKE.search(cell[-1].text):
        cell = cell[:-1]
    x0, x1 = cell[0].x0, cell[-1].x1
    if cell[0].text in "-+" and _listed(cell, width):
        return "L"  # an item of the Nơi nhận list, long as a decree's are ("- Các bộ, cơ quan …;")
    if abs((x0 + x1) / 2 - width / 2) < 0.04 * width:
        return "S"  # centred on the page: the type name, a heading
    if x1 <= 0.56 * width:  # (a list's long item runs past the middle: "- Đ/c … (để chỉ đạo);")
        return "L"
    return "R" if x0 >= 0.42 * width else "S"


def lay_out(
    words: list[_Word], page: int, width: int
) -> list[tuple[str, tuple[int, tuple[int, int, int, int]]]]:
    """The page's lines in reading order: a run of rows whose cells all keep to one column or the
    other (the header: issuer | banner; the footer: Nơi nhận | signature) is read column by
    column, the left column's lines first; any other row is read across."""
    if not words:
        return []
    h = median(w.y1 - w.y0 for w in words)
    physical = _rows(words)
    mids = [median(w.mid for w in row) for row in physical]
    rows = [[(_side(c, width), c) for c in _cells(row, _GUTTER_WORDS * h)] for row in physical]
    for j in range(1, len(rows)):  # an item's wrapped line, or one that lost its dash, in the list
        (prev, *_), row = rows[j - 1], rows[j]
        if row[0][0] == "S" and prev[0] == "L" and prev[1][0].text in "-+" and _listed(row[0][1], width):
            rows[j] = [("L", row[0][1]), *row[1:]]
    out: list = []
    i = 0
    while i < len(rows):
        j = i
        # a run of rows that keep to the columns, up to a blank line's gap (below the header's
        # columns a công văn's "Kính gửi" list starts after one)
        while (
            j < len(rows)
            and all(side != "S" for side, _ in rows[j])
            and (j == i or mids[j] - mids[j - 1] < 2.2 * h)
        ):
            j += 1
        sides = {side for row in rows[i:j] for side, _ in row}
        if j > i and sides == {"L", "R"}:  # two columns side by side
            for want in "LR":
                out += [_line(c, page) for row in rows[i:j] for side, c in row if side == want]
            i = j
            continue
        out += [_line(c, page) for _, c in rows[i]]
        i += 1
    return out


def _grey(image):
    """The page in grey as Tesseract reads it. A colour page is taken by its red channel: the print
    and a pen's blue stay dark, while the red seal over the signer's title and name, and a red
    received stamp, fade to the paper (in plain grey a seal is as dark as the print it covers)."""
    if image.mode in ("RGB", "RGBA"):
        return image.getchannel("R")
    return image.convert("RGB").getchannel("R") if image.mode in ("P", "CMYK") else image.convert("L")


def _images(data: bytes, suffix: str, text_pages: list[str] | None = None) -> Iterator:
    """The pages of an image file or a PDF, one at a time; a PDF page that has a text layer in
    text_pages is given as that text instead."""
    try:
        if suffix == ".pdf":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(data)
            try:
                for i in range(len(pdf)):
                    if text_pages and i < len(text_pages) and text_pages[i]:
                        yield text_pages[i]
                        continue
                    page = pdf[i]
                    yield _grey(page.render(scale=DPI / 72).to_pil())
                    page.close()
            finally:
                pdf.close()
            return
        from PIL import Image, ImageSequence

        with Image.open(io.BytesIO(data)) as im:
            for frame in ImageSequence.Iterator(im):
                yield _grey(frame)
    except (OSError, ValueError, SyntaxError) as e:
        raise BadScan(f"{type(e).__name__}: {e}") from None
    except Exception as e:  # pdfium raises its own PdfiumError
        if type(e).__name__ == "PdfiumError":
            raise BadScan(str(e)) from None
        raise


def read_scan(
    data: bytes,
    suffix: str,
    on_page: Callable[[int], None] | None = None,
    text_pages: list[str] | None = None,
    published: str | None = None,
) -> ScanText:
    """OCR of every page of an image or PDF file; on_page(n) after each page (a progress bar).
    text_pages: a mixed PDF's text layer page by page; a page with text is taken as it is (its
    lines carry the page and no box), only the pages with none ("") are read by OCR; published:
    what the text layer showed the pages to be (furniture.GAZETTE)."""
    pytesseract = _engine()
    done = PAGE_DONE.get()
    pages: list[list] = []
    n = 0
    for n, image in enumerate(_images(data, suffix.lower(), text_pages), 1):
        if isinstance(image, str):
            pages.append([(t, (n, None)) for t in image.split("\n")])
        else:
            words, turn = _words(image, pytesseract)
            w, h = image.size if turn in (0, 180) else image.size[::-1]  # the upright page's
            lines = lay_out(words, n, w)
            if turn:
                lines = [(t, (p, _turned_back(box, turn, w, h))) for t, (p, box) in lines]
            pages.append(lines)
            image.close()
        if on_page:
            on_page(n)
        if done and not isinstance(image, str):
            done()
    drop, published = furniture.find([[t for t, _ in page] for page in pages], published)
    lines = [x for page, d in zip(pages, drop) for i, x in enumerate(page) if i not in d]
    return ScanText("\n".join(t for t, _ in lines), [b for _, b in lines], n, published)


def crop_png(path: str, page: int, bbox, margin: int = 60) -> bytes | None:
    """The scanned page `page` of the file at path, cut around bbox (pixels), as PNG; None when
    the file can no longer be read (the report still shows the problem, without its picture)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        suffix = path[path.rfind(".") :].lower()
        for n, image in enumerate(_images(data, suffix), 1):
            if n == page:
                x0, y0, x1, y1 = bbox
                box = (
                    max(0, x0 - margin),
                    max(0, y0 - margin),
                    min(image.width, x1 + margin),
                    min(image.height, y1 + margin),
                )
                buf = io.BytesIO()
                image.crop(box).save(buf, format="PNG")
                return buf.getvalue()
    except (OSError, BadScan, ValueError):
        return None
    return None
