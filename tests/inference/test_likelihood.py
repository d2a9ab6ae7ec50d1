"""Negative log-likelihoods against torch.nn.functional, SciPy and the losses they equal."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st
from scipy import special, stats

import aimath_ref.inference.likelihood as likelihood
from aimath_ref.inference import LOSS_FROM_ASSUMPTION, bernoulli_nll, categorical_nll, gaussian_nll, laplace_nll

DTYPES = [torch.float32, torch.float64]
REDUCTIONS = ["mean", "sum", "none"]


def _randn(shape, dtype, device, seed, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return (scale * torch.randn(shape, generator=g, dtype=torch.float64)).to(device=device, dtype=dtype)


def _rand(shape, dtype, device, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(shape, generator=g, dtype=torch.float64).to(device=device, dtype=dtype)


def _tol(dtype):
    eps = torch.finfo(dtype).eps
    return dict(rtol=64 * eps, atol=64 * eps)


# --- Gaussian --------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("var_kind", ["float", "same", "short", "broadcast"])
def test_gaussian_nll_matches_torch(dtype, reduction, full, var_kind, device):
    mu, y = _randn((6, 4, 3), dtype, device, 0), _randn((6, 4, 3), dtype, device, 1)
    var = {"float": 0.7,
           "same": _rand((6, 4, 3), dtype, device, 2) + 0.1,
           "short": _rand((6, 4), dtype, device, 3) + 0.1,
           "broadcast": _rand((6, 1, 3), dtype, device, 4) + 0.1}[var_kind]
    got = gaussian_nll(mu, y, var, full=full, reduction=reduction)
    want = F.gaussian_nll_loss(mu, y, var, full=full, reduction=reduction)
    assert got.dtype == dtype and got.device == mu.device and got.shape == want.shape
    torch.testing.assert_close(got, want, **_tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_gaussian_nll_is_scaled_mse_and_scipy_logpdf(dtype, device):
    mu, y = _randn(50, dtype, device, 5), _randn(50, dtype, device, 6, 2.0)
    sigma2 = 2.5
    # MSE / (2σ²) + ½ log σ² (+ ½ log 2π): minimising one minimises the other
    want = F.mse_loss(mu, y) / (2 * sigma2) + 0.5 * math.log(sigma2)
    torch.testing.assert_close(gaussian_nll(mu, y, sigma2), want, **_tol(dtype))
    torch.testing.assert_close(gaussian_nll(mu, y, 1.0), F.mse_loss(mu, y) / 2, **_tol(dtype))
    ref = -stats.norm.logpdf(y.cpu().double().numpy(), mu.cpu().double().numpy(), math.sqrt(sigma2))
    np.testing.assert_allclose(gaussian_nll(mu, y, sigma2, full=True, reduction="none").cpu().double().numpy(), ref,
                               rtol=1e-5 if dtype == torch.float32 else 1e-12)


def test_gaussian_nll_clamps_tiny_variances_like_torch():
    mu, y = torch.zeros(3, dtype=torch.float64), torch.tensor([0.0, 1e-4, 1e-3], dtype=torch.float64)
    var = torch.tensor([1e-12, 1e-6, 1.0], dtype=torch.float64)
    torch.testing.assert_close(gaussian_nll(mu, y, var, eps=1e-6, reduction="none"),
                               F.gaussian_nll_loss(mu, y, var, eps=1e-6, reduction="none"))
    torch.testing.assert_close(gaussian_nll(mu, y, var, eps=0.0, reduction="none"),
                               F.gaussian_nll_loss(mu, y, var, eps=0.0, reduction="none"))


@given(st.lists(st.floats(-100, 100), min_size=2, max_size=20), st.floats(0.01, 10), st.floats(-1, 1))
def test_gaussian_mle_of_a_constant_is_the_mean(ys, var, delta):
    y = torch.tensor(ys, dtype=torch.float64)
    best = torch.full_like(y, y.mean().item())
    assert gaussian_nll(best, y, var).item() <= gaussian_nll(best + delta, y, var).item() + 1e-12


# --- Bernoulli -------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_bernoulli_nll_matches_torch(dtype, reduction, device):
    p = _rand((8, 5), dtype, device, 7)
    y_hard = (_rand((8, 5), dtype, device, 8) > 0.5).to(dtype)
    y_soft = _rand((8, 5), dtype, device, 9)
    z = _randn((8, 5), dtype, device, 10, 4.0)
    for y in (y_hard, y_soft):
        got = bernoulli_nll(p, y, reduction)
        assert got.dtype == dtype and got.device == p.device
        torch.testing.assert_close(got, F.binary_cross_entropy(p, y, reduction=reduction), **_tol(dtype))
        torch.testing.assert_close(bernoulli_nll(z, y, reduction, logits=True),
                                   F.binary_cross_entropy_with_logits(z, y, reduction=reduction), **_tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_bernoulli_nll_is_minus_scipy_logpmf_and_logits_agree(dtype):
    z = _randn(40, dtype, "cpu", 11, 3.0)
    y = (_rand(40, dtype, "cpu", 12) > 0.4).to(dtype)
    p = torch.sigmoid(z)
    ref = -stats.bernoulli.logpmf(y.double().numpy(), special.expit(z.double().numpy()))
    rtol = 1e-5 if dtype == torch.float32 else 1e-12
    np.testing.assert_allclose(bernoulli_nll(z, y, "none", logits=True).double().numpy(), ref, rtol=rtol)
    np.testing.assert_allclose(bernoulli_nll(p, y, "none").double().numpy(), ref, rtol=1e3 * rtol)


@pytest.mark.parametrize("dtype", DTYPES)
def test_bernoulli_nll_is_stable_at_huge_logits(dtype, device):
    z = torch.tensor([1e4, 1e4, -1e4, -1e4, 0.0], dtype=dtype, device=device)
    y = torch.tensor([1.0, 0.0, 1.0, 0.0, 1.0], dtype=dtype, device=device)
    got = bernoulli_nll(z, y, "none", logits=True)
    torch.testing.assert_close(got, torch.tensor([0.0, 1e4, 1e4, 0.0, math.log(2)], dtype=dtype, device=device))
    torch.testing.assert_close(got, F.binary_cross_entropy_with_logits(z, y, reduction="none"))
    naive = bernoulli_nll(torch.sigmoid(z), y, "none")  # probabilities hit 0 and 1: the log is clamped at -100
    assert naive[1].item() == 100.0 and torch.isfinite(naive).all()


def test_bernoulli_nll_accepts_the_ends_of_its_ranges():
    p = torch.tensor([0.0, 1.0, 0.0, 1.0], dtype=torch.float64)
    y = torch.tensor([0.0, 1.0, 1.0, 0.0], dtype=torch.float64)
    torch.testing.assert_close(bernoulli_nll(p, y, "none"), F.binary_cross_entropy(p, y, reduction="none"))


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_is_computed_in_float32(dtype):
    z = _randn(64, torch.float32, "cpu", 13, 3.0).to(dtype)
    y = (_rand(64, torch.float32, "cpu", 14) > 0.5).to(dtype)
    got = bernoulli_nll(z, y, logits=True)
    assert got.dtype == dtype
    torch.testing.assert_close(got.float(), F.binary_cross_entropy_with_logits(z.float(), y.float()),
                               rtol=1e-2, atol=1e-3)
    mu = _randn(64, torch.float32, "cpu", 15).to(dtype)
    assert gaussian_nll(mu, z, 1.0).dtype == dtype and laplace_nll(mu, z).dtype == dtype
    torch.testing.assert_close(laplace_nll(mu, z).float(), F.l1_loss(mu.float(), z.float()), rtol=1e-2, atol=1e-3)


# --- Categorical -----------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_categorical_nll_matches_torch_and_scipy(dtype, reduction, device):
    z = _randn((10, 7), dtype, device, 16, 3.0)
    k = torch.randint(0, 7, (10,), generator=torch.Generator().manual_seed(17)).to(device)
    got = categorical_nll(z, k, reduction)
    assert got.dtype == dtype
    torch.testing.assert_close(got, F.cross_entropy(z, k, reduction=reduction), **_tol(dtype))
    ref = -special.log_softmax(z.cpu().double().numpy(), axis=1)[np.arange(10), k.cpu().numpy()]
    np.testing.assert_allclose(categorical_nll(z, k, "none").cpu().double().numpy(), ref,
                               rtol=1e-5 if dtype == torch.float32 else 1e-12)
    soft = torch.softmax(_randn((10, 7), dtype, device, 18), dim=1)
    torch.testing.assert_close(categorical_nll(z, soft, reduction), F.cross_entropy(z, soft, reduction=reduction),
                               **_tol(dtype))


def test_categorical_nll_uses_the_one_cross_entropy(monkeypatch):
    calls = []

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return torch.tensor(0.0)

    monkeypatch.setattr(likelihood, "cross_entropy_from_logits", spy)
    categorical_nll(torch.zeros(2, 3), torch.tensor([0, 1]), "sum")
    assert calls == [{"reduction": "sum"}]


def test_categorical_nll_is_stable_at_huge_logits():
    z = torch.tensor([[1e4, -1e4, 0.0], [-1e4, 1e4, 0.0]])
    torch.testing.assert_close(categorical_nll(z, torch.tensor([0, 0]), "none"), torch.tensor([0.0, 2e4]))


# --- Laplace ---------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_laplace_nll_with_unit_scale_is_l1_loss(dtype, reduction, device):
    mu, y = _randn((9, 4), dtype, device, 19), _randn((9, 4), dtype, device, 20, 3.0)
    got = laplace_nll(mu, y, reduction=reduction)
    assert got.dtype == dtype and got.device == mu.device
    torch.testing.assert_close(got, F.l1_loss(mu, y, reduction=reduction), **_tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("scale_kind", ["float", "same", "short"])
def test_laplace_nll_is_minus_scipy_logpdf(dtype, scale_kind):
    mu, y = _randn((9, 4), dtype, "cpu", 21), _randn((9, 4), dtype, "cpu", 22, 3.0)
    b = {"float": 0.6, "same": _rand((9, 4), dtype, "cpu", 23) + 0.2,
         "short": _rand(9, dtype, "cpu", 24) + 0.2}[scale_kind]
    b_np = np.broadcast_to(b.unsqueeze(-1).numpy() if scale_kind == "short" else
                           (b.numpy() if isinstance(b, torch.Tensor) else b), (9, 4))
    ref = -stats.laplace.logpdf(y.double().numpy(), mu.double().numpy(), b_np)
    rtol = 1e-5 if dtype == torch.float32 else 1e-12
    np.testing.assert_allclose(laplace_nll(mu, y, b, full=True, reduction="none").double().numpy(), ref, rtol=rtol)
    np.testing.assert_allclose(laplace_nll(mu, y, b, reduction="none").double().numpy(), ref - math.log(2),
                               rtol=rtol, atol=rtol)


@given(st.lists(st.floats(-100, 100), min_size=1, max_size=21), st.floats(-1, 1))
def test_laplace_mle_of_a_constant_is_a_median(ys, delta):
    y = torch.tensor(ys, dtype=torch.float64)
    best = torch.full_like(y, float(np.median(ys)))
    assert laplace_nll(best, y).item() <= laplace_nll(best + delta, y).item() + 1e-12


# --- the table -------------------------------------------------------------------------------

def test_loss_table_rows_carry_their_functions_and_computed_examples():
    assert [r.impl for r in LOSS_FROM_ASSUMPTION.rows] == [gaussian_nll, bernoulli_nll, categorical_nll, laplace_nll]
    gauss = LOSS_FROM_ASSUMPTION.rows[0].example()
    assert "NLL $0.3750$ = MSE/2, MSE $0.7500$" in gauss
    want = F.binary_cross_entropy_with_logits(torch.tensor([2.0, -1.0, 0.0], dtype=torch.float64),
                                              torch.tensor([1.0, 0.0, 1.0], dtype=torch.float64)).item()
    assert f"NLL ${want:.4f}$" in LOSS_FROM_ASSUMPTION.rows[1].example()
    assert "NLL $0.8333$ = MAE" in LOSS_FROM_ASSUMPTION.rows[3].example()


# --- refusals --------------------------------------------------------------------------------

def _ok(n=3):
    return torch.zeros(n), torch.full((n,), 0.5)


@pytest.mark.parametrize("fn", [gaussian_nll, laplace_nll, bernoulli_nll])
def test_pairs_are_checked(fn):
    extra = (1.0,) if fn is gaussian_nll else ()
    mu, y = _ok()
    with pytest.raises(TypeError, match="input must be a torch.Tensor, got list"):
        fn([0.0], y, *extra)
    with pytest.raises(TypeError, match="target must have a floating dtype"):
        fn(mu, torch.zeros(3, dtype=torch.int64), *extra)
    with pytest.raises(ValueError, match=r"target must have the shape of input \(3,\), got \(4,\)"):
        fn(mu, torch.zeros(4), *extra)
    with pytest.raises(TypeError, match="target must have the dtype of input"):
        fn(mu, y.double(), *extra)
    with pytest.raises(ValueError, match="input must not be empty"):
        fn(torch.zeros(0), torch.zeros(0), *extra)
    with pytest.raises(ValueError, match="reduction must be one of 'mean', 'sum', 'none'; got 'avg'"):
        fn(mu, y, *extra, reduction="avg")


def test_cuda_and_cpu_tensors_are_refused():
    if not torch.cuda.is_available():
        pytest.skip("needs a CUDA device")
    with pytest.raises(ValueError, match="tensors must be on one device"):
        laplace_nll(torch.zeros(2), torch.zeros(2, device="cuda"))


@pytest.mark.parametrize("fn", [gaussian_nll, laplace_nll])
def test_spread_must_be_positive_and_shaped(fn):
    mu, y = torch.zeros(2, 3), torch.ones(2, 3)
    for bad in (0.0, -1.0):
        with pytest.raises(ValueError, match=rf"must be positive and finite, got {bad}"):
            fn(mu, y, bad)
    with pytest.raises(ValueError, match="must be positive and finite, got nan"):
        fn(mu, y, torch.tensor([[1.0], [float("nan")]]))
    with pytest.raises(ValueError, match="must be finite, got inf"):
        fn(mu, y, float("inf"))
    with pytest.raises(ValueError, match=r"got \(4,\)"):
        fn(mu, y, torch.ones(4))
    with pytest.raises(ValueError, match=r"got \(2, 2\)"):
        fn(mu, y, torch.ones(2, 2))
    with pytest.raises(TypeError, match="must be a real number, got str"):
        fn(mu, y, "1")
    with pytest.raises(TypeError, match="full must be a bool, got int 1"):
        fn(mu, y, 1.0, full=1)
    with pytest.raises(ValueError, match="input must be finite, got nan"):
        fn(torch.tensor([float("nan")]), torch.zeros(1), 1.0)
    with pytest.raises(ValueError, match="target must be finite, got inf"):
        fn(torch.zeros(1), torch.tensor([float("inf")]), 1.0)


def test_gaussian_eps_must_be_non_negative():
    with pytest.raises(ValueError, match="eps must be >= 0, got -1e-06"):
        gaussian_nll(torch.zeros(2), torch.zeros(2), 1.0, eps=-1e-6)


def test_bernoulli_refusals():
    y = torch.tensor([0.0, 1.0])
    for bad in (-0.01, 1.01, float("nan")):
        with pytest.raises(ValueError, match=r"input must hold probabilities in \[0, 1\], got"):
            bernoulli_nll(torch.tensor([0.5, bad]), y)
        with pytest.raises(ValueError, match=r"target must hold labels in \[0, 1\], got"):
            bernoulli_nll(torch.tensor([0.5, 0.5]), torch.tensor([0.0, bad]))
    with pytest.raises(ValueError, match=r"got 2.0"):
        bernoulli_nll(torch.tensor([0.0, 0.0]), torch.tensor([1.0, 2.0]), logits=True)
    with pytest.raises(ValueError, match="input logits must not be NaN"):
        bernoulli_nll(torch.tensor([0.0, float("nan")]), y, logits=True)
    with pytest.raises(TypeError, match="logits must be a bool, got str 'yes'"):
        bernoulli_nll(y, y, logits="yes")
    # logits may be any real number, probabilities may not
    assert torch.isfinite(bernoulli_nll(torch.tensor([-5.0, 5.0]), y, logits=True))


def test_categorical_refusals_come_from_cross_entropy():
    with pytest.raises(ValueError, match=r"target class indices must be in \[0, 2\]"):
        categorical_nll(torch.zeros(2, 3), torch.tensor([0, 3]))
    with pytest.raises(ValueError, match="target probabilities must be in"):
        categorical_nll(torch.zeros(1, 2), torch.tensor([[-0.5, 1.5]]))
    with pytest.raises(ValueError, match="target probabilities must be finite"):
        categorical_nll(torch.zeros(1, 2), torch.tensor([[float("nan"), 1.0]]))
    with pytest.raises(ValueError, match="reduction must be one of"):
        categorical_nll(torch.zeros(1, 2), torch.tensor([0]), "avg")
