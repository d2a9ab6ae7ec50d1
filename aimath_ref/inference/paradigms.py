r"""Frequentist and Bayesian statistics side by side, as a table rendered on the site.

The two schools share the likelihood $P(D \mid \theta)$ and differ in what they let be
random: the data only (frequentist), or the parameters too (Bayesian, with a prior
$P(\theta)$ and the posterior $P(\theta \mid D) \propto P(D \mid \theta)\,P(\theta)$).
The estimation and regularisation rows carry the functions that compute them.
"""

from __future__ import annotations

import torch

from ..tables import CHAPTERS, Row, Table, register
from .regularisation import l2_penalty, ridge_map

__all__ = ["FREQUENTIST_VS_BAYESIAN"]


def _estimation_example() -> str:
    x = torch.tensor([[0.0], [1.0], [2.0], [3.0]], dtype=torch.float64)
    y = torch.tensor([0.1, 1.9, 4.2, 5.8], dtype=torch.float64)
    mle = ridge_map(x, y, lam=0.0).coef.item()
    post = ridge_map(x, y, lam=5.0).coef.item()
    return rf"slope of 4 points: MLE ${mle:.3f}$; MAP with $\sigma^2/\tau^2 = 5$: ${post:.3f}$"


def _regularisation_example() -> str:
    w = torch.tensor([1.0, -2.0], dtype=torch.float64)
    tau2 = 2.5
    penalty = l2_penalty(w, 1 / (2 * tau2)).item()  # -log N(w; 0, τ²) up to its constant
    return rf"$w = (1, -2)$, prior $\mathcal N(0, {tau2})$: $-\log P(w)$ + const $= {penalty:.3f}$"


FREQUENTIST_VS_BAYESIAN = register(Table(
    name="frequentist-vs-bayesian",
    title="Frequentist vs Bayesian",
    caption="How the two schools of statistics read probability, estimate parameters and report uncertainty.",
    columns=("Aspect", "Frequentist", "Bayesian"),
    chapter=CHAPTERS[3],
    page="bayesian/frequentist-bayesian.md",
    rows=(
        Row({"Aspect": "Probability means",
             "Frequentist": "The long-run frequency of an outcome over repetitions of an experiment",
             "Bayesian": "A degree of belief, updated by data through Bayes' theorem"}),
        Row({"Aspect": "Parameters",
             "Frequentist": r"Fixed but unknown constants; only the data $D$ are random",
             "Bayesian": r"Random variables with a prior $P(\theta)$"}),
        Row({"Aspect": "Estimation",
             "Frequentist": r"A point estimate, usually the MLE $\arg\max_\theta P(D \mid \theta)$",
             "Bayesian": r"The whole posterior $P(\theta \mid D)$; MAP is its mode"},
            impl=ridge_map, example=_estimation_example),
        Row({"Aspect": "Uncertainty",
             "Frequentist": "Confidence interval: the procedure covers the true value in 95% of repeated samples",
             "Bayesian": "Credible interval: given these data, the parameter lies in it with probability 0.95"}),
        Row({"Aspect": "Hypothesis testing",
             "Frequentist": "p-value: the chance of data at least as extreme if the null hypothesis were true",
             "Bayesian": r"Bayes factor $P(D \mid M_1) / P(D \mid M_2)$ and posterior odds of models"}),
        Row({"Aspect": "Regularisation",
             "Frequentist": "A penalty chosen for its effect, tuned by validation",
             "Bayesian": "The negative log of the prior (Gaussian prior: L2; Laplace prior: L1)"},
            impl=l2_penalty, example=_regularisation_example),
        Row({"Aspect": "In deep learning",
             "Frequentist": "SGD or AdamW on a loss with weight decay: one point estimate of the weights",
             "Bayesian": "Bayesian neural networks (VI, MCMC), MC dropout, Laplace approximations; deep "
                         "ensembles began as a non-Bayesian method and are only sometimes read as "
                         "approximate Bayesian model averaging"}),
    ),
))
"""The frequentist-vs-Bayesian table; the estimation and regularisation rows carry their functions."""
