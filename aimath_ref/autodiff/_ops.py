"""Elementary operations shared by the forward-mode and reverse-mode engines.

Each rule returns the value and the local derivative(s): for ``c = op(a, b)`` that is
``(c, dc/da, dc/db)``. :class:`_Scalar` turns these rules into Python operators; the two
engines differ only in what they do with the local derivatives (carry them forward, or store
them on the graph's edges for the backward pass).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

Number = int | float


def _describe(x: Any) -> str:
    return f"{type(x).__name__} {x!r}"


def real(x: Any, what: str) -> float:
    """``x`` as a float, or ``TypeError`` naming it (bools and non-numbers are refused)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise TypeError(f"{what} must be an int or float, got {_describe(x)}")
    return float(x)


def point(f: Callable[..., Any], xs: Any) -> list[float]:
    """Check the arguments of a gradient helper: ``f`` callable, ``xs`` a non-empty sequence of numbers."""
    if not callable(f):
        raise TypeError(f"f must be callable, got {_describe(f)}")
    if isinstance(xs, (str, bytes)) or not isinstance(xs, Sequence):
        raise TypeError(f"xs must be a sequence of numbers, got {_describe(xs)}")
    values = [real(v, f"xs[{i}]") for i, v in enumerate(xs)]
    if not values:
        raise ValueError("xs must not be empty, got []")
    return values


def add(a: float, b: float) -> tuple[float, float, float]:
    return a + b, 1.0, 1.0


def sub(a: float, b: float) -> tuple[float, float, float]:
    return a - b, 1.0, -1.0


def mul(a: float, b: float) -> tuple[float, float, float]:
    return a * b, b, a  # d(ab)/da = b, d(ab)/db = a


def div(a: float, b: float) -> tuple[float, float, float]:
    if b == 0:
        raise ValueError(f"division by zero: the denominator is {b!r} (numerator {a!r})")
    return a / b, 1.0 / b, -a / (b * b)  # d(a/b)/db = -a/b^2


def power(a: float, p: float) -> tuple[float, float]:
    if a == 0 and p < 0:
        raise ValueError(f"0 cannot be raised to the negative power {p!r}")
    if a < 0 and not float(p).is_integer():
        raise ValueError(f"a negative base {a!r} cannot be raised to the non-integer power {p!r}")
    local = 0.0 if p == 0 else p * a ** (p - 1)  # d(a^p)/da = p a^(p-1)
    return a ** p, local


def rpower(c: float, a: float) -> tuple[float, float]:
    if c <= 0:
        raise ValueError(f"the base of c ** x must be positive to differentiate in x, got c = {c!r}")
    v = c ** a
    return v, v * math.log(c)  # d(c^a)/da = c^a ln c


def exp(a: float) -> tuple[float, float]:
    v = math.exp(a) if a < 709.78 else math.inf  # float64 overflows above ln(max float)
    return v, v


def log(a: float) -> tuple[float, float]:
    if a <= 0:
        raise ValueError(f"log is defined only for positive numbers, got {a!r}")
    return math.log(a), 1.0 / a


def tanh(a: float) -> tuple[float, float]:
    t = math.tanh(a)
    return t, 1.0 - t * t


def sigmoid(a: float) -> tuple[float, float]:
    s = 1.0 / (1.0 + math.exp(-a)) if a >= 0 else math.exp(a) / (1.0 + math.exp(a))  # no overflow
    return s, s * (1.0 - s)


def relu(a: float) -> tuple[float, float]:
    return (a, 1.0) if a > 0 else (0.0, 0.0)  # relu'(0) = 0, as in torch


class _Scalar:
    """Operators for a scalar carrying a value ``_primal``; subclasses say how to combine."""

    _primal: float

    def _lift(self, other: Any, op: str) -> Any:
        raise NotImplementedError

    def _unary(self, op: str, value: float, local: float) -> Any:
        raise NotImplementedError

    def _binary(self, op: str, other: Any, value: float, d_self: float, d_other: float) -> Any:
        raise NotImplementedError

    def _apply(self, op: str, rule: Any, other: Any) -> Any:
        o = self._lift(other, op)
        return self._binary(op, o, *rule(self._primal, o._primal))

    def __add__(self, other: Any) -> Any:
        return self._apply("+", add, other)

    def __radd__(self, other: Any) -> Any:
        return self._lift(other, "+") + self

    def __sub__(self, other: Any) -> Any:
        return self._apply("-", sub, other)

    def __rsub__(self, other: Any) -> Any:
        return self._lift(other, "-") - self

    def __mul__(self, other: Any) -> Any:
        return self._apply("*", mul, other)

    def __rmul__(self, other: Any) -> Any:
        return self._lift(other, "*") * self

    def __truediv__(self, other: Any) -> Any:
        return self._apply("/", div, other)

    def __rtruediv__(self, other: Any) -> Any:
        return self._lift(other, "/") / self

    def __neg__(self) -> Any:
        return self * -1.0

    def __pow__(self, p: Any) -> Any:
        exponent = real(p, f"the exponent of {type(self).__name__} ** p")
        return self._unary(f"**{exponent:g}", *power(self._primal, exponent))

    def __rpow__(self, c: Any) -> Any:
        base = real(c, f"the base of c ** {type(self).__name__}")
        return self._unary(f"{base:g}**", *rpower(base, self._primal))

    def exp(self) -> Any:
        """$e^x$, with derivative $e^x$."""
        return self._unary("exp", *exp(self._primal))

    def log(self) -> Any:
        """$\\ln x$ for $x > 0$, with derivative $1/x$ (``ValueError`` naming $x$ otherwise)."""
        return self._unary("log", *log(self._primal))

    def tanh(self) -> Any:
        """$\\tanh x$, with derivative $1 - \\tanh^2 x$."""
        return self._unary("tanh", *tanh(self._primal))

    def sigmoid(self) -> Any:
        """$\\sigma(x) = 1/(1 + e^{-x})$, with derivative $\\sigma(x)(1 - \\sigma(x))$."""
        return self._unary("sigmoid", *sigmoid(self._primal))

    def relu(self) -> Any:
        """$\\max(0, x)$, with derivative $1$ for $x > 0$ and $0$ otherwise (as in torch)."""
        return self._unary("relu", *relu(self._primal))
