"""Aider leaderboards: polyglot (225 exercises), legacy code editing (133) and refactoring (89).

See README.md in this folder for endpoints, grain, licence and cadence.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sources.aider import parse
from sources.schema import Column
from sources.spec import Endpoint, Seed, Source

SLUG = "aider"
_DATA = "https://raw.githubusercontent.com/Aider-AI/aider/main/aider/website/_data"
_RECORDED = dt.date(2026, 5, 22)  # commit 5dc9490 of Aider-AI/aider, for all three files

# The three files share one entry schema; older boards simply lack the newer fields.
COLUMNS = (
    Column("dirname", pl.String, required=True, description="benchmark run directory; unique per entry"),
    Column("model", pl.String, required=True, description="model label as shown on the board"),
    Column("edit_format", pl.String, required=True, description="whole, diff, udiff, architect..."),
    Column("test_cases", pl.Int64, required=True, description="exercises completed in the run"),
    Column("total_tests", pl.Int64, description="exercises in the suite (newer entries)"),
    Column("pass_rate_1", pl.Float64, required=True, description="percent solved on the first try"),
    Column("pass_rate_2", pl.Float64, description="percent solved after one retry with test output"),
    Column("pass_num_1", pl.Int64),
    Column("pass_num_2", pl.Int64),
    Column("percent_cases_well_formed", pl.Float64),
    Column("error_outputs", pl.Int64),
    Column("num_malformed_responses", pl.Int64),
    Column("num_with_malformed_responses", pl.Int64),
    Column("user_asks", pl.Int64),
    Column("lazy_comments", pl.Int64),
    Column("syntax_errors", pl.Int64),
    Column("indentation_errors", pl.Int64),
    Column("exhausted_context_windows", pl.Int64),
    Column("test_timeouts", pl.Int64),
    Column("command", pl.String, description="aider command line of the run"),
    Column("date", pl.Date, required=True, description="date of the run"),
    Column("versions", pl.String, description="aider version(s) used"),
    Column("commit_hash", pl.String, description="aider commit; YAML reads all-digit hashes as numbers"),
    Column("seconds_per_case", pl.Float64),
    Column("total_cost", pl.Float64, description="USD for the whole run; 0 where not recorded"),
    Column("prompt_tokens", pl.Int64),
    Column("completion_tokens", pl.Int64),
    Column("thinking_tokens", pl.Int64, description="thinking budget set for the run"),
    Column("reasoning_effort", pl.String),
    Column("editor_model", pl.String, description="architect mode: the editing model"),
    Column("editor_edit_format", pl.String),
    Column("released", pl.Date, description="model release date (edit board)"),
    Column("_released", pl.Date, description="release date hidden from the chart upstream (edit board)"),
)


def _board(name: str, grain: str) -> Endpoint:
    file = f"{name}.yml"
    return Endpoint(
        SLUG,
        name,
        f"{_DATA}/{file}",
        parse.leaderboard,
        COLUMNS,
        seeds=(Seed(file, _RECORDED),),
        max_bytes=8 * 1024 * 1024,
        grain=grain,
    )


SOURCE = Source(
    slug=SLUG,
    title="Aider LLM leaderboards",
    licence="Apache-2.0 (Aider-AI/aider)",
    cadence="irregular, when Aider benchmarks a new model (polyglot board; edit/refactor boards are frozen)",
    package=__name__,
    endpoints=(
        _board("polyglot_leaderboard", "one row per benchmark run on the 225-exercise polyglot suite"),
        _board("edit_leaderboard", "one row per benchmark run on the legacy 133-exercise Python edit suite"),
        _board("refactor_leaderboard", "one row per benchmark run on the 89-exercise refactoring suite"),
    ),
)
