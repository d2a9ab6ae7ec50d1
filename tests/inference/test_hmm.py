"""HMM forward algorithm against brute-force enumeration of hidden paths."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.inference import baum_welch, hmm_forward, hmm_posteriors


def _random_hmm(S, M, seed, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    def stoch(*shape):
        t = torch.rand(*shape, generator=g, dtype=torch.float64) + 0.01
        return (t / t.sum(-1, keepdim=True)).to(device=device, dtype=dtype)
    return stoch(S), stoch(S, S), stoch(S, M)


def _brute(pi, A, B, obs):
    pi, A, B = (t.double().cpu().numpy() for t in (pi, A, B))
    total = 0.0
    for z in itertools.product(range(len(pi)), repeat=len(obs)):
        p = pi[z[0]] * B[z[0], obs[0]]
        for t in range(1, len(obs)):
            p *= A[z[t - 1], z[t]] * B[z[t], obs[t]]
        total += p
    return total


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 3), st.integers(1, 4), st.integers(1, 6), st.integers(0, 10_000))
def test_forward_equals_enumeration(S, M, T, seed):
    pi, A, B = _random_hmm(S, M, seed)
    obs = torch.randint(0, M, (T,), generator=torch.Generator().manual_seed(seed))
    out = hmm_forward(pi, A, B, obs)
    assert out.log_alpha.shape == (T, S)
    assert out.log_likelihood.item() == pytest.approx(math.log(_brute(pi, A, B, obs.tolist())), rel=1e-10, abs=1e-12)
    # α_T sums to the likelihood
    assert torch.logsumexp(out.log_alpha[-1], 0).item() == pytest.approx(out.log_likelihood.item())


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_dtypes_devices_and_prefix_likelihoods(dtype, device):
    pi, A, B = _random_hmm(3, 2, 1, dtype, device)
    obs = torch.tensor([0, 1, 1, 0, 1], device=device)
    out = hmm_forward(pi, A, B, obs)
    assert out.log_likelihood.dtype == dtype and out.log_alpha.device == pi.device
    for t in range(1, 6):  # logsumexp of α_t is log p(x_{1:t})
        want = math.log(_brute(pi, A, B, obs[:t].tolist()))
        assert torch.logsumexp(out.log_alpha[t - 1], 0).item() == pytest.approx(want, rel=100 * torch.finfo(dtype).eps)


def test_long_sequence_stays_finite_where_plain_products_underflow():
    pi, A, B = _random_hmm(4, 5, 2)
    obs = torch.randint(0, 5, (3000,), generator=torch.Generator().manual_seed(0))
    out = hmm_forward(pi, A, B, obs)
    assert torch.isfinite(out.log_likelihood) and out.log_likelihood.item() < -1000
    # the same recursion on probabilities underflows to exactly 0
    alpha = pi * B[:, obs[0]]
    for t in range(1, 3000):
        alpha = (alpha @ A) * B[:, obs[t]]
    assert alpha.sum().item() == 0.0
    # scaled forward algorithm (Rabiner's normalisation) as an independent reference
    Pn, An, Bn = pi.numpy(), A.numpy(), B.numpy()
    a = Pn * Bn[:, obs[0]]
    ll = np.log(a.sum())
    a /= a.sum()
    for t in range(1, 3000):
        a = (a @ An) * Bn[:, obs[t]]
        ll += np.log(a.sum())
        a /= a.sum()
    assert out.log_likelihood.item() == pytest.approx(ll, rel=1e-10)


def test_zero_probabilities_and_impossible_sequences():
    pi = torch.tensor([1.0, 0.0], dtype=torch.float64)
    A = torch.tensor([[0.0, 1.0], [1.0, 0.0]], dtype=torch.float64)  # deterministic alternation
    B = torch.tensor([[1.0, 0.0], [0.0, 1.0]], dtype=torch.float64)  # state = symbol
    assert hmm_forward(pi, A, B, torch.tensor([0, 1, 0, 1])).log_likelihood.item() == 0.0
    assert hmm_forward(pi, A, B, torch.tensor([0, 0])).log_likelihood.item() == -math.inf
    half = hmm_forward(pi.half(), A.half(), B.half(), torch.tensor([0, 1]))
    assert half.log_likelihood.dtype == torch.float32


@pytest.mark.parametrize("args,exc,match", [
    (dict(pi=torch.tensor([0.5, 0.6])), ValueError, "pi must sum to 1"),
    (dict(pi=torch.tensor([1.5, -0.5])), ValueError, "pi must be finite and >= 0"),
    (dict(pi=torch.tensor([0.5, float("nan")])), ValueError, "pi"),
    (dict(A=torch.tensor([[0.9, 0.2], [0.5, 0.5]])), ValueError, "A must have rows that sum to 1, got sums"),
    (dict(B=torch.tensor([[0.9, 0.2], [0.5, 0.5]])), ValueError, "B must have rows that sum to 1"),
    (dict(A=torch.full((3, 3), 1 / 3)), ValueError, "shapes"),
    (dict(pi=[0.5, 0.5]), TypeError, "pi"),
    (dict(obs=torch.tensor([0.0, 1.0])), TypeError, "obs must be an integer tensor"),
    (dict(obs=torch.tensor([0, 2])), ValueError, r"obs must hold symbols in \[0, 1\], got \[2\]"),
    (dict(obs=torch.tensor([-1])), ValueError, "obs"),
    (dict(obs=torch.zeros(0, dtype=torch.long)), ValueError, "obs must not be empty"),
    (dict(obs=torch.zeros(2, 2, dtype=torch.long)), ValueError, "obs"),
])
def test_bad_input(args, exc, match):
    base = dict(pi=torch.tensor([0.5, 0.5]), A=torch.tensor([[0.9, 0.1], [0.2, 0.8]]),
                B=torch.tensor([[0.7, 0.3], [0.1, 0.9]]), obs=torch.tensor([0, 1]))
    base.update(args)
    with pytest.raises(exc, match=match):
        hmm_forward(**base)


def _brute_posteriors(pi, A, B, obs):
    pi, A, B = (t.double().cpu().numpy() for t in (pi, A, B))
    S, T = len(pi), len(obs)
    gamma, xi = np.zeros((T, S)), np.zeros((S, S))
    for z in itertools.product(range(S), repeat=T):
        p = pi[z[0]] * B[z[0], obs[0]]
        for t in range(1, T):
            p *= A[z[t - 1], z[t]] * B[z[t], obs[t]]
        for t in range(T):
            gamma[t, z[t]] += p
        for t in range(T - 1):
            xi[z[t], z[t + 1]] += p
    total = gamma[0].sum()
    return gamma / total, xi / total


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 3), st.integers(1, 3), st.integers(2, 6), st.integers(0, 10_000))
def test_posteriors_and_one_baum_welch_step_equal_enumeration(S, M, T, seed):
    pi, A, B = _random_hmm(S, M, seed)
    obs = torch.randint(0, M, (T,), generator=torch.Generator().manual_seed(seed))
    gamma, xi = _brute_posteriors(pi, A, B, obs.tolist())
    np.testing.assert_allclose(hmm_posteriors(pi, A, B, obs).numpy(), gamma, rtol=1e-9, atol=1e-12)
    fit = baum_welch(obs, pi, A, B, n_iter=1)  # one M-step: normalised expected counts
    np.testing.assert_allclose(fit.pi.numpy(), gamma[0], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fit.A.numpy(), xi / gamma[:-1].sum(0)[:, None], rtol=1e-9, atol=1e-12)
    counts = np.stack([gamma[np.array(obs.tolist()) == m].sum(0) for m in range(M)], axis=1)
    np.testing.assert_allclose(fit.B.numpy(), counts / gamma.sum(0)[:, None], rtol=1e-9, atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 3), st.integers(2, 4), st.integers(0, 10_000))
def test_baum_welch_never_decreases_the_likelihood(S, M, seed):
    true = _random_hmm(S, M, seed)
    g = torch.Generator().manual_seed(seed)
    z = [torch.multinomial(true[0], 1, generator=g).item()]
    for _ in range(29):
        z.append(torch.multinomial(true[1][z[-1]], 1, generator=g).item())
    obs = torch.stack([torch.multinomial(true[2][s], 1, generator=g)[0] for s in z])
    fit = baum_welch(obs, *_random_hmm(S, M, seed + 1), n_iter=10)
    ll = fit.log_likelihood
    assert (ll[1:] >= ll[:-1] - 1e-9 * (1 + ll[:-1].abs())).all(), ll.tolist()
    for p, rows in ((fit.pi, 1), (fit.A, S), (fit.B, S)):
        torch.testing.assert_close(p.sum(-1), torch.ones(rows, dtype=torch.float64).squeeze())


def test_baum_welch_bad_input():
    pi, A, B = _random_hmm(2, 2, 0)
    with pytest.raises(ValueError, match="at least 2 symbols"):
        baum_welch(torch.tensor([0]), pi, A, B)
    with pytest.raises(ValueError, match="n_iter must be >= 0, got -1"):
        baum_welch(torch.tensor([0, 1]), pi, A, B, n_iter=-1)
    with pytest.raises(ValueError, match="A must have rows that sum to 1"):
        baum_welch(torch.tensor([0, 1]), pi, A * 2, B)
    zero = torch.tensor([[1.0, 0.0], [1.0, 0.0]], dtype=torch.float64)
    with pytest.raises(ValueError, match="probability 0"):
        baum_welch(torch.tensor([0, 1]), pi, A, zero)
    with pytest.raises(ValueError, match="probability 0"):
        hmm_posteriors(pi, A, zero, torch.tensor([1]))
