"""cross_entropy, kl_divergence and js_divergence against SciPy and torch.nn.functional.kl_div."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.spatial.distance
import scipy.stats
import torch
import torch.nn.functional as F
from hypothesis import assume, given
from hypothesis import strategies as st

from aimath_ref.information import cross_entropy, entropy, js_divergence, kl_divergence

from tests.information._data import random_distributions

DTYPES = [torch.float32, torch.float64]


def _tol(dtype):
    eps = torch.finfo(dtype).eps
    return dict(rtol=256 * eps, atol=256 * eps)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("base", [2, math.e])
def test_kl_matches_scipy_batched(device, dtype, base):
    p, q = random_distributions((3, 4, 6), 0, dtype, zeros=True), random_distributions((3, 4, 6), 1, dtype)
    got = kl_divergence(p.to(device), q.to(device), base=base)
    want = scipy.stats.entropy(p.double().numpy(), q.double().numpy(), base=base, axis=-1)  # entropy(pk, qk) = KL(pk || qk)
    assert got.shape == (3, 4) and got.dtype == dtype
    torch.testing.assert_close(got.cpu(), torch.from_numpy(want).to(dtype), **_tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_kl_matches_torch_kl_div(device, dtype):
    p, q = random_distributions((8, 5), 2, dtype).to(device), random_distributions((8, 5), 3, dtype).to(device)
    got = kl_divergence(p, q, base=math.e)
    # torch: input = log-probabilities of the model q, target = probabilities of the truth p
    want = F.kl_div(q.log(), p, reduction="none").sum(-1)
    torch.testing.assert_close(got, want, **_tol(dtype))
    torch.testing.assert_close(got.sum() / 8, F.kl_div(q.log(), p, reduction="batchmean"), **_tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_cross_entropy_matches_numpy_and_dim(device, dtype):
    p, q = random_distributions((4, 7), 4, dtype, zeros=True), random_distributions((4, 7), 5, dtype)
    want = -(p.double().numpy() * np.log(q.double().numpy())).sum(-1)
    got = cross_entropy(p.to(device), q.to(device), base=math.e)
    torch.testing.assert_close(got.cpu(), torch.from_numpy(want).to(dtype), **_tol(dtype))
    got_t = cross_entropy(p.T.contiguous().to(device), q.T.contiguous().to(device), base=math.e, dim=0)
    torch.testing.assert_close(got_t.cpu(), torch.from_numpy(want).to(dtype), **_tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_js_matches_scipy_jensenshannon(device, dtype):
    p, q = random_distributions((5, 6), 6, dtype, zeros=True), random_distributions((5, 6), 7, dtype, zeros=True)
    got = js_divergence(p.to(device), q.to(device))
    # SciPy returns the Jensen-Shannon *distance*, the square root of the divergence
    want = scipy.spatial.distance.jensenshannon(p.double().numpy(), q.double().numpy(), base=2, axis=-1) ** 2
    torch.testing.assert_close(got.cpu(), torch.from_numpy(want).to(dtype), **_tol(dtype))


def test_zero_q_where_p_positive_gives_inf():
    p = torch.tensor([0.5, 0.5, 0.0], dtype=torch.float64)
    q = torch.tensor([1.0, 0.0, 0.0], dtype=torch.float64)
    assert cross_entropy(p, q).item() == math.inf and kl_divergence(p, q).item() == math.inf
    assert scipy.stats.entropy(p.numpy(), q.numpy()) == math.inf
    assert math.isfinite(kl_divergence(q, p).item())  # q = 0 only where p = 0 is fine
    assert js_divergence(p, q).item() < 1.0  # JS is always finite
    assert js_divergence(torch.tensor([1.0, 0.0]), torch.tensor([0.0, 1.0])).item() == 1.0  # disjoint: log 2


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision(dtype):
    p, q = random_distributions((3, 5), 8), random_distributions((3, 5), 9)
    ph, qh = p.to(dtype), q.to(dtype)
    got = kl_divergence(ph, qh)
    assert got.dtype == dtype
    want = scipy.stats.entropy(ph.double().numpy(), qh.double().numpy(), base=2, axis=-1)
    torch.testing.assert_close(got.double(), torch.from_numpy(want), rtol=8 * torch.finfo(dtype).eps, atol=2e-3)


def _pair(values_p, values_q):
    p = torch.tensor(values_p, dtype=torch.float64) + 1e-3
    q = torch.tensor(values_q, dtype=torch.float64) + 1e-3
    return p / p.sum(), q / q.sum()


probs = st.lists(st.floats(0.0, 1.0), min_size=4, max_size=4)


@given(probs, probs)
def test_cross_entropy_is_entropy_plus_kl(a, b):
    p, q = _pair(a, b)
    assert cross_entropy(p, q).item() == pytest.approx(entropy(p).item() + kl_divergence(p, q).item(), abs=1e-10)
    assert cross_entropy(p, q).item() >= entropy(p).item() - 1e-12


@given(probs, probs)
def test_kl_nonnegative_zero_iff_equal(a, b):
    p, q = _pair(a, b)
    kl = kl_divergence(p, q).item()
    assert kl >= -1e-12
    assert kl_divergence(p, p).item() == pytest.approx(0.0, abs=1e-15)
    if torch.allclose(p, q, atol=1e-6):
        assert kl < 1e-9
    else:
        assert kl > 0


@given(probs, probs)
def test_kl_is_not_symmetric_in_general(a, b):
    p, q = _pair(a, b)
    assume(not torch.allclose(p, q, atol=1e-3))
    # the two directions agree only on special pairs; check against the defining sums, not a swap
    fwd = (p * (p / q).log2()).sum().item()
    rev = (q * (q / p).log2()).sum().item()
    assert kl_divergence(p, q).item() == pytest.approx(fwd, abs=1e-12)
    assert kl_divergence(q, p).item() == pytest.approx(rev, abs=1e-12)


def test_kl_asymmetry_example():
    p, q = torch.tensor([0.9, 0.1]), torch.tensor([0.5, 0.5])
    assert abs(kl_divergence(p, q).item() - kl_divergence(q, p).item()) > 0.1


@given(probs, probs)
def test_js_symmetric_and_bounded(a, b):
    p, q = _pair(a, b)
    js = js_divergence(p, q).item()
    assert js == pytest.approx(js_divergence(q, p).item(), abs=1e-14)
    assert -1e-15 <= js <= 1.0 + 1e-12
    assert 0 <= js_divergence(p, q, base=math.e).item() <= math.log(2) + 1e-12


@pytest.mark.parametrize("fn", [cross_entropy, kl_divergence, js_divergence])
@pytest.mark.parametrize("p, q, error, words", [
    (torch.tensor([0.5, 0.5]), torch.tensor([0.3, 0.3, 0.4]), ValueError, "p and q must have the same shape, got (2,) and (3,)"),
    (torch.tensor([0.5, 0.6]), torch.tensor([0.5, 0.5]), ValueError, "p must sum to 1 along dim=-1, got a sum of 1.1"),
    (torch.tensor([0.5, 0.5]), torch.tensor([1.2, -0.2]), ValueError, "q must have entries in [0, 1], got 1.2"),
    (torch.tensor([0.5, 0.5]), torch.tensor([float("nan"), 0.5]), ValueError, "q must not contain NaN"),
    (torch.tensor([0.5, 0.5]), torch.tensor([0.5, 0.5], dtype=torch.float64), TypeError, "p and q must have the same dtype"),
    (torch.tensor([0.5, 0.5]), [0.5, 0.5], TypeError, "q must be a torch.Tensor, got list"),
    (torch.tensor([1, 0]), torch.tensor([1, 0]), TypeError, "p must have a floating dtype"),
    (torch.empty(0), torch.empty(0), ValueError, "p must not be empty"),
])
def test_bad_input(fn, p, q, error, words):
    with pytest.raises(error) as err:
        fn(p, q)
    assert words in str(err.value)


@pytest.mark.parametrize("fn", [cross_entropy, kl_divergence, js_divergence])
def test_bad_base_and_dim(fn):
    p = torch.tensor([0.5, 0.5])
    with pytest.raises(ValueError, match="base must be a positive number other than 1, got 1"):
        fn(p, p, base=1)
    with pytest.raises(ValueError, match=r"dim must be in \[-1, 0\] for a 1-D input, got 2"):
        fn(p, p, dim=2)


# fit_gaussian_kl ----------------------------------------------------------------------------

from aimath_ref.information import fit_gaussian_kl  # noqa: E402

X = torch.linspace(-8, 8, 161, dtype=torch.float64)


def _mixture(w=0.6, m=2.5, s=0.8):
    dens = w * torch.exp(-0.5 * ((X + m) / s) ** 2) + (1 - w) * torch.exp(-0.5 * ((X - m) / s) ** 2)
    return dens / dens.sum()


def test_forward_fit_matches_the_moments():
    p = _mixture()
    mu, sigma = fit_gaussian_kl(p, X, "forward", n_mu=81, n_sigma=61)
    mean = (p * X).sum().item()
    std = math.sqrt((p * (X - mean) ** 2).sum().item())
    assert mu == pytest.approx(mean, abs=0.2) and sigma == pytest.approx(std, rel=0.1)  # grids of 0.2 and ~9 %


def test_reverse_fit_picks_one_mode(device):
    p = _mixture().to(device)
    mu, sigma = fit_gaussian_kl(p, X.to(device), "reverse", n_mu=81, n_sigma=61)
    assert mu == pytest.approx(-2.5, abs=0.2) and sigma == pytest.approx(0.8, rel=0.1)


@pytest.mark.parametrize("call, error, words", [
    (lambda: fit_gaussian_kl(_mixture(), X[:-1]), ValueError, "p and x must be 1-D of one length"),
    (lambda: fit_gaussian_kl(_mixture(), X.flip(0)), ValueError, "x must be increasing with at least 3 points"),
    (lambda: fit_gaussian_kl(_mixture(), X, "both"), ValueError, "direction must be one of 'forward', 'reverse'; got 'both'"),
    (lambda: fit_gaussian_kl(_mixture(), X, n_mu=1), ValueError, "n_mu must be >= 2, got 1"),
    (lambda: fit_gaussian_kl(_mixture() * 2, X), ValueError, "p must sum to 1"),
    (lambda: fit_gaussian_kl(_mixture(), X.long()), TypeError, "x must have a floating dtype"),
])
def test_fit_bad_input(call, error, words):
    with pytest.raises(error) as err:
        call()
    assert words in str(err.value)
