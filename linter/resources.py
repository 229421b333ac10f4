"""Where the grammar and schemas live: inside the wheel (linter/grammar, linter/schemas) once
installed, at the repository's top level in a source checkout or an editable install."""

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("linter"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name
