"""Suite for the LMArena Elo table."""

from __future__ import annotations

from checks.gx import Suite, between, in_set, non_empty, not_null, unique


def stg_lmarena__elo() -> Suite:
    return Suite(
        "stg_lmarena__elo",
        "staging.stg_lmarena__elo",
        ("model_name", "snapshot_date"),
        (
            non_empty(),
            unique("model_name", "snapshot_sha256"),
            not_null("model_name"),
            in_set("score_unit", ["elo"]),
            # Arena Elo has stayed within roughly 800-1500 since 2023: far outside is a unit or parse error.
            between("score", 500, 2500),
        ),
    )


SUITES = {"staging.stg_lmarena__elo": stg_lmarena__elo}
