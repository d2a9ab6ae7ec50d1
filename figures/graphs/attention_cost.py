"""Arithmetic of softmax attention (2 n^2 d) against linear attention (2 n d^2) as the sequence grows."""

from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=7.0, height=3.8)
    ns = [2 ** k for k in range(4, 18)]  # 16 ... 131 072 tokens
    for d, ls in ((64, "--"), (128, "-")):
        ax.plot(ns, [2 * n * n * d for n in ns], color=PALETTE[1], ls=ls, lw=2,
                label=f"softmax attention, d = {d}")
        ax.plot(ns, [2 * n * d * d for n in ns], color=PALETTE[0], ls=ls, lw=2,
                label=f"linear attention, d = {d}")
        ax.plot([d], [2 * d ** 3], "o", color=PALETTE[3], ms=7, zorder=3)
        ax.annotate(f"n = d = {d}", (d, 2 * d ** 3), xytext=(8, -14), textcoords="offset points", fontsize=8)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("sequence length n")
    ax.set_ylabel("floating-point operations per head")
    ax.set_title("Quadratic vs linear in n: the curves cross at n = d")
    ax.legend(fontsize=8, loc="upper left")
    return fig
