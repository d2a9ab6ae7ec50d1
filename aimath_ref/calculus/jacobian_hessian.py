r"""Jacobian and Hessian matrices, and what the Hessian says at a critical point.

For $f:\mathbb R^n \to \mathbb R^m$ the Jacobian $J \in \mathbb R^{m\times n}$ holds every first
derivative, $J_{ij} = \partial f_i / \partial x_j$. For a scalar loss $L:\mathbb R^n \to \mathbb R$
the Hessian $H \in \mathbb R^{n\times n}$ holds every second derivative,
$H_{ij} = \partial^2 L / \partial w_i \partial w_j$; it is the Jacobian of the gradient.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import torch

from .. import _checks

__all__ = ["jacobian", "hessian", "classify_critical_point"]


def _leaf(x: torch.Tensor) -> torch.Tensor:
    _checks.tensor(x, "x")
    return x.detach().clone().requires_grad_(True)


def _rows(y: torch.Tensor, leaf: torch.Tensor, create_graph: bool) -> torch.Tensor:
    # One reverse pass per output entry: row i of J is the gradient of y_i.
    flat = y.reshape(-1)
    rows = []
    for i in range(flat.numel()):
        g = None
        if flat.requires_grad:
            (g,) = torch.autograd.grad(flat[i], leaf, retain_graph=True, create_graph=create_graph,
                                       allow_unused=True)
        rows.append(torch.zeros_like(leaf) if g is None else g)
    if not rows:
        return leaf.new_zeros((0,) + tuple(leaf.shape))
    return torch.stack(rows).reshape(tuple(y.shape) + tuple(leaf.shape))


def jacobian(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor,
             create_graph: bool = False) -> torch.Tensor:
    r"""Jacobian of ``f`` at ``x``: every output's derivative with respect to every input.

    $$J_{ij} = \frac{\partial f_i}{\partial x_j}, \qquad J \in \mathbb R^{m \times n}$$

    Row $i$ is the gradient of the output $f_i$, obtained by one reverse-mode pass, so the
    full matrix costs $m$ backward passes. For tensors, the shape is
    ``f(x).shape + x.shape``, as in ``torch.autograd.functional.jacobian``.

    Parameters
    ----------
    f : callable
        Maps a tensor shaped like ``x`` to a tensor, using differentiable torch operations.
    x : torch.Tensor
        Floating tensor where the Jacobian is taken.
    create_graph : bool, default False
        Keep the graph of the result, so it can be differentiated again.

    Returns
    -------
    torch.Tensor
        Shape ``f(x).shape + x.shape``; equal to ``torch.autograd.functional.jacobian(f, x)``.

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``x`` is not a floating tensor, or ``f`` does not return a tensor.
    ValueError
        If ``x`` is empty.

    References
    ----------
    Magnus & Neudecker, *Matrix Differential Calculus*, 3rd ed., Ch. 5; Baydin et al. 2018,
    *Automatic Differentiation in Machine Learning: a Survey*, JMLR 18, §3.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.calculus import jacobian
    >>> f = lambda v: torch.stack([v[0] * v[1], v[0] + 3 * v[1]])
    >>> jacobian(f, torch.tensor([2.0, 5.0])).tolist()
    [[5.0, 2.0], [1.0, 3.0]]
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    leaf = _leaf(x)
    with torch.enable_grad():  # works inside torch.no_grad() too
        y = f(leaf)
        if not isinstance(y, torch.Tensor):
            raise TypeError(f"f must return a torch.Tensor, got {type(y).__name__} {y!r}")
        J = _rows(y, leaf, create_graph)
    return J if create_graph else J.detach()


def hessian(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor,
            create_graph: bool = False) -> torch.Tensor:
    r"""Hessian of a scalar function: the matrix of its second derivatives.

    $$H_{ij} = \frac{\partial^2 L}{\partial w_i\, \partial w_j} = \frac{\partial}{\partial w_j}\bigl(\nabla L\bigr)_i$$

    It is the Jacobian of the gradient (one backward pass for $\nabla L$ with its graph kept,
    then one pass per entry). It is symmetric when $L$ is twice continuously
    differentiable (Schwarz). For $n$ parameters it has $n^2$ entries, which is why large
    models never form it and use Hessian-vector products instead.

    Parameters
    ----------
    f : callable
        Maps a tensor shaped like ``x`` to a scalar tensor.
    x : torch.Tensor
        Floating tensor where the Hessian is taken.
    create_graph : bool, default False
        Keep the graph of the result.

    Returns
    -------
    torch.Tensor
        Shape ``x.shape + x.shape``; equal to ``torch.autograd.functional.hessian(f, x)``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not a floating tensor.
    ValueError
        If ``x`` is empty or ``f`` does not return a scalar.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §2.1 and §8.4; Pearlmutter 1994,
    *Fast Exact Multiplication by the Hessian*, Neural Computation 6(1).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.calculus import hessian
    >>> L = lambda w: w[0] ** 2 + 3 * w[0] * w[1] - w[1] ** 2
    >>> hessian(L, torch.tensor([1.0, 1.0])).tolist()
    [[2.0, 3.0], [3.0, -2.0]]
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    leaf = _leaf(x)
    with torch.enable_grad():  # works inside torch.no_grad() too
        return _hessian(f, x, leaf, create_graph)


def _hessian(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, leaf: torch.Tensor,
             create_graph: bool) -> torch.Tensor:
    y = f(leaf)
    if not isinstance(y, torch.Tensor) or y.numel() != 1:
        got = f"shape {tuple(y.shape)}" if isinstance(y, torch.Tensor) else type(y).__name__
        raise ValueError(f"f must return a scalar tensor (one element) for a Hessian, got {got}")
    if not y.requires_grad:
        return torch.zeros(tuple(x.shape) * 2, dtype=x.dtype, device=x.device)
    (g,) = torch.autograd.grad(y.reshape(()), leaf, create_graph=True, allow_unused=True)
    if g is None:
        return torch.zeros(tuple(x.shape) * 2, dtype=x.dtype, device=x.device)
    H = _rows(g, leaf, create_graph)  # Jacobian of the gradient
    return H if create_graph else H.detach()


CriticalPoint = Literal["minimum", "maximum", "saddle", "flat"]


def classify_critical_point(H: torch.Tensor, tol: float | None = None,
                            grad: torch.Tensor | None = None, grad_tol: float = 1e-6) -> CriticalPoint:
    r"""Second-derivative test: classify a critical point from the Hessian's eigenvalues.

    Only meaningful **at a critical point**, where $\nabla L = 0$. There, with
    $\lambda_1 \le \dots \le \lambda_n$ the eigenvalues of the symmetric $H$:

    - all $\lambda_i > 0$ ($H$ positive definite): ``"minimum"`` (strict local minimum);
    - all $\lambda_i < 0$ ($H$ negative definite): ``"maximum"`` (strict local maximum);
    - some $\lambda_i > 0$ and some $\lambda_j < 0$ ($H$ indefinite): ``"saddle"``;
    - otherwise ($H$ semi-definite with some $\lambda_i = 0$): ``"flat"``, meaning the test is
      **inconclusive**; higher-order terms decide (e.g. $w^4$ is a minimum, $w^3$ is not).

    Away from a critical point a positive-definite $H$ only says that $L$ is locally convex.
    Eigenvalues with $\lvert\lambda\rvert \le$ ``tol`` count as zero.

    Parameters
    ----------
    H : torch.Tensor
        Symmetric floating matrix of shape ``(n, n)``.
    tol : float or None, default None
        Zero threshold for eigenvalues; ``None`` uses $10\,n\,\epsilon_{\text{mach}} \max_i\lvert\lambda_i\rvert$
        with $\epsilon_{\text{mach}}$ of the dtype of ``H``.
    grad : torch.Tensor or None, default None
        The gradient at the point; if given, a point with $\lVert\nabla L\rVert >$ ``grad_tol`` is rejected.
    grad_tol : float, default 1e-6
        Largest gradient norm accepted as zero.

    Returns
    -------
    {"minimum", "maximum", "saddle", "flat"}
        The verdict of the test.

    Raises
    ------
    TypeError
        If ``H`` or ``grad`` is not a floating tensor.
    ValueError
        If ``H`` is not square, is empty, is not symmetric, contains NaN or infinity, or
        ``grad`` is given and is not (near) zero.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., Theorems 2.3 and 2.4 (second-order conditions).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.calculus import classify_critical_point
    >>> [classify_critical_point(torch.diag(torch.tensor(d)))
    ...  for d in ([2.0, 1.0], [-1.0, -3.0], [2.0, -1.0], [2.0, 0.0])]
    ['minimum', 'maximum', 'saddle', 'flat']
    """
    _checks.tensor(H, "H", ndim=2)
    if H.shape[0] != H.shape[1]:
        raise ValueError(f"H must be square, got shape {tuple(H.shape)}")
    work = H.detach().to(torch.float64 if H.dtype == torch.float64 else torch.float32)
    if not torch.isfinite(work).all():
        raise ValueError("H must contain only finite values, got NaN or infinity")
    unit = torch.finfo(H.dtype).eps
    scale = work.abs().max().item()
    if (work - work.T).abs().max().item() > 100 * unit * max(scale, 1.0):
        raise ValueError(f"H must be symmetric; got max |H - H^T| = {(work - work.T).abs().max().item():.3g}")
    if grad is not None:
        _checks.tensor(grad, "grad")
        gnorm = grad.detach().double().norm().item()
        _checks.real(grad_tol, "grad_tol", nonnegative=True)
        if gnorm > grad_tol:
            raise ValueError(f"the second-derivative test needs a critical point (gradient zero), "
                             f"got grad with norm {gnorm:.3g} > grad_tol={grad_tol}")
    lam = torch.linalg.eigvalsh((work + work.T) / 2)  # real eigenvalues, ascending
    if tol is None:
        tol = 10 * H.shape[0] * unit * lam.abs().max().item()  # relative to the largest curvature
    else:
        _checks.real(tol, "tol", nonnegative=True)
    pos = bool((lam > tol).any())
    neg = bool((lam < -tol).any())
    if pos and neg:
        return "saddle"
    if pos and bool((lam > tol).all()):
        return "minimum"
    if neg and bool((lam < -tol).all()):
        return "maximum"
    return "flat"
