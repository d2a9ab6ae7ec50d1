"""message_passing, gcn_normalize and gcn_layer against dense NumPy references; attention as message passing."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.graphs import gcn_layer, gcn_normalize, message_passing
from aimath_ref.linalg import attention_scores
from aimath_ref.probability import softmax


def _graph(n, p, seed, dtype=torch.float64, device="cpu", weighted=False):
    g = torch.Generator().manual_seed(seed)
    A = (torch.rand(n, n, generator=g) < p).double()
    A = torch.triu(A, 1)
    A = A + A.T
    if weighted:
        A = A * torch.rand(n, n, generator=g).add(0.5)
    H = torch.randn(n, 5, generator=g, dtype=torch.float64)
    return A.to(device, dtype), H.to(device, dtype)


def _reference(A, H, aggregate):
    A, H = A.cpu().double().numpy(), H.cpu().double().numpy()
    out = np.zeros_like(H)
    for v in range(A.shape[0]):
        nbrs = np.nonzero(A[v])[0]
        if len(nbrs) == 0:
            continue
        msgs = A[v, nbrs, None] * H[nbrs]
        out[v] = {"sum": msgs.sum(0), "mean": msgs.mean(0), "max": msgs.max(0)}[aggregate]
    return out


@pytest.mark.parametrize("aggregate", ["sum", "mean", "max"])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("n,p,weighted", [(6, 0.5, False), (20, 0.2, True), (12, 0.0, False)])
def test_message_passing_matches_loop_reference(aggregate, dtype, n, p, weighted, device):
    A, H = _graph(n, p, seed=n, dtype=dtype, device=device, weighted=weighted)
    got = message_passing(A, H, aggregate)
    assert got.dtype == dtype and got.device == A.device
    tol = 1e-5 if dtype == torch.float32 else 1e-12
    np.testing.assert_allclose(got.cpu().double().numpy(), _reference(A, H, aggregate), rtol=tol, atol=tol)


def test_message_passing_batched_and_half(device):
    A, H = _graph(8, 0.4, seed=1, device=device)
    Hb = torch.stack([H, 2 * H])
    torch.testing.assert_close(message_passing(A, Hb, "mean")[1], 2 * message_passing(A, H, "mean"))
    half = message_passing(A.half(), H.half(), "sum")
    assert half.dtype == torch.float16
    torch.testing.assert_close(half.float(), (A @ H).float(), rtol=2e-3, atol=2e-2)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 12), st.integers(0, 1000))
def test_message_passing_is_permutation_equivariant(n, seed):
    A, H = _graph(n, 0.4, seed)
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    for agg in ("sum", "mean", "max"):
        out = message_passing(A, H, agg)
        torch.testing.assert_close(message_passing(A[perm][:, perm], H[perm], agg), out[perm])


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_self_attention_is_message_passing_on_the_complete_graph(dtype, device):
    g = torch.Generator().manual_seed(0)
    Q, K, V = (torch.randn(2, 7, 8, generator=g, dtype=torch.float64).to(device, dtype) for _ in range(3))
    weights = softmax(attention_scores(Q, K), dim=-1)  # edge weights of the complete graph, rows sum to 1
    got = message_passing(weights, V, "sum")
    want = torch.nn.functional.scaled_dot_product_attention(Q, K, V)
    torch.testing.assert_close(got, want)


def _gcn_reference(A, H, W):
    A, H, W = (x.cpu().double().numpy() for x in (A, H, W))
    At = A + np.eye(len(A))
    d = At.sum(1) ** -0.5
    return np.maximum(d[:, None] * At * d[None, :] @ H @ W, 0.0)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("n", [1, 5, 30])
def test_gcn_layer_matches_dense_formula(dtype, n, device):
    A, H = _graph(n, 0.3, seed=n, dtype=dtype, device=device, weighted=True)
    W = torch.randn(5, 3, generator=torch.Generator().manual_seed(n), dtype=torch.float64).to(device, dtype)
    got = gcn_layer(A, H, W)
    tol = 1e-5 if dtype == torch.float32 else 1e-12
    np.testing.assert_allclose(got.cpu().double().numpy(), _gcn_reference(A, H, W), rtol=tol, atol=tol)
    lin = gcn_layer(A, H, W, activation=None)
    torch.testing.assert_close(gcn_layer(A, H, W, torch.tanh), torch.tanh(lin))


def test_gcn_normalize_spectrum_and_isolated_nodes():
    A, _ = _graph(15, 0.3, seed=2)
    A_hat = gcn_normalize(A)
    eig = torch.linalg.eigvalsh(A_hat)
    assert eig.max() == pytest.approx(1.0, abs=1e-10) and eig.min() > -1.0
    iso = torch.zeros(3, 3, dtype=torch.float64)
    iso[0, 1] = iso[1, 0] = 1.0
    assert gcn_normalize(iso, self_loops=False)[2].tolist() == [0.0, 0.0, 0.0]


def test_gnn_bad_input():
    A, H = _graph(4, 0.5, seed=0)
    with pytest.raises(ValueError, match="aggregate must be one of 'sum', 'mean', 'max'; got 'min'"):
        message_passing(A, H, "min")
    with pytest.raises(ValueError, match=r"H must have one row per node of A \(4\), got shape \(3, 5\)"):
        message_passing(A, H[:3])
    with pytest.raises(ValueError, match=r"A must be square in its last two dimensions, got shape \(4, 3\)"):
        message_passing(A[:, :3], H)
    with pytest.raises(TypeError, match="tensors must share one dtype"):
        message_passing(A.float(), H)
    with pytest.raises(TypeError, match="A must have a floating dtype"):
        message_passing(A.long(), H)
    with pytest.raises(ValueError, match="A must be finite"):
        message_passing(A * float("nan"), H)
    with pytest.raises(ValueError, match="batch dimensions of A and H must broadcast"):
        message_passing(A.expand(2, 4, 4), H.expand(3, 4, 5))
    with pytest.raises(ValueError, match=r"W must have one row per feature of H \(5\), got shape \(4, 2\)"):
        gcn_layer(A, H, torch.zeros(4, 2, dtype=torch.float64))
    with pytest.raises(TypeError, match="activation must be callable or None, got 'relu'"):
        gcn_layer(A, H, torch.zeros(5, 2, dtype=torch.float64), activation="relu")
    with pytest.raises(ValueError, match="A must be nonnegative, got a minimum entry of -1.0"):
        gcn_normalize(-A)
    with pytest.raises(TypeError, match="self_loops must be a bool, got 1"):
        gcn_normalize(A, self_loops=1)
    with pytest.raises(ValueError, match="H must not be empty"):
        message_passing(A, torch.zeros(4, 0, dtype=torch.float64))
