"""Run vblint as on a machine without an extra: a fresh interpreter where importing some
packages fails."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_BLOCK = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {modules!r}:
            raise ImportError(name=name)
sys.meta_path.insert(0, Block())
from linter.cli import main
raise SystemExit(main({argv!r}))
"""


def vblint_without(modules: tuple[str, ...], argv: list[str]) -> subprocess.CompletedProcess:
    code = _BLOCK.format(modules=modules, argv=argv)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
