"""GMM EM: monotone log-likelihood (property test), parity with scikit-learn given the same start."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

from aimath_ref.inference import gmm_em, gmm_log_likelihood


def _blobs(n=300, d=2, k=3, seed=0, sep=6.0, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    centres = sep * torch.randn(k, d, generator=g, dtype=torch.float64)
    labels = torch.randint(0, k, (n,), generator=g)
    scales = 0.5 + torch.rand(k, 1, generator=g, dtype=torch.float64)
    X = centres[labels] + scales[labels] * torch.randn(n, d, generator=g, dtype=torch.float64)
    return X.to(device=device, dtype=dtype)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2 ** 31 - 1), st.integers(1, 4), st.integers(1, 3), st.integers(20, 80), st.floats(0.0, 8.0))
def test_log_likelihood_never_decreases(seed, k, d, n, sep):
    # reg_covar = 0: the exact M-step, for which the guarantee holds. A component that
    # collapses onto too few points has no likelihood maximum (it grows without bound);
    # gmm_em reports it, and such draws are set aside.
    X = _blobs(n=n, d=d, k=3, seed=seed, sep=sep)
    try:
        fit = gmm_em(X, k, n_iter=15, generator=torch.Generator().manual_seed(seed), reg_covar=0.0)
    except ValueError as err:
        assert "positive definite" in str(err)
        assume(False)
    ll = fit.log_likelihood
    assert torch.isfinite(ll).all()
    slack = 100 * torch.finfo(ll.dtype).eps * (1 + ll.abs()[:-1])  # rounding only
    assert (ll[1:] >= ll[:-1] - slack).all(), ll.tolist()


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("d", [1, 2, 5])
def test_matches_sklearn_with_the_same_start(d, dtype, device):
    X = _blobs(n=400, d=d, k=3, seed=d, dtype=torch.float64)
    g = torch.Generator().manual_seed(0)
    m0 = X[torch.randperm(400, generator=g)[:3]]
    w0 = torch.tensor([0.2, 0.3, 0.5], dtype=torch.float64)
    c0 = torch.stack([torch.eye(d, dtype=torch.float64) * s for s in (1.0, 2.0, 0.5)])
    n_iter = 30
    fit = gmm_em(X.to(device, dtype), 3, n_iter=n_iter, weights_init=w0.to(device, dtype),
                 means_init=m0.to(device, dtype), covariances_init=c0.to(device, dtype), reg_covar=1e-6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        sk = GaussianMixture(3, covariance_type="full", tol=0.0, max_iter=n_iter, reg_covar=1e-6,
                             weights_init=w0.numpy(), means_init=m0.numpy(), precisions_init=np.linalg.inv(c0.numpy()),
                             init_params="random_from_data", random_state=0).fit(X.numpy())
    tol = dict(rtol=1e-8, atol=1e-8) if dtype == torch.float64 else dict(rtol=1e-3, atol=1e-3)
    assert fit.means.dtype == dtype and fit.means.device == X.to(device).device
    np.testing.assert_allclose(fit.weights.double().cpu().numpy(), sk.weights_, **tol)
    np.testing.assert_allclose(fit.means.double().cpu().numpy(), sk.means_, **tol)
    np.testing.assert_allclose(fit.covariances.double().cpu().numpy(), sk.covariances_, **tol)
    np.testing.assert_allclose(fit.responsibilities.double().cpu().numpy(), sk.predict_proba(X.numpy()), **tol)
    # scikit-learn's lower bound is the average log-likelihood before its last M-step
    assert fit.log_likelihood[-2].item() == pytest.approx(sk.lower_bound_, rel=tol["rtol"], abs=tol["atol"])
    assert gmm_log_likelihood(X.to(device, dtype), fit.weights, fit.means, fit.covariances).item() == \
        pytest.approx(sk.score(X.numpy()), rel=tol["rtol"], abs=tol["atol"])


def test_log_likelihood_matches_scipy():
    X = _blobs(n=50, d=3, seed=1)
    w = torch.tensor([0.6, 0.4], dtype=torch.float64)
    mu = torch.randn(2, 3, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    A = torch.randn(2, 3, 3, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    cov = A @ A.transpose(-1, -2) + torch.eye(3, dtype=torch.float64)
    dens = sum(w[j].item() * stats.multivariate_normal(mu[j].numpy(), cov[j].numpy()).pdf(X.numpy()) for j in range(2))
    assert gmm_log_likelihood(X, w, mu, cov).item() == pytest.approx(np.log(dens).mean(), rel=1e-12)


def test_separated_clusters_are_recovered_and_responsibilities_sum_to_one():
    X = _blobs(n=600, d=2, k=3, seed=7, sep=10.0)
    fit = gmm_em(X, 3, n_iter=60, generator=torch.Generator().manual_seed(0))
    torch.testing.assert_close(fit.responsibilities.sum(1), torch.ones(600, dtype=torch.float64))
    assert fit.responsibilities.shape == (600, 3) and fit.log_likelihood.shape == (61,)
    hard = fit.responsibilities.argmax(1)
    assert sorted(torch.bincount(hard, minlength=3).tolist()) == sorted(
        torch.bincount(torch.randint(0, 3, (600,), generator=_gen_after_centres(7)), minlength=3).tolist())
    assert (fit.covariances - fit.covariances.transpose(-1, -2)).abs().max() < 1e-12


def _gen_after_centres(seed):
    g = torch.Generator().manual_seed(seed)
    torch.randn(3, 2, generator=g, dtype=torch.float64)  # the centres drawn first in _blobs
    return g


def test_k_equals_one_is_the_gaussian_mle_and_k_equals_n_allowed():
    X = _blobs(n=100, d=2, seed=3)
    fit = gmm_em(X, 1, n_iter=1, reg_covar=0.0)
    torch.testing.assert_close(fit.means[0], X.mean(0))
    torch.testing.assert_close(fit.covariances[0], torch.cov(X.T, correction=0))
    assert fit.log_likelihood[1] >= fit.log_likelihood[0]
    tiny = torch.tensor([[0.0], [1.0], [3.0]], dtype=torch.float64)
    assert gmm_em(tiny, 3, n_iter=0).weights.shape == (3,)
    assert gmm_em(X.half(), 2, n_iter=3, generator=torch.Generator().manual_seed(0)).means.dtype == torch.float32


@pytest.mark.parametrize("kwargs,exc,match", [
    (dict(X=[[0.0]]), TypeError, "X"),
    (dict(X=torch.zeros(5)), ValueError, "X must have 2 dimension"),
    (dict(X=torch.tensor([[0.0], [float("nan")]])), ValueError, "X must be finite"),
    (dict(k=0), ValueError, "k must be >= 1, got 0"),
    (dict(k=7), ValueError, "k must be <= the number of points n = 6, got 7"),
    (dict(n_iter=-1), ValueError, "n_iter"),
    (dict(reg_covar=-1e-3), ValueError, "reg_covar"),
    (dict(generator=3), TypeError, "generator"),
    (dict(weights_init=torch.tensor([0.5, 0.6], dtype=torch.float64)), ValueError, "weights_init must be finite, >= 0 and sum to 1"),
    (dict(weights_init=torch.tensor([1.5, -0.5], dtype=torch.float64)), ValueError, "weights_init"),
    (dict(weights_init=torch.tensor([0.5, float("nan")], dtype=torch.float64)), ValueError, "weights_init"),
    (dict(weights_init=torch.tensor([0.2, 0.3, 0.5], dtype=torch.float64)), ValueError, "weights_init"),
    (dict(means_init=torch.zeros(2, 3, dtype=torch.float64)), ValueError, "means_init"),
    (dict(covariances_init=torch.tensor([[[1.0, 0.5], [0.0, 1.0]]] * 2, dtype=torch.float64)), ValueError,
     "covariances_init must be symmetric"),
    (dict(covariances_init=torch.tensor([[[1.0, 1.0], [1.0, 1.0]]] * 2, dtype=torch.float64)), ValueError,
     r"covariances_init\[0\] must be positive definite"),
])
def test_bad_input(kwargs, exc, match):
    X = torch.tensor([[0.0, 0.0], [0.1, 0.3], [1.0, 1.0], [5.0, 5.0], [5.2, 4.9], [6.0, 5.5]], dtype=torch.float64)
    args = dict(X=X, k=2, n_iter=3)
    args.update(kwargs)
    with pytest.raises(exc, match=match):
        gmm_em(**args)


def test_collapse_without_regularisation_is_reported():
    X = torch.tensor([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [5.0, 1.0], [6.0, 2.0], [7.0, 0.5]], dtype=torch.float64)
    with pytest.raises(ValueError, match="reg_covar"):
        gmm_em(X, 2, n_iter=10, means_init=X[[0, 4]], reg_covar=0.0)
    gmm_em(X, 2, n_iter=10, means_init=X[[0, 4]], reg_covar=1e-3)  # regularised: fine
