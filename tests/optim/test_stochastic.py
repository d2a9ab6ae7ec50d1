"""Per-example gradients, mini-batch noise (1/B on the diabetes data) and gradient accumulation, against torch and NumPy."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from sklearn.datasets import load_diabetes

from aimath_ref.optim import (
    GD_VARIANTS,
    loglog_slope,
    minibatch_gradient_variance,
    minibatch_variance_theory,
    per_example_gradients,
)


def _sq(w, x, y):
    return 0.5 * (x @ w - y) ** 2


@pytest.fixture(scope="module")
def diabetes_grads() -> torch.Tensor:
    X, y = load_diabetes(return_X_y=True)  # 442 patients, 10 standardised features, bundled
    X = torch.tensor(np.c_[X, np.ones(len(X))])  # with an intercept column
    y = torch.tensor(y)
    return per_example_gradients(_sq, torch.zeros(11, dtype=torch.float64), X, y)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_per_example_gradients_match_a_loop_of_backward_calls(dtype, device):
    g = torch.Generator().manual_seed(0)
    X = torch.randn(6, 3, generator=g, dtype=torch.float64).to(device, dtype)
    y = torch.randn(6, generator=g, dtype=torch.float64).to(device, dtype)
    w = torch.randn(3, generator=g, dtype=torch.float64).to(device, dtype)
    got = per_example_gradients(_sq, w, X, y)
    assert got.shape == (6, 3) and got.dtype == dtype and got.device == X.device
    for i in range(6):
        wi = w.clone().requires_grad_(True)
        _sq(wi, X[i], y[i]).backward()
        torch.testing.assert_close(got[i], wi.grad)
    torch.testing.assert_close(got.mean(0), torch.func.grad(lambda v: (0.5 * (X @ v - y) ** 2).mean())(w))


def test_variance_falls_as_one_over_batch_size_on_diabetes(diabetes_grads):
    sizes = [1, 2, 4, 8, 16, 32, 64]
    measured = [minibatch_gradient_variance(diabetes_grads, B, n_batches=2000, replacement=True,
                                            generator=torch.Generator().manual_seed(B)) for B in sizes]
    slope = loglog_slope(sizes, measured)
    assert -1.1 < slope < -0.9, slope
    assert np.polyfit(np.log(sizes), np.log(measured), 1)[0] == pytest.approx(slope, rel=1e-9)
    for B, v in zip(sizes, measured):
        assert v == pytest.approx(minibatch_variance_theory(diabetes_grads, B, replacement=True), rel=0.15)


def test_without_replacement_has_the_finite_population_correction(diabetes_grads):
    G = diabetes_grads.numpy()
    N = len(G)
    trace = np.trace(np.cov(G.T, bias=True))  # tr Sigma, population covariance
    for B in (1, 10, 100, 300, N):
        want = trace / B * (N - B) / (N - 1)
        assert minibatch_variance_theory(diabetes_grads, B) == pytest.approx(want, rel=1e-10)
        got = minibatch_gradient_variance(diabetes_grads, B, n_batches=1500, generator=torch.Generator().manual_seed(B))
        assert got == pytest.approx(want, rel=0.15, abs=1e-9)
    assert minibatch_gradient_variance(diabetes_grads, N, n_batches=3) == pytest.approx(0.0, abs=1e-12)
    assert minibatch_variance_theory(diabetes_grads, 1, replacement=True) == pytest.approx(trace, rel=1e-10)


def test_same_seed_same_batches_on_every_device(diabetes_grads, device):
    a = minibatch_gradient_variance(diabetes_grads, 8, n_batches=50, generator=torch.Generator().manual_seed(3))
    b = minibatch_gradient_variance(diabetes_grads.to(device), 8, n_batches=50,
                                    generator=torch.Generator().manual_seed(3))
    assert b == pytest.approx(a, rel=1e-12)


def test_variance_dtype_and_single_example():
    g32 = torch.tensor([[1.0, 2.0], [3.0, -2.0]], dtype=torch.float32)
    assert minibatch_variance_theory(g32, 1) == pytest.approx(5.0)
    assert minibatch_variance_theory(g32[:1], 1) == 0.0  # N = 1: no noise at all
    assert minibatch_gradient_variance(g32, 3, n_batches=5, replacement=True) >= 0.0  # B > N with replacement


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_loglog_slope_matches_numpy_polyfit(dtype):
    g = torch.Generator().manual_seed(2)
    x = torch.rand(20, generator=g, dtype=torch.float64) * 100 + 0.1
    y = torch.rand(20, generator=g, dtype=torch.float64) * 5 + 0.01
    want = np.polyfit(np.log(x.numpy()), np.log(y.numpy()), 1)[0]
    assert loglog_slope(x.to(dtype), y.to(dtype)) == pytest.approx(want, rel=1e-5 if dtype == torch.float32 else 1e-10)


@given(st.floats(-3, 3), st.floats(0.01, 100), st.lists(st.floats(0.01, 1e3), min_size=2, max_size=8, unique=True))
def test_loglog_slope_recovers_a_power_law(k, c, xs):
    ys = [c * x ** k for x in xs]
    assert loglog_slope(xs, ys) == pytest.approx(k, abs=1e-8)


def test_gd_variants_table_states_the_batch_sizes_of_large_models():
    md = GD_VARIANTS.to_markdown()
    assert "millions of tokens" in md and "3.2M" in md and "32 to 512" in md
    rows = md.splitlines()[2:]
    assert len(rows) == 3
    rel = [float(r.rsplit(" ", 2)[-2]) for r in rows]  # relative error at B = N, 1, 32
    assert rel[0] == 0.0 and rel[1] > rel[2] > 0.0
    assert rel[1] / rel[2] == pytest.approx(32 ** 0.5, rel=0.1)  # error falls like 1/sqrt(B)


def test_bad_input_is_named(diabetes_grads):
    G = diabetes_grads
    with pytest.raises(ValueError, match="batch_size must be <= 442, got 443"):
        minibatch_gradient_variance(G, 443)
    with pytest.raises(ValueError, match="batch_size must be >= 1, got 0"):
        minibatch_variance_theory(G, 0)
    with pytest.raises(TypeError, match="generator must be a torch.Generator or None, got int"):
        minibatch_gradient_variance(G, 2, generator=0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n_batches must be >= 1, got 0"):
        minibatch_gradient_variance(G, 2, n_batches=0)
    with pytest.raises(TypeError, match="per_example_grads must have a floating dtype"):
        minibatch_variance_theory(torch.ones(3, 2, dtype=torch.int64), 1)
    with pytest.raises(ValueError, match="per_example_grads must not be empty"):
        minibatch_variance_theory(torch.ones(0, 2), 1)
    with pytest.raises(ValueError, match=r"x must hold finite positive values, got \[1.0, 0.0\]"):
        loglog_slope([1.0, 0.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="x and y must have the same length, got 2 and 3"):
        loglog_slope([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="at least 2 points, got 1"):
        loglog_slope([1.0], [1.0])
    with pytest.raises(ValueError, match="at least two distinct values"):
        loglog_slope([2.0, 2.0], [1.0, 3.0])
    with pytest.raises(TypeError, match=r"y\[1\] must be a real number, got str 'a'"):
        loglog_slope([1.0, 2.0], [1.0, "a"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="x must be a sequence of real numbers or a tensor, got int"):
        loglog_slope(3, [1.0])  # type: ignore[arg-type]
    X, y = torch.ones(3, 2), torch.ones(4)
    with pytest.raises(ValueError, match="same number of examples, got 3 and 4"):
        per_example_gradients(_sq, torch.zeros(2), X, y)
    with pytest.raises(TypeError, match="loss must be callable"):
        per_example_gradients(None, torch.zeros(2), X, y[:3])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="w must be a torch.Tensor"):
        per_example_gradients(_sq, [0.0, 0.0], X, y[:3])  # type: ignore[arg-type]
