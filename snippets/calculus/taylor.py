"""Examples for the Taylor series page (docs/calculus/taylor.md). Runs on its own."""

# --8<-- [start:approx]
import torch

from aimath_ref.calculus import taylor_polynomial


def loss(w):
    return torch.log(1 + torch.exp(2 * w)) - w  # smooth and convex, not a polynomial


T1 = taylor_polynomial(loss, 0.5, order=1)  # tangent line at w0 = 0.5
T2 = taylor_polynomial(loss, 0.5, order=2)  # tangent parabola
for step in (0.05, 0.5, 2.0):
    w = torch.tensor(0.5 + step, dtype=torch.float64)
    exact = loss(w).item()
    print(f"step {step:<5} error of T1 = {abs(T1(w).item() - exact):.1e}   error of T2 = {abs(T2(w).item() - exact):.1e}")
# --8<-- [end:approx]

# --8<-- [start:stability]
import torch

from aimath_ref import get_device
from aimath_ref.calculus import max_stable_lr

H = torch.diag(torch.tensor([1.0, 10.0], device=get_device(), dtype=torch.float64))  # L = (x² + 10 y²) / 2
limit = max_stable_lr(H)
print("2 / lambda_max =", limit)

for lr in (0.05, 0.19, 0.21):
    theta = torch.tensor([1.0, 1.0], device=H.device, dtype=torch.float64)
    for _ in range(100):
        theta = theta - lr * (H @ theta)  # gradient descent: grad L = H theta
    loss = 0.5 * theta @ H @ theta
    print(f"lr = {lr}: loss after 100 steps = {loss.item():.2e}")
# --8<-- [end:stability]
