"""linter/cache.py: hits on a second run (in process and through workers), misses on changed
content, settings or code, path rewritten on a hit, corrupt or foreign entries deleted and
rebuilt, nothing written when disabled, default location."""

import json
import shutil
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from linter import cache as cache_mod
from linter.batch import iter_results, timeout_result
from linter.cache import Cache, from_dict, settings_key, to_dict
from linter.lint import lint_path
from linter.resources import default_dir
from linter.result import Options

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OPTS = Options(today=date(2026, 11, 22))


def full(r) -> dict:
    return {
        **r.to_dict(),
        "text": r.text,
        "readable": r.readable,
        "citations": [d.citation for d in r.diagnostics],
    }


@pytest.fixture
def docs(tmp_path) -> list[str]:
    """The valid and invalid samples and the seeds, copied so that tests may edit them."""
    src = (
        sorted((CORPUS / "valid").rglob("*.txt"))
        + sorted((CORPUS / "invalid").glob("*.txt"))[:20]
        + sorted((CORPUS / "seeds").glob("*.txt"))
    )
    out = []
    for p in src:
        dest = tmp_path / "docs" / p.parent.name / p.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, dest)
        out.append(str(dest))
    return out


def _entries(d: Path) -> list[Path]:
    return sorted(p for p in d.rglob("*") if p.is_file())


class Entry:
    """One entry of the cache's database, read and written as its bytes (through a connection
    of its own, as another process would)."""

    def __init__(self, c: Cache, key: str):
        self.db, self.key = Cache(c.dir, c.settings_key), key

    def read_bytes(self) -> bytes:
        return self.db.raw(self.key)

    def write_bytes(self, blob: bytes) -> None:
        assert self.db.store(self.key, blob)

    def exists(self) -> bool:
        return self.db.raw(self.key) is not None


def _count(d: Path) -> int:
    return Cache(d, settings_key(OPTS)).entries()


def _read(entry: Path) -> tuple[dict, bytes]:
    """An entry's header and its jsonl tail."""
    head, _, tail = entry.read_bytes().partition(b"\n")
    return json.loads(head), tail


def _write(entry: Path, header: dict, tail: bytes, digest: bool = True) -> None:
    """An entry with this header and tail; digest=True: the tail's right digest in the header."""
    if digest:
        header = {**header, "digest": cache_mod._digest(tail)}
    entry.write_bytes(json.dumps(header).encode() + b"\n" + tail)


def _run(files, c, jobs=1, opts=OPTS):
    return list(iter_results(files, opts, jobs=jobs, cache=c, timeout=300))


def _stored(files, tmp_path):
    """A cache filled by a run over files: it, the first file's bytes, its entry, header and tail."""
    c = Cache(tmp_path / "cache", settings_key(OPTS))
    data = Path(files[0]).read_bytes()
    _run(files, c)
    entry = Entry(c, c.key(files[0], data))
    return (c, data, entry, *_read(entry))


@pytest.mark.parametrize("jobs", [1, 2])
def test_second_run_hits_and_gives_the_same_results(docs, tmp_path, jobs):
    cdir = tmp_path / "cache"
    first = Cache(cdir, settings_key(OPTS))
    got1 = _run(docs, first, jobs)
    assert (first.hits, first.misses, first.writes, first.invalid) == (0, len(docs), len(docs), 0)
    assert _count(cdir) == len(docs)

    second = Cache(cdir, settings_key(OPTS))
    got2 = _run(docs, second, jobs)
    assert (second.hits, second.misses, second.writes) == (len(docs), 0, 0)
    fresh = [full(lint_path(f, OPTS)) for f in docs]
    assert [full(r) for r in got1] == fresh
    assert [full(r) for r in got2] == fresh


def test_changed_content_misses(docs, tmp_path):
    cdir = tmp_path / "cache"
    _run(docs, Cache(cdir, settings_key(OPTS)))
    p = Path(docs[0])
    p.write_bytes(p.read_bytes().replace(b"\n", b"\n\n", 1))
    c = Cache(cdir, settings_key(OPTS))
    got = _run(docs, c)
    assert (c.hits, c.misses, c.writes) == (len(docs) - 1, 1, 1)
    assert full(got[0]) == full(lint_path(docs[0], OPTS))


def test_changed_settings_miss(docs, tmp_path):
    cdir = tmp_path / "cache"
    _run(docs, Cache(cdir, settings_key(OPTS)))
    for other in (
        replace(OPTS, today=date(2027, 1, 1)),
        replace(OPTS, lang="en"),
        replace(OPTS, profile="state-nd30"),
    ):
        assert settings_key(other) != settings_key(OPTS)
        c = Cache(cdir, settings_key(other))
        got = _run(docs[:5], c, opts=other)
        assert (c.hits, c.misses) == (0, 5)
        assert [full(r) for r in got] == [full(lint_path(f, other)) for f in docs[:5]]
    c = Cache(cdir, settings_key(OPTS))
    _run(docs[:5], c)
    assert c.hits == 5  # the other settings' entries did not replace these


def test_changed_code_grammar_or_schema_misses(tmp_path, monkeypatch):
    data = (CORPUS / "valid" / "party-hd36" / "chi_thi.txt").read_bytes()
    before = Cache(tmp_path, "k").key("a.txt", data)
    monkeypatch.setattr(cache_mod, "code_digest", lambda: "edited")
    assert Cache(tmp_path, "k").key("a.txt", data) != before
    monkeypatch.undo()

    # code_digest() covers the grammar and the schemas: edit a copy of each
    for name in ("grammar", "schemas"):
        copy = tmp_path / name
        shutil.copytree(cache_mod.data_dir(name), copy)
        monkeypatch.setattr(
            cache_mod, "data_dir", lambda n, _name=name, _copy=copy: _copy if n == _name else ROOT / n
        )
        cache_mod.code_digest.cache_clear()
        d1 = cache_mod.code_digest()
        f = next(p for p in sorted(copy.rglob("*")) if p.suffix in (".lark", ".json"))
        f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        cache_mod.code_digest.cache_clear()
        assert cache_mod.code_digest() != d1, name
        monkeypatch.undo()
    cache_mod.code_digest.cache_clear()


def test_hit_takes_the_current_path(docs, tmp_path):
    c = Cache(tmp_path / "cache", settings_key(OPTS))
    _run(docs[:1], c)
    moved = tmp_path / "elsewhere.txt"
    shutil.copyfile(docs[0], moved)
    got = _run([str(moved)], c)
    assert c.hits == 1 and got[0].path == str(moved)
    assert full(got[0]) == full(lint_path(str(moved), OPTS))


GARBAGE = [
    b"",  # truncated to nothing
    b'{"magic": "vblint-cache", "format": 3, "key": ',  # truncated mid-way
    "truncated-tail",  # the header whole, the line cut: the digest tells
    "flipped-byte",  # a character slipped into the line: the digest tells
    b"\x80\x04\x95 not json at all",  # a pickle, say
    b'{"magic": "other-tool", "format": 1}\n{}',
    b"[1, 2, 3]",
    None,  # right magic and format, wrong key (another entry's file)
    "wrong-format",
    "bad-result",
]


@pytest.mark.parametrize("case", range(len(GARBAGE)))
def test_corrupt_or_foreign_entry_is_deleted_and_rebuilt(docs, tmp_path, case):
    c, data, entry, good, tail = _stored(docs[:2], tmp_path)
    bad = GARBAGE[case]
    if bad is None:
        entry.write_bytes(Entry(c, c.key(docs[1], Path(docs[1]).read_bytes())).read_bytes())
    elif bad == "truncated-tail":
        _write(entry, good, tail[: len(tail) // 2] + b"}", digest=False)
    elif bad == "flipped-byte":
        _write(entry, good, tail.replace(b'"profile":"', b'"profile":"X', 1), digest=False)
    elif bad == "wrong-format":
        _write(entry, {**good, "format": 999}, tail)
    elif bad == "bad-result":
        _write(entry, good, b'{"diagnostics":[{"code":1}]}')
    else:
        entry.write_bytes(bad)

    c2 = Cache(tmp_path / "cache", settings_key(OPTS))
    assert c2.get(docs[0], data) is None
    assert (c2.invalid, c2.misses, c2.hits) == (1, 1, 0)
    assert not entry.exists()  # deleted, never trusted

    got = _run(docs[:1], c2)  # rebuilt
    assert c2.writes == 1 and entry.exists()
    assert full(got[0]) == full(lint_path(docs[0], OPTS))
    c3 = Cache(tmp_path / "cache", settings_key(OPTS))
    assert full(c3.get(docs[0], data)) == full(got[0]) and c3.hits == 1


def test_no_cache_never_writes(docs, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    c = Cache(None, settings_key(OPTS))
    assert not c.enabled
    for jobs in (1, 2):
        got = _run(docs[:6], c, jobs)
        assert [full(r) for r in got] == [full(lint_path(f, OPTS)) for f in docs[:6]]
    c.put(docs[0], b"x", got[0])
    assert c.get(docs[0], b"x") is None
    assert (c.hits, c.misses, c.writes) == (0, 0, 0)
    assert list(home.rglob("*")) == []


def test_internal_errors_and_timeouts_are_not_cached(tmp_path):
    c = Cache(tmp_path / "cache", "k")
    c.put("a.txt", b"data", timeout_result("a.txt", 1.0, "vi"))
    assert c.writes == 0 and c.entries() == 0


def test_unwritable_cache_dir_is_harmless(docs, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    c = Cache(blocker, settings_key(OPTS))
    got = _run(docs[:2], c)
    assert c.writes == 0 and [full(r) for r in got] == [full(lint_path(f, OPTS)) for f in docs[:2]]


def test_round_trip_is_exact_on_the_corpus():
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md"))
    for p in files:
        r = lint_path(str(p), OPTS)
        d = json.loads(json.dumps(to_dict(r)))
        back = from_dict(d, r.path)
        assert back == r and full(back) == full(r), p


def test_default_dir(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "platformdirs", None)  # import fails
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_dir() == tmp_path / "xdg" / "vblint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_dir() == tmp_path / ".cache" / "vblint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_dir() == tmp_path / ".cache" / "vblint"


# --- the entry: small, the jsonl line ready, the text only when needed -------------------------


def test_entry_holds_the_line_and_no_utf8_text(docs, tmp_path):
    from linter.report import jsonl

    c = Cache(tmp_path / "cache", settings_key(OPTS))
    got = _run(docs, c)
    for f, r in zip(docs, got):
        data = Path(f).read_bytes()
        header, tail = _read(Entry(c, c.key(f, data)))
        assert header["text"] is None  # the bytes decode to it: not stored
        assert header["citations"] is None  # the rules' own
        assert jsonl.with_path(r.path, tail.decode()) == jsonl.line(r)
        assert len(Entry(c, c.key(f, data)).read_bytes()) < len(tail) + 300  # the line and a header
        assert c.get_line(f, data) == (
            jsonl.line(r).encode(),
            r.readable,
            any(d.severity == "error" for d in r.diagnostics),
        )


@pytest.mark.parametrize("encode", ["bom", "utf-16", "crlf"])
def test_text_is_stored_when_the_bytes_are_not_plain_utf8(tmp_path, encode):
    text = (CORPUS / "invalid" / "number-colon--thong-bao.txt").read_text(encoding="utf-8")
    data = {
        "bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf-16": "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),  # plain UTF-8: not stored
    }[encode]
    f = tmp_path / "doc.txt"
    f.write_bytes(data)
    c = Cache(tmp_path / "cache", settings_key(OPTS))
    first = _run([str(f)], c)[0]
    header, _ = _read(Entry(c, c.key(str(f), data)))
    assert (header["text"] is None) == (encode == "crlf")
    hit = Cache(tmp_path / "cache", settings_key(OPTS)).get(str(f), data)
    assert full(hit) == full(first) == full(lint_path(str(f), OPTS))
    assert hit.text and Cache(tmp_path / "cache", settings_key(OPTS)).get(str(f), data, text=False).text == ""


@pytest.mark.parametrize("case", ["newline", "extra-key", "not-object", "readable", "digest"])
def test_get_line_rejects_a_bad_entry(docs, tmp_path, case):
    c, data, entry, good, tail = _stored(docs[:1], tmp_path)
    header, tail, digest = {
        "newline": (good, tail[:-1] + b'\n"x":1}', True),
        "extra-key": ({**good, "diagnostics": [{"code": 1}]}, tail, True),
        "not-object": (good, b"[1, 2]", True),
        "readable": ({**good, "readable": "yes"}, tail, True),
        "digest": (good, tail[:-1] + b',"x":1}', False),
    }[case]
    _write(entry, header, tail, digest)
    c2 = Cache(tmp_path / "cache", settings_key(OPTS))
    assert c2.get_line(docs[0], data) is None
    assert (c2.invalid, c2.misses, c2.hits) == (1, 1, 0) and not entry.exists()


def test_get_rejects_a_line_that_is_not_a_result(docs, tmp_path):
    c = Cache(tmp_path / "cache", settings_key(OPTS))
    data = Path(docs[0]).read_bytes()
    _run(docs[:1], c)
    entry = Entry(c, c.key(docs[0], data))
    good, _ = _read(entry)
    for line in (b'{"profile":null}', b'{"a":1,"b":2,"c":3,"d":4,"e":5}', b"{]"):
        _write(entry, good, line)
        c2 = Cache(tmp_path / "cache", settings_key(OPTS))
        assert c2.get(docs[0], data) is None and c2.invalid == 1 and not entry.exists()


# --- vblint clean ---------------------------------------------------------------------------------


def test_clean_deletes_every_format_and_only_what_is_ours(docs, tmp_path, capsys):
    from linter.cli import main

    d = tmp_path / "cache"
    assert main(["check", "--cache-dir", str(d), "-j", "1", *docs[:3]]) in (0, 1)
    assert _count(d) == 3
    ours = len(_entries(d / "v4"))  # the database and its write-ahead log
    (d / "v1" / "ab").mkdir(parents=True)  # an older format's entry
    (d / "v1" / "ab" / "cd.json").write_text("{}")
    (d / "schema-results-0123-h.json").write_text("{}")
    (d / ".schema-results-x1y2").write_text("")
    (d / "grammar.lark-cache").write_bytes(b"\0" * 10)
    (d / "notes.txt").write_text("the user's own file")  # --cache-dir may be any directory
    (d / "vendor").mkdir()
    capsys.readouterr()
    assert main(["clean", "--cache-dir", str(d)]) == 0
    assert f"đã xoá {ours + 4} tệp" in capsys.readouterr().out
    assert sorted(p.name for p in d.iterdir()) == ["notes.txt", "vendor"]
    # the next run rebuilds the entries, and gives the same results
    assert main(["check", "--cache-dir", str(d), "-j", "1", "--format", "jsonl", *docs[:3]]) in (0, 1)
    assert _count(d) == 3


def test_clean_without_a_cache_and_in_english(tmp_path, capsys):
    from linter.cli import main

    assert main(["clean", "--cache-dir", str(tmp_path / "none"), "--lang", "en"]) == 0
    assert "deleted 0 files (0.0 MB)" in capsys.readouterr().out
    d = tmp_path / "emptied"
    (d / "v3" / "ab").mkdir(parents=True)
    (d / "v3" / "ab" / "cd.json").write_text("{}")
    assert main(["clean", "--cache-dir", str(d)]) == 0
    assert not d.exists()  # nothing of the user's was in it: the directory goes too


def test_clean_reports_what_it_cannot_delete(tmp_path, capsys, monkeypatch):
    from linter.cli import main

    d = tmp_path / "cache"
    (d / "v3" / "ab").mkdir(parents=True)
    (d / "v3" / "ab" / "cd.json").write_text("{}")

    def refuse(path, *a, **k):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(cache_mod.os, "unlink", refuse)
    assert main(["clean", "--cache-dir", str(d)]) == 2
    err = capsys.readouterr().err
    assert "không xoá được" in err and "cd.json" in err and "Traceback" not in err


# --- one database: concurrent runs, kill -9, a size cap -------------------------------------------


def _check(cache_dir, files, *extra):
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "linter", "check", "--today", "2026-11-22", "--format", "jsonl"]
    return subprocess.Popen(
        [*cmd, "--cache-dir", str(cache_dir), *extra, *files], stdout=subprocess.PIPE, text=True
    )


def test_concurrent_runs_share_the_database(docs, tmp_path):
    cdir = tmp_path / "cache"
    runs = [_check(cdir, docs, "-j", "2") for _ in range(3)]
    outs = [sorted(p.communicate(timeout=300)[0].splitlines()) for p in runs]
    assert all(p.returncode in (0, 1) for p in runs)
    assert outs[0] == outs[1] == outs[2] and len(outs[0]) == len(docs)
    assert _count(cdir) == len(docs)
    warm = _check(cdir, docs, "-j", "1")
    assert sorted(warm.communicate(timeout=300)[0].splitlines()) == outs[0]


def test_a_run_killed_mid_write_leaves_nothing_untrustworthy(docs, tmp_path):
    import signal

    cdir = tmp_path / "cache"
    p = _check(cdir, docs, "-j", "2")
    p.stdout.readline()  # results are being written
    p.send_signal(signal.SIGKILL)
    p.wait(30)
    c = Cache(cdir, settings_key(OPTS))
    got = _run(docs, c)
    assert [full(r) for r in got] == [full(lint_path(f, OPTS)) for f in docs]
    assert c.invalid == 0 and c.hits + c.misses == len(docs)


def test_the_size_cap_deletes_the_oldest_entries(docs, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_mod, "MAX_MB", 0)  # every look finds it too large
    monkeypatch.setattr(cache_mod, "_CHECK_EVERY", 8)
    c = Cache(tmp_path / "cache", settings_key(OPTS))
    _run(docs[:16], c)
    assert c.writes == 16 and c.entries() < 16  # two looks, a quarter gone each time
    oldest = docs[0]
    assert c.get(oldest, Path(oldest).read_bytes()) is None  # the first written went first
