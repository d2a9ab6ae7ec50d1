"""Two pairs with correlation about zero: y independent of x (flat conditional mean) and y = x² (U-shaped)."""

from itertools import pairwise

import torch

from aimath_ref.probability import correlation_matrix
from figures._style import PALETTE, new_figure


def _binned_means(x, y, edges):
    centres, means = [], []
    for lo, hi in pairwise(edges):
        inside = (x >= lo) & (x < hi)
        if inside.sum() > 5:
            centres.append(((lo + hi) / 2).item())
            means.append(y[inside].mean().item())
    return centres, means


def figure():
    fig, axes = new_figure(ncols=2, width=8.5, height=3.4, sharey=True)
    x = torch.randn(2000, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    noise = torch.randn(2000, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    independent = 1.0 + noise * 2 ** 0.5  # same mean (1) and variance (2) as x², but unrelated to x
    edges = torch.linspace(-3, 3, 13, dtype=torch.float64)
    for ax, (name, y, colour) in zip(axes, [("y independent of x", independent, "0.45"), ("y = x²", x ** 2, PALETTE[2])]):
        rho = correlation_matrix(torch.stack([x, y], dim=1))[0, 1].item()
        ax.scatter(x[:600].tolist(), y[:600].tolist(), s=4, color=colour, alpha=0.25)  # a subset keeps the file small
        centres, means = _binned_means(x, y, edges)
        ax.plot(centres, means, "o-", color=PALETTE[1], lw=2, label="mean of y in each bin of x")
        ax.axhline(y.mean().item(), color="0.3", ls="--", lw=1, label="overall mean of y")
        ax.set_title(f"{name}: ρ = {rho:+.2f}", fontsize=11)
        ax.set_xlabel("x")
        ax.set_ylim(-4, 9)
    axes[0].set_ylabel("y")
    axes[0].legend(loc="upper center", fontsize=9)
    return fig
