"""Softmax over a 1,000-token vocabulary: a few likely tokens, then a long tail of tiny probabilities."""

import torch

from aimath_ref.probability import Gaussian, softmax
from figures._style import PALETTE, new_figure


def figure():
    fig, (ax1, ax2) = new_figure(ncols=2, width=9.0, height=3.4)
    V = 1000
    gen = torch.Generator().manual_seed(3)
    logits = Gaussian(0.0, 1.5).sample(V, generator=gen)  # seeded scores for every token
    logits[:3] += torch.tensor([8.5, 7.5, 7.0], dtype=torch.float64)  # a few tokens the context favours
    p = softmax(logits).sort(descending=True).values
    top = 20
    ax1.bar(range(1, top + 1), p[:top].tolist(), color=[PALETTE[0]] * 3 + ["0.6"] * (top - 3))
    ax1.set_title(f"Top {top} of {V} tokens (top 3 hold {p[:3].sum().item():.0%})", fontsize=11)
    ax1.set_xlabel("token rank")
    ax1.set_ylabel("probability")
    ax1.set_xticks([1, 5, 10, 15, 20])
    ranks = torch.arange(1, V + 1)
    ax2.plot(ranks.tolist(), p.tolist(), color=PALETTE[0], lw=2)
    ax2.fill_between(ranks[3:].tolist(), p[3:].tolist(), color="0.6", alpha=0.4,
                     label=f"tail, ranks 4 to {V}: {p[3:].sum().item():.0%} in all")
    ax2.set_xscale("log")
    ax2.set_yscale("log")
    ax2.set_title(f"All {V} tokens, log-log (sum = {p.sum().item():.3f})", fontsize=11)
    ax2.set_xlabel("token rank")
    ax2.legend(loc="lower left", fontsize=9)
    return fig
