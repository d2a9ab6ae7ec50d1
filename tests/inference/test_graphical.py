"""Bayesian networks and MRFs by enumeration; d-separation and Markov blankets against NetworkX."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.inference import bayes_net_joint, d_separated, enumerate_posterior, markov_blanket, mrf_joint
from aimath_ref.probability import conditional, marginal


def _cpt(shape, seed, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    t = torch.rand(shape, generator=g, dtype=torch.float64) + 0.05
    return (t / t.sum(-1, keepdim=True)).to(device=device, dtype=dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_bayes_net_joint_by_enumeration(dtype, device):
    pa, pb, pc = _cpt((2,), 0, dtype, device), _cpt((2, 3), 1, dtype, device), _cpt((2, 3, 4), 2, dtype, device)
    joint = bayes_net_joint(pa, pb, pc)
    assert joint.shape == (2, 3, 4) and joint.dtype == dtype and joint.device == pa.device
    a_, b_, c_ = (t.double().cpu().numpy() for t in (pa, pb, pc))
    for a, b, c in itertools.product(range(2), range(3), range(4)):
        assert joint[a, b, c].item() == pytest.approx(a_[a] * b_[a, b] * c_[a, b, c], rel=10 * torch.finfo(dtype).eps)
    assert joint.sum().item() == pytest.approx(1.0, abs=10 * torch.finfo(dtype).eps)
    # the factors are recovered from the joint: P(A) and P(B | A) by the 2-D helpers of chapter 3
    ab = joint.sum(2)
    torch.testing.assert_close(marginal(ab, dim=0), pa)
    torch.testing.assert_close(conditional(ab, given=0), pb)
    torch.testing.assert_close(joint / joint.sum(2, keepdim=True), pc)


def test_enumerate_posterior_matches_manual_sums_and_chapter3_helpers():
    joint = bayes_net_joint(_cpt((2,), 3), _cpt((2, 2), 4), _cpt((2, 2, 2), 5))
    J = joint.numpy()
    # marginals
    for q in range(3):
        want = J.sum(axis=tuple(d for d in range(3) if d != q))
        np.testing.assert_allclose(enumerate_posterior(joint, q).numpy(), want, rtol=1e-12)
    # P(A | C = 1) by hand, and by marginal/conditional on the (A, C) table
    want = J[:, :, 1].sum(1) / J[:, :, 1].sum()
    np.testing.assert_allclose(enumerate_posterior(joint, 0, {2: 1}).numpy(), want, rtol=1e-12)
    ac = joint.sum(1)
    np.testing.assert_allclose(conditional(ac, given=1)[:, 1].numpy(), want, rtol=1e-12)
    # two observed variables, negative dimension index
    want = J[:, 0, 1] / J[:, 0, 1].sum()
    np.testing.assert_allclose(enumerate_posterior(joint, -3, {1: 0, -1: 1}).numpy(), want, rtol=1e-12)
    # explaining away in the collider A -> C <- B (B independent of A a priori)
    pab = bayes_net_joint(torch.tensor([0.5, 0.5], dtype=torch.float64),
                          torch.tensor([[0.9, 0.1], [0.9, 0.1]], dtype=torch.float64),
                          torch.tensor([[[1.0, 0.0], [0.1, 0.9]], [[0.1, 0.9], [0.1, 0.9]]], dtype=torch.float64))
    p_b = enumerate_posterior(pab, 1, {2: 1})[1].item()
    p_b_given_a = enumerate_posterior(pab, 1, {2: 1, 0: 1})[1].item()
    assert p_b_given_a < p_b  # learning A = 1 explains C = 1 away


def _random_dag(seed: int, n: int, p: float) -> list[tuple[int, int]]:
    rng = np.random.default_rng(seed)
    return [(i, j) for i in range(n) for j in range(i + 1, n) if rng.random() < p]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(3, 7), st.floats(0.2, 0.7))
def test_markov_blanket_and_d_separation_match_networkx(seed, n, p):
    edges = _random_dag(seed, n, p)
    if not edges:
        return
    G = nx.DiGraph(edges)
    nodes = sorted(G.nodes)
    for v in nodes:
        mb = markov_blanket(edges, v)
        want = set(G.predecessors(v)) | set(G.successors(v)) | {u for c in G.successors(v) for u in G.predecessors(c)}
        assert mb == want - {v}
        rest = set(nodes) - mb - {v}
        if rest:  # the blanket d-separates the node from everything else
            assert d_separated(edges, {v}, rest, mb)
            assert nx.is_d_separator(G, {v}, rest, mb)
    rng = np.random.default_rng(seed)
    for _ in range(10):
        perm = rng.permutation(nodes).tolist()
        x, y, z = {perm[0]}, {perm[1]}, set(perm[2: 2 + rng.integers(0, len(perm) - 1)])
        assert d_separated(edges, x, y, z) == nx.is_d_separator(G, x, y, z)


def test_classic_structures_and_undirected_blanket():
    chain, fork, collider = [("A", "B"), ("B", "C")], [("B", "A"), ("B", "C")], [("A", "B"), ("C", "B")]
    for g in (chain, fork):
        assert not d_separated(g, {"A"}, {"C"}) and d_separated(g, {"A"}, {"C"}, {"B"})
    assert d_separated(collider, {"A"}, {"C"}) and not d_separated(collider, {"A"}, {"C"}, {"B"})
    collider_child = collider + [("B", "D")]
    assert not d_separated(collider_child, {"A"}, {"C"}, {"D"})  # observing a descendant opens the collider
    grid = [((i, j), (i + 1, j)) for i in range(2) for j in range(3)] + [((i, j), (i, j + 1)) for i in range(3) for j in range(2)]
    assert markov_blanket(grid, (1, 1), directed=False) == {(0, 1), (2, 1), (1, 0), (1, 2)}
    assert markov_blanket(grid, (0, 0), directed=False) == set(nx.Graph(grid).neighbors((0, 0)))


def _brute_mrf(potentials, sizes):
    table = np.zeros(sizes)
    for x in itertools.product(*[range(s) for s in sizes]):
        table[x] = np.prod([psi[tuple(x[i] for i in c)] for c, psi in potentials.items()])
    return table / table.sum(), table.sum()


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_mrf_joint_by_brute_force(dtype, device):
    g = torch.Generator().manual_seed(0)
    pots = {(0, 1): torch.rand(2, 3, generator=g, dtype=torch.float64) + 0.1,
            (1, 2, 3): torch.rand(3, 2, 2, generator=g, dtype=torch.float64) + 0.1,
            (3, 0): torch.rand(2, 2, generator=g, dtype=torch.float64) + 0.1}
    joint, Z = mrf_joint({c: p.to(device=device, dtype=dtype) for c, p in pots.items()})
    want, want_z = _brute_mrf({c: p.numpy() for c, p in pots.items()}, (2, 3, 2, 2))
    assert joint.dtype == dtype and joint.shape == (2, 3, 2, 2)
    tol = 100 * torch.finfo(dtype).eps
    np.testing.assert_allclose(joint.double().cpu().numpy(), want, rtol=tol)
    assert Z.item() == pytest.approx(want_z, rel=tol)


@pytest.mark.parametrize("call,exc,match", [
    (lambda: bayes_net_joint(torch.tensor([0.5, 0.6]), _cpt((2, 2), 0, torch.float32), _cpt((2, 2, 2), 0, torch.float32)),
     ValueError, "p_a must sum to 1"),
    (lambda: bayes_net_joint(torch.tensor([1.5, -0.5]), _cpt((2, 2), 0), _cpt((2, 2, 2), 0)), ValueError, "p_a must be finite and >= 0"),
    (lambda: bayes_net_joint(torch.tensor([0.5, float("nan")]), _cpt((2, 2), 0), _cpt((2, 2, 2), 0)), ValueError, "p_a"),
    (lambda: bayes_net_joint(torch.tensor([0.5, 0.5]), torch.tensor([[0.5, 0.5], [0.5, 0.4]]), _cpt((2, 2, 2), 0)),
     ValueError, "p_b_given_a must sum to 1"),
    (lambda: bayes_net_joint(_cpt((2,), 0), _cpt((3, 2), 0), _cpt((2, 2, 2), 0)), ValueError, "shapes"),
    (lambda: bayes_net_joint(_cpt((2,), 0), _cpt((2,), 0), _cpt((2, 2, 2), 0)), ValueError, "2-D"),
    (lambda: bayes_net_joint([0.5, 0.5], _cpt((2, 2), 0), _cpt((2, 2, 2), 0)), TypeError, "p_a"),
    (lambda: enumerate_posterior(torch.tensor([[0.5, 0.0], [0.5, 0.0]]), 0, {1: 1}), ValueError, "probability 0"),
    (lambda: enumerate_posterior(torch.tensor([[0.5, 0.5], [0.5, 0.5]]), 0), ValueError, "joint must sum to 1"),
    (lambda: enumerate_posterior(torch.full((2, 2), 0.25), 2), ValueError, "query"),
    (lambda: enumerate_posterior(torch.full((2, 2), 0.25), 0, {0: 1}), ValueError, "query variable"),
    (lambda: enumerate_posterior(torch.full((2, 2), 0.25), 0, {1: 2}), ValueError, r"evidence\[1\] must be <= 1, got 2"),
    (lambda: enumerate_posterior(torch.full((2, 2), 0.25), 0, {1: 0, -1: 1}), ValueError, "twice"),
    (lambda: markov_blanket([("A", "B"), ("B", "A")], "A"), ValueError, "acyclic"),
    (lambda: markov_blanket([("A", "B")], "Z"), ValueError, "node must be a node of the graph, got 'Z'"),
    (lambda: markov_blanket([("A", "B", "C")], "A"), ValueError, "pairs"),
    (lambda: markov_blanket(5, "A"), TypeError, "edges"),
    (lambda: d_separated([("A", "B")], set(), {"B"}), ValueError, "must not be empty"),
    (lambda: d_separated([("A", "B")], {"A"}, {"A"}), ValueError, "disjoint"),
    (lambda: d_separated([("A", "B")], {"A"}, {"Q"}), ValueError, "in the graph"),
    (lambda: mrf_joint({}), ValueError, "non-empty"),
    (lambda: mrf_joint({(0, 1): torch.tensor([[1.0, -1.0], [1.0, 1.0]])}), ValueError, "must be finite and >= 0"),
    (lambda: mrf_joint({(0, 1): torch.ones(2, 2), (1, 2): torch.ones(3, 2)}), ValueError, "variable 1 has size 2"),
    (lambda: mrf_joint({(0, 2): torch.ones(2, 2)}), ValueError, "numbered"),
    (lambda: mrf_joint({(0, 1): torch.ones(2)}), ValueError, "dimension"),
    (lambda: mrf_joint({(0, 0): torch.ones(2, 2)}), ValueError, "twice"),
    (lambda: mrf_joint({"ab": torch.ones(2, 2)}), TypeError, "clique"),
    (lambda: mrf_joint({(0, 1): torch.zeros(2, 2)}), ValueError, "Z = 0"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()
