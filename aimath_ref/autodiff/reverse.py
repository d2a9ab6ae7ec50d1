r"""Reverse-mode automatic differentiation: a scalar engine in the style of micrograd.

Every operation on `Value` records a node with its inputs and the local derivative
along each input edge. `Value.backward` visits the nodes in reverse topological order
and applies the chain rule,

$$\bar v_i = \sum_{j\,:\,i \to j} \bar v_j \,\frac{\partial v_j}{\partial v_i},
  \qquad \bar v = \frac{\partial z}{\partial v},$$

so one backward pass from a scalar output $z$ gives its derivative with respect to every node.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from . import _ops

__all__ = ["Value", "reverse_gradient"]


class Value(_ops._Scalar):
    r"""A scalar node of a computation graph, with the gradient that reaches it in the backward pass.

    Supports ``+``, ``-``, ``*``, ``/`` with other values and with numbers (either side),
    ``** p`` and ``c ** x`` for numbers, and the methods ``exp``, ``log``, ``tanh``,
    ``sigmoid``, ``relu``. Each result remembers its inputs and the local derivatives
    $\partial(\text{result})/\partial(\text{input})$, evaluated in the forward pass.

    Parameters
    ----------
    data : float
        The value.
    label : str, default ""
        A name for display (e.g. ``"x"``).

    Attributes
    ----------
    data : float
        The value computed in the forward pass.
    grad : float
        $\partial z/\partial(\text{this node})$, accumulated by `backward` (starts at 0).
    label : str
        Display name.
    op : str
        The operation that produced the node (``""`` for a leaf).

    Raises
    ------
    TypeError
        If ``data`` or an operand is not a number (the message names it), or a ``Value`` is
        mixed with a forward-mode ``Dual``.
    ValueError
        Where torch would answer NaN: ``log`` of a negative value, ``0 / 0``, a negative base
        with a non-integer exponent, or ``c ** x`` with ``c <= 0``. Overflow, ``x ** 0.5`` at
        0, ``a / 0`` and ``log(0)`` give infinities as in torch, and ``0 ** 0`` is 1.

    References
    ----------
    Karpathy, *micrograd* (engine.py); Griewank & Walther, *Evaluating Derivatives*, 2nd ed.,
    Ch. 3–4 (adjoint mode and the cheap gradient principle).

    Examples
    --------
    >>> from aimath_ref.autodiff import Value
    >>> x, w = Value(2.0, "x"), Value(3.0, "w")
    >>> z = w * x ** 2 + 5
    >>> z.backward()
    >>> z.data, x.grad, w.grad
    (17.0, 12.0, 4.0)
    """

    def __init__(self, data: float, label: str = "", *,
                 _parents: tuple[tuple[Value, float], ...] = (), _op: str = "") -> None:
        self.data = _ops.real(data, "data")
        if not isinstance(label, str):
            raise TypeError(f"label must be a str, got {type(label).__name__} {label!r}")
        self.grad = 0.0
        self.label = label
        self.op = _op
        self._parents = _parents  # ((input node, d self / d input), ...)

    @property
    def _primal(self) -> float:  # type: ignore[override]
        return self.data

    @property
    def parents(self) -> list[tuple[Value, float]]:
        """The inputs of this node, each with the local derivative along its edge."""
        return list(self._parents)

    def _lift(self, other: Any, op: str) -> Value:
        if isinstance(other, Value):
            return other
        if isinstance(other, _ops._Scalar):
            raise TypeError(f"cannot combine Value with {type(other).__name__} {other!r} in {op!r}")
        return Value(_ops.real(other, f"the other operand of {op!r}"))  # a constant leaf

    def _unary(self, op: str, value: float, local: float) -> Value:
        return Value(value, _parents=((self, local),), _op=op)

    def _binary(self, op: str, other: Value, value: float, d_self: float, d_other: float) -> Value:
        return Value(value, _parents=((self, d_self), (other, d_other)), _op=op)

    def topological_order(self) -> list[Value]:
        """Every node this one depends on, inputs before the nodes that use them, ending with ``self``.

        Returns
        -------
        list of Value
            A topological order of the graph (depth-first post-order, without recursion).
        """
        order: list[Value] = []
        seen: set[int] = set()
        stack: list[tuple[Value, bool]] = [(self, False)]
        while stack:
            node, finished = stack.pop()
            if finished:
                order.append(node)  # all its inputs are already in `order`
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((parent, False) for parent, _ in reversed(node._parents) if id(parent) not in seen)
        return order

    def backward(self, gradient: float = 1.0) -> None:
        r"""Accumulate $\partial z/\partial v$ into ``v.grad`` for every node $v$ of the graph of $z$ = ``self``.

        The seed $\bar z$ = ``gradient`` (1 for a loss) flows backwards: each node passes
        $\bar v_j\, \partial v_j/\partial v_i$ to each input $v_i$, and inputs used several
        times sum their contributions. Like ``torch.Tensor.backward``, calling it twice adds
        the gradients twice; use `zero_grad` in between.

        Parameters
        ----------
        gradient : float, default 1.0
            $\partial(\text{final loss})/\partial z$.

        Raises
        ------
        TypeError
            If ``gradient`` is not a number.
        """
        seed = _ops.real(gradient, "gradient")
        order = self.topological_order()
        adjoint = {id(node): 0.0 for node in order}  # v-bar for this pass only
        adjoint[id(self)] = seed
        for node in reversed(order):
            g = adjoint[id(node)]
            for parent, local in node._parents:
                adjoint[id(parent)] += g * local  # chain rule along the edge
        for node in order:
            node.grad += adjoint[id(node)]

    def zero_grad(self) -> None:
        """Set ``grad`` to 0 on every node of this node's graph."""
        for node in self.topological_order():
            node.grad = 0.0

    def detach(self) -> Value:
        """A new leaf with the same data and no history: gradients do not flow through it."""
        return Value(self.data, self.label)

    def __repr__(self) -> str:
        return f"Value(data={self.data!r}, grad={self.grad!r})"


def reverse_gradient(f: Callable[..., Value], xs: Sequence[float]) -> tuple[float, list[float]]:
    r"""Gradient of $f:\mathbb R^n \to \mathbb R$ by reverse mode: one forward and one backward pass.

    Parameters
    ----------
    f : callable
        Takes $n$ ``Value`` arguments and returns a ``Value``.
    xs : sequence of float
        The point $x$ (non-empty).

    Returns
    -------
    tuple
        $f(x)$ and $[\partial f/\partial x_1, \dots, \partial f/\partial x_n]$.

    Raises
    ------
    TypeError
        If ``f`` is not callable, an entry of ``xs`` is not a number, or ``f`` does not return a ``Value``.
    ValueError
        If ``xs`` is empty.

    References
    ----------
    Baydin et al. 2018, *Automatic Differentiation in Machine Learning: a Survey*, JMLR 18, §3.2.

    Examples
    --------
    >>> from aimath_ref.autodiff import reverse_gradient
    >>> reverse_gradient(lambda x, w: w * x ** 2 + 5, [2.0, 3.0])
    (17.0, [12.0, 4.0])
    """
    leaves = [Value(v) for v in _ops.point(f, xs)]
    out = f(*leaves)
    if not isinstance(out, Value):
        raise TypeError(f"f must return a Value, got {type(out).__name__} {out!r}")
    out.backward()  # one pass for all n inputs
    return out.data, [leaf.grad for leaf in leaves]
