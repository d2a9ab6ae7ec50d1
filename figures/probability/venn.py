"""Venn diagram of two events inside Ω, with P(A), P(B), P(A ∩ B) and P(A ∪ B) estimated from seeded points."""

import torch
from matplotlib.patches import Circle, Rectangle

from aimath_ref.probability import Uniform, conditional, marginal
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=8.0, height=4.2)
    gen = torch.Generator().manual_seed(0)
    n = 2000
    pts = torch.stack([Uniform(0.0, 10.0).sample(n, generator=gen), Uniform(0.0, 6.0).sample(n, generator=gen)], 1)
    (ca, ra), (cb, rb) = ((3.8, 3.0), 2.2), ((6.2, 3.0), 2.0)
    in_a = ((pts - torch.tensor(ca, dtype=torch.float64)) ** 2).sum(1) <= ra ** 2
    in_b = ((pts - torch.tensor(cb, dtype=torch.float64)) ** 2).sum(1) <= rb ** 2
    # 2x2 joint table of the indicator events: rows A / not A, columns B / not B
    joint = torch.tensor([[(in_a & in_b).sum(), (in_a & ~in_b).sum()],
                          [(~in_a & in_b).sum(), (~in_a & ~in_b).sum()]], dtype=torch.float64) / n
    p_a, p_b = marginal(joint, 0)[0].item(), marginal(joint, 1)[0].item()  # keep rows: A; keep columns: B
    p_ab = joint[0, 0].item()
    p_a_given_b = conditional(joint, 1)[0, 0].item()
    colour = [PALETTE[2] if a and b else PALETTE[0] if a else PALETTE[1] if b else "0.75"
              for a, b in zip(in_a.tolist(), in_b.tolist())]
    ax.scatter(pts[:, 0].tolist(), pts[:, 1].tolist(), s=3, c=colour, alpha=0.5, lw=0, rasterized=True)
    ax.add_patch(Rectangle((0, 0), 10, 6, fill=False, lw=2, color="0.2"))
    ax.add_patch(Circle(ca, ra, fill=False, lw=2.5, color=PALETTE[0]))
    ax.add_patch(Circle(cb, rb, fill=False, lw=2.5, color=PALETTE[1]))
    box = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 2}
    ax.text(0.2, 5.55, "Ω", fontsize=16, va="center", bbox=box)
    ax.text(2.6, 3.0, f"A\nP(A) = {p_a:.4f}", ha="center", va="center", fontsize=11, bbox=box)
    ax.text(7.3, 3.0, f"B\nP(B) = {p_b:.4f}", ha="center", va="center", fontsize=11, bbox=box)
    ax.text(5.0, 3.0, f"A ∩ B\n{p_ab:.4f}", ha="center", va="center", fontsize=10, bbox=box)
    ax.set_title(f"P(A ∪ B) = P(A) + P(B) − P(A ∩ B) = {p_a + p_b - p_ab:.4f};   "
                 f"P(A | B) = P(A ∩ B) / P(B) = {p_a_given_b:.3f}", fontsize=11)
    ax.set_xlim(-0.1, 10.1)
    ax.set_ylim(-0.1, 6.1)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
