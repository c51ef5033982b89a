"""Three models of how success falls with task length t (human minutes), each with a 50% horizon T50
and a shape, fitted by weighted maximum likelihood on the same (split, weighted) runs as the METR fit:

- logistic: S(t) = 1 / (1 + (t/T50)^shape) — METR's curve σ(β0 + β1·log2 t) (a log-logistic in t),
  with shape = −β1/ln 2; fitted here without METR's C = 10 penalty so that the three likelihoods compare.
- constant hazard: S(t) = 0.5^(t/T50) (shape fixed at 1), so T_p = T50·ln p/ln 0.5.
- Weibull: S(t) = exp(−(λt)^k) = 0.5^((t/T50)^k), shape k, so T_p = T50·(ln p/ln 0.5)^(1/k).

All three are binary models with a linear predictor η = a + b·z in log t (logit link on S for the
logistic, complementary log-log link on 1 − S for the other two), fitted with `newton_batch`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.special import log_expit

from warehouse.derivations.logistic import logit_derivatives, newton_batch

LN2 = math.log(2)
_ETA_MAX = 700.0  # exp(η) must stay finite


@dataclass(frozen=True)
class HazardModel:
    name: str
    curve: str  # S(t) in words, for the table
    link: str  # "logit" (on S, z = log2 t) or "cloglog" (on 1 − S, z = ln t)
    free_shape: bool
    n_params: int

    def z(self, minutes: np.ndarray) -> np.ndarray:
        return np.log2(minutes) if self.link == "logit" else np.log(minutes)

    def fit(
        self, minutes: np.ndarray, y: np.ndarray, weights: np.ndarray, start: np.ndarray | None = None
    ) -> HazardFits:
        """Weighted MLE for every row of `weights` (S × n); `start` (S × 2 or 2) warm-starts (a, b)."""
        if start is None:
            start = np.array([0.0, 0.0 if self.link == "logit" else 1.0])
        derivatives = logit_derivatives if self.link == "logit" else cloglog_derivatives
        beta, converged = newton_batch(
            self.z(minutes), y, weights, derivatives, start, free_slope=self.free_shape
        )
        return HazardFits(self, beta[:, 0], beta[:, 1], converged)

    def survival(self, minutes, t50, shape):
        """S(t): the probability of success at t human minutes."""
        ratio = np.power(np.asarray(minutes, dtype=float) / t50, shape)
        return 1 / (1 + ratio) if self.link == "logit" else np.exp2(-ratio)

    def horizon(self, p: float, t50, shape):
        """T_p in minutes: the task length at which S = p."""
        odds_or_log = (1 - p) / p if self.link == "logit" else math.log(p) / math.log(0.5)
        return t50 * np.power(odds_or_log, 1 / shape)

    def log_likelihood(
        self, minutes: np.ndarray, y: np.ndarray, w: np.ndarray, intercept: float, slope: float
    ) -> float:
        """Σ w·(y·ln S + (1−y)·ln(1−S)) at the given linear predictor."""
        eta = intercept + slope * self.z(minutes)
        if self.link == "logit":
            log_s, log_f = log_expit(eta), log_expit(-eta)
        else:
            u = np.exp(np.minimum(eta, _ETA_MAX))
            log_s, log_f = -u, np.log(-np.expm1(-u))
        return float(np.sum(w * (y * log_s + (1 - y) * log_f)))


@dataclass(frozen=True)
class HazardFits:
    """Fits of one hazard model, one per weight vector; arrays of shape (S,)."""

    model: HazardModel
    intercept: np.ndarray  # a in η = a + b·z
    slope: np.ndarray  # b
    converged: np.ndarray

    @property
    def shape(self) -> np.ndarray:
        return -self.slope / LN2 if self.model.link == "logit" else self.slope

    @property
    def degenerate(self) -> np.ndarray:
        """Not converged, or success does not fall with task length (shape ≤ 0)."""
        return ~self.converged | ~(self.shape > 0)

    @property
    def t50(self) -> np.ndarray:
        """Minutes; NaN where degenerate."""
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            if self.model.link == "logit":
                t50 = np.exp2(-self.intercept / self.slope)
            else:
                t50 = np.exp((math.log(LN2) - self.intercept) / self.slope)
        return np.where(self.degenerate, np.nan, t50)

    def horizon(self, p: float) -> np.ndarray:
        with np.errstate(invalid="ignore"):
            return self.model.horizon(p, self.t50, np.where(self.degenerate, np.nan, self.shape))


def cloglog_derivatives(eta: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ℓ = y·ln S + (1−y)·ln(1−S) with S = exp(−u), u = e^η.

    With r = u/(e^u − 1): dℓ/dη = −y·u + (1−y)·r and d²ℓ/dη² = −y·u + (1−y)·r·(1 − u − r) (≤ 0).
    """
    u = np.exp(np.minimum(eta, _ETA_MAX))
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        r = np.where(u > 0, u / np.expm1(u), 1.0)
    return -y * u + (1 - y) * r, -y * u + (1 - y) * r * (1 - u - r)


LOGISTIC = HazardModel(
    name="logistic",
    curve="S(t) = 1/(1 + (t/T50)^shape), METR's σ(β0 + β1·log2 t) with shape = −β1/ln 2",
    link="logit",
    free_shape=True,
    n_params=2,
)
CONSTANT = HazardModel(
    name="constant",
    curve="S(t) = 0.5^(t/T50): constant hazard (shape fixed at 1)",
    link="cloglog",
    free_shape=False,
    n_params=1,
)
WEIBULL = HazardModel(
    name="weibull",
    curve="S(t) = exp(−(λt)^shape) = 0.5^((t/T50)^shape): Weibull",
    link="cloglog",
    free_shape=True,
    n_params=2,
)
MODELS = (LOGISTIC, CONSTANT, WEIBULL)


def bic(log_likelihood: float, n_params: int, n_obs: int) -> float:
    return n_params * math.log(n_obs) - 2 * log_likelihood


def attempts_per_success(model: HazardModel, minutes, t50, shape):
    """Expected attempts until the first success at task length t: 1/S(t) (geometric, independent tries)."""
    with np.errstate(divide="ignore", over="ignore"):
        return 1 / model.survival(minutes, t50, shape)
