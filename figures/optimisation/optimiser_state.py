"""State each optimiser keeps for one 1024 x 1024 weight, measured by taking a step on a real one."""

import math

from aimath_ref import optim
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=8.0, height=3.0)
    shape = (1024, 1024)
    runs = [("SGD", optim.SGD, {}), ("SGD + momentum", optim.SGD, {"momentum": 0.9}),
            ("RMSprop", optim.RMSprop, {}), ("Adam", optim.Adam, {}), ("AdamW", optim.AdamW, {}),
            ("Adafactor", optim.Adafactor, {})]
    names, ratios, counts = [], [], []
    for name, cls, kwargs in runs:
        shapes = optim.state_shapes(cls, shape, **kwargs)
        n = sum(math.prod(s) for s in shapes.values() if s)  # the scalar step counter is left out
        names.append(name)
        counts.append(n)
        ratios.append(n / math.prod(shape))
    bars = ax.barh(names[::-1], ratios[::-1], color=[PALETTE[i % len(PALETTE)] for i in range(len(names))][::-1])
    for bar, n, r in zip(bars, counts[::-1], ratios[::-1]):
        ax.text(r + 0.03, bar.get_y() + bar.get_height() / 2, f"{n:,} numbers ({r:.3g}×)", va="center", fontsize=9)
    ax.set_xlim(0, 3.0)
    ax.set_xlabel("optimiser state ÷ number of weights (1024 × 1024 matrix)")
    ax.grid(axis="y", visible=False)
    return fig
