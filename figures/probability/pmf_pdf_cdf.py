"""A PMF (Poisson) beside a PDF (Gaussian) with a shaded interval, and both CDFs."""

import torch

from aimath_ref.probability import Gaussian, Poisson
from figures._style import PALETTE, new_figure


def figure():
    fig, (ax1, ax2, ax3) = new_figure(ncols=3, width=9.0, height=3.2)
    pois, gauss = Poisson(3.0), Gaussian(0.0, 0.5)
    k = torch.arange(0, 11, dtype=torch.float64)
    ax1.bar(k.tolist(), pois.prob(k).tolist(), color=PALETTE[0], width=0.7)
    ax1.set_title("PMF: Poisson(λ = 3)")
    ax1.set_xlabel("k (count)")
    ax1.set_ylabel("P(X = k)")

    x = torch.linspace(-2, 2, 401, dtype=torch.float64)
    f = gauss.prob(x)
    ax2.plot(x.tolist(), f.tolist(), color=PALETTE[1], lw=2)
    inside = (x >= -0.5) & (x <= 0.5)
    area = (gauss.cdf(torch.tensor(0.5, dtype=torch.float64)) - gauss.cdf(torch.tensor(-0.5, dtype=torch.float64))).item()
    ax2.fill_between(x[inside].tolist(), f[inside].tolist(), color=PALETTE[1], alpha=0.25,
                     label=f"P(−0.5 ≤ X ≤ 0.5) = {area:.3f}")
    ax2.set_title("PDF: Gaussian(0, 0.5²)")
    ax2.set_xlabel("x")
    ax2.set_ylabel("density f(x)")
    ax2.legend(loc="upper left", fontsize=8)

    xs = torch.linspace(-1.5, 10.5, 1201, dtype=torch.float64)
    ax3.plot(xs.tolist(), pois.cdf(xs).tolist(), color=PALETTE[0], lw=2, drawstyle="steps-post", label="Poisson(3)")
    ax3.plot(xs.tolist(), gauss.cdf(xs).tolist(), color=PALETTE[1], lw=2, label="Gaussian(0, 0.5²)")
    ax3.set_title("CDF F(x) = P(X ≤ x)")
    ax3.set_xlabel("x")
    ax3.set_ylim(-0.03, 1.05)
    ax3.legend(loc="lower right", fontsize=8)
    return fig
