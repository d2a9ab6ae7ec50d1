"""aimath_ref.calculus.depth: hand-made chain-rule products against torch autograd on the same network."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.calculus import ACTIVATIONS, gradient_through_depth

TORCH_ACT = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "linear": lambda z: z}


def _autograd_norms(r) -> torch.Tensor:  # type: ignore[no-untyped-def]
    h = r.x.clone().requires_grad_(True)
    hs = [h]
    for W in r.weights:
        z = W @ h
        h = h + TORCH_ACT[r.activation](z) if r.residual else TORCH_ACT[r.activation](z)
        h.retain_grad()
        hs.append(h)
    (r.u @ h).backward()
    return torch.stack([t.grad.norm() for t in hs])


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("residual", [False, True])
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_matches_torch_autograd(activation, residual, dtype):
    r = gradient_through_depth(activation, depth=12, width=16, gain=1.3, residual=residual, seed=7, dtype=dtype)
    assert r.grad_norms.shape == (13,) and r.grad_norms.dtype == dtype
    torch.testing.assert_close(r.grad_norms, _autograd_norms(r))
    assert r.grad_norms[-1].item() == pytest.approx(1.0)  # dL/dh_L = u, a unit vector


@settings(max_examples=30, deadline=None)
@given(gain=st.floats(0.5, 1.5), depth=st.integers(1, 20), seed=st.integers(0, 100))
def test_linear_orthogonal_network_scales_by_gain_per_layer(gain, depth, seed):
    r = gradient_through_depth("linear", depth, width=8, gain=gain, init="orthogonal", seed=seed)
    want = torch.tensor([gain ** (depth - l) for l in range(depth + 1)], dtype=torch.float64)
    torch.testing.assert_close(r.grad_norms, want)


def test_vanishing_and_exploding_regimes():
    depth = 50
    assert gradient_through_depth("sigmoid", depth).grad_norms[0] < 1e-10  # sigma' <= 1/4 per layer
    assert gradient_through_depth("relu", depth, gain=2.0).grad_norms[0] > 1e4  # weights too large
    he = gradient_through_depth("relu", depth, gain=2 ** 0.5).grad_norms[0]  # He scale keeps it O(1)
    assert 1e-2 < he < 1e2
    assert gradient_through_depth("sigmoid", depth, residual=True).grad_norms[0] > 0.1  # skip path


def test_same_seed_same_result():
    a = gradient_through_depth("tanh", 5, seed=3).grad_norms
    b = gradient_through_depth("tanh", 5, seed=3).grad_norms
    assert torch.equal(a, b)


def test_bad_inputs_are_rejected():
    with pytest.raises(ValueError, match="activation must be one of .*got 'gelu'"):
        gradient_through_depth("gelu", 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="depth must be >= 1, got 0"):
        gradient_through_depth("tanh", 0)
    with pytest.raises(TypeError, match="width must be an int, got float 4.5"):
        gradient_through_depth("tanh", 3, width=4.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="gain must be > 0, got -1"):
        gradient_through_depth("tanh", 3, gain=-1)
    with pytest.raises(ValueError, match="init must be one of .*got 'xavier'"):
        gradient_through_depth("tanh", 3, init="xavier")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="dtype must be a floating dtype, got torch.int32"):
        gradient_through_depth("tanh", 3, dtype=torch.int32)
