"""aimath_ref.autodiff.reverse: the Value engine against torch.autograd in float64."""

from __future__ import annotations

import random

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.autodiff import Dual, Value, reverse_gradient
from tests.autodiff.expressions import evaluate, random_tree


def _torch_grad(tree, point: list[float]) -> tuple[float, list[float]]:  # type: ignore[no-untyped-def]
    leaves = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in point]
    out = evaluate(tree, leaves) + 0 * sum(leaves)  # keep every leaf in the graph
    out.backward()
    return out.item(), [leaf.grad.item() for leaf in leaves]


@pytest.mark.parametrize("seed", range(40))
def test_random_expression_trees_match_torch(seed):
    rng = random.Random(seed)
    tree = random_tree(rng, n_vars=3, depth=5)
    point = [rng.uniform(-2, 2) for _ in range(3)]
    want_value, want_grad = _torch_grad(tree, point)
    leaves = [Value(v) for v in point]
    out = evaluate(tree, leaves) + 0 * leaves[0]
    out.backward()
    assert out.data == pytest.approx(want_value, rel=1e-12, abs=1e-12)
    assert [leaf.grad for leaf in leaves] == pytest.approx(want_grad, rel=1e-9, abs=1e-12)


def test_course_example_matches_torch():
    x, w = Value(2.0, "x"), Value(3.0, "w")
    z = w * x ** 2 + 5
    z.backward()
    tx = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    tw = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
    (tw * tx ** 2 + 5).backward()
    assert (z.data, x.grad, w.grad) == (17.0, tx.grad.item(), tw.grad.item()) == (17.0, 12.0, 4.0)
    assert reverse_gradient(lambda a, b: b * a ** 2 + 5, [2.0, 3.0]) == (17.0, [12.0, 4.0])


def test_reused_node_sums_its_contributions():
    x = Value(3.0)
    y = x * x + x  # x feeds three edges: dy/dx = 2x + 1
    y.backward()
    assert x.grad == 7.0


def test_backward_twice_accumulates_like_torch_and_zero_grad_resets():
    x = Value(3.0)
    y = x * x
    y.backward()
    y.backward()
    t = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
    (t * t).backward()
    (t * t).backward()
    assert x.grad == t.grad.item() == 12.0
    y.zero_grad()
    assert x.grad == 0.0 and y.grad == 0.0


def test_detach_blocks_the_gradient_like_torch():
    x = Value(3.0)
    (x * x.detach()).backward()
    t = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
    (t * t.detach()).backward()
    assert x.grad == t.grad.item() == 3.0


def test_topological_order_puts_inputs_first():
    x, w = Value(2.0, "x"), Value(3.0, "w")
    z = w * x ** 2 + 5
    order = z.topological_order()
    assert order[-1] is z and len(order) == 6  # x, x**2, w, w*x**2, 5, z
    position = {id(n): i for i, n in enumerate(order)}
    for node in order:
        for parent, _ in node.parents:
            assert position[id(parent)] < position[id(node)]


def test_deep_chain_has_no_recursion_limit():
    x = Value(0.5)
    y = x
    for _ in range(5000):
        y = y * 1.0001
    y.backward()
    assert x.grad == pytest.approx(1.0001 ** 5000)


@settings(max_examples=30, deadline=None)
@given(a=st.floats(-3, 3), b=st.floats(0.1, 3))
def test_forward_and_reverse_modes_agree(a, b):
    f = lambda x, y: (x * y).tanh() + (y.log() - x) ** 2 / y  # noqa: E731
    xv, yv = Value(a), Value(b)
    out = f(xv, yv)
    out.backward()
    dx = f(Dual(a, 1.0), Dual(b, 0.0))
    dy = f(Dual(a, 0.0), Dual(b, 1.0))
    assert out.data == pytest.approx(dx.value)
    assert xv.grad == pytest.approx(dx.deriv, rel=1e-9, abs=1e-12)
    assert yv.grad == pytest.approx(dy.deriv, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("x", [-1000.0, -30.0, 0.0, 30.0, 700.0, 1000.0])
def test_extremes_match_torch(x):
    for name in ("exp", "tanh", "sigmoid", "relu"):
        v = Value(x)
        out = getattr(v, name)()
        out.backward()
        t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
        tout = getattr(t, name)()
        tout.backward()
        assert out.data == pytest.approx(tout.item()), name
        assert v.grad == pytest.approx(t.grad.item()), name


def test_bad_inputs_are_rejected():
    with pytest.raises(ValueError, match="log is defined only for non-negative numbers, got -1.0"):
        Value(-1.0).log()
    with pytest.raises(ValueError, match="0 / 0 is undefined: the numerator and the denominator are 0.0 and 0.0"):
        Value(0.0) / 0
    with pytest.raises(ValueError, match="0 / 0 is undefined"):
        0.0 / Value(0.0)
    with pytest.raises(ValueError, match=r"data must fit in a float, got an int of 401 digits"):
        Value(10 ** 400)
    with pytest.raises(TypeError, match="data must be an int or float, got str 'a'"):
        Value("a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="data must be an int or float, got bool True"):
        Value(True)
    with pytest.raises(TypeError, match="other operand of '\\+' must be an int or float, got str 'a'"):
        Value(1.0) + "a"
    with pytest.raises(TypeError, match="other operand of '\\*' must be an int or float, got list"):
        [1] * Value(1.0)  # type: ignore[operator]
    with pytest.raises(TypeError, match="exponent of Value \\*\\* p must be an int or float, got Value"):
        Value(2.0) ** Value(2.0)
    with pytest.raises(TypeError, match="cannot combine Value with Dual"):
        Value(1.0) + Dual(1.0)
    with pytest.raises(ValueError, match="negative base -2.0 cannot be raised to the non-integer power 0.5"):
        Value(-2.0) ** 0.5
    with pytest.raises(ValueError, match="base of c \\*\\* x must be positive .* got c = 0.0"):
        0.0 ** Value(1.0)  # the endpoint c = 0: ln c is -inf
    with pytest.raises(ValueError, match="base of c \\*\\* x must be positive .* got c = -2.0"):
        (-2.0) ** Value(1.0)
    with pytest.raises(TypeError, match="label must be a str, got int 3"):
        Value(1.0, 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="gradient must be an int or float, got str"):
        Value(1.0).backward("1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="xs must not be empty"):
        reverse_gradient(lambda: Value(1.0), [])
    with pytest.raises(TypeError, match="f must return a Value, got float 1.0"):
        reverse_gradient(lambda x: 1.0, [1.0])  # type: ignore[arg-type, return-value]
