"""SWE-bench leaderboards (Verified, Lite, Test, Multimodal, bash-only) and per-instance costs.

See README.md in this folder for endpoints, grain, licence and cadence.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.schema import Column
from sources.spec import Endpoint, Seed, Source
from sources.swe_bench import parse

SLUG = "swe_bench"
_DATA = "https://raw.githubusercontent.com/SWE-bench/swe-bench.github.io/master/data"

LEADERBOARD_COLUMNS = (
    Column("leaderboard__name", pl.String, required=True, description="Verified, Lite, Test, Multimodal..."),
    Column("name", pl.String, required=True, description="submission (system) name"),
    Column("folder", pl.String, required=True, description="submission folder in SWE-bench/experiments"),
    Column("resolved", pl.Float64, required=True, description="percent of instances resolved"),
    Column("date", pl.Date, required=True, description="submission date"),
    Column("cost", pl.Float64, description="USD for the whole run (mini-SWE-agent runs only)"),
    Column("instance_cost", pl.Float64, description="USD per instance"),
    Column("instance_calls", pl.Float64, description="model calls per instance"),
    Column("per_instance_details__instances", pl.Int64, description="derived: instances listed"),
    Column("per_instance_details__resolved", pl.Int64, description="derived: instances resolved"),
    Column("per_instance_details__cost", pl.Float64, description="derived: sum of instance costs, USD"),
    Column("per_instance_details__api_calls", pl.Int64, description="derived: sum of instance calls"),
    Column("os_model", pl.Boolean, description="open-weights model"),
    Column("os_system", pl.Boolean, description="open-source system"),
    Column("tags", pl.List(pl.String), description='e.g. ["Model: gpt-5", "Org: OpenAI", "System: ..."]'),
    Column("checked", pl.String, description='true/false, or text such as "false (See README.md ...)"'),
    Column("site", pl.List(pl.String), description="one URL or several"),
    Column("logo", pl.List(pl.String)),
    Column("logs", pl.String, description="S3 URL; False where none"),
    Column("trajs", pl.String, description="S3 URL; False where none"),
    Column("trajs_docent", pl.String, description="Docent URL; False where none"),
    Column("mini-swe-agent_version", pl.String),
    Column("warning", pl.String),
)

INSTANCE_COLUMNS = (
    Column("model", pl.String, required=True, description="model key, e.g. gpt-5, sonnet-4-5"),
    Column("instance_id", pl.String, required=True, description="e.g. pytest-dev__pytest-10356"),
    Column("resolved", pl.Boolean, required=True),
    Column("cost", pl.Float64, description="USD for this instance"),
    Column("api_calls", pl.Int64),
)

SOURCE = Source(
    slug=SLUG,
    title="SWE-bench leaderboards",
    licence="CC BY-NC 4.0 (SWE-bench/swe-bench.github.io): non-commercial use only",
    cadence="irregular, with each accepted submission (several times a month)",
    package=__name__,
    endpoints=(
        Endpoint(
            SLUG,
            "leaderboards",
            f"{_DATA}/leaderboards.json",
            parse.leaderboards,
            LEADERBOARD_COLUMNS,
            seeds=(Seed("leaderboards_2025-12-10.json", dt.date(2025, 12, 10)),),
            # over 4 MiB in 2026 and growing with every per-instance breakdown
            max_bytes=64 * 1024 * 1024,
            grain="one row per leaderboard × submission",
        ),
        Endpoint(
            SLUG,
            "info_for_leaderboard",
            f"{_DATA}/info_for_leaderboard.json",
            parse.instance_results,
            INSTANCE_COLUMNS,
            seeds=(Seed("info_for_leaderboard_2026-03-04.json", dt.date(2026, 3, 4)),),
            max_bytes=64 * 1024 * 1024,
            grain="one row per model × instance (bash-only runs)",
        ),
    ),
)
