"""A gradient field on a stretched 2-D loss, with the steepest-descent direction at one point."""

import torch

from aimath_ref.calculus import jacobian
from figures._style import PALETTE, new_figure


def loss(w):
    return (w[..., 0] - 1) ** 2 + 10 * (w[..., 1] + 0.5) ** 2


def figure():
    fig, ax = new_figure(width=7.5, height=4.5)
    g0 = torch.linspace(-2.0, 3.0, 200, dtype=torch.float64)
    g1 = torch.linspace(-1.6, 0.6, 200, dtype=torch.float64)
    W0, W1 = torch.meshgrid(g0, g1, indexing="xy")
    Z = loss(torch.stack([W0, W1], dim=-1))
    ax.contour(W0.numpy(), W1.numpy(), Z.numpy(), levels=[0.25, 1, 2.5, 5, 9, 14, 20], colors="0.55", linewidths=0.8)
    # the gradient at a coarse grid of points, from autograd
    c0 = torch.linspace(-1.5, 2.5, 9, dtype=torch.float64)
    c1 = torch.linspace(-1.4, 0.4, 7, dtype=torch.float64)
    for a in c0:
        for b in c1:
            point = torch.stack([a, b])
            g = jacobian(loss, point)
            g = g / g.norm().clamp(min=1e-12) * 0.22  # direction only
            ax.annotate("", xy=((a + g[0]).item(), (b + g[1]).item()), xytext=(a.item(), b.item()),
                        arrowprops=dict(arrowstyle="->", color="0.6", lw=0.9))
    p = torch.tensor([-1.0, 0.2], dtype=torch.float64)
    g = jacobian(loss, p)
    step = -0.045 * g  # -grad, scaled to fit
    ax.annotate("", xy=((p[0] + step[0]).item(), (p[1] + step[1]).item()), xytext=(p[0].item(), p[1].item()),
                arrowprops=dict(arrowstyle="-|>", color=PALETTE[1], lw=2.2))
    ax.plot([p[0].item()], [p[1].item()], "o", color=PALETTE[1], ms=6)
    ax.text((p[0] + step[0] + 0.05).item(), (p[1] + step[1] - 0.12).item(), r"$-\nabla L$", color=PALETTE[1], fontsize=13)
    ax.plot([1.0], [-0.5], "*", color="black", ms=13, label="minimum")
    ax.set_xlabel("$w_0$")
    ax.set_ylabel("$w_1$")
    ax.set_aspect("equal")
    ax.set_title(r"$L(w) = (w_0 - 1)^2 + 10(w_1 + 0.5)^2$: grey arrows point uphill ($\nabla L$)")
    ax.legend(loc="lower right")
    ax.grid(False)
    return fig
