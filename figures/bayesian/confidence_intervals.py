"""Fifty repeated 95% confidence intervals (misses in red), and one study's posterior with its credible interval."""

import math

import torch

from aimath_ref.inference import gaussian_nll
from aimath_ref.probability import Gaussian, softmax
from figures._style import PALETTE, new_figure


def figure():
    mu, sigma, n, studies = 3.0, 2.0, 25, 50
    g = torch.Generator().manual_seed(6)
    data = Gaussian(mu, sigma).sample(studies * n, generator=g).reshape(studies, n)
    x_bar = data.mean(dim=1)
    z = torch.distributions.Normal(0.0, 1.0).icdf(torch.tensor(0.975, dtype=torch.float64)).item()
    half = z * sigma / math.sqrt(n)
    fig, (left, right) = new_figure(ncols=2, width=10.0, height=3.6, gridspec_kw={"width_ratios": [1.7, 1]})
    hits = 0
    for i, m in enumerate(x_bar.tolist()):
        ok = m - half <= mu <= m + half
        hits += ok
        left.plot([i, i], [m - half, m + half], color=PALETTE[0] if ok else PALETTE[1], lw=1.2 if ok else 2)
        left.plot([i], [m], "o", ms=3, color=PALETTE[0] if ok else PALETTE[1])
    left.axhline(mu, color="0.3", ls="--", lw=1)
    left.set_xlabel("study")
    left.set_ylabel(r"$\bar x \pm 1.96\,\sigma/\sqrt{n}$")
    left.set_title(f"Confidence intervals: {hits} of {studies} contain $\\mu = {mu:g}$")

    # Study 0 alone: posterior on a grid, flat prior, likelihood from the Gaussian NLL.
    grid = torch.linspace(0.5, 5.5, 1001, dtype=torch.float64)
    x = data[0]
    nll = gaussian_nll(grid.unsqueeze(1).expand(-1, n), x.expand(len(grid), n), sigma**2, full=True,
                       reduction="none").sum(dim=1)  # -log P(D | μ) for every μ on the grid
    post = softmax(-nll)  # P(μ | D) on the grid: likelihood × flat prior, normalised
    cdf = torch.cumsum(post, dim=0)
    lo, hi = (grid[torch.searchsorted(cdf, torch.tensor([q], dtype=torch.float64))].item() for q in (0.025, 0.975))
    density = post / (grid[1] - grid[0])
    right.plot(grid.numpy(), density.numpy(), color=PALETTE[2])
    inside = (grid >= lo) & (grid <= hi)
    right.fill_between(grid[inside].numpy(), density[inside].numpy(), color=PALETTE[2], alpha=0.3)
    right.axvline(mu, color="0.3", ls="--", lw=1)
    right.set_xlim(1.0, 5.0)
    right.set_xlabel(r"$\mu$")
    right.set_title(f"Study 0: posterior, 95% credible [{lo:.2f}, {hi:.2f}]", fontsize=11)
    return fig
