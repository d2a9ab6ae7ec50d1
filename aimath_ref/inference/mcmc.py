r"""Markov chain Monte Carlo: random-walk Metropolis–Hastings and the effective sample size of its output.

When a posterior has no closed form, a Markov chain whose stationary distribution is the
posterior produces (correlated) draws from it; averages over the chain estimate posterior
expectations, with an error governed by the effective sample size rather than the chain length.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import torch

from .. import _checks

__all__ = ["MCMCResult", "effective_sample_size", "metropolis_hastings"]


class MCMCResult(NamedTuple):
    """What `metropolis_hastings` returns.

    Attributes
    ----------
    samples : torch.Tensor
        Shape ``(n_steps, *x0.shape)``: the state of the chain(s) after each step.
    acceptance_rate : float
        Share of proposals accepted, over all steps and chains.
    """

    samples: torch.Tensor
    acceptance_rate: float


def _log_prob_at(log_prob: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, batch: torch.Size) -> torch.Tensor:
    lp = log_prob(x)
    if not isinstance(lp, torch.Tensor) or lp.shape != batch:
        got = tuple(lp.shape) if isinstance(lp, torch.Tensor) else type(lp).__name__
        raise ValueError(f"log_prob must map a tensor of shape {tuple(x.shape)} to shape {tuple(batch)}, got {got}")
    if torch.isnan(lp).any():
        raise ValueError(f"log_prob returned NaN at {x[torch.isnan(lp)][:2].tolist()}")
    return lp


def metropolis_hastings(log_prob: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, n_steps: int,
                        step_size: float, generator: torch.Generator | None = None) -> MCMCResult:
    r"""Random-walk Metropolis–Hastings: Gaussian proposals, accepted with the Metropolis ratio.

    $$x' = x_t + s\,\varepsilon,\ \varepsilon \sim \mathcal N(0, I),\qquad
    x_{t+1} = \begin{cases} x' & \text{if } \log u < \log p(x') - \log p(x_t),\ u \sim \mathcal U(0, 1)\\
    x_t & \text{otherwise}\end{cases}$$

    The proposal is symmetric, so the Hastings correction $q(x_t \mid x')/q(x' \mid x_t)$ is 1,
    and $p$ need only be known up to a constant: the evidence $p(D)$ cancels. The chain has
    $p$ as its stationary distribution; its draws are correlated, so judge averages by
    `effective_sample_size`, and discard an initial stretch (burn-in) if ``x0`` is
    far from where $p$ has its mass.

    Parameters
    ----------
    log_prob : callable
        Maps a tensor ``(..., d)`` to the unnormalised log-density ``(...)``; $-\infty$ marks
        points outside the support.
    x0 : torch.Tensor
        Floating tensor ``(d,)`` for one chain or ``(chains, d)`` for independent chains run
        together; ``log_prob(x0)`` must be finite.
    n_steps : int
        Number of steps, $\ge 1$.
    step_size : float
        Standard deviation $s > 0$ of the proposal.
    generator : torch.Generator or None, default None
        CPU generator of the proposals and the uniforms (seed it for reproducible chains).

    Returns
    -------
    MCMCResult
        ``samples`` of shape ``(n_steps, *x0.shape)`` in ``x0``'s dtype and device, and the
        acceptance rate.

    Raises
    ------
    TypeError
        If ``log_prob`` is not callable, ``x0`` is not a floating tensor, or an argument has the wrong type.
    ValueError
        If ``x0`` is not 1-D or 2-D or is not finite, ``log_prob(x0)`` is not finite, ``log_prob``
        returns the wrong shape or NaN, ``n_steps < 1`` or ``step_size`` is not > 0.

    References
    ----------
    Metropolis et al., *Equation of State Calculations by Fast Computing Machines*, 1953;
    Hastings, *Monte Carlo Sampling Methods Using Markov Chains and Their Applications*, 1970;
    Gelman et al., *Bayesian Data Analysis*, 3rd ed., §11.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import metropolis_hastings
    >>> def log_p(x):  # standard normal, up to a constant
    ...     return -0.5 * (x ** 2).sum(-1)
    >>> out = metropolis_hastings(log_p, torch.zeros(1, dtype=torch.float64), 4000, 2.4,
    ...                           generator=torch.Generator().manual_seed(0))
    >>> out.samples.shape, round(out.acceptance_rate, 2)
    (torch.Size([4000, 1]), 0.44)
    """
    if not callable(log_prob):
        raise TypeError(f"log_prob must be callable, got {type(log_prob).__name__}")
    _checks.tensor(x0, "x0", min_ndim=1)
    if x0.ndim > 2:
        raise ValueError(f"x0 must have shape (d,) or (chains, d), got shape {tuple(x0.shape)}")
    if not torch.isfinite(x0).all():
        raise ValueError(f"x0 must be finite, got {x0.tolist()}")
    n = _checks.integer(n_steps, "n_steps", minimum=1)
    s = _checks.real(step_size, "step_size", positive=True)
    if generator is not None and not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator or None, got {type(generator).__name__}")
    batch = x0.shape[:-1]
    x = x0.detach().clone()
    with torch.no_grad():
        lp = _log_prob_at(log_prob, x, batch)
        if not torch.isfinite(lp).all():
            raise ValueError(f"log_prob(x0) must be finite, got {lp.tolist()}")
        cpu = generator.device if generator is not None else torch.device("cpu")
        eps = torch.randn((n, *x0.shape), generator=generator, device=cpu, dtype=torch.float64)  # ε
        log_u = torch.rand((n, *batch), generator=generator, device=cpu, dtype=torch.float64).log()
        eps, log_u = eps.to(x0.device, x0.dtype), log_u.to(x0.device)
        out = torch.empty((n, *x0.shape), dtype=x0.dtype, device=x0.device)
        accepted = torch.zeros(batch, dtype=torch.float64, device=x0.device)
        for t in range(n):
            proposal = x + s * eps[t]  # x' = x + s ε
            lp_new = _log_prob_at(log_prob, proposal, batch)
            accept = log_u[t] < (lp_new - lp).double()  # log u < log p(x') − log p(x)
            x = torch.where(accept.unsqueeze(-1), proposal, x)
            lp = torch.where(accept, lp_new, lp)
            accepted += accept
            out[t] = x
    return MCMCResult(out, float(accepted.mean().item()) / n)


def effective_sample_size(samples: torch.Tensor) -> torch.Tensor:
    r"""Effective sample size of a correlated sequence, from its autocorrelations (Geyer's initial positive sequence).

    $$\hat n_{\text{eff}} = \frac{n}{\hat\tau},\qquad
    \hat\tau = -1 + 2\sum_{m=0}^{M} \big(\hat\rho_{2m} + \hat\rho_{2m+1}\big)$$

    where $\hat\rho_t$ is the sample autocorrelation at lag $t$ and $M$ is the last $m$ before
    a pair sum $\hat\rho_{2m} + \hat\rho_{2m+1}$ turns non-positive. The mean of $n$ correlated
    draws then has standard error about $\sigma/\sqrt{\hat n_{\text{eff}}}$.

    Parameters
    ----------
    samples : torch.Tensor
        Floating tensor ``(n, ...)``, one chain along dim 0; every trailing coordinate gets
        its own estimate. Needs $n \ge 4$.

    Returns
    -------
    torch.Tensor
        Shape ``samples.shape[1:]``, float64. A constant coordinate has ESS ``n``.

    Raises
    ------
    TypeError
        If ``samples`` is not a floating tensor.
    ValueError
        If it is 0-D, has fewer than 4 draws, or holds NaN or infinity.

    References
    ----------
    Geyer, *Practical Markov Chain Monte Carlo*, Statistical Science 7, 1992, §3.3;
    Gelman et al., *Bayesian Data Analysis*, 3rd ed., §11.5.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref import randn
    >>> from aimath_ref.inference import effective_sample_size
    >>> x = randn(10_000, seed=0, dtype=torch.float64)
    >>> round(effective_sample_size(x).item())  # independent draws: ESS close to n
    9448
    """
    _checks.tensor(samples, "samples", min_ndim=1)
    n = samples.shape[0]
    if n < 4:
        raise ValueError(f"samples must hold at least 4 draws along dim 0, got {n}")
    if not torch.isfinite(samples).all():
        raise ValueError("samples must be finite, got NaN or infinity")
    x = samples.double().reshape(n, -1)
    x = x - x.mean(0)
    size = 1 << (2 * n - 1).bit_length()  # zero-padded FFT: linear, not circular, correlation
    f = torch.fft.rfft(x, n=size, dim=0)
    acov = torch.fft.irfft(f * f.conj(), n=size, dim=0)[:n] / n  # γ_t
    var = acov[0]
    constant = var <= 0
    rho = acov / torch.where(constant, torch.ones_like(var), var)  # ρ_t
    m = n // 2
    pairs = rho[: 2 * m : 2] + rho[1 : 2 * m : 2]  # Γ_m = ρ_{2m} + ρ_{2m+1}
    keep = torch.cumprod((pairs > 0).double(), dim=0)  # up to the first non-positive pair
    tau = -1 + 2 * (pairs * keep).sum(0)
    tau = tau.clamp(min=1 / math.log10(max(n, 10)))  # antithetic chains: cap ESS at n log10 n
    ess = torch.where(constant, torch.full_like(tau, float(n)), n / tau)
    return ess.reshape(samples.shape[1:])
