"""Measured running times of the complexity table's workloads on a log-log scale, with fitted power laws."""

from pathlib import Path

from aimath_ref.complexity import WORKLOADS, measure_workloads
from figures._style import PALETTE, new_figure

CACHE = Path(__file__).resolve().parents[2] / ".cache" / "complexity"  # shared with the table's build hook

LABELS = {
    "embedding": "embedding lookup (in d)",
    "matmul": "n × n matmul",
    "attention": "self-attention (d = 64)",
    "linear_attention": "linear attention (d = 64)",
    "sort": "sort",
    "topk": "top-k, k = 50",
    "knn": "brute-force k-NN (8 queries)",
}


def figure():
    fig, ax = new_figure(width=8.0, height=4.6)
    fits = measure_workloads(cache_dir=CACHE)
    for (name, fit), color, marker in zip(fits.items(), PALETTE * 2, "osD^vP*"):
        ns, ts = fit.sizes, [1e3 * t for t in fit.seconds]
        ax.plot(ns, ts, marker=marker, ls="none", color=color, ms=5)
        ax.plot(ns, [1e3 * fit.predict(n) for n in ns], color=color, lw=1.4,
                label=f"{LABELS[name]}: {WORKLOADS[name].variable}^{fit.exponent:.2f} ± {fit.spread:.2f}")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("size (n, or d for the lookup)")
    ax.set_ylabel("time per call (ms, one CPU thread)")
    ax.set_title("Measured when this site was built: slope on log-log axes = exponent")
    ax.legend(fontsize=8, loc="upper left", framealpha=0.9)
    return fig
