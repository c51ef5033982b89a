"""Crossings of known curves, who leads on each side, and the cheapest-model envelope."""

from __future__ import annotations

import numpy as np
import pytest

from warehouse.derivations.crossings import cheapest_envelope, crossings, curve_crossings, own_frontier


def test_two_power_laws_cross_where_equal_with_leaders_either_side():
    cost = np.geomspace(1, 10_000, 9)
    # H_a = C and H_b = 10·√C are lines on log-log axes: equal at C = 100, H = 100
    found = curve_crossings({"a": (cost, cost), "b": (cost, 10 * np.sqrt(cost))}, log_performance=True)
    assert found.height == 1
    row = found.row(0, named=True)
    assert row["crossing_cost_usd"] == pytest.approx(100.0)
    assert row["performance_at_crossing"] == pytest.approx(100.0)
    assert (row["leader_below"], row["leader_above"]) == ("b", "a")


def test_effort_curves_on_a_score_axis_cross_inside_their_common_range():
    # x: 50 + 10·log10(C) on [1, 100]; y: 40·log10(C) on [10, 100] → equal at log10(C) = 5/3
    curves = {
        "x": (np.array([100.0, 1.0]), np.array([70.0, 50.0])),  # any order: sorted by cost
        "y": (np.array([10.0, 100.0]), np.array([40.0, 80.0])),
    }
    row = curve_crossings(curves, log_performance=False).row(0, named=True)
    assert row["crossing_cost_usd"] == pytest.approx(10 ** (5 / 3))
    assert row["performance_at_crossing"] == pytest.approx(200 / 3)
    assert (row["leader_below"], row["leader_above"]) == ("x", "y")


def test_every_sign_change_is_a_crossing_and_a_touch_is_none():
    x = np.log10(np.array([1.0, 10, 100, 1000]))
    saw = np.array([1.0, 3, 1, 3])
    flat = (np.array([0.0, 3.0]), np.array([2.0, 2.0]))
    found = crossings(x, saw, *flat)
    assert [c.x for c in found] == pytest.approx([0.5, 1.5, 2.5])
    assert [c.leader_below for c in found] == ["b", "a", "b"]
    touching = crossings(np.array([0.0, 1, 2]), np.array([1.0, 2, 1]), np.array([0.0, 2]), np.array([2.0, 2]))
    assert touching == []
    rising = (np.array([0.0, 1, 2]), np.array([1.0, 2, 3]))
    through_a_node = crossings(*rising, np.array([0.0, 2]), np.array([2.0, 2]))
    assert [(c.x, c.leader_below, c.leader_above) for c in through_a_node] == [(1.0, "b", "a")]


def test_disjoint_budget_ranges_have_no_crossing():
    curves = {"a": (np.array([1.0, 2]), np.array([1.0, 2])), "b": (np.array([5.0, 9]), np.array([1.0, 2]))}
    assert curve_crossings(curves, log_performance=True).is_empty()


def test_a_setting_beaten_by_a_cheaper_one_of_the_same_model_is_dropped():
    x, y = own_frontier(np.array([0.0, 1, 2, 3]), np.array([10.0, 8, 12, 12]))
    assert x.tolist() == [0.0, 2.0] and y.tolist() == [10.0, 12.0]


def test_envelope_gives_each_level_to_the_cheapest_model():
    # a reaches level h ∈ [10, 20] at 10^((h − 10)/10); b reaches anything up to 18 at 5, then up to 40 at 20.
    curves = {
        "a": (np.array([1.0, 10.0]), np.array([10.0, 20.0])),
        "b": (np.array([5.0, 20.0]), np.array([18.0, 40.0])),
    }
    envelope = cheapest_envelope(curves, log_performance=False)
    assert envelope["model"].to_list() == ["a", "b"]
    switch = 10 + 10 * np.log10(5)  # where a's cost reaches b's 5
    assert envelope["performance_from"].to_list() == pytest.approx([10.0, switch])
    assert envelope["performance_to"].to_list() == pytest.approx([switch, 40.0])
    assert envelope["cost_from_usd"].to_list() == pytest.approx([1.0, 5.0])
    assert envelope["cost_to_usd"].to_list() == pytest.approx([5.0, 20.0])


def test_envelope_of_nothing_is_empty():
    assert cheapest_envelope({}, log_performance=True).is_empty()


def test_a_dearer_model_overtakes_a_cheaper_models_best():
    # A tops out at 80 for $0.10; B reaches 90 at $0.40: above A's dearest setting A stays at 80,
    # so B leads from where it passes 80.
    curves = {
        "a": (np.array([0.05, 0.10]), np.array([70.0, 80.0])),
        "b": (np.array([0.20, 0.40]), np.array([75.0, 90.0])),
    }
    (row,) = curve_crossings(curves, log_performance=False).rows(named=True)
    assert row["performance_at_crossing"] == pytest.approx(80.0)
    assert (row["leader_below"], row["leader_above"]) == ("a", "b")
    assert 0.20 < row["crossing_cost_usd"] < 0.40
