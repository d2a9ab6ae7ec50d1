"""softmax, log_softmax, top-k, top-p and sample_next_token against torch and independent NumPy code."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from aimath_ref.probability import (
    log_softmax,
    sample_next_token,
    softmax,
    top_k_filter,
    top_p_filter,
)


def _logits(shape, dtype=torch.float32, device="cpu", seed=0, scale=3.0):
    g = torch.Generator().manual_seed(seed)
    return (scale * torch.randn(shape, generator=g, dtype=torch.float64)).to(device=device, dtype=dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("shape,dim", [((7,), -1), ((4, 9), -1), ((4, 9), 0), ((2, 3, 5), 1)])
@pytest.mark.parametrize("tau", [0.5, 1.0, 2.0])
def test_softmax_and_log_softmax_match_torch_and_scipy(shape, dim, tau, dtype, device):
    z = _logits(shape, dtype, device)
    p, lp = softmax(z, tau, dim), log_softmax(z, tau, dim)
    assert p.dtype == dtype and p.device == z.device
    torch.testing.assert_close(p, torch.softmax(z / tau, dim))
    torch.testing.assert_close(lp, torch.log_softmax(z / tau, dim))
    np.testing.assert_allclose(p.cpu().double().numpy(), special.softmax(z.cpu().double().numpy() / tau, axis=dim),
                               rtol=1e-5, atol=1e-7)


def test_softmax_is_stable_for_huge_logits():
    z = torch.tensor([1e4, -1e4, 0.0, 1e4 - 1.0])
    p = softmax(z)
    assert torch.isfinite(p).all()
    naive = z.exp() / z.exp().sum()
    assert torch.isnan(naive).any()  # the textbook formula overflows
    torch.testing.assert_close(p, torch.softmax(z, -1))
    torch.testing.assert_close(log_softmax(z), torch.log_softmax(z, -1))
    np.testing.assert_allclose(log_softmax(z.double()).numpy(), special.log_softmax(z.double().numpy()), rtol=1e-12)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_computed_in_float32(dtype):
    z = _logits((3, 50), torch.float32, seed=1, scale=20.0)
    got = softmax(z.to(dtype), temperature=0.7)
    assert got.dtype == dtype
    want = torch.softmax(z.to(dtype).float() / 0.7, -1)
    torch.testing.assert_close(got.float(), want, rtol=1e-2, atol=1e-3)
    assert log_softmax(z.to(dtype)).dtype == dtype
    assert torch.isfinite(softmax(torch.tensor([6e4, -6e4], dtype=torch.float16))).all()


def test_temperature_limits():
    z = torch.tensor([[1.0, 3.0, 2.9, -1.0]], dtype=torch.float64)
    cold = softmax(z, temperature=1e-3)
    torch.testing.assert_close(cold, torch.nn.functional.one_hot(z.argmax(-1), 4).double())
    hot = softmax(z, temperature=1e6)
    torch.testing.assert_close(hot, torch.full_like(z, 0.25), atol=1e-5, rtol=0)
    ent = [stats.entropy(softmax(z, t)[0].numpy()) for t in (0.25, 0.5, 1.0, 2.0, 4.0)]
    assert all(a < b for a, b in zip(ent, ent[1:]))  # higher temperature, flatter distribution


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-50, 50), min_size=1, max_size=10), st.floats(0.05, 20), st.floats(-100, 100))
def test_softmax_laws(values, tau, shift):
    z = torch.tensor(values, dtype=torch.float64)
    p = softmax(z, tau)
    assert (p >= 0).all() and p.sum().item() == pytest.approx(1.0)
    torch.testing.assert_close(softmax(z + shift, tau), p)  # shift invariance
    assert p.argmax() == z.argmax() or p.max() == p[z.argmax()]


# --- top-k and top-p ---------------------------------------------------------------------

def _np_top_k(z, k):
    out = np.full_like(z, -np.inf)
    for row in np.ndindex(z.shape[:-1]):
        order = np.argsort(-z[row], kind="stable")[:k]
        out[row][order] = z[row][order]
    return out


def _np_top_p(z, p):
    out = np.full_like(z, -np.inf)
    for row in np.ndindex(z.shape[:-1]):
        probs = special.softmax(z[row])
        order = np.argsort(-probs, kind="stable")
        total = 0.0
        for i in order:  # keep tokens until the kept mass reaches p
            out[row][i] = z[row][i]
            total += probs[i]
            if total >= p:
                break
    return out


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("k", [1, 3, 10, 50])
def test_top_k_matches_reference_and_torch_topk(k, dtype, device):
    z = _logits((2, 3, 10), dtype, device, seed=k)
    got = top_k_filter(z, k)
    assert got.dtype == dtype and got.shape == z.shape
    np.testing.assert_array_equal(got.cpu().numpy(), _np_top_k(z.cpu().numpy(), k))
    kept = torch.isfinite(got).sum(-1)
    assert (kept == min(k, 10)).all()
    values = torch.topk(z, min(k, 10), dim=-1).values
    torch.testing.assert_close(got.sort(-1, descending=True).values[..., :min(k, 10)], values)


def test_top_k_ties_prefer_lower_index():
    z = torch.tensor([1.0, 2.0, 2.0, 2.0, 0.0])
    assert top_k_filter(z, 2).tolist() == [-np.inf, 2.0, 2.0, -np.inf, -np.inf]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("p", [0.05, 0.5, 0.9, 0.99, 1.0])
def test_top_p_matches_reference(p, dtype, device):
    z = _logits((4, 12), dtype, device, seed=7)
    got = top_p_filter(z, p)
    assert got.dtype == dtype
    np.testing.assert_array_equal(got.cpu().numpy(), _np_top_p(z.cpu().double().numpy(), p).astype(got.cpu().numpy().dtype))


def test_top_p_adapts_to_confidence_and_keeps_one():
    peaked = torch.tensor([8.0, 2.0, 1.0, 0.5, 0.0, -1.0])
    flat = torch.zeros(6) + torch.linspace(0, 0.2, 6)
    assert torch.isfinite(top_p_filter(peaked, 0.9)).sum() == 1
    assert torch.isfinite(top_p_filter(flat, 0.9)).sum() == 6
    assert torch.isfinite(top_p_filter(flat, 1e-9)).sum() == 1


def test_top_p_ties_prefer_lower_index():
    z = torch.zeros(4)  # four tokens at 0.25: p = 0.5 keeps the first two
    assert torch.isfinite(top_p_filter(z, 0.5)).tolist() == [True, True, False, False]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-20, 20), min_size=1, max_size=12), st.floats(0.01, 1.0))
def test_top_p_is_smallest_sufficient_set(values, p):
    z = torch.tensor(values, dtype=torch.float64)
    probs = torch.softmax(z, -1)
    keep = torch.isfinite(top_p_filter(z, p))
    mass = probs[keep].sum().item()
    assert keep.any()
    assert mass >= p - 1e-9 or keep.all()
    assert probs[keep].min() >= probs[~keep].max() if (~keep).any() else True
    # dropping the least probable kept token would fall short of p
    if keep.sum() > 1:
        assert mass - probs[keep].min().item() < p + 1e-12


# --- sampling ----------------------------------------------------------------------------

@pytest.mark.parametrize("kw", [dict(), dict(temperature=0.7), dict(top_k=3), dict(top_p=0.8),
                                dict(temperature=1.5, top_k=5, top_p=0.9)])
def test_sample_frequencies_match_filtered_distribution(kw):
    z = _logits((8,), torch.float64, seed=3, scale=1.5)
    tau = kw.get("temperature", 1.0)
    ref = z.numpy() / tau
    if "top_k" in kw:
        ref = _np_top_k(ref, kw["top_k"])
    if "top_p" in kw:
        ref = _np_top_p(ref, kw["top_p"])
    probs = special.softmax(ref)
    n = 40_000
    rows = z.expand(n, 8)  # a batch of identical rows: one draw each
    draws = sample_next_token(rows, generator=torch.Generator().manual_seed(1), **kw)
    assert draws.shape == (n,) and draws.dtype == torch.int64
    counts = np.bincount(draws.numpy(), minlength=8)
    assert counts[probs == 0].sum() == 0  # filtered tokens are never drawn
    live = probs > 0
    assert stats.chisquare(counts[live], probs[live] * n).pvalue > 1e-3


def test_sample_is_batched_reproducible_and_device_independent(device):
    z = _logits((3, 4, 20), torch.float32, device, seed=5)
    g = lambda: torch.Generator().manual_seed(42)
    a = sample_next_token(z, temperature=0.8, top_p=0.95, generator=g())
    b = sample_next_token(z, temperature=0.8, top_p=0.95, generator=g())
    assert a.shape == (3, 4) and a.device == z.device and torch.equal(a, b)
    c = sample_next_token(z.cpu(), temperature=0.8, top_p=0.95, generator=g())
    assert torch.equal(a.cpu(), c)


def test_top_k_one_is_greedy():
    z = _logits((6, 30), seed=9)
    torch.testing.assert_close(sample_next_token(z, top_k=1), z.argmax(-1))


# --- bad input -------------------------------------------------------------------------

@pytest.mark.parametrize("call,exc,match", [
    (lambda: softmax(torch.zeros(3), temperature=0), ValueError, r"temperature must be > 0, got 0"),
    (lambda: softmax(torch.zeros(3), temperature=-1.0), ValueError, r"temperature must be > 0, got -1.0"),
    (lambda: softmax(torch.zeros(3), temperature="hot"), TypeError, r"temperature must be a real number"),
    (lambda: softmax([1.0, 2.0]), TypeError, r"logits must be a torch.Tensor, got list"),
    (lambda: softmax(torch.tensor([1, 2])), TypeError, r"logits must have a floating dtype"),
    (lambda: softmax(torch.tensor(1.0)), ValueError, r"logits must have at least 1 dimension"),
    (lambda: softmax(torch.zeros(0)), ValueError, r"logits must not be empty"),
    (lambda: softmax(torch.zeros(3), dim=1), ValueError, r"dim must be in \[-1, 0\] for a 1-D input, got 1"),
    (lambda: log_softmax(torch.zeros(3), temperature=0.0), ValueError, r"temperature must be > 0, got 0.0"),
    (lambda: top_k_filter(torch.zeros(3), 0), ValueError, r"k must be >= 1, got 0"),
    (lambda: top_k_filter(torch.zeros(3), 2.0), TypeError, r"k must be an int, got float 2.0"),
    (lambda: top_p_filter(torch.zeros(3), 1.5), ValueError, r"top_p must be in \(0, 1\], got 1.5"),
    (lambda: top_p_filter(torch.zeros(3), 0.0), ValueError, r"top_p must be in \(0, 1\], got 0.0"),
    (lambda: top_p_filter(torch.zeros(3), "0.9"), TypeError, r"top_p must be a real number"),
    (lambda: sample_next_token(torch.zeros(3), top_p=-0.1), ValueError, r"top_p must be in \(0, 1\], got -0.1"),
    (lambda: sample_next_token(torch.zeros(3), top_k=0), ValueError, r"k must be >= 1, got 0"),
    (lambda: sample_next_token(torch.zeros(3), temperature=0), ValueError, r"temperature must be > 0, got 0"),
    (lambda: sample_next_token(torch.zeros(3), generator=7), TypeError, r"generator must be a torch.Generator"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# --- extremes: a tiny temperature, impossible rows, the order of temperature and top-p ----

@pytest.mark.parametrize("tau", [1e-30, 1e-38])
def test_tiny_temperature_on_float32_does_not_overflow(tau):
    # z / τ overflows float32 (1e2 / 1e-38 = inf) and inf - inf = NaN; shifting first keeps it finite
    z = torch.tensor([[100.0, 99.0, -5.0], [0.0, 50.0, 49.0]], dtype=torch.float32)
    p = softmax(z, temperature=tau)
    assert torch.isfinite(p).all()
    torch.testing.assert_close(p, torch.nn.functional.one_hot(z.argmax(-1), 3).float())
    lp = log_softmax(z, temperature=tau)
    assert lp[0, 0].item() == 0.0 and lp[1, 1].item() == 0.0 and not lp.isnan().any()
    assert sample_next_token(z, temperature=tau, top_p=0.9).tolist() == [0, 1]


@pytest.mark.parametrize("z,match", [
    (torch.tensor([[0.0, 1.0], [-np.inf, -np.inf]]), r"logits must have a finite entry in every row, got all -inf in row \(1,\)"),
    (torch.tensor([-np.inf, -np.inf, -np.inf]), r"got all -inf in row \(\)"),
    (torch.tensor([[0.0, np.nan, 1.0]]), r"logits must not contain NaN or \+inf, got nan at index \(0, 1\)"),
    (torch.tensor([0.0, np.inf]), r"logits must not contain NaN or \+inf, got inf at index \(1,\)"),
])
def test_sample_next_token_refuses_rows_without_a_valid_token(z, match):
    # these rows used to return the id V, which is no token, or a NaN-driven index
    with pytest.raises(ValueError, match=match):
        sample_next_token(z, generator=torch.Generator().manual_seed(0))


def test_sample_next_token_keeps_minus_inf_entries_at_zero_probability():
    z = torch.tensor([-np.inf, 0.0, -np.inf, 0.0])
    draws = torch.stack([sample_next_token(z, generator=torch.Generator().manual_seed(s)) for s in range(40)])
    assert set(draws.tolist()) == {1, 3}


def test_temperature_is_applied_before_top_p():
    # probabilities (0.5, 0.3, 0.15, 0.05), p = 0.75: the untempered nucleus is {0, 1}; at τ = 0.3 the
    # tempered distribution puts 0.83 on token 0, so the nucleus of z / τ is {0} alone
    z = torch.tensor([0.5, 0.3, 0.15, 0.05], dtype=torch.float64).log().expand(2000, 4)
    tokens = sample_next_token(z, temperature=0.3, top_p=0.75, generator=torch.Generator().manual_seed(1))
    assert set(tokens.tolist()) == {0}
    assert torch.isinf(top_p_filter(z[0] / 0.3, 0.75)[1:]).all()  # the same set, from the filter alone
    # and the other order would have kept token 1: its tempered share is about 0.17
    filtered_first = softmax(top_p_filter(z[0], 0.75), temperature=0.3)
    assert filtered_first[1].item() == pytest.approx(0.3 ** (1 / 0.3) / (0.5 ** (1 / 0.3) + 0.3 ** (1 / 0.3)))


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_softmax_is_within_one_rounding_of_float64(dtype):
    # computed in float32 and rounded once: within half an ulp of the dtype (plus float32 error on a
    # 1000-term sum), far tighter than what a half-precision exp and sum would achieve
    z = _logits((4, 1000), torch.float64, seed=7, scale=4.0).to(dtype)
    got = softmax(z, temperature=0.9).double()
    want = torch.softmax(z.double() / 0.9, -1)
    eps = torch.finfo(dtype).eps
    bound = (eps / 2) * want + 1000 * torch.finfo(torch.float32).eps * want + torch.finfo(dtype).tiny
    assert ((got - want).abs() <= bound).all()
    lp_bound = (eps / 2) * torch.log_softmax(z.double() / 0.9, -1).abs() + 1e-4
    assert ((log_softmax(z, 0.9).double() - torch.log_softmax(z.double() / 0.9, -1)).abs() <= lp_bound).all()
