"""A 100-token prompt as a 100 × d_model matrix of token embeddings (d_model = 768, GPT-2 small)."""

import torch
from matplotlib.patches import Rectangle

from aimath_ref.linalg import l2_norm
from figures._style import PALETTE, new_figure

T, D_MODEL, VOCAB = 100, 768, 1000  # prompt length, GPT-2 small's width, a toy vocabulary
ROW = 7  # the highlighted token (indices count from 0, as in PyTorch)


def figure():
    fig, (ax, ax2) = new_figure(nrows=2, width=8.5, height=5.2, gridspec_kw={"height_ratios": [3.2, 1]})
    gen = torch.Generator().manual_seed(0)  # same draw as the page's prompt example
    table = torch.randn(VOCAB, D_MODEL, generator=gen, dtype=torch.float64)  # one row per vocabulary entry
    ids = torch.randint(0, VOCAB, (T,), generator=gen)
    X = table[ids]  # (100, 768): one embedding per token, stacked as rows
    x = X[ROW]
    im = ax.imshow(X.numpy(), cmap="RdBu_r", vmin=-3, vmax=3, aspect="auto", interpolation="nearest")
    ax.add_patch(Rectangle((-0.5, ROW - 0.5), D_MODEL, 1, fill=False, edgecolor=PALETTE[3], lw=2.2))
    ax.annotate(f"row {ROW}: the vector of token {ROW}", xy=(600, ROW + 0.6), xytext=(600, ROW + 22),
                fontsize=10, color="black", ha="center", va="center",
                bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": PALETTE[3]},
                arrowprops={"arrowstyle": "->", "color": PALETTE[3], "lw": 1.6})
    ax.set_title(rf"prompt matrix $X \in \mathbb{{R}}^{{{T} \times {D_MODEL}}}$: one row per token", fontsize=11)
    ax.set_xlabel(r"embedding dimension $j$ (0 … $d_\mathrm{model} - 1$, $d_\mathrm{model}$ = 768)")
    ax.set_ylabel("token position $t$")
    ax.set_xticks([0, 256, 512, 767])
    ax.set_yticks([0, 25, 50, 75, 99])
    ax.grid(False)
    fig.colorbar(im, ax=ax, shrink=0.8, pad=0.02, label="value")
    ax2.plot(torch.arange(D_MODEL).numpy(), x.numpy(), color=PALETTE[3], lw=0.7)
    ax2.set_xlim(-0.5, D_MODEL - 0.5)
    ax2.set_xticks([0, 256, 512, 767])
    ax2.set_xlabel("embedding dimension $j$")
    ax2.set_ylabel("value")
    ax2.set_title(rf"row {ROW} alone: a vector in $\mathbb{{R}}^{{768}}$ with $\|x_{{{ROW}}}\|_2$ = "
                  f"{l2_norm(x).item():.1f}", fontsize=10)
    return fig
