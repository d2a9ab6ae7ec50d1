"""The computation DAG of Wx + b: forward in topological order, backward in the reverse order."""

from aimath_ref.graphs import edges, topological_sort, wx_plus_b
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=8.0, height=3.4)
    dag = wx_plus_b()
    order = topological_sort(dag)
    depth = {}
    for v in order:  # depth = longest path from an input, computed along the topological order
        depth.setdefault(v, 0)
        for w in dag[v]:
            depth[w] = max(depth.get(w, 0), depth[v] + 1)
    rows: dict[int, list[str]] = {}
    for v in order:
        rows.setdefault(depth[v], []).append(v)
    pos = {v: (2.2 * d, 1.2 * (len(vs) - 1) / 2 - 1.2 * k) for d, vs in rows.items() for k, v in enumerate(vs)}
    for u, v, _ in edges(dag):
        ax.annotate("", xy=pos[v], xytext=pos[u],
                    arrowprops={"arrowstyle": "-|>", "color": "0.4", "lw": 1.6, "shrinkA": 20, "shrinkB": 20})
    for i, v in enumerate(order):
        x, y = pos[v]
        op = v in ("Wx", "Wx+b")
        ax.scatter(x, y, s=1500, color=PALETTE[1] if op else PALETTE[0], zorder=2)
        ax.text(x, y, v, ha="center", va="center", color="white", fontsize=10, zorder=3)
        ax.text(x, y + 0.42, f"forward {i + 1}", ha="center", fontsize=8, color=PALETTE[2])
        ax.text(x, y - 0.5, f"backward {len(order) - i}", ha="center", fontsize=8, color=PALETTE[4])
    ax.set_xlim(-0.8, 2.2 * max(rows) + 0.8)
    ax.set_ylim(-2.0, 2.0)
    ax.set_title("Wx + b: inputs (blue) feed operations (red); backward visits the reverse order")
    ax.axis("off")
    return fig
