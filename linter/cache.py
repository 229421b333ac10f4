"""Result cache: one JSON file per (content, settings, linter code) key.

key = SHA-256 over: the document's SHA-256, its file suffix (it selects the reader), the settings
key (effective options), linter.__version__, Lark's version and a digest of the linter's own
code, grammar and schemas, so editing any of them invalidates every entry. Entries live in sharded directories
(<dir>/v1/ab/cdef….json) and are written atomically (temp file + os.replace), so concurrent
workers never see half a file. An entry that is truncated, corrupt or foreign (wrong magic,
format or key, bad shape) is deleted and counted as a miss: never trusted. JSON, not pickle,
so a planted cache file cannot run code."""

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import lark

import linter
from linter.diagnostics import Diagnostic, Fix, Span
from linter.lint import FileResult
from linter.resources import data_dir

MAGIC = "vblint-cache"
FORMAT = 1
_CODE_SUFFIXES = (".py", ".json", ".lark")


def default_dir() -> Path:
    """platformdirs' user cache dir, else $XDG_CACHE_HOME/vblint, else ~/.cache/vblint."""
    try:
        import platformdirs
    except ImportError:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
        return base / "vblint"
    return Path(platformdirs.user_cache_dir("vblint", appauthor=False))


def settings_key(opts, *extra) -> str:
    """A hash of the effective options (every Options field) and any extra settings."""
    blob = json.dumps([dataclasses.asdict(opts), list(extra)], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


@cache
def code_digest() -> str:
    """SHA-256 over the linter package's code and data, the grammar and the schemas."""
    h = hashlib.sha256()
    package = Path(linter.__file__).resolve().parent
    roots = [package, data_dir("grammar").resolve(), data_dir("schemas").resolve()]
    seen: set[Path] = set()
    for root in roots:
        for f in sorted(root.rglob("*")):
            if f in seen or not f.is_file() or f.suffix not in _CODE_SUFFIXES or "__pycache__" in f.parts:
                continue
            seen.add(f)
            h.update(f.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


# --- FileResult <-> JSON ------------------------------------------------------------------------


def to_dict(r: FileResult) -> dict:
    """Every FileResult field but path, JSON-ready. FileResult.to_dict() is the report contract
    and leaves out what a rebuild needs (text, readable, each diagnostic's citation), so this
    walks the dataclass fields instead: a field added to FileResult is kept without a change here."""
    d = {f.name: getattr(r, f.name) for f in dataclasses.fields(r) if f.name != "path"}
    d["diagnostics"] = [dataclasses.asdict(x) for x in r.diagnostics]
    return d


def _span(d) -> Span:
    if not isinstance(d, dict) or not all(
        isinstance(d.get(k), int) for k in ("line", "column", "end_line", "end_column")
    ):
        raise TypeError("bad span")
    return Span(**d)


def _diagnostic(d) -> Diagnostic:
    if not isinstance(d, dict) or not isinstance(d.get("code"), str) or not isinstance(d.get("message"), str):
        raise TypeError("bad diagnostic")
    fix = d.get("fix")
    if fix is not None:
        fix = Fix(**{**fix, "span": _span(fix.get("span"))})
    return Diagnostic(**{**d, "span": _span(d.get("span")), "fix": fix})


def from_dict(d: dict, path: str) -> FileResult:
    """The FileResult to_dict() describes, at path. Raises TypeError, KeyError or ValueError on a
    malformed dict (unknown or missing field, wrong type)."""
    if (
        not isinstance(d, dict)
        or not isinstance(d.get("components"), dict)
        or not isinstance(d.get("diagnostics"), list)
        or not isinstance(d.get("text"), str)
        or not isinstance(d.get("readable"), bool)
        or "path" in d
    ):
        raise TypeError("bad result")
    return FileResult(path, **{**d, "diagnostics": [_diagnostic(x) for x in d["diagnostics"]]})


def cacheable(r: FileResult) -> bool:
    """Internal errors and timeouts (VB9xx) are retried next run, never cached."""
    return not any(x.code.startswith("VB9") for x in r.diagnostics)


# --- the cache ----------------------------------------------------------------------------------


class Cache:
    """Cache(None, …) is disabled: get() returns None, put() writes nothing. Counters (hits,
    misses, writes, invalid) are per object; batch.iter_results adds the workers' counts to it."""

    def __init__(self, dir: Path | None, settings_key: str):
        self.dir = Path(dir) if dir is not None else None
        self.settings_key = settings_key
        self.hits = self.misses = self.writes = self.invalid = 0
        self._salt = b""
        if self.dir is not None:
            parts = (MAGIC, str(FORMAT), linter.__version__, lark.__version__, settings_key, code_digest())
            self._salt = hashlib.sha256("\0".join(parts).encode()).digest()

    @property
    def enabled(self) -> bool:
        return self.dir is not None

    def counters(self) -> tuple[int, int, int, int]:
        return self.hits, self.misses, self.writes, self.invalid

    def add(self, deltas) -> None:
        """Add counts made by a copy of this cache in a worker process."""
        self.hits, self.misses, self.writes, self.invalid = (a + b for a, b in zip(self.counters(), deltas))

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256(self._salt)
        h.update(Path(path).suffix.lower().encode() + b"\0")
        h.update(hashlib.sha256(data).digest())
        return h.hexdigest()

    def file(self, key: str) -> Path:
        return self.dir / f"v{FORMAT}" / key[:2] / f"{key[2:]}.json"

    def get(self, path: str, data: bytes) -> FileResult | None:
        if self.dir is None:
            return None
        key = self.key(path, data)
        f = self.file(key)
        try:
            raw = f.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            entry = json.loads(raw)
            if (
                not isinstance(entry, dict)
                or entry.get("magic") != MAGIC
                or entry.get("format") != FORMAT
                or entry.get("key") != key
                or not isinstance(entry.get("result"), dict)
            ):
                raise ValueError("foreign cache entry")
            result = from_dict(entry["result"], path)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            self.invalid += 1
            self.misses += 1
            try:
                f.unlink()
            except OSError:
                pass
            return None
        self.hits += 1
        return result

    def put(self, path: str, data: bytes, result: FileResult) -> None:
        if self.dir is None or not cacheable(result):
            return
        key = self.key(path, data)
        try:
            d = to_dict(result)
            blob = json.dumps(
                {"magic": MAGIC, "format": FORMAT, "key": key, "result": d},
                ensure_ascii=False,
                separators=(",", ":"),
            )
            back = from_dict(json.loads(blob)["result"], result.path)
        except (TypeError, ValueError, KeyError, RecursionError):
            return  # not representable in JSON: do not cache
        citations = [x.citation for x in result.diagnostics]
        if back != result or [x.citation for x in back.diagnostics] != citations:
            return  # would not rebuild exactly (e.g. tuples in components): do not cache
        f = self.file(key)
        tmp = None
        try:
            f.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=f.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "wb") as out:
                out.write(blob.encode("utf-8"))
            os.replace(tmp, f)
            tmp = None
            self.writes += 1
        except OSError:
            pass  # a read-only or full cache dir never fails a check
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
