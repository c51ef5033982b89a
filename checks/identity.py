"""Identity checks: which names matched no canonical model, and the coverage targets.

- Every METR model that a price list sells must be matched to a price (a METR horizon without a price
  cannot be turned into an hourly cost).
- At least 80% of leaderboard entries that carry a cost must be matched to a canonical model.
"""

from __future__ import annotations

import duckdb

from checks.outcome import CheckOutcome

COSTED_TARGET = 0.8


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def unmatched_aliases(con: duckdb.DuckDBPyConnection) -> CheckOutcome:
    """Fails (as a warning) while any name is unmatched; lists each with its nearest candidates."""
    per_source = _rows(
        con,
        "SELECT source, count(*) AS names, count(model_id) AS matched, "
        "round(count(model_id) / count(*), 3) AS share FROM core.model_aliases GROUP BY source ORDER BY source",
    )
    unmatched = _rows(
        con,
        "SELECT source, alias, array_to_string(nearest_candidates, ', ') AS nearest_candidates "
        "FROM core.model_aliases WHERE model_id IS NULL ORDER BY source, alias",
    )
    details = {f"matched_share_{r['source']}": r["share"] for r in per_source}
    if not unmatched:
        return CheckOutcome(True, "every model name matched a canonical model", [], details)
    return CheckOutcome(
        False,
        f"{len(unmatched)} model names matched no canonical model: add them to warehouse/identity/curated.yaml",
        unmatched,
        details,
    )


def coverage(con: duckdb.DuckDBPyConnection) -> CheckOutcome:
    metr = _rows(
        con,
        """
        WITH metr_models AS (
            SELECT DISTINCT model FROM staging.stg_metr__horizons
            UNION SELECT DISTINCT model FROM staging.stg_metr__runs WHERE NOT is_human_baseline
        )
        SELECT m.model, a.model_id, d.defined_by,
               EXISTS (SELECT 1 FROM core.fct_prices p WHERE p.model_id = a.model_id AND p.price_type = 'input')
                   AS priced
        FROM metr_models m
        LEFT JOIN core.model_aliases a ON a.source = 'metr' AND a.alias = m.model
        LEFT JOIN core.dim_model d ON d.model_id = a.model_id
        ORDER BY m.model
        """,
    )
    sold = [r for r in metr if r["defined_by"] not in (None, "curated")]
    unpriced_sold = [r for r in sold if not r["priced"]]
    costed = _rows(
        con,
        "SELECT count(*) AS entries, count(model_id) AS matched FROM core.fct_benchmark_results "
        "WHERE total_cost_usd IS NOT NULL OR cost_per_task_usd IS NOT NULL",
    )[0]
    share = costed["matched"] / costed["entries"] if costed["entries"] else 1.0
    details = {
        "metr_models": len(metr),
        "metr_models_sold_by_a_price_list": len(sold),
        "metr_models_with_a_price": sum(r["priced"] for r in metr),
        "metr_models_without_any_price": ", ".join(r["model"] for r in metr if not r["priced"]) or "none",
        "costed_leaderboard_entries": costed["entries"],
        "costed_entries_matched": costed["matched"],
        "costed_entries_matched_share": round(share, 3),
    }
    failing = [
        {"model": r["model"], "model_id": r["model_id"], "problem": "sold but unpriced"}
        for r in unpriced_sold
    ]
    passed = not unpriced_sold and share >= COSTED_TARGET
    summary = (
        f"METR: {details['metr_models_with_a_price']} of {len(metr)} models priced "
        f"({len(sold) - len(unpriced_sold)} of {len(sold)} sold by a price list); "
        f"costed leaderboard entries matched: {share:.1%} (target {COSTED_TARGET:.0%})"
    )
    return CheckOutcome(passed, summary, failing, details)
