"""SGD, RMSprop, Adam, AdamW and Adafactor against their torch.optim twins (foreach=False), step by step."""

from __future__ import annotations

import inspect

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from aimath_ref import optim

SHAPES = ((6, 5), (7,), (3, 2, 4))

# (name, kwargs for both twins); every option of every optimiser appears in some case
CASES = [
    ("SGD", dict(lr=0.05)),
    ("SGD", dict(lr=0.05, weight_decay=0.1)),
    ("SGD", dict(lr=0.05, momentum=0.9)),
    ("SGD", dict(lr=0.05, momentum=0.9, dampening=0.5, weight_decay=0.1)),
    ("SGD", dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1, maximize=True)),
    ("RMSprop", dict()),
    ("RMSprop", dict(weight_decay=0.1, alpha=0.9, eps=1e-6)),
    ("RMSprop", dict(momentum=0.5, centered=True, weight_decay=0.1)),
    ("RMSprop", dict(centered=True, maximize=True)),
    ("Adam", dict(lr=0.01)),
    ("Adam", dict(lr=0.01, weight_decay=0.1, betas=(0.8, 0.99), eps=1e-6)),
    ("Adam", dict(lr=0.01, amsgrad=True, weight_decay=0.1, maximize=True)),
    ("Adam", dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)),
    ("AdamW", dict(lr=0.01)),
    ("AdamW", dict(lr=0.01, weight_decay=0.0)),
    ("AdamW", dict(lr=0.01, weight_decay=0.3, amsgrad=True)),
    ("Adafactor", dict()),
    ("Adafactor", dict(lr=0.05, weight_decay=0.1, beta2_decay=-0.5, d=2.0)),
    ("Adafactor", dict(eps=(1e-20, 1e-2), maximize=True)),
    ("Adafactor", dict(lr=0.5)),  # the relative step min(lr, 1/sqrt(t)) switches at t = 4
]
IDS = [f"{n}-{i}" for i, (n, _) in enumerate(CASES)]


def _groups(params, kwargs):
    """Two parameter groups: the second overrides lr (and weight decay where there is one)."""
    second = {"params": params[1:], "lr": kwargs.get("lr", 0.01) * 0.5}
    if kwargs.get("weight_decay", 0) != 0:
        second["weight_decay"] = kwargs["weight_decay"] * 2
    return [{"params": params[:1]}, second]


def _grads(step, shapes, dtype, device):
    g = torch.Generator().manual_seed(1000 + step)
    return [torch.randn(s, generator=g, dtype=torch.float64).to(device=device, dtype=dtype) for s in shapes]


def _run(name, kwargs, dtype, device, steps=50, reload_at=25):
    g = torch.Generator().manual_seed(0)
    init = [torch.randn(s, generator=g, dtype=torch.float64).to(device=device, dtype=dtype) for s in SHAPES]
    ours = [p.clone().requires_grad_() for p in init]
    theirs = [p.clone().requires_grad_() for p in init]
    opt_ours = getattr(optim, name)(_groups(ours, kwargs), **kwargs)
    opt_theirs = getattr(torch.optim, name)(_groups(theirs, kwargs), **kwargs, foreach=False)
    for t in range(steps):
        for a, b, grad in zip(ours, theirs, _grads(t, SHAPES, dtype, device)):
            a.grad, b.grad = grad.clone(), grad.clone()
        opt_ours.step()
        opt_theirs.step()
        if t == reload_at:  # a fresh optimiser continues from the saved state
            saved = opt_ours.state_dict()
            opt_ours = getattr(optim, name)(_groups(ours, kwargs), **kwargs)
            opt_ours.load_state_dict(saved)
    return ours, theirs, opt_ours, opt_theirs


@pytest.mark.parametrize("name,kwargs", CASES, ids=IDS)
def test_fifty_steps_equal_torch_in_float64(name, kwargs, device):
    ours, theirs, opt_ours, opt_theirs = _run(name, kwargs, torch.float64, device)
    for a, b in zip(ours, theirs):
        torch.testing.assert_close(a, b)
    for a, b in zip(ours, theirs):  # same state names, same values
        sa, sb = opt_ours.state[a], opt_theirs.state[b]
        assert list(sa) == list(sb)
        for key in sa:
            torch.testing.assert_close(sa[key], sb[key], check_device=key != "step")


@pytest.mark.parametrize("name,kwargs", CASES[::3], ids=IDS[::3])
def test_fifty_steps_equal_torch_in_float32(name, kwargs, device):
    ours, theirs, *_ = _run(name, kwargs, torch.float32, device)
    for a, b in zip(ours, theirs):
        assert a.dtype == torch.float32
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("name", ["SGD", "RMSprop", "Adam", "AdamW", "Adafactor"])
def test_signature_and_defaults_are_torchs(name):
    ours, theirs = inspect.signature(getattr(optim, name)), inspect.signature(getattr(torch.optim, name))
    assert [(p.name, p.kind, p.default) for p in ours.parameters.values()] == \
           [(p.name, p.kind, p.default) for p in theirs.parameters.values()]


@pytest.mark.parametrize("name", ["SGD", "RMSprop", "Adam", "AdamW", "Adafactor"])
def test_state_dict_loads_across_the_two_implementations(name):
    kwargs = {"momentum": 0.9} if name == "SGD" else {}
    ours, theirs, opt_ours, opt_theirs = _run(name, kwargs, torch.float64, "cpu", steps=10, reload_at=-1)
    assert opt_ours.state_dict()["param_groups"][0].keys() == opt_theirs.state_dict()["param_groups"][0].keys()
    fresh = getattr(optim, name)(_groups(theirs, kwargs), **kwargs)
    fresh.load_state_dict(opt_theirs.state_dict())  # torch's state continues in ours
    opt_theirs2 = getattr(torch.optim, name)(_groups(ours, kwargs), **kwargs, foreach=False)
    opt_theirs2.load_state_dict(opt_ours.state_dict())  # and ours in torch's
    for t in range(10, 20):
        for a, b, grad in zip(theirs, ours, _grads(t, SHAPES, torch.float64, "cpu")):
            a.grad, b.grad = grad.clone(), grad.clone()
        fresh.step()
        opt_theirs2.step()
    for a, b in zip(ours, theirs):
        torch.testing.assert_close(a, b)


def test_zero_grad_and_closure():
    w = torch.nn.Parameter(torch.tensor([1.0, -1.0], dtype=torch.float64))
    opt = optim.Adam([w], lr=0.1)

    def closure():
        opt.zero_grad()
        loss = (w ** 2).sum()
        loss.backward()
        return loss

    assert opt.step(closure).item() == pytest.approx(2.0)
    opt.zero_grad()
    assert w.grad is None
    assert opt.step() is None  # no gradient: nothing moves, no state is created beyond the first step's
    assert int(opt.state[w]["step"].item()) == 1


def test_parameters_without_gradients_are_skipped():
    a, b = torch.nn.Parameter(torch.ones(3)), torch.nn.Parameter(torch.ones(3))
    opt = optim.AdamW([a, b], lr=0.1)
    a.grad = torch.ones(3)
    opt.step()
    assert b not in opt.state and torch.equal(b, torch.ones(3)) and a[0].item() < 1


@pytest.mark.parametrize("name,kwargs,match", [
    ("SGD", dict(lr=-0.1), r"lr must be >= 0, got -0\.1"),
    ("SGD", dict(momentum=-0.5), r"momentum must be >= 0, got -0\.5"),
    ("SGD", dict(weight_decay=-1.0), r"weight_decay must be >= 0, got -1\.0"),
    ("SGD", dict(nesterov=True), r"nesterov needs momentum > 0 and dampening = 0, got momentum=0\.0"),
    ("SGD", dict(nesterov=True, momentum=0.9, dampening=0.1), r"dampening=0\.1"),
    ("SGD", dict(fused=True), r"fused is not supported"),
    ("RMSprop", dict(eps=-1e-8), r"eps must be >= 0, got -1e-08"),
    ("RMSprop", dict(alpha=-0.1), r"alpha must be >= 0, got -0\.1"),
    ("RMSprop", dict(capturable=True), r"capturable is not supported"),
    ("Adam", dict(betas=(1.0, 0.999)), r"betas\[0\] must be in \[0\.0, 1\.0\), got 1\.0"),
    ("Adam", dict(betas=(0.9, -0.1)), r"betas\[1\] must be in \[0\.0, 1\.0\), got -0\.1"),
    ("Adam", dict(betas=(0.9,)), r"betas must be a pair"),
    ("Adam", dict(lr=float("nan")), r"lr must be finite, got nan"),
    ("Adam", dict(lr=torch.tensor([0.1, 0.2])), r"lr as a tensor must have 1 element"),
    ("AdamW", dict(weight_decay=-0.01), r"weight_decay must be >= 0, got -0\.01"),
    ("AdamW", dict(eps=-1.0), r"eps must be >= 0, got -1\.0"),
    ("Adafactor", dict(beta2_decay=0.5), r"beta2_decay must be <= 0, got 0\.5"),
    ("Adafactor", dict(d=0.5), r"d \(the clipping threshold\) must be >= 1, got 0\.5"),
    ("Adafactor", dict(eps=(-1.0, 1e-3)), r"eps\[0\] must be >= 0, got -1\.0"),
    ("Adafactor", dict(eps=(None, -1e-3)), r"eps\[1\] must be >= 0, got -0\.001"),
    ("Adafactor", dict(eps=1e-3), r"eps must be a pair"),
])
def test_bad_hyperparameters_are_refused_naming_the_value(name, kwargs, match):
    with pytest.raises(ValueError, match=match):
        getattr(optim, name)([torch.nn.Parameter(torch.zeros(2))], **kwargs)


def test_edge_values_that_torch_accepts_are_accepted():
    p = [torch.nn.Parameter(torch.zeros(2))]
    optim.SGD(p, lr=0.0, momentum=0.0, weight_decay=0.0)
    optim.Adam(p, betas=(0.0, 0.0), eps=0.0)
    optim.Adafactor(p, beta2_decay=0.0, d=1.0, eps=(0.0, 0.0))
    optim.Adam(p, lr=torch.tensor(0.01))


def test_sparse_gradients_are_refused():
    w = torch.nn.Parameter(torch.zeros(4))
    w.grad = torch.zeros(4).to_sparse()
    with pytest.raises(ValueError, match="does not support sparse gradients"):
        optim.Adam([w]).step()


def test_adam_l2_is_not_adamw_decay_but_sgd_l2_is_weight_decay():
    """E4: an L2 term in the loss equals weight decay for SGD, not for Adam."""
    g = torch.Generator().manual_seed(3)
    w0, target = torch.randn(20, generator=g, dtype=torch.float64), torch.randn(20, generator=g, dtype=torch.float64)
    scale = torch.logspace(-2, 2, 20, dtype=torch.float64)  # coordinates with very different gradient scales
    lam = 0.1

    def train(make, l2_in_loss):
        w = w0.clone().requires_grad_()
        opt = make([w])
        for _ in range(30):
            opt.zero_grad()
            loss = 0.5 * (scale * (w - target) ** 2).sum() + (0.5 * lam * (w ** 2).sum() if l2_in_loss else 0)
            loss.backward()
            opt.step()
        return w.detach()

    sgd_l2 = train(lambda p: optim.SGD(p, lr=1e-3), True)
    sgd_wd = train(lambda p: optim.SGD(p, lr=1e-3, weight_decay=lam), False)
    torch.testing.assert_close(sgd_l2, sgd_wd)
    adam_l2 = train(lambda p: optim.Adam(p, lr=1e-2), True)
    adam_wd = train(lambda p: optim.Adam(p, lr=1e-2, weight_decay=lam), False)
    adamw = train(lambda p: optim.AdamW(p, lr=1e-2, weight_decay=lam), False)
    torch.testing.assert_close(adam_l2, adam_wd)  # Adam's weight_decay is the L2 term
    assert (adamw - adam_wd).abs().max() > 1e-3  # decoupled decay is something else


@given(st.floats(min_value=1e-3, max_value=1e3))
def test_adam_without_eps_ignores_the_scale_of_the_gradient(c):
    g = torch.Generator().manual_seed(5)
    grads = [torch.randn(8, generator=g, dtype=torch.float64) for _ in range(10)]
    ws = []
    for factor in (1.0, c):
        w = torch.zeros(8, dtype=torch.float64, requires_grad=True)
        opt = optim.Adam([w], lr=0.1, eps=0.0)
        for gr in grads:
            w.grad = factor * gr
            opt.step()
        ws.append(w.detach())
    torch.testing.assert_close(ws[0], ws[1])


def test_digits_mlp_trains_identically_with_both_adamw():
    """A 64-32-10 tanh MLP on scikit-learn's bundled digits, mini-batches of 128: the run the
    optimisers page draws."""
    from figures.optimisation.digits_adamw import both_adamw_losses

    ours, theirs = both_adamw_losses()
    torch.testing.assert_close(torch.tensor(ours), torch.tensor(theirs), rtol=1e-10, atol=1e-12)
    assert ours[-1] < 0.2 * ours[0]  # it really learns
