r"""Probabilistic graphical models on small discrete variables: Bayesian networks, Markov random fields,
inference by enumeration, d-separation and Markov blankets.

A Bayesian network factorises a joint distribution along a directed acyclic graph,
$P(x_1, \dots, x_n) = \prod_i P(x_i \mid \mathrm{pa}(x_i))$; a Markov random field
multiplies non-negative potentials over the cliques of an undirected graph and normalises,
$P(x) = \frac1Z \prod_c \psi_c(x_c)$.
"""

from __future__ import annotations

import string
from collections.abc import Hashable, Iterable, Mapping, Sequence

import torch

from .. import _checks

__all__ = ["bayes_net_joint", "d_separated", "enumerate_posterior", "markov_blanket", "mrf_joint"]

_TOL = 1e-5


def _distribution(p: torch.Tensor, name: str) -> torch.Tensor:
    """Check that ``p`` is non-negative, finite and sums to 1 along its last dimension."""
    _checks.tensor(p, name, min_ndim=1)
    q = p.double()
    if not torch.isfinite(q).all() or (q < 0).any():
        raise ValueError(f"{name} must be finite and >= 0, got {p.flatten()[:6].tolist()}")
    sums = q.sum(-1)
    if ((sums - 1).abs() > _TOL).any():
        raise ValueError(f"{name} must sum to 1 over its last dimension, got sums {sums.flatten()[:6].tolist()}")
    return p.float() if p.dtype in (torch.float16, torch.bfloat16) else p


def bayes_net_joint(p_a: torch.Tensor, p_b_given_a: torch.Tensor, p_c_given_ab: torch.Tensor) -> torch.Tensor:
    r"""Joint table of the three-node Bayesian network $A \to B$, $A \to C$, $B \to C$.

    $$P(A = a, B = b, C = c) = P(a)\,P(b \mid a)\,P(c \mid a, b)$$

    This is the chain rule of probability with nothing dropped; a sparser graph deletes
    arrows, i.e. makes a factor ignore a parent (e.g. $P(c \mid a, b) = P(c \mid b)$).

    Parameters
    ----------
    p_a : torch.Tensor
        ``(|A|,)``, a distribution.
    p_b_given_a : torch.Tensor
        ``(|A|, |B|)``; row ``a`` is $P(B \mid A = a)$ and sums to 1.
    p_c_given_ab : torch.Tensor
        ``(|A|, |B|, |C|)``; entry ``[a, b]`` is $P(C \mid a, b)$ and sums to 1.

    Returns
    -------
    torch.Tensor
        ``(|A|, |B|, |C|)``, non-negative, summing to 1, in the promoted dtype of the inputs.

    Raises
    ------
    TypeError
        If an input is not a floating tensor.
    ValueError
        If an input has the wrong number of dimensions, shapes disagree, an entry is negative
        or NaN, a conditional table does not sum to 1, or the inputs sit on different devices.

    References
    ----------
    Koller & Friedman, *Probabilistic Graphical Models*, 2009, §3.2; Bishop, *Pattern
    Recognition and Machine Learning*, §8.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import bayes_net_joint
    >>> p_a = torch.tensor([0.6, 0.4])
    >>> p_b = torch.tensor([[0.9, 0.1], [0.3, 0.7]])
    >>> p_c = torch.tensor([[[0.8, 0.2], [0.5, 0.5]], [[0.4, 0.6], [0.1, 0.9]]])
    >>> joint = bayes_net_joint(p_a, p_b, p_c)
    >>> round(joint[1, 1, 1].item(), 4), round(joint.sum().item(), 4)  # 0.4 * 0.7 * 0.9
    (0.252, 1.0)
    """
    pa = _distribution(p_a, "p_a")
    pb = _distribution(p_b_given_a, "p_b_given_a")
    pc = _distribution(p_c_given_ab, "p_c_given_ab")
    _checks.same_device(p_a=p_a, p_b_given_a=p_b_given_a, p_c_given_ab=p_c_given_ab)
    if pa.ndim != 1 or pb.ndim != 2 or pc.ndim != 3:
        raise ValueError(f"p_a, p_b_given_a, p_c_given_ab must be 1-D, 2-D and 3-D, got shapes "
                         f"{tuple(pa.shape)}, {tuple(pb.shape)}, {tuple(pc.shape)}")
    if pb.shape[0] != pa.shape[0] or pc.shape[:2] != (pa.shape[0], pb.shape[1]):
        raise ValueError(f"shapes must be (|A|,), (|A|, |B|), (|A|, |B|, |C|), got "
                         f"{tuple(pa.shape)}, {tuple(pb.shape)}, {tuple(pc.shape)}")
    dtype = torch.promote_types(torch.promote_types(pa.dtype, pb.dtype), pc.dtype)
    return pa.to(dtype)[:, None, None] * pb.to(dtype)[:, :, None] * pc.to(dtype)  # P(a) P(b|a) P(c|a,b)


def enumerate_posterior(joint: torch.Tensor, query: int, evidence: Mapping[int, int] | None = None) -> torch.Tensor:
    r"""$P(X_q \mid \text{evidence})$ from a full joint table, by summing out every other variable.

    $$P(x_q \mid e) = \frac{\sum_{h} P(x_q, h, e)}{\sum_{x_q'} \sum_h P(x_q', h, e)}$$

    where $h$ runs over the variables that are neither queried nor observed. Exact, and
    exponential in the number of variables: it is the reference the smarter algorithms
    (variable elimination, belief propagation, sampling) are checked against.

    Parameters
    ----------
    joint : torch.Tensor
        Joint table, one dimension per variable, non-negative, summing to 1.
    query : int
        Dimension of the queried variable.
    evidence : mapping of int to int, optional
        Observed values, ``{dimension: value}``; empty or None gives the marginal of ``query``.

    Returns
    -------
    torch.Tensor
        1-D distribution over the values of the queried variable.

    Raises
    ------
    TypeError
        If ``joint`` is not a floating tensor or a dimension or value is not an int.
    ValueError
        If ``joint`` is not a distribution, a dimension is out of range or observed twice,
        ``query`` is also observed, a value is out of range, or the evidence has probability 0.

    References
    ----------
    Russell & Norvig, *Artificial Intelligence: A Modern Approach*, 4th ed., §13.3 (inference by enumeration).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import enumerate_posterior
    >>> joint = torch.tensor([[0.3, 0.1], [0.2, 0.4]])  # P(A, B)
    >>> [round(p, 4) for p in enumerate_posterior(joint, query=0, evidence={1: 1}).tolist()]
    [0.2, 0.8]
    """
    _checks.tensor(joint, "joint", min_ndim=1)
    J = _distribution(joint.reshape(-1), "joint").reshape(joint.shape)
    q = _checks.dim(query, J.ndim, "query")
    index: list[slice | int] = [slice(None)] * J.ndim
    for dim_, value in (evidence or {}).items():
        d = _checks.dim(dim_, J.ndim, "evidence dimension")
        if d == q:
            raise ValueError(f"evidence must not observe the query variable {query}, got {dict(evidence or {})}")
        if not isinstance(index[d], slice):
            raise ValueError(f"evidence observes dimension {d} twice, got {dict(evidence or {})}")
        index[d] = _checks.integer(value, f"evidence[{dim_}]", minimum=0, maximum=J.shape[d] - 1)
    kept = J[tuple(index)]  # fix the observed variables; query and hidden ones remain
    q_new = q - sum(1 for d in range(q) if not isinstance(index[d], slice))
    others = [d for d in range(kept.ndim) if d != q_new]
    unnorm = kept.sum(dim=others) if others else kept  # sum out the hidden variables
    total = unnorm.sum()
    if total <= 0:
        raise ValueError(f"the evidence {dict(evidence or {})} has probability 0")
    return unnorm / total


def _graph(edges: Iterable[tuple[Hashable, Hashable]]) -> list[tuple[Hashable, Hashable]]:
    if isinstance(edges, (str, bytes)) or not isinstance(edges, Iterable):
        raise TypeError(f"edges must be an iterable of (u, v) pairs, got {type(edges).__name__}")
    out = []
    for e in edges:
        if not isinstance(e, Sequence) or isinstance(e, str) or len(e) != 2:
            raise ValueError(f"edges must be (u, v) pairs, got {e!r}")
        out.append((e[0], e[1]))
    return out


def _check_dag(edges: list[tuple[Hashable, Hashable]]) -> None:
    # Kahn's algorithm: repeatedly remove nodes without parents; a cycle leaves some behind.
    nodes = {u for e in edges for u in e}
    indegree = {n: 0 for n in nodes}
    for _, v in edges:
        indegree[v] += 1
    ready = [n for n in nodes if indegree[n] == 0]
    removed = 0
    while ready:
        n = ready.pop()
        removed += 1
        for u, v in edges:
            if u == n:
                indegree[v] -= 1
                if indegree[v] == 0:
                    ready.append(v)
    if removed != len(nodes):
        left = sorted(repr(n) for n in nodes if indegree[n] > 0)
        raise ValueError(f"edges must form a directed acyclic graph, got a cycle among {left}")


def markov_blanket(edges: Iterable[tuple[Hashable, Hashable]], node: Hashable, directed: bool = True) -> set[Hashable]:
    r"""The Markov blanket of ``node``: the smallest set that, once observed, makes it independent of the rest.

    In a Bayesian network (a DAG) it is the node's parents, its children and its children's
    other parents; in a Markov random field it is the node's neighbours:

    $$X_i \perp X_{\text{rest}} \mid \mathrm{MB}(X_i)$$

    Parameters
    ----------
    edges : iterable of (u, v) pairs
        The graph's edges; ``u -> v`` when ``directed``.
    node : hashable
        A node that appears in ``edges``.
    directed : bool, default True
        True for a Bayesian network (the edges must form a DAG), False for a Markov random field.

    Returns
    -------
    set
        The blanket (without ``node`` itself).

    Raises
    ------
    TypeError
        If ``edges`` is not an iterable of pairs.
    ValueError
        If an edge is not a pair, ``node`` is not in the graph, or a directed graph has a cycle.

    References
    ----------
    Pearl, *Probabilistic Reasoning in Intelligent Systems*, 1988, §3.2; Bishop, *Pattern
    Recognition and Machine Learning*, §8.2.3 and §8.3.1.

    Examples
    --------
    >>> from aimath_ref.inference import markov_blanket
    >>> dag = [("A", "B"), ("A", "C"), ("B", "C"), ("D", "C"), ("C", "E")]
    >>> sorted(markov_blanket(dag, "B"))
    ['A', 'C', 'D']
    """
    es = _graph(edges)
    nodes = {u for e in es for u in e}
    if node not in nodes:
        raise ValueError(f"node must be a node of the graph, got {node!r}")
    if not directed:
        return ({v for u, v in es if u == node} | {u for u, v in es if v == node}) - {node}
    _check_dag(es)
    parents = {u for u, v in es if v == node}
    children = {v for u, v in es if u == node}
    co_parents = {u for u, v in es if v in children}
    return (parents | children | co_parents) - {node}


def d_separated(edges: Iterable[tuple[Hashable, Hashable]], x: Iterable[Hashable], y: Iterable[Hashable],
                z: Iterable[Hashable] = ()) -> bool:
    r"""Whether every path between ``x`` and ``y`` in a DAG is blocked by ``z`` (then $X \perp Y \mid Z$ in every distribution that factorises along it).

    Uses the equivalent criterion of Lauritzen et al.: keep only ``x``, ``y``, ``z`` and their
    ancestors, "marry" the parents of every node (moralise), drop the directions, delete
    ``z``; ``x`` and ``y`` are d-separated by ``z`` exactly when no path joins them then.

    Parameters
    ----------
    edges : iterable of (u, v) pairs
        The edges ``u -> v`` of a DAG.
    x, y, z : iterables of nodes
        Disjoint node sets (``z`` may be empty); ``x`` and ``y`` must not be empty.

    Returns
    -------
    bool

    Raises
    ------
    TypeError
        If ``edges`` is not an iterable of pairs.
    ValueError
        If the graph has a cycle, a set is empty where it must not be, the sets overlap, or a
        node is not in the graph.

    References
    ----------
    Pearl, *Probabilistic Reasoning in Intelligent Systems*, 1988, §3.3; Lauritzen, Dawid,
    Larsen & Leimer, *Independence properties of directed Markov fields*, Networks 20, 1990.

    Examples
    --------
    >>> from aimath_ref.inference import d_separated
    >>> collider = [("A", "C"), ("B", "C")]
    >>> d_separated(collider, {"A"}, {"B"}), d_separated(collider, {"A"}, {"B"}, {"C"})
    (True, False)
    """
    es = _graph(edges)
    _check_dag(es)
    nodes = {u for e in es for u in e}
    X, Y, Z = set(x), set(y), set(z)
    if not X or not Y:
        raise ValueError(f"x and y must not be empty, got x={X}, y={Y}")
    if X & Y or X & Z or Y & Z:
        raise ValueError(f"x, y and z must be disjoint, got x={X}, y={Y}, z={Z}")
    unknown = (X | Y | Z) - nodes
    if unknown:
        raise ValueError(f"nodes must be in the graph, got unknown {sorted(map(repr, unknown))}")
    parents: dict[Hashable, set[Hashable]] = {n: set() for n in nodes}
    for u, v in es:
        parents[v].add(u)
    keep, todo = set(), list(X | Y | Z)
    while todo:  # ancestral set of x ∪ y ∪ z
        n = todo.pop()
        if n not in keep:
            keep.add(n)
            todo.extend(parents[n])
    adj: dict[Hashable, set[Hashable]] = {n: set() for n in keep}
    for v in keep:
        ps = parents[v] & keep
        for u in ps:
            adj[u].add(v)
            adj[v].add(u)
        for u in ps:  # moralise: marry the parents of v
            adj[u] |= ps - {u}
    seen, todo = set(X), list(X)
    while todo:  # search from x, never entering z
        n = todo.pop()
        for m in adj[n] - Z:
            if m in Y:
                return False
            if m not in seen:
                seen.add(m)
                todo.append(m)
    return True


def mrf_joint(potentials: Mapping[tuple[int, ...], torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Joint table and partition function of a discrete Markov random field, by enumeration.

    $$P(x) = \frac{1}{Z} \prod_{c} \psi_c(x_c),\qquad Z = \sum_x \prod_c \psi_c(x_c)$$

    Parameters
    ----------
    potentials : mapping of tuple of int to torch.Tensor
        ``{(i, j, ...): psi}``: a non-negative table over the variables of one clique, one
        dimension per variable, in the order the tuple names them. Variables are numbered
        $0, \dots, n-1$ and each must appear in some clique, with the same size everywhere.

    Returns
    -------
    (torch.Tensor, torch.Tensor)
        The joint table (one dimension per variable, summing to 1) and $Z$ (0-D).

    Raises
    ------
    TypeError
        If a key is not a tuple of ints or a potential is not a floating tensor.
    ValueError
        If there are no potentials, a potential is negative or NaN or its dimensions do not
        match its clique, variable sizes disagree, a variable number is missing, there are
        more than 26 variables, or $Z = 0$.

    References
    ----------
    Koller & Friedman, *Probabilistic Graphical Models*, 2009, §4.2; Bishop, *Pattern
    Recognition and Machine Learning*, §8.3.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import mrf_joint
    >>> agree = torch.tensor([[2.0, 1.0], [1.0, 2.0]])  # neighbours prefer equal values
    >>> joint, Z = mrf_joint({(0, 1): agree, (1, 2): agree})
    >>> Z.item(), round(joint[0, 0, 0].item(), 4)
    (18.0, 0.2222)
    """
    if not isinstance(potentials, Mapping) or not potentials:
        raise ValueError(f"potentials must be a non-empty mapping of clique to table, got {potentials!r}")
    sizes: dict[int, int] = {}
    tables = []
    for clique, psi in potentials.items():
        if not isinstance(clique, tuple) or not clique or \
                not all(isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in clique):
            raise TypeError(f"clique keys must be non-empty tuples of non-negative ints, got {clique!r}")
        if len(set(clique)) != len(clique):
            raise ValueError(f"a clique names a variable twice: {clique!r}")
        _checks.tensor(psi, f"potentials[{clique}]", ndim=len(clique))
        if not torch.isfinite(psi).all() or (psi < 0).any():
            raise ValueError(f"potentials[{clique}] must be finite and >= 0, got {psi.flatten()[:6].tolist()}")
        for i, s in zip(clique, psi.shape):
            if sizes.setdefault(i, s) != s:
                raise ValueError(f"variable {i} has size {sizes[i]} in one clique and {s} in {clique}")
        tables.append((clique, psi))
    n = len(sizes)
    if sorted(sizes) != list(range(n)):
        raise ValueError(f"variables must be numbered 0..n-1, got {sorted(sizes)}")
    if n > len(string.ascii_letters) // 2:
        raise ValueError(f"enumeration supports at most 26 variables, got {n}")
    letters = string.ascii_lowercase
    spec = ",".join("".join(letters[i] for i in c) for c, _ in tables) + "->" + letters[:n]
    dtype = tables[0][1].dtype
    for _, t in tables:
        dtype = torch.promote_types(dtype, t.dtype)
    work = torch.float32 if dtype in (torch.float16, torch.bfloat16) else dtype
    unnorm = torch.einsum(spec, *[t.to(work) for _, t in tables])  # ∏_c ψ_c(x_c)
    Z = unnorm.sum()
    if Z <= 0:
        raise ValueError("the potentials multiply to zero everywhere (Z = 0)")
    return unnorm / Z, Z
