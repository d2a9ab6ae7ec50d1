"""The rank ladder: scalar, vector, matrix, 3-D and 4-D tensors drawn as blocks of cells."""

import torch
from matplotlib.patches import Rectangle

from aimath_ref import randn
from figures._style import PALETTE, new_figure


def _cube(ax, x0, y0, nx, ny, nz, colour, step=0.35):
    # draw nz stacked grids of nx by ny cells, each shifted up and right (a 3-D block)
    for z in reversed(range(nz)):
        dx, dy = z * step, z * step
        for i in range(ny):
            for j in range(nx):
                ax.add_patch(Rectangle(
                    (x0 + j * 0.5 + dx, y0 + i * 0.5 + dy), 0.5, 0.5, facecolor=colour, edgecolor="0.25",
                    lw=0.7, alpha=0.85))


def figure():
    fig, ax = new_figure(width=9.0, height=3.0)
    examples = [  # (label, tensor) — shapes come from real tensors
        ("scalar\n()", torch.tensor(3.14)),
        ("vector\n(4,)", randn(4, seed=0)),
        ("matrix\n(3, 4)", randn(3, 4, seed=1)),
        ("3-D\n(3, 3, 4)", randn(3, 3, 4, seed=2)),
        ("4-D\n(2, 3, 3, 4)", randn(2, 3, 3, 4, seed=3)),
    ]
    x = 0.0
    for k, (label, t) in enumerate(examples):
        shape = (1,) * max(0, 3 - t.ndim) + tuple(t.shape[-3:]) if t.ndim <= 3 else tuple(t.shape[1:])
        nz, ny, nx = shape[-3], shape[-2], shape[-1]
        copies = t.shape[0] if t.ndim == 4 else 1
        width = 0
        for c in range(copies):
            _cube(ax, x + c * (nx * 0.5 + 1.2), 0, nx, ny, nz, PALETTE[k])
            width = c * (nx * 0.5 + 1.2) + nx * 0.5 + nz * 0.35
        ax.text(x + width / 2, -0.7, f"{label}\nndim = {t.ndim}", ha="center", va="top", fontsize=10)
        x += width + 0.9
    ax.set_xlim(-0.3, x)
    ax.set_ylim(-2.0, 3.0)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
