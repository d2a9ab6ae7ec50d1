r"""Discrete distributions: Bernoulli, Categorical and Poisson, with mass functions that sum to 1.

$$\sum_x P(X = x) = 1$$
"""

from __future__ import annotations

import math

import torch

from .. import _checks
from .base import Distribution, _is_integer, _value

__all__ = ["Bernoulli", "Categorical", "Poisson"]


class Bernoulli(Distribution):
    r"""One trial that succeeds ($X = 1$) with probability $p$: a coin flip, a binary label, a dropout mask.

    $$P(X = x) = p^x (1 - p)^{1 - x},\ x \in \{0, 1\},\qquad \mathbb E[X] = p,\qquad \operatorname{Var}(X) = p(1 - p)$$

    Parameters
    ----------
    p : float
        Success probability, in $[0, 1]$.

    Raises
    ------
    TypeError
        If ``p`` is not a real number.
    ValueError
        If ``p`` is outside $[0, 1]$.

    References
    ----------
    Casella & Berger, *Statistical Inference*, 2nd ed., §3.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import Bernoulli
    >>> d = Bernoulli(0.3)
    >>> [round(v, 4) for v in d.prob(torch.tensor([0.0, 1.0])).tolist()], round(d.variance, 4)
    ([0.7, 0.3], 0.21)
    """

    def __init__(self, p: float) -> None:
        self.p = _checks.real(p, "p", low=0.0, high=1.0)

    @property
    def mean(self) -> float:
        return self.p

    @property
    def variance(self) -> float:
        return self.p * (1 - self.p)

    def log_prob(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        p = torch.tensor(self.p, dtype=x.dtype, device=x.device)
        lp = torch.xlogy(x, p) + torch.xlogy(1 - x, 1 - p)  # x log p + (1-x) log(1-p), with 0 log 0 = 0
        return torch.where((x == 0) | (x == 1), lp, -torch.inf).to(out)

    def cdf(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        below_one = torch.full_like(x, 1 - self.p)  # F(x) = 1 - p on [0, 1)
        return torch.where(x < 0, 0.0, torch.where(x < 1, below_one, 1.0)).to(out)

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        return (self._uniform(n, generator) < self.p).double()  # P(u < p) = p


class Categorical(Distribution):
    r"""One draw among $K$ classes $0, \dots, K-1$ with probabilities $p_0, \dots, p_{K-1}$: a softmax output, a next token.

    $$P(X = k) = p_k,\ k = 0, \dots, K-1,\qquad \sum_{k=0}^{K-1} p_k = 1,\qquad \mathbb E[X] = \sum_{k=0}^{K-1} k\,p_k$$

    ``probs[k]`` is $p_k$, the probability of class $k$ (indexing from 0, as torch does); $K$ is
    not a class, so ``log_prob`` gives $-\infty$ there.

    (The mean and variance treat the class index as a number; they matter for dice, not for tokens.)

    Parameters
    ----------
    probs : torch.Tensor
        1-D floating tensor of non-negative probabilities that sum to 1 (within $10^{-5}$).

    Raises
    ------
    TypeError
        If ``probs`` is not a floating tensor.
    ValueError
        If ``probs`` is not 1-D, is empty, has a negative or non-finite entry, or does not sum to 1.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, §2.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import Categorical
    >>> die = Categorical(torch.full((6,), 1 / 6, dtype=torch.float64))
    >>> round(die.mean, 4), round(die.variance, 4)
    (2.5, 2.9167)
    """

    def __init__(self, probs: torch.Tensor) -> None:
        _checks.tensor(probs, "probs", ndim=1)
        p = probs.detach().to(torch.float64)
        if not torch.isfinite(p).all() or (p < 0).any():
            raise ValueError(f"probs must be finite and >= 0, got {probs.tolist()}")
        total = p.sum().item()
        if abs(total - 1.0) > 1e-5:
            raise ValueError(f"probs must sum to 1, got a sum of {total}")
        self.probs = p / total  # float64, renormalised exactly

    @classmethod
    def from_logits(cls, logits: torch.Tensor) -> Categorical:
        """The categorical distribution $\\operatorname{softmax}(z)$ of a 1-D tensor of logits $z$."""
        from .sampling import softmax

        _checks.tensor(logits, "logits", ndim=1)
        z = logits.detach().double()
        if z.isnan().any() or (z == torch.inf).any() or (z == -torch.inf).all():
            raise ValueError(f"logits must have no NaN or +inf and at least one finite entry, got {logits.tolist()}")
        return cls(softmax(z))

    def _k(self) -> torch.Tensor:
        return torch.arange(len(self.probs), dtype=torch.float64, device=self.probs.device)

    @property
    def mean(self) -> float:
        return float((self._k() * self.probs).sum())

    @property
    def variance(self) -> float:
        return float(((self._k() - self.mean) ** 2 * self.probs).sum())

    def log_prob(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        K = len(self.probs)
        ok = _is_integer(x) & (x >= 0) & (x < K)
        logp = self.probs.to(x.device, x.dtype).log()
        idx = torch.where(ok, x, 0).long()
        return torch.where(ok, logp[idx], -torch.inf).to(out)

    def cdf(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        cum = torch.cumsum(self.probs, 0).to(x.device, x.dtype)  # F(k) for k = 0..K-1
        idx = torch.floor(x).clamp(0, len(cum) - 1).long()
        return torch.where(x < 0, 0.0, cum[idx]).to(out)

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        u = self._uniform(n, generator)
        cum = torch.cumsum(self.probs, 0).to(u.device)
        cum = cum / cum[-1]  # F(K-1) exactly 1
        return torch.searchsorted(cum, u, right=True).double()  # inverse CDF: first k with F(k) > u

class Poisson(Distribution):
    r"""Counts of independent events at rate $\lambda$: clicks per minute, failures per day.

    $$P(X = k) = \frac{\lambda^k e^{-\lambda}}{k!},\ k = 0, 1, 2, \dots,\qquad \mathbb E[X] = \operatorname{Var}(X) = \lambda$$

    ``sample`` uses the inverse CDF on a short grid for $\lambda < 10$ and Hörmann's transformed
    rejection (PTRS) for $\lambda \ge 10$, so its cost does not grow with the rate; both turn
    uniforms from the generator into draws, so a seed gives the same counts on every device.

    Parameters
    ----------
    rate : float
        The rate $\lambda > 0$.

    Raises
    ------
    TypeError
        If ``rate`` is not a real number.
    ValueError
        If ``rate`` is not > 0 or not finite.

    References
    ----------
    Casella & Berger, *Statistical Inference*, 2nd ed., §3.2; Hörmann, *The transformed
    rejection method for generating Poisson random variables*, Insurance: Mathematics and
    Economics 12, 1993.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import Poisson
    >>> [round(v, 4) for v in Poisson(2.0).prob(torch.tensor([0.0, 1.0, 2.0])).tolist()]
    [0.1353, 0.2707, 0.2707]
    """

    def __init__(self, rate: float) -> None:
        self.rate = _checks.real(rate, "rate", positive=True)

    @property
    def mean(self) -> float:
        return self.rate

    @property
    def variance(self) -> float:
        return self.rate

    def log_prob(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        ok = _is_integer(x) & (x >= 0)
        k = torch.where(ok, x, 0)
        lp = k * math.log(self.rate) - self.rate - torch.lgamma(k + 1)  # log(λ^k e^{-λ} / k!)
        return torch.where(ok, lp, -torch.inf).to(out)

    def cdf(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        k = torch.floor(x).clamp(min=0)
        rate = torch.full_like(k, self.rate)
        return torch.where(x < 0, 0.0, torch.special.gammaincc(k + 1, rate)).to(out)  # Q(k+1, λ)

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        if self.rate < 10:
            # Inverse CDF on the grid 0..k_max (at most 88 points), far in the tail (mass beyond < 1e-16).
            u = self._uniform(n, generator)
            k_max = int(self.rate + 12 * math.sqrt(self.rate) + 40)
            grid = torch.arange(k_max + 1, dtype=torch.float64, device=u.device)
            cum = torch.cumsum(self.prob(grid), 0)
            return torch.searchsorted(cum, u, right=True).clamp(max=k_max).double()
        return self._ptrs(n, generator)

    def _ptrs(self, n: int, generator: torch.Generator | None) -> torch.Tensor:
        # Hörmann's transformed rejection with squeeze (PTRS), for rate >= 10: each round costs O(1)
        # per pending draw whatever the rate, and about 9 in 10 proposals are accepted.
        lam = self.rate
        log_lam, b = math.log(lam), 0.931 + 2.53 * math.sqrt(lam)
        a = -0.059 + 0.02483 * b
        log_inv_alpha = math.log(1.1239 + 1.1328 / (b - 3.4))
        v_r = 0.9277 - 3.6224 / (b - 2)
        out = torch.empty(0, dtype=torch.float64)
        pending = _checks.integer(n, "n", minimum=0)
        while True:
            m = max(pending, 1)
            u = self._uniform(m, generator) - 0.5  # U ~ Uniform[-1/2, 1/2)
            v = self._uniform(m, generator)  # V ~ Uniform[0, 1)
            out = out.to(u.device)
            us = 0.5 - u.abs()
            k = torch.floor((2 * a / us + b) * u + lam + 0.43)  # the transformed proposal
            accept = (us >= 0.07) & (v <= v_r)  # inside the squeeze: accept without the pmf
            test = ~accept & (k >= 0) & ~((us < 0.013) & (v > us))  # the rest need the full test
            kt, ut, vt = k[test], us[test], v[test]
            log_target = -lam + kt * log_lam - torch.lgamma(kt + 1)  # log(λ^k e^{-λ} / k!)
            accept[test] = vt.log() + log_inv_alpha - torch.log(a / (ut * ut) + b) <= log_target
            kept = k[accept][:pending]
            out = torch.cat([out, kept])
            pending -= len(kept)
            if pending == 0:
                return out
