r"""Graphs as data: a dense adjacency matrix, an adjacency list, and torch.fx computation graphs.

A graph $G = (V, E)$ is stored in one of two ways.

* **Adjacency matrix** (dense, good for small graphs and for GPUs): an $n \times n$ tensor
  with $A_{ij} \ne 0$ exactly when there is an edge $i \to j$, the entry being its weight.
* **Adjacency list** (sparse, good for large graphs): a ``dict`` mapping each node to its
  out-neighbours, either as a list of nodes (unweighted) or as a list of
  ``(neighbour, weight)`` pairs (weighted). An undirected edge is listed in both directions.

An entry of a neighbour list that is itself a node of the graph is an unweighted neighbour;
any other entry must be a ``(neighbour, weight)`` pair. So nodes may be any hashable value,
tuples included.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import torch

from .. import _checks

__all__ = ["adjacency_list_to_matrix", "adjacency_matrix_to_list", "edges", "fx_adjacency"]

AdjacencyList = Mapping[Hashable, Sequence[Any]]


def _check_graph(graph: Any, name: str = "graph") -> None:
    if not isinstance(graph, Mapping):
        raise TypeError(f"{name} must be a dict of node -> list of neighbours, got {type(graph).__name__}")


def _entry(graph: AdjacencyList, u: Hashable, e: Any, name: str = "graph") -> tuple[Hashable, float]:
    """Split one neighbour-list entry of node ``u`` into ``(v, w)``; unweighted entries get w = 1."""
    try:
        if e in graph:
            return e, 1.0
    except TypeError:  # unhashable entry
        pass
    if isinstance(e, tuple) and len(e) == 2:
        v, w = e
        try:
            known = v in graph
        except TypeError:
            known = False
        if not known:
            raise ValueError(f"{name}[{u!r}] lists {v!r}, which is not a node of {name} (nodes are its keys)")
        if isinstance(w, bool) or not isinstance(w, (int, float)) or math.isnan(w):
            raise TypeError(f"{name}: the weight of edge {u!r} -> {v!r} must be a real number, got {w!r}")
        return v, float(w)
    raise ValueError(f"{name}[{u!r}] lists {e!r}, which is neither a node of {name} nor a (neighbour, weight) pair")


def _has_tuple_nodes(graph: AdjacencyList) -> bool:
    """Whether some node is a tuple (then a tuple entry may be a node rather than a pair)."""
    return any(type(k) is tuple for k in graph)


def _explain(graph: AdjacencyList, u: Hashable) -> None:
    """Slow path after a fast loop tripped on ``graph[u]``: raise the precise error for its list."""
    nbrs = graph[u]
    if not isinstance(nbrs, (list, tuple)):
        raise TypeError(f"graph[{u!r}] must be a list of neighbours, got {type(nbrs).__name__}")
    for e in nbrs:
        v, w = _entry(graph, u, e)
        if w < 0:
            raise ValueError(f"edge {u!r} -> {v!r} has negative weight {w}; Dijkstra and A* need weights >= 0 "
                             f"(use Bellman-Ford for negative weights)")
    raise ValueError(f"graph[{u!r}] is malformed: {nbrs!r}")


def _unknown(graph: AdjacencyList, v: Hashable) -> None:
    """Raise the error for a neighbour ``v`` that is not a key of ``graph``, naming a list that holds it."""
    for u, nbrs in graph.items():
        for e in nbrs:
            if e == v or (isinstance(e, tuple) and len(e) == 2 and e[0] == v):
                raise ValueError(f"graph[{u!r}] lists {v!r}, which is not a node of graph (nodes are its keys)")
    raise ValueError(f"{v!r} is not a node of graph")


def edges(graph: AdjacencyList) -> list[tuple[Hashable, Hashable, float]]:
    r"""Every edge of an adjacency list as ``(u, v, w)``, in the order the lists give them.

    Unweighted entries get $w = 1$.

    Parameters
    ----------
    graph : dict
        Adjacency list: node -> list of neighbours or of ``(neighbour, weight)`` pairs.

    Returns
    -------
    list of tuple
        ``(u, v, w)`` for each edge $u \to v$ of weight $w$.

    Raises
    ------
    TypeError
        If ``graph`` is not a mapping, a neighbour list is not a list or tuple, or a weight is
        not a real number.
    ValueError
        If a list names a node that is not a key of ``graph``.

    Examples
    --------
    >>> from aimath_ref.graphs import edges
    >>> edges({"a": [("b", 2.5)], "b": ["a"]})
    [('a', 'b', 2.5), ('b', 'a', 1.0)]
    """
    _check_graph(graph)
    out = []
    for u, nbrs in graph.items():
        if not isinstance(nbrs, (list, tuple)):
            raise TypeError(f"graph[{u!r}] must be a list of neighbours, got {type(nbrs).__name__}")
        for e in nbrs:
            v, w = _entry(graph, u, e)
            out.append((u, v, w))
    return out


def adjacency_matrix_to_list(A: torch.Tensor, nodes: Sequence[Hashable] | None = None,
                             weighted: bool | None = None) -> dict[Hashable, list[Any]]:
    r"""Dense adjacency matrix to adjacency list.

    $$A_{ij} \ne 0 \iff (i, j) \in E,\qquad \mathcal{N}^{+}(i) = \{\, j : A_{ij} \ne 0 \,\}$$

    Parameters
    ----------
    A : torch.Tensor
        Square matrix of shape ``(n, n)``, any real or boolean dtype; row $i$ holds the edges
        leaving node $i$.
    nodes : sequence or None, default None
        Labels of the $n$ nodes (distinct, hashable); ``None`` means ``0, ..., n - 1``.
    weighted : bool or None, default None
        ``True`` gives ``(neighbour, weight)`` pairs, ``False`` plain neighbours; ``None``
        chooses ``True`` when some nonzero entry is not 1.

    Returns
    -------
    dict
        Node -> list of out-neighbours (or pairs), in the order of the columns.

    Raises
    ------
    TypeError
        If ``A`` is not a tensor or ``nodes`` is not a sequence.
    ValueError
        If ``A`` is not square or empty, holds NaN or infinity, or ``nodes`` has the wrong
        length or repeats a label.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.graphs import adjacency_matrix_to_list
    >>> A = torch.tensor([[0, 1, 1], [0, 0, 1], [0, 0, 0]])
    >>> adjacency_matrix_to_list(A, nodes=["x", "y", "z"])
    {'x': ['y', 'z'], 'y': ['z'], 'z': []}
    """
    _checks.tensor(A, "A", floating=False, ndim=2)
    if A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be square, got shape {tuple(A.shape)}")
    if A.is_complex():
        raise TypeError(f"A must be real or boolean, got {A.dtype}")
    n = A.shape[0]
    M = A.detach().to("cpu", torch.float64)
    if not torch.isfinite(M).all():
        raise ValueError("A must be finite, got NaN or infinity")
    labels = list(range(n)) if nodes is None else _labels(nodes, n)
    if weighted is None:
        weighted = bool(((M != 0) & (M != 1)).any())
    elif not isinstance(weighted, bool):
        raise TypeError(f"weighted must be a bool or None, got {weighted!r}")
    out: dict[Hashable, list[Any]] = {}
    for i in range(n):
        cols = torch.nonzero(M[i]).flatten().tolist()
        row = M[i].tolist()
        out[labels[i]] = [(labels[j], row[j]) for j in cols] if weighted else [labels[j] for j in cols]
    return out


def _labels(nodes: Any, n: int) -> list[Hashable]:
    if isinstance(nodes, (str, bytes)) or not isinstance(nodes, Sequence):
        raise TypeError(f"nodes must be a sequence of labels, got {type(nodes).__name__}")
    labels = list(nodes)
    if len(labels) != n:
        raise ValueError(f"nodes must have one label per row of A ({n}), got {len(labels)}")
    if len(set(labels)) != n:
        raise ValueError(f"nodes must be distinct, got {labels!r}")
    return labels


def adjacency_list_to_matrix(graph: AdjacencyList, nodes: Sequence[Hashable] | None = None,
                             dtype: torch.dtype = torch.float32,
                             device: torch.device | str | None = None) -> torch.Tensor:
    r"""Adjacency list to dense adjacency matrix: $A_{ij} = w_{ij}$ for each edge $i \to j$, else 0.

    Parameters
    ----------
    graph : dict
        Adjacency list: node -> list of neighbours or of ``(neighbour, weight)`` pairs.
    nodes : sequence or None, default None
        The order of rows and columns; ``None`` means the order of ``graph``'s keys.
        It must list every node exactly once.
    dtype : torch.dtype, default torch.float32
        Floating dtype of the result.
    device : torch.device, str or None, default None
        Where to create the matrix.

    Returns
    -------
    torch.Tensor
        Shape ``(n, n)``.

    Raises
    ------
    TypeError
        If ``graph`` is not an adjacency list or ``dtype`` is not floating.
    ValueError
        If ``graph`` is empty, an edge is listed twice, a list names an unknown node,
        a weight is 0 or infinite (it would vanish or not fit a dense matrix), or ``nodes``
        is not a permutation of the nodes.

    Examples
    --------
    >>> from aimath_ref.graphs import adjacency_list_to_matrix
    >>> adjacency_list_to_matrix({"a": [("b", 2.0)], "b": ["a"], "c": []}).tolist()
    [[0.0, 2.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    _check_graph(graph)
    if not isinstance(dtype, torch.dtype) or not dtype.is_floating_point:
        raise TypeError(f"dtype must be a floating torch.dtype, got {dtype!r}")
    if len(graph) == 0:
        raise ValueError("graph must have at least one node, got an empty dict")
    order = list(graph) if nodes is None else _labels(nodes, len(graph))
    if set(order) != set(graph):
        raise ValueError(f"nodes must list every node of graph once, got {order!r}")
    index = {v: i for i, v in enumerate(order)}
    A = torch.zeros(len(order), len(order), dtype=torch.float64)
    for u, v, w in edges(graph):
        if w == 0 or math.isinf(w):
            raise ValueError(f"the weight of edge {u!r} -> {v!r} must be finite and nonzero, got {w}")
        if A[index[u], index[v]] != 0:
            raise ValueError(f"edge {u!r} -> {v!r} is listed twice")
        A[index[u], index[v]] = w
    return A.to(device=device, dtype=dtype)


def fx_adjacency(module: torch.nn.Module, *, leaf_modules: Iterable[type] | None = None) -> dict[str, list[str]]:
    r"""The computation graph of a ``torch.nn.Module``, traced by ``torch.fx``, as an adjacency list.

    Each node of the traced graph (an input placeholder, a parameter read, a call of a
    function, method or submodule, the output) becomes a node named as in
    ``torch.fx``; there is an edge $u \to v$ when $v$ uses the value that $u$ produces.
    The result is a DAG: data flows forward only.

    Parameters
    ----------
    module : torch.nn.Module
        The model to trace (symbolically: no data is needed).
    leaf_modules : iterable of type or None, default None
        Submodule classes kept as single nodes; ``None`` keeps ``torch.fx``'s default (the
        built-in ``torch.nn`` layers are leaves).

    Returns
    -------
    dict
        Node name -> names of the nodes that use its value, in ``torch.fx``'s order.

    Raises
    ------
    TypeError
        If ``module`` is not a ``torch.nn.Module``.
    ValueError
        If ``torch.fx`` cannot trace the module (data-dependent control flow).

    References
    ----------
    Reed et al., *torch.fx: Practical Program Capture and Transformation for Deep Learning in
    Python*, MLSys 2022.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.graphs import fx_adjacency
    >>> fx_adjacency(torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU()))
    {'input_1': ['_0'], '_0': ['_1'], '_1': ['output'], 'output': []}
    """
    if not isinstance(module, torch.nn.Module):
        raise TypeError(f"module must be a torch.nn.Module, got {type(module).__name__}")
    from torch import fx

    tracer = fx.Tracer()
    if leaf_modules is not None:
        leaves = tuple(leaf_modules)
        default = tracer.is_leaf_module
        tracer.is_leaf_module = lambda m, qualname: isinstance(m, leaves) or default(m, qualname)  # type: ignore
    try:
        graph = tracer.trace(module)
    except Exception as exc:  # noqa: BLE001 (torch.fx raises TraceError, RuntimeError, TypeError, ... on dynamic code)
        raise ValueError(f"module could not be traced by torch.fx: {exc}") from None
    return {node.name: [user.name for user in node.users] for node in graph.nodes}
