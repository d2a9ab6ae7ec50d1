r"""Tensors: N-dimensional arrays, their conventional layouts, and broadcasting.

A tensor of order $N$ is an array indexed by $N$ integers; a scalar has order 0, a vector 1,
a matrix 2. Deep-learning code names each axis (batch $B$, channels $C$, time $T$, ...),
and broadcasting lets axes of size 1 stretch to match.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from ..tables import Row, Table, register

__all__ = ["broadcast_shape", "TENSOR_SHAPES"]


def _as_shape(s: object, i: int) -> tuple[int, ...]:
    if isinstance(s, torch.Size):
        return tuple(s)
    if isinstance(s, int) and not isinstance(s, bool):
        s = (s,)
    if not isinstance(s, Sequence) or isinstance(s, str):
        raise TypeError(f"shapes[{i}] must be a tuple of ints, got {type(s).__name__} {s!r}")
    for j, n in enumerate(s):
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"shapes[{i}][{j}] must be an int, got {type(n).__name__} {n!r}")
        if n < 0:
            raise ValueError(f"shapes[{i}][{j}] must be >= 0, got {n}")
    return tuple(s)


def broadcast_shape(*shapes: Sequence[int] | int) -> tuple[int, ...]:
    r"""The shape that tensors of the given shapes broadcast to, following NumPy/PyTorch rules.

    Align the shapes on the right (pad the shorter ones with 1s on the left), then compare
    one dimension at a time:

    $$n_\text{out} = \begin{cases} n_a & \text{if } n_a = n_b \text{ or } n_b = 1,\\ n_b & \text{if } n_a = 1,\\ \text{error} & \text{otherwise.}\end{cases}$$

    A size-1 axis is repeated (without copying) to the other size; a missing axis counts as 1.

    Parameters
    ----------
    *shapes : tuple of int, torch.Size or int
        The shapes to combine (an int ``n`` means the 1-D shape ``(n,)``). No shapes gives ``()``.

    Returns
    -------
    tuple of int
        The broadcast shape; equal to ``tuple(torch.broadcast_shapes(*shapes))``.

    Raises
    ------
    TypeError
        If a shape is not a sequence of ints.
    ValueError
        If a size is negative, or two sizes in one position differ and neither is 1 (the
        message names the first such dimension, counted from the right, and both sizes).

    References
    ----------
    NumPy documentation, "Broadcasting"; PyTorch documentation, "Broadcasting semantics".

    Examples
    --------
    >>> from aimath_ref.linalg import broadcast_shape
    >>> broadcast_shape((4, 1), (4, 32))
    (4, 32)
    >>> broadcast_shape((16, 3, 224, 224), (3, 1, 1))
    (16, 3, 224, 224)
    """
    parsed = [_as_shape(s, i) for i, s in enumerate(shapes)]
    ndim = max((len(s) for s in parsed), default=0)
    out = [1] * ndim
    owner = [-1] * ndim  # which input set each output size
    for i, s in enumerate(parsed):
        for back in range(1, len(s) + 1):  # compare right to left
            n, pos = s[-back], ndim - back
            if n == 1:
                continue
            if out[pos] == 1:
                out[pos], owner[pos] = n, i
            elif out[pos] != n:
                raise ValueError(
                    f"shapes cannot broadcast: dimension -{back} (counting from the right) is "
                    f"{out[pos]} in shapes[{owner[pos]}] = {parsed[owner[pos]]} and {n} in shapes[{i}] = {s}; "
                    f"sizes must be equal or one of them 1")
    return tuple(out)


def _size_example(shape: tuple[int, ...]) -> str:
    x = torch.empty(shape, dtype=torch.float32, device="meta")  # shape only, no memory
    n, size = x.numel(), x.numel() * x.element_size()
    unit = next((u, f) for u, f in (("MB", 1e6), ("kB", 1e3), ("bytes", 1)) if size >= f)
    amount = f"{size / unit[1]:.1f} {unit[0]}" if unit[1] > 1 else f"{size} bytes"
    return f"{x.ndim}-D, {n:,} number{'s' if n != 1 else ''} ({amount} in float32)"


def _row(data: str, layout: str, axes: str, text: str, shape: tuple[int, ...]) -> Row:
    shown = "$(" + ", ".join(str(n) for n in shape) + (",)$" if len(shape) == 1 else ")$")
    return Row({"Data": data, "Layout": layout, "Axes": axes, "Typical example": f"{text}: {shown}"},
               example=lambda: _size_example(shape))


TENSOR_SHAPES = register(Table(
    name="tensor_shapes",
    title="Tensor layouts",
    caption="Common tensor layouts in deep learning; the last column is computed from the example's shape.",
    columns=("Data", "Layout", "Axes", "Typical example"),
    chapter="Linear Algebra",
    page="linear-algebra/tensors.md",
    rows=(
        _row("Scalar", "$()$", "none", "a loss value", ()),
        _row("Embedding", "$(D,)$", "embedding dimension", "one token, GPT-2 small", (768,)),
        _row("Text batch", "$(B, T, D)$", "batch, sequence length (tokens), embedding dimension",
             r"32 sequences of 128 tokens, $d_\text{model} = 512$", (32, 128, 512)),
        _row("Image batch", "$(B, C, H, W)$", "batch, channels, height, width",
             r"16 RGB images of $224\times 224$ pixels", (16, 3, 224, 224)),
        _row("Attention weights", "$(B, h, T, T)$", "batch, heads, query position, key position",
             "8 sequences, 12 heads, 128 tokens", (8, 12, 128, 128)),
        _row("Video, frames first", "$(B, T, C, H, W)$", "batch, time (frames), channels, height, width",
             "4 clips of 16 RGB frames, $112\\times 112$", (4, 16, 3, 112, 112)),
        _row("Video, channels first", "$(B, C, T, H, W)$", "batch, channels, time, height, width",
             "the same clips as `torch.nn.Conv3d` expects them", (4, 3, 16, 112, 112)),
    ),
))
"""The tensor-layouts table of the site: common shapes from scalars to 5-D video batches, with sizes computed from each shape."""
