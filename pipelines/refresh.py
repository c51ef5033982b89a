"""Running the nightly job in this process, the way the schedule runs it."""

from __future__ import annotations

from dagster import AssetKey, AssetSelection, DagsterInstance

from pipelines.run_summary import RunSummary, summarize
from sources.registry import source


def run_refresh(*, offline: bool = False, only: list[str] | None = None) -> RunSummary:
    """Run `nightly_refresh` (all assets, or the named sources and everything downstream)."""
    from pipelines.definitions import defs

    job = defs.resolve_job_def("nightly_refresh")
    selection = None
    if only:
        keys = [AssetKey(["raw", e.table]) for slug in only for e in source(slug).endpoints]
        selection = list(AssetSelection.assets(*keys).downstream().resolve(defs.resolve_asset_graph()))
    result = job.execute_in_process(
        run_config={
            "resources": {"fetcher": {"config": {"offline": offline}}},
            "loggers": {"console": {"config": {"log_level": "WARNING"}}},
        },
        instance=DagsterInstance.get(),
        asset_selection=selection,
        raise_on_error=False,
        tags={"frontier/trigger": "cli", "frontier/offline": str(offline).lower()},
    )
    return summarize(result)
