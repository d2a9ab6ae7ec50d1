"""log N - InfoNCE loss of the best critic against the true mutual information of a Gaussian pair, for three batch sizes."""

import math

import torch

from aimath_ref.information import gaussian_critic_embeddings, gaussian_mutual_information, info_nce
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.5, height=3.6)
    dim, pairs = 4, 4096
    rhos = [0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99]
    mis = [gaussian_mutual_information(r, dim=dim, base=math.e) for r in rhos]
    ax.plot(mis, mis, color="0.4", lw=1.5, ls=":", label="I(X;Y) itself")
    for n, color in zip((16, 64, 256), PALETTE):
        est = []
        for r in rhos:
            a, b = gaussian_critic_embeddings(pairs, dim, r, seed=0, dtype=torch.float32)
            loss = info_nce(a.reshape(-1, n, dim + 1), b.reshape(-1, n, dim + 1), temperature=1.0, similarity="dot")
            est.append(math.log(n) - loss.item())
        ax.plot(mis, est, color=color, lw=2, marker="o", ms=4, label=f"log N − InfoNCE, N = {n}")
        ax.axhline(math.log(n), color=color, lw=1, ls="--")
        ax.text(8.0, math.log(n) + 0.1, f"log {n} = {math.log(n):.2f}", color=color, fontsize=9, ha="right")
    ax.set_xlabel("true mutual information I(X;Y) (nats)")
    ax.set_ylabel("InfoNCE lower bound (nats)")
    ax.legend(loc="upper left", fontsize=9)
    return fig
