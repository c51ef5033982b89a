"""Expectation suites, one module per source or layer. Each module defines `SUITES`: a map from
table name to a function building its `Suite`. Adding a module is enough: `all_suites` finds it."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache

from checks.gx import Suite


@cache
def all_suites() -> dict[str, Callable[[], Suite]]:
    found: dict[str, Callable[[], Suite]] = {}
    for module in pkgutil.iter_modules(__path__):
        suites = getattr(importlib.import_module(f"{__name__}.{module.name}"), "SUITES", {})
        clash = found.keys() & suites.keys()
        if clash:
            raise RuntimeError(f"two suites validate {sorted(clash)}")
        found.update(suites)
    return found
