"""Training loss of a small MLP on the digits data with aimath_ref's AdamW and torch's."""

import torch
from sklearn.datasets import load_digits

from aimath_ref import optim
from figures._style import PALETTE, new_figure


def both_adamw_losses() -> tuple[list[float], list[float]]:
    """The loss of every step with aimath_ref's AdamW and with torch's (the parity test uses it too)."""
    X, y = load_digits(return_X_y=True)  # 1,797 images of 8 x 8 pixels, shipped with scikit-learn
    X, y = torch.tensor(X / 16.0), torch.tensor(y)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # 128 x 64 matrices: a second thread only adds waiting on a busy machine
    try:
        ours = optim.mlp_training_losses(X, y, lambda p: optim.AdamW(p, lr=1e-2), steps=200, batch=128)
        theirs = optim.mlp_training_losses(X, y, lambda p: torch.optim.AdamW(p, lr=1e-2, foreach=False),
                                           steps=200, batch=128)
    finally:
        torch.set_num_threads(threads)
    return ours, theirs


def figure():
    fig, ax = new_figure(width=8.0, height=3.2)
    ours, theirs = both_adamw_losses()
    ax.plot(theirs, color=PALETTE[0], linewidth=5, alpha=0.45, label="torch.optim.AdamW")
    ax.plot(ours, color=PALETTE[1], linewidth=1.3, linestyle="--", label="aimath_ref.optim.AdamW")
    ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.set_ylabel("cross-entropy (nats)")
    same = sum(a == b for a, b in zip(ours, theirs))
    gap = max(abs(a - b) for a, b in zip(ours, theirs))
    ax.set_title(f"64–32–10 MLP on the digits data: {same} of {len(ours)} losses identical, "
                 f"largest gap {gap:.1e}")
    ax.legend()
    return fig
