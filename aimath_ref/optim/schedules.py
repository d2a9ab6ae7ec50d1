"""Learning-rate schedules as plain functions of the step number.

``torch.optim.lr_scheduler`` changes an optimiser's learning rate as a side effect of
``scheduler.step()``; here each schedule is a function ``f(step, ...) -> lr`` in closed form,
so it can be plotted, tabulated and tested against the scheduler step by step.
"""

from __future__ import annotations

import math

from .. import _checks
from ..tables import CHAPTERS, Row, Table, register

__all__ = ["constant", "step_decay", "cosine_annealing", "linear_warmup_cosine", "one_cycle", "SCHEDULES"]


def _step(step: int) -> int:
    return _checks.integer(step, "step", minimum=0)


def constant(step: int, lr: float) -> float:
    r"""The same learning rate at every step, $\alpha_t = \alpha$.

    Parameters
    ----------
    step : int
        $t \ge 0$.
    lr : float
        $\alpha \ge 0$.

    Returns
    -------
    float
        $\alpha$.

    Raises
    ------
    TypeError
        If ``step`` is not an int or ``lr`` not a real number.
    ValueError
        If ``step`` or ``lr`` is negative.

    References
    ----------
    PyTorch docs, ``torch.optim.lr_scheduler.LambdaLR`` (with a factor of 1 it leaves the rate alone).

    Examples
    --------
    >>> constant(0, 0.1), constant(1000, 0.1)
    (0.1, 0.1)
    """
    _step(step)
    return _checks.real(lr, "lr", nonnegative=True)


def step_decay(step: int, lr: float, step_size: int, gamma: float = 0.1) -> float:
    r"""Multiply the learning rate by $\gamma$ every ``step_size`` steps (``StepLR``).

    $$
    \alpha_t = \alpha_0\, \gamma^{\lfloor t / s \rfloor} .
    $$

    The classic ResNet recipe is $\gamma = 0.1$ with $s = 30$ epochs: 0.1, then 0.01 from
    epoch 30, 0.001 from epoch 60.

    Parameters
    ----------
    step : int
        $t \ge 0$ (steps or epochs, whichever the scheduler is stepped by).
    lr : float
        $\alpha_0 \ge 0$.
    step_size : int
        $s \ge 1$.
    gamma : float
        $\gamma \ge 0$.

    Returns
    -------
    float
        $\alpha_t$.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If ``step`` or ``lr`` is negative, ``step_size < 1`` or ``gamma < 0``.

    References
    ----------
    He, Zhang, Ren & Sun 2016, *Deep Residual Learning for Image Recognition* (CVPR), §3.4;
    PyTorch docs, ``torch.optim.lr_scheduler.StepLR``.

    Examples
    --------
    >>> [round(step_decay(t, 0.1, step_size=30), 6) for t in (0, 29, 30, 60)]
    [0.1, 0.1, 0.01, 0.001]
    """
    step = _step(step)
    lr = _checks.real(lr, "lr", nonnegative=True)
    step_size = _checks.integer(step_size, "step_size", minimum=1)
    gamma = _checks.real(gamma, "gamma", nonnegative=True)
    return lr * gamma ** (step // step_size)  # α_0 γ^⌊t/s⌋


def cosine_annealing(step: int, lr: float, T_max: int, eta_min: float = 0.0) -> float:
    r"""Half a cosine from ``lr`` down to ``eta_min`` over ``T_max`` steps (``CosineAnnealingLR``).

    $$
    \alpha_t = \alpha_{\min} + \tfrac12 (\alpha_{\max} - \alpha_{\min}) \Big(1 + \cos\frac{\pi t}{T}\Big) .
    $$

    Past $T$ the cosine continues and the rate climbs back, as PyTorch's scheduler does if it
    is stepped beyond ``T_max``.

    Parameters
    ----------
    step : int
        $t \ge 0$.
    lr : float
        $\alpha_{\max} \ge 0$, the rate at $t = 0$.
    T_max : int
        $T \ge 1$, the step at which the rate reaches $\alpha_{\min}$.
    eta_min : float
        $\alpha_{\min} \ge 0$.

    Returns
    -------
    float
        $\alpha_t$.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If ``step``, ``lr`` or ``eta_min`` is negative or ``T_max < 1``.

    References
    ----------
    Loshchilov & Hutter 2017, *SGDR: Stochastic Gradient Descent with Warm Restarts* (ICLR),
    eq. 5; PyTorch docs, ``torch.optim.lr_scheduler.CosineAnnealingLR``.

    Examples
    --------
    >>> [round(cosine_annealing(t, 0.1, T_max=100), 6) for t in (0, 50, 100)]
    [0.1, 0.05, 0.0]
    """
    step = _step(step)
    lr = _checks.real(lr, "lr", nonnegative=True)
    T_max = _checks.integer(T_max, "T_max", minimum=1)
    eta_min = _checks.real(eta_min, "eta_min", nonnegative=True)
    return eta_min + 0.5 * (lr - eta_min) * (1 + math.cos(math.pi * step / T_max))


def linear_warmup_cosine(step: int, lr: float, warmup_steps: int, total_steps: int, start_factor: float = 0.01,
                         eta_min: float = 0.0) -> float:
    r"""Linear warmup to ``lr`` over ``warmup_steps``, then cosine annealing to ``eta_min``.

    With warmup length $W$, run length $T$ and starting factor $f_0$:

    $$
    \alpha_t = \begin{cases}
    \alpha \big(f_0 + (1 - f_0)\, t / W\big) & t < W, \\
    \alpha_{\min} + \tfrac12 (\alpha - \alpha_{\min}) \Big(1 + \cos\dfrac{\pi (t - W)}{T - W}\Big) & t \ge W .
    \end{cases}
    $$

    This is PyTorch's ``SequentialLR`` of ``LinearLR(start_factor, total_iters=W)`` and
    ``CosineAnnealingLR(T_max=T - W, eta_min)`` with the milestone at $W$.

    Parameters
    ----------
    step : int
        $t \ge 0$.
    lr : float
        Peak rate $\alpha \ge 0$.
    warmup_steps : int
        $W \ge 1$, shorter than the run.
    total_steps : int
        $T > W$, the step at which the rate reaches ``eta_min``.
    start_factor : float
        $f_0 \in (0, 1]$: the warmup starts at $f_0 \alpha$.
    eta_min : float
        $\alpha_{\min} \ge 0$.

    Returns
    -------
    float
        $\alpha_t$.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If ``step``, ``lr`` or ``eta_min`` is negative, ``warmup_steps < 1``,
        ``warmup_steps >= total_steps`` (a warmup as long as the run), or ``start_factor``
        is outside $(0, 1]$.

    References
    ----------
    Goyal et al. 2017, *Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour* (gradual
    warmup); Loshchilov & Hutter 2017 (cosine); PyTorch docs, ``torch.optim.lr_scheduler.SequentialLR``.

    Examples
    --------
    >>> [round(linear_warmup_cosine(t, 0.1, warmup_steps=10, total_steps=110), 6) for t in (0, 5, 10, 60, 110)]
    [0.001, 0.0505, 0.1, 0.05, 0.0]
    """
    step = _step(step)
    lr = _checks.real(lr, "lr", nonnegative=True)
    warmup_steps = _checks.integer(warmup_steps, "warmup_steps", minimum=1)
    total_steps = _checks.integer(total_steps, "total_steps", minimum=1)
    if warmup_steps >= total_steps:
        raise ValueError(f"warmup_steps must be shorter than the run (total_steps={total_steps}), "
                         f"got {warmup_steps}")
    start_factor = _checks.real(start_factor, "start_factor", low=0.0, high=1.0, low_open=True)
    eta_min = _checks.real(eta_min, "eta_min", nonnegative=True)
    if step < warmup_steps:
        return lr * (start_factor + (1.0 - start_factor) * step / warmup_steps)  # linear ramp
    return cosine_annealing(step - warmup_steps, lr, total_steps - warmup_steps, eta_min)


def one_cycle(step: int, max_lr: float, total_steps: int, pct_start: float = 0.3, anneal_strategy: str = "cos",
              div_factor: float = 25.0, final_div_factor: float = 1e4) -> float:
    r"""The one-cycle policy: up from ``max_lr / div_factor`` to ``max_lr``, then far below the start.

    With $\alpha_0 = \alpha_{\max} / d$, $\alpha_{\text{end}} = \alpha_0 / d_f$ and the peak at
    step $P = p\,T - 1$, each phase anneals between its two ends with
    $a(u, v, x) = v + \tfrac12 (u - v)(1 + \cos \pi x)$ (or linearly):

    $$
    \alpha_t = \begin{cases}
    a\big(\alpha_0, \alpha_{\max}, t / P\big) & t \le P, \\
    a\big(\alpha_{\max}, \alpha_{\text{end}}, (t - P) / (T - 1 - P)\big) & t > P .
    \end{cases}
    $$

    ``torch.optim.lr_scheduler.OneCycleLR`` also cycles the momentum the other way (high when
    the rate is low); that part acts on the optimiser and is not a learning rate.

    Parameters
    ----------
    step : int
        $t \in [0, T]$ (PyTorch allows the call after the last step too).
    max_lr : float
        $\alpha_{\max} \ge 0$.
    total_steps : int
        $T \ge 2$.
    pct_start : float
        $p \in (0, 1)$, the fraction of the run spent rising; $p\,T$ must exceed 1.
    anneal_strategy : {"cos", "linear"}
        Shape of both phases.
    div_factor, final_div_factor : float
        $d > 0$ and $d_f > 0$.

    Returns
    -------
    float
        $\alpha_t$.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If ``step`` is negative or past ``total_steps``, ``pct_start * total_steps <= 1``, or
        another argument is out of range.

    References
    ----------
    Smith & Topin 2019, *Super-Convergence: Very Fast Training of Neural Networks Using Large
    Learning Rates* (SPIE); PyTorch docs, ``torch.optim.lr_scheduler.OneCycleLR``.

    Examples
    --------
    >>> [round(one_cycle(t, 0.1, total_steps=100), 6) for t in (0, 29, 99)]
    [0.004, 0.1, 0.0]
    """
    step = _step(step)
    max_lr = _checks.real(max_lr, "max_lr", nonnegative=True)
    total_steps = _checks.integer(total_steps, "total_steps", minimum=2)
    if step > total_steps:
        raise ValueError(f"step must be <= total_steps={total_steps}, got {step}")
    pct_start = _checks.real(pct_start, "pct_start", low=0.0, high=1.0, low_open=True, high_open=True)
    if pct_start * total_steps <= 1:
        raise ValueError(f"pct_start * total_steps must be > 1 (a warm-up of at least one step), "
                         f"got pct_start={pct_start} with total_steps={total_steps}")
    anneal_strategy = _checks.choice(anneal_strategy, "anneal_strategy", ("cos", "linear"))
    div_factor = _checks.real(div_factor, "div_factor", positive=True)
    final_div_factor = _checks.real(final_div_factor, "final_div_factor", positive=True)
    initial_lr = max_lr / div_factor  # α_0
    min_lr = initial_lr / final_div_factor  # α_end
    peak = float(pct_start * total_steps) - 1  # P

    def anneal(start: float, end: float, pct: float) -> float:
        if anneal_strategy == "cos":
            return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)
        return (end - start) * pct + start

    if step <= peak:
        return anneal(initial_lr, max_lr, step / peak)
    return anneal(max_lr, min_lr, (step - peak) / (total_steps - 1 - peak))


_LR, _RUN, _WARM = 0.1, 100, 10  # the run used for the table's examples
_AT = (0, 10, 30, 50, 99)


def _example(f) -> str:
    return "steps " + ", ".join(map(str, _AT)) + ": " + ", ".join(f"{f(t):.3g}" for t in _AT)


SCHEDULES = register(Table(
    name="schedules",
    title="Learning-rate schedules",
    caption="Common learning-rate schedules, their formula, where they are used, and the rate each "
            "gives at a few steps of a 100-step run with peak rate 0.1 (warmup: 10 steps).",
    columns=("Schedule", "Rate at step t", "When used"),
    chapter=CHAPTERS[5],
    page="optimisation/schedules.md",
    rows=(
        Row({"Schedule": "Constant (no scheduler)", "Rate at step t": r"$\alpha$",
             "When used": "short runs, fine-tuning sweeps, baselines",},
            impl=constant, example=lambda: _example(lambda t: constant(t, _LR))),
        Row({"Schedule": "Step decay (`StepLR`)", "Rate at step t": r"$\alpha\,\gamma^{\lfloor t/s \rfloor}$",
             "When used": r"ResNet-style CNN training ($\div 10$ at epochs 30, 60)",},
            impl=step_decay, example=lambda: _example(lambda t: step_decay(t, _LR, step_size=30))),
        Row({"Schedule": "Cosine annealing (`CosineAnnealingLR`)",
             "Rate at step t": r"$\alpha_{\min} + \frac12(\alpha - \alpha_{\min})(1 + \cos \frac{\pi t}{T})$",
             "When used": "vision and language models trained for a fixed budget",},
            impl=cosine_annealing, example=lambda: _example(lambda t: cosine_annealing(t, _LR, _RUN))),
        Row({"Schedule": "Linear warmup + cosine (`SequentialLR`)",
             "Rate at step t": r"linear ramp to $\alpha$ over $W$ steps, then cosine over $T - W$",
             "When used": "the usual choice for Transformers trained from scratch (not the only one)",},
            impl=linear_warmup_cosine,
            example=lambda: _example(lambda t: linear_warmup_cosine(t, _LR, _WARM, _RUN))),
        Row({"Schedule": "One cycle (`OneCycleLR`)",
             "Rate at step t": r"up from $\alpha/d$ to $\alpha$ over $pT$ steps, then down to $\alpha/(d\,d_f)$",
             "When used": "fast training of CNNs with SGD (super-convergence)",},
            impl=one_cycle, example=lambda: _example(lambda t: one_cycle(t, _LR, _RUN))),
    ),
))
"""The learning-rate schedule table, each row with its rate at steps 0, 10, 30, 50 and 99 of a 100-step run."""
