"""Two-part description length of a text under order-k models: model bits rise, data bits fall, the total has a minimum."""

import math

from aimath_ref.information import ngram_bits_per_char, reference_text
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.5, height=3.5)
    train = reference_text()[:60_000]
    orders = list(range(5))
    model, data = [], []
    for k in orders:
        stored = {train[i - k:i + 1] for i in range(k, len(train))}
        model.append(len(stored) * (8 * (k + 1) + math.log2(len(train))) / 8000)
        data.append(ngram_bits_per_char(train, train, order=k) * len(train) / 8000)
    total = [m + d for m, d in zip(model, data)]
    ax.plot(orders, data, color=PALETTE[0], marker="o", lw=2, label="L(data | model)")
    ax.plot(orders, model, color=PALETTE[1], marker="o", lw=2, label="L(model)")
    ax.plot(orders, total, color=PALETTE[2], marker="o", lw=2.5, label="total")
    best = min(range(len(total)), key=total.__getitem__)
    ax.annotate(f"shortest: order {best}", (best, total[best]), (best + 0.4, total[best] + 25),
                arrowprops={"arrowstyle": "->", "color": "0.3"})
    ax.set_xticks(orders)
    ax.set_xlabel("model order k (context length)")
    ax.set_ylabel("description length (kB)")
    ax.legend(loc="upper left")
    return fig
