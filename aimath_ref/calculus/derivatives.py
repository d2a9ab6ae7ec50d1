r"""Derivatives by finite differences, and the gradient check that compares them with autograd.

A derivative is the limit of a difference quotient,

$$f'(x) = \lim_{\varepsilon \to 0} \frac{f(x + \varepsilon) - f(x)}{\varepsilon},$$

so a small but finite $\varepsilon$ gives an approximation whose error can be stated. These
functions are slow (two evaluations of $f$ per coordinate) and exist to *check* the exact
gradients of automatic differentiation, never to replace them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import torch

from .. import _checks

__all__ = ["numerical_derivative", "numerical_gradient", "gradient_check", "GradientCheck"]

Number = int | float


def _work_dtype(dtype: torch.dtype) -> torch.dtype:
    # Half precision cannot resolve a difference quotient: evaluate in float32 at least.
    return torch.float32 if dtype in (torch.float16, torch.bfloat16) else dtype


def _default_step(dtype: torch.dtype, method: str) -> float:
    unit = torch.finfo(dtype).eps
    # central: truncation h^2 vs rounding eps/h -> h ~ eps^(1/3); forward: h ~ eps^(1/2)
    return unit ** (1 / 3) if method == "central" else unit ** 0.5


def numerical_derivative(f: Callable[[torch.Tensor], torch.Tensor], x: Number | torch.Tensor,
                         eps: float | None = None,
                         method: Literal["central", "forward"] = "central") -> float | torch.Tensor:
    r"""Derivative of a scalar function by a finite difference (elementwise on a tensor).

    The central difference

    $$f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}, \qquad
      \text{error} = \frac{h^2}{6} f'''(\xi) = O(h^2),$$

    is second-order accurate; the forward difference $\bigl(f(x + h) - f(x)\bigr)/h$ of the
    limit definition has error $\tfrac{h}{2} f''(\xi) = O(h)$. Rounding adds an error of
    order $\epsilon_{\text{mach}} \lvert f \rvert / h$, so the default step balances the two:
    $h = \epsilon_{\text{mach}}^{1/3} \max(1, \lvert x \rvert)$ for the central difference
    (about $6\cdot 10^{-6}$ in float64) and $h = \epsilon_{\text{mach}}^{1/2} \max(1, \lvert x \rvert)$
    for the forward one.

    Parameters
    ----------
    f : callable
        Function of one real variable, applied elementwise when ``x`` is a tensor
        (``f(x)`` must have the shape of ``x``).
    x : float or torch.Tensor
        Point(s) where the derivative is taken. A Python number is evaluated in float64.
    eps : float or None, default None
        Step $h$ (before scaling by $\max(1, \lvert x\rvert)$); ``None`` picks the balanced step above.
    method : {"central", "forward"}, default "central"
        Which difference quotient.

    Returns
    -------
    float or torch.Tensor
        A float for a number ``x``; otherwise a tensor shaped and typed like ``x``.

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``x`` is neither a real number nor a floating tensor, or ``f``
        returns something that is not a number for a number ``x``.
    ValueError
        If ``eps`` is not positive, ``method`` is unknown, ``x`` is empty, ``f(x)`` changes the
        shape of a tensor ``x``, or ``f`` returns more than one number for a number ``x``.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1 (finite-difference derivative approximations).

    Examples
    --------
    >>> import math
    >>> from aimath_ref.calculus import numerical_derivative
    >>> round(numerical_derivative(math.sin, 0.0), 8)  # cos(0)
    1.0
    >>> round(numerical_derivative(lambda t: t ** 3, 2.0), 6)  # 3 * 2**2
    12.0
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    _checks.choice(method, "method", ("central", "forward"))
    if eps is not None:
        _checks.real(eps, "eps", positive=True)
    if isinstance(x, torch.Tensor):
        _checks.tensor(x, "x")
        work = x.to(_work_dtype(x.dtype))
        h = (eps if eps is not None else _default_step(work.dtype, method)) * work.abs().clamp(min=1.0)
        ahead = f(work + h)
        behind = f(work - h) if method == "central" else f(work)
        for value in (ahead, behind):  # both evaluations must keep the shape
            if not isinstance(value, torch.Tensor) or value.shape != x.shape:
                got = tuple(value.shape) if isinstance(value, torch.Tensor) else type(value).__name__
                raise ValueError(f"f must map x of shape {tuple(x.shape)} to a tensor of the same shape, got {got}")
        span = 2 * h if method == "central" else h
        return ((ahead - behind) / span).to(x.dtype)
    xv = _checks.real(x, "x")
    h = (eps if eps is not None else _default_step(torch.float64, method)) * max(1.0, abs(xv))
    if method == "central":
        return (_number(f(xv + h)) - _number(f(xv - h))) / (2 * h)  # O(h^2)
    return (_number(f(xv + h)) - _number(f(xv))) / h  # O(h)


def _number(value: object) -> float:
    # f at a number x must give one real number: a Python number or a one-element real tensor.
    if isinstance(value, torch.Tensor):
        if value.numel() != 1 or value.is_complex() or value.dtype == torch.bool:
            raise ValueError(f"f must return one real number for a number x, got a tensor of shape "
                             f"{tuple(value.shape)} and dtype {value.dtype}")
        return float(value.item())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"f must return a real number or a one-element tensor for a number x, "
                        f"got {type(value).__name__} {value!r}")
    return float(value)


def _scalar(value: object, what: str) -> torch.Tensor:
    if not isinstance(value, torch.Tensor) or value.numel() != 1:
        got = f"shape {tuple(value.shape)}" if isinstance(value, torch.Tensor) else type(value).__name__
        raise ValueError(f"{what} must return a scalar tensor (one element), got {got}")
    return value.reshape(())


def numerical_gradient(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor,
                       eps: float | None = None) -> torch.Tensor:
    r"""Gradient of a scalar function of a tensor by central differences, one coordinate at a time.

    $$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h_i e_i) - f(x - h_i e_i)}{2 h_i},
      \qquad h_i = h \max(1, \lvert x_i \rvert),$$

    with $e_i$ the $i$-th unit vector; each entry has error $O(h_i^2)$. The cost is $2n$
    evaluations of $f$ for $n$ entries, against one backward pass for autograd.

    Parameters
    ----------
    f : callable
        Maps a tensor shaped like ``x`` to a scalar tensor.
    x : torch.Tensor
        Floating tensor of any shape (half precision is evaluated in float32).
    eps : float or None, default None
        Base step $h$; ``None`` uses $\epsilon_{\text{mach}}^{1/3}$ of the working dtype.

    Returns
    -------
    torch.Tensor
        $\nabla f(x)$, shaped and typed like ``x``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not a floating tensor.
    ValueError
        If ``x`` is empty, ``eps`` is not positive, or ``f`` does not return a scalar.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.calculus import numerical_gradient
    >>> g = numerical_gradient(lambda w: (w ** 2).sum(), torch.tensor([1.0, -2.0], dtype=torch.float64))
    >>> [round(v, 6) for v in g.tolist()]  # 2w
    [2.0, -4.0]
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    _checks.tensor(x, "x")
    if eps is not None:
        _checks.real(eps, "eps", positive=True)
    work = x.detach().to(_work_dtype(x.dtype))
    base = eps if eps is not None else _default_step(work.dtype, "central")
    flat = work.reshape(-1)
    grad = torch.empty_like(flat)
    for i in range(flat.numel()):
        h = base * max(1.0, abs(flat[i].item()))  # h_i
        step = torch.zeros_like(flat)
        step[i] = h
        up = _scalar(f((flat + step).reshape(x.shape)), "f")
        down = _scalar(f((flat - step).reshape(x.shape)), "f")
        grad[i] = (up - down) / (2 * h)
    return grad.reshape(x.shape).to(x.dtype)


@dataclass(frozen=True)
class GradientCheck:
    """Result of `gradient_check`.

    Attributes
    ----------
    max_rel_error : float
        Worst entry of $\\lvert a - n \\rvert / \\max(\\lvert a \\rvert, \\lvert n \\rvert)$.
    max_abs_error : float
        Worst entry of $\\lvert a - n \\rvert$.
    analytic : torch.Tensor
        The autograd gradient $a$ (float64).
    numerical : torch.Tensor
        The central-difference gradient $n$ (float64).
    passed : bool
        ``max_rel_error <= tol``.
    """

    max_rel_error: float
    max_abs_error: float
    analytic: torch.Tensor
    numerical: torch.Tensor
    passed: bool


def gradient_check(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor,
                   eps: float | None = None, tol: float = 1e-6) -> GradientCheck:
    r"""Compare the autograd gradient of ``f`` with central differences, in float64.

    For each entry the relative error

    $$r_i = \frac{\lvert a_i - n_i \rvert}{\max(\lvert a_i \rvert, \lvert n_i \rvert)}$$

    is computed ($r_i = 0$ where both are below $10^{-12}$); a correct backward pass gives
    $\max_i r_i$ around $10^{-9}$ in float64, a wrong one gives errors of order one.

    Parameters
    ----------
    f : callable
        Maps a tensor shaped like ``x`` to a scalar tensor, built from differentiable torch operations.
    x : torch.Tensor
        Floating tensor where the gradient is checked (copied to float64).
    eps : float or None, default None
        Finite-difference step (see `numerical_gradient`).
    tol : float, default 1e-6
        Largest relative error that counts as a pass.

    Returns
    -------
    GradientCheck
        Worst relative and absolute errors, both gradients and the verdict.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not a floating tensor.
    ValueError
        If ``x`` is empty, ``tol``/``eps`` is not positive, or ``f`` does not return a scalar.

    References
    ----------
    Karpathy, *CS231n notes: gradient checks*; PyTorch ``torch.autograd.gradcheck``.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.calculus import gradient_check
    >>> result = gradient_check(lambda w: torch.tanh(w).sum(), torch.tensor([0.5, -1.0]))
    >>> result.passed, result.max_rel_error < 1e-8
    (True, True)
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    _checks.tensor(x, "x")
    _checks.real(tol, "tol", positive=True)
    x64 = x.detach().to(torch.float64)
    leaf = x64.clone().requires_grad_(True)
    with torch.enable_grad():
        out = _scalar(f(leaf), "f")
        analytic = None
        if out.requires_grad:
            (analytic,) = torch.autograd.grad(out, leaf, allow_unused=True)
    analytic = torch.zeros_like(x64) if analytic is None else analytic  # None: f ignores x
    with torch.no_grad():
        numerical = numerical_gradient(f, x64, eps=eps)
    diff = (analytic - numerical).abs()
    scale = torch.maximum(analytic.abs(), numerical.abs())
    rel = torch.where(scale > 1e-12, diff / scale.clamp(min=1e-12), torch.zeros_like(diff))
    worst = rel.max().item()
    return GradientCheck(max_rel_error=worst, max_abs_error=diff.max().item(),
                         analytic=analytic.detach(), numerical=numerical, passed=worst <= tol)

