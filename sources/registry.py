"""Every source the pipeline knows: each subpackage of `sources` that defines `SOURCE`.

Adding a source is adding a folder; nothing else lists them.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import sources
from sources.spec import Source


@cache
def all_sources() -> tuple[Source, ...]:
    found = []
    for module in pkgutil.iter_modules(sources.__path__):
        if module.ispkg:
            candidate = getattr(importlib.import_module(f"sources.{module.name}"), "SOURCE", None)
            if isinstance(candidate, Source):
                found.append(candidate)
    slugs = [s.slug for s in found]
    if len(slugs) != len(set(slugs)):
        raise RuntimeError(f"two sources share a slug: {sorted(slugs)}")
    return tuple(sorted(found, key=lambda s: s.slug))


def source(slug: str) -> Source:
    for candidate in all_sources():
        if candidate.slug == slug:
            return candidate
    known = ", ".join(s.slug for s in all_sources())
    raise KeyError(f"unknown source {slug!r} (known: {known})")
