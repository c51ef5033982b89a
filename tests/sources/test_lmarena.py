"""LMArena (all-the-benchmarks' derived YAML): parser on the real seed, bad input, staging."""

from __future__ import annotations

import datetime as dt

import pytest

from sources.archive import Archive
from sources.errors import ParseError
from sources.http import HttpClient
from sources.lmarena import SOURCE
from tests.conftest import seed_bytes
from warehouse.ingest import ingest_source
from warehouse.models import build, sql_model

ENDPOINT = SOURCE.endpoint("text_derived")
SEED = seed_bytes(SOURCE, "lmarena-text_derived_all-the-benchmarks.yaml")


def test_real_seed():
    frame = ENDPOINT.parse(SEED)
    assert frame.height == 265 and frame["model"].n_unique() == 265
    assert set(frame["benchmark"]) == {"LMArena Text"}
    elo = dict(zip(frame["model"], frame["elo"], strict=True))
    assert elo["gemini-2.5-pro"] == pytest.approx(1470.308911507586)
    assert elo["gemini-2.5-pro-preview-05-06"] == 1446.0
    assert elo["llama-13b"] == pytest.approx(840.7338404628586)


def test_seed_is_dated_as_the_file_last_changed():
    (seed,) = ENDPOINT.seeds
    assert seed.recorded_on == dt.date(2025, 8, 7)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"benchmark: LMArena Text\nresult:\n  gpt-4: 1200\n", "results"),  # renamed
        (b"results:\n  gpt-4: 1200\n", "benchmark"),  # missing
        (b"benchmark: LMArena Text\nresults:\n  - gpt-4\n", "results"),  # a list, not a map
        (b"benchmark: LMArena Text\nresults: {}\n", "<records>"),  # empty
        (b"benchmark: LMArena Text\nresults:\n  gpt-4: strong\n", "elo"),  # wrong type
        (b"benchmark: LMArena Text\nresults:\n  gpt-4:\n", "elo"),  # null Elo
        (b"<!DOCTYPE html><html></html>", "<body>"),
    ],
    ids=["renamed", "missing_benchmark", "list", "empty", "wrong_type", "null", "html"],
)
def test_bad_input_names_the_field(body, field):
    with pytest.raises(ParseError) as caught:
        ENDPOINT.parse(body)
    assert caught.value.field == field


def test_staging(con, tmp_path):
    ingest_source(con, SOURCE, Archive(tmp_path / "archive"), HttpClient(), offline=True)
    assert build(con, sql_model("staging.stg_lmarena__elo")) == 265
    row = con.execute(
        "SELECT benchmark, score, score_unit, effort, total_cost_usd, snapshot_date "
        "FROM staging.stg_lmarena__elo WHERE model_name = 'o3-2025-04-16'"
    ).fetchall()
    assert row == [("lmarena_text", pytest.approx(1428.666158144465), "elo", None, None, dt.date(2025, 8, 7))]
