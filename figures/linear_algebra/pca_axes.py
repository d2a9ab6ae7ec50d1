"""PCA: principal axes of a correlated 2-D cloud, and a scree plot of a 10-feature dataset."""

import torch

from aimath_ref.linalg import pca
from figures._style import PALETTE, new_figure


def _cpu_randn(*shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def figure():
    fig, (ax, ax2) = new_figure(ncols=2, width=8.5, height=3.8, gridspec_kw={"width_ratios": [1.3, 1]})
    # the same kind of cloud as on the page: correlated 2-D data around (5, 5)
    X = _cpu_randn(500, 2, seed=1) @ torch.tensor([[3.0, 1.0], [0.0, 0.5]], dtype=torch.float64) + 5
    r = pca(X, 2)
    ax.scatter(X[:, 0].numpy(), X[:, 1].numpy(), s=6, alpha=0.35, color="0.4")
    mu = r.mean
    for k in range(2):
        v = r.components[k] * 2 * r.explained_variance[k].sqrt()  # 2 standard deviations
        ax.annotate("", xy=((mu[0] + v[0]).item(), (mu[1] + v[1]).item()), xytext=(mu[0].item(), mu[1].item()),
                    arrowprops=dict(arrowstyle="-|>", color=PALETTE[k], lw=2.5))
        ax.plot([], [], color=PALETTE[k], lw=2.5,
                label=f"PC{k + 1}: {r.explained_variance_ratio[k].item():.1%} of variance")
    ax.legend(loc="upper left")
    ax.set_aspect("equal")
    ax.set_ylim(0, 12)
    ax.set_title("Principal axes (length 2√λ)")
    ax.set_xlabel("feature 1")
    ax.set_ylabel("feature 2")
    # scree plot: 10 noisy features driven by 2 hidden factors
    Y = _cpu_randn(300, 2, seed=2) @ _cpu_randn(2, 10, seed=3) + 0.05 * _cpu_randn(300, 10, seed=4)
    ratio = pca(Y, 10).explained_variance_ratio
    ks = torch.arange(1, 11)
    ax2.bar(ks.numpy(), ratio.detach().cpu().numpy(), color=[PALETTE[0] if k <= 2 else "0.7" for k in ks.tolist()])
    ax2.plot(ks.numpy(), ratio.cumsum(0).detach().cpu().numpy(), color=PALETTE[1], marker="o", ms=4, label="cumulative")
    ax2.axvline(2.5, color="0.3", ls="--", lw=1)
    ax2.text(2.7, 0.8, "keep k = 2", fontsize=10)
    ax2.set_xticks(ks.tolist())
    ax2.set_xlabel("component")
    ax2.set_ylabel("share of variance")
    ax2.set_title("Scree plot: 10 features, 2 factors")
    ax2.legend(loc="lower right")
    return fig
