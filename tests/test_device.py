"""aimath_ref.device: the device comes from AIMATH_DEVICE; seeded data is identical everywhere."""

from __future__ import annotations

import pytest
import torch

from aimath_ref import get_device, rand, randn
from aimath_ref.device import ENV_VAR


def test_default_is_cpu(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert get_device() == torch.device("cpu")


def test_bad_device_names_are_rejected(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "gpu0")
    with pytest.raises(ValueError, match=r"AIMATH_DEVICE must name a torch device .*got 'gpu0'"):
        get_device()


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_cuda_without_a_gpu_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "cuda")
    with pytest.raises(ValueError, match="CUDA is not available"):
        get_device()


def test_randn_matches_a_seeded_cpu_generator_on_every_device(monkeypatch, device):
    monkeypatch.setenv(ENV_VAR, str(device))
    x = randn(2, 3, seed=7, dtype=torch.float64)
    want = torch.randn(2, 3, generator=torch.Generator().manual_seed(7), dtype=torch.float64)
    assert x.device.type == device.type
    torch.testing.assert_close(x.cpu(), want, rtol=0, atol=0)
    u = rand(1000, seed=1)
    assert u.dtype == torch.float32 and 0 <= u.min().item() and u.max().item() < 1


def test_seeded_draws_repeat_and_differ_by_seed():
    assert torch.equal(randn(5, seed=3), randn(5, seed=3))
    assert not torch.equal(randn(5, seed=3), randn(5, seed=4))


def test_bad_arguments():
    with pytest.raises(ValueError, match="seed must be >= 0, got -1"):
        randn(3, seed=-1)
    with pytest.raises(TypeError, match=r"size\[1\] must be an int, got float 2.5"):
        rand(2, 2.5, seed=0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="dtype must be a floating dtype, got torch.int64"):
        randn(2, seed=0, dtype=torch.int64)
    with pytest.raises(TypeError):
        randn(3)  # type: ignore[call-arg]  # the seed is required
