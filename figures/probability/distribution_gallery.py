"""Bernoulli, Categorical, Gaussian, Uniform and Poisson: each PMF or PDF (from log_prob) over a histogram of seeded samples."""

import torch

from aimath_ref.probability import Bernoulli, Categorical, Gaussian, Poisson, Uniform
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=5, width=9.0, height=2.9)
    n = 5000
    cases = [
        ("Bernoulli(p = 0.3)", Bernoulli(0.3), torch.arange(0, 2), True),
        ("Categorical(4 classes)", Categorical(torch.tensor([0.1, 0.5, 0.3, 0.1], dtype=torch.float64)),
         torch.arange(0, 4), True),
        ("Gaussian(0, 1)", Gaussian(0.0, 1.0), torch.linspace(-4, 4, 401), False),
        ("Uniform(−1, 1)", Uniform(-1.0, 1.0), torch.linspace(-1.5, 1.5, 601), False),
        ("Poisson(λ = 3)", Poisson(3.0), torch.arange(0, 11), True),
    ]
    for i, (ax, (title, d, x, discrete)) in enumerate(zip(axes, cases)):
        s = d.sample(n, generator=torch.Generator().manual_seed(i)).double()
        x = x.double()
        p = d.log_prob(x).exp()  # PMF or PDF from log_prob
        if discrete:
            freq = torch.stack([(s == v).double().mean() for v in x])
            ax.bar((x - 0.18).tolist(), p.tolist(), width=0.36, color=PALETTE[0], label="PMF")
            ax.bar((x + 0.18).tolist(), freq.tolist(), width=0.36, color=PALETTE[3], alpha=0.8, label="samples")
            ax.set_xticks(x.tolist() if len(x) <= 4 else list(range(0, 11, 2)))
        else:
            ax.hist(s.tolist(), bins=30 if isinstance(d, Gaussian) else 20, density=True, color=PALETTE[3], alpha=0.6, label="samples")
            ax.plot(x.tolist(), p.tolist(), color=PALETTE[0], lw=2, label="PDF")
        ax.set_ylim(0, 1.4 * p.max().item())  # room for the legend
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("value")
    axes[0].set_ylabel("probability / density")
    axes[0].legend(loc="upper right", fontsize=8, ncols=2, handlelength=1, columnspacing=0.6)
    axes[2].legend(loc="upper right", fontsize=8, ncols=2, handlelength=1, columnspacing=0.6)
    return fig
