"""The update functions on their own: against hand-written NumPy formulas, and every refusal."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from aimath_ref.optim import adafactor_update, adam_update, adamw_update, rmsprop_update, sgd_update


def _data(n=6, seed=0, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    p, grad = (torch.randn(n, generator=g, dtype=torch.float64) for _ in range(2))
    return p.to(device=device, dtype=dtype), grad.to(device=device, dtype=dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_adam_update_matches_the_paper_in_numpy(dtype, device):
    p, _ = _data(dtype=dtype, device=device)
    m, v = torch.zeros_like(p), torch.zeros_like(p)
    pn, mn, vn = p.cpu().double().numpy().copy(), np.zeros(6), np.zeros(6)
    b1, b2, lr, eps = 0.9, 0.99, 0.01, 1e-8
    for t in range(1, 6):
        _, grad = _data(seed=t, dtype=dtype, device=device)
        adam_update(p, grad, m, v, t, lr=lr, beta1=b1, beta2=b2, eps=eps)
        gn = grad.cpu().double().numpy()
        mn = b1 * mn + (1 - b1) * gn
        vn = b2 * vn + (1 - b2) * gn ** 2
        pn = pn - lr * (mn / (1 - b1 ** t)) / (np.sqrt(vn / (1 - b2 ** t)) + eps)
    tol = 1e-12 if dtype == torch.float64 else 1e-5
    np.testing.assert_allclose(p.cpu().double().numpy(), pn, rtol=tol, atol=tol)
    assert p.dtype == dtype and p.device.type == torch.device(device).type


def test_sgd_update_momentum_matches_numpy():
    p, _ = _data()
    pn, bn, buf = p.numpy().copy(), None, None
    for t in range(4):
        _, grad = _data(seed=10 + t)
        buf = sgd_update(p, grad, buf, lr=0.1, momentum=0.9, dampening=0.2, weight_decay=0.01)
        gn = grad.numpy() + 0.01 * pn
        bn = gn.copy() if bn is None else 0.9 * bn + 0.8 * gn
        pn = pn - 0.1 * bn
    np.testing.assert_allclose(p.numpy(), pn, rtol=1e-12)
    assert sgd_update(p, grad, None, lr=0.1) is None


def test_rmsprop_update_matches_numpy():
    p, _ = _data()
    v = torch.zeros_like(p)
    pn, vn = p.numpy().copy(), np.zeros(6)
    for t in range(4):
        _, grad = _data(seed=20 + t)
        rmsprop_update(p, grad, v, lr=0.01, alpha=0.9, eps=1e-8)
        vn = 0.9 * vn + 0.1 * grad.numpy() ** 2
        pn = pn - 0.01 * grad.numpy() / (np.sqrt(vn) + 1e-8)
    np.testing.assert_allclose(p.numpy(), pn, rtol=1e-12)


def test_adamw_update_is_decay_then_adam():
    p, grad = _data()
    q = p.clone()
    adamw_update(p, grad, torch.zeros(6, dtype=torch.float64), torch.zeros(6, dtype=torch.float64), 1,
                 lr=0.1, weight_decay=0.2)
    q.mul_(1 - 0.1 * 0.2)
    adam_update(q, grad, torch.zeros(6, dtype=torch.float64), torch.zeros(6, dtype=torch.float64), 1, lr=0.1)
    torch.testing.assert_close(p, q)


def test_adafactor_second_moment_is_the_rank_one_factorisation():
    """With beta2 at step 1 (weight 1 on the new gradient), V̂ = R Cᵀ / mean(R) keeps the row sums of G²."""
    g = torch.Generator().manual_seed(4)
    w, grad = torch.randn(5, 3, generator=g, dtype=torch.float64), torch.randn(5, 3, generator=g, dtype=torch.float64)
    R, C = torch.zeros(5, 1, dtype=torch.float64), torch.zeros(1, 3, dtype=torch.float64)
    adafactor_update(w, grad, 1, row_var=R, col_var=C)
    G2 = grad.numpy() ** 2
    np.testing.assert_allclose(R.numpy().ravel(), G2.mean(axis=1))
    np.testing.assert_allclose(C.numpy().ravel(), G2.mean(axis=0))
    V = R.numpy() @ C.numpy() / R.numpy().mean()
    np.testing.assert_allclose(V.sum(axis=1), G2.sum(axis=1))  # row sums preserved
    np.testing.assert_allclose(V.sum(axis=0), G2.sum(axis=0))  # column sums preserved


def test_adafactor_vector_uses_a_full_variance():
    w, grad = _data()
    V = torch.zeros(6, dtype=torch.float64)
    adafactor_update(w, grad, 1, variance=V)
    torch.testing.assert_close(V, grad ** 2)


@pytest.mark.parametrize("call,exc,match", [
    (lambda p, g: sgd_update(p, g[:3], None, lr=0.1), ValueError, r"grad must have the shape of param \(6,\), got \(3,\)"),
    (lambda p, g: sgd_update(p.numpy(), g, None, lr=0.1), TypeError, r"param must be a torch.Tensor"),
    (lambda p, g: sgd_update(p, g.long(), None, lr=0.1), TypeError, r"grad must have a floating dtype"),
    (lambda p, g: sgd_update(p, g, torch.zeros(2, dtype=torch.float64), lr=0.1, momentum=0.9), ValueError,
     r"momentum_buffer must have the shape of param"),
    (lambda p, g: sgd_update(p, g, None, lr=0.1, nesterov=True), ValueError, r"nesterov needs momentum > 0"),
    (lambda p, g: sgd_update(p, g, None, lr=-1.0), ValueError, r"lr must be >= 0, got -1\.0"),
    (lambda p, g: rmsprop_update(p, g, torch.zeros(6, dtype=torch.float64), lr=0.1, momentum=0.5), ValueError,
     r"momentum_buffer is needed when momentum > 0"),
    (lambda p, g: rmsprop_update(p, g, torch.zeros(6, dtype=torch.float64), lr=0.1, centered=True), ValueError,
     r"grad_avg is needed when centered=True"),
    (lambda p, g: adam_update(p, g, torch.zeros(6), torch.zeros(6), 0), ValueError, r"step must be >= 1, got 0"),
    (lambda p, g: adam_update(p, g, torch.zeros(6), torch.zeros(6), 1.0), TypeError, r"step must be an int"),
    (lambda p, g: adam_update(p, g, torch.zeros(6), torch.zeros(6), 1, beta1=1.0), ValueError,
     r"beta1 must be in \[0\.0, 1\.0\), got 1\.0"),
    (lambda p, g: adam_update(p, g, torch.zeros(6), torch.zeros(6), 1, beta2=-0.1), ValueError,
     r"beta2 must be in \[0\.0, 1\.0\), got -0\.1"),
    (lambda p, g: adamw_update(p, g, torch.zeros(6), torch.zeros(6), 1, weight_decay=-0.1), ValueError,
     r"weight_decay must be >= 0, got -0\.1"),
    (lambda p, g: adafactor_update(p, g, 1), ValueError, r"variance must have the shape of the 1-D param"),
    (lambda p, g: adafactor_update(p.reshape(2, 3), g.reshape(2, 3), 1, row_var=torch.zeros(3, 1),
                                   col_var=torch.zeros(1, 3)), ValueError, r"row_var must have shape \(2, 1\)"),
    (lambda p, g: adafactor_update(p.reshape(2, 3), g.reshape(2, 3), 1, row_var=torch.zeros(2, 1)), ValueError,
     r"col_var must have shape \(1, 3\).*got None"),
    (lambda p, g: adafactor_update(p, g, 1, variance=torch.zeros(6), d=0.9), ValueError,
     r"d \(the clipping threshold\) must be >= 1, got 0\.9"),
])
def test_bad_arguments_are_refused_naming_the_value(call, exc, match):
    p, g = _data()
    with pytest.raises(exc, match=match):
        call(p, g)
