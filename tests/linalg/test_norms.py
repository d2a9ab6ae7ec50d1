"""aimath_ref.linalg.norms against torch.linalg, plus the laws every norm obeys."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from aimath_ref.linalg import frobenius_norm, l1_norm, l2_norm, linf_norm, norm

VECTOR_NORMS = [(l1_norm, 1), (l2_norm, 2), (linf_norm, math.inf)]
SHAPES_DIMS = [((7,), None), ((7,), 0), ((3, 5), -1), ((3, 5), 0), ((2, 3, 4), (0, 2)), ((2, 3, 4), None), ((4, 1, 6), (-1, -2))]


def _random(shape: tuple[int, ...], dtype: torch.dtype, device: torch.device, seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(shape, generator=g, dtype=torch.float64).mul(3).to(device=device, dtype=dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("shape,dim", SHAPES_DIMS)
@pytest.mark.parametrize("fn,ord", VECTOR_NORMS, ids=["l1", "l2", "linf"])
def test_vector_norms_match_torch(fn, ord, shape, dim, dtype, device):
    x = _random(shape, dtype, device)
    for keepdim in ([False, True] if dim is not None else [False]):
        got = fn(x, dim=dim, keepdim=keepdim)
        want = torch.linalg.vector_norm(x, ord=ord, dim=dim, keepdim=keepdim)
        assert got.dtype == dtype and got.device == x.device
        torch.testing.assert_close(got, want)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("shape", [(3, 4), (5, 2, 3), (2, 2, 6, 1)])
def test_frobenius_matches_torch_and_numpy(shape, dtype, device):
    A = _random(shape, dtype, device, seed=1)
    got = frobenius_norm(A)
    torch.testing.assert_close(got, torch.linalg.matrix_norm(A, "fro"))
    want_np = np.linalg.norm(A.cpu().double().numpy(), ord="fro", axis=(-2, -1))
    np.testing.assert_allclose(got.cpu().double().numpy(), want_np, rtol=1e-5 if dtype == torch.float32 else 1e-12)


def test_frobenius_equals_root_sum_of_squared_singular_values():
    A = _random((6, 4), torch.float64, torch.device("cpu"), seed=2)
    sigma = torch.linalg.svdvals(A)
    torch.testing.assert_close(frobenius_norm(A), sigma.pow(2).sum().sqrt())


def test_norm_entry_point_dispatches():
    x = _random((3, 4), torch.float64, torch.device("cpu"))
    torch.testing.assert_close(norm(x, "l1", dim=1), l1_norm(x, dim=1))
    torch.testing.assert_close(norm(x), l2_norm(x))
    torch.testing.assert_close(norm(x, "linf", dim=0, keepdim=True), linf_norm(x, dim=0, keepdim=True))
    torch.testing.assert_close(norm(x, "fro"), frobenius_norm(x))


# --- numbers at the extremes -------------------------------------------------------------

def test_l2_does_not_overflow_or_underflow_float32():
    big = torch.tensor([3e30, 4e30])
    tiny = torch.tensor([3e-30, 4e-30])
    assert torch.isinf(big.pow(2).sum().sqrt())  # the naive formula overflows
    torch.testing.assert_close(l2_norm(big), torch.tensor(5e30))
    torch.testing.assert_close(l2_norm(tiny), torch.tensor(5e-30))


def test_zero_vector_and_zero_rows():
    x = torch.zeros(2, 3)
    x[1] = torch.tensor([1.0, 2.0, 2.0])
    torch.testing.assert_close(l2_norm(x, dim=1), torch.tensor([0.0, 3.0]))
    assert l2_norm(torch.zeros(5)).item() == 0.0


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
@pytest.mark.parametrize("fn,ord", VECTOR_NORMS, ids=["l1", "l2", "linf"])
def test_half_precision_keeps_dtype_and_accuracy(fn, ord, dtype):
    x = _random((4096,), torch.float64, torch.device("cpu"), seed=3)
    got = fn(x.to(dtype))
    assert got.dtype == dtype
    want = torch.linalg.vector_norm(x.to(dtype).double(), ord=ord)  # exact norm of the rounded input
    tol = 1e-2 if dtype == torch.bfloat16 else 1e-3
    assert abs(got.double().item() - want.item()) <= tol * want.item()


def test_float16_l2_of_values_whose_squares_overflow():
    x = torch.full((4,), 300.0, dtype=torch.float16)  # 300² = 90000 > float16 max 65504
    assert l2_norm(x).item() == 600.0


# --- laws ---------------------------------------------------------------------------------

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
vectors = st.integers(1, 12).flatmap(lambda n: st.tuples(arrays(np.float64, n, elements=finite),
                                                          arrays(np.float64, n, elements=finite)))


@given(vectors, st.floats(-100, 100, allow_nan=False))
def test_norm_axioms(pair, a):
    x, y = (torch.from_numpy(v) for v in pair)
    for fn in (l1_norm, l2_norm, linf_norm):
        nx, ny, nxy = fn(x).item(), fn(y).item(), fn(x + y).item()
        assert nx >= 0
        assert nxy <= nx + ny + 1e-9 * (nx + ny + 1)  # triangle inequality
        assert fn(a * x).item() == pytest.approx(abs(a) * nx, rel=1e-9, abs=1e-12)  # homogeneity
        assert (nx == 0) == bool((x == 0).all())  # definiteness


@given(vectors)
def test_norm_ordering(pair):
    x = torch.from_numpy(pair[0])
    n = x.numel()
    l1, l2, linf = l1_norm(x).item(), l2_norm(x).item(), linf_norm(x).item()
    slack = 1e-12 * (l1 + 1)
    assert linf <= l2 + slack and l2 <= l1 + slack and l1 <= n * linf + slack
    assert l2 <= math.sqrt(n) * linf + slack and l1 <= math.sqrt(n) * l2 + slack


# --- bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize("fn", [l1_norm, l2_norm, linf_norm, frobenius_norm])
def test_rejects_non_tensors_and_integer_tensors(fn):
    with pytest.raises(TypeError, match=r"must be a torch.Tensor, got list \[1.0, 2.0\]"):
        fn([1.0, 2.0])
    with pytest.raises(TypeError, match=r"floating dtype.*torch.int64"):
        fn(torch.ones(2, 2, dtype=torch.int64))


@pytest.mark.parametrize("fn", [l1_norm, l2_norm, linf_norm])
def test_rejects_empty_and_bad_dims(fn):
    with pytest.raises(ValueError, match=r"x must not be empty, got shape \(0,\)"):
        fn(torch.empty(0))
    with pytest.raises(ValueError, match=r"dim must be in \[-2, 1\] for a 2-D input, got 2"):
        fn(torch.ones(2, 3), dim=2)
    with pytest.raises(ValueError, match=r"dim must not repeat a dimension, got \(0, -2\)"):
        fn(torch.ones(2, 3), dim=(0, -2))
    with pytest.raises(TypeError, match=r"dim must be None, an int or a non-empty sequence of ints, got 1.0"):
        fn(torch.ones(2, 3), dim=1.0)
    with pytest.raises(ValueError, match=r"keepdim=True needs an explicit dim"):
        fn(torch.ones(2, 3), keepdim=True)


def test_frobenius_rejects_vectors():
    with pytest.raises(ValueError, match=r"A must have at least 2 dimension\(s\), got shape \(3,\)"):
        frobenius_norm(torch.ones(3))


def test_norm_rejects_unknown_kind_and_fro_with_dim():
    with pytest.raises(ValueError, match=r"kind must be one of 'l1', 'l2', 'linf', 'fro'; got 'l3'"):
        norm(torch.ones(3), "l3")
    with pytest.raises(ValueError, match=r"kind='fro' always reduces the last two dimensions; got dim=0"):
        norm(torch.ones(3, 3), "fro", dim=0)


def test_norm_fro_refuses_keepdim():
    with pytest.raises(ValueError, match=r"kind='fro' always reduces the last two dimensions; got dim=None, keepdim=True"):
        norm(torch.ones(3, 3), "fro", keepdim=True)
    torch.testing.assert_close(norm(torch.ones(2, 3, 3), "fro"), torch.full((2,), 3.0))
