"""Samples and covariance ellipses for correlations −0.8, 0 and 0.8."""

import math

import torch

from aimath_ref.probability import correlation_matrix, covariance_matrix
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=3, width=9.0, height=3.3)
    angle = torch.linspace(0, 2 * math.pi, 200, dtype=torch.float64)
    circle = torch.stack([angle.cos(), angle.sin()], dim=1)  # (200, 2)
    for i, (ax, rho) in enumerate(zip(axes, (-0.8, 0.0, 0.8))):
        L = torch.linalg.cholesky(torch.tensor([[1.0, rho], [rho, 1.0]], dtype=torch.float64))
        z = torch.randn(500, 2, generator=torch.Generator().manual_seed(i), dtype=torch.float64)
        X = z @ L.T  # rows are observations
        S = covariance_matrix(X)
        r = correlation_matrix(X)[0, 1].item()
        evals, evecs = torch.linalg.eigh(S)
        ax.scatter(X[:, 0].tolist(), X[:, 1].tolist(), s=5, color=PALETTE[0], alpha=0.35)
        for k, ls in ((1, "-"), (2, "--")):
            ell = k * circle * evals.sqrt() @ evecs.T  # points at Mahalanobis distance k
            ax.plot(ell[:, 0].tolist(), ell[:, 1].tolist(), color=PALETTE[1], lw=2, ls=ls)
        ax.set_title(f"ρ = {rho:g} (sample: {r:.2f})")
        ax.set_xlim(-4, 4)
        ax.set_ylim(-4, 4)
        ax.set_aspect("equal")
        ax.set_xlabel("x₁")
    axes[0].set_ylabel("x₂")
    return fig
