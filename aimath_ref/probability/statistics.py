r"""Expectation, variance, covariance and correlation, and z-score standardisation.

Data matrices follow the machine-learning convention: **rows are observations, columns are
variables** (features), ``X`` of shape ``(n, d)``. ``torch.cov`` and ``torch.corrcoef`` use
the transpose (rows are variables), so ``covariance_matrix(X) == torch.cov(X.T)``, and
NumPy's ``np.cov(X, rowvar=False)`` matches ours.
"""

from __future__ import annotations

import torch

from .. import _checks

__all__ = ["correlation_matrix", "covariance_matrix", "expectation", "standardize", "variance"]


def _pmf(values: torch.Tensor, probs: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    _checks.tensor(values, "values", min_ndim=1)
    _checks.tensor(probs, "probs", min_ndim=1)
    _checks.same_device(values=values, probs=probs)
    if values.shape != probs.shape:
        raise ValueError(f"values and probs must have the same shape, got {tuple(values.shape)} and {tuple(probs.shape)}")
    _checks.finite(values, "values")
    _checks.finite(probs, "probs")
    if (probs < 0).any():
        raise ValueError(f"probs must be >= 0, got a minimum of {probs.min().item()}")
    total = probs.double().sum(-1)
    if ((total - 1).abs() > 1e-3).any():
        raise ValueError(f"probs must sum to 1 along the last dimension, got sums {total.flatten().tolist()[:4]}")
    work = torch.promote_types(values.dtype, probs.dtype)
    work = torch.float32 if work in (torch.float16, torch.bfloat16) else work
    return values.to(work), probs.to(work)


def expectation(values: torch.Tensor, probs: torch.Tensor) -> torch.Tensor:
    r"""Expected value of a discrete random variable: the probability-weighted average of its values.

    $$\mathbb E[X] = \sum_i x_i\, P(X = x_i)$$

    Parameters
    ----------
    values : torch.Tensor
        Floating tensor ``(..., m)`` of the values $x_i$.
    probs : torch.Tensor
        Floating tensor ``(..., m)`` of their probabilities (non-negative, summing to 1 along the last dimension).

    Returns
    -------
    torch.Tensor
        Shape ``(...)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor.
    ValueError
        If the shapes differ, an input is empty, or ``probs`` is not a distribution.

    References
    ----------
    Casella & Berger, *Statistical Inference*, 2nd ed., §2.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import expectation
    >>> faces = torch.arange(1.0, 7.0)
    >>> expectation(faces, torch.full((6,), 1 / 6)).item()
    3.5
    """
    x, p = _pmf(values, probs)
    return (x * p).sum(-1)


def variance(values: torch.Tensor, probs: torch.Tensor) -> torch.Tensor:
    r"""Variance of a discrete random variable: the expected squared distance from the mean.

    $$\operatorname{Var}(X) = \mathbb E\big[(X - \mu)^2\big] = \sum_i (x_i - \mu)^2 P(X = x_i),\qquad \mu = \mathbb E[X]$$

    Parameters
    ----------
    values : torch.Tensor
        Floating tensor ``(..., m)`` of the values $x_i$.
    probs : torch.Tensor
        Floating tensor ``(..., m)`` of their probabilities.

    Returns
    -------
    torch.Tensor
        Shape ``(...)``; never negative (computed around the mean, not as $\mathbb E[X^2] - \mu^2$).

    Raises
    ------
    TypeError
        If an input is not a floating tensor.
    ValueError
        If the shapes differ, an input is empty, or ``probs`` is not a distribution.

    References
    ----------
    Casella & Berger, *Statistical Inference*, 2nd ed., §2.3.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import variance
    >>> round(variance(torch.arange(1.0, 7.0), torch.full((6,), 1 / 6)).item(), 4)
    2.9167
    """
    x, p = _pmf(values, probs)
    mu = (x * p).sum(-1, keepdim=True)  # μ
    return ((x - mu) ** 2 * p).sum(-1)


def _data(X: torch.Tensor, correction: int) -> torch.Tensor:
    _checks.tensor(X, "X", min_ndim=2)
    _checks.integer(correction, "correction", minimum=0)
    n = X.shape[-2]
    if n - correction <= 0:
        raise ValueError(f"X needs more than correction={correction} observations (rows), got {n}")
    return X.float() if X.dtype in (torch.float16, torch.bfloat16) else X


def covariance_matrix(X: torch.Tensor, correction: int = 1) -> torch.Tensor:
    r"""Covariance matrix of data with observations in rows and variables in columns.

    $$\Sigma_{jk} = \operatorname{Cov}(X_j, X_k) = \frac{1}{n - c} \sum_{i=1}^{n} (x_{ij} - \bar x_j)(x_{ik} - \bar x_k)$$

    It estimates $\operatorname{Cov}(X, Y) = \mathbb E[(X - \mu_X)(Y - \mu_Y)]$ for every pair
    of columns: variances on the diagonal, covariances off it. It is symmetric and positive
    semi-definite; its eigenvectors are the principal components.

    Parameters
    ----------
    X : torch.Tensor
        Floating tensor ``(..., n, d)``: ``n`` observations (rows) of ``d`` variables (columns);
        leading dimensions are a batch.
    correction : int, default 1
        $c$: 1 gives the unbiased sample covariance (Bessel), 0 the population formula.

    Returns
    -------
    torch.Tensor
        ``(..., d, d)``; equal to ``torch.cov(X.T, correction=correction)`` for a 2-D ``X``.

    Raises
    ------
    TypeError
        If ``X`` is not a floating tensor or ``correction`` is not an int.
    ValueError
        If ``X`` has fewer than 2 dimensions, is empty, or has no more rows than ``correction``.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, §1.2.2 and §12.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import covariance_matrix
    >>> X = torch.tensor([[1.0, 2.0], [2.0, 4.0], [3.0, 7.0]])
    >>> [[round(v, 4) for v in row] for row in covariance_matrix(X).tolist()]
    [[1.0, 2.5], [2.5, 6.3333]]
    """
    W = _data(X, correction)
    centred = W - W.mean(dim=-2, keepdim=True)  # x_i - x̄, (..., n, d)
    S = centred.transpose(-2, -1) @ centred / (W.shape[-2] - correction)  # (..., d, d)
    return S.to(X.dtype)


def correlation_matrix(X: torch.Tensor) -> torch.Tensor:
    r"""Pearson correlation matrix: covariance rescaled to the range $[-1, 1]$.

    $$\rho_{jk} = \frac{\operatorname{Cov}(X_j, X_k)}{\sigma_j \sigma_k} = \frac{\Sigma_{jk}}{\sqrt{\Sigma_{jj}\Sigma_{kk}}}$$

    $\rho = \pm 1$ exactly when one column is an affine function of the other. $\rho$ measures
    *linear* dependence only: $\rho = 0$ does not mean independent.

    Parameters
    ----------
    X : torch.Tensor
        Floating tensor ``(..., n, d)`` with observations in rows.

    Returns
    -------
    torch.Tensor
        ``(..., d, d)`` with ones on the diagonal, clipped to $[-1, 1]$; equal to
        ``torch.corrcoef(X.T)``. A constant column gives ``nan`` in its row and column, as in torch.

    Raises
    ------
    TypeError
        If ``X`` is not a floating tensor.
    ValueError
        If ``X`` has fewer than 2 dimensions, is empty or has a single row.

    References
    ----------
    Casella & Berger, *Statistical Inference*, 2nd ed., §4.5.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import correlation_matrix
    >>> x = torch.tensor([1.0, 2.0, 3.0, 4.0])
    >>> X = torch.stack([x, 2 * x + 1, -x], dim=1)
    >>> [[round(v, 4) for v in row] for row in correlation_matrix(X).tolist()]
    [[1.0, 1.0, -1.0], [1.0, 1.0, -1.0], [-1.0, -1.0, 1.0]]
    """
    S = covariance_matrix(_data(X, 1))
    std = S.diagonal(dim1=-2, dim2=-1).sqrt()  # σ_j, (..., d)
    R = S / (std.unsqueeze(-1) * std.unsqueeze(-2))
    return R.clamp(-1, 1).to(X.dtype)


def standardize(X: torch.Tensor, dim: int = 0) -> torch.Tensor:
    r"""z-scores: shift each variable to mean 0 and scale it to standard deviation 1.

    $$z = \frac{x - \mu}{\sigma},\qquad \sigma = \sqrt{\tfrac1n \textstyle\sum_i (x_i - \mu)^2}$$

    Mean and (population) standard deviation are taken along ``dim``, the observations. A
    constant variable ($\sigma = 0$) is only centred, as scikit-learn's ``StandardScaler`` does.

    Parameters
    ----------
    X : torch.Tensor
        Floating tensor; with the default ``dim=0`` a ``(n, d)`` matrix with observations in rows.
    dim : int, default 0
        The dimension along which the observations run.

    Returns
    -------
    torch.Tensor
        Same shape and dtype as ``X``; equal to ``StandardScaler().fit_transform(X)`` for 2-D ``X``.

    Raises
    ------
    TypeError
        If ``X`` is not a floating tensor or ``dim`` is not an int.
    ValueError
        If ``X`` is empty or 0-D, or ``dim`` is out of range.

    References
    ----------
    Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §3.4.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import standardize
    >>> [round(v, 4) for v in standardize(torch.tensor([2.0, 4.0, 6.0])).tolist()]
    [-1.2247, 0.0, 1.2247]
    """
    _checks.tensor(X, "X", min_ndim=1)
    d = _checks.dim(dim, X.ndim)
    W = X.float() if X.dtype in (torch.float16, torch.bfloat16) else X
    mu = W.mean(dim=d, keepdim=True)  # μ
    sigma = W.std(dim=d, correction=0, keepdim=True)  # σ (population)
    sigma = torch.where(sigma > 0, sigma, torch.ones_like(sigma))
    return ((W - mu) / sigma).to(X.dtype)
