"""Where two performance-vs-cost curves cross, and which curve is the cheapest way to each level.

A curve is a set of (cost, performance) points: a METR p50-vs-spending-cap curve, or the effort settings
of one model on a score-vs-cost leaderboard. Curves are interpolated linearly in (ln cost, g(performance))
with g = ln for horizons (log-log) and g = identity for scores (which can be 0 or negative). Higher
performance is better. Above its dearest point a curve stays at its best performance (a bigger budget
buys that model no more), so a cheaper model's best can be overtaken by a dearer model; below its cheapest
point a model cannot be bought at all, so no crossing is sought there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import polars as pl

Curve = tuple[np.ndarray, np.ndarray]  # (cost USD, performance), any order
CROSSING_SCHEMA = {
    "model_a": pl.String,
    "model_b": pl.String,
    "crossing_cost_usd": pl.Float64,
    "performance_at_crossing": pl.Float64,
    "leader_below": pl.String,
    "leader_above": pl.String,
}
ENVELOPE_SCHEMA = {
    "model": pl.String,
    "performance_from": pl.Float64,
    "performance_to": pl.Float64,
    "cost_from_usd": pl.Float64,
    "cost_to_usd": pl.Float64,
}


@dataclass(frozen=True)
class Crossing:
    x: float  # where the curves meet, on the x axis given
    y: float  # the common value there
    leader_below: str  # "a" or "b": the higher curve just below x
    leader_above: str


def prepare(
    cost: np.ndarray, performance: np.ndarray, log_performance: bool
) -> tuple[np.ndarray, np.ndarray]:
    """(ln cost, g(performance)) sorted by cost, points with cost ≤ 0 (or performance ≤ 0 on a log axis)
    dropped; of several points at one cost the best is kept (the others cannot be on the curve)."""
    cost, performance = np.asarray(cost, dtype=float), np.asarray(performance, dtype=float)
    keep = np.isfinite(cost) & np.isfinite(performance) & (cost > 0)
    if log_performance:
        keep &= performance > 0
    x, y = np.log(cost[keep]), performance[keep]
    y = np.log(y) if log_performance else y
    order = np.lexsort((-y, x))
    x, y = x[order], y[order]
    first = np.ones(len(x), dtype=bool)
    first[1:] = x[1:] != x[:-1]
    return x[first], y[first]


def performance_scale(y: float | np.ndarray, log_performance: bool) -> float | np.ndarray:
    """Back from the interpolation axis to the performance scale (inverse of `prepare`'s transform)."""
    return np.exp(y) if log_performance else y


def crossings(xa: np.ndarray, ya: np.ndarray, xb: np.ndarray, yb: np.ndarray) -> list[Crossing]:
    """Every sign change of ya − yb over the common x range of two piecewise-linear curves (x ascending).

    Between the union of both curves' nodes the difference is linear, so each root is exact. A stretch
    where the curves coincide counts as one crossing at its start if the leader changes across it, and
    as none if the same curve leads on both sides (a touch).
    """
    if len(xa) < 2 or len(xb) < 2:
        return []
    low, high = max(xa[0], xb[0]), max(xa[-1], xb[-1])
    if low >= high:
        return []
    nodes = np.union1d(np.concatenate([xa, xb]), [low, high])
    nodes = nodes[(nodes >= low) & (nodes <= high)]
    ya_n, yb_n = budget_curve(nodes, xa, ya), budget_curve(nodes, xb, yb)
    diff = ya_n - yb_n
    sign = np.sign(diff)
    found = []
    nonzero = np.flatnonzero(sign)
    for j, k in zip(nonzero[:-1], nonzero[1:], strict=True):
        if sign[j] == sign[k]:
            continue
        if k == j + 1:
            t = diff[j] / (diff[j] - diff[k])
            x = nodes[j] + t * (nodes[k] - nodes[j])
        else:
            x = nodes[j + 1]  # they meet at a node (and may run together until nodes[k - 1])
        below, above = ("a", "b") if sign[j] > 0 else ("b", "a")
        found.append(Crossing(float(x), float(budget_curve(np.array([x]), xa, ya)[0]), below, above))
    return found


def budget_curve(at: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The curve at `at`: interpolated inside its range, its best value beyond its dearest point."""
    return np.where(at > x[-1], y.max(), np.interp(at, x, y))


def curve_crossings(curves: Mapping[str, Curve], log_performance: bool) -> pl.DataFrame:
    """All crossings between every pair of curves. Grain: one row per pair × crossing; model_a < model_b.
    crossing_cost_usd is the budget C* where both perform equally, performance_at_crossing the value
    there (back on the performance scale), leaders the better curve just below and above C*."""
    prepared = {name: prepare(*curve, log_performance) for name, curve in sorted(curves.items())}
    rows = []
    for a, b in combinations(prepared, 2):
        for found in crossings(*prepared[a], *prepared[b]):
            names = {"a": a, "b": b}
            rows.append(
                {
                    "model_a": a,
                    "model_b": b,
                    "crossing_cost_usd": float(np.exp(found.x)),
                    "performance_at_crossing": float(performance_scale(found.y, log_performance)),
                    "leader_below": names[found.leader_below],
                    "leader_above": names[found.leader_above],
                }
            )
    return pl.DataFrame(rows, schema=CROSSING_SCHEMA)


def own_frontier(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points of one sorted curve that no cheaper point of it matches or beats: increasing in both."""
    best = np.maximum.accumulate(y)
    keep = np.ones(len(y), dtype=bool)
    keep[1:] = y[1:] > best[:-1]
    return x[keep], y[keep]


def cheapest_envelope(curves: Mapping[str, Curve], log_performance: bool) -> pl.DataFrame:
    """For every performance level, the curve that reaches it at the lowest cost, as ranges.

    The cost of reaching level h on a curve is read off its own frontier (`own_frontier`: a setting beaten
    by a cheaper one of the same model is never the one to buy), interpolated between its points; a level
    at or below its lowest point costs that point's cost (the cheapest known way to get it); above its
    best point it is unreachable. The envelope changes owner only at a curve's node or where two of these
    cost-to-reach functions cross, so each stretch between those levels has one winner, found at its
    midpoint. Grain: one row per maximal stretch; performance_from < performance_to, ascending.
    """
    inverse = {}
    for name, curve in sorted(curves.items()):
        x, y = own_frontier(*prepare(*curve, log_performance))
        if len(x):
            inverse[name] = (y, x)  # level → ln cost, both ascending
    if not inverse:
        return pl.DataFrame(schema=ENVELOPE_SCHEMA)
    floor = min(levels[0] for levels, _ in inverse.values())
    extended = {  # flat below the lowest point, down to the lowest level of any curve
        name: (np.concatenate([[floor], levels]), np.concatenate([[costs[0]], costs]))
        if levels[0] > floor
        else (levels, costs)
        for name, (levels, costs) in inverse.items()
    }
    breaks = {floor, *(level for levels, _ in extended.values() for level in levels)}
    for a, b in combinations(extended, 2):
        breaks.update(found.x for found in crossings(*extended[a], *extended[b]))
    breaks = np.array(sorted(breaks))

    def cost_at(name: str, level: float) -> float:
        levels, costs = extended[name]
        return float(np.interp(level, levels, costs)) if level <= levels[-1] else np.inf

    def back(level: float) -> float:
        return float(performance_scale(level, log_performance))

    rows: list[dict] = []
    for lo, hi in zip(breaks[:-1], breaks[1:], strict=True):
        mid = (lo + hi) / 2
        winner = min(extended, key=lambda name: cost_at(name, mid))
        if rows and rows[-1]["model"] == winner:
            rows[-1]["performance_to"] = back(hi)
            rows[-1]["cost_to_usd"] = float(np.exp(cost_at(winner, hi)))
            continue
        rows.append(
            {
                "model": winner,
                "performance_from": back(lo),
                "performance_to": back(hi),
                "cost_from_usd": float(np.exp(cost_at(winner, lo))),
                "cost_to_usd": float(np.exp(cost_at(winner, hi))),
            }
        )
    return pl.DataFrame(rows, schema=ENVELOPE_SCHEMA)
