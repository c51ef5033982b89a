"""Turning `checks` outcomes into Dagster check results, with the failing rows in metadata."""

from __future__ import annotations

from dagster import AssetCheckResult, AssetCheckSeverity, AssetKey, MetadataValue

from checks.outcome import CheckOutcome


def check_result(
    outcome: CheckOutcome,
    *,
    asset_key: AssetKey | None = None,
    check_name: str | None = None,
    severity: AssetCheckSeverity = AssetCheckSeverity.ERROR,
) -> AssetCheckResult:
    metadata = {"summary": MetadataValue.text(outcome.summary), **outcome.details}
    if outcome.failing_rows:
        metadata["failing_rows"] = MetadataValue.md(outcome.rows_markdown())
        metadata["failing_row_count"] = len(outcome.failing_rows)
    return AssetCheckResult(
        passed=outcome.passed,
        asset_key=asset_key,
        check_name=check_name,
        severity=severity,
        metadata=metadata,
        description=outcome.summary,
    )
