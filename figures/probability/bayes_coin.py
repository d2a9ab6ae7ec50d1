"""A coin's bias on a grid: two priors, the likelihood of 7 heads in 10 flips, and the two posteriors."""

import torch

from aimath_ref.probability import Bernoulli, bayes_posterior
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=3, width=9.0, height=3.1)
    theta = torch.linspace(0, 1, 201, dtype=torch.float64)  # hypotheses: P(heads)
    flips = torch.tensor([1, 1, 0, 1, 1, 0, 1, 1, 0, 1], dtype=torch.float64)  # 7 heads in 10
    likelihood = torch.stack([Bernoulli(t).log_prob(flips).sum() for t in theta.tolist()]).exp()
    flat = torch.full_like(theta, 1 / len(theta))
    fair = (theta * (1 - theta)) ** 15  # belief that the coin is close to fair
    priors = {"flat prior": flat, "'probably fair' prior": fair / fair.sum()}
    width = theta[1] - theta[0]  # grid masses / width = densities, comparable across panels
    for (name, prior), colour in zip(priors.items(), (PALETTE[0], PALETTE[3])):
        post = bayes_posterior(prior, likelihood)
        axes[0].plot(theta.tolist(), (prior / width).tolist(), color=colour, lw=2, label=name)
        axes[2].plot(theta.tolist(), (post / width).tolist(), color=colour, lw=2,
                     label=f"mean {(theta * post).sum().item():.2f}")
    axes[1].plot(theta.tolist(), likelihood.tolist(), color=PALETTE[2], lw=2)
    axes[1].axvline(0.7, color="0.4", ls="--", lw=1)
    axes[1].text(0.68, 0.5 * likelihood.max().item(), "MLE 0.7", ha="right", fontsize=9)
    axes[0].set_title("prior P(θ)", fontsize=11)
    axes[1].set_title("× likelihood P(7 of 10 heads | θ)", fontsize=11)
    axes[2].set_title("∝ posterior P(θ | data)", fontsize=11)
    axes[0].set_ylabel("density")
    for ax in axes:
        ax.set_xlabel("θ = P(heads)")
    axes[0].legend(loc="upper left", fontsize=8)
    axes[2].legend(loc="upper left", fontsize=8)
    return fig
