"""Coefficients against the penalty strength: ridge shrinks smoothly, the lasso sets them to zero one by one."""

import torch

from aimath_ref.inference import lasso_ista, ridge_map
from figures._style import PALETTE, new_figure


def figure():
    g = torch.Generator().manual_seed(5)
    X = torch.randn(60, 6, generator=g, dtype=torch.float64)
    w_true = torch.tensor([3.0, -2.0, 1.5, 0.8, -0.5, 0.0], dtype=torch.float64)
    y = X @ w_true + 0.8 * torch.randn(60, generator=g, dtype=torch.float64)
    lams = torch.logspace(-1, 3.3, 40, dtype=torch.float64).tolist()
    ridge = torch.stack([ridge_map(X, y, lam).coef for lam in lams])  # (40, 6)
    lasso = torch.stack([lasso_ista(X, y, lam).coef for lam in lams])
    fig, axes = new_figure(ncols=2, width=9.0, height=3.4, sharey=True)
    for ax, path, title in zip(axes, (ridge, lasso), ("Ridge (L2): shrinks, never zero", "Lasso (L1): exact zeros")):
        for j in range(6):
            ax.plot(lams, path[:, j].numpy(), color=PALETTE[j], label=f"$w_{j + 1}$")
        ax.set_xscale("log")
        ax.axhline(0, color="0.4", lw=0.8)
        ax.set_xlabel(r"penalty $\lambda$")
        ax.set_title(title)
    axes[0].set_ylabel("coefficient")
    axes[1].legend(loc="upper right", fontsize=8, ncols=2)
    return fig
