"""Which tokens top-k (k = 5) and top-p (p = 0.9) keep, on a peaked and on a flat distribution."""

import torch

from aimath_ref.probability import softmax, top_k_filter, top_p_filter
from figures._style import PALETTE, new_figure


def figure():
    fig, axes = new_figure(ncols=2, nrows=2, width=9.0, height=5.2)
    V = 20
    ranks = torch.arange(V, dtype=torch.float64)
    cases = {"peaked (confident model)": -0.9 * ranks, "flat (unsure model)": -0.08 * ranks}
    for row, (name, logits) in enumerate(cases.items()):
        p = softmax(logits)
        for col, (rule, kept) in enumerate([("top-k, k = 5", top_k_filter(logits, 5)),
                                            ("top-p, p = 0.9", top_p_filter(logits, 0.9))]):
            ax = axes[row][col]
            keep = torch.isfinite(kept)
            colors = [PALETTE[0] if k else "0.8" for k in keep.tolist()]
            ax.bar(range(1, V + 1), p.tolist(), color=colors)
            ax.set_title(f"{name}: {rule} keeps {int(keep.sum())}", fontsize=10)
            ax.set_ylim(0, max(0.65, p.max().item() * 1.1))
            if row == 1:
                ax.set_xlabel("token rank (most probable first)")
            if col == 0:
                ax.set_ylabel("probability")
    return fig
