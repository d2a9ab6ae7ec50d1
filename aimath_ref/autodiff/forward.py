r"""Forward-mode automatic differentiation with dual numbers.

A dual number $a + a'\varepsilon$ with $\varepsilon^2 = 0$ carries a value and a derivative
together. Arithmetic on them is the chain rule: $f(a + a'\varepsilon) = f(a) + f'(a)\,a'\,\varepsilon$.
Seeding the input with $x' = 1$ gives $f'(x)$ in the same pass as $f(x)$; for $n$ inputs
the full gradient needs $n$ passes, one per seed direction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from . import _ops

__all__ = ["Dual", "forward_derivative", "forward_gradient"]


class Dual(_ops._Scalar):
    r"""A dual number $a + a'\varepsilon$: a value and its derivative along one seed direction.

    Rules (with $\varepsilon^2 = 0$): $(a + a'\varepsilon)(b + b'\varepsilon) = ab + (a'b + ab')\varepsilon$,
    and $f(a + a'\varepsilon) = f(a) + f'(a)a'\varepsilon$ for $f \in \{\exp, \ln, \tanh, \sigma,
    \mathrm{relu}, x^p\}$. Supports ``+``, ``-``, ``*``, ``/`` with other duals and with numbers
    (either side), ``** p`` and ``c ** x`` for numbers, and the methods ``exp``, ``log``,
    ``tanh``, ``sigmoid``, ``relu``.

    Parameters
    ----------
    value : float
        The primal value $a$.
    deriv : float, default 0.0
        The tangent $a'$ (1 for the input being differentiated, 0 for constants).

    Attributes
    ----------
    value : float
        $a$.
    deriv : float
        $a'$.

    Raises
    ------
    TypeError
        If ``value``/``deriv`` or an operand is not a number (the message names it), or a
        ``Dual`` is mixed with a reverse-mode ``Value``.
    ValueError
        Where torch would answer NaN: ``log`` of a negative value, ``0 / 0``, a negative base
        with a non-integer exponent, or ``c ** x`` with ``c <= 0``. Overflow, ``x ** 0.5`` at
        0, ``a / 0`` and ``log(0)`` give infinities as in torch, and ``0 ** 0`` is 1.

    References
    ----------
    Griewank & Walther, *Evaluating Derivatives*, 2nd ed., Ch. 3 (tangent mode);
    Baydin et al. 2018, *Automatic Differentiation in Machine Learning: a Survey*, JMLR 18, §3.1.

    Examples
    --------
    >>> from aimath_ref.autodiff import Dual
    >>> x = Dual(2.0, 1.0)  # seed dx/dx = 1
    >>> z = 3 * x ** 2 + 5
    >>> z.value, z.deriv
    (17.0, 12.0)
    """

    __slots__ = ("value", "deriv")

    def __init__(self, value: float, deriv: float = 0.0) -> None:
        self.value = _ops.real(value, "value")
        self.deriv = _ops.real(deriv, "deriv")

    @property
    def _primal(self) -> float:  # type: ignore[override]
        return self.value

    def _lift(self, other: Any, op: str) -> Dual:
        if isinstance(other, Dual):
            return other
        if isinstance(other, _ops._Scalar):
            raise TypeError(f"cannot combine Dual with {type(other).__name__} {other!r} in {op!r}")
        return Dual(_ops.real(other, f"the other operand of {op!r}"))  # a constant: derivative 0

    def _unary(self, op: str, value: float, local: float) -> Dual:
        return Dual(value, _ops._mul(local, self.deriv))  # chain rule: f'(a) a'; a zero tangent stays 0

    def _binary(self, op: str, other: Dual, value: float, d_self: float, d_other: float) -> Dual:
        # a constant (tangent 0) contributes 0 even where its local derivative is infinite
        return Dual(value, _ops._mul(d_self, self.deriv) + _ops._mul(d_other, other.deriv))

    def __repr__(self) -> str:
        return f"Dual(value={self.value!r}, deriv={self.deriv!r})"


def forward_derivative(f: Callable[[Dual], Dual], x: float) -> tuple[float, float]:
    r"""$f(x)$ and $f'(x)$ from one forward pass with the seed $x' = 1$.

    Parameters
    ----------
    f : callable
        Function of one variable written with ``Dual`` arithmetic (operators and methods).
    x : float
        Point of evaluation.

    Returns
    -------
    tuple of float
        $(f(x), f'(x))$.

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``x`` is not a number, or ``f`` does not return a ``Dual``.

    References
    ----------
    Griewank & Walther, *Evaluating Derivatives*, 2nd ed., §3.1.

    Examples
    --------
    >>> from aimath_ref.autodiff import forward_derivative
    >>> forward_derivative(lambda x: x * x.exp(), 0.0)  # (x e^x)' = (1 + x) e^x
    (0.0, 1.0)
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__} {f!r}")
    out = f(Dual(_ops.real(x, "x"), 1.0))
    if not isinstance(out, Dual):
        raise TypeError(f"f must return a Dual, got {type(out).__name__} {out!r}")
    return out.value, out.deriv


def forward_gradient(f: Callable[..., Dual], xs: Sequence[float]) -> tuple[float, list[float]]:
    r"""Gradient of $f:\mathbb R^n \to \mathbb R$ by forward mode: $n$ passes, one seed $e_i$ each.

    $$\frac{\partial f}{\partial x_i} = \text{tangent of } f(x + e_i\varepsilon), \qquad i = 1, \dots, n.$$

    Parameters
    ----------
    f : callable
        Takes $n$ ``Dual`` arguments and returns a ``Dual``.
    xs : sequence of float
        The point $x$ (non-empty).

    Returns
    -------
    tuple
        $f(x)$ and the list $[\partial f/\partial x_1, \dots, \partial f/\partial x_n]$.

    Raises
    ------
    TypeError
        If ``f`` is not callable, an entry of ``xs`` is not a number, or ``f`` does not return a ``Dual``.
    ValueError
        If ``xs`` is empty.

    References
    ----------
    Baydin et al. 2018, *Automatic Differentiation in Machine Learning: a Survey*, JMLR 18, §3.1.

    Examples
    --------
    >>> from aimath_ref.autodiff import forward_gradient
    >>> forward_gradient(lambda x, w: w * x ** 2 + 5, [2.0, 3.0])
    (17.0, [12.0, 4.0])
    """
    point = _ops.point(f, xs)
    value, grad = 0.0, []
    for i in range(len(point)):  # one pass per input
        out = f(*[Dual(v, 1.0 if j == i else 0.0) for j, v in enumerate(point)])
        if not isinstance(out, Dual):
            raise TypeError(f"f must return a Dual, got {type(out).__name__} {out!r}")
        value = out.value
        grad.append(out.deriv)
    return value, grad
