r"""The table of latent-variable models and the algorithms that fit them (EM, Baum–Welch, variational EM, VAEs)."""

from __future__ import annotations

import torch

from ..probability import reparameterize
from ..tables import Row, Table, register
from .gmm import gmm_em
from .hmm import baum_welch, hmm_forward

__all__ = ["LATENT_VARIABLE_MODELS"]


def _gmm() -> str:
    X = torch.tensor([[0.0], [0.2], [-0.2], [5.0], [5.2], [4.8], [5.1]], dtype=torch.float64)
    fit = gmm_em(X, 2, n_iter=30, means_init=torch.tensor([[1.0], [4.0]], dtype=torch.float64))
    w = ", ".join(f"{v:.2f}" for v in fit.weights.tolist())
    m = ", ".join(f"{v:.2f}" for v in fit.means.flatten().tolist())
    return f"7 points in two clumps: weights {w}, means {m}"


def _hmm() -> str:
    pi = torch.tensor([0.5, 0.5], dtype=torch.float64)
    A = torch.tensor([[0.9, 0.1], [0.2, 0.8]], dtype=torch.float64)
    B = torch.tensor([[0.7, 0.3], [0.1, 0.9]], dtype=torch.float64)
    ll = hmm_forward(pi, A, B, torch.tensor([0, 1, 1, 1, 0])).log_likelihood.item()
    obs = torch.tensor([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1])
    fit = baum_welch(obs, pi, torch.tensor([[0.6, 0.4], [0.4, 0.6]], dtype=torch.float64), B, n_iter=30)
    start, end = fit.log_likelihood[0].item(), fit.log_likelihood[-1].item()
    return (f"forward pass, sequence 0 1 1 1 0: $\\log p = {ll:.3f}$; "
            f"30 Baum–Welch iterations on 000111000111: $\\log p$ from ${start:.2f}$ to ${end:.2f}$")


LATENT_VARIABLE_MODELS = register(Table(
    name="latent-variable-models",
    title="Latent-variable algorithms",
    caption="Models with hidden variables, what is hidden, how they are fitted and where they are used.",
    columns=("Algorithm", "Latent variable", "How it is fitted", "Application"),
    chapter="Bayesian Inference, MLE & MAP",
    page="bayesian/em.md",
    rows=(
        Row({"Algorithm": "Gaussian mixture + EM",
             "Latent variable": r"Cluster label $z_i \in \{1, \dots, K\}$ of each point",
             "How it is fitted": r"Exact EM: responsibilities $\gamma_{ik}$, then weighted means and covariances",
             "Application": "Soft clustering, density estimation, speaker diarisation"},
            impl=gmm_em, example=_gmm),
        Row({"Algorithm": "HMM + Baum–Welch",
             "Latent variable": r"Hidden state $z_t$ at each time step",
             "How it is fitted": r"EM whose E-step is the forward–backward algorithm, $O(TS^2)$",
             "Application": "Speech recognition before deep learning, gene finding, part-of-speech tagging"},
            impl=baum_welch, example=_hmm),
        Row({"Algorithm": "LDA + variational EM or Gibbs sampling",
             "Latent variable": "Topic of each word; topic mixture of each document",
             "How it is fitted": "The E-step has no closed form: variational EM (mean-field VI) or collapsed Gibbs sampling",
             "Application": "Topic modelling of text collections"}),
        Row({"Algorithm": "VAE training",
             "Latent variable": r"Continuous code $z$ of each example",
             "How it is fitted": r"Amortised VI: an encoder outputs $q(z \mid x)$, trained with the decoder by "
                                 "maximising the ELBO through the reparameterisation trick",
             "Application": "Image generation, representation learning, the latent space of latent diffusion"},
            impl=reparameterize),
    ),
))
"""The latent-variable table; the GMM and HMM rows carry computed examples."""
