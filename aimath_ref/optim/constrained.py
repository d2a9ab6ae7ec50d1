r"""Constrained optimisation: the Lagrangian, its KKT system solved by Newton's method, KKT residuals.

Equality constraints $h(x) = 0$ enter the Lagrangian $\mathcal L(x, \lambda) = f(x) - \lambda^\top h(x)$,
and a regular constrained optimum is a stationary point of it: $\nabla f = \sum_j \lambda_j \nabla h_j$,
$h(x) = 0$. Inequality constraints $g(x) \le 0$ add multipliers $\mu \ge 0$ that are zero
unless the constraint is active (the Karush–Kuhn–Tucker conditions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import torch

from .. import _checks
from ..calculus import hessian, jacobian
from ..probability import softmax

__all__ = ["KKTPoint", "lagrange_newton", "kkt_residuals", "kl_regularised_policy"]

Constraint = Callable[[torch.Tensor], torch.Tensor]


class KKTPoint(NamedTuple):
    """A solution of the Lagrange (KKT) system.

    Attributes
    ----------
    x : torch.Tensor
        The point, shape ``(n,)``.
    multipliers : torch.Tensor
        $\\lambda$, one per constraint, shape ``(m,)``.
    iterations : int
        Newton steps taken.
    converged : bool
        Whether the residual of the system reached ``tol``.
    """

    x: torch.Tensor
    multipliers: torch.Tensor
    iterations: int
    converged: bool


def _constraint_values(h: Constraint, x: torch.Tensor, name: str) -> torch.Tensor:
    v = h(x)
    if not isinstance(v, torch.Tensor):
        raise TypeError(f"{name} must return a torch.Tensor, got {type(v).__name__}")
    if v.ndim > 1:
        raise ValueError(f"{name} must return a scalar or a 1-D tensor of constraint values, got shape {tuple(v.shape)}")
    return v.reshape(-1)


def lagrange_newton(f: Callable[[torch.Tensor], torch.Tensor], h: Constraint, x0: torch.Tensor,
                    lam0: torch.Tensor | None = None, tol: float = 1e-10, max_iter: int = 50) -> KKTPoint:
    r"""Minimise $f(x)$ subject to $h(x) = 0$ by Newton's method on the stationarity conditions of the Lagrangian.

    With $\mathcal L(x, \lambda) = f(x) - \lambda^\top h(x)$ and $J = \partial h/\partial x$, the
    optimum solves $\nabla f(x) - J^\top\lambda = 0$, $h(x) = 0$: $n + m$ equations in $n + m$
    unknowns. Each Newton step solves the KKT system

    $$\begin{bmatrix} \nabla^2_{xx}\mathcal L & -J^\top \\ J & 0 \end{bmatrix}
      \begin{bmatrix} \Delta x \\ \Delta\lambda \end{bmatrix}
      = -\begin{bmatrix} \nabla f - J^\top \lambda \\ h(x) \end{bmatrix},$$

    with derivatives from `aimath_ref.calculus.jacobian` and `aimath_ref.calculus.hessian`.
    At the solution $\nabla f = \sum_j \lambda_j \nabla h_j$: the gradient of $f$ is a combination
    of the constraint gradients (parallel to $\nabla h$ for one constraint). The method finds a
    stationary point of $\mathcal L$ near the start; whether it is a minimum is a second-order
    question (the Hessian of $\mathcal L$ on the tangent space of the constraints).

    Parameters
    ----------
    f : callable
        Twice-differentiable scalar objective of a 1-D tensor.
    h : callable
        Equality constraints: maps ``x`` to a scalar or a tensor of shape ``(m,)``; feasible where zero.
    x0 : torch.Tensor
        Floating starting point, shape ``(n,)``, with $m \le n$.
    lam0 : torch.Tensor or None, default None
        Starting multipliers, shape ``(m,)``; zeros if ``None``.
    tol : float, default 1e-10
        Stop when the largest entry of the right-hand side is at most ``tol``.
    max_iter : int, default 50
        Largest number of Newton steps ($\ge 0$).

    Returns
    -------
    KKTPoint
        The point, its multipliers $\lambda$, the steps taken and whether it converged.

    Raises
    ------
    TypeError
        If ``f`` or ``h`` is not callable or returns no tensor, or ``x0``/``lam0`` is not a floating tensor.
    ValueError
        If ``x0`` is not 1-D or is empty, there are more constraints than unknowns, ``lam0``
        has the wrong shape, ``tol`` is not positive, ``max_iter`` is negative, or the KKT
        matrix is singular (constraint gradients linearly dependent).

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §12.3 (first-order conditions) and
    §18.1 (Newton's method on the KKT system); Boyd & Vandenberghe, *Convex Optimization*, §10.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import lagrange_newton
    >>> f = lambda v: (v[0] - 2) ** 2 + (v[1] - 1) ** 2   # squared distance to (2, 1) ...
    >>> h = lambda v: v[0] ** 2 + v[1] ** 2 - 1            # ... from a point of the unit circle
    >>> r = lagrange_newton(f, h, torch.tensor([1.0, 0.0], dtype=torch.float64))
    >>> [round(v, 6) for v in r.x.tolist()], [round(v, 6) for v in r.multipliers.tolist()], r.converged
    ([0.894427, 0.447214], [-1.236068], True)
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    if not callable(h):
        raise TypeError(f"h must be callable, got {type(h).__name__} {h!r}")
    _checks.tensor(x0, "x0", ndim=1)
    _checks.real(tol, "tol", positive=True)
    _checks.integer(max_iter, "max_iter", minimum=0)
    x = x0.detach().clone()
    n = x.shape[0]
    m = _constraint_values(h, x, "h").shape[0]
    if m > n:
        raise ValueError(f"h must give at most as many constraints as unknowns, got {m} constraints for {n} unknowns")
    if lam0 is None:
        lam = torch.zeros(m, dtype=x.dtype, device=x.device)
    else:
        _checks.tensor(lam0, "lam0", ndim=1)
        if lam0.shape[0] != m:
            raise ValueError(f"lam0 must have shape ({m},), got {tuple(lam0.shape)}")
        lam = lam0.detach().to(dtype=x.dtype, device=x.device).clone()
    for it in range(max_iter + 1):
        J = jacobian(lambda v: _constraint_values(h, v, "h"), x).reshape(m, n)  # (m, n)
        grad_f = jacobian(f, x).reshape(n)  # nabla f
        rhs = torch.cat([grad_f - J.T @ lam, _constraint_values(h, x, "h")])  # (n + m,)
        if rhs.abs().max().item() <= tol:
            return KKTPoint(x, lam, it, True)
        if it == max_iter:
            break
        W = hessian(lambda v: f(v) - lam @ _constraint_values(h, v, "h"), x)  # Hessian of the Lagrangian
        K = torch.zeros(n + m, n + m, dtype=x.dtype, device=x.device)
        K[:n, :n], K[:n, n:], K[n:, :n] = W, -J.T, J
        try:
            step = torch.linalg.solve(K, -rhs)
        except RuntimeError as exc:
            raise ValueError(f"the KKT matrix is singular at x = {x.tolist()}, lam = {lam.tolist()} (linearly "
                             "dependent constraint gradients, or a degenerate Hessian of the Lagrangian: "
                             "try another x0 or lam0)") from exc
        x, lam = x + step[:n], lam + step[n:]
    return KKTPoint(x, lam, max_iter, False)


def kkt_residuals(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor,
                  eq: Constraint | None = None, lam: torch.Tensor | None = None,
                  ineq: Constraint | None = None, mu: torch.Tensor | None = None) -> dict[str, float]:
    r"""How far a point and its multipliers are from satisfying the KKT conditions.

    For $\min f(x)$ subject to $h(x) = 0$ (``eq``, multipliers $\lambda$) and $g(x) \le 0$
    (``ineq``, multipliers $\mu$), with $\mathcal L = f - \lambda^\top h + \mu^\top g$:

    $$\begin{aligned}
    &\text{stationarity:} && \nabla f(x) - J_h^\top\lambda + J_g^\top\mu = 0 \\
    &\text{primal feasibility:} && h(x) = 0,\quad g(x) \le 0 \\
    &\text{dual feasibility:} && \mu \ge 0 \\
    &\text{complementary slackness:} && \mu_i\, g_i(x) = 0 \ \text{ for every } i
    \end{aligned}$$

    Each residual is the largest violation of its line (0 when it holds exactly).

    Parameters
    ----------
    f : callable
        Differentiable scalar objective.
    x : torch.Tensor
        Floating point, shape ``(n,)``.
    eq, ineq : callable or None
        Equality constraints $h$ and inequality constraints $g$, each returning a scalar or ``(m,)``.
    lam, mu : torch.Tensor or None
        Their multipliers, one per constraint; required when the constraint is given.

    Returns
    -------
    dict
        ``{"stationarity", "primal", "dual", "complementarity"}``, each a float $\ge 0$.

    Raises
    ------
    TypeError
        If ``f`` or a constraint is not callable, or a tensor argument is not a floating tensor.
    ValueError
        If ``x`` is not 1-D or is empty, a constraint is given without its multipliers (or the
        reverse), or a multiplier vector has the wrong length.

    References
    ----------
    Karush 1939 (MSc thesis, University of Chicago); Kuhn & Tucker 1951, *Nonlinear
    programming*, Proc. 2nd Berkeley Symposium; Nocedal & Wright, *Numerical Optimization*,
    2nd ed., Thm 12.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import kkt_residuals
    >>> f = lambda v: (v[0] - 2) ** 2 + v[1] ** 2    # nearest point to (2, 0) ...
    >>> g = lambda v: v[0] - 1                        # ... with x <= 1
    >>> r = kkt_residuals(f, torch.tensor([1.0, 0.0]), ineq=g, mu=torch.tensor([2.0]))
    >>> sorted(r.items())
    [('complementarity', 0.0), ('dual', 0.0), ('primal', 0.0), ('stationarity', 0.0)]
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    _checks.tensor(x, "x", ndim=1)
    x = x.detach()
    grad = jacobian(f, x).reshape(-1).clone()  # nabla f
    primal = dual = comp = 0.0
    for name, con, mult, mname, sign in (("eq", eq, lam, "lam", -1.0), ("ineq", ineq, mu, "mu", 1.0)):
        if con is None and mult is None:
            continue
        if con is None or mult is None:
            raise ValueError(f"{name} and {mname} must be given together, got {name}={con!r} and {mname}={mult!r}")
        if not callable(con):
            raise TypeError(f"{name} must be callable, got {type(con).__name__} {con!r}")
        _checks.tensor(mult, mname, ndim=1)
        values = _constraint_values(con, x, name)
        if mult.shape[0] != values.shape[0]:
            raise ValueError(f"{mname} must have one entry per constraint ({values.shape[0]}), got shape {tuple(mult.shape)}")
        mult = mult.detach().to(dtype=grad.dtype, device=grad.device)
        J = jacobian(lambda v: _constraint_values(con, v, name), x).reshape(values.shape[0], -1)  # (m, n)
        grad = grad + sign * (J.T @ mult)  # - J_h^T lam   or   + J_g^T mu
        if name == "eq":
            primal = max(primal, values.abs().max().item())
        else:
            primal = max(primal, values.clamp(min=0).max().item())
            dual = max(dual, (-mult).clamp(min=0).max().item())
            comp = max(comp, (mult * values).abs().max().item())
    return {"stationarity": grad.abs().max().item(), "primal": primal, "dual": dual, "complementarity": comp}


def kl_regularised_policy(ref_logits: torch.Tensor, reward: torch.Tensor, beta: float, dim: int = -1) -> torch.Tensor:
    r"""The policy that maximises reward minus a KL penalty to a reference policy (the RLHF objective).

    $$\pi^* = \arg\max_\pi\; \mathbb E_{a\sim\pi}[r(a)] - \beta\, D_{\mathrm{KL}}(\pi \,\Vert\, \pi_{\text{ref}})
      \quad\Longrightarrow\quad \pi^*(a) = \frac{\pi_{\text{ref}}(a)\, e^{r(a)/\beta}}{\sum_b \pi_{\text{ref}}(b)\, e^{r(b)/\beta}}$$

    i.e. ``softmax(ref_logits + reward / beta)``. The penalty is soft: $\beta$ plays the role
    of a Lagrange multiplier for a KL budget, fixed in advance instead of solved for (a hard
    KL constraint is a trust region, as in TRPO). Large $\beta$ keeps $\pi^*$ near
    $\pi_{\text{ref}}$; small $\beta$ lets it chase the reward.

    Parameters
    ----------
    ref_logits : torch.Tensor
        Floating logits of $\pi_{\text{ref}}$ over the actions (tokens or responses), along ``dim``.
    reward : torch.Tensor
        Floating rewards $r(a)$, broadcastable against ``ref_logits``.
    beta : float
        Penalty weight $\beta > 0$.
    dim : int, default -1
        The action dimension.

    Returns
    -------
    torch.Tensor
        $\pi^*$, the broadcast shape, summing to 1 along ``dim``.

    Raises
    ------
    TypeError
        If a tensor is not floating, ``beta`` is not a real number or ``dim`` is not an int.
    ValueError
        If a tensor is empty or holds NaN, the shapes do not broadcast, the tensors are on
        different devices, ``beta`` is not positive, or ``dim`` is out of range.

    References
    ----------
    Ouyang et al. 2022, *Training language models to follow instructions with human feedback*,
    eq. (2); Rafailov et al. 2023, *Direct Preference Optimization*, eq. (4); Schulman et al.
    2015, *Trust Region Policy Optimization*.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import kl_regularised_policy
    >>> ref = torch.log(torch.tensor([0.5, 0.3, 0.2]))
    >>> r = torch.tensor([0.0, 1.0, 2.0])
    >>> [[round(p, 3) for p in kl_regularised_policy(ref, r, b).tolist()] for b in (100.0, 1.0, 0.1)]
    [[0.496, 0.301, 0.203], [0.179, 0.292, 0.529], [0.0, 0.0, 1.0]]
    """
    _checks.tensor(ref_logits, "ref_logits")
    _checks.tensor(reward, "reward")
    _checks.same_device(ref_logits=ref_logits, reward=reward)
    b = _checks.real(beta, "beta", positive=True)
    for name, t in (("ref_logits", ref_logits), ("reward", reward)):
        if torch.isnan(t).any():
            raise ValueError(f"{name} must not contain NaN")
    try:
        shape = torch.broadcast_shapes(ref_logits.shape, reward.shape)
    except RuntimeError as exc:
        raise ValueError(f"ref_logits and reward must broadcast, got shapes {tuple(ref_logits.shape)} "
                         f"and {tuple(reward.shape)}") from exc
    d = _checks.dim(dim, len(shape), "dim")
    dtype = torch.promote_types(ref_logits.dtype, reward.dtype)
    z = ref_logits.to(dtype) + reward.to(dtype) / b  # log pi_ref + r / beta (up to a constant)
    return softmax(z, dim=d)
