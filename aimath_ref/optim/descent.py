r"""Gradient descent with a fixed learning rate, and what the learning rate does on a quadratic.

Gradient descent repeats one update, $\theta_{t+1} = \theta_t - \alpha\,\nabla L(\theta_t)$: a
step of length proportional to the slope, against it. On a quadratic
$L(\theta) = \tfrac12 \theta^\top H \theta$ each step multiplies the error along the
eigenvector of $\lambda_i$ by $1 - \alpha\lambda_i$, which is what limits the learning rate
($\alpha < 2/\lambda_{\max}$, see `aimath_ref.calculus.max_stable_lr`).
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from .. import _checks

__all__ = ["gradient_descent", "contraction_factor"]


def gradient_descent(grad: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, lr: float,
                     steps: int) -> torch.Tensor:
    r"""Run ``steps`` steps of gradient descent with a fixed learning rate; return every iterate.

    $$\theta_{t+1} = \theta_t - \alpha\,\nabla L(\theta_t), \qquad t = 0, 1, \dots, \text{steps} - 1$$

    The step shrinks by itself as the slope flattens near a minimum, so a fixed $\alpha$ is
    enough to converge when it is small enough. On a quadratic with largest curvature
    $\lambda_{\max}$ the iterates converge for $0 < \alpha < 2/\lambda_{\max}$ and diverge
    for $\alpha > 2/\lambda_{\max}$; a diverging run is returned as it is, so its last rows
    may hold huge values, ``inf`` or ``nan`` (the NaN loss of a failed training run).

    Parameters
    ----------
    grad : callable
        Maps a tensor shaped like ``x0`` to the gradient $\nabla L$ there (same shape), e.g.
        ``torch.func.grad(loss)``.
    x0 : torch.Tensor
        Floating starting point $\theta_0$, any shape.
    lr : float
        Learning rate $\alpha > 0$.
    steps : int
        Number of updates, $\ge 0$.

    Returns
    -------
    torch.Tensor
        Shape ``(steps + 1,) + x0.shape``, dtype and device of ``x0``: row $t$ is $\theta_t$
        (row 0 is ``x0``). Detached from any autograd graph.

    Raises
    ------
    TypeError
        If ``grad`` is not callable or does not return a tensor, ``x0`` is not a floating
        tensor, ``lr`` is not a real number or ``steps`` is not an int.
    ValueError
        If ``x0`` is empty, ``lr`` is not a finite positive number, ``steps`` is negative,
        or ``grad`` returns a tensor of another shape.

    References
    ----------
    Cauchy 1847, *Méthode générale pour la résolution des systèmes d'équations simultanées*;
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., Ch. 3; Boyd & Vandenberghe,
    *Convex Optimization*, §9.3.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import gradient_descent
    >>> path = gradient_descent(lambda w: 2 * w, torch.tensor([4.0]), lr=0.25, steps=3)  # L = w^2
    >>> path.flatten().tolist()
    [4.0, 2.0, 1.0, 0.5]
    """
    if not callable(grad):
        raise TypeError(f"grad must be callable, got {type(grad).__name__} {grad!r}")
    _checks.tensor(x0, "x0")
    alpha = _checks.real(lr, "lr", positive=True)
    _checks.integer(steps, "steps", minimum=0)
    theta = x0.detach().clone()
    path = [theta]
    for _ in range(steps):
        g = grad(theta)
        if not isinstance(g, torch.Tensor):
            raise TypeError(f"grad must return a torch.Tensor, got {type(g).__name__} {g!r}")
        if g.shape != theta.shape:
            raise ValueError(f"grad must return a tensor shaped like x0 {tuple(theta.shape)}, got {tuple(g.shape)}")
        theta = theta - alpha * g.detach().to(theta.dtype)  # theta_{t+1} = theta_t - alpha * grad L(theta_t)
        path.append(theta)
    return torch.stack(path)


def contraction_factor(H: torch.Tensor, lr: float) -> float:
    r"""Worst-case factor by which one gradient step shrinks the error on a quadratic with Hessian $H$.

    On $L(\theta) = \tfrac12(\theta - \theta^*)^\top H (\theta - \theta^*)$ a step maps the
    error $e = \theta - \theta^*$ to $(I - \alpha H)\,e$, so with the eigenvalues $\lambda_i$ of $H$

    $$\rho(\alpha) = \max_i \lvert 1 - \alpha \lambda_i \rvert, \qquad
      \lVert e_t \rVert \le \rho^t \lVert e_0 \rVert .$$

    Gradient descent converges if and only if $\rho < 1$, i.e. $0 < \alpha < 2/\lambda_{\max}$.
    The best fixed step, $\alpha = 2/(\lambda_{\min} + \lambda_{\max})$, gives
    $\rho = (\kappa - 1)/(\kappa + 1)$ with the condition number $\kappa = \lambda_{\max}/\lambda_{\min}$:
    the more stretched the bowl, the slower the descent.

    Parameters
    ----------
    H : torch.Tensor
        Symmetric floating matrix, shape ``(n, n)``.
    lr : float
        Learning rate $\alpha > 0$.

    Returns
    -------
    float
        $\rho(\alpha)$.

    Raises
    ------
    TypeError
        If ``H`` is not a floating tensor or ``lr`` is not a real number.
    ValueError
        If ``H`` is not square, is empty, is not symmetric or holds NaN/inf, or ``lr`` is not positive.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §3.3 (rate of steepest descent);
    Polyak 1987, *Introduction to Optimization*, §1.4.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import contraction_factor
    >>> H = torch.diag(torch.tensor([1.0, 10.0]))
    >>> [round(contraction_factor(H, lr), 4) for lr in (0.05, 2 / 11, 0.21)]
    [0.95, 0.8182, 1.1]
    """
    _checks.tensor(H, "H", ndim=2)
    if H.shape[0] != H.shape[1]:
        raise ValueError(f"H must be square, got shape {tuple(H.shape)}")
    alpha = _checks.real(lr, "lr", positive=True)
    work = H.detach().to(torch.float64)
    if not torch.isfinite(work).all():
        raise ValueError("H must contain only finite values, got NaN or infinity")
    asym = (work - work.T).abs().max().item()
    if asym > 100 * torch.finfo(H.dtype).eps * max(work.abs().max().item(), 1.0):
        raise ValueError(f"H must be symmetric; got max |H - H^T| = {asym:.3g}")
    lam = torch.linalg.eigvalsh((work + work.T) / 2)  # ascending eigenvalues
    return max(abs(1 - alpha * lam[0].item()), abs(1 - alpha * lam[-1].item()))  # rho = max_i |1 - alpha lambda_i|
