"""InfoNCE's score matrix for 8 image-caption pairs: matching pairs on the diagonal, negatives everywhere else."""

import torch

from aimath_ref import randn
from aimath_ref.information import info_nce
from aimath_ref.linalg import cosine_similarity_matrix
from figures._style import new_figure


def figure():
    fig, axes = new_figure(ncols=2, width=9.0, height=4.0)
    images = randn(8, 32, seed=4).cpu()
    captions = images + 0.3 * randn(8, 32, seed=5).cpu()  # each caption near its own image
    shuffled = captions[torch.randperm(8, generator=torch.Generator().manual_seed(0))]
    for ax, texts, title in zip(axes, (captions, shuffled), ("matched pairs", "captions shuffled")):
        S = cosine_similarity_matrix(images, texts)  # (8, 8)
        im = ax.imshow(S.tolist(), cmap="viridis", vmin=-0.6, vmax=1.0, rasterized=True)
        loss = info_nce(images, texts, temperature=0.1, symmetric=True).item()
        ax.set_title(f"{title}: InfoNCE = {loss:.3f}")
        ax.set_xlabel("caption j")
        ax.set_ylabel("image i")
        ax.set_xticks(range(8))
        ax.set_yticks(range(8))
        ax.grid(False)
    fig.colorbar(im, ax=axes, shrink=0.8, label="cosine similarity")
    return fig
