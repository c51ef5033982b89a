"""`frontier`: refresh the warehouse, query it, and open the Dagster UI."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from warehouse import settings

app = typer.Typer(help="frontier-ledger: what an hour of AI work costs, refreshed nightly.", no_args_is_help=True)
console = Console()


def _fail(message: str) -> None:
    console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(1)


@app.command()
def refresh(
    offline: Annotated[bool, typer.Option(help="never touch the network: build from the archive")] = False,
    only: Annotated[list[str] | None, typer.Option(help="refresh these sources (and what depends on them)")] = None,
) -> None:
    """Run the nightly job now: fetch, archive, load, rebuild every table, run every check."""
    from pipelines.instance import dagster_home
    from pipelines.refresh import run_refresh

    dagster_home()
    try:
        summary = run_refresh(offline=offline, only=only or [])
    except KeyError as exc:
        _fail(str(exc.args[0]))
    _print_summary(summary)
    if not summary.success:
        raise typer.Exit(1)


def _print_summary(summary) -> None:
    endpoints = Table(title="sources", title_justify="left")
    for column in ("raw table", "served", "rows", "new rows"):
        endpoints.add_column(column)
    for line in summary.endpoints:
        served = f"[yellow]{line.mode} (stale)[/]" if line.stale else f"[green]{line.mode}[/]"
        endpoints.add_row(line.asset, served, str(line.rows), str(line.new_rows))
    console.print(endpoints)
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
    console.print(f"{verdict}: warehouse {settings.warehouse_path()}")


@app.command()
def sql(query: Annotated[str, typer.Argument(help="SQL to run on the warehouse (read-only)")]) -> None:
    """Run a read-only SQL query on the warehouse and print the result."""
    import duckdb

    path = settings.warehouse_path()
    if not path.exists():
        _fail(f"no warehouse at {path}: run `frontier refresh` first")
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            console.print(con.sql(query))
    except duckdb.Error as exc:
        _fail(str(exc).splitlines()[0])


@app.command()
def ui(
    port: Annotated[int, typer.Option(help="port on 127.0.0.1")] = 3000,
) -> None:
    """Start the Dagster UI and daemon on 127.0.0.1 (the daemon runs the nightly schedule)."""
    from pipelines.instance import dagster_home

    home = dagster_home()
    console.print(f"Dagster UI on http://127.0.0.1:{port} (DAGSTER_HOME={home}); Ctrl-C stops it.")
    command = [sys.executable, "-m", "dagster", "dev", "-m", "pipelines.definitions", "-h", "127.0.0.1", "-p", str(port)]
    raise typer.Exit(subprocess.call(command, env=os.environ.copy()))


if __name__ == "__main__":
    app()
