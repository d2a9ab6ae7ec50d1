"""First- and second-order Taylor models of a loss, and where the first-order one breaks for a large step."""

import torch

from aimath_ref.calculus import taylor_polynomial
from figures._style import PALETTE, new_figure


def loss(w):
    return torch.log(1 + torch.exp(2 * w)) - w


def figure():
    fig, (left, right) = new_figure(ncols=2, width=9.0, height=3.8)
    w0 = 1.5
    ws = torch.linspace(-2.0, 2.5, 300, dtype=torch.float64)
    T1 = taylor_polynomial(loss, w0, order=1)
    T2 = taylor_polynomial(loss, w0, order=2)
    for ax in (left, right):
        ax.plot(ws.numpy(), loss(ws).numpy(), color="black", lw=2, label="loss $L(w)$")
        ax.plot(ws.numpy(), T1(ws).detach().cpu().numpy(), color=PALETTE[0], lw=1.6, label="1st order (tangent)")
        ax.plot([w0], [loss(torch.tensor(w0)).item()], "o", color="black", ms=6)
        ax.set_xlabel("$w$")
        ax.set_ylim(-1.3, 3.2)
    left.plot(ws.numpy(), T2(ws).detach().cpu().numpy(), color=PALETTE[3], lw=1.6, label="2nd order (parabola)")
    left.set_title(r"Taylor models around $w_0 = 1.5$")
    left.legend(fontsize=9, loc="upper left")
    slope = T1.gradient.item()
    for lr, color, name in ((0.3, PALETTE[2], "small"), (3.0, PALETTE[1], "large")):
        w_new = w0 - lr * slope  # gradient step
        predicted = T1(torch.tensor(w_new, dtype=torch.float64)).item()
        actual = loss(torch.tensor(w_new, dtype=torch.float64)).item()
        right.plot([w_new], [predicted], "v", color=color, ms=8)
        right.plot([w_new], [actual], "o", color=color, ms=8,
                   label=f"{name} step $\\alpha = {lr}$: predicted {predicted:.2f}, actual {actual:.2f}")
        right.plot([w_new, w_new], [predicted, actual], color=color, lw=1, ls=":")
    right.set_title("Gradient steps: prediction (▼) vs. truth (●)")
    right.legend(fontsize=8, loc="upper left")
    return fig
