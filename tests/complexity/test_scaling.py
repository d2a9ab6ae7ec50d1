"""fit_exponent against scipy.stats.linregress; measure_scaling on workloads of known order."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from aimath_ref.complexity import fit_exponent, measure_scaling


def test_fit_matches_linregress_on_noisy_power_law():
    rng = np.random.default_rng(0)
    n = np.array([100, 200, 400, 800, 1600, 3200])
    t = 3e-7 * n ** 1.7 * np.exp(rng.normal(0, 0.05, n.size))
    fit = fit_exponent(n.tolist(), t.tolist())
    ref = stats.linregress(np.log(n), np.log(t))
    assert fit.exponent == pytest.approx(ref.slope, rel=1e-12)
    assert fit.spread == pytest.approx(ref.stderr, rel=1e-10)
    assert fit.intercept == pytest.approx(ref.intercept, rel=1e-10)
    assert fit.predict(800) == pytest.approx(math.exp(ref.intercept) * 800 ** ref.slope, rel=1e-10)


@settings(max_examples=30, deadline=None)
@given(st.floats(-1.0, 4.0), st.floats(1e-9, 1.0))
def test_exact_power_law_is_recovered(alpha, c):
    sizes = [8, 16, 32, 64, 128]
    fit = fit_exponent(sizes, [c * n ** alpha for n in sizes])
    assert fit.exponent == pytest.approx(alpha, abs=1e-9) and fit.spread < 1e-9


def test_two_sizes_give_zero_spread():
    fit = fit_exponent([10, 20], [1.0, 4.0])
    assert fit.exponent == pytest.approx(2.0) and fit.spread == 0.0


def test_measure_scaling_sees_linear_and_quadratic_work():
    lin = measure_scaling(lambda n: sum(range(n)), [100_000, 200_000, 400_000, 800_000], repeats=3)
    quad = measure_scaling(lambda xs: sum(a * b for a in xs for b in xs), [100, 200, 400], repeats=3,
                           setup=lambda n: list(range(n)))
    # wide bounds: the machine running the tests may be busy
    assert 0.6 < lin.exponent < 1.5
    assert 1.5 < quad.exponent < 3.0 and quad.exponent > lin.exponent + 0.5
    assert lin.sizes == (100_000, 200_000, 400_000, 800_000) and all(s > 0 for s in lin.seconds)


def test_bad_input():
    with pytest.raises(ValueError, match="sizes and seconds must have the same length, got 2 and 3"):
        fit_exponent([1, 2], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="at least two distinct values"):
        fit_exponent([5, 5], [1.0, 2.0])
    with pytest.raises(ValueError, match=r"seconds\[i\] must be > 0, got 0.0"):
        fit_exponent([1, 2], [1.0, 0.0])
    with pytest.raises(ValueError, match=r"sizes\[i\] must be finite, got nan"):
        fit_exponent([1, float("nan")], [1.0, 2.0])
    with pytest.raises(TypeError, match="sizes must be a sequence of numbers, got str"):
        fit_exponent("12", [1.0, 2.0])
    with pytest.raises(TypeError, match="fn must be callable, got int"):
        measure_scaling(3, [1, 2])
    with pytest.raises(TypeError, match="setup must be callable or None, got str"):
        measure_scaling(len, [1, 2], setup="x")
    with pytest.raises(ValueError, match="repeats must be >= 1, got 0"):
        measure_scaling(len, [1, 2], repeats=0)
    with pytest.raises(ValueError, match=r"sizes\[i\] must be >= 1, got 0"):
        measure_scaling(len, [0, 2])
    with pytest.raises(TypeError, match=r"sizes\[i\] must be an int, got float 2.5"):
        measure_scaling(len, [1, 2.5])
    with pytest.raises(ValueError, match="at least two distinct values"):
        measure_scaling(len, [3])
    with pytest.raises(ValueError, match="n must be > 0"):
        fit_exponent([1, 2], [1.0, 2.0]).predict(0)
