"""The 68-95-99.7 rule: bands of the standard normal shaded, areas from the normal CDF."""

import torch

from aimath_ref.probability import Gaussian, within_k_sigma
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=8.0, height=3.6)
    g = Gaussian(0.0, 1.0)
    x = torch.linspace(-4, 4, 801, dtype=torch.float64)
    f = g.prob(x)
    for k, alpha in ((3, 0.15), (2, 0.25), (1, 0.4)):
        band = x.abs() <= k
        ax.fill_between(x[band].tolist(), f[band].tolist(), color=PALETTE[0], alpha=alpha, lw=0)
        y = 0.02 + 0.07 * (3 - k)
        ax.annotate("", xy=(-k, y), xytext=(k, y), arrowprops=dict(arrowstyle="<->", color="0.2"))
        ax.text(0, y + 0.012, f"±{k}σ: {100 * within_k_sigma(k):.1f}%", ha="center", fontsize=10,
                bbox=dict(facecolor="white", edgecolor="none", pad=1))
    ax.plot(x.tolist(), f.tolist(), color=PALETTE[0], lw=2)
    ax.set_xticks(range(-4, 5))
    ax.set_xticklabels(["−4σ", "−3σ", "−2σ", "−σ", "μ", "σ", "2σ", "3σ", "4σ"])
    ax.set_ylabel("density")
    ax.set_title("Share of a Gaussian within k standard deviations of the mean")
    return fig
