"""Timeline of gradient accumulation: K forward/backward passes on micro-batches, then one optimiser step."""

import torch

from aimath_ref.optim import accumulate_gradients
from figures._style import PALETTE, new_figure

K = 4


def figure():
    # the gradient shown in the last bar is computed, for a tiny linear model, by accumulate_gradients
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    x = torch.arange(1.0, 9.0, dtype=torch.float64)[:, None]
    y = torch.ones(8, dtype=torch.float64)
    mse = lambda X, t: ((X[:, 0] * w - t) ** 2).mean()  # noqa: E731
    micro = [(x[2 * k:2 * k + 2], y[2 * k:2 * k + 2]) for k in range(K)]
    # after k of the K scaled backward passes, .grad holds (1/K) * sum_{j <= k} grad L_j = (k/K) * their mean
    running = [accumulate_gradients(mse, [w], micro[:k])[0].item() * k / K for k in range(1, K + 1)]
    full = accumulate_gradients(mse, [w], [(x, y)])[0].item()
    fig, (top, bottom) = new_figure(nrows=2, width=9.0, height=4.2, sharex=True,
                                    gridspec_kw={"height_ratios": [1.1, 1.6]})
    t = 0.0
    for k in range(K):
        top.barh(0, 1.0, left=t, height=0.5, color=PALETTE[0], alpha=0.85)
        top.text(t + 0.5, 0, f"forward\nmicro-batch {k + 1}", ha="center", va="center", fontsize=8.5)
        top.barh(0, 0.9, left=t + 1.0, height=0.5, color=PALETTE[3], alpha=0.85)
        top.text(t + 1.45, 0, "backward\nloss / K", ha="center", va="center", fontsize=8.5)
        t += 1.9
    top.barh(0, 0.8, left=t, height=0.5, color=PALETTE[2])
    top.text(t + 0.4, 0, "optimizer\n.step()", ha="center", va="center", fontsize=8.5)
    top.set_yticks([])
    top.set_title(f"K = {K} micro-batches of B = 2 examples: one update with the gradient of B·K = 8", fontsize=11)
    ends = [1.9 * (k + 1) for k in range(K)]
    bottom.step([0.0] + ends, [0.0] + running, where="post", color=PALETTE[0], lw=2, label="w.grad after each backward")
    bottom.axhline(full, color=PALETTE[1], ls="--", lw=1.4, label=f"gradient of one batch of 8: {full:.2f}")
    bottom.set_ylabel("w.grad")
    bottom.set_xlabel("time")
    bottom.set_xticks([])
    bottom.legend(fontsize=9, loc="lower left")
    return fig
