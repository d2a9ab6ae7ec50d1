"""The SVD of a 2×2 matrix as rotate, stretch, rotate, applied to the unit circle."""

import math

import torch

from aimath_ref.linalg import matmul_by_definition
from figures._style import PALETTE, new_figure

A = torch.tensor([[1.0, 2.0], [0.0, 3.0]], dtype=torch.float64)


def figure():
    fig, axes = new_figure(ncols=4, width=9.0, height=2.8)
    U, S, Vh = torch.linalg.svd(A)
    t = torch.linspace(0, 2 * math.pi, 401, dtype=torch.float64)  # closed: t[400] = 2 pi
    circle = torch.stack([t.cos(), t.sin()])
    V = Vh.T
    steps = [
        (torch.eye(2, dtype=torch.float64), "unit circle"),
        (Vh, r"after $V^\top$ (rotate/reflect)"),
        (torch.diag(S) @ Vh, rf"after $\Sigma$: $\sigma$ = {S[0].item():.2f}, {S[1].item():.2f}"),
        (U @ torch.diag(S) @ Vh, r"after $U$: equals $A x$"),
    ]
    lim = S[0].item() * 1.15
    for ax, (M, title) in zip(axes, steps):
        pts = matmul_by_definition(M, circle[:, ::8])  # the circle, sampled, through the partial product
        ax.plot(pts[0].detach().cpu().numpy(), pts[1].detach().cpu().numpy(), color="0.3", lw=1.5)
        for k in range(2):
            v = M @ V[:, k]
            ax.annotate("", xy=(v[0].item(), v[1].item()), xytext=(0, 0),
                        arrowprops=dict(arrowstyle="-|>", color=PALETTE[k], lw=2.2))
        ax.set_aspect("equal")
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ax.set_title(title, fontsize=10)
        ax.axhline(0, color="0.7", lw=0.5)
        ax.axvline(0, color="0.7", lw=0.5)
    fig.suptitle(r"$A = [[1, 2], [0, 3]] = U\Sigma V^\top$; arrows: $v_1$ (blue) and $v_2$ (red) and their images")
    return fig
