"""Snippets for docs/optimisation/second-order.md: Newton's method, its failure at saddles, L-BFGS, the Fisher metric."""

# --8<-- [start:newton]
import torch

from aimath_ref import get_device
from aimath_ref.optim import newton_method, rosenbrock

start = torch.tensor([-1.2, 1.0], dtype=torch.float64, device=get_device())
r = newton_method(rosenbrock, start, tol=1e-10)
print(f"Rosenbrock: {r.iterations} Newton steps, converged: {r.converged}")
for t, x in enumerate(r.trajectory.tolist()):
    print(f"  step {t}: distance to (1, 1) = {((x[0] - 1) ** 2 + (x[1] - 1) ** 2) ** 0.5:.1e}")
# --8<-- [end:newton]

# --8<-- [start:compare]
import torch

from aimath_ref import get_device
from aimath_ref.optim import gradient_descent_to_tolerance, lbfgs, newton_method

scale = torch.tensor([1.0, 10.0], dtype=torch.float64, device=get_device())
f = lambda x: 0.5 * (scale * x ** 2).sum()  # condition number 10
x0 = torch.tensor([1.0, 1.0], dtype=torch.float64, device=get_device())
runs = {"gradient descent (lr = 1/10)": gradient_descent_to_tolerance(f, x0, lr=0.1, tol=1e-8),
        "Newton": newton_method(f, x0, tol=1e-8),
        "L-BFGS": lbfgs(f, x0, tol=1e-8)}
for name, r in runs.items():
    print(f"{name}: {r.iterations} iterations, {r.evaluations} evaluations")
# --8<-- [end:compare]

# --8<-- [start:saddle]
import torch

from aimath_ref import get_device
from aimath_ref.optim import newton_method

f = lambda v: v[0] ** 2 - v[1] ** 2 + 0.25 * v[1] ** 4  # saddle at (0, 0), minima at (0, +-sqrt 2)
start = torch.tensor([0.5, 0.2], dtype=torch.float64, device=get_device())
pure = newton_method(f, start, modify=False)
safe = newton_method(f, start)
for name, r in [("pure Newton", pure), ("modified Newton", safe)]:
    end = [round(v, 4) + 0.0 for v in r.x.tolist()]  # + 0.0 turns -0.0 into 0.0
    print(f"{name}: ends at {end}, f = {round(f(r.x).item(), 4) + 0.0}")
# --8<-- [end:saddle]

# --8<-- [start:memory]
n = 175e9  # GPT-3's parameters
print(f"Hessian entries: {n ** 2:.2e}; in 16-bit floats: {2 * n ** 2 / 1e21:.0f} zettabytes")
print(f"L-BFGS with m = 10 pairs: {2 * 10 * n:.1e} numbers; Adam's state: {2 * n:.1e} numbers")
# --8<-- [end:memory]

# --8<-- [start:fisher]
import torch

from aimath_ref import get_device
from aimath_ref.optim import per_example_gradients

# Logistic regression p(y = 1 | x) = sigmoid(x . w): the Fisher matrix F = E[grad log p grad log p^T]
gen = torch.Generator().manual_seed(0)
X = torch.randn(5000, 2, generator=gen, dtype=torch.float64, device="cpu").to(get_device())
w = torch.tensor([2.0, -1.0], dtype=torch.float64, device=get_device())
p = torch.sigmoid(X @ w)
y = torch.bernoulli(p.cpu(), generator=gen).to(get_device())  # labels drawn from the model itself
log_lik = lambda w, x, t: -torch.nn.functional.binary_cross_entropy_with_logits(x @ w, t)
scores = per_example_gradients(log_lik, w, X, y)  # (5000, 2): grad log p(y_i | x_i)
F_empirical = scores.T @ scores / len(X)
F_exact = (X.T * (p * (1 - p))) @ X / len(X)  # X^T diag(p(1 - p)) X / N
print("Fisher from scores:", [[round(v, 3) for v in row] for row in F_empirical.tolist()])
print("Fisher exact:      ", [[round(v, 3) for v in row] for row in F_exact.tolist()])
# --8<-- [end:fisher]
