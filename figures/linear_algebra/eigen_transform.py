"""A 2×2 symmetric matrix maps the unit circle to an ellipse; its eigenvectors are only scaled."""

import math

import torch

from aimath_ref.linalg import spectral_decomposition
from figures._style import PALETTE, new_figure

A = torch.tensor([[2.0, 1.0], [1.0, 2.0]], dtype=torch.float64)


def figure():
    fig, (ax, ax2) = new_figure(ncols=2, width=8.0, height=4.0)
    t = torch.linspace(0, 2 * math.pi, 400, dtype=torch.float64)
    circle = torch.stack([t.cos(), t.sin()])  # (2, 400)
    ellipse = A @ circle
    L, Q = spectral_decomposition(A)
    generic = torch.tensor([[1.0, 0.0], [0.0, 1.0], [0.6, -0.2]], dtype=torch.float64)
    generic = generic / generic.norm(dim=1, keepdim=True)
    for a, pts, title in ((ax, circle, r"before: unit circle, $\|x\| = 1$"), (ax2, ellipse, r"after: $A x$")):
        a.plot(pts[0].numpy(), pts[1].numpy(), color="0.3", lw=1.5)
        a.set_aspect("equal")
        a.set_xlim(-3.4, 3.4)
        a.set_ylim(-3.4, 3.4)
        a.axhline(0, color="0.6", lw=0.6)
        a.axvline(0, color="0.6", lw=0.6)
        a.set_title(title)
    for g in generic:  # generic vectors: direction changes
        for a, v in ((ax, g), (ax2, A @ g)):
            a.annotate("", xy=(v[0].item(), v[1].item()), xytext=(0, 0),
                       arrowprops=dict(arrowstyle="-|>", color="0.55", lw=1.3))
    for k in range(2):  # eigenvectors: only scaled
        q, lam = Q[:, k], L[k].item()
        colour = PALETTE[k]
        for a, v in ((ax, q), (ax2, A @ q)):
            a.annotate("", xy=(v[0].item(), v[1].item()), xytext=(0, 0),
                       arrowprops=dict(arrowstyle="-|>", color=colour, lw=2.5))
            a.plot([(-4 * q[0]).item(), (4 * q[0]).item()], [(-4 * q[1]).item(), (4 * q[1]).item()], color=colour, lw=0.8, ls="--")
        v = A @ q
        ax2.text(v[0].item() + 0.15, v[1].item() + 0.1, f"λ = {lam:g}", color=colour, fontsize=11)
    fig.suptitle(r"$A = [[2, 1], [1, 2]]$: grey vectors turn, coloured eigenvectors stay on their dashed lines")
    return fig
