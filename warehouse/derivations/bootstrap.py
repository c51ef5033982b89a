"""METR's hierarchical bootstrap, as resampling counts: families, then tasks within family, then runs
within task, each level drawn with replacement.

A bootstrap sample is a vector of counts (how often each run of one model appears), so all samples of
a model form one (samples × runs) integer matrix and a weighted refit on sample s uses weights
counts[s] · w. As in METR's code, duplicated runs keep their full weight and nothing is renormalised
("if we sample a task twice, it should be counted twice"). Drawing the t tasks of each of a family's k
copies is the same as drawing k·t tasks from the family at once, which is what makes this vectorisable.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np

N_SAMPLES = 1000


def model_seed(*key: str) -> int:
    """A stable seed from a model's key (e.g. runs file and model id): its samples do not change when
    other models are added or removed, and do not depend on Python's hash randomisation."""
    return int.from_bytes(hashlib.sha256("/".join(key).encode()).digest()[:8], "little") >> 1  # fits BIGINT


def resample_within(
    parent_counts: np.ndarray, child_parent: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Counts of each child after every copy of a parent redraws its children with replacement.

    parent_counts: (S, P) how often each parent was drawn in each sample; child_parent: (C,) parent index
    of each child. Returns (S, C): a parent drawn k times yields k·(its number of children) uniform draws.
    """
    n_samples, n_parents = parent_counts.shape
    sizes = np.bincount(child_parent, minlength=n_parents)
    children_by_parent = np.argsort(child_parent, kind="stable")
    first_child = np.cumsum(sizes) - sizes
    draws = (parent_counts * sizes).ravel()
    cell = np.repeat(np.arange(n_samples * n_parents), draws)  # one entry per draw: sample·P + parent
    sample, parent = np.divmod(cell, n_parents)
    offset = (rng.random(len(cell)) * sizes[parent]).astype(np.int64)
    child = children_by_parent[first_child[parent] + offset]
    n_children = len(child_parent)
    return np.bincount(sample * n_children + child, minlength=n_samples * n_children).reshape(
        n_samples, n_children
    )


def hierarchical_counts(family: np.ndarray, task: np.ndarray, n_samples: int, seed: int) -> np.ndarray:
    """(n_samples × runs) counts of each run in each bootstrap sample of one model's runs.

    family, task: labels per run (tasks must nest in families). Families are drawn with replacement,
    then tasks within each drawn family, then runs within each drawn task.
    """
    rng = np.random.default_rng(seed)
    task_labels, run_task = np.unique(np.asarray(task), return_inverse=True)
    family_labels, run_family = np.unique(np.asarray(family), return_inverse=True)
    task_family = np.zeros(len(task_labels), dtype=np.int64)
    task_family[run_task] = run_family
    if not np.array_equal(task_family[run_task], run_family):
        raise ValueError("a task appears in more than one family")
    root = np.ones((n_samples, 1), dtype=np.int64)
    family_counts = resample_within(root, np.zeros(len(family_labels), dtype=np.int64), rng)
    task_counts = resample_within(family_counts, task_family, rng)
    return resample_within(task_counts, run_task, rng)


def percentile_interval(samples: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """Equal-tailed percentile interval (2.5th, 97.5th for 0.95) over the finite samples — NaN and inf
    mark degenerate samples and are left out; (NaN, NaN) when none is left."""
    finite = np.asarray(samples, dtype=float)
    finite = finite[np.isfinite(finite)]
    if not len(finite):
        return math.nan, math.nan
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(finite, [tail, 100 - tail])
    return float(low), float(high)
