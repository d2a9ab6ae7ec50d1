"""A convex bowl beside a non-convex surface whose critical points (two minima and a saddle) are found and classified."""

import torch

from aimath_ref.calculus import classify_critical_point, hessian
from aimath_ref.optim import newton_method
from figures._style import PALETTE, new_figure


def bowl(v):
    return v[..., 0] ** 2 + 2 * v[..., 1] ** 2


def bumpy(v):
    x, y = v[..., 0], v[..., 1]
    return x ** 4 - 2 * x ** 2 + 0.4 * x + y ** 2  # a deep and a shallow minimum, a saddle between them


def _critical_points():
    found = []
    for x0 in (-1.2, 0.0, 1.2):  # pure Newton finds every stationary point near its start
        r = newton_method(bumpy, torch.tensor([x0, 0.3], dtype=torch.float64), modify=False, tol=1e-12)
        kind = classify_critical_point(hessian(bumpy, r.x))
        found.append((r.x, kind))
    return found


def figure():
    fig, axes = new_figure(ncols=2, width=11.0, height=4.6, subplot_kw={"projection": "3d", "computed_zorder": False})
    xs = torch.linspace(-1.8, 1.8, 50, dtype=torch.float64)
    gx, gy = torch.meshgrid(xs, xs, indexing="xy")
    grid = torch.stack([gx, gy], -1)
    for ax, f, title in ((axes[0], bowl, "convex: $x^2 + 2y^2$"),
                         (axes[1], bumpy, "non-convex: $x^4 - 2x^2 + 0.4x + y^2$")):
        ax.plot_surface(gx.numpy(), gy.numpy(), f(grid).numpy(), cmap="viridis", linewidth=0,
                        antialiased=False, rasterized=True)
        ax.set_title(title, fontsize=11)
        ax.set_xlabel("$x$")
        ax.set_ylabel("$y$")
        ax.view_init(elev=32, azim=-60)
        ax.set_xticks([-1.5, 0, 1.5])
        ax.set_yticks([-1.5, 0, 1.5])
        ax.set_zticks([0, 4, 8])
    axes[0].scatter([0], [0], [0], color=PALETTE[3], s=50, depthshade=False, zorder=10, label="the only minimum (global)")
    styles = {"minimum": ("o", PALETTE[3]), "saddle": ("X", PALETTE[1])}
    seen = set()
    for x, kind in _critical_points():
        depth = bumpy(x).item()
        marker, color = styles.get(kind, ("^", PALETTE[4]))
        label = None
        if kind == "minimum":
            label = "global minimum" if depth < -1.2 else "local minimum"
        elif kind == "saddle":
            label = "saddle point"
        if label in seen:
            label = None
        seen.add(label)
        axes[1].scatter([x[0].item()], [x[1].item()], [depth], marker=marker, color=color, s=70, zorder=10,
                        depthshade=False, label=f"{label} ({depth:.2f})" if label else None)
    for ax in axes:
        ax.legend(fontsize=9, loc="upper center")
    return fig
