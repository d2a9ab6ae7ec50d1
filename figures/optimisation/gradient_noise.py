"""Mini-batch gradient noise against batch size on the diabetes data: measured, the tr(Σ)/B law, and the full batch."""

import numpy as np
import torch
from sklearn.datasets import load_diabetes

from aimath_ref.optim import loglog_slope, minibatch_gradient_variance, minibatch_variance_theory, per_example_gradients
from figures._style import PALETTE, new_figure


def figure():
    X, y = load_diabetes(return_X_y=True)
    X = torch.tensor(np.c_[X, np.ones(len(X))])
    G = per_example_gradients(lambda w, x, t: 0.5 * (x @ w - t) ** 2, torch.zeros(11, dtype=torch.float64), X,
                              torch.tensor(y))
    N = len(G)
    sizes = [1, 2, 4, 8, 16, 32, 64, 128, 256, 400]
    measured = [minibatch_gradient_variance(G, B, n_batches=1000, generator=torch.Generator().manual_seed(B))
                for B in sizes]
    with_repl = [minibatch_variance_theory(G, B, replacement=True) for B in sizes]
    without = [minibatch_variance_theory(G, B) for B in sizes]
    slope = loglog_slope(sizes[:6], measured[:6])
    fig, ax = new_figure(width=8.0, height=3.8)
    ax.loglog(sizes, with_repl, "--", color=PALETTE[5], lw=1.4, label=r"$\mathrm{tr}\,\Sigma / B$ (slope $-1$)")
    ax.loglog(sizes, without, "-", color=PALETTE[0], lw=1.8,
              label=r"$\mathrm{tr}\,\Sigma / B \cdot (N - B)/(N - 1)$, without replacement")
    ax.loglog(sizes, measured, "o", color=PALETTE[1], ms=7, label="measured over 1,000 random batches")
    ax.axhline(G.mean(0).norm().item() ** 2, color=PALETTE[2], lw=1.2, ls=":",
               label=r"$\Vert \nabla L \Vert^2$, the signal")
    ax.set_xlabel("batch size $B$")
    ax.set_ylabel(r"$\mathbb{E}\,\Vert \hat g_B - \nabla L \Vert^2$")
    ax.set_title(f"Diabetes regression (N = {N}) at w = 0: fitted slope {slope:.2f} for B ≤ 32", fontsize=11)
    ax.legend(fontsize=9, loc="lower left")
    return fig
