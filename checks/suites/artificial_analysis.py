"""Suite for the Artificial Analysis models table."""

from __future__ import annotations

from checks.gx import (
    Suite,
    between,
    in_set,
    non_empty,
    non_negative,
    not_in_future,
    not_null,
    positive,
    unique,
)


def stg_artificial_analysis__models() -> Suite:
    return Suite(
        "stg_artificial_analysis__models",
        "staging.stg_artificial_analysis__models",
        ("origin", "slug", "snapshot_date"),
        (
            non_empty(),
            unique("origin", "slug", "snapshot_sha256"),
            not_null("slug"),
            in_set("origin", ["api", "token_tariff_reduced", "openrouter_derived"]),
            between("intelligence_index", 0, 100),
            between("coding_index", 0, 100),
            between("agentic_index", 0, 100),
            between("math_index", 0, 100),
            positive("output_tokens_per_second"),
            positive("ttft_seconds"),
            positive("ttfa_seconds"),
            non_negative("price_1m_blended_usd"),
            non_negative("price_1m_input_usd"),
            non_negative("price_1m_output_usd"),
            not_in_future("released_on"),
        ),
    )


SUITES = {"staging.stg_artificial_analysis__models": stg_artificial_analysis__models}
