"""Snippets for docs/bayesian/frequentist-bayesian.md: what a 95% interval promises."""

# --8<-- [start:coverage]
import math

import torch

from aimath_ref import get_device, randn

mu_true, sigma, n, trials = 3.0, 2.0, 25, 10_000
data = mu_true + sigma * randn(trials, n, seed=0, dtype=torch.float64).to(get_device())  # 10,000 repeated studies
x_bar = data.mean(dim=1)
z = torch.distributions.Normal(0.0, 1.0).icdf(torch.tensor(0.975)).item()  # 1.96
half_width = z * sigma / math.sqrt(n)
covered = (x_bar - half_width <= mu_true) & (mu_true <= x_bar + half_width)
print("z:", round(z, 3), " half-width:", round(half_width, 3))
print("share of the 95% confidence intervals that contain mu:", covered.double().mean().item())
print("first study's interval:", [round(x_bar[0].item() - half_width, 3), round(x_bar[0].item() + half_width, 3)])
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
    mle = ridge_map(ones, y, lam=0.0, fit_intercept=False).coef.item()  # the sample mean
    map_ = ridge_map(ones, y, lam=sigma2 / tau2, fit_intercept=False).coef.item()  # pulled towards 0
    print(f"n = {n}: MLE {mle:.3f}, MAP {map_:.3f}")
# --8<-- [end:prior]
