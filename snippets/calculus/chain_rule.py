"""Examples for the Chain rule page (docs/calculus/chain-rule.md). Runs on its own."""

# --8<-- [start:composite]
import math

import torch

from aimath_ref import get_device
from aimath_ref.autodiff import forward_derivative

x0 = 0.8
outer = 1 - math.tanh(x0 ** 2) ** 2  # f'(g(x)) with f = tanh, g(x) = x²
inner = 2 * x0  # g'(x)
print("by hand     :", round(outer * inner, 6))

x = torch.tensor(x0, device=get_device(), dtype=torch.float64, requires_grad=True)
torch.tanh(x ** 2).backward()
print("autograd    :", round(x.grad.item(), 6))

_, slope = forward_derivative(lambda d: (d ** 2).tanh(), x0)  # dual numbers, see the autodiff page
print("dual numbers:", round(slope, 6))
# --8<-- [end:composite]

# --8<-- [start:neuron]
import torch

from aimath_ref import get_device

device = get_device()
kw = dict(device=device, dtype=torch.float64)
x, y = torch.tensor(2.0, **kw), torch.tensor(1.0, **kw)  # one example
w = torch.tensor(0.5, **kw, requires_grad=True)
b = torch.tensor(-0.3, **kw, requires_grad=True)

z = w * x + b  # linear
y_hat = torch.sigmoid(z)  # activation
loss = (y_hat - y) ** 2  # squared error
loss.backward()

dL_dyhat = 2 * (y_hat - y)  # the four local derivatives, multiplied along the chain
dyhat_dz = y_hat * (1 - y_hat)
dz_dw, dz_db = x, 1.0
print("dL/dw by hand:", round((dL_dyhat * dyhat_dz * dz_dw).item(), 6), " autograd:", round(w.grad.item(), 6))
print("dL/db by hand:", round((dL_dyhat * dyhat_dz * dz_db).item(), 6), " autograd:", round(b.grad.item(), 6))
# --8<-- [end:neuron]

# --8<-- [start:factors]
for factor in (0.9, 1.0, 1.1):
    print(f"{factor} ** 100 = {factor ** 100:.3g}")
# --8<-- [end:factors]

# --8<-- [start:depth]
from aimath_ref.calculus import gradient_through_depth

cases = [
    ("sigmoid", 1.0, False),
    ("tanh", 1.0, False),
    ("relu", 1.0, False),
    ("relu", 2 ** 0.5, False),  # He initialisation
    ("relu", 2.0, False),
    ("sigmoid", 1.0, True),  # residual connections
]
for activation, gain, residual in cases:
    r = gradient_through_depth(activation, depth=50, width=64, gain=gain, residual=residual, seed=0)
    name = f"{activation}{' + skip' if residual else ''}, gain {gain:.2f}"
    print(f"{name:<26} |dL/dh_0| = {r.grad_norms[0].item():.2e}")
# --8<-- [end:depth]

# --8<-- [start:clipping]
import torch

from aimath_ref import get_device

device = get_device()
for scale in (1e3, 1e-6):  # an exploding and a vanishing gradient
    p = torch.nn.Parameter(torch.zeros(4, device=device))
    p.grad = torch.full((4,), scale, device=device)
    before = p.grad.norm().item()
    torch.nn.utils.clip_grad_norm_([p], max_norm=1.0)  # rescale if the norm exceeds 1
    print(f"norm before {before:.1e}  after {p.grad.norm().item():.1e}")
# --8<-- [end:clipping]
