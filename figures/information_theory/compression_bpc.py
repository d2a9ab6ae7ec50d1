"""Bits per character on held-out text: order-k models (add-one and Kneser-Ney) next to zlib, bz2 and lzma."""

from matplotlib.patches import Patch

from aimath_ref.information import compression_results
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=9.0, height=3.8)
    r = compression_results()
    labels, values, colors = [], [], []
    for k in range(4):
        for s, c in (("add_one", PALETTE[0]), ("kneser_ney", PALETTE[1])):
            labels.append(f"k={k}\n{'add-1' if s == 'add_one' else 'KN'}")
            values.append(r[f"{s}-{k}"])
            colors.append(c)
    for m in ("zlib", "bz2", "lzma"):
        for primed, c in (("", PALETTE[2]), ("+primed", PALETTE[3])):
            labels.append(f"{m}\n{'primed' if primed else 'alone'}")
            values.append(r[m + primed])
            colors.append(c)
    ax.bar(range(len(values)), values, color=colors)
    for i, v in enumerate(values):
        ax.text(i, v + 0.05, f"{v:.2f}", ha="center", fontsize=8)
    ax.set_xticks(range(len(values)), labels, fontsize=8)
    ax.set_ylabel("bits per character")
    ax.set_ylim(0, 5.3)
    names = ["add-one model", "Kneser–Ney model", "compressor alone", "compressor primed with the training half"]
    ax.legend(handles=[Patch(color=c, label=n) for c, n in zip(PALETTE, names)], loc="upper right", fontsize=9)
    return fig
