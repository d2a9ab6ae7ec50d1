"""The maximum-margin separating line of a hard-margin SVM, solved from its KKT system, with its support vectors."""

import itertools

import torch

from aimath_ref.optim import kkt_residuals, lagrange_newton
from figures._style import PALETTE, new_figure

X = torch.tensor([[2.0, 2.0], [3.0, 3.5], [3.5, 1.5], [2.5, 4.0],
                  [0.0, 0.0], [-1.0, 0.5], [0.5, -1.0], [-0.5, 1.5]], dtype=torch.float64)
Y = torch.tensor([1.0, 1.0, 1.0, 1.0, -1.0, -1.0, -1.0, -1.0], dtype=torch.float64)


def _objective(v):
    return 0.5 * (v[:2] ** 2).sum()  # |w|^2 / 2 with v = (w1, w2, b)


def _margins(v):
    return 1 - Y * (X @ v[:2] + v[2])  # <= 0 for every point


def _solve():
    """Active-set search: try small sets of points as the support vectors, keep the one whose solution passes KKT."""
    for size in (2, 3):
        for sv in itertools.combinations(range(8), size):
            if len({Y[i].item() for i in sv}) < 2:
                continue  # support vectors come from both classes
            try:
                r = lagrange_newton(_objective, lambda v, sv=list(sv): -_margins(v)[sv],
                                    torch.tensor([1.0, 1.0, 0.0], dtype=torch.float64))
            except ValueError:
                continue  # dependent constraints: not a valid active set
            mu = torch.zeros(8, dtype=torch.float64)
            mu[list(sv)] = r.multipliers
            if r.converged and max(kkt_residuals(_objective, r.x, ineq=_margins, mu=mu).values()) < 1e-9:
                return r.x, mu
    raise RuntimeError("no set of support vectors satisfies the KKT conditions")


def figure():
    v, mu = _solve()
    w, b = v[:2], v[2].item()
    fig, ax = new_figure(width=6.4, height=5.0)
    xs = torch.linspace(-2.0, 5.0, 2, dtype=torch.float64)
    for offset, style, label in ((0.0, "-", "decision boundary $w^\\top x + b = 0$"),
                                 (1.0, "--", "margins $w^\\top x + b = \\pm 1$"), (-1.0, "--", None)):
        ax.plot(xs.numpy(), ((offset - b - w[0] * xs) / w[1]).numpy(), style, color=PALETTE[5], lw=1.6,
                label=label)
    for cls, color, name in ((1.0, PALETTE[0], "class +1"), (-1.0, PALETTE[1], "class −1")):
        pts = X[Y == cls]
        ax.plot(pts[:, 0].numpy(), pts[:, 1].numpy(), "o", color=color, ms=8, label=name)
    sv = X[mu > 0]
    ax.plot(sv[:, 0].numpy(), sv[:, 1].numpy(), "o", mfc="none", mec=PALETTE[2], mew=2.2, ms=15,
            label="support vectors (α > 0)")
    for k in torch.nonzero(mu > 0).flatten().tolist():
        ax.annotate(f"α = {mu[k].item():.3f}", X[k].tolist(), xytext=(10, -14), textcoords="offset points",
                    fontsize=9, color=PALETTE[2])
    ax.set_aspect("equal")
    ax.set_xlim(-2.0, 5.0)
    ax.set_ylim(-2.0, 5.0)
    ax.set_title(f"hard-margin SVM: margin width 2/‖w‖ = {2 / w.norm().item():.3f}", fontsize=11)
    ax.legend(fontsize=8.5, loc="upper left", framealpha=0.95)
    return fig
