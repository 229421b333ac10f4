"""All rules. Importing this package imports every module in it, which registers its rules
(one module per component or concern; add a module and its rules are live)."""

import importlib
import pkgutil

from linter.rules.base import BY_NAME, RULES, Context, Rule, lookup, run_checks  # noqa: F401

for _m in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _m.name != "base":
        importlib.import_module(f"{__name__}.{_m.name}")

inputs = importlib.import_module(f"{__name__}.inputs")
