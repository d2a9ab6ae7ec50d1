"""Bayesian inference: conjugate posteriors, MCMC, variational inference, graphical models and EM.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.inference import gmm_em`` works for every one of them.
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
from .mcmc import MCMCResult, effective_sample_size, metropolis_hastings
from .methods import INFERENCE_METHODS
from .variational import VIResult, gaussian_vi

__all__ = [
    "INFERENCE_METHODS", "LATENT_VARIABLE_MODELS", "BaumWelchResult", "BetaPosterior", "DirichletPosterior", "GMMResult", "HMMForward", "MCMCResult", "NormalPosterior",
    "VIResult", "baum_welch", "bayes_net_joint", "beta_bernoulli_update", "d_separated", "dirichlet_categorical_update",
    "effective_sample_size", "enumerate_posterior", "gaussian_vi", "gmm_em", "gmm_log_likelihood",
    "hmm_forward", "hmm_posteriors", "markov_blanket", "metropolis_hastings", "mrf_joint", "normal_known_variance_update",
]
