"""Probability and statistics for machine learning: distributions, sampling, moments, Bayes, limit theorems.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.probability import softmax`` works for every one of them.
"""

from .base import Distribution
from .conditional import (
    bayes_posterior,
    conditional,
    evidence,
    independence_gap,
    marginal,
)
from .continuous import Exponential, Gaussian, Uniform
from .discrete import Bernoulli, Categorical, Poisson
from .distributions import DISTRIBUTIONS
from .gaussian import (
    diffusion_alpha_bar,
    diffusion_noise,
    reparameterize,
    within_k_sigma,
)
from .initialisation import (
    INITIALISATION,
    activation_stds,
    he_normal_std,
    lecun_normal_std,
    xavier_normal_std,
    xavier_uniform_bound,
)
from .limits import clt_standardize, running_mean, sample_means
from .multivariate import MultivariateGaussian
from .sampling import (
    log_softmax,
    sample_next_token,
    softmax,
    top_k_filter,
    top_p_filter,
)
from .statistics import (
    correlation_matrix,
    covariance_matrix,
    expectation,
    standardize,
    variance,
)

__all__ = [
    "DISTRIBUTIONS", "INITIALISATION", "Bernoulli", "Categorical", "Distribution", "Exponential", "Gaussian",
    "Poisson", "Uniform", "activation_stds", "bayes_posterior", "clt_standardize", "conditional",
    "correlation_matrix", "covariance_matrix", "diffusion_alpha_bar", "diffusion_noise", "evidence",
    "expectation",
    "he_normal_std", "independence_gap", "lecun_normal_std", "log_softmax", "marginal",
    "reparameterize", "running_mean", "sample_means", "sample_next_token", "softmax", "standardize",
    "top_k_filter", "top_p_filter", "variance", "within_k_sigma", "xavier_normal_std",
    "xavier_uniform_bound", "MultivariateGaussian",
]
