"""Hierarchical bootstrap counts: the structure of each level, reproducibility, unbiasedness."""

from __future__ import annotations

import math

import numpy as np
import pytest

from warehouse.derivations.bootstrap import (
    hierarchical_counts,
    model_seed,
    percentile_interval,
    resample_within,
)

# 3 families with 1, 2 and 3 tasks; tasks with 1 to 4 runs
TASKS = {"f1": {"a": 2}, "f2": {"b": 1, "c": 3}, "f3": {"d": 4, "e": 2, "f": 1}}
FAMILY = np.array([f for f, tasks in TASKS.items() for t, n in tasks.items() for _ in range(n)])
TASK = np.array([t for tasks in TASKS.values() for t, n in tasks.items() for _ in range(n)])


def test_every_level_is_drawn_with_replacement_at_its_own_size():
    counts = hierarchical_counts(FAMILY, TASK, 500, seed=1)
    assert counts.shape == (500, len(TASK))
    family_copies = []
    for tasks in TASKS.values():
        task_copies = []
        for task, n_runs in tasks.items():
            per_task = counts[:, task == TASK].sum(axis=1)
            assert (per_task % n_runs == 0).all()  # each copy of a task redraws exactly its n runs
            task_copies.append(per_task // n_runs)
        per_family = np.sum(task_copies, axis=0)
        assert (per_family % len(tasks) == 0).all()  # each copy of a family redraws its t tasks
        family_copies.append(per_family // len(tasks))
    assert (np.sum(family_copies, axis=0) == len(TASKS)).all()  # F families drawn from F


def test_each_run_appears_once_on_average():
    counts = hierarchical_counts(FAMILY, TASK, 20_000, seed=2)
    assert counts.mean(axis=0) == pytest.approx(np.ones(len(TASK)), abs=0.05)


def test_same_seed_same_samples_other_seed_other_samples():
    first = hierarchical_counts(FAMILY, TASK, 50, seed=model_seed("runs_1_1", "o3_inspect"))
    again = hierarchical_counts(FAMILY, TASK, 50, seed=model_seed("runs_1_1", "o3_inspect"))
    other = hierarchical_counts(FAMILY, TASK, 50, seed=model_seed("runs_1_1", "gpt_5_2025_08_07_inspect"))
    assert np.array_equal(first, again) and not np.array_equal(first, other)
    assert 0 <= model_seed("anything") < 2**63


def test_a_task_in_two_families_is_refused():
    with pytest.raises(ValueError, match="more than one family"):
        hierarchical_counts(np.array(["f1", "f2"]), np.array(["t", "t"]), 5, seed=0)


def test_an_undrawn_parent_draws_no_children():
    counts = resample_within(np.array([[0, 2]]), np.array([0, 0, 1]), np.random.default_rng(0))
    assert counts.tolist()[0][:2] == [0, 0] and counts.sum() == 2


def test_percentile_interval_leaves_out_degenerate_samples():
    low, high = percentile_interval(np.r_[np.arange(1.0, 101.0), np.nan, np.inf])
    assert (low, high) == pytest.approx(np.percentile(np.arange(1.0, 101.0), [2.5, 97.5]))
    assert all(math.isnan(v) for v in percentile_interval(np.array([np.nan, np.nan])))
