"""Model identity: the normaliser, canonical models, alias matching, and the real coverage figures."""

from __future__ import annotations

import datetime as dt

import pytest

from warehouse.identity.match import canonical_models, match_aliases, tidy_id
from warehouse.identity.normalise import normalise


@pytest.mark.parametrize(
    "names",
    [
        [
            "Claude 3.7 Sonnet",
            "claude-3-7-sonnet-20250219",
            "anthropic/claude-3.7-sonnet",
            "claude_3_7_sonnet_inspect",
            "Claude 3.7 Sonnet (Inspect)",
            "bedrock/us.anthropic.claude-3-7-sonnet",
        ],
        ["Claude 4.5 Opus", "claude-opus-4-5", "claude_opus_4_5_inspect", "Claude Opus 4.5 (Inspect)"],
        ["gpt_5_2025_08_07_inspect", "GPT-5", "openai/gpt-5", "gpt-5-2025-08-07"],
        ["o3", "o3-2025-04-16", "o3-20250416", "openai/o3", "o3 (Inspect)"],
        ["Qwen2.5-Coder-32B", "qwen-2.5-coder-32b", "qwen/qwen-2.5-coder-32b"],
        ["gemini-2.5-pro", "gemini-2.5-pro-preview-03-25", "google/gemini-2.5-pro"],
    ],
)
def test_spellings_of_one_model_share_a_key(names):
    assert len({normalise(n).key for n in names}) == 1, {n: normalise(n).key for n in names}


@pytest.mark.parametrize(
    ("name", "key", "config"),
    [
        ("GPT-5 (High)", "5 gpt", "high"),
        ("gpt-5.1_medium", "5.1 gpt", "medium"),
        ("o3-mini (high)", "mini o3", "high"),
        ("Claude Sonnet 4 (Thinking 16K)", "4 claude sonnet", "thinking 16k"),
        ("claude-3-7-sonnet-20250219 (32k thinking tokens)", "3.7 claude sonnet", "32k thinking tokens"),
        ("GPT-5.1 (2025-11-13) (medium reasoning)", "5.1 gpt", "medium"),
        ("gemini-2.5-pro-200k", "2.5 gemini pro", "200k"),
        ("inclusionai/ling-3.0-flash:free", "3.0 flash ling", "free"),
        ("gpt_5_1_codex_max_inspect", "5.1 codex gpt max", None),
    ],
)
def test_effort_thinking_tiers_and_variants_are_config_not_model(name, key, config):
    assert normalise(name) == type(normalise(name))(key, config)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("gpt-4-0314", "gpt-4"),
        ("o3-preview", "o3"),
        ("gpt-3.5-turbo-instruct", "gpt-3.5-turbo"),
        ("claude-3-opus", "claude-3.5-sonnet"),
        ("kimi-k2-thinking", "kimi-k2"),
    ],
)
def test_distinct_models_stay_distinct(a, b):
    from warehouse.identity.match import full_key

    assert full_key(normalise(a)) != full_key(normalise(b))


def test_tidy_id():
    assert tidy_id("anthropic/claude-opus-4-5") == "claude-opus-4.5"
    assert tidy_id("claude-3-sonnet-20240229") == "claude-3-sonnet"
    assert tidy_id("gpt-4-0314") == "gpt-4-0314"


def test_canonical_precedence_curated_then_price_lists_and_tiers_are_not_models():
    models = canonical_models(
        [{"model_id": "gpt-4-0314", "vendor": "openai", "release_date": dt.date(2023, 3, 14)}],
        {
            "llm_prices": [
                ("o3", "openai", "o3"),
                ("gemini-2.5-pro-200k", "google", "tier"),
                ("magistral-medium-latest", "mistral", "Magistral Medium"),
            ],
            "openrouter": [
                ("openai/o3", "openai", "OpenAI: o3"),
                ("openai/o3-mini-high", "openai", "x"),
                ("openai/o3-mini", "openai", "o3-mini"),
                ("openai/gpt-4-0314", "openai", "x"),
            ],
        },
    )
    by_id = {m.model_id: m for m in models}
    assert by_id["o3"].origin == "llm_prices" and by_id["o3"].display_name == "o3"
    assert by_id["gpt-4-0314"].origin == "curated"
    assert "gemini-2.5-pro-200k" not in by_id  # a price tier
    assert "o3-mini-high" not in by_id and "o3-mini" in by_id  # an effort of o3-mini
    assert "magistral-medium-latest" in by_id  # nobody sells "magistral" without "medium"


def test_matching_curated_normalised_and_unmatched_with_candidates():
    models = canonical_models(
        [],
        {
            "llm_prices": [
                ("o3", "openai", "o3"),
                ("o3-mini", "openai", "o3-mini"),
                ("kimi-k2-thinking", "moonshot", "K2 T"),
            ]
        },
    )
    matches = {
        m.alias: m
        for m in match_aliases(
            [
                ("arc_prize", "o3 (High)"),
                ("metr", "c3o"),
                ("metr", "o3_inspect"),
                ("metr", "kimi_k2_thinking"),
                ("aider", "o4-mini"),
            ],
            models,
            {"metr": {"c3o": "o3"}},
        )
    }
    assert (matches["o3 (High)"].model_id, matches["o3 (High)"].config) == ("o3", "high")
    assert matches["c3o"].method == "curated"
    assert matches["o3_inspect"].model_id == "o3"
    assert (matches["kimi_k2_thinking"].model_id, matches["kimi_k2_thinking"].config) == (
        "kimi-k2-thinking",
        None,
    )
    unmatched = matches["o4-mini"]
    assert unmatched.model_id is None and "o3-mini" in unmatched.nearest


def test_curated_alias_to_an_unknown_model_is_an_error():
    with pytest.raises(ValueError, match="unknown model"):
        match_aliases([("metr", "x")], [], {"metr": {"x": "nope"}})
