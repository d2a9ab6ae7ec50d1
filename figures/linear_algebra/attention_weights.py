"""Attention scores and weights as heatmaps, without and with a causal mask."""

import torch

from aimath_ref.linalg import attention_scores, causal_mask
from aimath_ref.probability import softmax
from figures._style import new_figure

TOKENS = ["The", "cat", "sat", "on", "the", "mat"]


def _cpu_randn(*shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def figure():
    fig, axes = new_figure(ncols=3, width=9.0, height=3.3)
    T, d_k = len(TOKENS), 16
    Q, K = _cpu_randn(T, d_k, seed=0), _cpu_randn(T, d_k, seed=1)
    S = attention_scores(Q, K)  # Q K^T / sqrt(d_k)
    M = torch.zeros(T, T, dtype=torch.float64).masked_fill(~causal_mask(T), float("-inf"))
    panels = [
        (S, r"scores $QK^\top/\sqrt{d_k}$", "RdBu_r", (-3, 3)),
        (softmax(S, dim=-1), "weights: softmax per row", "Blues", (0, 1)),
        (softmax(S + M, dim=-1), "causal: softmax(scores + M)", "Blues", (0, 1)),
    ]
    for ax, (data, title, cmap, (lo, hi)) in zip(axes, panels):
        im = ax.imshow(data.detach().cpu().numpy(), cmap=cmap, vmin=lo, vmax=hi)
        ax.set_xticks(range(T), TOKENS, rotation=45)
        ax.set_yticks(range(T), TOKENS)
        ax.set_xlabel("key")
        ax.set_title(title, fontsize=10)
        ax.grid(False)
        fig.colorbar(im, ax=ax, shrink=0.7)
    axes[0].set_ylabel("query")
    return fig
