"""Conjugate updates against the closed-form posteriors and scipy.stats."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from aimath_ref.inference import (
    beta_bernoulli_update,
    dirichlet_categorical_update,
    normal_known_variance_update,
)
from aimath_ref.inference._special import betainc


def _eps(dtype):
    return torch.finfo(dtype).eps


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("a0,b0", [(1.0, 1.0), (0.5, 0.5), (2.0, 5.0)])
def test_beta_bernoulli_matches_scipy(a0, b0, dtype, device):
    g = torch.Generator().manual_seed(3)
    x = (torch.rand(4, 37, generator=g) < 0.3).to(device=device, dtype=dtype)  # a batch of 4 coins
    post = beta_bernoulli_update(a0, b0, x)
    assert post.alpha.shape == (4,) and post.alpha.dtype == dtype and post.alpha.device == x.device
    lo, hi = post.credible_interval(0.9)
    for i in range(4):
        k, n = int(x[i].sum().item()), 37
        ref = stats.beta(a0 + k, b0 + n - k)
        tol = dict(rtol=10 * _eps(dtype), atol=10 * _eps(dtype))
        torch.testing.assert_close(post.alpha[i].item(), a0 + k, **tol)
        torch.testing.assert_close(post.beta[i].item(), b0 + n - k, **tol)
        torch.testing.assert_close(post.mean[i].item(), ref.mean(), **tol)
        torch.testing.assert_close(post.variance[i].item(), ref.var(), **tol)
        ref_lo, ref_hi = ref.interval(0.9)
        torch.testing.assert_close((lo[i].item(), hi[i].item()), (ref_lo, ref_hi), rtol=20 * _eps(dtype), atol=1e-12)
        theta = torch.tensor([0.05, 0.3, 0.9], dtype=torch.float64)
        single = beta_bernoulli_update(a0, b0, x[i].cpu().double())
        np.testing.assert_allclose(single.log_prob(theta).numpy(), ref.logpdf(theta.numpy()), rtol=1e-12)


def test_beta_integer_and_bool_observations_and_empty():
    flips = torch.tensor([1, 0, 1, 1])
    a = beta_bernoulli_update(1.0, 1.0, flips)
    b = beta_bernoulli_update(1.0, 1.0, flips.bool())
    assert a.alpha.dtype == torch.get_default_dtype()
    assert (a.alpha.item(), a.beta.item()) == (b.alpha.item(), b.beta.item()) == (4.0, 2.0)
    prior = beta_bernoulli_update(2.0, 3.0, torch.zeros(0))
    assert (prior.alpha.item(), prior.beta.item()) == (2.0, 3.0)
    assert beta_bernoulli_update(1.0, 1.0, flips.half()).alpha.dtype == torch.float32


def test_beta_mode_is_map_and_tensor_prior_chains():
    post = beta_bernoulli_update(2.0, 2.0, torch.tensor([1.0] * 7 + [0.0] * 3, dtype=torch.float64))
    assert post.mode.item() == pytest.approx((7 + 1) / (10 + 2))  # (α − 1)/(α + β − 2)
    grid = torch.linspace(0.001, 0.999, 9999, dtype=torch.float64)
    assert grid[post.log_prob(grid).argmax()].item() == pytest.approx(post.mode.item(), abs=1e-3)
    assert torch.isnan(beta_bernoulli_update(0.5, 0.5, torch.zeros(0)).mode)
    # updating in two batches equals updating once: the posterior is the next prior
    x = torch.tensor([1.0, 0, 0, 1, 1, 1, 0], dtype=torch.float64)
    step = beta_bernoulli_update(1.0, 1.0, x[:3])
    twice = beta_bernoulli_update(step.alpha, step.beta, x[3:])
    once = beta_bernoulli_update(1.0, 1.0, x)
    assert (twice.alpha.item(), twice.beta.item()) == (once.alpha.item(), once.beta.item())
    assert post.log_prob(torch.tensor([-0.1, 1.1], dtype=torch.float64)).isinf().all()


@settings(max_examples=30, deadline=None)
@given(st.floats(0.05, 500), st.floats(0.05, 500), st.floats(0.0, 1.0))
def test_incomplete_beta_matches_scipy(a, b, x):
    from scipy import special
    got = betainc(torch.tensor(a, dtype=torch.float64), torch.tensor(b, dtype=torch.float64),
                  torch.tensor(x, dtype=torch.float64)).item()
    assert got == pytest.approx(special.betainc(a, b, x), abs=1e-12)


@pytest.mark.parametrize("level", [1e-6, 0.5, 0.95, 1 - 1e-9])
def test_credible_interval_levels_endpoints(level):
    post = beta_bernoulli_update(3.0, 4.0, torch.tensor([1.0, 0.0, 1.0], dtype=torch.float64))
    lo, hi = post.credible_interval(level)
    ref = stats.beta(5.0, 5.0).interval(level)
    assert (lo.item(), hi.item()) == pytest.approx(ref, abs=1e-9)
    for bad in (0.0, 1.0, -0.1, float("nan")):
        with pytest.raises(ValueError, match="level"):
            post.credible_interval(bad)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_normal_known_variance_matches_closed_form_and_scipy(dtype, device):
    g = torch.Generator().manual_seed(0)
    x = (1.5 + 2.0 * torch.randn(3, 25, generator=g, dtype=torch.float64)).to(device=device, dtype=dtype)
    mu0, tau2, s2 = -1.0, 0.5, 4.0
    post = normal_known_variance_update(mu0, tau2, s2, x)
    assert post.mean.shape == (3,) and post.mean.dtype == dtype
    xs = x.double().cpu().numpy()
    prec = 1 / tau2 + 25 / s2
    want_mean = (mu0 / tau2 + xs.sum(1) / s2) / prec
    tol = 100 * _eps(dtype)
    np.testing.assert_allclose(post.mean.double().cpu().numpy(), want_mean, rtol=tol, atol=tol)
    np.testing.assert_allclose(post.variance.double().cpu().numpy(), np.full(3, 1 / prec), rtol=tol)
    lo, hi = post.credible_interval(0.95)
    for i in range(3):
        ref = stats.norm(want_mean[i], np.sqrt(1 / prec)).interval(0.95)
        assert (lo[i].item(), hi[i].item()) == pytest.approx(ref, rel=tol, abs=tol)
    theta = torch.tensor([0.0, 1.0], dtype=dtype, device=device)
    p0 = normal_known_variance_update(mu0, tau2, s2, x[0])
    np.testing.assert_allclose(p0.log_prob(theta).double().cpu().numpy(),
                               stats.norm(want_mean[0], np.sqrt(1 / prec)).logpdf([0.0, 1.0]), rtol=tol)


def test_normal_limits():
    x = torch.full((10_000,), 3.0, dtype=torch.float64)
    assert normal_known_variance_update(0.0, 1.0, 1.0, x).mean.item() == pytest.approx(3.0, abs=1e-3)  # data wins
    assert normal_known_variance_update(0.0, 1e-12, 1.0, x[:5]).mean.item() == pytest.approx(0.0, abs=1e-9)  # prior wins
    prior = normal_known_variance_update(2.0, 0.3, 1.0, torch.zeros(0, dtype=torch.float64))
    assert (prior.mean.item(), prior.variance.item()) == pytest.approx((2.0, 0.3))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_dirichlet_categorical_matches_scipy(dtype, device):
    alpha = torch.tensor([0.5, 1.0, 2.0, 3.0], dtype=dtype, device=device)
    obs = torch.tensor([0, 3, 3, 1, 2, 3, 0, 3], device=device)
    post = dirichlet_categorical_update(alpha, obs)
    a = np.array([0.5 + 2, 1.0 + 1, 2.0 + 1, 3.0 + 4])
    ref = stats.dirichlet(a)
    tol = 10 * _eps(dtype)
    np.testing.assert_allclose(post.alpha.double().cpu().numpy(), a, rtol=tol)
    np.testing.assert_allclose(post.mean.double().cpu().numpy(), ref.mean(), rtol=tol)
    np.testing.assert_allclose(post.variance.double().cpu().numpy(), ref.var(), rtol=tol)
    lo, hi = post.credible_interval(0.95)
    for kk in range(4):
        want = stats.beta(a[kk], a.sum() - a[kk]).interval(0.95)  # marginal of a Dirichlet is a Beta
        assert (lo[kk].item(), hi[kk].item()) == pytest.approx(want, rel=20 * tol, abs=1e-12)
    assert post.alpha.dtype == dtype


def test_dirichlet_empty_observations_is_prior():
    alpha = torch.tensor([1.0, 2.0])
    assert dirichlet_categorical_update(alpha, torch.zeros(0, dtype=torch.long)).alpha.tolist() == [1.0, 2.0]


@pytest.mark.parametrize("call,exc,match", [
    (lambda: beta_bernoulli_update(1.0, 1.0, torch.tensor([0.0, 2.0])), ValueError, "observations must be 0 or 1"),
    (lambda: beta_bernoulli_update(1.0, 1.0, torch.tensor([0.0, float("nan")])), ValueError, "observations"),
    (lambda: beta_bernoulli_update(1.0, 1.0, torch.tensor(1.0)), ValueError, "observations"),
    (lambda: beta_bernoulli_update(1.0, 1.0, [1, 0]), TypeError, "observations"),
    (lambda: beta_bernoulli_update(0.0, 1.0, torch.tensor([1.0])), ValueError, "alpha must be > 0, got 0.0"),
    (lambda: beta_bernoulli_update(1.0, -2.0, torch.tensor([1.0])), ValueError, "beta"),
    (lambda: beta_bernoulli_update(1.0, float("nan"), torch.tensor([1.0])), ValueError, "beta"),
    (lambda: beta_bernoulli_update(torch.tensor([1.0, -1.0]), 1.0, torch.ones(2, 3)), ValueError, "alpha"),
    (lambda: beta_bernoulli_update("1", 1.0, torch.tensor([1.0])), TypeError, "alpha"),
    (lambda: normal_known_variance_update(0.0, 0.0, 1.0, torch.ones(3)), ValueError, "prior_var"),
    (lambda: normal_known_variance_update(0.0, 1.0, -1.0, torch.ones(3)), ValueError, "noise_var"),
    (lambda: normal_known_variance_update(float("inf"), 1.0, 1.0, torch.ones(3)), ValueError, "prior_mean"),
    (lambda: normal_known_variance_update(0.0, 1.0, 1.0, torch.tensor([1.0, float("nan")])), ValueError, "observations"),
    (lambda: normal_known_variance_update(0.0, 1.0, 1.0, torch.ones(3, dtype=torch.long)), TypeError, "observations"),
    (lambda: dirichlet_categorical_update(torch.tensor([1.0, 0.0]), torch.tensor([0])), ValueError, "alpha"),
    (lambda: dirichlet_categorical_update(torch.tensor([1.0, float("nan")]), torch.tensor([0])), ValueError, "alpha"),
    (lambda: dirichlet_categorical_update(torch.ones(2, 2), torch.tensor([0])), ValueError, "alpha"),
    (lambda: dirichlet_categorical_update(torch.ones(2), torch.tensor([0, 2])), ValueError, r"labels in \[0, 1\], got \[2\]"),
    (lambda: dirichlet_categorical_update(torch.ones(2), torch.tensor([-1])), ValueError, "observations"),
    (lambda: dirichlet_categorical_update(torch.ones(2), torch.tensor([0.0])), TypeError, "observations"),
    (lambda: dirichlet_categorical_update(torch.ones(2, dtype=torch.long), torch.tensor([0])), TypeError, "alpha"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()
