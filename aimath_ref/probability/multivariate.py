r"""The multivariate Gaussian $\mathcal N(\mu, \Sigma)$: density, Mahalanobis distance, axes and sampling.

Everything goes through the Cholesky factor $\Sigma = LL^\top$ ($L$ lower triangular with a
positive diagonal): solving $Lz = x - \mu$ gives the Mahalanobis distance $\lVert z\rVert$,
the diagonal of $L$ gives $\log\det\Sigma = 2\sum_i \log L_{ii}$, and $\mu + L\varepsilon$
with $\varepsilon \sim \mathcal N(0, I)$ is a draw. No inverse of $\Sigma$ is ever formed.
"""

from __future__ import annotations

import math

import torch

from .. import _checks
from ..linalg.decompositions import spectral_decomposition

__all__ = ["MultivariateGaussian"]


class MultivariateGaussian:
    r"""A Gaussian in $d$ dimensions with mean $\mu$ and covariance matrix $\Sigma$.

    $$f(x) = \frac{1}{\sqrt{(2\pi)^d \det\Sigma}}\,
      \exp\!\Big(-\tfrac12 (x - \mu)^\top \Sigma^{-1} (x - \mu)\Big)$$

    The exponent is $-\tfrac12 \Delta^2$, with $\Delta$ the Mahalanobis distance, so the
    density is constant on the ellipsoids $\Delta = c$. Their axes point along the
    eigenvectors $q_i$ of $\Sigma$ and have half-lengths $c\sqrt{\lambda_i}$ (`axes`).
    Draws are $\mu + L\varepsilon$ with $LL^\top = \Sigma$ the Cholesky factor and
    $\varepsilon \sim \mathcal N(0, I)$, since then $\operatorname{Cov}(L\varepsilon) = LL^\top$.

    Parameters
    ----------
    mean : torch.Tensor
        1-D floating tensor $\mu$ of length $d$.
    cov : torch.Tensor
        $d \times d$ covariance matrix $\Sigma$: symmetric (within $10^{-6}$ of its largest
        entry) and positive definite, same dtype and device as ``mean``.

    Attributes
    ----------
    mean : torch.Tensor
        $\mu$, as given.
    cov : torch.Tensor
        $\Sigma$, as given.
    scale_tril : torch.Tensor
        The Cholesky factor $L$, float64 (computed once).

    Raises
    ------
    TypeError
        If ``mean`` or ``cov`` is not a floating tensor, or their dtypes differ.
    ValueError
        If the shapes do not fit, an entry is NaN or infinite, the tensors are on different
        devices, or ``cov`` is not symmetric or not positive definite.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, §2.3; Murphy, *Probabilistic Machine
    Learning: An Introduction*, 2022, §3.2; Golub & Van Loan, *Matrix Computations*, §4.2
    (Cholesky).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import MultivariateGaussian
    >>> d = MultivariateGaussian(torch.zeros(2), torch.tensor([[4.0, 0.0], [0.0, 1.0]]))
    >>> d.mahalanobis(torch.tensor([[2.0, 0.0], [0.0, 2.0]])).tolist()
    [1.0, 2.0]
    >>> round(d.log_prob(torch.zeros(2)).item(), 4)
    -2.531
    """

    def __init__(self, mean: torch.Tensor, cov: torch.Tensor) -> None:
        _checks.tensor(mean, "mean", ndim=1)
        _checks.tensor(cov, "cov", ndim=2)
        if cov.dtype != mean.dtype:
            raise TypeError(f"mean and cov must share one dtype, got {mean.dtype} and {cov.dtype}")
        _checks.same_device(mean=mean, cov=cov)
        d = mean.shape[0]
        if cov.shape != (d, d):
            raise ValueError(f"cov must have shape ({d}, {d}) to match mean of shape ({d},), got {tuple(cov.shape)}")
        _checks.finite(mean.detach(), "mean")
        _checks.finite(cov.detach(), "cov")
        self.mean, self.cov = mean, cov
        S = cov.detach().double()
        gap = (S - S.T).abs().max().item()
        if gap > 1e-6 * S.abs().max().clamp_min(1.0).item():
            raise ValueError(f"cov must be symmetric, got max |cov - cov^T| = {gap:.3g}")
        L, info = torch.linalg.cholesky_ex((S + S.T) / 2)
        if info.item() != 0:
            lam_min = torch.linalg.eigvalsh((S + S.T) / 2)[0].item()
            raise ValueError(f"cov must be positive definite, got smallest eigenvalue {lam_min:.3g}")
        self.scale_tril = L  # Σ = L L^T, float64
        self._mu = mean.detach().double()

    @property
    def dim(self) -> int:
        """The dimension $d$."""
        return self.mean.shape[0]

    def _point(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.dtype]:
        _checks.tensor(x, "x", min_ndim=1)
        _checks.same_device(x=x, mean=self.mean)
        if x.shape[-1] != self.dim:
            raise ValueError(f"x must have last dimension {self.dim}, got shape {tuple(x.shape)}")
        _checks.finite(x.detach(), "x", allow_inf=True)
        return x.double(), x.dtype

    def _squared_distance(self, x64: torch.Tensor) -> torch.Tensor:
        far = torch.isinf(x64).any(-1)  # a point at infinity is infinitely far (the solve would give NaN)
        diff = (torch.where(far.unsqueeze(-1), self._mu, x64) - self._mu).unsqueeze(-1)  # (..., d, 1): x - μ
        L = self.scale_tril.expand(*diff.shape[:-2], -1, -1)
        z = torch.linalg.solve_triangular(L, diff, upper=False).squeeze(-1)  # L z = x - μ
        return torch.where(far, torch.inf, (z * z).sum(-1))  # Δ² = ||z||² = (x - μ)^T Σ^{-1} (x - μ)

    def mahalanobis(self, x: torch.Tensor) -> torch.Tensor:
        r"""Mahalanobis distance $\Delta(x) = \sqrt{(x - \mu)^\top \Sigma^{-1} (x - \mu)}$ of each row of ``x``.

        It counts standard deviations along the direction of $x - \mu$: with $\Sigma = I$ it
        is the Euclidean distance, and in general it is the Euclidean distance after the
        whitening $z = L^{-1}(x - \mu)$.

        Parameters
        ----------
        x : torch.Tensor
            Points, shape ``(..., d)``, floating, on the device of ``mean``.

        Returns
        -------
        torch.Tensor
            Shape ``(...)``, dtype of ``x`` (computed in float64).
        """
        x64, out = self._point(x)
        return self._squared_distance(x64).sqrt().to(out)

    def log_prob(self, x: torch.Tensor) -> torch.Tensor:
        r"""Log-density $-\tfrac12\big(d\log 2\pi + \log\det\Sigma + \Delta(x)^2\big)$ of each row of ``x``.

        Parameters
        ----------
        x : torch.Tensor
            Points, shape ``(..., d)``.

        Returns
        -------
        torch.Tensor
            Shape ``(...)``, dtype of ``x`` (computed in float64); equal to
            ``torch.distributions.MultivariateNormal(mean, cov).log_prob(x)``.
        """
        x64, out = self._point(x)
        log_det = 2 * self.scale_tril.diagonal().log().sum()  # log det Σ = 2 Σ_i log L_ii
        lp = -0.5 * (self.dim * math.log(2 * math.pi) + log_det + self._squared_distance(x64))
        return lp.to(out)

    def prob(self, x: torch.Tensor) -> torch.Tensor:
        """Density $f(x)$: ``exp(log_prob(x))``."""
        return self.log_prob(x).exp()

    def axes(self) -> tuple[torch.Tensor, torch.Tensor]:
        r"""Axes of the density's ellipses: standard deviations $\sqrt{\lambda_i}$ and directions $q_i$.

        Along the eigenvector $q_i$ of $\Sigma$ the variance is $\lambda_i$, so the ellipse
        $\Delta = c$ reaches $\mu \pm c\sqrt{\lambda_i}\, q_i$.

        Returns
        -------
        stds : torch.Tensor
            Shape ``(d,)``: $\sqrt{\lambda_i}$, largest first, dtype of ``cov``.
        directions : torch.Tensor
            Shape ``(d, d)``: the unit eigenvectors $q_i$ as columns, in the same order (each
            defined up to its sign).
        """
        lam, Q = spectral_decomposition(self.cov.detach().double())  # descending eigenvalues
        return lam.clamp_min(0).sqrt().to(self.cov.dtype), Q.to(self.cov.dtype)

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        r"""``n`` draws $x = \mu + L\varepsilon$, $\varepsilon \sim \mathcal N(0, I)$, as rows.

        Parameters
        ----------
        n : int
            Number of draws, $\ge 0$.
        generator : torch.Generator or None, default None
            Source of $\varepsilon$, drawn on the generator's device (CPU by default) in float64.

        Returns
        -------
        torch.Tensor
            Shape ``(n, d)``, float64, on the generator's device.
        """
        _checks.integer(n, "n", minimum=0)
        if generator is not None and not isinstance(generator, torch.Generator):
            raise TypeError(f"generator must be a torch.Generator or None, got {type(generator).__name__}")
        device = generator.device if generator is not None else torch.device("cpu")
        eps = torch.randn(n, self.dim, generator=generator, device=device, dtype=torch.float64)  # ε
        L, mu = self.scale_tril.to(device), self._mu.to(device)
        return mu + eps @ L.T  # each row: μ + L ε
