"""information_content, entropy and binary_entropy against SciPy and NumPy; laws as properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats
import torch
from hypothesis import given
from hypothesis import strategies as st

from aimath_ref.information import binary_entropy, entropy, information_content

from tests.information._data import random_distributions

DTYPES = [torch.float32, torch.float64]


def _tol(dtype):
    eps = torch.finfo(dtype).eps
    return dict(rtol=64 * eps, atol=64 * eps)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("base", [2, math.e, 10])
def test_information_content_matches_numpy(device, dtype, base):
    p = torch.rand(5, 7, generator=torch.Generator().manual_seed(0), dtype=torch.float64).to(dtype)
    got = information_content(p.to(device), base=base)
    want = torch.from_numpy(-np.log(p.double().numpy()) / np.log(base)).to(dtype)
    assert got.dtype == dtype and got.device.type == device.type
    torch.testing.assert_close(got.cpu(), want, **_tol(dtype))


def test_information_content_course_values_and_endpoints():
    got = information_content(torch.tensor([0.5, 0.99, 0.001, 1.0, 0.0], dtype=torch.float64)).tolist()
    assert got[0] == 1.0 and got[1] == pytest.approx(0.0145, abs=1e-4) and got[2] == pytest.approx(9.97, abs=0.01)
    assert got[3] == 0.0 and math.copysign(1, got[3]) > 0 and got[4] == math.inf
    assert information_content(torch.tensor(0.5), base=math.e).item() == pytest.approx(math.log(2))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("zeros", [False, True])
@pytest.mark.parametrize("base", [2, math.e])
def test_entropy_matches_scipy_batched(device, dtype, zeros, base):
    p = random_distributions((4, 3, 6), 1, dtype, zeros)
    got = entropy(p.to(device), base=base)
    want = torch.from_numpy(scipy.stats.entropy(p.double().numpy(), base=base, axis=-1)).to(dtype)
    assert got.shape == (4, 3) and got.dtype == dtype
    torch.testing.assert_close(got.cpu(), want, **_tol(dtype))


def test_entropy_dim_and_scipy_default_base_is_nats():
    p = random_distributions((5, 4), 2, torch.float64).T.contiguous()  # distributions down the columns
    want = scipy.stats.entropy(p.numpy(), axis=0)  # SciPy's default base is e
    torch.testing.assert_close(entropy(p, base=math.e, dim=0), torch.from_numpy(want))
    torch.testing.assert_close(entropy(p, dim=0), torch.from_numpy(want) / math.log(2))


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_entropy_half_precision_is_computed_in_float32(dtype):
    p = random_distributions((3, 5), 3, torch.float64, zeros=True)
    ph = p.to(dtype)
    got = entropy(ph)
    assert got.dtype == dtype
    want = scipy.stats.entropy(ph.double().numpy(), base=2, axis=-1)
    torch.testing.assert_close(got.double(), torch.from_numpy(want), rtol=4 * torch.finfo(dtype).eps, atol=1e-3)


def test_entropy_zero_log_zero_and_extremes():
    assert entropy(torch.tensor([1.0, 0.0, 0.0])).item() == 0.0
    assert not math.copysign(1, entropy(torch.tensor([1.0, 0.0])).item()) < 0  # +0, not -0
    tiny = torch.tensor([1 - 1e-300, 1e-300], dtype=torch.float64)
    assert entropy(tiny).item() == pytest.approx(scipy.stats.entropy(tiny.numpy(), base=2), rel=1e-9)
    assert entropy(torch.full((1,), 1.0)).item() == 0.0


@pytest.mark.parametrize("dtype", DTYPES)
def test_binary_entropy_matches_scipy(device, dtype):
    p = torch.linspace(0, 1, 101, dtype=dtype)
    got = binary_entropy(p.to(device)).cpu()
    pd = p.double().numpy()
    want = scipy.stats.entropy(np.stack([pd, 1 - pd]), base=2, axis=0)
    torch.testing.assert_close(got, torch.from_numpy(want).to(dtype), **_tol(dtype))
    assert got[0].item() == 0.0 and got[-1].item() == 0.0 and got[50].item() == pytest.approx(1.0)
    torch.testing.assert_close(binary_entropy(p, base=math.e), torch.from_numpy(want * math.log(2)).to(dtype), **_tol(dtype))


@given(st.lists(st.floats(0.0, 1.0), min_size=2, max_size=8).filter(lambda v: sum(v) > 1e-3))
def test_uniform_has_largest_entropy(values):
    p = torch.tensor(values, dtype=torch.float64)
    p = p / p.sum()
    n = len(values)
    h = entropy(p).item()
    assert -1e-12 <= h <= math.log2(n) + 1e-12
    assert entropy(torch.full((n,), 1.0 / n, dtype=torch.float64)).item() == pytest.approx(math.log2(n), rel=1e-12)


@given(st.floats(0.0, 1.0))
def test_binary_entropy_symmetric_and_at_most_one_bit(p):
    a = binary_entropy(torch.tensor(p, dtype=torch.float64)).item()
    b = binary_entropy(torch.tensor(1 - p, dtype=torch.float64)).item()
    assert a == pytest.approx(b, abs=1e-12) and 0.0 <= a <= 1.0


@pytest.mark.parametrize("call", [
    lambda: information_content([0.5]),
    lambda: information_content(torch.tensor([1, 0])),
    lambda: entropy(torch.tensor([1, 0])),
    lambda: entropy(torch.tensor([0.5, 0.5]), base="2"),
    lambda: entropy(torch.tensor([0.5, 0.5]), dim=0.0),
    lambda: binary_entropy(np.array([0.5])),
])
def test_type_errors(call):
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize("call, words", [
    (lambda: information_content(torch.tensor([1.5])), "p must have entries in [0, 1], got 1.5"),
    (lambda: information_content(torch.tensor([-0.1])), "got -0.1"),
    (lambda: information_content(torch.tensor([float("nan")])), "p must not contain NaN"),
    (lambda: information_content(torch.tensor([0.5]), base=1), "base must be a positive number other than 1, got 1"),
    (lambda: information_content(torch.tensor([0.5]), base=0), "base must be > 0, got 0"),
    (lambda: information_content(torch.tensor([0.5]), base=-2), "base must be > 0, got -2"),
    (lambda: entropy(torch.tensor([0.5, 0.6])), "p must sum to 1 along dim=-1, got a sum of 1.1"),
    (lambda: entropy(torch.tensor([0.5, 0.5]), dim=1), "dim must be in [-1, 0]"),
    (lambda: entropy(torch.tensor(1.0)), "p must have at least 1 dimension"),
    (lambda: entropy(torch.empty(0)), "p must not be empty"),
    (lambda: entropy(torch.tensor([float("nan"), 1.0])), "p must not contain NaN"),
    (lambda: binary_entropy(torch.tensor([1.0 + 1e-6], dtype=torch.float64)), "p must have entries in [0, 1]"),
    (lambda: binary_entropy(torch.tensor([0.5]), base=float("inf")), "base must be finite, got inf"),
])
def test_value_errors_name_argument_and_value(call, words):
    with pytest.raises(ValueError) as err:
        call()
    assert words in str(err.value)
