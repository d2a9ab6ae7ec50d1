"""Snippets for docs/bayesian/frequentist-bayesian.md: what an interval promises."""

# --8<-- [start:coverage]
import math

import torch

from aimath_ref import get_device, randn

mu, sigma, n, studies = 3.0, 2.0, 25, 10_000
noise = randn(studies, n, seed=0, dtype=torch.float64).to(get_device())
data = mu + sigma * noise  # 10,000 repeated studies of n = 25 points
x_bar = data.mean(dim=1)
z = torch.distributions.Normal(0.0, 1.0).icdf(torch.tensor(0.975)).item()
half = z * sigma / math.sqrt(n)  # half-width of the 95% interval
covered = (x_bar - half <= mu) & (mu <= x_bar + half)
print("z:", round(z, 3), " half-width:", round(half, 3))
print("share of intervals that contain mu:", covered.double().mean().item())
first = x_bar[0].item()
print("first interval:", [round(first - half, 3), round(first + half, 3)])
# --8<-- [end:coverage]

# --8<-- [start:prior]
import torch

from aimath_ref import get_device, randn
from aimath_ref.inference import ridge_map

# Estimating one mean mu from n points is a regression on a column of ones.
sigma2, tau2 = 4.0, 0.25  # noise variance; prior mu ~ N(0, tau2)
for n in (5, 50, 5000):
    y = 3.0 + 2.0 * randn(n, seed=n, dtype=torch.float64).to(get_device())
    ones = torch.ones(n, 1, dtype=torch.float64, device=y.device)
    mle = ridge_map(ones, y, lam=0.0, fit_intercept=False)  # the sample mean
    post = ridge_map(ones, y, lam=sigma2 / tau2, fit_intercept=False)  # MAP
    print(f"n = {n}: MLE {mle.coef.item():.3f}, MAP {post.coef.item():.3f}")
# --8<-- [end:prior]
