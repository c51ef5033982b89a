"""`frontier report DIR`: one self-contained HTML page (charts inline as SVG, no server, no network),
plus every chart as PNG and SVG beside it."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import duckdb
import matplotlib.pyplot as plt

from pipelines.report.charts import CHARTS, save, svg_text
from warehouse.catalog import catalog

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { margin-bottom: 0.2em; } .meta { color: #666; margin-top: 0; }
figure { margin: 2em 0; } figcaption { color: #555; font-size: 0.9em; }
figure svg { width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.85em; margin: 1em 0; }
td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; } th { background: #f4f4f4; }
"""

# The numbers a reader wants beside the charts: (heading, SQL).
_TABLES = (
    (
        "Hourly cost per model (priced on the evaluation date)",
        """SELECT model, release_date, method, round(p50, 1) AS p50_minutes,
                  round(cost_per_horizon_hour, 2) AS usd_per_horizon_hour,
                  round(sweet_spot_cost_per_horizon_hour, 2) AS sweet_spot_usd_per_hour,
                  round(sweet_spot_p50, 1) AS sweet_spot_p50_minutes,
                  round(saturation_cost_per_horizon_hour, 2) AS saturation_usd_per_hour,
                  round(ratio_to_human_wage, 3) AS ratio_to_human_wage
           FROM marts.cost_per_horizon_hour WHERE pricing_basis = 'evaluation_date' ORDER BY release_date""",
    ),
    (
        "Doubling time of the frontier 50% horizon",
        """SELECT basis, source, fit_window, metric, n_models, round(doubling_days, 1) AS doubling_days,
                  round(ci_low, 1) AS ci_low, round(ci_high, 1) AS ci_high
           FROM marts.horizon_doubling_time WHERE fit_window <> 'rolling_2y' ORDER BY basis, source, fit_window, metric""",
    ),
    (
        "Our horizons beside METR's published ones",
        """SELECT metr_key, runs_file, is_like_for_like, round(p50, 2) AS p50, round(published_p50, 2) AS published_p50,
                  round(100 * p50_rel_diff, 3) AS p50_diff_pct, round(p80, 2) AS p80,
                  round(published_p80, 2) AS published_p80
           FROM marts.horizon_reproduction ORDER BY runs_file DESC, p50""",
    ),
)


def _table_html(con: duckdb.DuckDBPyConnection, sql: str) -> str | None:
    try:
        cursor = con.execute(sql)
    except duckdb.Error:
        return None
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if not rows:
        return None
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def build_report(con: duckdb.DuckDBPyConnection, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    sections = []
    descriptions = {entry.table: entry.description for entry in catalog()}
    for chart in CHARTS:
        figure = chart.draw(con)
        if figure is None:
            sections.append(f"<h2>{html.escape(chart.title)}</h2><p>No data yet ({chart.mart} is empty).</p>")
            continue
        png, svg = save(figure, directory / "charts", chart.name)
        inline = svg_text(figure)
        plt.close(figure)
        caption = html.escape(descriptions.get(chart.mart, ""))
        sections.append(
            f'<h2>{html.escape(chart.title)}</h2><figure class="chart" id="{chart.name}">{inline}'
            f'<figcaption>{caption} Files: <a href="charts/{png.name}">PNG</a>, '
            f'<a href="charts/{svg.name}">SVG</a>.</figcaption></figure>'
        )
    for heading, sql in _TABLES:
        table = _table_html(con, sql)
        if table:
            sections.append(f"<h2>{html.escape(heading)}</h2>{table}")
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    page = (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>frontier-ledger report</title>"
        f"<style>{_STYLE}</style></head><body><h1>frontier-ledger</h1>"
        f'<p class="meta">What an hour of AI work costs, and how that is changing. Generated {generated}.</p>'
        + "".join(sections)
        + "</body></html>"
    )
    index = directory / "index.html"
    index.write_text(page, encoding="utf-8")
    return index
