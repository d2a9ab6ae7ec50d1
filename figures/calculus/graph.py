"""The computation graph of z = w·x² + 5: forward values and backward gradients, taken from Value."""

from matplotlib.patches import FancyBboxPatch

from aimath_ref.autodiff import Value
from figures._style import PALETTE, new_figure


def _build():
    x, w = Value(2.0, "x"), Value(3.0, "w")
    x2 = x ** 2
    x2.label = "x²"
    wx2 = w * x2
    wx2.label = "w·x²"
    z = wx2 + 5
    z.label = "z = w·x² + 5"
    z.backward()
    for node in z.topological_order():
        if not node.label:
            node.label = f"{node.data:g} (constant)"
    return z


POSITIONS = {"x": (0.0, 1.0), "w": (1.7, 2.2), "x²": (1.7, 0.6), "w·x²": (3.6, 1.5),
             "5 (constant)": (3.6, -0.1), "z = w·x² + 5": (5.6, 0.9)}


def figure():
    fig, ax = new_figure(width=9.0, height=3.9)
    z = _build()
    nodes = z.topological_order()
    for node in nodes:
        px, py = POSITIONS[node.label]
        ax.add_patch(FancyBboxPatch((px - 0.6, py - 0.32), 1.2, 0.64, boxstyle="round,pad=0.04",
                                    facecolor="#eef3fb", edgecolor=PALETTE[0], lw=1.5))
        ax.text(px, py + 0.12, node.label, ha="center", va="center", fontsize=11, weight="bold")
        ax.text(px - 0.05, py - 0.15, f"{node.data:g}", ha="right", va="center", fontsize=10, color="black")
        ax.text(px + 0.05, py - 0.15, f"grad {node.grad:g}", ha="left", va="center", fontsize=10,
                color=PALETTE[1])
    for node in nodes:
        for parent, local in node.parents:
            (x0, y0), (x1, y1) = POSITIONS[parent.label], POSITIONS[node.label]
            ax.annotate("", xy=(x1 - 0.62, y1), xytext=(x0 + 0.62, y0),
                        arrowprops=dict(arrowstyle="-|>", color="0.35", lw=1.4))
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
            ax.text(mx, my + 0.1, f"local {local:g}", ha="center", fontsize=9, color="0.2",
                    bbox=dict(facecolor="white", edgecolor="none", pad=1))
    ax.text(0.0, -0.75, "black: forward value    red: grad = ∂z/∂node (backward pass)    "
            "arrows: local derivative ∂(head)/∂(tail)", fontsize=9, color="0.3")
    ax.set_xlim(-0.8, 6.4)
    ax.set_ylim(-0.95, 2.65)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
