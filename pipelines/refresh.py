"""Running the nightly job in this process, the way the schedule runs it, with live progress."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable

from dagster import AssetKey, AssetSelection, DagsterEventType, DagsterInstance

from pipelines.run_summary import RunSummary, summarize
from sources.registry import source

_STEP_ENDS = {DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE, DagsterEventType.STEP_SKIPPED}
StepCallback = Callable[[str, str], None]  # (step key, "success" | "failure" | "skipped")


def run_refresh(
    *, offline: bool = False, only: list[str] | None = None, on_step: StepCallback | None = None
) -> RunSummary:
    """Run `nightly_refresh` (all assets, or the named sources and everything downstream)."""
    from pipelines.definitions import defs

    job = defs.resolve_job_def("nightly_refresh")
    selection = None
    if only:
        keys = [AssetKey(["raw", e.table]) for slug in only for e in source(slug).endpoints]
        selection = list(AssetSelection.assets(*keys).downstream().resolve(defs.resolve_asset_graph()))
    instance = DagsterInstance.get()
    run_id = str(uuid.uuid4())
    done = threading.Event()
    watcher = threading.Thread(target=_watch, args=(instance, run_id, on_step, done), daemon=True)
    if on_step:
        watcher.start()
    try:
        result = job.execute_in_process(
            run_config={
                "resources": {"fetcher": {"config": {"offline": offline}}},
                "loggers": {"console": {"config": {"log_level": "CRITICAL"}}},
            },
            instance=instance,
            asset_selection=selection,
            raise_on_error=False,
            run_id=run_id,
            tags={"frontier/trigger": "cli", "frontier/offline": str(offline).lower()},
        )
    finally:
        done.set()
        if on_step:
            watcher.join()
    return summarize(result)


def _watch(instance: DagsterInstance, run_id: str, on_step: StepCallback, done: threading.Event) -> None:
    """Report each step as it ends, by polling the run's event log (the run writes it as it goes)."""
    seen = 0
    while True:
        finished = done.is_set()
        events = [e for e in instance.all_logs(run_id) if e.dagster_event_type in _STEP_ENDS]
        for entry in events[seen:]:
            status = entry.dagster_event_type.value.removeprefix("STEP_").lower()
            on_step(entry.step_key, status)
        seen = len(events)
        if finished:
            return
        time.sleep(0.5)
