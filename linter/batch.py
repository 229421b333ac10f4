"""Batch runner: many documents in parallel, with bounded memory and a time limit per document.

iter_results() yields one FileResult per input path. jobs=1 (or a single file) runs in this
process: no pool to start. Otherwise it runs a small pool of worker processes, each with its own
duplex pipe. concurrent.futures and multiprocessing.Pool are not used because neither can kill
one stuck worker and tell which document it was on:

- Each worker builds the Lark parser, the rule registry and the schema validators once (with the
  fork start method the parent builds them before forking, so workers and replacements start
  ready). Any start method works: the test hook is read from the environment, not patched in.
  Workers start at the first document the cache does not answer: a run served entirely from the
  cache starts none.
- What crosses the pipe is chosen by `emit` (see Results): the FileResult, the FileResult
  without its text, or for --format jsonl a Streamed (the finished line and two flags), so the
  parent, which shares the CPUs with the workers, does little per document.
- The parent keeps up to PREFETCH tasks queued per worker and tops a queue up only once it is
  down to REFILL, in one message (a short input is dealt out in turn, not all to the first
  worker). At most `window` = 4 × jobs × PREFETCH documents are taken from the input and not yet
  yielded (queued, running, or waiting in the reorder buffer), so memory stays bounded whatever
  the number of files. The input is consumed lazily.
- Results still cross one message per document, as each is made: a worker killed on its next
  document loses none, and the parent knows which document it was on. But while every worker has
  enough queued, the parent naps (up to NAP, at most half the time the shortest queue lasts, from
  the workers' reported time per document) instead of waking for each message, then reads all
  that arrived. Woken per document, the parent took a CPU from a worker each time, and -j 2 ran
  at 1.7-1.8× -j 1 where two independent processes reach 2× (bench/README.md).
- Files are announced to the kernel READAHEAD files before their turn (posix_fadvise WILLNEED),
  so that on a cold disk their reading overlaps the linting of earlier ones.
- Time limit, two levels. Soft: the worker arms SIGALRM (setitimer, wall clock) for each document.
  The handler raises DocumentTimeout, a BaseException, so lint's per-document firewall does not
  swallow it. The worker reports VB901 and exits, and a new worker replaces it (state left by an
  interrupted document is not trusted). Hard: code stuck in C never sees the signal, so the parent
  kills any worker still on one document after timeout + grace (max(2 s, timeout / 2)) and
  reports VB901 itself. In this process (jobs=1) only the soft limit applies.
- A worker that dies (segfault, OOM kill, os._exit) costs only the document it was on, which gets
  VB900. Its queued tasks go back to the front of the queue and a new worker replaces it.
- After RECYCLE documents a worker is asked to exit and a fresh one (forked from the warmed-up
  parent) replaces it: what the pipeline's caches hold grows with the documents a process has
  seen, and recycling keeps a long batch's memory at that of a short one.
- The parent waits on one poll object for the life of the pool (multiprocessing's wait() and
  Connection.poll() build a selector at every call: that was most of its own per-document work,
  on the CPUs the workers need).
"""

import math
import os
import pickle
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple, Self

from linter.diagnostics import Span
from linter.lint import lint_bytes, lint_path
from linter.read import max_bytes
from linter.report import jsonl
from linter.result import FileResult, Options
from linter.rules import RULES
from linter.rules.base import diagnostic
from linter.rules.batch import TIMEOUT
from linter.scan import PAGE_DONE

PREFETCH = 16  # tasks queued per worker, the running one included
REFILL = PREFETCH // 2  # a queue is topped up once down to this many
READAHEAD = 32  # files announced to the kernel before their turn (_will_need)
NAP = 0.01  # seconds: the longest the parent sleeps while every worker has work queued
RECYCLE = 5000  # documents per worker: then a fresh one replaces it
START_LIMIT = 60.0  # seconds a new worker may take to import and build the parser
HOOK_ENV = "VBLINT_BATCH_TEST_HOOK"  # tests only: "sleep|hang|crash:MARKER", see _run_hook


class DocumentTimeout(BaseException):
    """Raised by the SIGALRM handler. A BaseException, so lint's `except Exception` lets it pass."""


@dataclass
class BatchStats:
    """What a run did. Pass one to iter_results(stats=...) to read it."""

    jobs: int = 0
    window: int = 0  # documents taken from the input and not yet yielded, at most
    max_in_flight: int = 0  # the most there ever were
    timeouts: int = 0
    crashes: int = 0
    workers_started: int = 0


class Streamed(NamedTuple):
    """A finished document of a streaming (--format jsonl) run: its line, and what the exit code
    needs."""

    path: str
    line: bytes  # linter.report.jsonl.line() of the result, "\n" included, UTF-8: what is written
    readable: bool
    error: bool  # an error-severity diagnostic is left


class Results:
    """emit= of iter_results: what each document becomes in the process that linted it (for a
    worker, what crosses the pipe) and what a cache hit becomes. This one: the FileResult; with
    text=False its text is left empty, for reports that never show it (less to pickle and keep)."""

    def __init__(self, text: bool = True):
        self.text = text

    def __call__(self, res: FileResult, tail: str | None = None):
        """res, just made; tail: its jsonl tail when already encoded (by Cache.put)."""
        if not self.text:
            res.text = ""
        return res

    def hit(self, cache, path: str, data: bytes):
        """The cached item for data at path, or None."""
        return cache.get(path, data, text=self.text)


class Lines(Results):
    """emit= for --format jsonl: each document becomes a Streamed, its line encoded where the
    result was made. post: None, the result as linted (a cache hit is then the stored line: no
    FileResult is built), or a picklable callable FileResult -> FileResult applied first (the
    settings' rule filters, a baseline), which then also runs in the workers."""

    def __init__(self, post=None):
        super().__init__(text=True)
        self.post = post

    def __call__(self, res: FileResult, tail: str | None = None) -> Streamed:
        if self.post is not None:
            res, tail = self.post(res), None
        line = jsonl.line(res) if tail is None else jsonl.with_path(res.path, tail)
        error = any(d.severity == "error" for d in res.diagnostics)
        return Streamed(res.path, line.encode("utf-8"), res.readable, error)

    def hit(self, cache, path: str, data: bytes) -> Streamed | None:
        if self.post is None:
            got = cache.get_line(path, data)
            return None if got is None else Streamed(path, got[0], got[1], got[2])
        res = cache.get(path, data)
        return None if res is None else self(res)


def default_jobs() -> int:
    """CPUs this process may run on (cgroup/taskset aware where the OS says), else os.cpu_count()."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def timeout_result(path: str, seconds: float, lang: str) -> FileResult:
    res = FileResult(path, readable=False)
    res.diagnostics.append(diagnostic(TIMEOUT, Span.at(1), lang, limit=f"{seconds:g}"))
    return res


def crash_result(path: str, why: str, lang: str) -> FileResult:
    res = FileResult(path, readable=False)
    res.diagnostics.append(diagnostic(RULES["VB900"], Span.at(1), lang, error=why))
    return res


def iter_results(
    files: Iterable[str],
    opts: Options,
    *,
    jobs: int | None = None,
    timeout: float = 20.0,
    cache=None,
    ordered: bool = True,
    stats: BatchStats | None = None,
    emit: Results | None = None,
    on_page: Callable[[str], None] | None = None,
) -> Iterator:
    """One FileResult per path ("-" reads stdin as "<stdin>"), in input order if `ordered`, else
    as each finishes. jobs: None or <= 0 = default_jobs(); 1 = in this process. timeout: seconds per
    document (0 or None: no limit). cache: a linter.cache.Cache (its counters include the workers'
    hits and misses). emit: what to yield instead of the FileResult (Results(text=False), Lines;
    picklable). on_page(path): called here, in this process, as each page of a scan is read
    (workers send word of it). Never raises for a bad document."""
    stats = stats if stats is not None else BatchStats()
    emit = emit if emit is not None else Results()
    if jobs is None or jobs <= 0:
        jobs = default_jobs()
    try:
        jobs = min(jobs, max(len(files), 1))  # type: ignore[arg-type]
    except TypeError:
        pass  # an iterator: size unknown
    stats.jobs = jobs
    tasks = _tasks(files)
    hook = _hook_spec()
    if jobs == 1:
        return _serial(tasks, opts, timeout, cache, hook, stats, emit, on_page)
    return _pool(tasks, opts, jobs, timeout, cache, ordered, hook, stats, emit, on_page)


def _tasks(files: Iterable[str]) -> Iterator[tuple[int, str, bytes | None]]:
    """(index, path, None), or for "-" the bytes of stdin. Each file is announced to the kernel
    READAHEAD files before its turn (see _will_need), so the input is consumed that far ahead."""
    ahead: deque[str] = deque()
    source = iter(files)
    i = 0
    while True:
        while len(ahead) <= READAHEAD:
            f = next(source, None)
            if f is None:
                break
            if f != "-":
                _will_need(f)
            ahead.append(f)
        if not ahead:
            return
        f = ahead.popleft()
        yield (i, "<stdin>", sys.stdin.buffer.read()) if f == "-" else (i, f, None)
        i += 1


def _will_need(path: str) -> None:
    """Ask the kernel to start reading the file now (POSIX_FADV_WILLNEED), so that the read at
    its turn finds it in memory: on a cold disk, reading 10,000 small files one after the other
    cost as much waiting as linting them. Best effort: errors are the read's to report."""
    if not hasattr(os, "posix_fadvise"):
        return
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # O_NONBLOCK: a FIFO must not block here
    except OSError:
        return
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- one document ---------------------------------------------------------------------------------


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _on_alarm(signum, frame):
    raise DocumentTimeout


@contextmanager
def _time_limit(seconds: float | None, install: bool):
    """Raise DocumentTimeout here after `seconds` of wall time (main thread, POSIX; else no limit)."""
    if not seconds or seconds <= 0 or not _can_alarm():
        yield
        return
    old = signal.signal(signal.SIGALRM, _on_alarm) if install else None
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            if install:
                signal.signal(signal.SIGALRM, old)


def _read(path: str) -> bytes | None:
    """The file's bytes, or None to let lint_path() report why it cannot be read."""
    try:
        if os.stat(path).st_size > max_bytes(path):
            return None
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def _check_one(
    path, data, opts, cache, timeout, hook, in_worker, emit, lookup=True, page_done=None
) -> tuple[object, str]:
    """Lint one document through the cache (lookup=False: the caller has looked it up already)
    and under the time limit: emit's item for it, and the status: "ok" | "timeout". page_done():
    after each page a scan's OCR reads."""
    if cache is not None and cache.enabled:
        if data is None:
            data = _read(path)
        if lookup and data is not None:
            hit = emit.hit(cache, path, data)
            if hit is not None:
                return hit, "ok"
    token = PAGE_DONE.set(page_done)
    try:
        with _time_limit(timeout, install=not in_worker):
            if hook:
                _run_hook(hook, path, in_worker)
            res = lint_path(path, opts) if data is None else lint_bytes(path, data, opts)
    except DocumentTimeout:
        return emit(timeout_result(path, timeout, opts.lang)), "timeout"
    finally:
        PAGE_DONE.reset(token)
    tail = cache.put(path, data, res) if cache is not None and data is not None else None
    return emit(res, tail), "ok"


def check_document(path: str, data: bytes | None, opts: Options, timeout: float | None, emit=None):
    """One document (its bytes, or read from path when data is None) under the time limit where
    this thread can keep one (the main thread): emit's item (the FileResult by default), or the
    time-out's. What a server's or a cluster's worker runs. Never raises for a bad document."""
    return _check_one(path, data, opts, None, timeout, None, False, emit or Results())[0]


def time_limited(seconds: float | None, fn, *args, **kwargs):
    """fn(*args, **kwargs) under a limit of `seconds` (main thread, POSIX): DocumentTimeout when
    it runs out."""
    with _time_limit(seconds, install=True):
        return fn(*args, **kwargs)


def _hook_spec() -> tuple[str, str] | None:
    mode, _, marker = os.environ.get(HOOK_ENV, "").partition(":")
    return (mode, marker) if marker else None


def _run_hook(hook: tuple[str, str], path: str, in_worker: bool) -> None:
    """Tests only: misbehave on a document whose path contains the marker. sleep: a slow document
    (the soft limit stops it); hang: stuck where SIGALRM cannot reach (only the parent's kill
    helps); crash: the worker dies. hang and crash act only in a worker, never in this process."""
    mode, marker = hook
    if marker not in path:
        return
    if mode == "sleep":
        time.sleep(3600)
    elif mode == "hang" and in_worker:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    elif mode == "crash" and in_worker:
        os._exit(70)


def _serial(tasks, opts, timeout, cache, hook, stats, emit, on_page) -> Iterator:
    stats.window = 1
    for _, path, data in tasks:
        stats.max_in_flight = 1
        done = (lambda p=path: on_page(p)) if on_page else None
        res, status = _check_one(path, data, opts, cache, timeout, hook, False, emit, page_done=done)
        stats.timeouts += status == "timeout"
        yield res


# --- worker process -------------------------------------------------------------------------------


def _send(conn, msg) -> None:
    """Messages in plain pickle: Connection.send() uses multiprocessing's ForkingPickler, which
    copies the copyreg table for every message so that it can send handles (never sent here)."""
    conn.send_bytes(pickle.dumps(msg, pickle.HIGHEST_PROTOCOL))


def _recv(conn):
    return pickle.loads(conn.recv_bytes())


def warm_up() -> None:
    """Build once per process what every document needs. An optimisation only: if something
    here fails, each document reports the real error through lint's firewall."""
    try:
        import linter.rules  # noqa: F401  registers every rule
        from linter import parse, validate

        parse.parser()
        for sid in validate.schema_ids():
            validate.validator(sid)
    except Exception:  # noqa: BLE001, S110
        pass


def _worker_main(conn, opts, cache, timeout, hook, emit, pages) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if _can_alarm():
        signal.signal(signal.SIGALRM, _on_alarm)
    warm_up()
    import multiprocessing as mp  # only pools need it: a one-file run never imports it

    parent = mp.parent_process()
    if hasattr(select, "poll"):  # one poll object, not a selector per task (Connection.poll)
        poller = select.poll()
        poller.register(conn.fileno(), select.POLLIN)

        def readable() -> bool:
            return bool(poller.poll(1000))
    else:  # pragma: no cover - Windows

        def readable() -> bool:
            return conn.poll(1.0)

    queue: deque = deque()
    try:
        _send(conn, ("ready",))
        while True:
            if not queue:
                while not readable():
                    if parent is not None and not parent.is_alive():
                        return  # orphaned: the parent was killed
                tasks = _recv(conn)
                if tasks is None:
                    return
                queue.extend(tasks)
                continue
            idx, path, data = queue.popleft()
            before = cache.counters() if cache is not None else None
            start = time.perf_counter()
            done = (
                (lambda p=path: _send(conn, ("page", p))) if pages else None
            )  # pages: the parent counts them
            item, status = _check_one(
                path, data, opts, cache, timeout, hook, True, emit, lookup=False, page_done=done
            )
            spent = time.perf_counter() - start  # paces the parent's naps
            deltas = tuple(a - b for a, b in zip(cache.counters(), before)) if cache is not None else None
            try:
                _send(conn, ("result", idx, item, deltas, status, spent))
            except Exception as e:  # noqa: BLE001 - unpicklable result; nothing was written yet
                crash = emit(crash_result(path, f"{type(e).__name__}: {e}", opts.lang))
                _send(conn, ("result", idx, crash, deltas, status, spent))
            if status == "timeout":
                return  # interrupted mid-document: exit, the parent starts a fresh worker
    except (EOFError, OSError):
        return
    finally:
        from linter import validate

        validate.flush()  # a pool worker ends without exit hooks: keep the schema results it learned


# --- the pool ---------------------------------------------------------------------------------------


class _Waiter:
    """The parent's wait for its workers' messages and exits: a poll object registered once per
    worker. multiprocessing.connection.wait() builds a selector and registers every handle at
    each call, which cost the parent more than anything else per document. Without select.poll
    (Windows), wait()."""

    def __init__(self):
        self._poll = select.poll() if hasattr(select, "poll") else None
        self._by_fd: dict[int, object] = {}

    def add(self, w) -> None:
        if self._poll is not None:
            for fd, obj in zip(w.fds, (w.conn, w.proc.sentinel)):
                self._poll.register(fd, select.POLLIN)
                self._by_fd[fd] = obj

    def remove(self, w) -> None:
        """Before the worker's handles are closed (a closed fd's number is soon reused)."""
        if self._poll is not None:
            for fd in w.fds:
                if self._by_fd.pop(fd, None) is not None:
                    self._poll.unregister(fd)

    def wait(self, workers, timeout: float | None) -> set:
        """The connections and sentinels of workers that are ready (readable, closed or exited)."""
        if self._poll is None:  # pragma: no cover - Windows
            from multiprocessing.connection import wait

            return set(wait([w.conn for w in workers] + [w.proc.sentinel for w in workers], timeout))
        ms = None if timeout is None else math.ceil(timeout * 1000)
        return {self._by_fd[fd] for fd, _ in self._poll.poll(ms) if fd in self._by_fd}


class _Worker:
    def __init__(self, ctx, args):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, *args), daemon=True, name="vblint-worker")
        self.proc.start()
        child.close()
        self.pending: deque = deque()  # tasks sent and not answered, oldest first: [0] is running
        self.sent = 0  # tasks sent: at RECYCLE it gets no more, and is replaced once it has answered
        self.fds = (self.conn.fileno(), self.proc.sentinel)
        if hasattr(select, "poll"):  # is another message waiting? without a selector per call
            self._inbox = select.poll()
            self._inbox.register(self.fds[0], select.POLLIN)
        self.ready = False
        self.since = time.monotonic()  # when pending[0] started, or when the process started
        self.broken = self.retiring = False

    def send(self, tasks: list) -> bool:
        if not self.pending:
            if not self.proc.is_alive():  # died while idle: do not blame the next document
                self.broken = True
                return False
            self.since = time.monotonic()
        self.pending.extend(tasks)
        try:
            _send(self.conn, tasks)
            self.sent += len(tasks)
            return True
        except (OSError, ValueError):
            for _ in tasks:
                self.pending.pop()
            self.broken = True
            return False

    def more(self) -> bool:
        """Is another message waiting in the pipe?"""
        if hasattr(self, "_inbox"):
            return bool(self._inbox.poll(0))
        return self.conn.poll(0)  # pragma: no cover - Windows

    def deadline(self, timeout: float | None, grace: float) -> float:
        if not self.ready:
            return self.since + START_LIMIT + (timeout or 0)
        return self.since + timeout + grace if timeout else float("inf")

    def kill(self) -> None:
        try:
            self.proc.kill()
        except (OSError, ValueError):
            pass
        self.proc.join(5)
        self.conn.close()


def _pool(tasks, opts, jobs, timeout, cache, ordered, hook, stats, emit, on_page) -> Iterator:
    """The pool's results (a generator: nothing starts before the first is asked for)."""
    yield from _Pool(tasks, opts, jobs, timeout, cache, ordered, hook, stats, emit, on_page).run()


class _Pool:
    """One run of the worker pool (see the module's docstring): run() yields emit's items."""

    def __init__(self, tasks, opts, jobs, timeout, cache, ordered, hook, stats, emit, on_page):
        import multiprocessing as mp

        self.ctx = mp.get_context()
        self.tasks, self.opts, self.jobs, self.timeout, self.cache = tasks, opts, jobs, timeout, cache
        self.ordered, self.hook, self.stats, self.emit, self.on_page = ordered, hook, stats, emit, on_page
        self.args = (opts, cache, timeout, hook, emit, on_page is not None)
        self.window = stats.window = 4 * jobs * PREFETCH
        self.grace = max(2.0, (timeout or 0) / 2)
        self.front: deque = deque()  # tasks to send before any new one: requeued, or held for an idle worker
        self.exhausted = False
        self.taken = self.yielded = 0
        self.buffer: dict[int, object] = {}  # ordered: results waiting for an earlier one
        self.next_out = 0
        self.out: deque = deque()  # results ready to yield
        self.workers: list[_Worker] = []
        self.waiter = _Waiter()
        self.started = False  # the workers start at the first document the cache does not answer
        self.pace = 0.0  # seconds per document in a worker, a running average of what they report

    def run(self) -> Iterator:
        try:
            while True:
                if not self.started:
                    t = self.next_task()  # cache hits are delivered on the way
                    if t is not None:
                        self.front.appendleft(t)
                        self.start()
                if self.started and not self.workers:  # none could be started: one document at a time, here
                    self.check_here()
                self.feed()  # 1. keep the workers' queues filled
                busy = [w for w in self.workers if w.pending or w.broken]
                if not busy and not self.out:
                    if self.exhausted and not self.front and self.taken == self.yielded:
                        break
                    raise RuntimeError("vblint batch: no progress (internal error)")
                if busy:  # 2. wait for a message, a worker's exit or the nearest deadline
                    self.wait(busy)
                # 3. hand over what is ready
                out = self.out
                while out:
                    self.yielded += 1
                    yield out.popleft()
        finally:
            self.close()

    def next_task(self):
        """The next task for a worker. Cache hits are looked up here and never reach a worker:
        a hit costs less than sending the result through a pipe."""
        cache, stats = self.cache, self.stats
        while True:
            if self.front:
                return self.front.popleft()
            if self.exhausted or self.taken - self.yielded >= self.window:
                return None
            try:
                t = next(self.tasks)
            except StopIteration:
                self.exhausted = True
                return None
            self.taken += 1
            stats.max_in_flight = max(stats.max_in_flight, self.taken - self.yielded)
            if cache is None or not cache.enabled:
                return t
            idx, path, data = t
            raw = data if data is not None else _read(path)
            hit = self.emit.hit(cache, path, raw) if raw is not None else None
            if hit is None:
                return t  # the worker reads the file again to store its result
            self.deliver(idx, hit)

    def deliver(self, idx: int, res) -> None:
        """res: emit's item (a worker's, or made here by emit)."""
        if not self.ordered:
            self.out.append(res)
            return
        buffer = self.buffer
        buffer[idx] = res
        while self.next_out in buffer:
            self.out.append(buffer.pop(self.next_out))
            self.next_out += 1

    def spawn(self) -> bool:
        try:
            w = _Worker(self.ctx, self.args)
        except OSError:  # no more processes (ulimit, memory): go on with fewer, or in this process
            return False
        self.workers.append(w)
        self.waiter.add(w)
        self.stats.workers_started += 1
        return True

    def retire(self, w: _Worker, kill: bool) -> None:
        self.waiter.remove(w)
        self.front.extendleft(reversed(w.pending))
        w.pending.clear()
        if kill or w.broken:
            w.kill()
        else:  # it exits by itself
            w.proc.join(2)
            if w.proc.is_alive():
                w.kill()
            w.conn.close()
        self.workers.remove(w)

    def drain(self, w: _Worker) -> None:
        """Every message in the pipe (a worker that exited may have sent some just before)."""
        while not w.broken and w.conn.poll():
            self.receive(w)

    def receive(self, w: _Worker) -> None:
        """One message from a worker whose pipe is readable."""
        try:
            msg = _recv(w.conn)
        except (EOFError, OSError):
            w.broken = True
            return
        except Exception as e:  # noqa: BLE001 - a result this process cannot unpickle
            idx, path, _ = w.pending.popleft()
            w.since = time.monotonic()
            self.deliver(idx, self.emit(crash_result(path, f"{type(e).__name__}: {e}", self.opts.lang)))
            return
        if msg[0] == "page":  # not a sign of life: a document's time limit is for all its pages
            if self.on_page:
                self.on_page(msg[1])
            return
        w.since = time.monotonic()
        if msg[0] == "ready":
            w.ready = True
            return
        _, idx, res, deltas, status, spent = msg
        self.pace = spent if not self.pace else 0.9 * self.pace + 0.1 * spent
        w.pending.popleft()
        if deltas and self.cache is not None:
            self.cache.add(deltas)
        if status == "timeout":
            self.stats.timeouts += 1
            w.retiring = True
        self.deliver(idx, res)

    def feed(self) -> None:
        """Top up each worker whose queue is down to REFILL: one task to each in turn, so that a
        short input is shared out, then one message per worker."""
        hungry = [w for w in self.workers if not w.broken and len(w.pending) <= REFILL and w.sent < RECYCLE]
        batches: dict[_Worker, list] = {w: [] for w in hungry}
        while hungry:
            for w in list(hungry):
                t = self.next_task()
                if t is None:
                    hungry = []
                    break
                b = batches[w]
                if t[2] is not None and (w.pending or b):  # bytes go to an idle worker only: no pipe deadlock
                    self.front.appendleft(t)
                    hungry.remove(w)
                    continue
                b.append(t)
                if t[2] is not None or len(w.pending) + len(b) >= PREFETCH or w.sent + len(b) >= RECYCLE:
                    hungry.remove(w)
        for w, b in batches.items():
            if b and not w.send(b):
                self.front.extendleft(reversed(b))

    def nap(self) -> float:
        """How long to sleep instead of waking for each message: 0 unless every worker is
        running and has work queued; then half the time its shortest queue lasts, at most NAP."""
        workers = self.workers
        if not self.pace or not all(w.ready and not w.broken for w in workers):
            return 0.0
        return min(NAP, self.pace * (min(len(w.pending) for w in workers) - 1) / 2)

    def start(self) -> None:
        self.started = True
        if self.ctx.get_start_method() == "fork":
            warm_up()  # once here: every forked worker, and every replacement, starts ready
        for _ in range(self.jobs):
            if not self.spawn():
                break

    def check_here(self) -> None:
        """No worker could be started: the next document, in this process."""
        t = self.next_task()
        if t is not None:
            res, status = _check_one(
                t[1], t[2], self.opts, self.cache, self.timeout, self.hook, False, self.emit, lookup=False
            )
            self.stats.timeouts += status == "timeout"
            self.deliver(t[0], res)

    def wait(self, busy: list[_Worker]) -> None:
        """Wait for a message, a worker's exit or the nearest deadline; tend to every worker;
        replace the ones that left while there is work."""
        now = time.monotonic()
        nearest = min(w.deadline(self.timeout, self.grace) for w in busy)
        wait_for = None if nearest == float("inf") else max(0.0, nearest - now)
        sleep = self.nap()
        if sleep > 0.0005:  # what arrives meanwhile waits in the pipes, read below all at once
            time.sleep(sleep if wait_for is None else min(sleep, wait_for))
            wait_for = 0
        ready = self.waiter.wait(self.workers, wait_for)
        now = time.monotonic()
        for w in list(self.workers):  # idle ones too: a "ready" message, an exit
            self.tend(w, ready, now)
        while len(self.workers) < self.jobs and (self.front or not self.exhausted):
            if not self.spawn():
                break

    def tend(self, w: _Worker, ready: set, now: float) -> None:
        """Read what worker w sent, then retire it if it timed out, died, ran past its deadline
        (killed: its document gets VB901, or VB900 if it never started) or did its share."""
        # an exit shows as its sentinel; a timed-out wait checks the busy ones anyway
        dead = (
            w.broken or w.proc.sentinel in ready or (not ready and bool(w.pending) and not w.proc.is_alive())
        )
        if dead:  # a result sent just before the exit is still in the pipe
            self.drain(w)
        elif w.conn in ready:
            self.receive(w)
            while w.pending and not w.broken and w.more():
                self.receive(w)
        if w.retiring:  # sent its VB901 and exits by itself; its queue goes back
            self.retire(w, kill=False)
        elif dead:
            w.proc.join(2)
            if w.pending:
                idx, path, _ = w.pending.popleft()
                self.stats.crashes += 1
                why = f"worker process died (exit code {w.proc.exitcode})"
                self.deliver(idx, self.emit(crash_result(path, why, self.opts.lang)))
            self.retire(w, kill=True)
        elif w.pending and now >= w.deadline(self.timeout, self.grace):
            idx, path, _ = w.pending.popleft()
            if w.ready:
                self.stats.timeouts += 1
                self.deliver(idx, self.emit(timeout_result(path, self.timeout, self.opts.lang)))
            else:
                self.stats.crashes += 1
                why = f"worker did not start within {START_LIMIT:g} s"
                self.deliver(idx, self.emit(crash_result(path, why, self.opts.lang)))
            self.retire(w, kill=True)
        elif w.sent >= RECYCLE and not w.pending:  # done its share: a fresh one follows
            try:
                _send(w.conn, None)
            except (OSError, ValueError):
                pass
            self.retire(w, kill=False)

    def close(self) -> None:
        """Ask idle workers to exit, kill busy ones, and wait for all."""
        workers = self.workers
        for w in workers:
            try:
                if w.pending or w.broken:
                    w.proc.kill()
                else:
                    _send(w.conn, None)
            except (OSError, ValueError):
                pass
        for w in workers:
            w.proc.join(2)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(2)
            w.conn.close()


# --- progress -------------------------------------------------------------------------------------


class Progress:
    """A one-line counter on stderr ("\\r" redraws, at most every `interval` s), only where a
    person watches: stderr is a terminal, CI is not set and TERM is not dumb. Otherwise every
    method does nothing, so pipes and CI logs stay clean. Documents are counted against the
    total; pages read by OCR (page()) are counted beside them, as they are read: one 20-page
    scan takes minutes, and its pages are what moves."""

    _PAGES = {"vi": "trang", "en": "pages"}

    def __init__(
        self,
        total: int | None,
        stream=None,
        enabled: bool | None = None,
        interval: float = 0.1,
        lang: str = "vi",
    ):
        self.stream = stream if stream is not None else sys.stderr
        self.total, self.done, self.pages = total, 0, 0
        self.unit = self._PAGES.get(lang, "trang")
        self.enabled = _watched(self.stream) if enabled is None else enabled
        self.interval = interval
        self._last = 0.0
        self._width = 0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= self.interval or self.done == self.total:
            self._last = now
            self._draw()

    def page(self, path: str = "") -> None:
        """One more page of a scan read (path: whose; a batch's on_page)."""
        self.pages += 1
        self.advance(0)

    def _draw(self) -> None:
        if self.total:
            line = f"vblint: {self.done}/{self.total} ({100 * self.done // self.total}%)"
        else:
            line = f"vblint: {self.done}"
        if self.pages:
            line += f" · {self.pages} {self.unit}"
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)

    def clear(self) -> None:
        """Erase the line (before writing a report to the same terminal); the next advance redraws."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    close = clear

    def wrap(self, results: Iterable) -> Iterator:
        """Yield from results, advancing once per item; erase the line at the end."""
        try:
            for r in results:
                self.advance()
                yield r
        finally:
            self.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _watched(stream) -> bool:
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return tty and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


def progress(total: int | None, stream=None, lang: str = "vi") -> Progress:
    return Progress(total, stream, lang=lang)
