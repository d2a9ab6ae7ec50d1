"""Full-batch, mini-batch and single-example gradient descent on the same least-squares problem, on its contours."""

import torch

from aimath_ref.optim import gradient_descent, per_example_gradients
from figures._style import PALETTE, new_figure

N = 200


def _data():
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(N, generator=gen, dtype=torch.float64, device="cpu")
    X = torch.stack([x, torch.ones(N, dtype=torch.float64)], 1)  # slope and intercept
    y = 2.0 * x - 1.0 + 0.8 * torch.randn(N, generator=gen, dtype=torch.float64, device="cpu")
    return X, y


def _loss(w, x, t):
    return 0.5 * (x @ w - t) ** 2


def _sampled_grad(X, y, batch, seed):
    """A gradient callable that draws a fresh mini-batch at every call: gradient_descent becomes SGD."""
    gen = torch.Generator().manual_seed(seed)

    def grad(w):
        idx = torch.randperm(N, generator=gen, device="cpu")[:batch]
        return per_example_gradients(_loss, w, X[idx], y[idx]).mean(0)  # (1/B) sum of g_i

    return grad


def figure():
    X, y = _data()
    fig, ax = new_figure(width=7.2, height=4.6)
    a = torch.linspace(-1.0, 3.5, 160, dtype=torch.float64)
    b = torch.linspace(-2.5, 1.5, 160, dtype=torch.float64)
    ga, gb = torch.meshgrid(a, b, indexing="xy")
    W = torch.stack([ga, gb], -1)  # (160, 160, 2)
    L = 0.5 * ((W @ X.T - y) ** 2).mean(-1)
    ax.contour(ga.numpy(), gb.numpy(), L.numpy(), levels=14, cmap="viridis", linewidths=0.8)
    w0 = torch.tensor([-0.5, 1.0], dtype=torch.float64)
    runs = [("full batch (B = 200)", N, PALETTE[0], 2.2), ("mini-batch (B = 16)", 16, PALETTE[3], 1.4),
            ("stochastic (B = 1)", 1, PALETTE[1], 1.0)]
    for seed, (label, batch, color, lw) in enumerate(runs):
        path = gradient_descent(_sampled_grad(X, y, batch, seed), w0, lr=0.1, steps=60)
        ax.plot(path[:, 0].numpy(), path[:, 1].numpy(), "-o", color=color, lw=lw, ms=2.5, label=label)
    w_star = torch.linalg.lstsq(X, y[:, None]).solution.flatten()
    ax.plot(*w_star.tolist(), "*", color=PALETTE[2], ms=14, zorder=5, label="least-squares solution")
    ax.set_xlabel("slope $w_1$")
    ax.set_ylabel("intercept $w_0$")
    ax.set_title("60 steps, lr = 0.1, on the same loss contours", fontsize=11)
    ax.legend(fontsize=9, loc="lower right")
    return fig
