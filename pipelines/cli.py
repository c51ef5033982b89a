"""`frontier`: refresh the warehouse, see its state, query and export it, report on it, open the UI.

Every command fails with one sentence saying what to do, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import duckdb
import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from warehouse import settings

app = typer.Typer(
    help="frontier-ledger: what an hour of AI work costs, refreshed nightly.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
# Piped or captured output is not cut to 80 columns: tables stay readable in logs and files.
console = Console(width=None if sys.stdout.isatty() else 160)
FORMATS = ("table", "csv", "json", "parquet")


def _fail(message: str) -> None:
    console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(1)


@contextmanager
def _warehouse(read_only: bool = True):
    """A read-only connection, or one clear sentence about why there is none."""
    target, local = settings.warehouse_target(), settings.local_warehouse()
    if local is not None and not local.exists():
        _fail(f"no warehouse at {local}: run `frontier refresh` first")
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            _fail(f"the warehouse {target} is locked by another process (a refresh?): retry when it ends")
        raise
    try:
        yield con
    finally:
        con.close()


def _instance():
    from dagster import DagsterInstance

    from pipelines.instance import dagster_home

    dagster_home()
    return DagsterInstance.get()


@app.command()
def refresh(
    offline: Annotated[bool, typer.Option(help="never touch the network: build from the archive")] = False,
    only: Annotated[
        list[str] | None, typer.Option(help="refresh these sources (and what depends on them)")
    ] = None,
) -> None:
    """Run the nightly job now: fetch, archive, load, rebuild every table, run every check."""
    from pipelines.instance import dagster_home
    from pipelines.refresh import run_refresh

    dagster_home()
    marks = {"success": "[green]✓[/]", "failure": "[red]✗[/]", "skipped": "[yellow]–[/]"}
    with console.status("refreshing…") as status:
        steps = 0

        def on_step(step: str, outcome: str) -> None:
            nonlocal steps
            steps += 1
            console.print(f"{marks[outcome]} {step}", highlight=False)
            status.update(f"refreshing… {steps} steps done")

        try:
            summary = run_refresh(offline=offline, only=only or [], on_step=on_step)
        except KeyError as exc:
            _fail(str(exc.args[0]))
    _print_summary(summary)
    if not summary.success:
        raise typer.Exit(1)


def _print_summary(summary) -> None:
    sources = Table(title="sources", title_justify="left")
    for column in ("raw table", "served", "rows", "new rows"):
        sources.add_column(column)
    for line in summary.endpoints:
        served = f"[yellow]{line.mode} (stale)[/]" if line.stale else f"[green]{line.mode}[/]"
        sources.add_row(line.asset, served, str(line.rows), str(line.new_rows))
    console.print(sources)
    tables = Table(title="tables", title_justify="left")
    tables.add_column("table")
    tables.add_column("rows", justify="right")
    for name, rows in summary.tables.items():
        tables.add_row(name, str(rows))
    console.print(tables)
    failed = summary.failed_checks
    console.print(f"checks: {len(summary.checks) - len(failed)} passed, {len(failed)} failed")
    for check in (c for c in failed if c.severity == "ERROR"):
        console.print(f"  [red]ERROR[/] {check.asset} {check.check}: {check.summary}")
        if check.failing_rows:
            console.print("    " + "\n    ".join(check.failing_rows.splitlines()[:6]))
    warnings: dict[str, list] = {}
    for check in (c for c in failed if c.severity != "ERROR"):
        warnings.setdefault(check.check, []).append(check)
    for name, checks in warnings.items():
        if len(checks) > 3:  # e.g. freshness on every endpoint of an offline run: one line, not forty
            console.print(f"  [yellow]WARN[/] {name} on {len(checks)} tables, e.g. {checks[0].summary}")
            continue
        for check in checks:
            console.print(f"  [yellow]WARN[/] {check.asset} {name}: {check.summary}")
    for failure in summary.step_failures:
        console.print(f"[bold red]failed:[/] {failure}")
    verdict = "[green]refresh succeeded[/]" if summary.success else "[bold red]refresh failed[/]"
    console.print(f"{verdict}: warehouse {settings.warehouse_target()}")


@app.command()
def status() -> None:
    """Freshness of every source, the last run, failing checks, warehouse size."""
    from pipelines.definitions import defs
    from pipelines.status import check_statuses, endpoint_statuses

    instance = _instance()
    with _warehouse() as con:
        endpoints = endpoint_statuses(con)
    fetched = Table(title="sources (live fetches)", title_justify="left")
    for column in ("endpoint", "last live fetch (UTC)", "last attempt", "last error", "snapshots"):
        fetched.add_column(column)
    for e in endpoints:
        fetched.add_row(
            e.endpoint,
            str(e.last_live_fetch or "[yellow]never: archive only[/]"),
            str(e.last_attempt or "—"),
            (e.last_error or "")[:60],
            str(e.snapshots),
        )
    console.print(fetched)
    runs = instance.get_runs(limit=1)
    if runs:
        run = runs[0]
        console.print(
            f"last run: {run.run_id[:8]} {run.job_name} {run.status.value} (tags: {dict(run.tags)})"
        )
    keys = list(defs.resolve_asset_graph().asset_check_keys)
    failing = [c for c in check_statuses(instance, keys) if not c.passed]
    console.print(f"failing checks: {len(failing)}")
    for check in failing:
        console.print(f"  {check.severity} {check.asset} {check.check}: {check.summary}")
    local = settings.local_warehouse()
    size = f" ({local.stat().st_size / 1e6:.1f} MB)" if local else ""
    console.print(f"warehouse: {settings.warehouse_target()}{size}")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run on the warehouse (read-only)")],
    format: Annotated[str, typer.Option("--format", "-f", help=f"one of {', '.join(FORMATS)}")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write to a file instead")] = None,
) -> None:
    """Run a read-only SQL query on the warehouse."""
    if format not in FORMATS:
        _fail(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if format == "parquet" and output is None:
        _fail("parquet is binary: add --output FILE.parquet")
    with _warehouse() as con:
        try:
            frame = con.sql(query).pl()
        except duckdb.CatalogException as exc:
            _fail(f"{str(exc).splitlines()[0]}: `frontier tables` lists every table")
        except duckdb.Error as exc:
            _fail(str(exc).splitlines()[0])
    if format == "table":
        with pl.Config(
            tbl_rows=200,
            tbl_cols=-1,
            tbl_width_chars=console.width,
            fmt_str_lengths=80,
            tbl_hide_dataframe_shape=True,
        ):
            console.print(str(frame), highlight=False)
    elif format == "csv":
        text = frame.write_csv()
        output.write_text(text) if output else sys.stdout.write(text)
    elif format == "json":
        text = frame.write_json()
        output.write_text(text) if output else sys.stdout.write(text + "\n")
    else:
        frame.write_parquet(output)
    if output:
        console.print(f"{frame.height} rows written to {output}")


@app.command()
def tables() -> None:
    """The table catalog: every table with its grain, rows and last update."""
    from pipelines.status import table_statuses

    instance = _instance()
    with _warehouse() as con:
        statuses = table_statuses(con, instance)
    listing = Table(title="tables", title_justify="left")
    for column in ("table", "grain", "rows", "last updated (UTC)"):
        listing.add_column(column)
    for t in statuses:
        rows = "[yellow]not built[/]" if t.rows is None else str(t.rows)
        listing.add_row(t.table, t.grain, rows, str(t.last_updated or "—"))
    console.print(listing)


@app.command()
def export(directory: Annotated[Path, typer.Argument(help="where to write the files")]) -> None:
    """Every mart as Parquet and CSV with versioned names, plus a JSON data dictionary."""
    from pipelines.export import export_marts

    with _warehouse() as con:
        written = export_marts(con, directory)
    console.print(f"{len(written)} files written to {directory}")


@app.command()
def report(directory: Annotated[Path, typer.Argument(help="where to write the report")]) -> None:
    """A static HTML report (no server needed) with its charts also saved as PNG and SVG."""
    from pipelines.report.build import build_report

    with _warehouse() as con:
        index = build_report(con, directory)
    console.print(f"report written: {index}")


@app.command()
def ui(port: Annotated[int, typer.Option(help="port on 127.0.0.1")] = 3000) -> None:
    """Start the Dagster UI and daemon on 127.0.0.1 (the daemon runs the nightly schedule)."""
    from pipelines.instance import dagster_home

    home = dagster_home()
    console.print(f"Dagster UI on http://127.0.0.1:{port} (DAGSTER_HOME={home}); Ctrl-C stops it.")
    command = [
        sys.executable,
        "-m",
        "dagster",
        "dev",
        "-m",
        "pipelines.definitions",
        "-h",
        "127.0.0.1",
        "-p",
        str(port),
    ]
    raise typer.Exit(subprocess.call(command, env=os.environ.copy()))


if __name__ == "__main__":
    app()
