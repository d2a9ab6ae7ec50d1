"""Central limit theorem: sample means of an exponential distribution for n = 1, 2, 10, 30."""

import math

import torch

from aimath_ref.probability import Exponential, Gaussian, sample_means
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=4, width=9.0, height=3.0)
    d = Exponential(1.0)
    for ax, n in zip(axes, (1, 2, 10, 30)):
        m = sample_means(d, n, 50_000, generator=torch.Generator().manual_seed(10 + n))
        ax.hist(m.tolist(), bins=60, range=(0, 4 if n < 10 else 2.2), density=True, color=PALETTE[0], alpha=0.6)
        x = torch.linspace(0, 4 if n < 10 else 2.2, 300, dtype=torch.float64)
        ax.plot(x.tolist(), Gaussian(d.mean, math.sqrt(d.variance / n)).prob(x).tolist(), color=PALETTE[1], lw=2)
        ax.set_title(f"n = {n}")
        ax.set_xlabel("sample mean")
        ax.set_yticks([])
    axes[0].set_ylabel("density")
    axes[-1].legend(["N(1, 1/n)", "means"], loc="upper right", fontsize=8)
    return fig
