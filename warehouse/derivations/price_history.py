"""Effective-dated prices from many sources: claims in, one non-overlapping history out.

A *claim* says "source S priced model M (type T) at p from `start` until `end`" (end exclusive, None =
open). Hand-curated histories (llm-prices) claim their published ranges; observed sources (OpenRouter,
LiteLLM, the pricing page) claim a price from the first snapshot that showed it until the first snapshot
that showed another. Where claims overlap, the one with the newest evidence wins — the date its price was
first stated — so a curated range published in April 2025 and never closed does not override a price
observed in August 2026; ties go to the more authoritative source (`SOURCE_RANK`). Overlaps whose prices
differ are returned as disagreements, not discarded.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import polars as pl

# On equal evidence dates, the vendor's own page beats aggregators, which beat hand-curated lists.
SOURCE_RANK = ("anthropic_pricing", "openrouter", "litellm", "llm_prices")

CLAIM_SCHEMA = {
    "model_id": pl.String,
    "price_type": pl.String,
    "usd_per_mtok": pl.Float64,
    "start": pl.Date,
    "end": pl.Date,
    "source": pl.String,
    "source_alias": pl.String,
    "evidence_date": pl.Date,
}


@dataclass(frozen=True)
class Claim:
    usd_per_mtok: float
    start: dt.date
    end: dt.date | None
    source: str
    source_alias: str
    evidence_date: dt.date

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def precedence(self) -> tuple:
        return (self.evidence_date, -SOURCE_RANK.index(self.source) if self.source in SOURCE_RANK else -99)


def observed_claims(observations: pl.DataFrame, source: str) -> pl.DataFrame:
    """Snapshots of an observed source -> claims.

    `observations`: model_id, price_type, usd_per_mtok, observed_on, source_alias — one row per snapshot in
    which the price was seen. A price runs from its first observation until the next observation that
    differs; a model that vanishes from a later snapshot keeps its last price open (absence is not a price).
    """
    claims = []
    for (model_id, price_type), rows in observations.sort("observed_on").group_by(
        ["model_id", "price_type"], maintain_order=True
    ):
        current = None
        for usd, observed_on, alias in rows.select("usd_per_mtok", "observed_on", "source_alias").iter_rows():
            if current and current["usd_per_mtok"] == usd:
                continue
            if current:
                current["end"] = observed_on
                claims.append(current)
            current = {
                "model_id": model_id,
                "price_type": price_type,
                "usd_per_mtok": usd,
                "start": observed_on,
                "end": None,
                "source": source,
                "source_alias": alias,
                "evidence_date": observed_on,
            }
        if current:
            claims.append(current)
    return pl.DataFrame(claims, schema=CLAIM_SCHEMA)


def resolve(claims: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(effective-dated history, disagreements) from overlapping claims.

    History: model_id, price_type, usd_per_mtok, valid_from, valid_to (exclusive, NULL = current), source,
    source_alias, evidence_date. Disagreements: for every stretch where claims of different prices overlap,
    the winner and each other claim, with the reason the winner won.
    """
    grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for row in claims.iter_rows(named=True):
        grouped[(row["model_id"], row["price_type"])].append(
            Claim(
                row["usd_per_mtok"],
                row["start"],
                row["end"],
                row["source"],
                row["source_alias"],
                row["evidence_date"],
            )
        )
    history, disagreements = [], []
    for (model_id, price_type), group in sorted(grouped.items()):
        cuts = sorted({c.start for c in group} | {c.end for c in group if c.end})
        for start, end in zip(cuts, [*cuts[1:], None], strict=True):
            covering = [c for c in group if c.covers(start)]
            if not covering:
                continue
            winner = max(covering, key=lambda c: c.precedence)
            _extend(history, model_id, price_type, winner, start, end)
            for other in covering:
                if other is not winner and other.usd_per_mtok != winner.usd_per_mtok:
                    _extend_disagreement(disagreements, model_id, price_type, winner, other, start, end)
    return (
        pl.DataFrame(history, schema=HISTORY_SCHEMA),
        pl.DataFrame(disagreements, schema=DISAGREEMENT_SCHEMA),
    )


HISTORY_SCHEMA = {
    "model_id": pl.String,
    "price_type": pl.String,
    "usd_per_mtok": pl.Float64,
    "valid_from": pl.Date,
    "valid_to": pl.Date,
    "source": pl.String,
    "source_alias": pl.String,
    "evidence_date": pl.Date,
}
DISAGREEMENT_SCHEMA = {
    "model_id": pl.String,
    "price_type": pl.String,
    "valid_from": pl.Date,
    "valid_to": pl.Date,
    "chosen_source": pl.String,
    "chosen_usd_per_mtok": pl.Float64,
    "chosen_evidence_date": pl.Date,
    "other_source": pl.String,
    "other_usd_per_mtok": pl.Float64,
    "other_evidence_date": pl.Date,
    "reason": pl.String,
}


def _extend(history: list[dict], model_id, price_type, winner: Claim, start, end) -> None:
    last = history[-1] if history else None
    if (
        last
        and (last["model_id"], last["price_type"]) == (model_id, price_type)
        and last["valid_to"] == start
        and last["usd_per_mtok"] == winner.usd_per_mtok
    ):  # an unchanged price, whoever confirms it, extends the interval: it opens no new one
        last["valid_to"] = end
        return
    history.append(
        {
            "model_id": model_id,
            "price_type": price_type,
            "usd_per_mtok": winner.usd_per_mtok,
            "valid_from": start,
            "valid_to": end,
            "source": winner.source,
            "source_alias": winner.source_alias,
            "evidence_date": winner.evidence_date,
        }
    )


def _extend_disagreement(
    rows: list[dict], model_id, price_type, winner: Claim, other: Claim, start, end
) -> None:
    for row in reversed(rows):
        same = (
            row["model_id"],
            row["price_type"],
            row["chosen_source"],
            row["other_source"],
            row["chosen_usd_per_mtok"],
            row["other_usd_per_mtok"],
        ) == (model_id, price_type, winner.source, other.source, winner.usd_per_mtok, other.usd_per_mtok)
        if same and row["valid_to"] == start:
            row["valid_to"] = end
            return
        if (row["model_id"], row["price_type"]) != (model_id, price_type):
            break
    newer = winner.evidence_date > other.evidence_date
    rows.append(
        {
            "model_id": model_id,
            "price_type": price_type,
            "valid_from": start,
            "valid_to": end,
            "chosen_source": winner.source,
            "chosen_usd_per_mtok": winner.usd_per_mtok,
            "chosen_evidence_date": winner.evidence_date,
            "other_source": other.source,
            "other_usd_per_mtok": other.usd_per_mtok,
            "other_evidence_date": other.evidence_date,
            "reason": "newer evidence"
            if newer
            else "same evidence date: source rank " + " > ".join(SOURCE_RANK),
        }
    )
