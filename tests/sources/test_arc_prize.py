"""ARC Prize parsers: the recorded derived files, the official row shape, bad input, and staging.

No raw official `evaluations.json` was recorded. `tests/fixtures/arc_prize/evaluations.json` is in the
official row shape ({datasetId, modelId, score 0..1, costPerTask, display, modelGroup, ...}) and was
reshaped from the recorded derived files (all-the-benchmarks, 2025-08-29): its scores and costs are those
files' real values for o3 (Low/Medium/High), GPT-5 (Minimal/Low/High), Grok 4 (Thinking) and the Human
Panel on both datasets; the ids, groups, providers and release dates were written for the reshaping.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from sources.arc_prize import SOURCE
from sources.errors import ParseError
from sources.schema import observed_fields
from tests.conftest import build_tables, load_payload, seed_bytes
from warehouse.prepare import prepare

OFFICIAL = SOURCE.endpoint("evaluations")
FIXTURE = Path(__file__).parents[1] / "fixtures" / "arc_prize" / "evaluations.json"
SEEDS = {v: f"arc-agi-{v}_derived_all-the-benchmarks_2025-08-29.yaml" for v in (1, 2)}


def _derived(version: int):
    return SOURCE.endpoint(f"arc_agi_{version}_derived").parse(seed_bytes(SOURCE, SEEDS[version]))


def _by_model(frame) -> dict[str, dict]:
    return {row["model"]: row for row in frame.to_dicts()}


def test_derived_files_give_one_row_per_display_name():
    one, two = _by_model(_derived(1)), _by_model(_derived(2))
    assert (len(one), len(two)) == (70, 70)
    assert (one["GPT-5 (High)"]["results"], one["GPT-5 (High)"]["cost_per_task"]) == (65.7, 0.5087)
    assert (two["Grok 4 (Thinking)"]["results"], two["Grok 4 (Thinking)"]["cost_per_task"]) == (16.0, 2.1659)
    assert {one[f"o3 ({e})"]["results"] for e in ("Low", "Medium", "High")} == {41.5, 53.8, 60.8}
    assert one["Human Panel"]["benchmark"] == "ARC-AGI-1" and two["Human Panel"]["benchmark"] == "ARC-AGI-2"


def test_every_field_of_the_seeds_and_fixture_is_declared():
    for version, file in SEEDS.items():
        endpoint = SOURCE.endpoint(f"arc_agi_{version}_derived")
        assert observed_fields(endpoint.extract(seed_bytes(SOURCE, file))) <= endpoint.declared_fields
    assert observed_fields(OFFICIAL.extract(FIXTURE.read_bytes())) <= OFFICIAL.declared_fields


def _derived_with(old: bytes, new: bytes) -> bytes:
    payload = seed_bytes(SOURCE, SEEDS[2])
    assert old in payload
    return payload.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (b"  GPT-5 (High): 9.9\n", b"", "results"),  # a cost without a score
        (b"cost_per_task:\n", b"costs:\n", "cost_per_task"),  # renamed map
        (b"  GPT-5 (High): 9.9\n", b"  GPT-5 (High): high\n", "results"),  # wrong type
        (b"  GPT-5 (High): 0.7302\n", b"  GPT-5 (High): cheap\n", "cost_per_task"),
        (b"results:\n", b"results: []\nold_results:\n", "results"),  # a list, not a map
    ],
)
def test_bad_derived_file_names_the_field(old, new, field):
    with pytest.raises(ParseError) as error:
        SOURCE.endpoint("arc_agi_2_derived").parse(_derived_with(old, new))
    assert error.value.field == field


def test_empty_derived_file_is_an_error():
    with pytest.raises(ParseError) as error:
        SOURCE.endpoint("arc_agi_1_derived").parse(b"results: {}\ncost_per_task: {}\n")
    assert error.value.field == "<records>"


def test_official_rows_are_parsed():
    frame = OFFICIAL.parse(FIXTURE.read_bytes())
    assert frame.height == 16
    o3 = frame.filter((frame["modelGroup"] == "o3-2025-04-16") & (frame["datasetId"] == "v1_Semi_Private"))
    assert sorted(zip(o3["modelId"], o3["score"], o3["costPerTask"], strict=False)) == [
        ("o3-2025-04-16-high", 0.608, 0.5002),
        ("o3-2025-04-16-low", 0.415, 0.1764),
        ("o3-2025-04-16-medium", 0.538, 0.2882),
    ]
    assert o3["modelReleaseDate"].to_list() == [dt.date(2025, 4, 16)] * 3
    assert frame["display"].all()


def _official_with(change) -> bytes:
    rows = json.loads(FIXTURE.read_bytes())
    change(rows[0])
    return json.dumps(rows).encode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: r.pop("modelId"), "modelId"),
        (lambda r: r.update(datasetId=None), "datasetId"),
        (lambda r: r.update(score=41.5), "score"),  # percent where a fraction is published: unit change
        (lambda r: r.update(score="41.5%"), "score"),
        (lambda r: r.update(costPerTask="$0.18"), "costPerTask"),
        (lambda r: r.update(display="o3 (Low)"), "display"),  # display is a flag, not a name
        (lambda r: r.update(modelReleaseDate="April 2025"), "modelReleaseDate"),
    ],
)
def test_bad_official_row_names_the_field(change, field):
    with pytest.raises(ParseError) as error:
        OFFICIAL.parse(_official_with(change))
    assert error.value.field == field


@pytest.mark.parametrize(
    ("payload", "field"),
    [(b"[]", "<records>"), (b'{"evaluations": []}', "<body>"), (b'["o3"]', "[0]")],
)
def test_empty_or_misshapen_official_file_is_an_error(payload, field):
    with pytest.raises(ParseError) as error:
        OFFICIAL.parse(payload)
    assert error.value.field == field


def _official_extra_rows() -> bytes:
    """Two variants the fixture lacks: a public-eval split, and a row carrying its display name."""
    rows = json.loads(FIXTURE.read_bytes())
    public = {**rows[0], "datasetId": "v2_Public_Eval"}
    named = {**rows[1], "modelId": "o3-2025-04-16-medium-named", "modelDisplayName": "o3 (Medium)"}
    return json.dumps([*rows, public, named]).encode()


@pytest.fixture(scope="module")
def staged():
    con = duckdb.connect(":memory:")
    prepare(con, (SOURCE,))
    payloads = [(OFFICIAL, _official_extra_rows())] + [
        (SOURCE.endpoint(f"arc_agi_{v}_derived"), seed_bytes(SOURCE, file)) for v, file in SEEDS.items()
    ]
    for endpoint, payload in payloads:
        load_payload(con, endpoint, payload, dt.date(2025, 8, 29))
    build_tables(con, "staging.stg_arc_prize__results")
    yield con
    con.close()


def _rows(con, query: str) -> list[tuple]:
    return con.execute(query).fetchall()


def test_staging_unions_official_and_derived(staged):
    counts = _rows(
        staged,
        "SELECT origin, benchmark, count(*) FROM staging.stg_arc_prize__results GROUP BY ALL ORDER BY ALL",
    )
    assert counts == [
        ("derived", "arc_agi_1", 70),
        ("derived", "arc_agi_2", 70),
        ("official", "arc_agi_1", 9),
        ("official", "arc_agi_2", 8),
        ("official", "arc_agi_2_public_eval", 1),
    ]
    assert (
        _rows(
            staged,
            "SELECT entry_id FROM staging.stg_arc_prize__results "
            "GROUP BY origin, dataset_id, entry_id, snapshot_sha256 HAVING count(*) > 1",
        )
        == []
    )
    provenance = dict(_rows(staged, "SELECT DISTINCT origin, provenance FROM staging.stg_arc_prize__results"))
    assert provenance["derived"].startswith("third-party")


def test_staging_official_scores_are_percent_with_efforts(staged):
    rows = _rows(
        staged,
        "SELECT model_name, effort, base_model, round(score, 6), cost_per_task_usd, released_on "
        "FROM staging.stg_arc_prize__results WHERE origin = 'official' AND benchmark = 'arc_agi_1' "
        "AND model_group = 'o3-2025-04-16' ORDER BY score",
    )
    assert rows == [
        ("o3-2025-04-16-low", "low", "o3-2025-04-16", 41.5, 0.1764, dt.date(2025, 4, 16)),
        ("o3-2025-04-16-medium", "medium", "o3-2025-04-16", 53.8, 0.2882, dt.date(2025, 4, 16)),
        ("o3 (Medium)", "medium", "o3", 53.8, 0.2882, dt.date(2025, 4, 16)),  # display name wins
        ("o3-2025-04-16-high", "high", "o3-2025-04-16", 60.8, 0.5002, dt.date(2025, 4, 16)),
    ]
    grok = _rows(
        staged,
        "SELECT effort, is_human_baseline FROM staging.stg_arc_prize__results "
        "WHERE origin = 'official' AND model_id IN ('grok-4-0709', 'human_panel') ORDER BY model_id",
    )
    assert grok == [(None, False), (None, False), (None, True), (None, True)]  # no suffix after the group


def test_staging_derived_efforts_only_when_unambiguous(staged):
    efforts = dict(
        _rows(
            staged,
            "SELECT model_name, effort FROM staging.stg_arc_prize__results WHERE dataset_id = 'v1_Semi_Private' "
            "AND origin = 'derived'",
        )
    )
    assert efforts["GPT-5 (Minimal)"] == "minimal"
    assert efforts["Claude Opus 4 (Thinking 16K)"] == "thinking 16k"
    assert efforts["Gemini 2.5 Flash (Preview) (Thinking 24K)"] == "thinking 24k"
    assert efforts["Grok 4 (Thinking)"] == "thinking"
    ambiguous = ("Claude 3.7 (16K)", "Gemini 2.5 Flash (Preview)", "Magistral Medium", "Deepseek R1 (05/28)")
    assert [efforts[name] for name in ambiguous] == [None] * len(ambiguous)
    humans = _rows(
        staged,
        "SELECT model_name FROM staging.stg_arc_prize__results "
        "WHERE is_human_baseline AND origin = 'derived' AND dataset_id = 'v1_Semi_Private' ORDER BY 1",
    )
    assert humans == [("Avg. Mturker",), ("Human Panel",), ("Stem Grad",)]
