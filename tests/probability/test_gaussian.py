"""68-95-99.7, reparameterisation and diffusion noise against SciPy and torch."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from aimath_ref.probability import (
    Gaussian,
    diffusion_alpha_bar,
    diffusion_noise,
    reparameterize,
    within_k_sigma,
)


@pytest.mark.parametrize("k", [0.0, 0.5, 1.0, 1.96, 2.0, 3.0, 5.0])
def test_within_k_sigma_matches_scipy(k):
    assert within_k_sigma(k) == pytest.approx(stats.norm.cdf(k) - stats.norm.cdf(-k), abs=1e-15)


@settings(max_examples=30, deadline=None)
@given(st.floats(-10, 10), st.floats(0.1, 10), st.floats(0, 6))
def test_rule_holds_for_every_mean_and_scale(mu, sigma, k):
    d = Gaussian(mu, sigma)
    lo, hi = d.cdf(torch.tensor([mu - k * sigma, mu + k * sigma], dtype=torch.float64)).tolist()
    assert hi - lo == pytest.approx(within_k_sigma(k), abs=1e-12)


def test_empirical_fractions():
    x = Gaussian(0.0, 1.0).sample(200_000, generator=torch.Generator().manual_seed(0))
    for k in (1, 2, 3):
        assert (x.abs() <= k).double().mean().item() == pytest.approx(within_k_sigma(k), abs=3e-3)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_reparameterize_distribution_and_gradients(dtype, device):
    mu = torch.tensor([1.0, -2.0], dtype=dtype, device=device).repeat(20_000, 1)
    sigma = torch.tensor([0.5, 3.0], dtype=dtype, device=device).repeat(20_000, 1)
    mu.requires_grad_(True)
    sigma.requires_grad_(True)
    z = reparameterize(mu, sigma, generator=torch.Generator().manual_seed(0))
    assert z.dtype == dtype and z.device == mu.device
    for j, (m, s) in enumerate([(1.0, 0.5), (-2.0, 3.0)]):
        assert stats.kstest(z[:, j].detach().cpu().double().numpy(), stats.norm(m, s).cdf).pvalue > 1e-3
    z.sum().backward()
    torch.testing.assert_close(mu.grad, torch.ones_like(mu))  # dz/dμ = 1
    eps = (z - mu) / sigma
    torch.testing.assert_close(sigma.grad, eps.detach())  # dz/dσ = ε


def test_diffusion_noise_moments():
    x0 = torch.full((100_000,), 2.0, dtype=torch.float64)
    for a in (0.0, 0.3, 0.9):
        xt = diffusion_noise(x0, a, generator=torch.Generator().manual_seed(1))
        assert xt.mean().item() == pytest.approx(2.0 * a ** 0.5, abs=0.01)
        assert xt.var().item() == pytest.approx(1 - a, abs=0.01)


@pytest.mark.parametrize("steps,b0,b1", [(1000, 1e-4, 0.02), (50, 1e-3, 0.3), (1, 0.1, 0.2)])
def test_diffusion_alpha_bar_matches_numpy_cumprod(steps, b0, b1):
    ab = diffusion_alpha_bar(steps, b0, b1)
    betas = np.linspace(b0, b1, steps) if steps > 1 else np.array([b0])
    expected = np.concatenate([[1.0], np.cumprod(1 - betas)])  # independent NumPy schedule
    assert ab.dtype == torch.float64 and ab.shape == (steps + 1,)
    np.testing.assert_allclose(ab.numpy(), expected, rtol=1e-12, atol=0)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 2000), st.floats(1e-5, 0.5), st.floats(1e-5, 0.5))
def test_diffusion_alpha_bar_decreases_from_one(steps, b0, b1):
    ab = diffusion_alpha_bar(steps, b0, b1)
    assert ab[0].item() == 1.0
    assert (ab[1:] < ab[:-1]).all() and (ab > 0).all()


def test_diffusion_schedule_ends_in_pure_noise():
    ab = diffusion_alpha_bar()
    x0 = torch.full((100_000,), 1.0, dtype=torch.float64)
    xT = diffusion_noise(x0, ab[-1].item(), generator=torch.Generator().manual_seed(2))
    eps = diffusion_noise(x0, 0.0, generator=torch.Generator().manual_seed(2))  # the same ε, no signal at all
    assert ab[-1].item() < 1e-4
    assert (xT - eps).abs().max().item() < 0.01  # what is left of x0 is below 1% of the noise scale


@pytest.mark.parametrize("call,exc,match", [
    (lambda: diffusion_alpha_bar(0), ValueError, r"steps must be >= 1, got 0"),
    (lambda: diffusion_alpha_bar(10.0), TypeError, r"steps must be an int, got float"),
    (lambda: diffusion_alpha_bar(10, beta_start=0.0), ValueError, r"beta_start must be in \(0.0, 1.0\), got 0.0"),
    (lambda: diffusion_alpha_bar(10, beta_end=1.0), ValueError, r"beta_end must be in \(0.0, 1.0\), got 1.0"),
    (lambda: diffusion_alpha_bar(10, beta_end="0.02"), TypeError, r"beta_end must be a real number"),
    (lambda: within_k_sigma(-1), ValueError, r"k must be >= 0, got -1"),
    (lambda: within_k_sigma("2"), TypeError, r"k must be a real number"),
    (lambda: reparameterize(torch.zeros(2), -torch.ones(2)), ValueError, r"sigma must be >= 0, got a minimum of -1.0"),
    (lambda: reparameterize(torch.zeros(2), torch.ones(3)), ValueError, r"mu and sigma must have the same shape"),
    (lambda: reparameterize(torch.zeros(2), torch.ones(2), generator=1), TypeError, r"generator must be a torch.Generator"),
    (lambda: diffusion_noise(torch.zeros(2), 1.5), ValueError, r"alpha_bar must be in \[0.0, 1.0\], got 1.5"),
    (lambda: diffusion_noise(torch.zeros(0), 0.5), ValueError, r"x0 must not be empty"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_reparameterize_returns_mu_dtype_and_handles_sigma_zero():
    g = torch.Generator().manual_seed(3)
    mu = torch.tensor([0.5, -1.0], dtype=torch.float32)
    z = reparameterize(mu, torch.tensor([1.0, 2.0], dtype=torch.float64), generator=g)
    assert z.dtype == torch.float32  # mu's dtype, as documented, not sigma's float64
    assert torch.equal(reparameterize(mu, torch.zeros(2)), mu)  # sigma = 0 is allowed: z = mu exactly
    half = reparameterize(mu.half(), torch.ones(2, dtype=torch.float16), generator=torch.Generator().manual_seed(3))
    eps = torch.randn(2, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    assert half.dtype == torch.float16
    torch.testing.assert_close(half.double(), (mu.double() + eps).half().double(), rtol=0, atol=2 ** -10 * 4)


@pytest.mark.parametrize("mu,sigma,match", [
    (torch.tensor([float("nan"), 0.0]), torch.ones(2), r"mu must not contain NaN or infinite entries, got nan at index \(0,\)"),
    (torch.zeros(2), torch.tensor([1.0, float("nan")]), r"sigma must not contain NaN or infinite entries, got nan at index \(1,\)"),
    (torch.zeros(2), torch.tensor([1.0, float("inf")]), r"sigma must not contain NaN or infinite entries, got inf"),
])
def test_reparameterize_refuses_nan_parameters(mu, sigma, match):
    with pytest.raises(ValueError, match=match):
        reparameterize(mu, sigma)
