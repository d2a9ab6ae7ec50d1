"""Bayesian inference, maximum likelihood and MAP: losses as likelihoods, regularisers as priors,
conjugate posteriors, MCMC, variational inference, graphical models and EM.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.inference import gaussian_nll`` works for every one of them.
"""

from .conjugate import (
    BetaPosterior,
    DirichletPosterior,
    NormalPosterior,
    beta_bernoulli_update,
    dirichlet_categorical_update,
    normal_known_variance_update,
)
from .gmm import GMMResult, gmm_em, gmm_log_likelihood
from .graphical import bayes_net_joint, d_separated, enumerate_posterior, markov_blanket, mrf_joint
from .hmm import BaumWelchResult, HMMForward, baum_welch, hmm_forward, hmm_posteriors
from .latent import LATENT_VARIABLE_MODELS
from .likelihood import LOSS_FROM_ASSUMPTION, bernoulli_nll, categorical_nll, gaussian_nll, laplace_nll
from .mcmc import MCMCResult, effective_sample_size, metropolis_hastings
from .methods import INFERENCE_METHODS
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
from .variational import VIResult, gaussian_vi

__all__ = [
    "FREQUENTIST_VS_BAYESIAN", "INFERENCE_METHODS", "LATENT_VARIABLE_MODELS", "LOSS_FROM_ASSUMPTION",
    "BaumWelchResult", "BetaPosterior", "DirichletPosterior", "GMMResult", "HMMForward", "LinearFit",
    "MCMCResult", "NormalPosterior", "VIResult",
    "baum_welch", "bayes_net_joint", "bernoulli_nll", "beta_bernoulli_update", "categorical_nll",
    "d_separated", "dirichlet_categorical_update", "effective_sample_size", "elastic_net_penalty",
    "enumerate_posterior", "gaussian_nll", "gaussian_vi", "gmm_em", "gmm_log_likelihood", "hmm_forward",
    "hmm_posteriors", "l1_penalty", "l2_penalty", "laplace_nll", "lasso_ista", "markov_blanket",
    "metropolis_hastings", "mrf_joint", "normal_known_variance_update", "ridge_map", "soft_threshold",
]
