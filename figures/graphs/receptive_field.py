"""Receptive field of message passing: which nodes have reached Ana after 1, 2 and 3 layers."""

import math

import torch

from aimath_ref.graphs import (
    adjacency_list_to_matrix,
    edges,
    friendships,
    message_passing,
)
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=3, width=10.5, height=3.0)
    g = friendships()
    names = list(g)
    pos = {}
    for k, name in enumerate(names[:4]):
        a = math.pi / 4 + k * math.pi / 2
        pos[name] = (-1.6 + math.cos(a), math.sin(a))
    for k, name in enumerate(names[4:]):
        a = 3 * math.pi / 4 - k * math.pi / 2
        pos[name] = (1.6 + math.cos(a), math.sin(a))
    A = adjacency_list_to_matrix(g)
    h = torch.zeros(len(names), 1)
    h[names.index("Ana")] = 1.0  # what Ana's state depends on, traced backwards: start from Ana
    for layer, ax in enumerate(axes, start=1):
        h = h + message_passing(A, h, "sum")  # one more layer of message passing
        reached = {n for n, v in zip(names, h.flatten().tolist()) if v > 0}
        for u, v, _ in edges(g):
            if u < v:
                inside = u in reached and v in reached
                ax.plot(*zip(pos[u], pos[v]), color=PALETTE[0] if inside else "0.8", lw=2.0 if inside else 1.0,
                        zorder=1)
        for name, (x, y) in pos.items():
            color = PALETTE[1] if name == "Ana" else (PALETTE[0] if name in reached else "0.75")
            ax.scatter(x, y, s=520, color=color, zorder=2)
            ax.text(x, y, name, ha="center", va="center", color="white", fontsize=7, zorder=3)
        ax.set_title(f"{layer} layer{'s' if layer > 1 else ''}: {len(reached)} of {len(names)} nodes")
        ax.set_xlim(-3.0, 3.0)
        ax.set_ylim(-1.4, 1.4)
        ax.set_aspect("equal")
        ax.axis("off")
    return fig
