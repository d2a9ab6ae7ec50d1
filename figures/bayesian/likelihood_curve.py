"""The likelihood of a coin's bias after 7 heads in 10 flips, and the log-likelihood for 10 and 100 flips."""

import torch

from aimath_ref.inference import bernoulli_nll
from figures._style import PALETTE, new_figure


def _log_likelihood(p: torch.Tensor, heads: int, n: int) -> torch.Tensor:
    flips = torch.cat([torch.ones(heads), torch.zeros(n - heads)]).double()  # (n,)
    grid = p.unsqueeze(1).expand(len(p), n)
    return -bernoulli_nll(grid, flips.expand(len(p), n), "none").sum(dim=1)  # log L(θ)


def figure():
    fig, (left, right) = new_figure(ncols=2, width=9.0, height=3.3)
    p = torch.linspace(0.001, 0.999, 999, dtype=torch.float64)
    ll10 = _log_likelihood(p, 7, 10)
    best = ll10.argmax()
    left.plot(p.numpy(), ll10.exp().numpy(), color=PALETTE[0])
    left.axvline(p[best].item(), color=PALETTE[1], ls="--", lw=1)
    left.plot([p[best].item()], [ll10[best].exp().item()], "o", color=PALETTE[1])
    left.annotate(rf"$\hat\theta = {p[best].item():.1f}$", (p[best].item(), ll10[best].exp().item()),
                  xytext=(10, -5), textcoords="offset points", color=PALETTE[1])
    left.set_title("Likelihood $L(\\theta)$, 7 heads in 10")
    left.set_xlabel(r"$\theta$ = P(heads)")
    for (heads, n), color in zip(((7, 10), (70, 100)), PALETTE[:3:2]):
        ll = _log_likelihood(p, heads, n)
        k = ll.argmax()
        right.plot(p.numpy(), ll.numpy(), color=color, label=f"{heads} heads in {n}")
        right.plot([p[k].item()], [ll[k].item()], "o", color=PALETTE[1])
    right.axvline(0.7, color=PALETTE[1], ls="--", lw=1)
    right.set_ylim(-160, 5)
    right.set_title(r"Log-likelihood $\log L(\theta)$")
    right.set_xlabel(r"$\theta$ = P(heads)")
    right.legend(loc="lower center")
    return fig
