"""Bernoulli, Categorical and Poisson against torch.distributions and scipy.stats."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from aimath_ref.probability import Bernoulli, Categorical, Poisson

PROBS = torch.tensor([0.1, 0.2, 0.3, 0.4], dtype=torch.float64)


def cases():
    return [
        (Bernoulli(0.3), torch.distributions.Bernoulli(probs=torch.tensor(0.3, dtype=torch.float64)),
         stats.bernoulli(0.3), [0.0, 1.0]),
        (Categorical(PROBS), torch.distributions.Categorical(probs=PROBS),
         stats.rv_discrete(values=(np.arange(4), PROBS.numpy())), [0.0, 1.0, 2.0, 3.0]),
        (Poisson(3.5), torch.distributions.Poisson(torch.tensor(3.5, dtype=torch.float64)),
         stats.poisson(3.5), [0.0, 1.0, 2.0, 5.0, 11.0]),
    ]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("i", range(3), ids=["bernoulli", "categorical", "poisson"])
def test_log_prob_mean_variance_match_torch_and_scipy(i, dtype, device):
    ours, theirs, sp, support = cases()[i]
    x = torch.tensor(support, dtype=dtype, device=device)
    got = ours.log_prob(x)
    assert got.dtype == dtype and got.device == x.device
    want = theirs.log_prob(torch.tensor(support, dtype=torch.float64).to(theirs.mean.dtype))
    tol = dict(rtol=1e-5, atol=1e-6) if dtype == torch.float32 else {}
    torch.testing.assert_close(got.cpu().double(), want, **tol)
    np.testing.assert_allclose(got.cpu().double().numpy(), sp.logpmf(support), rtol=1e-5)
    np.testing.assert_allclose(ours.cdf(x).cpu().double().numpy(), sp.cdf(support), rtol=1e-5)
    assert ours.mean == pytest.approx(sp.mean()) and ours.variance == pytest.approx(sp.var())
    if i != 1:  # torch's Categorical has no numeric mean
        assert ours.mean == pytest.approx(theirs.mean.item()) and ours.variance == pytest.approx(theirs.variance.item())


@pytest.mark.parametrize("i", range(3), ids=["bernoulli", "categorical", "poisson"])
def test_off_support_is_minus_inf_like_scipy(i):
    ours, _, sp, _ = cases()[i]
    bad = [-1.0, 0.5, 50.0] if i != 0 else [-1.0, 0.5, 2.0]
    got = ours.log_prob(torch.tensor(bad, dtype=torch.float64)).numpy()
    np.testing.assert_array_equal(got, sp.logpmf(bad))
    np.testing.assert_allclose(ours.cdf(torch.tensor(bad, dtype=torch.float64)).numpy(), sp.cdf(bad), atol=1e-12)


@pytest.mark.parametrize("i", range(3), ids=["bernoulli", "categorical", "poisson"])
def test_sampler_frequencies_chi_square(i):
    ours, _, sp, _ = cases()[i]
    g = torch.Generator().manual_seed(123)
    draws = ours.sample(20_000, generator=g).long().numpy()
    k_max = draws.max() + 1
    observed = np.bincount(draws, minlength=k_max)
    expected = sp.pmf(np.arange(k_max)) * len(draws)
    keep = expected > 5  # pool the thin tail
    observed = np.append(observed[keep], observed[~keep].sum())
    expected = np.append(expected[keep], len(draws) - expected[keep].sum())
    if expected[-1] < 1e-9:
        observed, expected = observed[:-1], expected[:-1]
    assert stats.chisquare(observed, expected).pvalue > 1e-3


def test_sampler_is_reproducible_and_uses_generator_device(device):
    g1 = torch.Generator(device=device).manual_seed(5)
    g2 = torch.Generator(device=device).manual_seed(5)
    a, b = Poisson(2.0).sample(100, generator=g1), Poisson(2.0).sample(100, generator=g2)
    assert torch.equal(a, b) and a.device.type == device.type


def test_categorical_zero_probability_never_sampled_and_from_logits():
    d = Categorical(torch.tensor([0.5, 0.0, 0.5], dtype=torch.float64))
    draws = d.sample(5000, generator=torch.Generator().manual_seed(0))
    assert (draws != 1).all()
    assert d.log_prob(torch.tensor([1])).item() == -np.inf
    z = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
    torch.testing.assert_close(Categorical.from_logits(z).probs, torch.softmax(z, 0))


def test_bernoulli_edges_p0_p1():
    assert Bernoulli(0.0).log_prob(torch.tensor([0.0])).item() == 0.0
    assert Bernoulli(1.0).log_prob(torch.tensor([0.0])).item() == -np.inf
    assert Bernoulli(1.0).sample(50, generator=torch.Generator().manual_seed(0)).eq(1).all()


def test_half_and_integer_values():
    for dtype in (torch.float16, torch.bfloat16):
        got = Poisson(3.0).log_prob(torch.tensor([0.0, 2.0], dtype=dtype))
        assert got.dtype == dtype
        torch.testing.assert_close(got.float(), torch.tensor(stats.poisson(3.0).logpmf([0, 2]), dtype=torch.float32),
                                   rtol=1e-2, atol=1e-2)
    got = Categorical(PROBS).log_prob(torch.tensor([3, 0]))
    torch.testing.assert_close(got.double(), PROBS[[3, 0]].log(), rtol=1e-6, atol=0)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0.0, 10.0), min_size=2, max_size=8).filter(lambda v: sum(v) > 1e-3))
def test_categorical_pmf_sums_to_one_and_cdf_ends_at_one(weights):
    p = torch.tensor(weights, dtype=torch.float64)
    d = Categorical(p / p.sum())
    k = torch.arange(len(weights), dtype=torch.float64)
    assert d.prob(k).sum().item() == pytest.approx(1.0)
    cdf = d.cdf(k)
    assert (cdf.diff() >= -1e-15).all() and cdf[-1].item() == pytest.approx(1.0)


@pytest.mark.parametrize("make,match", [
    (lambda: Bernoulli(1.5), r"p must be in \[0.0, 1.0\], got 1.5"),
    (lambda: Bernoulli(-0.1), r"p must be in .*got -0.1"),
    (lambda: Poisson(0.0), r"rate must be > 0, got 0.0"),
    (lambda: Poisson(-2), r"rate must be > 0, got -2"),
    (lambda: Categorical(torch.tensor([0.5, 0.6])), r"probs must sum to 1, got a sum of 1.1"),
    (lambda: Categorical(torch.tensor([1.5, -0.5])), r"probs must be finite and >= 0"),
    (lambda: Categorical(torch.tensor([])), r"probs must not be empty"),
    (lambda: Categorical(torch.eye(2)), r"probs must have 1 dimension"),
])
def test_bad_parameters_raise_value_error(make, match):
    with pytest.raises(ValueError, match=match):
        make()


@pytest.mark.parametrize("make,match", [
    (lambda: Bernoulli("0.5"), r"p must be a real number, got str '0.5'"),
    (lambda: Categorical([0.5, 0.5]), r"probs must be a torch.Tensor, got list"),
    (lambda: Categorical(torch.tensor([1, 0])), r"probs must have a floating dtype"),
    (lambda: Poisson(1.0).log_prob([1.0]), r"value must be a torch.Tensor"),
    (lambda: Bernoulli(0.5).log_prob(torch.tensor([True])), r"value must be a real"),
    (lambda: Poisson(1.0).sample(3.0), r"n must be an int, got float 3.0"),
    (lambda: Poisson(1.0).sample(3, generator=0), r"generator must be a torch.Generator"),
])
def test_bad_types_raise_type_error(make, match):
    with pytest.raises(TypeError, match=match):
        make()


def test_negative_sample_size():
    with pytest.raises(ValueError, match=r"n must be >= 0, got -1"):
        Bernoulli(0.5).sample(-1)


# --- edges, NaN values, and the sampler's cost at large rates ----------------------------

NAN = float("nan")


def _all_distributions():
    from aimath_ref.probability import Exponential, Gaussian, Uniform
    return [Bernoulli(0.3), Categorical(PROBS), Poisson(3.5), Gaussian(0.5, 2.0), Uniform(-1.0, 2.0), Exponential(1.5)]


@pytest.mark.parametrize("method", ["log_prob", "prob", "cdf"])
@pytest.mark.parametrize("d", _all_distributions(), ids=lambda d: type(d).__name__)
def test_nan_value_is_refused_by_every_distribution(d, method):
    # NaN is no point of any support: a ValueError naming the argument, never an IndexError or a
    # made-up answer (Categorical.cdf used to index with NaN; Bernoulli.cdf(nan) used to give 1)
    with pytest.raises(ValueError, match=r"value must not contain NaN entries, got nan at index \(1,\)"):
        getattr(d, method)(torch.tensor([0.0, NAN]))


def _scipy_of(d):
    from aimath_ref.probability import Exponential, Gaussian, Uniform
    if isinstance(d, Bernoulli):
        return stats.bernoulli(d.p)
    if isinstance(d, Categorical):
        return stats.rv_discrete(values=(np.arange(len(d.probs)), d.probs.numpy()))
    if isinstance(d, Poisson):
        return stats.poisson(d.rate)
    if isinstance(d, Gaussian):
        return stats.norm(d.mu, d.sigma)
    if isinstance(d, Uniform):
        return stats.uniform(d.low, d.high - d.low)
    assert isinstance(d, Exponential)
    return stats.expon(scale=1 / d.rate)


@pytest.mark.parametrize("d", _all_distributions(), ids=lambda d: type(d).__name__)
def test_infinite_values_match_scipy(d):
    x = torch.tensor([-np.inf, np.inf], dtype=torch.float64)
    ref = _scipy_of(d)
    np.testing.assert_array_equal(d.cdf(x).numpy(), ref.cdf(x.numpy()))
    assert d.log_prob(x).eq(-np.inf).all()  # no mass or density at ±inf


def test_categorical_classes_are_zero_to_k_minus_one():
    K = len(PROBS)
    d, ref = Categorical(PROBS), stats.rv_discrete(values=(np.arange(K), PROBS.numpy()))
    x = torch.tensor([-1.0, 0.0, K - 1.0, float(K), K - 0.5], dtype=torch.float64)
    got = d.log_prob(x)
    assert got[0].item() == -np.inf and got[3].item() == -np.inf  # -1 and K are not classes
    assert got[1].item() == pytest.approx(np.log(0.1)) and got[2].item() == pytest.approx(np.log(0.4))
    np.testing.assert_allclose(d.cdf(x).numpy(), ref.cdf(x.numpy()), rtol=1e-12)


@pytest.mark.parametrize("rate", [9.999, 10.0, 37.5])
def test_poisson_sampler_chi_square_on_both_sides_of_the_switch(rate):
    x = Poisson(rate).sample(20_000, generator=torch.Generator().manual_seed(4)).numpy()
    assert (x == np.floor(x)).all() and x.min() >= 0
    edges = np.unique(stats.poisson(rate).ppf(np.linspace(0, 1, 13)[1:-1]))  # bins of similar mass
    observed = np.bincount(np.searchsorted(edges, x, side="left"), minlength=len(edges) + 1)
    expected = np.diff(np.concatenate([[0.0], stats.poisson(rate).cdf(edges), [1.0]])) * len(x)
    assert stats.chisquare(observed, expected).pvalue > 1e-3


@pytest.mark.parametrize("rate", [1e3, 1e6, 1e12])
def test_poisson_large_rates_match_scipy_moments_without_a_grid(rate):
    # the old sampler built a grid of ~rate points (1e12 points cannot be allocated)
    n = 4000
    x = Poisson(rate).sample(n, generator=torch.Generator().manual_seed(5)).numpy()
    mean, var = stats.poisson(rate).stats(moments="mv")
    assert abs(x.mean() - mean) < 5 * np.sqrt(var / n)
    assert abs(x.var(ddof=1) / var - 1) < 5 * np.sqrt(2 / (n - 1))
    assert (x == np.floor(x)).all()


def test_poisson_rejection_sampler_is_reproducible_on_device(device):
    gen = torch.Generator(device=device.type)
    a = Poisson(50.0).sample(300, generator=gen.manual_seed(2))
    b = Poisson(50.0).sample(300, generator=gen.manual_seed(2))
    assert torch.equal(a, b) and a.device.type == device.type and a.dtype == torch.float64
    assert Poisson(50.0).sample(0).shape == (0,)


@pytest.mark.parametrize("logits", [[float("nan"), 0.0], [float("inf"), 0.0], [-np.inf, -np.inf]])
def test_categorical_from_logits_names_the_logits(logits):
    with pytest.raises(ValueError, match=r"logits must have no NaN or \+inf and at least one finite entry"):
        Categorical.from_logits(torch.tensor(logits))


def test_categorical_from_logits_with_minus_inf_matches_torch():
    z = torch.tensor([-np.inf, 0.5, 2.0], dtype=torch.float64)
    ref = torch.distributions.Categorical(logits=z)
    torch.testing.assert_close(Categorical.from_logits(z).probs, ref.probs)


def test_poisson_rejection_sampler_mean_is_unbiased_to_a_fine_tolerance():
    # a proposal shifted by half a count biases the mean by about 0.03 at rate 10: 400,000 draws see it
    n, rate = 400_000, 10.0
    x = Poisson(rate).sample(n, generator=torch.Generator().manual_seed(11))
    assert abs(x.mean().item() - rate) < 4 * (rate / n) ** 0.5
    assert abs(x.var().item() / rate - 1) < 4 * (2 / n) ** 0.5 * 1.1  # var of s^2 / rate ~ (2 + 1/rate) / n
