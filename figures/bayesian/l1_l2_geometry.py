"""Why L1 gives zeros: a loss contour meets the L2 ball on a curve, the L1 ball at a corner."""

import torch

from aimath_ref.inference import lasso_ista, ridge_map
from aimath_ref.linalg import l1_norm, l2_norm
from figures._style import PALETTE, new_figure


def _problem():
    # a 2-feature regression whose least-squares solution is (1.6, 0.6), with correlated features
    g = torch.Generator().manual_seed(3)
    X = torch.randn(40, 2, generator=g, dtype=torch.float64) @ torch.tensor([[1.0, 0.0], [0.6, 0.8]],
                                                                              dtype=torch.float64)
    y = X @ torch.tensor([1.6, 0.6], dtype=torch.float64) + 0.1 * torch.randn(40, generator=g, dtype=torch.float64)
    return X, y


def figure():
    X, y = _problem()
    fig, axes = new_figure(ncols=2, width=9.0, height=4.3)
    grid = torch.linspace(-2.2, 2.8, 301, dtype=torch.float64)
    W1, W2 = torch.meshgrid(grid, grid, indexing="xy")
    W = torch.stack([W1, W2], dim=-1)  # (301, 301, 2) candidate weights
    sse = ((W @ X.T - y) ** 2).sum(dim=-1)  # ‖y - Xw‖² at every grid point
    ols = ridge_map(X, y, 0.0, fit_intercept=False).coef
    fits = {"L2 (ridge), λ = 60": ridge_map(X, y, 60.0, fit_intercept=False).coef,
            "L1 (lasso), λ = 60": lasso_ista(X, y, 60.0, fit_intercept=False).coef}
    for ax, (title, w), norm, color in zip(axes, fits.items(), (l2_norm, l1_norm), PALETTE[:2]):
        radius = norm(w).item()  # the constraint ball passing through the penalised solution
        ball = norm(W, dim=-1)
        ax.contourf(W1.numpy(), W2.numpy(), ball.numpy(), levels=[0, radius], colors=[color], alpha=0.25)
        ax.contour(W1.numpy(), W2.numpy(), ball.numpy(), levels=[radius], colors=[color], linewidths=1.5)
        level = ((X @ w - y) ** 2).sum().item()  # the loss contour through the solution
        ax.contour(W1.numpy(), W2.numpy(), sse.numpy(), levels=[level * f for f in (0.25, 0.5, 1.0)],
                   colors=[PALETTE[4]], linewidths=[0.6, 0.6, 1.5])
        ax.plot(*ols.tolist(), "x", color=PALETTE[4], ms=8)
        ax.annotate("least squares", ols.tolist(), xytext=(6, 6), textcoords="offset points", fontsize=9)
        ax.plot(*w.tolist(), "o", color=PALETTE[3], ms=7, zorder=5)
        ax.annotate(f"w = ({w[0].item():.2f}, {w[1].item():.2f})", w.tolist(), xytext=(-100, -22),
                    textcoords="offset points", fontsize=9, color="0.2")
        ax.axhline(0, color="0.5", lw=0.6)
        ax.axvline(0, color="0.5", lw=0.6)
        ax.set_aspect("equal")
        ax.set_title(title)
        ax.set_xlabel("$w_1$")
    axes[0].set_ylabel("$w_2$")
    return fig
