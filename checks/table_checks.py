"""Checks that read whole tables through SQL (beside the GX suites), wired as asset checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from checks import identity
from checks.outcome import CheckOutcome


@dataclass(frozen=True)
class TableCheck:
    table: str  # the asset the check is attached to
    name: str
    description: str
    run: Callable[[duckdb.DuckDBPyConnection], CheckOutcome]
    reads: tuple[str, ...] = ()  # other tables it reads
    blocking: bool = False


TABLE_CHECKS = (
    TableCheck(
        "core.model_aliases",
        "unmatched_aliases",
        "every model name matched a canonical model; unmatched names listed with their nearest candidates",
        identity.unmatched_aliases,
    ),
    TableCheck(
        "core.fct_prices",
        "coverage",
        "every METR model sold by a price list has a price; ≥ 80% of costed leaderboard entries are matched",
        identity.coverage,
        reads=(
            "core.model_aliases",
            "core.dim_model",
            "core.fct_benchmark_results",
            "staging.stg_metr__runs",
        ),
    ),
)
