r"""The table of common distributions, rendered on the site from the classes that implement them.

Each row links to its class (`discrete`,
`continuous`) and shows moments computed by it.
"""

from __future__ import annotations

import torch

from ..tables import Row, Table, register
from .base import Distribution
from .continuous import Gaussian, Uniform
from .discrete import Bernoulli, Categorical, Poisson

__all__ = ["DISTRIBUTIONS"]


def _moments(d: Distribution, label: str) -> str:
    return f"{label}: mean ${d.mean:.4g}$, variance ${d.variance:.4g}$"


DISTRIBUTIONS = register(Table(
    name="distributions",
    title="Common distributions",
    caption="Common distributions, their parameters and moments, and where each appears in machine learning.",
    columns=("Distribution", "Type", "Parameters", "Mass or density", "Mean, variance", "AI application"),
    chapter="Probability & Statistics",
    page="probability/distributions.md",
    rows=(
        Row({"Distribution": "Bernoulli", "Type": "Discrete",
             "Parameters": r"$p \in [0, 1]$, chance of a 1",
             "Mass or density": r"$p^x (1-p)^{1-x}$, $x \in \{0, 1\}$",
             "Mean, variance": r"$p$, $p(1-p)$",
             "AI application": "Binary labels (spam or not); each unit's keep-or-drop decision in dropout"},
            impl=Bernoulli, example=lambda: _moments(Bernoulli(0.3), "$p = 0.3$")),
        Row({"Distribution": "Categorical", "Type": "Discrete",
             "Parameters": r"$p_1, \dots, p_K \ge 0$ with $\sum_k p_k = 1$",
             "Mass or density": r"$P(X = k) = p_k$",
             "Mean, variance": "(class labels have no order; moments only for numbered outcomes)",
             "AI application": "Softmax output of a classifier; the next-token distribution of a language model"},
            impl=Categorical,
            example=lambda: _moments(Categorical(torch.full((6,), 1 / 6, dtype=torch.float64)), "fair die, faces 0 to 5")),
        Row({"Distribution": "Gaussian", "Type": "Continuous",
             "Parameters": r"mean $\mu$, variance $\sigma^2 > 0$",
             "Mass or density": r"$\frac{1}{\sqrt{2\pi\sigma^2}} e^{-(x-\mu)^2 / 2\sigma^2}$",
             "Mean, variance": r"$\mu$, $\sigma^2$",
             "AI application": "Weight initialisation, injected noise, VAE latent codes, diffusion noise"},
            impl=Gaussian, example=lambda: _moments(Gaussian(0.0, 2.0), r"$\mu = 0, \sigma = 2$")),
        Row({"Distribution": "Uniform", "Type": "Continuous",
             "Parameters": r"ends $a < b$",
             "Mass or density": r"$\frac{1}{b - a}$ on $[a, b]$",
             "Mean, variance": r"$\frac{a+b}{2}$, $\frac{(b-a)^2}{12}$",
             "AI application": "Uniform (Glorot) initialisation, uniform noise, random exploration in RL"},
            impl=Uniform, example=lambda: _moments(Uniform(-1.0, 1.0), "$[-1, 1]$")),
        Row({"Distribution": "Poisson", "Type": "Discrete",
             "Parameters": r"rate $\lambda > 0$",
             "Mass or density": r"$\frac{\lambda^k e^{-\lambda}}{k!}$, $k = 0, 1, \dots$",
             "Mean, variance": r"$\lambda$, $\lambda$",
             "AI application": "Counts of events: clicks, failures, arrivals per unit of time"},
            impl=Poisson, example=lambda: _moments(Poisson(3.0), r"$\lambda = 3$")),
    ),
))
"""The common distributions table, each row carrying its distribution class."""
