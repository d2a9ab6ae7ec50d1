r"""Weighted shortest paths: Dijkstra's algorithm and A* search, with a binary heap.

Both grow a set of settled nodes in order of distance from the source. Dijkstra settles
every reachable node; A* adds an estimate $h(v)$ of the distance still to go and settles
the most promising node first, so it can stop early at the target.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Hashable
from itertools import count
from typing import Any

from .representation import AdjacencyList, _entry, _explain, _has_tuple_nodes, _unknown
from .traversal import _source

__all__ = ["astar", "dijkstra", "shortest_path"]


def _weighted(graph: AdjacencyList, u: Hashable) -> list[tuple[Hashable, float]]:
    nbrs = graph[u]
    if not isinstance(nbrs, (list, tuple)):
        raise TypeError(f"graph[{u!r}] must be a list of neighbours, got {type(nbrs).__name__}")
    out = []
    for e in nbrs:
        try:
            known = e in graph
        except TypeError:
            known = False
        v, w = (e, 1.0) if known else _entry(graph, u, e)
        if w < 0:
            raise ValueError(f"edge {u!r} -> {v!r} has negative weight {w}; Dijkstra and A* need weights >= 0 "
                             f"(use Bellman-Ford for negative weights)")
        out.append((v, w))
    return out


def dijkstra(graph: AdjacencyList, source: Hashable) -> tuple[dict[Hashable, float], dict[Hashable, Hashable | None]]:
    r"""Dijkstra's algorithm: shortest-path distances and predecessors from ``source``.

    $$d(s) = 0,\qquad d(v) = \min_{u \,:\, u \to v} \big(d(u) + w(u, v)\big)$$

    Greedy: always settle the unsettled node with the smallest tentative distance (kept in a
    binary heap), then relax its out-edges. With weights $w \ge 0$ a settled distance can
    never improve later. Time $O((V + E) \log V)$.

    Parameters
    ----------
    graph : dict
        Adjacency list with ``(neighbour, weight)`` pairs; plain neighbours weigh 1.
    source : hashable
        The start node.

    Returns
    -------
    dist : dict
        Every node reachable from ``source`` -> its distance, in the order nodes are settled
        (equal to ``networkx.single_source_dijkstra_path_length``).
    pred : dict
        Every reachable node -> its predecessor on one shortest path (``None`` for
        ``source``); following ``pred`` back from $v$ spells a shortest path, and the pairs
        ``(pred[v], v)`` form the shortest-path tree.

    Raises
    ------
    TypeError
        If ``graph`` is not an adjacency list or a weight is not a real number.
    ValueError
        If ``source`` is not a node, a list names an unknown node, or an edge reachable from
        ``source`` has a negative weight (the message names the edge).

    References
    ----------
    Dijkstra, *A note on two problems in connexion with graphs*, Numerische Mathematik 1959;
    Cormen, Leiserson, Rivest & Stein, *Introduction to Algorithms*, 3rd ed., §24.3.

    Examples
    --------
    >>> from aimath_ref.graphs import dijkstra
    >>> g = {"a": [("b", 4.0), ("c", 1.0)], "b": [("d", 1.0)], "c": [("b", 2.0), ("d", 5.0)], "d": []}
    >>> dist, pred = dijkstra(g, "a")
    >>> dist
    {'a': 0.0, 'c': 1.0, 'b': 3.0, 'd': 4.0}
    >>> pred
    {'a': None, 'b': 'c', 'c': 'a', 'd': 'b'}
    """
    _source(graph, source)
    tuple_nodes = _has_tuple_nodes(graph)
    dist: dict[Hashable, float] = {}
    best = {source: 0.0}  # tentative distances
    pred: dict[Hashable, Hashable | None] = {source: None}
    tie = count()  # breaks ties between equal distances without comparing nodes
    heap = [(0.0, next(tie), source)]
    push, pop = heapq.heappush, heapq.heappop
    while heap:
        d, _, u = pop(heap)
        if u in dist:
            continue  # a stale heap entry
        dist[u] = d
        try:
            nbrs = graph[u]
        except KeyError:
            _unknown(graph, u)
        if type(nbrs) is not list and type(nbrs) is not tuple:
            _explain(graph, u)
        for e in nbrs:
            if type(e) is tuple and not (tuple_nodes and e in graph):
                try:
                    v, w = e
                    ok = w >= 0  # False for negative weights and NaN
                except (TypeError, ValueError):
                    ok = False
                if not ok:
                    _explain(graph, u)  # raises the precise error (negative weight, bad entry, ...)
            else:
                v, w = e, 1.0
            nd = d + w  # d(u) + w(u, v)
            if v not in dist and (v not in best or nd < best[v]):
                best[v] = nd
                pred[v] = u
                push(heap, (nd, next(tie), v))
    return dist, pred


def shortest_path(pred: dict[Hashable, Hashable | None], target: Hashable) -> list[Hashable]:
    r"""The path from the source to ``target`` spelled by a predecessor map from `dijkstra`.

    Parameters
    ----------
    pred : dict
        Node -> predecessor, ``None`` at the source.
    target : hashable
        A node of ``pred``.

    Returns
    -------
    list
        ``[source, ..., target]``.

    Raises
    ------
    TypeError
        If ``pred`` is not a dict.
    ValueError
        If ``target`` is not in ``pred`` (not reachable) or ``pred`` loops.

    Examples
    --------
    >>> from aimath_ref.graphs import shortest_path
    >>> shortest_path({"a": None, "b": "c", "c": "a", "d": "b"}, "d")
    ['a', 'c', 'b', 'd']
    """
    if not isinstance(pred, dict):
        raise TypeError(f"pred must be a dict of node -> predecessor, got {type(pred).__name__}")
    if target not in pred:
        raise ValueError(f"target {target!r} is not reachable (not a key of pred)")
    path = [target]
    while pred[path[-1]] is not None:
        path.append(pred[path[-1]])
        if len(path) > len(pred) or path[-1] not in pred:
            raise ValueError(f"pred does not lead back to a source from {target!r}")
    return path[::-1]


def astar(graph: AdjacencyList, source: Hashable, target: Hashable,
          heuristic: Callable[[Hashable, Hashable], float] | None = None) -> tuple[list[Hashable], float]:
    r"""A* search: Dijkstra ordered by $f(v) = g(v) + h(v)$, stopping at ``target``.

    $$f(v) = \underbrace{g(v)}_{\text{cost so far}} + \underbrace{h(v, t)}_{\text{estimate to go}}$$

    With a *consistent* heuristic, $h(u) \le w(u, v) + h(v)$ for every edge and $h(t) = 0$
    (which makes it admissible: never more than the true remaining distance), the first
    time the target leaves the heap its cost is optimal; $h \equiv 0$ is Dijkstra. A good
    heuristic settles far fewer nodes. Worst case $O(b^d)$ node expansions for branching
    factor $b$ and solution depth $d$; with a consistent heuristic each node is expanded at
    most once, as in Dijkstra. Among nodes of equal $f$ the one with the smaller $h$ (nearer
    the goal) goes first, which avoids exploring whole plateaus of ties.

    Parameters
    ----------
    graph : dict
        Adjacency list with ``(neighbour, weight)`` pairs; plain neighbours weigh 1.
    source, target : hashable
        Start and goal nodes.
    heuristic : callable or None, default None
        ``heuristic(v, target)`` -> estimated distance from ``v`` to ``target`` (as in
        ``networkx.astar_path``); ``None`` means 0.

    Returns
    -------
    path : list
        ``[source, ..., target]``, a shortest path when the heuristic is consistent.
    cost : float
        Its total weight.

    Raises
    ------
    TypeError
        If ``graph`` is not an adjacency list, ``heuristic`` is not callable or returns a
        non-number.
    ValueError
        If ``source`` or ``target`` is not a node, ``target`` is unreachable, an edge on the
        way has a negative weight, or the heuristic returns a negative or non-finite value.

    References
    ----------
    Hart, Nilsson & Raphael, *A formal basis for the heuristic determination of minimum cost
    paths*, IEEE Trans. SSC 1968; Russell & Norvig, *Artificial Intelligence: A Modern
    Approach*, 4th ed., §3.5.

    Examples
    --------
    >>> from aimath_ref.graphs import astar
    >>> g = {"a": [("b", 4.0), ("c", 1.0)], "b": [("d", 1.0)], "c": [("b", 2.0), ("d", 5.0)], "d": []}
    >>> astar(g, "a", "d")
    (['a', 'c', 'b', 'd'], 4.0)
    """
    _source(graph, source)
    try:
        known = target in graph
    except TypeError:
        known = False
    if not known:
        raise ValueError(f"target must be a node of graph, got {target!r}")
    if heuristic is None:
        def heuristic(v: Any, t: Any) -> float:
            return 0.0
    elif not callable(heuristic):
        raise TypeError(f"heuristic must be callable or None, got {type(heuristic).__name__}")

    def h(v: Hashable) -> float:
        value = heuristic(v, target)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"heuristic({v!r}, {target!r}) must return a real number, got {value!r}")
        if not (0 <= value < math.inf):
            raise ValueError(f"heuristic({v!r}, {target!r}) must be finite and >= 0, got {value}")
        return float(value)

    tie = count()
    g = {source: 0.0}  # g(v): best cost found so far
    pred: dict[Hashable, Hashable | None] = {source: None}
    done: set[Hashable] = set()
    hs = h(source)
    heap = [(hs, hs, next(tie), source)]  # (f, h, tie, node): among equal f, the one nearer the goal first
    while heap:
        _, _, _, u = heapq.heappop(heap)
        if u == target:
            return shortest_path(pred, target), g[target]
        if u in done:
            continue
        done.add(u)
        for v, w in _weighted(graph, u):
            ng = g[u] + w
            if v not in done and (v not in g or ng < g[v]):
                g[v] = ng
                pred[v] = u
                hv = h(v)
                heapq.heappush(heap, (ng + hv, hv, next(tie), v))  # f = g + h
    raise ValueError(f"target {target!r} is not reachable from source {source!r}")
