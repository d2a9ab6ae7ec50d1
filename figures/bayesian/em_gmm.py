"""EM fitting a 3-component Gaussian mixture in 2-D: ellipses at several iterations, and the log-likelihood curve."""

import math

import torch

from aimath_ref.inference import gmm_em
from figures._style import PALETTE, new_figure

STEPS = (0, 3, 10, 40)


def data():
    g = torch.Generator().manual_seed(3)
    centres = torch.tensor([[0.0, 0.0], [4.0, 1.0], [1.0, 4.5]], dtype=torch.float64)
    shapes = torch.tensor([[[1.0, 0.6], [0.6, 0.8]], [[0.5, -0.3], [-0.3, 0.9]], [[0.8, 0.0], [0.0, 0.3]]],
                          dtype=torch.float64)
    L = torch.linalg.cholesky(shapes)
    z = torch.randn(3, 80, 2, generator=g, dtype=torch.float64)
    return (centres[:, None, :] + z @ L.transpose(-1, -2)).reshape(-1, 2)


def figure():
    fig, axes = new_figure(ncols=len(STEPS) + 1, width=13.0, height=3.2)
    X = data()
    means0 = torch.tensor([[1.5, 1.5], [2.0, 2.2], [2.5, 1.8]], dtype=torch.float64)
    angle = torch.linspace(0, 2 * math.pi, 100, dtype=torch.float64)
    circle = torch.stack([angle.cos(), angle.sin()], dim=1)
    for ax, t in zip(axes, STEPS):
        fit = gmm_em(X, 3, n_iter=t, means_init=means0)
        colours = fit.responsibilities @ torch.tensor([[int(PALETTE[i][j:j + 2], 16) / 255 for j in (1, 3, 5)]
                                                        for i in range(3)], dtype=torch.float64)
        ax.scatter(X[:, 0].tolist(), X[:, 1].tolist(), s=5, c=colours.clamp(0, 1).tolist(), linewidths=0,
                   rasterized=True)
        for k in range(3):
            evals, evecs = torch.linalg.eigh(fit.covariances[k])
            ell = 2 * circle * evals.sqrt() @ evecs.T + fit.means[k]  # 2-sigma ellipse
            ax.plot(ell[:, 0].tolist(), ell[:, 1].tolist(), color=PALETTE[k], lw=2)
            ax.plot([fit.means[k, 0].item()], [fit.means[k, 1].item()], "x", color="black", ms=6)
        ax.set_title(f"after {t} iteration{'' if t == 1 else 's'}")
        ax.set_xlim(-3.5, 7)
        ax.set_ylim(-3, 7)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
    ll = gmm_em(X, 3, n_iter=max(STEPS), means_init=means0).log_likelihood
    ax = axes[-1]
    ax.plot(range(len(ll)), ll.tolist(), color=PALETTE[0], lw=2, marker="o", ms=3)
    ax.scatter(list(STEPS), [ll[t].item() for t in STEPS], color=PALETTE[1], zorder=3, s=30,
               label="iterations shown")
    ax.set_xlabel("EM iteration")
    ax.set_ylabel("average log-likelihood")
    ax.set_title("never decreases")
    ax.legend(loc="lower right", fontsize=8.5)
    return fig
