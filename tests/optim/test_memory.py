"""state_shapes against the state torch's own optimisers create, and the optimiser table."""

from __future__ import annotations

import pytest
import torch

from aimath_ref import optim
from aimath_ref.tables import get_table


@pytest.mark.parametrize("name,kwargs", [("SGD", {}), ("SGD", {"momentum": 0.9}), ("RMSprop", {"centered": True}),
                                         ("Adam", {"amsgrad": True}), ("AdamW", {}), ("Adafactor", {})])
@pytest.mark.parametrize("shape", [(512, 256), (7,), (2, 3, 4)])
def test_state_shapes_equal_torchs(name, kwargs, shape):
    assert optim.state_shapes(getattr(optim, name), shape, **kwargs) == \
        optim.state_shapes(getattr(torch.optim, name), shape, **kwargs)


def test_adafactor_state_is_a_row_and_a_column():
    shapes = optim.state_shapes(optim.Adafactor, (1024, 4096))
    assert shapes == {"step": (), "row_var": (1024, 1), "col_var": (1, 4096)}
    assert optim.state_shapes(optim.Adafactor, (300,)) == {"step": (), "variance": (300,)}


@pytest.mark.parametrize("args,exc,match", [
    ((torch.nn.Linear,), TypeError, "optimizer must be a torch.optim.Optimizer subclass"),
    ((optim.Adam, [3, 4]), TypeError, r"shape must be a non-empty tuple of ints, got \[3, 4\]"),
    ((optim.Adam, ()), TypeError, "shape must be a non-empty tuple"),
    ((optim.Adam, (3, 0)), ValueError, r"shape\[1\] must be >= 1, got 0"),
])
def test_state_shapes_refuses_bad_input(args, exc, match):
    with pytest.raises(exc, match=match):
        optim.state_shapes(*args)


def test_optimiser_table_shows_measured_state():
    table = get_table("optimisers")
    cells = {row[0]: row[-1] for row in table.cells()}
    assert "none" in cells["SGD"]
    assert "262,144 numbers (2× the weight)" in cells["Adam"] and "262,144" in cells["AdamW"]
    assert "`row_var` 512×1, `col_var` 1×256 = 768 numbers" in cells["Adafactor"]
    assert [r.impl for r in table.rows] == [optim.SGD, optim.SGD, optim.RMSprop, optim.Adam, optim.AdamW,
                                             optim.Adafactor]
