"""Snippets for docs/optimisation/convexity.md: convexity checked, minimisers that do not exist or are many, saddles."""

# --8<-- [start:gap]
import torch

from aimath_ref import get_device
from aimath_ref.optim import convexity_gap

gen = torch.Generator().manual_seed(0)
X = torch.randn(50, 3, generator=gen, dtype=torch.float64, device="cpu").to(get_device())
y = (X[:, 0] - X[:, 1] > 0).double()  # binary labels
mse = lambda w: ((X @ w - y) ** 2).mean()
logistic = lambda w: torch.nn.functional.binary_cross_entropy_with_logits(X @ w, y)
net = lambda th: ((th[0] * torch.tanh(X @ th[1:]) - y) ** 2).mean()  # one hidden tanh unit

losses = [("MSE, linear model", mse, 3), ("logistic loss", logistic, 3), ("tiny network", net, 4)]
for name, f, dim in losses:
    pairs = (3 * torch.randn(100, 2, dim, generator=gen, dtype=torch.float64, device="cpu")).to(get_device())
    gaps = torch.stack([convexity_gap(f, a, b, 0.5) for a, b in pairs])
    print(f"{name}: smallest gap over 100 random pairs = {gaps.min().item():.3f}")
# --8<-- [end:gap]

# --8<-- [start:minimisers]
import torch

from aimath_ref import get_device
from aimath_ref.optim import gradient_descent

exp_grad = torch.func.grad(lambda w: w.exp().sum())  # e^w: convex, infimum 0, never attained
path = gradient_descent(exp_grad, torch.tensor([0.0], device=get_device()), lr=0.5, steps=1000)
print("e^w: w after 10, 100, 1000 steps =", [round(path[t].item(), 2) for t in (10, 100, 1000)])

hinge_grad = torch.func.grad(lambda w: torch.clamp(w.abs() - 1, min=0).sum())  # flat bottom on [-1, 1]
for start in (-3.0, 0.3, 2.5):
    end = gradient_descent(hinge_grad, torch.tensor([start], device=get_device()), lr=0.25, steps=50)[-1]
    print(f"max(0, |w| - 1) from {start}: stops at w = {end.item():.4g}")
# --8<-- [end:minimisers]

# --8<-- [start:saddle]
import torch

from aimath_ref import get_device
from aimath_ref.calculus import classify_critical_point, hessian
from aimath_ref.optim import gradient_descent

f = lambda v: v[0] ** 2 - v[1] ** 2 + 0.5 * v[1] ** 4  # a saddle at (0, 0), minima at (0, +-1)
origin = torch.zeros(2, dtype=torch.float64, device=get_device())
H = hessian(f, origin)
print("Hessian at the origin:", H.tolist(), "->", classify_critical_point(H))
grad = torch.func.grad(f)
for start in ([1.0, 0.0], [1.0, 1e-8]):
    x0 = torch.tensor(start, dtype=torch.float64, device=get_device())
    end = gradient_descent(grad, x0, lr=0.1, steps=200)[-1]
    print(f"start {tuple(start)}: ends at", [round(v, 4) for v in end.tolist()])
# --8<-- [end:saddle]
