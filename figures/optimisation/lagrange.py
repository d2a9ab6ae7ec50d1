"""The Lagrange condition: at the constrained optimum the gradient of f is parallel to the gradient of the constraint."""

import math

import torch

from aimath_ref.optim import lagrange_newton
from figures._style import PALETTE, new_figure


def f(v):
    return (v[..., 0] - 2) ** 2 + (v[..., 1] - 1) ** 2


def h(v):
    return v[..., 0] ** 2 + v[..., 1] ** 2 - 1


def _arrow(ax, at, vec, color, label):
    ax.annotate("", xy=(at[0] + vec[0], at[1] + vec[1]), xytext=(at[0], at[1]),
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2})
    ax.text(at[0] + vec[0] * 1.08, at[1] + vec[1] * 1.08, label, color=color, fontsize=11, ha="center", va="center")


def figure():
    fig, ax = new_figure(width=6.4, height=5.2)
    xs = torch.linspace(-1.6, 2.8, 200, dtype=torch.float64)
    gx, gy = torch.meshgrid(xs, xs, indexing="xy")
    grid = torch.stack([gx, gy], -1)
    cs = ax.contour(gx.numpy(), gy.numpy(), f(grid).numpy(), levels=[0.25, 0.5, 1, (math.sqrt(5) - 1) ** 2, 2.5, 4, 6],
                    cmap="viridis", linewidths=1)
    ax.clabel(cs, fontsize=8, fmt="%.2f")
    theta = torch.linspace(0, 2 * math.pi, 300)
    ax.plot(torch.cos(theta).numpy(), torch.sin(theta).numpy(), color=PALETTE[1], lw=2.2, label="constraint $h(x) = 0$")
    sol = lagrange_newton(lambda v: f(v), lambda v: h(v), torch.tensor([1.0, 0.0], dtype=torch.float64))
    x = sol.x
    gf, gh = torch.func.grad(lambda v: f(v))(x), torch.func.grad(lambda v: h(v))(x)
    _arrow(ax, x.tolist(), (0.45 * gf / gf.norm()).tolist(), PALETTE[0], r"$\nabla f$")
    _arrow(ax, x.tolist(), (0.45 * gh / gh.norm()).tolist(), PALETTE[1], r"$\nabla h$")
    ax.plot(*x.tolist(), "o", color=PALETTE[3], ms=8, zorder=5, label=f"optimum, λ = {sol.multipliers.item():.3f}")
    other = torch.tensor([math.cos(2.2), math.sin(2.2)], dtype=torch.float64)  # a feasible point that is not optimal
    go, ho = torch.func.grad(lambda v: f(v))(other), torch.func.grad(lambda v: h(v))(other)
    _arrow(ax, other.tolist(), (0.45 * go / go.norm()).tolist(), PALETTE[0], r"$\nabla f$")
    _arrow(ax, other.tolist(), (0.45 * ho / ho.norm()).tolist(), PALETTE[1], r"$\nabla h$")
    ax.plot(*other.tolist(), "o", color=PALETTE[5], ms=6, zorder=5, label="another point on the circle")
    ax.plot([2], [1], "*", color=PALETTE[2], ms=12, label="unconstrained minimum (2, 1)")
    ax.set_aspect("equal")
    ax.set_xlim(-1.6, 2.8)
    ax.set_ylim(-1.6, 2.0)
    ax.set_title(r"min $(x-2)^2 + (y-1)^2$ on the unit circle", fontsize=11)
    ax.legend(fontsize=8.5, loc="lower right", framealpha=0.95)
    return fig
