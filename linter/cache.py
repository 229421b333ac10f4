"""Result cache: one entry per (content, settings, linter code) key, all in one SQLite database.

key = SHA-256 over: the document's SHA-256, its file suffix (it selects the reader), the settings
key (effective options), linter.__version__, Lark's version and a digest of the linter's own
code, grammar and schemas, so editing any of them invalidates every entry.

Entries live in <dir>/v4/results.sqlite, one row a key. SQLite rather than a file an entry: a
file an entry cost a first cached run 1.1–1.2× an uncached one (creating thousands of files and
their directories), a row in a write-ahead log costs almost nothing, and SQLite gives what the
files needed care for: concurrent writers (WAL, a busy timeout), and a write that is whole or
absent after a crash or kill -9. Rather than one pack file a process, because one database
needs no index to merge at start and no compaction. The size is capped (MAX_MB): past it the
oldest entries go. An entry that is corrupt or foreign (wrong magic, format, key or digest, bad
shape) is deleted and counted as a miss: never trusted. JSON, not pickle, so a planted entry
cannot run code.

An entry is small and cheap to load: a JSON header line (magic, format, key, two flags, the
citations and text when needed, a digest of the rest), then the result's jsonl line without its
path, as is. A warm `--format jsonl` run copies that line's bytes to the output: no JSON to parse
but the header, nothing to decode or encode (see Cache)."""

import dataclasses
import hashlib
import json
import os
import sqlite3
from functools import cache
from pathlib import Path

import lark

import linter
from linter.diagnostics import Diagnostic, Fix, Span
from linter.report import jsonl
from linter.resources import data_dir
from linter.result import FileResult
from linter.rules import RULES

MAGIC = "vblint-cache"
FORMAT = 4
DB_NAME = "results.sqlite"
MAX_MB = 1024  # the database's size cap; past it the oldest entries are deleted
_CHECK_EVERY = 512  # writes between two looks at the size
_CODE_SUFFIXES = (".py", ".json", ".lark")


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


def clear(directory: Path) -> tuple[int, int]:
    """Delete what vblint keeps in directory: result entries of every format (v1/, v2/, v3/ …),
    the schema-result files and Lark's table cache; nothing else, since --cache-dir may name a
    directory that holds other files. The directory goes too if that leaves it empty. Returns
    (files deleted, bytes freed). Raises OSError when something cannot be deleted."""
    files = size = 0
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return 0, 0
    for e in entries:
        name = e.name
        ours_dir = name[:1] == "v" and name[1:].isdigit() and e.is_dir(follow_symlinks=False)
        ours_file = e.is_file(follow_symlinks=False) and (
            name == "grammar.lark-cache"
            or name.startswith(".schema-results-")  # a writer's temporary file
            or (name.startswith("schema-results-") and name.endswith(".json"))
        )
        if ours_file:
            size += e.stat(follow_symlinks=False).st_size
            os.unlink(e.path)
            files += 1
        elif ours_dir:
            for root, _dirs, names in os.walk(e.path, topdown=False):
                for n in names:
                    f = os.path.join(root, n)
                    size += os.lstat(f).st_size
                    os.unlink(f)
                    files += 1
                os.rmdir(root)
    try:
        os.rmdir(directory)  # only if now empty
    except OSError:
        pass
    return files, size


def entries_in(directory: Path) -> int:
    """How many result entries the databases under directory hold (every settings key)."""
    n = 0
    for db in Path(directory).rglob(DB_NAME):
        try:
            with sqlite3.connect(db) as conn:
                n += conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        except sqlite3.Error:
            pass
    return n


# --- FileResult <-> JSON ------------------------------------------------------------------------
# A whole FileResult as one JSON object (format 1 entries were these). Entries now hold the jsonl
# form instead (see Cache); put() refuses any result that form would not rebuild exactly.


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


def _style(pairs) -> tuple:
    """A formatting fix's (key, value) pairs back from JSON: lists were tuples (a page size)."""
    if isinstance(pairs, dict):
        pairs = pairs.items()
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in pairs)


def _diagnostic(d) -> Diagnostic:
    if not isinstance(d, dict) or not isinstance(d.get("code"), str) or not isinstance(d.get("message"), str):
        raise TypeError("bad diagnostic")
    fix = d.get("fix")
    if fix is not None:
        also = tuple((_span(span), rep) for span, rep in fix.get("also") or ())
        fix = Fix(
            **{**fix, "span": _span(fix.get("span")), "style": _style(fix.get("style") or ()), "also": also}
        )
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


_HEADER_KEYS = frozenset({"magic", "format", "key", "readable", "error", "citations", "text", "digest"})
_TAIL_KEYS = ("profile", "profile_reason", "doc_type", "components", "diagnostics")
_DIAG_KEYS = frozenset(
    {"code", "name", "severity", "component", "line", "column", "end_line", "end_column", "message", "fix"}
)
_FIX_KEYS = frozenset({"applicability", "replacement", "line", "column", "end_line", "end_column"})
_BAD = (ValueError, TypeError, KeyError, AttributeError, RecursionError)  # UnicodeDecodeError too


def _digest(tail: bytes) -> str:
    return hashlib.sha256(tail).hexdigest()  # catches corruption; OpenSSL's is the fastest here


def _plain(data: bytes) -> str | None:
    """data as plain UTF-8, or None when it is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _int_span(x: dict) -> Span:
    span = Span(x["line"], x["column"], x["end_line"], x["end_column"])
    if not all(type(v) is int for v in (span.line, span.column, span.end_line, span.end_column)):
        raise TypeError("bad span")
    return span


def _line_diagnostic(x, citation: str | None) -> Diagnostic:
    """A Diagnostic from its jsonl form (Diagnostic.to_dict()) and its citation (None: the rule's)."""
    if not isinstance(x, dict) or x.keys() != _DIAG_KEYS:
        raise TypeError("bad diagnostic")
    code, name, severity, message = x["code"], x["name"], x["severity"], x["message"]
    if not all(isinstance(v, str) for v in (code, name, severity, message)):
        raise TypeError("bad diagnostic")
    component = x["component"]
    if component is not None and not isinstance(component, str):
        raise TypeError("bad diagnostic")
    fix = x["fix"]
    if fix is not None:
        if not isinstance(fix, dict) or fix.keys() - {"style", "also"} != _FIX_KEYS:
            raise TypeError("bad fix")
        also = tuple((_int_span(e), e["replacement"]) for e in fix.get("also") or ())
        fix = Fix(
            fix["applicability"], fix["replacement"], _int_span(fix), _style(fix.get("style") or ()), also
        )
    if citation is None:
        citation = RULES[code].citation
    return Diagnostic(code, name, severity, component, _int_span(x), message, fix, citation)


def _rebuild(path: str, tail: str, text: str, readable: bool, citations: list | None) -> FileResult:
    """The FileResult whose jsonl tail (linter.report.jsonl.tail) is tail. Raises one of _BAD
    on anything malformed."""
    d = json.loads(tail)
    if not isinstance(d, dict) or tuple(d) != _TAIL_KEYS:
        raise TypeError("bad result")
    components, diagnostics = d["components"], d["diagnostics"]
    if not isinstance(components, dict) or not isinstance(diagnostics, list):
        raise TypeError("bad result")
    for k in ("profile", "profile_reason", "doc_type"):
        if d[k] is not None and not isinstance(d[k], str):
            raise TypeError("bad result")
    if citations is None:
        diags = [_line_diagnostic(x, None) for x in diagnostics]
    elif len(citations) == len(diagnostics) and all(isinstance(c, str) for c in citations):
        diags = [_line_diagnostic(x, c) for x, c in zip(diagnostics, citations)]
    else:
        raise TypeError("bad citations")
    return FileResult(
        path, d["profile"], d["profile_reason"], d["doc_type"], components, diags, text, readable
    )


class Cache:
    """Cache(None, …) is disabled: get() returns None, put() writes nothing. Counters (hits,
    misses, writes, invalid) are per object; batch.iter_results adds the workers' counts to it.

    An entry keeps the result in its jsonl form, without the path (linter.report.jsonl.tail),
    after a header line with what that form leaves out: readable, whether there is an error (for
    the exit code), the citations when they are not the rules' own, and the text only when it is
    not the plain UTF-8 decoding of the bytes (at a hit the bytes are in hand). get_line() hands
    over the finished jsonl line, as bytes, without building a FileResult: the cheap path of a
    warm `--format jsonl` run."""

    def __init__(self, dir: Path | None, settings_key: str):
        self.dir = Path(dir) if dir is not None else None
        self.settings_key = settings_key
        self.hits = self.misses = self.writes = self.invalid = 0
        self._salt = b""
        self._root = None  # str: the entries' directory
        self._conn: sqlite3.Connection | None = None  # per process, opened at first use
        self._broken = False  # the database cannot be used: behave as disabled
        self._since_check = 0
        if self.dir is not None:
            parts = (MAGIC, str(FORMAT), linter.__version__, lark.__version__, settings_key, code_digest())
            self._salt = hashlib.sha256("\0".join(parts).encode()).digest()
            self._root = os.path.join(os.fspath(self.dir), f"v{FORMAT}")

    def __getstate__(self):  # workers get a copy: without this process's connection
        return {**self.__dict__, "_conn": None}

    def _db(self) -> sqlite3.Connection | None:
        """This process's connection, opened (and the table made) at first use; None when the
        directory or the database cannot be used (a read-only or full disk never fails a check)."""
        if self._conn is not None or self._broken or self._root is None:
            return self._conn
        try:
            os.makedirs(self._root, exist_ok=True)
            conn = sqlite3.connect(os.path.join(self._root, DB_NAME), timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # WAL: a crash may lose the last writes, never corrupt
            conn.execute("PRAGMA auto_vacuum=INCREMENTAL")  # the cap gives pages back (a new database only)
            conn.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, blob BLOB NOT NULL)")
        except (OSError, sqlite3.Error):
            self._broken = True
            return None
        self._conn = conn
        return conn

    def raw(self, key: str) -> bytes | None:
        """The stored bytes of an entry (header line and tail), or None."""
        db = self._db()
        if db is None:
            return None
        try:
            row = db.execute("SELECT blob FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return bytes(row[0]) if row else None

    def store(self, key: str, blob: bytes) -> bool:
        """Write an entry's bytes (replacing any); False when it could not be written."""
        db = self._db()
        if db is None:
            return False
        try:
            db.execute("INSERT OR REPLACE INTO entries (key, blob) VALUES (?, ?)", (key, blob))
        except sqlite3.Error:
            return False
        self._since_check += 1
        if self._since_check >= _CHECK_EVERY:
            self._since_check = 0
            self._cap(db)
        return True

    def _cap(self, db: sqlite3.Connection) -> None:
        """Past MAX_MB, delete the oldest quarter of the entries (rowid order is write order)."""
        try:
            pages, size = (
                db.execute("PRAGMA page_count").fetchone()[0],
                db.execute("PRAGMA page_size").fetchone()[0],
            )
            if pages * size <= MAX_MB * 1024 * 1024:
                return
            (n,) = db.execute("SELECT COUNT(*) FROM entries").fetchone()
            db.execute(
                "DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries ORDER BY rowid LIMIT ?)",
                (max(1, n // 4),),
            )
            db.execute("PRAGMA incremental_vacuum")
        except sqlite3.Error:
            pass

    def entries(self) -> int:
        """How many entries the database holds (0 when it cannot be read)."""
        db = self._db()
        try:
            return db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] if db is not None else 0
        except sqlite3.Error:
            return 0

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
        h.update(os.path.splitext(path)[1].lower().encode() + b"\0")
        h.update(hashlib.sha256(data).digest())
        return h.hexdigest()

    def _entry(self, path: str, data: bytes) -> tuple[str, dict, bytes] | None:
        """(entry key, its checked header, the jsonl tail as UTF-8 bytes), or None: a miss
        (counted; a bad entry is deleted and counted as invalid too)."""
        if self._root is None:
            return None
        key = self.key(path, data)
        f = key
        raw = self.raw(key)
        if raw is None:
            self.misses += 1
            return None
        try:
            head, sep, tail = raw.partition(b"\n")
            header = json.loads(head)
            if (
                not sep
                or not isinstance(header, dict)
                or header.keys() != _HEADER_KEYS
                or header["magic"] != MAGIC
                or header["format"] != FORMAT
                or header["key"] != key
            ):
                raise ValueError("foreign cache entry")
            text, cites = header["text"], header["citations"]
            if (
                tail[:1] != b"{"
                or tail[-1:] != b"}"
                or b"\n" in tail
                or header["digest"] != _digest(tail)
                or type(header["readable"]) is not bool
                or type(header["error"]) is not bool
                or not (text is None or isinstance(text, str))
                or not (cites is None or isinstance(cites, list))
            ):
                raise TypeError("bad result")
        except _BAD:
            self._drop(f)
            return None
        return f, header, tail

    def _drop(self, key: str) -> None:
        self.invalid += 1
        self.misses += 1
        db = self._db()
        try:
            if db is not None:
                db.execute("DELETE FROM entries WHERE key = ?", (key,))
        except sqlite3.Error:
            pass

    def get(self, path: str, data: bytes, text: bool = True) -> FileResult | None:
        """The cached result of data at path, or None. text=False: FileResult.text left empty
        (for reports that never show it)."""
        found = self._entry(path, data)
        if found is None:
            return None
        f, header, tail = found
        try:
            t = header["text"]
            if not text:
                t = ""
            elif t is None:
                t = data.decode("utf-8")
            result = _rebuild(path, tail.decode("utf-8"), t, header["readable"], header["citations"])
        except _BAD:
            self._drop(f)
            return None
        self.hits += 1
        return result

    def get_line(self, path: str, data: bytes) -> tuple[bytes, bool, bool] | None:
        """The cached result's jsonl line at path, UTF-8 encoded (as linter.report.jsonl.line
        writes it), whether it was readable and whether it has an error; None on a miss. The
        entry's framing and digest are checked here: get() checks the whole result."""
        found = self._entry(path, data)
        if found is None:
            return None
        _, header, tail = found
        self.hits += 1
        return jsonl.with_path_bytes(path, tail), header["readable"], header["error"]

    def put(self, path: str, data: bytes, result: FileResult) -> str | None:
        """Store result; returns its jsonl tail when it could be encoded (so the caller need
        not encode it again), else None."""
        if self._root is None or not cacheable(result):
            return None
        try:
            tail = jsonl.tail(result)
        except (TypeError, ValueError, RecursionError):
            return None  # not representable in JSON: do not cache
        cites = [x.citation for x in result.diagnostics]
        own = [RULES[x.code].citation if x.code in RULES else None for x in result.diagnostics]
        text = result.text
        if text and text == _plain(data):
            text = None
        citations = None if cites == own else cites
        try:
            back = _rebuild(result.path, tail, result.text, result.readable, citations)
        except _BAD:
            return tail
        if back != result or [x.citation for x in back.diagnostics] != cites:
            return tail  # would not rebuild exactly (e.g. tuples in components): do not cache
        key = self.key(path, data)
        body = tail.encode("utf-8")
        header = {
            "magic": MAGIC,
            "format": FORMAT,
            "key": key,
            "readable": result.readable,
            "error": any(x.severity == "error" for x in result.diagnostics),
            "citations": citations,
            "text": text,
            "digest": _digest(body),
        }
        blob = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" + body
        if self.store(key, blob):
            self.writes += 1
        return tail
