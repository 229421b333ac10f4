"""linter/batch.py: parallel results equal serial ones, input order, the per-document time limit,
worker crashes, bounded memory, stdin, early close, the progress line; linter/report/jsonl.py.

Misbehaving documents use the runner's test hook (env VBLINT_BATCH_TEST_HOOK="mode:marker", read
by every worker whatever the start method): sleep (the worker's SIGALRM stops it), hang (SIGALRM
blocked: only the parent's kill helps), crash (the worker process exits)."""

import io
import json
import multiprocessing
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from linter import batch
from linter.batch import BatchStats, Progress, iter_results
from linter.discover import collect
from linter.lint import lint_bytes, lint_path
from linter.report import jsonl
from linter.result import Options

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OPTS = Options(today=date(2026, 11, 22))
SLOW = "slow-doc"  # the hook's marker


def full(r) -> dict:
    """Everything a reporter can see of a result."""
    return {
        **r.to_dict(),
        "text": r.text,
        "readable": r.readable,
        "citations": [d.citation for d in r.diagnostics],
    }


@pytest.fixture(scope="module")
def corpus_files() -> list[str]:
    files, missing = collect([str(CORPUS)])
    assert files and not missing
    return files


@pytest.fixture(scope="module")
def serial(corpus_files) -> list:
    return list(iter_results(corpus_files, OPTS, jobs=1, timeout=300))


@pytest.fixture
def small_batch(tmp_path) -> list[str]:
    """Eight real documents copied under tmp_path, the fourth named with the hook's marker."""
    src = sorted((CORPUS / "valid" / "party-hd36").glob("*.txt"))[:8]
    out = []
    for i, p in enumerate(src):
        dest = tmp_path / (f"{i:02}-{SLOW}.txt" if i == 3 else f"{i:02}-{p.name}")
        shutil.copyfile(p, dest)
        out.append(str(dest))
    return out


def _codes(r) -> list[str]:
    return [d.code for d in r.diagnostics]


# --- equal results, order ------------------------------------------------------------------------


def test_jobs_2_equals_jobs_1_on_the_whole_corpus(corpus_files, serial):
    stats = BatchStats()
    parallel = list(iter_results(corpus_files, OPTS, jobs=2, timeout=300, stats=stats))
    assert stats.jobs == 2 and stats.workers_started == 2 and stats.timeouts == stats.crashes == 0
    assert [r.path for r in serial] == corpus_files  # input order: collect's sorted paths
    assert [r.path for r in parallel] == corpus_files
    assert [full(r) for r in parallel] == [full(r) for r in serial]
    assert serial[0] == lint_path(corpus_files[0], OPTS)


def test_unordered_yields_every_result_once(corpus_files, serial):
    got = list(iter_results(corpus_files, OPTS, jobs=2, timeout=300, ordered=False))
    assert sorted(r.path for r in got) == sorted(corpus_files)
    by_path = {r.path: full(r) for r in serial}
    assert all(full(r) == by_path[r.path] for r in got)


def test_one_file_or_jobs_1_runs_in_process(small_batch):
    for files, jobs in ((small_batch[:1], 4), (small_batch, 1)):
        stats = BatchStats()
        got = list(iter_results(files, OPTS, jobs=jobs, stats=stats))
        assert stats.jobs == 1 and stats.workers_started == 0
        assert [full(r) for r in got] == [full(lint_path(f, OPTS)) for f in files]


def test_stdin_goes_through_a_worker(small_batch, monkeypatch):
    data = Path(small_batch[0]).read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    got = list(iter_results([small_batch[1], "-", small_batch[2]], OPTS, jobs=2))
    assert [r.path for r in got] == [small_batch[1], "<stdin>", small_batch[2]]
    assert full(got[1]) == full(lint_bytes("<stdin>", data, OPTS))


def test_closing_early_stops_the_workers(small_batch):
    it = iter_results(small_batch * 3, OPTS, jobs=2)
    next(it)
    it.close()
    assert multiprocessing.active_children() == []


def test_no_worker_can_start_falls_back_to_this_process(small_batch, monkeypatch):
    def no_fork(*a, **k):
        raise OSError("fork: Resource temporarily unavailable")

    monkeypatch.setattr(batch, "_Worker", no_fork)
    stats = BatchStats()
    got = list(iter_results(small_batch, OPTS, jobs=2, stats=stats))
    assert stats.workers_started == 0
    assert [full(r) for r in got] == [full(lint_path(f, OPTS)) for f in small_batch]


# --- how the parent feeds the workers and waits for them ------------------------------------------


def test_a_short_input_is_dealt_out_and_queues_stay_bounded(small_batch, monkeypatch):
    sent = []  # (worker, tasks in the message, tasks it had queued)
    real = batch._Worker.send

    def spy(self, tasks):
        sent.append((id(self), len(tasks), len(self.pending)))
        return real(self, tasks)

    monkeypatch.setattr(batch._Worker, "send", spy)
    got = list(iter_results(small_batch, OPTS, jobs=2))
    assert [full(r) for r in got] == [full(lint_path(f, OPTS)) for f in small_batch]
    assert [n for _, n, _ in sent] == [4, 4]  # one message each, not all eight to the first
    assert sent[0][0] != sent[1][0]
    assert all(queued + n <= batch.PREFETCH for _, n, queued in sent)


def test_the_parent_naps_and_reads_results_in_bursts(corpus_files, serial, monkeypatch):
    wakes, naps = 0, []
    real_wait, real_sleep = batch._Waiter.wait, batch.time.sleep

    def wait(self, workers, timeout):
        nonlocal wakes
        wakes += 1
        return real_wait(self, workers, timeout)

    def sleep(s):
        naps.append(s)
        real_sleep(s)

    monkeypatch.setattr(batch._Waiter, "wait", wait)
    monkeypatch.setattr(batch.time, "sleep", sleep)
    # the cap, not the pace, would bound each nap on a loaded machine (a document then takes
    # longer than NAP): lift it, so the test sees the naps the queues' pace asks for
    monkeypatch.setattr(batch, "NAP", 1.0)
    got = list(iter_results(corpus_files, OPTS, jobs=2, timeout=300))
    assert [full(r) for r in got] == [full(r) for r in serial]
    assert naps and all(0 < s <= batch.NAP for s in naps)
    # woken per document, it would wait once for each; napping, it reads several per wake
    assert wakes < len(corpus_files) / 2, (wakes, len(naps))


def test_files_are_announced_to_the_kernel_ahead_of_their_turn(small_batch, monkeypatch):
    if not hasattr(batch.os, "posix_fadvise"):
        pytest.skip("no posix_fadvise here")
    announced: list[int] = []  # inodes: the fadvise call sees a file descriptor, not a path
    real = batch.os.posix_fadvise

    def spy(fd, offset, length, advice):
        assert advice == batch.os.POSIX_FADV_WILLNEED
        announced.append(batch.os.fstat(fd).st_ino)
        return real(fd, offset, length, advice)

    monkeypatch.setattr(batch.os, "posix_fadvise", spy)
    monkeypatch.setattr(batch, "READAHEAD", 3)
    tasks = batch._tasks(iter(small_batch))
    first = next(tasks)
    assert first == (0, small_batch[0], None)
    inode = [Path(f).stat().st_ino for f in small_batch]
    assert announced == inode[:4]  # the first one and the three after it, before it was yielded
    assert [t[1] for t in tasks] == small_batch[1:]
    assert announced == inode


def test_announcing_skips_what_cannot_be_opened_and_never_blocks(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer, but for O_NONBLOCK
    batch._will_need(str(fifo))
    batch._will_need(str(tmp_path / "missing.txt"))
    batch._will_need(str(tmp_path))


# --- time limit and crashes --------------------------------------------------------------------


def _check_batch(got, files, code):
    """The marked document got `code` alone; every other one its normal result, in order."""
    assert [r.path for r in got] == files
    for r, f in zip(got, files):
        if SLOW in f:
            assert _codes(r) == [code] and not r.readable, full(r)
        else:
            assert full(r) == full(lint_path(f, OPTS))


def test_timeout_in_process(small_batch, monkeypatch):
    monkeypatch.setenv(batch.HOOK_ENV, f"sleep:{SLOW}")
    stats = BatchStats()
    got = list(iter_results(small_batch, OPTS, jobs=1, timeout=0.3, stats=stats))
    _check_batch(got, small_batch, "VB901")
    assert stats.timeouts == 1
    assert "0.3" in got[3].diagnostics[0].message


def test_timeout_in_a_worker_replaces_it(small_batch, monkeypatch):
    monkeypatch.setenv(batch.HOOK_ENV, f"sleep:{SLOW}")
    stats = BatchStats()
    got = list(iter_results(small_batch, OPTS, jobs=2, timeout=0.5, stats=stats))
    _check_batch(got, small_batch, "VB901")
    # the worker exits after a timeout; a new one starts only if work is left by then
    assert (stats.timeouts, stats.crashes) == (1, 0) and stats.workers_started in (2, 3)
    assert multiprocessing.active_children() == []


def test_hang_out_of_reach_of_the_alarm_is_killed(small_batch, monkeypatch):
    monkeypatch.setenv(batch.HOOK_ENV, f"hang:{SLOW}")
    stats = BatchStats()
    got = list(iter_results(small_batch, OPTS, jobs=2, timeout=0.3, stats=stats))
    _check_batch(got, small_batch, "VB901")
    assert (stats.timeouts, stats.crashes) == (1, 0) and stats.workers_started in (2, 3)
    assert multiprocessing.active_children() == []


def test_worker_crash_is_an_internal_error_for_that_file_only(small_batch, monkeypatch):
    monkeypatch.setenv(batch.HOOK_ENV, f"crash:{SLOW}")
    stats = BatchStats()
    got = list(iter_results(small_batch, OPTS, jobs=2, stats=stats))
    _check_batch(got, small_batch, "VB900")
    assert "exit code 70" in got[3].diagnostics[0].message
    assert (stats.timeouts, stats.crashes) == (0, 1) and stats.workers_started in (2, 3)


# --- bounded memory -------------------------------------------------------------------------------


def test_window_bounds_documents_in_flight(tmp_path):
    n = 5000
    for i in range(n):
        (tmp_path / f"{i:05}.txt").write_text(
            f"ĐẢNG CỘNG SẢN VIỆT NAM\nSố {i + 1}-TB/TU\nThông báo {i}.\n", encoding="utf-8"
        )
    consumed = 0
    yielded = 0
    peak = 0

    def paths():  # a lazy input: how far ahead of the output does the runner read?
        nonlocal consumed, peak
        for i in range(n):
            consumed += 1
            peak = max(peak, consumed - yielded)
            yield str(tmp_path / f"{i:05}.txt")

    stats = BatchStats()
    for r in iter_results(paths(), OPTS, jobs=2, stats=stats):
        assert r.path.endswith(f"{yielded:05}.txt")
        yielded += 1
    assert yielded == n
    assert stats.window == 4 * 2 * batch.PREFETCH
    assert 0 < stats.max_in_flight <= stats.window
    # the window's documents, the paths announced to the kernel ahead, the one being read
    assert peak <= stats.window + batch.READAHEAD + 1


# --- progress, jsonl ------------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    pipe = io.StringIO()
    with Progress(3, pipe) as p:
        for _ in range(3):
            p.advance()
    assert pipe.getvalue() == "" and not p.enabled

    tty = _Tty()
    p = Progress(3, tty, interval=0)
    list(p.wrap(range(3)))
    assert "\rvblint: 1/3 (33%)" in tty.getvalue() and "3/3 (100%)" in tty.getvalue()
    assert tty.getvalue().endswith("\r") and "\n" not in tty.getvalue()

    monkeypatch.setenv("CI", "true")
    tty = _Tty()
    list(Progress(3, tty, interval=0).wrap(range(3)))
    assert tty.getvalue() == ""


def test_jsonl_line_is_the_json_contract_per_file(serial):
    for r in serial[:20]:
        s = jsonl.line(r)
        assert s.endswith("\n") and s.count("\n") == 1
        assert json.loads(s) == json.loads(json.dumps(r.to_dict()))
    assert jsonl.render(serial[:3]).count("\n") == 3


# --- what crosses the pipe (emit), recycling, lazy start -----------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_lines_are_the_jsonl_lines_of_the_results(corpus_files, serial, jobs):
    files = corpus_files[:40]
    got = list(iter_results(files, OPTS, jobs=jobs, timeout=300, emit=batch.Lines()))
    assert [s.path for s in got] == files  # ordered by default
    for s, r in zip(got, serial):
        assert isinstance(s, batch.Streamed) and isinstance(s.line, bytes)
        assert s.line.decode("utf-8") == jsonl.line(r)
        assert s.readable == r.readable
        assert s.error == any(d.severity == "error" for d in r.diagnostics)


def _drop_info(r):
    """A picklable post step: what a settings filter does."""
    from dataclasses import replace

    return replace(r, diagnostics=[d for d in r.diagnostics if d.severity != "info"])


def test_lines_apply_the_post_step_where_the_result_is_made(corpus_files, serial):
    files = corpus_files[:30]
    got = list(iter_results(files, OPTS, jobs=2, timeout=300, emit=batch.Lines(_drop_info)))
    assert [s.line.decode("utf-8") for s in got] == [jsonl.line(_drop_info(r)) for r in serial[:30]]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_without_text(corpus_files, serial, jobs):
    files = corpus_files[:20]
    got = list(iter_results(files, OPTS, jobs=jobs, timeout=300, emit=batch.Results(text=False)))
    assert all(r.text == "" for r in got)
    assert [{**full(r), "text": ""} for r in got] == [{**full(r), "text": ""} for r in serial[:20]]


def test_workers_are_recycled_and_results_stay_equal(corpus_files, serial, monkeypatch):
    monkeypatch.setattr(batch, "RECYCLE", 7)
    stats = BatchStats()
    got = list(iter_results(corpus_files, OPTS, jobs=2, timeout=300, stats=stats))
    assert [full(r) for r in got] == [full(r) for r in serial]
    assert stats.workers_started >= len(corpus_files) // 7  # each did at most 7 documents
    assert stats.timeouts == stats.crashes == 0
    assert multiprocessing.active_children() == []


def test_a_crash_after_recycling_still_costs_one_document(small_batch, monkeypatch):
    monkeypatch.setattr(batch, "RECYCLE", 2)
    monkeypatch.setenv(batch.HOOK_ENV, f"crash:{SLOW}")
    stats = BatchStats()
    got = list(iter_results(small_batch, OPTS, jobs=2, stats=stats))
    _check_batch(got, small_batch, "VB900")
    assert stats.crashes == 1


def test_no_worker_starts_when_the_cache_answers_everything(small_batch, tmp_path):
    from linter.cache import Cache, settings_key

    c = Cache(tmp_path / "cache", settings_key(OPTS))
    first = list(iter_results(small_batch, OPTS, jobs=2, cache=c, timeout=300))
    assert [full(r) for r in first] == [full(lint_path(f, OPTS)) for f in small_batch]
    stats = BatchStats()
    again = list(iter_results(small_batch, OPTS, jobs=2, cache=c, stats=stats))
    lines = list(iter_results(small_batch, OPTS, jobs=2, cache=c, stats=stats, emit=batch.Lines()))
    assert stats.workers_started == 0 and c.hits == 2 * len(small_batch)
    assert [full(r) for r in again] == [full(r) for r in first]
    assert [s.line.decode("utf-8") for s in lines] == [jsonl.line(r) for r in first]


def test_jsonl_line_is_assembled_from_path_and_tail(serial):
    for r in serial[:10]:
        assert jsonl.with_path(r.path, jsonl.tail(r)) == jsonl.line(r)
        assert not jsonl.tail(r).startswith('{"path"')
