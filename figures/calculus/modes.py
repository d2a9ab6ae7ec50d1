"""Passes for a full Jacobian by forward mode (Dual) and reverse mode (Value), counted by running them."""

import math

import torch

from aimath_ref import randn
from aimath_ref.autodiff import Dual, Value, forward_gradient, reverse_gradient
from figures._style import PALETTE, new_figure

N_FIXED = 8  # inputs of the right panel
SIZES = [1, 2, 4, 8, 12, 16, 24, 32]


def _layer(n: int, m: int):
    """f: R^n -> R^m, f_k(x) = tanh(sum_i C_ki x_i), with seeded weights C of scale 1/sqrt(n)."""
    C = (randn(m, n, seed=n * 100 + m, dtype=torch.float64) / math.sqrt(n)).tolist()

    def f(*xs):
        outs = []
        for row in C:
            s = xs[0] * row[0]
            for c, x in zip(row[1:], xs[1:]):
                s = s + c * x
            outs.append(s.tanh())
        return outs
    return f


def _jacobian_forward(f, x: list[float]) -> tuple[list[list[float]], int]:
    """One Dual pass per input (seed e_j): each gives column j. Returns J and the pass count."""
    columns, passes = [], 0
    for j in range(len(x)):
        outs = f(*[Dual(v, 1.0 if i == j else 0.0) for i, v in enumerate(x)])
        passes += 1
        columns.append([o.deriv for o in outs])
    return [list(r) for r in zip(*columns)], passes


def _jacobian_reverse(f, x: list[float]) -> tuple[list[list[float]], int]:
    """One recorded forward pass, then one backward sweep per output: each gives row k."""
    leaves = [Value(v) for v in x]
    outs = f(*leaves)
    rows, sweeps = [], 0
    for out in outs:
        out.zero_grad()
        out.backward()
        sweeps += 1
        rows.append([leaf.grad for leaf in leaves])
    return rows, sweeps


def _count(n: int, m: int) -> tuple[int, int]:
    f = _layer(n, m)
    x = randn(n, seed=7, dtype=torch.float64).tolist()
    J_fwd, forward_passes = _jacobian_forward(f, x)
    J_rev, backward_sweeps = _jacobian_reverse(f, x)
    assert all(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
               for ra, rb in zip(J_fwd, J_rev) for a, b in zip(ra, rb))
    if m == 1:  # the library's gradient helpers agree, and forward mode calls f once per input
        calls = []
        loss = lambda *xs: (calls.append(1), f(*xs)[0])[1]
        _, g_fwd = forward_gradient(loss, x)
        assert len(calls) == n
        _, g_rev = reverse_gradient(loss, x)
        assert len(calls) == n + 1
        assert all(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12) for a, b in zip(g_fwd, g_rev))
    return forward_passes, backward_sweeps


def _panel(ax, xs, fwd, rev, xlabel: str, title: str) -> None:
    ax.plot(xs, fwd, "o-", color=PALETTE[0], lw=2, label="forward mode: Dual passes")
    ax.plot(xs, rev, "s--", color=PALETTE[1], lw=2,
            label="reverse mode: backward sweeps\n(after one recorded forward pass)")
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=11)
    ax.set_xticks([1, 8, 16, 24, 32])
    ax.set_ylim(0, 34)


def figure():
    fig, (left, right) = new_figure(ncols=2, width=9.0, height=3.8, sharey=True)
    scalar = [_count(n, 1) for n in SIZES]
    _panel(left, SIZES, [c[0] for c in scalar], [c[1] for c in scalar],
           "inputs $n$", r"gradient of a scalar loss, $f:\mathbb{R}^n \to \mathbb{R}$")
    left.set_ylabel("passes for the full Jacobian")
    left.annotate(f"{scalar[-1][0]} passes", (SIZES[-1], scalar[-1][0]), xytext=(-10, -4),
                  textcoords="offset points", ha="right", va="top", color=PALETTE[0])
    left.annotate(f"{scalar[-1][1]} sweep", (SIZES[-1], scalar[-1][1]), xytext=(-4, 8),
                  textcoords="offset points", ha="right", va="bottom", color=PALETTE[1])
    left.legend(loc="upper left", fontsize=9.5)

    wide = [_count(N_FIXED, m) for m in SIZES]
    _panel(right, SIZES, [c[0] for c in wide], [c[1] for c in wide],
           "outputs $m$",
           rf"$n = {N_FIXED}$ inputs, $f:\mathbb{{R}}^{N_FIXED} \to \mathbb{{R}}^m$")
    right.axvline(N_FIXED, color="0.5", lw=1, ls=":")
    right.text(N_FIXED + 0.6, 30, "$m = n$:\nboth modes tie", fontsize=10, color="0.3", va="top")
    right.text(2.0, 16, "reverse\ncheaper", fontsize=10, color=PALETTE[1], ha="center")
    right.text(26, 14.5, "forward\ncheaper", fontsize=10, color=PALETTE[0], ha="center")
    return fig
