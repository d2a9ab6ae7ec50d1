"""Shared look of the site's figures: white card, readable fonts, one palette, light SVGs.

PALETTE starts from the Okabe-Ito colour-blind-safe set: its vermillion becomes a plain red and
its orange a darker orange (so red and orange stay apart and captions can name blue, red, green,
orange, purple and grey), and its yellow and sky blue (below 3:1 on white) are dropped. Every
data colour reaches 3:1 against the white figure card, which stays white in dark mode. ``lighten`` keeps each SVG
small: text and sparse artists stay vector, dense ones (many vertices or points) are
rasterised inside the SVG at ``savefig.dpi``.""" 

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

# blue, red, bluish green, dark orange, reddish purple, grey
PALETTE = ["#0072B2", "#C62828", "#009E73", "#B86E00", "#CC79A7", "#7F7F7F"]
DENSE = 2000  # a line or collection drawing more vertices than this is rasterised
DENSE_MARKERS = 300  # so is one drawing more markers than this (each marker is an SVG element)

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
    "svg.fonttype": "none",  # text stays text (a tenth of the bytes of glyph outlines)
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Helvetica", "Arial", "Liberation Sans"],
    "svg.hashsalt": "aimath-ref",
    "savefig.dpi": 150,  # resolution of the rasterised parts
}


def new_figure(ncols: int = 1, nrows: int = 1, width: float = 8.0, height: float = 3.2,
               **kwargs: object) -> tuple[Figure, Axes | list[Axes]]:
    """A figure in the site's style; returns ``(fig, axes)`` like ``plt.subplots``."""
    with plt.rc_context(RC):
        fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), layout="constrained",
                                 squeeze=True, **kwargs)  # type: ignore[arg-type]
    plt.close(fig)  # figures are saved by the build, never shown
    return fig, axes


def _size(artist: object) -> int:
    """How many vertices/points an artist draws (0 for ones that are not dense by nature)."""
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D

    if isinstance(artist, Line2D):
        n = len(artist.get_xydata())
        return n * DENSE // DENSE_MARKERS if artist.get_marker() not in (None, "None", "", " ") else n
    if isinstance(artist, Collection):
        vertices = sum(len(p.vertices) for p in artist.get_paths())
        points = len(artist.get_offsets())
        return vertices * max(points, 1) if points > 1 else vertices
    return 0


def lighten(fig: Figure) -> Figure:
    """Rasterise every dense artist of ``fig`` (scatter clouds, filled contours, surfaces,
    long lines, hundreds of patches); axes, labels and sparse artists stay vector; images
    drawn cell by cell are embedded at their own resolution. Called by the build on every figure."""
    from matplotlib.image import AxesImage
    from matplotlib.patches import Patch

    for ax in fig.axes:
        children = ax.get_children()
        patches = [a for a in children if isinstance(a, Patch) and a is not ax.patch]
        for artist in children:
            if _size(artist) > DENSE or (artist in patches and len(patches) > DENSE_MARKERS):
                artist.set_rasterized(True)
            if isinstance(artist, AxesImage) and artist.get_interpolation() == "nearest":
                artist.set_interpolation("none")  # embed the cells themselves, not a resampled picture
    return fig
