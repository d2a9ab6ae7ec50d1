"""Cosine similarity: vectors at growing angles, and all pairs of a few toy word embeddings."""

import math

import torch

from aimath_ref.linalg import cosine_similarity, cosine_similarity_matrix
from figures._style import PALETTE, new_figure

WORDS = ["king", "queen", "man", "woman", "apple"]
# Toy 4-D embeddings; axes loosely mean royalty, male, female, fruit (as on the page).
E = torch.tensor([[1.0, 0.6, 0.1, 0.0],
                  [1.0, 0.1, 0.6, 0.0],
                  [0.1, 0.8, 0.1, 0.1],
                  [0.1, 0.1, 0.8, 0.1],
                  [0.0, 0.1, 0.1, 0.9]], dtype=torch.float64)


def figure():
    fig, (ax, ax2) = new_figure(ncols=2, width=8.5, height=3.6)
    S = cosine_similarity_matrix(E, E)
    # Left: one reference vector and others at growing angles, labelled with their cosine
    a = torch.tensor([1.0, 0.0], dtype=torch.float64)
    ax.annotate("", xy=(1.0, 0.0), xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="black", lw=2.5))
    ax.text(1.02, -0.12, "a", fontsize=12)
    for k, deg in enumerate((30, 90, 135, 180)):
        r = 0.75 + 0.1 * k
        b = torch.tensor([math.cos(math.radians(deg)), math.sin(math.radians(deg))], dtype=torch.float64) * r
        c = cosine_similarity(a, b).item()
        colour = PALETTE[k + 1]
        ax.annotate("", xy=(b[0].item(), b[1].item()), xytext=(0, 0),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=2))
        ax.text(b[0].item() * 1.08 - (0.3 if deg > 90 else 0), b[1].item() * 1.08 + (0.05 if deg < 180 else -0.2),
                f"{deg}°: cos = {c:+.2f}", color=colour, fontsize=10)
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-0.4, 1.15)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.axis("off")
    ax.set_title("Angle decides the sign")
    # Right: all pairwise cosines
    im = ax2.imshow(S.detach().cpu().numpy(), cmap="RdBu_r", vmin=-1, vmax=1)
    ax2.set_xticks(range(len(WORDS)), WORDS, rotation=45)
    ax2.set_yticks(range(len(WORDS)), WORDS)
    ax2.grid(False)
    for i in range(len(WORDS)):
        for j in range(len(WORDS)):
            ax2.text(j, i, f"{S[i, j].item():.2f}", ha="center", va="center", fontsize=9,
                     color="white" if S[i, j] > 0.75 else "black")
    ax2.set_title("cos(a, b) for every pair")
    fig.colorbar(im, ax=ax2, shrink=0.85)
    return fig
