r"""Elementary operations shared by the forward-mode and reverse-mode engines.

Each rule returns the value and the local derivative(s): for ``c = op(a, b)`` that is
``(c, dc/da, dc/db)``. `_Scalar` turns these rules into Python operators; the two
engines differ only in what they do with the local derivatives (carry them forward, or store
them on the graph's edges for the backward pass).

Edge cases follow torch on float64 tensors, never Python's ``ZeroDivisionError`` or
``OverflowError``:

* a result or derivative too large for a float is $\pm\infty$ (``Value(1e308) ** 2`` is
  ``inf``, and so is ``exp(1000)``);
* $0^0 = 1$ with derivative $0$ (an exponent of 0 gives the constant 1);
* at $x = 0$, $x^p$ for $0 < p < 1$ has derivative $+\infty$ (``x ** 0.5``), and $x^p$ for
  $p < 0$ is $\pm\infty$ (sign of $0^{-1}$ and of the derivative as torch gives them);
* $a / 0$ for $a \ne 0$ is $\pm\infty$, with derivatives $1/0$ and $-a/0^2$ as infinities;
  $\ln 0 = -\infty$ with derivative $+\infty$.

What torch answers with NaN is refused with a ``ValueError`` naming the value instead:
$0/0$, $\ln x$ for $x < 0$, a negative base with a non-integer exponent, and $c^x$ for
$c \le 0$ (differentiating in $x$ needs $\ln c$).
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
    try:
        return float(x)
    except OverflowError:
        raise ValueError(f"{what} must fit in a float, got an int of {len(str(abs(x)))} digits") from None


def _odd_integer(p: float) -> bool:
    return math.isfinite(p) and float(p).is_integer() and int(p) % 2 == 1


def _pow(a: float, p: float) -> float:
    """``a ** p`` with IEEE results instead of Python's exceptions (``a < 0`` only for integer ``p``)."""
    try:
        return a ** p
    except OverflowError:  # |a|^p too large: the sign is negative only for a < 0 and odd p
        return -math.inf if a < 0 and _odd_integer(p) else math.inf
    except ZeroDivisionError:  # 0 ** negative: +inf, or -inf for -0.0 and an odd exponent
        return -math.inf if math.copysign(1.0, a) < 0 and _odd_integer(p) else math.inf


def _mul(x: float, y: float) -> float:
    return 0.0 if x == 0 or y == 0 else x * y  # a zero factor wins over inf (0 * inf would be nan)


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
        if a == 0:
            raise ValueError(f"0 / 0 is undefined: the numerator and the denominator are {a!r} and {b!r}")
        inv = math.copysign(math.inf, b)  # 1 / (±0) = ±inf, as torch gives
        return _mul(a, inv), inv, -_mul(a, math.inf)  # d(a/b)/db = -a/b^2 = -a * inf
    q = a / b
    try:
        d_b = -a / (b * b)  # d(a/b)/db = -a/b^2
    except ZeroDivisionError:  # b * b underflows to 0
        d_b = -math.copysign(math.inf, a)
    return q, 1.0 / b, d_b


def power(a: float, p: float) -> tuple[float, float]:
    if a < 0 and not float(p).is_integer():
        raise ValueError(f"a negative base {a!r} cannot be raised to the non-integer power {p!r}")
    if p == 0:
        return 1.0, 0.0  # a^0 = 1 for every a, 0^0 included, with derivative 0 (as torch)
    return _pow(a, p), _mul(p, _pow(a, p - 1))  # d(a^p)/da = p a^(p-1): +inf for 0 ** 0.5


def rpower(c: float, a: float) -> tuple[float, float]:
    if c <= 0:
        raise ValueError(f"the base of c ** x must be positive to differentiate in x, got c = {c!r}")
    v = _pow(c, a)
    return v, _mul(v, math.log(c))  # d(c^a)/da = c^a ln c


def exp(a: float) -> tuple[float, float]:
    try:
        v = math.exp(a)
    except OverflowError:  # float64 overflows above ln(max float) = 709.78...
        v = math.inf
    return v, v


def log(a: float) -> tuple[float, float]:
    if a < 0 or a != a:
        raise ValueError(f"log is defined only for non-negative numbers, got {a!r}")
    if a == 0:
        return -math.inf, math.inf  # ln 0 = -inf, d/dx ln x = 1/x = +inf at 0 (as torch)
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
        """$\\ln x$ for $x \\ge 0$, with derivative $1/x$ ($\\ln 0 = -\\infty$; ``ValueError`` naming $x$ for $x < 0$)."""
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
