"""As-of repricing of token counts with an explicit input/output/cached blend.

Prices are effective-dated (`core.fct_prices`): the price of model M for type T on date D is the row with
valid_from ≤ D < coalesce(valid_to, +∞); a NULL valid_from means "since the model appeared". core.fct_prices
has already settled disagreements between sources (one interval per model, type and date); should two
intervals still contain a date, the one that started latest (the most specific) is taken.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal

import polars as pl

PRICE_TYPES = ("input", "output", "cached_input")  # the types a blend can use
PRICE_COLUMNS = tuple(f"{t}_usd_per_mtok" for t in PRICE_TYPES)
PricingBasis = Literal["evaluation_date", "today"]


@dataclass(frozen=True)
class TokenBlend:
    """Shares of a token count billed as input, output and cached input (non-negative, summing to 1).

    Default 3:1 input:output, the convention of Artificial Analysis and most price charts.
    """

    input: float = 0.75
    output: float = 0.25
    cached_input: float = 0.0

    def __post_init__(self) -> None:
        shares = (self.input, self.output, self.cached_input)
        if min(shares) < 0 or not math.isclose(sum(shares), 1.0, abs_tol=1e-9):
            raise ValueError(f"token blend shares must be ≥ 0 and sum to 1, got {shares}")

    @property
    def label(self) -> str:
        """Stored in every row that uses the blend, e.g. 'input 0.75 / output 0.25 / cached 0'."""
        return f"input {self.input:g} / output {self.output:g} / cached {self.cached_input:g}"

    def usd_per_mtok(self) -> pl.Expr:
        """Blended USD per million tokens from the `*_usd_per_mtok` columns; NULL when a price the blend
        needs (share > 0) is missing — never silently priced at another type."""
        shares = zip((self.input, self.output, self.cached_input), PRICE_COLUMNS, strict=True)
        return pl.sum_horizontal(
            [share * pl.col(column) for share, column in shares if share > 0], ignore_nulls=False
        )


def prices_as_of(
    prices: pl.DataFrame,
    keys: pl.DataFrame,
    date_column: str = "price_date",
) -> pl.DataFrame:
    """`keys` (with model_id and a DATE column) plus the input/output/cached-input USD per million tokens
    in effect for that model on that date (NULL where no interval contains the date) and `price_sources`."""
    lookup = keys.select("model_id", date_column).unique().drop_nulls()
    matched = (
        lookup.join(prices.filter(pl.col("price_type").is_in(PRICE_TYPES)), on="model_id")
        .filter(
            (pl.col("valid_from").is_null() | (pl.col("valid_from") <= pl.col(date_column)))
            & (pl.col("valid_to").is_null() | (pl.col(date_column) < pl.col("valid_to")))
        )
        .sort("valid_from", descending=True, nulls_last=True)
        .group_by("model_id", date_column, "price_type", maintain_order=True)
        .first()
        .group_by("model_id", date_column)
        .agg(
            *[
                pl.col("usd_per_mtok").filter(pl.col("price_type") == t).first().alias(column)
                for t, column in zip(PRICE_TYPES, PRICE_COLUMNS, strict=True)
            ],
            pl.col("source").unique().sort().str.join("+").alias("price_sources"),
        )
    )
    if matched.is_empty():  # keep the columns' types when nothing matched
        matched = matched.with_columns(pl.col(c).cast(pl.Float64) for c in PRICE_COLUMNS)
    return keys.join(matched, on=["model_id", date_column], how="left")


def run_spend(
    runs: pl.DataFrame,
    prices: pl.DataFrame,
    blend: TokenBlend,
    basis: PricingBasis,
    today: dt.date,
) -> pl.DataFrame:
    """Spend per run in USD under one pricing basis.

    runs: run_id, model_id, run_date (DATE, the evaluation date), tokens_count, run_cost_usd; one row per run.
    'evaluation_date' prices each run at the price in effect on run_date; 'today' at the price in effect on
    `today`. A recorded generation cost (run_cost_usd) wins where non-null: as is on the evaluation date,
    and rescaled by (blended price today / blended price on run_date) for 'today', which keeps the run's
    actual token mix. Otherwise spend = tokens_count × blended USD per token. Adds priced_on,
    blended_usd_per_mtok, price_sources, spend_usd (NULL where no price or count) and spend_source.
    """
    frame = runs.with_columns(
        pl.col("run_date").alias("_eval_date"), pl.lit(today, dtype=pl.Date).alias("_today")
    )
    for date_column, prefix in (("_eval_date", "_eval"), ("_today", "_now")):
        priced = prices_as_of(prices, frame.select("run_id", "model_id", date_column), date_column)
        frame = frame.join(
            priced.select(
                "run_id",
                blend.usd_per_mtok().alias(f"{prefix}_blended"),
                pl.col("price_sources").alias(f"{prefix}_sources"),
            ),
            on="run_id",
            how="left",
        )
    if basis == "evaluation_date":
        blended, sources, priced_on = pl.col("_eval_blended"), pl.col("_eval_sources"), pl.col("_eval_date")
        from_cost = pl.col("run_cost_usd")
    else:
        blended, sources, priced_on = pl.col("_now_blended"), pl.col("_now_sources"), pl.col("_today")
        from_cost = pl.col("run_cost_usd") * pl.col("_now_blended") / pl.col("_eval_blended")
    has_cost = pl.col("run_cost_usd").is_not_null()
    return frame.with_columns(
        priced_on.alias("priced_on"),
        blended.alias("blended_usd_per_mtok"),
        sources.alias("price_sources"),
        pl.when(has_cost)
        .then(from_cost)
        .otherwise(pl.col("tokens_count") * blended / 1e6)
        .alias("spend_usd"),
        pl.when(has_cost)
        .then(pl.lit("generation_cost" if basis == "evaluation_date" else "generation_cost × price ratio"))
        .when(pl.col("tokens_count").is_not_null())
        .then(pl.lit("tokens_count × blended price"))
        .alias("spend_source"),
    ).drop("_eval_date", "_today", "_eval_blended", "_now_blended", "_eval_sources", "_now_sources")
