"""SGD, momentum, RMSprop and Adam on an elongated quadratic valley, from the same start."""

import torch

from aimath_ref import optim
from figures._style import PALETTE, new_figure

CURVATURE = torch.tensor([1.0, 50.0], dtype=torch.float64)  # f(x, y) = (x² + 50 y²) / 2, condition number 50


def _path(make, steps=60):
    w = torch.tensor([-4.0, 1.0], dtype=torch.float64, requires_grad=True)
    opt = make([w])
    points = [w.detach().clone()]
    for _ in range(steps):
        opt.zero_grad()
        (0.5 * (CURVATURE * w ** 2).sum()).backward()
        opt.step()
        points.append(w.detach().clone())
    return torch.stack(points)


def figure():
    fig, ax = new_figure(width=9.5, height=3.6)
    xs, ys = torch.meshgrid(torch.linspace(-4.5, 1.0, 200), torch.linspace(-1.3, 1.3, 200), indexing="xy")
    f = 0.5 * (xs ** 2 + 50 * ys ** 2)
    ax.contour(xs, ys, f, levels=[0.05, 0.3, 1, 3, 8, 16, 32, 50], colors="#999999", linewidths=0.6)
    runs = [("SGD, lr 0.035", lambda p: optim.SGD(p, lr=0.035)),
            ("SGD + momentum 0.8, lr 0.01", lambda p: optim.SGD(p, lr=0.01, momentum=0.8)),
            ("RMSprop, lr 0.05", lambda p: optim.RMSprop(p, lr=0.05)),
            ("Adam, lr 0.2", lambda p: optim.Adam(p, lr=0.2))]
    for (label, make), color in zip(runs, PALETTE):
        path = _path(make)
        ax.plot(path[:, 0], path[:, 1], "-o", color=color, markersize=2.5, linewidth=1.2, label=label)
    ax.plot([0], [0], "*", color="black", markersize=10)
    ax.set_xlabel("x (shallow direction, curvature 1)")
    ax.set_ylabel("y (steep, curvature 50)")
    ax.set_title("60 steps from (−4, 1) on f(x, y) = (x² + 50y²)/2")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
    ax.grid(False)
    return fig
