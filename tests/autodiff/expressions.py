"""Random expression trees (seeded) that evaluate the same way on Value, Dual and torch tensors."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

# Each node is applied with operators and methods that Value, Dual and torch.Tensor all share.
# Domains are kept valid: log and ** 0.5 see 1 + a*a > 0, divisions see 1 + b*b, exp sees tanh(a).
UNARY: dict[str, Callable[[Any], Any]] = {
    "neg": lambda a: -a,
    "exp": lambda a: a.tanh().exp(),
    "log": lambda a: (1 + a * a).log(),
    "tanh": lambda a: a.tanh(),
    "relu": lambda a: a.relu(),
    "sigmoid": lambda a: a.sigmoid(),
    "square": lambda a: a ** 2,
    "cube": lambda a: a ** 3,
    "sqrt": lambda a: (1 + a * a) ** 0.5,
    "rpow": lambda a: 2.0 ** a.tanh(),
}
BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / (1 + b * b),
    "radd": lambda a, b: 1.5 + a,
    "rsub": lambda a, b: 2.0 - b,
    "rmul": lambda a, b: 0.5 * a,
    "rdiv": lambda a, b: 1.0 / (2 + a.tanh()),
}


def random_tree(rng: random.Random, n_vars: int, depth: int) -> Any:
    if depth == 0 or rng.random() < 0.2:
        return ("var", rng.randrange(n_vars))
    if rng.random() < 0.4:
        return (rng.choice(sorted(UNARY)), random_tree(rng, n_vars, depth - 1))
    return (rng.choice(sorted(BINARY)), random_tree(rng, n_vars, depth - 1), random_tree(rng, n_vars, depth - 1))


def evaluate(tree: Any, leaves: list[Any]) -> Any:
    op = tree[0]
    if op == "var":
        return leaves[tree[1]]
    if op in UNARY:
        return UNARY[op](evaluate(tree[1], leaves))
    return BINARY[op](evaluate(tree[1], leaves), evaluate(tree[2], leaves))
