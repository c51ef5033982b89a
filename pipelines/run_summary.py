"""What a refresh did, read from its Dagster events: per endpoint how it was served, per check
whether it passed, and the failures with their first failing rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from dagster import DagsterEventType


@dataclass(frozen=True)
class EndpointLine:
    asset: str
    mode: str
    stale: bool
    new_rows: int
    rows: int
    error: str | None


@dataclass(frozen=True)
class CheckLine:
    asset: str
    check: str
    passed: bool
    severity: str
    summary: str
    failing_rows: str | None


@dataclass
class RunSummary:
    success: bool
    endpoints: list[EndpointLine] = field(default_factory=list)
    tables: dict[str, int] = field(default_factory=dict)
    checks: list[CheckLine] = field(default_factory=list)
    step_failures: list[str] = field(default_factory=list)

    @property
    def failed_checks(self) -> list[CheckLine]:
        return [c for c in self.checks if not c.passed]


def _value(metadata, key, default=None):
    entry = metadata.get(key)
    return default if entry is None else entry.value


def summarize(result) -> RunSummary:
    summary = RunSummary(success=result.success)
    for event in result.all_events:
        kind = event.event_type
        if kind == DagsterEventType.ASSET_MATERIALIZATION:
            materialization = event.event_specific_data.materialization
            asset = materialization.asset_key.to_user_string()
            metadata = materialization.metadata
            rows = _value(metadata, "dagster/row_count", 0)
            if "mode" in metadata:
                summary.endpoints.append(
                    EndpointLine(
                        asset,
                        _value(metadata, "mode"),
                        bool(_value(metadata, "stale")),
                        int(_value(metadata, "new_rows", 0)),
                        int(rows),
                        _value(metadata, "fetch_error"),
                    )
                )
            else:
                summary.tables[asset] = int(rows)
        elif kind == DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.event_specific_data
            summary.checks.append(
                CheckLine(
                    evaluation.asset_key.to_user_string(),
                    evaluation.check_name,
                    evaluation.passed,
                    evaluation.severity.value,
                    _value(evaluation.metadata, "summary", ""),
                    _value(evaluation.metadata, "failing_rows"),
                )
            )
        elif kind == DagsterEventType.STEP_FAILURE:
            error = event.event_specific_data.error
            while error is not None and error.cause is not None:  # the user error, not Dagster's wrapper
                error = error.cause
            summary.step_failures.append(
                f"{event.step_key}: {error.message.strip() if error else event.message}"
            )
    return summary
