"""aimath_ref.calculus.taylor: Taylor polynomials, the stable step size, and the optimisation-order table."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.calculus import OPTIMISATION_ORDERS, max_stable_lr, taylor_polynomial


def _loss(w: torch.Tensor) -> torch.Tensor:
    return torch.log1p(torch.exp(w[0] - 2 * w[1])) + torch.sin(w[0]) * w[1] ** 2


def test_scalar_taylor_of_exp_is_the_truncated_series():
    x = torch.linspace(-1, 1, 9, dtype=torch.float64)
    torch.testing.assert_close(taylor_polynomial(torch.exp, 0.0, order=1)(x), 1 + x)
    torch.testing.assert_close(taylor_polynomial(torch.exp, 0.0, order=2)(x), 1 + x + x ** 2 / 2)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_vector_taylor_matches_torch_derivatives(dtype, device):
    g = torch.Generator().manual_seed(0)
    x0 = torch.randn(2, generator=g, dtype=torch.float64).to(device=device, dtype=dtype)
    pts = torch.randn(5, 2, generator=g, dtype=torch.float64).to(device=device, dtype=dtype)  # a batch of points
    T1, T2 = taylor_polynomial(_loss, x0, order=1), taylor_polynomial(_loss, x0, order=2)
    p = x0.double()
    grad = torch.autograd.functional.jacobian(_loss, p)
    H = torch.autograd.functional.hessian(_loss, p)
    d = pts.double() - p
    want1 = _loss(p) + d @ grad
    want2 = want1 + 0.5 * torch.einsum("bi,ij,bj->b", d, H, d)
    assert T2(pts).shape == (5,)
    torch.testing.assert_close(T1(pts), want1)
    torch.testing.assert_close(T2(pts), want2)


@pytest.mark.parametrize("order", [1, 2])
def test_error_shrinks_like_step_to_the_power_order_plus_one(order):
    x0 = torch.tensor([0.3, -0.2], dtype=torch.float64)
    T = taylor_polynomial(_loss, x0, order=order)
    direction = torch.tensor([0.6, 0.8], dtype=torch.float64)
    errors = [abs(T(x0 + t * direction).item() - _loss(x0 + t * direction).item()) for t in (1e-2, 5e-3)]
    assert errors[0] / errors[1] == pytest.approx(2 ** (order + 1), rel=0.05)


@settings(max_examples=30, deadline=None)
@given(coef=st.lists(st.floats(-3, 3), min_size=6, max_size=6),
       x0=st.lists(st.floats(-2, 2), min_size=2, max_size=2),
       x=st.lists(st.floats(-2, 2), min_size=2, max_size=2))
def test_second_order_is_exact_on_quadratics(coef, x0, x):
    a, b, c, d, e, f = coef

    def q(w: torch.Tensor) -> torch.Tensor:
        return a * w[0] ** 2 + b * w[0] * w[1] + c * w[1] ** 2 + d * w[0] + e * w[1] + f

    T2 = taylor_polynomial(q, torch.tensor(x0, dtype=torch.float64), order=2)
    point = torch.tensor(x, dtype=torch.float64)
    assert T2(point).item() == pytest.approx(q(point).item(), abs=1e-9)


def test_max_stable_lr_separates_convergence_from_divergence():
    g = torch.Generator().manual_seed(1)
    B = torch.randn(4, 4, generator=g, dtype=torch.float64)
    H = B @ B.T + 0.1 * torch.eye(4, dtype=torch.float64)  # positive definite
    bound = max_stable_lr(H)
    assert bound == pytest.approx(2 / np.linalg.eigvalsh(H.numpy()).max())

    def run(lr: float) -> float:
        theta = torch.ones(4, dtype=torch.float64)
        for _ in range(3000):
            theta = theta - lr * (H @ theta)  # gradient of theta^T H theta / 2
        return theta.norm().item()

    assert run(0.95 * bound) < 1e-3
    assert run(1.05 * bound) > 1e3


def test_table_rows_and_costs_follow_the_errata():
    t = OPTIMISATION_ORDERS
    assert [r.cells["Method"] for r in t.rows] == ["Gradient descent", "Newton's method", "L-BFGS", "Adam"]
    assert "O(m n)" in t.rows[2].cells["Cost per step"]  # L-BFGS: history length m, not just O(n)
    assert "O(n^3)" in t.rows[1].cells["Cost per step"]
    examples = [row[-1] for row in t.cells()]
    gd_after_10 = 0.5 * (0.9 ** 10) ** 2  # x shrinks by 1 - 0.1 per step, y is solved in one step
    assert examples[0] == f"${gd_after_10:.2g}$"
    assert examples[1] == "$0$"  # Newton solves a quadratic in one step


def test_bad_inputs_are_rejected():
    with pytest.raises(ValueError, match="order must be one of 1, 2; got 3"):
        taylor_polynomial(torch.exp, 0.0, order=3)
    with pytest.raises(TypeError, match="order must be an int, got float 2.0"):
        taylor_polynomial(torch.exp, 0.0, order=2.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"x0 must be a number or a 1-D tensor, got shape \(2, 2\)"):
        taylor_polynomial(lambda w: w.sum(), torch.zeros(2, 2))
    with pytest.raises(ValueError, match=r"scalar tensor .* got shape \(2,\)"):
        taylor_polynomial(lambda w: w * 2, torch.zeros(2))
    with pytest.raises(TypeError, match="x0 must be a real number, got str"):
        taylor_polynomial(torch.exp, "0")  # type: ignore[arg-type]
    T = taylor_polynomial(lambda w: w.sum(), torch.zeros(2))
    with pytest.raises(ValueError, match=r"last dimension 2, got shape \(3,\)"):
        T(torch.zeros(3))
    with pytest.raises(ValueError, match="H must be positive definite, got lambda_min = -1"):
        max_stable_lr(-torch.eye(2))
    # indefinite: lambda_max > 0 but the negative direction grows for every step size
    with pytest.raises(ValueError, match="H must be positive definite, got lambda_min = -1"):
        max_stable_lr(torch.diag(torch.tensor([-1.0, 10.0])))
    with pytest.raises(ValueError, match="positive definite, got lambda_min = 0"):
        max_stable_lr(torch.diag(torch.tensor([0.0, 10.0])))  # endpoint: a flat direction never shrinks
    with pytest.raises(ValueError, match="H must have finite entries"):
        max_stable_lr(torch.tensor([[1.0, float("nan")], [0.0, 1.0]]))
    with pytest.raises(ValueError, match=r"H must be square, got shape \(2, 3\)"):
        max_stable_lr(torch.zeros(2, 3))
    assert math.isfinite(max_stable_lr(torch.eye(1)))


def test_max_stable_lr_rate_is_best_at_two_over_lambda_sum():
    # the per-step contraction max |1 - lr * lambda_i| is smallest at 2 / (lambda_min + lambda_max),
    # and just below the limit the steep direction is the slow one (factor near -1)
    lam = torch.tensor([1.0, 10.0], dtype=torch.float64)
    bound = max_stable_lr(torch.diag(lam))
    best = 2 / (lam.min() + lam.max()).item()
    rates = {lr: (1 - lr * lam).abs().max().item() for lr in (0.05, best, 0.19, 0.999 * bound)}
    assert min(rates, key=rates.get) == best
    assert (1 - 0.19 * lam).abs().argmax().item() == 1  # the steep direction limits the rate
    assert rates[0.999 * bound] > 0.99
