"""bfs, dfs, topological_sort and greedy_coloring against NetworkX on random graphs."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.graphs import bfs, dfs, greedy_coloring, topological_sort
from tests.graphs._random import SIZES, random_dag, random_graph


@pytest.mark.parametrize("n,p", SIZES)
@pytest.mark.parametrize("directed", [True, False])
def test_bfs_distances_and_order_match_networkx(n, p, directed):
    adj, G = random_graph(n, p, seed=n + 1, directed=directed)
    got = bfs(adj, 0)
    assert got == nx.single_source_shortest_path_length(G, 0)
    assert list(got.values()) == sorted(got.values())  # level by level
    unweighted = {u: [v for v, _ in nbrs] for u, nbrs in adj.items()}
    assert bfs(unweighted, 0) == got


@pytest.mark.parametrize("n,p", SIZES)
def test_dfs_preorder_matches_networkx(n, p):
    adj, G = random_graph(n, p, seed=n + 2, directed=True, weighted=False)
    assert dfs(adj, 0) == list(nx.dfs_preorder_nodes(G, 0))
    assert dfs(adj) == list(nx.dfs_preorder_nodes(G))  # whole forest, starts in node order


def test_dfs_is_deep_without_recursion():
    chain = {i: [i + 1] for i in range(5000)} | {5000: []}
    assert dfs(chain, 0) == list(range(5001))


def test_course_example_topological_sort():
    dag = {"x": ["Wx"], "W": ["Wx"], "Wx": ["Wx+b"], "b": ["Wx+b"], "Wx+b": []}
    assert topological_sort(dag) == ["x", "W", "b", "Wx", "Wx+b"]


@pytest.mark.parametrize("n,p", SIZES)
def test_topological_sort_is_valid_on_random_dags(n, p):
    dag = random_dag(n, p, seed=n)
    order = topological_sort(dag)
    G = nx.DiGraph([(u, v) for u in dag for v in dag[u]])
    G.add_nodes_from(dag)
    assert sorted(order) == sorted(dag)
    pos = {v: i for i, v in enumerate(order)}
    assert all(pos[u] < pos[v] for u, v in G.edges)
    assert set(nx.topological_generations(G).__iter__().__next__()) <= set(order[:len(dag)])


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 25), st.floats(0.05, 0.6), st.integers(0, 10_000))
def test_topological_order_respects_every_edge(n, p, seed):
    dag = random_dag(n, p, seed)
    pos = {v: i for i, v in enumerate(topological_sort(dag))}
    assert len(pos) == n and all(pos[u] < pos[v] for u in dag for v in dag[u])


@pytest.mark.parametrize("graph,cycle", [
    ({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}, "'a' -> 'b' -> 'c' -> 'a'"),
    ({"a": ["a"]}, "'a' -> 'a'"),
    ({"x": ["y"], "y": ["z", "x"], "z": []}, "'x' -> 'y' -> 'x'"),
])
def test_cycle_is_named(graph, cycle):
    with pytest.raises(ValueError, match=f"graph has a cycle, so no topological order exists: {cycle}"):
        topological_sort(graph)


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 20), st.integers(0, 10_000))
def test_named_cycle_is_a_real_cycle(n, seed):
    dag = random_dag(n, 0.3, seed)
    order = topological_sort(dag)
    dag[order[-1]].append(order[0])  # close a loop through the whole order if a path exists
    G = nx.DiGraph([(u, v) for u in dag for v in dag[u]])
    G.add_nodes_from(dag)
    if nx.is_directed_acyclic_graph(G):
        assert len(topological_sort(dag)) == n
        return
    with pytest.raises(ValueError) as info:
        topological_sort(dag)
    names = [int(s) for s in str(info.value).split(": ")[1].split(" -> ")]
    assert names[0] == names[-1] and len(set(names[:-1])) == len(names) - 1
    assert all(b in dag[a] for a, b in itertools.pairwise(names))


def _valid(adj, colour):
    return all(colour[u] != colour[v] for u in adj for v in adj[u])


@pytest.mark.parametrize("n,p", SIZES)
def test_greedy_coloring_matches_networkx_colour_count(n, p):
    adj, G = random_graph(n, p, seed=n + 3, directed=False, weighted=False)
    lf = greedy_coloring(adj)
    assert _valid(adj, lf)
    assert lf == nx.greedy_color(G, "largest_first")  # same order, same colours
    given_order = greedy_coloring(adj, strategy="given")
    assert _valid(adj, given_order)
    assert max(given_order.values()) == max(nx.greedy_color(G, lambda g, c: list(g)).values())
    sl = greedy_coloring(adj, strategy="smallest_last")
    assert _valid(adj, sl)
    degeneracy = max(nx.core_number(G).values())
    assert max(sl.values()) + 1 <= degeneracy + 1  # Matula & Beck's bound
    assert max(lf.values()) <= max(d for _, d in G.degree())  # Δ + 1 colours at most


def test_traversals_reject_bad_input():
    with pytest.raises(ValueError, match="source must be a node of graph, got 'z'"):
        bfs({"a": []}, "z")
    with pytest.raises(ValueError, match=r"source must be a node of graph, got \[1\]"):
        dfs({"a": []}, [1])
    with pytest.raises(TypeError, match="graph must be a dict"):
        topological_sort([("a", "b")])
    with pytest.raises(ValueError, match=r"graph\['a'\] lists 'q'"):
        bfs({"a": ["q"]}, "a")
    with pytest.raises(TypeError, match=r"graph\['a'\] must be a list of neighbours, got set"):
        dfs({"a": {"a"}}, "a")
    with pytest.raises(ValueError, match="strategy must be one of .*got 'random'"):
        greedy_coloring({"a": []}, strategy="random")
    with pytest.raises(ValueError, match="graph has a self-loop at 'a'"):
        greedy_coloring({"a": ["a"]})
    assert greedy_coloring({}) == {} and topological_sort({}) == []
