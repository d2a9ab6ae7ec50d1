"""Binary entropy H(p) of a coin with heads probability p: 0 at the ends, 1 bit at p = 1/2."""

import torch

from aimath_ref.information import binary_entropy
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.0, height=3.2)
    p = torch.linspace(0, 1, 501, dtype=torch.float64)
    ax.plot(p.tolist(), binary_entropy(p).tolist(), color=PALETTE[0], lw=2)
    for x in (0.1, 0.5, 0.9):
        h = binary_entropy(torch.tensor(x, dtype=torch.float64)).item()
        ax.scatter([x], [h], color=PALETTE[1], zorder=3)
        ax.annotate(f"H({x:g}) = {h:.3f}", (x, h), (x + (0.02 if x < 0.5 else -0.24), h + 0.06), fontsize=10)
    ax.set_xlabel("p = P(heads)")
    ax.set_ylabel("H(p) (bits)")
    ax.set_ylim(0, 1.15)
    return fig
