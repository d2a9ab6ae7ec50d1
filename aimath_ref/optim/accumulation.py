r"""Gradient accumulation: one optimiser step from the gradients of several micro-batches.

When a batch of $B \times K$ examples does not fit in memory, $K$ micro-batches of $B$ are run
through forward and backward one after another, their gradients add up in ``.grad``, and one
optimiser step follows. It equals the big batch's step only if each micro-batch loss is scaled
correctly and no layer looks across the examples of a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import torch

from .. import _checks

__all__ = ["accumulate_gradients"]


def accumulate_gradients(loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
                         params: Sequence[torch.Tensor], micro_batches: Iterable[tuple[torch.Tensor, torch.Tensor]],
                         normalize: bool = True) -> list[torch.Tensor]:
    r"""Gradient accumulation: backward over $K$ micro-batches, one gradient for one optimiser step.

    If ``loss_fn`` returns the MEAN loss of a micro-batch of $B_k$ examples, the gradient of
    the mean over all $\sum_k B_k$ examples is the weighted sum

    $$\nabla L = \sum_{k=1}^{K} \frac{B_k}{\sum_j B_j}\,\nabla L_k
      \;\overset{B_k = B}{=}\; \frac1K \sum_{k=1}^K \nabla L_k ,$$

    so each micro-batch loss is scaled by $B_k/\sum_j B_j$ ($=1/K$ for equal sizes) before
    ``backward()``. With ``normalize=False`` the losses are not scaled: the result is the
    SUM of the $K$ mean gradients, $K$ times too large (the common scaling mistake). The
    identity needs a model whose output for one example does not depend on the others in
    its batch: BatchNorm in training mode computes its statistics per micro-batch and breaks it.

    Parameters
    ----------
    loss_fn : callable
        ``loss_fn(X, y)`` returns the scalar mean loss of a micro-batch, computed from ``params``.
    params : sequence of torch.Tensor
        The leaf tensors (``requires_grad=True``) to differentiate; their ``.grad`` is reset
        first and holds the accumulated gradient afterwards, as in a training loop.
    micro_batches : iterable of (X, y)
        The $K \ge 1$ micro-batches; $B_k$ is ``len(X)``.
    normalize : bool, default True
        Scale micro-batch $k$ by $B_k/\sum_j B_j$.

    Returns
    -------
    list of torch.Tensor
        The accumulated gradient of each parameter (a copy of its ``.grad``).

    Raises
    ------
    TypeError
        If ``loss_fn`` is not callable, a parameter is not a floating tensor, a micro-batch is
        not a pair of tensors, or ``loss_fn`` does not return a tensor.
    ValueError
        If ``params`` or ``micro_batches`` is empty, a parameter does not require grad, a
        micro-batch is empty, or ``loss_fn`` does not return a scalar.

    References
    ----------
    PyTorch docs, *Automatic Mixed Precision examples* (gradient accumulation) and
    ``torch.nn.BatchNorm1d`` (statistics per mini-batch); Hugging Face Transformers docs,
    ``gradient_accumulation_steps``; Goyal et al. 2017, *Accurate, Large Minibatch SGD*, §2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import accumulate_gradients
    >>> w = torch.zeros(1, requires_grad=True)
    >>> mse = lambda X, y: ((X[:, 0] * w - y) ** 2).mean()
    >>> X, y = torch.tensor([[1.0], [2.0], [3.0], [4.0]]), torch.tensor([1.0, 1.0, 1.0, 1.0])
    >>> accumulate_gradients(mse, [w], [(X[:2], y[:2]), (X[2:], y[2:])])[0].tolist()
    [-5.0]
    >>> accumulate_gradients(mse, [w], [(X, y)])[0].tolist()  # one batch of 4
    [-5.0]
    >>> accumulate_gradients(mse, [w], [(X[:2], y[:2]), (X[2:], y[2:])], normalize=False)[0].tolist()
    [-10.0]
    """
    if not callable(loss_fn):
        raise TypeError(f"loss_fn must be callable, got {type(loss_fn).__name__} {loss_fn!r}")
    params = list(params)
    if not params:
        raise ValueError("params must not be empty, got an empty sequence")
    for i, p in enumerate(params):
        _checks.tensor(p, f"params[{i}]")
        if not p.requires_grad:
            raise ValueError(f"params[{i}] must require grad (a leaf with requires_grad=True), got requires_grad=False")
    batches = list(micro_batches)
    if not batches:
        raise ValueError("micro_batches must hold at least one (X, y) pair, got none")
    sizes = []
    for k, pair in enumerate(batches):
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2
                and all(isinstance(t, torch.Tensor) for t in pair)):
            raise TypeError(f"micro_batches[{k}] must be a pair (X, y) of tensors, got {type(pair).__name__}")
        if pair[0].ndim == 0 or len(pair[0]) == 0:
            raise ValueError(f"micro_batches[{k}] must hold at least one example, got X of shape {tuple(pair[0].shape)}")
        sizes.append(len(pair[0]))
    total = sum(sizes)
    for p in params:
        p.grad = None
    with torch.enable_grad():
        for k, (X, y) in enumerate(batches):
            loss = loss_fn(X, y)
            if not isinstance(loss, torch.Tensor):
                raise TypeError(f"loss_fn must return a torch.Tensor, got {type(loss).__name__}")
            if loss.numel() != 1:
                raise ValueError(f"loss_fn must return a scalar (mean) loss, got shape {tuple(loss.shape)}")
            scale = sizes[k] / total if normalize else 1.0  # B_k / sum_j B_j  (= 1/K for equal sizes)
            (loss.reshape(()) * scale).backward()  # .grad += scale * grad L_k
    return [torch.zeros_like(p) if p.grad is None else p.grad.detach().clone() for p in params]
