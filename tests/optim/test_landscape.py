"""convexity_gap: Jensen's inequality for convex losses, a violation for a network, against NumPy."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from aimath_ref.optim import convexity_gap


def _data(seed=0):
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(20, 3, generator=g, dtype=torch.float64)
    return X, (X[:, 0] > 0).double(), X @ torch.tensor([1.0, -1.0, 2.0], dtype=torch.float64)


def _points(seed, n=3, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    return (3 * torch.randn(2, n, generator=g, dtype=torch.float64)).to(dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_matches_numpy_for_a_batch_of_weights(dtype, device):
    x, y = _points(1, dtype=dtype).to(device)
    f = lambda v: (v ** 2).sum() + v.sum().exp()  # noqa: E731
    t = torch.linspace(0, 1, 7, dtype=dtype, device=device)
    got = convexity_gap(f, x, y, t)
    xn, yn = x.cpu().double().numpy(), y.cpu().double().numpy()
    fn = lambda v: (v ** 2).sum() + np.exp(v.sum())  # noqa: E731
    want = [s * fn(xn) + (1 - s) * fn(yn) - fn(s * xn + (1 - s) * yn) for s in t.cpu().double().numpy()]
    np.testing.assert_allclose(got.cpu().double().numpy(), want, rtol=1e-4 if dtype == torch.float32 else 1e-10,
                               atol=1e-3 if dtype == torch.float32 else 1e-9)
    assert got.shape == (7,) and got[0].abs().item() < 1e-3 and got[-1].abs().item() < 1e-3  # endpoints: 0


@given(st.integers(0, 10_000), st.floats(0.0, 1.0))
def test_mse_and_logistic_losses_are_convex(seed, t):
    X, labels, targets = _data()
    mse = lambda w: ((X @ w - targets) ** 2).mean()  # noqa: E731
    logistic = lambda w: torch.nn.functional.binary_cross_entropy_with_logits(X @ w, labels)  # noqa: E731
    x, y = _points(seed)
    for f in (mse, logistic):
        assert convexity_gap(f, x, y, t).item() >= -1e-10


def test_a_small_network_is_not_convex():
    X, _, targets = _data()

    def net(theta):  # one hidden tanh unit: y = a * tanh(X w)
        return ((theta[0] * torch.tanh(X @ theta[1:]) - targets) ** 2).mean()

    g = torch.Generator().manual_seed(3)
    gaps = [convexity_gap(net, *(2 * torch.randn(2, 4, generator=g, dtype=torch.float64))).item() for _ in range(50)]
    assert min(gaps) < -0.1  # one violation is a proof
    # the sign-flip symmetry (a, w) -> (-a, -w) gives two minima with a worse point between them
    theta = torch.tensor([1.5, 0.5, -0.5, 1.0], dtype=torch.float64)
    flipped = -theta
    assert net(theta).item() == pytest.approx(net(flipped).item())
    assert convexity_gap(net, theta, flipped).item() < 0


def test_no_minimiser_and_a_set_of_minimisers_are_both_convex():
    for f in (lambda v: v.exp().sum(), lambda v: torch.clamp(v.abs() - 1, min=0).sum()):
        for seed in range(10):
            x, y = _points(seed, n=1)
            assert convexity_gap(f, x, y, torch.rand(5, generator=torch.Generator().manual_seed(seed),
                                                     dtype=torch.float64)).min().item() >= -1e-12


def test_bad_input_is_named():
    x = torch.zeros(2)
    f = lambda v: (v ** 2).sum()  # noqa: E731
    with pytest.raises(TypeError, match="f must be callable"):
        convexity_gap(2, x, x)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"x and y must have the same shape, got \(2,\) and \(3,\)"):
        convexity_gap(f, x, torch.zeros(3))
    with pytest.raises(ValueError, match=r"t must be in \[0.0, 1.0\], got 1.5"):
        convexity_gap(f, x, x, 1.5)
    with pytest.raises(ValueError, match=r"t must be in \[0, 1\], got \[-0.5"):
        convexity_gap(f, x, x, torch.tensor([-0.5, 0.5]))
    with pytest.raises(ValueError, match=r"t must have 1 dimension"):
        convexity_gap(f, x, x, torch.zeros(2, 2))
    with pytest.raises(TypeError, match="t must be a real number, got str"):
        convexity_gap(f, x, x, "0.5")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"f must return a scalar tensor \(one element\), got shape \(2,\)"):
        convexity_gap(lambda v: v, x, x)
    with pytest.raises(TypeError, match="f must return a torch.Tensor, got float"):
        convexity_gap(lambda v: 1.0, x, x)
    with pytest.raises(TypeError, match="y must be a torch.Tensor"):
        convexity_gap(f, x, [0.0, 0.0])  # type: ignore[arg-type]
    assert convexity_gap(f, x, torch.ones(2), 0).item() == 0.0 and convexity_gap(f, x, torch.ones(2), 1).item() == 0.0
