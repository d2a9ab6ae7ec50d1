"""Argument checks shared by every module: each error names the argument and its value."""

from __future__ import annotations

from typing import Any

import torch

FLOAT_DTYPES = (torch.float16, torch.bfloat16, torch.float32, torch.float64)


def _describe(x: Any) -> str:
    if isinstance(x, torch.Tensor):
        return f"tensor of shape {tuple(x.shape)} and dtype {x.dtype}"
    return f"{type(x).__name__} {x!r}"


def tensor(x: Any, name: str, *, floating: bool = True, min_ndim: int = 0,
           ndim: int | None = None, nonempty: bool = True) -> torch.Tensor:
    """Return ``x`` if it is a tensor that fits; raise ``TypeError``/``ValueError`` naming ``name`` otherwise."""
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {_describe(x)}")
    if floating and x.dtype not in FLOAT_DTYPES:
        raise TypeError(f"{name} must have a floating dtype (float16, bfloat16, float32 or float64), got {x.dtype}")
    if ndim is not None and x.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimension(s), got shape {tuple(x.shape)}")
    if x.ndim < min_ndim:
        raise ValueError(f"{name} must have at least {min_ndim} dimension(s), got shape {tuple(x.shape)}")
    if nonempty and x.numel() == 0:
        raise ValueError(f"{name} must not be empty, got shape {tuple(x.shape)}")
    return x


def finite(x: torch.Tensor, name: str, *, allow_inf: bool = False) -> torch.Tensor:
    """Return ``x`` if it has no NaN (and, unless ``allow_inf``, no infinite) entry; name the first bad one otherwise.

    A comparison with NaN is false, so range checks such as ``(p < 0).any()`` let NaN through:
    call this first wherever a tensor must be a probability, a parameter or a point.
    """
    bad = x.isnan() if allow_inf else ~torch.isfinite(x)
    if bad.any():
        where = tuple(bad.nonzero()[0].tolist())
        what = "NaN" if allow_inf else "NaN or infinite"
        raise ValueError(f"{name} must not contain {what} entries, got {x[bad][0].item()} at index {where}")
    return x


def device(value: Any, name: str = "device") -> torch.device | None:
    """Return ``value`` as a ``torch.device`` (``None`` stays ``None``) if it names one this machine has."""
    if value is None:
        return None
    if not isinstance(value, (str, torch.device)):
        raise TypeError(f"{name} must be a torch.device, a string or None, got {_describe(value)}")
    try:
        dev = torch.device(value)
    except RuntimeError:
        raise ValueError(f"{name} must name a device such as 'cpu' or 'cuda', got {value!r}") from None
    try:
        torch.empty(0, device=dev)
    except (RuntimeError, AssertionError):
        raise ValueError(f"{name} {value!r} is not available on this machine") from None
    return dev


def same_device(**tensors: torch.Tensor) -> None:
    """Raise ``ValueError`` if the named tensors live on different devices."""
    devices = {name: t.device for name, t in tensors.items()}
    if len(set(devices.values())) > 1:
        listed = ", ".join(f"{n} on {d}" for n, d in devices.items())
        raise ValueError(f"tensors must be on one device, got {listed}")


def dim(d: Any, ndim: int, name: str = "dim") -> int:
    """Normalise a dimension index, rejecting non-integers and out-of-range values."""
    if isinstance(d, bool) or not isinstance(d, int):
        raise TypeError(f"{name} must be an int, got {_describe(d)}")
    if not -max(ndim, 1) <= d < max(ndim, 1):
        raise ValueError(f"{name} must be in [{-max(ndim, 1)}, {max(ndim, 1) - 1}] for a {ndim}-D input, got {d}")
    return d % max(ndim, 1)


def integer(value: Any, name: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` if it is an int within ``[minimum, maximum]``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {_describe(value)}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value}")
    return value


def real(value: Any, name: str, *, positive: bool = False, nonnegative: bool = False,
         low: float | None = None, high: float | None = None,
         low_open: bool = False, high_open: bool = False) -> float:
    """Return ``value`` as a float if it is a finite real number in the stated range."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a real number, got {_describe(value)}")
    try:
        v = float(value)
    except OverflowError:  # an int too large for a float
        raise ValueError(f"{name} must be finite, got an int of {len(str(abs(value)))} digits") from None
    if v != v or v in (float("inf"), float("-inf")):
        raise ValueError(f"{name} must be finite, got {value}")
    if positive and v <= 0:
        raise ValueError(f"{name} must be > 0, got {value}")
    if nonnegative and v < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    if low is not None and (v < low or (low_open and v == low)) or \
            high is not None and (v > high or (high_open and v == high)):
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        raise ValueError(f"{name} must be in {left}{low}, {high}{right}, got {value}")
    return v


def choice(value: Any, name: str, options: tuple[Any, ...]) -> Any:
    """Return ``value`` if it is one of ``options``."""
    if value not in options:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}; got {value!r}")
    return value
