"""The schedules against torch.optim.lr_scheduler, step by step, and their refusals."""

from __future__ import annotations

import warnings

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from torch.optim import lr_scheduler as L

from aimath_ref.optim import constant, cosine_annealing, linear_warmup_cosine, one_cycle, step_decay
from aimath_ref.tables import get_table


def _torch_lrs(make, steps, lr=0.1):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr)
    sched = make(opt)
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # OneCycleLR's deprecation notes
        for _ in range(steps):
            out.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step()
    return out


def _close(ours, theirs):
    torch.testing.assert_close(torch.tensor(ours, dtype=torch.float64), torch.tensor(theirs, dtype=torch.float64),
                               rtol=1e-12, atol=1e-14)


def test_constant_equals_lambdalr_of_one():
    _close([constant(t, 0.1) for t in range(50)], _torch_lrs(lambda o: L.LambdaLR(o, lambda _: 1.0), 50))


@pytest.mark.parametrize("step_size,gamma", [(1, 0.5), (30, 0.1), (7, 0.9), (10, 0.0)])
def test_step_decay_equals_steplr(step_size, gamma):
    _close([step_decay(t, 0.1, step_size, gamma) for t in range(100)],
           _torch_lrs(lambda o: L.StepLR(o, step_size, gamma), 100))


@pytest.mark.parametrize("T_max,eta_min,steps", [(100, 0.0, 100), (40, 0.01, 130), (1, 0.0, 5)])
def test_cosine_annealing_equals_cosineannealinglr(T_max, eta_min, steps):
    _close([cosine_annealing(t, 0.1, T_max, eta_min) for t in range(steps)],
           _torch_lrs(lambda o: L.CosineAnnealingLR(o, T_max, eta_min), steps))


@pytest.mark.parametrize("warmup,total,start,eta_min", [(10, 100, 0.01, 0.0), (1, 20, 1.0, 0.001),
                                                        (25, 60, 0.3333, 0.01), (99, 100, 0.5, 0.0)])
def test_linear_warmup_cosine_equals_sequentiallr(warmup, total, start, eta_min):
    def make(o):
        return L.SequentialLR(o, [L.LinearLR(o, start, 1.0, total_iters=warmup),
                                  L.CosineAnnealingLR(o, total - warmup, eta_min)], milestones=[warmup])
    _close([linear_warmup_cosine(t, 0.1, warmup, total, start, eta_min) for t in range(total + 1)],
           _torch_lrs(make, total + 1))


@pytest.mark.parametrize("total,pct,strategy,div,final", [(100, 0.3, "cos", 25.0, 1e4), (37, 0.2, "linear", 5.0, 3.0),
                                                          (10, 0.25, "cos", 10.0, 100.0), (3, 0.5, "linear", 2.0, 2.0)])
def test_one_cycle_equals_onecyclelr(total, pct, strategy, div, final):
    _close([one_cycle(t, 0.1, total, pct, strategy, div, final) for t in range(total)],
           _torch_lrs(lambda o: L.OneCycleLR(o, 0.1, total_steps=total, pct_start=pct, anneal_strategy=strategy,
                                             div_factor=div, final_div_factor=final), total))


@given(st.integers(0, 500), st.integers(1, 200), st.floats(0, 1), st.floats(0, 1))
def test_cosine_stays_between_its_ends(t, T, a, b):
    lo, hi = min(a, b), max(a, b)
    assert lo - 1e-12 <= cosine_annealing(t, hi, T, lo) <= hi + 1e-12


@given(st.integers(1, 50), st.integers(1, 50), st.floats(0.01, 1.0))
def test_warmup_rises_to_the_peak_then_falls(warmup, extra, start):
    total = warmup + extra
    lrs = [linear_warmup_cosine(t, 1.0, warmup, total, start) for t in range(total + 1)]
    assert all(x <= y + 1e-12 for x, y in zip(lrs[:warmup], lrs[1:warmup + 1]))
    assert lrs[warmup] == pytest.approx(1.0) and max(lrs) == pytest.approx(1.0)
    assert all(x >= y - 1e-12 for x, y in zip(lrs[warmup:], lrs[warmup + 1:]))


@pytest.mark.parametrize("call,exc,match", [
    (lambda: constant(-1, 0.1), ValueError, r"step must be >= 0, got -1"),
    (lambda: constant(1.5, 0.1), TypeError, r"step must be an int, got float 1\.5"),
    (lambda: constant(0, -0.1), ValueError, r"lr must be >= 0, got -0\.1"),
    (lambda: step_decay(0, 0.1, 0), ValueError, r"step_size must be >= 1, got 0"),
    (lambda: step_decay(0, 0.1, 10, -0.5), ValueError, r"gamma must be >= 0, got -0\.5"),
    (lambda: cosine_annealing(0, 0.1, 0), ValueError, r"T_max must be >= 1, got 0"),
    (lambda: cosine_annealing(0, 0.1, 10, -0.01), ValueError, r"eta_min must be >= 0, got -0\.01"),
    (lambda: linear_warmup_cosine(0, 0.1, 100, 100), ValueError,
     r"warmup_steps must be shorter than the run \(total_steps=100\), got 100"),
    (lambda: linear_warmup_cosine(0, 0.1, 150, 100), ValueError, r"got 150"),
    (lambda: linear_warmup_cosine(0, 0.1, 0, 100), ValueError, r"warmup_steps must be >= 1, got 0"),
    (lambda: linear_warmup_cosine(0, 0.1, 10, 100, start_factor=0.0), ValueError,
     r"start_factor must be in \(0\.0, 1\.0\], got 0\.0"),
    (lambda: linear_warmup_cosine(0, 0.1, 10, 100, start_factor=1.5), ValueError, r"got 1\.5"),
    (lambda: linear_warmup_cosine(-3, 0.1, 10, 100), ValueError, r"step must be >= 0, got -3"),
    (lambda: one_cycle(101, 0.1, 100), ValueError, r"step must be <= total_steps=100, got 101"),
    (lambda: one_cycle(0, 0.1, 1), ValueError, r"total_steps must be >= 2, got 1"),
    (lambda: one_cycle(0, 0.1, 100, pct_start=1.0), ValueError, r"pct_start must be in \(0\.0, 1\.0\), got 1\.0"),
    (lambda: one_cycle(0, 0.1, 100, pct_start=0.0), ValueError, r"got 0\.0"),
    (lambda: one_cycle(0, 0.1, 10, pct_start=0.1), ValueError, r"pct_start \* total_steps must be > 1"),
    (lambda: one_cycle(0, 0.1, 100, anneal_strategy="cosine"), ValueError, r"anneal_strategy must be one of"),
    (lambda: one_cycle(0, 0.1, 100, div_factor=0.0), ValueError, r"div_factor must be > 0, got 0\.0"),
])
def test_bad_arguments_are_refused_naming_the_value(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_edges_that_are_allowed():
    assert one_cycle(100, 0.1, 100) >= 0  # torch allows the call after the last step
    assert linear_warmup_cosine(0, 0.1, 99, 100, start_factor=1.0) == pytest.approx(0.1)
    assert step_decay(10**6, 0.1, 1, 0.0) == 0.0


def test_schedule_table_rows_carry_their_functions_and_values():
    table = get_table("schedules")
    assert [r.impl for r in table.rows] == [constant, step_decay, cosine_annealing, linear_warmup_cosine, one_cycle]
    cells = {row[0]: row[-1] for row in table.cells()}
    assert cells["Step decay (`StepLR`)"].endswith("0.1, 0.1, 0.01, 0.01, 0.0001")
    assert cells["Linear warmup + cosine (`SequentialLR`)"].split(": ")[1].startswith("0.001, 0.1,")
