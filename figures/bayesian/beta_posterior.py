"""A Beta(2, 2) prior turning into the posterior as coin flips arrive (true bias 0.7)."""

import torch

from aimath_ref.inference import beta_bernoulli_update
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=8.0, height=3.4)
    flips = (torch.rand(200, generator=torch.Generator().manual_seed(4), dtype=torch.float64) < 0.7).double()
    theta = torch.linspace(0.0, 1.0, 501, dtype=torch.float64)
    for color, n in zip(PALETTE, (0, 1, 5, 20, 200)):
        post = beta_bernoulli_update(2.0, 2.0, flips[:n])
        density = post.log_prob(theta).exp()
        lo, hi = post.credible_interval(0.95)
        heads = int(flips[:n].sum().item())
        label = ("prior Beta(2, 2)" if n == 0 else f"after {n} flip{'s' if n > 1 else ''} ({heads} heads): "
                 f"Beta({post.alpha.item():g}, {post.beta.item():g})")
        ax.plot(theta.tolist(), density.tolist(), color=color, lw=2, label=label)
        if n == 200:
            inside = (theta >= lo) & (theta <= hi)
            ax.fill_between(theta[inside].tolist(), density[inside].tolist(), color=color, alpha=0.2,
                            label=f"95% credible interval [{lo.item():.2f}, {hi.item():.2f}]")
    ax.axvline(0.7, color="0.4", ls=":", lw=1.5, label="true bias 0.7")
    ax.set_xlabel("θ, the probability of heads")
    ax.set_ylabel("density")
    ax.set_xlim(0, 1)
    ax.legend(loc="upper left", fontsize=8.5)
    return fig
