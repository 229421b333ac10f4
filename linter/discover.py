"""Which files a `vblint check` run reads: the paths given (files, directories, "-" for stdin,
and with a cluster object-store URLs), directories expanded to the documents under them, then
the files the settings exclude left out. Globs are the shell's to expand; exclude globs are the
settings' (config.is_excluded). Imports only the standard library and scan's suffixes."""

import os
from collections.abc import Callable
from pathlib import Path

from linter.scan import IMAGE_SUFFIXES  # stdlib only until a scan is read

EXTENSIONS = (".txt", ".md", ".docx", ".pdf", *IMAGE_SUFFIXES)  # scans are read by OCR


def documents_under(root: str) -> list[str]:
    """The documents under the directory root, sorted: the same list as
    sorted(str(f) for f in Path(root).rglob("*") if f.is_file() and f.suffix.lower() in EXTENSIONS)
    (symbolic links to directories are not followed, unreadable directories are skipped), made
    with os.scandir: one str per document and no Path objects, which rglob also keeps in a set
    until it ends (25 MB of peak memory for 50,000 files, inherited by every worker)."""
    found: list[str] = []
    stack = [root]
    while stack:
        d = stack.pop()
        prefix = "" if d == "." else d if d.endswith("/") else d + "/"
        try:
            with os.scandir(d) as it:
                entries = list(it)
        except PermissionError:
            continue
        for e in entries:
            name = e.name
            dot = name.rfind(".")
            try:
                if 0 < dot < len(name) - 1 and name[dot:].lower() in EXTENSIONS and e.is_file():
                    found.append(prefix + name)
                elif e.is_dir(follow_symlinks=False):
                    stack.append(prefix + name)
            except OSError:
                continue
    found.sort()
    return found


def collect(paths: list[str], urls: bool = False) -> tuple[list[str], list[str]]:
    """Files to check, in a stable order, and paths that are neither file nor directory. urls:
    an object-store URL (s3://…) is a file, read by the cluster's workers."""
    files, missing = [], []
    for raw in paths:
        if raw == "-" or urls and "://" in raw:
            files.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            files += documents_under(str(p))
        elif p.exists():
            files.append(raw)
        else:
            missing.append(raw)
    return files, missing


def not_excluded(files: list[str], settings_for: Callable[[str], object]) -> list[str]:
    """files without those an exclude glob of their settings matches (stdin is never excluded).
    settings_for: path -> its config.Settings (config.Resolver.settings_for)."""
    kept = []
    for f in files:
        if f != "-":
            s = settings_for(f)
            if s.exclude:
                from linter import config

                if config.is_excluded(s, Path(f)):
                    continue
        kept.append(f)
    return kept
