"""info_nce against cross-entropy on the similarity matrix; the log N - loss <= I bound on Gaussian pairs."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from aimath_ref.information import gaussian_critic_embeddings, gaussian_mutual_information, info_nce

DTYPES = [torch.float32, torch.float64]


def _views(n, d, seed, dtype):
    g = torch.Generator().manual_seed(seed)
    a = torch.randn(n, d, generator=g, dtype=torch.float64)
    b = a + 0.5 * torch.randn(n, d, generator=g, dtype=torch.float64)
    return a.to(dtype), b.to(dtype)


def _tol(dtype):
    eps = torch.finfo(dtype).eps
    return dict(rtol=256 * eps, atol=256 * eps)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("tau", [0.07, 0.5, 1.0])
def test_matches_torch_cross_entropy_on_cosine_scores(device, dtype, tau):
    a, b = (t.to(device) for t in _views(16, 8, 0, dtype))
    S = F.cosine_similarity(a[:, None, :], b[None, :, :], dim=-1) / tau  # (N, N)
    labels = torch.arange(16, device=device)
    torch.testing.assert_close(info_nce(a, b, temperature=tau), F.cross_entropy(S, labels), **_tol(dtype))
    sym = (F.cross_entropy(S, labels) + F.cross_entropy(S.T, labels)) / 2  # CLIP's loss
    torch.testing.assert_close(info_nce(a, b, temperature=tau, symmetric=True), sym, **_tol(dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_dot_similarity_matches_direct_formula(device, dtype):
    a, b = (t.to(device) for t in _views(10, 4, 1, dtype))
    s = (a @ b.T) / 0.3
    want = -(s.diagonal() - torch.logsumexp(s, dim=1)).mean()  # -(1/N) Σ log softmax_ii
    torch.testing.assert_close(info_nce(a, b, temperature=0.3, similarity="dot"), want, **_tol(dtype))


@pytest.mark.parametrize("similarity", ["cosine", "dot"])
@pytest.mark.parametrize("symmetric", [False, True])
def test_batches_are_the_mean_of_single_batches(device, similarity, symmetric):
    a, b = (t.to(device) for t in _views(24, 5, 5, torch.float64))
    A, B = a.reshape(3, 8, 5), b.reshape(3, 8, 5)
    each = [info_nce(A[i], B[i], temperature=0.2, similarity=similarity, symmetric=symmetric) for i in range(3)]
    torch.testing.assert_close(info_nce(A, B, temperature=0.2, similarity=similarity, symmetric=symmetric),
                               torch.stack(each).mean())


def test_half_precision_and_extremes():
    a, b = _views(8, 4, 2, torch.float32)
    for dtype in (torch.float16, torch.bfloat16):
        got = info_nce(a.to(dtype), b.to(dtype), temperature=0.1)
        assert got.dtype == dtype
        want = info_nce(a.to(dtype).float(), b.to(dtype).float(), temperature=0.1)
        assert got.float().item() == pytest.approx(want.item(), rel=4 * torch.finfo(dtype).eps)
    big = info_nce(a * 1e4, b * 1e4, temperature=1e-4, similarity="cosine")
    assert math.isfinite(big.item())


def test_bounds_of_the_loss():
    z = torch.randn(32, 5, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    assert info_nce(z, torch.ones(32, 5, dtype=torch.float64)).item() == pytest.approx(math.log(32))
    assert info_nce(torch.eye(6), torch.eye(6), temperature=0.01).item() < 1e-6
    assert info_nce(z[:1], z[:1]).item() == 0.0  # one pair: nothing to tell apart


@pytest.mark.parametrize("rho, n", [(0.5, 64), (0.9, 64), (0.99, 16)])
def test_log_n_minus_loss_is_below_mi_and_log_n(rho, n):
    dim = 4
    mi = gaussian_mutual_information(rho, dim=dim, base=math.e)
    a, b = gaussian_critic_embeddings(20 * n, dim, rho, seed=0)  # 20 batches of N pairs
    loss = info_nce(a.reshape(20, n, dim + 1), b.reshape(20, n, dim + 1), temperature=1.0, similarity="dot")
    bound = math.log(n) - loss.item()
    assert bound <= min(mi, math.log(n)) + 0.05
    if mi < 0.5 * math.log(n):
        assert bound > 0.8 * mi  # the optimal critic makes the bound nearly tight when log N >> I


def test_gaussian_critic_embeddings_are_the_log_density_ratio():
    rho, d = 0.6, 3
    a, b = gaussian_critic_embeddings(5, d, rho, seed=1)
    x = a[:, :d] * (1 - rho ** 2) / rho
    y = b[:, :d]
    # log p(y|x) - log p(y), minus the terms that depend on x alone
    c = 1 - rho ** 2
    logratio = (-((y[None] - rho * x[:, None]) ** 2).sum(-1) / (2 * c) + (y[None] ** 2).sum(-1) / 2)
    shift = -(rho ** 2) * (x ** 2).sum(-1, keepdim=True) / (2 * c)
    torch.testing.assert_close(a @ b.T, logratio - shift)
    assert torch.corrcoef(torch.stack([x.flatten(), y.flatten()])).shape == (2, 2)
    a2, _ = gaussian_critic_embeddings(5, d, rho, seed=1, dtype=torch.float32)
    assert a2.dtype == torch.float32


@pytest.mark.parametrize("call, error, words", [
    (lambda: info_nce(torch.zeros(3, 2), torch.zeros(4, 2)), ValueError, "z_a and z_b must have the same shape, got (3, 2) and (4, 2)"),
    (lambda: info_nce(torch.zeros(3), torch.zeros(3)), ValueError, "z_a must have at least 2 dimension(s), got shape (3,)"),
    (lambda: info_nce(torch.zeros(1, 2, 3, 2), torch.zeros(1, 2, 3, 2)), ValueError, "z_a must have shape (N, d) or (B, N, d), got (1, 2, 3, 2)"),
    (lambda: info_nce(torch.zeros(3, 2), torch.zeros(3, 2, dtype=torch.float64)), TypeError, "same dtype"),
    (lambda: info_nce(torch.zeros(3, 2), torch.zeros(3, 2), temperature=0), ValueError, "temperature must be > 0, got 0"),
    (lambda: info_nce(torch.zeros(3, 2), torch.zeros(3, 2), similarity="l2"), ValueError, "similarity must be one of 'cosine', 'dot'; got 'l2'"),
    (lambda: info_nce(torch.zeros(3, 2), torch.zeros(3, 2), symmetric=1), TypeError, "symmetric must be a bool, got int 1"),
    (lambda: info_nce(torch.zeros(0, 2), torch.zeros(0, 2)), ValueError, "z_a must not be empty"),
    (lambda: info_nce([[1.0]], torch.zeros(1, 1)), TypeError, "z_a must be a torch.Tensor"),
    (lambda: gaussian_critic_embeddings(0, 2, 0.5, seed=0), ValueError, "n must be >= 1, got 0"),
    (lambda: gaussian_critic_embeddings(4, 2, 1.0, seed=0), ValueError, "rho must be in (-1.0, 1.0), got 1.0"),
    (lambda: gaussian_critic_embeddings(4, 2, 0.5, seed=0.5), TypeError, "seed must be an int"),
    (lambda: gaussian_critic_embeddings(4, 2, 0.5, seed=0, dtype=torch.int64), TypeError, "dtype must be a floating torch dtype"),
])
def test_bad_input(call, error, words):
    with pytest.raises(error) as err:
        call()
    assert words in str(err.value)
