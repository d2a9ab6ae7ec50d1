r"""The chapter's reference tables: graph algorithms and GNN variants, each row tied to its code.

The examples run on one small weighted graph, ``a -> b (1), a -> c (4), b -> c (2),
b -> d (5), c -> d (1)``, when the table is rendered.
"""

from __future__ import annotations

from ..tables import CHAPTERS, Row, Table, register
from .gnn import gcn_layer, message_passing
from .shortest_paths import astar, dijkstra
from .traversal import bfs, dfs, greedy_coloring, topological_sort

__all__ = ["GNN_VARIANTS", "GRAPH_ALGORITHMS"]

_G = {"a": [("b", 1.0), ("c", 4.0)], "b": [("c", 2.0), ("d", 5.0)], "c": [("d", 1.0)], "d": []}


def _fmt(d: dict) -> str:  # type: ignore[type-arg]
    return ", ".join(f"{k}: {v:g}" for k, v in d.items())


_ALG = ("Algorithm", "Strategy", "Complexity", "AI application")
GRAPH_ALGORITHMS = register(Table(
    name="graph-algorithms",
    title="Graph algorithms",
    caption="Classic graph algorithms, their running time on a graph with $V$ nodes and $E$ edges, "
            "and where AI uses them; examples computed on a four-node weighted graph.",
    columns=_ALG,
    rows=(
        Row(dict(zip(_ALG, ("BFS", "explore level by level with a FIFO queue", "$O(V + E)$",
                            "unweighted shortest paths, degrees of separation in social networks"))),
            impl=bfs, example=lambda: "hops from a: " + _fmt(bfs(_G, "a"))),
        Row(dict(zip(_ALG, ("DFS", "go deep first, backtrack (a stack)", "$O(V + E)$",
                            "cycle detection, topological order, connected components"))),
            impl=dfs, example=lambda: "preorder: " + " ".join(dfs(_G, "a"))),
        Row(dict(zip(_ALG, ("Dijkstra", "settle the closest node next (binary heap); weights $\\ge 0$",
                            r"$O((V + E) \log V)$", "route planning, robot path planning, network routing"))),
            impl=dijkstra, example=lambda: "distances from a: " + _fmt(dijkstra(_G, "a")[0])),
        Row(dict(zip(_ALG, ("A*", "Dijkstra ordered by cost so far + heuristic estimate",
                            "$O(b^d)$ expansions in the worst case",
                            "game AI, planning agents, maze and map search"))),
            impl=astar, example=lambda: "a to d: " + " → ".join(astar(_G, "a", "d")[0])
            + f" (cost {astar(_G, 'a', 'd')[1]:g})"),
        Row(dict(zip(_ALG, ("Topological sort", "Kahn: repeatedly remove a node with no incoming edge",
                            "$O(V + E)$", "execution order of computation graphs; autograd runs it backwards"))),
            impl=topological_sort, example=lambda: "order: " + " ".join(topological_sort(_G))),
        Row(dict(zip(_ALG, ("Graph colouring", "greedy: smallest colour no neighbour has",
                            "greedy $O(V + E)$ after sorting; fewest colours is NP-hard",
                            "scheduling, register allocation"))),
            impl=greedy_coloring, example=lambda: "colours: " + _fmt(greedy_coloring(_G))),
    ),
    chapter=CHAPTERS[6],
    page="graphs/algorithms.md",
))
"""Graph algorithms: strategy, complexity and AI applications."""

_GNN = ("Variant", "Key idea", "Update", "Application")
GNN_VARIANTS = register(Table(
    name="gnn-variants",
    title="GNN variants",
    caption="Five graph neural network families as instances of message passing.",
    columns=_GNN,
    rows=(
        Row(dict(zip(_GNN, ("GCN", "degree-normalised average over neighbours and self (a first-order spectral filter)",
                            r"$H' = \sigma(\tilde D^{-1/2} \tilde A \tilde D^{-1/2} H W)$",
                            "node classification, citation networks"))),
            impl=gcn_layer),
        Row(dict(zip(_GNN, ("GraphSAGE", "sample a fixed number of neighbours, aggregate, concatenate with self",
                            r"$h_v' = \sigma(W [h_v \,\Vert\, \mathrm{AGG}_{u \in S(v)} h_u])$",
                            "web-scale recommendation (PinSage: 3 billion nodes at Pinterest)"))),
            impl=message_passing),
        Row(dict(zip(_GNN, ("GAT", "learned attention weights on the edges, softmax over each neighbourhood",
                            r"$h_v' = \sigma(\sum_{u} \alpha_{vu} W h_u)$",
                            "graphs where neighbours matter unequally; heterogeneous and knowledge graphs"))),
            impl=message_passing),
        Row(dict(zip(_GNN, ("MPNN", "the general framework: learned message and update functions, edge features",
                            r"$h_v' = U(h_v, \sum_{u} M(h_v, h_u, e_{vu}))$",
                            "molecular property prediction"))),
            impl=message_passing),
        Row(dict(zip(_GNN, ("GIN", "sum aggregation and an MLP: as powerful as the 1-WL isomorphism test",
                            r"$h_v' = \mathrm{MLP}((1 + \epsilon) h_v + \sum_{u} h_u)$",
                            "graph classification, telling graph structures apart"))),
            impl=message_passing),
    ),
    chapter=CHAPTERS[6],
    page="graphs/gnn.md",
))
"""GNN variants as message passing."""
