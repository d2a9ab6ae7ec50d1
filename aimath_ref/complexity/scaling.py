r"""Measure how a running time grows: time a workload at several sizes and fit a power law.

If $t(n) \approx c\, n^{\alpha}$ then $\log t = \log c + \alpha \log n$: on a log-log plot the
timings lie on a line whose slope is the exponent $\alpha$. A least-squares fit of that line
gives $\alpha$ and its standard error.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch

from .. import _checks

__all__ = ["ScalingFit", "fit_exponent", "measure_scaling"]


@dataclass(frozen=True)
class ScalingFit:
    r"""A power law $t \approx e^{b}\, n^{\alpha}$ fitted on a log-log scale.

    Attributes
    ----------
    exponent : float
        The slope $\alpha$.
    spread : float
        Standard error of the slope (0 with two sizes: a line through two points is exact).
    intercept : float
        $b = \log c$ (natural logarithm).
    sizes : tuple of int
        The sizes $n$.
    seconds : tuple of float
        The time measured at each size.
    """

    exponent: float
    spread: float
    intercept: float
    sizes: tuple[int, ...]
    seconds: tuple[float, ...]

    def predict(self, n: float) -> float:
        """The fitted time at size ``n``: $e^{b} n^{\\alpha}$."""
        _checks.real(n, "n", positive=True)
        return math.exp(self.intercept) * n ** self.exponent


def fit_exponent(sizes: Sequence[float], seconds: Sequence[float]) -> ScalingFit:
    r"""Least-squares line through $(\log n_i, \log t_i)$: the exponent and its standard error.

    $$\hat\alpha = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}{\sum_i (x_i - \bar x)^2},\qquad
    \operatorname{se}(\hat\alpha) = \sqrt{\frac{\sum_i r_i^2 / (m - 2)}{\sum_i (x_i - \bar x)^2}}$$

    with $x_i = \log n_i$, $y_i = \log t_i$ and residuals $r_i = y_i - \hat b - \hat\alpha x_i$.

    Parameters
    ----------
    sizes : sequence of float
        At least two distinct positive sizes.
    seconds : sequence of float
        One positive time per size.

    Returns
    -------
    ScalingFit

    Raises
    ------
    TypeError
        If an entry is not a real number.
    ValueError
        If the lengths differ, fewer than two sizes are distinct, or an entry is not positive and finite.

    References
    ----------
    Sedgewick & Wayne, *Algorithms*, 4th ed., §1.4 (doubling experiments and log-log plots).

    Examples
    --------
    >>> from aimath_ref.complexity import fit_exponent
    >>> fit = fit_exponent([10, 100, 1000], [2e-6, 2e-4, 2e-2])
    >>> round(fit.exponent, 6), round(fit.spread, 6)
    (2.0, 0.0)
    """
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence):
        raise TypeError(f"sizes must be a sequence of numbers, got {type(sizes).__name__}")
    if isinstance(seconds, (str, bytes)) or not isinstance(seconds, Sequence):
        raise TypeError(f"seconds must be a sequence of numbers, got {type(seconds).__name__}")
    if len(sizes) != len(seconds):
        raise ValueError(f"sizes and seconds must have the same length, got {len(sizes)} and {len(seconds)}")
    ns = [_checks.real(n, "sizes[i]", positive=True) for n in sizes]
    ts = [_checks.real(t, "seconds[i]", positive=True) for t in seconds]
    if len(set(ns)) < 2:
        raise ValueError(f"sizes must hold at least two distinct values, got {list(sizes)}")
    x = [math.log(n) for n in ns]
    y = [math.log(t) for t in ts]
    m = len(x)
    xb, yb = sum(x) / m, sum(y) / m
    sxx = sum((xi - xb) ** 2 for xi in x)
    slope = sum((xi - xb) * (yi - yb) for xi, yi in zip(x, y)) / sxx  # α
    intercept = yb - slope * xb  # b
    rss = sum((yi - intercept - slope * xi) ** 2 for xi, yi in zip(x, y))
    spread = math.sqrt(rss / (m - 2) / sxx) if m > 2 else 0.0  # standard error of α
    return ScalingFit(slope, spread, intercept, tuple(int(n) if float(n).is_integer() else n for n in ns),
                      tuple(ts))


def measure_scaling(fn: Callable[[Any], Any], sizes: Sequence[int], repeats: int = 5,
                    setup: Callable[[int], Any] | None = None) -> ScalingFit:
    r"""Time ``fn`` at each size and fit $t \approx c\, n^{\alpha}$ (see `fit_exponent`).

    Each size is run once untimed (warm-up: caches, allocator, lazy initialisation), then
    ``repeats`` times; the *minimum* is kept, the run least disturbed by other processes.
    When CUDA is available the device is synchronised before the clock stops.

    Parameters
    ----------
    fn : callable
        ``fn(n)``, or ``fn(setup(n))`` when ``setup`` is given; only this call is timed.
    sizes : sequence of int
        At least two distinct sizes >= 1.
    repeats : int, default 5
        Timed runs per size (>= 1).
    setup : callable or None, default None
        ``setup(n)`` builds the input outside the timed region.

    Returns
    -------
    ScalingFit
        The exponent, its standard error, and the timings.

    Raises
    ------
    TypeError
        If ``fn`` or ``setup`` is not callable, or a size or ``repeats`` is not an int.
    ValueError
        If fewer than two distinct sizes are given, a size is < 1, or ``repeats`` < 1.

    References
    ----------
    Sedgewick & Wayne, *Algorithms*, 4th ed., §1.4.

    Examples
    --------
    >>> from aimath_ref.complexity import measure_scaling
    >>> fit = measure_scaling(lambda n: sorted(range(n, 0, -1)), [1000, 2000, 4000], repeats=2)
    >>> fit.sizes, 0.3 < fit.exponent < 2.0
    ((1000, 2000, 4000), True)
    """
    if not callable(fn):
        raise TypeError(f"fn must be callable, got {type(fn).__name__}")
    if setup is not None and not callable(setup):
        raise TypeError(f"setup must be callable or None, got {type(setup).__name__}")
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence):
        raise TypeError(f"sizes must be a sequence of ints, got {type(sizes).__name__}")
    for n in sizes:
        _checks.integer(n, "sizes[i]", minimum=1)
    if len(set(sizes)) < 2:
        raise ValueError(f"sizes must hold at least two distinct values, got {list(sizes)}")
    _checks.integer(repeats, "repeats", minimum=1)
    sync = torch.cuda.synchronize if torch.cuda.is_available() else (lambda: None)
    seconds = []
    for n in sizes:
        arg = setup(n) if setup is not None else n
        fn(arg)  # warm-up
        sync()
        best = math.inf
        for _ in range(repeats):
            start = time.perf_counter()
            fn(arg)
            sync()
            best = min(best, time.perf_counter() - start)
        seconds.append(max(best, 1e-9))  # a clock tick, never 0
    return fit_exponent(list(sizes), seconds)
