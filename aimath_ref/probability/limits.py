r"""The law of large numbers and the central limit theorem, as computations on seeded samples.

For i.i.d. $X_1, X_2, \dots$ with mean $\mu$ and finite variance $\sigma^2$, the sample mean
$\bar X_n = \frac1n\sum_{i=1}^n X_i$ has $\mathbb E[\bar X_n] = \mu$ (linearity) and
$\operatorname{Var}(\bar X_n) = \sigma^2/n$ (independence); it converges to $\mu$ (LLN), and its
fluctuations, rescaled by $\sqrt n/\sigma$, become standard normal (CLT).
"""

from __future__ import annotations

import math
from typing import Protocol

import torch

from .. import _checks

__all__ = ["clt_standardize", "running_mean", "sample_means"]


class _Sampler(Protocol):
    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor: ...


def running_mean(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    r"""The mean of the first $n$ samples, for every $n$: the path the law of large numbers describes.

    $$\bar X_n = \frac1n \sum_{i=1}^{n} X_i \xrightarrow[n\to\infty]{} \mu\quad\text{almost surely (strong LLN, needs } \mathbb E\lvert X\rvert < \infty)$$

    Parameters
    ----------
    x : torch.Tensor
        Floating tensor of samples; ``dim`` runs over them.
    dim : int, default -1
        The dimension along which the samples are ordered.

    Returns
    -------
    torch.Tensor
        Same shape and dtype as ``x``; entry $n-1$ along ``dim`` is $\bar X_n$.

    Raises
    ------
    TypeError
        If ``x`` is not a floating tensor or ``dim`` is not an int.
    ValueError
        If ``x`` is empty or 0-D, or ``dim`` is out of range.

    References
    ----------
    Billingsley, *Probability and Measure*, §6 (strong law of large numbers).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import running_mean
    >>> [round(v, 4) for v in running_mean(torch.tensor([1.0, 0.0, 1.0, 1.0])).tolist()]
    [1.0, 0.5, 0.6667, 0.75]
    """
    _checks.tensor(x, "x", min_ndim=1)
    d = _checks.dim(dim, x.ndim)
    work = x.double()
    shape = [1] * x.ndim
    shape[d] = x.shape[d]
    n = torch.arange(1, x.shape[d] + 1, dtype=torch.float64, device=x.device).reshape(shape)
    return (torch.cumsum(work, dim=d) / n).to(x.dtype)  # S_n / n


def sample_means(dist: _Sampler, n: int, trials: int, generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Draw ``trials`` independent samples of size $n$ and return the mean of each.

    $$\bar X_n^{(t)} = \frac1n \sum_{i=1}^{n} X_i^{(t)},\qquad t = 1, \dots, T,\qquad
    \operatorname{Var}\big(\bar X_n\big) = \frac{\sigma^2}{n}$$

    Their histogram is the sampling distribution of the mean: centred on $\mu$, with spread
    $\sigma/\sqrt n$, and (CLT) close to a Gaussian for large $n$ whatever the shape of the
    original distribution, provided its variance is finite.

    Parameters
    ----------
    dist : Distribution
        Any object with ``sample(n, generator=...)`` returning a 1-D tensor, e.g.
        `Exponential`.
    n : int
        Sample size, $\ge 1$.
    trials : int
        Number of sample means $T$, $\ge 1$.
    generator : torch.Generator or None, default None
        Source of randomness.

    Returns
    -------
    torch.Tensor
        1-D float64 tensor of ``trials`` means.

    Raises
    ------
    TypeError
        If ``dist`` has no ``sample`` method, its ``sample(n)`` does not return a tensor of
        shape ``(n,)``, or ``n``/``trials`` is not an int.
    ValueError
        If ``n`` or ``trials`` is < 1.

    References
    ----------
    Casella & Berger, *Statistical Inference*, 2nd ed., §5.2 and §5.5.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import Exponential, sample_means
    >>> m = sample_means(Exponential(1.0), n=100, trials=2000, generator=torch.Generator().manual_seed(0))
    >>> round(m.mean().item(), 1), round(m.std().item(), 1)
    (1.0, 0.1)
    """
    if not callable(getattr(dist, "sample", None)):
        raise TypeError(f"dist must have a sample(n, generator=...) method, got {type(dist).__name__}")
    size = _checks.integer(n, "n", minimum=1)
    T = _checks.integer(trials, "trials", minimum=1)
    draws = dist.sample(size * T, generator=generator)
    if not isinstance(draws, torch.Tensor) or draws.shape != (size * T,):
        got = f"shape {tuple(draws.shape)}" if isinstance(draws, torch.Tensor) else type(draws).__name__
        raise TypeError(f"dist.sample(n) must return a tensor of shape (n,), got {got} for n = {size * T}")
    return draws.double().reshape(T, size).mean(dim=1)  # (n·T,) draws -> (T,) means


def clt_standardize(means: torch.Tensor, n: int, mu: float, sigma: float) -> torch.Tensor:
    r"""Rescale sample means so that the central limit theorem says they tend to $\mathcal N(0, 1)$.

    $$Z_n = \frac{\sqrt n\,(\bar X_n - \mu)}{\sigma} \xrightarrow{d} \mathcal N(0, 1)$$

    (Lindeberg-Lévy: i.i.d. with finite $\sigma^2 > 0$.) Without the rescaling the mean collapses to
    the point $\mu$ and the sum spreads out; only $Z_n$ has a Gaussian limit.

    Parameters
    ----------
    means : torch.Tensor
        Floating tensor of sample means $\bar X_n$.
    n : int
        Sample size behind each mean, $\ge 1$.
    mu : float
        True mean $\mu$.
    sigma : float
        True standard deviation $\sigma > 0$.

    Returns
    -------
    torch.Tensor
        Same shape and dtype as ``means``.

    Raises
    ------
    TypeError
        If ``means`` is not a floating tensor or a number has the wrong type.
    ValueError
        If ``means`` is empty, ``n < 1`` or ``sigma`` is not > 0.

    References
    ----------
    Billingsley, *Probability and Measure*, §27 (Lindeberg-Lévy theorem).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import clt_standardize
    >>> [round(v, 4) for v in clt_standardize(torch.tensor([1.1, 0.9]), n=100, mu=1.0, sigma=1.0).tolist()]
    [1.0, -1.0]
    """
    _checks.tensor(means, "means")
    size = _checks.integer(n, "n", minimum=1)
    m = _checks.real(mu, "mu")
    s = _checks.real(sigma, "sigma", positive=True)
    return (math.sqrt(size) * (means.double() - m) / s).to(means.dtype)
