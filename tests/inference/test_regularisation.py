"""Penalties, ridge and the lasso against NumPy, torch autograd and scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st
from sklearn.linear_model import ElasticNet, Lasso, Ridge

from aimath_ref.inference import (
    FREQUENTIST_VS_BAYESIAN,
    LinearFit,
    elastic_net_penalty,
    gaussian_nll,
    l1_penalty,
    l2_penalty,
    lasso_ista,
    ridge_map,
    soft_threshold,
)

DTYPES = [torch.float32, torch.float64]


def _data(n=40, d=6, dtype=torch.float64, device="cpu", seed=0, sparse=True):
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(n, d, generator=g, dtype=torch.float64)
    w = torch.randn(d, generator=g, dtype=torch.float64)
    if sparse:
        w[d // 2:] = 0.0
    y = X @ w + 1.5 + 0.3 * torch.randn(n, generator=g, dtype=torch.float64)
    return X.to(device=device, dtype=dtype), y.to(device=device, dtype=dtype)


def _tol(dtype):
    return dict(rtol=1e-4, atol=1e-5) if dtype == torch.float32 else dict(rtol=1e-9, atol=1e-10)


# --- penalties -------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_penalties_match_numpy_and_their_gradients(dtype, device):
    w = torch.randn(5, 3, generator=torch.Generator().manual_seed(1), dtype=torch.float64).to(device, dtype)
    w.requires_grad_(True)
    lam = 0.3
    w_np = w.detach().cpu().double().numpy()
    l2, l1 = l2_penalty(w, lam), l1_penalty(w, lam)
    assert l2.dtype == dtype and l2.device == w.device
    np.testing.assert_allclose(l2.item(), lam * np.sum(w_np ** 2), rtol=1e-6 if dtype == torch.float32 else 1e-13)
    np.testing.assert_allclose(l1.item(), lam * np.sum(np.abs(w_np)), rtol=1e-6 if dtype == torch.float32 else 1e-13)
    (g2,) = torch.autograd.grad(l2, w)
    torch.testing.assert_close(g2, 2 * lam * w.detach())  # ∇ λ‖w‖² = 2λw
    (g1,) = torch.autograd.grad(l1_penalty(w, lam), w)
    torch.testing.assert_close(g1, lam * torch.sign(w.detach()))
    torch.testing.assert_close(elastic_net_penalty(w, 0.2, 0.7), l1_penalty(w, 0.2) + l2_penalty(w, 0.7))


def test_penalties_take_model_parameters_and_lam_zero():
    model = torch.nn.Linear(4, 3)
    params = list(model.parameters())
    want = sum((p.detach() ** 2).sum() for p in params)
    torch.testing.assert_close(l2_penalty(model.parameters(), 1.0), want)
    torch.testing.assert_close(elastic_net_penalty(model.parameters(), 0.5, 1.0),
                               l1_penalty(params, 0.5) + l2_penalty(params, 1.0))
    assert l2_penalty(params, 0.0).item() == 0.0 and l1_penalty(params, 0).item() == 0.0
    mixed = l2_penalty([torch.ones(2), torch.ones(2, dtype=torch.float64)], 1.0)
    assert mixed.dtype == torch.float64 and mixed.item() == 4.0
    w16 = torch.randn(4000, generator=torch.Generator().manual_seed(0)).to(torch.float16)
    for fn, ref in ((l2_penalty, (w16.double() ** 2).sum()), (l1_penalty, w16.double().abs().sum())):
        got = fn(w16, 0.5)
        assert got.dtype == torch.float16
        assert abs(got.item() - 0.5 * ref.item()) <= 1e-3 * 0.5 * ref.item()  # one float16 rounding


def test_sgd_weight_decay_is_l2_but_adamw_decay_is_not():
    """torch SGD(weight_decay=wd) = SGD on loss + (wd/2)‖w‖²; AdamW's decoupled decay differs from Adam + L2."""
    X, y = _data(20, 4, seed=2)

    def run(opt_cls, penalty, **kw):
        w = torch.zeros(4, dtype=torch.float64, requires_grad=True)
        opt = opt_cls([w], lr=0.05, **kw)
        for _ in range(30):
            opt.zero_grad()
            loss = F.mse_loss(X @ w, y) + (l2_penalty(w, penalty) if penalty else 0.0)
            loss.backward()
            opt.step()
        return w.detach()

    torch.testing.assert_close(run(torch.optim.SGD, 0.05), run(torch.optim.SGD, 0.0, weight_decay=0.1))
    torch.testing.assert_close(run(torch.optim.Adam, 0.05), run(torch.optim.Adam, 0.0, weight_decay=0.1))
    assert (run(torch.optim.Adam, 0.05) - run(torch.optim.AdamW, 0.0, weight_decay=0.1)).abs().max() > 1e-3


@pytest.mark.parametrize("fn", [l1_penalty, l2_penalty])
def test_penalty_refusals(fn):
    w = torch.ones(3)
    with pytest.raises(ValueError, match="lam must be >= 0, got -0.1"):
        fn(w, -0.1)
    with pytest.raises(ValueError, match="lam must be finite, got nan"):
        fn(w, float("nan"))
    with pytest.raises(TypeError, match="lam must be a real number, got bool True"):
        fn(w, True)
    with pytest.raises(TypeError, match="params must have a floating dtype"):
        fn(torch.ones(3, dtype=torch.int64), 0.1)
    with pytest.raises(TypeError, match="params must be a tensor or an iterable of tensors, got float"):
        fn(1.0, 0.1)
    with pytest.raises(TypeError, match="params must be a torch.Tensor, got str"):
        fn(["w"], 0.1)
    with pytest.raises(ValueError, match="params must hold at least one tensor"):
        fn([], 0.1)
    with pytest.raises(ValueError, match="params must not be empty"):
        fn(torch.ones(0), 0.1)
    with pytest.raises(ValueError, match="l2 must be >= 0, got -1"):
        elastic_net_penalty(w, 0.1, -1)
    with pytest.raises(ValueError, match="l1 must be >= 0, got -1"):
        elastic_net_penalty(w, -1, 0.1)


def test_penalty_refuses_tensors_on_two_devices():
    if not torch.cuda.is_available():
        pytest.skip("needs a CUDA device")
    with pytest.raises(ValueError, match="tensors must be on one device"):
        l2_penalty([torch.ones(2), torch.ones(2, device="cuda")], 0.1)


# --- soft-thresholding -----------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_soft_threshold_matches_softshrink(dtype, device):
    x = torch.randn(200, generator=torch.Generator().manual_seed(3), dtype=torch.float64).to(device, dtype)
    for t in (0.0, 0.5, 1.0):
        got = soft_threshold(x, t)
        assert got.dtype == dtype
        torch.testing.assert_close(got, F.softshrink(x, t) if t > 0 else x)
    assert (soft_threshold(x, 0.5)[x.abs() <= 0.5] == 0).all()
    assert not torch.signbit(soft_threshold(torch.tensor([-0.2]), 0.5)).any()  # +0, not -0


@given(st.floats(-10, 10), st.floats(0, 5), st.floats(-10, 10))
def test_soft_threshold_is_the_proximal_operator(x, t, z):
    s = soft_threshold(torch.tensor([x], dtype=torch.float64), t).item()
    objective = lambda v: 0.5 * (v - x) ** 2 + t * abs(v)  # noqa: E731
    assert objective(s) <= objective(z) + 1e-12


def test_soft_threshold_refusals():
    with pytest.raises(ValueError, match="threshold must be >= 0, got -1"):
        soft_threshold(torch.ones(2), -1)
    with pytest.raises(TypeError, match="x must be a torch.Tensor"):
        soft_threshold([1.0], 0.1)


# --- ridge -----------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("lam", [0.0, 0.5, 10.0])
def test_ridge_matches_sklearn(dtype, fit_intercept, lam, device):
    X, y = _data(dtype=dtype, device=device, seed=4, sparse=False)
    fit = ridge_map(X, y, lam, fit_intercept=fit_intercept)
    assert isinstance(fit, LinearFit) and fit.n_iter == 0
    assert fit.coef.dtype == dtype and fit.coef.device == X.device and fit.intercept.shape == ()
    ref = Ridge(alpha=lam, fit_intercept=fit_intercept, solver="cholesky").fit(X.cpu().double().numpy(),
                                                                               y.cpu().double().numpy())
    np.testing.assert_allclose(fit.coef.cpu().double().numpy(), ref.coef_, **_tol(dtype))
    np.testing.assert_allclose(fit.intercept.item(), ref.intercept_, **_tol(dtype))


def test_ridge_is_the_map_estimate_of_gaussian_noise_and_prior():
    """At ŵ the gradient of −log likelihood − log prior (σ² noise, τ² prior) vanishes when λ = σ²/τ²."""
    X, y = _data(seed=5, sparse=False)
    sigma2, tau2 = 0.09, 0.05
    fit = ridge_map(X, y, lam=sigma2 / tau2)
    w = fit.coef.clone().requires_grad_(True)
    c = fit.intercept.clone().requires_grad_(True)
    neg_log_post = gaussian_nll(X @ w + c, y, sigma2, full=True, reduction="sum") + l2_penalty(w, 1 / (2 * tau2))
    gw, gc = torch.autograd.grad(neg_log_post, (w, c))
    assert gw.abs().max() < 1e-9 and abs(gc.item()) < 1e-9
    # and the OLS estimate (λ = 0) is the MLE: NumPy's least squares with an intercept column
    ols = ridge_map(X, y, 0.0)
    A = np.hstack([X.numpy(), np.ones((X.shape[0], 1))])
    sol = np.linalg.lstsq(A, y.numpy(), rcond=None)[0]
    np.testing.assert_allclose(np.append(ols.coef.numpy(), ols.intercept.item()), sol, rtol=1e-10)


def test_fits_take_half_precision_and_return_it():
    X, y = _data(seed=11, sparse=False)
    for fit in (ridge_map(X.half(), y.half(), 1.0), lasso_ista(X.half(), y.half(), 5.0)):
        assert fit.coef.dtype == torch.float16 and fit.intercept.dtype == torch.float16
    torch.testing.assert_close(ridge_map(X.half(), y.half(), 1.0).coef.double(),
                               ridge_map(X.half().double(), y.half().double(), 1.0).coef, rtol=2e-3, atol=2e-3)


def test_ridge_shrinks_towards_zero_as_lam_grows():
    X, y = _data(seed=6, sparse=False)
    norms = [ridge_map(X, y, lam).coef.norm().item() for lam in (0.0, 1.0, 10.0, 100.0, 1e4)]
    assert all(a > b for a, b in zip(norms, norms[1:])) and norms[-1] < 0.05 * norms[0]


def _bad_data_cases(fn):
    X, y = _data(6, 2)
    with pytest.raises(ValueError, match=r"X must have 2 dimension\(s\), got shape \(6,\)"):
        fn(X[:, 0], y)
    with pytest.raises(ValueError, match=r"y must have 1 dimension\(s\), got shape \(6, 1\)"):
        fn(X, y[:, None])
    with pytest.raises(ValueError, match=r"y must have one entry per row of X \(6\), got shape \(5,\)"):
        fn(X, y[:5])
    with pytest.raises(TypeError, match="y must have the dtype of X"):
        fn(X, y.float())
    X_nan = X.clone()
    X_nan[0, 0] = float("nan")
    with pytest.raises(ValueError, match="X must be finite, got nan"):
        fn(X_nan, y)
    with pytest.raises(TypeError, match="fit_intercept must be a bool, got str 'yes'"):
        fn(X, y, fit_intercept="yes")
    with pytest.raises(ValueError, match=r"X must not be empty, got shape \(0, 2\)"):
        fn(X[:0], y[:0])
    with pytest.raises(TypeError, match="X must have a floating dtype"):
        fn(X.long(), y)


def test_ridge_refusals():
    X, y = _data(6, 2)
    _bad_data_cases(lambda X, y, **kw: ridge_map(X, y, 1.0, **kw))
    with pytest.raises(ValueError, match="lam must be >= 0, got -1.0"):
        ridge_map(X, y, -1.0)
    collinear = torch.cat([X, X[:, :1]], dim=1)
    with pytest.raises(ValueError, match="singular for lam=0.0; use lam > 0"):
        ridge_map(collinear, y, 0.0)
    assert torch.isfinite(ridge_map(collinear, y, 1e-3).coef).all()


# --- lasso and elastic net by ISTA -----------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("alpha", [0.05, 0.3])
def test_lasso_ista_matches_sklearn_with_exact_zeros(dtype, fit_intercept, alpha, device):
    X, y = _data(dtype=dtype, device=device, seed=7)
    n = X.shape[0]
    fit = lasso_ista(X, y, l1=2 * n * alpha, fit_intercept=fit_intercept, tol=1e-12 if dtype == torch.float64 else 1e-7)
    ref = Lasso(alpha=alpha, fit_intercept=fit_intercept, tol=1e-14, max_iter=100_000).fit(
        X.cpu().double().numpy(), y.cpu().double().numpy())
    got = fit.coef.cpu().double().numpy()
    atol = 1e-4 if dtype == torch.float32 else 1e-8
    np.testing.assert_allclose(got, ref.coef_, atol=atol)
    np.testing.assert_allclose(fit.intercept.item(), ref.intercept_, atol=atol)
    assert ((got == 0.0) == (ref.coef_ == 0.0)).all()  # the same exact zeros
    if alpha == 0.3:
        assert (got == 0.0).sum() >= 2
    assert 0 < fit.n_iter < 10_000


@pytest.mark.parametrize("alpha,l1_ratio", [(0.1, 0.5), (0.05, 0.9)])
def test_ista_with_l2_matches_sklearn_elastic_net(alpha, l1_ratio):
    X, y = _data(seed=8)
    n = X.shape[0]
    fit = lasso_ista(X, y, l1=2 * n * alpha * l1_ratio, l2=n * alpha * (1 - l1_ratio), tol=1e-12)
    ref = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, tol=1e-14, max_iter=100_000).fit(X.numpy(), y.numpy())
    np.testing.assert_allclose(fit.coef.numpy(), ref.coef_, atol=1e-8)
    np.testing.assert_allclose(fit.intercept.item(), ref.intercept_, atol=1e-8)


def test_ista_with_only_l2_is_ridge_and_large_l1_zeroes_everything():
    X, y = _data(seed=9, sparse=False)
    torch.testing.assert_close(lasso_ista(X, y, l1=0.0, l2=3.0, tol=1e-14).coef, ridge_map(X, y, 3.0).coef)
    big = lasso_ista(X, y, l1=1e6)
    assert (big.coef == 0).all() and big.intercept.item() == pytest.approx(y.mean().item())
    const = lasso_ista(torch.ones(5, 2, dtype=torch.float64), torch.arange(5.0, dtype=torch.float64), l1=1.0)
    assert (const.coef == 0).all() and const.n_iter == 0  # centred X is zero: nothing to fit


def test_ista_stops_at_max_iter():
    X, y = _data(seed=10)
    assert lasso_ista(X, y, l1=1.0, max_iter=3).n_iter == 3


def test_lasso_refusals():
    X, y = _data(6, 2)
    _bad_data_cases(lambda X, y, **kw: lasso_ista(X, y, 1.0, **kw))
    with pytest.raises(ValueError, match="l1 must be >= 0, got -1"):
        lasso_ista(X, y, -1)
    with pytest.raises(ValueError, match="l2 must be >= 0, got -0.5"):
        lasso_ista(X, y, 1.0, l2=-0.5)
    with pytest.raises(ValueError, match="max_iter must be >= 1, got 0"):
        lasso_ista(X, y, 1.0, max_iter=0)
    with pytest.raises(TypeError, match="max_iter must be an int, got float 10.0"):
        lasso_ista(X, y, 1.0, max_iter=10.0)
    with pytest.raises(ValueError, match="tol must be > 0, got 0"):
        lasso_ista(X, y, 1.0, tol=0)


# --- the table -------------------------------------------------------------------------------

def test_frequentist_table_examples_come_from_the_functions():
    rows = {r.cells["Aspect"]: r for r in FREQUENTIST_VS_BAYESIAN.rows}
    assert rows["Estimation"].impl is ridge_map and rows["Regularisation"].impl is l2_penalty
    x = np.array([0.0, 1.0, 2.0, 3.0])
    y = np.array([0.1, 1.9, 4.2, 5.8])
    slope = np.polyfit(x, y, 1)[0]  # the MLE (least squares) slope
    assert f"MLE ${slope:.3f}$" in rows["Estimation"].example()
    assert "= 1.000$" in rows["Regularisation"].example()  # (1 + 4) / (2 · 2.5)
    assert len(FREQUENTIST_VS_BAYESIAN.rows) == 7
