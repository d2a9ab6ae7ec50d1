"""Every elementary rule of the scalar engines against torch float64, at ordinary points and at the edges.

Forward mode (Dual) and reverse mode (Value) share the rules in ``_ops``, so comparing the two
engines with each other cannot catch a wrong rule; here each rule meets torch directly.
"""

from __future__ import annotations

import math

import pytest
import torch

from aimath_ref.autodiff import Dual, Value

INF = math.inf

# (name, f applied to the variable x, points): the points include each rule's edge cases
UNARY = [
    ("exp", lambda a: a.exp(), [-800.0, -1.5, 0.0, 2.0, 709.0, 710.0, 1000.0]),
    ("log", lambda a: a.log(), [0.0, 1e-300, 0.5, 3.0, 1e300]),
    ("tanh", lambda a: a.tanh(), [-800.0, -0.3, 0.0, 0.7, 25.0]),
    ("sigmoid", lambda a: a.sigmoid(), [-1000.0, -3.0, 0.0, 4.0, 1000.0]),
    ("relu", lambda a: a.relu(), [-2.0, 0.0, 3.0]),
    ("sqrt", lambda a: a ** 0.5, [0.0, 1e-300, 2.0, 1e300]),
    ("pow0", lambda a: a ** 0, [-2.0, 0.0, 3.0]),
    ("pow1", lambda a: a ** 1, [-2.0, 0.0, 3.0]),
    ("square", lambda a: a ** 2, [-3.0, 0.0, 1e154, 1e155, 1e308, -1e308]),
    ("cube", lambda a: a ** 3, [-1e200, -2.0, 0.0, 1.5, 1e200]),
    ("inverse", lambda a: a ** -1, [0.0, -0.0, 1e-320, -2.0, 4.0]),
    ("pow-2", lambda a: a ** -2, [0.0, -0.0, -3.0, 1e-200]),
    ("pow-1.5", lambda a: a ** -1.5, [0.0, 1e-250, 2.0]),
    ("rpow", lambda a: 2.0 ** a, [-2000.0, -1.0, 0.0, 3.0, 1023.0, 1024.0, 2000.0]),
    ("rpow-small", lambda a: 0.5 ** a, [-2000.0, 0.0, 3.0]),
    ("neg", lambda a: -a, [-1.0, 0.0, 2.5]),
    ("rdiv", lambda a: 3.0 / a, [0.0, -0.0, 1e-320, -2.0]),
    ("div-const", lambda a: a / 0.0, [2.0, -2.0]),
    ("rsub", lambda a: 1.0 - a, [0.0, 4.0]),
    ("mul-big", lambda a: a * 1e300, [1e10, -1e10, 0.0]),
]


def _torch(f, x: float) -> tuple[float, float]:
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    y = f(t)
    y.backward()
    return y.item(), t.grad.item()


def _value(f, x: float) -> tuple[float, float]:
    v = Value(x)
    y = f(v)
    y.backward()
    return y.data, v.grad


def _dual(f, x: float) -> tuple[float, float]:
    y = f(Dual(x, 1.0))
    return y.value, y.deriv


def _same(got: float, want: float) -> bool:
    if math.isinf(want) or want == 0:
        return got == want  # infinities and zeros exactly, with their sign for infinities
    return math.isclose(got, want, rel_tol=1e-12)


@pytest.mark.parametrize("engine", [_value, _dual], ids=["reverse", "forward"])
@pytest.mark.parametrize("name,f,points", UNARY, ids=[u[0] for u in UNARY])
def test_unary_rules_match_torch_including_edges(name, f, points, engine):
    for x in points:
        want = _torch(f, x)
        got = engine(f, x)
        assert _same(got[0], want[0]) and _same(got[1], want[1]), (name, x, got, want)


BINARY = [
    ("add", lambda a, b: a + b, [(1.0, 2.0), (1e308, 1e308)]),
    ("sub", lambda a, b: a - b, [(1.0, 2.0), (-1e308, 1e308)]),
    ("mul", lambda a, b: a * b, [(1.5, -2.0), (0.0, 3.0), (1e200, 1e200)]),
    ("div", lambda a, b: a / b, [(3.0, 2.0), (1.0, 0.0), (-1.0, 0.0), (1.0, -0.0), (2.0, 1e-200), (0.0, 5.0)]),
    ("pow-self", lambda a, b: a * b ** 2, [(2.0, 0.0), (1e300, 1e10)]),
]


@pytest.mark.parametrize("name,f,points", BINARY, ids=[b[0] for b in BINARY])
def test_binary_rules_match_torch_in_both_arguments(name, f, points):
    for xa, xb in points:
        ta = torch.tensor(xa, dtype=torch.float64, requires_grad=True)
        tb = torch.tensor(xb, dtype=torch.float64, requires_grad=True)
        ty = f(ta, tb)
        ty.backward()
        va, vb = Value(xa), Value(xb)
        vy = f(va, vb)
        vy.backward()
        assert _same(vy.data, ty.item()), (name, xa, xb)
        assert _same(va.grad, ta.grad.item()) and _same(vb.grad, tb.grad.item()), (name, xa, xb, va.grad, vb.grad)
        # forward mode, seeding each argument in turn
        da = f(Dual(xa, 1.0), Dual(xb, 0.0))
        db = f(Dual(xa, 0.0), Dual(xb, 1.0))
        assert _same(da.deriv, ta.grad.item()) and _same(db.deriv, tb.grad.item()), (name, xa, xb)


def test_zero_to_the_zero_is_one_with_zero_derivative():
    assert _value(lambda a: a ** 0, 0.0) == _torch(lambda a: a ** 0, 0.0) == (1.0, 0.0)
    assert _dual(lambda a: a ** 0.0, 0.0) == (1.0, 0.0)
    assert (Value(0.0) ** 0).data == 0.0 ** 0 == 1.0


def test_nothing_raises_python_arithmetic_errors():
    # the cases that used to escape as ZeroDivisionError / OverflowError
    for make in (lambda: Value(0.0) ** 0.5, lambda: Value(1e308) ** 2, lambda: Value(0.0) ** -1,
                 lambda: Value(1.0) / 0, lambda: 10.0 ** Value(400.0), lambda: Dual(1e308, 1.0) ** 2,
                 lambda: Dual(0.0, 1.0) ** 0.5, lambda: Value(0.0).log()):
        out = make()
        if isinstance(out, Value):
            out.backward()


@pytest.mark.parametrize("make,match", [
    (lambda: Value(-2.0) ** 0.5, r"negative base -2.0 cannot be raised to the non-integer power 0.5"),
    (lambda: Value(-1e-300).log(), r"log is defined only for non-negative numbers, got -1e-300"),
    (lambda: Value(0.0) / Value(0.0), r"0 / 0 is undefined"),
    (lambda: (-1.0) ** Value(2.0), r"base of c \*\* x must be positive .* got c = -1.0"),
    (lambda: Dual(float("nan")).log(), r"log is defined only for non-negative numbers, got nan"),
])
def test_what_torch_answers_with_nan_is_refused(make, match):
    with pytest.raises(ValueError, match=match):
        make()


def test_negative_base_with_an_integer_exponent_is_allowed():
    assert _value(lambda a: a ** 3, -2.0) == _torch(lambda a: a ** 3, -2.0) == (-8.0, 12.0)
    assert _value(lambda a: a ** -1, -2.0) == _torch(lambda a: a ** -1, -2.0)
