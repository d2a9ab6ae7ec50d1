r"""Newton's method, and gradient descent and L-BFGS run to the same tolerance for comparison.

Newton's method minimises the second-order Taylor model of the loss at each step,
$H\,\delta = -\nabla L$; gradient descent uses only the slope; L-BFGS builds an estimate of
$H^{-1}$ from the last few gradient differences. Each solver here stops at the first
iterate with $\lVert \nabla f \rVert_\infty \le$ ``tol`` (the test ``torch.optim.LBFGS`` uses)
and reports how many iterations and function evaluations it took.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import torch

from .. import _checks
from ..calculus import hessian
from ..tables import CHAPTERS, Row, Table, register

__all__ = ["OptimResult", "newton_method", "gradient_descent_to_tolerance", "lbfgs", "rosenbrock",
           "SECOND_ORDER_METHODS"]


class OptimResult(NamedTuple):
    """What a solver did: where it ended and what it cost.

    Attributes
    ----------
    x : torch.Tensor
        The last iterate.
    iterations : int
        Number of updates made.
    evaluations : int
        Number of evaluations of ``f`` (each with its gradient; Newton's also with its Hessian).
    converged : bool
        Whether $\\lVert\\nabla f(x)\\rVert_\\infty \\le$ ``tol`` was reached within ``max_iter``.
    trajectory : torch.Tensor
        Every iterate, shape ``(iterations + 1,) + x.shape``.
    """

    x: torch.Tensor
    iterations: int
    evaluations: int
    converged: bool
    trajectory: torch.Tensor


def _value_and_grad(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    leaf = x.detach().clone().requires_grad_(True)
    with torch.enable_grad():
        y = f(leaf)
        if not isinstance(y, torch.Tensor) or y.numel() != 1:
            got = f"shape {tuple(y.shape)}" if isinstance(y, torch.Tensor) else type(y).__name__
            raise ValueError(f"f must return a scalar tensor (one element), got {got}")
        (g,) = torch.autograd.grad(y.reshape(()), leaf, allow_unused=True)
    return y.detach().reshape(()), (torch.zeros_like(leaf) if g is None else g)


def _check(f: object, x0: object, tol: float, max_iter: int) -> None:
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    _checks.tensor(x0, "x0", ndim=1)
    _checks.real(tol, "tol", positive=True)
    _checks.integer(max_iter, "max_iter", minimum=0)


def newton_method(f: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, tol: float = 1e-8,
                  max_iter: int = 100, modify: bool = True) -> OptimResult:
    r"""Newton's method: step to the minimum of the local quadratic model.

    $$\nabla^2 f(x_t)\,\delta_t = -\nabla f(x_t), \qquad x_{t+1} = x_t + \delta_t$$

    The Hessian comes from `aimath_ref.calculus.hessian` (torch autograd). The step fixes
    both direction and length, and is the minimiser of the model only when $H$ is positive
    definite; otherwise the model has no minimum and the pure step heads for the stationary
    point of the model, which may be a saddle or a maximum. With ``modify=True`` a Hessian
    that is not safely positive definite (some $\lambda_i < \delta = \sqrt{\epsilon}\,\max(1, \max_j\lvert\lambda_j\rvert)$)
    is replaced by $Q \operatorname{diag}(\max(\lvert\lambda_i\rvert, \delta))\, Q^\top$, which is positive
    definite, so the step goes downhill and is repelled by saddles (the saddle-free Newton step); with
    ``modify=False`` the pure Newton step is taken. Near a minimum with positive-definite $H$,
    convergence is quadratic: the number of correct digits roughly doubles per step.

    Parameters
    ----------
    f : callable
        Twice-differentiable scalar function of a 1-D tensor.
    x0 : torch.Tensor
        Floating starting point, shape ``(n,)``.
    tol : float, default 1e-8
        Stop when $\lVert\nabla f\rVert_\infty \le$ ``tol``.
    max_iter : int, default 100
        Largest number of Newton steps ($\ge 0$).
    modify : bool, default True
        Shift an indefinite Hessian to a positive-definite one.

    Returns
    -------
    OptimResult
        Each iteration evaluates $f$ once with its gradient and Hessian (the Hessian costs $n$
        extra backward passes and a dense $O(n^3)$ solve).

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``x0`` is not a floating tensor or an argument has the wrong type.
    ValueError
        If ``x0`` is not 1-D or is empty, ``tol`` is not positive, ``max_iter`` is negative,
        ``f`` does not return a scalar, or the Hessian is singular with ``modify=False``.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §3.3 (Newton's method) and §3.4
    (Hessian modification); Dauphin et al. 2014, *Identifying and attacking the saddle point
    problem in high-dimensional non-convex optimization* (NeurIPS).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import newton_method
    >>> f = lambda x: 0.5 * (x[0] ** 2 + 100 * x[1] ** 2)  # condition number 100
    >>> r = newton_method(f, torch.tensor([1.0, 1.0], dtype=torch.float64))
    >>> r.iterations, r.converged, r.x.tolist()
    (1, True, [0.0, 0.0])
    """
    _check(f, x0, tol, max_iter)
    x = x0.detach().clone()
    path, evaluations = [x], 0
    for it in range(max_iter + 1):
        _, g = _value_and_grad(f, x)
        evaluations += 1
        if g.abs().max().item() <= tol:
            return OptimResult(x, it, evaluations, True, torch.stack(path))
        if it == max_iter:
            break
        H = hessian(f, x)  # (n, n), from autograd
        H = (H + H.T) / 2
        if modify:
            lam, Q = torch.linalg.eigh(H)  # ascending eigenvalues, orthonormal eigenvectors
            floor = torch.finfo(H.dtype).eps ** 0.5 * max(1.0, lam.abs().max().item())  # delta
            if lam[0].item() < floor:  # not safely positive definite: use |H| with a floor
                H = Q @ torch.diag(lam.abs().clamp(min=floor)) @ Q.T
        try:
            delta = torch.linalg.solve(H, -g)  # H delta = -grad f
        except RuntimeError as exc:  # torch's error for a singular matrix
            raise ValueError(f"the Hessian is singular at x = {x.tolist()}; use modify=True") from exc
        x = x + delta
        path.append(x)
    return OptimResult(x, max_iter, evaluations, False, torch.stack(path))


def gradient_descent_to_tolerance(f: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, lr: float,
                                  tol: float = 1e-8, max_iter: int = 10_000) -> OptimResult:
    r"""Gradient descent with a fixed learning rate, stopped when the gradient is small.

    $$x_{t+1} = x_t - \alpha\,\nabla f(x_t) \quad\text{until}\quad \lVert\nabla f(x_t)\rVert_\infty \le \text{tol}$$

    The same update as `aimath_ref.optim.gradient_descent`, with the gradient from
    autograd and a stopping test, so that it can be compared with `newton_method` and
    `lbfgs`. On a quadratic it needs about $\kappa \ln(1/\text{tol})$ steps at
    $\alpha = 1/\lambda_{\max}$, with $\kappa$ the condition number.

    Parameters
    ----------
    f : callable
        Differentiable scalar function of a 1-D tensor.
    x0 : torch.Tensor
        Floating starting point, shape ``(n,)``.
    lr : float
        Learning rate $\alpha > 0$.
    tol : float, default 1e-8
        Stop when $\lVert\nabla f\rVert_\infty \le$ ``tol``.
    max_iter : int, default 10000
        Largest number of steps ($\ge 0$).

    Returns
    -------
    OptimResult
        One evaluation of $f$ and its gradient per iteration (plus the final check).

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``x0`` is not a floating tensor or an argument has the wrong type.
    ValueError
        If ``x0`` is not 1-D or is empty, ``lr`` or ``tol`` is not positive, ``max_iter`` is
        negative, or ``f`` does not return a scalar.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §3.3 (rate of steepest descent).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import gradient_descent_to_tolerance
    >>> f = lambda x: 0.5 * (x[0] ** 2 + 10 * x[1] ** 2)  # condition number 10
    >>> r = gradient_descent_to_tolerance(f, torch.tensor([1.0, 1.0], dtype=torch.float64), lr=0.1, tol=1e-6)
    >>> r.iterations, r.converged
    (132, True)
    """
    _check(f, x0, tol, max_iter)
    alpha = _checks.real(lr, "lr", positive=True)
    x = x0.detach().clone()
    path = [x]
    for it in range(max_iter + 1):
        _, g = _value_and_grad(f, x)
        if g.abs().max().item() <= tol:
            return OptimResult(x, it, it + 1, True, torch.stack(path))
        if it == max_iter or not torch.isfinite(g).all():
            return OptimResult(x, it, it + 1, False, torch.stack(path))
        x = x - alpha * g  # x - alpha grad f
        path.append(x)
    raise AssertionError("unreachable")  # pragma: no cover


def lbfgs(f: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, tol: float = 1e-8, max_iter: int = 1000,
          history_size: int = 10) -> OptimResult:
    r"""L-BFGS from ``torch.optim.LBFGS`` with a strong-Wolfe line search, counting its work.

    Quasi-Newton: the step is $-\alpha_t B_t^{-1}\nabla f(x_t)$, where $B_t^{-1}$ approximates
    the inverse Hessian from the last $m$ pairs $s_k = x_{k+1} - x_k$, $y_k = \nabla f_{k+1} - \nabla f_k$
    (two-loop recursion, $O(mn)$ time and memory), and $\alpha_t$ comes from the line search.
    A thin wrapper that records every iterate and the number of closure calls.

    Parameters
    ----------
    f : callable
        Differentiable scalar function of a 1-D tensor.
    x0 : torch.Tensor
        Floating starting point, shape ``(n,)``.
    tol : float, default 1e-8
        ``tolerance_grad``: stop when $\lVert\nabla f\rVert_\infty \le$ ``tol``.
    max_iter : int, default 1000
        Largest number of iterations ($\ge 1$).
    history_size : int, default 10
        Number $m \ge 1$ of stored pairs.

    Returns
    -------
    OptimResult
        ``evaluations`` counts the calls of $f$ with its gradient, line search included.

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``x0`` is not a floating tensor or an argument has the wrong type.
    ValueError
        If ``x0`` is not 1-D or is empty, ``tol`` is not positive, ``max_iter`` or
        ``history_size`` is below 1, or ``f`` does not return a scalar.

    References
    ----------
    Liu & Nocedal 1989, *On the limited memory BFGS method for large scale optimization*,
    Math. Programming 45; Nocedal & Wright, *Numerical Optimization*, 2nd ed., §7.2;
    PyTorch docs ``torch.optim.LBFGS``.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import lbfgs
    >>> f = lambda x: 0.5 * (x[0] ** 2 + 100 * x[1] ** 2)
    >>> r = lbfgs(f, torch.tensor([1.0, 1.0], dtype=torch.float64), tol=1e-6)
    >>> r.converged, r.iterations < 20
    (True, True)
    """
    _check(f, x0, tol, max_iter)
    _checks.integer(max_iter, "max_iter", minimum=1)
    _checks.integer(history_size, "history_size", minimum=1)
    x = x0.detach().clone().requires_grad_(True)
    opt = torch.optim.LBFGS([x], lr=1.0, max_iter=1, max_eval=25, tolerance_grad=tol,
                            tolerance_change=0.0, history_size=history_size, line_search_fn="strong_wolfe")
    path, calls = [x.detach().clone()], [0]
    last: dict[str, torch.Tensor] = {}

    def closure() -> torch.Tensor:
        # step() re-evaluates the point the last line search ended on; serve it from the cache,
        # so that one iteration per step() call costs what one long call would.
        if "x" in last and torch.equal(last["x"], x.detach()):
            x.grad = last["g"].clone()
            return last["y"]
        calls[0] += 1
        opt.zero_grad()
        y = f(x)
        if not isinstance(y, torch.Tensor) or y.numel() != 1:
            got = f"shape {tuple(y.shape)}" if isinstance(y, torch.Tensor) else type(y).__name__
            raise ValueError(f"f must return a scalar tensor (one element), got {got}")
        y = y.reshape(())
        y.backward()
        last.update(x=x.detach().clone(), g=x.grad.detach().clone(), y=y.detach())
        return y

    converged = False
    with torch.enable_grad():
        for it in range(max_iter + 1):
            closure()
            if x.grad.abs().max().item() <= tol:
                converged = True
                break
            if it == max_iter or not torch.isfinite(x.grad).all():
                break
            opt.step(closure)  # one L-BFGS iteration: direction from the history, strong-Wolfe line search
            path.append(x.detach().clone())
    return OptimResult(x.detach().clone(), len(path) - 1, calls[0], converged, torch.stack(path))


def rosenbrock(x: torch.Tensor, a: float = 1.0, b: float = 100.0) -> torch.Tensor:
    r"""The Rosenbrock function, a curved narrow valley with its minimum at $(a, a^2)$.

    $$f(x, y) = (a - x)^2 + b\,(y - x^2)^2$$

    Parameters
    ----------
    x : torch.Tensor
        Floating tensor of shape ``(..., 2)``.
    a, b : float, default 1 and 100
        Position of the minimum and steepness of the valley walls.

    Returns
    -------
    torch.Tensor
        Shape ``x.shape[:-1]``.

    Raises
    ------
    TypeError
        If ``x`` is not a floating tensor or ``a``, ``b`` are not real numbers.
    ValueError
        If the last dimension of ``x`` is not 2.

    References
    ----------
    Rosenbrock 1960, *An automatic method for finding the greatest or least value of a
    function*, The Computer Journal 3(3).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import rosenbrock
    >>> [round(v, 4) for v in rosenbrock(torch.tensor([[1.0, 1.0], [-1.2, 1.0], [0.0, 0.0]])).tolist()]
    [0.0, 24.2, 1.0]
    """
    _checks.tensor(x, "x", min_ndim=1)
    if x.shape[-1] != 2:
        raise ValueError(f"x must have last dimension 2, got shape {tuple(x.shape)}")
    a, b = _checks.real(a, "a"), _checks.real(b, "b")
    return (a - x[..., 0]) ** 2 + b * (x[..., 1] - x[..., 0] ** 2) ** 2


# --- the comparison table: each example runs the method on the two test problems ---------------

_TOL = 1e-6
_GD_CAP = 2000
_KAPPA = torch.tensor([1.0, 100.0], dtype=torch.float64)  # eigenvalues of the quadratic's Hessian


def _quadratic(x: torch.Tensor) -> torch.Tensor:
    return 0.5 * (_KAPPA * x ** 2).sum()  # (x^2 + 100 y^2) / 2


@lru_cache(maxsize=None)  # the table is rendered on its page and on the Reference page
def _run(method: str, problem: str) -> OptimResult:
    f, x0 = (rosenbrock, [-1.2, 1.0]) if problem == "rosenbrock" else (_quadratic, [1.0, 1.0])
    start = torch.tensor(x0, dtype=torch.float64)
    if method == "newton":
        return newton_method(f, start, tol=_TOL)
    if method == "lbfgs":
        return lbfgs(f, start, tol=_TOL)
    lr = 1e-3 if problem == "rosenbrock" else 1 / _KAPPA.max().item()
    return gradient_descent_to_tolerance(f, start, lr=lr, tol=_TOL, max_iter=_GD_CAP)


def _cell(r: OptimResult) -> str:
    if not r.converged:
        return f"not within {r.iterations:,} it."
    return f"{r.iterations:,} it. / {r.evaluations:,} ev."


def _example(method: str) -> str:
    return (f"Rosenbrock: {_cell(_run(method, 'rosenbrock'))}; "
            f"quadratic $\\kappa = 100$: {_cell(_run(method, 'quadratic'))}")


SECOND_ORDER_METHODS = register(Table(
    name="second-order-methods",
    title="Second-order methods compared",
    caption=("Gradient descent, Newton's method and L-BFGS: what each knows about the loss and what a step "
             "costs for $n$ parameters. The example column counts iterations (it.) and evaluations of $f$ "
             "with its gradient (ev.) until $\\lVert\\nabla f\\rVert_\\infty \\le 10^{-6}$, from $(-1.2, 1)$ on "
             "the Rosenbrock function and from $(1, 1)$ on $\\tfrac12(x^2 + 100y^2)$; gradient descent uses "
             "$\\alpha = 10^{-3}$ and $\\alpha = 1/\\lambda_{\\max} = 0.01$ and stops after 2,000 steps."),
    columns=("Method", "Uses", "Cost per iteration", "Memory", "Converges"),
    chapter=CHAPTERS[5],
    page="optimisation/second-order.md",
    rows=(
        Row({"Method": "Gradient descent",
             "Uses": "$\\nabla f$ and a learning rate $\\alpha$",
             "Cost per iteration": "One gradient: $O(n)$ on top of a forward and a backward pass",
             "Memory": "$O(n)$",
             "Converges": "Linearly, at rate $(\\kappa - 1)/(\\kappa + 1)$ at best on a quadratic"},
            impl=gradient_descent_to_tolerance, example=lambda: _example("gd")),
        Row({"Method": "Newton's method",
             "Uses": "$\\nabla f$ and the Hessian $H$: solves $H\\delta = -\\nabla f$",
             "Cost per iteration": "$n$ extra backward passes for $H$, $O(n^3)$ for the solve",
             "Memory": "$O(n^2)$",
             "Converges": "Quadratically near a minimum with $H \\succ 0$; one step on a quadratic"},
            impl=newton_method, example=lambda: _example("newton")),
        Row({"Method": "L-BFGS",
             "Uses": "$\\nabla f$ and the last $m$ steps and gradient changes",
             "Cost per iteration": "$O(mn)$ plus the line search's evaluations",
             "Memory": "$O(mn)$, $m \\approx 5$ to $20$",
             "Converges": "Superlinearly in practice on smooth deterministic problems"},
            impl=lbfgs, example=lambda: _example("lbfgs")),
    ),
))
"""The second-order comparison table: iterations and evaluations to a gradient tolerance."""
