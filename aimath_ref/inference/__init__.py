"""Bayesian inference, maximum likelihood and MAP: losses as likelihoods, regularisers as priors.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.inference import gaussian_nll`` works for every one of them.
"""

from .likelihood import LOSS_FROM_ASSUMPTION, bernoulli_nll, categorical_nll, gaussian_nll, laplace_nll
from .paradigms import FREQUENTIST_VS_BAYESIAN
from .regularisation import (
    LinearFit,
    elastic_net_penalty,
    l1_penalty,
    l2_penalty,
    lasso_ista,
    ridge_map,
    soft_threshold,
)

__all__ = [
    "FREQUENTIST_VS_BAYESIAN",
    "LOSS_FROM_ASSUMPTION",
    "LinearFit",
    "bernoulli_nll",
    "categorical_nll",
    "elastic_net_penalty",
    "gaussian_nll",
    "l1_penalty",
    "l2_penalty",
    "laplace_nll",
    "lasso_ista",
    "ridge_map",
    "soft_threshold",
]
