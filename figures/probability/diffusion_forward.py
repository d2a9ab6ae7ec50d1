"""Diffusion forward process: a drawn image noised to steps t = 0 ... 1000 of the DDPM schedule, ending in pure noise."""

import matplotlib.pyplot as plt
import torch

from aimath_ref.probability import diffusion_alpha_bar, diffusion_noise
from figures._style import PALETTE, RC, new_figure


def _image(size: int = 64) -> torch.Tensor:
    """A procedurally drawn picture in [-1, 1]: a disc, a square and a stripe on a gradient."""
    y, x = torch.meshgrid(torch.linspace(-1, 1, size, dtype=torch.float64),
                          torch.linspace(-1, 1, size, dtype=torch.float64), indexing="ij")
    img = 0.3 * x - 0.4  # background gradient
    img = torch.where((x + 0.35) ** 2 + (y + 0.3) ** 2 < 0.32 ** 2, torch.ones_like(img), img)  # disc
    img = torch.where(((x - 0.4).abs() < 0.28) & ((y - 0.35).abs() < 0.28), -torch.ones_like(img), img)  # square
    img = torch.where((x + y - 0.9).abs() < 0.08, 0.8 * torch.ones_like(img), img)  # stripe
    return img


def figure():
    with plt.rc_context(RC):
        return _draw()


def _draw():
    fig = new_figure(width=9.0, height=3.9)[0]
    fig.clear()
    grid = fig.add_gridspec(2, 6, height_ratios=[1.25, 1])
    steps = (0, 50, 150, 300, 500, 1000)
    alpha_bar = diffusion_alpha_bar(1000)
    x0 = _image()
    for i, t in enumerate(steps):
        ax = fig.add_subplot(grid[0, i])
        xt = diffusion_noise(x0, alpha_bar[t].item(), generator=torch.Generator().manual_seed(0))  # same ε each time
        ax.imshow(xt.tolist(), cmap="gray", vmin=-2.5, vmax=2.5)
        a = alpha_bar[t].item()
        ax.set_title(f"t = {t}\nᾱ = {a:.3f}" if a >= 1e-3 else f"t = {t}\nᾱ = {a:.0e}", fontsize=9)
        ax.set_xticks([])
        ax.set_yticks([])
    ax = fig.add_subplot(grid[1, :])
    t_all = torch.arange(len(alpha_bar))
    ax.plot(t_all.tolist(), alpha_bar.sqrt().tolist(), color=PALETTE[0], lw=2, label="signal weight √ᾱₜ")
    ax.plot(t_all.tolist(), (1 - alpha_bar).sqrt().tolist(), color=PALETTE[1], lw=2, label="noise weight √(1 − ᾱₜ)")
    for t in steps:
        ax.axvline(t, color="0.6", lw=0.8, ls=":")
    ax.set_xlabel("step t (linear β schedule, 10⁻⁴ to 0.02)")
    ax.set_ylim(0, 1.05)
    ax.legend(loc="center right", fontsize=9)
    return fig
