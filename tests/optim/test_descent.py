"""gradient_descent and contraction_factor against torch.optim.SGD, NumPy eigenvalues and the 2/L law."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from aimath_ref.optim import contraction_factor, gradient_descent


def _spd(eigs, seed=0, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    Q, _ = torch.linalg.qr(torch.randn(len(eigs), len(eigs), generator=g, dtype=torch.float64))
    H = Q @ torch.diag(torch.tensor(eigs, dtype=torch.float64)) @ Q.T
    return ((H + H.T) / 2).to(device=device, dtype=dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_matches_torch_sgd_step_by_step(dtype, device):
    H = _spd([0.5, 1.0, 3.0], dtype=dtype, device=device)
    x0 = torch.tensor([1.0, -2.0, 0.5], dtype=dtype, device=device)
    path = gradient_descent(lambda x: H @ x, x0, lr=0.2, steps=20)
    assert path.shape == (21, 3) and path.dtype == dtype and path.device == x0.device
    w = x0.clone().requires_grad_(True)
    opt = torch.optim.SGD([w], lr=0.2)
    for t in range(20):
        torch.testing.assert_close(path[t], w.detach())
        opt.zero_grad()
        (0.5 * w @ H @ w).backward()
        opt.step()
    torch.testing.assert_close(path[20], w.detach())


def test_batched_shapes_and_autograd_gradient():
    loss = lambda W: (W ** 4).sum()  # noqa: E731
    x0 = torch.full((2, 3), 0.5, dtype=torch.float64)
    path = gradient_descent(torch.func.grad(loss), x0, lr=0.1, steps=5)
    assert path.shape == (6, 2, 3)
    np.testing.assert_allclose(path[1].numpy(), (0.5 - 0.1 * 4 * 0.5 ** 3) * np.ones((2, 3)))
    assert not path.requires_grad
    torch.testing.assert_close(gradient_descent(lambda x: x, x0, 0.1, 0)[0], x0)  # steps = 0: only x0


@pytest.mark.parametrize("eigs", [[1.0, 2.0, 4.0], [0.5, 10.0], [3.0]])
def test_converges_below_two_over_L_and_diverges_above(eigs):
    H = _spd(eigs)
    L = max(eigs)
    x0 = torch.ones(len(eigs), dtype=torch.float64)
    start = x0.norm().item()
    for factor in (0.05, 0.5, 0.99):  # 0 < lr < 2/L, near both ends
        end = gradient_descent(lambda x: H @ x, x0, lr=factor * 2 / L, steps=3000)[-1]
        assert end.norm().item() < 1e-6 * start, (factor, end)
    for factor in (1.01, 1.5):  # just above 2/L
        end = gradient_descent(lambda x: H @ x, x0, lr=factor * 2 / L, steps=1000)[-1]
        assert end.norm().item() > 1e6 * start, (factor, end)  # |1 - lr L| >= 1.02: 1.02^1000 > 1e8


def test_at_exactly_two_over_L_the_steep_direction_oscillates_forever():
    H = torch.diag(torch.tensor([1.0, 4.0], dtype=torch.float64))  # lr = 2/4 = 0.5 exactly
    path = gradient_descent(lambda x: H @ x, torch.tensor([1.0, 1.0], dtype=torch.float64), lr=0.5, steps=50)
    assert path[:, 1].abs().eq(1.0).all()  # multiplied by 1 - 0.5 * 4 = -1 at every step
    assert path[::2, 1].eq(1.0).all() and path[1::2, 1].eq(-1.0).all()
    assert path[-1, 0].abs().item() < 1e-14  # the flat direction converges


def test_divergence_is_returned_not_hidden():
    path = gradient_descent(lambda x: 2 * x, torch.tensor([1.0]), lr=10.0, steps=400)  # float32 overflows
    assert not torch.isfinite(path[-1]).all()


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_contraction_factor_matches_numpy(dtype):
    H = _spd([0.2, 1.0, 5.0], seed=3, dtype=dtype)
    lam = np.linalg.eigvalsh(H.double().numpy())
    for lr in (0.01, 0.3, 2 / 5.2, 0.5):
        want = np.max(np.abs(1 - lr * lam))
        assert contraction_factor(H, lr) == pytest.approx(want, rel=100 * torch.finfo(dtype).eps)


@given(st.floats(0.1, 10), st.floats(1.0, 100.0), st.floats(0.001, 3.0))
def test_contraction_law(lam_min, kappa, frac):
    lam_max = lam_min * kappa
    H = torch.diag(torch.tensor([lam_min, lam_max], dtype=torch.float64))
    lr = frac * 2 / lam_max
    rho = contraction_factor(H, lr)
    assert (rho < 1) == (frac < 1) or abs(frac - 1) < 1e-9
    best = contraction_factor(H, 2 / (lam_min + lam_max))
    assert best == pytest.approx((kappa - 1) / (kappa + 1), abs=1e-12)
    assert best <= rho + 1e-12  # no fixed step does better
    x = gradient_descent(lambda v: H @ v, torch.ones(2, dtype=torch.float64), lr, 3)
    assert (x[-1].norm() <= rho ** 3 * x[0].norm() * (1 + 1e-9)).item()


def test_bad_input_is_named():
    x0 = torch.ones(2)
    with pytest.raises(TypeError, match="grad must be callable, got int 3"):
        gradient_descent(3, x0, 0.1, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="x0 must be a torch.Tensor, got list"):
        gradient_descent(lambda x: x, [1.0, 2.0], 0.1, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="x0 must have a floating dtype"):
        gradient_descent(lambda x: x, torch.ones(2, dtype=torch.int64), 0.1, 1)
    with pytest.raises(ValueError, match="x0 must not be empty"):
        gradient_descent(lambda x: x, torch.ones(0), 0.1, 1)
    for lr, exc, msg in [(0.0, ValueError, "lr must be > 0, got 0.0"), (-0.1, ValueError, "lr must be > 0, got -0.1"),
                         (float("nan"), ValueError, "lr must be finite, got nan"),
                         ("0.1", TypeError, "lr must be a real number, got str '0.1'")]:
        with pytest.raises(exc, match=msg):
            gradient_descent(lambda x: x, x0, lr, 1)  # type: ignore[arg-type]
    assert gradient_descent(lambda x: x, x0, 1e-12, 1).shape == (2, 2)  # smallest positive lr is fine
    with pytest.raises(ValueError, match="steps must be >= 0, got -1"):
        gradient_descent(lambda x: x, x0, 0.1, -1)
    with pytest.raises(TypeError, match="steps must be an int, got float 2.0"):
        gradient_descent(lambda x: x, x0, 0.1, 2.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"grad must return a tensor shaped like x0 \(2,\), got \(3,\)"):
        gradient_descent(lambda x: torch.ones(3), x0, 0.1, 1)
    with pytest.raises(TypeError, match="grad must return a torch.Tensor, got list"):
        gradient_descent(lambda x: [0.0, 0.0], x0, 0.1, 1)


def test_contraction_factor_bad_input():
    with pytest.raises(ValueError, match=r"H must be square, got shape \(2, 3\)"):
        contraction_factor(torch.ones(2, 3), 0.1)
    with pytest.raises(ValueError, match="H must be symmetric"):
        contraction_factor(torch.tensor([[1.0, 2.0], [0.0, 1.0]]), 0.1)
    with pytest.raises(ValueError, match="H must contain only finite values"):
        contraction_factor(torch.tensor([[float("nan")]]), 0.1)
    with pytest.raises(ValueError, match="lr must be > 0, got 0"):
        contraction_factor(torch.eye(2), 0)
    with pytest.raises(ValueError, match="H must have 2 dimension"):
        contraction_factor(torch.ones(3), 0.1)
