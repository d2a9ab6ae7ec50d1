"""Spread of the activations, layer by layer, in a 30-layer network under naive, Xavier and He initialisation."""

from aimath_ref.probability import activation_stds, he_normal_std, xavier_normal_std
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=2, width=9.0, height=3.6, sharey=True)
    width, depth = 256, 30
    schemes = [("naive σ = 1", 1.0, PALETTE[3], ":"),
               ("naive σ = 0.01", 0.01, "0.5", ":"),
               (f"Xavier σ = {xavier_normal_std(width, width):.3f}", xavier_normal_std(width, width), PALETTE[0], "-"),
               (f"He σ = {he_normal_std(width):.3f}", he_normal_std(width), PALETTE[1], "-")]
    layers = list(range(1, depth + 1))
    for ax, phi in zip(axes, ("relu", "tanh")):
        for label, std, colour, ls in schemes:
            ax.plot(layers, activation_stds(width, depth, std, phi, batch=512, seed=0), color=colour, ls=ls,
                    lw=2, marker="o", ms=3, label=label)
        ax.set_yscale("log")
        ax.set_title(f"{phi} network, {width} units per layer", fontsize=11)
        ax.set_xlabel("layer")
    axes[0].set_ylabel("std of activations")
    axes[0].set_ylim(1e-8, 1e8)  # naive scales leave the plot within a few layers
    axes[1].legend(loc="upper right", fontsize=9)
    return fig
