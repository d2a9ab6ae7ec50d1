"""Random probability vectors for the information-theory tests."""

from __future__ import annotations

import torch


def random_distributions(shape, seed: int, dtype: torch.dtype = torch.float64, zeros: bool = False) -> torch.Tensor:
    """Rows of ``shape`` (last dimension the outcomes) that sum to 1, drawn in float64 from a seeded
    CPU generator; with ``zeros``, about 30% of the entries are exactly 0 (never a whole row)."""
    g = torch.Generator().manual_seed(seed)
    p = torch.rand(shape, generator=g, dtype=torch.float64)
    if zeros:
        p[p < 0.3] = 0.0
        p[..., 0] += 0.1
    return (p / p.sum(-1, keepdim=True)).to(dtype)
