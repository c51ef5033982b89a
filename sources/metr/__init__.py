"""METR time horizons: headline results, release dates and per-run data.

See README.md in this folder for endpoints, grain, licence and cadence.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.metr import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "metr"
_RAW_GITHUB = "https://raw.githubusercontent.com/METR/eval-analysis-public/main"


def _horizon(metric: str) -> tuple[Column, ...]:
    prefix = f"metrics__{metric}_horizon_length"
    return (
        Column(f"{prefix}__estimate", pl.Float64, required=True, description=f"{metric} horizon, minutes"),
        Column(f"{prefix}__ci_low", pl.Float64, description="95% CI low, minutes"),
        Column(f"{prefix}__ci_high", pl.Float64, description="95% CI high, minutes"),
    )


RESULTS_COLUMNS = (
    Column("model", pl.String, required=True, description="METR model key, e.g. o3_inspect"),
    Column("benchmark_name", pl.String, required=True, description="e.g. METR-Horizon-v1.1"),
    Column("long_tasks_version", pl.String),
    Column("swaa_version", pl.String),
    Column("release_date", pl.Date),
    Column("metrics__average_score__estimate", pl.Float64),
    Column("metrics__is_sota", pl.Boolean),
    *_horizon("p50"),
    *_horizon("p80"),
    Column("metrics__usage__usd", pl.Float64, description="USD spent on the suite (older files)"),
    Column("metrics__usage__working_time", pl.Float64, description="agent working time, minutes"),
    Column("scaffolds", pl.List(pl.String)),
)

RELEASE_DATE_COLUMNS = (
    Column("alias", pl.String, required=True),
    Column("release_date", pl.Date, required=True),
)

_RUN_COMMON = (
    Column("run_id", pl.String, required=True),
    Column("task_id", pl.String, required=True),
    Column("task_family", pl.String, required=True),
    Column("alias", pl.String, required=True),
    Column("model", pl.String, required=True),
    Column("score_binarized", pl.Int64, required=True),
    Column("fatal_error_from", pl.String),
    Column("human_minutes", pl.Float64, required=True),
    Column("human_score", pl.Float64),
    Column("human_source", pl.String),
    Column("time_limit", pl.Float64, description="seconds"),
    Column("started_at", pl.Datetime("ms"), description="ms since epoch in the payload"),
    Column("completed_at", pl.Datetime("ms")),
    Column("equal_task_weight", pl.Float64),
    Column("invsqrt_task_weight", pl.Float64),
)

# Time Horizon 1.0/1.1 `runs.jsonl`: continuous score, token counts and generation cost per run.
RUN_COLUMNS = (
    *_RUN_COMMON,
    Column("score_cont", pl.Float64, required=True),
    Column("task_source", pl.String),
    Column("task_version", pl.String),
    Column("scaffold", pl.String),
    Column("tokens_count", pl.Float64, description="total tokens of the run (no input/output split)"),
    Column("generation_cost", pl.Float64, description="USD; 0.0 where METR did not record it"),
    Column("human_cost", pl.Float64, description="human_minutes x $143.61/h"),
    Column("cloned", pl.Float64),
)

# The February 2025 `all_runs.jsonl`: `score`, and cost/token fields filled only for human baselines.
ALL_RUN_COLUMNS = (
    *_RUN_COMMON,
    Column("score", pl.Float64, required=True),
    Column("dollar_equivalent", pl.Float64),
    Column("total_tokens", pl.Float64),
)


def _seed(file: str, recorded_on: str) -> Seed:
    return Seed(file, dt.date.fromisoformat(recorded_on))


SOURCE = Source(
    slug=SLUG,
    title="METR time horizons",
    licence="MIT (METR eval-analysis-public); headline YAML published by METR",
    cadence="irregular, with each new model evaluation",
    package=__name__,
    endpoints=(
        Endpoint(
            SLUG,
            "benchmark_results_1_0",
            "https://metr.org/assets/benchmark_results_1_0.yaml",
            parse.benchmark_results,
            RESULTS_COLUMNS,
            seeds=(_seed("benchmark_results_1_0_2026-01-30.yaml", "2026-01-30"),),
            max_bytes=8 * 1024 * 1024,
            grain="one row per model in the Time Horizon 1.0 headline file",
        ),
        Endpoint(
            SLUG,
            "benchmark_results_1_1",
            "https://metr.org/assets/benchmark_results_1_1.yaml",
            parse.benchmark_results,
            RESULTS_COLUMNS,
            seeds=(
                _seed("benchmark_results_1_1_2026-01-30.yaml", "2026-01-30"),
                _seed("benchmark_results_1_1_2026-04-11.yaml", "2026-04-11"),
            ),
            max_bytes=8 * 1024 * 1024,
            grain="one row per model in the Time Horizon 1.1 headline file",
        ),
        Endpoint(
            SLUG,
            "release_dates",
            f"{_RAW_GITHUB}/data/external/release_dates.yaml",
            parse.release_dates,
            RELEASE_DATE_COLUMNS,
            seeds=(
                _seed("release_dates_2025-02-27.yaml", "2025-02-27"),
                _seed("release_dates_2026-01-20.yaml", "2026-01-20"),
            ),
            max_bytes=4 * 1024 * 1024,
            grain="one row per model alias",
        ),
        Endpoint(
            SLUG,
            "runs_1_1",
            f"{_RAW_GITHUB}/reports/time-horizon-1-1/data/raw/runs.jsonl",
            parse.runs,
            RUN_COLUMNS,
            seeds=(_seed("runs_th1.1_selected_models.jsonl", "2026-01-20"),),
            grain="one row per agent run on one task (Time Horizon 1.1 suite)",
        ),
        Endpoint(
            SLUG,
            "runs_1_0",
            f"{_RAW_GITHUB}/reports/time-horizon-1-0/data/raw/runs.jsonl",
            parse.runs,
            RUN_COLUMNS,
            grain="one row per agent run on one task (Time Horizon 1.0 suite); live only",
        ),
        Endpoint(
            SLUG,
            "all_runs",
            f"{_RAW_GITHUB}/data/external/all_runs.jsonl",
            parse.runs,
            ALL_RUN_COLUMNS,
            seeds=(_seed("all_runs_th1.0-era_2025-02-27.jsonl", "2025-02-27"),),
            live=False,
            grain="one row per run, February 2025 file (pre Time Horizon 1.0 suite); historical",
        ),
    ),
)
