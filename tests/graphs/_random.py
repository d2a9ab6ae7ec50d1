"""Random graphs shared by the graph tests: the same edges as an adjacency list and a NetworkX graph."""

from __future__ import annotations

import random

import networkx as nx

SIZES = [(8, 0.3), (30, 0.1), (60, 0.05), (40, 0.5)]  # (nodes, edge probability)


def random_graph(n: int, p: float, seed: int, directed: bool = True, weighted: bool = True):
    rng = random.Random(seed)
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    adj: dict[int, list] = {u: [] for u in range(n)}
    for u in range(n):
        for v in range(n) if directed else range(u + 1, n):
            if u != v and rng.random() < p:
                w = round(rng.uniform(0.1, 10.0), 3)
                G.add_edge(u, v, weight=w)
                adj[u].append((v, w) if weighted else v)
                if not directed:
                    adj[v].append((u, w) if weighted else u)
    return adj, G


def random_dag(n: int, p: float, seed: int):
    rng = random.Random(seed)
    perm = list(range(n))
    rng.shuffle(perm)  # hidden order: edges only go forward in it
    adj: dict[int, list] = {u: [] for u in range(n)}
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < p:
                adj[perm[i]].append(perm[j])
    return adj
