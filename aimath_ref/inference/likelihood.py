r"""Negative log-likelihoods: the common losses read as "minus the log-probability of the data".

If a model predicts the parameters of a distribution for each target, maximising the
likelihood of the data is minimising the negative log-likelihood (NLL)

$$\hat\theta_{\text{MLE}} = \arg\max_\theta \prod_i P(y_i \mid x_i, \theta)
= \arg\min_\theta \sum_i -\log P(y_i \mid x_i, \theta).$$

Each output assumption gives one loss: Gaussian → squared error, Bernoulli → binary
cross-entropy, categorical → cross-entropy, Laplace → absolute error. The functions follow
the interface of their `torch.nn.functional` counterparts and are tested equal to them.
"""

from __future__ import annotations

import math

import torch

from .. import _checks
from ..information import cross_entropy_from_logits
from ..tables import CHAPTERS, Row, Table, register

__all__ = ["bernoulli_nll", "categorical_nll", "gaussian_nll", "laplace_nll", "LOSS_FROM_ASSUMPTION"]

_REDUCTIONS = ("mean", "sum", "none")


def _pair(input: torch.Tensor, target: torch.Tensor, reduction: str) -> torch.dtype:
    """Check a prediction/target pair; return the dtype to compute in."""
    _checks.tensor(input, "input")
    _checks.tensor(target, "target")
    if input.shape != target.shape:
        raise ValueError(f"target must have the shape of input {tuple(input.shape)}, got {tuple(target.shape)}")
    if input.dtype != target.dtype:
        raise TypeError(f"target must have the dtype of input ({input.dtype}), got {target.dtype}")
    _checks.same_device(input=input, target=target)
    _checks.choice(reduction, "reduction", _REDUCTIONS)
    # Half precision loses the small terms of a sum: compute in float32, return the input's dtype.
    return torch.float32 if input.dtype in (torch.float16, torch.bfloat16) else input.dtype


def _finite(x: torch.Tensor, name: str) -> None:
    if not bool(torch.isfinite(x).all()):
        bad = x[~torch.isfinite(x)].flatten()[0].item()
        raise ValueError(f"{name} must be finite, got {bad}")


def _spread(value: torch.Tensor | float, input: torch.Tensor, name: str, work: torch.dtype) -> torch.Tensor:
    """A positive variance or scale: a number, or a tensor shaped like ``input`` (torch's rules)."""
    if isinstance(value, torch.Tensor):
        _checks.tensor(value, name)
        _checks.same_device(input=input, **{name: value})
        v = value
        if v.shape != input.shape:
            if v.shape == input.shape[:-1]:
                v = v.unsqueeze(-1)  # one value per row: broadcast along the last dimension
            elif not (v.ndim == input.ndim and all(a == b or a == 1 for a, b in zip(v.shape, input.shape))):
                raise ValueError(f"{name} must have the shape of input {tuple(input.shape)}, that shape without "
                                 f"its last dimension, or a broadcastable shape of the same length; got "
                                 f"{tuple(value.shape)}")
        v = v.to(work)
    else:
        v = torch.tensor(_checks.real(value, name), dtype=work, device=input.device)
    if not bool(torch.isfinite(v).all()) or bool((v <= 0).any()):
        bad = v[~(torch.isfinite(v) & (v > 0))].flatten()[0].item()
        raise ValueError(f"{name} must be positive and finite, got {bad}")
    return v


def _reduce(loss: torch.Tensor, reduction: str, dtype: torch.dtype) -> torch.Tensor:
    if reduction == "mean":
        loss = loss.mean()
    elif reduction == "sum":
        loss = loss.sum()
    return loss.to(dtype)


def gaussian_nll(input: torch.Tensor, target: torch.Tensor, var: torch.Tensor | float, full: bool = False,
                 eps: float = 1e-6, reduction: str = "mean") -> torch.Tensor:
    r"""Negative log-likelihood of targets under a Gaussian with predicted mean: squared error, rescaled.

    For $y \sim \mathcal N(\mu, \sigma^2)$ with $\mu$ the prediction,

    $$-\log p(y \mid \mu, \sigma^2) = \frac{(y - \mu)^2}{2\sigma^2} + \frac12 \log \sigma^2
    + \frac12 \log 2\pi .$$

    With ``full=False`` the constant $\tfrac12\log 2\pi$ is left out, as in
    `torch.nn.functional.gaussian_nll_loss`. For a fixed $\sigma^2$ the loss is
    $\operatorname{MSE}/(2\sigma^2)$ plus a constant, so minimising it is minimising the mean
    squared error; with $\sigma^2 = 1$ and ``full=False`` it is exactly $\operatorname{MSE}/2$.
    The variance is clamped below at ``eps`` (for the value, not the gradient), as in PyTorch.

    Parameters
    ----------
    input : torch.Tensor
        Predicted means $\mu$, floating, any shape.
    target : torch.Tensor
        Observed values $y$, same shape and dtype as ``input``.
    var : torch.Tensor or float
        Variance $\sigma^2 > 0$: a number (homoscedastic), a tensor of ``input``'s shape
        (heteroscedastic), ``input``'s shape without its last dimension, or a broadcastable shape
        of the same length.
    full : bool, default False
        Include the constant $\tfrac12 \log 2\pi$.
    eps : float, default 1e-6
        Lower clamp of the variance, $\ge 0$.
    reduction : {"mean", "sum", "none"}, default "mean"
        Mean over all entries, their sum, or the per-entry losses.

    Returns
    -------
    torch.Tensor
        The loss in nats, in the dtype of ``input`` (float16/bfloat16 computed in float32).

    Raises
    ------
    TypeError
        If an argument has the wrong type or ``input`` and ``target`` differ in dtype.
    ValueError
        If shapes do not fit, ``var`` is not positive and finite (PyTorch accepts 0 and clamps
        it; a zero variance is not a Gaussian), ``input`` or ``target`` holds NaN or inf, ``eps``
        is negative, ``reduction`` is unknown, or the tensors are on different devices.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, 2006, §3.1.1 (least squares as maximum
    likelihood); Nix & Weigend, *Estimating the mean and variance of the target probability
    distribution*, ICNN 1994; PyTorch, `torch.nn.functional.gaussian_nll_loss`.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import gaussian_nll
    >>> mu, y = torch.tensor([0.5, 2.0]), torch.tensor([1.0, 1.0])
    >>> round(gaussian_nll(mu, y, var=1.0).item(), 4)  # MSE / 2 = 0.625 / 2
    0.3125
    >>> round(gaussian_nll(mu, y, var=1.0, full=True).item(), 4)
    1.2314
    """
    work = _pair(input, target, reduction)
    eps = _checks.real(eps, "eps", nonnegative=True)
    if not isinstance(full, bool):
        raise TypeError(f"full must be a bool, got {type(full).__name__} {full!r}")
    _finite(input, "input")
    _finite(target, "target")
    v = _spread(var, input, "var", work).clamp(min=eps)  # σ², clamped like torch
    mu, y = input.to(work), target.to(work)
    loss = 0.5 * (v.log() + (y - mu) ** 2 / v)  # (y-μ)²/2σ² + ½ log σ²
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    return _reduce(loss.expand(input.shape), reduction, input.dtype)


def bernoulli_nll(input: torch.Tensor, target: torch.Tensor, reduction: str = "mean", *,
                  logits: bool = False) -> torch.Tensor:
    r"""Negative log-likelihood of 0/1 targets under a Bernoulli: binary cross-entropy.

    For $y \sim \operatorname{Bernoulli}(p)$, $P(y) = p^{y}(1-p)^{1-y}$ and

    $$-\log P(y \mid p) = -\big[y \log p + (1 - y)\log(1 - p)\big].$$

    With ``logits=True`` the input is the logit $z$, $p = \sigma(z) = 1/(1+e^{-z})$, and the
    loss is computed without forming $p$:

    $$-\log P(y \mid z) = \max(z, 0) - y z + \log\!\big(1 + e^{-\lvert z \rvert}\big),$$

    which stays finite and exact for $z = \pm 10^4$ (the probability form would need
    $\log 0$). From probabilities, each log is clamped below at $-100$, as in
    `torch.nn.functional.binary_cross_entropy`, so $p \in \{0, 1\}$ gives a large finite
    loss instead of infinity. Targets may be soft labels in $[0, 1]$.

    Parameters
    ----------
    input : torch.Tensor
        Probabilities $p \in [0, 1]$, or logits $z$ when ``logits=True``; floating, any shape.
    target : torch.Tensor
        Labels $y \in [0, 1]$, same shape and dtype as ``input``.
    reduction : {"mean", "sum", "none"}, default "mean"
        Mean over all entries, their sum, or the per-entry losses.
    logits : bool, default False
        Read ``input`` as logits (like `torch.nn.functional.binary_cross_entropy_with_logits`).

    Returns
    -------
    torch.Tensor
        The loss in nats, in the dtype of ``input`` (float16/bfloat16 computed in float32).

    Raises
    ------
    TypeError
        If an argument has the wrong type or ``input`` and ``target`` differ in dtype.
    ValueError
        If shapes differ, a probability is outside $[0, 1]$ or NaN, a target is outside
        $[0, 1]$ or NaN, a logit is NaN, ``reduction`` is unknown, or the tensors are on
        different devices.

    References
    ----------
    Goodfellow, Bengio & Courville, *Deep Learning*, 2016, §6.2.2.2 (sigmoid units and the
    Bernoulli likelihood); PyTorch, `torch.nn.functional.binary_cross_entropy` and
    `torch.nn.functional.binary_cross_entropy_with_logits`.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import bernoulli_nll
    >>> p, y = torch.tensor([0.9, 0.2]), torch.tensor([1.0, 0.0])
    >>> round(bernoulli_nll(p, y).item(), 4)  # (-log 0.9 - log 0.8) / 2
    0.1643
    >>> bernoulli_nll(torch.tensor([1e4, -1e4]), torch.tensor([0.0, 1.0]), logits=True).item()
    10000.0
    """
    work = _pair(input, target, reduction)
    if not isinstance(logits, bool):
        raise TypeError(f"logits must be a bool, got {type(logits).__name__} {logits!r}")
    y = target.to(work)
    if bool(torch.isnan(y).any()) or bool(((y < 0) | (y > 1)).any()):
        bad = y[torch.isnan(y) | (y < 0) | (y > 1)][0].item()
        raise ValueError(f"target must hold labels in [0, 1], got {bad}")
    x = input.to(work)
    if logits:
        if bool(torch.isnan(x).any()):
            raise ValueError("input logits must not be NaN, got nan")
        # softplus(z) - y z, written so that exp never overflows
        loss = x.clamp(min=0) - y * x + torch.log1p(torch.exp(-x.abs()))
    else:
        if bool(torch.isnan(x).any()) or bool(((x < 0) | (x > 1)).any()):
            bad = x[torch.isnan(x) | (x < 0) | (x > 1)][0].item()
            raise ValueError(f"input must hold probabilities in [0, 1], got {bad}")
        log_p = x.log().clamp(min=-100)  # log p, clamped like torch
        log_q = torch.log1p(-x).clamp(min=-100)  # log(1 - p)
        loss = -(y * log_p + (1 - y) * log_q)
    return _reduce(loss, reduction, input.dtype)


def categorical_nll(logits: torch.Tensor, target: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    r"""Negative log-likelihood of class labels under a softmax categorical: cross-entropy.

    For $y \sim \operatorname{Categorical}(p)$ with $p = \operatorname{softmax}(z)$,

    $$-\log P(y = k \mid z) = -\log p_k = -z_k + \log \sum_{j} e^{z_j}.$$

    This is the cross-entropy between the one-hot label and $p$, so the function delegates to
    [`cross_entropy_from_logits`][aimath_ref.information.cross_entropy.cross_entropy_from_logits], the package's one
    implementation (same interface as `torch.nn.functional.cross_entropy`: classes on
    dimension 1, class-index or class-probability targets).

    Parameters
    ----------
    logits : torch.Tensor
        Floating tensor ``(C,)``, ``(N, C)`` or ``(N, C, d_1, ..., d_k)``.
    target : torch.Tensor
        Class indices (integer tensor) or class probabilities (floating, shape of ``logits``).
    reduction : {"mean", "sum", "none"}, default "mean"
        Mean over examples, their sum, or the per-example losses.

    Returns
    -------
    torch.Tensor
        The loss in nats, in the dtype of ``logits``.

    Raises
    ------
    TypeError
        If ``logits`` is not a floating tensor or ``target`` has an unusable dtype.
    ValueError
        If shapes do not fit, a class index is out of range, target probabilities are invalid,
        ``reduction`` is unknown, or the tensors are on different devices.

    References
    ----------
    Goodfellow, Bengio & Courville, *Deep Learning*, 2016, §6.2.2.3 (softmax units);
    PyTorch, `torch.nn.functional.cross_entropy`.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import categorical_nll
    >>> z = torch.tensor([[2.0, 0.5, -1.0], [0.0, 0.0, 3.0]])
    >>> round(categorical_nll(z, torch.tensor([0, 2])).item(), 4)
    0.1681
    """
    return cross_entropy_from_logits(logits, target, reduction=reduction)


def laplace_nll(input: torch.Tensor, target: torch.Tensor, scale: torch.Tensor | float = 1.0, full: bool = False,
                reduction: str = "mean") -> torch.Tensor:
    r"""Negative log-likelihood of targets under a Laplace with predicted location: absolute error, rescaled.

    For $y \sim \operatorname{Laplace}(\mu, b)$, $p(y) = \frac{1}{2b} e^{-\lvert y - \mu \rvert / b}$ and

    $$-\log p(y \mid \mu, b) = \frac{\lvert y - \mu \rvert}{b} + \log b + \log 2 .$$

    With ``full=False`` the constant $\log 2$ is left out (the convention of
    [`gaussian_nll`][aimath_ref.inference.likelihood.gaussian_nll]). For a fixed $b$ the loss is
    $\operatorname{MAE}/b$ plus a constant;
    with $b = 1$ and ``full=False`` it equals `torch.nn.functional.l1_loss`. The Laplace
    has heavier tails than the Gaussian, so a large residual costs linearly, not quadratically:
    the fit is more robust to outliers.

    Parameters
    ----------
    input : torch.Tensor
        Predicted locations $\mu$, floating, any shape.
    target : torch.Tensor
        Observed values $y$, same shape and dtype as ``input``.
    scale : torch.Tensor or float, default 1.0
        Scale $b > 0$ (the variance is $2b^2$), shaped as ``var`` of
        [`gaussian_nll`][aimath_ref.inference.likelihood.gaussian_nll].
    full : bool, default False
        Include the constant $\log 2$.
    reduction : {"mean", "sum", "none"}, default "mean"
        Mean over all entries, their sum, or the per-entry losses.

    Returns
    -------
    torch.Tensor
        The loss in nats, in the dtype of ``input`` (float16/bfloat16 computed in float32).

    Raises
    ------
    TypeError
        If an argument has the wrong type or ``input`` and ``target`` differ in dtype.
    ValueError
        If shapes do not fit, ``scale`` is not positive and finite, ``input`` or ``target``
        holds NaN or inf, ``reduction`` is unknown, or the tensors are on different devices.

    References
    ----------
    Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., 2009,
    §10.6 (robust loss functions); PyTorch, `torch.nn.functional.l1_loss`.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import laplace_nll
    >>> mu, y = torch.tensor([0.5, 2.0]), torch.tensor([1.0, 1.0])
    >>> round(laplace_nll(mu, y).item(), 4)  # MAE = (0.5 + 1.0) / 2
    0.75
    >>> round(laplace_nll(mu, y, scale=0.5, full=True).item(), 4)
    1.5
    """
    work = _pair(input, target, reduction)
    if not isinstance(full, bool):
        raise TypeError(f"full must be a bool, got {type(full).__name__} {full!r}")
    _finite(input, "input")
    _finite(target, "target")
    b = _spread(scale, input, "scale", work)  # b
    loss = (target.to(work) - input.to(work)).abs() / b + b.log()  # |y-μ|/b + log b
    if full:
        loss = loss + math.log(2.0)
    return _reduce(loss.expand(input.shape), reduction, input.dtype)


# --- the table --------------------------------------------------------------------------------

_MU = (0.5, 2.0, -1.0)
_Y = (1.0, 1.0, 0.0)


def _t(values: tuple[float, ...]) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float64)


def _gaussian_example() -> str:
    nll = gaussian_nll(_t(_MU), _t(_Y), var=1.0).item()
    mse = ((_t(_MU) - _t(_Y)) ** 2).mean().item()
    return rf"$\mu = (0.5, 2, -1)$, $y = (1, 1, 0)$, $\sigma^2 = 1$: NLL ${nll:.4f}$ = MSE/2, MSE ${mse:.4f}$"


def _bernoulli_example() -> str:
    z, y = _t((2.0, -1.0, 0.0)), _t((1.0, 0.0, 1.0))
    return rf"logits $(2, -1, 0)$, $y = (1, 0, 1)$: NLL ${bernoulli_nll(z, y, logits=True).item():.4f}$"


def _categorical_example() -> str:
    z = torch.tensor([[2.0, 0.5, -1.0]], dtype=torch.float64)
    return rf"logits $(2, 0.5, -1)$, class 0: NLL ${categorical_nll(z, torch.tensor([0])).item():.4f}$"


def _laplace_example() -> str:
    nll = laplace_nll(_t(_MU), _t(_Y)).item()
    return rf"$\mu = (0.5, 2, -1)$, $y = (1, 1, 0)$, $b = 1$: NLL ${nll:.4f}$ = MAE"


LOSS_FROM_ASSUMPTION = register(Table(
    name="loss-from-assumption",
    title="Loss from the output assumption",
    caption="Each assumption about how a target is distributed around the prediction gives its loss: "
            "the negative log-likelihood, up to constants.",
    columns=("Output assumption", "Negative log-likelihood of one target", "Loss it gives", "Typical use"),
    chapter=CHAPTERS[3],
    page="bayesian/mle.md",
    rows=(
        Row({"Output assumption": r"Gaussian: $y \sim \mathcal N(\hat y, \sigma^2)$",
             "Negative log-likelihood of one target": r"$\frac{(y - \hat y)^2}{2\sigma^2} + \frac12\log 2\pi\sigma^2$",
             "Loss it gives": "Mean squared error (L2 loss)",
             "Typical use": "Regression: prices, temperatures, ages, bounding-box coordinates"},
            impl=gaussian_nll, example=_gaussian_example),
        Row({"Output assumption": r"Bernoulli: $y \sim \operatorname{Bernoulli}(\sigma(z))$",
             "Negative log-likelihood of one target": r"$-y\log p - (1 - y)\log(1 - p)$",
             "Loss it gives": "Binary cross-entropy",
             "Typical use": "Binary or multi-label classification: spam or not, each tag of an image"},
            impl=bernoulli_nll, example=_bernoulli_example),
        Row({"Output assumption": r"Categorical: $y \sim \operatorname{Cat}(\operatorname{softmax}(z))$",
             "Negative log-likelihood of one target": r"$-\log p_y = -z_y + \log\sum_j e^{z_j}$",
             "Loss it gives": "Cross-entropy",
             "Typical use": "One class among many: ImageNet labels, the next token of a language model"},
            impl=categorical_nll, example=_categorical_example),
        Row({"Output assumption": r"Laplace: $y \sim \operatorname{Laplace}(\hat y, b)$",
             "Negative log-likelihood of one target": r"$\frac{\lvert y - \hat y \rvert}{b} + \log 2b$",
             "Loss it gives": "Mean absolute error (L1 loss)",
             "Typical use": "Robust regression where some targets are outliers"},
            impl=laplace_nll, example=_laplace_example),
    ),
))
"""The loss-from-assumption table: each row carries its negative log-likelihood function."""
