"""Information diagram of the weather/umbrella table: H(X), H(Y), their overlap I(X;Y) and the conditional entropies."""

import torch
from matplotlib.patches import Circle

from aimath_ref.information import entropy, mutual_information
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.5, height=3.6)
    joint = torch.tensor([[0.45, 0.05, 0.10], [0.05, 0.25, 0.10]], dtype=torch.float64)
    hx, hy = entropy(joint.sum(1)).item(), entropy(joint.sum(0)).item()
    mi = mutual_information(joint).item()
    ax.add_patch(Circle((3.7, 2.0), 1.6, color=PALETTE[0], alpha=0.3))
    ax.add_patch(Circle((5.6, 2.0), 1.9, color=PALETTE[1], alpha=0.3))
    ax.text(2.9, 2.0, f"H(X | Y)\n{hx - mi:.3f}", ha="center", va="center", fontsize=11)
    ax.text(4.75, 2.0, f"I(X; Y)\n{mi:.3f}", ha="center", va="center", fontsize=11, weight="bold")
    ax.text(6.55, 2.0, f"H(Y | X)\n{hy - mi:.3f}", ha="center", va="center", fontsize=11)
    ax.text(3.2, 3.85, f"H(X) = {hx:.3f}", ha="center", fontsize=11, color=PALETTE[0])
    ax.text(6.4, 4.1, f"H(Y) = {hy:.3f}", ha="center", fontsize=11, color=PALETTE[1])
    ax.set_title(f"H(X, Y) = {entropy(joint.flatten()).item():.3f} bits = the whole shaded area", fontsize=11)
    ax.set_xlim(1.5, 8.0)
    ax.set_ylim(-0.1, 4.5)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
