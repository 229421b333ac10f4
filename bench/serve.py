"""The web page's benchmark: a real `vblint serve` (uvicorn, worker processes) on loopback.

    python -m bench.serve [--uploads 1000] [--jobs 2] [--screenshot docs/serve.png]

1. Server time of one seed-sized .docx checked and shown (POST /, the HTML page): the median of
   50, from the server's own log line (the time from the request's first byte to its last).
2. 40 uploads at once (POST /api/check, a .txt and a .docx in turn): how many answered 200, and
   the wall time.
3. Memory: resident memory of the server and its workers after 100 and after `--uploads`
   sequential uploads (flat means no leak).
--screenshot: the result page in headless Chromium, saved as a PNG (the README's picture)."""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import io
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus/seeds/001_369fe249498483a2.txt"


def seed_docx() -> bytes:
    """The first seed's text as a .docx, one paragraph a line, Times New Roman 14."""
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def post(url: str, name: str, data: bytes, path: str = "/api/check") -> tuple[int, Message, bytes]:
    """An upload as a browser's form sends it: the status, headers (any case) and body of the answer."""
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n\r\n'.encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    req = urllib.request.Request(
        url + path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def descendants(pid: int) -> list[int]:
    """A process and all its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                todo += [int(c) for c in Path(f"/proc/{p}/task/{t}/children").read_text().split()]
        except OSError:
            continue
        found.append(p)
    return found


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total = 0
    for p in descendants(pid):
        try:
            total += int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{p}/status").read_text()).group(1))
        except (OSError, AttributeError):
            continue
    return total / 1024


def server(log: Path, *args: str, env: dict | None = None, prelude: str = "", cwd=None):
    """`vblint serve ARGS` on a free loopback port, its output in log, once it answers: (the
    process, its URL). prelude: Python the server's process runs first (a test's observer)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    main = ["-m", "linter"]
    if prelude:
        main = ["-c", f"import sys\n{prelude}\nfrom linter.cli import main\nsys.exit(main(sys.argv[1:]))"]
    out = open(log, "wb")  # noqa: SIM115 - the server writes to it until it is stopped
    p = subprocess.Popen(
        [sys.executable, *main, "serve", "--port", str(port), *args],
        stdout=out,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=cwd,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            return p, url
        except OSError:
            time.sleep(0.1)
    p.kill()
    raise SystemExit("vblint serve did not start:\n" + log.read_text())


def _server(jobs: int, log: Path) -> tuple[subprocess.Popen, str]:
    return server(log, "-j", str(jobs), "--today", "2026-11-22")


def _server_ms(log: Path, path: str) -> list[float]:
    return [float(m) for m in re.findall(rf'"POST {re.escape(path)}" 200 (\d+) ms', log.read_text())]


def measure(uploads: int, jobs: int) -> dict:
    docx_data = seed_docx()
    text = (ROOT / "corpus/valid/state-nd30/cong_van.txt").read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "serve.log"
        p, url = _server(jobs, log)
        try:
            for _ in range(2 * jobs):  # the workers start and warm up
                post(url, "seed.docx", docx_data, "/")
            n0 = len(_server_ms(log, "/"))
            for _ in range(50):
                post(url, "seed.docx", docx_data, "/")
            page_ms = _server_ms(log, "/")[n0:]
            t0 = time.perf_counter()
            docs = [("cv.txt", text), ("seed.docx", docx_data)] * 20
            with cf.ThreadPoolExecutor(40) as ex:
                codes = list(ex.map(lambda d: post(url, d[0], d[1])[0], docs))
            burst = time.perf_counter() - t0
            rss = {}
            for i in range(1, uploads + 1):
                post(url, "seed.docx", docx_data)
                if i in (100, uploads):
                    rss[i] = _rss_mb(p.pid)
        finally:
            p.terminate()
            p.wait(10)
    return {
        "page_ms_median": statistics.median(page_ms),
        "page_ms_p90": sorted(page_ms)[int(0.9 * len(page_ms))],
        "burst_ok": sum(c == 200 for c in codes),
        "burst_seconds": burst,
        "rss_mb": rss,
    }


def screenshot(path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures_office import build_state_docx

    os.environ["SE_OFFLINE"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "quyet_dinh.docx"
        doc.write_bytes(build_state_docx(font="Arial"))
        p, url = _server(1, Path(tmp) / "serve.log")
        opts = webdriver.ChromeOptions()
        opts.binary_location = "/usr/bin/chromium"
        for flag in (
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--window-size=1100,1500",
            "--hide-scrollbars",
        ):
            opts.add_argument(flag)
        driver = webdriver.Chrome(options=opts, service=Service(executable_path="/usr/bin/chromedriver"))
        try:
            driver.get(url + "/")
            driver.find_element(By.ID, "file").send_keys(str(doc))
            driver.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
            WebDriverWait(driver, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".summary"))
            driver.save_screenshot(str(path))
        finally:
            driver.quit()
            p.terminate()
            p.wait(10)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.serve", description=__doc__.split("\n\n")[0])
    ap.add_argument("--uploads", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--screenshot", type=Path, default=None)
    a = ap.parse_args(argv)
    if a.screenshot:
        screenshot(a.screenshot)
        print(f"saved {a.screenshot}")
        return 0
    r = measure(a.uploads, a.jobs)
    print(
        f"one seed-sized .docx checked and shown: median {r['page_ms_median']:.0f} ms, p90 {r['page_ms_p90']:.0f} ms of server time"
    )
    print(f"40 uploads at once: {r['burst_ok']}/40 answered 200 in {r['burst_seconds']:.1f} s")
    print(
        "resident memory (server and workers): "
        + ", ".join(f"{v:.0f} MB after {k}" for k, v in r["rss_mb"].items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
