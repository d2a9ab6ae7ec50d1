"""Snippets for docs/optimisation/constrained.md: Lagrange multipliers, KKT, a hard-margin SVM, the KL penalty."""

# --8<-- [start:lagrange]
import torch
from scipy.optimize import minimize

from aimath_ref import get_device
from aimath_ref.optim import kkt_residuals, lagrange_newton

f = lambda v: (v[0] - 2) ** 2 + (v[1] - 1) ** 2  # squared distance to the point (2, 1)
h = lambda v: v[0] ** 2 + v[1] ** 2 - 1          # constraint: stay on the unit circle, h = 0

sol = lagrange_newton(f, h, torch.tensor([1.0, 0.0], dtype=torch.float64, device=get_device()))
print("x* =", [round(v, 6) for v in sol.x.tolist()], " lambda =", round(sol.multipliers.item(), 6),
      " Newton steps:", sol.iterations)
grad_f, grad_h = torch.func.grad(f)(sol.x), torch.func.grad(h)(sol.x)
print("grad f =", [round(v, 4) for v in grad_f.tolist()], " lambda * grad h =",
      [round(v, 4) for v in (sol.multipliers * grad_h).tolist()])
residuals = kkt_residuals(f, sol.x, eq=h, lam=sol.multipliers)
print("KKT residuals:", {k: round(v, 10) for k, v in residuals.items()})

ref = minimize(lambda v: f(v), [1.0, 0.0], method="SLSQP", tol=1e-12,
               constraints=[{"type": "eq", "fun": h}])  # SciPy's SQP solver, as a check
print("SciPy SLSQP:", [round(v, 6) for v in ref.x.tolist()])
# --8<-- [end:lagrange]

# --8<-- [start:kkt]
import torch

from aimath_ref import get_device
from aimath_ref.optim import kkt_residuals

g = lambda v: v[0] ** 2 + v[1] ** 2 - 1  # inequality: stay inside the unit disc, g <= 0
point = torch.tensor([2.0, 1.0], dtype=torch.float64, device=get_device()) / 5 ** 0.5

def show(label, f, x, mu):
    res = kkt_residuals(f, x, ineq=g, mu=torch.tensor([mu], dtype=torch.float64, device=get_device()))
    print(label, {k: round(v, 4) for k, v in res.items()})

# target (2, 1) outside the disc: the constraint is active
far = lambda v: (v[0] - 2) ** 2 + (v[1] - 1) ** 2
show("outside, mu = +1.236:", far, point, 5 ** 0.5 - 1)
show("outside, mu = -1.236:", far, point, 1 - 5 ** 0.5)

# target (0.2, 0.1) inside: the constraint is inactive and its multiplier should be 0
near = lambda v: (v[0] - 0.2) ** 2 + (v[1] - 0.1) ** 2
inside = torch.tensor([0.2, 0.1], dtype=torch.float64, device=get_device())
show("inside, mu = 0:", near, inside, 0.0)
show("inside, mu = 0.5:", near, inside, 0.5)
# --8<-- [end:kkt]

# --8<-- [start:svm]
import torch

from aimath_ref import get_device
from aimath_ref.optim import kkt_residuals, lagrange_newton

X = torch.tensor([[2.0, 2.0], [3.0, 3.5], [0.0, 0.0], [-1.0, 0.5]],
                 dtype=torch.float64, device=get_device())
y = torch.tensor([1.0, 1.0, -1.0, -1.0], dtype=torch.float64, device=get_device())
f = lambda v: 0.5 * (v[:2] ** 2).sum()               # v = (w1, w2, b): minimise |w|^2 / 2
margins = lambda v: 1 - y * (X @ v[:2] + v[2])       # <= 0: each point outside the margin

support = [0, 2]  # guess: the two closest points of opposite classes are the active constraints
start = torch.tensor([1.0, 1.0, 0.0], dtype=torch.float64, device=get_device())
sol = lagrange_newton(f, lambda v: -margins(v)[support], start)  # active constraints as equalities
w, b = sol.x[:2], sol.x[2]
mu = torch.zeros(4, dtype=torch.float64, device=get_device())
mu[support] = sol.multipliers  # multipliers of the other points are 0 (complementary slackness)
print("w =", [round(v, 4) for v in w.tolist()], " b =", round(b.item(), 4), " alphas =",
      [round(v, 4) for v in mu.tolist()], " margin width 2/|w| =", round(2 / w.norm().item(), 4))
residuals = kkt_residuals(f, sol.x, ineq=margins, mu=mu)
print("largest KKT residual:", round(max(residuals.values()), 10))
# --8<-- [end:svm]

# --8<-- [start:rlhf]
import torch

from aimath_ref import get_device
from aimath_ref.optim import kl_regularised_policy

ref_probs = torch.tensor([0.5, 0.3, 0.15, 0.05], device=get_device())  # reference (SFT) model
reward = torch.tensor([0.0, 1.0, 2.0, 3.0], device=get_device())        # reward model's scores
for beta in (10.0, 1.0, 0.1):
    pi = kl_regularised_policy(ref_probs.log(), reward, beta)
    kl = torch.nn.functional.kl_div(ref_probs.log(), pi, reduction="sum").item()  # KL(pi || ref)
    print(f"beta = {beta:4}: policy {[round(p, 3) for p in pi.tolist()]}, expected reward "
          f"{(pi * reward).sum().item():.3f}, KL to reference {kl:.3f}")
# --8<-- [end:rlhf]
