r"""A small real training run: the client that shows an optimiser working on real data.

One two-layer tanh network trained by mini-batch cross-entropy; the optimiser is the only thing
that changes between runs, so two implementations of one update rule must give the same losses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import torch

from .. import _checks
from ..information import cross_entropy_from_logits

__all__ = ["mlp_training_losses"]


def mlp_training_losses(X: torch.Tensor, y: torch.Tensor,
                        make_optimizer: Callable[[Sequence[torch.Tensor]], torch.optim.Optimizer],
                        steps: int = 200, batch: int = 128, hidden: int = 32, seed: int = 0) -> list[float]:
    r"""Train a one-hidden-layer tanh MLP by mini-batch cross-entropy; return the loss of every step.

    $$\hat y = \operatorname{softmax}\!\big(\tanh(X W_1 + b_1)\, W_2 + b_2\big),\qquad
    L = -\frac1B \sum_{i \in \text{batch}} \log \hat y_{i, y_i}$$

    $W_1 \sim \mathcal N(0, 1/d)$ entrywise, $W_2 \sim \mathcal N(0, 1/h)$, biases 0, all in
    float64, drawn from a CPU generator seeded with ``seed`` and then moved to ``X``'s device;
    the mini-batch indices come from the same generator. Two runs with the same seed therefore
    see the same initial weights and the same batches, whatever the optimiser.

    Parameters
    ----------
    X : torch.Tensor
        Inputs, shape ``(n, d)``, floating; computed in float64.
    y : torch.Tensor
        Class indices, shape ``(n,)``, integer, in ``[0, C)`` with ``C = y.max() + 1``.
    make_optimizer : callable
        Called once with the list ``[W1, b1, W2, b2]``; returns a ``torch.optim.Optimizer``.
    steps : int, default 200
        Number of optimiser steps (at least 1).
    batch : int, default 128
        Mini-batch size, in ``[1, n]``.
    hidden : int, default 32
        Width $h$ of the hidden layer (at least 1).
    seed : int, default 0
        Seed of the CPU generator.

    Returns
    -------
    list of float
        The mini-batch loss (in nats) before each step.

    Raises
    ------
    TypeError
        If ``X``/``y`` have the wrong dtype, ``make_optimizer`` is not callable or does not return an
        optimiser, or an integer argument is not an int.
    ValueError
        If shapes do not match, ``y`` has a negative class, or an integer argument is out of range.

    References
    ----------
    Goodfellow, Bengio & Courville, *Deep Learning*, §6.2 and §8.1; Loshchilov & Hutter,
    *Decoupled Weight Decay Regularization*, ICLR 2019 (the AdamW runs of the optimiser page).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import SGD, mlp_training_losses
    >>> X = torch.tensor([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
    >>> y = torch.tensor([0, 1, 1, 0])
    >>> losses = mlp_training_losses(X, y, lambda p: SGD(p, lr=0.5), steps=50, batch=4, hidden=8)
    >>> losses[-1] < losses[0]
    True
    """
    _checks.tensor(X, "X", ndim=2)
    if not isinstance(y, torch.Tensor) or y.dtype not in (torch.int64, torch.int32):
        raise TypeError(f"y must be a tensor of class indices (int64 or int32), got {_checks._describe(y)}")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have one class per row of X, shape ({X.shape[0]},), got {tuple(y.shape)}")
    if bool((y < 0).any()):
        raise ValueError(f"y must hold classes >= 0, got {int(y.min())}")
    _checks.same_device(X=X, y=y)
    if not callable(make_optimizer):
        raise TypeError(f"make_optimizer must be callable, got {make_optimizer!r}")
    _checks.integer(steps, "steps", minimum=1)
    _checks.integer(batch, "batch", minimum=1, maximum=X.shape[0])
    _checks.integer(hidden, "hidden", minimum=1)
    _checks.integer(seed, "seed", minimum=0)
    n, d = X.shape
    classes = int(y.max()) + 1
    gen = torch.Generator().manual_seed(seed)
    params = [torch.randn(d, hidden, generator=gen, dtype=torch.float64) / d ** 0.5, torch.zeros(hidden, dtype=torch.float64),
              torch.randn(hidden, classes, generator=gen, dtype=torch.float64) / hidden ** 0.5,
              torch.zeros(classes, dtype=torch.float64)]
    params = [p.to(X.device).requires_grad_() for p in params]
    opt = make_optimizer(params)
    if not isinstance(opt, torch.optim.Optimizer):
        raise TypeError(f"make_optimizer must return a torch.optim.Optimizer, got {type(opt).__name__}")
    x = X.to(torch.float64)
    losses = []
    for _ in range(steps):
        idx = torch.randint(0, n, (batch,), generator=gen).to(X.device)  # a mini-batch, the same for every run
        opt.zero_grad()
        W1, b1, W2, b2 = params
        loss = cross_entropy_from_logits(torch.tanh(x[idx] @ W1 + b1) @ W2 + b2, y[idx])  # (B, C) logits
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses
