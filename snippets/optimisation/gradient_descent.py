"""Snippets for docs/optimisation/gradient-descent.md: the update rule and the three learning-rate regimes."""

# --8<-- [start:regimes]
import torch

from aimath_ref import get_device
from aimath_ref.optim import gradient_descent

# L(w) = 2 (w - 1)^2: minimum at w = 1, curvature L'' = 4, so the stable range is 0 < lr < 2/4
grad = lambda w: 4 * (w - 1)
w0 = torch.tensor([-2.0], device=get_device())
for lr in (0.02, 0.2, 0.45, 0.55):
    path = gradient_descent(grad, w0, lr=lr, steps=10).flatten()
    print(f"lr = {lr}: w after 1, 2, 10 steps =", ", ".join(f"{path[t].item():.3f}" for t in (1, 2, 10)))
# --8<-- [end:regimes]

# --8<-- [start:nan]
import torch

from aimath_ref import get_device
from aimath_ref.optim import gradient_descent

loss = lambda w: 2 * (w - 1) ** 2
w0 = torch.tensor([-2.0], device=get_device())
path = gradient_descent(lambda w: 4 * (w - 1), w0, lr=1.0, steps=81)
for t in (0, 1, 2, 10, 40, 79, 80, 81):  # float32: the largest number is about 3.4e38
    print(f"step {t}: w = {path[t].item():.3g}, loss = {loss(path[t]).item():.3g}")
# --8<-- [end:nan]

# --8<-- [start:shrink]
import torch

from aimath_ref import get_device
from aimath_ref.optim import gradient_descent

grad = lambda w: 4 * (w - 1)
path = gradient_descent(grad, torch.tensor([-2.0], device=get_device()), lr=0.1, steps=6).flatten()
print("step sizes:", [round(abs(b - a), 4) for a, b in zip(path[:-1].tolist(), path[1:].tolist())])
# --8<-- [end:shrink]

# --8<-- [start:critical]
import torch

from aimath_ref import get_device
from aimath_ref.optim import gradient_descent

# L(w) = w^4 - 2 w^2: minima at w = -1 and w = 1, a local maximum at w = 0 where the gradient is 0
grad = torch.func.grad(lambda w: (w ** 4 - 2 * w ** 2).sum())
for start in (0.0, 1e-6, -0.3, 2.0):
    end = gradient_descent(grad, torch.tensor([start], device=get_device()), lr=0.05, steps=400)[-1]
    print(f"start {start}: end at w = {end.item():.4f}")
# --8<-- [end:critical]

# --8<-- [start:rate]
import torch

from aimath_ref import get_device
from aimath_ref.optim import contraction_factor

H = torch.diag(torch.tensor([1.0, 100.0], device=get_device()))  # a stretched bowl: condition number 100
for lr in (0.001, 0.01, 2 / 101, 0.0199, 0.0201):
    rho = contraction_factor(H, lr)
    print(f"lr = {lr:.4f}: error shrinks by {rho:.4f} per step" + ("  (diverges)" if rho > 1 else ""))
# --8<-- [end:rate]
