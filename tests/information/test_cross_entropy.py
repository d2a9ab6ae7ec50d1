"""cross_entropy_from_logits against torch.nn.functional.cross_entropy, every option, every refusal."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from aimath_ref.information import cross_entropy_from_logits as ce

DTYPES = [torch.float32, torch.float64]


def _case(shape, seed, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(shape, generator=g, dtype=torch.float64) * 3
    c = shape[0] if len(shape) == 1 else shape[1]
    idx_shape = () if len(shape) == 1 else (shape[0], *shape[2:])
    target = torch.randint(0, c, idx_shape, generator=g)
    probs = torch.softmax(torch.randn(shape, generator=g, dtype=torch.float64), dim=0 if len(shape) == 1 else 1)
    weight = torch.rand(c, generator=g, dtype=torch.float64) + 0.1
    return logits.to(dtype), target, probs.to(dtype), weight.to(dtype)


def _tol(dtype):
    eps = torch.finfo(dtype).eps
    return dict(rtol=64 * eps, atol=64 * eps)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(5,), (7, 5), (3, 4, 6), (2, 3, 2, 2)])
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("smoothing", [0.0, 0.1, 1.0])
@pytest.mark.parametrize("use_weight", [False, True])
def test_matches_torch(device, dtype, shape, reduction, smoothing, use_weight):
    logits, target, probs, weight = (t.to(device) for t in _case(shape, len(shape), dtype))
    w = weight if use_weight else None
    for tgt in (target, probs):
        got = ce(logits, tgt, weight=w, reduction=reduction, label_smoothing=smoothing)
        want = F.cross_entropy(logits, tgt, weight=w, reduction=reduction, label_smoothing=smoothing)
        assert got.dtype == dtype
        torch.testing.assert_close(got, want, **_tol(dtype))


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_ignore_index_matches_torch(device, reduction):
    logits, target, _, weight = (t.to(device) for t in _case((8, 4), 3))
    target[[1, 5]] = -100
    for w in (None, weight):
        torch.testing.assert_close(ce(logits, target, weight=w, reduction=reduction, label_smoothing=0.2),
                                   F.cross_entropy(logits, target, weight=w, reduction=reduction, label_smoothing=0.2))
    target2 = target.clone()
    target2[target2 == -100] = 7  # another ignore_index, out of the class range on purpose
    torch.testing.assert_close(ce(logits, target2, ignore_index=7), F.cross_entropy(logits, target2, ignore_index=7))


def test_all_ignored_mean_is_nan_like_torch():
    logits = torch.randn(3, 4, dtype=torch.float64)
    target = torch.full((3,), -100)
    assert math.isnan(ce(logits, target).item()) and math.isnan(F.cross_entropy(logits, target).item())
    assert ce(logits, target, reduction="sum").item() == 0.0


def test_course_example():
    logits = torch.tensor([[1.2, 0.5, 3.1, 0.8]], dtype=torch.float64)
    p = torch.softmax(logits, 1)[0, 2].item()
    assert ce(logits, torch.tensor([2])).item() == pytest.approx(-math.log(p), rel=1e-12)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.float32, torch.float64])
def test_extreme_logits_stay_finite(dtype):
    logits = torch.tensor([[1e4, -1e4, 0.0], [-1e4, 1e4, 0.0]], dtype=torch.float64)
    target = torch.tensor([0, 0])
    got = ce(logits.to(dtype), target, reduction="none")
    want = torch.tensor([0.0, 2e4], dtype=torch.float64)  # log-sum-exp by hand: max logit dominates
    assert got.dtype == dtype and bool(torch.isfinite(got).all())
    torch.testing.assert_close(got.double(), want, rtol=torch.finfo(dtype).eps * 4, atol=1e-3)
    torch.testing.assert_close(got.double(), F.cross_entropy(logits, target, reduction="none"),
                               rtol=torch.finfo(dtype).eps * 4, atol=1e-3)
    probs = torch.tensor([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], dtype=dtype)  # zero probabilities: 0·log p = 0
    assert torch.isfinite(ce(logits.to(dtype), probs, reduction="none")).all()


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_is_computed_in_float32(dtype):
    logits, target, probs, _ = _case((64, 50), 11)
    ref = F.cross_entropy(logits, target)  # float64 reference
    got = ce(logits.to(dtype), target)
    # The input rounding of each logit (|z| ≲ 10) moves the loss by at most ~|z|·eps; a missing float32
    # upcast would add a reduction error of order 50·eps on top.
    eps = torch.finfo(dtype).eps
    bound = 2 * 10 * eps + torch.finfo(dtype).eps  # input rounding + output rounding
    assert abs(got.double().item() - ref.item()) <= bound * max(1.0, ref.item())


def test_single_example_shapes():
    logits, target, probs, _ = _case((6,), 2)
    torch.testing.assert_close(ce(logits, target), F.cross_entropy(logits, target))
    torch.testing.assert_close(ce(logits, probs), F.cross_entropy(logits, probs))


def test_gradient_matches_torch():
    logits, target, _, _ = _case((4, 3), 5)
    a = logits.clone().requires_grad_()
    b = logits.clone().requires_grad_()
    ce(a, target, label_smoothing=0.1).backward()
    F.cross_entropy(b, target, label_smoothing=0.1).backward()
    torch.testing.assert_close(a.grad, b.grad)


@pytest.mark.parametrize("call, exc, match", [
    (lambda l, t: ce(l.tolist(), t), TypeError, "logits must be a torch.Tensor, got list"),
    (lambda l, t: ce(l.long(), t), TypeError, "logits must have a floating dtype"),
    (lambda l, t: ce(torch.zeros(0), t), ValueError, "logits must not be empty"),
    (lambda l, t: ce(l, t.tolist()), TypeError, "target must be a torch.Tensor, got list"),
    (lambda l, t: ce(l, t.bool()), TypeError, "target must hold class indices"),
    (lambda l, t: ce(l, t[:2]), ValueError, r"target of class indices must have shape \(4,\).*got \(2,\)"),
    (lambda l, t: ce(l, torch.tensor([0, 1, 2, 3])), ValueError, r"must be in \[0, 2\].*got 3"),
    (lambda l, t: ce(l, torch.tensor([0, -1, 2, 0])), ValueError, r"must be in \[0, 2\].*got -1"),
    (lambda l, t: ce(l, torch.full((4, 3), 1 / 3)[:, :2]), ValueError, "must have the shape of logits"),
    (lambda l, t: ce(l, torch.tensor([[0.5, 0.6, -0.1]] * 4)), ValueError, r"in \[0, 1\], got -0.1"),
    (lambda l, t: ce(l, torch.tensor([[0.5, 0.6, 0.1]] * 4)), ValueError, "sum to 1 .* got a sum of 1.2"),
    (lambda l, t: ce(l, torch.tensor([[float("nan"), 0.5, 0.5]] * 4)), ValueError, "must be finite"),
    (lambda l, t: ce(l, t, reduction="avg"), ValueError, "reduction must be one of .*got 'avg'"),
    (lambda l, t: ce(l, t, label_smoothing=1.5), ValueError, r"label_smoothing must be in \[0.0, 1.0\], got 1.5"),
    (lambda l, t: ce(l, t, label_smoothing=-0.1), ValueError, "label_smoothing must be in"),
    (lambda l, t: ce(l, t, ignore_index=1.0), TypeError, "ignore_index must be an int, got float"),
    (lambda l, t: ce(l, t, weight=torch.ones(2)), ValueError, r"one entry per class \(3\)"),
    (lambda l, t: ce(l, t, weight=torch.tensor([1.0, -1.0, 1.0])), ValueError, "non-negative"),
    (lambda l, t: ce(l, t, weight=torch.tensor([1.0, float("nan"), 1.0])), ValueError, "finite"),
])
def test_bad_input_is_named(call, exc, match):
    logits = torch.randn(4, 3)
    target = torch.tensor([0, 2, 1, 0])
    with pytest.raises(exc, match=match):
        call(logits, target)


def test_label_smoothing_endpoints():
    logits, target, _, _ = _case((5, 4), 9)
    uniform = torch.full((5, 4), 0.25, dtype=torch.float64)
    torch.testing.assert_close(ce(logits, target, label_smoothing=1.0), ce(logits, uniform))
    torch.testing.assert_close(ce(logits, target, label_smoothing=0.0),
                               -torch.log_softmax(logits, 1)[torch.arange(5), target].mean())


# perplexity ---------------------------------------------------------------------------------

from aimath_ref.information import perplexity  # noqa: E402


@pytest.mark.parametrize("dtype", DTYPES)
def test_perplexity_is_exp_of_mean_nats_and_two_to_the_bits(device, dtype):
    g = torch.Generator().manual_seed(11)
    logits = (torch.randn(6, 20, 9, generator=g, dtype=torch.float64) * 2).to(dtype).to(device)  # (N, V, T)
    target = torch.randint(0, 20, (6, 9), generator=g).to(device)
    target[0, :3] = -100  # padding
    nats = F.cross_entropy(logits, target)  # mean over the kept tokens
    got = perplexity(logits, target)
    assert got.dtype == dtype
    torch.testing.assert_close(got, torch.exp(nats), **_tol(dtype))
    torch.testing.assert_close(got, 2 ** (nats / math.log(2)), **_tol(dtype))


def test_perplexity_uniform_and_perfect():
    assert perplexity(torch.zeros(4, 7), torch.tensor([0, 1, 2, 3])).item() == pytest.approx(7.0)
    sure = torch.full((3, 5), -1e4)
    sure[torch.arange(3), torch.tensor([4, 0, 2])] = 1e4
    assert perplexity(sure, torch.tensor([4, 0, 2])).item() == 1.0


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_perplexity_half_precision(dtype):
    logits = torch.randn(5, 11, generator=torch.Generator().manual_seed(1))
    target = torch.tensor([1, 2, 3, 4, 5])
    got = perplexity(logits.to(dtype), target)
    assert got.dtype == dtype
    want = torch.exp(F.cross_entropy(logits.to(dtype).float(), target))
    torch.testing.assert_close(got.float(), want, rtol=4 * torch.finfo(dtype).eps, atol=0)


@pytest.mark.parametrize("target, error, words", [
    (torch.tensor([0.5, 0.5]), TypeError, "target must be an integer tensor of token ids, got torch.float32"),
    ([0, 1], TypeError, "target must be an integer tensor of token ids, got list"),
    (torch.tensor([0, 9]), ValueError, "target class indices must be in [0, 3]"),
    (torch.tensor([0, 1, 2]), ValueError, "target of class indices must have shape (2,)"),
])
def test_perplexity_bad_target(target, error, words):
    with pytest.raises(error) as err:
        perplexity(torch.zeros(2, 4), target)
    assert words in str(err.value)
