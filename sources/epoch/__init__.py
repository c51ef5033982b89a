"""Epoch AI benchmarking hub: runs, model versions, external leaderboard copies and the ECI.

Every endpoint is one CSV member of the same zip (https://epoch.ai/data/benchmark_data.zip), which
the pipeline fetches once per run. See README.md in this folder for grain, licence and quirks.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.epoch import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "epoch"
URL = "https://epoch.ai/data/benchmark_data.zip"

# The six CSVs of epoch-research/benchmark-stitching @ f87d3cc (2025-12-03), zipped unchanged.
STITCHING_SEED = Seed("benchmark_data_2025-12-03.zip", dt.date(2025, 12, 3))
# peterhurford/metr_graph's copy of epoch_capabilities_index.csv @ 369ec37 (2026-04-10), zipped unchanged.
ECI_SEED = Seed("benchmark_data_eci_2026-04-10.zip", dt.date(2026, 4, 10))


def _text(*names: str) -> tuple[Column, ...]:
    return tuple(Column(name, pl.String) for name in names)


RUN_COLUMNS = (
    Column("id", pl.String, required=True, description="Epoch run id"),
    Column("task", pl.String, required=True, description='benchmark task, e.g. "GPQA diamond"'),
    Column("model", pl.String, required=True, description="Epoch model version id, e.g. gpt-5.1_medium"),
    Column("Best score (across scorers)", pl.Float64, required=True, description="fraction 0-1"),
    Column("Scores", pl.String, description='every scorer, e.g. "choice:0.85±0.02"'),
    Column("started_at", pl.String, description='free text ("17 November 2025 4:28pm"); parsed in staging'),
    Column("task version", pl.String),
    *_text("log viewer", "logs", "job", "Status", "Manual evaluation"),
)

MODEL_VERSION_COLUMNS = (
    Column("id", pl.String, required=True, description="model version id, as in benchmarks_runs.model"),
    Column("Model", pl.String, description="model name (several versions share one)"),
    Column("Version release date", pl.Date),
    Column("benchmarks/runs", pl.String, description="comma-separated run ids"),
    *_text("Hugging Face developer id", "Link", "Notes", "Display name", "Unique display name"),
)

AIDER_COLUMNS = (
    Column("id", pl.String, required=True),
    Column("Model version", pl.String, description="Epoch model version id; blank for mixed-model runs"),
    Column("Percent correct", pl.Float64, required=True, description="percent 0-100"),
    Column("Percent using correct edit format", pl.Float64, description="percent 0-100"),
    Column("Edit format", pl.String),
    Column("Cost", pl.Float64, description="USD per task ('$0.1300' in the CSV)"),
    *_text("Source", "Source link", "Notes"),
)

ARC_COLUMNS = (
    Column("id", pl.String, required=True),
    Column("Name", pl.String, required=True, description='ARC Prize entry, e.g. "o4-mini (Medium)"'),
    Column("Model version", pl.String),
    Column("Score", pl.Float64, required=True, description="percent 0-100 ('42%' in the CSV)"),
    *_text("Source", "Source link", "Notes"),
)

METR_COLUMNS = (
    Column("id", pl.String, required=True),
    Column("Model version", pl.String, required=True),
    Column("Time horizon", pl.Float64, required=True, description="50% time horizon, minutes"),
    Column("CI_low", pl.Float64, description="minutes"),
    Column("CI_high", pl.Float64, description="minutes"),
    Column("average_score", pl.Float64, description="fraction 0-1"),
    *_text("Source", "Source link", "Notes"),
)

TERMINAL_BENCH_COLUMNS = (
    Column("id", pl.String, required=True),
    Column("Agent", pl.String, description="agent scaffold, e.g. Droid"),
    Column("Model version", pl.String),
    Column("Accuracy mean", pl.Float64, required=True, description="percent 0-100 ('64.5%' in the CSV)"),
    Column("Accuracy SE", pl.Float64, description="standard error, percent points"),
    *_text("Source", "Source link", "Notes"),
)

ECI_COLUMNS = (
    Column("Model version", pl.String, required=True),
    Column("ECI Score", pl.Float64, description="Epoch Capabilities Index; blank for many rows"),
    Column("Release date", pl.Date),
    Column("Training compute (FLOP)", pl.Float64),
    Column("Confidence", pl.String, description="Confident | Likely | Speculative | Unknown | Unverified"),
    *_text("Organization", "Country", "Model accessibility", "Model name", "Description", "Display name"),
)


def _endpoint(name: str, extract, columns, seed: Seed, grain: str) -> Endpoint:
    return Endpoint(SLUG, name, URL, extract, columns, seeds=(seed,), grain=grain)


SOURCE = Source(
    slug=SLUG,
    title="Epoch AI benchmarking hub",
    licence="MIT (Copyright 2025 Epoch AI); the ECI seed is a third-party copy with no licence",
    cadence="continuous: Epoch re-exports the zip as runs land and recomputes ECI scores",
    package=__name__,
    endpoints=(
        _endpoint(
            "benchmarks_runs",
            parse.benchmarks_runs,
            RUN_COLUMNS,
            STITCHING_SEED,
            "one row per Epoch evaluation run (model × task)",
        ),
        _endpoint(
            "model_versions",
            parse.model_versions,
            MODEL_VERSION_COLUMNS,
            STITCHING_SEED,
            "one row per model version id",
        ),
        _endpoint(
            "external_aider_polyglot",
            parse.external_aider_polyglot,
            AIDER_COLUMNS,
            STITCHING_SEED,
            "one row per Aider polyglot entry copied by Epoch",
        ),
        _endpoint(
            "external_arc_agi",
            parse.external_arc_agi,
            ARC_COLUMNS,
            STITCHING_SEED,
            "one row per ARC Prize entry copied by Epoch",
        ),
        _endpoint(
            "external_metr",
            parse.external_metr,
            METR_COLUMNS,
            STITCHING_SEED,
            "one row per METR time-horizon entry copied by Epoch",
        ),
        _endpoint(
            "external_terminal_bench",
            parse.external_terminal_bench,
            TERMINAL_BENCH_COLUMNS,
            STITCHING_SEED,
            "one row per Terminal-Bench entry (agent × model) copied by Epoch",
        ),
        _endpoint(
            "capabilities_index",
            parse.capabilities_index,
            ECI_COLUMNS,
            ECI_SEED,
            "one row per model version in the Epoch Capabilities Index file",
        ),
    ),
)
