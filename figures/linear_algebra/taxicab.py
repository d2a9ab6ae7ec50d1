"""Walking a street grid (L1) versus flying straight (L2) between the same two points."""

import torch

from aimath_ref.linalg import l1_norm, l2_norm
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=5.5, height=4.2)
    start, end = torch.tensor([0.0, 0.0]), torch.tensor([4.0, 3.0])
    d = end - start
    l1, l2 = l1_norm(d).item(), l2_norm(d).item()
    for k in range(6):
        ax.axhline(k, color="0.85", lw=0.8)
        ax.axvline(k, color="0.85", lw=0.8)
    staircase = [(0, 0), (1, 0), (1, 1), (2, 1), (3, 1), (3, 2), (4, 2), (4, 3)]
    ax.plot(*zip(*[(0, 0), (4, 0), (4, 3)]), color=PALETTE[0], lw=3, label=f"L1 route: {l1:g} blocks")
    ax.plot(*zip(*staircase), color=PALETTE[2], lw=2, ls="--", label=f"another L1 route: also {l1:g}")
    ax.plot([0, 4], [0, 3], color=PALETTE[1], lw=3, label=f"L2 (straight line): {l2:g}")
    ax.scatter([0, 4], [0, 3], color="black", zorder=5)
    ax.set_xlim(-0.5, 5)
    ax.set_ylim(-0.5, 4)
    ax.set_aspect("equal")
    ax.grid(False)
    ax.legend(loc="upper left")
    ax.set_title("From (0, 0) to (4, 3)")
    return fig
