"""Three distributions over four outcomes, from uniform to peaked, titled with their entropies."""

import torch

from aimath_ref.information import entropy
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=3, width=9.0, height=3.0, sharey=True)
    dists = [("uniform", [0.25, 0.25, 0.25, 0.25]), ("one favourite", [0.7, 0.1, 0.1, 0.1]),
             ("nearly certain", [0.97, 0.01, 0.01, 0.01])]
    for ax, (name, p), color in zip(axes, dists, PALETTE):
        t = torch.tensor(p, dtype=torch.float64)
        ax.bar(["a", "b", "c", "d"], p, color=color)
        ax.set_title(f"{name}: H = {entropy(t).item():.2f} bits")
        ax.set_ylim(0, 1.05)
        ax.set_xlabel("outcome")
    axes[0].set_ylabel("probability")
    return fig
