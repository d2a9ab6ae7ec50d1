"""The distributions table: one row per course distribution, each implemented and rendered."""

from __future__ import annotations

from aimath_ref.probability import (
    DISTRIBUTIONS,
    Bernoulli,
    Categorical,
    Gaussian,
    Poisson,
    Uniform,
)
from aimath_ref.tables import get_table


def test_table_is_registered_with_the_course_rows():
    assert get_table("distributions") is DISTRIBUTIONS
    assert [r.cells["Distribution"] for r in DISTRIBUTIONS.rows] == ["Bernoulli", "Categorical", "Gaussian", "Uniform", "Poisson"]
    assert [r.impl for r in DISTRIBUTIONS.rows] == [Bernoulli, Categorical, Gaussian, Uniform, Poisson]
    assert [r.cells["Type"] for r in DISTRIBUTIONS.rows] == ["Discrete", "Discrete", "Continuous", "Continuous", "Discrete"]


def test_table_renders_computed_examples():
    md = DISTRIBUTIONS.to_markdown()
    assert md.count("\n") == 2 + len(DISTRIBUTIONS.rows)
    assert "mean $0.3$, variance $0.21$" in md  # Bernoulli(0.3): p and p(1 - p)
    assert "mean $3$, variance $3$" in md  # Poisson(3)
    assert "[`Gaussian`][aimath_ref.probability.continuous.Gaussian]" in md
