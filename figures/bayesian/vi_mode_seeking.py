"""A Gaussian q fitted by VI (reverse KL) to a two-peaked posterior locks onto one peak."""

import math

import torch

from aimath_ref.inference import gaussian_vi
from figures._style import PALETTE, new_figure

W, MU, SD = (0.4, 0.6), (-2.0, 2.0), (0.7, 0.8)


def log_target(x):
    parts = [math.log(w) - 0.5 * ((x[..., 0] - m) / s) ** 2 - math.log(s * math.sqrt(2 * math.pi))
             for w, m, s in zip(W, MU, SD)]
    return torch.logsumexp(torch.stack(parts), dim=0)


def figure():
    fig, ax = new_figure(width=8.0, height=3.9)
    grid = torch.linspace(-5, 5, 500, dtype=torch.float64).unsqueeze(-1)
    ax.plot(grid[:, 0].tolist(), log_target(grid).exp().tolist(), color="black", lw=2, label="posterior (two peaks)")
    for start, color in ((-2.0, PALETTE[0]), (1.0, PALETTE[1])):
        fit = gaussian_vi(log_target, dim=1, n_steps=800, init_mean=torch.tensor([start], dtype=torch.float64),
                          generator=torch.Generator().manual_seed(0))
        m, s = fit.mean.item(), fit.std.item()
        q = torch.exp(-0.5 * ((grid[:, 0] - m) / s) ** 2) / (s * math.sqrt(2 * math.pi))
        ax.plot(grid[:, 0].tolist(), q.tolist(), color=color, lw=2, ls="--",
                label=f"VI from start {start:+g}: mean {m:.2f}, sd {s:.2f}")
    mean = sum(w * m for w, m in zip(W, MU))
    sd = math.sqrt(sum(w * (s ** 2 + m ** 2) for w, m, s in zip(W, MU, SD)) - mean ** 2)
    ax.axvspan(mean - sd, mean + sd, color="0.85", zorder=0, label=f"true mean ± sd: {mean:.2f} ± {sd:.2f}")
    ax.set_xlabel("θ")
    ax.set_ylabel("density")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize=8.5)
    return fig
