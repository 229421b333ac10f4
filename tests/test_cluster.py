"""Batches on a Dask cluster (issue 15): a real scheduler and two worker processes on loopback,
started with Dask's own commands; the results compared with the local pool's, document for
document; a worker killed mid-run costs nothing."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-22"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(port)


def start(args, log: Path) -> subprocess.Popen:
    # a session of its own: killing it kills the worker's nanny and the worker together
    with open(log, "ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "dask", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(p: subprocess.Popen) -> None:
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    p.wait(10)


@pytest.fixture
def cluster(tmp_path):
    port = free_port()
    log = tmp_path / "dask.log"
    sched = start(["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], log)
    wait_port(port)
    address = f"tcp://127.0.0.1:{port}"
    workers = [
        start(
            ["worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--name", f"w{i}"],
            log,
        )
        for i in range(2)
    ]
    from distributed import Client

    with Client(address, timeout=30) as c:
        c.wait_for_workers(2, timeout=60)
    yield address, workers
    for p in [*workers, sched]:
        stop(p)


def vblint(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "linter", "check", "--today", TODAY, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_a_cluster_gives_what_the_local_pool_gives(cluster):
    address, _ = cluster
    paths = [str(ROOT / "corpus/real"), str(ROOT / "corpus/valid"), str(ROOT / "corpus/seeds")]
    there = vblint("--scheduler", address, "--format", "json", *paths)
    here = vblint("-j", "2", "--no-cache", "--format", "json", *paths)
    assert there.returncode == here.returncode == 1  # the real documents have errors
    assert json.loads(there.stdout) == json.loads(here.stdout)
    assert json.loads(there.stdout)["summary"]["files"] >= 120


def test_a_worker_killed_mid_run_costs_nothing(cluster, tmp_path):
    address, workers = cluster
    src = sorted((ROOT / "corpus/real").glob("*.txt"))
    batch = tmp_path / "batch"
    batch.mkdir()
    for k in range(40):  # 3,200 documents: long enough to kill a worker while it works
        for p in src:
            shutil.copy(p, batch / f"{k:02d}-{p.name}")
    n = len(src) * 40
    out = tmp_path / "out.jsonl"
    with open(out, "wb") as f:
        run = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "linter",
                "check",
                "--today",
                TODAY,
                "--scheduler",
                address,
                "--format",
                "jsonl",
                str(batch),
            ],
            stdout=f,
            stderr=subprocess.PIPE,
        )
        while out.stat().st_size == 0 and run.poll() is None:  # the first results are in
            time.sleep(0.05)
        stop(workers[0])
        _, err = run.communicate(timeout=600)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert run.returncode == 1, err
    got = sorted(lines)
    assert len(got) == n and len({json.loads(x)["path"] for x in got}) == n  # every document once
    here = vblint("-j", "2", "--no-cache", "--format", "jsonl", str(batch))
    assert got == sorted(here.stdout.splitlines())
    assert not [x for x in lines if '"VB900"' in x]


def test_a_local_cluster_and_object_store_urls(tmp_path):
    doc = ROOT / "corpus/valid/state-nd30/cong_van.txt"
    url = doc.as_uri()  # file://…: read by the workers through fsspec, as s3://… would be
    there = vblint(
        "--scheduler", "local", "-j", "2", "--format", "json", url, str(ROOT / "corpus/valid/party-hd36")
    )
    assert there.returncode == 0, there.stderr
    files = json.loads(there.stdout)["files"]
    assert files[0]["path"] == url and files[0]["profile"] == "state-nd30" and len(files) > 5


def test_no_scheduler_is_a_clear_error():
    r = vblint("--scheduler", f"tcp://127.0.0.1:{free_port()}", str(ROOT / "corpus/valid"))
    assert r.returncode == 2 and "Dask" in r.stderr and "Traceback" not in r.stderr


def test_without_dask_the_scheduler_option_says_what_to_install():
    from without import vblint_without

    p = vblint_without(("distributed", "dask"), ["check", "--scheduler", "local", str(ROOT / "corpus/valid")])
    assert p.returncode == 2 and "vblint[distributed]" in p.stderr and "Traceback" not in p.stderr
