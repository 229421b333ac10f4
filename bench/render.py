"""Print a text document onto A4 page images, laid out as issued, and scan it badly on purpose.

    render(text) -> [PIL images]      the header's two columns (issuer and number left, banner and
                                      date right), the type, summary and body across the page, the
                                      footer's two columns (Nơi nhận left, the signature right)
    degrade(image, quality, seed)     "office" (a clean office scan) or "poor": blur, noise, a slight
                                      rotation, low resolution, a stamp over the signature; "copy"
                                      and "fax" (any page size): a photocopy's uneven toner, a fax's
                                      half vertical resolution, both black and white; "phone": a
                                      page photographed, then sent as a small JPEG

Used by tests/test_scan.py and bench/ocr_scan.py, so the page images are made at test time from
the corpus (no binary fixtures). Times-metric font: Debian's fonts-liberation2."""

from __future__ import annotations

import io
import random
from datetime import date
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

DPI = 200
A4 = (round(8.27 * DPI), round(11.69 * DPI))
MARGIN = (round(1.2 * DPI), round(0.8 * DPI))  # left, top
FONTS = Path("/usr/share/fonts/truetype/liberation2")
_SIZE = round(13 / 72 * DPI)


def _font(bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), _SIZE)


def _zones(text: str) -> tuple[set[int], set[int], set[int], set[int]]:
    """Line numbers (1-based) of the header's left and right columns, and of the footer's."""
    from linter.lint import lint_bytes
    from linter.result import Options

    c = lint_bytes("page.txt", text.encode("utf-8"), Options(today=date(2026, 11, 22))).components

    def lines(*names):
        return {n for k in names if c.get(k) for n in range(c[k]["line"], c[k]["end_line"] + 1)}

    # a công văn's "V/v …" stands under its number, in the left column (a header read cell by cell
    # may put the motto below it, so the banner's lines span it)
    vv = ("subject",) if (c.get("subject") or {}).get("prefix") else ()
    return (
        lines("issuer", "number", *vv),
        lines("banner", "place_date"),
        lines("recipients"),
        lines("signature"),
    )


def _wrap(draw, s: str, font, width: int) -> list[str]:
    """s in lines that fit the width, as a word processor wraps a paragraph."""
    out, cur = [], ""
    for w in s.split():
        if cur and draw.textlength(f"{cur} {w}", font=font) > width:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return out + [cur]


def _halves(row: str, left: bool, right: bool) -> tuple[str | None, str | None]:
    """A row's text in each column. A published text may hold both columns on one row, laid out
    with tabs or spaces ("Nơi nhận:\t\t\tKT. CHỦ TỊCH") or run together ("BỘ NỘI VỤ CỘNG HÒA XÃ
    HỘI …"): each column gets its own side, cut where the linter's layout cuts it. The parts those
    rows hold then span each other's rows: a row of one column only goes to the signature's side
    when it is a signature's line (authority, title, name), else to the recipients' (None: not in
    that column)."""
    if not (left and right):
        return row, row
    from linter import patterns as P  # (as _zones: the linter only when a page is printed)
    from linter.layout import split_columns
    from linter.lines import Line

    # (a gap an e-signature leaves in "Số:        /TTr-SNV" or "ngày     tháng" is no column's)
    pieces = split_columns(Line.plain(row.strip().replace("\t", "    "), 1))
    if len(pieces) > 1:
        return pieces[0].text, " ".join(p.text for p in pieces[1:])
    t = row.strip()
    if P.banner_kind(t) or P.parse_place_date(t):
        return None, row  # a header row the issuer's lines span (a table read row by row): the banner's side
    signs = P.authority_of(t) or P.is_title_line(t) or P.is_name_line(t) or P.SIGNED.match(t)
    return (None, row) if signs else (row, None)


def _filler(s: str) -> bool:
    return not s.strip() or set(s.strip()) <= set("-_=*")


def render(text: str) -> list[Image.Image]:
    left, right, recip, sig = _zones(text)
    rows = text.split("\n")
    regular, bold = _font(), _font(True)
    step = round(_SIZE * 1.35)
    pages: list[Image.Image] = []
    page = draw = None
    y = 0

    def new_page():
        nonlocal page, draw, y
        page = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(page)
        pages.append(page)
        y = MARGIN[1]

    def put(s: str, x_centre: float | None, yy: int, font) -> None:
        w = draw.textlength(s, font=font)
        x = MARGIN[0] if x_centre is None else x_centre - w / 2
        draw.text((x, yy), s, fill=0, font=font)

    new_page()
    n = 0
    while n < len(rows):
        # a two-column block: the left and right lines that stand together, side by side
        for a_zone, b_zone, a_x, b_x in ((left, right, 0.27, 0.70), (recip, sig, None, 0.70)):
            if n + 1 in a_zone | b_zone:
                end = n  # the block runs over its zones' lines, blank lines and drawn rules
                while end < len(rows) and (end + 1 in a_zone | b_zone or _filler(rows[end])):
                    end += 1
                block = range(n + 1, end + 1)
                col = 0.45 * (A4[0] - 2 * MARGIN[0])  # each column wraps within its half
                halves = {k: _halves(rows[k - 1], k in a_zone, k in b_zone) for k in block}
                lcol = [
                    p
                    for k in block
                    if (k in a_zone or rows[k - 1].strip() == "*") and halves[k][0] is not None
                    for p in _wrap(draw, halves[k][0], regular, col)
                ]
                rcol = [
                    p
                    for k in block
                    if k in b_zone and halves[k][1] is not None
                    for p in _wrap(draw, halves[k][1], bold, col)
                ]
                if y + step * max(len(lcol), len(rcol)) > A4[1] - MARGIN[1]:
                    new_page()
                for i, s in enumerate(lcol):
                    put(s, None if a_x is None else a_x * A4[0], y + i * step, bold if a_x else regular)
                for i, s in enumerate(rcol):
                    put(s, b_x * A4[0], y + i * step, bold)
                y += step * (max(len(lcol), len(rcol)) + 1)
                n = end
                break
        else:
            s = rows[n].rstrip()
            heading = s.isupper() and len(s) < 60
            for piece in _wrap(draw, s, regular, A4[0] - 2 * MARGIN[0]) if s else [""]:
                if piece:
                    if y + step > A4[1] - MARGIN[1]:
                        new_page()
                    put(piece, A4[0] / 2 if heading else None, y, bold if heading else regular)
                y += step if piece else step // 2
            n += 1
    return pages


def degrade(image: Image.Image, quality: str, seed: int = 0) -> Image.Image:
    """A scan of the page: "office" is slightly soft and noisy; "poor" is blurred, noisy, rotated,
    at a low resolution, with a stamp over the signature; "copy" and "fax" see _black_and_white, "phone" _photographed,
    "archive" _archived, "received" _received."""
    rng = random.Random(seed)
    if quality in ("copy", "fax"):
        return _black_and_white(image, quality, rng)
    if quality == "phone":
        return _photographed(image, rng)
    if quality == "archive":
        return _archived(image, rng)
    if quality == "received":
        return _received(image, rng)
    im = image.copy()
    if quality == "poor":
        d = ImageDraw.Draw(im)
        cx, cy, r = int(A4[0] * 0.66), int(A4[1] * 0.80), DPI // 2
        d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=150, width=6)  # the seal, in grey
        im = im.rotate(rng.uniform(-1.2, 1.2), resample=Image.BICUBIC, fillcolor=255)
        small = im.resize((im.width * 2 // 3, im.height * 2 // 3), Image.BILINEAR)
        im = small.resize(im.size, Image.BILINEAR).filter(ImageFilter.GaussianBlur(1.2))
        noise = 28
    else:
        im = im.filter(ImageFilter.GaussianBlur(0.6))
        noise = 12
    px = im.load()
    for _ in range(im.width * im.height // 40):  # salt and pepper, and grain
        x, y = rng.randrange(im.width), rng.randrange(im.height)
        px[x, y] = max(0, min(255, px[x, y] + rng.randint(-noise * 4, noise * 4)))
    return im


def _black_and_white(image: Image.Image, quality: str, rng: random.Random) -> Image.Image:
    """Damage unlike the two scans above (added later, never tuned on): the page thresholded to
    black and white under uneven light, so thin strokes break and dark ones merge. "copy": a
    photocopy, skewed up to 2 degrees, toner dust, one edge darker; "fax": every second row lost
    (half the vertical resolution, stretched back), a slight skew, streaks along the rows."""
    w, h = image.size
    im = image.rotate(
        rng.uniform(-2, 2) if quality == "copy" else rng.uniform(-0.6, 0.6),
        resample=Image.BICUBIC,
        fillcolor=255,
        expand=False,
    )
    if quality == "fax":
        im = im.resize((w, h // 2), Image.BOX).resize((w, h), Image.NEAREST)
    else:
        im = im.filter(ImageFilter.GaussianBlur(0.8))
    # light falling off towards one side: the threshold moves across the page
    side = rng.choice((0, 1))
    shade = Image.linear_gradient("L").rotate(90 if side else -90).resize((w, h))
    im = Image.blend(im, shade.point(lambda v: 255 - v * 2 // 5), 0.4)
    cut = rng.randint(150, 175)
    im = im.point(lambda v: 0 if v < cut else 255)
    px = im.load()
    dots = w * h // (2500 if quality == "copy" else 4000)
    for _ in range(dots):  # toner dust, or line noise
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = 0
    if quality == "fax":
        for _ in range(rng.randint(2, 5)):  # a streak along a row
            y = rng.randrange(h)
            for x in range(rng.randrange(w // 2), w):
                if rng.random() < 0.5:
                    px[x, y] = 0
    return im


def _photographed(image: Image.Image, rng: random.Random) -> Image.Image:
    """A page photographed with a phone and sent on (added after "copy" and "fax", never tuned on):
    held at a slant (the far edge narrower), lit from one side, a little out of focus, grey, and
    saved as a JPEG at low quality and three quarters of the resolution."""
    w, h = image.size
    d = rng.uniform(0.01, 0.03) * w  # the top edge narrower by 2·d: a keystone
    im = image.transform(
        (w, h), Image.QUAD, (-d, 0, -d * 0.2, h, w + d * 0.2, h, w + d, 0), Image.BICUBIC, fillcolor=255
    )
    im = im.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, fillcolor=255)
    shade = Image.linear_gradient("L").rotate(rng.choice((90, -90, 0, 180))).resize((w, h))
    im = Image.blend(im, shade.point(lambda v: 90 + v // 2), 0.3).filter(ImageFilter.GaussianBlur(1.0))
    small = im.resize((w * 3 // 4, h * 3 // 4), Image.BILINEAR)
    buf = io.BytesIO()
    small.save(buf, format="JPEG", quality=30)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L").resize((w, h), Image.BILINEAR)


def _archived(image: Image.Image, rng: random.Random) -> Image.Image:
    """An old page from an archive's box, scanned in grey (added after "phone", held out: run once
    before and once after a session's fixes): the paper yellowed and stained, the back page's
    text showing through mirrored, the ink faded unevenly, scanned at 150 dpi, slightly turned."""
    w, h = image.size
    back = image.transpose(Image.FLIP_LEFT_RIGHT).rotate(rng.uniform(-1, 1), fillcolor=255)
    back = back.transform((w, h), Image.AFFINE, (1, 0, rng.randint(-40, 40), 0, 1, rng.randint(-60, 60)))
    im = Image.blend(image, back, rng.uniform(0.12, 0.2))  # show-through
    # ink faded towards one corner: dark pixels lifted by up to a third of the way to the paper
    fade = Image.linear_gradient("L").rotate(rng.choice((45, 135, 225, 315))).resize((w, h))
    im = Image.composite(im.point(lambda v: v + (255 - v) // 3), im, fade)
    # the paper: yellowed (grey in a scan) and stained by blotches a few centimetres wide
    sw, sh = max(1, w // 60), max(1, h // 60)
    stains = Image.frombytes("L", (sw, sh), bytes(rng.randrange(256) for _ in range(sw * sh)))
    stains = stains.resize((w, h), Image.BICUBIC).filter(ImageFilter.GaussianBlur(20))
    paper = stains.point(lambda v: max(170, min(235, 205 + (v - 128) // 3)))
    im = ImageChops.darker(im, paper)
    im = im.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=220)
    small = im.resize((w * 3 // 4, h * 3 // 4), Image.BOX).filter(ImageFilter.GaussianBlur(0.5))
    return small.resize((w, h), Image.BILINEAR)


def _received(image: Image.Image, rng: random.Random) -> Image.Image:
    """A page as the office that received it files it (added after "archive", held out: measured
    once per tree): its incoming stamp ("CÔNG VĂN ĐẾN", the number and date written in by hand) in
    the top left, the sender's seal (red, so mid-grey in a grey scan) and a signature scribbled
    over it in the lower half, pen notes in the left margin; then an office scan."""
    im = image.copy()
    d = ImageDraw.Draw(im)
    w, h = im.size

    def scribble(x: int, y: int, span: int, ink: int, strokes: int) -> None:
        pts = [(x + rng.randint(0, span), y + rng.randint(-span // 6, span // 6)) for _ in range(strokes)]
        d.line(sorted(pts), fill=ink, width=rng.randint(3, 5), joint="curve")

    x, y = rng.randint(MARGIN[0] // 2, MARGIN[0] + DPI // 2), rng.randint(DPI // 5, DPI)
    d.rectangle((x, y, x + 2 * DPI + DPI // 2, y + DPI + DPI // 5), outline=100, width=4)
    font = _font(bold=True)
    d.text((x + DPI // 4, y + DPI // 10), "CÔNG VĂN ĐẾN", fill=100, font=font)
    for k, label in enumerate(("Số:", "Ngày:")):
        d.text((x + DPI // 10, y + DPI // 2 + k * DPI // 3), label, fill=100, font=_font())
        scribble(x + DPI // 2 + DPI // 4, y + DPI // 2 + k * DPI // 3 + DPI // 10, DPI, 60, 8)
    cx, cy, r = (
        rng.randint(w * 45 // 100, w * 3 // 4),
        rng.randint(h * 55 // 100, h * 85 // 100),
        DPI * 4 // 5,
    )
    for rr, width in ((r, 7), (r * 3 // 4, 3)):
        d.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), outline=120, width=width)
    d.regular_polygon((cx, cy, r // 4), 5, fill=120)
    scribble(cx - r, cy - r // 4, 2 * r, 50, 14)
    for _ in range(rng.randint(1, 3)):
        scribble(
            rng.randint(DPI // 10, MARGIN[0] // 3), rng.randint(h // 5, h * 4 // 5), MARGIN[0] // 2, 70, 6
        )
    im = im.filter(ImageFilter.GaussianBlur(0.6))
    px = im.load()
    for _ in range(w * h // 40):  # the office scanner's grain
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = max(0, min(255, px[x, y] + rng.randint(-48, 48)))
    return im
