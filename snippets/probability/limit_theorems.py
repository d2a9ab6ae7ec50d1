"""Snippets for docs/probability/limit-theorems.md: law of large numbers and central limit theorem."""

# --8<-- [start:lln]
import torch

from aimath_ref.probability import Bernoulli, running_mean

# 100 000 test examples, each classified correctly with probability 0.83 (the true accuracy)
correct = Bernoulli(0.83).sample(100_000, generator=torch.Generator().manual_seed(0))
path = running_mean(correct)
for n in (10, 100, 1_000, 10_000, 100_000):
    print(f"accuracy on {n:>6} examples: {path[n - 1].item():.4f}")
# --8<-- [end:lln]

# --8<-- [start:variance]
import torch

from aimath_ref.probability import Exponential, sample_means

d = Exponential(rate=1.0)  # skewed, mean 1, variance 1
for n in (1, 4, 16, 64):
    means = sample_means(d, n, trials=20_000, generator=torch.Generator().manual_seed(n))
    print(f"n={n:>2}: variance of the mean {means.var().item():.4f}  (sigma^2/n = {d.variance / n:.4f})")
# --8<-- [end:variance]

# --8<-- [start:clt]
import torch
from scipy import stats

from aimath_ref.probability import (
    Exponential,
    clt_standardize,
    sample_means,
    within_k_sigma,
)

d = Exponential(rate=1.0)
for n in (1, 2, 10, 30):
    means = sample_means(d, n, trials=50_000, generator=torch.Generator().manual_seed(10 + n))
    z = clt_standardize(means, n, mu=d.mean, sigma=d.variance ** 0.5)  # sqrt(n) (mean - mu) / sigma
    inside = (z.abs() <= 1).double().mean().item()
    print(f"n={n:>2}: skewness {stats.skew(z.numpy()):.2f}, within 1 sigma {inside:.3f}")
print(f"Gaussian: skewness 0.00, within 1 sigma {within_k_sigma(1):.3f}")
# --8<-- [end:clt]
