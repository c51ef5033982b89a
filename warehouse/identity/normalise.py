"""The deterministic normaliser: any published model name -> (match key, config).

"Claude 3.7 Sonnet", "claude-3-7-sonnet-20250219", "anthropic/claude-3.7-sonnet" and
"claude_3_7_sonnet_inspect" all give the key "3.7 claude sonnet". What is not the model — a reasoning
effort ("(high)", "_medium", "thinking 16k"), a context-length price tier ("-200k"), an OpenRouter
variant (":free") — is returned separately as `config`; scaffold tags ("(Inspect)", "_inspect") and
snapshot dates are dropped. The key is the sorted set of name tokens, so word order ("Claude 4.5
Opus" / "claude-opus-4-5") does not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EFFORTS = ("minimal", "low", "medium", "high", "xhigh")
_SCAFFOLDS = {"inspect", "react", "triframe", "flock", "modular"}
_NOISE = {"latest", "it", "chat", "model", "beta"}
DATE = re.compile(
    r"(?<![0-9])(?:20[12][0-9][-_.]?[01][0-9][-_.]?[0-3][0-9]|[01][0-9][-_][0-3][0-9][-_]20[12][0-9])(?![0-9])"
)
_SHORT_DATE = re.compile(r"(?<![0-9.])(?:[01][0-9]-[0-3][0-9]|[01][0-9]-20[12][0-9])(?![0-9])")
_DATED_PREVIEW = re.compile(r"\bpreview[-_ ]+(?=[01][0-9]-)")  # "gemini-2.5-pro-preview-03-25": a snapshot
_PARENS = re.compile(r"\(([^()]*)\)")
_THINKING = re.compile(
    r"\b(?:(?:no|non)[ -]?)?(?:thinking|reasoning|reasoner)(?:[ -]?\d+k)?(?:[ -]tokens)?\b"
)
_CONTEXT_TIER = re.compile(r"-(\d{2,3}k)$")


@dataclass(frozen=True)
class Normalised:
    key: str  # sorted tokens joined by spaces; "" when nothing model-like is left
    config: str | None  # effort / thinking / pricing-tier suffix, normalised; None when absent

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.key.split())


def normalise(name: str) -> Normalised:
    text = name.strip().lower()
    configs: list[str] = []

    text, _, variant = text.partition(":")  # OpenRouter ":free", ":thinking", ":beta"
    if variant:
        configs.append(variant.strip())
    text = text.rstrip("*").strip()
    text = text.rsplit("/", 1)[-1]  # provider prefixes: openai/o3, bedrock/anthropic.claude-...
    text = re.sub(r"^(?:[a-z]{2}\.)?(?:anthropic|meta|amazon|mistral|cohere|ai21)\.", "", text)  # bedrock ids
    for inner in _PARENS.findall(text):
        configs.append(inner.strip())
    text = _PARENS.sub(" ", text)
    text = DATE.sub(" ", text).replace("_", "-")
    text = _DATED_PREVIEW.sub(" ", text)
    text = re.sub(r"(?<![\d.])(v?\d+)-(?=\d(?![\d.]))", r"\1.", text)  # "3-7" -> "3.7", not "4-0314"
    tier = _CONTEXT_TIER.search(text.replace(" ", "-").strip("-"))
    if tier:
        configs.append(tier.group(1))
        text = text[: text.rfind(tier.group(1))]
    for match in _THINKING.findall(text):
        configs.append(match)
    text = _THINKING.sub(" ", text)
    text = _SHORT_DATE.sub(" ", text)
    text = re.sub(r"\b([a-z]{2,})(\d[\d.]*)\b", r"\1 \2", text)  # "qwen2.5" -> "qwen 2.5", not "o3"
    tokens = [t for t in re.split(r"[\s_\-+/,]+", text) if t and t not in _SCAFFOLDS and t not in _NOISE]
    while tokens and tokens[-1] in EFFORTS:
        configs.insert(0, tokens.pop())
    return Normalised(" ".join(sorted(dict.fromkeys(tokens))), _config(configs))


def _config(parts: list[str]) -> str | None:
    """Keep only what configures the model (effort, thinking budget, tier, variant)."""
    kept = []
    for part in parts:
        part = re.sub(r"\s+", " ", part).strip(" -")
        if not part or DATE.fullmatch(part.replace(" ", "")) or part in _SCAFFOLDS:
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|t=[\d.]+|prev|new|old", part):
            continue
        part = re.sub(r"\breasoning\b", "", part).strip() if part.split()[0] in EFFORTS else part
        kept.append(part)
    return " / ".join(dict.fromkeys(kept)) or None
