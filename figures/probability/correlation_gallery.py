"""Scatter plots with correlation +1, about 0, −1, and y = x² (correlation about 0, yet fully dependent)."""

import torch

from aimath_ref.probability import Gaussian, correlation_matrix
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=4, width=9.0, height=2.8)
    n = 500
    x = Gaussian(0.0, 1.0).sample(n, generator=torch.Generator().manual_seed(1))
    other = Gaussian(0.0, 1.0).sample(n, generator=torch.Generator().manual_seed(101))
    cases = [("y = 0.8x + 0.5", 0.8 * x + 0.5, PALETTE[0]),
             ("y independent of x", other, "0.45"),
             ("y = −1.5x", -1.5 * x, PALETTE[1]),
             ("y = x²", x ** 2, PALETTE[2])]
    for ax, (label, y, colour) in zip(axes, cases):
        rho = correlation_matrix(torch.stack([x, y], dim=1))[0, 1].item()
        ax.scatter(x.tolist(), y.tolist(), s=4, color=colour, alpha=0.5)
        ax.set_title(f"{label}\nρ = {rho:+.2f}", fontsize=10)
        ax.set_xlabel("x")
        ax.set_xlim(-3.5, 3.5)
    axes[0].set_ylabel("y")
    return fig
