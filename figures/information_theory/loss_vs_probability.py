"""Cross-entropy loss -ln p against the probability p given to the correct class."""

import math

import torch

from aimath_ref.information import cross_entropy_from_logits
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.5, height=3.4)
    p = torch.linspace(0.002, 1.0, 500, dtype=torch.float64)
    # a two-class model with logits (0, ln p - ln(1 - p)) gives the correct class probability p
    logits = torch.stack([torch.zeros_like(p), torch.log(p) - torch.log1p(-p)], dim=1)
    loss = cross_entropy_from_logits(logits, torch.ones(len(p), dtype=torch.long), reduction="none")
    ax.plot(p.tolist(), loss.tolist(), color=PALETTE[0], lw=2, label="loss = −ln p(correct)")
    ax.axvspan(0.002, 0.1, color=PALETTE[1], alpha=0.12, label="confidently wrong")
    for x in (0.01, 0.5, 0.9):
        ax.annotate(f"p = {x:g}: {-math.log(x):.2f}", (x, -math.log(x)), (x + 0.04, -math.log(x) + 0.5), fontsize=10,
                    arrowprops={"arrowstyle": "-", "color": "0.4"})
    ax.set_xlabel("probability given to the correct class")
    ax.set_ylabel("loss (nats)")
    ax.set_ylim(0, 6.5)
    ax.legend(loc="upper right")
    return fig
