"""SWE-bench parsers on the recorded leaderboards and per-instance file, bad input, and staging."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from sources.errors import ParseError
from sources.schema import observed_fields
from sources.swe_bench import SOURCE
from sources.swe_bench.parse import leaderboards
from tests.conftest import build_tables, load_payload, seed_bytes
from warehouse.prepare import prepare

BOARDS = SOURCE.endpoint("leaderboards")
INSTANCES = SOURCE.endpoint("info_for_leaderboard")
BOARDS_SEED = "leaderboards_2025-12-10.json"
INSTANCES_SEED = "info_for_leaderboard_2026-03-04.json"
OPUS_FOLDER = "20251124_mini-v1.16.0_claude-opus-4-5-20251101"


@pytest.fixture(scope="module")
def document() -> dict:
    return json.loads(seed_bytes(SOURCE, BOARDS_SEED))


def _encode(document: dict) -> bytes:
    return json.dumps(document).encode()


def _first_result(document: dict) -> dict:
    return document["leaderboards"][0]["results"][0]


def test_every_submission_of_every_leaderboard_is_parsed():
    frame = BOARDS.parse(seed_bytes(SOURCE, BOARDS_SEED))
    counts = dict(frame.group_by("leaderboard__name").len().iter_rows())
    assert counts == {"bash-only": 31, "Test": 23, "Verified": 162, "Lite": 84, "Multimodal": 22}
    opus = frame.filter((frame["leaderboard__name"] == "bash-only") & (frame["folder"] == OPUS_FOLDER)).row(
        0, named=True
    )
    assert (opus["name"], opus["resolved"]) == ("Claude 4.5 Opus medium (20251101)", 74.4)
    assert opus["date"] == dt.date(2025, 11, 24)
    assert opus["cost"] == pytest.approx(360.6225)
    assert opus["instance_cost"] == pytest.approx(0.7212, abs=1e-4)
    assert (opus["per_instance_details__instances"], opus["per_instance_details__resolved"]) == (500, 372)
    assert opus["per_instance_details__cost"] == pytest.approx(360.6225, abs=1e-3)
    assert opus["tags"] == ["Model: claude-opus-4-5-20251101", "Org: Anthropic", "System: Attempts - 1"]
    trae = frame.filter(frame["name"] == "TRAE + Doubao-Seed-Code").row(0, named=True)
    assert trae["site"] == ["https://github.com/bytedance/trae-agent", "https://seed.bytedance.com/"]


def test_per_instance_details_is_summarised_not_loaded():
    records = leaderboards(seed_bytes(SOURCE, BOARDS_SEED))
    fields = observed_fields(records)
    assert "per_instance_details" not in fields and fields <= BOARDS.declared_fields
    assert sum(1 for r in records if "per_instance_details__instances" in r) == 50


@pytest.mark.parametrize("encode", [json.dumps, repr], ids=["json_string", "python_literal"])
def test_stringified_per_instance_details_gives_the_same_summary(document, encode):
    result = dict(_first_result(document))
    expected = leaderboards(_encode({"leaderboards": [{"name": "bash-only", "results": [result]}]}))
    result["per_instance_details"] = encode(result["per_instance_details"])
    assert leaderboards(_encode({"leaderboards": [{"name": "bash-only", "results": [result]}]})) == expected


def _mutated(document: dict, change) -> bytes:
    copy = json.loads(json.dumps(document))
    change(_first_result(copy))
    return _encode(copy)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: r.pop("resolved"), "resolved"),
        (lambda r: r.update(resolved="74.4%"), "resolved"),
        (lambda r: r.update(folder=None), "folder"),
        (lambda r: r.update(date="last week"), "date"),
        (lambda r: r.update(tags="Model: gpt-5"), "tags"),  # would otherwise split into characters
        (lambda r: r.update(os_model="sometimes"), "os_model"),
        (
            lambda r: r["per_instance_details"]["astropy__astropy-12907"].pop("resolved"),
            "per_instance_details.astropy__astropy-12907.resolved",
        ),
        (
            lambda r: r["per_instance_details"]["astropy__astropy-12907"].update(cost="n/a"),
            "per_instance_details.astropy__astropy-12907.cost",
        ),
        (lambda r: r.update(per_instance_details="{not a map"), "per_instance_details"),
    ],
)
def test_bad_submission_names_the_field(document, change, field):
    with pytest.raises(ParseError) as error:
        BOARDS.parse(_mutated(document, change))
    assert error.value.field == field


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (b'{"leaderboards": []}', "leaderboards"),
        (b'{"boards": []}', "leaderboards"),
        (b'{"leaderboards": [{"name": "Lite", "results": []}]}', "<records>"),
        (b'{"leaderboards": [{"results": []}]}', "name"),
        (b'{"leaderboards": [{"name": "Lite", "results": {}}]}', "results"),
    ],
)
def test_empty_or_misshapen_leaderboards_are_errors(payload, field):
    with pytest.raises(ParseError) as error:
        BOARDS.parse(payload)
    assert error.value.field == field


def test_instance_costs_are_parsed():
    frame = INSTANCES.parse(seed_bytes(SOURCE, INSTANCES_SEED))
    assert frame.height == 2000
    models = ("gpt-5", "gpt-5-mini", "sonnet-4", "sonnet-4-5")
    assert dict(frame.group_by("model").len().iter_rows()) == {m: 500 for m in models}
    gpt5 = frame.filter((frame["model"] == "gpt-5") & (frame["instance_id"] == "pytest-dev__pytest-10356"))
    gpt5 = gpt5.row(0, named=True)
    assert (gpt5["resolved"], gpt5["api_calls"]) == (True, 19) and gpt5["cost"] == pytest.approx(0.441833)
    assert frame.filter(frame["model"] == "gpt-5")["resolved"].sum() == 325


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (b"{}", "<records>"),
        (b"[]", "<body>"),
        (b'{"gpt-5": []}', "gpt-5"),
        (b'{"gpt-5": {"x__y-1": {"cost": 0.1, "api_calls": 3}}}', "resolved"),
        (b'{"gpt-5": {"x__y-1": {"resolved": "yes", "cost": 0.1}}}', "resolved"),
        (b'{"gpt-5": {"x__y-1": {"resolved": true, "api_calls": "three"}}}', "api_calls"),
    ],
)
def test_bad_instance_file_names_the_field(payload, field):
    with pytest.raises(ParseError) as error:
        INSTANCES.parse(payload)
    assert error.value.field == field


@pytest.fixture(scope="module")
def staged():
    con = duckdb.connect(":memory:")
    prepare(con, (SOURCE,))
    for endpoint in SOURCE.endpoints:
        (seed,) = endpoint.seeds
        load_payload(con, endpoint, SOURCE.seed_path(seed).read_bytes(), seed.recorded_on)
    build_tables(con, "staging.stg_swe_bench__results", "staging.stg_swe_bench__instance_costs")
    yield con
    con.close()


def _rows(con, query: str) -> list[tuple]:
    return con.execute(query).fetchall()


def test_staging_results(staged):
    counts = dict(_rows(staged, "SELECT benchmark, count(*) FROM staging.stg_swe_bench__results GROUP BY 1"))
    assert counts == {
        "swe_bench_bash_only": 31,
        "swe_bench_test": 23,
        "swe_bench_verified": 162,
        "swe_bench_lite": 84,
        "swe_bench_multimodal": 22,
    }
    assert (
        _rows(
            staged,
            "SELECT benchmark, folder FROM staging.stg_swe_bench__results "
            "GROUP BY benchmark, folder, snapshot_sha256 HAVING count(*) > 1",
        )
        == []
    )
    opus = _rows(
        staged,
        "SELECT model_name, effort, scaffold, system_name, org, tasks, round(cost_per_task_usd, 4), attempts "
        "FROM staging.stg_swe_bench__results "
        f"WHERE benchmark = 'swe_bench_verified' AND folder = '{OPUS_FOLDER}'",
    )
    assert opus == [
        (
            "claude-opus-4-5-20251101",
            "medium",
            "mini-SWE-agent 1.16.0",
            "mini-SWE-agent + Claude 4.5 Opus medium (20251101)",
            "Anthropic + SWE-agent",
            500,
            0.7212,
            "1",
        )
    ]
    trae = _rows(
        staged,
        "SELECT model_name, model_count, tasks, total_cost_usd, effort FROM staging.stg_swe_bench__results "
        "WHERE system_name = 'TRAE + Doubao-Seed-Code'",
    )
    assert trae == [("Doubao-Seed-Code + Doubao-Seed-1.6", 2, 500, None, None)]  # Verified has 500 instances
    no_model_tag = _rows(
        staged,
        "SELECT model_name = system_name, tasks FROM staging.stg_swe_bench__results "
        "WHERE model_count = 0 AND benchmark = 'swe_bench_lite' LIMIT 1",
    )
    assert no_model_tag == [(True, None)]


def test_staging_instance_costs(staged):
    rows = _rows(
        staged,
        "SELECT model_name, count(*), sum(resolved::INT), round(sum(cost_usd), 2) "
        "FROM staging.stg_swe_bench__instance_costs GROUP BY 1 ORDER BY 1",
    )
    assert rows == [
        ("gpt-5", 500, 325, 140.19),
        ("gpt-5-mini", 500, 299, 17.74),
        ("sonnet-4", 500, 324, 185.73),
        ("sonnet-4-5", 500, 353, 279.17),
    ]
