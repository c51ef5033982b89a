"""ARC Prize leaderboard (ARC-AGI-1, ARC-AGI-2): score and cost per task.

The official `evaluations.json` has no recorded copy; the seeds are third-party derived files
(all-the-benchmarks scrapes of the official JSON), loaded as their own endpoints and flagged as derived
in staging. See README.md in this folder for endpoints, grain, licence and cadence.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.arc_prize import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "arc_prize"
_DERIVED = "https://raw.githubusercontent.com/maxencefrenette/all-the-benchmarks/main/data/raw/benchmarks"
_DERIVED_ON = dt.date(2025, 8, 29)  # last change of both files in all-the-benchmarks

EVALUATION_COLUMNS = (
    Column("datasetId", pl.String, required=True, description="e.g. v1_Semi_Private, v2_Semi_Private"),
    Column("modelId", pl.String, required=True, description="model and setting, e.g. o3-high"),
    Column("score", pl.Float64, required=True, description="fraction of tasks solved, 0..1"),
    Column("costPerTask", pl.Float64, description="USD per task"),
    Column("cost", pl.Float64, description="USD for the whole run, where given instead of per task"),
    Column("display", pl.Boolean, description="shown on the leaderboard"),
    Column("modelGroup", pl.String, description="the model without its setting; Human for baselines"),
    Column("modelType", pl.String, description="e.g. CoT"),
    Column("modelReleaseDate", pl.Date),
    Column("providerId", pl.String),
    Column("resultsUrl", pl.String),
    # names and colours the per-board files (v2.json) carry; the display name lives in models.json otherwise
    Column("modelDisplayName", pl.String, description='e.g. "o3 (High)"'),
    Column("datasetDisplayName", pl.String),
    Column("providerDisplayName", pl.String),
    Column("providerColor", pl.String),
)

DERIVED_COLUMNS = (
    Column("model", pl.String, required=True, description="display name: key of results and cost_per_task"),
    Column("results", pl.Float64, required=True, description="score, percent (rounded to 0.1)"),
    Column("cost_per_task", pl.Float64, description="USD per task"),
    Column("benchmark", pl.String, description="ARC-AGI-1 / ARC-AGI-2"),
    Column("description", pl.String),
    Column("website", pl.String),
    Column("github", pl.String),
    Column("score_weight", pl.Float64),
    Column("cost_weight", pl.Float64),
    Column("model_name_mapping_file", pl.String),
    Column("private_holdout", pl.Boolean),
)


def _derived(version: int) -> Endpoint:
    file = f"arc-agi-{version}_derived_all-the-benchmarks_{_DERIVED_ON.isoformat()}.yaml"
    return Endpoint(
        SLUG,
        f"arc_agi_{version}_derived",
        f"{_DERIVED}/arc-agi-{version}.yaml",
        parse.derived,
        DERIVED_COLUMNS,
        seeds=(Seed(file, _DERIVED_ON),),
        max_bytes=4 * 1024 * 1024,
        grain=f"one row per display name on ARC-AGI-{version} (v{version}_Semi_Private); third-party copy",
    )


SOURCE = Source(
    slug=SLUG,
    title="ARC Prize leaderboard",
    licence="ARC Prize leaderboard data published on arcprize.org (no licence stated); "
    "derived copies MIT (maxencefrenette/all-the-benchmarks)",
    cadence="irregular, when ARC Prize tests a new model; the derived copies follow it loosely",
    package=__name__,
    endpoints=(
        Endpoint(
            SLUG,
            "evaluations",
            "https://arcprize.org/media/data/leaderboard/evaluations.json",
            parse.evaluations,
            EVALUATION_COLUMNS,
            max_bytes=16 * 1024 * 1024,
            grain="one row per dataset × model setting (official; live only, no recorded copy)",
        ),
        _derived(1),
        _derived(2),
    ),
)
