"""The five learning-rate schedules of a 100-step run with peak rate 0.1, on one plot."""

from aimath_ref.optim import constant, cosine_annealing, linear_warmup_cosine, one_cycle, step_decay
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=9.0, height=3.4)
    steps = list(range(101))
    curves = [("constant", [constant(t, 0.1) for t in steps]),
              ("step decay (×0.1 every 30)", [step_decay(t, 0.1, 30) for t in steps]),
              ("cosine annealing", [cosine_annealing(t, 0.1, 100) for t in steps]),
              ("linear warmup (10) + cosine", [linear_warmup_cosine(t, 0.1, 10, 100) for t in steps]),
              ("one cycle (30% rising)", [one_cycle(t, 0.1, 100) for t in steps])]
    for (label, lrs), color in zip(curves, PALETTE):
        ax.plot(steps, lrs, color=color, linewidth=2, label=label, drawstyle="steps-post" if "step" in label else None)
    ax.set_xlabel("step t")
    ax.set_ylabel("learning rate")
    ax.set_ylim(-0.003, 0.108)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9)
    return fig
