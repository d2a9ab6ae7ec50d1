"""Adjacency matrix <-> adjacency list, edges, and torch.fx computation graphs, against NetworkX."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import torch

from aimath_ref.graphs import (
    adjacency_list_to_matrix,
    adjacency_matrix_to_list,
    edges,
    fx_adjacency,
    topological_sort,
)
from tests.graphs._random import SIZES, random_graph


@pytest.mark.parametrize("n,p", SIZES)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_matrix_matches_networkx_and_round_trips(n, p, dtype, device):
    adj, G = random_graph(n, p, seed=n)
    A = adjacency_list_to_matrix(adj, dtype=dtype, device=device)
    assert A.dtype == dtype and A.device.type == device.type
    want = nx.to_numpy_array(G, nodelist=range(n), weight="weight")
    np.testing.assert_allclose(A.cpu().double().numpy(), want, rtol=1e-6 if dtype == torch.float32 else 1e-12)
    back = adjacency_matrix_to_list(A.double())
    assert {u: [(v, round(w, 3)) for v, w in nbrs] for u, nbrs in back.items()} == \
        {u: sorted(nbrs) for u, nbrs in adj.items()}


def test_unweighted_binary_matrix_and_labels():
    A = torch.tensor([[0, 1, 1], [0, 0, 1], [1, 0, 0]], dtype=torch.bool)
    assert adjacency_matrix_to_list(A, nodes=["x", "y", "z"]) == {"x": ["y", "z"], "y": ["z"], "z": ["x"]}
    assert adjacency_matrix_to_list(A.float(), weighted=True)[0] == [(1, 1.0), (2, 1.0)]
    g = {"x": ["y", "z"], "y": ["z"], "z": ["x"]}
    torch.testing.assert_close(adjacency_list_to_matrix(g, nodes=["x", "y", "z"]), A.float())
    assert adjacency_list_to_matrix(g, nodes=["z", "y", "x"])[0].tolist() == [0.0, 0.0, 1.0]


def test_tuple_nodes_are_neighbours_not_pairs():
    g = {(0, 1): [(1, 1)], (1, 1): [((0, 1), 2.5)]}
    assert edges(g) == [((0, 1), (1, 1), 1.0), ((1, 1), (0, 1), 2.5)]


@pytest.mark.parametrize("bad,exc,msg", [
    ([[0, 1]], TypeError, "graph must be a dict"),
    ({"a": "b"}, TypeError, r"graph\['a'\] must be a list"),
    ({"a": ["z"]}, ValueError, r"graph\['a'\] lists 'z', which is neither"),
    ({"a": [("z", 1.0)]}, ValueError, r"lists 'z', which is not a node"),
    ({"a": [("a", "heavy")]}, TypeError, "weight of edge 'a' -> 'a' must be a real number, got 'heavy'"),
    ({"a": [("a", float("nan"))]}, TypeError, "must be a real number, got nan"),
])
def test_edges_reject_bad_lists(bad, exc, msg):
    with pytest.raises(exc, match=msg):
        edges(bad)


def test_conversions_reject_bad_input():
    with pytest.raises(TypeError, match="A must be a torch.Tensor"):
        adjacency_matrix_to_list([[0, 1], [1, 0]])
    with pytest.raises(ValueError, match=r"A must be square, got shape \(2, 3\)"):
        adjacency_matrix_to_list(torch.zeros(2, 3))
    with pytest.raises(ValueError, match="A must have 2 dimension"):
        adjacency_matrix_to_list(torch.zeros(3))
    with pytest.raises(ValueError, match="A must not be empty"):
        adjacency_matrix_to_list(torch.zeros(0, 0))
    with pytest.raises(ValueError, match="A must be finite"):
        adjacency_matrix_to_list(torch.tensor([[0.0, float("nan")], [0.0, 0.0]]))
    with pytest.raises(ValueError, match="nodes must have one label per row of A \\(2\\), got 3"):
        adjacency_matrix_to_list(torch.zeros(2, 2), nodes=["a", "b", "c"])
    with pytest.raises(ValueError, match="nodes must be distinct"):
        adjacency_matrix_to_list(torch.zeros(2, 2), nodes=["a", "a"])
    with pytest.raises(TypeError, match="nodes must be a sequence"):
        adjacency_matrix_to_list(torch.zeros(2, 2), nodes="ab")
    with pytest.raises(TypeError, match="weighted must be a bool or None, got 1"):
        adjacency_matrix_to_list(torch.zeros(2, 2), weighted=1)
    with pytest.raises(ValueError, match="graph must have at least one node"):
        adjacency_list_to_matrix({})
    with pytest.raises(ValueError, match="edge 'a' -> 'b' is listed twice"):
        adjacency_list_to_matrix({"a": ["b", "b"], "b": []})
    with pytest.raises(ValueError, match="must be finite and nonzero, got 0.0"):
        adjacency_list_to_matrix({"a": [("b", 0.0)], "b": []})
    with pytest.raises(TypeError, match="dtype must be a floating torch.dtype"):
        adjacency_list_to_matrix({"a": []}, dtype=torch.int64)
    with pytest.raises(ValueError, match="nodes must list every node of graph once"):
        adjacency_list_to_matrix({"a": [], "b": []}, nodes=["a", "c"])


class MLP(torch.nn.Module):
    """Two layers with a residual connection: a DAG that is not a chain."""

    def __init__(self) -> None:
        super().__init__()
        self.fc1, self.fc2, self.norm = torch.nn.Linear(4, 8), torch.nn.Linear(8, 4), torch.nn.LayerNorm(4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.norm(x + self.fc2(torch.relu(self.fc1(x))))


def _assert_valid_order(g, order):
    pos = {v: i for i, v in enumerate(order)}
    assert sorted(order) == sorted(g)
    assert all(pos[u] < pos[v] for u in g for v in g[u])


def test_fx_graph_of_a_real_model_sorts_into_an_execution_order():
    model = MLP()
    g = fx_adjacency(model)
    assert g["x"] == ["fc1", "add"]  # x feeds the first layer and the residual sum
    order = topological_sort(g)
    _assert_valid_order(g, order)
    G = nx.DiGraph([(u, v) for u in g for v in g[u]])
    G.add_nodes_from(g)
    assert nx.is_directed_acyclic_graph(G)
    # the order is a real execution order: running the nodes in it reproduces the model
    gm = torch.fx.symbolic_trace(model)
    names = [n.name for n in gm.graph.nodes]
    assert set(names) == set(order)
    x = torch.randn(3, 4, generator=torch.Generator().manual_seed(0))
    env = {}
    nodes = {n.name: n for n in gm.graph.nodes}
    for name in order:
        node = nodes[name]
        args = torch.fx.node.map_arg(node.args, lambda a: env[a.name])
        if node.op == "placeholder":
            env[name] = x
        elif node.op == "call_module":
            env[name] = gm.get_submodule(node.target)(*args)
        elif node.op == "call_function":
            env[name] = node.target(*args)
        elif node.op == "output":
            env[name] = args[0]
    torch.testing.assert_close(env["output"], model(x))


def test_fx_adjacency_rejects_bad_input():
    with pytest.raises(TypeError, match="module must be a torch.nn.Module, got function"):
        fx_adjacency(lambda x: x)

    class Dynamic(torch.nn.Module):
        def forward(self, x):
            return x if x.sum() > 0 else -x

    with pytest.raises(ValueError, match="module could not be traced by torch.fx"):
        fx_adjacency(Dynamic())
