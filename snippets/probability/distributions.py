"""Snippets for docs/probability/distributions.md: PMF, PDF, CDF and seeded sampling."""

# --8<-- [start:pmf]
import torch

from aimath_ref import get_device
from aimath_ref.probability import Poisson

clicks = Poisson(rate=3.0)  # on average 3 clicks a minute
k = torch.arange(0, 30, dtype=torch.float64, device=get_device())
pmf = clicks.prob(k)
print("P(X = 0..4):", [round(p, 4) for p in pmf[:5].tolist()])
print("sum over k:", round(pmf.sum().item(), 6))
print("P(X <= 4) =", round(clicks.cdf(torch.tensor(4.0, device=get_device())).item(), 4))
# --8<-- [end:pmf]

# --8<-- [start:pdf]
import torch

from aimath_ref import get_device
from aimath_ref.probability import Gaussian

w = Gaussian(mu=0.0, sigma=0.5)
x = torch.tensor([0.0, 0.5, 1.0], dtype=torch.float64, device=get_device())
print("density f(x):", [round(v, 4) for v in w.prob(x).tolist()])  # may exceed 1: it is not a probability
a, b = torch.tensor([-0.5, 0.5], dtype=torch.float64, device=get_device())
print("P(-0.5 <= X <= 0.5) =", round((w.cdf(b) - w.cdf(a)).item(), 4))
grid = torch.linspace(-5, 5, 100_001, dtype=torch.float64, device=get_device())
area = torch.trapezoid(w.prob(grid), grid)
print("area under f:", round(area.item(), 6))
# --8<-- [end:pdf]

# --8<-- [start:sample]
import torch

from aimath_ref.probability import Bernoulli, Uniform

g = torch.Generator().manual_seed(0)
mask = Bernoulli(0.9).sample(10, generator=g)  # dropout keep-mask with keep probability 0.9
print("mask:", [int(v) for v in mask.tolist()])
u = Uniform(-1.0, 1.0).sample(100_000, generator=g)
print("uniform mean, variance:", round(u.mean().item(), 2), round(u.var().item(), 3))
# --8<-- [end:sample]
