"""Snippets for docs/graphs/algorithms.md: BFS, DFS, Dijkstra, A*, topological sort, colouring."""

# --8<-- [start:bfs]
from aimath_ref.graphs import bfs, friendships

hops = bfs(friendships(), "Ana")  # node -> number of edges from Ana, in visiting order
print(hops)
print("friends of friends of Ana:", [p for p, d in hops.items() if d == 2])
# --8<-- [end:bfs]

# --8<-- [start:dfs]
from aimath_ref.graphs import bfs, dfs

g = {"a": ["b", "c"], "b": ["d", "e"], "c": ["f"], "d": [], "e": [], "f": []}
print("BFS:", list(bfs(g, "a")))
print("DFS:", dfs(g, "a"))
# --8<-- [end:dfs]

# --8<-- [start:dijkstra]
from aimath_ref.graphs import dijkstra, shortest_path

roads = {  # town -> [(town, km)], one way each
    "A": [("B", 7.0), ("C", 9.0), ("F", 14.0)],
    "B": [("C", 10.0), ("D", 15.0)],
    "C": [("D", 11.0), ("F", 2.0)],
    "D": [("E", 6.0)],
    "E": [],
    "F": [("E", 9.0)],
}
dist, pred = dijkstra(roads, "A")
print("distances:", dist)
print("A to E:", shortest_path(pred, "E"))
# --8<-- [end:dijkstra]

# --8<-- [start:negative]
from aimath_ref.graphs import dijkstra

try:
    dijkstra({"s": [("a", 2.0), ("b", 5.0)], "a": [], "b": [("a", -4.0)]}, "s")
except ValueError as err:
    print(err)
# --8<-- [end:negative]

# --8<-- [start:astar]
from aimath_ref.graphs import astar

n = 15  # a 15 x 15 grid, each step costs 1, with a short wall in the middle
wall = {(7, y) for y in range(4, 11)}
grid = {(x, y): [(x + dx, y + dy) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
                 if 0 <= x + dx < n and 0 <= y + dy < n and (x + dx, y + dy) not in wall]
        for x in range(n) for y in range(n) if (x, y) not in wall}


def manhattan(v, target):  # never more than the true remaining cost
    return abs(v[0] - target[0]) + abs(v[1] - target[1])


def counting(h, seen):  # the same heuristic, noting every cell it is asked about
    return lambda v, t: seen.add(v) or h(v, t)


for name, h in [("Dijkstra (h = 0)", lambda v, t: 0), ("A* (Manhattan)", manhattan)]:
    seen = set()
    path, cost = astar(grid, (0, 7), (14, 7), counting(h, seen))
    print(f"{name}: cost {cost}, {len(seen)} of {len(grid)} cells reached")
# --8<-- [end:astar]

# --8<-- [start:toposort]
from aimath_ref.graphs import topological_sort

# DAG of Wx + b: x -> Wx, W -> Wx, Wx -> Wx+b, b -> Wx+b
dag = {"x": ["Wx"], "W": ["Wx"], "Wx": ["Wx+b"], "b": ["Wx+b"], "Wx+b": []}
print(topological_sort(dag))
# --8<-- [end:toposort]

# --8<-- [start:cycle]
from aimath_ref.graphs import topological_sort

try:
    topological_sort({"h1": ["h2"], "h2": ["h3"], "h3": ["h1"], "x": ["h1"]})
except ValueError as err:
    print(err)
# --8<-- [end:cycle]

# --8<-- [start:fx]
import torch

from aimath_ref.graphs import fx_adjacency, topological_sort


class ResidualMLP(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = torch.nn.Linear(4, 8), torch.nn.Linear(8, 4)

    def forward(self, x):
        return x + self.fc2(torch.relu(self.fc1(x)))


graph = fx_adjacency(ResidualMLP())  # traced by torch.fx: node -> nodes that use its value
print(graph)
order = topological_sort(graph)
print("forward order: ", order)
print("backward order:", order[::-1])
# --8<-- [end:fx]

# --8<-- [start:autograd]
import torch

from aimath_ref import get_device
from aimath_ref.graphs import topological_sort

x = torch.tensor([1.0, 2.0], device=get_device())
W = torch.tensor([[1.0, -1.0], [2.0, 0.5]], device=get_device(), requires_grad=True)
b = torch.tensor([0.5, -0.5], device=get_device(), requires_grad=True)
y = (W @ x + b).sum()  # the forward pass records the backward graph in y.grad_fn

leaves = {id(W): "W.grad", id(b): "b.grad"}


def name(fn):
    return leaves[id(fn.variable)] if hasattr(fn, "variable") else type(fn).__name__


backward, todo = {}, [y.grad_fn]
while todo:  # autograd's graph as an adjacency list: each node -> where its gradient goes next
    fn = todo.pop()
    nxt = [f for f, _ in fn.next_functions if f is not None]
    backward[name(fn)] = [name(f) for f in nxt]
    todo += nxt
print(backward)
print("gradient order:", topological_sort(backward))
y.backward()
print("dy/dW:", W.grad.tolist(), "dy/db:", b.grad.tolist())
# --8<-- [end:autograd]

# --8<-- [start:coloring]
from aimath_ref.graphs import greedy_coloring

# exams that share a student clash and need different time slots
clashes = {
    "algebra": ["physics", "chemistry", "biology"],
    "physics": ["algebra", "chemistry"],
    "chemistry": ["algebra", "physics", "art"],
    "biology": ["algebra", "art"],
    "art": ["chemistry", "biology"],
}
slots = greedy_coloring(clashes)  # largest degree first
print(slots)
print("time slots needed:", max(slots.values()) + 1)
# --8<-- [end:coloring]
