"""Gradient accumulation against one big batch and a torch SGD step, including the 1/K trap and BatchNorm."""

from __future__ import annotations

import pytest
import torch

from aimath_ref.optim import accumulate_gradients


def _mlp(seed=0, batchnorm=False):
    torch.manual_seed(seed)
    layers = [torch.nn.Linear(5, 8)] + ([torch.nn.BatchNorm1d(8)] if batchnorm else []) + [torch.nn.Tanh(),
                                                                                            torch.nn.Linear(8, 1)]
    return torch.nn.Sequential(*layers).double()


def _data(n, seed=1):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, 5, generator=g, dtype=torch.float64), torch.randn(n, 1, generator=g, dtype=torch.float64)


def _mse(model):
    return lambda X, y: torch.nn.functional.mse_loss(model(X), y)


@pytest.mark.parametrize("K", [1, 2, 4])
def test_accumulating_K_micro_batches_equals_one_batch_of_B_times_K(K):
    model, (X, y) = _mlp(), _data(8 * K)
    params = list(model.parameters())
    big = torch.autograd.grad(_mse(model)(X, y), params)  # one batch of B*K = 8K examples
    micro = [(X[k * 8:(k + 1) * 8], y[k * 8:(k + 1) * 8]) for k in range(K)]
    acc = accumulate_gradients(_mse(model), params, micro)
    for a, b, p in zip(acc, big, params):
        torch.testing.assert_close(a, b)
        torch.testing.assert_close(p.grad, b)  # left in .grad, as a training loop expects
    # The trap: forgetting to divide each micro-batch loss by K gives K times the gradient.
    wrong = accumulate_gradients(_mse(model), params, micro, normalize=False)
    for w, b in zip(wrong, big):
        torch.testing.assert_close(w, K * b)


def test_unequal_micro_batches_are_weighted_by_size():
    model, (X, y) = _mlp(), _data(10)
    params = list(model.parameters())
    big = torch.autograd.grad(_mse(model)(X, y), params)
    acc = accumulate_gradients(_mse(model), params, [(X[:7], y[:7]), (X[7:], y[7:])])
    for a, b in zip(acc, big):
        torch.testing.assert_close(a, b)


def test_accumulation_and_an_sgd_step_equal_the_big_batch_step():
    model_a, model_b, (X, y) = _mlp(), _mlp(), _data(16)
    accumulate_gradients(_mse(model_a), list(model_a.parameters()), [(X[:8], y[:8]), (X[8:], y[8:])])
    torch.optim.SGD(model_a.parameters(), lr=0.1).step()
    _mse(model_b)(X, y).backward()
    torch.optim.SGD(model_b.parameters(), lr=0.1).step()
    for a, b in zip(model_a.parameters(), model_b.parameters()):
        torch.testing.assert_close(a, b)


def test_batchnorm_breaks_the_equivalence():
    model, (X, y) = _mlp(batchnorm=True), _data(16)
    params = list(model.parameters())
    big = torch.autograd.grad(_mse(model)(X, y), params)
    acc = accumulate_gradients(_mse(model), params, [(X[:8], y[:8]), (X[8:], y[8:])])
    assert max((a - b).abs().max().item() for a, b in zip(acc, big)) > 1e-3  # per-micro-batch statistics
    model.eval()  # with fixed statistics the examples are independent again
    big = torch.autograd.grad(_mse(model)(X, y), params)
    acc = accumulate_gradients(_mse(model), params, [(X[:8], y[:8]), (X[8:], y[8:])])
    for a, b in zip(acc, big):
        torch.testing.assert_close(a, b)


def test_accumulate_gradients_bad_input():
    model, (X, y) = _mlp(), _data(4)
    params = list(model.parameters())
    with pytest.raises(TypeError, match="loss_fn must be callable, got str"):
        accumulate_gradients("mse", params, [(X, y)])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="params must not be empty"):
        accumulate_gradients(_mse(model), [], [(X, y)])
    with pytest.raises(ValueError, match=r"params\[0\] must require grad"):
        accumulate_gradients(_mse(model), [torch.ones(2)], [(X, y)])
    with pytest.raises(ValueError, match="micro_batches must hold at least one"):
        accumulate_gradients(_mse(model), params, [])
    with pytest.raises(TypeError, match=r"micro_batches\[0\] must be a pair \(X, y\) of tensors, got Tensor"):
        accumulate_gradients(_mse(model), params, [X])
    with pytest.raises(ValueError, match=r"micro_batches\[1\] must hold at least one example"):
        accumulate_gradients(_mse(model), params, [(X, y), (X[:0], y[:0])])
    with pytest.raises(ValueError, match=r"loss_fn must return a scalar \(mean\) loss, got shape \(4, 1\)"):
        accumulate_gradients(lambda a, b: (model(a) - b) ** 2, params, [(X, y)])
    with pytest.raises(TypeError, match="loss_fn must return a torch.Tensor, got float"):
        accumulate_gradients(lambda a, b: 1.0, params, [(X, y)])
