"""Canonical models and alias matching: pure functions, no I/O.

Canonical models come from the curated file first, then from the price lists (llm-prices, then
OpenRouter, then LiteLLM's first-party entries): a model somebody sells is a model. Each gets a match
key from the normaliser; an alias matches the canonical model with the same key — first trying its
key *with* word variants such as "thinking" or "reasoner" (so "kimi_k2_thinking" finds the distinct
model "kimi-k2-thinking"), then without. Curated aliases win over the normaliser.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from warehouse.identity.normalise import DATE, EFFORTS, Normalised, normalise

CANONICAL_ORIGINS = ("curated", "llm_prices", "openrouter", "litellm")  # by precedence
_TIER = re.compile(r"^\d+k$")
_LOOSE = {"instruct"}  # dropped only as a last resort: "gpt-3.5-turbo-instruct" is its own model


@dataclass(frozen=True)
class Canonical:
    model_id: str
    display_name: str
    vendor: str | None
    origin: str  # which list defined it (CANONICAL_ORIGINS)
    key: str  # match key, word variants included
    release_date: dt.date | None = None


@dataclass(frozen=True)
class Match:
    alias: str
    source: str
    model_id: str | None
    config: str | None
    key: str
    method: str | None  # curated | normalised | None (unmatched)
    nearest: tuple[str, ...] = ()


def tidy_id(name: str) -> str:
    """A readable canonical id: no provider prefix or snapshot date, lowercase, hyphens, "4-5" -> "4.5"."""
    text = name.strip().lower().rsplit("/", 1)[-1].lstrip("~")
    text = re.sub(r"[\s_]+", "-", DATE.sub("", text)).strip("-")
    return re.sub(r"(?<![\d.])(\d+)-(?=\d(?![\d.]))", r"\1.", text)


def variant_words(normalised: Normalised) -> list[str]:
    """Config words that can name a distinct model ("thinking", "reasoner"), not settings or tiers."""
    words = []
    for part in (normalised.config or "").split(" / "):
        tokens = part.split()
        if (
            not tokens
            or tokens[0] in EFFORTS
            or _TIER.match(tokens[0])
            or tokens[0] in {"free", "beta", "extended"}
        ):
            continue
        words += [t for t in tokens if t.isalpha() and t not in {"no", "non", "tokens"}]
    return words


def full_key(normalised: Normalised) -> str:
    return " ".join(sorted(set(normalised.tokens) | set(variant_words(normalised))))


def with_efforts(normalised: Normalised) -> str:
    """The key with effort words put back: the key of a model whose name ends in one."""
    return " ".join(sorted(set(normalised.tokens) | set((normalised.config or "").split()) & set(EFFORTS)))


def canonical_models(
    curated: Iterable[Mapping], price_lists: Mapping[str, Iterable[tuple[str, str | None, str | None]]]
) -> list[Canonical]:
    """One canonical model per match key, the first origin in precedence order defining it.

    `price_lists` maps an origin to (model name, vendor, display name) rows. A name whose config is a
    price tier or variant (":free", "-200k") is an alias of a model, never a model itself.
    """
    chosen: dict[str, Canonical] = {}
    for row in curated:
        normalised = normalise(row["model_id"])
        canonical = Canonical(
            row["model_id"],
            row.get("display_name") or row["model_id"],
            row.get("vendor"),
            "curated",
            full_key(normalised),
            row.get("release_date"),
        )
        chosen.setdefault(canonical.key, canonical)
    effort_named: list[tuple[str, Canonical]] = []  # (key without the effort word, model)
    for origin in CANONICAL_ORIGINS[1:]:
        for name, vendor, display in sorted(set(price_lists.get(origin, ()))):
            normalised = normalise(name)
            if not normalised.key:
                continue
            canonical = Canonical(tidy_id(name), display or name, vendor, origin, full_key(normalised))
            if not normalised.config or variant_words(normalised):
                chosen.setdefault(canonical.key, canonical)
            elif set(normalised.config.split()) <= set(EFFORTS):
                effort_named.append((normalised.key, replace(canonical, key=with_efforts(normalised))))
    # "magistral-medium" is a model, "o3-mini-high" is o3-mini at high effort: a name ending in an
    # effort word is a model of its own only when nobody sells it without that word.
    for base, canonical in effort_named:
        if base not in chosen:
            chosen.setdefault(canonical.key, canonical)
    return list(chosen.values())


def _loosen(key: str) -> str:
    return " ".join(t for t in key.split() if t not in _LOOSE)


def match_aliases(
    names: Iterable[tuple[str, str]],
    canonicals: list[Canonical],
    curated_aliases: Mapping[str, Mapping[str, str]],
) -> list[Match]:
    """Match every (source, alias); unmatched ones carry their nearest canonical ids."""
    by_key = {c.key: c.model_id for c in canonicals}
    by_token: dict[str, list[str]] = {}
    for key in by_key:
        for token in key.split():
            by_token.setdefault(token, []).append(key)
    by_loose_key = {}
    for canonical in canonicals:
        by_loose_key.setdefault(_loosen(canonical.key), canonical.model_id)
    known_ids = {c.model_id for c in canonicals}
    matches = []
    for source, alias in sorted(set(names)):
        normalised = normalise(alias)
        curated = curated_aliases.get(source, {}).get(alias) or curated_aliases.get("*", {}).get(alias)
        if curated:
            if curated not in known_ids:
                raise ValueError(f"curated alias {source}:{alias!r} points to unknown model {curated!r}")
            matches.append(Match(alias, source, curated, normalised.config, normalised.key, "curated"))
            continue
        if variant_words(normalised) and full_key(normalised) in by_key:  # "kimi_k2_thinking" is a model
            matches.append(
                Match(alias, source, by_key[full_key(normalised)], None, normalised.key, "normalised")
            )
            continue
        model_id = next(
            (by_key[k] for k in (normalised.key, with_efforts(normalised)) if k in by_key),
            by_loose_key.get(_loosen(normalised.key)),
        )
        if model_id:
            matches.append(Match(alias, source, model_id, normalised.config, normalised.key, "normalised"))
            continue
        nearest = tuple(by_key[k] for k in nearest_keys(normalised.key, by_token))
        matches.append(Match(alias, source, None, normalised.config, normalised.key, None, nearest))
    return matches


def nearest_keys(key: str, by_token: Mapping[str, list[str]], n: int = 3) -> list[str]:
    """The canonical keys closest to an unmatched one: among keys sharing a token with it, the highest
    token overlap (Jaccard), then string similarity. Comparing only keys that share a token keeps this
    fast for thousands of names."""
    tokens = set(key.split())
    candidates = {k for t in tokens for k in by_token.get(t, ())}

    def closeness(candidate: str) -> tuple[float, float]:
        other = set(candidate.split())
        return len(tokens & other) / len(tokens | other), difflib.SequenceMatcher(
            None, key, candidate
        ).ratio()

    return sorted(candidates, key=lambda c: (*(-x for x in closeness(c)), c))[:n]
