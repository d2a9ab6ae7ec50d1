"""Graphs for machine learning: representations, classic algorithms, message passing, knowledge graphs.

Every name is re-exported here, so ``from aimath_ref.graphs import dijkstra`` works for all of them.
"""

from .catalogue import GNN_VARIANTS, GRAPH_ALGORITHMS
from .examples import benzene, friendships, wx_plus_b
from .gnn import gcn_layer, gcn_normalize, message_passing
from .knowledge import (
    LinkPrediction,
    TripleStore,
    geography_triples,
    link_prediction,
    train_transe,
    transe_score,
)
from .representation import (
    adjacency_list_to_matrix,
    adjacency_matrix_to_list,
    edges,
    fx_adjacency,
)
from .shortest_paths import astar, dijkstra, shortest_path
from .traversal import bfs, dfs, greedy_coloring, topological_sort

__all__ = [
    "GNN_VARIANTS",
    "GRAPH_ALGORITHMS",

    "LinkPrediction",
    "TripleStore",
    "adjacency_list_to_matrix",
    "adjacency_matrix_to_list",
    "astar",
    "benzene",
    "bfs",
    "dfs",
    "dijkstra",
    "edges",
    "friendships",
    "fx_adjacency",
    "gcn_layer",
    "gcn_normalize",
    "geography_triples",
    "greedy_coloring",
    "link_prediction",
    "message_passing",
    "shortest_path",
    "topological_sort",
    "train_transe",
    "transe_score",
    "wx_plus_b",
]
