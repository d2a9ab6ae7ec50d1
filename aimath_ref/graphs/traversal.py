r"""Traversals of an adjacency list: breadth-first, depth-first, topological order, greedy colouring.

All four run in $O(V + E)$ time (colouring adds a sort of the nodes by degree). Graphs are
adjacency lists as described in `aimath_ref.graphs.representation`; weights, where
given, are ignored here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable
from typing import Any

from .representation import (
    AdjacencyList,
    _check_graph,
    _entry,
    _explain,
    _has_tuple_nodes,
    _unknown,
)

__all__ = ["bfs", "dfs", "greedy_coloring", "topological_sort"]


def _neighbours(graph: AdjacencyList, u: Hashable) -> list[Hashable]:
    """The out-neighbours of ``u`` (weights dropped), checking the entries."""
    nbrs = graph[u]
    if not isinstance(nbrs, (list, tuple)):
        raise TypeError(f"graph[{u!r}] must be a list of neighbours, got {type(nbrs).__name__}")
    out = []
    for e in nbrs:
        try:
            known = e in graph
        except TypeError:
            known = False
        out.append(e if known else _entry(graph, u, e)[0])
    return out


def _source(graph: AdjacencyList, source: Any) -> None:
    _check_graph(graph)
    try:
        known = source in graph
    except TypeError:
        known = False
    if not known:
        raise ValueError(f"source must be a node of graph, got {source!r}")


def bfs(graph: AdjacencyList, source: Hashable) -> dict[Hashable, int]:
    r"""Breadth-first search: visit the nodes level by level and return their hop distances.

    $$d(s) = 0,\qquad d(v) = 1 + \min_{u \,:\, u \to v} d(u)$$

    A FIFO queue makes every node at distance $k$ leave the queue before any node at
    distance $k + 1$, so the first visit of a node is along a shortest path (in number of
    edges). Time $O(V + E)$.

    Parameters
    ----------
    graph : dict
        Adjacency list (node -> out-neighbours, or ``(neighbour, weight)`` pairs whose
        weights are ignored).
    source : hashable
        The start node.

    Returns
    -------
    dict
        Every node reachable from ``source`` -> its number of edges from ``source``, in the
        order the search visits them (equal to ``networkx.single_source_shortest_path_length``).

    Raises
    ------
    TypeError
        If ``graph`` is not an adjacency list.
    ValueError
        If ``source`` is not a node or a list names an unknown node.

    References
    ----------
    Cormen, Leiserson, Rivest & Stein, *Introduction to Algorithms*, 3rd ed., §22.2.

    Examples
    --------
    >>> from aimath_ref.graphs import bfs
    >>> bfs({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}, "a")
    {'a': 0, 'b': 1, 'c': 1, 'd': 2}
    """
    _source(graph, source)
    tuple_nodes = _has_tuple_nodes(graph)
    dist = {source: 0}
    queue = deque([source])
    popleft, append = queue.popleft, queue.append
    while queue:
        u = popleft()
        try:
            nbrs = graph[u]
        except KeyError:
            _unknown(graph, u)
        if type(nbrs) is not list and type(nbrs) is not tuple:
            _explain(graph, u)
        du = dist[u] + 1
        for v in nbrs:
            if type(v) is tuple and not (tuple_nodes and v in graph):
                v = v[0]  # a (neighbour, weight) pair; the weight is ignored
            if v not in dist:
                dist[v] = du
                append(v)
    return dist


def dfs(graph: AdjacencyList, source: Hashable | None = None) -> list[Hashable]:
    r"""Depth-first search: go as deep as possible, then backtrack; return the preorder.

    An explicit stack of neighbour iterators replaces recursion, so deep graphs do not hit
    Python's recursion limit. Time $O(V + E)$.

    Parameters
    ----------
    graph : dict
        Adjacency list.
    source : hashable or None, default None
        The start node; ``None`` starts from each unvisited node in the order of the keys
        (a depth-first forest).

    Returns
    -------
    list
        Nodes in the order they are first reached (equal to
        ``networkx.dfs_preorder_nodes`` when neighbours are listed in the same order).

    Raises
    ------
    TypeError
        If ``graph`` is not an adjacency list.
    ValueError
        If ``source`` is not a node or a list names an unknown node.

    References
    ----------
    Cormen, Leiserson, Rivest & Stein, *Introduction to Algorithms*, 3rd ed., §22.3;
    Tarjan, *Depth-first search and linear graph algorithms*, SIAM J. Comput. 1972.

    Examples
    --------
    >>> from aimath_ref.graphs import dfs
    >>> dfs({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}, "a")
    ['a', 'b', 'd', 'c']
    """
    if source is None:
        _check_graph(graph)
        starts: list[Hashable] = list(graph)
    else:
        _source(graph, source)
        starts = [source]
    seen: set[Hashable] = set()
    order: list[Hashable] = []
    for start in starts:
        if start in seen:
            continue
        seen.add(start)
        order.append(start)
        stack = [iter(_neighbours(graph, start))]
        while stack:
            for v in stack[-1]:
                if v not in seen:
                    seen.add(v)
                    order.append(v)
                    stack.append(iter(_neighbours(graph, v)))
                    break
            else:
                stack.pop()  # every neighbour done: backtrack
    return order


def topological_sort(graph: AdjacencyList) -> list[Hashable]:
    r"""Topological order of a DAG by Kahn's algorithm: every edge $u \to v$ has $u$ before $v$.

    Count each node's in-degree; put the nodes with in-degree 0 in a FIFO queue; repeatedly
    take a node from the queue, append it to the order and delete its out-edges, queueing
    any node whose in-degree drops to 0. If nodes are left over, they lie on or behind a
    cycle and no order exists. Time $O(V + E)$.

    Parameters
    ----------
    graph : dict
        Adjacency list of a directed graph.

    Returns
    -------
    list
        All nodes, each before the nodes it points to. Ties are broken by the order of the
        keys, then of the neighbour lists.

    Raises
    ------
    TypeError
        If ``graph`` is not an adjacency list.
    ValueError
        If a list names an unknown node, or the graph has a cycle (the message lists the
        nodes of one cycle, in order, from the one listed first).

    References
    ----------
    Kahn, *Topological sorting of large networks*, Communications of the ACM 5(11), 1962.

    Examples
    --------
    >>> from aimath_ref.graphs import topological_sort
    >>> dag = {"x": ["Wx"], "W": ["Wx"], "Wx": ["Wx+b"], "b": ["Wx+b"], "Wx+b": []}
    >>> topological_sort(dag)
    ['x', 'W', 'b', 'Wx', 'Wx+b']
    """
    _check_graph(graph)
    for u, nbrs in graph.items():
        if type(nbrs) is not list and type(nbrs) is not tuple:
            _explain(graph, u)
    indeg = dict.fromkeys(graph, 0)
    succ: AdjacencyList = graph
    try:
        for nbrs in graph.values():
            for v in nbrs:
                indeg[v] += 1  # in-degree of v
    except (KeyError, TypeError):  # weighted pairs, or a bad entry: take the careful path
        succ = {u: _neighbours(graph, u) for u in graph}  # drops weights; raises on bad entries
        indeg = dict.fromkeys(graph, 0)
        for nbrs in succ.values():
            for v in nbrs:
                indeg[v] += 1
    order = [u for u, d in indeg.items() if d == 0]  # doubles as the FIFO queue: order[i:] is waiting
    append = order.append
    i = 0
    while i < len(order):
        u = order[i]
        i += 1
        for v in succ[u]:
            d = indeg[v] - 1  # delete the edge u -> v
            indeg[v] = d
            if d == 0:
                append(v)
    if len(order) < len(indeg):
        succ = {u: list(nbrs) for u, nbrs in succ.items()}
        cycle = _find_cycle(succ, {u for u, d in indeg.items() if d > 0})
        raise ValueError(f"graph has a cycle, so no topological order exists: "
                         f"{' -> '.join(map(repr, cycle + cycle[:1]))}")
    return order


def _find_cycle(succ: dict[Hashable, list[Hashable]], left: set[Hashable]) -> list[Hashable]:
    """One cycle among the nodes Kahn's algorithm could not remove.

    Each of them still has a predecessor among them, so walking predecessors must repeat a node.
    """
    pred: dict[Hashable, Hashable] = {}
    for u in left:
        for v in succ[u]:
            if v in left:
                pred.setdefault(v, u)
    start = next(u for u in succ if u in left)  # deterministic: first such key
    path: dict[Hashable, int] = {}
    u = start
    while u not in path:
        path[u] = len(path)
        u = pred[u]
    cycle = list(path)[path[u]:][::-1]  # the repeating part, turned to follow the edges
    rank = {v: i for i, v in enumerate(succ)}
    k = min(range(len(cycle)), key=lambda i: rank[cycle[i]])
    return cycle[k:] + cycle[:k]  # start at the node listed first in the graph


def greedy_coloring(graph: AdjacencyList, strategy: str = "largest_first") -> dict[Hashable, int]:
    r"""Greedy graph colouring: give each node the smallest colour no neighbour already has.

    $$c(v) = \min\,\{\, k \ge 0 : k \ne c(u) \text{ for every coloured neighbour } u \,\}$$

    Edges are read as undirected. Finding the fewest colours (the chromatic number) is
    NP-hard, but the greedy colouring never uses more than $\Delta + 1$ colours, $\Delta$
    the largest degree; the visiting order decides how close it gets.

    Parameters
    ----------
    graph : dict
        Adjacency list; an edge listed in one direction only still joins both nodes.
    strategy : {"largest_first", "smallest_last", "given"}, default "largest_first"
        The visiting order: by decreasing degree (ties in key order, as NetworkX's
        ``greedy_color`` default), the smallest-last (degeneracy) order of Matula & Beck,
        which uses at most $1 + $ the graph's degeneracy colours, or the order of the keys.

    Returns
    -------
    dict
        Node -> colour ``0, 1, ...``; adjacent nodes get different colours.

    Raises
    ------
    TypeError
        If ``graph`` is not an adjacency list.
    ValueError
        If ``strategy`` is unknown, a list names an unknown node, or a node has a self-loop
        (it could never be coloured).

    References
    ----------
    Welsh & Powell, *An upper bound for the chromatic number of a graph*, Computer Journal 1967;
    Matula & Beck, *Smallest-last ordering and clustering and graph coloring algorithms*, JACM 1983.

    Examples
    --------
    >>> from aimath_ref.graphs import greedy_coloring
    >>> greedy_coloring({"a": ["b", "c"], "b": ["a", "c"], "c": ["a", "b", "d"], "d": ["c"]})
    {'c': 0, 'a': 1, 'b': 2, 'd': 1}
    """
    _check_graph(graph)
    if strategy not in ("largest_first", "smallest_last", "given"):
        raise ValueError(f"strategy must be one of 'largest_first', 'smallest_last', 'given'; got {strategy!r}")
    adj: dict[Hashable, dict[Hashable, None]] = {u: {} for u in graph}  # ordered neighbour sets
    for u in graph:
        for v in _neighbours(graph, u):
            if v == u:
                raise ValueError(f"graph has a self-loop at {u!r}, which no colouring allows")
            adj[u][v] = None
            adj[v][u] = None
    if strategy == "largest_first":
        order = sorted(adj, key=lambda u: len(adj[u]), reverse=True)  # stable: ties keep key order
    elif strategy == "smallest_last":
        order = _smallest_last(adj)
    else:
        order = list(adj)
    colour: dict[Hashable, int] = {}
    for u in order:
        used = {colour[v] for v in adj[u] if v in colour}
        c = 0
        while c in used:
            c += 1
        colour[u] = c
    return colour


def _smallest_last(adj: dict[Hashable, dict[Hashable, None]]) -> list[Hashable]:
    """Repeatedly remove a node of smallest remaining degree; colour in the reverse order."""
    degree = {u: len(nbrs) for u, nbrs in adj.items()}
    buckets: dict[int, dict[Hashable, None]] = {}
    for u, d in degree.items():
        buckets.setdefault(d, {})[u] = None
    removed: list[Hashable] = []
    gone: set[Hashable] = set()
    low = 0
    for _ in range(len(adj)):
        while not buckets.get(low):
            low += 1
        u = next(iter(buckets[low]))  # first in insertion order: deterministic
        del buckets[low][u]
        gone.add(u)
        removed.append(u)
        for v in adj[u]:
            if v not in gone:
                d = degree[v]
                del buckets[d][v]
                degree[v] = d - 1
                buckets.setdefault(d - 1, {})[v] = None
        low = max(low - 1, 0)
    return removed[::-1]
