"""`vblint serve` (issue 14): every route and error through the framework's test client, a real
uvicorn server answering 40 uploads at once, and a real headless Chromium that uploads a .docx,
sees its problems marked in place, downloads the fixed file and has it checked again.

The documents are real corpus texts and .docx files built at test time (fixtures_office)."""

import concurrent.futures as cf
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")  # the test client

from fixtures_office import build_state_docx  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from linter import config  # noqa: E402
from linter.lint import Options, lint_bytes  # noqa: E402
from linter.serve.app import Service, create_app, safe_name  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-22"
OPTS = Options(today=date(2026, 11, 22))
CONG_VAN = ROOT / "corpus/valid/state-nd30/cong_van.txt"


def service(**kw) -> Service:
    settings = config.merge_cli(config.Settings(), today=date(2026, 11, 22))
    return Service(opts=config.options(settings), settings=settings, timeout=20.0, jobs=2, **kw)


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(service()), raise_server_exceptions=True) as c:
        yield c


@pytest.fixture(scope="module")
def docx_arial() -> bytes:
    return build_state_docx(font="Arial")  # VB501 (font), VB262 (no "./."), both fixable


def codes_in(html: str) -> set[str]:
    import re

    return set(re.findall(r'data-code="(VB\d+)"', html))


def test_the_page_in_vietnamese_and_english(client):
    vi = client.get("/")
    assert vi.status_code == 200 and "Kiểm tra" in vi.text and 'lang="vi"' in vi.text
    en = client.get("/?lang=en")
    assert "Check" in en.text and 'lang="en"' in en.text
    for r in (vi, en):
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "http://" not in r.text and "https://" not in r.text  # nothing from the network
    assert client.get("/static/page.css").status_code == 200
    assert client.get("/healthz").text == "ok"


def test_a_docx_is_shown_laid_out_with_its_problems_in_place(client, docx_arial):
    r = client.post("/", files={"file": ("quyết định.docx", docx_arial)}, data={"today": TODAY})
    assert r.status_code == 200
    assert {"VB501", "VB262"} <= codes_in(r.text)
    assert 'class="part part-issuer' in r.text and 'class="part part-signature' in r.text
    assert "Không đạt" in r.text and "Tải bản đã sửa" in r.text
    assert "quyết định.docx" in r.text


def test_a_missing_part_has_its_empty_slot(client):
    text = CONG_VAN.read_text(encoding="utf-8").replace("Kính gửi:", "Gửi:", 1)
    r = client.post("/", data={"text": text, "today": TODAY})
    assert "part-addressees missing" in r.text and "VB107" in codes_in(r.text)


def test_markup_in_a_document_is_shown_not_run(client):
    text = (
        CONG_VAN.read_text(encoding="utf-8") + '\n<script>alert("x")</script><img src=x onerror=alert(1)>\n'
    )
    r = client.post("/", files={"file": ("<b>ten</b>.txt", text.encode())}, data={"today": TODAY})
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "<img src=x" not in r.text and "<b>ten" not in r.text
    assert "&lt;script&gt;alert" in r.text


def test_the_api_answers_what_the_cli_answers(client, tmp_path):
    data = CONG_VAN.read_bytes().replace(b"S\xe1\xbb\x91: ", b"S\xe1\xbb\x91 ", 1)  # a colon lost
    r = client.post("/api/check", files={"file": ("cong_van.txt", data)}, data={"today": TODAY})
    assert r.status_code == 200
    (tmp_path / "cong_van.txt").write_bytes(data)
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "linter",
            "check",
            "--format",
            "json",
            "--no-cache",
            "--today",
            TODAY,
            "cong_van.txt",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert json.loads(cli.stdout) == r.json()
    assert "VB211" in {d["code"] for d in r.json()["files"][0]["diagnostics"]}


@pytest.mark.parametrize(
    "name, data, code",
    [
        ("x.docx", b"PK\x03\x04 not a zip at all", "VB006"),
        ("x.pdf", b"this is not a PDF", "VB006"),
        ("x.txt", b"\x00\x01\x02" * 100, "VB002"),
    ],
)
def test_bad_files_get_a_clear_answer_never_a_server_error(client, name, data, code):
    r = client.post("/api/check", files={"file": (name, data)})
    assert r.status_code == 200 and code in {d["code"] for d in r.json()["files"][0]["diagnostics"]}
    page = client.post("/", files={"file": (name, data)})
    assert page.status_code == 200 and code in codes_in(page.text)


def test_an_empty_upload_is_told_so(client):
    r = client.post("/", files={"file": ("", b"")}, data={"text": ""})
    assert r.status_code == 400 and "Chưa có văn bản" in r.text
    assert client.post("/api/check", data={"text": "  "}).status_code == 400


def test_an_upload_over_the_limit_gets_413_without_being_read():
    with TestClient(create_app(service(max_upload=1024 * 1024))) as small:
        big = b"x" * (3 * 1024 * 1024)
        r = small.post("/api/check", files={"file": ("big.txt", big)})
        assert r.status_code == 413
        # a body that lies about its length is stopped as soon as it goes over
        r = small.post(
            "/api/check", content=big, headers={"content-type": "text/plain", "content-length": "10"}
        )
        assert r.status_code in (400, 413)


def test_bad_options_are_told_so(client):
    r = client.post("/api/check", data={"text": "x", "today": "yesterday"})
    assert r.status_code == 400 and "today" not in r.json()["error"].lower() or "NNNN" in r.json()["error"]
    assert client.post("/api/check", data={"text": "x", "profile": "../etc"}).status_code == 400


def test_api_fix_answers_the_fixed_docx(client, docx_arial):
    import docx

    r = client.post("/api/fix", files={"file": ("qd.docx", docx_arial)}, data={"today": TODAY})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in r.headers["content-disposition"] and "qd" in r.headers["content-disposition"]
    docx.Document(io.BytesIO(r.content))  # opens
    left = {d.code for d in lint_bytes("qd.docx", r.content, OPTS).diagnostics}
    assert not left & {"VB501", "VB262"}


def test_unsafe_fixes_are_shown_as_a_diff_before_download(client):
    from fixtures_office import build_party_docx

    letter = build_party_docx(page="Letter")  # A4 is an unsafe fix
    page = client.post("/", files={"file": ("tb.docx", letter)}, data={"today": TODAY})
    import re

    payload = re.search(r'name="payload" value="([^"]+)"', page.text).group(1)
    form = {"name": "tb.docx", "payload": payload, "today": TODAY, "unsafe": "1"}
    preview = client.post("/fix", data=form)
    assert preview.status_code == 200 and 'name="confirm"' in preview.text
    done = client.post("/fix", data={**form, "confirm": "1"})
    assert done.status_code == 200 and "attachment" in done.headers["content-disposition"]
    assert "VB502" not in {d.code for d in lint_bytes("tb.docx", done.content, OPTS).diagnostics}


def test_a_document_with_nothing_to_fix_says_so(client):
    r = client.post("/api/fix", files={"file": ("cv.txt", CONG_VAN.read_bytes())}, data={"today": TODAY})
    assert r.status_code == 422 and "sửa" in r.json()["error"]


@pytest.mark.parametrize(
    "given, label",
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\tmp\\a.docx", "a.docx"),
        ("a\x00b\n.txt", "ab.txt"),
        ("", "van_ban.txt"),
    ],
)
def test_an_uploaded_name_is_only_a_label(given, label):
    assert safe_name(given) == label


# --- a real server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "log.txt"
    with open(log, "wb") as out:
        p = subprocess.Popen(
            [sys.executable, "-m", "linter", "serve", "--port", str(port), "-j", "2", "--today", TODAY],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=tmp_path_factory.mktemp("cwd"),
        )
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        p.kill()
        pytest.fail("vblint serve did not start: " + log.read_text())
    yield url, log
    p.terminate()
    p.wait(10)


def upload(url: str, name: str, data: bytes, path: str = "/api/check") -> tuple[int, bytes]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    req = urllib.request.Request(
        url + path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.status, r.read()


def test_forty_concurrent_uploads_are_all_answered(server, docx_arial):
    url, log = server
    docs = [("cv.txt", CONG_VAN.read_bytes()), ("qd.docx", docx_arial)] * 20
    with cf.ThreadPoolExecutor(40) as ex:
        answers = list(ex.map(lambda nd: upload(url, *nd), docs))
    assert [s for s, _ in answers] == [200] * 40
    assert all(json.loads(b)["files"][0]["path"] in ("cv.txt", "qd.docx") for _, b in answers)
    # nothing of the documents is logged: the request line and its time only
    text = log.read_text(encoding="utf-8")
    assert '"POST /api/check" 200' in text and "Kính gửi" not in text and "BỘ GIÁO DỤC" not in text


def test_a_clerk_checks_a_docx_in_a_real_browser_and_downloads_it_fixed(
    server, browser, docx_arial, tmp_path
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url, _ = server
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    doc = tmp_path / "quyet_dinh.docx"
    doc.write_bytes(docx_arial)
    browser.get(url + "/")
    browser.find_element(By.ID, "file").send_keys(str(doc))
    browser.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".summary"))
    shown = {e.get_attribute("data-code") for e in browser.find_elements(By.CSS_SELECTOR, ".diag")}
    assert {"VB501", "VB262"} <= shown
    flagged = browser.find_elements(By.CSS_SELECTOR, ".part-body .line.flagged")
    assert flagged, "the body's last line carries VB262 in place"
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]  # no CSP violation
    browser.save_screenshot(str(tmp_path / "page.png"))
    browser.find_element(By.CSS_SELECTOR, "form.fixform button[type=submit]").click()
    WebDriverWait(browser, 60).until(lambda b: [f for f in os.listdir(downloads) if f.endswith(".docx")])
    (got,) = [downloads / f for f in os.listdir(downloads) if f.endswith(".docx")]
    assert got.name == "quyet_dinh_da_sua.docx"
    left = {d.code for d in lint_bytes(got.name, got.read_bytes(), OPTS).diagnostics}
    assert not left & {"VB501", "VB262"}


def test_without_the_extra_serve_says_what_to_install():
    from without import vblint_without

    p = vblint_without(("starlette", "uvicorn", "jinja2"), ["serve", "--port", "1"])
    assert p.returncode == 2 and "vblint[serve]" in p.stderr and "Traceback" not in p.stderr


def test_the_page_is_usable_by_keyboard_alone(server, browser):
    """Tab to the text area, type, Tab to the button and press Enter: the result comes, and its
    links to the lines are reachable by Tab too."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    def press(key) -> None:  # to the page, as a person's keyboard does (not to an element)
        ActionChains(browser).send_keys(key).perform()

    url, _ = server
    browser.get(url + "/")
    text = CONG_VAN.read_text(encoding="utf-8").replace("Số: ", "Số ", 1)  # VB211 in the header
    for _ in range(12):  # Tab until the text area has the focus
        press(Keys.TAB)
        if browser.switch_to.active_element.get_attribute("id") == "text":
            break
    assert browser.switch_to.active_element.get_attribute("id") == "text"
    browser.execute_script("document.activeElement.value = arguments[0]", text)
    for _ in range(6):
        press(Keys.TAB)
        if browser.switch_to.active_element.tag_name == "button":
            break
    press(Keys.ENTER)
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".summary"))
    assert "VB211" in {e.get_attribute("data-code") for e in browser.find_elements(By.CSS_SELECTOR, ".diag")}
    focusable = browser.execute_script(
        "return Array.from(document.querySelectorAll('a.at')).every(a => a.tabIndex >= 0)"
    )
    assert focusable
