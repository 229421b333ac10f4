"""--format jsonl: one compact JSON object per document (FileResult.to_dict(), the per-file object
of the JSON contract), one per line, written as each result arrives. No summary line.

A line is built from two parts: `{"path":…,` and the tail, the rest of the object (tail()). The
tail does not depend on where the file is, so the result cache stores it and a cache hit (or a
worker) hands over a finished line without rebuilding and re-encoding the result."""

import json


def tail(result) -> str:
    """The line's object without its leading "path" member: '{"profile":…}', no newline."""
    d = result.to_dict()
    del d["path"]
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def with_path(path: str, tail: str) -> str:
    """The line (newline included) of the result at path whose tail() is tail."""
    head = '{"path":' + json.dumps(path, ensure_ascii=False)
    return head + ("}\n" if tail == "{}" else "," + tail[1:] + "\n")


def with_path_bytes(path: str, tail: bytes) -> bytes:
    """with_path() for a tail already encoded as UTF-8 (a cache entry's): the line, encoded."""
    head = ('{"path":' + json.dumps(path, ensure_ascii=False)).encode("utf-8")
    return head + (b"}\n" if tail == b"{}" else b"," + tail[1:] + b"\n")


def line(result) -> str:
    return with_path(result.path, tail(result))


def render(results) -> str:
    return "".join(line(r) for r in results)
