"""All rules. Importing this package imports every module in it, which registers its rules.
A rule's module is named by its code's band (base.BANDS: VB2xx number, VB28x recipients …); the
regime it judges is its profiles=. Modules whose name starts with "_" hold shared helpers."""

import importlib
import pkgutil

from linter.rules.base import BY_NAME, RULES, Context, Rule, lookup, run_stage  # noqa: F401

for _m in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _m.name != "base" and not _m.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_m.name}")

inputs = importlib.import_module(f"{__name__}.inputs")
