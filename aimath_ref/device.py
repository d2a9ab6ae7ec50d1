"""Which device the examples run on, and seeded data that is the same on every device.

Every example on the site asks `get_device` where to put its tensors. The test
harness runs each example once per device by setting the ``AIMATH_DEVICE`` environment
variable (``cpu``, ``cuda``, ``cuda:1``, ...); when it is unset, examples run on the CPU.

Random numbers are drawn on the CPU from a generator seeded by the caller and only then
moved, so an example prints the same numbers on a GPU as on a CPU.
"""

from __future__ import annotations

import os

import torch

from . import _checks

__all__ = ["ENV_VAR", "get_device", "randn", "rand"]

ENV_VAR = "AIMATH_DEVICE"
"""Name of the environment variable that selects the device of the examples."""


def get_device() -> torch.device:
    """Return the device named by ``AIMATH_DEVICE`` (default ``cpu``).

    Returns
    -------
    torch.device
        The device the examples should put their tensors on.

    Raises
    ------
    ValueError
        If the variable names a device torch does not know, or CUDA is asked for but not available.

    Examples
    --------
    >>> import os
    >>> from aimath_ref import get_device
    >>> get_device().type in ("cpu", "cuda")
    True
    """
    name = os.environ.get(ENV_VAR, "cpu").strip() or "cpu"
    try:
        device = torch.device(name)
    except RuntimeError as exc:
        raise ValueError(f"{ENV_VAR} must name a torch device such as 'cpu' or 'cuda', got {name!r}") from exc
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"{ENV_VAR} is {name!r} but CUDA is not available on this machine")
    return device


def _draw(kind: str, size: tuple[int, ...], seed: int, dtype: torch.dtype) -> torch.Tensor:
    _checks.integer(seed, "seed", minimum=0)
    for i, s in enumerate(size):
        _checks.integer(s, f"size[{i}]", minimum=0)
    if dtype not in _checks.FLOAT_DTYPES:
        raise TypeError(f"dtype must be a floating dtype, got {dtype}")
    gen = torch.Generator(device="cpu").manual_seed(seed)
    draw = torch.randn if kind == "randn" else torch.rand
    x = draw(size, generator=gen, device="cpu", dtype=torch.float64)  # same bits on every machine
    return x.to(device=get_device(), dtype=dtype)


def randn(*size: int, seed: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    r"""Standard normal samples $x_i \sim \mathcal N(0, 1)$, drawn on the CPU, then moved to `get_device`.

    Parameters
    ----------
    *size : int
        Shape of the result.
    seed : int
        Seed of the CPU generator (keyword only, so no example forgets it).
    dtype : torch.dtype, default torch.float32
        Floating dtype of the result.

    Returns
    -------
    torch.Tensor
        A tensor of the given shape on `get_device`.

    Examples
    --------
    >>> from aimath_ref import randn
    >>> [round(v, 4) for v in randn(3, seed=0).tolist()]
    [1.541, -0.2934, -2.1788]
    """
    return _draw("randn", tuple(size), seed, dtype)


def rand(*size: int, seed: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    r"""Uniform samples $x_i \sim \mathcal U[0, 1)$, drawn on the CPU, then moved to `get_device`.

    Parameters
    ----------
    *size : int
        Shape of the result.
    seed : int
        Seed of the CPU generator.
    dtype : torch.dtype, default torch.float32
        Floating dtype of the result.

    Returns
    -------
    torch.Tensor
        A tensor of the given shape on `get_device`.

    Examples
    --------
    >>> from aimath_ref import rand
    >>> all(0 <= v < 1 for v in rand(4, seed=1).tolist())
    True
    """
    return _draw("rand", tuple(size), seed, dtype)
