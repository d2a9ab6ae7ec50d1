"""Information content -log2 p against p, with the course's three worked values marked."""

import torch

from aimath_ref.information import information_content
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.5, height=3.4)
    p = torch.linspace(0.001, 1.0, 1000, dtype=torch.float64)
    ax.plot(p.tolist(), information_content(p).tolist(), color=PALETTE[0], lw=2, label=r"$I(p) = -\log_2 p$")
    marks = torch.tensor([0.001, 0.5, 0.99], dtype=torch.float64)
    bits = information_content(marks).tolist()
    ax.scatter(marks.tolist(), bits, color=PALETTE[1], zorder=3)
    for x, y, dx, dy in zip(marks.tolist(), bits, (0.03, 0.02, -0.2), (0.0, 0.6, 0.9)):
        ax.annotate(f"p = {x:g}: {y:.3g} bit{'' if y == 1 else 's'}", (x, y), (x + dx, y + dy), fontsize=10)
    ax.set_xlabel("probability p of the outcome")
    ax.set_ylabel("information (bits)")
    ax.set_ylim(0, 10.5)
    ax.legend(loc="upper right")
    return fig
