r"""Mutual information: how much knowing one variable tells about another.

$I(X; Y)$ is the KL divergence between the joint distribution and the product of its marginals,
so it is zero exactly for independent variables and sees any kind of dependence, linear or not.
"""

from __future__ import annotations

import math

import torch

from .. import _checks
from . import _dist
from .divergence import _kl

__all__ = ["gaussian_mutual_information", "joint_histogram", "mutual_information"]


def mutual_information(joint: torch.Tensor, base: float = 2) -> torch.Tensor:
    r"""Mutual information of two discrete variables from their joint probability table.

    $$I(X; Y) = \sum_{x, y} P(x, y) \log_b \frac{P(x, y)}{P(x)\,P(y)}
    = D_{KL}\big(P_{XY} \,\|\, P_X \otimes P_Y\big) = H(X) + H(Y) - H(X, Y) = H(X) - H(X \mid Y)$$

    It is symmetric, non-negative, zero exactly when $X$ and $Y$ are independent, and at most
    $\min(H(X), H(Y))$. With ``base=math.e`` it equals scikit-learn's
    ``mutual_info_score(None, None, contingency=counts)`` for a table of counts proportional to ``joint``.

    Parameters
    ----------
    joint : torch.Tensor
        Floating tensor of shape ``(..., |X|, |Y|)``: entries in $[0, 1]$ summing to 1 over the
        last two dimensions; leading dimensions are a batch.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.

    Returns
    -------
    torch.Tensor
        $I(X; Y) \ge 0$, shape ``joint.shape[:-2]``, dtype of ``joint``.

    Raises
    ------
    TypeError
        If ``joint`` is not a floating tensor or ``base`` is not a number.
    ValueError
        If ``joint`` has fewer than 2 dimensions, is empty, has NaN or entries outside $[0, 1]$,
        does not sum to 1, or ``base`` is not positive or is 1.

    References
    ----------
    Cover & Thomas, *Elements of Information Theory*, 2nd ed., §2.4 (Theorem 2.4.1) and §2.6.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import mutual_information
    >>> round(mutual_information(torch.tensor([[0.5, 0.0], [0.0, 0.5]])).item(), 4)  # Y = X, one fair bit
    1.0
    >>> round(mutual_information(torch.tensor([[0.25, 0.25], [0.25, 0.25]])).item(), 4)  # independent
    0.0
    """
    _checks.tensor(joint, "joint", min_ndim=2)
    ln_b = _dist.log_base(base)
    flat = joint.flatten(-2)  # (..., |X||Y|)
    _dist.distribution(flat, "joint", -1)
    w = _dist.work_dtype(joint)
    J = joint.to(w)
    px = J.sum(dim=-1, keepdim=True)  # P(x), (..., |X|, 1)
    py = J.sum(dim=-2, keepdim=True)  # P(y), (..., 1, |Y|)
    prod = (px * py).flatten(-2)  # P(x) P(y)
    return (_kl(flat.to(w), prod, -1) / ln_b).clamp_min(0).to(joint.dtype)  # KL(P_XY || P_X P_Y)


def joint_histogram(x: torch.Tensor, y: torch.Tensor, bins: int = 10) -> torch.Tensor:
    r"""Empirical joint distribution of two samples on a grid of equal-width bins (a plug-in estimate).

    Each variable's range $[\min, \max]$ is cut into ``bins`` equal intervals and the table
    holds the fraction of the $n$ pairs in each cell. Passing it to `mutual_information`
    gives the plug-in estimate of $I(X; Y)$, which is biased upwards by roughly
    $(\text{bins} - 1)^2 / (2 n \ln 2)$ bits for independent variables: use many samples per cell.

    Parameters
    ----------
    x, y : torch.Tensor
        Floating 1-D tensors of the same length $n \ge 2$, finite, on one device.
    bins : int, default 10
        Number of intervals per variable, at least 2.

    Returns
    -------
    torch.Tensor
        ``(bins, bins)`` table of the dtype of ``x`` that sums to 1; rows are bins of ``x``.

    Raises
    ------
    TypeError
        If ``x`` or ``y`` is not a floating tensor or ``bins`` is not an int.
    ValueError
        If they are not 1-D, have different lengths or fewer than 2 entries, contain NaN or
        infinity, live on different devices, or ``bins < 2``.

    References
    ----------
    Paninski, *Estimation of Entropy and Mutual Information*, Neural Computation 15 (2003), §3
    (bias of the plug-in estimator).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import joint_histogram
    >>> joint_histogram(torch.tensor([0.0, 0.0, 1.0, 1.0]), torch.tensor([0.0, 1.0, 0.0, 1.0]), bins=2).tolist()
    [[0.25, 0.25], [0.25, 0.25]]
    """
    _checks.tensor(x, "x", ndim=1)
    _checks.tensor(y, "y", ndim=1)
    nb = _checks.integer(bins, "bins", minimum=2)
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same length, got {x.shape[0]} and {y.shape[0]}")
    if x.shape[0] < 2:
        raise ValueError(f"x and y need at least 2 entries, got {x.shape[0]}")
    for name, v in (("x", x), ("y", y)):
        if not bool(torch.isfinite(v).all()):
            raise ValueError(f"{name} must be finite, got NaN or infinity")
    _checks.same_device(x=x, y=y)

    def index(v: torch.Tensor) -> torch.Tensor:
        v = v.to(torch.float64)
        lo, hi = v.min(), v.max()
        width = torch.where(hi > lo, (hi - lo) / nb, torch.ones_like(hi))
        return ((v - lo) / width).floor().clamp(0, nb - 1).long()  # the maximum goes in the last bin

    cell = index(x) * nb + index(y)  # flat cell id
    counts = torch.bincount(cell, minlength=nb * nb).reshape(nb, nb)
    return (counts.to(torch.float64) / x.shape[0]).to(x.dtype)


def gaussian_mutual_information(rho: float, dim: int = 1, base: float = 2) -> float:
    r"""Mutual information of a Gaussian pair in closed form.

    For $X, Y \in \mathbb R^d$ with standard normal coordinates, each pair $(X_i, Y_i)$ with
    correlation $\rho$ and the pairs independent,

    $$I(X; Y) = -\frac d2 \log_b (1 - \rho^2).$$

    It is 0 for $\rho = 0$ and grows without bound as $\lvert\rho\rvert \to 1$.

    Parameters
    ----------
    rho : float
        Correlation $\rho \in (-1, 1)$.
    dim : int, default 1
        Number $d \ge 1$ of independent correlated pairs.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.

    Returns
    -------
    float
        $I(X; Y)$.

    Raises
    ------
    TypeError
        If ``rho`` or ``base`` is not a number or ``dim`` is not an int.
    ValueError
        If ``rho`` is not in $(-1, 1)$, ``dim < 1`` or ``base`` is not positive or is 1.

    References
    ----------
    Cover & Thomas, *Elements of Information Theory*, 2nd ed., Example 8.5.1.

    Examples
    --------
    >>> from aimath_ref.information import gaussian_mutual_information
    >>> round(gaussian_mutual_information(0.8), 4), round(gaussian_mutual_information(0.8, dim=4, base=2.718281828459045), 4)
    (0.737, 2.0433)
    """
    r = _checks.real(rho, "rho", low=-1.0, high=1.0, low_open=True, high_open=True)
    d = _checks.integer(dim, "dim", minimum=1)
    ln_b = _dist.log_base(base)
    return -0.5 * d * math.log1p(-r * r) / ln_b
