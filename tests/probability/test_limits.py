"""Law of large numbers and central limit theorem helpers against NumPy and SciPy."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from scipy import stats

from aimath_ref.probability import (
    Bernoulli,
    Exponential,
    Gaussian,
    clt_standardize,
    running_mean,
    sample_means,
)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("shape,dim", [((50,), -1), ((3, 40), 1), ((40, 3), 0)])
def test_running_mean_matches_numpy(shape, dim, dtype, device):
    g = torch.Generator().manual_seed(0)
    x = torch.rand(shape, generator=g, dtype=torch.float64).to(device, dtype)
    got = running_mean(x, dim)
    assert got.dtype == dtype and got.shape == x.shape
    xn = x.cpu().double().numpy()
    n = np.arange(1, xn.shape[dim] + 1).reshape([-1 if i == dim % x.ndim else 1 for i in range(x.ndim)])
    np.testing.assert_allclose(got.cpu().double().numpy(), np.cumsum(xn, axis=dim) / n, rtol=1e-6)


def test_lln_running_mean_converges():
    flips = Bernoulli(0.3).sample(100_000, generator=torch.Generator().manual_seed(0))
    path = running_mean(flips)
    assert abs(path[-1].item() - 0.3) < 4 * (0.3 * 0.7 / 100_000) ** 0.5
    assert abs(path[99].item() - 0.3) > abs(path[-1].item() - 0.3)  # closer after more flips


@pytest.mark.parametrize("n", [1, 4, 30])
def test_sample_means_have_mean_mu_and_variance_sigma2_over_n(n):
    d = Exponential(2.0)
    m = sample_means(d, n, 20_000, generator=torch.Generator().manual_seed(n))
    assert m.shape == (20_000,)
    assert m.mean().item() == pytest.approx(d.mean, abs=4 * (d.variance / n / 20_000) ** 0.5)
    assert m.var().item() == pytest.approx(d.variance / n, rel=0.05)


def test_clt_shape_becomes_gaussian_and_skew_shrinks():
    d = Exponential(1.0)
    skews = []
    for n in (1, 5, 50):
        m = sample_means(d, n, 20_000, generator=torch.Generator().manual_seed(7))
        skews.append(stats.skew(m.numpy()))
    assert skews[0] > skews[1] > skews[2]
    assert skews[0] == pytest.approx(2.0, abs=0.3)  # the exponential's own skewness
    m = sample_means(d, 200, 5000, generator=torch.Generator().manual_seed(8))
    z = clt_standardize(m, 200, d.mean, d.variance ** 0.5)
    assert stats.kstest(z.numpy(), stats.norm.cdf).pvalue > 1e-3


def test_clt_standardize_matches_formula():
    m = torch.tensor([0.9, 1.0, 1.3], dtype=torch.float64)
    np.testing.assert_allclose(clt_standardize(m, 25, 1.0, 2.0).numpy(), 5 * (m.numpy() - 1.0) / 2.0)


def test_reproducible():
    a = sample_means(Gaussian(), 10, 5, generator=torch.Generator().manual_seed(3))
    b = sample_means(Gaussian(), 10, 5, generator=torch.Generator().manual_seed(3))
    assert torch.equal(a, b)


@pytest.mark.parametrize("call,exc,match", [
    (lambda: running_mean(torch.tensor(1.0)), ValueError, r"x must have at least 1 dimension"),
    (lambda: running_mean(torch.zeros(0)), ValueError, r"x must not be empty"),
    (lambda: running_mean(torch.arange(3)), TypeError, r"x must have a floating dtype"),
    (lambda: sample_means("coin", 3, 3), TypeError, r"dist must have a sample"),
    (lambda: sample_means(Gaussian(), 0, 3), ValueError, r"n must be >= 1, got 0"),
    (lambda: sample_means(Gaussian(), 3, 0), ValueError, r"trials must be >= 1, got 0"),
    (lambda: clt_standardize(torch.zeros(3), 5, 0.0, 0.0), ValueError, r"sigma must be > 0, got 0.0"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_sample_means_names_a_sampler_that_returns_the_wrong_thing():
    class ListSampler:
        def sample(self, n, generator=None):  # type: ignore[no-untyped-def]
            return [1.0] * n

    class ShortSampler:
        def sample(self, n, generator=None):  # type: ignore[no-untyped-def]
            return torch.ones(n - 1)

    with pytest.raises(TypeError, match=r"dist.sample\(n\) must return a tensor of shape \(n,\), got list for n = 6"):
        sample_means(ListSampler(), 2, 3)
    with pytest.raises(TypeError, match=r"got shape \(5,\) for n = 6"):
        sample_means(ShortSampler(), 2, 3)
