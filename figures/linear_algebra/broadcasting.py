"""Broadcasting a (4, 1) bias across a (4, 32) layer output, checked with broadcast_shape."""

import torch

from aimath_ref.linalg import broadcast_shape
from figures._style import new_figure


def _cpu_randn(*shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def figure():
    fig, axes = new_figure(ncols=3, width=9.0, height=3.0, gridspec_kw={"width_ratios": [1, 5, 5]})
    out = _cpu_randn(4, 32, seed=7)
    bias = torch.tensor([[2.0], [-1.0], [0.5], [-2.0]], dtype=torch.float64)
    y = out + bias
    kw = {"cmap": "RdBu_r", "vmin": -3.5, "vmax": 3.5, "aspect": "auto", "clip_on": False}  # no clip ids: stable SVG
    axes[0].imshow(bias.numpy(), **kw)
    axes[0].set_title("bias (4, 1)", fontsize=10)
    axes[1].imshow(bias.expand(4, 32).contiguous().numpy(), **kw)  # the stretched view: same 4 numbers in every column
    axes[1].set_title("bias stretched to (4, 32): a view, no copy", fontsize=10)
    axes[2].imshow(y.numpy(), **kw)
    axes[2].set_title(f"output (4, 32) + bias → {broadcast_shape((4, 1), (4, 32))}", fontsize=10)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks(range(4))
        ax.grid(False)
    fig.suptitle("Shapes aligned on the right: (4, 1) vs (4, 32) → the size-1 axis stretches to 32")
    return fig
