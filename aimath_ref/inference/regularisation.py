r"""MAP estimation: a prior on the weights is a penalty in the loss.

By Bayes' theorem $P(w \mid D) \propto P(D \mid w)\,P(w)$, so the maximum a posteriori estimate
minimises the negative log-likelihood plus the negative log-prior:

$$\hat w_{\text{MAP}} = \arg\min_w\ \big[-\log P(D \mid w) - \log P(w)\big].$$

A Gaussian prior $w_j \sim \mathcal N(0, \tau^2)$ contributes $\frac{1}{2\tau^2}\lVert w\rVert_2^2$
(an L2 penalty); a Laplace prior $w_j \sim \operatorname{Laplace}(0, b)$ contributes
$\frac1b \lVert w \rVert_1$ (an L1 penalty). For linear regression with Gaussian noise of
variance $\sigma^2$, multiplying the objective by $2\sigma^2$ gives the form used here,

$$\lVert y - Xw - c \rVert_2^2 + \lambda_1 \lVert w \rVert_1 + \lambda_2 \lVert w \rVert_2^2,
\qquad \lambda_2 = \frac{\sigma^2}{\tau^2},\quad \lambda_1 = \frac{2\sigma^2}{b},$$

with an unpenalised intercept $c$: ridge regression is $\lambda_1 = 0$, the lasso
$\lambda_2 = 0$, the elastic net both.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple

import torch

from .. import _checks
from ..linalg import l1_norm

__all__ = ["LinearFit", "elastic_net_penalty", "l1_penalty", "l2_penalty", "lasso_ista", "ridge_map",
           "soft_threshold"]

Params = torch.Tensor | Iterable[torch.Tensor]


def _params(params: Params) -> list[torch.Tensor]:
    """A tensor or an iterable of tensors (e.g. ``model.parameters()``), each floating and on one device."""
    items = [params] if isinstance(params, torch.Tensor) else params
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise TypeError(f"params must be a tensor or an iterable of tensors, got {type(params).__name__}")
    out = [_checks.tensor(p, "params") for p in items]
    if not out:
        raise ValueError("params must hold at least one tensor, got an empty iterable")
    _checks.same_device(**{f"params[{i}]": p for i, p in enumerate(out)})
    return out


def _total(terms: list[torch.Tensor], params: list[torch.Tensor]) -> torch.Tensor:
    """Sum per-tensor terms in a dtype wide enough for all parameters (half precision in float32)."""
    out = functools.reduce(torch.promote_types, [p.dtype for p in params])
    work = torch.float32 if out in (torch.float16, torch.bfloat16) else out
    return torch.stack([t.to(work) for t in terms]).sum().to(out)


def l2_penalty(params: Params, lam: float) -> torch.Tensor:
    r"""L2 penalty $\lambda \lVert w \rVert_2^2 = \lambda \sum_j w_j^2$: minus the log of a Gaussian prior.

    With $w_j \sim \mathcal N(0, \tau^2)$ independently,
    $-\log P(w) = \frac{1}{2\tau^2}\sum_j w_j^2 + \text{const}$, so the penalty is the
    negative log-prior with $\lambda = 1/(2\tau^2)$ (for a loss that is a negative
    log-likelihood). Its gradient $2\lambda w$ pulls every weight towards zero in proportion
    to its size: weights shrink but rarely reach exactly zero.

    Adding it to the loss is the same as weight decay only for plain SGD:
    ``torch.optim.SGD(weight_decay=wd)`` equals this penalty with $\lambda = \mathrm{wd}/2$.
    With Adam, ``Adam(weight_decay=wd)`` is this coupled penalty, while ``AdamW`` applies
    decoupled weight decay, which is not a term of the loss.

    Parameters
    ----------
    params : torch.Tensor or iterable of torch.Tensor
        The weights $w$: one floating tensor or several (e.g. ``model.parameters()``).
    lam : float
        $\lambda \ge 0$.

    Returns
    -------
    torch.Tensor
        A scalar; differentiable with respect to ``params``. Dtype of the parameters
        (float16/bfloat16 summed in float32).

    Raises
    ------
    TypeError
        If ``params`` is not a floating tensor or an iterable of them, or ``lam`` is not a number.
    ValueError
        If ``lam`` is negative or not finite, ``params`` is empty, or its tensors are on
        different devices.

    References
    ----------
    Hoerl & Kennard, *Ridge Regression*, Technometrics 1970; Bishop, *Pattern Recognition and
    Machine Learning*, 2006, §3.3.1; Loshchilov & Hutter, *Decoupled Weight Decay
    Regularization*, ICLR 2019.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import l2_penalty
    >>> round(l2_penalty(torch.tensor([1.0, -2.0, 0.5]), lam=0.1).item(), 4)
    0.525
    """
    ps = _params(params)
    lam = _checks.real(lam, "lam", nonnegative=True)
    terms = []
    for p in ps:
        w = p.float() if p.dtype in (torch.float16, torch.bfloat16) else p
        terms.append((w * w).sum())  # Σ_j w_j²
    return lam * _total(terms, ps)


def l1_penalty(params: Params, lam: float) -> torch.Tensor:
    r"""L1 penalty $\lambda \lVert w \rVert_1 = \lambda \sum_j \lvert w_j \rvert$: minus the log of a Laplace prior.

    With $w_j \sim \operatorname{Laplace}(0, b)$ independently,
    $-\log P(w) = \frac1b \sum_j \lvert w_j \rvert + \text{const}$, so $\lambda = 1/b$. The
    penalty's pull on a weight has the same size $\lambda$ however small the weight is; a
    proximal solver ([`lasso_ista`][aimath_ref.inference.regularisation.lasso_ista]) therefore sets
    small weights exactly to zero. Plain
    (sub)gradient descent on this penalty only makes them oscillate around zero.

    Parameters
    ----------
    params : torch.Tensor or iterable of torch.Tensor
        The weights $w$: one floating tensor or several.
    lam : float
        $\lambda \ge 0$.

    Returns
    -------
    torch.Tensor
        A scalar, computed with [`l1_norm`][aimath_ref.linalg.norms.l1_norm]; differentiable.

    Raises
    ------
    TypeError
        If ``params`` is not a floating tensor or an iterable of them, or ``lam`` is not a number.
    ValueError
        If ``lam`` is negative or not finite, ``params`` is empty, or its tensors are on
        different devices.

    References
    ----------
    Tibshirani, *Regression Shrinkage and Selection via the Lasso*, JRSS-B 1996; Park &
    Casella, *The Bayesian Lasso*, JASA 2008.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import l1_penalty
    >>> round(l1_penalty(torch.tensor([1.0, -2.0, 0.5]), lam=0.1).item(), 4)
    0.35
    """
    ps = _params(params)
    lam = _checks.real(lam, "lam", nonnegative=True)
    return lam * _total([l1_norm(p) for p in ps], ps)  # λ Σ_j |w_j|


def elastic_net_penalty(params: Params, l1: float, l2: float) -> torch.Tensor:
    r"""Elastic-net penalty $\lambda_1 \lVert w\rVert_1 + \lambda_2 \lVert w\rVert_2^2$: L1 and L2 together.

    $$\Omega(w) = \lambda_1 \sum_j \lvert w_j \rvert + \lambda_2 \sum_j w_j^2$$

    The L1 part selects weights (exact zeros with a proximal solver), the L2 part keeps
    correlated features together and makes the problem strictly convex. As a prior it is
    $P(w) \propto \exp(-\lambda_1 \lVert w\rVert_1 - \lambda_2 \lVert w\rVert_2^2)$.
    scikit-learn's ``ElasticNet(alpha, l1_ratio)`` on $n$ samples is this penalty on
    $\lVert y - Xw\rVert_2^2$ with $\lambda_1 = 2n\,\alpha\,\mathrm{l1\_ratio}$ and
    $\lambda_2 = n\,\alpha\,(1 - \mathrm{l1\_ratio})$.

    Parameters
    ----------
    params : torch.Tensor or iterable of torch.Tensor
        The weights $w$.
    l1 : float
        $\lambda_1 \ge 0$.
    l2 : float
        $\lambda_2 \ge 0$.

    Returns
    -------
    torch.Tensor
        ``l1_penalty(params, l1) + l2_penalty(params, l2)``.

    Raises
    ------
    TypeError
        If ``params`` is not a floating tensor or an iterable of them, or a coefficient is not a number.
    ValueError
        If a coefficient is negative or not finite, or ``params`` is empty.

    References
    ----------
    Zou & Hastie, *Regularization and variable selection via the elastic net*, JRSS-B 2005.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import elastic_net_penalty
    >>> round(elastic_net_penalty(torch.tensor([1.0, -2.0, 0.5]), l1=0.1, l2=0.1).item(), 4)
    0.875
    """
    lam1 = _checks.real(l1, "l1", nonnegative=True)
    lam2 = _checks.real(l2, "l2", nonnegative=True)
    ps = _params(params)  # a generator such as model.parameters() is read once
    return l1_penalty(ps, lam1) + l2_penalty(ps, lam2)


def soft_threshold(x: torch.Tensor, threshold: float) -> torch.Tensor:
    r"""Soft-thresholding, the proximal operator of $t\lVert\cdot\rVert_1$: shrink towards 0, stop at 0.

    $$S_t(x) = \operatorname{sign}(x)\,\max(\lvert x\rvert - t,\ 0)
    = \arg\min_z\ \tfrac12 (z - x)^2 + t\lvert z \rvert .$$

    Every entry with $\lvert x \rvert \le t$ becomes exactly $0$: this is where the lasso's
    zeros come from.

    Parameters
    ----------
    x : torch.Tensor
        Floating tensor of any shape.
    threshold : float
        $t \ge 0$.

    Returns
    -------
    torch.Tensor
        Same shape, dtype and device as ``x``; equal to ``torch.nn.functional.softshrink(x, t)``.

    Raises
    ------
    TypeError
        If ``x`` is not a floating tensor or ``threshold`` is not a number.
    ValueError
        If ``threshold`` is negative or not finite, or ``x`` is empty.

    References
    ----------
    Donoho, *De-noising by soft-thresholding*, IEEE Trans. Inf. Theory 1995; Parikh & Boyd,
    *Proximal Algorithms*, 2014, §6.5.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import soft_threshold
    >>> soft_threshold(torch.tensor([-2.0, -0.5, 0.3, 1.5]), 1.0).tolist()
    [-1.0, 0.0, 0.0, 0.5]
    """
    _checks.tensor(x, "x")
    t = _checks.real(threshold, "threshold", nonnegative=True)
    shrunk = (x.abs() - t).clamp(min=0)  # max(|x| - t, 0)
    return torch.where(shrunk > 0, torch.sign(x) * shrunk, torch.zeros_like(x))  # exact +0 below the threshold


class LinearFit(NamedTuple):
    """A fitted linear model $\\hat y = Xw + c$."""

    coef: torch.Tensor
    """The weights $w$, shape ``(d,)``."""
    intercept: torch.Tensor
    """The intercept $c$, a 0-D tensor (0 when not fitted)."""
    n_iter: int
    """Iterations used (0 for a closed form)."""


def _data(X: torch.Tensor, y: torch.Tensor, fit_intercept: bool) -> tuple[torch.Tensor, torch.Tensor,
                                                                          torch.Tensor, torch.Tensor]:
    _checks.tensor(X, "X", ndim=2)
    _checks.tensor(y, "y", ndim=1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"y must have one entry per row of X ({X.shape[0]}), got shape {tuple(y.shape)}")
    if X.dtype != y.dtype:
        raise TypeError(f"y must have the dtype of X ({X.dtype}), got {y.dtype}")
    _checks.same_device(X=X, y=y)
    if not isinstance(fit_intercept, bool):
        raise TypeError(f"fit_intercept must be a bool, got {type(fit_intercept).__name__} {fit_intercept!r}")
    for name, t in (("X", X), ("y", y)):
        if not bool(torch.isfinite(t).all()):
            raise ValueError(f"{name} must be finite, got {t[~torch.isfinite(t)][0].item()}")
    work = torch.float32 if X.dtype in (torch.float16, torch.bfloat16) else X.dtype
    X, y = X.to(work), y.to(work)
    if fit_intercept:
        x_mean, y_mean = X.mean(dim=0), y.mean()  # the intercept is not penalised: centre, fit, restore
    else:
        x_mean, y_mean = torch.zeros_like(X[0]), torch.zeros_like(y[0])
    return X - x_mean, y - y_mean, x_mean, y_mean


def ridge_map(X: torch.Tensor, y: torch.Tensor, lam: float, fit_intercept: bool = True) -> LinearFit:
    r"""Ridge regression in closed form: the MAP weights under Gaussian noise and a Gaussian prior.

    With $y = Xw + c + \varepsilon$, $\varepsilon \sim \mathcal N(0, \sigma^2 I)$ and the prior
    $w \sim \mathcal N(0, \tau^2 I)$, the posterior mode minimises
    $\lVert y - Xw - c\rVert_2^2 + \lambda \lVert w \rVert_2^2$ with $\lambda = \sigma^2/\tau^2$.
    On centred data ($\bar X$, $\bar y$ subtracted; the intercept is not penalised)

    $$\hat w = (X_c^\top X_c + \lambda I)^{-1} X_c^\top y_c,\qquad \hat c = \bar y - \bar x^\top \hat w .$$

    This is scikit-learn's ``Ridge(alpha=lam)`` (its objective is the sum of squares, not the
    mean). $\lambda = 0$ gives ordinary least squares (the MLE) when $X_c$ has full column rank.

    Parameters
    ----------
    X : torch.Tensor
        Design matrix ``(n, d)``, floating.
    y : torch.Tensor
        Targets ``(n,)``, dtype of ``X``.
    lam : float
        $\lambda \ge 0$.
    fit_intercept : bool, default True
        Fit an unpenalised intercept (otherwise $c = 0$ and no centring).

    Returns
    -------
    LinearFit
        ``coef`` ``(d,)``, ``intercept`` (0-D), ``n_iter=0``; dtype of ``X``.

    Raises
    ------
    TypeError
        If ``X``/``y`` are not floating tensors of one dtype or an option has the wrong type.
    ValueError
        If shapes do not fit, data are not finite, ``lam`` is negative, or $\lambda = 0$ and
        $X_c^\top X_c$ is singular.

    References
    ----------
    Hoerl & Kennard, *Ridge Regression*, Technometrics 1970; Bishop, *Pattern Recognition and
    Machine Learning*, 2006, §3.3.1 (eq. 3.55); scikit-learn, ``sklearn.linear_model.Ridge``.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import ridge_map
    >>> X = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]], dtype=torch.float64)
    >>> y = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    >>> fit = ridge_map(X, y, lam=1.0)
    >>> [round(v, 4) for v in fit.coef.tolist()], round(fit.intercept.item(), 4)
    ([0.6667, 0.8571], 1.1905)
    """
    lam = _checks.real(lam, "lam", nonnegative=True)
    Xc, yc, x_mean, y_mean = _data(X, y, fit_intercept)
    d = Xc.shape[1]
    A = Xc.T @ Xc + lam * torch.eye(d, dtype=Xc.dtype, device=Xc.device)  # X_cᵀX_c + λI
    L, info = torch.linalg.cholesky_ex(A)
    if int(info) != 0:
        raise ValueError(f"X_c^T X_c + lam I is singular for lam={lam}; use lam > 0")
    w = torch.cholesky_solve((Xc.T @ yc).unsqueeze(-1), L).squeeze(-1)  # ŵ
    c = y_mean - x_mean @ w  # ĉ = ȳ - x̄ᵀŵ
    return LinearFit(w.to(X.dtype), c.to(X.dtype), 0)


def lasso_ista(X: torch.Tensor, y: torch.Tensor, l1: float, l2: float = 0.0, fit_intercept: bool = True,
               max_iter: int = 10_000, tol: float = 1e-10) -> LinearFit:
    r"""Lasso (and elastic net) by ISTA: gradient step on the squares, soft-threshold for the L1 term.

    Minimises $F(w) = \lVert y_c - X_c w\rVert_2^2 + \lambda_1 \lVert w \rVert_1 + \lambda_2 \lVert w \rVert_2^2$
    (the MAP objective under a Laplace prior when $\lambda_2 = 0$) by proximal gradient descent
    with step $t = 1/L$, $L = 2\lambda_{\max}(X_c^\top X_c)$:

    $$w^{(k+1)} = \frac{S_{t\lambda_1}\!\big(w^{(k)} - t\,\nabla\big)}{1 + 2t\lambda_2},\qquad
    \nabla = 2X_c^\top(X_c w^{(k)} - y_c),$$

    with $S$ the [`soft_threshold`][aimath_ref.inference.regularisation.soft_threshold]. Each step
    lowers $F$, and coordinates whose pull is
    below $t\lambda_1$ land on exactly zero. scikit-learn's ``Lasso(alpha)`` minimises
    $\frac{1}{2n}\lVert y - Xw\rVert^2 + \alpha \lVert w\rVert_1$, the same problem with
    $\lambda_1 = 2n\alpha$. Iteration stops when no weight moves by more than
    ``tol`` $\cdot \max(1, \lVert w \rVert_\infty)$.

    Parameters
    ----------
    X : torch.Tensor
        Design matrix ``(n, d)``, floating.
    y : torch.Tensor
        Targets ``(n,)``, dtype of ``X``.
    l1 : float
        $\lambda_1 \ge 0$.
    l2 : float, default 0.0
        $\lambda_2 \ge 0$ (elastic net when both are positive).
    fit_intercept : bool, default True
        Fit an unpenalised intercept.
    max_iter : int, default 10000
        At most this many steps, $\ge 1$.
    tol : float, default 1e-10
        Relative stopping tolerance, $> 0$.

    Returns
    -------
    LinearFit
        ``coef`` (with exact zeros), ``intercept``, and ``n_iter``, the steps taken.

    Raises
    ------
    TypeError
        If ``X``/``y`` are not floating tensors of one dtype or an option has the wrong type.
    ValueError
        If shapes do not fit, data are not finite, or an option is out of range.

    References
    ----------
    Daubechies, Defrise & De Mol, *An iterative thresholding algorithm for linear inverse
    problems with a sparsity constraint*, CPAM 2004; Beck & Teboulle, *A Fast Iterative
    Shrinkage-Thresholding Algorithm*, SIAM J. Imaging Sci. 2009, §2; scikit-learn,
    ``sklearn.linear_model.Lasso``.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import lasso_ista
    >>> X = torch.tensor([[1.0, 0.0, 0.1], [0.0, 1.0, 0.0], [1.0, 1.0, 0.2], [2.0, 1.0, 0.0]],
    ...                  dtype=torch.float64)
    >>> y = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    >>> fit = lasso_ista(X, y, l1=1.0)
    >>> [round(v, 4) for v in fit.coef.tolist()]
    [0.75, 1.3333, 0.0]
    """
    lam1 = _checks.real(l1, "l1", nonnegative=True)
    lam2 = _checks.real(l2, "l2", nonnegative=True)
    _checks.integer(max_iter, "max_iter", minimum=1)
    tol = _checks.real(tol, "tol", positive=True)
    Xc, yc, x_mean, y_mean = _data(X, y, fit_intercept)
    L = 2 * torch.linalg.eigvalsh(Xc.T @ Xc)[-1].item()  # Lipschitz constant of ∇‖y - Xw‖²
    w = torch.zeros(Xc.shape[1], dtype=Xc.dtype, device=Xc.device)
    if L == 0:  # X_c = 0: the squares do not depend on w, the penalty alone sets w = 0
        return LinearFit(w.to(X.dtype), (y_mean - x_mean @ w).to(X.dtype), 0)
    t = 1.0 / L  # step size
    Xty = Xc.T @ yc
    XtX = Xc.T @ Xc
    n_iter = max_iter
    for k in range(1, max_iter + 1):
        grad = 2 * (XtX @ w - Xty)  # ∇ of ‖y_c - X_c w‖²
        w_new = soft_threshold(w - t * grad, t * lam1) / (1 + 2 * t * lam2)  # prox step
        delta = (w_new - w).abs().max().item()
        w = w_new
        if delta <= tol * max(1.0, w.abs().max().item()):
            n_iter = k
            break
    return LinearFit(w.to(X.dtype), (y_mean - x_mean @ w).to(X.dtype), n_iter)
