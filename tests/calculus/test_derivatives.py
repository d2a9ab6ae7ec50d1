"""aimath_ref.calculus.derivatives: finite differences against torch.autograd, and the gradient check."""

from __future__ import annotations

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath_ref.calculus import GradientCheck, gradient_check, numerical_derivative, numerical_gradient

ELEMENTWISE = {
    "sin": torch.sin,
    "tanh": torch.tanh,
    "exp": torch.exp,
    "cube": lambda t: t ** 3 - 2 * t,
    "softplus": torch.nn.functional.softplus,
}


def _points(n: int, dtype: torch.dtype, device: torch.device, seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, generator=g, dtype=torch.float64).to(device=device, dtype=dtype)


def _autograd_derivative(f, x: torch.Tensor) -> torch.Tensor:
    leaf = x.detach().double().requires_grad_(True)
    (g,) = torch.autograd.grad(f(leaf).sum(), leaf)  # elementwise f: d/dx_i sum f = f'(x_i)
    return g


@pytest.mark.parametrize("dtype,rtol", [(torch.float32, 2e-3), (torch.float64, 1e-8)])
@pytest.mark.parametrize("name", sorted(ELEMENTWISE))
def test_numerical_derivative_matches_autograd(name, dtype, rtol, device):
    f = ELEMENTWISE[name]
    x = _points(50, dtype, device)  # a batch of 50 points
    got = numerical_derivative(f, x)
    assert got.dtype == dtype and got.shape == x.shape and got.device == x.device
    torch.testing.assert_close(got.double(), _autograd_derivative(f, x), rtol=rtol, atol=rtol)


def test_python_number_gives_float():
    d = numerical_derivative(math.exp, 1.0)
    assert isinstance(d, float)
    assert d == pytest.approx(math.e, rel=1e-9)


@pytest.mark.parametrize("method,order", [("central", 2), ("forward", 1)])
def test_truncation_error_order(method, order):
    # halving h divides the error by 2^order: O(h^2) for central, O(h) for forward differences
    exact = math.cos(1.0)
    errors = [abs(numerical_derivative(math.sin, 1.0, eps=h, method=method) - exact) for h in (1e-2, 5e-3)]
    assert errors[0] / errors[1] == pytest.approx(2 ** order, rel=0.05)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_is_evaluated_in_float32(dtype):
    x = torch.tensor([0.5, -1.0, 2.0], dtype=dtype)
    got = numerical_derivative(torch.tanh, x)
    assert got.dtype == dtype
    want = 1 - torch.tanh(x.double()) ** 2
    torch.testing.assert_close(got.double(), want, rtol=2e-2, atol=2e-2)


@settings(max_examples=30, deadline=None)
@given(a=st.floats(-5, 5), b=st.floats(-5, 5), c=st.floats(-5, 5), x=st.floats(-10, 10))
def test_central_difference_is_exact_on_quadratics(a, b, c, x):
    # f''' = 0, so the central difference has no truncation error, only rounding
    d = numerical_derivative(lambda t: a * t * t + b * t + c, x)
    assert d == pytest.approx(2 * a * x + b, abs=1e-6 * (1 + abs(a) * x * x + abs(b * x) + abs(c)))


@pytest.mark.parametrize("dtype,rtol", [(torch.float32, 5e-3), (torch.float64, 1e-7)])
@pytest.mark.parametrize("shape", [(5,), (2, 3)])
def test_numerical_gradient_matches_autograd(shape, dtype, rtol, device):
    g = torch.Generator().manual_seed(3)
    A = torch.randn(4, math.prod(shape), generator=g, dtype=torch.float64).to(device=device, dtype=dtype)

    def loss(w: torch.Tensor) -> torch.Tensor:
        return torch.tanh(A @ w.reshape(-1)).pow(2).sum() + 0.5 * (w ** 2).sum()

    w = _points(math.prod(shape), dtype, device, seed=4).reshape(shape)
    got = numerical_gradient(loss, w)
    leaf = w.detach().clone().requires_grad_(True)
    (want,) = torch.autograd.grad(loss(leaf), leaf)
    assert got.shape == shape and got.dtype == dtype
    torch.testing.assert_close(got, want, rtol=rtol, atol=rtol)


class _WrongSquare(torch.autograd.Function):
    """x^2 with a wrong backward (x instead of 2x)."""

    @staticmethod
    def forward(ctx, x):  # type: ignore[no-untyped-def]
        ctx.save_for_backward(x)
        return x ** 2

    @staticmethod
    def backward(ctx, grad):  # type: ignore[no-untyped-def]
        (x,) = ctx.saved_tensors
        return grad * x


def test_gradient_check_agrees_with_torch_gradcheck():
    x = torch.tensor([0.3, -1.2, 2.0], dtype=torch.float64)
    good = gradient_check(lambda t: (torch.sin(t) * t).sum(), x)
    assert isinstance(good, GradientCheck) and good.passed and good.max_rel_error < 1e-8
    assert torch.autograd.gradcheck(lambda t: (torch.sin(t) * t).sum(), (x.clone().requires_grad_(True),))

    bad = gradient_check(lambda t: _WrongSquare.apply(t).sum(), x)
    assert not bad.passed and bad.max_rel_error == pytest.approx(0.5)  # |x - 2x| / |2x|
    assert not torch.autograd.gradcheck(lambda t: _WrongSquare.apply(t).sum(), (x.clone().requires_grad_(True),),
                                        raise_exception=False)


def test_gradient_check_float32_input_and_constant_function():
    x = torch.tensor([1.0, 2.0])
    res = gradient_check(lambda t: (t ** 3).sum(), x)
    assert res.passed and res.analytic.dtype == torch.float64
    torch.testing.assert_close(res.analytic, torch.tensor([3.0, 12.0], dtype=torch.float64))
    const = gradient_check(lambda t: torch.tensor(4.0, dtype=torch.float64), x)
    assert const.passed and const.max_abs_error == 0.0


def test_gradient_check_inside_no_grad():
    with torch.no_grad():
        assert gradient_check(lambda t: t.exp().sum(), torch.tensor([0.1, 0.2])).passed


# --- bad input -------------------------------------------------------------------------

def test_bad_inputs_are_rejected():
    x = torch.tensor([1.0, 2.0])
    with pytest.raises(TypeError, match="f must be callable, got int 3"):
        numerical_derivative(3, 1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="x must be a real number, got str 'a'"):
        numerical_derivative(math.sin, "a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="x must have a floating dtype.*int64"):
        numerical_derivative(torch.sin, torch.tensor([1, 2]))
    with pytest.raises(ValueError, match="x must not be empty"):
        numerical_gradient(lambda t: t.sum(), torch.empty(0))
    with pytest.raises(ValueError, match="eps must be > 0, got -0.1"):
        numerical_derivative(math.sin, 1.0, eps=-0.1)
    with pytest.raises(ValueError, match="method must be one of .*'backward'"):
        numerical_derivative(math.sin, 1.0, method="backward")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"f must return a scalar tensor .* got shape \(2,\)"):
        numerical_gradient(lambda t: t * 2, x)
    with pytest.raises(ValueError, match=r"same shape, got \(\)"):
        numerical_derivative(lambda t: t.sum(), x)
    with pytest.raises(ValueError, match="tol must be > 0, got 0"):
        gradient_check(lambda t: t.sum(), x, tol=0)
    with pytest.raises(ValueError, match="x must be finite, got inf"):
        numerical_derivative(math.sin, math.inf)


# --- options, degenerate branches and what f returns ----------------------------------------

@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_forward_method_on_tensors_has_first_order_error(dtype):
    # forward differences on a tensor: f'(x) + h f''(x) / 2 + O(h^2), with h = eps max(1, |x|)
    x = torch.tensor([0.5, -1.0, 3.0], dtype=dtype)
    h = 1e-3
    got = numerical_derivative(torch.sin, x, eps=h, method="forward").double()
    xd = x.double()
    step = h * xd.abs().clamp(min=1.0)
    want = torch.cos(xd) - step * torch.sin(xd) / 2  # first-order model of the forward quotient
    assert got.dtype == torch.float64 and numerical_derivative(torch.sin, x, method="forward").dtype == dtype
    tol = 1e-6 if dtype == torch.float64 else 3 * torch.finfo(dtype).eps / h
    torch.testing.assert_close(got, want, rtol=0, atol=tol + step.max().item() ** 2)
    central = numerical_derivative(torch.sin, x.double(), eps=h)  # the default, for contrast: no h/2 bias
    torch.testing.assert_close(central, torch.cos(xd), rtol=0, atol=(step ** 2).max().item() / 6 * 1.01)  # h^2 f''' / 6


def test_eps_option_scales_with_the_point():
    # h = eps * max(1, |x|): at x = 1e6 the step is 1e6 * eps, so a quadratic stays exact
    got = numerical_derivative(lambda t: t * t, 1e6, eps=1e-4)
    assert got == pytest.approx(2e6, rel=1e-9)


@pytest.mark.parametrize("f,exc,match", [
    (lambda t: torch.stack([torch.tensor(t), torch.tensor(t)]), ValueError,
     r"f must return one real number for a number x, got a tensor of shape \(2,\)"),
    (lambda t: [t], TypeError, r"f must return a real number or a one-element tensor for a number x, got list"),
    (lambda t: "a", TypeError, r"got str 'a'"),
    (lambda t: torch.tensor(True), ValueError, r"got a tensor of shape \(\) and dtype torch.bool"),
])
def test_numerical_derivative_names_what_f_returned(f, exc, match):
    with pytest.raises(exc, match=match):
        numerical_derivative(f, 1.0)
    assert numerical_derivative(lambda t: torch.tensor([t * t], dtype=torch.float64), 3.0) == pytest.approx(6.0)  # one element is fine


class _ZeroWithUnitBackward(torch.autograd.Function):
    """f(x) = 0 with a wrong backward of 1: the check must fail on it."""

    @staticmethod
    def forward(ctx, x):  # type: ignore[no-untyped-def]
        return x.sum() * 0

    @staticmethod
    def backward(ctx, grad):  # type: ignore[no-untyped-def]
        return grad * torch.ones(3, dtype=torch.float64)


def test_gradient_check_fails_a_zero_function_whose_backward_is_one():
    res = gradient_check(lambda t: _ZeroWithUnitBackward.apply(t), torch.ones(3))
    assert not res.passed and res.max_rel_error == 1.0 and res.max_abs_error == 1.0
    assert torch.equal(res.numerical, torch.zeros(3, dtype=torch.float64))


def test_gradient_check_tol_endpoint():
    # passed is max_rel_error <= tol: equality passes
    res = gradient_check(lambda t: _WrongSquare.apply(t).sum(), torch.tensor([1.0, 2.0]))
    assert gradient_check(lambda t: _WrongSquare.apply(t).sum(), torch.tensor([1.0, 2.0]), tol=res.max_rel_error).passed
    assert not gradient_check(lambda t: _WrongSquare.apply(t).sum(), torch.tensor([1.0, 2.0]),
                              tol=res.max_rel_error * (1 - 1e-9)).passed


def test_every_evaluation_of_f_is_checked_on_tensors():
    calls = []

    def f(t):  # right shape at x + h, a number at x - h
        calls.append(1)
        return t if len(calls) == 1 else 3.0

    with pytest.raises(ValueError, match=r"f must map x of shape \(2,\) to a tensor of the same shape, got float"):
        numerical_derivative(f, torch.ones(2))
