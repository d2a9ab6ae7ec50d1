"""TripleStore, transe_score, train_transe and link_prediction."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from aimath_ref.graphs import (
    TripleStore,
    geography_triples,
    link_prediction,
    train_transe,
    transe_score,
)


def test_triple_store_queries():
    kg = TripleStore([("Paris", "capital_of", "France"), ("France", "part_of", "Europe"),
                      ("Berlin", "capital_of", "Germany"), ("Paris", "capital_of", "France")])
    assert len(kg) == 3 and ("France", "part_of", "Europe") in kg
    assert kg.query(subject="Paris") == [("Paris", "capital_of", "France")]
    assert kg.query(predicate="capital_of", object="Germany") == [("Berlin", "capital_of", "Germany")]
    assert kg.query(subject="Rome") == [] and len(kg.query()) == 3 and list(kg) == kg.query()
    assert kg.encode().tolist() == [[0, 0, 1], [1, 1, 2], [3, 0, 4]]
    with pytest.raises(ValueError, match="object 'Asia' is not in the store"):
        kg.encode([("France", "part_of", "Asia")])
    with pytest.raises(TypeError, match="each triple must be a .* tuple, got \\['a', 'b'\\]"):
        TripleStore([["a", "b"]])
    with pytest.raises(TypeError, match="triples must be an iterable"):
        TripleStore("abc")
    with pytest.raises(TypeError, match="obj must be hashable, got list"):
        kg.add("a", "b", [1])


@pytest.mark.parametrize("p", [1, 2])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_transe_score_matches_numpy(p, dtype, device):
    g = torch.Generator().manual_seed(p)
    h, r, t = (torch.randn(4, 6, 8, generator=g, dtype=torch.float64).to(device, dtype) for _ in range(3))
    got = transe_score(h, r[0], t, p)
    assert got.shape == (4, 6) and got.dtype == dtype
    want = -np.linalg.norm((h + r[0] - t).cpu().double().numpy(), ord=p, axis=-1)
    np.testing.assert_allclose(got.cpu().double().numpy(), want, rtol=1e-5 if dtype == torch.float32 else 1e-12)
    half = transe_score(h.half(), r.half(), t.half(), p)
    assert half.dtype == torch.float16 and torch.isfinite(half).all()


def test_transe_score_bad_input():
    x = torch.zeros(3)
    with pytest.raises(ValueError, match="p must be one of 1, 2; got 3"):
        transe_score(x, x, x, p=3)
    with pytest.raises(ValueError, match="h, r and t must have the same last size d"):
        transe_score(x, x, torch.zeros(4))
    with pytest.raises(ValueError, match="shapes of h, r and t must broadcast"):
        transe_score(torch.zeros(2, 3), x, torch.zeros(5, 3))
    with pytest.raises(TypeError, match="tensors must share one dtype"):
        transe_score(x, x.double(), x)
    with pytest.raises(ValueError, match="h must have at least 1 dimension"):
        transe_score(torch.tensor(1.0), x, x)


@pytest.mark.parametrize("seed", [0, 1, 3])
def test_training_ranks_held_out_facts_above_corrupted_ones(seed):
    train, held_out = geography_triples()
    ids, test = train.encode(), train.encode(held_out)
    E, R = train_transe(ids, len(train.entities), len(train.relations), seed=seed)
    result = link_prediction(E, R, test, k=3, known=ids)
    assert result.mean_rank <= 2.0 and result.hits_at_k == 1.0  # chance: mean rank about 22 of 44
    untrained = link_prediction(*train_transe(ids, len(train.entities), 3, epochs=1, seed=seed), test, k=3)
    assert untrained.mean_rank > result.mean_rank
    again = train_transe(ids, len(train.entities), len(train.relations), seed=seed)
    torch.testing.assert_close(again[0], E)  # seeded: reproducible
    assert torch.allclose(E.norm(dim=-1), torch.ones(len(E)))


def test_link_prediction_ranks_and_filter():
    E = torch.tensor([[0.0, 0.0], [1.0, 0.0], [0.9, 0.0], [0.0, 1.0]])
    R = torch.tensor([[1.0, 0.0]])
    res = link_prediction(E, R, torch.tensor([[0, 0, 2]]), k=1)
    assert res.ranks == [2] and res.hits_at_k == 0.0
    filtered = link_prediction(E, R, torch.tensor([[0, 0, 2]]), k=1, known=torch.tensor([[0, 0, 1]]))
    assert filtered.ranks == [1] and filtered.mean_rank == 1.0


def test_training_and_ranking_bad_input():
    ids = torch.tensor([[0, 0, 1]])
    with pytest.raises(TypeError, match="triples must be an integer tensor of ids, got torch.float32"):
        train_transe(ids.float(), 2, 1)
    with pytest.raises(ValueError, match=r"triples must have shape \(m, 3\), got \(1, 2\)"):
        train_transe(ids[:, :2], 2, 1)
    with pytest.raises(ValueError, match=r"entity ids must be in \[0, 0\], got range \[0, 1\]"):
        train_transe(ids, 1, 1)
    with pytest.raises(ValueError, match=r"relation ids must be in \[0, 0\], got range \[2, 2\]"):
        train_transe(torch.tensor([[0, 2, 1]]), 2, 1)
    with pytest.raises(ValueError, match="lr must be > 0, got 0"):
        train_transe(ids, 2, 1, lr=0)
    with pytest.raises(ValueError, match="epochs must be >= 1, got 0"):
        train_transe(ids, 2, 1, epochs=0)
    with pytest.raises(TypeError, match="dim must be an int"):
        train_transe(ids, 2, 1, dim=2.5)
    with pytest.raises(ValueError, match="triples must not be empty"):
        train_transe(torch.zeros(0, 3, dtype=torch.int64), 2, 1)
    E, R = torch.zeros(2, 3), torch.zeros(1, 3)
    with pytest.raises(ValueError, match="k must be >= 1, got 0"):
        link_prediction(E, R, ids, k=0)
    with pytest.raises(ValueError, match="E and R must have the same dimension d"):
        link_prediction(E, torch.zeros(1, 4), ids)
