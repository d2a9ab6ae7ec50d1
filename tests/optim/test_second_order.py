"""Newton's method, gradient descent to a tolerance and L-BFGS, against SciPy and torch.optim.LBFGS."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from scipy import optimize

from aimath_ref.calculus import hessian
from aimath_ref.optim import (
    SECOND_ORDER_METHODS,
    gradient_descent,
    gradient_descent_to_tolerance,
    lbfgs,
    newton_method,
    rosenbrock,
)

START = [-1.2, 1.0]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_rosenbrock_matches_scipy(dtype, device):
    g = torch.Generator().manual_seed(0)
    pts = (2 * torch.randn(5, 3, 2, generator=g, dtype=torch.float64)).to(device, dtype)
    got = rosenbrock(pts)
    assert got.shape == (5, 3) and got.dtype == dtype
    want = np.apply_along_axis(optimize.rosen, -1, pts.cpu().double().numpy())
    np.testing.assert_allclose(got.cpu().double().numpy(), want, rtol=1e-5 if dtype == torch.float32 else 1e-12)
    x = torch.tensor([0.3, -0.7], dtype=torch.float64)
    np.testing.assert_allclose(hessian(rosenbrock, x).numpy(), optimize.rosen_hess(x.numpy()), rtol=1e-12)
    assert rosenbrock(torch.tensor([2.0, 4.0]), a=2.0, b=5.0).item() == 0.0


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_newton_solves_a_quadratic_in_one_step(dtype, device):
    g = torch.Generator().manual_seed(1)
    A = torch.randn(4, 4, generator=g, dtype=torch.float64)
    H = (A @ A.T + 0.1 * torch.eye(4, dtype=torch.float64)).to(device, dtype)
    b = torch.randn(4, generator=g, dtype=torch.float64).to(device, dtype)
    r = newton_method(lambda x: 0.5 * x @ H @ x - b @ x, torch.zeros(4, dtype=dtype, device=device),
                      tol=1e-4 if dtype == torch.float32 else 1e-9)
    assert r.iterations == 1 and r.converged and r.evaluations == 2
    torch.testing.assert_close(r.x, torch.linalg.solve(H, b), rtol=1e-3 if dtype == torch.float32 else 1e-9, atol=1e-5)
    assert r.trajectory.shape == (2, 4)


def test_newton_on_rosenbrock_matches_scipy_and_converges_quadratically():
    r = newton_method(rosenbrock, torch.tensor(START, dtype=torch.float64), tol=1e-10)
    ref = optimize.minimize(optimize.rosen, START, jac=optimize.rosen_der, hess=optimize.rosen_hess,
                            method="trust-exact", tol=1e-12)
    assert r.converged and r.iterations < 30
    np.testing.assert_allclose(r.x.numpy(), ref.x, atol=1e-8)
    np.testing.assert_allclose(r.x.numpy(), [1.0, 1.0], atol=1e-9)
    err = [(p - torch.ones(2, dtype=torch.float64)).norm().item() for p in r.trajectory]
    tail = [e for e in err if 0 < e < 1e-1]
    ratios = [b / a ** 2 for a, b in zip(tail, tail[1:]) if b > 1e-13]
    assert ratios and max(ratios) < 10  # e_{t+1} <= C e_t^2 near the minimum


def test_pure_newton_heads_for_a_saddle_and_the_modified_step_goes_downhill():
    saddle = lambda x: x[0] ** 2 - x[1] ** 2  # noqa: E731
    start = torch.tensor([1.0, 0.5], dtype=torch.float64)
    pure = newton_method(saddle, start, modify=False, max_iter=1)
    torch.testing.assert_close(pure.x, torch.zeros(2, dtype=torch.float64))  # straight onto the saddle point
    assert pure.converged and pure.iterations == 1  # "converged": the gradient is zero at a saddle
    safe = newton_method(saddle, start, max_iter=3)
    # |H| = diag(2, 2) replaces diag(2, -2): the first step is -|H|^{-1} grad = -(2, -1) / 2
    torch.testing.assert_close(safe.trajectory[1], torch.tensor([0.0, 1.0], dtype=torch.float64))
    quartic = newton_method(lambda x: x[0] ** 2 - x[1] ** 2 + 0.25 * x[1] ** 4, torch.tensor([0.5, 0.2],
                                                                                          dtype=torch.float64))
    assert quartic.converged and quartic.iterations < 15
    torch.testing.assert_close(quartic.x, torch.tensor([0.0, 2 ** 0.5], dtype=torch.float64))
    assert [saddle(p).item() for p in safe.trajectory] == sorted([saddle(p).item() for p in safe.trajectory],
                                                                 reverse=True)
    assert saddle(safe.x).item() < saddle(start).item() - 1  # escapes along -y^2
    with pytest.raises(ValueError, match="the Hessian is singular at x = .*use modify=True"):
        newton_method(lambda x: x[0] ** 2 + 0 * x[1] + x[1], torch.ones(2, dtype=torch.float64), modify=False)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_gradient_descent_to_tolerance_counts_match_the_closed_form(dtype):
    lam = [1.0, 20.0]
    f = lambda x: 0.5 * (torch.tensor(lam, dtype=x.dtype) * x ** 2).sum()  # noqa: E731
    lr, tol = 0.05, 1e-4
    r = gradient_descent_to_tolerance(f, torch.ones(2, dtype=dtype), lr=lr, tol=tol)
    # component i after t steps: (1 - lr lam_i)^t, gradient lam_i (1 - lr lam_i)^t
    want = next(t for t in range(100_000) if max(abs(l * (1 - lr * l) ** t) for l in lam) <= tol)
    assert r.converged and r.iterations == want and r.evaluations == want + 1
    torch.testing.assert_close(r.trajectory, gradient_descent(torch.func.grad(f), torch.ones(2, dtype=dtype), lr, want))
    capped = gradient_descent_to_tolerance(f, torch.ones(2, dtype=dtype), lr=lr, tol=tol, max_iter=10)
    assert not capped.converged and capped.iterations == 10 and capped.trajectory.shape == (11, 2)
    blown = gradient_descent_to_tolerance(f, torch.ones(2, dtype=dtype), lr=0.11, tol=tol, max_iter=10_000)
    assert not blown.converged and blown.iterations < 10_000  # lr > 2/20: stops at inf/nan


@pytest.mark.parametrize("problem", ["rosenbrock", "quadratic"])
def test_lbfgs_counts_what_torch_lbfgs_counts_in_one_call(problem):
    f = rosenbrock if problem == "rosenbrock" else (lambda x: 0.5 * (x[0] ** 2 + 100 * x[1] ** 2))
    x0 = START if problem == "rosenbrock" else [1.0, 1.0]
    r = lbfgs(f, torch.tensor(x0, dtype=torch.float64), tol=1e-6)
    x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([x], lr=1, max_iter=1000, tolerance_grad=1e-6, tolerance_change=0.0,
                            history_size=10, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        y = f(x)
        y.backward()
        return y

    opt.step(closure)
    assert r.converged
    assert r.iterations == opt.state[x]["n_iter"] and r.evaluations == opt.state[x]["func_evals"]
    torch.testing.assert_close(r.x, x.detach())
    assert r.trajectory.shape == (r.iterations + 1, 2)
    np.testing.assert_allclose(r.x.numpy(), optimize.minimize(lambda v: f(torch.tensor(v)).item(), x0,
                                                              method="L-BFGS-B", tol=1e-14).x, atol=1e-4)


def test_newton_beats_lbfgs_beats_gradient_descent_on_rosenbrock():
    x0 = torch.tensor(START, dtype=torch.float64)
    newton, quasi = newton_method(rosenbrock, x0, tol=1e-6), lbfgs(rosenbrock, x0, tol=1e-6)
    gd = gradient_descent_to_tolerance(rosenbrock, x0, lr=1e-3, tol=1e-6, max_iter=300)
    assert newton.iterations < quasi.iterations < 300 and not gd.converged
    assert rosenbrock(gd.x).item() > 1e-3 > rosenbrock(quasi.x).item()


def test_second_order_table_rows_carry_their_solvers():
    from aimath_ref.optim.second_order import _example

    assert [r.impl for r in SECOND_ORDER_METHODS.rows] == [gradient_descent_to_tolerance, newton_method, lbfgs]
    text = _example("newton")
    newton_rosen = int(text.split("Rosenbrock: ")[1].split(" it.")[0])
    assert "quadratic $\\kappa = 100$: 1 it. / 2 ev." in text
    quasi = _example("lbfgs")
    assert int(quasi.split("Rosenbrock: ")[1].split(" it.")[0]) > newton_rosen


def test_bad_input_is_named():
    x0 = torch.ones(2, dtype=torch.float64)
    for fn in (newton_method, lbfgs, lambda f, x, **k: gradient_descent_to_tolerance(f, x, 0.1, **k)):
        with pytest.raises(TypeError, match="f must be callable, got int 1"):
            fn(1, x0)
        with pytest.raises(TypeError, match="x0 must be a torch.Tensor, got list"):
            fn(rosenbrock, [1.0, 1.0])
        with pytest.raises(ValueError, match=r"x0 must have 1 dimension\(s\), got shape \(1, 2\)"):
            fn(rosenbrock, x0[None])
        with pytest.raises(ValueError, match="tol must be > 0, got 0"):
            fn(rosenbrock, x0, tol=0)
        with pytest.raises(ValueError, match="max_iter must be >= 0, got -1"):
            fn(rosenbrock, x0, max_iter=-1)
        with pytest.raises(ValueError, match=r"f must return a scalar tensor \(one element\), got shape \(2,\)"):
            fn(lambda x: x * 2, x0)
    with pytest.raises(ValueError, match="lr must be > 0, got -0.1"):
        gradient_descent_to_tolerance(rosenbrock, x0, lr=-0.1)
    with pytest.raises(ValueError, match="max_iter must be >= 1, got 0"):
        lbfgs(rosenbrock, x0, max_iter=0)
    with pytest.raises(ValueError, match="history_size must be >= 1, got 0"):
        lbfgs(rosenbrock, x0, history_size=0)
    with pytest.raises(ValueError, match=r"x must have last dimension 2, got shape \(3,\)"):
        rosenbrock(torch.ones(3))
    with pytest.raises(TypeError, match="b must be a real number"):
        rosenbrock(torch.ones(2), b=None)  # type: ignore[arg-type]
    r = newton_method(rosenbrock, x0, max_iter=0)  # already at the minimum: 0 steps, converged
    assert r.converged and r.iterations == 0 and not math.isnan(r.x.sum().item())
