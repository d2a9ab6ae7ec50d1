"""mlp_training_losses: the same seed gives the same run, the loss is the cross-entropy torch computes,
and every refusal names its argument."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from aimath_ref.optim import SGD, mlp_training_losses


def _data(n=20, d=3, c=3, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, d, generator=g, dtype=torch.float64), torch.randint(0, c, (n,), generator=g)


def test_first_loss_is_torch_cross_entropy_of_the_initial_network():
    X, y = _data()
    losses = mlp_training_losses(X, y, lambda p: SGD(p, lr=0.1), steps=1, batch=20, hidden=4, seed=3)
    g = torch.Generator().manual_seed(3)  # the documented draws, in the documented order
    W1 = torch.randn(3, 4, generator=g, dtype=torch.float64) / 3 ** 0.5
    W2 = torch.randn(4, 3, generator=g, dtype=torch.float64) / 2
    idx = torch.randint(0, 20, (20,), generator=g)
    want = F.cross_entropy(torch.tanh(X[idx] @ W1) @ W2, y[idx]).item()
    assert losses[0] == pytest.approx(want, rel=1e-12)


def test_same_seed_same_run_and_learning_happens():
    X, y = _data()
    a = mlp_training_losses(X, y, lambda p: SGD(p, lr=0.5), steps=60, batch=20, hidden=8)
    b = mlp_training_losses(X, y, lambda p: torch.optim.SGD(p, lr=0.5), steps=60, batch=20, hidden=8)
    c = mlp_training_losses(X, y, lambda p: SGD(p, lr=0.5), steps=60, batch=20, hidden=8, seed=1)
    assert a == b and a != c and len(a) == 60
    assert a[-1] < a[0]


@pytest.mark.parametrize("kwargs, exc, match", [
    (dict(X=[[0.0]]), TypeError, "X must be a torch.Tensor"),
    (dict(y=torch.zeros(20)), TypeError, "y must be a tensor of class indices"),
    (dict(y=torch.zeros(19, dtype=torch.long)), ValueError, r"one class per row of X, shape \(20,\), got \(19,\)"),
    (dict(y=torch.full((20,), -1)), ValueError, "classes >= 0, got -1"),
    (dict(make_optimizer=3), TypeError, "make_optimizer must be callable, got 3"),
    (dict(make_optimizer=lambda p: p), TypeError, "must return a torch.optim.Optimizer, got list"),
    (dict(steps=0), ValueError, "steps must be >= 1, got 0"),
    (dict(batch=0), ValueError, "batch must be >= 1, got 0"),
    (dict(batch=21), ValueError, "batch must be <= 20, got 21"),
    (dict(hidden=0), ValueError, "hidden must be >= 1, got 0"),
    (dict(seed=-1), ValueError, "seed must be >= 0, got -1"),
])
def test_bad_input_is_named(kwargs, exc, match):
    X, y = _data()
    args = dict(X=X, y=y, make_optimizer=lambda p: SGD(p, lr=0.1), steps=1, batch=20)
    args.update(kwargs)
    with pytest.raises(exc, match=match):
        mlp_training_losses(**args)


def test_batch_endpoints_are_allowed():
    X, y = _data()
    assert len(mlp_training_losses(X, y, lambda p: SGD(p, lr=0.1), steps=2, batch=1)) == 2
    assert len(mlp_training_losses(X, y, lambda p: SGD(p, lr=0.1), steps=2, batch=20)) == 2
