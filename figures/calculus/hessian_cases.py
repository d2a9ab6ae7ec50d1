"""Three Hessians at a critical point: bowl, saddle and flat, with their eigen-directions."""

import torch

from aimath_ref.calculus import classify_critical_point, hessian
from figures._style import PALETTE, new_figure

SURFACES = [
    (r"bowl: $w_0^2 + 2w_1^2$", lambda w: w[..., 0] ** 2 + 2 * w[..., 1] ** 2),
    (r"saddle: $w_0^2 - w_1^2$", lambda w: w[..., 0] ** 2 - w[..., 1] ** 2),
    (r"flat: $w_0^4 + w_1^2$", lambda w: w[..., 0] ** 4 + w[..., 1] ** 2),
]


def _color(lam: float) -> str:
    if lam > 1e-9:
        return PALETTE[0]
    if lam < -1e-9:
        return PALETTE[1]
    return "0.45"


def figure():
    fig, axes = new_figure(ncols=3, width=9.0, height=3.4)
    grid = torch.linspace(-1.5, 1.5, 201, dtype=torch.float64)
    W0, W1 = torch.meshgrid(grid, grid, indexing="xy")
    origin = torch.zeros(2, dtype=torch.float64)
    for ax, (title, L) in zip(axes, SURFACES):
        Z = L(torch.stack([W0, W1], dim=-1))
        ax.contourf(W0.numpy(), W1.numpy(), Z.numpy(), levels=20, cmap="coolwarm", alpha=0.55)
        ax.contour(W0.numpy(), W1.numpy(), Z.numpy(), levels=12, colors="0.35", linewidths=0.5)
        H = hessian(L, origin)
        lam, Q = torch.linalg.eigh(H)  # curvatures and their directions
        for k in range(2):
            length = 0.4 + 0.12 * abs(lam[k].item())
            d = Q[:, k] * length
            ax.annotate("", xy=(d[0].item(), d[1].item()), xytext=(0, 0),
                        arrowprops=dict(arrowstyle="-|>", color=_color(lam[k].item()), lw=2.2))
            ax.text(1.08 * d[0].item() + 0.05, 1.08 * d[1].item() + 0.08, rf"$\lambda = {lam[k].item():g}$",
                    color=_color(lam[k].item()), fontsize=10,
                    bbox=dict(facecolor="white", edgecolor="none", alpha=0.8, pad=1))
        ax.plot([0], [0], "ko", ms=4)
        ax.set_title(f"{title}\n→ {classify_critical_point(H)}", fontsize=11)
        ax.set_aspect("equal")
        ax.set_xlabel("$w_0$")
        ax.grid(False)
    axes[0].set_ylabel("$w_1$")
    return fig
