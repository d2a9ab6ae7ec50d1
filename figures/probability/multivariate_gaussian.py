"""A two-dimensional Gaussian: samples, the ellipses of equal Mahalanobis distance, their axes, and Δ² ~ χ²₂."""

import math

import torch

from aimath_ref.probability import MultivariateGaussian
from figures._style import PALETTE, new_figure


def figure():
    fig, (ax, right) = new_figure(ncols=2, width=9.0, height=4.0)
    mvn = MultivariateGaussian(torch.zeros(2, dtype=torch.float64),
                               torch.tensor([[4.0, 1.9], [1.9, 1.0]], dtype=torch.float64))
    X = mvn.sample(3000, generator=torch.Generator().manual_seed(0))  # rows mu + L eps
    ax.scatter(X[:, 0].tolist(), X[:, 1].tolist(), s=4, color=PALETTE[0], alpha=0.3, lw=0, rasterized=True)
    stds, Q = mvn.axes()
    angle = torch.linspace(0, 2 * math.pi, 200, dtype=torch.float64)
    circle = torch.stack([angle.cos(), angle.sin()], dim=1)  # unit circle, (200, 2)
    for c, ls in ((1, "-"), (2, "--"), (3, ":")):
        ell = c * (circle * stds) @ Q.T  # the points at Mahalanobis distance c
        ax.plot(ell[:, 0].tolist(), ell[:, 1].tolist(), color=PALETTE[1], lw=2, ls=ls, label=f"Δ = {c}")
    for i in range(2):  # half-axes sqrt(lambda_i) q_i
        end = (stds[i] * Q[:, i]).tolist()
        ax.annotate("", xy=end, xytext=(0, 0), arrowprops={"arrowstyle": "->", "lw": 2.5, "color": PALETTE[2]})
    box = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 2}
    ax.text(-6.2, 3.5, f"axes (green): √λ₁ = {stds[0].item():.2f}, √λ₂ = {stds[1].item():.2f}", color=PALETTE[2],
            fontsize=10, va="center", bbox=box)
    pts = torch.tensor([[2.0, 1.0], [2.0, -1.0]], dtype=torch.float64)  # both at Euclidean distance 2.24
    for p, dist in zip(pts.tolist(), mvn.mahalanobis(pts).tolist()):
        ax.plot(*p, marker="o", ms=8, color=PALETTE[3], mec="black")
        ax.text(p[0] + 0.35, p[1] - 0.45, f"Δ = {dist:.2f}", fontsize=10, va="center", bbox=box)
    ax.set_xlim(-6.5, 6.5)
    ax.set_ylim(-4, 4)
    ax.set_aspect("equal")
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    ax.set_title("Samples, ellipses Δ = 1, 2, 3 and axes")
    ax.legend(loc="lower right", fontsize=9)

    d2 = mvn.mahalanobis(X) ** 2  # Δ² of each draw
    right.hist(d2.tolist(), bins=40, range=(0, 12), density=True, color=PALETTE[0], alpha=0.6, label="Δ² of the samples")
    t = torch.linspace(0, 12, 200, dtype=torch.float64)
    right.plot(t.tolist(), (0.5 * (-t / 2).exp()).tolist(), color=PALETTE[1], lw=2, label="χ² density, 2 d.o.f.")
    right.set_xlabel("squared Mahalanobis distance Δ²")
    right.set_ylabel("density")
    right.set_title("Δ² follows a χ² distribution with d = 2")
    right.legend()
    return fig
