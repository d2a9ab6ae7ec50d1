"""Snippets for docs/probability/bayes.md: the diagnostic test and a sequence of updates."""

# --8<-- [start:diagnostic]
import torch

from aimath_ref import get_device
from aimath_ref.probability import bayes_posterior, evidence

device = get_device()
prior = torch.tensor([0.01, 0.99], device=device)  # P(ill), P(healthy)
likelihood = torch.tensor([0.99, 0.05], device=device)  # P(positive | ill), P(positive | healthy)
print("P(positive) =", round(evidence(prior, likelihood).item(), 4))
posterior = bayes_posterior(prior, likelihood)
print("P(ill | positive) =", round(posterior[0].item(), 4))
# A second, independent positive test: yesterday's posterior is today's prior.
posterior2 = bayes_posterior(posterior, likelihood)
print("P(ill | two positives) =", round(posterior2[0].item(), 4))
# --8<-- [end:diagnostic]

# --8<-- [start:coin]
import torch

from aimath_ref import get_device
from aimath_ref.probability import bayes_posterior

device = get_device()
theta = torch.linspace(0, 1, 101, dtype=torch.float64, device=device)  # hypotheses: P(heads) = 0, 0.01, ..., 1
prior = torch.full((101,), 1 / 101, dtype=torch.float64, device=device)  # no preference
heads, tails = 7, 3
likelihood = theta ** heads * (1 - theta) ** tails  # P(D | theta), up to a constant
likelihood = likelihood / likelihood.max()  # rescaled into [0, 1]: the posterior is unchanged
posterior = bayes_posterior(prior, likelihood)
print("MLE (argmax of likelihood):", round(theta[likelihood.argmax()].item(), 2))
print("posterior mean:", round((theta * posterior).sum().item(), 3))
# --8<-- [end:coin]
