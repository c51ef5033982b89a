"""Artificial Analysis: both payload shapes onto one column set, bad input, the API key, staging."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import httpx
import pytest
import respx

from sources.acquire import ARCHIVE_ONLY, LIVE, acquire
from sources.archive import Archive, FetchLogEntry
from sources.artificial_analysis import SOURCE
from sources.errors import ParseError
from sources.http import HttpClient
from tests.conftest import seed_bytes
from warehouse.ingest import ingest_source
from warehouse.models import build, sql_model

MODELS = SOURCE.endpoint("models")
OPENROUTER = SOURCE.endpoint("openrouter_benchmark_scores")
REDUCED_SEED = seed_bytes(SOURCE, "aa_models_2026-07-05.json")
OPENROUTER_SEED = seed_bytes(SOURCE, "benchmark_scores_openrouter-derived_2026-08-06.json")
# The API's shape, built from real values: slugs, speeds, TTFTs and indices are copied from the reduced
# seed (o3, gpt-oss-120b, grok-1). The seed has no names, creators, dates or prices; the fixture adds
# only public facts (o3 is OpenAI's, released 2025-04-16, list price $2/$8 per 1M tokens, so $3.5
# blended 3:1) and leaves out AA's uuid `id`, which no recorded payload carries.
FIXTURES = Path(__file__).parents[1] / "fixtures" / "artificial_analysis"
API_FIXTURE = (FIXTURES / "models_api_shape.json").read_bytes()
KEY_ENV = "ARTIFICIAL_ANALYSIS_API_KEY"

SHARED = [
    "slug",
    "evaluations__artificial_analysis_intelligence_index",
    "evaluations__artificial_analysis_coding_index",
    "median_output_tokens_per_second",
    "median_time_to_first_token_seconds",
]


def _row(frame, slug: str) -> dict:
    return frame.filter(frame["slug"] == slug).to_dicts()[0]


# -- parsers on the real seeds --------------------------------------------------------------------


def test_reduced_seed_maps_onto_the_api_fields():
    frame = MODELS.parse(REDUCED_SEED)
    assert frame.height == 542 and set(frame["payload_shape"]) == {"token_tariff_reduced"}
    o3 = _row(frame, "o3")
    assert o3["median_output_tokens_per_second"] == 136.117
    assert o3["median_time_to_first_token_seconds"] == 5.273
    assert o3["evaluations__artificial_analysis_intelligence_index"] == 30.4
    assert o3["evaluations__artificial_analysis_coding_index"] is None
    assert o3["pricing__price_1m_input_tokens"] is None and o3["name"] is None


def test_api_shape_fixture_gives_the_same_columns_and_values():
    api = MODELS.parse(API_FIXTURE)
    reduced = MODELS.parse(REDUCED_SEED)
    assert api.columns == reduced.columns and set(api["payload_shape"]) == {"api"}
    for slug in ("o3", "gpt-oss-120b", "grok-1"):
        assert {k: _row(api, slug)[k] for k in SHARED} == {k: _row(reduced, slug)[k] for k in SHARED}
    o3 = _row(api, "o3")
    assert (o3["name"], o3["model_creator__slug"]) == ("o3", "openai")
    assert o3["release_date"] == dt.date(2025, 4, 16)
    assert (
        o3["pricing__price_1m_blended_3_to_1"],
        o3["pricing__price_1m_input_tokens"],
        o3["pricing__price_1m_output_tokens"],
    ) == (3.5, 2.0, 8.0)


def test_openrouter_derived_seed():
    frame = OPENROUTER.parse(OPENROUTER_SEED)
    assert frame.height == 107
    assert _row(frame.rename({"id": "slug"}), "anthropic/claude-opus-5") == {
        "slug": "anthropic/claude-opus-5",
        "intelligence": 60.7,
        "coding": 78.0,
        "agentic": 55.3,
    }


# -- bad input ------------------------------------------------------------------------------------


def _api(*models, **top) -> bytes:
    return json.dumps({"status": 200, "data": list(models), **top}).encode()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"[1, 2]", "<body>"),  # unknown shape: a list
        (b'{"o3": 30.4}', "<body>"),  # unknown shape: values are not objects
        (b"{}", "<body>"),
        (b'{"o3": {"tps": 1, "ttft": 1, "intelligence": 1, "coding": 1}}', "speed"),  # renamed
        (
            b'{"o3": {"speed": "fast", "ttft": 1, "intelligence": 1, "coding": 1}}',
            "median_output_tokens_per_second",
        ),  # wrong type, named by the column it maps onto
        (_api({"name": "o3"}), "slug"),
        (
            _api({"slug": "o3", "evaluations": {"artificial_analysis_intelligence_index": "high"}}),
            "evaluations__artificial_analysis_intelligence_index",
        ),
        (_api(), "<records>"),  # empty list
        (b'{"status": 200, "data": {"o3": {}}}', "data"),
        (_api({"slug": "o3"}, status=500), "status"),
        (b"<!DOCTYPE html><html></html>", "<body>"),
    ],
    ids=[
        "list",
        "flat_map",
        "empty_map",
        "renamed",
        "reduced_type",
        "api_no_slug",
        "api_type",
        "api_empty",
        "data_not_list",
        "status",
        "html",
    ],
)
def test_models_bad_input_names_the_field(body, field):
    with pytest.raises(ParseError) as caught:
        MODELS.parse(body)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"x/y": {"intelligence": 1, "coding": 2}}', "agentic"),
        (b'{"x/y": [1, 2, 3]}', "intelligence"),
        (b'{"x/y": {"intelligence": "n/a", "coding": 2, "agentic": 3}}', "intelligence"),
        (b"{}", "<records>"),
        (b"[]", "<body>"),
    ],
    ids=["missing", "not_a_map", "wrong_type", "empty", "list"],
)
def test_openrouter_scores_bad_input_names_the_field(body, field):
    with pytest.raises(ParseError) as caught:
        OPENROUTER.parse(body)
    assert caught.value.field == field


# -- the API key ----------------------------------------------------------------------------------


def _refusing_client(requests: list) -> HttpClient:
    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        raise AssertionError(f"no request expected, got {request.url}")

    return HttpClient(attempts=1, transport=httpx.MockTransport(handler))


def test_without_the_key_the_archive_is_served_and_nothing_is_requested(tmp_path, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    archive = Archive(tmp_path / "archive")
    archive.seed(SOURCE)
    requests: list = []
    acquisition = acquire(SOURCE, MODELS, archive, _refusing_client(requests), offline=False)
    assert acquisition.mode == ARCHIVE_ONLY and acquisition.stale
    assert KEY_ENV in acquisition.error
    assert archive.read(acquisition.sha256) == REDUCED_SEED
    assert requests == []


def test_with_the_key_it_is_sent_in_the_header(tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_ENV, "test-key-123")
    archive = Archive(tmp_path / "archive")
    with respx.mock:
        route = respx.get(MODELS.url).respond(200, content=API_FIXTURE)
        acquisition = acquire(SOURCE, MODELS, archive, HttpClient(attempts=1), offline=False)
    assert acquisition.mode == LIVE and archive.read(acquisition.sha256) == API_FIXTURE
    assert route.calls.last.request.headers["x-api-key"] == "test-key-123"


def test_the_key_never_goes_to_the_token_tariff_host(tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_ENV, "test-key-123")
    with respx.mock:
        route = respx.get(OPENROUTER.url).respond(200, content=b"{}")
        acquire(SOURCE, OPENROUTER, Archive(tmp_path / "archive"), HttpClient(attempts=1), offline=False)
    assert "x-api-key" not in route.calls.last.request.headers


# -- staging --------------------------------------------------------------------------------------


def test_staging_keeps_every_origin(con, tmp_path):
    archive = Archive(tmp_path / "archive")
    digest = archive.put(API_FIXTURE)  # as if fetched live with a key
    archive.log(
        FetchLogEntry(
            SOURCE.slug, MODELS.key, MODELS.url, "2026-11-01T03:00:00", "live", 200, len(API_FIXTURE), digest
        )
    )
    ingest_source(con, SOURCE, archive, HttpClient(), offline=True)
    assert build(con, sql_model("staging.stg_artificial_analysis__models")) == 542 + 107 + 3
    origins = dict(
        con.execute(
            "SELECT origin, count(*) FROM staging.stg_artificial_analysis__models GROUP BY origin"
        ).fetchall()
    )
    assert origins == {"token_tariff_reduced": 542, "openrouter_derived": 107, "api": 3}
    o3 = con.execute(
        "SELECT origin, intelligence_index, output_tokens_per_second, price_1m_blended_usd, "
        "price_1m_input_usd, price_1m_output_usd, creator_slug, released_on, snapshot_date "
        "FROM staging.stg_artificial_analysis__models WHERE slug = 'o3' ORDER BY snapshot_date"
    ).fetchall()
    assert o3 == [
        ("token_tariff_reduced", 30.4, 136.117, None, None, None, None, None, dt.date(2026, 7, 5)),
        ("api", 30.4, 136.117, 3.5, 2.0, 8.0, "openai", dt.date(2025, 4, 16), dt.date(2026, 11, 1)),
    ]
    grok = con.execute(
        "SELECT DISTINCT output_tokens_per_second, ttft_seconds FROM staging.stg_artificial_analysis__models "
        "WHERE slug = 'grok-1'"
    ).fetchall()
    assert grok == [(None, None)]  # AA's 0 means "not measured"
    opus = con.execute(
        "SELECT creator_slug, agentic_index, snapshot_date FROM staging.stg_artificial_analysis__models "
        "WHERE origin = 'openrouter_derived' AND slug = 'anthropic/claude-opus-5'"
    ).fetchall()
    assert opus == [("anthropic", 55.3, dt.date(2026, 8, 6))]
