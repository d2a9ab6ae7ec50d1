"""Shared look of the site's figures: white card, readable fonts, one palette."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

RC = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "svg.fonttype": "path",
    "svg.hashsalt": "aimath-ref",
}


def new_figure(ncols: int = 1, nrows: int = 1, width: float = 8.0, height: float = 3.2,
               **kwargs: object) -> tuple[Figure, Axes | list[Axes]]:
    """A figure in the site's style; returns ``(fig, axes)`` like ``plt.subplots``."""
    with plt.rc_context(RC):
        fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), layout="constrained",
                                 squeeze=True, **kwargs)  # type: ignore[arg-type]
    plt.close(fig)  # figures are saved by the build, never shown
    return fig, axes
