"""Law of large numbers: running means of die rolls converge to 3.5."""

import torch

from aimath_ref.probability import Categorical, running_mean
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=8.0, height=3.6)
    die = Categorical(torch.full((6,), 1 / 6, dtype=torch.float64))  # faces 0..5; +1 below
    n = 10_000
    steps = torch.arange(1, n + 1, dtype=torch.float64)
    mu, sigma = die.mean + 1, die.variance ** 0.5
    for run in range(5):
        rolls = die.sample(n, generator=torch.Generator().manual_seed(run)) + 1
        ax.plot(steps.tolist(), running_mean(rolls).tolist(), color=PALETTE[run], lw=1.2, alpha=0.9)
    band = 2 * sigma / steps.sqrt()
    ax.fill_between(steps.tolist(), (mu - band).tolist(), (mu + band).tolist(), color="0.5", alpha=0.15,
                    label="μ ± 2σ/√n")
    ax.axhline(mu, color="black", lw=1, ls="--", label="true mean 3.5")
    ax.set_xscale("log")
    ax.set_ylim(1, 6)
    ax.set_xlabel("number of rolls n")
    ax.set_ylabel("mean of the first n rolls")
    ax.set_title("Law of large numbers: five runs of die rolls")
    ax.legend(loc="upper right")
    return fig
