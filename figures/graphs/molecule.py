"""Benzene as a graph: atoms are nodes, bonds are edges weighted by bond order."""

import math

from aimath_ref.graphs import benzene, edges
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=4.6, height=4.2)
    g = benzene()
    pos = {}
    for i in range(1, 7):
        a = math.pi / 2 - (i - 1) * math.pi / 3
        pos[f"C{i}"] = (math.cos(a), math.sin(a))
        pos[f"H{i}"] = (1.75 * math.cos(a), 1.75 * math.sin(a))
    for u, v, order in edges(g):
        if u < v:
            (x1, y1), (x2, y2) = pos[u], pos[v]
            if order == 2.0:  # draw a double bond as two parallel lines
                dx, dy = y2 - y1, x1 - x2
                s = 0.045 / math.hypot(dx, dy)
                for sign in (-1, 1):
                    ax.plot([x1 + sign * s * dx, x2 + sign * s * dx], [y1 + sign * s * dy, y2 + sign * s * dy],
                            color="0.35", lw=1.8, zorder=1)
            else:
                ax.plot([x1, x2], [y1, y2], color="0.35", lw=1.8, zorder=1)
    for atom, (x, y) in pos.items():
        carbon = atom.startswith("C")
        ax.scatter(x, y, s=620 if carbon else 380, color=PALETTE[0] if carbon else PALETTE[3], zorder=2)
        ax.text(x, y, atom, ha="center", va="center", color="white", fontsize=8, zorder=3)
    ax.set_title("benzene C₆H₆: edge weight = bond order")
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
