"""Pareto frontier of score against cost, and how it moves as entries become known.

An entry is on the frontier when no other entry is both cheaper-or-equal and better-or-equal with at
least one of the two strict (two entries with identical cost and score are both on it). Entries only
arrive, never leave, and dominance is transitive, so an entry that is displaced never returns and one
that is dominated when it arrives never enters.
"""

from __future__ import annotations

import numpy as np
import polars as pl

HISTORY_SCHEMA = {
    "entry": pl.String,
    "cost": pl.Float64,
    "score": pl.Float64,
    "entered_on": pl.Date,
    "displaced_on": pl.Date,
    "displaced_by": pl.String,
}


def dominated_by(cost: np.ndarray, score: np.ndarray) -> np.ndarray:
    """(n × n) boolean: [i, j] is True when entry j dominates entry i."""
    cheaper_or_equal = cost[None, :] <= cost[:, None]
    better_or_equal = score[None, :] >= score[:, None]
    strict = (cost[None, :] < cost[:, None]) | (score[None, :] > score[:, None])
    return cheaper_or_equal & better_or_equal & strict


def pareto_mask(cost: np.ndarray, score: np.ndarray) -> np.ndarray:
    """True for the entries no other entry dominates."""
    return ~dominated_by(np.asarray(cost, float), np.asarray(score, float)).any(axis=1)


def frontier_history(entries: pl.DataFrame) -> pl.DataFrame:
    """Membership events of one benchmark's frontier.

    entries: entry (unique label), cost (USD), score (higher is better), known_from (DATE: the first date
    the entry is known). On each date the frontier is computed over the entries known by then. Grain: one
    row per entry that was ever on the frontier: entered_on, and displaced_on / displaced_by (the
    newly known entry that dominates it — of several, the best scoring, then the cheapest; NULL while it
    is still on the frontier).
    """
    entries = entries.drop_nulls(["cost", "score", "known_from"]).sort("known_from", "entry")
    rows: dict[str, dict] = {}
    current: list[int] = []  # indices (into entries) of today's frontier
    cost, score = entries["cost"].to_numpy(), entries["score"].to_numpy()
    names, known = entries["entry"].to_list(), entries["known_from"].to_list()
    for day in sorted(set(known)):
        new = [i for i, d in enumerate(known) if d == day]
        pool = np.array(current + new)
        beaten = dominated_by(cost[pool], score[pool])
        keep = ~beaten.any(axis=1)
        for position, i in enumerate(pool):
            if i in current and not keep[position]:
                rivals = [pool[j] for j in np.flatnonzero(beaten[position]) if pool[j] in new]
                winner = min(rivals, key=lambda j: (-score[j], cost[j], names[j]))
                rows[names[i]].update(displaced_on=day, displaced_by=names[winner])
            elif i in new and keep[position]:
                rows[names[i]] = {
                    "entry": names[i],
                    "cost": float(cost[i]),
                    "score": float(score[i]),
                    "entered_on": day,
                    "displaced_on": None,
                    "displaced_by": None,
                }
        current = [int(i) for i, k in zip(pool, keep, strict=True) if k]
    return pl.DataFrame(list(rows.values()), schema=HISTORY_SCHEMA)
