"""Memory of the optimiser state against the number of parameters: n for a gradient, 2mn for L-BFGS, n² for a Hessian."""

import inspect

import torch

from aimath_ref.optim import lbfgs
from figures._style import PALETTE, new_figure

BYTES = 2  # 16-bit numbers
MODELS = (("ResNet-50", 25.6e6), ("BERT-base", 110e6), ("GPT-2 XL", 1.5e9), ("GPT-3", 175e9))


def _history_pairs() -> int:
    """The m of the L-BFGS curve: the default history size of the solver the site uses."""
    return inspect.signature(lbfgs).parameters["history_size"].default


def figure():
    m = _history_pairs()
    n = torch.logspace(3, 12, 50, dtype=torch.float64)
    fig, ax = new_figure(width=8.0, height=4.0)
    ax.loglog(n.numpy(), (BYTES * n).numpy(), color=PALETTE[0], lw=2, label="gradient (and SGD): $n$")
    ax.loglog(n.numpy(), (BYTES * 2 * m * n).numpy(), color=PALETTE[2], lw=2, label=f"L-BFGS, m = {m}: $2mn$")
    ax.loglog(n.numpy(), (BYTES * n ** 2).numpy(), color=PALETTE[1], lw=2, label="Hessian: $n^2$")
    for k, (name, size) in enumerate(MODELS):
        ax.axvline(size, color=PALETTE[5], lw=0.8, ls=":")
        ax.text(size * 1.1, 1e4 * 100 ** k, name, fontsize=9, color=PALETTE[5])
    for label, size in (("1 GB", 1e9), ("80 GB (one GPU)", 80e9)):
        ax.axhline(size, color=PALETTE[4], lw=0.8, ls="--")
        ax.text(1.5e3, size * 1.6, label, fontsize=9, color=PALETTE[4])
    ax.set_xlabel("number of parameters $n$")
    ax.set_ylabel("bytes (16-bit numbers)")
    ax.set_title(f"A GPT-3 Hessian would take {BYTES * 175e9 ** 2:.1e} bytes", fontsize=11)
    ax.legend(fontsize=9, loc="lower right")
    return fig
