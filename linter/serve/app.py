"""app: the Starlette application of `vblint serve`.

Routes: GET / (the page), POST / (check an upload or pasted text, show it laid out), POST /fix
(the fixed file, after showing the diff of unsafe fixes), POST /api/check (the JSON of `vblint
check --format json`), POST /api/fix (the fixed file), GET /healthz, /static/*. Uploads are read
in memory and never written to disk; the uploaded name is only a label (its suffix says how to
read the bytes). Checks and fixes run in a pool of worker processes, each under the
per-document time limit, so one slow document never holds up the others; one stuck past the
limit is killed, and too many requests waiting get 503. Responses that carry a document or its
result are never cached. The page works without JavaScript (plain form posts); a small script
adds drag and drop."""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import multiprocessing as mp
import re
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from linter import batch
from linter.report import render as render_report
from linter.result import FileResult, Options
from linter.rules.base import PROFILES
from linter.serve import view, work
from linter.serve.words import WORDS

HERE = Path(__file__).parent
log = logging.getLogger("vblint.serve")
ACCEPT = ".docx,.txt,.md,.pdf,.png,.jpg,.jpeg,.tif,.tiff"
_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Service:
    """What every request shares: the default options and settings, and the limits."""

    opts: Options
    settings: object  # linter.config.Settings: select, ignore, severities
    max_upload: int = 20 * 1024 * 1024  # bytes of one file
    timeout: float = 20.0  # seconds a document
    jobs: int = 2
    queue: int = 200  # requests waiting for a worker; more get 503
    recycle: int = 500  # jobs a worker runs before a fresh one replaces it

    @property
    def max_body(self) -> int:
        """Bytes of a request: a file, or its base64 (a third larger), and the form's fields."""
        return self.max_upload * 4 // 3 + 64 * 1024


class BadUpload(Exception):
    """A request answered with an error status and a message of WORDS[lang]["errors"]."""

    def __init__(self, status: int, key: str, *, lang: str = "vi", headers: dict | None = None, **args):
        super().__init__(key)
        self.status, self.key, self.args_ = status, key, args
        self.lang, self.headers = lang, headers


# --------------------------------------------------------------------------- the worker pool


class Busy(Exception):
    """Too many requests are already waiting for a worker."""


class Stuck(Exception):
    """A job ran past its time limit and the grace period: its workers were killed."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds


def hard_limit(seconds: float) -> float | None:
    """When a job's worker is killed: its time limit plus batch's grace, max(2 s, half of it).
    Code stuck in C never sees the worker's own SIGALRM."""
    return seconds + max(2.0, seconds / 2) if seconds and seconds > 0 else None


class Pool:
    """Worker processes (started by a fork server: the server's threads are never forked), each
    replaced by a fresh one after `recycle` jobs (the pipeline's caches grow with the documents a
    process has seen). A job is handed over only when a worker is free, so its time limit counts
    its own running time, and at most `queue` requests wait for one (Busy beyond). A job still
    running at its hard limit is stuck: the pool's workers are killed and a new pool replaces it
    (Stuck). A job whose pool broke under it (a worker died, or was killed for another job) runs
    once more on the new pool; the request that finds it broken twice gets BrokenProcessPool."""

    def __init__(self, jobs: int, queue: int = 200, recycle: int = 500):
        self.jobs, self.queue, self.recycle = max(1, jobs), queue, recycle
        self._ex: ProcessPoolExecutor | None = None
        self._free = asyncio.Semaphore(self.jobs)
        self._waiting = 0

    def _executor(self) -> ProcessPoolExecutor:
        if self._ex is None:
            method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
            self._ex = ProcessPoolExecutor(
                self.jobs, mp.get_context(method), initializer=work.warm, max_tasks_per_child=self.recycle
            )
        return self._ex

    async def run(self, limit: float, fn, *args):
        """fn(*args) in a worker, killed at hard_limit(limit) seconds."""
        if self._free.locked() and self._waiting >= self.queue:
            raise Busy
        self._waiting += 1
        try:
            await self._free.acquire()
        finally:
            self._waiting -= 1
        try:
            return await self._submit(limit, fn, args, retry=True)
        finally:
            self._free.release()

    async def _submit(self, limit: float, fn, args, retry: bool):
        ex = self._executor()
        try:
            return await asyncio.wait_for(asyncio.wrap_future(ex.submit(fn, *args)), hard_limit(limit))
        except TimeoutError:
            self._drop(ex, patience=0)
            raise Stuck(hard_limit(limit)) from None
        except BrokenProcessPool:
            self._drop(ex, patience=0)
            if not retry:
                raise
            return await self._submit(limit, fn, args, retry=False)

    def _drop(self, ex: ProcessPoolExecutor, patience: float) -> None:
        """Stop ex's workers (unless another request has already): each may finish its job for
        `patience` seconds, then is killed. Jobs still on ex get BrokenProcessPool."""
        if ex is not self._ex:
            return
        self._ex = None
        workers = list((getattr(ex, "_processes", None) or {}).values())  # no public handle before 3.14
        ex.shutdown(wait=False, cancel_futures=True)
        for p in workers:
            p.join(patience)
            if p.is_alive():
                p.kill()
                p.join()

    def close(self) -> None:
        """Stop the workers and wait for them (a worker left behind would outlive the server);
        one stuck is killed after 10 s."""
        if self._ex is not None:
            self._drop(self._ex, patience=10)


# --------------------------------------------------------------------------- requests


def safe_name(filename: str | None, fallback: str = "van_ban.txt") -> str:
    """A label for the upload: its last path component, without control characters, at most 120
    characters. Never used as a path."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip(" .")
    return unicodedata.normalize("NFC", name[-120:]) or fallback


def _opts(svc: Service, form) -> Options:
    """The service's options, with the profile, date and language the form chose."""
    opts = svc.opts
    profile = (form.get("profile") or "").strip()
    if profile in PROFILES:
        opts = replace(opts, profile=profile)
    elif profile not in ("", "auto"):
        raise BadUpload(400, "bad_profile", value=profile[:40])
    today = (form.get("today") or "").strip()
    if today:
        try:
            opts = replace(opts, today=date.fromisoformat(today))
        except ValueError:
            raise BadUpload(400, "bad_date", value=today[:40]) from None
    lang = form.get("lang")
    if lang in ("vi", "en"):
        opts = replace(opts, lang=lang)
    return opts


async def _form(request: Request, svc: Service):
    # a base64 payload (the page's fix form) is a third larger than the file it carries
    limits = {"max_files": 2, "max_fields": 20, "max_part_size": svc.max_upload * 4 // 3 + 4096}
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return await request.form(**limits)
    parser = MultiPartParser(request.headers, request.stream(), **limits)
    # a file stays in memory up to the body limit, never spooled to a temporary file on disk (the
    # attribute is spool_max_size in Starlette 0.45 and later, max_file_size before)
    parser.spool_max_size = parser.max_file_size = svc.max_body
    try:
        return await parser.parse()
    except MultiPartException as e:
        raise BadUpload(400, "bad_form", why=e.message) from None


async def _upload(form, svc: Service) -> tuple[str, bytes]:
    """The document of a form: a file, the page's base64 payload, or pasted text."""
    f = form.get("file")
    if isinstance(f, UploadFile) and (f.filename or f.size):
        data = await f.read()
        name = safe_name(f.filename)
    elif form.get("payload"):
        try:
            data = base64.b64decode(str(form.get("payload")), validate=True)
        except (binascii.Error, ValueError):
            raise BadUpload(400, "bad_payload") from None
        name = safe_name(str(form.get("name") or ""))
    elif str(form.get("text") or "").strip():
        data = str(form.get("text")).encode("utf-8")
        name = "van_ban.txt"
    else:
        raise BadUpload(400, "empty")
    if len(data) > svc.max_upload:
        raise BadUpload(413, "too_large", mb=svc.max_upload // (1024 * 1024))
    if not data:
        raise BadUpload(400, "empty")
    return name, data


@dataclass
class Asked:
    """One request's form, read: its language, options and document."""

    form: object
    lang: str
    opts: Options
    name: str
    data: bytes


async def _asked(request: Request, svc: Service) -> Asked:
    """The form, the options it chose and the document it carries; BadUpload (with .lang) when
    any of them is wrong."""
    lang = _lang(request)
    try:
        form = await _form(request, svc)
        lang = _lang(request, form)
        opts = _opts(svc, form)
        name, data = await _upload(form, svc)
    except BadUpload as e:
        e.lang = lang
        raise
    return Asked(form, lang, opts, name, data)


async def _run(request: Request, lang: str, fn, *args):
    """fn(*args) in the pool under the service's time limit: 503 (BadUpload) when too many
    requests are waiting, 504 when the job was stuck and killed."""
    svc: Service = request.app.state.service
    try:
        return await request.app.state.pool.run(svc.timeout, fn, *args)
    except Busy:
        raise BadUpload(503, "busy", lang=lang, headers={"Retry-After": "30"}) from None
    except Stuck as e:
        raise BadUpload(504, "stuck", lang=lang, seconds=round(e.seconds)) from None


async def _check(request: Request, svc: Service, name: str, data: bytes, opts: Options) -> FileResult:
    try:
        return await _run(request, opts.lang, work.check, name, data, opts, svc.settings, svc.timeout)
    except BrokenProcessPool as e:
        return batch.crash_result(name, f"worker lost ({e})", opts.lang)


def _lang(request: Request, form=None) -> str:
    lang = (form.get("lang") if form is not None else None) or request.query_params.get("lang")
    return lang if lang in ("vi", "en") else request.app.state.service.opts.lang


def _page(request: Request, status: int = 200, headers: dict | None = None, **ctx) -> Response:
    lang = ctx.pop("lang", None) or _lang(request)
    svc: Service = request.app.state.service
    base = {
        "w": WORDS[lang],
        "lang": lang,
        "accept": ACCEPT,
        "profiles": PROFILES,
        "max_mb": svc.max_upload // (1024 * 1024),
        "form": {},
    }
    return request.app.state.templates.TemplateResponse(
        request, "page.html", {**base, **ctx}, status_code=status, headers=headers
    )


def _error(request: Request, e: BadUpload, lang: str, api: bool) -> Response:
    msg = WORDS[lang]["errors"][e.key].format(**e.args_)
    if api:
        return JSONResponse({"error": msg}, status_code=e.status, headers=e.headers)
    return _page(request, e.status, e.headers, lang=lang, error=msg)


async def _refused(request: Request, e: Exception) -> Response:
    assert isinstance(e, BadUpload)
    return _error(request, e, e.lang, api=request.url.path.startswith("/api/"))


async def home(request: Request) -> Response:
    return _page(request)


async def check_page(request: Request) -> Response:
    svc: Service = request.app.state.service
    a = await _asked(request, svc)
    form, lang, name, data = a.form, a.lang, a.name, a.data
    res = await _check(request, svc, name, data, a.opts)
    fixable = sum(1 for d in res.diagnostics if d.fix is not None)
    return _page(
        request,
        lang=lang,
        name=name,
        page=view.build(res, lang),
        payload=base64.b64encode(data).decode("ascii"),
        fixable=fixable,
        form={k: form.get(k) or "" for k in ("profile", "today")},
    )


async def fix_page(request: Request) -> Response:
    return await _fix(request, api=False)


async def api_fix(request: Request) -> Response:
    return await _fix(request, api=True)


async def _fix(request: Request, api: bool) -> Response:
    svc: Service = request.app.state.service
    a = await _asked(request, svc)
    form, lang, opts, name, data = a.form, a.lang, a.opts, a.name, a.data
    unsafe = form.get("unsafe") in ("1", "on", "true")
    try:
        out = await _run(request, lang, work.fix, name, data, opts, svc.settings, unsafe, svc.timeout)
    except BrokenProcessPool:
        return _error(request, BadUpload(422, "fix_failed", why=WORDS[lang]["worker_lost"]), lang, api)
    if not out.changed:
        why = out.refused or WORDS[lang]["nothing_to_fix"]
        return _error(request, BadUpload(422, "not_fixed", why=why), lang, api)
    if unsafe and not api and form.get("confirm") != "1":  # unsafe fixes: shown before they are taken
        before = await _check(request, svc, name, data, opts)
        return _page(
            request,
            lang=lang,
            name=name,
            preview=True,
            diff=out.diff,
            unsafe_fixes=[d for d in before.diagnostics if d.fix and d.fix.applicability == "unsafe"],
            payload=base64.b64encode(data).decode("ascii"),
            form={k: form.get(k) or "" for k in ("profile", "today")},
        )
    suffix = Path(name).suffix.lower()
    fixed = f"{Path(name).stem}{WORDS[lang]['fixed_suffix']}{suffix}"
    ascii_name = fixed.encode("ascii", "replace").decode("ascii").replace("?", "_").replace('"', "_")
    return Response(
        out.data,
        media_type=_TYPES.get(suffix, "application/octet-stream"),
        headers={
            "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(fixed)}",
            "X-Vblint-Applied": str(out.applied),
        },
    )


async def api_check(request: Request) -> Response:
    svc: Service = request.app.state.service
    a = await _asked(request, svc)
    res = await _check(request, svc, a.name, a.data, a.opts)
    return Response(render_report("json", [res], lang=a.lang), media_type="application/json")


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


# --------------------------------------------------------------------------- the guard


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: a body over the limit gets 413 before it is read (Content-Length) or as
    soon as it goes over; every response gets the security headers, and every one but the static
    files' Cache-Control: no-store (they carry users' documents and results); one log line per
    request (method, path, status, milliseconds), never the document."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start, status = time.perf_counter(), [0]
        headers = dict(scope.get("headers") or [])
        try:
            length = int(headers.get(b"content-length", b"0") or 0)
        except ValueError:
            length = 0
        seen = 0

        async def limited():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge
            return msg

        async def secured(msg):
            if msg["type"] == "http.response.start":
                status[0] = msg["status"]
                extra = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                if not scope["path"].startswith("/static/"):
                    extra.append((b"cache-control", b"no-store"))
                msg = {**msg, "headers": list(msg.get("headers", [])) + extra}
            await send(msg)

        try:
            if length > self.max_body:
                raise _TooLarge
            await self.app(scope, limited, secured)
        except _TooLarge:
            if not status[0]:
                too = PlainTextResponse("413: tệp quá lớn / upload too large", status_code=413)
                await too(scope, receive, secured)
        finally:
            ms = (time.perf_counter() - start) * 1000
            log.info('"%s %s" %d %.0f ms', scope["method"], scope["path"], status[0], ms)


# --------------------------------------------------------------------------- the app


def create_app(service: Service) -> Starlette:
    routes = [
        Route("/", home, methods=["GET"]),
        Route("/", check_page, methods=["POST"]),
        Route("/fix", fix_page, methods=["POST"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/fix", api_fix, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Guard, max_body=service.max_body)],
        exception_handlers={BadUpload: _refused},
        lifespan=_lifespan(service),
    )
    app.state.service = service
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    return app


def _lifespan(service: Service):
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app):
        app.state.pool = Pool(service.jobs, service.queue, service.recycle)
        yield
        app.state.pool.close()

    return lifespan


def run(service: Service, host: str, port: int) -> None:
    """Serve until interrupted: uvicorn, with its own access log off (Guard logs each request)."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    uvicorn.run(create_app(service), host=host, port=port, access_log=False, log_level="warning")
