"""cluster: a batch on a Dask distributed cluster (`--scheduler tcp://HOST:PORT`, or `local`).

The parent sends paths, never file contents, in chunks; each worker reads its files itself (a
filesystem the workers share with the parent, or an object-store URL through fsspec), builds the
parser once per process, checks them with the same function a local worker runs, and sends back
emit's items (FileResults, or finished JSONL lines). Results arrive as chunks finish and are
yielded in input order when asked. A worker lost mid-run costs nothing: the scheduler runs its
chunks again on another worker, and each chunk's results are taken once, so every document is
reported exactly once. Needs the extra `vblint[distributed]`; imported only with --scheduler."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from linter import batch
from linter.errors import UserError
from linter.result import Options

MAX_CHUNK = 64  # documents a task: enough to pay for the scheduler's few ms, few enough to balance
URL_MAX_BYTES = 256 * 1024 * 1024


def is_url(path: str) -> bool:
    return "://" in path


def _read_url(path: str) -> bytes | None:
    """The bytes at an fsspec URL (s3://, gs://, file:// …); None when they cannot be read, so
    that the check reports why (lint_bytes of nothing says the file is empty)."""
    import fsspec

    with fsspec.open(path, "rb") as f:
        return f.read(URL_MAX_BYTES + 1)


def check_chunk(paths: list[str], opts: Options, timeout: float | None, emit) -> list:
    """What a worker runs: emit's item for each path, in order. A time limit is kept only where
    the task runs in its process's main thread (Dask runs tasks in threads: there it is not)."""
    batch.warm_up()
    out = []
    for p in paths:
        data = None
        if is_url(p):
            try:
                data = _read_url(p)
            except Exception as e:  # noqa: BLE001 - a missing backend, a missing object: report it
                out.append(emit(batch.crash_result(p, f"{type(e).__name__}: {e}", opts.lang)))
                continue
        out.append(batch.check_document(p, data, opts, timeout, emit))
    return out


def chunk_size(n_files: int, n_workers: int) -> int:
    """Four chunks a worker at least (a lost worker's share is small, the last ones balance)."""
    return max(1, min(MAX_CHUNK, n_files // max(1, 4 * n_workers)))


class ClusterError(UserError):
    """The cluster cannot be used: the extra is missing, or the scheduler does not answer."""

    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi, self.en = vi, en

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi


def connect(scheduler: str, jobs: int | None):
    """(client, local cluster or None) for --scheduler; ClusterError when that cannot be done."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(
            "--scheduler cần gói Dask: pip install 'vblint[distributed]'",
            "--scheduler needs Dask: pip install 'vblint[distributed]'",
        ) from None
    if scheduler == "local":
        n = jobs or batch.default_jobs()
        return Client(
            LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        ), True
    try:
        return Client(scheduler, timeout=10), False
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(
            f"không kết nối được bộ điều phối Dask {scheduler}: {e}",
            f"cannot connect to the Dask scheduler {scheduler}: {e}",
        ) from None


def iter_results(
    files: list[str],
    opts: Options,
    *,
    scheduler: str,
    jobs: int | None = None,
    timeout: float | None = 20.0,
    ordered: bool = True,
    emit=None,
    on_page: Callable[[str], None] | None = None,  # pages are not counted across a cluster
) -> Iterator:
    """One item per path (emit's, a FileResult by default), as iter_results of linter.batch
    gives, computed on the cluster at `scheduler` ("local": a local cluster of `jobs` worker
    processes, one thread each). Never raises for a bad document; a chunk the cluster could not
    run (its workers killed again and again) gives each of its documents an internal error."""
    client, local = connect(scheduler, jobs)
    return _stream(
        client, local, files, opts, timeout, ordered, emit if emit is not None else batch.Results()
    )


def _stream(client, local: bool, files, opts, timeout, ordered, emit) -> Iterator:
    from distributed import as_completed

    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = chunk_size(len(files), workers)
        chunks = [files[i : i + size] for i in range(0, len(files), size)]
        # opts and emit travel once, not with every task
        opts_f, emit_f = client.scatter([opts, emit], broadcast=True)
        futures = {
            client.submit(check_chunk, chunk, opts_f, timeout, emit_f, pure=False): k
            for k, chunk in enumerate(chunks)
        }
        done: dict[int, list] = {}
        next_out = 0
        for fut in as_completed(futures):
            k = futures[fut]
            try:
                items = fut.result()
            except Exception as e:  # noqa: BLE001 - KilledWorker after the retries, or a bug
                why = f"{type(e).__name__}: {e}"
                items = [emit(batch.crash_result(p, why, opts.lang)) for p in chunks[k]]
            fut.release()
            if not ordered:
                yield from items
                continue
            done[k] = items
            while next_out in done:
                yield from done.pop(next_out)
                next_out += 1
    finally:
        cluster = client.cluster if local else None
        client.close()
        if cluster is not None:
            cluster.close()
