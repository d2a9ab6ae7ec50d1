"""Checks shared by the information-theory functions: probability vectors, log bases, work dtypes."""

from __future__ import annotations

import math
from typing import Any

import torch

from .. import _checks


def work_dtype(x: torch.Tensor) -> torch.dtype:
    """float32 for half precision (logs of small numbers underflow there), the input dtype otherwise."""
    return torch.float32 if x.dtype in (torch.float16, torch.bfloat16) else x.dtype


def sum_tolerance(dtype: torch.dtype) -> float:
    """How far from 1 a sum of probabilities may be in ``dtype`` (rounding of the inputs)."""
    if dtype in (torch.float16, torch.bfloat16):
        return 2e-2
    if dtype == torch.float32:
        return 1e-4
    return 1e-8


def log_base(base: Any) -> float:
    """``ln(base)`` for a real base > 0 other than 1; bits for 2, nats for e."""
    b = _checks.real(base, "base", positive=True)
    if b == 1.0:
        raise ValueError(f"base must be a positive number other than 1, got {base}")
    return math.log(b)


def probabilities(p: Any, name: str) -> torch.Tensor:
    """Entries of a probability tensor: finite and in [0, 1] (no normalisation check)."""
    _checks.tensor(p, name)
    if bool(torch.isnan(p).any()):
        raise ValueError(f"{name} must not contain NaN, got nan at flat index {int(torch.isnan(p).flatten().nonzero()[0])}")
    bad = (p < 0) | (p > 1)
    if bool(bad.any()):
        raise ValueError(f"{name} must have entries in [0, 1], got {p[bad].flatten()[0].item()}")
    return p


def distribution(p: Any, name: str, dim: int) -> tuple[torch.Tensor, int]:
    """A tensor of probability vectors along ``dim``: entries in [0, 1] that sum to 1 there."""
    _checks.tensor(p, name, min_ndim=1)
    d = _checks.dim(dim, p.ndim)
    probabilities(p, name)
    sums = p.to(torch.float64).sum(dim=d)
    off = (sums - 1).abs() > sum_tolerance(p.dtype)
    if bool(off.any()):
        raise ValueError(f"{name} must sum to 1 along dim={dim}, got a sum of {sums[off].flatten()[0].item():.6g}")
    return p, d


def pair(p: Any, q: Any, dim: int) -> tuple[torch.Tensor, torch.Tensor, int]:
    """Two distributions of one shape on one device, returned in their common work dtype."""
    p, d = distribution(p, "p", dim)
    q, _ = distribution(q, "q", dim)
    if p.shape != q.shape:
        raise ValueError(f"p and q must have the same shape, got {tuple(p.shape)} and {tuple(q.shape)}")
    if p.dtype != q.dtype:
        raise TypeError(f"p and q must have the same dtype, got {p.dtype} and {q.dtype}")
    _checks.same_device(p=p, q=q)
    w = work_dtype(p)
    return p.to(w), q.to(w), d
