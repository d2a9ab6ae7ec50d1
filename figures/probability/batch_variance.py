"""Variance of a mini-batch gradient against batch size on log-log axes, with the σ²/n line of slope −1."""

import torch

from aimath_ref.probability import Gaussian, sample_means
from figures._style import PALETTE, new_figure


class _PerExampleGradients:
    """Uniform draws, with replacement, from a fixed set of per-example gradients."""

    def __init__(self, grads: torch.Tensor) -> None:
        self.grads = grads

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        return self.grads[torch.randint(len(self.grads), (n,), generator=generator)]


def figure():
    fig, ax = new_figure(width=8.0, height=3.6)
    # least squares y ≈ w x at w = 0: the per-example gradient of (w x - y)²/2 is (w x - y) x
    N, w = 10_000, 0.0
    x = Gaussian(0.0, 1.0).sample(N, generator=torch.Generator().manual_seed(0))
    y = 2.0 * x + Gaussian(0.0, 0.5).sample(N, generator=torch.Generator().manual_seed(1))
    grads = _PerExampleGradients((w * x - y) * x)
    full, sigma2 = grads.grads.mean().item(), grads.grads.var(correction=0).item()
    sizes = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]
    var = [sample_means(grads, n, 4000, generator=torch.Generator().manual_seed(n)).var().item() for n in sizes]
    ax.plot(sizes, [sigma2 / n for n in sizes], color="0.3", ls="--", lw=1.5, label="σ²/n (slope −1)")
    ax.plot(sizes, var, "o", color=PALETTE[0], ms=7, label="variance over 4,000 random batches")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("batch size n")
    ax.set_ylabel("Var(mini-batch gradient)")
    ax.set_title(f"Full-batch gradient {full:.2f}, per-example variance σ² = {sigma2:.2f}", fontsize=11)
    ax.legend(loc="upper right")
    return fig
