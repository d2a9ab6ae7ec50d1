"""Average Huffman code length against entropy for random distributions: always between H and H + 1."""

import torch

from aimath_ref.information import entropy, huffman_code_lengths
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.0, height=3.6)
    gen = torch.Generator().manual_seed(0)
    hs, lengths = [], []
    for i in range(300):
        n = 2 + i % 15
        p = torch.rand(n, generator=gen, dtype=torch.float64) ** (1 + 4 * torch.rand(1, generator=gen).item())
        p = p / p.sum()
        hs.append(entropy(p).item())
        lengths.append((p * huffman_code_lengths(p)).sum().item())
    top = max(hs) + 0.2
    ax.fill_between([0, top], [0, top], [1, top + 1], color=PALETTE[2], alpha=0.12, label="H ≤ L < H + 1")
    ax.plot([0, top], [0, top], color=PALETTE[2], lw=1)
    ax.scatter(hs, lengths, s=10, color=PALETTE[0], alpha=0.7, rasterized=True, label="Huffman code of one distribution")
    ax.set_xlabel("entropy H (bits)")
    ax.set_ylabel("average code length L (bits)")
    ax.legend(loc="upper left")
    return fig
