"""Both ends of every numeric range in chapters 1-3, and the first value outside, against independent references.

Module tests cover the main paths; this file walks the validation limits one by one: a value on
the boundary must be accepted and give the reference answer, the first value past it must be
refused with a message naming the argument and the value.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from scipy import special, stats

from aimath_ref.calculus import classify_critical_point, gradient_through_depth, taylor_polynomial
from aimath_ref.linalg import broadcast_shape, cosine_similarity, norm
from aimath_ref.probability import (
    Exponential,
    Gaussian,
    Poisson,
    activation_stds,
    clt_standardize,
    covariance_matrix,
    diffusion_alpha_bar,
    diffusion_noise,
    he_normal_std,
    lecun_normal_std,
    sample_means,
    softmax,
    top_k_filter,
    top_p_filter,
    within_k_sigma,
    xavier_normal_std,
    xavier_uniform_bound,
)

F64 = dict(dtype=torch.float64)


# --- accepted at the boundary, with the reference answer ------------------------------------

def test_within_k_sigma_at_zero_and_far_out():
    assert within_k_sigma(0) == 0.0 == special.erf(0.0)
    assert within_k_sigma(40.0) == 1.0 == special.erf(40 / math.sqrt(2))


@pytest.mark.parametrize("alpha_bar", [0.0, 1.0])
def test_diffusion_noise_at_both_ends_of_alpha_bar(alpha_bar):
    x0 = torch.full((5,), 3.0, **F64)
    got = diffusion_noise(x0, alpha_bar, generator=torch.Generator().manual_seed(4))
    eps = torch.randn(5, generator=torch.Generator().manual_seed(4), **F64)
    torch.testing.assert_close(got, x0 if alpha_bar == 1.0 else eps)  # 1: the data; 0: pure noise


def test_diffusion_alpha_bar_with_a_single_step_and_extreme_betas():
    ab = diffusion_alpha_bar(1, beta_start=1e-12, beta_end=0.999)
    np.testing.assert_allclose(ab.numpy(), [1.0, 1 - 1e-12], rtol=1e-15)  # steps = 1 uses beta_start
    ab = diffusion_alpha_bar(3, beta_start=0.5, beta_end=0.5)
    np.testing.assert_allclose(ab.numpy(), np.cumprod([1.0, 0.5, 0.5, 0.5]), rtol=1e-15)


@pytest.mark.parametrize("fan_in,fan_out", [(1, 1), (1, 7), (300, 1)])
def test_initialisation_scales_at_the_smallest_fans_match_torch(fan_in, fan_out):
    w = torch.empty(fan_out, fan_in)
    fi, fo = torch.nn.init._calculate_fan_in_and_fan_out(w)
    assert (fi, fo) == (fan_in, fan_out)
    assert lecun_normal_std(fan_in) == pytest.approx(1 / math.sqrt(fi))
    assert xavier_normal_std(fan_in, fan_out, gain=0.5) == pytest.approx(0.5 * math.sqrt(2 / (fi + fo)))
    assert xavier_uniform_bound(fan_in, fan_out) == pytest.approx(math.sqrt(6 / (fi + fo)))
    for a in (0.0, 0.2, -1.0):
        gain = torch.nn.init.calculate_gain("leaky_relu", a)
        assert he_normal_std(fan_in, a=a) == pytest.approx(gain / math.sqrt(fi))
    assert he_normal_std(fan_in, nonlinearity="relu") == pytest.approx(torch.nn.init.calculate_gain("relu") / math.sqrt(fi))


def test_activation_stds_smallest_sizes():
    stds = activation_stds(1, 1, 1.0, nonlinearity="linear", batch=2, seed=0)
    assert len(stds) == 1 and math.isfinite(stds[0]) and stds[0] >= 0


def test_gradient_through_depth_smallest_network():
    out = gradient_through_depth("linear", 1, 1, seed=0)
    assert out.grad_norms.shape == (2,) and torch.isfinite(out.grad_norms).all()


def test_tiny_and_huge_positive_parameters_are_accepted():
    assert Poisson(1e-300).sample(4, generator=torch.Generator().manual_seed(0)).tolist() == [0.0] * 4
    x = torch.tensor([0.0, 1.0], **F64)
    np.testing.assert_allclose(Gaussian(0.0, 1e-150).log_prob(x[:1]).numpy(), stats.norm(0, 1e-150).logpdf(0.0))
    np.testing.assert_allclose(Exponential(1e-300).log_prob(x).numpy(), stats.expon(scale=1e300).logpdf(x.numpy()))
    np.testing.assert_allclose(softmax(torch.tensor([1.0, 2.0], **F64), temperature=1e300).numpy(), [0.5, 0.5])


def test_covariance_correction_up_to_n_minus_one():
    X = torch.randn(3, 2, generator=torch.Generator().manual_seed(1), **F64)
    np.testing.assert_allclose(covariance_matrix(X, correction=2).numpy(), np.cov(X.numpy().T, ddof=2), rtol=1e-12)
    np.testing.assert_allclose(covariance_matrix(X, correction=0).numpy(), np.cov(X.numpy().T, ddof=0), rtol=1e-12)
    with pytest.raises(ValueError, match=r"X needs more than correction=3 observations \(rows\), got 3"):
        covariance_matrix(X, correction=3)


def test_top_k_and_top_p_at_their_limits():
    z = torch.tensor([0.3, 2.0, -1.0, 1.0], **F64)
    assert torch.equal(top_k_filter(z, 4), z) and torch.equal(top_k_filter(z, 5), z)  # k = V and beyond keep all
    assert torch.isinf(top_k_filter(z, 1)).sum().item() == 3  # k = 1: greedy
    assert torch.equal(top_p_filter(z, 1.0), z)  # p = 1 keeps every token of non-zero probability
    assert torch.isinf(top_p_filter(z, 1e-12)).sum().item() == 3  # a tiny p keeps only the top token
    with pytest.raises(ValueError, match=r"top_p must be in \(0, 1\], got 1.0000001"):
        top_p_filter(z, 1.0000001)


def test_classify_critical_point_with_zero_tolerances():
    H = torch.diag(torch.tensor([1.0, 1e-300], **F64))
    assert classify_critical_point(H, tol=0.0) == "minimum"  # tol = 0: any positive eigenvalue counts
    assert classify_critical_point(H, tol=1e-6) != "minimum"  # a real tolerance calls it flat in one direction
    assert classify_critical_point(torch.eye(2, **F64), grad=torch.zeros(2, **F64), grad_tol=0.0) == "minimum"
    with pytest.raises(ValueError, match=r"grad_tol must be >= 0, got -1e-09"):
        classify_critical_point(torch.eye(2), grad=torch.zeros(2), grad_tol=-1e-9)


def test_clt_standardize_and_sample_means_with_n_one():
    means = torch.tensor([0.5, 2.0], **F64)
    torch.testing.assert_close(clt_standardize(means, 1, 0.5, 2.0), (means - 0.5) / 2.0)  # sqrt(1) = 1
    assert sample_means(Gaussian(), 1, 1, generator=torch.Generator().manual_seed(0)).shape == (1,)
    with pytest.raises(ValueError, match=r"n must be >= 1, got 0"):
        clt_standardize(means, 0, 0.0, 1.0)
    with pytest.raises(ValueError, match=r"sigma must be > 0, got 0.0"):
        clt_standardize(means, 1, 0.0, 0.0)
    with pytest.raises(ValueError, match=r"trials must be >= 1, got 0"):
        sample_means(Gaussian(), 1, 0)


def test_broadcast_shape_with_zero_sized_and_empty_shapes_matches_torch():
    for shapes in [((0,), (1,)), ((2, 0), (1, 1)), ((), (3,)), ((1, 0), (5, 1))]:
        assert broadcast_shape(*shapes) == tuple(torch.broadcast_shapes(*shapes))
    with pytest.raises(ValueError, match="shapes cannot broadcast"):
        broadcast_shape((0,), (2,))  # 0 against 2: neither is 1


def test_norm_keepdim_and_tuple_dims_match_torch():
    x = torch.randn(2, 3, 4, generator=torch.Generator().manual_seed(2), **F64)
    for kind, ord_ in (("l1", 1), ("l2", 2), ("linf", math.inf)):
        torch.testing.assert_close(norm(x, kind, dim=(0, 2), keepdim=True),
                                   torch.linalg.vector_norm(x, ord_, dim=(0, 2), keepdim=True))
        torch.testing.assert_close(norm(x, kind, dim=-1), torch.linalg.vector_norm(x, ord_, dim=-1))


def test_cosine_similarity_eps_endpoint_behaviour_matches_torch():
    a, b = torch.tensor([1e-9, 0.0], **F64), torch.tensor([1.0, 0.0], **F64)
    for eps in (1e-8, 1e-12):  # the norm of a is below, then above, the guard
        torch.testing.assert_close(cosine_similarity(a, b, eps=eps), torch.nn.functional.cosine_similarity(a, b, dim=0, eps=eps))


# --- the first value outside each range -------------------------------------------------------

@pytest.mark.parametrize("call,exc,match", [
    (lambda: within_k_sigma(-1e-12), ValueError, r"k must be >= 0, got -1e-12"),
    (lambda: diffusion_noise(torch.zeros(2), -1e-12), ValueError, r"alpha_bar must be in \[0.0, 1.0\], got -1e-12"),
    (lambda: diffusion_noise(torch.zeros(2), 1 + 1e-12), ValueError, r"alpha_bar must be in \[0.0, 1.0\]"),
    (lambda: diffusion_alpha_bar(0), ValueError, r"steps must be >= 1, got 0"),
    (lambda: diffusion_alpha_bar(2, beta_start=0.0), ValueError, r"beta_start must be in \(0.0, 1.0\), got 0.0"),
    (lambda: diffusion_alpha_bar(2, beta_end=1.0), ValueError, r"beta_end must be in \(0.0, 1.0\), got 1.0"),
    (lambda: lecun_normal_std(0), ValueError, r"fan_in must be >= 1, got 0"),
    (lambda: xavier_normal_std(1, 0), ValueError, r"fan_out must be >= 1, got 0"),
    (lambda: xavier_uniform_bound(1, 1, gain=0.0), ValueError, r"gain must be > 0, got 0.0"),
    (lambda: he_normal_std(0), ValueError, r"fan_in must be >= 1, got 0"),
    (lambda: he_normal_std(3, nonlinearity="gelu"), ValueError, r"nonlinearity must be one of 'leaky_relu', 'relu'; got 'gelu'"),
    (lambda: activation_stds(1, 1, 1.0, batch=1), ValueError, r"batch must be >= 2, got 1"),
    (lambda: activation_stds(0, 1, 1.0), ValueError, r"width must be >= 1, got 0"),
    (lambda: activation_stds(1, 1, 0.0), ValueError, r"weight_std must be > 0, got 0.0"),
    (lambda: gradient_through_depth("linear", 0), ValueError, r"depth must be >= 1, got 0"),
    (lambda: gradient_through_depth("linear", 1, 0), ValueError, r"width must be >= 1, got 0"),
    (lambda: gradient_through_depth("linear", 1, gain=0.0), ValueError, r"gain must be > 0, got 0.0"),
    (lambda: Poisson(5e-324 * 0), ValueError, r"rate must be > 0, got 0.0"),
    (lambda: Exponential(-1e-300), ValueError, r"rate must be > 0, got -1e-300"),
    (lambda: Gaussian(0.0, 5e-324 * 0), ValueError, r"sigma must be > 0, got 0.0"),
    (lambda: softmax(torch.zeros(2), temperature=-1e-300), ValueError, r"temperature must be > 0, got -1e-300"),
    (lambda: top_k_filter(torch.zeros(2), 0), ValueError, r"k must be >= 1, got 0"),
    (lambda: cosine_similarity(torch.ones(2), torch.ones(2), eps=-1e-8), ValueError, r"eps must be > 0, got -1e-08"),
    (lambda: classify_critical_point(torch.eye(2), tol=-1e-12), ValueError, r"tol must be >= 0, got -1e-12"),
    (lambda: taylor_polynomial(torch.exp, 0.0, order=0), ValueError, r"order must be one of 1, 2; got 0"),
    (lambda: broadcast_shape((-1, 2)), ValueError, r"shapes\[0\]\[0\] must be >= 0, got -1"),
    (lambda: within_k_sigma(10 ** 400), ValueError, r"k must be finite, got an int of 401 digits"),
])
def test_first_value_outside_each_range_is_refused(call, exc, match):
    with pytest.raises(exc, match=match):
        call()
