r"""The table of inference methods (MLE, MAP, MCMC, variational inference), with examples computed on one coin.

Every row is run on the same data, 7 heads in 10 flips under a Beta(2, 2) prior, whose exact
posterior Beta(9, 5) (mean 0.643) is known, so the examples can be compared with the truth.
"""

from __future__ import annotations

import torch

from ..tables import Row, Table, register
from .conjugate import beta_bernoulli_update
from .likelihood import bernoulli_nll
from .mcmc import metropolis_hastings
from .variational import gaussian_vi

__all__ = ["INFERENCE_METHODS"]

_FLIPS = torch.tensor([1, 1, 0, 1, 1, 1, 0, 1, 1, 0], dtype=torch.float64)  # 7 heads in 10


def _log_posterior(theta: torch.Tensor) -> torch.Tensor:
    # Beta(2, 2) prior times the Bernoulli likelihood, up to a constant: log Beta(9, 5) density
    t = theta[..., 0]
    inside = (t > 0) & (t < 1)
    ts = torch.where(inside, t, torch.full_like(t, 0.5))
    return torch.where(inside, 8 * torch.log(ts) + 4 * torch.log1p(-ts), -torch.inf)


def _mle() -> str:
    grid = torch.linspace(0.001, 0.999, 999, dtype=torch.float64)  # candidate θ
    nll = torch.stack([bernoulli_nll(torch.full_like(_FLIPS, t.item()), _FLIPS, reduction="sum") for t in grid])
    return f"7 heads in 10: $\\hat\\theta = {grid[nll.argmin()].item():.3f}$ (minimum of the NLL)"


def _map() -> str:
    post = beta_bernoulli_update(2.0, 2.0, _FLIPS)
    return f"Beta(2, 2) prior: mode ${post.mode.item():.3f}$"


def _mcmc() -> str:
    out = metropolis_hastings(_log_posterior, torch.full((8, 1), 0.5, dtype=torch.float64), 1500, 0.25,
                              generator=torch.Generator().manual_seed(0))
    draws = out.samples[300:]
    exact = beta_bernoulli_update(2.0, 2.0, _FLIPS).mean.item()
    return f"mean of {draws.numel():,} draws ${draws.mean().item():.3f}$ (exact ${exact:.3f}$)"


def _vi() -> str:
    fit = gaussian_vi(_log_posterior, dim=1, n_steps=600, lr=0.02, init_mean=torch.tensor([0.5], dtype=torch.float64),
                      generator=torch.Generator().manual_seed(0))
    post = beta_bernoulli_update(2.0, 2.0, _FLIPS)
    return (f"Gaussian $q$: mean ${fit.mean.item():.3f}$, sd ${fit.std.item():.3f}$ "
            f"(exact ${post.mean.item():.3f}$, ${post.variance.sqrt().item():.3f}$)")


INFERENCE_METHODS = register(Table(
    name="inference-methods",
    title="Inference methods compared",
    caption="What each way of fitting parameters returns, what it costs and when to use it; the examples all use "
            "7 heads in 10 flips and, where a prior is needed, a Beta(2, 2) prior.",
    columns=("Method", "Output", "Cost", "When to use"),
    chapter="Bayesian Inference, MLE & MAP",
    page="bayesian/full-bayesian.md",
    rows=(
        Row({"Method": "MLE",
             "Output": r"A point estimate $\hat\theta = \arg\max_\theta p(D \mid \theta)$",
             "Cost": "One optimisation (the usual training run)",
             "When to use": "Plenty of data for the number of parameters; the default of deep learning"},
            impl=bernoulli_nll, example=_mle),
        Row({"Method": "MAP",
             "Output": r"A point estimate $\arg\max_\theta p(D \mid \theta)\,p(\theta)$, the posterior mode",
             "Cost": "One optimisation, plus a penalty term",
             "When to use": "Whenever a prior or regulariser helps, which is most of the time"},
            impl=beta_bernoulli_update, example=_map),
        Row({"Method": "MCMC",
             "Output": r"Correlated draws from $p(\theta \mid D)$",
             "Cost": "Many likelihood evaluations per effective draw; very expensive for large models",
             "When to use": "Small or medium models that need calibrated uncertainty; asymptotically exact "
                            "and the usual reference when the chains mix"},
            impl=metropolis_hastings, example=_mcmc),
        Row({"Method": "Variational inference",
             "Output": r"The best $q(\theta)$ in a simple family: minimises the reverse $\mathrm{KL}(q \,\Vert\, p)$, "
                       "i.e. maximises the ELBO",
             "Cost": "One stochastic optimisation; moderate",
             "When to use": "VAEs, Bayesian neural networks, topic models, data too large for MCMC; "
                            "tends to underestimate the variance"},
            impl=gaussian_vi, example=_vi),
    ),
))
"""The inference-methods table, each computed example run on the same coin."""
