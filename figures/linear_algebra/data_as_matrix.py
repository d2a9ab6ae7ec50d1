"""Scalars, vectors and matrices as arrays, and a 28×28 image flattened into a row of the data matrix."""

import torch
from matplotlib.patches import Rectangle

from aimath_ref import rand
from figures._style import PALETTE, new_figure


def figure():
    fig, (ax, ax2, ax3) = new_figure(ncols=3, width=9.0, height=3.2, gridspec_kw={"width_ratios": [1.4, 1, 1.6]})
    # left: 0-D, 1-D, 2-D
    ax.add_patch(Rectangle((0, 2.2), 0.6, 0.6, facecolor=PALETTE[0], alpha=0.6, edgecolor="0.2"))
    ax.text(0.3, 1.9, "scalar", ha="center", va="top", fontsize=10)
    for j in range(4):
        ax.add_patch(Rectangle((1.2 + j * 0.6, 2.2), 0.6, 0.6, facecolor=PALETTE[1], alpha=0.6, edgecolor="0.2"))
    ax.text(2.4, 1.9, "vector (4,)", ha="center", va="top", fontsize=10)
    for i in range(3):
        for j in range(4):
            ax.add_patch(Rectangle((1.2 + j * 0.6, -0.3 - i * 0.6), 0.6, 0.6, facecolor=PALETTE[2], alpha=0.6,
                                   edgecolor="0.2"))
    ax.text(2.4, -1.75, "matrix (3, 4)", ha="center", va="top", fontsize=10)
    ax.set_xlim(-0.2, 4)
    ax.set_ylim(-2.4, 3.1)
    ax.set_aspect("equal")
    ax.axis("off")
    # middle: one synthetic 28 x 28 image (a blurred blob), first pixel row highlighted
    yy, xx = torch.meshgrid(torch.arange(28.0), torch.arange(28.0), indexing="ij")
    img = torch.exp(-((xx - 14) ** 2 + (yy - 12) ** 2) / 40) + 0.15 * rand(28, 28, seed=0).cpu().double()
    ax2.imshow(img.numpy(), cmap="gray_r")
    ax2.add_patch(Rectangle((-0.5, -0.5), 28, 1, fill=False, edgecolor=PALETTE[1], lw=2))
    ax2.set_title("one image: 28 × 28", fontsize=10)
    ax2.set_xticks([])
    ax2.set_yticks([])
    ax2.grid(False)
    # right: data matrix rows, row 0 = the flattened image
    data = torch.cat([img.reshape(1, -1), rand(11, 784, seed=1).cpu().double() * 0.6])  # 12 of the 1,000 rows
    ax3.imshow(data.numpy(), cmap="gray_r", aspect="auto", interpolation="nearest")
    ax3.add_patch(Rectangle((-0.5, -0.5), 28, 1, fill=False, edgecolor=PALETTE[1], lw=2))
    ax3.set_title("data matrix: one 784-long row per image", fontsize=10)
    ax3.set_xticks([0, 783], ["1", "784"])
    ax3.set_yticks([0, 11], ["image 1", "…"])
    ax3.grid(False)
    return fig
