"""marts.time_horizons with 1000 bootstrap samples for every model in the bundled runs, against a plain
scikit-learn loop (one `LogisticRegression(C=10)` fit per sample) over the very same samples.

Run: `.venv/bin/python -m tests.benchmarks.bench_horizons`
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

from tests.benchmarks.measure import peak_rss_mb
from warehouse.derivations.bootstrap import N_SAMPLES, percentile_interval
from warehouse.marts import horizons as H


def staging_tables() -> dict[str, pl.DataFrame]:
    """The METR staging tables built from the bundled payloads, offline."""
    from sources.archive import Archive
    from sources.http import HttpClient
    from sources.registry import all_sources, source
    from warehouse.ingest import ingest_source
    from warehouse.models import build, sql_models
    from warehouse.prepare import prepare

    con = duckdb.connect(":memory:")
    prepare(con, all_sources())
    with tempfile.TemporaryDirectory() as root:
        ingest_source(con, source("metr"), Archive(Path(root)), HttpClient(), offline=True)
    for model in sql_models():
        if model.name.startswith("stg_metr__"):
            build(con, model)
    tables = {t: con.sql(f"SELECT * FROM {t}").pl() for t in (H.RUNS, H.RELEASE_DATES, H.PUBLISHED)}
    con.close()
    return tables


def ours(tables: dict[str, pl.DataFrame]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The mart as the pipeline builds it: batched bootstrap fits, then point fits and intervals."""
    inputs = dict(tables)
    inputs[H.SAMPLES] = H.build_time_horizon_samples(inputs, n_samples=N_SAMPLES)
    return H.build_time_horizons(inputs), inputs[H.SAMPLES]


def sklearn_fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, tol: float = 1e-4) -> float:
    """p50 from scikit-learn on the rows a sample drew (weights = counts × METR weight); NaN when the
    sample has one class (METR skips those) or a non-negative slope."""
    from sklearn.linear_model import LogisticRegression

    drawn = weights > 0
    if len(np.unique(y[drawn])) < 2:
        return np.nan
    fit = LogisticRegression(C=10, tol=tol, max_iter=100 if tol >= 1e-4 else 10_000).fit(
        x[drawn, None], y[drawn], sample_weight=weights[drawn]
    )
    slope = fit.coef_[0, 0]
    return 2 ** (-fit.intercept_[0] / slope) if slope < 0 else np.nan


def sklearn_loop(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Per model, per sample, one scikit-learn fit; then the same percentile intervals."""
    rows = []
    for runs in H.model_runs(tables[H.RUNS]):
        x = np.log2(runs.minutes)
        for sample, weights in enumerate(runs.bootstrap_weights(N_SAMPLES)):
            rows.append(
                {
                    "model_id": runs.identity["model_id"],
                    "runs_file": runs.identity["runs_file"],
                    "sample": sample,
                    "p50": sklearn_fit(x, runs.y, weights),
                }
            )
    samples = pl.DataFrame(rows)
    intervals = []
    for (model_id, runs_file), group in samples.group_by(["model_id", "runs_file"]):
        low, high = percentile_interval(group["p50"].to_numpy())
        intervals.append(
            {"model_id": model_id, "runs_file": runs_file, "p50_ci_low": low, "p50_ci_high": high}
        )
    return samples.join(pl.DataFrame(intervals), on=["model_id", "runs_file"])


def task_range(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Shortest and longest task (human minutes) per model: horizons outside are extrapolations."""
    return pl.DataFrame(
        [
            {
                "model_id": r.identity["model_id"],
                "runs_file": r.identity["runs_file"],
                "shortest": r.minutes.min(),
                "longest": r.minutes.max(),
            }
            for r in H.model_runs(tables[H.RUNS])
        ]
    )


def max_relative_difference(a: pl.Series, b: pl.Series) -> float:
    both = a.is_not_null() & b.is_not_null() & a.is_not_nan() & b.is_not_nan() & (b > 0)
    return float(((a.filter(both) / b.filter(both)) - 1).abs().max())


def line(label: str, figure: str) -> None:
    print(f"{label:<56} {figure}")


def main() -> None:
    tables = staging_tables()
    line("models × bootstrap samples", f"{sum(1 for _ in H.model_runs(tables[H.RUNS]))} × {N_SAMPLES}")
    line("staging tables loaded", f"{'':8}     peak RSS {peak_rss_mb():7.1f} MB")

    started = time.perf_counter()
    horizons, samples = ours(tables)
    ours_s = time.perf_counter() - started
    line(
        "ours: marts.time_horizon_samples + time_horizons",
        f"{ours_s:8.2f} s   peak RSS {peak_rss_mb():7.1f} MB",
    )

    started = time.perf_counter()
    theirs = sklearn_loop(tables)
    sklearn_s = time.perf_counter() - started
    line("scikit-learn loop, one fit per sample", f"{sklearn_s:8.2f} s   peak RSS {peak_rss_mb():7.1f} MB")
    line("speed-up", f"{sklearn_s / ours_s:8.1f} ×")

    by_model = ["model_id", "runs_file"]
    ranges = task_range(tables)
    paired = samples.join(theirs, on=[*by_model, "sample"], suffix="_sklearn").join(ranges, on=by_model)
    inside = paired.filter(pl.col("p50").is_between(pl.col("shortest"), pl.col("longest")))
    line(
        "max relative p50 difference, every sample",
        f"{max_relative_difference(paired['p50'], paired['p50_sklearn']):10.2e}",
    )
    line(
        "  … samples with p50 inside the task-length range",
        f"{max_relative_difference(inside['p50'], inside['p50_sklearn']):10.2e}",
    )
    intervals = horizons.join(theirs.unique(by_model), on=by_model, suffix="_sklearn").join(
        ranges, on=by_model
    )
    for bound in ("p50_ci_low", "p50_ci_high"):
        within = intervals.filter(pl.col(bound).is_between(pl.col("shortest"), pl.col("longest")))
        line(
            f"max relative {bound} difference (inside the range)",
            f"{max_relative_difference(within[bound], within[bound + '_sklearn']):10.2e}",
        )

    # the differences are scikit-learn stopping at tol=1e-4: refit the worst sample to the optimum
    gap = ((pl.col("p50") / pl.col("p50_sklearn")) - 1).abs()
    worst = inside.filter(gap.is_not_nan()).sort(gap).row(-1, named=True)
    runs = next(
        r
        for r in H.model_runs(tables[H.RUNS])
        if (r.identity["model_id"], r.identity["runs_file"]) == (worst["model_id"], worst["runs_file"])
    )
    tight = sklearn_fit(
        np.log2(runs.minutes), runs.y, runs.bootstrap_weights(N_SAMPLES)[worst["sample"]], tol=1e-12
    )
    line(
        f"worst sample: {worst['model_id']} #{worst['sample']}",
        f"ours {worst['p50']:.6g}, scikit-learn {worst['p50_sklearn']:.6g}, at tol=1e-12 {tight:.6g}",
    )


if __name__ == "__main__":
    main()
