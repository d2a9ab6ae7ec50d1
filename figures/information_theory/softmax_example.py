"""The course's logits [1.2, 0.5, 3.1, 0.8] through softmax; the correct class 2 highlighted with its loss."""

import torch

from aimath_ref.information import cross_entropy_from_logits
from aimath_ref.probability import softmax
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=2, width=9.0, height=3.2)
    logits = torch.tensor([1.2, 0.5, 3.1, 0.8], dtype=torch.float64)
    p = softmax(logits).tolist()
    colors = [PALETTE[1] if i == 2 else PALETTE[0] for i in range(4)]
    labels = [f"class {i}" for i in range(4)]
    axes[0].bar(labels, logits.tolist(), color=colors)
    axes[0].set_title("logits (raw scores)")
    axes[1].bar(labels, p, color=colors)
    for i, v in enumerate(p):
        axes[1].text(i, v + 0.02, f"{v:.3f}", ha="center", fontsize=10)
    loss = cross_entropy_from_logits(logits, torch.tensor(2)).item()
    axes[1].set_title(f"softmax; loss = −ln {p[2]:.3f} = {loss:.3f}")
    axes[1].set_ylim(0, 1.0)
    return fig
