"""Raw assets: one multi-asset per source, one asset per endpoint (`raw/<source>__<endpoint>`).

Each run seeds the archive with the shipped payloads, fetches every endpoint live (or not, offline),
loads new snapshots, and reports freshness, volume and schema drift as checks on each raw table.
"""

import datetime as dt

from dagster import (
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    Backoff,
    Failure,
    MaterializeResult,
    MetadataValue,
    RetryPolicy,
    TableColumn,
    TableSchema,
    multi_asset,
)
from dagster_duckdb import DuckDBResource

from checks import generic
from pipelines.checks import check_result
from pipelines.metadata import preview
from pipelines.resources import Fetcher, open_warehouse
from sources.spec import Endpoint, Source
from warehouse.db import row_count
from warehouse.ingest import EndpointReport, ingest_source
from warehouse.raw import duckdb_type

FETCH_RETRY = RetryPolicy(max_retries=3, delay=30, backoff=Backoff.EXPONENTIAL)


def raw_key(endpoint: Endpoint) -> AssetKey:
    return AssetKey(["raw", endpoint.table])


def _spec(source: Source, endpoint: Endpoint) -> AssetSpec:
    where = endpoint.url if endpoint.live else f"{endpoint.url} (historical: seeds only)"
    return AssetSpec(
        key=raw_key(endpoint),
        group_name="raw",
        description=f"{source.title}: every payload of {where}.\n\nGrain: {endpoint.grain}, per snapshot.",
        kinds={"duckdb"},
        metadata={
            "url": MetadataValue.url(endpoint.url),
            "licence": source.licence,
            "cadence": source.cadence,
            "dagster/column_schema": TableSchema(
                columns=[
                    TableColumn(c.name, duckdb_type(c.dtype), description=c.description or None)
                    for c in endpoint.columns
                ]
            ),
        },
    )


def _check_specs(endpoint: Endpoint) -> list[AssetCheckSpec]:
    key = raw_key(endpoint)
    specs = [
        AssetCheckSpec(
            "volume",
            asset=key,
            blocking=True,
            description="the newest snapshot has not lost more than half the rows of the previous one",
        ),
        AssetCheckSpec(
            "schema_drift",
            asset=key,
            description="payload fields match the declared schema (no new or vanished fields)",
        ),
    ]
    if endpoint.live:
        specs.append(
            AssetCheckSpec("freshness", asset=key, description="fetched live within the last 36 hours")
        )
    return specs


def _materialization(con, report: EndpointReport) -> MaterializeResult:
    endpoint, acquisition = report.endpoint, report.acquisition
    entry = acquisition.entry
    metadata = {
        "mode": acquisition.mode,
        "stale": acquisition.stale,
        "payload_sha256": entry.sha256 if entry else None,
        "fetched_at": entry.fetched_at if entry else None,
        "fetched_from": entry.url if entry else None,
        "new_snapshots": len(report.loaded),
        "new_rows": sum(rows for _, rows in report.loaded),
        "dagster/row_count": row_count(con, endpoint.raw_table),
        "snapshots": row_count(con, f"(SELECT DISTINCT _snapshot_sha256 FROM {endpoint.raw_table})"),
    }
    if acquisition.error:
        metadata["fetch_error"] = acquisition.error
    if report.rejected:
        metadata["rejected_payloads"] = MetadataValue.md("\n".join(f"- {e}" for e in report.rejected))
    if entry:
        metadata["preview"] = preview(
            con,
            f"SELECT * EXCLUDE (_snapshot_sha256) FROM {endpoint.raw_table} WHERE _snapshot_sha256 = ?",
            [entry.sha256],
        )
    return MaterializeResult(asset_key=raw_key(endpoint), metadata=metadata)


def _checks(con, report: EndpointReport, now: dt.datetime):
    endpoint = report.endpoint
    key = raw_key(endpoint)
    yield check_result(generic.volume(con, endpoint.key), asset_key=key, check_name="volume")
    yield check_result(
        generic.schema_drift(con, endpoint.key, endpoint.declared_fields),
        asset_key=key,
        check_name="schema_drift",
        severity=AssetCheckSeverity.WARN,
    )
    if endpoint.live:
        yield check_result(
            generic.freshness(con, endpoint.key, now),
            asset_key=key,
            check_name="freshness",
            severity=AssetCheckSeverity.WARN,
        )


def raw_source_asset(source: Source):
    @multi_asset(
        name=f"{source.slug}_payloads",
        specs=[_spec(source, e) for e in source.endpoints],
        check_specs=[spec for e in source.endpoints for spec in _check_specs(e)],
        retry_policy=FETCH_RETRY,
        description=f"Fetch, archive and load {source.title} ({source.licence}; {source.cadence}).",
    )
    def _payloads(context: AssetExecutionContext, fetcher: Fetcher, warehouse: DuckDBResource):
        with open_warehouse(warehouse) as con:
            report = ingest_source(con, source, fetcher.archive(), fetcher.client(), offline=fetcher.offline)
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            for endpoint_report in report.endpoints:
                acquisition = endpoint_report.acquisition
                if acquisition.mode == "fallback":
                    context.log.warning(
                        f"{endpoint_report.endpoint.key}: live fetch failed ({acquisition.error}); "
                        f"serving archived payload {acquisition.sha256} — STALE"
                    )
                yield _materialization(con, endpoint_report)
                yield from _checks(con, endpoint_report, now)
        if report.errors:
            raise Failure(
                description="; ".join(str(e) for e in report.errors),
                metadata={"rejected": MetadataValue.md("\n".join(f"- {e}" for e in report.errors))},
                allow_retries=False,
            )

    return _payloads
