"""The example graphs are what they claim: undirected, chemically valid, acyclic."""

from __future__ import annotations

import networkx as nx

from aimath_ref.graphs import benzene, edges, friendships, topological_sort, wx_plus_b


def test_friendships_is_undirected_with_one_bridge():
    g = friendships()
    pairs = {(u, v) for u, v, _ in edges(g)}
    assert all((v, u) in pairs for u, v in pairs)
    G = nx.Graph(list(pairs))
    assert list(nx.bridges(G)) in ([("Dev", "Eve")], [("Eve", "Dev")])


def test_benzene_valences():
    g = benzene()
    valence = {a: sum(w for _, w in bonds) for a, bonds in g.items()}
    assert all(valence[a] == (4.0 if a.startswith("C") else 1.0) for a in g)
    G = nx.Graph([(u, v) for u, v, _ in edges(g)])
    assert len(nx.cycle_basis(G)) == 1 and G.number_of_nodes() == 12


def test_wx_plus_b_is_the_course_dag():
    g = wx_plus_b()
    assert nx.is_directed_acyclic_graph(nx.DiGraph([(u, v) for u in g for v in g[u]]))
    assert topological_sort(g) == ["x", "W", "b", "Wx", "Wx+b"]
