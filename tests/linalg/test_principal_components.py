"""aimath_ref.linalg.principal_components against scikit-learn's PCA."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.decomposition import PCA

from aimath_ref.linalg import PCAResult, pca

DTYPES = [torch.float32, torch.float64]


def _data(n, d, seed, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    mix = torch.randn(d, d, generator=g, dtype=torch.float64)  # correlated features
    X = torch.randn(n, d, generator=g, dtype=torch.float64) @ mix + torch.arange(d, dtype=torch.float64)
    return X.to(dtype=dtype, device=device)


def _align(ours, theirs):
    # components are defined up to sign: flip ours to match theirs row by row
    signs = np.sign(np.sum(ours * theirs, axis=1, keepdims=True))
    return ours * signs, signs


@pytest.mark.parametrize("method", ["svd", "eig"])
@pytest.mark.parametrize("dtype", DTYPES)
def test_pca_matches_sklearn(method, dtype, device):
    X = _data(50, 5, seed=1, dtype=dtype, device=device)
    r = pca(X, 3, method=method)
    assert isinstance(r, PCAResult)
    assert r.components.shape == (3, 5) and r.projected.shape == (50, 3) and r.components.dtype == dtype
    ref = PCA(n_components=3, svd_solver="full").fit(X.cpu().double().numpy())
    tol = dict(rtol=1e-4, atol=1e-4) if dtype == torch.float32 else dict(rtol=1e-9, atol=1e-9)
    comps, signs = _align(r.components.cpu().double().numpy(), ref.components_)
    np.testing.assert_allclose(comps, ref.components_, **tol)
    np.testing.assert_allclose(r.explained_variance.cpu().double().numpy(), ref.explained_variance_, **tol)
    np.testing.assert_allclose(r.explained_variance_ratio.cpu().double().numpy(), ref.explained_variance_ratio_, **tol)
    np.testing.assert_allclose(r.mean.cpu().double().numpy(), ref.mean_, **tol)
    np.testing.assert_allclose(r.projected.cpu().double().numpy() * signs.T,
                               ref.transform(X.cpu().double().numpy()), rtol=1e-3, atol=1e-3)


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 12), st.integers(1, 5), st.integers(0, 2**16))
def test_svd_and_eig_routes_agree(n, d, seed):
    X = _data(n, d, seed=seed)
    k = min(n, d)
    a, b = pca(X, k, method="svd"), pca(X, k, method="eig")
    torch.testing.assert_close(a.explained_variance, b.explained_variance, atol=1e-8, rtol=1e-7)
    torch.testing.assert_close(a.explained_variance_ratio.sum(), torch.tensor(1.0, dtype=torch.float64))
    # directions agree up to sign where the variances are distinct
    ev = a.explained_variance
    for i in range(k):
        gaps = (ev - ev[i]).abs()
        gaps[i] = float("inf")
        if gaps.min() > 1e-6 * ev.max() and ev[i] > 1e-8:
            assert abs(abs(torch.dot(a.components[i], b.components[i]).item()) - 1) < 1e-6
    torch.testing.assert_close(a.reconstruct(), X)  # all components: lossless


def test_pca_components_orthonormal_and_sign_convention():
    r = pca(_data(40, 6, seed=2), 4)
    torch.testing.assert_close(r.components @ r.components.T, torch.eye(4, dtype=torch.float64))
    for row in r.components:
        assert row[row.abs().argmax()] > 0
    assert (r.explained_variance[:-1] >= r.explained_variance[1:]).all()


def test_pca_half_precision():
    X = _data(30, 4, seed=3, dtype=torch.bfloat16)
    r = pca(X, 2)
    assert r.components.dtype == torch.bfloat16
    ref = pca(X.double(), 2)
    torch.testing.assert_close(r.explained_variance_ratio.double(), ref.explained_variance_ratio, atol=2e-2, rtol=2e-2)


def test_pca_rejects_bad_input():
    X = _data(10, 3, seed=4)
    with pytest.raises(ValueError, match="k must be <= 3, got 4"):
        pca(X, 4)
    with pytest.raises(ValueError, match="k must be >= 1, got 0"):
        pca(X, 0)
    with pytest.raises(ValueError, match="method must be one of 'svd', 'eig'; got 'qr'"):
        pca(X, 1, method="qr")
    with pytest.raises(ValueError, match=r"at least 2 rows.*\(1, 3\)"):
        pca(X[:1], 1)
    with pytest.raises(ValueError, match="X must have 2"):
        pca(X[0], 1)
    with pytest.raises(TypeError, match="X must have a floating dtype"):
        pca(X.long(), 1)


def test_pca_k_endpoints_and_non_finite_data():
    X = _data(4, 6, seed=3)
    full = pca(X, 4)  # k = min(n, d)
    ref = PCA(n_components=4, svd_solver="full").fit(X.numpy())
    np.testing.assert_allclose(full.explained_variance_ratio.sum().item(), ref.explained_variance_ratio_.sum(), rtol=1e-12)
    np.testing.assert_allclose(pca(X, 1).explained_variance.numpy(), ref.explained_variance_[:1], rtol=1e-10)  # k = 1
    with pytest.raises(ValueError, match=r"k must be <= 4, got 5"):
        pca(X, 5)
    with pytest.raises(ValueError, match=r"k must be >= 1, got 0"):
        pca(X, 0)
    bad = X.clone()
    bad[2, 1] = float("nan")
    with pytest.raises(ValueError, match=r"X must not contain NaN or infinite entries, got nan at index \(2, 1\)"):
        pca(bad, 1)  # used to leak torch's LinAlgError from the SVD
