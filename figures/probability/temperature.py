"""Softmax of the same logits at temperatures 0.5, 1 and 2."""

import torch

from aimath_ref.probability import softmax
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=3, width=9.0, height=3.0, sharey=True)
    logits = torch.tensor([4.0, 3.0, 2.0, 1.0, 0.0])
    labels = [f"t{i}" for i in range(1, 6)]
    for ax, tau, color in zip(axes, (0.5, 1.0, 2.0), PALETTE):
        p = softmax(logits, temperature=tau).tolist()
        ax.bar(labels, p, color=color)
        for i, v in enumerate(p):
            ax.text(i, v + 0.015, f"{v:.2f}", ha="center", fontsize=9)
        ax.set_title(f"τ = {tau:g}")
        ax.set_ylim(0, 1.0)
        ax.set_xlabel("token (logits 4, 3, 2, 1, 0)")
    axes[0].set_ylabel("probability")
    return fig
