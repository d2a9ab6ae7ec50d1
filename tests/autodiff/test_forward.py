"""aimath_ref.autodiff.forward: dual numbers against torch.autograd in float64."""

from __future__ import annotations

import math
import random

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.autodiff import Dual, Value, forward_derivative, forward_gradient
from tests.autodiff.expressions import evaluate, random_tree


@pytest.mark.parametrize("seed", range(40))
def test_random_expression_trees_match_torch(seed):
    rng = random.Random(1000 + seed)
    tree = random_tree(rng, n_vars=3, depth=5)
    point = [rng.uniform(-2, 2) for _ in range(3)]
    leaves = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in point]
    out = evaluate(tree, leaves) + 0 * sum(leaves)
    out.backward()
    value, grad = forward_gradient(lambda *xs: evaluate(tree, list(xs)) + 0 * xs[0], point)
    assert value == pytest.approx(out.item(), rel=1e-12, abs=1e-12)
    assert grad == pytest.approx([leaf.grad.item() for leaf in leaves], rel=1e-9, abs=1e-12)


def test_course_example_with_dual_numbers():
    # dz/dx: seed x' = 1, w' = 0; dz/dw: seed x' = 0, w' = 1 (two passes for two inputs)
    dzdx = Dual(3.0, 0.0) * Dual(2.0, 1.0) ** 2 + 5
    dzdw = Dual(3.0, 1.0) * Dual(2.0, 0.0) ** 2 + 5
    t = torch.tensor([2.0, 3.0], dtype=torch.float64, requires_grad=True)
    (t[1] * t[0] ** 2 + 5).backward()
    assert (dzdx.deriv, dzdw.deriv) == tuple(t.grad.tolist()) == (12.0, 4.0)
    assert forward_gradient(lambda x, w: w * x ** 2 + 5, [2.0, 3.0]) == (17.0, [12.0, 4.0])


@settings(max_examples=30, deadline=None)
@given(x=st.floats(-5, 5))
def test_forward_derivative_matches_torch(x):
    value, deriv = forward_derivative(lambda d: d.sigmoid() * (d * d + 1).log() - d.relu() / 3, x)
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    out = t.sigmoid() * (t * t + 1).log() - t.relu() / 3
    out.backward()
    assert value == pytest.approx(out.item(), abs=1e-12)
    assert deriv == pytest.approx(t.grad.item(), rel=1e-9, abs=1e-12)


def test_dual_arithmetic_laws():
    a, b = Dual(1.5, 2.0), Dual(-0.5, 3.0)
    prod = a * b  # (a + a'e)(b + b'e) = ab + (a'b + ab')e
    assert (prod.value, prod.deriv) == (1.5 * -0.5, 2.0 * -0.5 + 1.5 * 3.0)
    quot = a / b
    assert quot.deriv == pytest.approx((2.0 * -0.5 - 1.5 * 3.0) / 0.25)
    power = 2 ** Dual(3.0, 1.0)
    assert (power.value, power.deriv) == pytest.approx((8.0, 8.0 * math.log(2.0)))
    neg = -a
    assert (neg.value, neg.deriv) == (-1.5, -2.0)
    assert repr(Dual(1.0, 2.0)) == "Dual(value=1.0, deriv=2.0)"


def test_bad_inputs_are_rejected():
    with pytest.raises(ValueError, match="log is defined only for non-negative numbers, got -3.0"):
        Dual(-3.0, 1.0).log()
    with pytest.raises(ValueError, match="0 / 0 is undefined"):
        Dual(0.0) / Dual(0.0, 1.0)
    with pytest.raises(TypeError, match="value must be an int or float, got str 'x'"):
        Dual("x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="deriv must be an int or float, got NoneType None"):
        Dual(1.0, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="other operand of '-' must be an int or float, got str 'b'"):
        Dual(1.0) - "b"
    with pytest.raises(TypeError, match="cannot combine Dual with Value"):
        Dual(1.0) * Value(2.0)
    with pytest.raises(TypeError, match="f must return a Dual, got float"):
        forward_derivative(lambda d: 1.0, 0.0)  # type: ignore[arg-type, return-value]
    with pytest.raises(TypeError, match="x must be an int or float, got str"):
        forward_derivative(lambda d: d, "0")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"xs\[1\] must be an int or float, got str 'a'"):
        forward_gradient(lambda a, b: a + b, [1.0, "a"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="xs must be a sequence of numbers, got float 1.0"):
        forward_gradient(lambda a: a, 1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="f must be callable, got int 5"):
        forward_gradient(5, [1.0])  # type: ignore[arg-type]
