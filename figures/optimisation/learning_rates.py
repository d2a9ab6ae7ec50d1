"""Gradient descent on one 1-D loss with a learning rate too small, about right and too large, and the three loss curves."""

import torch

from aimath_ref.optim import gradient_descent
from figures._style import PALETTE, new_figure

CURVATURE = 4.0  # L(w) = 2 (w - 1)^2 has L'' = 4, so the stable range is 0 < lr < 2/4


def loss(w):
    return 0.5 * CURVATURE * (w - 1.0) ** 2


def grad(w):
    return CURVATURE * (w - 1.0)


REGIMES = ((0.02, "too small: lr = 0.02"), (0.2, "about right: lr = 0.2"), (0.53, "too large: lr = 0.53"))


def figure():
    fig, grid = new_figure(ncols=2, nrows=2, width=9.0, height=6.4)
    axes = [grid[0][0], grid[0][1], grid[1][0], grid[1][1]]
    ws = torch.linspace(-4.0, 6.0, 400, dtype=torch.float64)
    start = torch.tensor([-2.0], dtype=torch.float64)
    for ax, (lr, title), color in zip(axes[:3], REGIMES, (PALETTE[0], PALETTE[2], PALETTE[1])):
        path = gradient_descent(grad, start, lr=lr, steps=12).flatten()
        ax.plot(ws.numpy(), loss(ws).numpy(), color=PALETTE[5], lw=1.8)
        ax.plot(path.numpy(), loss(path).numpy(), "-o", color=color, ms=4, lw=1.0, alpha=0.9)
        ax.plot(path[:1].numpy(), loss(path[:1]).numpy(), "s", color=color, ms=7)
        ax.set_title(title, fontsize=11)
        ax.set_xlim(-4.0, 6.0)
        ax.set_ylim(-2, 52)
        ax.set_xlabel("$w$")
    axes[0].set_ylabel("loss $L(w) = 2(w - 1)^2$")
    axes[2].set_ylabel("loss $L(w)$")
    for (lr, title), color in zip(REGIMES, (PALETTE[0], PALETTE[2], PALETTE[1])):
        path = gradient_descent(grad, start, lr=lr, steps=30).flatten()
        axes[3].semilogy(range(31), loss(path).numpy() + 1e-16, color=color, lw=2, label=title.split(":")[0])
    axes[3].set_ylim(1e-9, 1e6)
    axes[3].set_xlabel("step")
    axes[3].set_title("training loss (log scale)", fontsize=11)
    axes[3].legend(fontsize=9, loc="lower left")
    return fig
