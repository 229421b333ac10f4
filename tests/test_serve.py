"""`vblint serve` (issue 14): every route and error through the framework's test client, a real
uvicorn server answering 40 uploads at once, and a real headless Chromium that uploads a .docx,
sees its problems marked in place, downloads the fixed file and has it checked again.

The documents are real corpus texts and .docx files built at test time (fixtures_office)."""

import concurrent.futures as cf
import contextlib
import io
import json
import os
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("starlette.testclient")  # needs httpx2 (or httpx), the test extra

from fixtures_office import build_state_docx  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from bench import serve as real  # noqa: E402  - a real `vblint serve` and uploads to it
from linter import batch, config  # noqa: E402
from linter.lint import lint_bytes  # noqa: E402
from linter.result import Options  # noqa: E402
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


@contextlib.contextmanager
def running(tmp_path_factory, *args: str, env: dict | None = None, prelude: str = ""):
    """A real `vblint serve -j 2 --today TODAY ARGS` (uvicorn, its worker pool) in an empty
    directory: (its URL, its log, its process), stopped at the end."""
    log = tmp_path_factory.mktemp("serve") / "log.txt"
    cwd = tmp_path_factory.mktemp("cwd")
    p, url = real.server(log, "-j", "2", "--today", TODAY, *args, env=env, prelude=prelude, cwd=cwd)
    try:
        yield url, log, p
    finally:
        p.terminate()
        p.wait(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running(tmp_path_factory) as (url, log, _):
        yield url, log


def upload(url: str, name: str, data: bytes, path: str = "/api/check") -> tuple[int, bytes]:
    status, _, body = real.post(url, name, data, path)
    return status, body


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


# --- limits: a stuck job, a full queue, recycled workers, uploads in memory, no caching ---------


@pytest.fixture(scope="module")
def hanging(tmp_path_factory):
    """A real server with one worker, one waiting place and a 2-second limit, whose workers get
    stuck on any upload named STUCK… (batch's test hook: SIGALRM blocked, so the worker's own
    time limit cannot stop it; only killing it can)."""
    env = {**os.environ, batch.HOOK_ENV: "hang:STUCK"}
    with running(tmp_path_factory, "-j", "1", "--queue", "1", "--timeout", "2", env=env) as (url, log, p):
        yield url, p


def _children(pid: int, task: str) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
    except FileNotFoundError:
        return []  # the thread ended between the listing and the read


def _workers(pid: int) -> set[int]:
    """The server's grandchildren: its pool's workers, forked by the fork server (a child)."""
    children = {c for t in os.listdir(f"/proc/{pid}/task") for c in _children(pid, t)}
    return set(real.descendants(pid)) - children - {pid}


def test_a_stuck_upload_is_killed_and_the_server_goes_on(hanging):
    url, p = hanging
    assert upload(url, "cv.txt", CONG_VAN.read_bytes())[0] == 200  # the worker is up
    with cf.ThreadPoolExecutor(2) as ex:
        stuck = ex.submit(real.post, url, "STUCK.txt", CONG_VAN.read_bytes())
        time.sleep(1)
        workers = _workers(p.pid)
        t = time.monotonic()
        status, headers, body = stuck.result()
    assert status == 504 and time.monotonic() - t < 10  # 2 s + 2 s of grace, then killed
    assert "đã bị dừng" in json.loads(body)["error"] and headers["Cache-Control"] == "no-store"
    assert workers and not workers & _workers(p.pid), "the stuck worker was killed"
    # its only worker was the stuck one: answering now means a new pool replaced it
    status, body = upload(url, "cv.txt", CONG_VAN.read_bytes())
    assert status == 200 and json.loads(body)["files"][0]["path"] == "cv.txt"
    status, _, body = real.post(url, "STUCK.txt", CONG_VAN.read_bytes(), "/")  # the page says so too
    assert status == 504 and "máy chủ vẫn hoạt động" in body.decode()
    assert upload(url, "cv.txt", CONG_VAN.read_bytes())[0] == 200


def test_beyond_the_waiting_places_the_server_answers_503(hanging):
    url, _ = hanging
    data = CONG_VAN.read_bytes()
    with cf.ThreadPoolExecutor(4) as ex:
        stuck = ex.submit(real.post, url, "STUCK.txt", data)  # holds the only worker for 4 s
        time.sleep(0.5)
        waiting = ex.submit(real.post, url, "cv.txt", data)  # takes the one waiting place
        time.sleep(0.5)
        t = time.monotonic()
        status, headers, body = real.post(url, "cv.txt", data)
        assert status == 503 and time.monotonic() - t < 2  # at once, not after the stuck one
        assert int(headers["Retry-After"]) > 0 and "Máy chủ đang bận" in json.loads(body)["error"]
        status, headers, body = real.post(url, "cv.txt", data, "/")
        assert status == 503 and "Máy chủ đang bận" in body.decode() and "Retry-After" in headers
        assert stuck.result()[0] == 504
        assert waiting.result()[0] == 200  # the waiting one was answered by the new pool


def test_a_worker_that_dies_costs_only_its_upload(tmp_path_factory):
    """A worker that dies breaks its pool: the pool is replaced, the upload that killed it gets
    VB900 (it is tried once more, and dies again), and the next uploads are answered."""
    env = {**os.environ, batch.HOOK_ENV: "crash:CRASH"}
    with running(tmp_path_factory, env=env) as (url, _, _):
        status, body = upload(url, "CRASH.txt", CONG_VAN.read_bytes())
        assert status == 200 and [d["code"] for d in json.loads(body)["files"][0]["diagnostics"]] == ["VB900"]
        assert [upload(url, "cv.txt", CONG_VAN.read_bytes())[0] for _ in range(3)] == [200] * 3


def test_workers_are_recycled():
    """A worker runs `recycle` jobs, then a fresh process takes its place (500 by default)."""
    import asyncio

    from linter.serve.app import Pool

    assert Service(opts=OPTS, settings=None).recycle == 500

    async def pids() -> list[int]:
        pool = Pool(1, recycle=2)
        try:
            return [await pool.run(20, os.getpid) for _ in range(5)]
        finally:
            pool.close()

    a, b, c, d, e = asyncio.run(pids())
    assert a == b != c == d != e and len({a, c, e}) == 3


AUDIT = """
import os, tempfile
_tmp = tempfile.gettempdir()  # its first call probes the directory with a file of its own
def _on_disk(event, args):  # a temporary file opened in TMPDIR: an upload spooled to disk
    if event in ("open", "tempfile.mkstemp") and str(args[0]).startswith(_tmp):
        sys.stderr.write(f"ON DISK: {event} {args[0]}\\n")
sys.addaudithook(_on_disk)
"""


def test_uploads_are_never_spooled_to_disk(tmp_path_factory):
    """Starlette spools a file part over 1 MB to a temporary file; the server keeps uploads up to
    its own limit in memory. An audit hook in the real server's process reports every file opened
    in its TMPDIR."""
    tmp = tmp_path_factory.mktemp("tmpdir")
    env = {**os.environ, "TMPDIR": str(tmp)}
    with running(tmp_path_factory, env=env, prelude=AUDIT) as (url, log, _):
        big = b"\x00\x01\x02" * 1_000_000  # 3 MB (VB002: not text), under the 20 MB limit
        status, body = upload(url, "big.txt", big)
        assert status == 200 and "VB002" in {d["code"] for d in json.loads(body)["files"][0]["diagnostics"]}
        assert upload(url, "big.txt", big, "/")[0] == 200
    assert "ON DISK" not in log.read_text(encoding="utf-8")


def test_documents_and_results_are_never_cached(server, docx_arial):
    url, _ = server
    for path, data in (("/api/check", docx_arial), ("/", docx_arial), ("/api/fix", docx_arial)):
        status, headers, _ = real.post(url, "qd.docx", data, path)
        assert status == 200 and headers["Cache-Control"] == "no-store", path
    with urllib.request.urlopen(url + "/static/page.css") as r:
        assert r.headers.get("Cache-Control") != "no-store"  # the page's own style may be


def test_a_broken_form_is_told_so(client):
    files = [("file", (f"{i}.txt", b"x")) for i in range(3)]  # more files than a form may carry
    r = client.post("/api/check", files=files)
    assert r.status_code == 400 and "không hợp lệ" in r.json()["error"]


def test_check_does_not_import_the_web_stack(tmp_path):
    """`vblint check` stays as light as before serve existed: no web framework is imported."""
    code = (
        "import sys\n"
        "from linter import cli\n"
        f"rc = cli.main(['check', '--no-cache', '--today', '{TODAY}', sys.argv[1]])\n"
        "web = sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'jinja2', 'multipart'))\n"
        "print('RC', rc, 'WEB', web, 'SERVE', 'linter.serve' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(CONG_VAN)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert out.stdout.strip().splitlines()[-1] == "RC 0 WEB [] SERVE False", out.stdout + out.stderr
