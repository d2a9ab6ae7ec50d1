r"""Knowledge graphs: a small triple store and TransE embeddings for link prediction.

A knowledge graph is a set of facts $(s, p, o)$: subject, predicate (relation), object.
TransE gives every entity a vector $\mathbf e$ and every relation a vector $\mathbf r$ and
asks that a true fact be a translation, $\mathbf e_s + \mathbf r_p \approx \mathbf e_o$.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import NamedTuple

import torch

from .. import _checks
from ..linalg.norms import l1_norm, l2_norm
from ..linalg.products import _same_dtype, _work

__all__ = ["LinkPrediction", "TripleStore", "geography_triples", "link_prediction", "train_transe", "transe_score"]

Triple = tuple[Hashable, Hashable, Hashable]


class TripleStore:
    r"""A set of (subject, predicate, object) facts with pattern queries.

    Each fact is indexed by subject, predicate and object, so a query with any of the three
    fixed touches only the matching facts. Entities and relations get integer ids in the
    order they first appear, which is what an embedding table needs.

    Parameters
    ----------
    triples : iterable of tuple, default ()
        Facts ``(subject, predicate, object)`` of hashable values; duplicates are stored once.

    Raises
    ------
    TypeError
        If a fact is not a 3-tuple of hashable values.

    Examples
    --------
    >>> from aimath_ref.graphs import TripleStore
    >>> kg = TripleStore([("Paris", "capital_of", "France"), ("France", "part_of", "Europe")])
    >>> kg.query(predicate="part_of")
    [('France', 'part_of', 'Europe')]
    >>> kg.entities, kg.relations
    (['Paris', 'France', 'Europe'], ['capital_of', 'part_of'])
    """

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self._facts: dict[Triple, None] = {}
        self._index: tuple[dict[Hashable, dict[Triple, None]], ...] = ({}, {}, {})
        self._entities: dict[Hashable, int] = {}
        self._relations: dict[Hashable, int] = {}
        if isinstance(triples, (str, bytes)) or not isinstance(triples, Iterable):
            raise TypeError(f"triples must be an iterable of (subject, predicate, object), got {type(triples).__name__}")
        for t in triples:
            if not isinstance(t, tuple) or len(t) != 3:
                raise TypeError(f"each triple must be a (subject, predicate, object) tuple, got {t!r}")
            self.add(*t)

    def add(self, subject: Hashable, predicate: Hashable, obj: Hashable) -> None:
        """Store the fact ``(subject, predicate, obj)`` (a repeat is ignored)."""
        t = (subject, predicate, obj)
        for name, v in zip(("subject", "predicate", "obj"), t):
            try:
                hash(v)
            except TypeError:
                raise TypeError(f"{name} must be hashable, got {type(v).__name__} {v!r}") from None
        if t in self._facts:
            return
        self._facts[t] = None
        for index, key in zip(self._index, t):
            index.setdefault(key, {})[t] = None
        self._entities.setdefault(subject, len(self._entities))
        self._entities.setdefault(obj, len(self._entities))
        self._relations.setdefault(predicate, len(self._relations))

    def query(self, subject: Hashable | None = None, predicate: Hashable | None = None,
              object: Hashable | None = None) -> list[Triple]:
        """Every fact matching the pattern; ``None`` is a wildcard. Facts keep insertion order."""
        fixed = [(i, key) for i, key in enumerate((subject, predicate, object)) if key is not None]
        if not fixed:
            return list(self._facts)
        pools = [self._index[i].get(key, {}) for i, key in fixed]
        smallest = min(pools, key=len)
        return [t for t in smallest if all(t[i] == key for i, key in fixed)]

    def __contains__(self, triple: object) -> bool:
        return triple in self._facts

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._facts)

    def __len__(self) -> int:
        return len(self._facts)

    @property
    def entities(self) -> list[Hashable]:
        """Subjects and objects, in order of first appearance (their ids are their positions)."""
        return list(self._entities)

    @property
    def relations(self) -> list[Hashable]:
        """Predicates, in order of first appearance."""
        return list(self._relations)

    def encode(self, triples: Iterable[Triple] | None = None) -> torch.Tensor:
        """Facts as an ``(m, 3)`` int64 tensor of ids (entity, relation, entity).

        ``triples`` defaults to the stored facts; others must use known entities and relations.
        """
        rows = []
        for s, p, o in (self._facts if triples is None else triples):
            for name, key, table in (("subject", s, self._entities), ("predicate", p, self._relations),
                                     ("object", o, self._entities)):
                if key not in table:
                    raise ValueError(f"{name} {key!r} is not in the store")
            rows.append((self._entities[s], self._relations[p], self._entities[o]))
        return torch.tensor(rows, dtype=torch.int64).reshape(-1, 3)


def transe_score(h: torch.Tensor, r: torch.Tensor, t: torch.Tensor, p: int = 2) -> torch.Tensor:
    r"""TransE plausibility of a fact: minus the distance between $\mathbf h + \mathbf r$ and $\mathbf t$.

    $$f(h, r, t) = -\lVert \mathbf h + \mathbf r - \mathbf t \rVert_p$$

    0 for a perfect translation, more negative the worse the fit.

    Parameters
    ----------
    h, r, t : torch.Tensor
        Head, relation and tail embeddings ``(..., d)`` of one dtype; shapes broadcast.
    p : {1, 2}, default 2
        The norm.

    Returns
    -------
    torch.Tensor
        Scores of shape ``(...)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor or dtypes differ.
    ValueError
        If an input is 0-D or empty, the last sizes differ, shapes do not broadcast, or
        ``p`` is not 1 or 2.

    References
    ----------
    Bordes et al., *Translating Embeddings for Modeling Multi-relational Data*, NeurIPS 2013.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.graphs import transe_score
    >>> transe_score(torch.tensor([1.0, 0.0]), torch.tensor([0.0, 1.0]), torch.tensor([1.0, 1.0])).item()
    -0.0
    >>> transe_score(torch.tensor([0.0, 0.0]), torch.tensor([3.0, 0.0]), torch.tensor([0.0, 4.0])).item()
    -5.0
    """
    for name, x in (("h", h), ("r", r), ("t", t)):
        _checks.tensor(x, name, min_ndim=1)
    _same_dtype(h=h, r=r, t=t)
    _checks.same_device(h=h, r=r, t=t)
    _checks.choice(p, "p", (1, 2))
    if not h.shape[-1] == r.shape[-1] == t.shape[-1]:
        raise ValueError(f"h, r and t must have the same last size d, got shapes "
                         f"{tuple(h.shape)}, {tuple(r.shape)} and {tuple(t.shape)}")
    try:
        torch.broadcast_shapes(h.shape, r.shape, t.shape)
    except RuntimeError:
        raise ValueError(f"shapes of h, r and t must broadcast, got {tuple(h.shape)}, {tuple(r.shape)} "
                         f"and {tuple(t.shape)}") from None
    diff = _work(h) + _work(r) - _work(t)  # h + r - t
    dist = l1_norm(diff, dim=-1) if p == 1 else l2_norm(diff, dim=-1)
    return (-dist).to(h.dtype)


def train_transe(triples: torch.Tensor, num_entities: int, num_relations: int, dim: int = 16,
                 epochs: int = 300, lr: float = 0.5, margin: float = 1.0, p: int = 2,
                 seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Train TransE embeddings with the margin ranking loss and corrupted facts.

    $$\mathcal L = \frac{1}{m}\sum_{(h, r, t)} \max\!\big(0,\ \gamma - f(h, r, t) + f(h', r, t')\big)$$

    Each epoch corrupts every fact once by replacing its head or its tail (a fair coin) by
    a uniformly drawn entity, takes one full-batch gradient step, and renormalises the
    entity vectors to unit length, as in Bordes et al. Everything random comes from one
    CPU generator seeded with ``seed``; the result is on the device of ``triples``.

    Parameters
    ----------
    triples : torch.Tensor
        Training facts as ids, int64 of shape ``(m, 3)`` (see `TripleStore.encode`).
    num_entities, num_relations : int
        Sizes of the embedding tables (>= 1); every id must be smaller.
    dim : int, default 16
        Embedding dimension (>= 1).
    epochs : int, default 300
        Number of full-batch steps (>= 1).
    lr : float, default 0.5
        Step size (> 0).
    margin : float, default 1.0
        $\gamma > 0$.
    p : {1, 2}, default 2
        The norm of `transe_score`.
    seed : int, default 0
        Seed of the initialisation and of the corruption.

    Returns
    -------
    E : torch.Tensor
        Entity embeddings ``(num_entities, dim)``, float32, unit rows.
    R : torch.Tensor
        Relation embeddings ``(num_relations, dim)``, float32.

    Raises
    ------
    TypeError
        If ``triples`` is not an integer tensor or a number has the wrong type.
    ValueError
        If ``triples`` is not ``(m, 3)`` or empty, an id is out of range, or a number is out of range.

    References
    ----------
    Bordes et al., *Translating Embeddings for Modeling Multi-relational Data*, NeurIPS 2013, Algorithm 1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.graphs import train_transe
    >>> E, R = train_transe(torch.tensor([[0, 0, 1]]), num_entities=2, num_relations=1, dim=4, epochs=5)
    >>> tuple(E.shape), tuple(R.shape)
    ((2, 4), (1, 4))
    """
    ids = _check_ids(triples, num_entities, num_relations)
    _checks.integer(dim, "dim", minimum=1)
    _checks.integer(epochs, "epochs", minimum=1)
    lr = _checks.real(lr, "lr", positive=True)
    margin = _checks.real(margin, "margin", positive=True)
    _checks.choice(p, "p", (1, 2))
    _checks.integer(seed, "seed")
    gen = torch.Generator().manual_seed(seed)
    bound = 6.0 / dim ** 0.5  # the uniform initialisation of Bordes et al.
    E = (torch.rand(num_entities, dim, generator=gen) * 2 - 1) * bound
    R = (torch.rand(num_relations, dim, generator=gen) * 2 - 1) * bound
    R = R / l2_norm(R, dim=-1, keepdim=True)
    E.requires_grad_(True)
    R.requires_grad_(True)
    h, r, t = ids.unbind(-1)
    m = ids.shape[0]
    for _ in range(epochs):
        with torch.no_grad():
            E /= l2_norm(E, dim=-1, keepdim=True)  # unit-length entities
        random_entity = torch.randint(num_entities, (m,), generator=gen)
        corrupt_head = torch.rand(m, generator=gen) < 0.5
        h2 = torch.where(corrupt_head, random_entity, h)  # (h', r, t') shares r
        t2 = torch.where(corrupt_head, t, random_entity)
        pos = transe_score(E[h], R[r], E[t], p)
        neg = transe_score(E[h2], R[r], E[t2], p)
        loss = torch.relu(margin - pos + neg).mean()
        E.grad = R.grad = None
        loss.backward()
        with torch.no_grad():
            E -= lr * E.grad
            R -= lr * R.grad
    with torch.no_grad():
        E /= l2_norm(E, dim=-1, keepdim=True)
    return E.detach().to(triples.device), R.detach().to(triples.device)


def _check_ids(triples: torch.Tensor, num_entities: int, num_relations: int) -> torch.Tensor:
    _checks.tensor(triples, "triples", floating=False, ndim=2)
    if triples.dtype.is_floating_point or triples.dtype.is_complex or triples.dtype == torch.bool:
        raise TypeError(f"triples must be an integer tensor of ids, got {triples.dtype}")
    if triples.shape[1] != 3:
        raise ValueError(f"triples must have shape (m, 3), got {tuple(triples.shape)}")
    _checks.integer(num_entities, "num_entities", minimum=1)
    _checks.integer(num_relations, "num_relations", minimum=1)
    ids = triples.to("cpu", torch.int64)
    ents, rels = ids[:, [0, 2]], ids[:, 1]
    if ents.min() < 0 or ents.max() >= num_entities:
        raise ValueError(f"entity ids must be in [0, {num_entities - 1}], got range "
                         f"[{ents.min().item()}, {ents.max().item()}]")
    if rels.min() < 0 or rels.max() >= num_relations:
        raise ValueError(f"relation ids must be in [0, {num_relations - 1}], got range "
                         f"[{rels.min().item()}, {rels.max().item()}]")
    return ids


class LinkPrediction(NamedTuple):
    """Ranks of the true tails and their summary (see `link_prediction`)."""

    ranks: list[int]
    mean_rank: float
    hits_at_k: float
    k: int


def link_prediction(E: torch.Tensor, R: torch.Tensor, triples: torch.Tensor, k: int = 1, p: int = 2,
                    known: torch.Tensor | None = None) -> LinkPrediction:
    r"""Rank the true tail of each fact $(h, r, ?)$ among all entities by TransE score.

    $$\operatorname{rank}(h, r, t) = 1 + \#\{\, t' \ne t : f(h, r, t') > f(h, r, t) \,\}$$

    Mean rank is the average rank (1 is perfect, about half the number of entities is
    chance); hits@k is the share of facts whose true tail ranks in the top $k$. In the
    *filtered* setting, candidates $t'$ that make a fact listed in ``known`` are skipped:
    they are not mistakes.

    Parameters
    ----------
    E, R : torch.Tensor
        Entity ``(num_entities, d)`` and relation ``(num_relations, d)`` embeddings.
    triples : torch.Tensor
        Facts to evaluate, int64 ids ``(m, 3)``.
    k : int, default 1
        The cut-off of hits@k (>= 1).
    p : {1, 2}, default 2
        The norm of `transe_score`.
    known : torch.Tensor or None, default None
        Other true facts ``(m', 3)`` to filter out of the candidates.

    Returns
    -------
    LinkPrediction
        ``ranks`` (one per fact), ``mean_rank``, ``hits_at_k`` and ``k``.

    Raises
    ------
    TypeError
        If ``E`` or ``R`` is not a floating tensor, or ``triples``/``known`` not an integer tensor.
    ValueError
        If shapes do not fit, an id is out of range, ``k`` < 1, or ``p`` is not 1 or 2.

    References
    ----------
    Bordes et al., *Translating Embeddings for Modeling Multi-relational Data*, NeurIPS 2013, §4.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.graphs import link_prediction
    >>> E = torch.tensor([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    >>> R = torch.tensor([[1.0, 0.0]])
    >>> link_prediction(E, R, torch.tensor([[0, 0, 1], [0, 0, 2]]), k=1)
    LinkPrediction(ranks=[1, 3], mean_rank=2.0, hits_at_k=0.5, k=1)
    """
    _checks.tensor(E, "E", ndim=2)
    _checks.tensor(R, "R", ndim=2)
    if E.shape[1] != R.shape[1]:
        raise ValueError(f"E and R must have the same dimension d, got shapes {tuple(E.shape)} and {tuple(R.shape)}")
    ids = _check_ids(triples, E.shape[0], R.shape[0])
    _checks.integer(k, "k", minimum=1)
    filt = None if known is None else _check_ids(known, E.shape[0], R.shape[0])
    Ec, Rc = E.detach().cpu(), R.detach().cpu()
    ranks = []
    for h, r, t in ids.tolist():
        scores = transe_score(Ec[h], Rc[r], Ec, p)  # f(h, r, t') for every entity t'
        better = scores > scores[t]
        if filt is not None:
            true_tails = filt[(filt[:, 0] == h) & (filt[:, 1] == r), 2]
            better[true_tails] = False
        better[t] = False
        ranks.append(1 + int(better.sum()))
    return LinkPrediction(ranks, sum(ranks) / len(ranks), sum(rk <= k for rk in ranks) / len(ranks), k)


_GEOGRAPHY = {
    "Europe": [("Paris", "France"), ("Berlin", "Germany"), ("Madrid", "Spain"), ("Rome", "Italy"),
               ("Lisbon", "Portugal")],
    "Asia": [("Tokyo", "Japan"), ("Beijing", "China"), ("New Delhi", "India"), ("Seoul", "South Korea"),
             ("Bangkok", "Thailand")],
    "Africa": [("Nairobi", "Kenya"), ("Cairo", "Egypt"), ("Accra", "Ghana"), ("Dakar", "Senegal"),
               ("Rabat", "Morocco")],
    "South America": [("Lima", "Peru"), ("Quito", "Ecuador"), ("Bogota", "Colombia"), ("Santiago", "Chile"),
                      ("Caracas", "Venezuela")],
}


def geography_triples() -> tuple[TripleStore, list[Triple]]:
    """A small knowledge graph of capitals, countries and continents, with held-out facts.

    Training facts: every ``(city, capital_of, country)``, every ``(country, part_of, continent)``
    and ``(city, located_in, continent)`` for four of the five capitals of each continent.
    Held out: ``located_in`` for the first capital of each continent (Paris, Tokyo, Nairobi,
    Lima), which follows from the other two relations.

    Returns
    -------
    train : TripleStore
        The 56 training facts (44 entities, 3 relations).
    held_out : list of tuple
        The 4 held-out facts.

    Examples
    --------
    >>> from aimath_ref.graphs import geography_triples
    >>> train, held_out = geography_triples()
    >>> len(train), len(train.entities), held_out[0]
    (56, 44, ('Paris', 'located_in', 'Europe'))
    """
    facts, held_out = [], []
    for continent, pairs in _GEOGRAPHY.items():
        for i, (city, country) in enumerate(pairs):
            facts += [(city, "capital_of", country), (country, "part_of", continent)]
            (held_out if i == 0 else facts).append((city, "located_in", continent))
    return TripleStore(facts), held_out
