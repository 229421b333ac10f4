"""work: what the server's worker processes run — the check and the fix of one upload, each
under the per-document time limit — on the same pipeline the CLI uses. Nothing here imports the
web framework: the workers stay light."""

from __future__ import annotations

from linter import batch, config
from linter.fix import FixOutcome, fix_bytes
from linter.result import FileResult, Options


def warm() -> bool:
    """Build the parser and the schemas once per worker, before the first upload."""
    batch.warm_up()
    return True


def check(name: str, data: bytes, opts: Options, settings, timeout: float) -> FileResult:
    _test_hook(name)
    return config.apply(settings, batch.check_document(name, data, opts, timeout))


def fix(name: str, data: bytes, opts: Options, settings, unsafe: bool, timeout: float) -> FixOutcome:
    def post(r):
        return config.apply(settings, r)

    try:
        return batch.time_limited(timeout, fix_bytes, name, data, opts, unsafe=unsafe, post=post)
    except batch.DocumentTimeout:
        out = FixOutcome(name, refused=f"quá {timeout:g} giây, không sửa", data=data)
        out.result = batch.timeout_result(name, timeout, opts.lang)
        return out


def _test_hook(name: str) -> None:
    """Tests only (batch.HOOK_ENV set to "hang:MARKER" or "crash:MARKER" in the server's
    environment): an upload whose name holds the marker gets stuck where SIGALRM cannot reach it,
    or kills its worker, as batch's tests do to the CLI's workers."""
    hook = batch._hook_spec()
    if hook:
        batch._run_hook(hook, name, in_worker=True)
