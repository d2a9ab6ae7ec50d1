"""aimath_ref.linalg.products against torch and NumPy."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.linalg import OPERATIONS, dot, hadamard, linear, matmul_by_definition, outer, transpose

DTYPES = [torch.float32, torch.float64]


def _randn(*shape, seed, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=dtype).to(device)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(1, 1, 1), (3, 4, 2), (5, 7, 6)])
def test_matmul_by_definition_matches_matmul_and_numpy(shape, dtype, device):
    m, n, p = shape
    A, B = _randn(m, n, seed=1, dtype=dtype, device=device), _randn(n, p, seed=2, dtype=dtype, device=device)
    C = matmul_by_definition(A, B)
    assert C.shape == (m, p) and C.dtype == dtype and C.device == A.device
    torch.testing.assert_close(C, A @ B)
    np.testing.assert_allclose(C.cpu().numpy(), A.cpu().numpy() @ B.cpu().numpy(), rtol=1e-5, atol=1e-5)


def test_matmul_by_definition_half_precision():
    A, B = _randn(4, 8, seed=3, dtype=torch.float16), _randn(8, 3, seed=4, dtype=torch.float16)
    C = matmul_by_definition(A, B)
    assert C.dtype == torch.float16
    torch.testing.assert_close(C.float(), A.float() @ B.float(), rtol=1e-2, atol=1e-2)


def test_matmul_by_definition_rejects_bad_input():
    with pytest.raises(ValueError, match=r"\(2, 3\).*\(4, 2\)"):
        matmul_by_definition(torch.ones(2, 3), torch.ones(4, 2))
    with pytest.raises(ValueError, match="A must have 2"):
        matmul_by_definition(torch.ones(3), torch.ones(3, 2))
    with pytest.raises(TypeError, match="B must have a floating dtype"):
        matmul_by_definition(torch.ones(2, 2), torch.ones(2, 2, dtype=torch.int64))
    with pytest.raises(TypeError, match="A must be a torch.Tensor"):
        matmul_by_definition([[1.0]], torch.ones(1, 1))
    with pytest.raises(TypeError, match="dtype"):
        matmul_by_definition(torch.ones(2, 2), torch.ones(2, 2, dtype=torch.float64))
    with pytest.raises(ValueError, match="A must not be empty"):
        matmul_by_definition(torch.ones(0, 2), torch.ones(2, 2))


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4), st.integers(0, 2**16))
def test_matmul_transpose_law(m, n, p, seed):
    # (AB)^T = B^T A^T
    A, B = _randn(m, n, seed=seed), _randn(n, p, seed=seed + 1)
    torch.testing.assert_close(transpose(matmul_by_definition(A, B)),
                               matmul_by_definition(transpose(B), transpose(A)))


@pytest.mark.parametrize("dtype", DTYPES)
def test_dot_matches_torch(dtype, device):
    u, v = _randn(7, seed=5, dtype=dtype, device=device), _randn(7, seed=6, dtype=dtype, device=device)
    torch.testing.assert_close(dot(u, v), torch.dot(u, v))
    U, V = _randn(3, 5, 7, seed=7, dtype=dtype, device=device), _randn(5, 7, seed=8, dtype=dtype, device=device)
    torch.testing.assert_close(dot(U, V), torch.linalg.vecdot(U, V))
    torch.testing.assert_close(dot(U, U.transpose(1, 2).transpose(1, 2), dim=1), (U * U).sum(1))


def test_dot_rejects_bad_input():
    with pytest.raises(ValueError, match="same size along dim=-1"):
        dot(torch.ones(3), torch.ones(4))
    with pytest.raises(ValueError, match="dim must be in"):
        dot(torch.ones(3), torch.ones(3), dim=2)
    with pytest.raises(ValueError, match="u must have at least 1"):
        dot(torch.tensor(1.0), torch.ones(3))
    with pytest.raises(ValueError, match="broadcast"):
        dot(torch.ones(2, 3), torch.ones(4, 3))


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 8), st.integers(0, 2**16))
def test_dot_cauchy_schwarz(n, seed):
    u, v = _randn(n, seed=seed), _randn(n, seed=seed + 7)
    assert dot(u, v).abs() <= torch.linalg.vector_norm(u) * torch.linalg.vector_norm(v) * (1 + 1e-12)
    torch.testing.assert_close(dot(u, v), dot(v, u))


@pytest.mark.parametrize("dtype", DTYPES + [torch.bfloat16])
def test_hadamard_and_outer_match_torch(dtype, device):
    A, B = _randn(3, 4, seed=9, dtype=dtype, device=device), _randn(3, 4, seed=10, dtype=dtype, device=device)
    torch.testing.assert_close(hadamard(A, B), torch.mul(A, B))
    u, v = _randn(3, seed=11, dtype=dtype, device=device), _randn(5, seed=12, dtype=dtype, device=device)
    torch.testing.assert_close(outer(u, v), torch.outer(u, v))
    U, V = _randn(2, 3, seed=13, dtype=dtype, device=device), _randn(2, 5, seed=14, dtype=dtype, device=device)
    expected = torch.einsum("bi,bj->bij", U, V)
    torch.testing.assert_close(outer(U, V), expected)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.integers(0, 2**16))
def test_outer_has_rank_one(m, n, seed):
    u, v = _randn(m, seed=seed), _randn(n, seed=seed + 3)
    assert torch.linalg.matrix_rank(outer(u, v)).item() == 1


def test_hadamard_outer_transpose_reject_bad_input():
    with pytest.raises(ValueError, match=r"same shape.*\(2, 3\) and \(3, 2\)"):
        hadamard(torch.ones(2, 3), torch.ones(3, 2))
    with pytest.raises(TypeError, match="A must have a floating dtype"):
        hadamard(torch.ones(2, dtype=torch.int32), torch.ones(2))
    with pytest.raises(ValueError, match="u must have at least 1"):
        outer(torch.tensor(2.0), torch.ones(2))
    with pytest.raises(ValueError, match="leading dimensions"):
        outer(torch.ones(2, 3), torch.ones(4, 3))
    with pytest.raises(ValueError, match="A must have at least 2"):
        transpose(torch.ones(3))
    with pytest.raises(TypeError, match="A must be a torch.Tensor"):
        transpose(np.ones((2, 2)))


def test_transpose_matches_numpy():
    A = _randn(2, 3, 4, seed=15)
    np.testing.assert_array_equal(transpose(A).numpy(), np.swapaxes(A.numpy(), -1, -2))


@pytest.mark.parametrize("dtype", DTYPES)
def test_linear_matches_functional_linear(dtype, device):
    W, b = _randn(4, 3, seed=16, dtype=dtype, device=device), _randn(4, seed=17, dtype=dtype, device=device)
    X = _randn(2, 5, 3, seed=18, dtype=dtype, device=device)
    torch.testing.assert_close(linear(X, W, b), torch.nn.functional.linear(X, W, b))
    torch.testing.assert_close(linear(X, W), torch.nn.functional.linear(X, W))
    x = X[0, 0]  # one input as a column: y = W x + b
    torch.testing.assert_close(linear(x, W, b), (W @ x.unsqueeze(-1) + b.unsqueeze(-1)).squeeze(-1))


def test_linear_rejects_bad_input():
    with pytest.raises(ValueError, match=r"x has shape \(5,\) but W has shape \(4, 3\)"):
        linear(torch.ones(5), torch.ones(4, 3))
    with pytest.raises(ValueError, match=r"b has shape \(3,\)"):
        linear(torch.ones(3), torch.ones(4, 3), torch.ones(3))
    with pytest.raises(ValueError, match="W must have 2"):
        linear(torch.ones(3), torch.ones(3))


def test_operations_table_rows_carry_implementations():
    impls = [row.impl for row in OPERATIONS.rows]
    assert impls == [matmul_by_definition, transpose, hadamard, outer]
    assert OPERATIONS.columns == ("Operation", "Notation", "Where in AI")
    text = OPERATIONS.to_markdown()
    assert "[[2, 1], [4, 3]]" in text  # A @ B for the table's A and B, computed at render time
    assert "added" in text  # attention masks are additive (errata E2)


@pytest.mark.parametrize("zero", ["u", "v"])
def test_outer_with_a_zero_vector_has_rank_zero(zero):
    u, v = _randn(4, seed=1), _randn(3, seed=2)
    if zero == "u":
        u = torch.zeros_like(u)
    else:
        v = torch.zeros_like(v)
    P = outer(u, v)
    assert torch.equal(P, torch.outer(u, v)) and torch.linalg.matrix_rank(P).item() == 0  # rank <= 1, here 0


def test_dot_and_hadamard_in_both_argument_orders():
    u, v = _randn(3, 5, seed=3), _randn(3, 5, seed=4)
    torch.testing.assert_close(dot(u, v), dot(v, u))
    torch.testing.assert_close(dot(u, v), (u * v).sum(-1))
    torch.testing.assert_close(hadamard(v, u), torch.mul(u, v))
    with pytest.raises(ValueError, match=r"same shape.*\(3, 2\) and \(2, 3\)"):
        hadamard(torch.ones(3, 2), torch.ones(2, 3))  # the mismatch in the other order
    with pytest.raises(TypeError, match="B must have a floating dtype"):
        hadamard(torch.ones(2), torch.ones(2, dtype=torch.int32))  # the second argument's dtype


def test_second_argument_refusals_name_the_second_argument():
    with pytest.raises(TypeError, match="B must be a torch.Tensor, got list"):
        matmul_by_definition(torch.ones(1, 1), [[1.0]])
    with pytest.raises(ValueError, match="B must not be empty"):
        matmul_by_definition(torch.ones(2, 2), torch.ones(2, 0))
    with pytest.raises(TypeError, match="W must be a torch.Tensor, got list"):
        linear(torch.ones(3), [[1.0, 2.0, 3.0]])
    with pytest.raises(TypeError, match="b must be a torch.Tensor, got list"):
        linear(torch.ones(3), torch.ones(4, 3), [0.0] * 4)
    with pytest.raises(TypeError, match="v must be a torch.Tensor, got tuple"):
        dot(torch.ones(3), (1.0, 2.0, 3.0))
    with pytest.raises(ValueError, match="v must have at least 1"):
        outer(torch.ones(2), torch.tensor(2.0))
