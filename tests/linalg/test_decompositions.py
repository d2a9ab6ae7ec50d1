"""aimath_ref.linalg.decompositions against torch.linalg, NumPy and SciPy."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.linalg
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.linalg import (eigen_reconstruct, eigen_residual, frobenius_norm, low_rank_approx, low_rank_error,
                               power_iteration, spectral_decomposition)

DTYPES = [torch.float32, torch.float64]


def _randn(*shape, seed, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=dtype).to(device)


def _sym(n, seed, dtype=torch.float64, device="cpu", batch=()):
    M = _randn(*batch, n, n, seed=seed, dtype=dtype, device=device)
    return (M + M.mT) / 2


@pytest.mark.parametrize("dtype", DTYPES)
def test_spectral_decomposition_matches_scipy(dtype, device):
    A = _sym(5, seed=1, dtype=dtype, device=device)
    L, Q = spectral_decomposition(A)
    assert L.dtype == dtype and Q.shape == (5, 5)
    expected = scipy.linalg.eigh(A.cpu().double().numpy(), eigvals_only=True)[::-1].copy()
    np.testing.assert_allclose(L.cpu().double().numpy(), expected, rtol=1e-4, atol=1e-5)
    eye = torch.eye(5, dtype=dtype, device=device)
    torch.testing.assert_close(Q.mT @ Q, eye)  # orthonormal
    torch.testing.assert_close(Q @ torch.diag(L) @ Q.mT, A)  # A = Q Lambda Q^T
    assert (L[:-1] >= L[1:]).all()  # descending


def test_spectral_decomposition_batched_and_residual():
    A = _sym(4, seed=2, batch=(3,))
    L, Q = spectral_decomposition(A)
    for i in range(4):  # every column is an eigenvector: A v = lambda v
        r = eigen_residual(A, Q[..., :, i], L[..., i])
        assert r.shape == (3,) and (r < 1e-10).all()


def test_spectral_decomposition_rejects_bad_input():
    with pytest.raises(ValueError, match="A must be symmetric"):
        spectral_decomposition(torch.tensor([[1.0, 2.0], [0.0, 1.0]]))
    with pytest.raises(ValueError, match=r"A must be square.*\(2, 3\)"):
        spectral_decomposition(torch.ones(2, 3))
    with pytest.raises(ValueError, match="atol must be >= 0, got -1"):
        spectral_decomposition(torch.eye(2), atol=-1)
    with pytest.raises(TypeError, match="A must have a floating dtype"):
        spectral_decomposition(torch.eye(2, dtype=torch.int64))


def test_eigen_residual_matches_numpy_eig_and_rejects_bad_input():
    A = _randn(4, 4, seed=3)
    A = A @ A.T + torch.eye(4, dtype=torch.float64)  # real eigenvalues
    w, V = np.linalg.eig(A.numpy())
    for i in range(4):
        r = eigen_residual(A, torch.from_numpy(V[:, i].real), float(w[i].real))
        assert r.item() < 1e-10
    assert eigen_residual(A, torch.from_numpy(V[:, 0].real), float(w[0].real) + 1).item() > 0.5
    with pytest.raises(ValueError, match=r"v must have 4 entries.*\(3,\)"):
        eigen_residual(A, torch.ones(3, dtype=torch.float64), 1.0)
    with pytest.raises(TypeError, match="lam must be a real number"):
        eigen_residual(A, torch.ones(4, dtype=torch.float64), "1")


@pytest.mark.parametrize("dtype", [torch.float64, torch.complex128])
def test_eigen_reconstruct_roundtrip(dtype, device):
    A = _randn(2, 5, 5, seed=4, device=device)  # generic: diagonalisable, complex eigenvalues
    L, Q = torch.linalg.eig(A)
    if dtype == torch.float64:  # a symmetric matrix has a real decomposition
        A = (A + A.mT) / 2
        L, Q = torch.linalg.eigh(A)
    out = eigen_reconstruct(L, Q)
    torch.testing.assert_close(out.real if out.is_complex() else out, A)
    expected = Q @ torch.diag_embed(L) @ torch.linalg.inv(Q)
    torch.testing.assert_close(out, expected)


def test_eigen_reconstruct_rejects_bad_input():
    with pytest.raises(ValueError, match="eigenvalues must have shape"):
        eigen_reconstruct(torch.ones(3), torch.eye(2))
    with pytest.raises(ValueError, match="Q must be invertible"):
        eigen_reconstruct(torch.ones(2), torch.ones(2, 2))
    with pytest.raises(TypeError, match="Q must be float32/float64 or complex"):
        eigen_reconstruct(torch.ones(2), torch.eye(2, dtype=torch.float16))


@pytest.mark.parametrize("dtype", DTYPES)
def test_power_iteration_finds_dominant_eigenpair(dtype, device):
    Q, _ = torch.linalg.qr(_randn(6, 6, seed=5))
    eig = torch.tensor([5.0, 2.0, 1.0, 0.5, -0.5, 0.1], dtype=torch.float64)
    A = (Q @ torch.diag(eig) @ Q.T).to(dtype=dtype, device=device)
    lam, v = power_iteration(A)
    assert math.isclose(lam.item(), 5.0, rel_tol=1e-4)
    top = Q[:, 0].to(dtype=dtype, device=device)
    assert abs(abs(torch.dot(v, top).item()) - 1) < 1e-4
    assert v.abs().argmax() == v.argmax()  # sign convention: largest entry positive


def test_power_iteration_batched_and_rejects_bad_input():
    A = _sym(4, seed=6, batch=(2,))
    A = A @ A.mT  # PSD, so the dominant eigenvalue is the largest
    lam, _ = power_iteration(A, num_iters=2000)
    torch.testing.assert_close(lam, torch.linalg.eigvalsh(A)[..., -1])
    with pytest.raises(ValueError, match="num_iters must be >= 1, got 0"):
        power_iteration(A, num_iters=0)
    with pytest.raises(TypeError, match="seed must be an int"):
        power_iteration(A, seed=1.5)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(6, 4), (4, 6), (3, 5, 5)])
def test_low_rank_approx_matches_numpy_svd(shape, dtype, device):
    A = _randn(*shape, seed=7, dtype=dtype, device=device)
    for k in range(min(shape[-2:]) + 1):
        Ak = low_rank_approx(A, k)
        assert Ak.shape == A.shape and Ak.dtype == dtype
        U, S, Vh = np.linalg.svd(A.cpu().double().numpy(), full_matrices=False)
        expected = (U[..., :, :k] * S[..., None, :k]) @ Vh[..., :k, :]
        np.testing.assert_allclose(Ak.cpu().double().numpy(), expected, rtol=1e-4, atol=1e-4)
        assert (torch.linalg.matrix_rank(Ak) <= k).all()  # tolerance set by Ak's own dtype


@pytest.mark.parametrize("dtype", DTYPES)
def test_eckart_young_error(dtype, device):
    A = _randn(2, 8, 5, seed=8, dtype=dtype, device=device)
    S = torch.linalg.svdvals(A)
    for k in range(6):
        err = frobenius_norm(A - low_rank_approx(A, k))
        torch.testing.assert_close(err, S[..., k:].square().sum(-1).sqrt())
        torch.testing.assert_close(low_rank_error(A, k), err)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 6), st.integers(2, 6), st.integers(0, 2**16))
def test_low_rank_beats_random_rank_k_matrices(m, n, seed):
    # Eckart-Young: no rank-k matrix is closer than A_k (checked against random rank-k ones)
    A = _randn(m, n, seed=seed)
    k = 1
    best = frobenius_norm(A - low_rank_approx(A, k)).item()
    for s in range(5):
        B = torch.outer(_randn(m, seed=seed + 10 + s), _randn(n, seed=seed + 20 + s))
        assert frobenius_norm(A - B).item() >= best - 1e-12
    torch.testing.assert_close(low_rank_approx(A, min(m, n)), A)  # full rank keeps A


def test_low_rank_half_precision_and_bad_input():
    A = _randn(6, 4, seed=9, dtype=torch.bfloat16)
    out = low_rank_approx(A, 2)
    assert out.dtype == torch.bfloat16
    torch.testing.assert_close(out.float(), low_rank_approx(A.float(), 2), atol=2e-2, rtol=2e-2)
    with pytest.raises(ValueError, match="k must be <= 4, got 5"):
        low_rank_approx(A, 5)
    with pytest.raises(ValueError, match="k must be >= 0, got -1"):
        low_rank_error(A, -1)
    with pytest.raises(TypeError, match="k must be an int"):
        low_rank_approx(A, 1.0)
    with pytest.raises(ValueError, match="A must have at least 2"):
        low_rank_approx(torch.ones(3), 1)


def test_eigen_residual_batch_mismatches_are_named():
    A = torch.eye(3).expand(2, 3, 3)
    with pytest.raises(ValueError, match=r"batch dimensions of A, v and lam must broadcast, got shapes \(2, 3, 3\), \(3, 3\) and \(\)"):
        eigen_residual(A, torch.ones(3, 3), 1.0)
    with pytest.raises(ValueError, match=r"got shapes \(2, 3, 3\), \(2, 3\) and \(3,\)"):
        eigen_residual(A, torch.ones(2, 3), torch.ones(3))
    # broadcasting that is valid still works: one v and one lambda per batch entry
    got = eigen_residual(A, torch.ones(2, 3), torch.tensor([1.0, 2.0]))
    torch.testing.assert_close(got, torch.tensor([0.0, 3.0 ** 0.5]))


@pytest.mark.parametrize("call", [
    lambda A: spectral_decomposition(A),
    lambda A: power_iteration(A),
    lambda A: low_rank_approx(A, 1),
    lambda A: low_rank_error(A, 1),
], ids=["spectral_decomposition", "power_iteration", "low_rank_approx", "low_rank_error"])
@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_decompositions_refuse_non_finite_matrices(call, bad):
    # eigh returned a made-up eigenvector for NaN, and the SVD leaked torch's LinAlgError
    A = torch.tensor([[1.0, bad], [bad, 2.0]])
    with pytest.raises(ValueError, match=rf"A must not contain NaN or infinite entries, got {bad} at index \(0, 1\)"):
        call(A)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_low_rank_both_endpoints_of_k_against_numpy(dtype):
    A = _randn(4, 3, seed=21, dtype=dtype)
    An = A.double().numpy()
    tol = dict(rtol=1e-5, atol=1e-5) if dtype == torch.float32 else dict(rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(low_rank_approx(A, 0).double().numpy(), np.zeros((4, 3)))  # k = 0: nothing kept
    np.testing.assert_allclose(low_rank_error(A, 0).item(), np.linalg.norm(An), **tol)  # the whole ||A||_F
    np.testing.assert_allclose(low_rank_approx(A, 3).double().numpy(), An, **tol)  # k = min(m, n): A itself
    assert low_rank_error(A, 3).item() == pytest.approx(0.0, abs=tol["atol"])
    with pytest.raises(ValueError, match=r"k must be <= 3, got 4"):
        low_rank_approx(A, 4)
    with pytest.raises(ValueError, match=r"k must be >= 0, got -1"):
        low_rank_error(A, -1)


def test_power_iteration_single_step_and_iteration_limits():
    A = torch.diag(torch.tensor([3.0, 1.0], dtype=torch.float64))
    lam, v = power_iteration(A, num_iters=1)  # the endpoint num_iters = 1 runs and returns a unit vector
    assert v.norm().item() == pytest.approx(1.0) and lam.item() <= 3.0
    with pytest.raises(ValueError, match=r"num_iters must be >= 1, got 0"):
        power_iteration(A, num_iters=0)
    with pytest.raises(ValueError, match=r"seed must be >= 0, got -1"):
        power_iteration(A, seed=-1)
