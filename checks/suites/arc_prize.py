"""Suites for the ARC Prize table: what must hold for a score/cost point to be believed."""

from __future__ import annotations

from checks.gx import Expect, Suite, between, in_set, non_empty, non_negative, not_in_future, not_null, unique


def stg_arc_prize__results() -> Suite:
    return Suite(
        "stg_arc_prize__results",
        "staging.stg_arc_prize__results",
        ("origin", "dataset_id", "entry_id", "snapshot_date"),
        (
            non_empty(),
            unique("origin", "dataset_id", "entry_id", "snapshot_sha256"),
            in_set("origin", ["official", "derived"]),
            not_null("provenance"),
            Expect(
                "ExpectColumnValuesToMatchRegex",
                "benchmark is arc_agi_<n>[_<split>]",
                {"column": "benchmark", "regex": "^arc_agi_[0-9]+(_[a-z0-9_]+)?$"},
            ),
            not_null("model_name"),
            not_null("score"),
            between("score", 0, 100),
            non_negative("cost_per_task_usd"),
            non_negative("total_cost_usd"),
            not_in_future("released_on"),
        ),
    )


SUITES = {"staging.stg_arc_prize__results": stg_arc_prize__results}
