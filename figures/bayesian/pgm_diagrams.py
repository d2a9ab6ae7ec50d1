"""Left: the DAG A -> B, A -> C, B -> C and its factorisation. Right: a grid MRF with one pixel's Markov blanket."""

from aimath_ref.inference import markov_blanket
from figures._style import PALETTE, new_figure


def _node(ax, xy, label, color, r=0.32):
    from matplotlib.patches import Circle

    ax.add_patch(Circle(xy, r, facecolor=color, edgecolor="black", lw=1.2, zorder=3))
    ax.text(*xy, label, ha="center", va="center", fontsize=12, zorder=4)


def figure():
    fig, (left, right) = new_figure(ncols=2, width=9.0, height=3.8)
    pos = {"A": (0.0, 1.6), "B": (-1.1, 0.0), "C": (1.1, 0.0)}
    for u, v in [("A", "B"), ("A", "C"), ("B", "C")]:
        (x0, y0), (x1, y1) = pos[u], pos[v]
        dx, dy = x1 - x0, y1 - y0
        d = (dx ** 2 + dy ** 2) ** 0.5
        left.annotate("", xy=(x1 - 0.36 * dx / d, y1 - 0.36 * dy / d), xytext=(x0 + 0.36 * dx / d, y0 + 0.36 * dy / d),
                      arrowprops={"arrowstyle": "-|>", "lw": 1.6, "color": "black", "mutation_scale": 16})
    for name, xy in pos.items():
        _node(left, xy, name, PALETTE[0] + "55")
    left.text(0.0, -0.9, "P(A, B, C) = P(A) P(B | A) P(C | A, B)", ha="center", fontsize=11)
    left.set_title("Bayesian network (directed, acyclic)")
    left.set_xlim(-2, 2)
    left.set_ylim(-1.3, 2.2)

    n, centre = 5, (2, 2)
    edges = [((r, c), (r, c + 1)) for r in range(n) for c in range(n - 1)] + \
            [((r, c), (r + 1, c)) for r in range(n - 1) for c in range(n)]
    blanket = markov_blanket(edges, centre, directed=False)
    for (r0, c0), (r1, c1) in edges:
        right.plot([c0, c1], [r0, r1], color="0.5", lw=1.2, zorder=1)
    for r in range(n):
        for c in range(n):
            color = PALETTE[1] if (r, c) == centre else PALETTE[3] if (r, c) in blanket else "white"
            _node(right, (c, r), "", color, r=0.2)
    right.set_title("Markov random field: blanket = neighbours")
    right.text(2, -0.9, "red pixel is independent of the white ones given the orange ones", ha="center", fontsize=9.5)
    right.set_xlim(-0.6, n - 0.4)
    right.set_ylim(-1.2, n - 0.4)
    for ax in (left, right):
        ax.set_aspect("equal")
        ax.axis("off")
    return fig
