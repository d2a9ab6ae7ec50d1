"""huffman_code_lengths: optimal against brute force, Kraft equality, H <= average length < H + 1."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from aimath_ref.information import entropy, huffman_code_lengths


def _best_average_length(p):
    """Shortest average length over every length vector allowed by Kraft's inequality (small n only)."""
    n = len(p)
    best = math.inf
    for lengths in itertools.product(range(1, n), repeat=n):
        if sum(2.0 ** -l for l in lengths) <= 1 + 1e-12:
            best = min(best, sum(pi * li for pi, li in zip(p, lengths)))
    return best


@pytest.mark.parametrize("seed", range(6))
def test_optimal_against_brute_force(seed):
    g = torch.Generator().manual_seed(seed)
    n = 2 + seed % 4
    p = torch.rand(n, generator=g, dtype=torch.float64)
    p = p / p.sum()
    lengths = huffman_code_lengths(p)
    assert (p * lengths).sum().item() == pytest.approx(_best_average_length(p.tolist()), abs=1e-12)


@given(st.lists(st.floats(0.0, 1.0), min_size=2, max_size=30).filter(lambda v: sum(1 for x in v if x > 1e-3) >= 2))
def test_source_coding_bounds_and_kraft(values):
    p = torch.tensor([v if v > 1e-3 else 0.0 for v in values], dtype=torch.float64)
    p = p / p.sum()
    lengths = huffman_code_lengths(p)
    avg = (p * lengths).sum().item()
    h = entropy(p).item()
    assert h - 1e-12 <= avg < h + 1
    used = lengths[p > 0]
    assert sum(2.0 ** -l for l in used.tolist()) == pytest.approx(1.0)  # a complete prefix code
    assert (lengths[p == 0] == 0).all()


def test_dyadic_distribution_meets_entropy_and_device(device):
    p = torch.tensor([0.5, 0.25, 0.125, 0.0625, 0.0625], device=device)
    lengths = huffman_code_lengths(p)
    assert lengths.tolist() == [1, 2, 3, 4, 4] and lengths.dtype == torch.int64 and lengths.device.type == device.type
    assert (p * lengths).sum().item() == pytest.approx(entropy(p).item())


def test_degenerate_cases():
    assert huffman_code_lengths(torch.tensor([1.0])).tolist() == [0]
    assert huffman_code_lengths(torch.tensor([0.0, 1.0, 0.0])).tolist() == [0, 0, 0]
    assert huffman_code_lengths(torch.tensor([0.5, 0.5])).tolist() == [1, 1]
    assert huffman_code_lengths(torch.full((8,), 1 / 8)).tolist() == [3] * 8
    assert huffman_code_lengths(torch.tensor([0.5, 0.5], dtype=torch.bfloat16)).tolist() == [1, 1]


@pytest.mark.parametrize("p, error, words", [
    (torch.tensor([[0.5, 0.5]]), ValueError, "p must be 1-D, got shape (1, 2)"),
    (torch.tensor([0.5, 0.6]), ValueError, "p must sum to 1"),
    (torch.tensor([1.5, -0.5]), ValueError, "p must have entries in [0, 1], got 1.5"),
    (torch.tensor([float("nan"), 1.0]), ValueError, "p must not contain NaN"),
    (torch.empty(0), ValueError, "p must not be empty"),
    (torch.tensor([1, 0]), TypeError, "p must have a floating dtype"),
    ([0.5, 0.5], TypeError, "p must be a torch.Tensor, got list"),
])
def test_bad_input(p, error, words):
    with pytest.raises(error) as err:
        huffman_code_lengths(p)
    assert words in str(err.value)
