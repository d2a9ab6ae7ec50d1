"""The derivative as the slope of the tangent: secants turning onto the tangent as the step shrinks."""

import torch

from aimath_ref.calculus import numerical_derivative
from figures._style import PALETTE, new_figure


def f(x):
    return x ** 3 - 3 * x


def figure():
    fig, ax = new_figure(width=8.0, height=4.0)
    x0 = 1.5
    xs = torch.linspace(-2.2, 3.2, 400, dtype=torch.float64)
    slope = numerical_derivative(f, x0)  # f'(1.5) = 3 * 1.5² - 3 = 3.75
    ax.plot(xs.numpy(), f(xs).numpy(), color="black", lw=2, label=r"$f(x) = x^3 - 3x$")
    ax.plot(xs.numpy(), (f(x0) + slope * (xs - x0)).numpy(), color=PALETTE[1], lw=2,
            label=f"tangent, slope $f'(1.5) = {slope:.2f}$")
    for eps, color in zip((1.5, 0.7, 0.2), (PALETTE[5], PALETTE[4], PALETTE[0])):
        secant = (f(x0 + eps) - f(x0)) / eps  # difference quotient
        ax.plot(xs.numpy(), (f(x0) + secant * (xs - x0)).numpy(), color=color, lw=1.2, ls="--",
                label=rf"secant, $\varepsilon = {eps}$: slope ${secant:.2f}$")
        ax.plot([x0 + eps], [f(x0 + eps)], "o", color=color, ms=5)
    ax.plot([x0], [f(x0)], "o", color=PALETTE[1], ms=7, zorder=5)
    ax.set_xlim(-2.2, 3.2)
    ax.set_ylim(-6, 16)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$f(x)$")
    ax.legend(loc="upper left", fontsize=9)
    return fig
