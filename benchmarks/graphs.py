"""Time aimath_ref.graphs against NetworkX: dijkstra, bfs and topological_sort.

Random directed graphs with about 10^4 and 10^5 edges (weights uniform in [1, 10]; a random
DAG for the topological sort). The two are timed alternately, 9 runs each, and each one's fastest run kept; the
ratio is aimath_ref's time over NetworkX's (below 1: aimath_ref is faster). The outputs are
checked to agree before anything is timed.

    python benchmarks/graphs.py
"""

from __future__ import annotations

import random
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx as nx

from aimath_ref.graphs import bfs, dijkstra, topological_sort


def graphs(n_edges: int, seed: int = 0):
    rng = random.Random(seed)
    n = n_edges // 5  # average out-degree 5
    adj: dict[int, list] = {u: [] for u in range(n)}
    dag: dict[int, list] = {u: [] for u in range(n)}
    seen = set()
    while len(seen) < n_edges:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v and (u, v) not in seen:
            seen.add((u, v))
            adj[u].append((v, rng.uniform(1.0, 10.0)))
            dag[min(u, v)].append(max(u, v))
    G = nx.DiGraph()
    G.add_nodes_from(adj)
    G.add_weighted_edges_from((u, v, w) for u in adj for v, w in adj[u])
    D = nx.DiGraph()
    D.add_nodes_from(dag)
    D.add_edges_from((u, v) for u in dag for v in dag[u])
    unweighted = {u: [v for v, _ in nbrs] for u, nbrs in adj.items()}
    return adj, unweighted, dag, G, D


def _nx_topological_sort(D: nx.DiGraph) -> list:
    return list(nx.topological_sort(D))


def best_pair(ours, theirs, repeats: int = 9) -> tuple[float, float]:
    """Fastest of ``repeats`` runs of each, alternating, so a busy machine slows both alike."""
    a = b = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        ours()
        a = min(a, time.perf_counter() - start)
        start = time.perf_counter()
        theirs()
        b = min(b, time.perf_counter() - start)
    return a, b


def main() -> None:
    print(f"{'edges':>8} {'algorithm':<18} {'aimath_ref ms':>14} {'networkx ms':>12} {'ratio':>7}")
    for n_edges in (10_000, 100_000):
        adj, unweighted, dag, G, D = graphs(n_edges)
        # agree first
        dist, _ = dijkstra(adj, 0)
        want = nx.single_source_dijkstra_path_length(G, 0)
        assert dist.keys() == want.keys() and all(abs(dist[v] - want[v]) < 1e-9 for v in want)
        assert bfs(unweighted, 0) == nx.single_source_shortest_path_length(G, 0)
        order = topological_sort(dag)
        pos = {v: i for i, v in enumerate(order)}
        assert all(pos[u] < pos[v] for u, v in D.edges)
        cases = [
            ("dijkstra", partial(dijkstra, adj, 0), partial(nx.single_source_dijkstra, G, 0)),
            ("bfs", partial(bfs, unweighted, 0), partial(nx.single_source_shortest_path_length, G, 0)),
            ("topological_sort", partial(topological_sort, dag), partial(_nx_topological_sort, D)),
        ]
        for name, ours, theirs in cases:
            a, b = best_pair(ours, theirs)
            print(f"{n_edges:>8} {name:<18} {1e3 * a:>14.2f} {1e3 * b:>12.2f} {a / b:>7.2f}")


if __name__ == "__main__":
    main()
