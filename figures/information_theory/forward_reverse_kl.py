"""One Gaussian fitted to a two-mode mixture by forward KL (covers both modes) and reverse KL (picks one)."""

import torch

from aimath_ref.information import fit_gaussian_kl
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=8.0, height=3.4)
    x = torch.linspace(-8, 8, 161, dtype=torch.float64)
    dx = (x[1] - x[0]).item()

    def bump(mu, sigma):
        return torch.exp(-0.5 * ((x - mu) / sigma) ** 2) / sigma

    p = 0.6 * bump(-2.5, 0.8) + 0.4 * bump(2.5, 0.8)
    p = p / p.sum()
    ax.fill_between(x.tolist(), (p / dx).tolist(), color=PALETTE[0], alpha=0.25, label="P: two modes")
    for direction, color, style in (("forward", PALETTE[1], "-"), ("reverse", PALETTE[2], "--")):
        mu, sigma = fit_gaussian_kl(p, x, direction, n_mu=161)
        q = bump(mu, sigma)
        q = q / q.sum()
        name = "KL(P‖Q), mode covering" if direction == "forward" else "KL(Q‖P), mode seeking"
        ax.plot(x.tolist(), (q / dx).tolist(), color=color, ls=style, lw=2,
                label=f"{direction}: min {name} (μ = {mu:.1f}, σ = {sigma:.2f})")
    ax.set_xlabel("x")
    ax.set_ylabel("density")
    ax.set_ylim(0, 0.62)
    ax.legend(loc="upper right", fontsize=9)
    return fig
