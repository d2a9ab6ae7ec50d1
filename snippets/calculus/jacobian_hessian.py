"""Examples for the Jacobian & Hessian page (docs/calculus/jacobian-hessian.md). Runs on its own."""

# --8<-- [start:jacobian]
import torch

from aimath_ref import get_device
from aimath_ref.calculus import jacobian

z = torch.tensor([1.0, 2.0, 0.5], device=get_device(), dtype=torch.float64)  # logits
J = jacobian(lambda v: torch.softmax(v, dim=0), z)  # 3 outputs x 3 inputs
p = torch.softmax(z, dim=0)
closed_form = torch.diag(p) - torch.outer(p, p)  # d p_i / d z_j = p_i (delta_ij - p_j)

print("shape:", tuple(J.shape))
print([[round(v, 4) for v in row] for row in J.tolist()])
print("equals diag(p) - p pᵀ:", torch.allclose(J, closed_form))
print("equals torch's jacobian:", torch.allclose(J, torch.autograd.functional.jacobian(lambda v: torch.softmax(v, 0), z)))
# --8<-- [end:jacobian]

# --8<-- [start:hessian]
import torch

from aimath_ref import get_device
from aimath_ref.calculus import classify_critical_point, hessian

surfaces = {
    "bowl   w0² + 2 w1²": lambda w: w[0] ** 2 + 2 * w[1] ** 2,
    "saddle w0² - w1²": lambda w: w[0] ** 2 - w[1] ** 2,
    "flat   w0⁴ + w1²": lambda w: w[0] ** 4 + w[1] ** 2,
}
origin = torch.zeros(2, device=get_device(), dtype=torch.float64)  # a critical point of all three
for name, L in surfaces.items():
    H = hessian(L, origin)
    eigenvalues = torch.linalg.eigvalsh(H).tolist()
    print(f"{name:<20} eigenvalues {eigenvalues}  ->  {classify_critical_point(H)}")
# --8<-- [end:hessian]

# --8<-- [start:not_critical]
import torch

from aimath_ref import get_device
from aimath_ref.calculus import classify_critical_point, hessian

L = lambda w: w[0] ** 2 + 2 * w[1] ** 2  # noqa: E731
w = torch.tensor([1.0, 1.0], device=get_device(), dtype=torch.float64)
grad = torch.autograd.functional.jacobian(L, w)
try:
    classify_critical_point(hessian(L, w), grad=grad)
except ValueError as err:
    print(err)
# --8<-- [end:not_critical]

# --8<-- [start:hvp]
import torch

from aimath_ref import randn
from aimath_ref.calculus import hessian

A = randn(50, 50, seed=0, dtype=torch.float64)
L = lambda w: torch.logsumexp(A @ w, 0) + 0.5 * (w ** 2).sum()  # noqa: E731
w, v = randn(50, seed=1, dtype=torch.float64), randn(50, seed=2, dtype=torch.float64)

H = hessian(L, w)  # 50 x 50 = 2500 numbers
_, Hv = torch.autograd.functional.hvp(L, w, v)  # H v by two backward passes, no H stored
print("entries of H:", H.numel(), " H v matches:", torch.allclose(H @ v, Hv))
print(f"entries for 175e9 parameters: {175e9 ** 2:.2e}")
# --8<-- [end:hvp]
