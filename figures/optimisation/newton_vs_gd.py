"""Newton's method against gradient descent and L-BFGS on a stretched quadratic and on the Rosenbrock valley."""

import torch

from aimath_ref.optim import gradient_descent_to_tolerance, lbfgs, newton_method, rosenbrock
from figures._style import PALETTE, new_figure

SCALE = torch.tensor([1.0, 12.0], dtype=torch.float64)


def quadratic(x):
    return 0.5 * (SCALE * x ** 2).sum(-1)


def _contours(ax, f, lo, hi, levels):
    xs = torch.linspace(lo[0], hi[0], 150, dtype=torch.float64)
    ys = torch.linspace(lo[1], hi[1], 150, dtype=torch.float64)
    gx, gy = torch.meshgrid(xs, ys, indexing="xy")
    ax.contour(gx.numpy(), gy.numpy(), f(torch.stack([gx, gy], -1)).numpy(), levels=levels, cmap="viridis",
               linewidths=0.8)


def _path(ax, r, color, label, marker):
    p = r.trajectory.numpy()
    ax.plot(p[:, 0], p[:, 1], marker=marker, color=color, ms=4, lw=1.3, label=f"{label}: {r.iterations} it.")


def figure():
    fig, (left, right) = new_figure(ncols=2, width=11.0, height=4.4)
    x0 = torch.tensor([-2.0, 0.8], dtype=torch.float64)
    _contours(left, quadratic, (-2.3, -1.0), (1.0, 1.0), [0.05, 0.2, 0.5, 1, 2, 4, 6])
    _path(left, gradient_descent_to_tolerance(quadratic, x0, lr=0.15, tol=1e-6), PALETTE[1],
          "gradient descent, lr = 0.15", "o")
    _path(left, newton_method(quadratic, x0, tol=1e-6), PALETTE[0], "Newton", "s")
    left.set_title(r"$\frac{1}{2}(x^2 + 12 y^2)$: Newton lands in one step", fontsize=11)
    left.legend(fontsize=9, loc="lower right")
    start = torch.tensor([-1.2, 1.0], dtype=torch.float64)
    _contours(right, lambda v: torch.log1p(rosenbrock(v)), (-1.6, -0.6), (1.6, 2.0), 11)
    _path(right, gradient_descent_to_tolerance(rosenbrock, start, lr=1e-3, tol=1e-6, max_iter=400), PALETTE[1],
          "gradient descent (stopped)", None)
    _path(right, lbfgs(rosenbrock, start, tol=1e-6), PALETTE[2], "L-BFGS", ".")
    _path(right, newton_method(rosenbrock, start, tol=1e-6), PALETTE[0], "Newton", "s")
    right.plot([1], [1], "*", color=PALETTE[3], ms=14, zorder=5)
    right.set_xlim(-1.6, 1.6)
    right.set_ylim(-0.6, 2.0)
    right.set_title("Rosenbrock from (−1.2, 1), minimum at (1, 1)", fontsize=11)
    right.legend(fontsize=9, loc="lower right")
    for ax in (left, right):
        ax.set_xlabel("$x$")
        ax.set_ylabel("$y$")
    return fig
