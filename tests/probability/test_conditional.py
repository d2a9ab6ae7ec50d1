"""Joint/marginal/conditional tables and Bayes' theorem against independent NumPy code."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.probability import (
    bayes_posterior,
    conditional,
    evidence,
    independence_gap,
    marginal,
)


def _joint(shape, dtype=torch.float64, device="cpu", seed=0):
    g = torch.Generator().manual_seed(seed)
    w = torch.rand(shape, generator=g, dtype=torch.float64)
    return (w / w.sum()).to(device=device, dtype=dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_marginal_and_conditional_match_numpy(dtype, device):
    J = _joint((3, 4), dtype, device)
    Jn = J.cpu().double().numpy()
    np.testing.assert_allclose(marginal(J, 0).cpu().numpy(), Jn.sum(axis=1), rtol=1e-6)
    np.testing.assert_allclose(marginal(J, 1).cpu().numpy(), Jn.sum(axis=0), rtol=1e-6)
    np.testing.assert_allclose(conditional(J, given=1).cpu().numpy(), Jn / Jn.sum(axis=0, keepdims=True), rtol=1e-6)
    np.testing.assert_allclose(conditional(J, given=0).cpu().numpy(), Jn / Jn.sum(axis=1, keepdims=True), rtol=1e-6)
    assert conditional(J, given=1).dtype == dtype


def test_conditional_on_impossible_event_is_nan():
    J = torch.tensor([[0.5, 0.0], [0.5, 0.0]])
    c = conditional(J, given=1)
    assert torch.isnan(c[:, 1]).all() and torch.allclose(c[:, 0], torch.tensor([0.5, 0.5]))


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 5), st.integers(2, 5), st.integers(0, 10_000))
def test_product_rule_and_independence(a, b, seed):
    J = _joint((a, b), seed=seed)
    # product rule: P(A, B) = P(A | B) P(B)
    torch.testing.assert_close(conditional(J, given=1) * marginal(J, 1), J)
    pa, pb = marginal(J, 0), marginal(J, 1)
    assert independence_gap(torch.outer(pa, pb)).item() < 1e-15
    gap = np.abs(J.numpy() - np.outer(J.numpy().sum(1), J.numpy().sum(0))).max()
    assert independence_gap(J).item() == pytest.approx(gap)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_bayes_matches_joint_table(dtype, device):
    g = torch.Generator().manual_seed(1)
    prior = torch.rand(2, 5, generator=g, dtype=torch.float64)
    prior = prior / prior.sum(-1, keepdim=True)
    lik = torch.rand(2, 5, generator=g, dtype=torch.float64)
    post = bayes_posterior(prior.to(device, dtype), lik.to(device, dtype))
    assert post.dtype == dtype and post.device.type == device.type
    # independent route: build the joint P(θ, D) and condition on D
    joint = prior.numpy() * lik.numpy()
    np.testing.assert_allclose(post.cpu().double().numpy(), joint / joint.sum(-1, keepdims=True), rtol=1e-5)
    np.testing.assert_allclose(evidence(prior, lik).numpy(), joint.sum(-1), rtol=1e-12)


def test_diagnostic_test_example_by_counting():
    # 100 000 people, 1% ill; test: 99% sensitivity, 5% false positives
    ill, healthy = 1000, 99000
    true_pos, false_pos = 0.99 * ill, 0.05 * healthy
    post = bayes_posterior(torch.tensor([0.01, 0.99], dtype=torch.float64), torch.tensor([0.99, 0.05], dtype=torch.float64))
    assert post[0].item() == pytest.approx(true_pos / (true_pos + false_pos))


def test_bayes_broadcasts_one_prior_over_many_observations():
    prior = torch.tensor([0.5, 0.5])
    lik = torch.tensor([[0.9, 0.1], [0.2, 0.6]])
    post = bayes_posterior(prior, lik)
    torch.testing.assert_close(post[1], torch.tensor([0.25, 0.75]))


@pytest.mark.parametrize("call,exc,match", [
    (lambda: marginal(torch.ones(2, 2), 0), ValueError, r"joint must sum to 1, got a sum of 4.0"),
    (lambda: marginal(torch.tensor([[1.5, -0.5]]), 0), ValueError, r"joint must be >= 0 everywhere, got a minimum of -0.5"),
    (lambda: marginal(torch.ones(4) / 4, 0), ValueError, r"joint must have 2 dimension"),
    (lambda: marginal(torch.ones(2, 2) / 4, 2), ValueError, r"dim must be in \[-2, 1\] for a 2-D input, got 2"),
    (lambda: conditional(torch.ones(2, 2) / 4, given="B"), TypeError, r"given must be an int, got str 'B'"),
    (lambda: bayes_posterior(torch.tensor([0.5, 0.6]), torch.tensor([0.5, 0.5])), ValueError, r"prior must sum to 1"),
    (lambda: bayes_posterior(torch.tensor([0.5, 0.5]), torch.tensor([1.5, 0.5])), ValueError, r"likelihood must be in \[0, 1\]"),
    (lambda: bayes_posterior(torch.tensor([0.5, 0.5]), torch.ones(3) / 2), ValueError, r"prior and likelihood must broadcast"),
    (lambda: bayes_posterior([0.5, 0.5], torch.ones(2)), TypeError, r"prior must be a torch.Tensor, got list"),
    (lambda: evidence(torch.tensor([]), torch.tensor([])), ValueError, r"prior must not be empty"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


NAN = float("nan")


@pytest.mark.parametrize("call,match", [
    # a comparison with NaN is false, so NaN used to pass ">= 0" and "sums to 1" and come back as NaN
    (lambda: marginal(torch.tensor([[0.5, NAN], [0.25, 0.25]]), 0), r"joint must not contain NaN or infinite entries, got nan at index \(0, 1\)"),
    (lambda: conditional(torch.tensor([[0.5, 0.5], [torch.inf, 0.0]]), 1), r"joint must not contain NaN or infinite entries, got inf at index \(1, 0\)"),
    (lambda: independence_gap(torch.tensor([[NAN, 0.5], [0.25, 0.25]])), r"joint must not contain NaN"),
    (lambda: bayes_posterior(torch.tensor([NAN, 0.5]), torch.tensor([0.5, 0.5])), r"prior must not contain NaN or infinite entries, got nan at index \(0,\)"),
    (lambda: bayes_posterior(torch.tensor([0.5, 0.5]), torch.tensor([0.5, NAN])), r"likelihood must not contain NaN or infinite entries, got nan at index \(1,\)"),
    (lambda: evidence(torch.tensor([0.5, 0.5]), torch.tensor([NAN, 0.5])), r"likelihood must not contain NaN"),
])
def test_nan_in_a_probability_input_is_refused(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_likelihood_endpoints_zero_and_one_are_allowed():
    post = bayes_posterior(torch.tensor([0.25, 0.75], dtype=torch.float64), torch.tensor([0.0, 1.0], dtype=torch.float64))
    assert post.tolist() == [0.0, 1.0]
    with pytest.raises(ValueError, match=r"likelihood must be in \[0, 1\], got values in \[-0.0001, 0.5\]"):
        bayes_posterior(torch.tensor([0.5, 0.5]), torch.tensor([-1e-4, 0.5], dtype=torch.float64))
