"""aimath_ref.calculus.jacobian_hessian against torch.autograd.functional, and the second-derivative test."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.calculus import classify_critical_point, hessian, jacobian


def _rand(shape, dtype, device, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(shape, generator=g, dtype=torch.float64).to(device=device, dtype=dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("in_shape,out_dim", [((3,), 4), ((2, 3), 2), ((5,), 1)])
def test_jacobian_matches_torch(in_shape, out_dim, dtype, device):
    n = int(np.prod(in_shape))
    W = _rand((out_dim, n), dtype, device, seed=1)

    def f(x: torch.Tensor) -> torch.Tensor:
        v = x.reshape(-1)
        return torch.tanh(W @ v) * v[:out_dim].sum() + v.pow(2).sum()

    x = _rand(in_shape, dtype, device, seed=2)
    got = jacobian(f, x)
    want = torch.autograd.functional.jacobian(f, x)
    assert got.shape == (out_dim,) + in_shape and got.dtype == dtype and got.device == x.device
    torch.testing.assert_close(got, want)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("shape", [(4,), (2, 2)])
def test_hessian_matches_torch_and_is_symmetric(shape, dtype, device):
    A = _rand((4, 4), dtype, device, seed=5)

    def loss(w: torch.Tensor) -> torch.Tensor:
        v = w.reshape(-1)
        return torch.logsumexp(A @ v, 0) + (v ** 3).sum() / 3

    w = _rand(shape, dtype, device, seed=6)
    got = hessian(loss, w)
    want = torch.autograd.functional.hessian(loss, w)
    assert got.shape == shape + shape
    torch.testing.assert_close(got, want)
    flat = got.reshape(4, 4)
    torch.testing.assert_close(flat, flat.T)  # Schwarz: mixed partials commute


def test_jacobian_of_scalar_output_is_gradient_and_constant_gives_zeros():
    x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
    torch.testing.assert_close(jacobian(lambda v: (v ** 2).sum(), x), 2 * x)
    torch.testing.assert_close(jacobian(lambda v: torch.ones(2, dtype=v.dtype), x), torch.zeros(2, 3, dtype=x.dtype))
    torch.testing.assert_close(hessian(lambda v: 3 * v.sum(), x), torch.zeros(3, 3, dtype=x.dtype))  # linear


def test_work_inside_no_grad_and_create_graph():
    x = torch.tensor([0.5, -0.5])
    with torch.no_grad():
        H = hessian(lambda v: (v ** 4).sum(), x)
    torch.testing.assert_close(H, torch.diag(12 * x ** 2))
    J = jacobian(lambda v: v ** 3, x, create_graph=True)
    assert J.requires_grad


# --- the second-derivative test ----------------------------------------------------------

def _with_spectrum(eigs: list[float], seed: int) -> torch.Tensor:
    q, _ = np.linalg.qr(np.random.default_rng(seed).standard_normal((len(eigs), len(eigs))))
    return torch.from_numpy(q @ np.diag(eigs) @ q.T)


def _expected(eigs: list[float]) -> str:
    pos, neg = any(e > 0 for e in eigs), any(e < 0 for e in eigs)
    if pos and neg:
        return "saddle"
    if all(e > 0 for e in eigs):
        return "minimum"
    if all(e < 0 for e in eigs):
        return "maximum"
    return "flat"


@settings(max_examples=30, deadline=None)
@given(signs=st.lists(st.sampled_from([-1, 0, 1]), min_size=1, max_size=5),
       mags=st.lists(st.floats(0.1, 10), min_size=5, max_size=5), seed=st.integers(0, 1000))
def test_classification_follows_eigenvalue_signs(signs, mags, seed):
    eigs = [s * m for s, m in zip(signs, mags)]
    H = _with_spectrum(eigs, seed)  # a rotated diagonal matrix: same eigenvalues, full entries
    assert classify_critical_point(H) == _expected(eigs)
    assert classify_critical_point(H.float()) == _expected(eigs)


@pytest.mark.parametrize("f,expected", [
    (lambda w: w[0] ** 2 + 2 * w[1] ** 2, "minimum"),
    (lambda w: -w[0] ** 2 - w[1] ** 2 + w[0] * w[1], "maximum"),
    (lambda w: w[0] ** 2 - w[1] ** 2, "saddle"),
    (lambda w: w[0] ** 4 + w[1] ** 2, "flat"),  # a true minimum the test cannot see
    (lambda w: w[0] ** 3 + w[1] ** 2, "flat"),  # not a minimum, same verdict: inconclusive
])
def test_classify_at_critical_points_of_known_functions(f, expected):
    origin = torch.zeros(2, dtype=torch.float64)
    g = torch.autograd.functional.jacobian(f, origin)
    assert classify_critical_point(hessian(f, origin), grad=g) == expected


def test_non_critical_point_is_refused_when_grad_is_given():
    f = lambda w: (w ** 2).sum()  # noqa: E731
    w = torch.tensor([1.0, 0.0], dtype=torch.float64)
    with pytest.raises(ValueError, match="needs a critical point .* norm 2"):
        classify_critical_point(hessian(f, w), grad=torch.autograd.functional.jacobian(f, w))


def test_bad_inputs_are_rejected():
    with pytest.raises(ValueError, match=r"H must be square, got shape \(2, 3\)"):
        classify_critical_point(torch.zeros(2, 3))
    with pytest.raises(ValueError, match=r"H must have 2 dimension\(s\), got shape \(3,\)"):
        classify_critical_point(torch.zeros(3))
    with pytest.raises(ValueError, match="H must be symmetric"):
        classify_critical_point(torch.tensor([[1.0, 2.0], [0.0, 1.0]]))
    with pytest.raises(TypeError, match="H must have a floating dtype"):
        classify_critical_point(torch.eye(2, dtype=torch.int64))
    with pytest.raises(ValueError, match="finite"):
        classify_critical_point(torch.tensor([[float("nan"), 0.0], [0.0, 1.0]]))
    with pytest.raises(ValueError, match="tol must be >= 0, got -1"):
        classify_critical_point(torch.eye(2), tol=-1)
    with pytest.raises(TypeError, match="f must be callable"):
        jacobian("f", torch.ones(2))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="f must return a torch.Tensor, got float 1.0"):
        jacobian(lambda v: 1.0, torch.ones(2))  # type: ignore[arg-type, return-value]
    with pytest.raises(ValueError, match=r"scalar tensor .* got shape \(2,\)"):
        hessian(lambda v: v ** 2, torch.ones(2))
    with pytest.raises(ValueError, match="x must not be empty"):
        jacobian(lambda v: v, torch.empty(0))
    with pytest.raises(TypeError, match="x must be a torch.Tensor, got list"):
        hessian(lambda v: v.sum(), [1.0, 2.0])  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [1, 3])
def test_hessian_of_a_function_that_ignores_its_input_is_n_by_n(n):
    x = torch.ones(n, dtype=torch.float64)
    for f in (lambda v: torch.tensor(1.0, dtype=torch.float64), lambda v: v.sum() * 0 + 1):
        H = hessian(f, x)
        assert H.shape == (n, n) and torch.equal(H, torch.zeros(n, n, dtype=torch.float64))
    J = jacobian(lambda v: torch.zeros(2, dtype=v.dtype), x)  # output independent of the input
    assert J.shape == (2, n) and not J.any()
