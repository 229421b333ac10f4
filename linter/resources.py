"""Where vblint's files live: the grammar and schemas (inside the wheel, linter/grammar and
linter/schemas, once installed; at the repository's top level in a source checkout or an editable
install), and the user's cache directory (results, parse tables, schema results). A leaf module:
cache, parse and validate all import it, and it imports none of them."""

import os
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("linter"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def default_dir() -> Path:
    """platformdirs' user cache dir, else $XDG_CACHE_HOME/vblint, else ~/.cache/vblint."""
    try:
        import platformdirs
    except ImportError:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
        return base / "vblint"
    return Path(platformdirs.user_cache_dir("vblint", appauthor=False))
