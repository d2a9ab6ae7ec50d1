r"""Principal component analysis, two ways: eigenvectors of the covariance matrix, or the SVD of the centred data.

For data $X \in \mathbb R^{n\times d}$ (one sample per row) with column means $\mu$, the
centred data $X_c = X - \mathbf 1\mu^\top$ has covariance $C = X_c^\top X_c/(n-1)$. The
principal directions are the eigenvectors of $C$, and equally the right singular vectors
of $X_c$, because $X_c = U\Sigma V^\top$ gives $C = V\,\frac{\Sigma^2}{n-1}\,V^\top$.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import torch

from .. import _checks
from .decompositions import spectral_decomposition
from .products import _work

__all__ = ["PCAResult", "pca"]


class PCAResult(NamedTuple):
    r"""What `pca` returns (the names follow scikit-learn's attributes without the trailing ``_``).

    Attributes
    ----------
    components : torch.Tensor
        Shape ``(k, d)``: the principal directions $v_1, \dots, v_k$ as unit rows, largest variance first.
    explained_variance : torch.Tensor
        Shape ``(k,)``: the variance of the data along each direction, $\lambda_i = \sigma_i^2/(n-1)$.
    explained_variance_ratio : torch.Tensor
        Shape ``(k,)``: $\lambda_i / \sum_{j=1}^{d} \lambda_j$, the share of the total variance.
    mean : torch.Tensor
        Shape ``(d,)``: the column means $\mu$ that were subtracted.
    projected : torch.Tensor
        Shape ``(n, k)``: the coordinates of the samples on the components, $Z = X_c V_k$.
    """

    components: torch.Tensor
    explained_variance: torch.Tensor
    explained_variance_ratio: torch.Tensor
    mean: torch.Tensor
    projected: torch.Tensor

    def reconstruct(self) -> torch.Tensor:
        r"""Map the projected data back to the original space: $\hat X = Z V_k^\top + \mathbf 1\mu^\top$.

        Returns
        -------
        torch.Tensor
            Shape ``(n, d)``; equal to the input when ``k`` keeps all the variance.
        """
        return self.projected @ self.components + self.mean


def _sign_fix(V: torch.Tensor) -> torch.Tensor:
    # Each direction is defined up to sign: make its largest-magnitude entry positive.
    idx = V.abs().argmax(dim=-1, keepdim=True)
    return V * torch.sign(V.gather(-1, idx))


def pca(X: torch.Tensor, k: int, method: Literal["svd", "eig"] = "svd") -> PCAResult:
    r"""Principal component analysis: the $k$ orthogonal directions of largest variance.

    $$C = \frac{1}{n-1} X_c^\top X_c = V \Lambda V^\top,\qquad X_c = U \Sigma V^\top,\qquad
    \lambda_i = \frac{\sigma_i^2}{n-1},\qquad Z = X_c V_k$$

    ``method="eig"`` diagonalises the covariance matrix $C$ (`spectral_decomposition`);
    ``method="svd"`` takes the SVD of $X_c$ directly, which never forms $X_c^\top X_c$ and so
    does not square the condition number. Both give the same components up to sign; each
    component's sign is fixed so that its largest-magnitude entry is positive.

    Parameters
    ----------
    X : torch.Tensor
        Data, shape ``(n, d)``: ``n >= 2`` samples as rows, ``d`` features.
    k : int
        Number of components, ``1 <= k <= min(n, d)``.
    method : {"svd", "eig"}, default "svd"
        Which route computes the directions.

    Returns
    -------
    PCAResult
        Components, explained variance and its ratio, mean and projected data; equal (up to
        the sign of each component) to ``sklearn.decomposition.PCA(n_components=k)``.

    Raises
    ------
    TypeError
        If ``X`` is not a floating tensor or ``k`` is not an int.
    ValueError
        If ``X`` is not 2-D, has fewer than 2 rows, is empty, has a NaN or infinite entry,
        ``k`` is out of range, or
        ``method`` is unknown.

    References
    ----------
    Jolliffe & Cadima, "Principal component analysis: a review and recent developments",
    *Phil. Trans. R. Soc. A* 374 (2016); Shlens, "A Tutorial on Principal Component Analysis", arXiv:1404.1100.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import pca
    >>> X = torch.tensor([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    >>> r = pca(X, 1)
    >>> [round(v, 4) for v in r.components[0].tolist()], round(r.explained_variance_ratio.item(), 4)
    ([0.7071, 0.7071], 1.0)
    """
    _checks.tensor(X, "X", ndim=2)
    _checks.finite(X.detach(), "X")
    n, d = X.shape
    if n < 2:
        raise ValueError(f"X must have at least 2 rows (samples) to estimate a variance, got shape {tuple(X.shape)}")
    _checks.integer(k, "k", minimum=1, maximum=min(n, d))
    _checks.choice(method, "method", ("svd", "eig"))
    Xw = _work(X)
    mean = Xw.mean(dim=0)  # mu
    Xc = Xw - mean  # X_c, centred columns
    if method == "svd":
        _, S, Vh = torch.linalg.svd(Xc, full_matrices=False)  # X_c = U Sigma V^T
        variances = S.square() / (n - 1)  # lambda_i = sigma_i^2 / (n - 1)
        V = Vh
    else:
        C = Xc.T @ Xc / (n - 1)  # covariance matrix, (d, d)
        C = (C + C.T) / 2  # exactly symmetric despite rounding
        variances, Q = spectral_decomposition(C)  # C = Q Lambda Q^T, descending
        variances = variances.clamp_min(0)  # tiny negative rounding of zero eigenvalues
        V = Q.T
    total = Xc.square().sum() / (n - 1)  # trace(C) = sum of all variances
    components = _sign_fix(V[:k])  # (k, d)
    explained = variances[:k]
    ratio = explained / total if total > 0 else torch.zeros_like(explained)
    projected = Xc @ components.T  # Z = X_c V_k, (n, k)
    dt = X.dtype
    return PCAResult(components.to(dt), explained.to(dt), ratio.to(dt), mean.to(dt), projected.to(dt))
