"""Image compression by truncated SVD (matplotlib's bundled sample photo), with its singular values."""

import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import torch

from aimath_ref.linalg import low_rank_approx
from figures._style import PALETTE, new_figure

RANKS = (5, 20, 50)


def _image():
    with cbook.get_sample_data("grace_hopper.jpg") as f:  # shipped with matplotlib, no download
        rgb = plt.imread(f, format="jpg")
    return torch.tensor(rgb[..., :3].mean(axis=-1), dtype=torch.float64) / 255  # grayscale, (600, 512)


def figure():
    fig, axes = new_figure(ncols=5, width=9.0, height=2.9, gridspec_kw={"width_ratios": [1, 1, 1, 1, 1.35]})
    img = _image()
    m, n = img.shape
    sigma = torch.linalg.svdvals(img)
    panels = [(img, f"original ({m}×{n})")]
    for k in RANKS:
        stored = k * (m + n + 1) / (m * n)
        panels.append((low_rank_approx(img, k).clamp(0, 1), f"rank {k}: {stored:.0%} stored"))
    for ax, (im, title) in zip(axes[:4], panels):
        ax.imshow(im.detach().cpu().numpy(), cmap="gray", vmin=0, vmax=1)
        ax.set_title(title, fontsize=10)
        ax.axis("off")
    ax = axes[4]
    ax.semilogy(torch.arange(1, len(sigma) + 1).numpy(), sigma.numpy(), color=PALETTE[0])
    for k, c in zip(RANKS, PALETTE[1:]):
        ax.axvline(k, color=c, ls="--", lw=1, label=f"k = {k}")
    ax.set_xlabel("index i")
    ax.set_ylabel(r"$\sigma_i$")
    ax.set_title("singular values", fontsize=10)
    ax.legend(fontsize=8)
    return fig
