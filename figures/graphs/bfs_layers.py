"""BFS from Eve on the friendship graph, nodes laid out by BFS layer, with BFS and DFS visiting orders."""

from aimath_ref.graphs import bfs, dfs, edges, friendships
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=8.5, height=3.6)
    g = friendships()
    hops = bfs(g, "Eve")
    layers: dict[int, list[str]] = {}
    for v, d in hops.items():
        layers.setdefault(d, []).append(v)
    pos = {v: (d, (len(vs) - 1) / 2 - k) for d, vs in layers.items() for k, v in enumerate(vs)}
    for u, v, _ in edges(g):
        if u < v:
            same = hops[u] == hops[v]
            ax.plot(*zip(pos[u], pos[v]), color="0.7" if same else "0.35", lw=1.2 if same else 1.8,
                    ls=":" if same else "-", zorder=1)
    preorder = {v: i + 1 for i, v in enumerate(dfs(g, "Eve"))}
    for v, (x, y) in pos.items():
        ax.scatter(x, y, s=950, color=PALETTE[hops[v] % len(PALETTE)], zorder=2)
        ax.text(x, y, v, ha="center", va="center", color="white", fontsize=9, zorder=3)
        ax.text(x, y - 0.42, f"BFS {list(hops).index(v) + 1} · DFS {preorder[v]}", ha="center", fontsize=8)
    for d in layers:
        ax.text(d, 2.3, f"{d} hop{'s' if d != 1 else ''}", ha="center", fontsize=10)
    ax.set_xlim(-0.6, max(layers) + 0.6)
    ax.set_ylim(-2.0, 2.6)
    ax.set_title("BFS visits the graph layer by layer (dotted: edges inside a layer)")
    ax.axis("off")
    return fig
