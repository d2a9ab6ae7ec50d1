r"""Expectation–Maximisation for a Gaussian mixture model, vectorised over components, with Cholesky factors.

$$p(x) = \sum_{k=1}^{K} \pi_k\, \mathcal N(x \mid \mu_k, \Sigma_k)$$

The E-step computes responsibilities $\gamma_{ik} = P(z_i = k \mid x_i, \theta^{(t)})$, the
M-step refits each Gaussian to the data weighted by them. Each iteration never lowers the
log-likelihood; it can stall at a local maximum or a saddle point.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import torch

from .. import _checks

__all__ = ["GMMResult", "gmm_em", "gmm_log_likelihood"]


class GMMResult(NamedTuple):
    """What `gmm_em` returns (the names follow scikit-learn's ``GaussianMixture`` attributes).

    Attributes
    ----------
    weights : torch.Tensor
        ``(k,)`` mixing weights $\\pi_k$.
    means : torch.Tensor
        ``(k, d)`` means $\\mu_k$.
    covariances : torch.Tensor
        ``(k, d, d)`` covariances $\\Sigma_k$.
    responsibilities : torch.Tensor
        ``(n, k)`` responsibilities $\\gamma_{ik}$ under the final parameters (rows sum to 1).
    log_likelihood : torch.Tensor
        ``(n_iter + 1,)``: the average log-likelihood $\\frac1n \\log p(X \\mid \\theta^{(t)})$
        at the initial parameters and after each iteration.
    """

    weights: torch.Tensor
    means: torch.Tensor
    covariances: torch.Tensor
    responsibilities: torch.Tensor
    log_likelihood: torch.Tensor


def _cholesky(cov: torch.Tensor, name: str) -> torch.Tensor:
    L, info = torch.linalg.cholesky_ex(cov)
    if (info != 0).any():
        bad = int(torch.nonzero(info)[0].item())
        raise ValueError(f"{name}[{bad}] must be positive definite (not singular), got {cov[bad].tolist()}; "
                         f"a larger reg_covar regularises collapsing components")
    return L


def _log_joint(X: torch.Tensor, weights: torch.Tensor, means: torch.Tensor, L: torch.Tensor) -> torch.Tensor:
    """``(n, k)`` table of $\\log \\pi_k + \\log \\mathcal N(x_i \\mid \\mu_k, \\Sigma_k)$, with $\\Sigma_k = L_k L_k^\\top$."""
    n, d = X.shape
    eye = torch.eye(d, dtype=X.dtype, device=X.device).expand_as(L)
    P = torch.linalg.solve_triangular(L, eye, upper=False).transpose(-1, -2)  # P_k = L_k^{-T}: P_k P_k^T = Σ_k^{-1}
    maha = torch.empty((n, L.shape[0]), dtype=X.dtype, device=X.device)
    for j in range(L.shape[0]):  # one (n, d) block per component stays in cache
        y = X @ P[j] - means[j] @ P[j]  # (x_i − μ_k)^T P_k
        maha[:, j] = (y * y).sum(1)  # squared Mahalanobis distance
    log_det = 2 * torch.log(torch.diagonal(L, dim1=-2, dim2=-1)).sum(-1)  # log |Σ_k|
    return torch.log(weights) - 0.5 * (d * math.log(2 * math.pi) + log_det + maha)


def gmm_log_likelihood(X: torch.Tensor, weights: torch.Tensor, means: torch.Tensor,
                       covariances: torch.Tensor) -> torch.Tensor:
    r"""Average log-likelihood of data under a Gaussian mixture, by log-sum-exp over components.

    $$\frac1n \log p(X \mid \theta) = \frac1n \sum_{i=1}^n \log \sum_{k=1}^K \pi_k\, \mathcal N(x_i \mid \mu_k, \Sigma_k)$$

    Parameters
    ----------
    X : torch.Tensor
        ``(n, d)`` data.
    weights, means, covariances : torch.Tensor
        ``(k,)`` distribution, ``(k, d)``, ``(k, d, d)`` symmetric positive definite.

    Returns
    -------
    torch.Tensor
        0-D, in the dtype of ``X`` (float32 for half precision).

    Raises
    ------
    TypeError
        If an input is not a floating tensor.
    ValueError
        If shapes disagree, a value is NaN or infinite, ``weights`` is not a distribution, or a
        covariance is not symmetric or not positive definite.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, §9.2, eq. (9.14).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import gmm_log_likelihood
    >>> X = torch.zeros(1, 1, dtype=torch.float64)
    >>> ll = gmm_log_likelihood(X, torch.tensor([1.0]), torch.zeros(1, 1), torch.ones(1, 1, 1))
    >>> round(ll.item(), 4)  # log N(0 | 0, 1) = -log(2π)/2
    -0.9189
    """
    x = _data(X)
    w, mu, cov = _params(weights, means, covariances, x, "weights", "means", "covariances")
    return torch.logsumexp(_log_joint(x, w, mu, _cholesky(cov, "covariances")), dim=1).mean()


def _data(X: torch.Tensor) -> torch.Tensor:
    _checks.tensor(X, "X", ndim=2)
    if not torch.isfinite(X).all():
        raise ValueError("X must be finite, got NaN or infinity")
    return X.float() if X.dtype in (torch.float16, torch.bfloat16) else X


def _params(weights: torch.Tensor, means: torch.Tensor, covariances: torch.Tensor, X: torch.Tensor,
            wn: str, mn: str, cn: str) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    d = X.shape[1]
    _checks.tensor(weights, wn, ndim=1)
    k = weights.shape[0]
    _checks.tensor(means, mn, ndim=2)
    _checks.tensor(covariances, cn, ndim=3)
    _checks.same_device(X=X, **{wn: weights, mn: means, cn: covariances})
    if means.shape != (k, d) or covariances.shape != (k, d, d):
        raise ValueError(f"{wn}, {mn}, {cn} must have shapes ({k},), ({k}, {d}), ({k}, {d}, {d}), got "
                         f"{tuple(weights.shape)}, {tuple(means.shape)}, {tuple(covariances.shape)}")
    w = weights.to(X.dtype)
    if not torch.isfinite(w).all() or (w < 0).any() or abs(w.double().sum().item() - 1) > 1e-5:
        raise ValueError(f"{wn} must be finite, >= 0 and sum to 1, got {weights.tolist()}")
    mu, cov = means.to(X.dtype), covariances.to(X.dtype)
    if not torch.isfinite(mu).all() or not torch.isfinite(cov).all():
        raise ValueError(f"{mn} and {cn} must be finite, got NaN or infinity")
    asym = (cov - cov.transpose(-1, -2)).abs().amax().item()
    if asym > 1e3 * torch.finfo(X.dtype).eps * max(1.0, cov.abs().amax().item()):
        raise ValueError(f"{cn} must be symmetric, got a largest |Σ - Σ^T| entry of {asym}")
    return w, mu, cov


def gmm_em(X: torch.Tensor, k: int, n_iter: int = 100, generator: torch.Generator | None = None,
           weights_init: torch.Tensor | None = None, means_init: torch.Tensor | None = None,
           covariances_init: torch.Tensor | None = None, reg_covar: float = 1e-6) -> GMMResult:
    r"""Fit a $k$-component Gaussian mixture (full covariances) by Expectation–Maximisation.

    E-step (responsibilities, by a stable log-sum-exp):

    $$\gamma_{ik} = \frac{\pi_k \mathcal N(x_i \mid \mu_k, \Sigma_k)}{\sum_j \pi_j \mathcal N(x_i \mid \mu_j, \Sigma_j)}$$

    M-step, with $N_k = \sum_i \gamma_{ik}$:

    $$\pi_k = \frac{N_k}{n},\qquad \mu_k = \frac{1}{N_k}\sum_i \gamma_{ik} x_i,\qquad
    \Sigma_k = \frac{1}{N_k}\sum_i \gamma_{ik}(x_i - \mu_k)(x_i - \mu_k)^\top + \lambda I$$

    With ``reg_covar`` $\lambda = 0$ the M-step maximises the expected complete-data
    log-likelihood, so $\log p(X \mid \theta^{(t+1)}) \ge \log p(X \mid \theta^{(t)})$ at every
    step (it can stay equal; it does not always increase). $\lambda > 0$, as in
    scikit-learn, keeps covariances invertible when a component collapses onto a few points.
    The iterations are the same as scikit-learn's ``GaussianMixture(covariance_type="full")``
    given the same initial parameters.

    Parameters
    ----------
    X : torch.Tensor
        ``(n, d)`` floating data, finite.
    k : int
        Number of components, $1 \le k \le n$.
    n_iter : int, default 100
        EM iterations, $\ge 0$ (no early stopping: the trace shows every step).
    generator : torch.Generator or None, default None
        CPU generator used when ``means_init`` is not given: the initial means are $k$
        distinct data points drawn with it.
    weights_init : torch.Tensor or None, default None
        ``(k,)`` initial weights (default uniform).
    means_init : torch.Tensor or None, default None
        ``(k, d)`` initial means.
    covariances_init : torch.Tensor or None, default None
        ``(k, d, d)`` symmetric positive definite initial covariances (default: the covariance
        of the data plus $\lambda I$ for every component).
    reg_covar : float, default 1e-6
        $\lambda \ge 0$ added to the diagonal of every covariance (scikit-learn's default).

    Returns
    -------
    GMMResult
        Weights, means, covariances, responsibilities and the log-likelihood trace, in the
        dtype of ``X`` (float32 for half precision).

    Raises
    ------
    TypeError
        If ``X`` or an initial value is not a floating tensor, or an argument has the wrong type.
    ValueError
        If ``X`` is not 2-D or not finite, ``k`` is not in $[1, n]$, ``n_iter < 0``,
        ``reg_covar < 0``, an initial value has the wrong shape, ``weights_init`` is not a
        distribution, a covariance is not symmetric, or a covariance is singular.

    References
    ----------
    Dempster, Laird & Rubin, *Maximum Likelihood from Incomplete Data via the EM Algorithm*,
    JRSS-B 39, 1977; Wu, *On the Convergence Properties of the EM Algorithm*, Annals of
    Statistics 11, 1983; Bishop, *Pattern Recognition and Machine Learning*, §9.2.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import gmm_em
    >>> X = torch.tensor([[0.0], [0.2], [-0.2], [5.0], [5.2], [4.8]], dtype=torch.float64)
    >>> fit = gmm_em(X, k=2, n_iter=20, means_init=torch.tensor([[1.0], [4.0]], dtype=torch.float64))
    >>> [round(w, 3) for w in fit.weights.tolist()], [round(m, 3) for m in fit.means.flatten().tolist()]
    ([0.5, 0.5], [0.0, 5.0])
    """
    x = _data(X)
    n, d = x.shape
    kk = _checks.integer(k, "k", minimum=1)
    if kk > n:
        raise ValueError(f"k must be <= the number of points n = {n}, got {k}")
    iters = _checks.integer(n_iter, "n_iter", minimum=0)
    reg = _checks.real(reg_covar, "reg_covar", nonnegative=True)
    if generator is not None and not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator or None, got {type(generator).__name__}")
    eye = torch.eye(d, dtype=x.dtype, device=x.device)
    if means_init is None:
        idx = torch.randperm(n, generator=generator, device="cpu")[:kk].to(x.device)
        means_init = x[idx]
    if weights_init is None:
        weights_init = torch.full((kk,), 1 / kk, dtype=x.dtype, device=x.device)
    if covariances_init is None:
        xc = x - x.mean(0)
        covariances_init = ((xc.T @ xc) / n + reg * eye).expand(kk, d, d).clone()
    w, mu, cov = _params(weights_init, means_init, covariances_init, x, "weights_init", "means_init", "covariances_init")
    if w.shape[0] != kk:
        raise ValueError(f"weights_init must have k = {kk} entries, got {w.shape[0]}")
    L = _cholesky(cov, "covariances_init")
    trace = torch.empty(iters + 1, dtype=x.dtype, device=x.device)
    for t in range(iters + 1):
        log_joint = _log_joint(x, w, mu, L)  # (n, k): log π_k N(x_i | μ_k, Σ_k)
        log_px = torch.logsumexp(log_joint, dim=1, keepdim=True)  # log p(x_i)
        trace[t] = log_px.mean()
        resp = torch.exp(log_joint - log_px)  # E-step: γ_ik
        if t == iters:
            break
        nk = resp.sum(0) + 10 * torch.finfo(x.dtype).eps  # N_k (kept > 0, as scikit-learn does)
        w = nk / nk.sum()  # π_k = N_k / n
        mu = (resp.T @ x) / nk[:, None]  # μ_k
        cov = torch.empty((kk, d, d), dtype=x.dtype, device=x.device)
        for j in range(kk):
            diff = x - mu[j]  # (n, d): x_i − μ_k
            cov[j] = (resp[:, j, None] * diff).T @ diff / nk[j]  # Σ_k before regularisation
        cov += reg * eye
        L = _cholesky(cov, "covariances")  # Σ_k = L_k L_k^T
    return GMMResult(w, mu, cov, resp, trace)
