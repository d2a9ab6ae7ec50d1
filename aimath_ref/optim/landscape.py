r"""Convexity, checked numerically: the chord of a convex function never dips below its graph."""

from __future__ import annotations

from collections.abc import Callable

import torch

from .. import _checks

__all__ = ["convexity_gap"]


def convexity_gap(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, y: torch.Tensor,
                  t: float | torch.Tensor = 0.5) -> torch.Tensor:
    r"""How far the chord between $f(x)$ and $f(y)$ lies above the graph at a point between them.

    $$\operatorname{gap}(x, y, t) = t f(x) + (1 - t) f(y) - f\bigl(t x + (1 - t) y\bigr), \qquad t \in [0, 1]$$

    $f$ is convex exactly when the gap is $\ge 0$ for every $x$, $y$ and $t$ (Jensen's
    inequality for two points); strictly convex when it is $> 0$ for $x \ne y$, $0 < t < 1$.
    One negative gap proves that $f$ is not convex; non-negative gaps at sampled points are
    only evidence. Convexity says nothing about whether a minimiser exists ($e^x$ has none) or
    is unique ($\max(0, \lvert x\rvert - 1)$ has a whole interval of them); it guarantees that every
    local minimum is global.

    Parameters
    ----------
    f : callable
        Scalar function of a tensor shaped like ``x``.
    x, y : torch.Tensor
        Floating points of the same shape, on one device.
    t : float or torch.Tensor, default 0.5
        Weight in $[0, 1]$; a 1-D tensor of weights gives one gap per weight.

    Returns
    -------
    torch.Tensor
        The gap: a 0-D tensor, or shape ``(len(t),)`` for a tensor ``t``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or does not return a tensor, ``x``/``y`` are not floating
        tensors, or ``t`` is neither a real number nor a floating tensor.
    ValueError
        If ``x`` and ``y`` differ in shape or device, are empty, ``t`` is outside $[0, 1]$ or
        not 1-D, or ``f`` does not return a scalar.

    References
    ----------
    Boyd & Vandenberghe, *Convex Optimization*, §3.1.1 (definition) and §4.2.2 (local minima
    of convex problems are global).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import convexity_gap
    >>> x, y = torch.tensor([-1.0]), torch.tensor([1.0])
    >>> convexity_gap(lambda v: (v ** 2).sum(), x, y).item()       # convex: the chord is above
    1.0
    >>> convexity_gap(lambda v: (v ** 4 - 2 * v ** 2).sum(), x, y).item()  # double well: below
    -1.0
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    _checks.tensor(x, "x")
    _checks.tensor(y, "y")
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same shape, got {tuple(x.shape)} and {tuple(y.shape)}")
    _checks.same_device(x=x, y=y)
    if isinstance(t, torch.Tensor):
        _checks.tensor(t, "t", ndim=1)
        if torch.isnan(t).any() or (t < 0).any() or (t > 1).any():
            raise ValueError(f"t must be in [0, 1], got {t.tolist()}")
        ts = t.detach().tolist()
    else:
        ts = [_checks.real(t, "t", low=0.0, high=1.0)]

    def value(v: torch.Tensor) -> torch.Tensor:
        out = f(v)
        if not isinstance(out, torch.Tensor):
            raise TypeError(f"f must return a torch.Tensor, got {type(out).__name__}")
        if out.numel() != 1:
            raise ValueError(f"f must return a scalar tensor (one element), got shape {tuple(out.shape)}")
        return out.reshape(())

    fx, fy = value(x), value(y)
    gaps = torch.stack([s * fx + (1 - s) * fy - value(s * x + (1 - s) * y) for s in ts])  # chord - graph
    return gaps if isinstance(t, torch.Tensor) else gaps[0]
