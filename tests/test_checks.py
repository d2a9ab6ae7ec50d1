"""The shared argument checks: each refusal names the argument and the value."""

from __future__ import annotations

import math

import pytest
import torch

from aimath_ref import _checks


def test_finite_names_the_first_bad_entry_and_lets_inf_through_on_request():
    x = torch.tensor([[0.5, 1.0], [math.nan, math.inf]])
    with pytest.raises(ValueError, match=r"p must not contain NaN or infinite entries, got nan at index \(1, 0\)"):
        _checks.finite(x, "p")
    with pytest.raises(ValueError, match=r"v must not contain NaN entries, got nan at index \(1, 0\)"):
        _checks.finite(x, "v", allow_inf=True)
    y = torch.tensor([-math.inf, 0.0, math.inf])
    assert _checks.finite(y, "v", allow_inf=True) is y
    with pytest.raises(ValueError, match=r"got -inf at index \(0,\)"):
        _checks.finite(y, "v")
    assert _checks.finite(torch.zeros(0), "e").numel() == 0  # nothing to refuse


def test_real_refuses_ints_too_large_for_a_float():
    with pytest.raises(ValueError, match=r"k must be finite, got an int of 401 digits"):
        _checks.real(10 ** 400, "k")
    assert _checks.real(10 ** 308, "k") == 1e308  # the largest power of ten that fits


def test_device_accepts_names_and_devices_and_refuses_the_rest():
    assert _checks.device(None) is None
    assert _checks.device("cpu") == torch.device("cpu") == _checks.device(torch.device("cpu"))
    with pytest.raises(ValueError, match=r"device must name a device such as 'cpu' or 'cuda', got 'tpu9'"):
        _checks.device("tpu9")
    with pytest.raises(TypeError, match=r"where must be a torch.device, a string or None, got list \['cpu'\]"):
        _checks.device(["cpu"], "where")
