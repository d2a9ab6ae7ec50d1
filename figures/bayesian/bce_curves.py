"""Binary cross-entropy as a function of the predicted probability, for label 1 and label 0."""

import torch

from aimath_ref.inference import bernoulli_nll
from figures._style import PALETTE, new_figure


def figure():
    p = torch.linspace(0.001, 0.999, 999, dtype=torch.float64)
    fig, ax = new_figure(width=6.5, height=3.4)
    for label, color in ((1.0, PALETTE[0]), (0.0, PALETTE[1])):
        loss = bernoulli_nll(p, torch.full_like(p, label), "none")  # -log P(y | p)
        ax.plot(p.numpy(), loss.numpy(), color=color, label=f"label y = {label:g}: " + ("$-\\log p$" if label else
                                                                                      "$-\\log(1-p)$"))
    for q in (0.9, 0.1):
        v = bernoulli_nll(torch.tensor([q], dtype=torch.float64), torch.tensor([1.0], dtype=torch.float64)).item()
        ax.plot([q], [v], "o", color=PALETTE[0])
        ax.annotate(f"p = {q}: {v:.2f}", (q, v), xytext=(-8, 8), textcoords="offset points", fontsize=9,
                    ha="right" if q > 0.5 else "left")
    ax.set_ylim(0, 5)
    ax.set_xlabel("predicted probability p = P(y = 1)")
    ax.set_ylabel("loss (nats)")
    ax.legend(loc="upper center")
    return fig
