"""Unit balls of the L1, L2 and L-infinity norms, traced by evaluating aimath_ref's norms."""

import math

import torch

from aimath_ref.linalg import l1_norm, l2_norm, linf_norm
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=3, width=8.5, height=3.0)
    angles = torch.linspace(0, 2 * math.pi, 721, dtype=torch.float64)
    directions = torch.stack([angles.cos(), angles.sin()], dim=-1)  # (721, 2) on the L2 unit circle
    grid = torch.linspace(-1.5, 1.5, 301, dtype=torch.float64)
    X, Y = torch.meshgrid(grid, grid, indexing="xy")
    points = torch.stack([X, Y], dim=-1)  # (301, 301, 2)
    for ax, fn, title in zip(axes, (l1_norm, l2_norm, linf_norm),
                             (r"$\|x\|_1 \leq 1$", r"$\|x\|_2 \leq 1$", r"$\|x\|_\infty \leq 1$")):
        values = fn(points, dim=-1)  # the norm of every grid point
        ax.contourf(X.numpy(), Y.numpy(), values.detach().cpu().numpy(), levels=[0, 1], colors=[PALETTE[0]], alpha=0.25)
        ax.contour(X.numpy(), Y.numpy(), values.detach().cpu().numpy(), levels=[0.5, 1.0, 1.5], colors=[PALETTE[0]], linewidths=[0.8, 2.0, 0.8])
        # each direction scaled to norm 1: the boundary of the ball
        boundary = directions / fn(directions, dim=-1, keepdim=True)
        ax.plot(boundary[:, 0].detach().cpu().numpy(), boundary[:, 1].detach().cpu().numpy(), color=PALETTE[1], lw=0, marker=".", ms=1.5)
        ax.set_title(title)
        ax.set_aspect("equal")
        ax.set_xlim(-1.5, 1.5)
        ax.set_ylim(-1.5, 1.5)
        ax.axhline(0, color="0.5", lw=0.6)
        ax.axvline(0, color="0.5", lw=0.6)
    fig.suptitle("Points at norm 1 (thick), 0.5 and 1.5 (thin)")
    return fig
