"""linear_attention against its quadratic form; knn_bruteforce against scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn.neighbors import NearestNeighbors

from aimath_ref.complexity import knn_bruteforce, linear_attention


def _qkv(shape_q, shape_kv, dv, dtype, device, seed=0):
    g = torch.Generator().manual_seed(seed)
    Q = torch.randn(*shape_q, generator=g, dtype=torch.float64)
    K = torch.randn(*shape_kv, generator=g, dtype=torch.float64)
    V = torch.randn(*shape_kv[:-1], dv, generator=g, dtype=torch.float64)
    return (x.to(device, dtype) for x in (Q, K, V))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("shape_q,shape_kv", [((5, 4), (7, 4)), ((2, 3, 6, 8), (2, 3, 9, 8))])
def test_linear_attention_equals_its_quadratic_form(dtype, shape_q, shape_kv, device):
    Q, K, V = _qkv(shape_q, shape_kv, 3, dtype, device)
    got = linear_attention(Q, K, V)
    q, k, v = (x.cpu().double().numpy() for x in (Q, K, V))
    phi = lambda x: np.where(x > 0, x + 1.0, np.exp(x))
    S = phi(q) @ np.swapaxes(phi(k), -1, -2)  # (..., L, S): the weights, never formed by the function
    want = (S / S.sum(-1, keepdims=True)) @ v
    tol = 1e-5 if dtype == torch.float32 else 1e-12
    np.testing.assert_allclose(got.cpu().double().numpy(), want, rtol=tol, atol=tol)
    assert got.dtype == dtype


def test_linear_attention_custom_feature_map_and_half():
    Q, K, V = _qkv((4, 3), (6, 3), 2, torch.float64, "cpu")
    got = linear_attention(Q, K, V, feature_map=torch.exp)  # exp(q)·exp(k) weights
    S = torch.exp(Q) @ torch.exp(K).T
    torch.testing.assert_close(got, (S / S.sum(-1, keepdim=True)) @ V)
    assert linear_attention(Q.half(), K.half(), V.half()).dtype == torch.float16


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("n,d,k", [(50, 3, 1), (300, 16, 10), (40, 8, 40)])
def test_knn_matches_scikit_learn(dtype, n, d, k, device):
    g = torch.Generator().manual_seed(n)
    db = torch.randn(n, d, generator=g, dtype=torch.float64)
    qs = torch.randn(7, d, generator=g, dtype=torch.float64)
    dist, idx = knn_bruteforce(qs.to(device, dtype), db.to(device, dtype), k)
    ref_d, ref_i = NearestNeighbors(n_neighbors=k, algorithm="brute").fit(db.numpy()).kneighbors(qs.numpy())
    np.testing.assert_array_equal(idx.cpu().numpy(), ref_i)
    np.testing.assert_allclose(dist.cpu().double().numpy(), ref_d, rtol=1e-4 if dtype == torch.float32 else 1e-10,
                               atol=1e-4 if dtype == torch.float32 else 1e-10)


def test_bad_input():
    x = torch.zeros(4, 3)
    with pytest.raises(ValueError, match="Q and K must have the same last size d"):
        linear_attention(x, torch.zeros(4, 2), torch.zeros(4, 2))
    with pytest.raises(ValueError, match="K and V must have the same number of positions S"):
        linear_attention(x, x, torch.zeros(5, 2))
    with pytest.raises(TypeError, match="feature_map must be callable or None, got 'elu'"):
        linear_attention(x, x, x, feature_map="elu")
    with pytest.raises(ValueError, match="Q must have at least 2 dimension"):
        linear_attention(torch.zeros(3), x, x)
    with pytest.raises(ValueError, match="batch dimensions of Q, K and V must broadcast"):
        linear_attention(torch.zeros(2, 4, 3), torch.zeros(3, 4, 3), torch.zeros(3, 4, 3))
    with pytest.raises(ValueError, match="k must be <= 4, got 5"):
        knn_bruteforce(x, x, 5)
    with pytest.raises(ValueError, match="k must be >= 1, got 0"):
        knn_bruteforce(x, x, 0)
    with pytest.raises(ValueError, match="queries and database must have the same dimension d"):
        knn_bruteforce(torch.zeros(2, 2), x, 1)
    with pytest.raises(TypeError, match="tensors must share one dtype"):
        knn_bruteforce(x.double(), x, 1)
    with pytest.raises(ValueError, match="database must not be empty"):
        knn_bruteforce(x, torch.zeros(0, 3), 1)
