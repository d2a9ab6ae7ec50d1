"""The medical-test example as a frequency tree for 10,000 people and an icon array of everyone who tests positive."""

import math

import torch
from matplotlib.patches import Rectangle

from aimath_ref.probability import bayes_posterior, evidence
from figures._style import PALETTE, new_figure


def figure():
    fig, (ax1, ax2) = new_figure(ncols=2, width=9.0, height=4.0, width_ratios=[1.25, 1])
    N = 10_000
    prior = torch.tensor([0.01, 0.99], dtype=torch.float64)  # ill, healthy
    positive = torch.tensor([0.99, 0.05], dtype=torch.float64)  # P(positive | ill), P(positive | healthy)
    ill, healthy = (N * prior).round().int().tolist()
    tp, fp = (N * prior * positive).round().int().tolist()
    post = bayes_posterior(prior, positive)[0].item()
    p_pos = evidence(prior, positive).item()

    box = {"boxstyle": "round,pad=0.35", "facecolor": "white", "edgecolor": "0.3"}
    nodes = {"all": (0.1, 0.5, f"{N:,} people"),
             "ill": (0.45, 0.8, f"{ill:,} ill"), "healthy": (0.45, 0.2, f"{healthy:,} healthy"),
             "tp": (0.85, 0.93, f"{tp} positive"), "fn": (0.85, 0.67, f"{ill - tp} negative"),
             "fp": (0.85, 0.33, f"{fp} positive"), "tn": (0.85, 0.07, f"{healthy - fp:,} negative")}
    edges = [("all", "ill", "1%"), ("all", "healthy", "99%"), ("ill", "tp", "99%"), ("ill", "fn", "1%"),
             ("healthy", "fp", "5%"), ("healthy", "tn", "95%")]
    for a, b, label in edges:
        (x0, y0, _), (x1, y1, _) = nodes[a], nodes[b]
        ax1.plot([x0, x1], [y0, y1], color="0.6", lw=1.5, zorder=1)
        ax1.text((x0 + x1) / 2, (y0 + y1) / 2 + 0.03, label, ha="center", fontsize=9, color="0.3")
    colours = {"tp": PALETTE[1], "fp": "0.45"}
    for key, (x, y, text) in nodes.items():
        ax1.text(x, y, text, ha="center", va="center", fontsize=10, bbox=box, zorder=2,
                 color=colours.get(key, "black"), fontweight="bold" if key in colours else "normal")
    ax1.set_xlim(-0.05, 1.02)
    ax1.set_ylim(0, 1)
    ax1.axis("off")
    ax1.set_title(f"P(positive) = {p_pos:.4f}", fontsize=11)

    cols = 30
    rows = math.ceil((tp + fp) / cols)
    for k in range(tp + fp):
        r, c = divmod(k, cols)
        ax2.add_patch(Rectangle((c, rows - 1 - r), 0.85, 0.85, color=PALETTE[1] if k < tp else "0.75", lw=0))
    ax2.set_xlim(-0.5, cols + 0.5)
    ax2.set_ylim(-0.5, rows + 0.5)
    ax2.set_aspect("equal")
    ax2.axis("off")
    ax2.set_title(f"The {tp + fp} positives: {tp} ill (red), {fp} healthy\n"
                  f"P(ill | positive) = {tp}/{tp + fp} = {post:.3f}", fontsize=11)
    return fig
