"""Gaussian VI against exact posteriors: a conjugate case and the mean-field optimum of a correlated Gaussian."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from aimath_ref.inference import gaussian_vi, normal_known_variance_update


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_fits_the_conjugate_normal_posterior(dtype):
    g = torch.Generator().manual_seed(0)
    x = (0.7 + 1.5 * torch.randn(12, generator=g, dtype=torch.float64)).to(dtype)
    mu0, tau2, s2 = 0.0, 2.0, 1.5 ** 2
    exact = normal_known_variance_update(mu0, tau2, s2, x)

    def log_joint(theta):  # log p(θ) + Σ log p(x_i | θ), up to constants
        t = theta[..., 0]
        return -0.5 * (t - mu0) ** 2 / tau2 - 0.5 * ((x - t.unsqueeze(-1)) ** 2).sum(-1) / s2

    fit = gaussian_vi(log_joint, dim=1, n_steps=500, lr=0.05, generator=torch.Generator().manual_seed(1), dtype=dtype)
    sd = exact.variance.sqrt().item()
    assert fit.mean.dtype == dtype and fit.elbo.shape == (500,)
    assert fit.mean.item() == pytest.approx(exact.mean.item(), abs=0.05 * sd)
    assert fit.std.item() ** 2 == pytest.approx(exact.variance.item(), rel=0.05)
    assert fit.elbo[-100:].mean() > fit.elbo[:10].mean()  # the ELBO went up


def test_mean_field_underestimates_correlated_variance():
    # Reverse KL with a diagonal q: σ_j² = 1/Λ_jj, smaller than the marginal variance Σ_jj.
    cov = np.array([[1.0, 0.9], [0.9, 1.0]])
    prec = torch.tensor(np.linalg.inv(cov))
    mu = torch.tensor([1.0, -1.0], dtype=torch.float64)

    def log_p(x):
        r = x - mu
        return -0.5 * ((r @ prec) * r).sum(-1)

    fit = gaussian_vi(log_p, dim=2, n_steps=1000, lr=0.05, generator=torch.Generator().manual_seed(0))
    np.testing.assert_allclose(fit.mean.numpy(), mu.numpy(), atol=0.05)
    np.testing.assert_allclose(fit.std.numpy() ** 2, 1 / np.diag(prec.numpy()), rtol=0.1)
    assert (fit.std.numpy() ** 2 < np.diag(cov) / 2).all()  # 0.19 vs 1.0


def test_init_mean_and_determinism():
    lp = lambda t: -0.5 * ((t - 3.0) ** 2).sum(-1)  # noqa: E731
    a = gaussian_vi(lp, 1, n_steps=50, generator=torch.Generator().manual_seed(0), init_mean=torch.tensor([3.0]))
    b = gaussian_vi(lp, 1, n_steps=50, generator=torch.Generator().manual_seed(0), init_mean=torch.tensor([3.0]))
    assert torch.equal(a.mean, b.mean) and torch.equal(a.elbo, b.elbo)
    assert abs(a.mean.item() - 3.0) < 0.2
    # exact ELBO of q = N(3, 1) against this unnormalised target is log Z = log √(2π) = 0.919
    assert a.elbo[-20:].mean().item() == pytest.approx(0.5 * np.log(2 * np.pi), abs=0.1)


@pytest.mark.parametrize("kwargs,exc,match", [
    (dict(log_prob=1), TypeError, "log_prob must be callable"),
    (dict(dim=0), ValueError, "dim must be >= 1, got 0"),
    (dict(n_steps=1), ValueError, "n_steps must be >= 2, got 1"),
    (dict(lr=0.0), ValueError, "lr must be > 0"),
    (dict(n_samples=0), ValueError, "n_samples"),
    (dict(dtype=torch.float16), TypeError, "dtype"),
    (dict(generator="seed"), TypeError, "generator"),
    (dict(init_mean=torch.zeros(3)), ValueError, "init_mean"),
    (dict(init_mean=torch.tensor([float("nan")])), ValueError, "init_mean"),
    (dict(log_prob=lambda t: t), ValueError, "log_prob must map"),
    (dict(log_prob=lambda t: t.sum(-1) * torch.nan), ValueError, "NaN"),
])
def test_bad_input(kwargs, exc, match):
    args = dict(log_prob=lambda t: -(t ** 2).sum(-1), dim=1, n_steps=10)
    args.update(kwargs)
    with pytest.raises(exc, match=match):
        gaussian_vi(**args)
