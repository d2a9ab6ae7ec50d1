"""A linear, a quadratic and an independent relation: correlation sees only the first, mutual information sees both."""

import torch

from aimath_ref import rand, randn
from aimath_ref.information import joint_histogram, mutual_information
from aimath_ref.probability import correlation_matrix
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=3, width=9.0, height=3.2, sharey=True)
    n = 20_000
    x = rand(n, seed=0, dtype=torch.float64).cpu() * 2 - 1
    noise = 0.05 * randn(n, seed=1, dtype=torch.float64).cpu()
    for ax, (name, y), color in zip(axes, [("y = 2x", 2 * x + noise), ("y = x²", x ** 2 + noise),
                                           ("y independent", noise)], PALETTE):
        r = correlation_matrix(torch.stack([x, y], dim=1))[0, 1].item()
        mi = mutual_information(joint_histogram(x, y, bins=16)).item()
        ax.scatter(x[:1500].tolist(), y[:1500].tolist(), s=3, color=color, alpha=0.5, rasterized=True)
        ax.set_title(f"{name}\ncorr = {r:+.2f}, MI = {mi:.2f} bits", fontsize=11)
        ax.set_xlabel("x")
    axes[0].set_ylabel("y")
    axes[0].set_ylim(-2.2, 2.2)
    return fig
