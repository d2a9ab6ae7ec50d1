"""Gaussian and Laplace densities of variance 1, on a linear and a log scale."""

import math

import torch

from aimath_ref.inference import gaussian_nll, laplace_nll
from figures._style import PALETTE, new_figure


def figure():
    fig, (left, right) = new_figure(ncols=2, width=9.0, height=3.3)
    x = torch.linspace(-6, 6, 1201, dtype=torch.float64)
    zero = torch.zeros_like(x)
    # densities are exp(-NLL) with the constants included (full=True); both have variance 1
    gauss = torch.exp(-gaussian_nll(zero, x, 1.0, full=True, reduction="none"))
    laplace = torch.exp(-laplace_nll(zero, x, 1 / math.sqrt(2), full=True, reduction="none"))
    for ax in (left, right):
        ax.plot(x.numpy(), gauss.numpy(), color=PALETTE[0], label=r"Gaussian $N(0, 1)$")
        ax.plot(x.numpy(), laplace.numpy(), color=PALETTE[1], label=r"Laplace$(0, 1/\sqrt{2})$")
        ax.set_xlabel("residual $y - \\hat y$")
    left.set_title("Density")
    left.legend(loc="upper right", fontsize=9)
    right.set_yscale("log")
    right.set_ylim(1e-9, 1.5)
    right.set_title("Density, log scale: the tails")
    at = 5.0
    g5 = torch.exp(-gaussian_nll(torch.zeros(1, dtype=torch.float64), torch.tensor([at], dtype=torch.float64), 1.0,
                                 full=True)).item()
    l5 = torch.exp(-laplace_nll(torch.zeros(1, dtype=torch.float64), torch.tensor([at], dtype=torch.float64),
                                1 / math.sqrt(2), full=True)).item()
    right.annotate(f"at 5 the Laplace density is\n{l5 / g5:,.0f} times the Gaussian's", (at, l5), xytext=(0.0, 1e-7),
                   textcoords="data", ha="center", fontsize=9, arrowprops=dict(arrowstyle="->", color="0.4"))
    return fig
