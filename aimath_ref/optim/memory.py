"""How much state each optimiser keeps, measured, and the table that compares them."""

from __future__ import annotations

import math
from typing import Any

import torch

from .. import _checks
from ..tables import CHAPTERS, Row, Table, register
from .optimisers import SGD, Adafactor, Adam, AdamW, RMSprop

__all__ = ["state_shapes", "OPTIMISERS"]


def state_shapes(optimizer: type[torch.optim.Optimizer], shape: tuple[int, ...] = (512, 256),
                 **kwargs: Any) -> dict[str, tuple[int, ...]]:
    r"""The state an optimiser keeps for one parameter, found by taking one step on a real one.

    Builds a zero parameter of ``shape``, gives it a gradient of ones, takes one ``step()`` of
    ``optimizer(params, **kwargs)`` and reports the shape of each state tensor. The memory an
    optimiser needs on top of the weights is the sum of these sizes: 0 for plain SGD, one copy of
    the weight with momentum or RMSprop, two for Adam and AdamW, and for Adafactor on an
    $n \times m$ matrix only $n + m$ numbers.

    Parameters
    ----------
    optimizer : type
        A ``torch.optim.Optimizer`` subclass (one of this package's or torch's own).
    shape : tuple of int
        Shape of the parameter (default a 512 x 256 weight matrix).
    **kwargs
        Passed to the optimiser's constructor (e.g. ``momentum=0.9``).

    Returns
    -------
    dict
        State name to shape, in the order the optimiser created them (``step`` has shape ``()``).

    Raises
    ------
    TypeError
        If ``optimizer`` is not an Optimizer subclass or ``shape`` is not a tuple of ints.
    ValueError
        If ``shape`` has a size below 1.

    References
    ----------
    Shazeer & Stern 2018 (ICML), §3 (memory of factored second moments).

    Examples
    --------
    >>> state_shapes(Adam)
    {'step': (), 'exp_avg': (512, 256), 'exp_avg_sq': (512, 256)}
    >>> state_shapes(Adafactor)
    {'step': (), 'row_var': (512, 1), 'col_var': (1, 256)}
    """
    if not (isinstance(optimizer, type) and issubclass(optimizer, torch.optim.Optimizer)):
        raise TypeError(f"optimizer must be a torch.optim.Optimizer subclass, got {optimizer!r}")
    if not isinstance(shape, tuple) or not shape:
        raise TypeError(f"shape must be a non-empty tuple of ints, got {shape!r}")
    for i, n in enumerate(shape):
        _checks.integer(n, f"shape[{i}]", minimum=1)
    p = torch.zeros(shape, requires_grad=True)
    opt = optimizer([p], **kwargs)
    p.grad = torch.ones(shape)
    opt.step()
    return {name: tuple(t.shape) for name, t in opt.state[p].items() if isinstance(t, torch.Tensor)}


_SHAPE = (512, 256)  # the weight used for the table's state column


def _state_text(optimizer: type[torch.optim.Optimizer], **kwargs: Any) -> str:
    shapes = {k: v for k, v in state_shapes(optimizer, _SHAPE, **kwargs).items() if v != ()}
    weight = _SHAPE[0] * _SHAPE[1]
    total = sum(math.prod(s) for s in shapes.values())
    if not shapes:
        return "state: none"
    listed = ", ".join(f"`{k}` {'×'.join(map(str, s))}" for k, s in shapes.items())
    return f"state: {listed} = {total:,} numbers ({total / weight:.3g}× the weight)"


OPTIMISERS = register(Table(
    name="optimisers",
    title="Optimisers compared",
    caption="The optimisers of this chapter, the idea each adds, what it is good at, where it is used, "
            "and the state it keeps, measured by taking one step on a real 512×256 weight.",
    columns=("Optimiser", "Key idea", "Strengths", "Typical use"),
    chapter=CHAPTERS[5],
    page="optimisation/optimisers.md",
    rows=(
        Row({"Optimiser": "SGD", "Key idea": r"$\theta \leftarrow \theta - \gamma g$",
             "Strengths": "simplest; no state; well understood",
             "Typical use": "convex problems, baselines, the start of every analysis"},
            impl=SGD, example=lambda: _state_text(SGD)),
        Row({"Optimiser": "SGD + momentum", "Key idea": r"velocity $b \leftarrow \mu b + g$, step along $b$",
             "Strengths": "damps zig-zag across steep directions, speeds up along shallow ones",
             "Typical use": "CNNs and ResNets on images, often with step or cosine decay"},
            impl=SGD, example=lambda: _state_text(SGD, momentum=0.9)),
        Row({"Optimiser": "RMSprop", "Key idea": r"divide by $\sqrt{\text{EMA of } g^2}$ per coordinate",
             "Strengths": "per-coordinate step sizes that keep adapting on non-stationary problems",
             "Typical use": "recurrent networks, reinforcement learning"},
            impl=RMSprop, example=lambda: _state_text(RMSprop)),
        Row({"Optimiser": "Adam", "Key idea": "momentum + RMSprop, both bias-corrected",
             "Strengths": "robust default; little tuning of the rate across layers of different scale",
             "Typical use": "most deep learning; weight decay here is a coupled L2 term"},
            impl=Adam, example=lambda: _state_text(Adam)),
        Row({"Optimiser": "AdamW", "Key idea": r"Adam + decoupled decay $\theta \leftarrow (1 - \gamma\lambda)\theta$",
             "Strengths": "weight decay that works as intended with adaptive steps",
             "Typical use": "the most common default for Transformers and LLMs (alongside Adafactor, LAMB, Lion, Muon)"},
            impl=AdamW, example=lambda: _state_text(AdamW)),
        Row({"Optimiser": "Adafactor",
             "Key idea": r"second moment of an $n \times m$ matrix as row and column averages, $\hat V = R C^\top / \bar R$",
             "Strengths": "sublinear state: $n + m$ numbers per matrix, no first moment by default "
                          "(vectors still keep a full second moment)",
             "Typical use": "memory-bound training of large Transformers (T5; PaLM used it unfactored)"},
            impl=Adafactor, example=lambda: _state_text(Adafactor)),
    ),
))
"""The optimiser table; each row's last cell is the state measured by `state_shapes` on a 512×256 weight."""
