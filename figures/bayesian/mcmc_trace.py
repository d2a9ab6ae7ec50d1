"""Metropolis-Hastings on a two-peaked 1-D target: the trace and the histogram of the draws against the density."""

import math

import torch

from aimath_ref.inference import metropolis_hastings
from figures._style import PALETTE, new_figure

W, MU, SD = (0.35, 0.65), (-2.0, 1.5), (0.6, 1.0)


def log_target(x):
    parts = [math.log(w) - 0.5 * ((x[..., 0] - m) / s) ** 2 - math.log(s * math.sqrt(2 * math.pi))
             for w, m, s in zip(W, MU, SD)]
    return torch.logsumexp(torch.stack(parts), dim=0)


def figure():
    fig, (ax_trace, ax_hist) = new_figure(ncols=2, width=9.0, height=3.3, gridspec_kw={"width_ratios": [1.6, 1]})
    out = metropolis_hastings(log_target, torch.tensor([4.0], dtype=torch.float64), 6000, 2.0,
                              generator=torch.Generator().manual_seed(0))
    x = out.samples[:, 0]
    burn = 200
    ax_trace.plot(range(len(x)), x.tolist(), color=PALETTE[0], lw=0.5, rasterized=True)
    ax_trace.axvspan(0, burn, color=PALETTE[3], alpha=0.25, label=f"burn-in ({burn} steps)")
    ax_trace.set_xlabel("step")
    ax_trace.set_ylabel("x")
    ax_trace.set_title(f"trace (acceptance rate {out.acceptance_rate:.2f})")
    ax_trace.legend(loc="upper right", fontsize=9)
    grid = torch.linspace(-5, 6, 400, dtype=torch.float64).unsqueeze(-1)
    ax_hist.hist(x[burn:].tolist(), bins=60, density=True, orientation="horizontal", color=PALETTE[0], alpha=0.45,
                 label="draws")
    ax_hist.plot(log_target(grid).exp().tolist(), grid[:, 0].tolist(), color=PALETTE[1], lw=2, label="true density")
    ax_hist.set_xlabel("density")
    ax_hist.set_title("histogram vs target")
    ax_hist.legend(loc="upper right", fontsize=9)
    ax_hist.set_ylim(ax_trace.get_ylim())
    return fig
