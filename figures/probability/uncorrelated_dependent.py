"""y = x² with x standard normal: correlation about zero, yet y depends entirely on x."""

import torch

from aimath_ref.probability import correlation_matrix
from figures._style import PALETTE, new_figure


def figure():
    fig, (ax1, ax2) = new_figure(ncols=2, width=8.5, height=3.4)
    x = torch.randn(2000, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    y = x ** 2
    rho = correlation_matrix(torch.stack([x, y], dim=1))[0, 1].item()
    ax1.scatter(x.tolist(), y.tolist(), s=5, color=PALETTE[0], alpha=0.4)
    ax1.set_title(f"y = x²: correlation ρ = {rho:.2f}")
    ax1.set_xlabel("x")
    ax1.set_ylabel("y")
    edges = torch.linspace(-3, 3, 13, dtype=torch.float64)
    centres, means = [], []
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (x >= lo) & (x < hi)
        if inside.sum() > 5:
            centres.append(((lo + hi) / 2).item())
            means.append(y[inside].mean().item())
    ax2.plot(centres, means, "o-", color=PALETTE[1], lw=2)
    ax2.axhline(y.mean().item(), color="0.4", ls="--", label="overall mean of y")
    ax2.set_title("Mean of y within bins of x")
    ax2.set_xlabel("x")
    ax2.set_ylabel("E[y | x in bin]")
    ax2.legend(loc="upper center")
    return fig
