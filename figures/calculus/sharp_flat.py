"""A sharp and a flat 1-D minimum, their curvature from the Hessian, and how a rescaling of w changes it."""

import torch

from aimath_ref.calculus import hessian, numerical_derivative
from figures._style import PALETTE, new_figure

W_SHARP, W_FLAT = -1.5, 1.5  # where the two minima sit
DELTA = 0.3  # size of the weight perturbation drawn around each minimum
SCALE = 4.0  # reparametrisation w = SCALE * theta of the right panel


def sharp(w: torch.Tensor) -> torch.Tensor:
    """Narrow well: 1 - exp(-(w + 1.5)^2 / (2 * 0.25^2))."""
    return 1 - torch.exp(-((w - W_SHARP) ** 2) / (2 * 0.25 ** 2))


def flat(w: torch.Tensor) -> torch.Tensor:
    """Wide well: 1 - exp(-(w - 1.5)^2 / (2 * 0.9^2))."""
    return 1 - torch.exp(-((w - W_FLAT) ** 2) / (2 * 0.9 ** 2))


def _curvature(L, w_star: float) -> float:
    """L''(w*) from the 1x1 Hessian, checked against a finite difference of the derivative."""
    H = hessian(lambda w: L(w).sum(), torch.tensor([w_star], dtype=torch.float64))
    second = H.item()
    slope = lambda t: numerical_derivative(lambda s: L(torch.tensor(s, dtype=torch.float64)).item(), float(t))
    assert abs(numerical_derivative(slope, w_star, eps=1e-4) - second) < 1e-3 * max(1.0, abs(second))
    return second


def _well(ax, L, w_star: float, color: str, name: str, grid: torch.Tensor) -> None:
    ax.plot(grid.numpy(), L(grid).numpy(), color=color, lw=2.2, label=name)
    curv = _curvature(L, w_star)
    rise = L(torch.tensor(w_star + DELTA, dtype=torch.float64)).item()  # L(w*) = 0
    ax.axvspan(w_star - DELTA, w_star + DELTA, color=color, alpha=0.12, lw=0)
    ax.plot([w_star - DELTA, w_star + DELTA], [rise, rise], "o", color=color, ms=5)
    ax.hlines(rise, w_star - DELTA - 0.55, w_star + DELTA + 0.55, colors=color, linestyles=":", lw=1.2)
    ax.plot([w_star], [0.0], "ko", ms=4)
    ax.text(w_star, 1.07, f"{name}\n$L''(w^*) = {curv:.2f}$", ha="center", va="bottom", color=color,
            fontsize=10.5)
    ax.text(w_star + DELTA + 0.08, rise + 0.03,
            rf"$L(w^* \pm {DELTA:g}) = {rise:.2f}$", ha="left", va="bottom", color=color, fontsize=10,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1})


def figure():
    fig, (left, right) = new_figure(ncols=2, width=9.0, height=3.8)
    grid = torch.linspace(-3.2, 3.8, 701, dtype=torch.float64)
    _well(left, sharp, W_SHARP, PALETTE[1], "sharp", grid)
    _well(left, flat, W_FLAT, PALETTE[0], "flat", grid)
    left.set_ylim(-0.05, 1.45)
    left.set_xlabel("weight $w$")
    left.set_ylabel("loss $L(w)$")
    left.set_title(rf"same nudge $|\delta| = {DELTA:g}$, different rise in loss", fontsize=11)

    # The flat loss written in a new coordinate theta = w / SCALE: the same function of the
    # model, so the same predictions and test error, yet its curvature is SCALE^2 times larger.
    theta_star = W_FLAT / SCALE
    in_theta = lambda th: flat(SCALE * th)
    th_grid = torch.linspace(theta_star - 1.0, theta_star + 1.0, 401, dtype=torch.float64)
    right.plot(th_grid.numpy(), flat(th_grid - theta_star + W_FLAT).numpy(), color=PALETTE[0], lw=2.2,
               alpha=0.45,
               label=rf"flat loss, coordinate $w$: $L''= {_curvature(flat, W_FLAT):.2f}$")
    right.plot(th_grid.numpy(), in_theta(th_grid).numpy(), color=PALETTE[3], lw=2.2,
               label=rf"same loss in $\theta = w/{SCALE:g}$: $L''= {_curvature(in_theta, theta_star):.2f}$")
    right.plot([theta_star], [0.0], "ko", ms=4)
    right.set_ylim(-0.05, 1.45)
    right.set_xlabel(r"$w - w^*$ (faint)  or  $\theta - \theta^*$ (orange)")
    right.set_xticks([theta_star - 1.0, theta_star - 0.5, theta_star, theta_star + 0.5, theta_star + 1.0],
                     ["−1", "−0.5", "0", "0.5", "1"])
    right.set_title("reparametrising makes the flat minimum sharp", fontsize=11)
    right.legend(loc="upper center", fontsize=9.5, framealpha=0.95)
    return fig
