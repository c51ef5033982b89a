"""Aider parsers on the recorded leaderboards, bad input, and the staging union of the three boards."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from sources.aider import SOURCE
from sources.errors import ParseError
from sources.schema import observed_fields
from tests.conftest import build_tables, load_payload, seed_bytes
from warehouse.prepare import prepare

POLYGLOT = SOURCE.endpoint("polyglot_leaderboard")


def _parse(name: str):
    return SOURCE.endpoint(name).parse(seed_bytes(SOURCE, f"{name}.yml"))


@pytest.mark.parametrize(
    ("name", "rows"), [("polyglot_leaderboard", 69), ("edit_leaderboard", 98), ("refactor_leaderboard", 14)]
)
def test_every_entry_of_every_board_is_parsed(name, rows):
    frame = _parse(name)
    assert frame.height == rows
    assert frame["dirname"].n_unique() == rows  # the run directory is the real key


def test_known_polyglot_values():
    rows = {r["dirname"]: r for r in _parse("polyglot_leaderboard").to_dicts()}
    gemini = rows["2025-02-25-20-23-07--gemini-pro"]
    assert (gemini["model"], gemini["pass_rate_2"], gemini["test_cases"]) == (
        "Gemini 2.0 Pro exp-02-05",
        35.6,
        225,
    )
    assert gemini["date"] == dt.date(2025, 2, 25)
    deepseek = next(r for r in rows.values() if r["model"] == "DeepSeek-V3.2-Exp (Reasoner)")
    assert (deepseek["pass_rate_2"], deepseek["total_cost"]) == (74.2, 1.3045)
    assert deepseek["date"] == dt.date(2025, 10, 3)
    efforts = {r["model"]: r["reasoning_effort"] for r in rows.values() if r["model"].startswith("gpt-5 (")}
    assert efforts == {"gpt-5 (high)": "high", "gpt-5 (medium)": "medium", "gpt-5 (low)": "low"}
    assert "5318380" in {r["commit_hash"] for r in rows.values()}  # YAML read it as a number


def test_same_model_with_other_settings_is_kept():
    frame = _parse("polyglot_leaderboard")
    qwen = frame.filter(frame["model"] == "Qwen2.5-Coder-32B-Instruct")
    assert sorted(qwen["edit_format"].to_list()) == ["diff", "whole"]


def test_edit_board_release_dates_and_refactor_first_try_only():
    edit = {r["model"]: r for r in _parse("edit_leaderboard").to_dicts()}
    assert edit["gpt-4-0314"]["released"] == dt.date(2023, 3, 14)
    assert edit["claude-3-opus-20240229"]["_released"] == dt.date(2024, 2, 29)
    assert _parse("refactor_leaderboard")["pass_rate_2"].null_count() == 14


def _polyglot_with(old: bytes, new: bytes) -> bytes:
    payload = seed_bytes(SOURCE, "polyglot_leaderboard.yml")
    assert old in payload
    return payload.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (b"  model: Gemini 2.0 Pro exp-02-05\n", b"", "model"),  # missing
        (b"  pass_rate_1: 20.4\n", b"  pass_rate_first: 20.4\n", "pass_rate_1"),  # renamed
        (b"  test_cases: 225\n", b"  test_cases: all of them\n", "test_cases"),  # wrong type
        (b"  date: 2025-02-25\n", b"  date: last tuesday\n", "date"),
        (b"  total_cost: 0.0000\n", b"  total_cost: free\n", "total_cost"),
    ],
)
def test_bad_entry_names_the_field(old, new, field):
    with pytest.raises(ParseError) as error:
        POLYGLOT.parse(_polyglot_with(old, new))
    assert error.value.field == field


@pytest.mark.parametrize(
    ("payload", "field"),
    [(b"[]\n", "<records>"), (b"results: []\n", "<body>"), (b"- just a string\n", "[0]")],
)
def test_empty_or_misshapen_board_is_an_error(payload, field):
    with pytest.raises(ParseError) as error:
        POLYGLOT.parse(payload)
    assert error.value.field == field


def test_every_field_of_the_seeds_is_declared():
    for endpoint in SOURCE.endpoints:
        records = endpoint.extract(seed_bytes(SOURCE, endpoint.seeds[0].file))
        assert observed_fields(records) <= endpoint.declared_fields, endpoint.name


@pytest.fixture(scope="module")
def staged():
    con = duckdb.connect(":memory:")
    prepare(con, (SOURCE,))
    for endpoint in SOURCE.endpoints:
        (seed,) = endpoint.seeds
        load_payload(con, endpoint, SOURCE.seed_path(seed).read_bytes(), seed.recorded_on)
    build_tables(con, "staging.stg_aider__results")
    yield con
    con.close()


def _rows(con, query: str) -> list[tuple]:
    return con.execute(query).fetchall()


def test_staging_unions_the_boards_with_a_unique_key(staged):
    counts = dict(_rows(staged, "SELECT benchmark, count(*) FROM staging.stg_aider__results GROUP BY 1"))
    assert counts == {"aider_polyglot": 69, "aider_edit": 98, "aider_refactor": 14}
    duplicates = _rows(
        staged,
        "SELECT benchmark, run_id FROM staging.stg_aider__results "
        "GROUP BY benchmark, run_id, snapshot_sha256 HAVING count(*) > 1",
    )
    assert duplicates == []
    metrics = _rows(
        staged, "SELECT DISTINCT benchmark, score_metric FROM staging.stg_aider__results ORDER BY ALL"
    )
    assert metrics == [
        ("aider_edit", "pass_rate_2"),
        ("aider_polyglot", "pass_rate_2"),
        ("aider_refactor", "pass_rate_1"),
    ]


def test_staging_costs_effort_and_tasks(staged):
    row = _rows(
        staged,
        "SELECT score, tasks, total_cost_usd, cost_per_task_usd, effort, scaffold "
        "FROM staging.stg_aider__results WHERE model_name = 'o3-mini (high)'",
    )
    # effort comes from the command line: the entry has no reasoning_effort field
    assert row == [(60.4, 224, 18.1584, pytest.approx(18.1584 / 224), "high", "diff")]
    thinking = "SELECT model_name, effort FROM staging.stg_aider__results WHERE effort LIKE 'thinking%'"
    effort = dict(_rows(staged, thinking))
    assert effort["claude-sonnet-4-20250514 (32k thinking)"] == "thinking 32000"
    assert effort["claude-3-7-sonnet-20250219 (32k thinking tokens)"] == "thinking 32k"
    unrecorded = _rows(
        staged,
        "SELECT total_cost_usd, total_cost_reported FROM staging.stg_aider__results WHERE run_id = "
        "'2025-02-25-20-23-07--gemini-pro'",
    )
    assert unrecorded == [(None, 0.0)]
    mismatch = _rows(
        staged, "SELECT benchmark, run_id FROM staging.stg_aider__results WHERE NOT suite_matches_board"
    )
    assert mismatch == [("aider_edit", "2024-12-21-22-06-01--polyglot-o1-mini-whole")]
