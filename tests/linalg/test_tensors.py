"""aimath_ref.linalg.tensors against torch.broadcast_shapes and NumPy."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.linalg import TENSOR_SHAPES, broadcast_shape

shape = st.lists(st.sampled_from([1, 2, 3, 4]), min_size=0, max_size=4).map(tuple)


@settings(max_examples=30, deadline=None)
@given(st.lists(shape, min_size=0, max_size=4))
def test_broadcast_shape_matches_torch_and_numpy(shapes):
    try:
        expected = tuple(torch.broadcast_shapes(*shapes))
    except RuntimeError:
        with pytest.raises(ValueError, match="cannot broadcast"):
            broadcast_shape(*shapes)
        with pytest.raises(ValueError):
            np.broadcast_shapes(*shapes)
        return
    assert broadcast_shape(*shapes) == expected == np.broadcast_shapes(*shapes)


def test_broadcast_shape_examples():
    assert broadcast_shape((4, 1), (4, 32)) == (4, 32)
    assert broadcast_shape(torch.Size([16, 3, 224, 224]), (3, 1, 1)) == (16, 3, 224, 224)
    assert broadcast_shape(5, (2, 1)) == tuple(torch.broadcast_shapes(5, (2, 1)))
    assert broadcast_shape((0, 1), (1, 3)) == tuple(torch.broadcast_shapes((0, 1), (1, 3)))
    assert broadcast_shape() == ()
    b = torch.ones(4, 1) + torch.ones(4, 32)
    assert broadcast_shape((4, 1), (4, 32)) == tuple(b.shape)


def test_broadcast_shape_names_first_incompatible_dimension():
    with pytest.raises(ValueError, match=r"dimension -1 .* is 3 in shapes\[0\] = \(4, 3\) and 32 in shapes\[1\]"):
        broadcast_shape((4, 3), (4, 32))
    with pytest.raises(ValueError, match=r"dimension -2 .* 5 in shapes\[0\].* 4 in shapes\[1\]"):
        broadcast_shape((5, 1), (4, 32))
    with pytest.raises(TypeError, match=r"shapes\[1\]\[0\] must be an int, got float 2.0"):
        broadcast_shape((2,), (2.0,))
    with pytest.raises(ValueError, match=r"shapes\[0\]\[1\] must be >= 0, got -1"):
        broadcast_shape((2, -1))
    with pytest.raises(TypeError, match=r"shapes\[0\] must be a tuple of ints"):
        broadcast_shape("ab")


def test_tensor_shapes_table():
    layouts = [row.cells["Layout"] for row in TENSOR_SHAPES.rows]
    assert "$(B, T, C, H, W)$" in layouts and "$(B, C, T, H, W)$" in layouts  # errata E8
    conv = torch.nn.Conv3d(3, 2, kernel_size=1)
    out = conv(torch.zeros(1, 3, 2, 4, 4))  # Conv3d reads (B, C, T, H, W)
    assert out.shape == (1, 2, 2, 4, 4)
    text = TENSOR_SHAPES.to_markdown()
    assert f"4-D, {torch.zeros(16, 3, 224, 224).numel():,} numbers" in text  # computed at render time
