"""The catalog covers every table with a grain and a description, and the README shows it."""

from __future__ import annotations

from pathlib import Path

from warehouse.catalog import catalog, with_catalog

README = Path(__file__).parents[2] / "README.md"


def test_every_table_has_a_grain_a_description_and_sources():
    for entry in catalog():
        assert entry.grain.strip() and entry.description.strip(), entry.table
        assert entry.sources, entry.table


def test_every_mart_is_in_the_catalog():
    layers = {entry.layer for entry in catalog()}
    assert {"raw", "staging", "core"} <= layers


def test_readme_catalog_is_current():
    text = README.read_text(encoding="utf-8")
    assert with_catalog(text) == text, "run: .venv/bin/python -m warehouse.catalog README.md"
