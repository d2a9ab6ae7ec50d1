"""Fifty repeated studies, each with its 95% confidence interval for the mean; the misses in red."""

import math

import torch

from aimath_ref.probability import Gaussian
from figures._style import PALETTE, new_figure


def figure():
    mu, sigma, n, studies = 3.0, 2.0, 25, 50
    g = torch.Generator().manual_seed(6)
    x_bar = Gaussian(mu, sigma).sample(studies * n, generator=g).reshape(studies, n).mean(dim=1)
    z = torch.distributions.Normal(0.0, 1.0).icdf(torch.tensor(0.975, dtype=torch.float64)).item()
    half = z * sigma / math.sqrt(n)
    fig, ax = new_figure(width=8.0, height=3.4)
    hits = 0
    for i, m in enumerate(x_bar.tolist()):
        ok = m - half <= mu <= m + half
        hits += ok
        ax.plot([i, i], [m - half, m + half], color=PALETTE[0] if ok else PALETTE[1], lw=2 if not ok else 1.2)
        ax.plot([i], [m], "o", ms=3, color=PALETTE[0] if ok else PALETTE[1])
    ax.axhline(mu, color="0.3", ls="--", lw=1)
    ax.set_xlabel("study")
    ax.set_ylabel(r"$\bar x \pm 1.96\,\sigma/\sqrt{n}$")
    ax.set_title(f"{hits} of {studies} intervals contain the true mean $\\mu = {mu:g}$ (dashed)")
    return fig
