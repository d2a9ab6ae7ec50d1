"""Moments, covariance, correlation and standardisation against torch, NumPy, SciPy and scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from sklearn.preprocessing import StandardScaler

from aimath_ref.probability import (
    correlation_matrix,
    covariance_matrix,
    expectation,
    standardize,
    variance,
)


def _data(shape, dtype=torch.float64, device="cpu", seed=0):
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(shape, generator=g, dtype=torch.float64)
    if shape[-1] > 1:
        X[..., 1] += 0.8 * X[..., 0]  # some correlation between the first two columns
    return (X * 2 + 1).to(device=device, dtype=dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_expectation_and_variance_match_scipy(dtype, device):
    g = torch.Generator().manual_seed(0)
    values = torch.randn(3, 6, generator=g, dtype=torch.float64)
    w = torch.rand(3, 6, generator=g, dtype=torch.float64)
    probs = w / w.sum(-1, keepdim=True)
    got_e = expectation(values.to(device, dtype), probs.to(device, dtype))
    got_v = variance(values.to(device, dtype), probs.to(device, dtype))
    assert got_e.shape == (3,) and got_e.dtype == dtype
    for i in range(3):
        rv = stats.rv_discrete(values=(np.arange(6), probs[i].numpy()))  # E[f(K)] with f = values
        v = values[i].numpy()
        assert got_e[i].item() == pytest.approx(rv.expect(lambda k, v=v: v[k.astype(int)]), rel=1e-5)
        m = got_e[i].item()
        want_v = rv.expect(lambda k, v=v, m=m: (v[k.astype(int)] - m) ** 2)
        assert got_v[i].item() == pytest.approx(want_v, rel=1e-4)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("correction", [0, 1])
def test_covariance_matches_torch_cov_of_transpose_and_numpy(correction, dtype, device):
    X = _data((50, 4), dtype, device)
    got = covariance_matrix(X, correction=correction)
    assert got.shape == (4, 4) and got.dtype == dtype and got.device == X.device
    torch.testing.assert_close(got, torch.cov(X.T, correction=correction))
    np.testing.assert_allclose(got.cpu().double().numpy(), np.cov(X.cpu().double().numpy(), rowvar=False, ddof=correction),
                               rtol=1e-5)


def test_covariance_batched():
    X = _data((3, 40, 5), seed=2)
    got = covariance_matrix(X)
    for b in range(3):
        torch.testing.assert_close(got[b], torch.cov(X[b].T))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_correlation_matches_torch_corrcoef_and_numpy(dtype, device):
    X = _data((60, 5), dtype, device, seed=1)
    got = correlation_matrix(X)
    torch.testing.assert_close(got, torch.corrcoef(X.T))
    np.testing.assert_allclose(got.cpu().double().numpy(), np.corrcoef(X.cpu().double().numpy(), rowvar=False),
                               rtol=1e-5, atol=1e-6)
    torch.testing.assert_close(got.diagonal(), torch.ones(5, dtype=dtype, device=device))


def test_zero_correlation_without_independence():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(200_000, generator=g, dtype=torch.float64)
    rho = correlation_matrix(torch.stack([x, x ** 2], 1))[0, 1].item()
    assert abs(rho) < 0.01  # uncorrelated, yet y is a function of x
    assert abs(rho - stats.pearsonr(x.numpy(), x.numpy() ** 2).statistic) < 1e-10


def test_half_precision():
    X = _data((30, 3), torch.float16, seed=3)
    got = covariance_matrix(X)
    assert got.dtype == torch.float16
    torch.testing.assert_close(got.float(), torch.cov(X.float().T), rtol=1e-2, atol=1e-2)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_standardize_matches_sklearn(dtype, device):
    X = _data((40, 3), dtype, device, seed=4)
    X[:, 2] = 5.0  # a constant column is only centred
    got = standardize(X)
    assert got.dtype == dtype
    want = StandardScaler().fit_transform(X.cpu().double().numpy())
    np.testing.assert_allclose(got.cpu().double().numpy(), want, rtol=1e-5, atol=1e-5)
    torch.testing.assert_close(standardize(X.T, dim=1), got.T)


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 30), st.integers(1, 5), st.integers(0, 10_000), st.floats(-10, 10), st.floats(0.1, 10))
def test_covariance_laws(n, d, seed, shift, scale):
    X = _data((n, d), seed=seed)
    S = covariance_matrix(X)
    torch.testing.assert_close(S, S.T)
    assert torch.linalg.eigvalsh(S).min() > -1e-9  # positive semi-definite
    torch.testing.assert_close(covariance_matrix(scale * X + shift), scale ** 2 * S)  # Cov(aX + b) = a² Cov(X)
    if d > 1 and n > d:
        R = correlation_matrix(X)
        assert R.abs().max() <= 1.0
        torch.testing.assert_close(correlation_matrix(scale * X + shift), R)  # invariant to affine rescaling
    Z = standardize(X)
    torch.testing.assert_close(Z.mean(0), torch.zeros(d, dtype=Z.dtype), atol=1e-9, rtol=0)


@pytest.mark.parametrize("call,exc,match", [
    (lambda: covariance_matrix(torch.zeros(5)), ValueError, r"X must have at least 2 dimension"),
    (lambda: covariance_matrix(torch.zeros(1, 3)), ValueError, r"X needs more than correction=1 observations \(rows\), got 1"),
    (lambda: covariance_matrix(torch.zeros(0, 3)), ValueError, r"X must not be empty"),
    (lambda: covariance_matrix(torch.zeros(4, 3), correction=-1), ValueError, r"correction must be >= 0, got -1"),
    (lambda: covariance_matrix(np.zeros((4, 3))), TypeError, r"X must be a torch.Tensor, got ndarray"),
    (lambda: correlation_matrix(torch.zeros(4, 3, dtype=torch.int64)), TypeError, r"X must have a floating dtype"),
    (lambda: standardize(torch.zeros(4, 3), dim=2), ValueError, r"dim must be in \[-2, 1\] for a 2-D input, got 2"),
    (lambda: expectation(torch.zeros(3), torch.tensor([0.5, 0.5])), ValueError, r"values and probs must have the same shape"),
    (lambda: expectation(torch.zeros(2), torch.tensor([0.7, 0.5])), ValueError, r"probs must sum to 1"),
    (lambda: variance(torch.zeros(2), torch.tensor([1.5, -0.5])), ValueError, r"probs must be >= 0, got a minimum of -0.5"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


@pytest.mark.parametrize("fn", [expectation, variance])
@pytest.mark.parametrize("which", ["values", "probs"])
def test_nan_in_values_or_probs_is_refused(fn, which):
    values, probs = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([0.25, 0.25, 0.5])
    bad = {"values": values, "probs": probs}
    bad[which] = bad[which].clone()
    bad[which][2] = float("nan")
    with pytest.raises(ValueError, match=rf"{which} must not contain NaN or infinite entries, got nan at index \(2,\)"):
        fn(bad["values"], bad["probs"])
