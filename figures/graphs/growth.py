"""Growth rates side by side: O(1), O(log n), O(n), O(n log n), O(n^2), O(n^3), O(2^n)."""

import math

from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.0, height=4.0)
    ns = [2 ** (k / 4) for k in range(4, 4 * 10 + 1)]  # 2 ... 1024
    curves = [
        ("O(1)", lambda n: 1.0), ("O(log n)", math.log2), ("O(n)", lambda n: n),
        ("O(n log n)", lambda n: n * math.log2(n)), ("O(n²)", lambda n: n ** 2), ("O(n³)", lambda n: n ** 3),
        ("O(2ⁿ)", lambda n: 2.0 ** n if n < 60 else math.inf),
    ]
    for (label, f), color in zip(curves, PALETTE + ["0.3"]):
        xs = [n for n in ns if f(n) < 1e12]
        ax.plot(xs, [f(n) for n in xs], color=color, lw=2, label=label)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_ylim(0.5, 1e12)
    ax.set_xlabel("input size n")
    ax.set_ylabel("operations")
    ax.set_title("Polynomial costs are straight lines on log-log axes; 2ⁿ leaves the chart")
    ax.legend(fontsize=9, loc="upper left", ncol=2)
    return fig
