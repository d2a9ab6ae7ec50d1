"""MultivariateGaussian against torch.distributions.MultivariateNormal, scipy.stats and SciPy's Mahalanobis."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from scipy import stats
from scipy.spatial import distance

from aimath_ref.probability import MultivariateGaussian


def _params(d: int, dtype=torch.float64, device="cpu", seed=0):
    g = torch.Generator().manual_seed(seed)
    B = torch.randn(d, d, generator=g, dtype=torch.float64)
    cov = B @ B.T + 0.5 * torch.eye(d, dtype=torch.float64)  # positive definite
    mean = torch.randn(d, generator=g, dtype=torch.float64)
    return mean.to(device, dtype), cov.to(device, dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("d", [1, 3])
def test_log_prob_and_mahalanobis_match_torch_and_scipy(d, dtype, device):
    mean, cov = _params(d, dtype, device)
    x = torch.randn(4, 5, d, generator=torch.Generator().manual_seed(1), dtype=torch.float64).to(device, dtype)
    mvn = MultivariateGaussian(mean, cov)
    lp = mvn.log_prob(x)
    assert lp.shape == (4, 5) and lp.dtype == dtype and lp.device == x.device
    ref = torch.distributions.MultivariateNormal(mean.double(), covariance_matrix=cov.double()).log_prob(x.double())
    rtol = 1e-12 if dtype == torch.float64 else 10 * torch.finfo(torch.float32).eps
    torch.testing.assert_close(lp.double(), ref, rtol=rtol, atol=rtol)
    m64, c64, x64 = mean.double().cpu().numpy(), cov.double().cpu().numpy(), x.double().cpu().numpy()
    np.testing.assert_allclose(lp.double().cpu().numpy(), stats.multivariate_normal(m64, c64).logpdf(x64), rtol=rtol)
    np.testing.assert_allclose(mvn.prob(x).double().cpu().numpy(), stats.multivariate_normal(m64, c64).pdf(x64),
                               rtol=10 * rtol)
    VI = np.linalg.inv(c64)
    want = [[distance.mahalanobis(row, m64, VI) for row in batch] for batch in x64]
    np.testing.assert_allclose(mvn.mahalanobis(x).double().cpu().numpy(), want, rtol=rtol)


def test_identity_covariance_gives_euclidean_distance_and_the_standard_density():
    mvn = MultivariateGaussian(torch.zeros(3, dtype=torch.float64), torch.eye(3, dtype=torch.float64))
    x = torch.tensor([[3.0, 4.0, 0.0], [0.0, 0.0, 0.0]], dtype=torch.float64)
    assert mvn.mahalanobis(x).tolist() == [5.0, 0.0]
    torch.testing.assert_close(mvn.log_prob(x), torch.distributions.Normal(0.0, 1.0).log_prob(x).sum(-1).double())


def test_axes_are_the_eigenvectors_and_ellipse_points_have_distance_c():
    cov = torch.tensor([[3.0, 1.0], [1.0, 2.0]], dtype=torch.float64)
    mvn = MultivariateGaussian(torch.tensor([1.0, -1.0], dtype=torch.float64), cov)
    stds, Q = mvn.axes()
    lam, vecs = np.linalg.eigh(cov.numpy())
    np.testing.assert_allclose(stds.numpy(), np.sqrt(lam[::-1]), rtol=1e-12)
    np.testing.assert_allclose(np.abs(Q.numpy()), np.abs(vecs[:, ::-1]), rtol=1e-12)
    for c in (1.0, 2.0):  # μ ± c sqrt(λ_i) q_i lies on the ellipse Δ = c
        ends = mvn.mean + c * (stds * Q).T  # rows: c sqrt(λ_i) q_i
        torch.testing.assert_close(mvn.mahalanobis(ends), torch.full((2,), c, dtype=torch.float64))


def test_samples_have_the_right_moments_and_chi_square_distances(device):
    mean, cov = _params(3, seed=2)
    mvn = MultivariateGaussian(mean, cov)
    gen = torch.Generator(device=device.type).manual_seed(3)
    x = mvn.sample(20000, generator=gen)
    assert x.shape == (20000, 3) and x.dtype == torch.float64 and x.device.type == device.type
    x = x.cpu()
    torch.testing.assert_close(x.mean(0), mean, atol=0.08, rtol=0)
    torch.testing.assert_close(torch.cov(x.T), cov, atol=0.15, rtol=0.05)
    # Δ² of a draw is chi-square with d degrees of freedom
    assert stats.kstest(mvn.mahalanobis(x).numpy() ** 2, stats.chi2(3).cdf).pvalue > 1e-3
    again = mvn.sample(20000, generator=torch.Generator(device=device.type).manual_seed(3))
    assert torch.equal(again.cpu(), x)
    assert mvn.sample(0).shape == (0, 3)


def test_samples_are_mu_plus_cholesky_times_standard_normal():
    mean, cov = _params(2, seed=4)
    eps = torch.randn(5, 2, generator=torch.Generator().manual_seed(7), dtype=torch.float64)
    got = MultivariateGaussian(mean, cov).sample(5, generator=torch.Generator().manual_seed(7))
    L = torch.distributions.MultivariateNormal(mean, covariance_matrix=cov).scale_tril
    torch.testing.assert_close(got, mean + eps @ L.T)


def test_half_precision_points():
    mean, cov = _params(2, seed=5)
    mvn = MultivariateGaussian(mean, cov)
    x = torch.tensor([[0.5, -1.0], [2.0, 0.25]], dtype=torch.float16)
    lp = mvn.log_prob(x)
    assert lp.dtype == torch.float16
    ref = torch.distributions.MultivariateNormal(mean, covariance_matrix=cov).log_prob(x.double())
    torch.testing.assert_close(lp.double(), ref, rtol=torch.finfo(torch.float16).eps, atol=0)


def test_nearly_singular_but_positive_definite_covariance_is_accepted():
    cov = torch.tensor([[1.0, 0.999999], [0.999999, 1.0]], dtype=torch.float64)  # smallest eigenvalue 1e-6
    mvn = MultivariateGaussian(torch.zeros(2, dtype=torch.float64), cov)
    x = torch.tensor([0.3, -0.2], dtype=torch.float64)
    assert mvn.log_prob(x).item() == pytest.approx(stats.multivariate_normal([0, 0], cov.numpy()).logpdf(x.numpy()),
                                                   rel=1e-9)


NAN = float("nan")


@pytest.mark.parametrize("make,exc,match", [
    (lambda: MultivariateGaussian(torch.zeros(2), torch.tensor([[1.0, 0.0], [0.0, 0.0]])), ValueError,
     r"cov must be positive definite, got smallest eigenvalue 0"),
    (lambda: MultivariateGaussian(torch.zeros(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]])), ValueError,
     r"cov must be positive definite, got smallest eigenvalue -1"),
    (lambda: MultivariateGaussian(torch.zeros(2), torch.tensor([[1.0, 0.5], [0.0, 1.0]])), ValueError,
     r"cov must be symmetric, got max \|cov - cov\^T\| = 0.5"),
    (lambda: MultivariateGaussian(torch.zeros(2), torch.eye(3)), ValueError,
     r"cov must have shape \(2, 2\) to match mean of shape \(2,\), got \(3, 3\)"),
    (lambda: MultivariateGaussian(torch.zeros(2, 1), torch.eye(2)), ValueError, r"mean must have 1 dimension"),
    (lambda: MultivariateGaussian(torch.tensor([0.0, NAN]), torch.eye(2)), ValueError,
     r"mean must not contain NaN or infinite entries, got nan at index \(1,\)"),
    (lambda: MultivariateGaussian(torch.zeros(2), torch.tensor([[1.0, NAN], [NAN, 1.0]])), ValueError,
     r"cov must not contain NaN"),
    (lambda: MultivariateGaussian(torch.zeros(2), torch.eye(2, dtype=torch.float64)), TypeError,
     r"mean and cov must share one dtype, got torch.float32 and torch.float64"),
    (lambda: MultivariateGaussian([0.0, 0.0], torch.eye(2)), TypeError, r"mean must be a torch.Tensor, got list"),
    (lambda: MultivariateGaussian(torch.zeros(2), torch.eye(2)).log_prob(torch.zeros(3)), ValueError,
     r"x must have last dimension 2, got shape \(3,\)"),
    (lambda: MultivariateGaussian(torch.zeros(2), torch.eye(2)).mahalanobis(torch.tensor([NAN, 0.0])), ValueError,
     r"x must not contain NaN entries, got nan at index \(0,\)"),
    (lambda: MultivariateGaussian(torch.zeros(2), torch.eye(2)).sample(-1), ValueError, r"n must be >= 0, got -1"),
    (lambda: MultivariateGaussian(torch.zeros(2), torch.eye(2)).sample(2, generator=3), TypeError,
     r"generator must be a torch.Generator or None, got int"),
])
def test_bad_input(make, exc, match):
    with pytest.raises(exc, match=match):
        make()


def test_an_infinitely_far_point_has_zero_density():
    mvn = MultivariateGaussian(torch.zeros(2, dtype=torch.float64), torch.eye(2, dtype=torch.float64))
    x = torch.tensor([float("inf"), 0.0], dtype=torch.float64)
    assert mvn.log_prob(x).item() == float("-inf") and mvn.mahalanobis(x).item() == float("inf")
