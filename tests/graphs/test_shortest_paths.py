"""dijkstra, shortest_path and astar against NetworkX on random weighted graphs."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from aimath_ref.graphs import astar, dijkstra, shortest_path
from tests.graphs._random import SIZES, random_graph


@pytest.mark.parametrize("n,p", SIZES)
@pytest.mark.parametrize("directed", [True, False])
def test_dijkstra_distances_and_tree_match_networkx(n, p, directed):
    adj, G = random_graph(n, p, seed=n + 4, directed=directed)
    dist, pred = dijkstra(adj, 0)
    want = nx.single_source_dijkstra_path_length(G, 0)
    assert dist.keys() == want.keys()
    for v in want:
        assert dist[v] == pytest.approx(want[v], rel=1e-12)
    assert list(dist.values()) == sorted(dist.values())  # settled in order of distance
    for v, u in pred.items():  # each tree edge is tight: d(v) = d(u) + w(u, v)
        if u is not None:
            assert dist[v] == pytest.approx(dist[u] + G[u][v]["weight"], rel=1e-12)
    for v in list(want)[-3:]:
        path = shortest_path(pred, v)
        assert path[0] == 0 and path[-1] == v
        assert nx.path_weight(G, path, "weight") == pytest.approx(want[v], rel=1e-12)


def test_unweighted_lists_weigh_one():
    dist, _ = dijkstra({"a": ["b"], "b": ["c"], "c": []}, "a")
    assert dist == {"a": 0.0, "b": 1.0, "c": 2.0}


def _grid(n: int, seed: int):
    """A grid with random weights >= 1, so Manhattan distance is a consistent heuristic."""
    rng = random.Random(seed)
    G = nx.grid_2d_graph(n, n)
    for u, v in G.edges:
        G[u][v]["weight"] = round(rng.uniform(1.0, 5.0), 3)
    adj = {u: [(v, G[u][v]["weight"]) for v in G[u]] for u in G}
    return adj, G


@pytest.mark.parametrize("n", [4, 9, 15])
def test_astar_matches_networkx_and_dijkstra(n):
    adj, G = _grid(n, seed=n)
    s, t = (0, 0), (n - 1, n - 1)
    manhattan = lambda a, b: abs(a[0] - b[0]) + abs(a[1] - b[1])
    path, cost = astar(adj, s, t, manhattan)
    assert cost == pytest.approx(nx.astar_path_length(G, s, t, manhattan, weight="weight"), rel=1e-12)
    assert nx.path_weight(G, path, "weight") == pytest.approx(cost, rel=1e-12)
    assert astar(adj, s, t)[1] == pytest.approx(dijkstra(adj, s)[0][t], rel=1e-12)


@pytest.mark.parametrize("n,p", SIZES)
def test_astar_with_zero_heuristic_on_random_graphs(n, p):
    adj, G = random_graph(n, p, seed=n + 5)
    dist, _ = dijkstra(adj, 0)
    for t in list(dist)[-2:]:
        assert astar(adj, 0, t)[1] == pytest.approx(nx.dijkstra_path_length(G, 0, t), rel=1e-12)


def test_negative_edge_is_named():
    with pytest.raises(ValueError, match=r"edge 'b' -> 'c' has negative weight -2.0"):
        dijkstra({"a": [("b", 1.0)], "b": [("c", -2.0)], "c": []}, "a")
    with pytest.raises(ValueError, match=r"edge 'a' -> 'b' has negative weight -1"):
        astar({"a": [("b", -1)], "b": []}, "a", "b")


def test_bad_input():
    g = {"a": [("b", 1.0)], "b": [], "c": []}
    with pytest.raises(ValueError, match="source must be a node of graph, got 'q'"):
        dijkstra(g, "q")
    with pytest.raises(ValueError, match="target must be a node of graph, got 'q'"):
        astar(g, "a", "q")
    with pytest.raises(ValueError, match="target 'c' is not reachable from source 'a'"):
        astar(g, "a", "c")
    with pytest.raises(TypeError, match="heuristic must be callable or None, got int"):
        astar(g, "a", "b", 3)
    with pytest.raises(ValueError, match=r"heuristic\('a', 'b'\) must be finite and >= 0, got -1"):
        astar(g, "a", "b", lambda u, t: -1)
    with pytest.raises(ValueError, match=r"must be finite and >= 0, got inf"):
        astar(g, "a", "b", lambda u, t: math.inf)
    with pytest.raises(TypeError, match=r"must return a real number, got 'far'"):
        astar(g, "a", "b", lambda u, t: "far")
    with pytest.raises(TypeError, match="weight of edge 'a' -> 'b' must be a real number"):
        dijkstra({"a": [("b", None)], "b": []}, "a")
    with pytest.raises(ValueError, match="target 'c' is not reachable"):
        shortest_path({"a": None, "b": "a"}, "c")
    with pytest.raises(TypeError, match="pred must be a dict"):
        shortest_path([("a", None)], "a")
    with pytest.raises(ValueError, match="pred does not lead back"):
        shortest_path({"a": "b", "b": "a"}, "a")
