"""Examples for the Derivatives & gradients page (docs/calculus/derivatives.md). Runs on its own."""

# --8<-- [start:nudge]
from aimath_ref.calculus import numerical_derivative


def f(x):
    return x ** 3  # f'(x) = 3x², so f'(2) = 12


for eps in (0.1, 0.01, 0.001):
    slope = (f(2 + eps) - f(2)) / eps  # the difference quotient of the limit definition
    print(f"eps = {eps:<6} slope = {slope:.6f}")

print("central difference:", round(numerical_derivative(f, 2.0), 6))
# --8<-- [end:nudge]

# --8<-- [start:orders]
import math

from aimath_ref.calculus import numerical_derivative

exact = math.cos(1.0)  # d/dx sin(x) at x = 1
for h in (1e-1, 1e-2, 1e-3):
    fwd = abs(numerical_derivative(math.sin, 1.0, eps=h, method="forward") - exact)
    ctr = abs(numerical_derivative(math.sin, 1.0, eps=h, method="central") - exact)
    print(f"h = {h:.0e}   forward error = {fwd:.1e}   central error = {ctr:.1e}")
# --8<-- [end:orders]

# --8<-- [start:gradient]
import torch

from aimath_ref import get_device
from aimath_ref.calculus import numerical_gradient


def loss(w):
    return (w[0] - 1) ** 2 + 10 * (w[1] + 0.5) ** 2  # a stretched bowl, minimum at (1, -0.5)


w = torch.tensor([-1.0, 0.5], device=get_device(), dtype=torch.float64, requires_grad=True)
loss(w).backward()  # autograd: one backward pass
print("autograd gradient :", w.grad.tolist())
print("finite differences:", [round(g, 6) for g in numerical_gradient(loss, w.detach()).tolist()])

with torch.no_grad():
    for lr in (0.01, 0.05):
        print(f"loss {loss(w).item():.3f} -> {loss(w - lr * w.grad).item():.3f} after a step of size {lr} along -grad")
# --8<-- [end:gradient]

# --8<-- [start:count]
import torch

from aimath_ref import get_device

device = get_device()
model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)).to(device)
x = torch.zeros(1, 784, device=device)
model(x).sum().backward()

n_params = sum(p.numel() for p in model.parameters())
n_grads = sum(p.grad.numel() for p in model.parameters())
print("parameters:", n_params, " gradient entries:", n_grads)
# --8<-- [end:count]

# --8<-- [start:check]
import torch

from aimath_ref import randn
from aimath_ref.calculus import gradient_check

X = randn(8, 3, seed=0, dtype=torch.float64)  # 8 examples, 3 features
y = randn(8, seed=1, dtype=torch.float64)


def mse(w):
    return ((torch.tanh(X @ w) - y) ** 2).mean()


result = gradient_check(mse, randn(3, seed=2, dtype=torch.float64))
print("passed:", result.passed, " worst relative error below 1e-8:", result.max_rel_error < 1e-8)
# --8<-- [end:check]
