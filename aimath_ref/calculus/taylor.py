r"""Taylor polynomials of a loss, the step-size limit they imply, and optimisers by Taylor order.

Near a point $\theta$ a smooth loss is a polynomial plus a small remainder:

$$L(\theta + \delta) = L(\theta) + \nabla L(\theta)^\top \delta
  + \tfrac12\, \delta^\top H(\theta)\, \delta + O(\lVert\delta\rVert^3).$$

Gradient descent uses the first two terms, Newton's method all three.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from .. import _checks
from ..tables import Row, Table, register
from .jacobian_hessian import hessian

__all__ = ["taylor_polynomial", "TaylorPolynomial", "max_stable_lr", "OPTIMISATION_ORDERS"]


@dataclass(frozen=True)
class TaylorPolynomial:
    r"""A Taylor polynomial of order 1 or 2 around ``x0``, callable on points.

    Attributes
    ----------
    x0 : torch.Tensor
        Expansion point, shape ``()`` or ``(n,)`` (float64).
    value : float
        $f(x_0)$.
    gradient : torch.Tensor
        $\nabla f(x_0)$, shaped like ``x0``.
    hessian : torch.Tensor or None
        $H(x_0)$ (shape ``x0.shape * 2``) for order 2, else ``None``.
    order : int
        1 or 2.
    """

    x0: torch.Tensor
    value: float
    gradient: torch.Tensor
    hessian: torch.Tensor | None
    order: int

    def __call__(self, x: torch.Tensor | float) -> torch.Tensor:
        """Evaluate the polynomial at ``x`` (shape ``(...)`` for a scalar ``x0``, ``(..., n)`` for a vector)."""
        if not isinstance(x, torch.Tensor):
            x = torch.tensor(_checks.real(x, "x"), dtype=torch.float64)
        _checks.tensor(x, "x")
        if self.x0.ndim == 1 and x.shape[-1:] != self.x0.shape:
            raise ValueError(f"x must have last dimension {self.x0.shape[0]}, got shape {tuple(x.shape)}")
        d = x.to(torch.float64) - self.x0.to(x.device)  # delta
        if self.x0.ndim == 0:
            out = self.value + self.gradient.item() * d
            if self.order == 2:
                out = out + 0.5 * self.hessian.item() * d ** 2  # type: ignore[union-attr]
            return out
        out = self.value + d @ self.gradient.to(x.device)  # L + g^T delta
        if self.order == 2:
            Hd = d @ self.hessian.to(x.device)  # type: ignore[union-attr]  # (..., n), H symmetric
            out = out + 0.5 * (Hd * d).sum(-1)  # + delta^T H delta / 2
        return out


def taylor_polynomial(f: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor | float,
                      order: int = 2) -> TaylorPolynomial:
    r"""First- or second-order Taylor polynomial of ``f`` around ``x0``, with exact derivatives from autograd.

    $$T_1(x) = f(x_0) + \nabla f(x_0)^\top (x - x_0), \qquad
      T_2(x) = T_1(x) + \tfrac12 (x - x_0)^\top H(x_0)\,(x - x_0).$$

    For a smooth $f$ the error of $T_k$ is $O(\lVert x - x_0 \rVert^{k+1})$: halving the step
    divides it by about $2^{k+1}$.

    Parameters
    ----------
    f : callable
        Scalar function: maps a float64 tensor shaped like ``x0`` to a scalar tensor.
    x0 : torch.Tensor or float
        Expansion point, a number, a 0-d tensor or a 1-D tensor of length $n$.
    order : {1, 2}, default 2
        Degree of the polynomial.

    Returns
    -------
    TaylorPolynomial
        Callable polynomial holding $f(x_0)$, $\nabla f(x_0)$ and (order 2) $H(x_0)$, in float64.

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``x0`` is not a real number or floating tensor, or ``order`` is not an int.
    ValueError
        If ``order`` is not 1 or 2, ``x0`` has more than one dimension or is empty, or ``f`` is not scalar.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., Theorem 2.1 (Taylor's theorem).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.calculus import taylor_polynomial
    >>> T2 = taylor_polynomial(torch.exp, 0.0, order=2)
    >>> round(T2(0.1).item(), 6), round(torch.exp(torch.tensor(0.1)).item(), 6)
    (1.105, 1.105171)
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    _checks.integer(order, "order")
    _checks.choice(order, "order", (1, 2))
    if not isinstance(x0, torch.Tensor):
        x0 = torch.tensor(_checks.real(x0, "x0"), dtype=torch.float64)
    _checks.tensor(x0, "x0")
    if x0.ndim > 1:
        raise ValueError(f"x0 must be a number or a 1-D tensor, got shape {tuple(x0.shape)}")
    point = x0.detach().to(torch.float64)
    leaf = point.clone().requires_grad_(True)
    with torch.enable_grad():
        y = f(leaf)
        if not isinstance(y, torch.Tensor) or y.numel() != 1:
            got = f"shape {tuple(y.shape)}" if isinstance(y, torch.Tensor) else type(y).__name__
            raise ValueError(f"f must return a scalar tensor (one element), got {got}")
        g = None
        if y.requires_grad:
            (g,) = torch.autograd.grad(y.reshape(()), leaf, allow_unused=True)
    grad = torch.zeros_like(point) if g is None else g.detach()  # nabla f(x0)
    H = hessian(f, point) if order == 2 else None
    return TaylorPolynomial(x0=point, value=y.item(), gradient=grad, hessian=H, order=order)


def max_stable_lr(H: torch.Tensor) -> float:
    r"""Largest stable learning rate of gradient descent on a quadratic with Hessian $H$.

    On $L(\theta) = \tfrac12 \theta^\top H \theta$, one step is
    $\theta \leftarrow (I - \alpha H)\,\theta$; along the eigenvector of $\lambda_i$ the error
    is multiplied by $1 - \alpha\lambda_i$. When every $\lambda_i > 0$ ($H \succ 0$), the
    iteration converges if and only if

    $$0 < \alpha < \frac{2}{\lambda_{\max}(H)},$$

    at the rate $\max_i \lvert 1 - \alpha\lambda_i \rvert$ per step, best at
    $\alpha = 2/(\lambda_{\min} + \lambda_{\max})$. If some $\lambda_i \le 0$, no step size
    makes that component shrink, so such an $H$ is refused. The limit is set by curvature,
    a second-order quantity; near a minimum of a smooth loss the same bound holds with the
    local Hessian.

    Parameters
    ----------
    H : torch.Tensor
        Symmetric positive-definite floating matrix, shape ``(n, n)``.

    Returns
    -------
    float
        $2 / \lambda_{\max}(H)$.

    Raises
    ------
    TypeError
        If ``H`` is not a floating tensor.
    ValueError
        If ``H`` is not square, is empty, has a non-finite entry, or is not positive
        definite (its smallest eigenvalue is not positive).

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., Ch. 3; Cohen et al. 2021,
    *Gradient Descent on Neural Networks Typically Occurs at the Edge of Stability* (ICLR).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.calculus import max_stable_lr
    >>> max_stable_lr(torch.diag(torch.tensor([1.0, 10.0])))
    0.2
    """
    _checks.tensor(H, "H", ndim=2)
    if H.shape[0] != H.shape[1]:
        raise ValueError(f"H must be square, got shape {tuple(H.shape)}")
    work = H.detach().double()
    if not torch.isfinite(work).all():
        raise ValueError("H must have finite entries, got a NaN or infinite entry")
    lam = torch.linalg.eigvalsh((work + work.T) / 2)
    lam_min, lam_max = lam[0].item(), lam[-1].item()
    if lam_min <= 0:
        raise ValueError(f"H must be positive definite, got lambda_min = {lam_min:.3g}")
    return round(2.0 / lam_max, 12)


# --- the optimisation-order table: each example runs the method on one quadratic ---------------

_A = torch.tensor([1.0, 10.0], dtype=torch.float64)  # eigenvalues of H: condition number 10
_STEPS = 10


def _quadratic(theta: torch.Tensor) -> torch.Tensor:
    return 0.5 * (_A * theta ** 2).sum()  # L = (x^2 + 10 y^2) / 2


def _run(method: str) -> float:
    theta = torch.tensor([1.0, 1.0], dtype=torch.float64, requires_grad=True)
    if method == "newton":
        for _ in range(_STEPS):
            g = torch.autograd.functional.jacobian(_quadratic, theta)  # nabla L
            with torch.no_grad():
                theta -= torch.linalg.solve(hessian(_quadratic, theta), g)  # theta - H^{-1} g
        return _quadratic(theta).item()
    if method == "gd":
        opt: torch.optim.Optimizer = torch.optim.SGD([theta], lr=0.1)
    elif method == "adam":
        opt = torch.optim.Adam([theta], lr=0.1)
    else:
        opt = torch.optim.LBFGS([theta], lr=1.0, max_iter=1, history_size=10)

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = _quadratic(theta)
        loss.backward()
        return loss

    for _ in range(_STEPS):
        opt.step(closure)
    return _quadratic(theta).item()


def _example(method: str) -> str:
    value = _run(method)
    if value == 0 or abs(value) >= 1e-3:
        return f"${value:.2g}$"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"${mantissa} \\times 10^{{{int(exponent)}}}$"


OPTIMISATION_ORDERS = register(Table(
    name="optimisation-orders",
    title="Optimisers by Taylor order",
    caption=("Optimisers by the order of the Taylor model they use, with the cost of one step for "
             "$n$ parameters; the example column is the loss after 10 steps on "
             r"$L = \tfrac12(x^2 + 10y^2)$ from $(1, 1)$ (start: $5.5$)."),
    columns=("Method", "Taylor order", "Cost per step", "Convergence"),
    chapter="Calculus, Gradients & Automatic Differentiation",
    page="calculus/taylor.md",
    rows=(
        Row({"Method": "Gradient descent",
             "Taylor order": "1st: $L + \\nabla L^\\top\\delta$",
             "Cost per step": "$O(n)$ plus one gradient (a forward and a backward pass)",
             "Convergence": "Linear on strongly convex problems, slowed by a large condition number; cheap"},
            example=lambda: _example("gd")),
        Row({"Method": "Newton's method",
             "Taylor order": "2nd: adds $\\tfrac12\\delta^\\top H\\delta$",
             "Cost per step": "$O(n^3)$ to solve $H\\delta = -\\nabla L$ and $O(n^2)$ memory for $H$",
             "Convergence": "Quadratic near a minimum (one step on a quadratic); out of reach for large $n$"},
            example=lambda: _example("newton")),
        Row({"Method": "L-BFGS",
             "Taylor order": "Quasi-2nd: $H^{-1}$ estimated from the last $m$ gradient pairs",
             "Cost per step": "$O(m n)$ time and memory, $m \\approx 5$ to $20$, plus line-search evaluations",
             "Convergence": "Fast on smooth deterministic problems of moderate size; poor with noisy mini-batch gradients"},
            example=lambda: _example("lbfgs")),
        Row({"Method": "Adam",
             "Taylor order": "1st, with a per-parameter step size",
             "Cost per step": "$O(n)$ plus one gradient; two extra state vectors ($3n$ numbers)",
             "Convergence": "The usual default in deep learning; no general convergence guarantee"},
            example=lambda: _example("adam")),
    ),
))
"""The optimisation-order table: first- and second-order methods with their cost per step."""
