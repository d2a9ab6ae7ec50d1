"""Cross-entropy H(P, Q) split into the entropy H(P) and the KL divergence, for models Q of falling quality."""

import torch

from aimath_ref.information import cross_entropy, entropy, kl_divergence
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.5, height=3.4)
    p = torch.tensor([0.5, 0.25, 0.125, 0.125], dtype=torch.float64)
    models = [("Q = P", p), ("close", torch.tensor([0.4, 0.3, 0.15, 0.15], dtype=torch.float64)),
              ("uniform", torch.full((4,), 0.25, dtype=torch.float64)),
              ("reversed", p.flip(0))]
    names = [m for m, _ in models]
    h = [entropy(p).item()] * len(models)
    kl = [kl_divergence(p, q).item() for _, q in models]
    ax.bar(names, h, color=PALETTE[0], label="H(P): unavoidable")
    ax.bar(names, kl, bottom=h, color=PALETTE[1], label="KL(P‖Q): cost of the wrong model")
    for i, (_, q) in enumerate(models):
        ce = cross_entropy(p, q).item()
        ax.text(i, ce + 0.05, f"H(P,Q) = {ce:.3f}", ha="center", fontsize=10)
    ax.set_ylabel("bits per symbol")
    ax.set_ylim(0, 3.2)
    ax.legend(loc="upper left")
    return fig
