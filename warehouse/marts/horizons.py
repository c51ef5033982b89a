"""Time horizons recomputed from METR's runs: fits, bootstrap samples, the comparison with METR's own
numbers, doubling times and hazard-model fits.

Lineage: `time_horizon_samples` (bootstrap fits) feeds `time_horizons` (point fits + percentile CIs),
which with the samples feeds `horizon_reproduction` and `horizon_doubling_time`; `hazard_fits` reads the
runs and redraws the same bootstrap samples (same seed per model).

Model identity: inside this module a model is METR's headline key (`model_id` below). The TH1.x runs
files use it as their `model`; the February 2025 `all_runs` file names models by short codes ('c3o', and
'c3-5s' for two different models), so there the key comes from the alias. In the tables that key is
`metr_key`, and `model_id` is the canonical model of core.model_aliases, as in every other table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import polars as pl

from warehouse.derivations import doubling, hazard
from warehouse.derivations.bootstrap import N_SAMPLES, hierarchical_counts, model_seed, percentile_interval
from warehouse.derivations.logistic import (
    fit_logistic,
    fit_logistic_batch,
    metr_weights,
    split_rows,
)
from warehouse.marts import Columns, PythonMart, column_descriptions, column_schema

RUNS = "staging.stg_metr__runs"
ALIASES = "core.model_aliases"
RELEASE_DATES = "staging.stg_metr__release_dates"
PUBLISHED = "staging.stg_metr__horizons"
TIME_HORIZONS = "marts.time_horizons"
SAMPLES = "marts.time_horizon_samples"

# all_runs aliases whose TH1.0 headline key is not the normalised alias (checked against release dates)
ALL_RUNS_ALIAS_KEYS = {
    "GPT-4 0314": "gpt_4",
    "Claude 3.5 Sonnet (Old)": "claude_3_5_sonnet",
    "Claude 3.5 Sonnet (New)": "claude_3_5_sonnet_20241022",
    "o1": "o1_elicited",
}
# runs files that are a METR release's own runs, by the release they belong to
RELEASE_RUNS_FILES = {"runs_1_1": "TH1.1", "runs_1_0": "TH1.0"}
ATTEMPT_MINUTES = (1, 4, 16, 64, 256, 960)
RELIABILITIES = (0.8, 0.9, 0.99)


def model_id(runs_file: str, model: str, alias: str) -> str:
    if runs_file != "all_runs":
        return model
    return ALL_RUNS_ALIAS_KEYS.get(alias) or re.sub(r"[^a-z0-9]+", "_", alias.lower()).strip("_")


@dataclass(frozen=True)
class ModelRuns:
    """One model's runs from one runs file, ready to fit: rows are split runs (see `split_rows`)."""

    identity: dict  # the _IDENTITY_COLUMNS values
    minutes: np.ndarray  # human minutes per split row
    y: np.ndarray  # 0/1 per split row
    run_weight: np.ndarray  # METR weight per run, summing to 1
    source: np.ndarray  # run index of each split row
    share: np.ndarray  # share of its run's weight each split row carries
    family: np.ndarray  # per run
    task: np.ndarray  # per run

    @property
    def weight(self) -> np.ndarray:
        return self.run_weight[self.source] * self.share

    @property
    def seed(self) -> int:
        return model_seed(self.identity["runs_file"], self.identity["model_id"])

    def bootstrap_weights(self, n_samples: int) -> np.ndarray:
        """(n_samples × split rows) weights: resampling counts × METR weights, not renormalised."""
        counts = hierarchical_counts(self.family, self.task, n_samples, self.seed)
        return (counts * self.run_weight)[:, self.source] * self.share

    def counts(self) -> dict:
        return {
            "n_runs": len(self.run_weight),
            "n_tasks": len(np.unique(self.task)),
            "n_families": len(np.unique(self.family)),
        }


def model_runs(runs: pl.DataFrame) -> Iterator[ModelRuns]:
    """Per model (alias) and runs file, agents only: human baselines are not a model."""
    agents = runs.filter(~pl.col("is_human_baseline").fill_null(False)).sort(
        ["runs_file", "model", "alias", "run_id"]
    )
    for key, group in agents.group_by(
        ["model", "alias", "benchmark_version", "runs_file", "snapshot_date", "snapshot_sha256"],
        maintain_order=True,
    ):
        model, alias, version, runs_file, snapshot_date, sha = key
        source, y, share = split_rows(group["score_binarized"].to_numpy())
        identity = {
            "model_id": model_id(runs_file, model, alias),
            "model": model,
            "alias": alias,
            "benchmark_version": version,
            "runs_file": runs_file,
            "snapshot_date": snapshot_date,
            "snapshot_sha256": sha,
        }
        yield ModelRuns(
            identity,
            group["human_minutes"].to_numpy()[source],
            y,
            metr_weights(group["task_id"], group["task_family"]),
            source,
            share,
            group["task_family"].to_numpy(),
            group["task_id"].to_numpy(),
        )


def point_fit(runs: ModelRuns):
    return fit_logistic(np.log2(runs.minutes), runs.y, runs.weight)


# -- marts.time_horizon_samples ---------------------------------------------------------------------


def build_time_horizon_samples(
    inputs: Mapping[str, pl.DataFrame], n_samples: int = N_SAMPLES
) -> pl.DataFrame:
    frames = []
    for runs in model_runs(inputs[RUNS]):
        full = point_fit(runs)
        # warm start from the full-data fit: a bootstrap optimum is close to it
        fits = fit_logistic_batch(
            np.log2(runs.minutes),
            runs.y,
            runs.bootstrap_weights(n_samples),
            start=(full.intercept, full.slope),
        )
        frames.append(
            pl.DataFrame(
                {
                    **{
                        k: [runs.identity[k]] * n_samples
                        for k in ("model_id", "benchmark_version", "runs_file")
                    },
                    "sample": np.arange(n_samples, dtype=np.int32),
                    "beta0": fits.intercept,
                    "beta1": fits.slope,
                    "p50": fits.horizon(0.5),
                    "p80": fits.horizon(0.8),
                    "is_degenerate": fits.degenerate,
                }
            )
        )
    return _typed(pl.concat(frames) if frames else pl.DataFrame(), SAMPLE_COLUMNS)


# -- marts.time_horizons ----------------------------------------------------------------------------


def build_time_horizons(inputs: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    samples = inputs[SAMPLES]
    by_alias, by_model = release_dates(inputs[RELEASE_DATES], inputs[PUBLISHED])
    rows = []
    for runs in model_runs(inputs[RUNS]):
        ident = runs.identity
        fit = point_fit(runs)
        mine = samples.filter(
            (pl.col("model_id") == ident["model_id"]) & (pl.col("runs_file") == ident["runs_file"])
        )
        row = {**ident, "release_date": by_alias.get(ident["alias"]) or by_model.get(ident["model_id"])}
        row |= {"beta0": fit.intercept, "beta1": fit.slope}
        for p in (50, 80):
            row[f"p{p}"] = None if fit.degenerate else float(fit.horizon(p / 100))
            row[f"p{p}_ci_low"], row[f"p{p}_ci_high"] = percentile_interval(
                mine[f"p{p}"].fill_null(np.nan).to_numpy()
            )
        rows.append(
            row
            | runs.counts()
            | {
                "is_degenerate": fit.degenerate,
                "n_bootstrap": mine.height,
                "n_bootstrap_degenerate": int(mine["is_degenerate"].sum()),
                "bootstrap_seed": runs.seed,
            }
        )
    return _typed(pl.DataFrame(rows), HORIZON_COLUMNS)


def release_dates(
    by_alias: pl.DataFrame, published: pl.DataFrame
) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
    """(alias -> date) from METR's release-date list and (model key -> date) from its newest headline file:
    the fallback, as some aliases (e.g. 'Claude Opus 4.5 (Inspect)') are missing from the list."""
    newest = published.sort("snapshot_at").group_by("model").agg(pl.col("release_date").last())
    return dict(by_alias.select("alias", "release_date").iter_rows()), dict(newest.iter_rows())


# -- marts.horizon_reproduction ---------------------------------------------------------------------


def build_horizon_reproduction(inputs: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    published = inputs[PUBLISHED]
    rows = []
    for ours in inputs[TIME_HORIZONS].iter_rows(named=True):
        match, basis = published_match(ours, published)
        row = {k: ours[k] for k in ("model_id", "model", "alias", "benchmark_version", "runs_file")}
        row |= {
            "runs_snapshot_date": ours["snapshot_date"],
            "published_snapshot_date": match["snapshot_date"] if match else None,
            "comparison_basis": basis,
            "is_like_for_like": basis.startswith("same data"),
        }
        for p in ("p50", "p80"):
            row |= comparison(p, ours, match)
        rows.append(row)
    return _typed(pl.DataFrame(rows), REPRODUCTION_COLUMNS)


def published_match(ours: dict, published: pl.DataFrame) -> tuple[dict | None, str]:
    """METR's published row to compare with, and why that one.

    For a release's own runs file, "the same release" is the first headline file of that benchmark
    version published on or after the runs snapshot; where the model is not in it, the newest
    headline file that lists the model is used.
    """
    version = published.filter(pl.col("benchmark_version") == ours["benchmark_version"])
    candidates = version.filter(pl.col("model") == ours["model_id"]).sort("snapshot_at")
    if candidates.is_empty():
        return None, "no published value for this model and benchmark version"
    newest = candidates.row(-1, named=True)
    headline = f"benchmark_results_{ours['benchmark_version'].replace('.', '_')}"
    release = RELEASE_RUNS_FILES.get(ours["runs_file"])
    if release is None:
        return newest, "different data (Feb 2025 all_runs file predates the TH1.0 suite: not comparable)"
    later = version.filter(pl.col("snapshot_date") >= ours["snapshot_date"])
    same_release = later["snapshot_date"].min() if not later.is_empty() else None
    same = candidates.filter(pl.col("snapshot_date") == same_release)
    if not same.is_empty():
        return same.row(-1, named=True), f"same data ({release} runs vs {headline} of the same release)"
    return newest, f"later release ({release} runs vs a newer {headline}: METR may have rerun or revised)"


def comparison(p: str, ours: dict, published: dict | None) -> dict:
    """Ours beside METR's for one horizon, with differences and mutual CI containment."""
    theirs = published or {}
    estimate, low, high = (theirs.get(f"{p}{s}") for s in ("", "_ci_low", "_ci_high"))
    mine, my_low, my_high = (ours.get(f"{p}{s}") for s in ("", "_ci_low", "_ci_high"))
    both = mine is not None and estimate is not None
    return {
        p: mine,
        f"{p}_ci_low": my_low,
        f"{p}_ci_high": my_high,
        f"published_{p}": estimate,
        f"published_{p}_ci_low": low,
        f"published_{p}_ci_high": high,
        f"{p}_abs_diff": mine - estimate if both else None,
        f"{p}_rel_diff": mine / estimate - 1 if both else None,
        f"{p}_ours_in_published_ci": low <= mine <= high if both and low is not None else None,
        f"{p}_published_in_our_ci": my_low <= estimate <= my_high if both and my_low is not None else None,
    }


# -- marts.horizon_doubling_time --------------------------------------------------------------------

RECOMPUTED_CI = (
    "hierarchical bootstrap of each model's runs ({n} samples), frontier fixed, line refitted per sample"
)
PUBLISHED_CI = (
    "bootstrap over the frontier models ({n} resamples with replacement), line refitted per resample"
)


def build_horizon_doubling_time(
    inputs: Mapping[str, pl.DataFrame], n_samples: int = N_SAMPLES
) -> pl.DataFrame:
    rows = []
    horizons = inputs[TIME_HORIZONS].filter(
        pl.col("p50").is_not_null() & pl.col("release_date").is_not_null()
    )
    for (runs_file, version, snapshot), models in horizons.sort("release_date", "model_id").group_by(
        ["runs_file", "benchmark_version", "snapshot_date"], maintain_order=True
    ):
        samples = inputs[SAMPLES].filter(pl.col("runs_file") == runs_file)
        context = {
            "basis": "recomputed",
            "source": runs_file,
            "benchmark_version": version,
            "snapshot_date": snapshot,
            "ci_method": RECOMPUTED_CI.format(n=samples["sample"].n_unique()),
        }
        rows.extend(trend_rows(models, context, runs_bootstrap(samples)))

    published = newest_published(inputs[PUBLISHED], "1.1")
    if not published.is_empty():
        context = {
            "basis": "published",
            "source": "benchmark_results_1_1",
            "benchmark_version": "1.1",
            "snapshot_date": published["snapshot_date"][0],
            "ci_method": PUBLISHED_CI.format(n=n_samples),
        }
        models = published.sort("release_date", "model_id")
        rows.extend(trend_rows(models, context, models_bootstrap(models, n_samples)))
    return _typed(pl.DataFrame(rows), DOUBLING_COLUMNS)


Bootstrap = Callable[[str, list[str]], tuple[np.ndarray, np.ndarray]]


def runs_bootstrap(samples: pl.DataFrame) -> Bootstrap:
    """CI inputs from our bootstrap samples: refit s takes sample s of every model."""

    by_model = samples.sort("sample").partition_by("model_id", as_dict=True)

    def horizons(metric: str, members: list[str]) -> tuple[np.ndarray, np.ndarray]:
        values = np.column_stack([by_model[(m,)][metric].fill_null(np.nan).to_numpy() for m in members])
        return doubling.horizon_sample_weights(values)

    return horizons


def models_bootstrap(models: pl.DataFrame, n_samples: int) -> Bootstrap:
    """CI inputs for published horizons, which come without samples: resample the models themselves."""

    def horizons(metric: str, members: list[str]) -> tuple[np.ndarray, np.ndarray]:
        value = dict(zip(models["model_id"], models[metric], strict=True))
        weights = doubling.model_resampling_weights(
            len(members), n_samples, model_seed("published", *members)
        )
        return np.broadcast_to(np.log([value[m] for m in members]), weights.shape), weights

    return horizons


def newest_published(published: pl.DataFrame, version: str) -> pl.DataFrame:
    """METR's newest headline file of a benchmark version, as model_id, release_date, p50, p80."""
    version_rows = published.filter(pl.col("benchmark_version") == version)
    if version_rows.is_empty():
        return pl.DataFrame()
    newest = version_rows.filter(pl.col("snapshot_at") == pl.col("snapshot_at").max())
    return newest.select(pl.col("model").alias("model_id"), "release_date", "p50", "p80", "snapshot_date")


def trend_rows(models: pl.DataFrame, context: dict, bootstrap: Bootstrap) -> list[dict]:
    """One row per window × metric over `models` (sorted by release date; model_id, release_date, p50, p80).

    `bootstrap(metric, member ids)` gives (S × members) ln-horizons and weights for the CI.
    """
    ids, released = models["model_id"].to_list(), models["release_date"].to_list()
    days = np.array(released, dtype="datetime64[D]")
    # METR's 1e-3-minute floor for bootstrap horizons applies to point estimates too: an extrapolated
    # 0.000002-minute p50 (gpt-3.5 on the all_runs tasks) would otherwise set the all-time slope
    p50 = models["p50"].to_numpy()
    usable = p50 >= doubling.MIN_HORIZON_MINUTES
    on_frontier = usable & doubling.frontier(days, np.where(usable, p50, -np.inf))
    days = days.astype(float)
    rows = []
    for window in doubling.windows(released, on_frontier):
        members = [m for m, keep in zip(ids, window.members, strict=True) if keep]
        for metric in ("p50", "p80"):
            log_h = np.log(models[metric].to_numpy()[window.members])
            trend = doubling.fit_trend(days[window.members], log_h, *bootstrap(metric, members))
            rows.append(
                context
                | {
                    "fit_window": window.name,
                    "metric": metric,
                    "start_date": window.start,
                    "end_date": window.end,
                    "n_models": trend.n_models,
                    "models": members,
                    "doubling_days": trend.doubling_days,
                    "ci_low": trend.ci_low,
                    "ci_high": trend.ci_high,
                    "slope_per_day": trend.slope,
                    "slope_ci_low": trend.slope_ci_low,
                    "slope_ci_high": trend.slope_ci_high,
                    "n_bootstrap": trend.n_samples,
                }
            )
    return rows


# -- marts.hazard_fits ------------------------------------------------------------------------------


def build_hazard_fits(inputs: Mapping[str, pl.DataFrame], n_samples: int = N_SAMPLES) -> pl.DataFrame:
    rows = []
    for runs in model_runs(inputs[RUNS]):
        n_runs = len(runs.run_weight)
        weight = runs.weight * n_runs  # LL and BIC count each run once: weights scaled to sum to n_runs
        boot = runs.bootstrap_weights(n_samples)
        fitted = []
        for model in hazard.MODELS:
            full = model.fit(runs.minutes, runs.y, weight[None, :])
            start = np.array([full.intercept[0], full.slope[0]])
            ll = model.log_likelihood(runs.minutes, runs.y, weight, *start)
            fitted.append((model, full, model.fit(runs.minutes, runs.y, boot, start), ll))
        bics = {m.name: hazard.bic(ll, m.n_params, n_runs) for m, _, _, ll in fitted}
        # only fits that describe the data compete (all-failure runs make every model degenerate)
        ranked = sorted((m.name for m, full, _, _ in fitted if not full.degenerate[0]), key=bics.get)
        for model, full, boot_fits, ll in fitted:
            ranks = model.name in ranked
            rows.append(
                hazard_row(runs, model, full, boot_fits, ll)
                | {
                    "bic": bics[model.name],
                    "delta_bic": bics[model.name] - bics[ranked[0]] if ranks else None,
                    "bic_rank": ranked.index(model.name) + 1 if ranks else None,
                }
            )
    return _typed(pl.DataFrame(rows), HAZARD_COLUMNS)


def hazard_row(
    runs: ModelRuns, model: hazard.HazardModel, full: hazard.HazardFits, boot: hazard.HazardFits, ll: float
) -> dict:
    degenerate = bool(full.degenerate[0])
    row = runs.identity | {
        "hazard_model": model.name,
        "curve": model.curve,
        "n_params": model.n_params,
        "n_runs": len(runs.run_weight),
        "converged": bool(full.converged[0]),
        "is_degenerate": degenerate,
        "intercept": float(full.intercept[0]),
        "slope": float(full.slope[0]),
        "log_likelihood": ll,
        "n_bootstrap": len(boot.converged),
        "n_bootstrap_degenerate": int(boot.degenerate.sum()),
    }
    estimates = {"shape": (full.shape, boot.shape)} | {
        f"t{round(100 * p)}": (full.horizon(p), boot.horizon(p)) for p in (0.5, *RELIABILITIES)
    }
    for name, (point, samples) in estimates.items():
        row[name] = None if degenerate else float(point[0])
        row[f"{name}_ci_low"], row[f"{name}_ci_high"] = percentile_interval(
            np.where(boot.degenerate, np.nan, samples)
        )
    t50, shape = row["t50"], row["shape"]
    for minutes in ATTEMPT_MINUTES:
        row[f"attempts_at_{minutes}min"] = (
            None if degenerate else float(hazard.attempts_per_success(model, minutes, t50, shape))
        )
    return row


# -- schemas, descriptions and the mart declarations -------------------------------------------------


def _typed(frame: pl.DataFrame, columns: Columns) -> pl.DataFrame:
    """The frame with exactly the declared columns and types (NaN stored as NULL)."""
    if frame.is_empty():
        return pl.DataFrame(schema=column_schema(columns))
    frame = frame.select([pl.col(name).cast(dtype) for name, (dtype, _) in columns.items()])
    return frame.with_columns(pl.col(pl.Float64).fill_nan(None))


def _descriptions(columns: Columns) -> dict[str, str]:
    described = column_descriptions(columns)
    if "model_id" in described:
        described["metr_key"] = described["model_id"]
        described["model_id"] = "canonical model (core.model_aliases, source 'metr', matched on metr_key)"
    return described


def _with_canonical_ids(build: Callable[[Mapping[str, pl.DataFrame]], pl.DataFrame]):
    """Wrap a build so its tables carry METR's key as `metr_key` and the canonical `model_id`; the
    build itself (and the marts it reads) keep working on METR's key."""

    def public(inputs: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
        internal = {
            table: frame.drop("model_id").rename({"metr_key": "model_id"})
            if "metr_key" in frame.columns
            else frame
            for table, frame in inputs.items()
            if table != ALIASES
        }
        frame = build(internal)
        if "model_id" not in frame.columns:
            return frame
        canonical = (
            inputs[ALIASES]
            .filter(pl.col("source") == "metr")
            .select(pl.col("alias").alias("metr_key"), pl.col("model_id"))
        )
        frame = frame.rename({"model_id": "metr_key"}).join(
            canonical, on="metr_key", how="left", maintain_order="left"
        )
        return frame.select("model_id", *(c for c in frame.columns if c != "model_id"))

    return public


_IDENTITY_COLUMNS = {
    "model_id": (pl.String, "METR's headline model key (for the all_runs file: matched via the alias)"),
    "model": (pl.String, "model as named in the runs file (short codes like 'c3o' in all_runs)"),
    "alias": (pl.String, "METR's display alias in the runs file"),
    "benchmark_version": (pl.String, "Time Horizon suite version: '1.1' or '1.0'"),
    "runs_file": (pl.String, "runs snapshot: 'runs_1_1' (TH1.1 release) or 'all_runs' (February 2025 file)"),
    "snapshot_date": (pl.Date, "date the runs snapshot was recorded"),
    "snapshot_sha256": (pl.String, "sha256 of the runs payload"),
}


def _ci(name: str, unit: str) -> Columns:
    return {
        name: (pl.Float64, unit),
        f"{name}_ci_low": (pl.Float64, f"2.5th percentile of {name} over the bootstrap samples"),
        f"{name}_ci_high": (pl.Float64, f"97.5th percentile of {name} over the bootstrap samples"),
    }


SAMPLE_COLUMNS = {
    "model_id": _IDENTITY_COLUMNS["model_id"],
    "benchmark_version": _IDENTITY_COLUMNS["benchmark_version"],
    "runs_file": _IDENTITY_COLUMNS["runs_file"],
    "sample": (pl.Int32, "bootstrap sample number, 0-based"),
    "beta0": (pl.Float64, "intercept of σ(β0 + β1·log2 minutes) fitted on this sample"),
    "beta1": (pl.Float64, "slope per doubling of human minutes"),
    "p50": (pl.Float64, "50% horizon of this sample, minutes; NULL if degenerate"),
    "p80": (pl.Float64, "80% horizon of this sample, minutes; NULL if degenerate"),
    "is_degenerate": (pl.Boolean, "β1 ≥ 0 or not converged (e.g. no success in the sample)"),
}

HORIZON_COLUMNS = _IDENTITY_COLUMNS | {
    "release_date": (
        pl.Date,
        "model release date (METR's release-date list by alias, else its headline file)",
    ),
    "beta0": (pl.Float64, "intercept of P(success) = σ(β0 + β1·log2 human minutes)"),
    "beta1": (pl.Float64, "slope per doubling of human minutes (negative for a sensible fit)"),
    **_ci("p50", "50% time horizon, human minutes; NULL if degenerate"),
    **_ci("p80", "80% time horizon, human minutes; NULL if degenerate"),
    "n_runs": (pl.Int64, "runs fitted"),
    "n_tasks": (pl.Int64, "distinct tasks"),
    "n_families": (pl.Int64, "distinct task families"),
    "is_degenerate": (pl.Boolean, "β1 ≥ 0 or the fit did not converge: horizons are NULL"),
    "n_bootstrap": (pl.Int64, "bootstrap samples drawn"),
    "n_bootstrap_degenerate": (pl.Int64, "samples with a degenerate fit, left out of the CI"),
    "bootstrap_seed": (pl.Int64, "seed of this model's samples (from runs_file and model_id)"),
}

REPRODUCTION_COLUMNS = {
    **{k: _IDENTITY_COLUMNS[k] for k in ("model_id", "model", "alias", "benchmark_version", "runs_file")},
    "runs_snapshot_date": (pl.Date, "date of the runs snapshot we fitted"),
    "published_snapshot_date": (pl.Date, "date of METR's headline file compared with"),
    "comparison_basis": (pl.String, "which published value was chosen and whether the data are the same"),
    "is_like_for_like": (pl.Boolean, "same runs as METR's published fit (same release)"),
    **{
        name: spec
        for p in ("p50", "p80")
        for name, spec in {
            **_ci(p, f"our {p}, minutes"),
            f"published_{p}": (pl.Float64, f"METR's published {p}, minutes"),
            f"published_{p}_ci_low": (pl.Float64, f"METR's published {p} CI low"),
            f"published_{p}_ci_high": (pl.Float64, f"METR's published {p} CI high"),
            f"{p}_abs_diff": (pl.Float64, f"ours − published {p}, minutes"),
            f"{p}_rel_diff": (pl.Float64, f"ours / published {p} − 1"),
            f"{p}_ours_in_published_ci": (pl.Boolean, f"our {p} lies in METR's CI"),
            f"{p}_published_in_our_ci": (pl.Boolean, f"METR's {p} lies in our CI"),
        }.items()
    },
}

DOUBLING_COLUMNS = {
    "basis": (pl.String, "'recomputed' (our horizons) or 'published' (METR's newest headline p50/p80)"),
    "source": (pl.String, "runs file (recomputed) or headline file (published)"),
    "benchmark_version": _IDENTITY_COLUMNS["benchmark_version"],
    "snapshot_date": (pl.Date, "date of the runs snapshot or headline file"),
    "fit_window": (
        pl.String,
        "'all_time', 'from_2023', 'from_2024', or 'rolling_2y' (2 years up to end_date)",
    ),
    "metric": (pl.String, "horizon fitted: 'p50' or 'p80' (frontier always chosen by p50)"),
    "start_date": (pl.Date, "first release date the window admits"),
    "end_date": (pl.Date, "last release date the window admits"),
    "n_models": (pl.Int64, "frontier models in the window"),
    "models": (pl.List(pl.String), "the frontier models fitted (model_id)"),
    "doubling_days": (pl.Float64, "ln 2 / slope_per_day, days; NULL unless the horizon grows"),
    "ci_low": (pl.Float64, "ln 2 / slope_ci_high, days"),
    "ci_high": (pl.Float64, "ln 2 / slope_ci_low, days; NULL (unbounded) when slope_ci_low ≤ 0"),
    "slope_per_day": (pl.Float64, "OLS slope of ln(horizon) on release date, per day"),
    "slope_ci_low": (pl.Float64, "2.5th percentile of the slope refitted on each bootstrap sample"),
    "slope_ci_high": (pl.Float64, "97.5th percentile of the refitted slopes"),
    "n_bootstrap": (pl.Int64, "bootstrap samples that gave a slope (≥ 2 release dates with usable horizons)"),
    "ci_method": (pl.String, "how the CI was obtained"),
}

HAZARD_COLUMNS = {
    **_IDENTITY_COLUMNS,
    "hazard_model": (pl.String, "'logistic', 'constant' or 'weibull'"),
    "curve": (pl.String, "the survival curve S(t), t in human minutes"),
    "n_params": (pl.Int64, "free parameters (for BIC)"),
    "n_runs": (pl.Int64, "runs fitted; weights are scaled to sum to n_runs for log_likelihood and bic"),
    "converged": (pl.Boolean, "Newton converged on the full data"),
    "is_degenerate": (pl.Boolean, "not converged or shape ≤ 0: horizons and attempts are NULL"),
    "intercept": (pl.Float64, "a of the linear predictor a + b·z (z = log2 t for logistic, ln t otherwise)"),
    "slope": (pl.Float64, "b of the linear predictor"),
    **_ci("shape", "shape: Weibull k; 1 for constant hazard; −β1/ln 2 for the logistic"),
    **_ci("t50", "T50, minutes"),
    **_ci("t80", "T80: length at 80% success, minutes"),
    **_ci("t90", "T90, minutes"),
    **_ci("t99", "T99, minutes"),
    "log_likelihood": (pl.Float64, "Σ w·(y ln S + (1−y) ln(1−S)), weights summing to n_runs"),
    "bic": (pl.Float64, "n_params·ln(n_runs) − 2·log_likelihood"),
    "delta_bic": (
        pl.Float64,
        "bic − the lowest bic among this model's non-degenerate fits; NULL if degenerate",
    ),
    "bic_rank": (pl.Int64, "1 = lowest BIC (best) among the non-degenerate fits; NULL if degenerate"),
    **{
        f"attempts_at_{m}min": (pl.Float64, f"expected attempts per success at a {m}-minute task: 1/S({m})")
        for m in ATTEMPT_MINUTES
    },
    "n_bootstrap": (pl.Int64, "bootstrap samples (the same samples as marts.time_horizon_samples)"),
    "n_bootstrap_degenerate": (pl.Int64, "degenerate samples, left out of the CIs"),
}

MARTS = (
    PythonMart(
        table=SAMPLES,
        description=(
            "Bootstrap samples behind marts.time_horizons: METR's hierarchical bootstrap (task families, "
            "then tasks, then runs, with replacement; duplicated runs keep their weight), 1000 samples per "
            "model with a fixed seed per model, each refitted with METR's weighted logistic regression "
            "(C = 10). Use it to compute your own intervals."
        ),
        grain="one row per model × runs file × bootstrap sample",
        reads=(RUNS, ALIASES),
        build=_with_canonical_ids(build_time_horizon_samples),
        columns=_descriptions(SAMPLE_COLUMNS),
    ),
    PythonMart(
        table=TIME_HORIZONS,
        description=(
            "METR time horizons recomputed from the runs: per model, weighted logistic regression of the "
            "binarized score on log2(human minutes), weights 1/(runs in task · √(tasks in family)) summing "
            "to 1, L2 penalty C = 10 on the slope; p50/p80 with 95% percentile CIs over "
            "marts.time_horizon_samples. Human baselines are excluded."
        ),
        grain="one row per model × benchmark version × runs file",
        reads=(RUNS, RELEASE_DATES, PUBLISHED, SAMPLES, ALIASES),
        build=_with_canonical_ids(build_time_horizons),
        columns=_descriptions(HORIZON_COLUMNS),
    ),
    PythonMart(
        table="marts.horizon_reproduction",
        description=(
            "Our recomputed p50/p80 beside METR's published value for the same model and benchmark version: "
            "from the headline file of the same release where the model is in it, else the newest one that "
            "lists it; comparison_basis says which and whether the underlying runs are the same."
        ),
        grain="one row per model × benchmark version × runs file",
        reads=(TIME_HORIZONS, PUBLISHED, ALIASES),
        build=_with_canonical_ids(build_horizon_reproduction),
        columns=_descriptions(REPRODUCTION_COLUMNS),
    ),
    PythonMart(
        table="marts.horizon_doubling_time",
        description=(
            "Doubling time of the frontier time horizon: frontier = models whose p50 is at least the best "
            "p50 released on or before their release date; OLS of ln(horizon) on release date; doubling = "
            "ln 2 / slope. Basis 'recomputed' uses marts.time_horizons per runs file, CI from its bootstrap "
            "samples; basis 'published' uses METR's newest TH1.1 headline file, CI from a bootstrap over the "
            "models. Windows: all time, from 2023, from 2024, and 2 years up to each frontier release."
        ),
        grain="one row per basis × source × snapshot × fit window × end date × metric",
        reads=(TIME_HORIZONS, SAMPLES, PUBLISHED),
        build=_with_canonical_ids(build_horizon_doubling_time),
        columns=_descriptions(DOUBLING_COLUMNS),
    ),
    PythonMart(
        table="marts.hazard_fits",
        description=(
            "Three survival models of success against task length, fitted per model by weighted maximum "
            "likelihood on the same split, METR-weighted runs: logistic (METR's curve in log2 t, unpenalised "
            "here), constant hazard and Weibull. Log likelihood and BIC use weights scaled to sum to the "
            "number of runs. T50/T80/T90/T99 with 95% CIs from the same hierarchical bootstrap samples; "
            "expected attempts per success 1/S(t) at 1 to 960 minutes."
        ),
        grain="one row per model × runs file × hazard model",
        reads=(RUNS, ALIASES),
        build=_with_canonical_ids(build_hazard_fits),
        columns=_descriptions(HAZARD_COLUMNS),
    ),
)
