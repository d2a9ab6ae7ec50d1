"""Two features on very different scales (age, income) before and after z-scoring with standardize."""

import torch

from aimath_ref.probability import Gaussian, standardize
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=3, width=9.0, height=3.1)
    n = 5000
    age = Gaussian(40.0, 10.0).sample(n, generator=torch.Generator().manual_seed(0))
    income = 30_000 * Gaussian(0.0, 0.5).sample(n, generator=torch.Generator().manual_seed(1)).exp()  # skewed
    X = torch.stack([age, income], dim=1)
    Z = standardize(X)  # each column: mean 0, standard deviation 1
    for ax, j, name, colour in [(axes[0], 0, "age (years)", PALETTE[0]), (axes[1], 1, "income", PALETTE[3])]:
        ax.hist(X[:, j].tolist(), bins=50, color=colour, alpha=0.75)
        ax.set_title(f"raw {name.split()[0]}: mean {X[:, j].mean().item():,.0f}, std {X[:, j].std().item():,.0f}",
                     fontsize=10)
        ax.set_xlabel(name)
        ax.set_yticks([])
    axes[1].ticklabel_format(axis="x", style="plain")
    axes[1].set_xlim(0, 150_000)
    axes[1].set_xticks([0, 50_000, 100_000, 150_000], ["0", "50k", "100k", "150k"])
    for j, name, colour in [(0, "age", PALETTE[0]), (1, "income", PALETTE[3])]:
        axes[2].hist(Z[:, j].tolist(), bins=60, range=(-3, 7), color=colour, alpha=0.55,
                     label=f"{name}: mean {round(Z[:, j].mean().item(), 2) + 0.0:.2f}, std {Z[:, j].std().item():.2f}")
    axes[2].set_title("after standardize: one common scale", fontsize=10)
    axes[2].set_xlabel("z-score")
    axes[2].set_yticks([])
    axes[2].legend(loc="upper right", fontsize=8)
    axes[0].set_ylabel("count")
    return fig
