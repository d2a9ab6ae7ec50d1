"""One small social network three ways: a drawing, its adjacency matrix and its adjacency list."""

import math

from aimath_ref.graphs import adjacency_list_to_matrix, edges, friendships
from figures._style import PALETTE, new_figure


def figure():
    fig, (ax_g, ax_m, ax_l) = new_figure(ncols=3, width=11.0, height=3.8,
                                         gridspec_kw={"width_ratios": [1.4, 1.0, 0.9]})
    g = friendships()
    names = list(g)
    pos = {}
    for k, name in enumerate(names[:4]):  # first friend group on a circle at the left
        a = math.pi / 4 + k * math.pi / 2
        pos[name] = (-1.6 + math.cos(a), math.sin(a))
    for k, name in enumerate(names[4:]):  # second group on the right
        a = 3 * math.pi / 4 - k * math.pi / 2
        pos[name] = (1.6 + math.cos(a), math.sin(a))
    for u, v, _ in edges(g):
        if u < v:
            bridge = {u, v} == {"Dev", "Eve"}
            ax_g.plot(*zip(pos[u], pos[v]), color=PALETTE[1] if bridge else "0.55", lw=2.5 if bridge else 1.5,
                      zorder=1)
    for i, name in enumerate(names):
        ax_g.scatter(*pos[name], s=900, color=PALETTE[0] if i < 4 else PALETTE[2], zorder=2)
        ax_g.text(*pos[name], name, ha="center", va="center", color="white", fontsize=9, zorder=3)
    ax_g.set_title("graph (undirected)")
    ax_g.set_aspect("equal")
    ax_g.set_xlim(-3.0, 3.0)
    ax_g.set_ylim(-1.5, 1.5)
    ax_g.axis("off")
    A = adjacency_list_to_matrix(g)
    ax_m.imshow(A.numpy(), cmap="Blues", vmin=0, vmax=1.3)
    ax_m.set_xticks(range(len(names)), names, rotation=90, fontsize=8)
    ax_m.set_yticks(range(len(names)), names, fontsize=8)
    ax_m.grid(False)
    for i in range(len(names)):
        for j in range(len(names)):
            ax_m.text(j, i, int(A[i, j]), ha="center", va="center", fontsize=7,
                      color="white" if A[i, j] else "0.4")
    ax_m.set_title("adjacency matrix: symmetric")
    ax_l.axis("off")
    ax_l.set_title("adjacency list")
    for k, name in enumerate(names):
        ax_l.text(0.0, 1 - k / len(names), f"{name}: {', '.join(g[name])}", fontsize=9, family="monospace",
                  va="top", transform=ax_l.transAxes)
    return fig
