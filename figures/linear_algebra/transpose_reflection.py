"""The transpose as a reflection across the main diagonal: entry (i, j) of A lands at (j, i) of Aᵀ."""

import matplotlib
import torch
from matplotlib.patches import FancyArrowPatch, Rectangle

from aimath_ref.linalg import transpose
from figures._style import PALETTE, new_figure

A = torch.arange(1, 13).reshape(3, 4)  # a 3 × 4 matrix with distinct entries 1 … 12
PICK = (0, 2)  # the entry followed by the arrow


def _grid(ax, M, x0, y0, title, colours):
    """Draw M with its top-left corner at (x0, y0); each cell gets the colour of its value."""
    rows = M.tolist()
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ax.add_patch(Rectangle((x0 + j, y0 - i - 1), 1, 1, facecolor=colours[v], edgecolor="0.3", lw=1.0))
            ax.text(x0 + j + 0.5, y0 - i - 0.5, f"{v}", ha="center", va="center", fontsize=12, zorder=4,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": colours[v], "edgecolor": "none"})
    n_diag = min(len(rows), len(rows[0]))
    ax.plot([x0, x0 + n_diag], [y0, y0 - n_diag], ls="--", color="0.15", lw=1.6, zorder=3)  # main diagonal
    ax.text(x0 + len(rows[0]) / 2, y0 + 0.3, title, ha="center", va="bottom", fontsize=12)


def figure():
    fig, ax = new_figure(width=8.0, height=3.6)
    At = transpose(A)
    cmap = matplotlib.colormaps["tab20"]
    colours = {v: tuple(0.55 * c + 0.45 for c in cmap(v - 1)[:3]) for v in range(1, 13)}  # lightened, opaque
    _grid(ax, A, 0, 4, r"$A$ (3 × 4)", colours)
    _grid(ax, At, 8, 4, r"$A^\top$ (4 × 3)", colours)
    i, j = PICK
    for (x, y) in ((j, 4 - i - 1), (8 + i, 4 - j - 1)):
        ax.add_patch(Rectangle((x, y), 1, 1, fill=False, edgecolor=PALETTE[1], lw=2.5))
    ax.add_patch(FancyArrowPatch((j + 0.5, 4.05), (8 + i - 0.05, 4 - j - 0.5),
                                 connectionstyle="arc3,rad=-0.45", arrowstyle="-|>", mutation_scale=16,
                                 color=PALETTE[1], lw=1.6))
    ax.text(6.0, 5.0, rf"$A[{i},{j}] \to A^\top[{j},{i}]$", ha="center", va="bottom", fontsize=12,
            color=PALETTE[1])
    ax.text(5.5, -0.35, "dashed line: the main diagonal, which stays in place;\n"
            "every other entry is mirrored across it, so rows become columns",
            ha="center", va="top", fontsize=10)
    ax.set_xlim(-0.3, 11.3)
    ax.set_ylim(-1.5, 5.6)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
