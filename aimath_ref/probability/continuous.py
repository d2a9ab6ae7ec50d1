r"""Continuous distributions: Gaussian, Uniform and Exponential, with densities of unit area.

$$\int_{-\infty}^{\infty} f(x)\,dx = 1,\qquad P(a \le X \le b) = \int_a^b f(x)\,dx = F(b) - F(a)$$
"""

from __future__ import annotations

import math

import torch

from .. import _checks
from .base import Distribution, _value

__all__ = ["Exponential", "Gaussian", "Uniform"]

_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)


class Gaussian(Distribution):
    r"""The normal distribution $\mathcal N(\mu, \sigma^2)$: weight initialisation, noise, latent codes.

    $$f(x) = \frac{1}{\sqrt{2\pi\sigma^2}} \exp\!\left(-\frac{(x-\mu)^2}{2\sigma^2}\right),\qquad
    F(x) = \tfrac12\left[1 + \operatorname{erf}\!\left(\frac{x - \mu}{\sigma\sqrt2}\right)\right]$$

    Parameters
    ----------
    mu : float, default 0.0
        Mean $\mu$.
    sigma : float, default 1.0
        Standard deviation $\sigma > 0$ (the variance is $\sigma^2$).

    Raises
    ------
    TypeError
        If a parameter is not a real number.
    ValueError
        If ``sigma`` is not > 0 or a parameter is not finite.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, §2.3.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import Gaussian
    >>> round(Gaussian(0.0, 1.0).prob(torch.tensor(0.0)).item(), 4)
    0.3989
    """

    def __init__(self, mu: float = 0.0, sigma: float = 1.0) -> None:
        self.mu = _checks.real(mu, "mu")
        self.sigma = _checks.real(sigma, "sigma", positive=True)

    @property
    def mean(self) -> float:
        return self.mu

    @property
    def variance(self) -> float:
        return self.sigma ** 2

    def log_prob(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        z = (x - self.mu) / self.sigma  # standardised distance
        return (-0.5 * z ** 2 - math.log(self.sigma) - _LOG_SQRT_2PI).to(out)

    def cdf(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        return (0.5 * (1 + torch.erf((x - self.mu) / (self.sigma * math.sqrt(2))))).to(out)

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        _checks.integer(n, "n", minimum=0)
        device = generator.device if isinstance(generator, torch.Generator) else torch.device("cpu")
        if generator is not None and not isinstance(generator, torch.Generator):
            raise TypeError(f"generator must be a torch.Generator or None, got {type(generator).__name__}")
        eps = torch.randn(n, generator=generator, device=device, dtype=torch.float64)  # ε ~ N(0, 1)
        return self.mu + self.sigma * eps


class Uniform(Distribution):
    r"""Every value in $[a, b]$ equally likely: random initialisation, uniform noise, exploration.

    $$f(x) = \frac{1}{b - a}\ \text{on } [a, b],\qquad \mathbb E[X] = \frac{a + b}{2},\qquad
    \operatorname{Var}(X) = \frac{(b - a)^2}{12}$$

    Parameters
    ----------
    low : float
        Lower end $a$.
    high : float
        Upper end $b > a$.

    Raises
    ------
    TypeError
        If a bound is not a real number.
    ValueError
        If ``low >= high``, a bound is not finite, or ``high - low`` overflows.

    References
    ----------
    Casella & Berger, *Statistical Inference*, 2nd ed., §3.3.

    Examples
    --------
    >>> from aimath_ref.probability import Uniform
    >>> d = Uniform(-1.0, 1.0)
    >>> d.mean, round(d.variance, 4)
    (0.0, 0.3333)
    """

    def __init__(self, low: float = 0.0, high: float = 1.0) -> None:
        self.low = _checks.real(low, "low")
        self.high = _checks.real(high, "high")
        if self.low >= self.high:
            raise ValueError(f"low must be < high, got low={low}, high={high}")
        if not math.isfinite(self.high - self.low):
            raise ValueError(f"high - low must be finite, got low={low}, high={high}")

    @property
    def mean(self) -> float:
        return (self.low + self.high) / 2

    @property
    def variance(self) -> float:
        width = self.high - self.low
        return width * width / 12  # overflows to inf like torch, where ``** 2`` would raise OverflowError

    def log_prob(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        inside = (x >= self.low) & (x <= self.high)
        density = torch.full_like(x, -math.log(self.high - self.low))  # log 1/(b - a)
        return torch.where(inside, density, -torch.inf).to(out)

    def cdf(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        return ((x - self.low) / (self.high - self.low)).clamp(0, 1).to(out)

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        return self.low + (self.high - self.low) * self._uniform(n, generator)

class Exponential(Distribution):
    r"""Waiting time between Poisson events at rate $\lambda$; a skewed distribution for the CLT demos.

    $$f(x) = \lambda e^{-\lambda x},\ x \ge 0,\qquad \mathbb E[X] = \frac1\lambda,\qquad \operatorname{Var}(X) = \frac1{\lambda^2}$$

    Parameters
    ----------
    rate : float, default 1.0
        The rate $\lambda > 0$.

    Raises
    ------
    TypeError
        If ``rate`` is not a real number.
    ValueError
        If ``rate`` is not > 0 or not finite.

    References
    ----------
    Casella & Berger, *Statistical Inference*, 2nd ed., §3.3.

    Examples
    --------
    >>> from aimath_ref.probability import Exponential
    >>> Exponential(2.0).mean, Exponential(2.0).variance
    (0.5, 0.25)
    """

    def __init__(self, rate: float = 1.0) -> None:
        self.rate = _checks.real(rate, "rate", positive=True)

    @property
    def mean(self) -> float:
        return 1 / self.rate

    @property
    def variance(self) -> float:
        return 1 / self.rate ** 2

    def log_prob(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        return torch.where(x >= 0, math.log(self.rate) - self.rate * x, -torch.inf).to(out)

    def cdf(self, value: torch.Tensor) -> torch.Tensor:
        x, out = _value(value)
        return torch.where(x >= 0, -torch.expm1(-self.rate * x), 0.0).to(out)

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        return -torch.log1p(-self._uniform(n, generator)) / self.rate  # inverse CDF: -log(1-u)/λ
