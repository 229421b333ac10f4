"""--format html (linter/report/html.py): the page for the whole corpus plus a hostile document,
checked first as markup (html.parser, ElementTree), then in a real headless Chromium driven by
Selenium. The browser tests skip when chromium, chromedriver or selenium is missing; CI installs
them (apt-get install chromium chromium-driver; pip install selenium)."""

import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from linter.diagnostics import Diagnostic, Span
from linter.lint import lint_path
from linter.report import html as html_report
from linter.result import FileResult, Options

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TODAY = date(2026, 11, 22)
DOCS = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")
COLON = CORPUS / "invalid" / "number-colon--thong-bao.txt"
PAYLOAD = "<script>window.__pwned=1</script>"
EVIL_NAME = 'evil-<img src=x onerror="window.__pwned=2">.txt'
EVIL_TEXT = f"""TỈNH ỦY QUẢNG NINH
*
Số 428-TB/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ninh, ngày 28 tháng 8 năm 2023

THÔNG BÁO
về kết luận của Thường trực Tỉnh ủy
-----

Thường trực Tỉnh ủy kết luận như sau: {PAYLOAD} & "quotes" 'single' </pre></section></details>

Nơi nhận:
- Huyện ủy Tiên Yên,
- Lưu Văn phòng Tỉnh ủy.

T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG

Ngô Thanh Bình
"""
FETCHING = {
    "link",
    "img",
    "iframe",
    "frame",
    "object",
    "embed",
    "audio",
    "video",
    "source",
    "image",
    "use",
    "base",
    "form",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@pytest.fixture(scope="module")
def evil_path(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("evil") / EVIL_NAME
    p.write_text(EVIL_TEXT, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def results(evil_path):
    opts = Options(today=TODAY)
    return [lint_path(str(p), opts) for p in DOCS] + [lint_path(str(evil_path), opts)]


@pytest.fixture(scope="module")
def page(results) -> str:
    return html_report.render(results)


class Page(HTMLParser):
    """Well-formedness (every non-void element closed in order), scripts, ids and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts: list[str] = []
        self.ids: dict[str, str] = {}
        self.urls: list[str] = []
        self.fetching: list[str] = []
        self.marks: list[dict] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            if a["id"] in self.ids:
                self.errors.append(f"duplicate id {a['id']}")
            self.ids[a["id"]] = tag
        self.urls += [
            v or "" for k, v in attrs if k in ("src", "srcset", "href", "action", "xlink:href", "poster")
        ]
        if tag in FETCHING:
            self.fetching.append(tag)
        if tag == "mark":
            self.marks.append(a)
        if tag == "script":
            self.scripts.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.scripts[-1] += data
        self.text.append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


def sections(page: str) -> dict[str, ET.Element]:
    """Every <section id="doc-N"> parsed as XML: it must be well-formed on its own."""
    return {
        m.group(1): ET.fromstring(m.group(0))
        for m in re.finditer(r'<section id="(doc-\d+)" class="doc">.*?</section>', page, re.DOTALL)
    }


def doc_id_of(page: str, path: Path) -> str:
    rows = dict(re.findall(r'<tr data-path="([^"]*)"[^>]*><td class="n">(\d+)</td>', page))
    rows = {html_report.html.unescape(k): v for k, v in rows.items()}
    assert str(path) in rows, path
    return f"doc-{rows[str(path)]}"


def lines_text(pre: ET.Element) -> list[str]:
    return ["".join(line.itertext()) for line in pre.iter("span") if line.get("class") == "l"]


# --- markup ---------------------------------------------------------------------------------------


def test_known_defect_is_in_the_results(results):
    colon = next(r for r in results if r.path == str(COLON))
    assert [d.code for d in colon.diagnostics] == ["VB202"]


def test_page_is_well_formed_and_self_contained(page, results):
    p = parse(page)
    assert p.errors == [] and p.stack == []
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    assert len(p.scripts) == 1 and "__pwned" not in p.scripts[0]  # only our own script
    assert all(u.startswith("#") for u in p.urls), [u for u in p.urls if not u.startswith("#")]
    assert not p.fetching, p.fetching  # no element that loads anything
    style = page[page.index("<style>") : page.index("</style>")]
    assert "@import" not in style and "url(" not in style
    for ident in ("top-rules-chart", "by-issuer", "by-type", "by-profile", "files"):
        assert ident in p.ids
    assert p.ids["top-rules-chart"] == "svg"
    assert [f"doc-{i}" for i in range(1, len(results) + 1)] == [
        k for k in p.ids if re.fullmatch(r"doc-\d+", k)
    ]


def test_document_content_is_escaped(page, evil_path):
    p = parse(page)
    text = "".join(p.text)
    assert PAYLOAD in text  # shown as text
    assert EVIL_NAME in text
    assert PAYLOAD not in page and "<img" not in page  # never as markup
    assert html_report.html.escape(PAYLOAD) in page
    secs = sections(page)
    evil = secs[doc_id_of(page, evil_path)]
    assert evil.find(".//script") is None and evil.find(".//img") is None
    body = [t for t in lines_text(evil.find(".//pre")) if "kết luận như sau" in t]
    assert body == [line for line in EVIL_TEXT.splitlines() if PAYLOAD in line]


def test_every_section_is_well_formed_and_keeps_the_text(page, results):
    secs = sections(page)
    assert len(secs) == len(results)
    for i, r in enumerate(results, 1):
        sec = secs[f"doc-{i}"]
        pre = sec.find(".//pre")
        if r.text:
            assert lines_text(pre) == r.text.splitlines(), r.path  # highlighting adds no text
        marks = [m for m in sec.iter("mark")]
        assert {m.get("data-code") for m in marks} <= {d.code for d in r.diagnostics}


def test_known_defect_is_highlighted_in_place(page):
    sec = sections(page)[doc_id_of(page, COLON)]
    (mark,) = [m for m in sec.iter("mark") if m.get("data-code") == "VB202"]
    assert mark.get("class") == "diag sev-error" and mark.text == ":"
    assert "Số" in mark.get("title")
    line3 = next(s for s in sec.iter("span") if s.get("id") == f"{doc_id_of(page, COLON)}-L3")
    assert line3.get("data-n") == "3" and mark in list(line3)


def _result(text: str, spans: list[tuple[str, Span]]) -> FileResult:
    diags = [
        Diagnostic(code, "x", "error" if code < "VB3" else "warning", None, s, f"<msg {code}>")
        for code, s in spans
    ]
    return FileResult("t<x>.txt", profile="party-hd36", doc_type="thong_bao", diagnostics=diags, text=text)


def test_overlapping_multiline_and_point_spans():
    text = "abcdefghij\nklmnop\n\nqrs"
    spans = [
        ("VB201", Span(1, 2, 1, 6)),  # bcde
        ("VB202", Span(1, 4, 1, 9)),  # defgh: crosses the first
        ("VB203", Span(1, 3, 1, 5)),  # cd: inside the first
        ("VB204", Span(1, 5, 2, 3)),  # efghij + kl: over a line break
        ("VB205", Span(2, 1, 2, 1)),  # a point
        ("VB206", Span(3, 1, 3, 1)),  # a point on an empty line
        ("VB207", Span(9, 1, 9, 4)),  # outside the text: listed, not highlighted
        ("VB301", Span(4, 2, 4, 99)),
    ]  # past the end of the line: clamped
    page = html_report.render([_result(text, spans)])
    assert parse(page).errors == []
    sec = sections(page)["doc-1"]
    assert lines_text(sec.find(".//pre")) == text.splitlines()
    full = {m.get("data-code"): "" for m in sec.iter("mark")}
    for m in sec.iter("mark"):
        full[m.get("data-code")] += "".join(m.itertext())
    assert full == {
        "VB201": "bcde",
        "VB202": "defgh",
        "VB203": "cd",
        "VB204": "efghijkl",
        "VB205": "",
        "VB206": "",
        "VB301": "rs",
    }
    anchors = [m.get("id") for m in sec.iter("mark") if m.get("id")]
    assert len(anchors) == len(set(anchors)) == 7  # one anchor per highlighted diagnostic
    assert "&lt;msg VB207&gt;" in page and "t&lt;x&gt;.txt" in page


def test_control_characters_and_lone_surrogates_keep_columns():
    page = html_report.render([_result("a\x01b\udcffc<d", [("VB201", Span(1, 4, 1, 6))])])
    page.encode("utf-8")  # a surrogate-escaped byte must not make the page unwritable
    sec = sections(page)["doc-1"]
    assert lines_text(sec.find(".//pre")) == ["a\u2401b\ufffdc<d"]
    assert ["".join(m.itertext()) for m in sec.iter("mark")] == ["\ufffdc"]


def test_breakdowns_count_documents_and_problems(page, results):
    with_errors = sum(1 for r in results if r.counts()["error"])
    rate = f"{100 * (len(results) - with_errors) / len(results):.1f}%".replace(".", ",")
    assert rate in page
    for table in ("by-issuer", "by-type", "by-profile"):
        m = re.search(rf'<table id="{table}">.*?<tbody>(.*?)</tbody>', page, re.DOTALL)
        rows = re.findall(r"<tr><td>.*?</td>((?:<td class=\"n[^\"]*\">[\d.]+</td>){4})</tr>", m.group(1))
        nums = [[int(v.replace(".", "")) for v in re.findall(r">([\d.]+)<", r)] for r in rows]
        assert sum(n[0] for n in nums) == len(results)
        assert sum(n[1] for n in nums) == with_errors
        assert sum(n[2] for n in nums) == sum(r.counts()["error"] for r in results)
        assert sum(n[3] for n in nums) == sum(r.counts()["warning"] for r in results)
    assert "(không rõ)" in page  # notdoc documents have no issuer


def test_english_page(results):
    page = html_report.render(results, lang="en")
    assert '<html lang="en">' in page and "Most frequent problems" in page and "By issuer" in page
    assert parse(page).errors == []


def test_large_runs_show_text_only_for_documents_with_problems():
    n = html_report.FULL_TEXT_LIMIT + 1
    clean = FileResult("clean.txt", text="SECRET-CLEAN-TEXT")
    bad = _result("BAD-TEXT here", [("VB201", Span(1, 10, 1, 14))])
    page = html_report.render([clean] * (n - 1) + [bad])
    assert 'id="text-limit"' in page and "SECRET-CLEAN-TEXT" not in page and "BAD-TEXT" in page
    assert page.count("<section ") == n and page.count("(hơn 2.000)") == 2
    assert parse(page).errors == []  # well-formed, ids unique
    small = html_report.render([clean, bad])
    assert 'id="text-limit"' not in small and "SECRET-CLEAN-TEXT" in small


# --- a real browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(browser, page, tmp_path_factory):
    f = tmp_path_factory.mktemp("html") / "report.html"
    f.write_text(page, encoding="utf-8")
    browser.get(f.as_uri())
    return browser


def test_browser_chart_and_tables(loaded):
    js = loaded.execute_script
    assert js("return document.querySelectorAll('#top-rules-chart rect').length") >= 1
    labels = js(
        "return [...document.querySelectorAll('#top-rules-chart text.label')].map(t => t.textContent)"
    )
    assert labels and all(re.match(r"VB\d{3} [a-z0-9-]+$", t) for t in labels), labels
    assert js("return document.querySelector('#top-rules-chart rect').getBBox().width") > 0
    for table in ("by-issuer", "by-type", "by-profile", "files"):
        assert js(f"return document.querySelectorAll('#{table} tbody tr').length") >= 1, table


def test_browser_document_text_is_inert(loaded):
    js = loaded.execute_script
    assert js("return typeof window.__pwned") == "undefined"
    assert js("return document.scripts.length") == 1
    assert js("return document.querySelectorAll('img').length") == 0
    assert PAYLOAD in js("return document.body.textContent")
    assert js("return performance.getEntriesByType('resource').length") == 0  # nothing fetched
    errors = [e for e in loaded.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []  # e.g. a CSP violation by our own script or style


def test_browser_highlight_and_navigation(loaded, page):
    from selenium.webdriver.support.ui import WebDriverWait

    js = loaded.execute_script
    doc = doc_id_of(page, COLON)
    assert js(f"return document.getElementById('{doc}').querySelector('details').open") is False
    js(f"document.querySelector('#files a[href=\"#{doc}\"]').click()")  # our script opens the section
    WebDriverWait(loaded, 5).until(
        lambda d: d.execute_script(f"return document.getElementById('{doc}').querySelector('details').open")
    )
    mark = js(f"""const m = document.querySelector('#{doc} pre.src mark.diag[data-code="VB202"]');
        return m && [m.textContent, m.className, m.closest('.l').dataset.n, m.getBoundingClientRect().width]""")
    assert mark is not None and mark[:3] == [":", "diag sev-error", "3"] and mark[3] > 0
    js("window.scrollTo(0, 0)")


def test_browser_screenshot(loaded):
    loaded.execute_script("window.scrollTo(0, 0)")
    assert loaded.save_screenshot("/tmp/report.png")
    assert Path("/tmp/report.png").stat().st_size > 10_000
