"""PyTorch's autograd vocabulary, each entry with the calculus it stands for and a live example.

The examples are computed by running tiny torch programs when the table is rendered, so they
show what the installed torch really does.
"""

from __future__ import annotations

import torch

from ..tables import Row, Table, register
from .reverse import Value

__all__ = ["PYTORCH_AUTOGRAD"]


def _requires_grad() -> str:
    x = torch.tensor(2.0, requires_grad=True)
    y = x ** 2
    return f"`y = x ** 2` records `y.grad_fn = {type(y.grad_fn).__name__}`"


def _backward() -> str:
    x = torch.tensor(2.0, requires_grad=True)
    w = torch.tensor(3.0, requires_grad=True)
    z = w * x ** 2 + 5
    z.backward()
    return f"`(w * x ** 2 + 5).backward()` at $x = 2$, $w = 3$ sets `x.grad = {x.grad.item():g}`, `w.grad = {w.grad.item():g}`"


def _grad() -> str:
    x = torch.tensor(3.0, requires_grad=True)
    (x ** 2).backward()
    first = x.grad.item()
    (x ** 2).backward()  # a second call adds to .grad
    return f"after one `(x ** 2).backward()` at $x = 3$: `{first:g}`; after a second: `{x.grad.item():g}` (it accumulates)"


def _detach() -> str:
    x = torch.tensor(3.0, requires_grad=True)
    (x * x.detach()).backward()  # the detached factor is a constant
    return f"`(x * x.detach()).backward()` at $x = 3$ gives `x.grad = {x.grad.item():g}`, not 6"


def _no_grad() -> str:
    x = torch.tensor(3.0, requires_grad=True)
    with torch.no_grad():
        y = x ** 2
    return f"inside `with torch.no_grad():`, `(x ** 2).requires_grad` is `{y.requires_grad}`"


PYTORCH_AUTOGRAD = register(Table(
    name="pytorch-autograd",
    title="PyTorch autograd concepts",
    caption="PyTorch autograd concepts, the calculus each one stands for, and what it does on a tiny example.",
    columns=("PyTorch concept", "What it does", "Calculus equivalent"),
    chapter="Calculus, Gradients & Automatic Differentiation",
    page="calculus/autodiff.md",
    rows=(
        Row({"PyTorch concept": "`requires_grad=True`",
             "What it does": "Records every operation on the tensor in a graph during the forward pass",
             "Calculus equivalent": "Declares $x$ a variable we will differentiate with respect to"},
            impl=Value, example=_requires_grad),
        Row({"PyTorch concept": "`.backward()`",
             "What it does": "Runs reverse-mode autodiff from a scalar through the recorded graph",
             "Calculus equivalent": "The chain rule applied from the output back to every input"},
            impl=Value.backward, example=_backward),
        Row({"PyTorch concept": "`.grad`",
             "What it does": "Holds the gradient of a leaf tensor; adds to it on every backward call",
             "Calculus equivalent": r"$\partial L/\partial w$ evaluated at the current values"},
            example=_grad),
        Row({"PyTorch concept": "`.detach()`",
             "What it does": "Returns the same values cut off from the graph",
             "Calculus equivalent": "Treats the expression as a constant: derivative $0$"},
            impl=Value.detach, example=_detach),
        Row({"PyTorch concept": "`torch.no_grad()`",
             "What it does": "Turns off graph recording inside its block (inference, weight updates)",
             "Calculus equivalent": "No derivatives needed, so no bookkeeping for them"},
            example=_no_grad),
    ),
))
"""The PyTorch autograd concepts table, each row with an example computed by running torch."""
