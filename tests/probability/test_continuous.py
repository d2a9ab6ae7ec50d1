"""Gaussian, Uniform and Exponential against torch.distributions and scipy.stats."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from aimath_ref.probability import Exponential, Gaussian, Uniform

F64 = dict(dtype=torch.float64)


def cases():
    return [
        (Gaussian(1.5, 2.0), torch.distributions.Normal(torch.tensor(1.5, **F64), torch.tensor(2.0, **F64)),
         stats.norm(1.5, 2.0)),
        (Uniform(-1.0, 3.0), torch.distributions.Uniform(torch.tensor(-1.0, **F64), torch.tensor(3.0, **F64)),
         stats.uniform(-1.0, 4.0)),
        (Exponential(0.7), torch.distributions.Exponential(torch.tensor(0.7, **F64)), stats.expon(scale=1 / 0.7)),
    ]


IDS = ["gaussian", "uniform", "exponential"]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("i", range(3), ids=IDS)
def test_log_prob_cdf_moments_match_torch_and_scipy(i, dtype, device):
    ours, theirs, sp = cases()[i]
    g = torch.Generator().manual_seed(i)
    x64 = sp.ppf(torch.rand(64, generator=g, **F64).numpy() * 0.98 + 0.01)
    x = torch.tensor(x64, dtype=dtype, device=device)
    got = ours.log_prob(x)
    assert got.dtype == dtype and got.device == x.device
    tol = dict(rtol=1e-5, atol=1e-5) if dtype == torch.float32 else {}
    want = theirs.log_prob(x.cpu().double())
    torch.testing.assert_close(got.cpu().double(), want, **tol)
    np.testing.assert_allclose(got.cpu().double().numpy(), sp.logpdf(x.cpu().double().numpy()), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(ours.cdf(x).cpu().double().numpy(), sp.cdf(x.cpu().double().numpy()), rtol=1e-5, atol=1e-6)
    torch.testing.assert_close(ours.cdf(x).cpu().double(), theirs.cdf(x.cpu().double()), **tol)
    assert ours.mean == pytest.approx(sp.mean()) and ours.variance == pytest.approx(sp.var())
    assert ours.mean == pytest.approx(theirs.mean.item()) and ours.variance == pytest.approx(theirs.variance.item())


@pytest.mark.parametrize("i", range(3), ids=IDS)
def test_sampler_passes_kolmogorov_smirnov(i):
    ours, _, sp = cases()[i]
    draws = ours.sample(5000, generator=torch.Generator().manual_seed(11 + i)).numpy()
    assert stats.kstest(draws, sp.cdf).pvalue > 1e-3
    assert draws.mean() == pytest.approx(sp.mean(), abs=4 * sp.std() / np.sqrt(5000))


def test_sampler_reproducible_on_device(device):
    a = Gaussian(0.0, 1.0).sample(10, generator=torch.Generator(device=device).manual_seed(3))
    b = Gaussian(0.0, 1.0).sample(10, generator=torch.Generator(device=device).manual_seed(3))
    assert torch.equal(a, b) and a.device.type == device.type


def test_outside_support():
    assert Uniform(0.0, 1.0).log_prob(torch.tensor([-0.1, 1.1])).eq(-np.inf).all()
    assert Exponential(1.0).log_prob(torch.tensor([-1.0])).item() == -np.inf
    np.testing.assert_array_equal(Uniform(0.0, 1.0).cdf(torch.tensor([-5.0, 5.0])).numpy(), [0.0, 1.0])


def test_gaussian_far_tail_is_finite_in_log_space():
    lp = Gaussian(0.0, 1.0).log_prob(torch.tensor([40.0], **F64))
    assert lp.item() == pytest.approx(stats.norm.logpdf(40.0))


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_input(dtype):
    x = torch.tensor([-1.0, 0.0, 2.0], dtype=dtype)
    got = Gaussian(0.0, 1.0).log_prob(x)
    assert got.dtype == dtype
    np.testing.assert_allclose(got.double().numpy(), stats.norm.logpdf([-1.0, 0.0, 2.0]), rtol=1e-2)


@settings(max_examples=30, deadline=None)
@given(st.floats(-5, 5), st.floats(0.1, 5), st.floats(-10, 10), st.floats(0.0, 10))
def test_cdf_is_monotone_and_interval_probability_nonnegative(mu, sigma, a, width):
    d = Gaussian(mu, sigma)
    lo, hi = d.cdf(torch.tensor([a, a + width], **F64)).tolist()
    assert 0.0 <= lo <= hi <= 1.0  # P(a <= X <= b) = F(b) - F(a) >= 0


@pytest.mark.parametrize("make,match", [
    (lambda: Gaussian(0.0, 0.0), r"sigma must be > 0, got 0.0"),
    (lambda: Gaussian(0.0, -1.0), r"sigma must be > 0, got -1.0"),
    (lambda: Gaussian(float("nan"), 1.0), r"mu must be finite, got nan"),
    (lambda: Uniform(1.0, 1.0), r"low must be < high, got low=1.0, high=1.0"),
    (lambda: Uniform(2.0, 1.0), r"low must be < high, got low=2.0, high=1.0"),
    (lambda: Exponential(0.0), r"rate must be > 0, got 0.0"),
])
def test_bad_parameters(make, match):
    with pytest.raises(ValueError, match=match):
        make()


def test_bad_types():
    with pytest.raises(TypeError, match=r"sigma must be a real number, got tensor of shape"):
        Gaussian(0.0, torch.tensor(1.0))
    with pytest.raises(TypeError, match=r"value must be a torch.Tensor, got float 1.0"):
        Uniform().log_prob(1.0)
    with pytest.raises(TypeError, match=r"generator must be a torch.Generator or None, got int"):
        Gaussian().sample(3, generator=1)


def test_uniform_both_endpoints_against_scipy():
    d, ref = Uniform(-1.0, 2.0), stats.uniform(-1.0, 3.0)
    x = torch.tensor([-1.0 - 1e-12, -1.0, 0.5, 2.0, 2.0 + 1e-12], **F64)
    np.testing.assert_allclose(d.log_prob(x).numpy(), ref.logpdf(x.numpy()))  # low and high are in the support
    np.testing.assert_allclose(d.cdf(x).numpy(), ref.cdf(x.numpy()))


def test_exponential_endpoint_zero_against_scipy():
    d, ref = Exponential(1.5), stats.expon(scale=1 / 1.5)
    x = torch.tensor([-1e-12, 0.0, 1e-12], **F64)
    np.testing.assert_allclose(d.log_prob(x).numpy(), ref.logpdf(x.numpy()))
    np.testing.assert_allclose(d.cdf(x).numpy(), ref.cdf(x.numpy()), atol=1e-15)


def test_uniform_with_an_overflowing_width_is_refused():
    with pytest.raises(ValueError, match=r"high - low must be finite, got low=-1e\+308, high=1e\+308"):
        Uniform(-1e308, 1e308)
    wide = Uniform(-1e307, 1e307)  # just inside: a finite width whose square overflows
    torch_wide = torch.distributions.Uniform(torch.tensor(-1e307, **F64), torch.tensor(1e307, **F64))
    assert wide.variance == torch_wide.variance.item() == float("inf") and wide.mean == 0.0
