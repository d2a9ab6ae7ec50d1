"""A matrix product as row-by-column dot products, computed with matmul_by_definition."""

import torch
from matplotlib.patches import Rectangle

from aimath_ref.linalg import dot, matmul_by_definition
from figures._style import PALETTE, new_figure

A = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
B = torch.tensor([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]])
I, J = 1, 0  # the highlighted entry C[I, J]


def _grid(ax, M, x0, y0, title, row=None, col=None, colour=None):
    m, n = M.shape
    for i in range(m):
        for j in range(n):
            on = (row is not None and i == row) or (col is not None and j == col)
            ax.add_patch(Rectangle(
                (x0 + j, y0 - i - 1), 1, 1, facecolor=colour if on else "white", alpha=0.35 if on else 1,
                edgecolor="0.3", lw=1.0))
            ax.text(x0 + j + 0.5, y0 - i - 0.5, f"{M[i, j].item():g}", ha="center", va="center", fontsize=12)
    ax.text(x0 + n / 2, y0 + 0.35, title, ha="center", va="bottom", fontsize=12)


def figure():
    fig, (ax, ax2) = new_figure(ncols=2, width=8.5, height=3.4, gridspec_kw={"width_ratios": [3, 1.3]})
    C = matmul_by_definition(A, B)
    _grid(ax, A, 0, 3, r"$A$ (2 × 3)", row=I, colour=PALETTE[0])
    _grid(ax, B, 4, 3, r"$B$ (3 × 2)", col=J, colour=PALETTE[1])
    _grid(ax, C, 7.5, 3, r"$C = AB$ (2 × 2)")
    ax.add_patch(Rectangle((7.5 + J, 3 - I - 1), 1, 1, facecolor=PALETTE[2],
                                                            alpha=0.35, edgecolor="0.3"))
    ax.text(3.5, 1.5, "·", fontsize=20, ha="center", va="center")
    ax.text(6.75, 1.5, "=", fontsize=16, ha="center", va="center")
    terms = " + ".join(f"{a:g}·{b:g}" for a, b in zip(A[I].tolist(), B[:, J].tolist()))
    ax.text(5, -0.6, f"C[{I}, {J}] = row {I} of A · column {J} of B = {terms} = {dot(A[I], B[:, J]).item():g}",
            ha="center", va="center", fontsize=11)
    ax.set_xlim(-0.3, 9.8)
    ax.set_ylim(-1.1, 3.9)
    ax.set_aspect("equal")
    ax.axis("off")
    ax2.axis("off")
    ax2.text(0.5, 0.75, r"$(m \times n)\,(n \times p)$", ha="center", fontsize=13, transform=ax2.transAxes)
    ax2.text(0.5, 0.55, r"$\downarrow$", ha="center", fontsize=13, transform=ax2.transAxes)
    ax2.text(0.5, 0.35, r"$(m \times p)$", ha="center", fontsize=13, transform=ax2.transAxes)
    ax2.text(0.5, 0.12, "inner sizes must match,\nthen they disappear", ha="center", fontsize=10,
             transform=ax2.transAxes)
    return fig
