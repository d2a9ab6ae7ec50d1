"""Lagrange/KKT solutions against scipy.optimize.minimize and scikit-learn's SVC; the KL-penalised policy."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize
from sklearn.svm import SVC

from aimath_ref.optim import KKTPoint, kkt_residuals, kl_regularised_policy, lagrange_newton


def _dist(v):
    return (v[0] - 2) ** 2 + (v[1] - 1) ** 2


def _circle(v):
    return v[0] ** 2 + v[1] ** 2 - 1


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_circle_problem_matches_scipy_and_the_closed_form(dtype, device):
    r = lagrange_newton(_dist, _circle, torch.tensor([1.0, 0.0], dtype=dtype, device=device),
                        tol=1e-5 if dtype == torch.float32 else 1e-12)
    assert isinstance(r, KKTPoint) and r.converged and r.x.dtype == dtype and r.x.device.type == device.type
    ref = optimize.minimize(lambda v: _dist(v), [1.0, 0.0], method="SLSQP", tol=1e-12,
                            constraints=[{"type": "eq", "fun": _circle}])
    tol = 1e-5 if dtype == torch.float32 else 1e-8
    np.testing.assert_allclose(r.x.cpu().double().numpy(), ref.x, atol=tol)
    np.testing.assert_allclose(r.x.cpu().double().numpy(), np.array([2.0, 1.0]) / math.sqrt(5), atol=tol)
    assert r.multipliers.item() == pytest.approx(1 - math.sqrt(5), abs=10 * tol)
    res = kkt_residuals(_dist, r.x, eq=_circle, lam=r.multipliers)
    assert max(res.values()) < 10 * tol


def test_two_constraints_in_three_dimensions_match_scipy():
    a = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
    f = lambda v: ((v - a) ** 2).sum()  # noqa: E731
    h = lambda v: torch.stack([v.sum() - 1, (v ** 2).sum() - 2])  # noqa: E731
    r = lagrange_newton(f, h, torch.tensor([-0.5, 0.3, 1.2], dtype=torch.float64))
    ref = optimize.minimize(lambda v: f(torch.tensor(v)).item(), [-0.5, 0.3, 1.2], method="SLSQP", tol=1e-12,
                            constraints=[{"type": "eq", "fun": lambda v: h(torch.tensor(v)).numpy()}])
    assert r.converged and r.multipliers.shape == (2,)
    np.testing.assert_allclose(r.x.numpy(), ref.x, atol=1e-7)
    assert max(kkt_residuals(f, r.x, eq=h, lam=r.multipliers).values()) < 1e-9
    # the gradient of f is a combination of the constraint gradients: grad f = J^T lam
    J = torch.autograd.functional.jacobian(h, r.x)
    torch.testing.assert_close(torch.func.grad(f)(r.x), J.T @ r.multipliers)
    # Newton on the Lagrangian finds stationary points, not only minima: from here it finds the farthest point
    far = lagrange_newton(f, h, torch.tensor([1.0, 0.5, -0.5], dtype=torch.float64))
    assert far.converged and f(far.x).item() > f(r.x).item() + 1
    assert max(kkt_residuals(f, far.x, eq=h, lam=far.multipliers).values()) < 1e-9


def test_inequality_constraint_active_and_inactive():
    x_in = torch.tensor([1.0, 0.0])
    f_out = lambda v: (v[0] - 2) ** 2 + v[1] ** 2  # noqa: E731  # unconstrained minimum (2, 0) is outside x <= 1
    g = lambda v: v[0] - 1  # noqa: E731
    ref = optimize.minimize(lambda v: f_out(torch.tensor(v)).item(), [0.0, 0.0], method="SLSQP",
                            constraints=[{"type": "ineq", "fun": lambda v: -(v[0] - 1)}])  # scipy: fun >= 0
    np.testing.assert_allclose(ref.x, x_in.numpy(), atol=1e-6)
    good = kkt_residuals(f_out, x_in, ineq=g, mu=torch.tensor([2.0]))
    assert max(good.values()) == 0.0
    assert kkt_residuals(f_out, x_in, ineq=g, mu=torch.tensor([-2.0]))["dual"] == 2.0  # wrong sign of mu
    f_in = lambda v: v[0] ** 2 + v[1] ** 2  # noqa: E731  # minimum (0, 0) is inside: constraint inactive, mu = 0
    zero = torch.zeros(2)
    assert max(kkt_residuals(f_in, zero, ineq=g, mu=torch.tensor([0.0])).values()) == 0.0
    bad = kkt_residuals(f_in, zero, ineq=g, mu=torch.tensor([0.5]))
    assert bad["complementarity"] == 0.5 and bad["stationarity"] == 0.5
    assert kkt_residuals(f_in, torch.tensor([3.0, 0.0]), ineq=g, mu=torch.tensor([0.0]))["primal"] == 2.0
    assert kkt_residuals(f_in, zero)["stationarity"] == 0.0  # unconstrained


def test_hard_margin_svm_from_its_kkt_system_matches_sklearn():
    X = np.array([[2.0, 2.0], [3.0, 3.5], [0.0, 0.0], [-1.0, 0.5]])
    y = np.array([1.0, 1.0, -1.0, -1.0])
    svc = SVC(kernel="linear", C=1e8).fit(X, y)
    sv = svc.support_
    # unknowns (w1, w2, b); objective |w|^2 / 2; support vectors' constraints active: y_i (w.x_i + b) = 1
    Xt, yt = torch.tensor(X), torch.tensor(y)
    f = lambda v: 0.5 * (v[:2] ** 2).sum()  # noqa: E731
    h = lambda v: yt[sv] * (Xt[sv] @ v[:2] + v[2]) - 1  # noqa: E731
    r = lagrange_newton(f, h, torch.tensor([1.0, 1.0, 0.0], dtype=torch.float64))
    np.testing.assert_allclose(r.x[:2].numpy(), svc.coef_[0], atol=1e-5)
    np.testing.assert_allclose(r.x[2].item(), svc.intercept_[0], atol=1e-5)
    np.testing.assert_allclose(r.multipliers.numpy(), np.abs(svc.dual_coef_[0]), atol=1e-5)  # alphas
    # all four margin constraints as inequalities 1 - y_i (w.x_i + b) <= 0, multipliers zero off the support
    mu = torch.zeros(4, dtype=torch.float64)
    mu[sv] = r.multipliers
    res = kkt_residuals(f, r.x, ineq=lambda v: 1 - yt * (Xt @ v[:2] + v[2]), mu=mu)
    assert max(res.values()) < 1e-9


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_kl_regularised_policy_is_the_tilted_reference(dtype, device):
    g = torch.Generator().manual_seed(0)
    ref = torch.randn(3, 6, generator=g, dtype=torch.float64).to(device, dtype)
    r = torch.randn(3, 6, generator=g, dtype=torch.float64).to(device, dtype)
    for beta in (0.1, 1.0, 10.0):
        got = kl_regularised_policy(ref, r, beta)
        want = torch.softmax(ref, -1) * torch.exp(r / beta)
        torch.testing.assert_close(got, want / want.sum(-1, keepdim=True))
    torch.testing.assert_close(kl_regularised_policy(ref, r, 1e6), torch.softmax(ref, -1), atol=1e-5, rtol=1e-4)
    greedy = kl_regularised_policy(ref, r, 1e-4)
    assert (greedy.argmax(-1) == r.argmax(-1)).all() and (greedy.max(-1).values > 0.99).all()
    col = kl_regularised_policy(ref.T, r.T, 1.0, dim=0)
    torch.testing.assert_close(col, kl_regularised_policy(ref, r, 1.0).T)


def _objective(pi, ref, r, beta):
    kl = torch.nn.functional.kl_div(ref.log(), pi, reduction="sum")  # KL(pi || ref)
    return (pi * r).sum() - beta * kl


@given(st.integers(0, 10_000), st.floats(0.05, 5.0))
def test_kl_regularised_policy_beats_every_other_policy(seed, beta):
    g = torch.Generator().manual_seed(seed)
    ref_logits = torch.randn(5, generator=g, dtype=torch.float64)
    r = torch.randn(5, generator=g, dtype=torch.float64)
    ref = torch.softmax(ref_logits, -1)
    best = _objective(kl_regularised_policy(ref_logits, r, beta), ref, r, beta)
    for _ in range(5):
        other = torch.softmax(torch.randn(5, generator=g, dtype=torch.float64) * 2, -1)
        assert _objective(other, ref, r, beta) <= best + 1e-12
    # the optimum value is beta * log E_ref[exp(r / beta)]
    assert best.item() == pytest.approx(beta * torch.logsumexp(ref.log() + r / beta, -1).item(), rel=1e-9, abs=1e-12)


def test_bad_input_is_named():
    x0 = torch.tensor([1.0, 0.0], dtype=torch.float64)
    with pytest.raises(TypeError, match="f must be callable"):
        lagrange_newton(None, _circle, x0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="h must be callable, got float 1.0"):
        lagrange_newton(_dist, 1.0, x0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"x0 must have 1 dimension\(s\)"):
        lagrange_newton(_dist, _circle, torch.ones(1, 2))
    with pytest.raises(ValueError, match="at most as many constraints as unknowns, got 3 constraints for 2"):
        lagrange_newton(_dist, lambda v: torch.stack([v[0], v[1], v[0] + v[1]]), x0)
    with pytest.raises(ValueError, match=r"lam0 must have shape \(1,\), got \(2,\)"):
        lagrange_newton(_dist, _circle, x0, lam0=torch.zeros(2, dtype=torch.float64))
    with pytest.raises(ValueError, match="tol must be > 0, got -1"):
        lagrange_newton(_dist, _circle, x0, tol=-1)
    with pytest.raises(ValueError, match="max_iter must be >= 0, got -2"):
        lagrange_newton(_dist, _circle, x0, max_iter=-2)
    with pytest.raises(TypeError, match="h must return a torch.Tensor, got float"):
        lagrange_newton(_dist, lambda v: 0.0, x0)
    with pytest.raises(ValueError, match=r"h must return a scalar or a 1-D tensor .* got shape \(1, 1\)"):
        lagrange_newton(_dist, lambda v: _circle(v).reshape(1, 1), x0)
    with pytest.raises(ValueError, match="the KKT matrix is singular"):
        lagrange_newton(lambda v: v[0] + v[1], _circle, x0)  # linear f and lam = 0: no curvature
    capped = lagrange_newton(_dist, _circle, x0, max_iter=1)
    assert not capped.converged and capped.iterations == 1
    with pytest.raises(ValueError, match="eq and lam must be given together"):
        kkt_residuals(_dist, x0, eq=_circle)
    with pytest.raises(ValueError, match="ineq and mu must be given together"):
        kkt_residuals(_dist, x0, mu=torch.zeros(1))
    with pytest.raises(ValueError, match=r"lam must have one entry per constraint \(1\), got shape \(3,\)"):
        kkt_residuals(_dist, x0, eq=_circle, lam=torch.zeros(3))
    with pytest.raises(TypeError, match="ineq must be callable, got str"):
        kkt_residuals(_dist, x0, ineq="x<1", mu=torch.zeros(1))  # type: ignore[arg-type]
    z = torch.zeros(3)
    with pytest.raises(ValueError, match="beta must be > 0, got 0"):
        kl_regularised_policy(z, z, 0)
    with pytest.raises(ValueError, match="reward must not contain NaN"):
        kl_regularised_policy(z, torch.tensor([0.0, float("nan"), 1.0]), 1.0)
    with pytest.raises(ValueError, match=r"must broadcast, got shapes \(3,\) and \(2,\)"):
        kl_regularised_policy(z, torch.zeros(2), 1.0)
    with pytest.raises(TypeError, match="ref_logits must have a floating dtype"):
        kl_regularised_policy(torch.zeros(3, dtype=torch.long), z, 1.0)
    with pytest.raises(ValueError, match=r"dim must be in \[-1, 0\]"):
        kl_regularised_policy(z, z, 1.0, dim=1)
