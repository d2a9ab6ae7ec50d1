"""Dijkstra's shortest-path tree on a random geometric graph (edge weight = Euclidean length)."""

import math

from matplotlib.collections import LineCollection

from aimath_ref import rand
from aimath_ref.graphs import dijkstra, shortest_path
from figures._style import PALETTE, new_figure


def figure():
    fig, ax = new_figure(width=6.0, height=5.0)
    pts = rand(60, 2, seed=7).tolist()
    radius = 0.24
    graph = {i: [] for i in range(len(pts))}
    for i, p in enumerate(pts):
        for j, q in enumerate(pts):
            d = math.dist(p, q)
            if i != j and d < radius:
                graph[i].append((j, d))  # undirected: (i, j) and (j, i) both listed
    source = min(range(len(pts)), key=lambda i: pts[i][0] + pts[i][1])  # bottom-left point
    dist, pred = dijkstra(graph, source)
    every_edge = [(pts[i], pts[j]) for i, nbrs in graph.items() for j, _ in nbrs if i < j]
    ax.add_collection(LineCollection(every_edge, colors="0.85", linewidths=0.8, zorder=1))
    tree = [(pts[u], pts[v]) for v, u in pred.items() if u is not None]  # one edge per reached node
    ax.add_collection(LineCollection(tree, colors=PALETTE[0], linewidths=1.8, zorder=2))
    far = max(dist, key=dist.get)
    path = shortest_path(pred, far)
    ax.plot([pts[v][0] for v in path], [pts[v][1] for v in path], color=PALETTE[1], lw=3.0, zorder=3,
            label=f"shortest path to the farthest node ({dist[far]:.2f})")
    reach = sorted(dist)
    sc = ax.scatter([pts[v][0] for v in reach], [pts[v][1] for v in reach], c=[dist[v] for v in reach],
                    cmap="viridis", s=40, zorder=4)
    lost = [v for v in graph if v not in dist]
    if lost:
        ax.scatter([pts[v][0] for v in lost], [pts[v][1] for v in lost], color="0.6", marker="x", s=30,
                   zorder=4, label="unreachable")
    ax.scatter(*pts[source], s=160, marker="*", color=PALETTE[3], zorder=5, label="source")
    fig.colorbar(sc, ax=ax, label="distance from the source")
    ax.set_aspect("equal")
    ax.set_title("Dijkstra's shortest-path tree (blue)")
    ax.legend(loc="upper left", fontsize=8, framealpha=0.9)
    ax.set_xticks([])
    ax.set_yticks([])
    return fig
