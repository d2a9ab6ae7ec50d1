"""SGD, RMSprop, Adam, AdamW and Adafactor with PyTorch's interface.

Each class is a `torch.optim.Optimizer` (parameter groups, ``zero_grad``,
``state_dict``/``load_state_dict`` come from it) with the constructor, defaults and state names
of its ``torch.optim`` twin. The arithmetic is in `aimath_ref.optim.updates`; ``step()``
only creates the state and calls the update function for each parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch

from .. import _checks
from .updates import adafactor_update, adam_update, adamw_update, rmsprop_update, sgd_update

__all__ = ["SGD", "RMSprop", "Adam", "AdamW", "Adafactor"]

Params = Iterable[torch.Tensor] | Iterable[dict[str, Any]]


def _lr(lr: Any) -> float:
    if isinstance(lr, torch.Tensor):
        if lr.numel() != 1:
            raise ValueError(f"lr as a tensor must have 1 element, got shape {tuple(lr.shape)}")
        lr = lr.item()
    return _checks.real(lr, "lr", nonnegative=True)


def _unsupported(**flags: Any) -> None:
    # The torch-only execution switches: accepted with their default values so that the
    # signature matches torch, refused otherwise (this is a reference loop, one tensor at a time).
    for name, value in flags.items():
        if value not in (False, None):
            raise ValueError(f"{name} is not supported by this reference implementation, got {value!r}")


def _step_tensor() -> torch.Tensor:
    # torch keeps ``step`` as a float scalar tensor on the CPU (float64 if that is the default dtype)
    dtype = torch.float64 if torch.get_default_dtype() == torch.float64 else torch.float32
    return torch.tensor(0.0, dtype=dtype)


class _Base(torch.optim.Optimizer):
    def _params(self, group: dict[str, Any]) -> Iterable[tuple[torch.Tensor, dict[str, Any]]]:
        for p in group["params"]:
            if p.grad is None:
                continue
            if p.grad.is_sparse:
                raise ValueError(f"{type(self).__name__} does not support sparse gradients, got one for a "
                                 f"parameter of shape {tuple(p.shape)}")
            yield p, self.state[p]

    @torch.no_grad()
    def step(self, closure: Callable[[], Any] | None = None) -> Any:
        """Take one optimisation step for every parameter that has a gradient.

        Parameters
        ----------
        closure : callable, optional
            Re-evaluates the model and returns the loss (as in ``torch.optim``).

        Returns
        -------
        The closure's loss, or ``None``.
        """
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p, state in self._params(group):
                self._update(p, state, group)
        return loss

    def _update(self, p: torch.Tensor, state: dict[str, Any], group: dict[str, Any]) -> None:
        raise NotImplementedError


class SGD(_Base):
    r"""Stochastic gradient descent with momentum, dampening, Nesterov momentum and weight decay.

    Same constructor, defaults and state (``momentum_buffer``) as ``torch.optim.SGD``; the
    update is `sgd_update`:
    $\theta \leftarrow \theta - \gamma b$, $b \leftarrow \mu b + (1 - \tau) g$.

    Parameters
    ----------
    params : iterable
        Parameters, or dicts defining parameter groups.
    lr : float
        Learning rate $\gamma \ge 0$ (PyTorch's default, 0.001).
    momentum : float
        $\mu \ge 0$.
    dampening : float
        $\tau$.
    weight_decay : float
        L2 coefficient $\lambda \ge 0$.
    nesterov : bool
        Nesterov momentum (needs momentum > 0 and dampening 0).
    maximize : bool
        Maximise the objective.
    foreach, differentiable, fused
        Accepted for compatibility with torch; only their defaults are supported.

    Raises
    ------
    ValueError
        If ``lr``, ``momentum`` or ``weight_decay`` is negative, or ``nesterov`` is set
        without momentum or with dampening.

    References
    ----------
    Polyak 1964; Sutskever et al. 2013 (ICML); PyTorch docs, ``torch.optim.SGD``.

    Examples
    --------
    >>> import torch
    >>> w = torch.nn.Parameter(torch.tensor([3.0]))
    >>> opt = SGD([w], lr=0.1, momentum=0.9)
    >>> for _ in range(2):
    ...     opt.zero_grad()
    ...     (w ** 2).sum().backward()  # gradient 2w
    ...     opt.step()
    >>> round(w.item(), 4), sorted(opt.state[w])
    (1.38, ['momentum_buffer'])
    """

    def __init__(self, params: Params, lr: float = 1e-3, momentum: float = 0, dampening: float = 0,
                 weight_decay: float = 0, nesterov: bool = False, *, maximize: bool = False,
                 foreach: bool | None = None, differentiable: bool = False, fused: bool | None = None) -> None:
        lr = _lr(lr)
        momentum = _checks.real(momentum, "momentum", nonnegative=True)
        dampening = _checks.real(dampening, "dampening")
        weight_decay = _checks.real(weight_decay, "weight_decay", nonnegative=True)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError(f"nesterov needs momentum > 0 and dampening = 0, got momentum={momentum}, "
                             f"dampening={dampening}")
        _unsupported(differentiable=differentiable, fused=fused)
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                        nesterov=nesterov, maximize=maximize, foreach=foreach, differentiable=differentiable,
                        fused=fused)
        super().__init__(params, defaults)

    def _update(self, p: torch.Tensor, state: dict[str, Any], group: dict[str, Any]) -> None:
        buf = sgd_update(p, p.grad, state.get("momentum_buffer"), lr=group["lr"], momentum=group["momentum"],
                         dampening=group["dampening"], weight_decay=group["weight_decay"],
                         nesterov=group["nesterov"], maximize=group["maximize"])
        if buf is not None:
            state["momentum_buffer"] = buf


class RMSprop(_Base):
    r"""RMSprop: each coordinate's step divided by the root-mean-square of its recent gradients.

    Same constructor, defaults and state (``step``, ``square_avg``, ``momentum_buffer``,
    ``grad_avg``) as ``torch.optim.RMSprop``; the update is
    `rmsprop_update`.

    Parameters
    ----------
    params : iterable
        Parameters, or dicts defining parameter groups.
    lr : float
        $\gamma \ge 0$ (default 0.01).
    alpha : float
        Smoothing constant $\alpha \ge 0$ of the squared-gradient average.
    eps : float
        $\epsilon \ge 0$ added to the root.
    weight_decay : float
        L2 coefficient $\lambda \ge 0$.
    momentum : float
        $\mu \ge 0$.
    centered : bool
        Normalise by an estimate of the gradient's variance.
    capturable, foreach, differentiable
        Accepted for compatibility with torch; only their defaults are supported.
    maximize : bool
        Maximise the objective.

    Raises
    ------
    ValueError
        If ``lr``, ``eps``, ``momentum``, ``weight_decay`` or ``alpha`` is negative.

    References
    ----------
    Tieleman & Hinton 2012, Lecture 6.5; PyTorch docs, ``torch.optim.RMSprop``.

    Examples
    --------
    >>> import torch
    >>> w = torch.nn.Parameter(torch.tensor([1.0, 1.0]))
    >>> opt = RMSprop([w], lr=0.01)
    >>> (w * torch.tensor([100.0, 0.01])).sum().backward()
    >>> opt.step()
    >>> [round(v, 4) for v in w.tolist()], sorted(opt.state[w])
    ([0.9, 0.9], ['square_avg', 'step'])
    """

    def __init__(self, params: Params, lr: float = 1e-2, alpha: float = 0.99, eps: float = 1e-8,
                 weight_decay: float = 0, momentum: float = 0, centered: bool = False, capturable: bool = False,
                 foreach: bool | None = None, maximize: bool = False, differentiable: bool = False) -> None:
        lr = _lr(lr)
        eps = _checks.real(eps, "eps", nonnegative=True)
        momentum = _checks.real(momentum, "momentum", nonnegative=True)
        weight_decay = _checks.real(weight_decay, "weight_decay", nonnegative=True)
        alpha = _checks.real(alpha, "alpha", nonnegative=True)
        _unsupported(capturable=capturable, differentiable=differentiable)
        defaults = dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                        weight_decay=weight_decay, capturable=capturable, foreach=foreach, maximize=maximize,
                        differentiable=differentiable)
        super().__init__(params, defaults)

    def _update(self, p: torch.Tensor, state: dict[str, Any], group: dict[str, Any]) -> None:
        if not state:
            state["step"] = _step_tensor()
            state["square_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)  # v
            if group["momentum"] > 0:
                state["momentum_buffer"] = torch.zeros_like(p, memory_format=torch.preserve_format)  # b
            if group["centered"]:
                state["grad_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)  # ḡ
        state["step"] += 1
        rmsprop_update(p, p.grad, state["square_avg"], lr=group["lr"], alpha=group["alpha"], eps=group["eps"],
                       weight_decay=group["weight_decay"], momentum=group["momentum"], centered=group["centered"],
                       momentum_buffer=state.get("momentum_buffer"), grad_avg=state.get("grad_avg"),
                       maximize=group["maximize"])


def _adam_args(lr: Any, betas: Any, eps: Any, weight_decay: Any) -> tuple[float, tuple[float, float], float, float]:
    lr = _lr(lr)
    eps = _checks.real(eps, "eps", nonnegative=True)
    if not isinstance(betas, (tuple, list)) or len(betas) != 2:
        raise ValueError(f"betas must be a pair (beta1, beta2), got {betas!r}")
    b1 = _checks.real(betas[0], "betas[0]", low=0.0, high=1.0, high_open=True)
    b2 = _checks.real(betas[1], "betas[1]", low=0.0, high=1.0, high_open=True)
    weight_decay = _checks.real(weight_decay, "weight_decay", nonnegative=True)
    return lr, (b1, b2), eps, weight_decay


class Adam(_Base):
    r"""Adam: bias-corrected momentum divided by a bias-corrected root-mean-square.

    Same constructor, defaults and state (``step``, ``exp_avg``, ``exp_avg_sq``, and
    ``max_exp_avg_sq`` with ``amsgrad``) as ``torch.optim.Adam``; the update is
    `adam_update` (or
    `adamw_update` with ``decoupled_weight_decay=True``).

    Parameters
    ----------
    params : iterable
        Parameters, or dicts defining parameter groups.
    lr : float
        $\gamma \ge 0$ (default 0.001).
    betas : tuple of float
        $(\beta_1, \beta_2)$, each in $[0, 1)$.
    eps : float
        $\epsilon \ge 0$.
    weight_decay : float
        $\lambda \ge 0$: an L2 term added to the gradient (coupled), unless
        ``decoupled_weight_decay``.
    amsgrad : bool
        Divide by the running maximum of $v_t$ (AMSGrad).
    maximize : bool
        Maximise the objective.
    decoupled_weight_decay : bool
        Decay the weights directly, which makes this AdamW.
    foreach, capturable, differentiable, fused
        Accepted for compatibility with torch; only their defaults are supported.

    Raises
    ------
    ValueError
        If ``lr``, ``eps`` or ``weight_decay`` is negative or a beta is outside $[0, 1)$.

    References
    ----------
    Kingma & Ba 2015 (ICLR); Reddi et al. 2018 (ICLR); PyTorch docs, ``torch.optim.Adam``.

    Examples
    --------
    >>> import torch
    >>> w = torch.nn.Parameter(torch.tensor([1.0, 1.0]))
    >>> opt = Adam([w], lr=0.1)
    >>> (w * torch.tensor([1000.0, -0.001])).sum().backward()
    >>> opt.step()
    >>> [round(v, 4) for v in w.tolist()], sorted(opt.state[w])
    ([0.9, 1.1], ['exp_avg', 'exp_avg_sq', 'step'])
    """

    _decoupled_default = False

    def __init__(self, params: Params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0, amsgrad: bool = False, *, foreach: bool | None = None,
                 maximize: bool = False, capturable: bool = False, differentiable: bool = False,
                 fused: bool | None = None, decoupled_weight_decay: bool = False) -> None:
        lr, betas, eps, weight_decay = _adam_args(lr, betas, eps, weight_decay)
        _unsupported(capturable=capturable, differentiable=differentiable, fused=fused)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                        maximize=maximize, foreach=foreach, capturable=capturable, differentiable=differentiable,
                        fused=fused, decoupled_weight_decay=decoupled_weight_decay)
        super().__init__(params, defaults)

    def _update(self, p: torch.Tensor, state: dict[str, Any], group: dict[str, Any]) -> None:
        if not state:
            state["step"] = _step_tensor()
            state["exp_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)  # m
            state["exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)  # v
            if group["amsgrad"]:
                state["max_exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)
        state["step"] += 1
        update = adamw_update if group.get("decoupled_weight_decay", self._decoupled_default) else adam_update
        beta1, beta2 = group["betas"]
        update(p, p.grad, state["exp_avg"], state["exp_avg_sq"], int(state["step"].item()), lr=group["lr"],
               beta1=beta1, beta2=beta2, eps=group["eps"], weight_decay=group["weight_decay"],
               max_exp_avg_sq=state.get("max_exp_avg_sq"), maximize=group["maximize"])


class AdamW(Adam):
    r"""AdamW: Adam with decoupled weight decay, $\theta \leftarrow (1 - \gamma\lambda)\theta$.

    Same constructor, defaults (``weight_decay=0.01``) and state as ``torch.optim.AdamW``; the
    update is `adamw_update`.

    Parameters
    ----------
    params : iterable
        Parameters, or dicts defining parameter groups.
    lr, betas, eps, amsgrad, maximize
        As in `Adam`.
    weight_decay : float
        Decoupled decay $\lambda \ge 0$ (default 0.01).
    foreach, capturable, differentiable, fused
        Accepted for compatibility with torch; only their defaults are supported.

    Raises
    ------
    ValueError
        If ``lr``, ``eps`` or ``weight_decay`` is negative or a beta is outside $[0, 1)$.

    References
    ----------
    Loshchilov & Hutter 2019, *Decoupled Weight Decay Regularization* (ICLR); PyTorch docs,
    ``torch.optim.AdamW``.

    Examples
    --------
    >>> import torch
    >>> w = torch.nn.Parameter(torch.tensor([2.0]))
    >>> opt = AdamW([w], lr=0.1, weight_decay=0.5)
    >>> w.grad = torch.zeros(1)  # no gradient: only the decay moves w
    >>> opt.step()
    >>> round(w.item(), 4)
    1.9
    """

    _decoupled_default = True

    def __init__(self, params: Params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 1e-2, amsgrad: bool = False, *, maximize: bool = False,
                 foreach: bool | None = None, capturable: bool = False, differentiable: bool = False,
                 fused: bool | None = None) -> None:
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach, maximize=maximize,
                         capturable=capturable, differentiable=differentiable, fused=fused,
                         decoupled_weight_decay=True)


class Adafactor(_Base):
    r"""Adafactor: a factored second moment (a row and a column vector per matrix), no first moment.

    Same constructor, defaults and state (``step``; ``row_var`` and ``col_var`` for a
    parameter of 2 or more dimensions, ``variance`` for a vector) as ``torch.optim.Adafactor``;
    the update is `adafactor_update`.

    Parameters
    ----------
    params : iterable
        Parameters, or dicts defining parameter groups.
    lr : float
        $\gamma \ge 0$, the cap on the relative step size (default 0.01).
    beta2_decay : float
        $c \le 0$ in $\hat\beta_{2,t} = 1 - t^c$.
    eps : tuple
        $(\epsilon_1, \epsilon_2)$: the floor on the second moment (``None``: the dtype's
        machine epsilon) and on the parameter scale.
    d : float
        Clipping threshold $d \ge 1$ on the update's RMS.
    weight_decay : float
        Decoupled decay $\lambda \ge 0$.
    foreach : bool or None
        Accepted for compatibility with torch.
    maximize : bool
        Maximise the objective.

    Raises
    ------
    ValueError
        If ``lr``, an epsilon or ``weight_decay`` is negative, ``beta2_decay > 0`` or ``d < 1``.

    References
    ----------
    Shazeer & Stern 2018 (ICML); PyTorch docs, ``torch.optim.Adafactor``.

    Examples
    --------
    >>> import torch
    >>> w = torch.nn.Parameter(torch.ones(512, 256))
    >>> opt = Adafactor([w])
    >>> w.grad = torch.ones(512, 256)
    >>> opt.step()
    >>> {k: tuple(v.shape) for k, v in opt.state[w].items()}
    {'step': (), 'row_var': (512, 1), 'col_var': (1, 256)}
    """

    def __init__(self, params: Params, lr: float = 1e-2, beta2_decay: float = -0.8,
                 eps: tuple[float | None, float] = (None, 1e-3), d: float = 1.0, weight_decay: float = 0.0, *,
                 foreach: bool | None = None, maximize: bool = False) -> None:
        lr = _lr(lr)
        beta2_decay = _checks.real(beta2_decay, "beta2_decay")
        if beta2_decay > 0:
            raise ValueError(f"beta2_decay must be <= 0, got {beta2_decay}")
        if not isinstance(eps, (tuple, list)) or len(eps) != 2:
            raise ValueError(f"eps must be a pair (eps1, eps2), got {eps!r}")
        if eps[0] is not None:
            _checks.real(eps[0], "eps[0]", nonnegative=True)
        _checks.real(eps[1], "eps[1]", nonnegative=True)
        d = _checks.real(d, "d")
        if d < 1:
            raise ValueError(f"d (the clipping threshold) must be >= 1, got {d}")
        weight_decay = _checks.real(weight_decay, "weight_decay", nonnegative=True)
        defaults = dict(lr=lr, beta2_decay=beta2_decay, eps=tuple(eps), d=d, weight_decay=weight_decay,
                        foreach=foreach, maximize=maximize)
        super().__init__(params, defaults)

    def _update(self, p: torch.Tensor, state: dict[str, Any], group: dict[str, Any]) -> None:
        if not state:
            state["step"] = _step_tensor()
            if p.dim() > 1:
                state["row_var"] = p.grad.new_zeros((*p.shape[:-1], 1))  # R, (..., n, 1)
                state["col_var"] = p.grad.new_zeros((*p.shape[:-2], 1, p.shape[-1]))  # C, (..., 1, m)
            else:
                state["variance"] = torch.zeros_like(p.grad, memory_format=torch.preserve_format)  # V
        state["step"] += 1
        eps1, eps2 = group["eps"]
        adafactor_update(p, p.grad, int(state["step"].item()), row_var=state.get("row_var"),
                         col_var=state.get("col_var"), variance=state.get("variance"), lr=group["lr"],
                         beta2_decay=group["beta2_decay"], eps1=eps1, eps2=eps2, d=group["d"],
                         weight_decay=group["weight_decay"], maximize=group["maximize"])

