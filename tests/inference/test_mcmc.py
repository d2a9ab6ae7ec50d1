"""Metropolis-Hastings against known targets, with error bounds from the effective sample size."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from aimath_ref.inference import effective_sample_size, metropolis_hastings

Z = 4.0  # |error| > 4 standard errors has probability ~6e-5 per check


def _np_ess(x: np.ndarray) -> float:
    """Independent reference: direct (non-FFT) autocorrelations and Geyer's initial positive sequence."""
    n = len(x)
    xc = x - x.mean()
    var = xc @ xc / n
    rho = np.array([xc[: n - t] @ xc[t:] / n / var for t in range(n)])
    tau = -1.0
    for m in range(n // 2):
        pair = rho[2 * m] + rho[2 * m + 1]
        if pair <= 0:
            break
        tau += 2 * pair
    return n / max(tau, 1 / math.log10(max(n, 10)))


def _ar1(phi: float, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    e = rng.standard_normal(n)
    x = np.empty(n)
    x[0] = e[0] / math.sqrt(1 - phi ** 2)
    for t in range(1, n):
        x[t] = phi * x[t - 1] + e[t]
    return x


@pytest.mark.parametrize("phi", [-0.5, 0.0, 0.5, 0.9])
def test_ess_matches_direct_reference(phi):
    x = _ar1(phi, 3000, seed=1)
    assert effective_sample_size(torch.from_numpy(x)).item() == pytest.approx(_np_ess(x), rel=1e-9)


def test_ess_of_ar1_is_near_theory():
    # AR(1): τ = (1 + φ)/(1 − φ); averaged over 20 chains the estimate is close to n/τ.
    phi, n = 0.8, 4000
    est = np.mean([effective_sample_size(torch.from_numpy(_ar1(phi, n, s))).item() for s in range(20)])
    assert est == pytest.approx(n * (1 - phi) / (1 + phi), rel=0.15)


def test_ess_shapes_constant_and_float32():
    x = torch.randn(500, 3, 2, generator=torch.Generator().manual_seed(0))
    ess = effective_sample_size(x)
    assert ess.shape == (3, 2) and ess.dtype == torch.float64
    assert effective_sample_size(torch.ones(50)).item() == 50.0
    np.testing.assert_allclose(ess.numpy(), effective_sample_size(x.double()).numpy(), rtol=1e-4)


def _check_moments(draws: torch.Tensor, mean: np.ndarray, cov: np.ndarray) -> None:
    """draws: (n, chains, d). Every estimate within Z standard errors, each SE from its ESS."""
    x = draws.double().cpu().numpy()
    n, c, d = x.shape
    for i in range(d):
        ess = effective_sample_size(torch.from_numpy(x[:, :, i])).sum().item()  # independent chains add up
        se = math.sqrt(cov[i, i] / ess)
        assert abs(x[..., i].mean() - mean[i]) < Z * se, (i, x[..., i].mean(), mean[i], se)
        for j in range(i, d):
            prod = (x[..., i] - mean[i]) * (x[..., j] - mean[j])  # E[prod] = Σ_ij
            ess_p = effective_sample_size(torch.from_numpy(prod)).sum().item()
            se_p = prod.std() / math.sqrt(ess_p)
            assert abs(prod.mean() - cov[i, j]) < Z * se_p, (i, j, prod.mean(), cov[i, j], se_p)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_correlated_gaussian_moments(dtype, device):
    mean = np.array([1.0, -2.0])
    cov = np.array([[1.0, 0.8], [0.8, 2.0]])
    prec = torch.tensor(np.linalg.inv(cov), dtype=dtype, device=device)
    mu = torch.tensor(mean, dtype=dtype, device=device)

    def log_p(x):
        r = x - mu
        return -0.5 * ((r @ prec) * r).sum(-1)

    x0 = torch.zeros(16, 2, dtype=dtype, device=device)
    out = metropolis_hastings(log_p, x0, 1500, 1.2, generator=torch.Generator().manual_seed(0))
    assert out.samples.shape == (1500, 16, 2) and out.samples.dtype == dtype
    assert 0.2 < out.acceptance_rate < 0.8
    _check_moments(out.samples[300:], mean, cov)  # burn-in of 300 steps


def test_mixture_moments(device):
    w = np.array([0.3, 0.7])
    centres = np.array([[-1.5, 0.0], [1.5, 1.0]])
    mean = w @ centres
    cov = np.eye(2) + sum(w[k] * np.outer(centres[k] - mean, centres[k] - mean) for k in range(2))
    c = torch.tensor(centres, device=device)
    logw = torch.tensor(np.log(w), device=device)

    def log_p(x):  # log Σ_k w_k N(x | c_k, I)
        d2 = ((x.unsqueeze(-2) - c) ** 2).sum(-1)
        return torch.logsumexp(logw - 0.5 * d2, dim=-1)

    out = metropolis_hastings(log_p, torch.zeros(16, 2, dtype=torch.float64, device=device), 2000, 1.6,
                              generator=torch.Generator().manual_seed(1))
    _check_moments(out.samples[300:], mean, cov)


def test_acceptance_rate_matches_theory_for_a_gaussian():
    # 1-D N(0, 1) target, N(x, s²) proposals, chain at stationarity: P(accept) = (2/π) arctan(2/s).
    s = 2.0
    g = torch.Generator().manual_seed(2)
    x0 = torch.randn(64, 1, generator=g, dtype=torch.float64)
    out = metropolis_hastings(lambda x: -0.5 * (x ** 2).sum(-1), x0, 1000, s, generator=g)
    want = 2 / math.pi * math.atan(2 / s)
    moved = (out.samples[1:] != out.samples[:-1]).double().squeeze(-1).numpy()  # accepted moves
    ess = effective_sample_size(torch.from_numpy(moved)).sum().item()
    se = math.sqrt(want * (1 - want) / ess)
    assert abs(out.acceptance_rate - want) < Z * se


def test_single_chain_shape_and_determinism():
    lp = lambda x: -0.5 * (x ** 2).sum(-1)  # noqa: E731
    a = metropolis_hastings(lp, torch.zeros(3), 50, 0.5, generator=torch.Generator().manual_seed(5))
    b = metropolis_hastings(lp, torch.zeros(3), 50, 0.5, generator=torch.Generator().manual_seed(5))
    assert a.samples.shape == (50, 3)
    assert torch.equal(a.samples, b.samples) and a.acceptance_rate == b.acceptance_rate
    # proposals outside the support (−inf) are never accepted
    half = metropolis_hastings(lambda x: torch.where(x[..., 0] > 0, -x[..., 0], -torch.inf),
                               torch.ones(1, dtype=torch.float64), 500, 1.0, generator=torch.Generator().manual_seed(0))
    assert (half.samples > 0).all()


@pytest.mark.parametrize("call,exc,match", [
    (lambda: metropolis_hastings(3, torch.zeros(1), 10, 1.0), TypeError, "log_prob must be callable"),
    (lambda: metropolis_hastings(lambda x: -x.sum(-1), [0.0], 10, 1.0), TypeError, "x0"),
    (lambda: metropolis_hastings(lambda x: -x.sum(-1), torch.zeros(1, 1, 1), 10, 1.0), ValueError, "x0"),
    (lambda: metropolis_hastings(lambda x: -x.sum(-1), torch.tensor([float("nan")]), 10, 1.0), ValueError, "x0"),
    (lambda: metropolis_hastings(lambda x: -x.sum(-1), torch.zeros(1), 0, 1.0), ValueError, "n_steps must be >= 1, got 0"),
    (lambda: metropolis_hastings(lambda x: -x.sum(-1), torch.zeros(1), 10, 0.0), ValueError, "step_size must be > 0, got 0.0"),
    (lambda: metropolis_hastings(lambda x: -x.sum(-1), torch.zeros(1), 10, 1.0, generator=1), TypeError, "generator"),
    (lambda: metropolis_hastings(lambda x: -torch.inf * x.sum(-1) - torch.inf, torch.ones(1), 10, 1.0), ValueError,
     r"log_prob\(x0\) must be finite"),
    (lambda: metropolis_hastings(lambda x: x, torch.zeros(2), 10, 1.0), ValueError, "log_prob must map"),
    (lambda: metropolis_hastings(lambda x: x.sum(-1) * torch.nan, torch.zeros(2), 10, 1.0), ValueError, "NaN"),
    (lambda: effective_sample_size(torch.zeros(3)), ValueError, "at least 4"),
    (lambda: effective_sample_size(torch.tensor([1.0, 2.0, float("nan"), 3.0, 4.0])), ValueError, "finite"),
    (lambda: effective_sample_size(torch.arange(10)), TypeError, "samples"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()
