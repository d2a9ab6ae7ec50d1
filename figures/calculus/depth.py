"""Gradient norm against depth (log scale): scalar factors, activations, He scaling and skip connections."""

import torch

from aimath_ref.calculus import gradient_through_depth
from figures._style import PALETTE, new_figure

DEPTH = 50


def _plot(ax, result, **style):
    norms = result.grad_norms.flip(0)  # index k = layers between h_l and the loss
    ax.semilogy(torch.arange(DEPTH + 1).numpy(), norms.detach().cpu().numpy(), **style)


def figure():
    fig, (left, right) = new_figure(ncols=2, width=9.0, height=3.8)
    for gain, color in zip((0.9, 1.0, 1.1), PALETTE):
        r = gradient_through_depth("linear", DEPTH, width=32, gain=gain, init="orthogonal", seed=0)
        _plot(left, r, color=color, lw=2, label=f"factor {gain} per layer")
    left.set_title("Product of equal factors")
    cases = [
        ("sigmoid", 1.0, False, "sigmoid", PALETTE[0], "-"),
        ("tanh", 1.0, False, "tanh", PALETTE[4], "-"),
        ("relu", 1.0, False, "ReLU, Var(W) = 1/n", PALETTE[3], "-"),
        ("relu", 2 ** 0.5, False, "ReLU, He: Var(W) = 2/n", PALETTE[2], "-"),
        ("relu", 2.0, False, "ReLU, Var(W) = 4/n", PALETTE[1], "-"),
        ("sigmoid", 1.0, True, "sigmoid + skip connections", PALETTE[0], "--"),
    ]
    for activation, gain, residual, label, color, ls in cases:
        r = gradient_through_depth(activation, DEPTH, width=64, gain=gain, residual=residual, seed=0)
        _plot(right, r, color=color, ls=ls, lw=2, label=label)
    right.set_title("Random 64-wide networks")
    for ax in (left, right):
        ax.set_xlabel("layers between $h_l$ and the loss")
        ax.set_ylabel(r"$\Vert \partial L / \partial h_l \Vert$")
        ax.legend(fontsize=8, loc="lower left")
    return fig
