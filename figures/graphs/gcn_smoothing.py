"""Node features smoothing over repeated GCN propagation (no weights, no nonlinearity)."""

import torch

from aimath_ref import randn
from aimath_ref.graphs import adjacency_list_to_matrix, friendships, gcn_layer
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=8.0, height=3.6)
    friends = friendships()
    A = adjacency_list_to_matrix(friends, dtype=torch.float64)
    H = randn(8, 1, seed=4, dtype=torch.float64)  # one feature per person
    I = torch.eye(1, dtype=torch.float64)
    layers = 12
    history = [H]
    for _ in range(layers):
        history.append(gcn_layer(A, history[-1], I, activation=None))  # H <- A_hat H
    values = torch.cat(history, dim=1)  # (8, layers + 1)
    for i, name in enumerate(friends):
        color = PALETTE[0] if i < 4 else PALETTE[2]
        group = "Ana, Ben, Cai, Dev" if i < 4 else "Eve, Fay, Gus, Hal"
        ax.plot(range(layers + 1), values[i].tolist(), marker="o", ms=3, color=color, lw=1.5,
                label=group if name in ("Ana", "Eve") else None)
    ax.set_xlabel("number of GCN layers (propagation only)")
    ax.set_ylabel("node feature")
    ax.set_xlim(-0.3, layers + 0.3)
    ax.legend(title="friend group", fontsize=9)
    ax.set_title("Repeated averaging: first the two friend groups agree internally, then everything blurs")
    return fig
