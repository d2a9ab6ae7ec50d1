"""mutual_information against scikit-learn, the entropy identity, independence; the histogram and closed form."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import mutual_info_score

from aimath_ref.information import entropy, gaussian_mutual_information, joint_histogram, mutual_information

DTYPES = [torch.float32, torch.float64]


def _counts(shape, seed):
    g = torch.Generator().manual_seed(seed)
    c = torch.randint(0, 20, shape, generator=g).double()
    c[..., 0, 0] += 1  # never all zero
    return c


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(2, 2), (3, 5), (6, 4)])
def test_matches_sklearn_contingency(device, dtype, shape):
    counts = _counts(shape, sum(shape))
    joint = (counts / counts.sum()).to(dtype).to(device)
    got = mutual_information(joint, base=math.e)
    want = mutual_info_score(None, None, contingency=counts.numpy().astype(np.int64))  # nats
    assert got.dtype == dtype and got.device.type == device.type
    eps = torch.finfo(dtype).eps
    assert got.item() == pytest.approx(want, rel=256 * eps, abs=256 * eps)


def test_matches_sklearn_on_labels_in_bits():
    g = torch.Generator().manual_seed(0)
    x = torch.randint(0, 4, (500,), generator=g)
    y = (x + torch.randint(0, 2, (500,), generator=g)) % 5  # noisy function of x
    joint = torch.zeros(4, 5, dtype=torch.float64).index_put_((x, y), torch.ones(500, dtype=torch.float64), accumulate=True) / 500
    assert mutual_information(joint).item() == pytest.approx(mutual_info_score(x.numpy(), y.numpy()) / math.log(2), rel=1e-12)


def test_batched():
    counts = _counts((3, 4, 5), 1)
    joint = counts / counts.sum(dim=(-2, -1), keepdim=True)
    got = mutual_information(joint, base=math.e)
    want = [mutual_info_score(None, None, contingency=c.numpy().astype(np.int64)) for c in counts]
    torch.testing.assert_close(got, torch.tensor(want, dtype=torch.float64))


@given(st.lists(st.floats(0.01, 1.0), min_size=3, max_size=3), st.lists(st.floats(0.01, 1.0), min_size=4, max_size=4))
def test_independent_variables_have_zero_mi(a, b):
    px = torch.tensor(a, dtype=torch.float64)
    py = torch.tensor(b, dtype=torch.float64)
    joint = torch.outer(px / px.sum(), py / py.sum())
    assert mutual_information(joint).item() == pytest.approx(0.0, abs=1e-12)


@given(st.lists(st.floats(0.0, 1.0), min_size=12, max_size=12).filter(lambda v: sum(v) > 0.1))
def test_mi_is_sum_of_marginal_entropies_minus_joint_entropy(values):
    joint = torch.tensor(values, dtype=torch.float64).reshape(3, 4)
    joint = joint / joint.sum()
    hx, hy = entropy(joint.sum(1)).item(), entropy(joint.sum(0)).item()
    hxy = entropy(joint.flatten()).item()
    mi = mutual_information(joint).item()
    assert mi == pytest.approx(hx + hy - hxy, abs=1e-10)
    assert -1e-12 <= mi <= min(hx, hy) + 1e-10
    assert mi == pytest.approx(mutual_information(joint.T).item(), abs=1e-12)  # symmetric


def test_half_precision():
    counts = _counts((3, 3), 2)
    joint = counts / counts.sum()
    for dtype in (torch.float16, torch.bfloat16):
        got = mutual_information(joint.to(dtype))
        assert got.dtype == dtype
        want = mutual_information(joint.to(dtype).double() / joint.to(dtype).double().sum())
        assert got.double().item() == pytest.approx(want.item(), abs=1e-2)


@pytest.mark.parametrize("joint, error, words", [
    (torch.tensor([0.5, 0.5]), ValueError, "joint must have at least 2 dimension(s), got shape (2,)"),
    (torch.tensor([[0.5, 0.5], [0.5, 0.5]]), ValueError, "joint must sum to 1"),
    (torch.tensor([[0.5, -0.5], [0.5, 0.5]]), ValueError, "joint must have entries in [0, 1], got -0.5"),
    (torch.tensor([[float("nan"), 0.5], [0.25, 0.25]]), ValueError, "joint must not contain NaN"),
    (torch.tensor([[1, 0], [0, 0]]), TypeError, "joint must have a floating dtype"),
    (np.eye(2) / 2, TypeError, "joint must be a torch.Tensor, got ndarray"),
    (torch.empty(0, 3), ValueError, "joint must not be empty"),
])
def test_bad_joint(joint, error, words):
    with pytest.raises(error) as err:
        mutual_information(joint)
    assert words in str(err.value)


def test_joint_histogram_matches_numpy(device):
    g = torch.Generator().manual_seed(3)
    x, y = torch.randn(1000, generator=g, dtype=torch.float64), torch.rand(1000, generator=g, dtype=torch.float64)
    got = joint_histogram(x.to(device), y.to(device), bins=7).cpu()
    want, _, _ = np.histogram2d(x.numpy(), y.numpy(), bins=7)
    torch.testing.assert_close(got, torch.from_numpy(want / 1000))
    assert got.sum().item() == pytest.approx(1.0)
    const = joint_histogram(torch.zeros(5), torch.arange(5.0), bins=2)  # a constant variable
    assert const[0].sum().item() == pytest.approx(1.0) and const.dtype == torch.float32


def test_histogram_mi_sees_a_nonlinear_dependence():
    g = torch.Generator().manual_seed(4)
    x = torch.rand(20_000, generator=g, dtype=torch.float64) * 2 - 1
    y = x ** 2 + 0.05 * torch.randn(20_000, generator=g, dtype=torch.float64)
    assert abs(np.corrcoef(x.numpy(), y.numpy())[0, 1]) < 0.05
    assert mutual_information(joint_histogram(x, y, bins=10)).item() > 1.0


@pytest.mark.parametrize("call, error, words", [
    (lambda: joint_histogram(torch.zeros(3), torch.zeros(4)), ValueError, "x and y must have the same length, got 3 and 4"),
    (lambda: joint_histogram(torch.zeros(1), torch.zeros(1)), ValueError, "x and y need at least 2 entries, got 1"),
    (lambda: joint_histogram(torch.zeros(3), torch.zeros(3), bins=1), ValueError, "bins must be >= 2, got 1"),
    (lambda: joint_histogram(torch.zeros(3), torch.zeros(3), bins=2.0), TypeError, "bins must be an int"),
    (lambda: joint_histogram(torch.tensor([0.0, float("inf")]), torch.zeros(2)), ValueError, "x must be finite"),
    (lambda: joint_histogram(torch.zeros(2, 2), torch.zeros(2, 2)), ValueError, "x must have 1 dimension(s)"),
])
def test_joint_histogram_bad_input(call, error, words):
    with pytest.raises(error) as err:
        call()
    assert words in str(err.value)


def test_gaussian_mutual_information_against_entropies():
    # I = h(X) + h(Y) - h(X, Y) from the Gaussian differential entropies 0.5 log((2 pi e)^k det Σ)
    for rho in (-0.9, 0.0, 0.3, 0.99):
        det = 1 - rho ** 2
        want = 0.5 * math.log(2 * math.pi * math.e) * 2 - 0.5 * math.log((2 * math.pi * math.e) ** 2 * det)
        assert gaussian_mutual_information(rho, base=math.e) == pytest.approx(want, abs=1e-12)
        assert gaussian_mutual_information(rho, dim=3) == pytest.approx(3 * want / math.log(2), abs=1e-12)


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(rho=1.0), ValueError, "rho must be in (-1.0, 1.0), got 1.0"),
    (dict(rho=-1.0), ValueError, "rho must be in (-1.0, 1.0), got -1.0"),
    (dict(rho=0.5, dim=0), ValueError, "dim must be >= 1, got 0"),
    (dict(rho="0.5"), TypeError, "rho must be a real number"),
    (dict(rho=0.5, base=1.0), ValueError, "base must be a positive number other than 1, got 1.0"),
])
def test_gaussian_mutual_information_bad_input(kwargs, error, words):
    with pytest.raises(error) as err:
        gaussian_mutual_information(**kwargs)
    assert words in str(err.value)
