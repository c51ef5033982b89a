"""Epoch AI's `benchmark_data.zip` -> flat records, one extractor per CSV member.

Field names are the CSV headers exactly as Epoch writes them; staging renames them. Cells that
carry a unit in the text are made numbers here, strictly ('42%' -> 42.0, '$0.13' -> 0.13): a cell
that does not parse is a ParseError, never a silent NULL. Free-text dates (`started_at`, e.g.
"17 November 2025 4:28pm") stay text and are parsed in staging, which keeps the original beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from sources.epoch.archive_zip import csv_records, percent, read_member, usd
from sources.spec import Extractor


def member_extractor(member: str, convert: dict[str, Callable[[str], object]] | None = None) -> Extractor:
    """An extractor reading one CSV member of the zip: one record per CSV row."""

    def extract(payload: bytes) -> list[dict]:
        return csv_records(read_member(payload, member), member, convert)

    extract.__name__ = f"extract_{member.removesuffix('.csv')}"
    extract.__doc__ = f"`{member}` in benchmark_data.zip: one record per row."
    return extract


benchmarks_runs = member_extractor("benchmarks_runs.csv")
model_versions = member_extractor("model_versions.csv")
external_aider_polyglot = member_extractor("external_benchmark_aider_polyglot.csv", {"Cost": usd})
external_arc_agi = member_extractor("external_benchmark_arc_agi.csv", {"Score": percent})
external_metr = member_extractor("external_benchmark_metr.csv")
external_terminal_bench = member_extractor(
    "external_benchmark_terminal_bench.csv", {"Accuracy mean": percent, "Accuracy SE": percent}
)
capabilities_index = member_extractor("epoch_capabilities_index.csv")
