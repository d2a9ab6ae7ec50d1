"""Covariance and correlation matrices of four seeded features, as annotated heatmaps."""

import torch

from aimath_ref.probability import correlation_matrix, covariance_matrix
from figures._style import new_figure


def figure():
    fig, axes = new_figure(ncols=2, width=9.0, height=3.9)
    n = 2000
    g = torch.Generator().manual_seed(0)
    z = torch.randn(n, 4, generator=g, dtype=torch.float64)
    height = 1.0 * z[:, 0]  # standardised height
    weight = 0.8 * height + 0.6 * z[:, 1]  # heavier with height
    shoe = 2.0 * (0.9 * height + 0.44 * z[:, 2])  # larger scale, strongly tied to height
    noise = 0.5 * z[:, 3] - 0.3 * weight  # smaller scale, weakly opposite to weight
    X = torch.stack([height, weight, shoe, noise], dim=1)  # rows: people, columns: features
    names = ["height", "weight", "shoe", "other"]
    for ax, M, title in [(axes[0], covariance_matrix(X), "covariance Σ (diagonal: variances)"),
                         (axes[1], correlation_matrix(X), "correlation (diagonal: 1)")]:
        top = M.abs().max().item()
        im = ax.imshow(M.tolist(), cmap="RdBu_r", vmin=-top, vmax=top)
        for i in range(4):
            for j in range(4):
                v = M[i, j].item()
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=10,
                        color="white" if abs(v) > 0.6 * top else "black",
                        fontweight="bold" if i == j else "normal")
        ax.set_xticks(range(4), names)
        ax.set_yticks(range(4), names)
        ax.grid(False)
        ax.set_title(title, fontsize=11)
        fig.colorbar(im, ax=ax, shrink=0.8)
    return fig
