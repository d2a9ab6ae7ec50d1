"""Initialisation scales against the spread torch.nn.init produces on large seeded tensors."""

from __future__ import annotations

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.probability import (
    activation_stds,
    he_normal_std,
    lecun_normal_std,
    xavier_normal_std,
    xavier_uniform_bound,
)


def _std_of(init, shape, **kw):
    w = torch.empty(shape, dtype=torch.float64)
    init(w, generator=torch.Generator().manual_seed(0), **kw)
    return w.std().item(), w.abs().max().item()


@pytest.mark.parametrize("fan_in,fan_out", [(300, 200), (1000, 100), (64, 512)])
@pytest.mark.parametrize("gain", [1.0, 5 / 3])
def test_xavier_normal_matches_torch(fan_in, fan_out, gain):
    std, _ = _std_of(torch.nn.init.xavier_normal_, (fan_out, fan_in), gain=gain)  # torch weights are (out, in)
    assert xavier_normal_std(fan_in, fan_out, gain) == pytest.approx(std, rel=0.01)
    assert xavier_normal_std(fan_in, fan_out) != pytest.approx(lecun_normal_std(fan_in), rel=0.05)  # not 1/n_in


@pytest.mark.parametrize("fan_in,fan_out", [(300, 200), (64, 512)])
def test_xavier_uniform_matches_torch(fan_in, fan_out):
    std, top = _std_of(torch.nn.init.xavier_uniform_, (fan_out, fan_in))
    b = xavier_uniform_bound(fan_in, fan_out)
    assert top <= b and top == pytest.approx(b, rel=0.01)
    assert b / math.sqrt(3) == pytest.approx(std, rel=0.01)


@pytest.mark.parametrize("fan_in", [100, 500])
@pytest.mark.parametrize("a,nonlinearity", [(0.0, "relu"), (0.0, "leaky_relu"), (0.2, "leaky_relu")])
def test_he_normal_matches_torch(fan_in, a, nonlinearity):
    std, _ = _std_of(torch.nn.init.kaiming_normal_, (400, fan_in), a=a, nonlinearity=nonlinearity)
    assert he_normal_std(fan_in, a, nonlinearity) == pytest.approx(std, rel=0.01)


def test_lecun_matches_kaiming_linear():
    std, _ = _std_of(torch.nn.init.kaiming_normal_, (400, 250), nonlinearity="linear")
    assert lecun_normal_std(250) == pytest.approx(std, rel=0.01)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 10_000), st.integers(1, 10_000))
def test_xavier_is_between_fan_in_and_fan_out_rules(n_in, n_out):
    s = xavier_normal_std(n_in, n_out)
    lo, hi = sorted([lecun_normal_std(n_in), lecun_normal_std(n_out)])
    assert lo - 1e-15 <= s <= hi + 1e-15  # 2/(a+b) is the harmonic mean of 1/a and 1/b
    assert s == pytest.approx(xavier_normal_std(n_out, n_in))


def test_activation_stds_show_vanishing_and_stable_signal():
    w = 256
    he = activation_stds(w, 20, he_normal_std(w), "relu")
    small = activation_stds(w, 20, 0.5 * he_normal_std(w), "relu")
    big = activation_stds(w, 20, 2 * he_normal_std(w), "relu")
    assert 0.3 < he[-1] < 3 and small[-1] < 1e-4 and big[-1] > 1e4
    assert activation_stds(w, 3, 0.1, seed=1) == activation_stds(w, 3, 0.1, seed=1)


@pytest.mark.parametrize("call,exc,match", [
    (lambda: xavier_normal_std(0, 10), ValueError, r"fan_in must be >= 1, got 0"),
    (lambda: xavier_normal_std(10, -3), ValueError, r"fan_out must be >= 1, got -3"),
    (lambda: xavier_normal_std(10.0, 10), TypeError, r"fan_in must be an int, got float 10.0"),
    (lambda: xavier_normal_std(10, 10, gain=0), ValueError, r"gain must be > 0, got 0"),
    (lambda: he_normal_std(10, nonlinearity="gelu"), ValueError, r"nonlinearity must be one of .*got 'gelu'"),
    (lambda: lecun_normal_std(0), ValueError, r"fan_in must be >= 1, got 0"),
    (lambda: activation_stds(8, 0, 0.1), ValueError, r"depth must be >= 1, got 0"),
    (lambda: activation_stds(8, 2, -0.1), ValueError, r"weight_std must be > 0, got -0.1"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_initialisation_table_examples_match_torch():
    import re

    from aimath_ref.probability import INITIALISATION
    from aimath_ref.tables import get_table

    assert get_table("initialisation") is INITIALISATION
    spread = {  # what torch.nn.init produces for a 512 -> 128 layer (weights are (out, in))
        lecun_normal_std: _std_of(torch.nn.init.kaiming_normal_, (128, 512), nonlinearity="linear")[0],
        xavier_normal_std: _std_of(torch.nn.init.xavier_normal_, (128, 512))[0],
        xavier_uniform_bound: _std_of(torch.nn.init.xavier_uniform_, (128, 512))[1],
        he_normal_std: _std_of(torch.nn.init.kaiming_normal_, (128, 512), nonlinearity="relu")[0],
    }
    assert {row.impl for row in INITIALISATION.rows} == set(spread)
    for row in INITIALISATION.rows:
        value = float(re.search(r"= (\d\.\d+)\$$", row.example()).group(1))
        assert value == pytest.approx(spread[row.impl], rel=0.02), row.cells["Scheme"]


def test_layer_variance_multiplies_the_second_moment_not_the_variance():
    # Var(y_j) = n_in Var(W) E[x^2] (He et al. 2015, eq. 7). After a ReLU the input has a non-zero mean,
    # so E[x^2] = Var(x) + E[x]^2 differs from Var(x); the factor must multiply E[x^2].
    g = torch.Generator().manual_seed(0)
    n_in, n_out, batch = 256, 256, 4000
    x = torch.relu(torch.randn(batch, n_in, generator=g, dtype=torch.float64))  # E[x^2] = 1/2, Var(x) = 1/2 - 1/(2 pi)
    std = he_normal_std(n_in, nonlinearity="relu")
    W = std * torch.randn(n_out, n_in, generator=g, dtype=torch.float64)
    y = x @ W.T
    factor = n_in * std ** 2  # = 2 for He
    second_moment, var_x = (x ** 2).mean().item(), x.var().item()
    assert y.var().item() == pytest.approx(factor * second_moment, rel=0.05)  # 1.0
    assert abs(y.var().item() - factor * var_x) > 0.25  # 2 (1/2 - 1/(2 pi)) = 0.68 is clearly wrong
