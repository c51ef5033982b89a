"""Epoch AI: zip members on the real seeds, zip safety, CSV quirks, and the staging tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import struct
import zipfile
from pathlib import Path

import polars as pl
import pytest

from sources.archive import Archive
from sources.epoch import ECI_SEED, SOURCE, STITCHING_SEED
from sources.epoch.archive_zip import read_member
from sources.errors import ParseError
from sources.http import HttpClient
from warehouse.ingest import ingest_source
from warehouse.models import build, sql_models

STITCHING = SOURCE.seed_path(STITCHING_SEED).read_bytes()
ECI = SOURCE.seed_path(ECI_SEED).read_bytes()

# sha256 prefixes of the recorded files, from the snapshot manifest.
RECORDED = {
    "benchmarks_runs.csv": "5907dfcbd446aeec",
    "model_versions.csv": "08025ffc7b5c0078",
    "external_benchmark_aider_polyglot.csv": "020086010f6bdd3b",
    "external_benchmark_arc_agi.csv": "4b227f7d3d4f7205",
    "external_benchmark_metr.csv": "9665b4f6a2d5a2cf",
    "external_benchmark_terminal_bench.csv": "345a38e18b2c17e7",
}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _member(payload: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return archive.read(name)


def _with_member(name: str, data: bytes) -> bytes:
    """The 2025-12-03 seed with one member replaced."""
    with zipfile.ZipFile(io.BytesIO(STITCHING)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    return _zip({**members, name: data})


def _declare_size(payload: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size every header declares for the (single) member: a lying header."""
    data = bytearray(payload)
    local = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, size)
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, size)
    return bytes(data)


def _endpoint(name: str):
    return SOURCE.endpoint(name)


# -- the seeds ------------------------------------------------------------------------------------


def test_seed_zips_hold_the_recorded_files_unchanged_with_fixed_timestamps():
    with zipfile.ZipFile(io.BytesIO(STITCHING)) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(RECORDED)
        assert {i.date_time for i in infos} == {(2025, 12, 3, 0, 0, 0)}
        for info in infos:
            assert hashlib.sha256(archive.read(info)).hexdigest().startswith(RECORDED[info.filename])
    eci = _member(ECI, "epoch_capabilities_index.csv")
    assert hashlib.sha256(eci).hexdigest().startswith("646f6e246ab9a0fa")  # metr_graph's copy, unchanged


@pytest.mark.parametrize(
    ("endpoint", "payload", "rows"),
    [
        ("benchmarks_runs", STITCHING, 541),
        ("model_versions", STITCHING, 574),
        ("external_aider_polyglot", STITCHING, 68),
        ("external_arc_agi", STITCHING, 56),
        ("external_metr", STITCHING, 30),
        ("external_terminal_bench", STITCHING, 61),
        ("capabilities_index", ECI, 585),
    ],
)
def test_every_endpoint_parses_its_member_of_the_real_seed(endpoint, payload, rows):
    assert _endpoint(endpoint).parse(payload).height == rows


def test_runs_bom_header_and_free_text_dates_are_kept():
    frame = _endpoint("benchmarks_runs").parse(STITCHING)
    assert frame.columns[0] == "id"  # the UTF-8 BOM is not part of the first field name
    run = frame.row(by_predicate=pl.col("id") == "V3YQtSEnQ3TPZEPPgkCKQM", named=True)
    assert run["task"] == "GPQA diamond" and run["model"] == "gpt-5.1_medium"
    assert run["Best score (across scorers)"] == 0.85 and run["Scores"] == "choice:0.85±0.02"
    assert run["started_at"] == "17 November 2025 4:28pm"
    assert frame["started_at"].null_count() == 4  # blank in the CSV, not dropped rows


def test_model_versions_multiline_cells_and_release_dates():
    frame = _endpoint("model_versions").parse(STITCHING)
    notes = frame.row(by_predicate=pl.col("id") == "code-davinci-002", named=True)["Notes"]
    assert notes.startswith("was deprecated 2024-01-04\n\nwas likely released in early 2022")
    newest = frame.row(by_predicate=pl.col("id") == "gpt-5.1_medium", named=True)
    assert newest["Version release date"] == dt.date(2025, 11, 13)


def test_units_in_cells_become_numbers():
    aider = _endpoint("external_aider_polyglot").parse(STITCHING)
    gpt5 = aider.row(by_predicate=pl.col("Model version") == "gpt-5-2025-08-07_high", named=True)
    assert gpt5["Cost"] == 0.13 and gpt5["Percent correct"] == 88.0
    arc = _endpoint("external_arc_agi").parse(STITCHING)
    assert arc.row(by_predicate=pl.col("Name") == "o4-mini (Medium)", named=True)["Score"] == 42.0
    tbench = _endpoint("external_terminal_bench").parse(STITCHING)
    apex = tbench.row(by_predicate=pl.col("id") == "recj1FdLi6DQg1cOt", named=True)
    assert (apex["Agent"], apex["Accuracy mean"], apex["Accuracy SE"]) == ("Apex2", 64.5, 0.6)
    metr = _endpoint("external_metr").parse(STITCHING)
    sonnet = metr.row(by_predicate=pl.col("Model version") == "claude-3-5-sonnet-20240620", named=True)
    assert (sonnet["CI_low"], sonnet["Time horizon"], sonnet["CI_high"]) == (9.492954, 18.21683, 34.472569)


def test_capabilities_index_keeps_confidence_and_blank_scores():
    frame = _endpoint("capabilities_index").parse(ECI)
    mythos = frame.row(by_predicate=pl.col("Model version") == "claude-mythos-2026-04-07", named=True)
    assert mythos["ECI Score"] == 161.0 and mythos["Confidence"] == "Unverified"
    assert frame["ECI Score"].null_count() == 285


# -- zip safety -----------------------------------------------------------------------------------


def test_missing_member_is_an_error_naming_it():
    with pytest.raises(ParseError) as caught:
        _endpoint("capabilities_index").parse(STITCHING)  # the 2025 seed has no ECI file
    assert caught.value.field == "epoch_capabilities_index.csv"
    assert "missing" in caught.value.message and "benchmarks_runs.csv" in caught.value.message


@pytest.mark.parametrize(
    "name",
    [
        "../benchmarks_runs.csv",
        "data/../../x.csv",
        "/etc/benchmarks_runs.csv",
        "C:\\benchmarks_runs.csv",
        "..\\x.csv",
    ],
)
def test_unsafe_member_paths_are_refused(name):
    payload = _zip({"benchmarks_runs.csv": _member(STITCHING, "benchmarks_runs.csv"), name: b"a\n1\n"})
    with pytest.raises(ParseError) as caught:
        _endpoint("benchmarks_runs").parse(payload)
    assert caught.value.field == name


def test_member_in_a_folder_is_found_by_file_name():
    metr = _member(STITCHING, "external_benchmark_metr.csv")
    payload = _zip({"benchmark_data/external_benchmark_metr.csv": metr})
    assert _endpoint("external_metr").parse(payload).height == 30


def test_zip_bomb_is_refused_from_its_declared_size_before_inflating():
    # Declares 300 MiB (over the 256 MiB total) for a few real bytes: refused on the declaration alone.
    bomb = _declare_size(_zip({"benchmarks_runs.csv": b"id\n1\n"}), 300 * 1024 * 1024)
    with pytest.raises(ParseError, match="declares 314572800 uncompressed bytes"):
        _endpoint("benchmarks_runs").parse(bomb)
    per_member = _zip({"benchmarks_runs.csv": b"0" * 2000})
    with pytest.raises(ParseError, match="declares 2000 uncompressed bytes, over the cap of 1000"):
        read_member(per_member, "benchmarks_runs.csv", max_member_bytes=1000)


def test_header_understating_the_size_is_refused():
    liar = _declare_size(_zip({"benchmarks_runs.csv": _member(STITCHING, "benchmarks_runs.csv")}), 100)
    with pytest.raises(ParseError) as caught:
        _endpoint("benchmarks_runs").parse(liar)
    assert caught.value.field == "benchmarks_runs.csv"


def test_inflated_bytes_are_counted_whatever_the_header_says(monkeypatch):
    payload = _zip({"benchmarks_runs.csv": b"0" * 500})
    # A zip reader that does not stop at the declared size: the count must still stop it.
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info: io.BytesIO(b"0" * 5000))
    with pytest.raises(ParseError, match="inflates past"):
        read_member(payload, "benchmarks_runs.csv", max_member_bytes=1000)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (STITCHING[: len(STITCHING) // 2], "not a readable zip"),
        (b"", "empty body"),
        (b"<!DOCTYPE html><html><body>502</body></html>", "not a readable zip"),
    ],
    ids=["truncated", "empty", "html"],
)
def test_bodies_that_are_not_zips(body, expected):
    with pytest.raises(ParseError, match=expected):
        _endpoint("model_versions").parse(body)


# -- CSV content ----------------------------------------------------------------------------------


def _runs_csv(old: bytes, new: bytes) -> bytes:
    return _with_member("benchmarks_runs.csv", _member(STITCHING, "benchmarks_runs.csv").replace(old, new, 1))


def test_renamed_required_column_names_the_field():
    with pytest.raises(ParseError) as caught:
        _endpoint("benchmarks_runs").parse(_runs_csv(b",task,model,", b",Task,model,"))
    assert caught.value.field == "task"


def test_header_only_csv_is_an_empty_list_error():
    header = _member(STITCHING, "external_benchmark_metr.csv").split(b"\n", 1)[0] + b"\n"
    with pytest.raises(ParseError) as caught:
        _endpoint("external_metr").parse(_with_member("external_benchmark_metr.csv", header))
    assert caught.value.field == "<records>"


def test_wrong_types_name_the_field():
    with pytest.raises(ParseError) as caught:
        _endpoint("benchmarks_runs").parse(_runs_csv(b",0.850,choice", b",high,choice"))
    assert caught.value.field == "Best score (across scorers)"
    arc = _member(STITCHING, "external_benchmark_arc_agi.csv").replace(b",42%,", b",42 percent,", 1)
    with pytest.raises(ParseError) as caught:
        _endpoint("external_arc_agi").parse(_with_member("external_benchmark_arc_agi.csv", arc))
    assert caught.value.field == "Score" and "line 2" in caught.value.message
    aider = _member(STITCHING, "external_benchmark_aider_polyglot.csv").replace(b"$0.1300", b"$n/a", 1)
    with pytest.raises(ParseError) as caught:
        _endpoint("external_aider_polyglot").parse(
            _with_member("external_benchmark_aider_polyglot.csv", aider)
        )
    assert caught.value.field == "Cost"


def test_row_longer_than_the_header_and_non_utf8_are_errors():
    metr = _member(STITCHING, "external_benchmark_metr.csv")
    with pytest.raises(ParseError, match="more cells than the header"):
        long_row = metr + b"a,b,1,2,3,4,5,6,7,8\n"
        _endpoint("external_metr").parse(_with_member("external_benchmark_metr.csv", long_row))
    with pytest.raises(ParseError, match="not UTF-8"):
        _endpoint("external_metr").parse(_with_member("external_benchmark_metr.csv", metr + b"\xff\xfe,x\n"))


# -- staging --------------------------------------------------------------------------------------


def _staged(con, tmp_path: Path, extra: bytes | None = None):
    """Seeds (plus an optional later zip, as a live fetch of the shared URL) -> Epoch staging."""
    archive = Archive(tmp_path / "archive")
    if extra is not None:
        from sources.archive import FetchLogEntry

        digest = archive.put(extra)
        for endpoint in SOURCE.endpoints:
            archive.log(
                FetchLogEntry(
                    "epoch",
                    endpoint.key,
                    endpoint.url,
                    "2026-11-01T00:00:00",
                    "live",
                    200,
                    len(extra),
                    digest,
                )
            )
    ingest_source(con, SOURCE, archive, HttpClient(), offline=True)
    for model in sql_models():
        if model.name.startswith("stg_epoch__"):
            build(con, model)


def test_staging_tables(con, tmp_path):
    _staged(con, tmp_path)
    counts = {
        t: con.execute(f"SELECT count(*) FROM staging.stg_epoch__{t}").fetchall()[0][0]
        for t in ("benchmark_runs", "model_versions", "external_benchmarks", "capabilities_index")
    }
    assert counts == {
        "benchmark_runs": 541,
        "model_versions": 574,
        "external_benchmarks": 215,
        "capabilities_index": 585,
    }
    run = con.execute(
        "SELECT benchmark, effort, score, score_unit, started_at, released_on, snapshot_date "
        "FROM staging.stg_epoch__benchmark_runs WHERE run_id = 'V3YQtSEnQ3TPZEPPgkCKQM'"
    ).fetchall()[0]
    assert run == (
        "gpqa_diamond",
        "medium",
        0.85,
        "fraction",
        dt.datetime(2025, 11, 17, 16, 28),
        dt.date(2025, 11, 13),
        dt.date(2025, 12, 3),
    )
    efforts = dict(
        con.execute(
            "SELECT model_name, [effort, thinking_budget_tokens::VARCHAR] FROM staging.stg_epoch__model_versions "
            "WHERE model_name IN ('claude-sonnet-4-5-20250929_32K', 'o3-2025-04-16_low', 'grok-4-0709')"
        ).fetchall()
    )
    assert efforts == {
        "claude-sonnet-4-5-20250929_32K": [None, "32000"],
        "o3-2025-04-16_low": ["low", None],
        "grok-4-0709": [None, None],
    }
    aider = con.execute(
        "SELECT scaffold, cost_per_task_usd, effort FROM staging.stg_epoch__external_benchmarks "
        "WHERE benchmark = 'aider_polyglot' AND model_name = 'gpt-5-2025-08-07_high'"
    ).fetchall()
    assert aider == [("diff", 0.13, "high")]
    flags = dict(
        con.execute(
            "SELECT model_name, is_unverified FROM staging.stg_epoch__capabilities_index "
            "WHERE model_name IN ('claude-mythos-2026-04-07', 'gpt-5.1-2025-11-13_high')"
        ).fetchall()
    )
    assert flags == {"claude-mythos-2026-04-07": True, "gpt-5.1-2025-11-13_high": False}


def test_unparseable_date_is_null_with_its_text_kept_and_snapshots_are_kept(con, tmp_path):
    later = _runs_csv(b"17 November 2025 4:28pm", b"sometime in November")
    _staged(con, tmp_path, extra=later)
    rows = con.execute(
        "SELECT snapshot_date, started_at, started_at_text FROM staging.stg_epoch__benchmark_runs "
        "WHERE run_id = 'V3YQtSEnQ3TPZEPPgkCKQM' ORDER BY snapshot_date"
    ).fetchall()
    assert rows == [
        (dt.date(2025, 12, 3), dt.datetime(2025, 11, 17, 16, 28), "17 November 2025 4:28pm"),
        (dt.date(2026, 11, 1), None, "sometime in November"),
    ]
