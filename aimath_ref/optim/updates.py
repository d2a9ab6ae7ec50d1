"""The arithmetic of one optimiser step, one tensor at a time.

Each function here is stateless: the parameter, its gradient and the optimiser's state
tensors for it come in as arguments, the function updates them in place with in-place
torch operations (``mul_``, ``add_``, ``addcmul_``, ``addcdiv_``, ``lerp_``) and returns the
parameter. The optimiser classes of `aimath_ref.optim.optimisers` only keep the state
and call these functions, so the formula in each docstring is the whole algorithm.
"""

from __future__ import annotations

import torch

from .. import _checks

__all__ = ["sgd_update", "rmsprop_update", "adam_update", "adamw_update", "adafactor_update"]


def _check_pair(param: torch.Tensor, grad: torch.Tensor, **state: torch.Tensor | None) -> None:
    _checks.tensor(param, "param", nonempty=False)
    _checks.tensor(grad, "grad", nonempty=False)
    if grad.shape != param.shape:
        raise ValueError(f"grad must have the shape of param {tuple(param.shape)}, got {tuple(grad.shape)}")
    for name, t in state.items():
        if t is not None:
            _checks.tensor(t, name, nonempty=False)


def _check_same_shape(param: torch.Tensor, **state: torch.Tensor | None) -> None:
    for name, t in state.items():
        if t is not None and t.shape != param.shape:
            raise ValueError(f"{name} must have the shape of param {tuple(param.shape)}, got {tuple(t.shape)}")


def sgd_update(param: torch.Tensor, grad: torch.Tensor, momentum_buffer: torch.Tensor | None = None, *,
               lr: float, momentum: float = 0.0, dampening: float = 0.0, weight_decay: float = 0.0,
               nesterov: bool = False, maximize: bool = False) -> torch.Tensor | None:
    r"""One step of stochastic gradient descent with optional momentum and Nesterov momentum.

    With gradient $g_t$ (plus the L2 term $\lambda \theta_{t-1}$ when ``weight_decay`` is
    $\lambda > 0$), momentum $\mu$ and dampening $\tau$:

    $$
    b_t = \begin{cases} g_t & t = 1 \\ \mu\, b_{t-1} + (1 - \tau)\, g_t & t > 1 \end{cases}
    \qquad
    \theta_t = \theta_{t-1} - \gamma \begin{cases} g_t + \mu\, b_t & \text{Nesterov} \\ b_t & \text{otherwise} \end{cases}
    $$

    and $\theta_t = \theta_{t-1} - \gamma g_t$ when $\mu = 0$. This is PyTorch's form: the
    learning rate $\gamma$ multiplies the velocity, rather than sitting inside it.

    Parameters
    ----------
    param, grad : torch.Tensor
        The parameter (updated in place) and its gradient, of one shape.
    momentum_buffer : torch.Tensor or None
        The velocity $b_{t-1}$ (updated in place), or ``None`` on the first step.
    lr, momentum, dampening, weight_decay : float
        $\gamma \ge 0$, $\mu \ge 0$, $\tau$, $\lambda \ge 0$.
    nesterov : bool
        Use Nesterov momentum (needs $\mu > 0$ and $\tau = 0$).
    maximize : bool
        Ascend instead of descend (negate the gradient).

    Returns
    -------
    torch.Tensor or None
        The momentum buffer to keep for the next step (``None`` when ``momentum`` is 0).

    Raises
    ------
    TypeError
        If a tensor argument is not a floating tensor, or a number is not real.
    ValueError
        If shapes differ, ``lr``, ``momentum`` or ``weight_decay`` is negative, or
        ``nesterov`` is set without momentum or with dampening.

    References
    ----------
    Robbins & Monro 1951, *A Stochastic Approximation Method*; Polyak 1964 (heavy ball);
    Sutskever, Martens, Dahl & Hinton 2013, *On the importance of initialization and momentum
    in deep learning* (ICML); PyTorch docs, ``torch.optim.SGD``.

    Examples
    --------
    >>> import torch
    >>> p, g = torch.tensor([1.0, -2.0]), torch.tensor([0.5, 0.5])
    >>> buf = sgd_update(p, g, None, lr=0.1, momentum=0.9)
    >>> buf = sgd_update(p, g, buf, lr=0.1, momentum=0.9)
    >>> [round(v, 4) for v in p.tolist()], [round(v, 4) for v in buf.tolist()]
    ([0.855, -2.145], [0.95, 0.95])
    """
    _check_pair(param, grad, momentum_buffer=momentum_buffer)
    _check_same_shape(param, momentum_buffer=momentum_buffer)
    lr = _checks.real(lr, "lr", nonnegative=True)
    momentum = _checks.real(momentum, "momentum", nonnegative=True)
    dampening = _checks.real(dampening, "dampening")
    weight_decay = _checks.real(weight_decay, "weight_decay", nonnegative=True)
    if nesterov and (momentum <= 0 or dampening != 0):
        raise ValueError(f"nesterov needs momentum > 0 and dampening = 0, got momentum={momentum}, "
                         f"dampening={dampening}")
    g = grad.neg() if maximize else grad
    if weight_decay != 0:
        g = g.add(param, alpha=weight_decay)  # g_t + λ θ_{t-1}
    if momentum == 0:
        param.add_(g, alpha=-lr)  # θ_t = θ_{t-1} - γ g_t
        return None
    if momentum_buffer is None:
        momentum_buffer = g.detach().clone()  # b_1 = g_1
    else:
        momentum_buffer.mul_(momentum).add_(g, alpha=1 - dampening)  # b_t = μ b_{t-1} + (1 - τ) g_t
    if nesterov:
        param.add_(g, alpha=-lr).add_(momentum_buffer, alpha=-lr * momentum)  # θ -= γ (g_t + μ b_t)
    else:
        param.add_(momentum_buffer, alpha=-lr)  # θ_t = θ_{t-1} - γ b_t
    return momentum_buffer


def rmsprop_update(param: torch.Tensor, grad: torch.Tensor, square_avg: torch.Tensor, *, lr: float,
                   alpha: float = 0.99, eps: float = 1e-8, weight_decay: float = 0.0, momentum: float = 0.0,
                   centered: bool = False, momentum_buffer: torch.Tensor | None = None,
                   grad_avg: torch.Tensor | None = None, maximize: bool = False) -> torch.Tensor:
    r"""One RMSprop step: divide the gradient by a running root-mean-square of past gradients.

    $$
    v_t = \alpha v_{t-1} + (1 - \alpha)\, g_t^2, \qquad
    \theta_t = \theta_{t-1} - \gamma\, \frac{g_t}{\sqrt{v_t} + \epsilon} .
    $$

    ``centered`` subtracts the square of a running mean $\bar g_t = \alpha \bar g_{t-1} +
    (1 - \alpha) g_t$ under the root ($\sqrt{v_t - \bar g_t^2}$, a variance estimate);
    ``momentum`` $\mu > 0$ accumulates $b_t = \mu b_{t-1} + g_t / (\sqrt{v_t} + \epsilon)$ and
    steps $\theta_t = \theta_{t-1} - \gamma b_t$. ``weight_decay`` adds $\lambda \theta_{t-1}$ to
    $g_t$ (an L2 penalty).

    Parameters
    ----------
    param, grad : torch.Tensor
        The parameter (updated in place) and its gradient.
    square_avg : torch.Tensor
        $v_{t-1}$, updated in place to $v_t$.
    lr, alpha, eps, weight_decay, momentum : float
        $\gamma \ge 0$, $\alpha \ge 0$, $\epsilon \ge 0$, $\lambda \ge 0$, $\mu \ge 0$.
    centered : bool
        Normalise by the variance instead of the raw second moment (needs ``grad_avg``).
    momentum_buffer, grad_avg : torch.Tensor or None
        $b_{t-1}$ (needed when ``momentum > 0``) and $\bar g_{t-1}$ (needed when ``centered``).
    maximize : bool
        Ascend instead of descend.

    Returns
    -------
    torch.Tensor
        ``param``, updated.

    Raises
    ------
    TypeError
        If a tensor argument is not a floating tensor, or a number is not real.
    ValueError
        If shapes differ, a hyperparameter is negative, or a needed buffer is missing.

    References
    ----------
    Tieleman & Hinton 2012, *Lecture 6.5, RMSprop* (Coursera, Neural Networks for Machine
    Learning); Graves 2013, *Generating Sequences With Recurrent Neural Networks* (centred form).

    Examples
    --------
    >>> import torch
    >>> p, g, v = torch.tensor([1.0, 1.0]), torch.tensor([4.0, 0.01]), torch.zeros(2)
    >>> p = rmsprop_update(p, g, v, lr=0.01)
    >>> [round(x, 4) for x in p.tolist()]  # both coordinates move by lr / sqrt(1 - alpha)
    [0.9, 0.9]
    """
    _check_pair(param, grad, square_avg=square_avg, momentum_buffer=momentum_buffer, grad_avg=grad_avg)
    _check_same_shape(param, square_avg=square_avg, momentum_buffer=momentum_buffer, grad_avg=grad_avg)
    lr = _checks.real(lr, "lr", nonnegative=True)
    alpha = _checks.real(alpha, "alpha", nonnegative=True)
    eps = _checks.real(eps, "eps", nonnegative=True)
    weight_decay = _checks.real(weight_decay, "weight_decay", nonnegative=True)
    momentum = _checks.real(momentum, "momentum", nonnegative=True)
    if momentum > 0 and momentum_buffer is None:
        raise ValueError(f"momentum_buffer is needed when momentum > 0, got momentum={momentum} and None")
    if centered and grad_avg is None:
        raise ValueError("grad_avg is needed when centered=True, got None")
    g = grad.neg() if maximize else grad
    if weight_decay != 0:
        g = g.add(param, alpha=weight_decay)  # g_t + λ θ_{t-1}
    square_avg.mul_(alpha).addcmul_(g, g, value=1 - alpha)  # v_t = α v_{t-1} + (1 - α) g_t²
    if centered:
        grad_avg.lerp_(g, 1 - alpha)  # ḡ_t = α ḡ_{t-1} + (1 - α) g_t
        avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()  # sqrt(v_t - ḡ_t²)
    else:
        avg = square_avg.sqrt()  # sqrt(v_t)
    avg.add_(eps)
    if momentum > 0:
        momentum_buffer.mul_(momentum).addcdiv_(g, avg)  # b_t = μ b_{t-1} + g_t / (sqrt(v_t) + ε)
        param.add_(momentum_buffer, alpha=-lr)
    else:
        param.addcdiv_(g, avg, value=-lr)  # θ_t = θ_{t-1} - γ g_t / (sqrt(v_t) + ε)
    return param


def adam_update(param: torch.Tensor, grad: torch.Tensor, exp_avg: torch.Tensor, exp_avg_sq: torch.Tensor,
                step: int, *, lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8,
                weight_decay: float = 0.0, max_exp_avg_sq: torch.Tensor | None = None,
                maximize: bool = False) -> torch.Tensor:
    r"""One Adam step: momentum on the gradient, RMSprop on its square, both bias-corrected.

    $$
    \begin{aligned}
    m_t &= \beta_1 m_{t-1} + (1 - \beta_1)\, g_t, &
    v_t &= \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2, \\
    \hat m_t &= \frac{m_t}{1 - \beta_1^t}, &
    \hat v_t &= \frac{v_t}{1 - \beta_2^t}, \qquad
    \theta_t = \theta_{t-1} - \gamma\, \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} .
    \end{aligned}
    $$

    ``weight_decay`` $\lambda$ adds $\lambda \theta_{t-1}$ to $g_t$ *before* the moments: an L2
    penalty that is then rescaled by $1/\sqrt{\hat v_t}$ like the rest of the gradient (see
    `adamw_update` for decoupled decay). Passing ``max_exp_avg_sq`` gives AMSGrad, which
    divides by the running maximum of $v_t$ instead.

    Parameters
    ----------
    param, grad : torch.Tensor
        The parameter (updated in place) and its gradient.
    exp_avg, exp_avg_sq : torch.Tensor
        $m_{t-1}$ and $v_{t-1}$, updated in place to $m_t$ and $v_t$.
    step : int
        $t \ge 1$, the number of this step (for the bias corrections).
    lr, beta1, beta2, eps, weight_decay : float
        $\gamma \ge 0$, $\beta_1, \beta_2 \in [0, 1)$, $\epsilon \ge 0$, $\lambda \ge 0$.
    max_exp_avg_sq : torch.Tensor or None
        AMSGrad's $\max_{s \le t} v_s$ (updated in place), or ``None`` for plain Adam.
    maximize : bool
        Ascend instead of descend.

    Returns
    -------
    torch.Tensor
        ``param``, updated.

    Raises
    ------
    TypeError
        If a tensor argument is not a floating tensor, or a number has the wrong type.
    ValueError
        If shapes differ, ``step < 1``, a beta is outside $[0, 1)$ or ``lr``, ``eps``,
        ``weight_decay`` is negative.

    References
    ----------
    Kingma & Ba 2015, *Adam: A Method for Stochastic Optimization* (ICLR), Algorithm 1;
    Reddi, Kale & Kumar 2018, *On the Convergence of Adam and Beyond* (ICLR, AMSGrad).

    Examples
    --------
    >>> import torch
    >>> p, g = torch.tensor([1.0, 1.0]), torch.tensor([1000.0, 0.001])
    >>> m, v = torch.zeros(2), torch.zeros(2)
    >>> p = adam_update(p, g, m, v, step=1, lr=0.1)
    >>> [round(x, 4) for x in p.tolist()]  # the first step has length lr whatever the gradient's scale
    [0.9, 0.9]
    """
    _check_pair(param, grad, exp_avg=exp_avg, exp_avg_sq=exp_avg_sq, max_exp_avg_sq=max_exp_avg_sq)
    _check_same_shape(param, exp_avg=exp_avg, exp_avg_sq=exp_avg_sq, max_exp_avg_sq=max_exp_avg_sq)
    step = _checks.integer(step, "step", minimum=1)
    lr = _checks.real(lr, "lr", nonnegative=True)
    beta1 = _checks.real(beta1, "beta1", low=0.0, high=1.0, high_open=True)
    beta2 = _checks.real(beta2, "beta2", low=0.0, high=1.0, high_open=True)
    eps = _checks.real(eps, "eps", nonnegative=True)
    weight_decay = _checks.real(weight_decay, "weight_decay", nonnegative=True)
    g = grad.neg() if maximize else grad
    if weight_decay != 0:
        g = g.add(param, alpha=weight_decay)  # g_t + λ θ_{t-1}  (L2, coupled)
    exp_avg.lerp_(g, 1 - beta1)  # m_t = β1 m_{t-1} + (1 - β1) g_t
    exp_avg_sq.mul_(beta2).addcmul_(g, g, value=1 - beta2)  # v_t = β2 v_{t-1} + (1 - β2) g_t²
    bias_correction1 = 1 - beta1 ** step  # 1 - β1^t
    bias_correction2_sqrt = (1 - beta2 ** step) ** 0.5  # sqrt(1 - β2^t)
    if max_exp_avg_sq is not None:
        torch.maximum(max_exp_avg_sq, exp_avg_sq, out=max_exp_avg_sq)  # AMSGrad: max_s v_s
        second = max_exp_avg_sq
    else:
        second = exp_avg_sq
    denom = second.sqrt().div_(bias_correction2_sqrt).add_(eps)  # sqrt(v̂_t) + ε, one temporary
    param.addcdiv_(exp_avg, denom, value=-lr / bias_correction1)  # θ_t = θ_{t-1} - γ m̂_t / (sqrt(v̂_t) + ε)
    return param


def adamw_update(param: torch.Tensor, grad: torch.Tensor, exp_avg: torch.Tensor, exp_avg_sq: torch.Tensor,
                 step: int, *, lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8,
                 weight_decay: float = 1e-2, max_exp_avg_sq: torch.Tensor | None = None,
                 maximize: bool = False) -> torch.Tensor:
    r"""One AdamW step: Adam on the gradient alone, weight decay applied to the weights directly.

    $$
    \theta_t = (1 - \gamma \lambda)\, \theta_{t-1} - \gamma\, \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon},
    $$

    with $\hat m_t$, $\hat v_t$ the bias-corrected moments of `adam_update`, computed from
    $g_t$ without any $\lambda \theta$ term. The decay is *decoupled*: every weight shrinks by the
    same factor $1 - \gamma\lambda$, whereas Adam's L2 term $\lambda \theta$ passes through the
    division by $\sqrt{\hat v_t}$ and ends up shrinking weights with small gradients far more
    than weights with large ones. Only for plain SGD are the two the same.

    Parameters
    ----------
    param, grad, exp_avg, exp_avg_sq, step, lr, beta1, beta2, eps, max_exp_avg_sq, maximize
        As in `adam_update`.
    weight_decay : float
        $\lambda \ge 0$ (PyTorch's default for ``AdamW`` is 0.01).

    Returns
    -------
    torch.Tensor
        ``param``, updated.

    Raises
    ------
    TypeError, ValueError
        As `adam_update`.

    References
    ----------
    Loshchilov & Hutter 2019, *Decoupled Weight Decay Regularization* (ICLR), Algorithm 2.

    Examples
    --------
    >>> import torch
    >>> p, g = torch.tensor([2.0]), torch.tensor([0.0])  # no gradient: only the decay acts
    >>> p = adamw_update(p, g, torch.zeros(1), torch.zeros(1), step=1, lr=0.1, weight_decay=0.5)
    >>> round(p.item(), 4)  # 2 * (1 - 0.1 * 0.5)
    1.9
    """
    lr = _checks.real(lr, "lr", nonnegative=True)
    weight_decay = _checks.real(weight_decay, "weight_decay", nonnegative=True)
    _check_pair(param, grad)
    if weight_decay != 0:
        param.mul_(1 - lr * weight_decay)  # θ ← (1 - γλ) θ
    return adam_update(param, grad, exp_avg, exp_avg_sq, step, lr=lr, beta1=beta1, beta2=beta2, eps=eps,
                       weight_decay=0.0, max_exp_avg_sq=max_exp_avg_sq, maximize=maximize)


def adafactor_update(param: torch.Tensor, grad: torch.Tensor, step: int, *, row_var: torch.Tensor | None = None,
                     col_var: torch.Tensor | None = None, variance: torch.Tensor | None = None, lr: float = 1e-2,
                     beta2_decay: float = -0.8, eps1: float | None = None, eps2: float = 1e-3, d: float = 1.0,
                     weight_decay: float = 0.0, maximize: bool = False) -> torch.Tensor:
    r"""One Adafactor step (PyTorch's variant): a factored second moment, relative step sizes.

    For a matrix gradient $G_t \in \mathbb R^{n \times m}$ Adafactor keeps only the row means
    $R_t \in \mathbb R^{n}$ and column means $C_t \in \mathbb R^{m}$ of $G_t^2$, with a decay
    that grows towards 1, $\hat\beta_{2,t} = 1 - t^{c}$ ($c$ = ``beta2_decay`` $< 0$):

    $$
    \begin{aligned}
    R_t &= \hat\beta_{2,t} R_{t-1} + (1 - \hat\beta_{2,t})\, \operatorname{mean}_j G_{t,ij}^2, &
    C_t &= \hat\beta_{2,t} C_{t-1} + (1 - \hat\beta_{2,t})\, \operatorname{mean}_i G_{t,ij}^2, \\
    \hat V_t &= \frac{R_t C_t^{\top}}{\max(\operatorname{mean}_i R_{t,i},\ \epsilon_1)}, &
    U_t &= \frac{G_t}{\sqrt{\max(\hat V_t, \epsilon_1^2)}}, \\
    \rho_t &= \min\!\big(\gamma, 1/\sqrt t\big), &
    \theta_t &= \theta_{t-1} - \frac{\max\!\big(\epsilon_2, \operatorname{RMS}(\theta_{t-1})\big)\, \rho_t}
      {\max\!\big(1, \operatorname{RMS}(U_t) / d\big)}\, U_t .
    \end{aligned}
    $$

    $\hat V_t$ is the rank-1 matrix closest to the second moment in the sense of Shazeer & Stern
    (it reproduces its row and column sums), so the state is $n + m$ numbers, not $nm$. A 1-D
    parameter keeps a full ``variance`` $V_t$ of its own shape instead. Tensors with more
    than two dimensions are factored over their last two. ``weight_decay`` multiplies
    $\theta$ by $1 - \gamma\lambda$ (decoupled, as in AdamW). There is no first moment.

    Parameters
    ----------
    param, grad : torch.Tensor
        The parameter (updated in place) and its gradient.
    step : int
        $t \ge 1$.
    row_var, col_var : torch.Tensor or None
        For a parameter of 2 or more dimensions: $R_{t-1}$ of shape ``(..., n, 1)`` and
        $C_{t-1}$ of shape ``(..., 1, m)``, updated in place.
    variance : torch.Tensor or None
        For a 1-D parameter: $V_{t-1}$, of the parameter's shape, updated in place.
    lr, beta2_decay, eps1, eps2, d, weight_decay : float
        $\gamma \ge 0$; $c \le 0$; $\epsilon_1 \ge 0$ (``None``: the dtype's machine epsilon);
        $\epsilon_2 \ge 0$; clipping threshold $d \ge 1$; $\lambda \ge 0$.
    maximize : bool
        Ascend instead of descend.

    Returns
    -------
    torch.Tensor
        ``param``, updated.

    Raises
    ------
    TypeError
        If a tensor argument is not a floating tensor, or a number is not real.
    ValueError
        If the state tensors do not fit the parameter's shape, or a hyperparameter is out of range.

    References
    ----------
    Shazeer & Stern 2018, *Adafactor: Adaptive Learning Rates with Sublinear Memory Cost*
    (ICML), Algorithms 4 and 5; PyTorch docs, ``torch.optim.Adafactor``.

    Examples
    --------
    >>> import torch
    >>> w = torch.ones(4, 3)
    >>> R, C = torch.zeros(4, 1), torch.zeros(1, 3)  # 7 numbers of state for 12 weights
    >>> w = adafactor_update(w, torch.ones(4, 3), step=1, row_var=R, col_var=C, lr=0.01)
    >>> round(w[0, 0].item(), 4), R.flatten().tolist(), C.flatten().tolist()
    (0.99, [1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0])
    """
    _check_pair(param, grad, row_var=row_var, col_var=col_var, variance=variance)
    step = _checks.integer(step, "step", minimum=1)
    lr = _checks.real(lr, "lr", nonnegative=True)
    beta2_decay = _checks.real(beta2_decay, "beta2_decay")
    if beta2_decay > 0:
        raise ValueError(f"beta2_decay must be <= 0, got {beta2_decay}")
    eps1 = torch.finfo(param.dtype).eps if eps1 is None else _checks.real(eps1, "eps1", nonnegative=True)
    eps2 = _checks.real(eps2, "eps2", nonnegative=True)
    d = _checks.real(d, "d")
    if d < 1:
        raise ValueError(f"d (the clipping threshold) must be >= 1, got {d}")
    weight_decay = _checks.real(weight_decay, "weight_decay", nonnegative=True)
    factored = param.dim() > 1
    if factored:
        n_shape = (*param.shape[:-1], 1)
        m_shape = (*param.shape[:-2], 1, param.shape[-1])
        if row_var is None or tuple(row_var.shape) != n_shape:
            raise ValueError(f"row_var must have shape {n_shape} for a param of shape {tuple(param.shape)}, "
                             f"got {None if row_var is None else tuple(row_var.shape)}")
        if col_var is None or tuple(col_var.shape) != m_shape:
            raise ValueError(f"col_var must have shape {m_shape} for a param of shape {tuple(param.shape)}, "
                             f"got {None if col_var is None else tuple(col_var.shape)}")
    elif variance is None or variance.shape != param.shape:
        raise ValueError(f"variance must have the shape of the 1-D param {tuple(param.shape)}, "
                         f"got {None if variance is None else tuple(variance.shape)}")
    g = grad.neg() if maximize else grad
    one_minus_beta2 = step ** beta2_decay  # 1 - β̂_{2,t} = t^c
    rho = min(lr, step ** -0.5)  # ρ_t
    alpha = max(eps2, param.norm(2).item() / param.numel() ** 0.5) * rho  # max(ε2, RMS(θ)) ρ_t
    if weight_decay != 0:
        param.mul_(1 - lr * weight_decay)  # θ ← (1 - γλ) θ
    if factored:
        row_var.lerp_(torch.linalg.vector_norm(g, dim=-1, keepdim=True).square_().div_(g.size(-1)),
                      one_minus_beta2)  # R_t
        col_var.lerp_(torch.linalg.vector_norm(g, dim=-2, keepdim=True).square_().div_(g.size(-2)),
                      one_minus_beta2)  # C_t
        v_hat = row_var @ col_var  # R_t C_tᵀ, (..., n, m)
        v_hat.div_(row_var.mean(dim=-2, keepdim=True).clamp_(min=eps1))  # / mean(R_t)
    else:
        variance.lerp_(g * g, one_minus_beta2)  # V_t
        v_hat = variance.clone()
    update = v_hat.clamp_(min=eps1 * eps1).rsqrt_().mul_(g)  # U_t = G_t / sqrt(V̂_t)
    denom = max(1.0, update.norm(2).item() / (update.numel() ** 0.5 * d))  # max(1, RMS(U_t) / d)
    param.add_(update, alpha=-alpha / denom)
    return param
