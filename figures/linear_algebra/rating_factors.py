"""A users × movies rating matrix as the product of a user-factor and a movie-factor matrix (rank 2, by SVD)."""

import torch

from aimath_ref import randn
from aimath_ref.linalg import low_rank_approx
from figures._style import new_figure

K = 2  # hidden factors


def _matrix(ax, M, x0, y0, title, vmax, cmap):
    """Draw M as a heatmap with its top-left corner at (x0, y0), one unit per entry."""
    m, n = M.shape
    ax.imshow(M.numpy(), cmap=cmap, vmin=-vmax, vmax=vmax, extent=(x0, x0 + n, y0 - m, y0),
              interpolation="nearest")
    for i in range(m + 1):
        ax.plot([x0, x0 + n], [y0 - i, y0 - i], color="white", lw=0.8)
    for j in range(n + 1):
        ax.plot([x0 + j, x0 + j], [y0, y0 - m], color="white", lw=0.8)
    ax.text(x0 + n / 2, y0 + 0.3, title, ha="center", va="bottom", fontsize=11)


def figure():
    fig, ax = new_figure(width=8.5, height=3.6)
    # the page's example: 8 users, 6 movies, two hidden factors, a little noise
    users, movies = randn(8, 2, seed=4).cpu().double(), randn(6, 2, seed=5).cpu().double()
    R = users @ movies.T + 0.1 * randn(8, 6, seed=6).cpu().double()
    U, S, Vh = torch.linalg.svd(R, full_matrices=False)
    P = U[:, :K] * S[:K].sqrt()  # user factors (8 × 2)
    Q = Vh[:K].T * S[:K].sqrt()  # movie factors (6 × 2)
    R2 = low_rank_approx(R, K)  # equals P Q^T
    assert torch.allclose(P @ Q.T, R2)
    err = (torch.linalg.matrix_norm(R - R2) / torch.linalg.matrix_norm(R)).item()
    vr = R.abs().max().item()
    vf = max(P.abs().max().item(), Q.abs().max().item())
    _matrix(ax, R, 0, 8, "ratings $R$\n8 users × 6 movies", vr, "RdBu_r")
    ax.text(7.0, 4, r"$\approx$", ha="center", va="center", fontsize=22)
    _matrix(ax, P, 8, 8, "$P$: user\nfactors (8 × 2)", vf, "PuOr_r")
    ax.text(10.75, 4, r"$\cdot$", ha="center", va="center", fontsize=26)
    _matrix(ax, Q.T, 11.5, 8, "$Q^\\top$: movie\nfactors (2 × 6)", vf, "PuOr_r")
    ax.text(18.25, 4, "=", ha="center", va="center", fontsize=20)
    _matrix(ax, R2, 19.5, 8, "$PQ^\\top$\n(rank 2)", vr, "RdBu_r")
    ax.text(14.5, 5.1, "row $u$ of $P$ · column $m$\nof $Q^\\top$ = predicted\nrating of user $u$\nfor movie $m$",
            ha="center", va="top", fontsize=9.5, linespacing=1.3)
    ax.text(13, -0.6, f"relative error $\\|R - PQ^\\top\\|_F / \\|R\\|_F$ = {err:.3f}: "
            "two numbers per user and per movie explain almost every rating",
            ha="center", va="top", fontsize=10)
    ax.set_xlim(-0.3, 25.8)
    ax.set_ylim(-1.8, 9.6)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.grid(False)
    return fig
