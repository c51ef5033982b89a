"""Pareto frontier history: dominated entries never enter; entry and displacement dates and culprits."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from tests.warehouse.test_cost_marts import EMPTY_RESULTS
from warehouse.derivations.pareto import frontier_history, pareto_mask
from warehouse.marts.costs import build_pareto_frontier_history

D1, D2, D3 = dt.date(2024, 1, 1), dt.date(2024, 6, 1), dt.date(2025, 1, 1)


def test_pareto_mask_keeps_ties_and_drops_the_dominated():
    cost = np.array([1.0, 2, 2, 3, 1])
    score = np.array([10.0, 20, 20, 15, 10])
    assert pareto_mask(cost, score).tolist() == [True, True, True, False, True]


def _entries() -> pl.DataFrame:
    return pl.DataFrame(
        [
            ("A", 10.0, 50.0, D1),
            ("B", 20.0, 40.0, D1),  # dominated by A from the start
            ("C", 5.0, 60.0, D2),  # cheaper and better than A
            ("D", 30.0, 70.0, D3),  # better, dearer: joins beside C
            ("E", 40.0, 65.0, D3),  # dominated by D on arrival
        ],
        schema={"entry": pl.String, "cost": pl.Float64, "score": pl.Float64, "known_from": pl.Date},
        orient="row",
    )


def test_entry_and_displacement_dates_and_a_dominated_entry_never_enters():
    history = {row["entry"]: row for row in frontier_history(_entries()).iter_rows(named=True)}
    assert set(history) == {"A", "C", "D"}
    a = history["A"]
    assert (a["entered_on"], a["displaced_on"], a["displaced_by"]) == (D1, D2, "C")
    assert (history["C"]["entered_on"], history["C"]["displaced_on"]) == (D2, None)
    assert (history["D"]["entered_on"], history["D"]["displaced_by"]) == (D3, None)


def test_the_best_of_several_new_dominators_is_named():
    entries = pl.concat(
        [
            _entries().head(1),
            pl.DataFrame(
                {"entry": ["F", "G"], "cost": [9.0, 8.0], "score": [55.0, 52.0], "known_from": [D2, D2]},
                schema=_entries().schema,
            ),
        ]
    )
    row = frontier_history(entries).filter(pl.col("entry") == "A").row(0, named=True)
    assert (row["displaced_on"], row["displaced_by"]) == (D2, "F")


def test_mart_dates_entries_by_evaluation_and_keeps_leaderboards_apart():
    results = pl.DataFrame(
        [
            ("aider_polyglot", "m1", "M1", "high", None, 50.0, "percent", 10.0, None, D1, D3, "aider"),
            ("aider_polyglot", "m2", "M2", None, None, 40.0, "percent", 20.0, None, D1, D3, "aider"),
            ("aider_polyglot", "m3", "M3", None, None, 60.0, "percent", 5.0, None, None, D3, "aider"),
            ("arc_agi_1", "m2", "M2", None, None, 10.0, "percent", 99.0, 2.0, D2, D3, "arc_prize"),
        ],
        schema=EMPTY_RESULTS.schema,
        orient="row",
    )
    history = build_pareto_frontier_history({"core.fct_benchmark_results": results})
    aider = history.filter(pl.col("benchmark") == "aider_polyglot")
    assert aider["entry"].to_list() == ["M1 [high]", "M3"]
    assert aider["cost_measure"].unique().to_list() == ["total_cost_usd"]
    first = aider.row(0, named=True)
    assert (first["entered_on"], first["displaced_on"], first["displaced_by"]) == (D1, D3, "M3")
    assert aider["known_from_basis"].to_list() == ["evaluated_on", "evaluated_on, else snapshot_date"]
    arc = history.filter(pl.col("benchmark") == "arc_agi_1").row(0, named=True)
    assert (arc["cost_measure"], arc["cost_usd"]) == ("cost_per_task_usd", 2.0)
