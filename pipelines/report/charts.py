"""Charts of the marts, as matplotlib figures: each function reads what it needs from the warehouse and
returns a figure, or None when the tables it needs are empty or missing.

`CHARTS` maps each chart to the mart whose asset shows it in the Dagster UI.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")  # no display: files only

import matplotlib.pyplot as plt
import numpy as np
import polars as pl
from matplotlib.figure import Figure

HUMAN_WAGE = 143.61  # USD per hour, METR's figure (the marts store the wage they used per row)
PALETTE = plt.get_cmap("tab10")


def _read(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame | None:
    try:
        frame = con.sql(sql).pl()
    except duckdb.CatalogException:
        return None
    return frame if frame.height else None


def _figure(title: str, size=(9, 5.5)) -> tuple[Figure, plt.Axes]:
    figure, axes = plt.subplots(figsize=size, layout="constrained")
    axes.set_title(title, loc="left", fontsize=12, fontweight="bold")
    axes.grid(True, which="major", alpha=0.3)
    return figure, axes


def horizon_trend(con: duckdb.DuckDBPyConnection) -> Figure | None:
    """50% time horizon against release date: METR's newest published TH1.1 values, our recomputed ones
    (with 95% CIs), and the published-basis doubling fit from 2023."""
    published = _read(
        con,
        """SELECT model, release_date, p50, p50_ci_low, p50_ci_high FROM staging.stg_metr__horizons
           WHERE benchmark_version = '1.1' AND snapshot_date = (SELECT max(snapshot_date)
               FROM staging.stg_metr__horizons WHERE benchmark_version = '1.1') AND release_date IS NOT NULL""",
    )
    if published is None:
        return None
    figure, axes = _figure("Time horizon (50%) of AI agents by release date")
    _errorbars(
        axes, published, "release_date", "p50", "p50_ci_low", "p50_ci_high", "METR published (TH1.1)", "0.55"
    )
    ours = _read(
        con,
        "SELECT release_date, p50, p50_ci_low, p50_ci_high FROM marts.time_horizons "
        "WHERE runs_file = 'runs_1_1' AND NOT is_degenerate",
    )
    if ours is not None:
        _errorbars(
            axes, ours, "release_date", "p50", "p50_ci_low", "p50_ci_high", "recomputed from runs", PALETTE(3)
        )
    fit = _read(
        con,
        """SELECT doubling_days, ci_low, ci_high, slope_per_day, models FROM marts.horizon_doubling_time
           WHERE basis = 'published' AND fit_window = 'from_2023' AND metric = 'p50'""",
    )
    if fit is not None:
        row = fit.row(0, named=True)
        frontier = published.filter(pl.col("model").is_in(row["models"]))
        days = np.array([(d - frontier["release_date"].min()).days for d in frontier["release_date"]], float)
        intercept = np.log(frontier["p50"].to_numpy()).mean() - row["slope_per_day"] * days.mean()
        span = np.linspace(days.min(), days.max(), 50)
        dates = [frontier["release_date"].min() + np.timedelta64(int(d), "D") for d in span]
        label = f"frontier fit from 2023: doubling every {row['doubling_days']:.0f} days"
        if row["ci_low"] is not None and row["ci_high"] is not None:
            label += f" [{row['ci_low']:.0f}, {row['ci_high']:.0f}]"
        axes.plot(dates, np.exp(intercept + row["slope_per_day"] * span), color=PALETTE(0), label=label)
    axes.set_yscale("log")
    axes.set_ylabel("human minutes at which the agent succeeds 50% of the time")
    axes.legend(loc="upper left", fontsize=9)
    return figure


def _errorbars(axes, frame: pl.DataFrame, x, y, low, high, label, color) -> None:
    values = frame[y].to_numpy()
    errors = np.vstack(
        [values - frame[low].fill_null(np.nan).to_numpy(), frame[high].fill_null(np.nan).to_numpy() - values]
    )
    axes.errorbar(
        frame[x].to_list(),
        values,
        yerr=np.clip(errors, 0, None),
        fmt="o",
        color=color,
        ecolor=color,
        alpha=0.8,
        capsize=2,
        label=label,
    )


def hourly_cost_trend(con: duckdb.DuckDBPyConnection) -> Figure | None:
    """Cost per horizon-hour (at the p50 horizon and at the sweet spot) against release date, beside the
    human wage."""
    hourly = _read(
        con,
        """SELECT model, release_date, method, cost_per_horizon_hour, sweet_spot_cost_per_horizon_hour,
                  human_wage_usd_per_hour
           FROM marts.cost_per_horizon_hour
           WHERE pricing_basis = 'evaluation_date' AND cost_per_horizon_hour IS NOT NULL
           ORDER BY release_date""",
    )
    if hourly is None:
        return None
    figure, axes = _figure("What an hour of the model's (50%-horizon) work costs, by release date")
    for method, marker, color in (
        ("per_run_spend", "o", PALETTE(1)),
        ("metr_usage_average", "s", PALETTE(7)),
    ):
        rows = hourly.filter(pl.col("method") == method)
        if rows.height:
            axes.scatter(
                rows["release_date"].to_list(),
                rows["cost_per_horizon_hour"],
                marker=marker,
                color=color,
                label=f"at the p50 horizon ({method.replace('_', ' ')})",
                zorder=3,
            )
            for model, day, value in rows.select(
                "model", "release_date", "cost_per_horizon_hour"
            ).iter_rows():
                axes.annotate(
                    model.removesuffix("_inspect"),
                    (day, value),
                    fontsize=7,
                    xytext=(4, 2),
                    textcoords="offset points",
                )
    sweet = hourly.filter(pl.col("sweet_spot_cost_per_horizon_hour").is_not_null())
    if sweet.height:
        axes.scatter(
            sweet["release_date"].to_list(),
            sweet["sweet_spot_cost_per_horizon_hour"],
            marker="v",
            color=PALETTE(2),
            label="at the sweet spot (cheapest $/h on the cost curve)",
            zorder=3,
        )
    wage = hourly["human_wage_usd_per_hour"].drop_nulls()
    wage = float(wage[0]) if len(wage) else HUMAN_WAGE
    axes.axhline(wage, color="black", linestyle="--", linewidth=1)
    axes.annotate(
        f"human wage ${wage:.2f}/h",
        (0.01, wage),
        xycoords=("axes fraction", "data"),
        fontsize=8,
        xytext=(0, 3),
        textcoords="offset points",
    )
    axes.set_yscale("log")
    axes.set_ylabel("USD per human-hour of task length")
    axes.legend(loc="lower right", fontsize=8)
    return figure


def cost_curves(con: duckdb.DuckDBPyConnection) -> Figure | None:
    """p50 horizon against spending cap per attempt, with sweet spots, saturation points, crossings, and
    lines of constant cost per hour (slope 1 on log-log axes)."""
    curves = _read(
        con,
        """SELECT model, cap_usd, p50, is_sweet_spot, is_saturation FROM marts.cost_horizon_curves
           WHERE pricing_basis = 'evaluation_date' AND p50 IS NOT NULL AND cap_usd > 0
             AND NOT p50_extrapolated  -- below the shortest task the fit says nothing
           ORDER BY model, cap_usd""",
    )
    if curves is None:
        return None
    figure, axes = _figure("Cost-vs-horizon curves (METR truncation method)")
    for index, (model, rows) in enumerate(curves.group_by("model", maintain_order=True)):
        color = PALETTE(index % 10)
        axes.plot(rows["cap_usd"], rows["p50"], color=color, label=model[0].removesuffix("_inspect"))
        for flag, marker, size in (("is_sweet_spot", "*", 160), ("is_saturation", "X", 70)):
            point = rows.filter(pl.col(flag))
            if point.height:
                axes.scatter(
                    point["cap_usd"],
                    point["p50"],
                    marker=marker,
                    s=size,
                    color=color,
                    edgecolor="black",
                    zorder=4,
                )
    crossings = _read(
        con,
        "SELECT crossing_cost_usd, performance_at_crossing FROM marts.frontier_crossings "
        "WHERE benchmark LIKE 'metr%' AND pricing_basis = 'evaluation_date' AND crossing_cost_usd > 0",
    )
    if crossings is not None:
        axes.scatter(
            crossings["crossing_cost_usd"],
            crossings["performance_at_crossing"],
            marker="o",
            s=60,
            facecolor="none",
            edgecolor="black",
            zorder=5,
            label="crossing points",
        )
    low, high = curves["cap_usd"].min(), curves["cap_usd"].max()
    caps = np.geomspace(low, high, 20)
    for dollars_per_hour in (1, 10, HUMAN_WAGE):
        axes.plot(caps, caps / dollars_per_hour * 60, color="0.7", linestyle=":", linewidth=1)
        axes.annotate(
            f"${dollars_per_hour:g}/h", (caps[-1], caps[-1] / dollars_per_hour * 60), fontsize=7, color="0.4"
        )
    axes.scatter([], [], marker="*", s=120, color="0.5", edgecolor="black", label="sweet spot")
    axes.scatter([], [], marker="X", s=60, color="0.5", edgecolor="black", label="saturation point")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_ylim(curves["p50"].min() / 2, curves["p50"].max() * 2)
    axes.set_xlabel("spending cap per attempt (USD)")
    axes.set_ylabel("50% time horizon at that cap (human minutes)")
    axes.legend(loc="upper left", fontsize=8)
    return figure


def pareto_frontiers(con: duckdb.DuckDBPyConnection) -> Figure | None:
    """Score against cost per benchmark: every entry, the Pareto frontier today, and where it stood at
    earlier dates."""
    history = _read(
        con,
        "SELECT benchmark, entry, cost_usd, score, entered_on, displaced_on, score_unit, cost_measure "
        "FROM marts.pareto_frontier_history WHERE cost_usd > 0",
    )
    if history is None:
        return None
    benchmarks = history.group_by("benchmark").len().sort("len", descending=True)["benchmark"].to_list()[:6]
    columns = min(3, len(benchmarks))
    rows = -(-len(benchmarks) // columns)
    figure, grid = plt.subplots(
        rows, columns, figsize=(5 * columns, 4 * rows), layout="constrained", squeeze=False
    )
    figure.suptitle(
        "Pareto frontiers of score against cost, and how they moved", fontsize=12, fontweight="bold"
    )
    for axes, benchmark in zip(grid.flat, benchmarks, strict=False):
        entries = history.filter(pl.col("benchmark") == benchmark)
        axes.scatter(entries["cost_usd"], entries["score"], s=10, color="0.75")
        dates = sorted(set(entries["entered_on"].drop_nulls().to_list()))
        shown = dates[:: max(1, len(dates) // 3)][-3:] + [dates[-1]] if dates else []
        for order, day in enumerate(dict.fromkeys(shown)):
            front = entries.filter(
                (pl.col("entered_on") <= day)
                & (pl.col("displaced_on").is_null() | (pl.col("displaced_on") > day))
            ).sort("cost_usd")
            latest = day == shown[-1]
            axes.step(
                front["cost_usd"],
                front["score"],
                where="post",
                color=PALETTE(order) if not latest else "black",
                linewidth=2 if latest else 1,
                alpha=1 if latest else 0.6,
                label=str(day),
            )
        unit, measure = entries["score_unit"][0], entries["cost_measure"][0]
        axes.set_xscale("log")
        axes.set_title(benchmark, fontsize=10)
        axes.set_xlabel(f"{measure} (USD)".replace("_", " "), fontsize=8)
        axes.set_ylabel(f"score ({unit})", fontsize=8)
        axes.legend(fontsize=7, title="frontier on", title_fontsize=7)
        axes.grid(True, alpha=0.3)
    for axes in list(grid.flat)[len(benchmarks) :]:
        axes.set_visible(False)
    return figure


def price_decline(con: duckdb.DuckDBPyConnection) -> Figure | None:
    """For each score threshold, the cheapest reported cost per task reaching it over time, and the
    fitted yearly factor (×0.1/year = the price of that score falls tenfold a year)."""
    trends = _read(
        con,
        "SELECT benchmark, threshold, date, cost, factor_per_year FROM marts.price_trends "
        "WHERE cost > 0 AND cost_measure = 'cost_per_task_usd' ORDER BY benchmark, threshold, date",
    )
    if trends is None:
        return None
    busiest = trends.group_by("benchmark").len().sort("len", descending=True)["benchmark"].to_list()[:4]
    figure, grid = plt.subplots(
        1, len(busiest), figsize=(4.6 * len(busiest), 4.2), layout="constrained", squeeze=False
    )
    figure.suptitle(
        "Cheapest reported cost per task reaching a score, over time", fontsize=12, fontweight="bold"
    )
    for axes, benchmark in zip(grid.flat, busiest, strict=True):
        rows = trends.filter(pl.col("benchmark") == benchmark)
        thresholds = rows["threshold"].unique().sort().to_list()
        for order, threshold in enumerate(thresholds[:: max(1, len(thresholds) // 4)]):
            line = rows.filter(pl.col("threshold") == threshold)
            factor = line["factor_per_year"].drop_nulls()
            label = f"≥ {threshold:g}" + (f": ×{factor[0]:.2g}/year" if len(factor) else "")
            axes.step(
                line["date"].to_list(), line["cost"], where="post", color=PALETTE(order % 10), label=label
            )
        axes.set_yscale("log")
        axes.set_title(benchmark, fontsize=10)
        axes.set_ylabel("USD per task", fontsize=8)
        axes.tick_params(axis="x", labelrotation=30, labelsize=7)
        axes.legend(fontsize=7)
        axes.grid(True, alpha=0.3)
    return figure


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    mart: str  # the asset that shows it in the Dagster UI
    draw: Callable[[duckdb.DuckDBPyConnection], Figure | None]


CHARTS = (
    Chart("horizon_trend", "Time horizons over release date", "marts.horizon_doubling_time", horizon_trend),
    Chart(
        "hourly_cost_trend",
        "Cost per horizon-hour over release date",
        "marts.cost_per_horizon_hour_trend",
        hourly_cost_trend,
    ),
    Chart("cost_curves", "Cost-vs-horizon curves", "marts.frontier_crossings", cost_curves),
    Chart(
        "pareto_frontiers", "Pareto frontiers over time", "marts.pareto_frontier_history", pareto_frontiers
    ),
    Chart("price_decline", "Price decline per score threshold", "marts.price_trends", price_decline),
)


def drawn_charts(con: duckdb.DuckDBPyConnection, mart: str) -> dict[str, str]:
    """The charts shown on a mart's asset, drawn now: title -> PNG data URI."""
    drawn = {}
    for chart in (c for c in CHARTS if c.mart == mart):
        figure = chart.draw(con)
        if figure is not None:
            drawn[chart.title] = png_data_uri(figure)
            plt.close(figure)
    return drawn


def save(figure: Figure, directory: Path, name: str) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    png, svg = directory / f"{name}.png", directory / f"{name}.svg"
    figure.savefig(png, dpi=110)
    figure.savefig(svg)
    return png, svg


def png_data_uri(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=80)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def svg_text(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg") :]
