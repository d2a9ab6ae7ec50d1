"""aimath_ref.linalg.similarity against torch.nn.functional and NumPy."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.linalg import attention, attention_scores, causal_mask, cosine_similarity, cosine_similarity_matrix

DTYPES = [torch.float32, torch.float64]


def _randn(*shape, seed, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=dtype).to(device)


@pytest.mark.parametrize("dtype", DTYPES)
def test_cosine_similarity_matches_functional(dtype, device):
    a, b = _randn(4, 6, 8, seed=1, dtype=dtype, device=device), _randn(6, 8, seed=2, dtype=dtype, device=device)
    torch.testing.assert_close(cosine_similarity(a, b), F.cosine_similarity(a, b, dim=-1))
    torch.testing.assert_close(cosine_similarity(a, a, dim=1), F.cosine_similarity(a, a, dim=1))
    z = torch.zeros(8, dtype=dtype, device=device)  # zero vector: eps guard gives 0, not nan
    torch.testing.assert_close(cosine_similarity(z, b[0]), F.cosine_similarity(z, b[0], dim=0))


def test_cosine_similarity_matches_numpy_formula():
    a, b = _randn(16, seed=3), _randn(16, seed=4)
    an, bn = a.numpy(), b.numpy()
    expected = an @ bn / (np.linalg.norm(an) * np.linalg.norm(bn))
    assert math.isclose(cosine_similarity(a, b).item(), float(expected), rel_tol=1e-12)


def test_cosine_similarity_extremes_and_half_precision():
    a = torch.tensor([1e30, 1e30], dtype=torch.float32)  # squares overflow float32
    reference = a.double() @ a.double() / (a.double().norm() ** 2)  # float64 does not overflow
    assert math.isclose(cosine_similarity(a, a).item(), reference.item(), rel_tol=1e-6)
    assert math.isclose(cosine_similarity_matrix(a[None], a[None]).item(), reference.item(), rel_tol=1e-6)
    h = _randn(3, 64, seed=5, dtype=torch.float16)
    out = cosine_similarity(h, h.flip(0))
    assert out.dtype == torch.float16
    torch.testing.assert_close(out.float(), F.cosine_similarity(h.float(), h.flip(0).float(), dim=-1),
                               atol=2e-3, rtol=2e-3)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 10), st.integers(0, 2**16),
       st.floats(0.01, 100), st.floats(0.01, 100))
def test_cosine_similarity_bounded_and_scale_invariant(n, seed, s, t):
    a, b = _randn(n, seed=seed), _randn(n, seed=seed + 1)
    c = cosine_similarity(a, b).item()
    assert -1 - 1e-12 <= c <= 1 + 1e-12
    assert math.isclose(cosine_similarity(s * a, t * b).item(), c, rel_tol=1e-9, abs_tol=1e-12)


def test_cosine_similarity_rejects_bad_input():
    with pytest.raises(ValueError, match="eps must be > 0, got 0"):
        cosine_similarity(torch.ones(3), torch.ones(3), eps=0)
    with pytest.raises(ValueError, match=r"broadcast.*\(3,\) and \(4,\)"):
        cosine_similarity(torch.ones(3), torch.ones(4))
    with pytest.raises(ValueError, match="dim must be in"):
        cosine_similarity(torch.ones(3), torch.ones(3), dim=1)
    with pytest.raises(TypeError, match="a must have a floating dtype"):
        cosine_similarity(torch.ones(3, dtype=torch.long), torch.ones(3))
    with pytest.raises(ValueError, match="b must not be empty"):
        cosine_similarity(torch.ones(2), torch.ones(0))


@pytest.mark.parametrize("dtype", DTYPES)
def test_cosine_similarity_matrix_matches_pairwise(dtype, device):
    A, B = _randn(5, 8, seed=6, dtype=dtype, device=device), _randn(7, 8, seed=7, dtype=dtype, device=device)
    S = cosine_similarity_matrix(A, B)
    expected = F.cosine_similarity(A[:, None, :], B[None, :, :], dim=-1)
    assert S.shape == (5, 7)
    torch.testing.assert_close(S, expected)
    batched = cosine_similarity_matrix(torch.stack([A, A]), torch.stack([B, B]))
    torch.testing.assert_close(batched, torch.stack([expected, expected]))


def test_cosine_similarity_matrix_rejects_bad_input():
    with pytest.raises(ValueError, match=r"same length.*\(2, 3\) and \(2, 4\)"):
        cosine_similarity_matrix(torch.ones(2, 3), torch.ones(2, 4))
    with pytest.raises(ValueError, match="A must have at least 2"):
        cosine_similarity_matrix(torch.ones(3), torch.ones(2, 3))


@pytest.mark.parametrize("dtype", DTYPES)
def test_attention_scores_match_definition(dtype, device):
    Q, K = _randn(2, 3, 5, 16, seed=8, dtype=dtype, device=device), _randn(2, 3, 7, 16, seed=9, dtype=dtype, device=device)
    S = attention_scores(Q, K)
    expected = torch.from_numpy(np.einsum("bhid,bhjd->bhij", Q.cpu().numpy(), K.cpu().numpy()) / 4.0)
    torch.testing.assert_close(S.cpu(), expected.to(dtype))
    torch.testing.assert_close(attention_scores(Q, K, scale=0.5), (Q @ K.mT) * 0.5)


@pytest.mark.parametrize("dtype", DTYPES)
def test_attention_matches_sdpa_without_and_with_masks(dtype, device):
    Q = _randn(2, 3, 5, 8, seed=10, dtype=dtype, device=device)
    K = _randn(2, 3, 6, 8, seed=11, dtype=dtype, device=device)
    V = _randn(2, 3, 6, 4, seed=12, dtype=dtype, device=device)
    torch.testing.assert_close(attention(Q, K, V), F.scaled_dot_product_attention(Q, K, V))
    g = torch.Generator().manual_seed(13)
    keep = (torch.rand(5, 6, generator=g) > 0.3).to(device)
    keep[:, 0] = True  # no fully masked row here
    torch.testing.assert_close(attention(Q, K, V, mask=keep), F.scaled_dot_product_attention(Q, K, V, attn_mask=keep))
    bias = _randn(2, 1, 5, 6, seed=14, dtype=dtype, device=device)  # additive float mask
    torch.testing.assert_close(attention(Q, K, V, mask=bias), F.scaled_dot_product_attention(Q, K, V, attn_mask=bias))
    causal = causal_mask(5, 6, device=device)
    torch.testing.assert_close(attention(Q, K, V, mask=causal, scale=0.3),
                               F.scaled_dot_product_attention(Q, K, V, attn_mask=causal, scale=0.3))


def test_causal_mask_equals_is_causal():
    Q, K, V = _randn(1, 4, 8, seed=15), _randn(1, 4, 8, seed=16), _randn(1, 4, 3, seed=17)
    torch.testing.assert_close(attention(Q, K, V, mask=causal_mask(4)),
                               F.scaled_dot_product_attention(Q, K, V, is_causal=True))
    np.testing.assert_array_equal(causal_mask(3, 5).numpy(), np.tril(np.ones((3, 5), dtype=bool)))


def test_boolean_mask_equals_additive_minus_inf():
    Q, K, V = _randn(4, 8, seed=18), _randn(6, 8, seed=19), _randn(6, 2, seed=20)
    keep = causal_mask(4, 6)
    additive = torch.zeros(4, 6, dtype=torch.float64).masked_fill(~keep, float("-inf"))
    torch.testing.assert_close(attention(Q, K, V, mask=keep), attention(Q, K, V, mask=additive))


@pytest.mark.parametrize("kind", ["bool", "float"])
def test_fully_masked_row_gives_zeros(kind, device):
    Q, K, V = (_randn(3, 4, seed=s, device=device) for s in (21, 22, 23))
    keep = torch.ones(3, 3, dtype=torch.bool, device=device)
    keep[1] = False
    mask = keep if kind == "bool" else torch.zeros(3, 3, dtype=torch.float64, device=device).masked_fill(~keep, -math.inf)
    out = attention(Q, K, V, mask=mask)
    assert torch.isfinite(out).all()
    assert (out[1] == 0).all()
    torch.testing.assert_close(out[[0, 2]], attention(Q[[0, 2]], K, V))
    torch.testing.assert_close(out, F.scaled_dot_product_attention(Q, K, V, attn_mask=mask))


def test_attention_extreme_logits_and_half_precision():
    Q = torch.tensor([[1e4, 0.0], [-1e4, 0.0]], dtype=torch.float32)  # scores of +-1e8 / sqrt(2)
    K = torch.tensor([[1e4, 0.0], [0.0, 1.0]], dtype=torch.float32)
    V = torch.tensor([[1.0, 0.0], [0.0, 1.0]], dtype=torch.float32)
    out = attention(Q, K, V)
    assert torch.isfinite(out).all()
    torch.testing.assert_close(out, torch.tensor([[1.0, 0.0], [0.0, 1.0]]))
    Qh = _randn(2, 5, 16, seed=24, dtype=torch.float16)
    Kh, Vh = _randn(2, 7, 16, seed=25, dtype=torch.float16), _randn(2, 7, 4, seed=26, dtype=torch.float16)
    out = attention(Qh, Kh, Vh)
    assert out.dtype == torch.float16
    torch.testing.assert_close(out.float(), F.scaled_dot_product_attention(Qh.float(), Kh.float(), Vh.float()),
                               atol=3e-3, rtol=3e-3)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 6), st.integers(0, 2**16))
def test_attention_output_is_convex_combination_of_values(L, S, d, seed):
    Q, K, V = _randn(L, d, seed=seed), _randn(S, d, seed=seed + 1), _randn(S, 3, seed=seed + 2)
    out = attention(Q, K, V)
    assert (out <= V.max(0).values + 1e-9).all() and (out >= V.min(0).values - 1e-9).all()
    # constant values pass through unchanged: the weights sum to 1
    torch.testing.assert_close(attention(Q, K, torch.ones(S, 2, dtype=torch.float64)), torch.ones(L, 2, dtype=torch.float64))


def test_attention_rejects_bad_input():
    Q, K, V = torch.ones(2, 4), torch.ones(3, 4), torch.ones(3, 5)
    with pytest.raises(ValueError, match=r"same last size d_k.*\(2, 4\) and \(3, 5\)"):
        attention_scores(Q, torch.ones(3, 5))
    with pytest.raises(ValueError, match="same number of positions"):
        attention(Q, K, torch.ones(4, 5))
    with pytest.raises(ValueError, match=r"mask of shape \(3, 3\)"):
        attention(Q, K, V, mask=torch.ones(3, 3, dtype=torch.bool))
    with pytest.raises(TypeError, match="mask must be boolean"):
        attention(Q, K, V, mask=torch.ones(2, 3, dtype=torch.int64))
    with pytest.raises(TypeError, match="mask must be a torch.Tensor"):
        attention(Q, K, V, mask=[[True]])
    with pytest.raises(ValueError, match="scale must be > 0, got -1"):
        attention(Q, K, V, scale=-1)
    with pytest.raises(ValueError, match="Q must have at least 2"):
        attention(torch.ones(4), K, V)
    with pytest.raises(TypeError, match="V must have a floating dtype"):
        attention(Q, K, torch.ones(3, 5, dtype=torch.int64))
    with pytest.raises(ValueError, match="L must be >= 1, got 0"):
        causal_mask(0)


# --- both roles, batch mismatches, bad devices ----------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_zero_vector_in_either_argument_gives_zero_like_torch(dtype):
    b = _randn(5, 8, seed=9, dtype=dtype)
    z = torch.zeros(8, dtype=dtype)
    torch.testing.assert_close(cosine_similarity(b, z), F.cosine_similarity(b, z[None], dim=-1))  # zero second
    torch.testing.assert_close(cosine_similarity(z, b), F.cosine_similarity(z[None], b, dim=-1))  # zero first
    Z = torch.zeros(2, 8, dtype=dtype)
    for got, want in ((cosine_similarity_matrix(b, Z), torch.zeros(5, 2, dtype=dtype)),
                      (cosine_similarity_matrix(Z, b), torch.zeros(2, 5, dtype=dtype))):
        torch.testing.assert_close(got, want)
    # the matrix is the pairwise cosine in both orders: C(B, A) = C(A, B)^T
    a = _randn(3, 8, seed=10, dtype=dtype)
    torch.testing.assert_close(cosine_similarity_matrix(b, a), cosine_similarity_matrix(a, b).mT)


@pytest.mark.parametrize("call,exc,match", [
    (lambda: cosine_similarity_matrix(torch.ones(2, 3, 4), torch.ones(3, 5, 4)), ValueError,
     r"batch dimensions of A and B must broadcast, got shapes \(2, 3, 4\) and \(3, 5, 4\)"),
    (lambda: attention(torch.ones(2, 3, 4), torch.ones(2, 5, 4), torch.ones(3, 5, 4)), ValueError,
     r"batch dimensions of Q, K and V must broadcast, got shapes \(2, 3, 4\), \(2, 5, 4\) and \(3, 5, 4\)"),
    (lambda: attention(torch.ones(2, 3, 4), torch.ones(3, 5, 4), torch.ones(3, 5, 4)), ValueError,
     r"batch dimensions of Q and K must broadcast"),
    (lambda: attention([[1.0]], torch.ones(2, 2), torch.ones(2, 2)), TypeError, r"Q must be a torch.Tensor, got list"),
    (lambda: attention(torch.ones(2, 2), torch.ones(2, 2), None), TypeError, r"V must be a torch.Tensor, got NoneType"),
    (lambda: attention_scores(torch.ones(2, 2), "K"), TypeError, r"K must be a torch.Tensor, got str"),
    (lambda: causal_mask(3, device="gpu0"), ValueError, r"device must name a device such as 'cpu' or 'cuda', got 'gpu0'"),
    (lambda: causal_mask(3, device=1.5), TypeError, r"device must be a torch.device, a string or None, got float 1.5"),
])
def test_mismatched_batches_and_bad_arguments_are_named(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_causal_mask_on_a_missing_device_is_a_value_error():
    if torch.cuda.is_available():
        assert causal_mask(2, device="cuda").device.type == "cuda"
    else:
        with pytest.raises(ValueError, match=r"device 'cuda' is not available on this machine"):
            causal_mask(2, device="cuda")
    assert causal_mask(2, 3, device=torch.device("cpu")).tolist() == [[True, False, False], [True, True, False]]


def test_causal_mask_smallest_sizes():
    assert causal_mask(1).tolist() == [[True]]  # L = 1, S = L
    assert causal_mask(1, 1).tolist() == [[True]]
    with pytest.raises(ValueError, match=r"S must be >= 1, got 0"):
        causal_mask(2, 0)
    with pytest.raises(ValueError, match=r"L must be >= 1, got 0"):
        causal_mask(0)


def test_attention_scores_scale_option_and_its_limits():
    Q, K = _randn(3, 4, seed=11), _randn(5, 4, seed=12)
    torch.testing.assert_close(attention_scores(Q, K, scale=1.0), Q @ K.T)  # a non-default scale
    V = _randn(5, 2, seed=13)
    torch.testing.assert_close(attention(Q, K, V, scale=0.3), F.scaled_dot_product_attention(Q, K, V, scale=0.3))
    with pytest.raises(ValueError, match=r"scale must be > 0, got 0"):
        attention_scores(Q, K, scale=0)


def test_query_key_variance_needs_mean_zero():
    # Var(q . k) = d_k holds for independent entries of mean 0 and variance 1; a mean of 1 with the same
    # variance gives Var = d_k (1 + 2 mean^2) = 3 d_k, so the 1 / sqrt(d_k) scaling no longer normalises
    d, n = 64, 20000
    g = torch.Generator().manual_seed(0)
    q, k = torch.randn(n, d, generator=g, dtype=torch.float64), torch.randn(n, d, generator=g, dtype=torch.float64)
    centred = attention_scores(q[:, None, :], k[:, None, :]).flatten()
    shifted = attention_scores(q[:, None, :] + 1, k[:, None, :] + 1).flatten()
    assert centred.var().item() == pytest.approx(1.0, rel=0.05)
    assert shifted.var().item() == pytest.approx(3.0, rel=0.05)


def test_cosine_similarity_refusals_in_the_second_role():
    with pytest.raises(TypeError, match="b must have a floating dtype"):
        cosine_similarity(torch.ones(3), torch.ones(3, dtype=torch.long))
    with pytest.raises(TypeError, match="b must be a torch.Tensor, got list"):
        cosine_similarity(torch.ones(3), [1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match="B must be a torch.Tensor, got list"):
        cosine_similarity_matrix(torch.ones(2, 3), [[1.0, 2.0, 3.0]])
    with pytest.raises(ValueError, match=r"B must have at least 2 dimension"):
        cosine_similarity_matrix(torch.ones(2, 3), torch.ones(3))
    with pytest.raises(TypeError, match=r"tensors must share one dtype, got Q has torch.float32, V has torch.float64"):
        attention(torch.ones(2, 2), torch.ones(2, 2), torch.ones(2, 2, dtype=torch.float64))
