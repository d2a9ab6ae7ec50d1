r"""Mini-batch gradients: per-example gradients and the noise of a batch estimate.

The loss of a data set is a mean, $L(\theta) = \frac1N \sum_{i=1}^N \ell_i(\theta)$, so its
gradient is the mean of the per-example gradients $g_i = \nabla \ell_i$. A mini-batch $B$
estimates it without bias by the batch mean $\hat g_B = \frac1{\lvert B\rvert}\sum_{i\in B} g_i$,
whose squared error falls like $1/\lvert B\rvert$.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import torch

from .. import _checks
from ..tables import CHAPTERS, Row, Table, register
from .descent import gradient_descent

__all__ = ["per_example_gradients", "minibatch_gradient_variance", "minibatch_variance_theory",
           "loglog_slope", "GD_VARIANTS"]


def per_example_gradients(loss: Callable[[torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor],
                          w: torch.Tensor, X: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    r"""The gradient of the loss of each example separately, $g_i = \nabla_w\, \ell(w; x_i, y_i)$.

    Computed in one vectorised call (``torch.func.vmap`` of ``torch.func.grad``). Their mean
    is the full-batch gradient $\nabla L = \frac1N\sum_i g_i$.

    Parameters
    ----------
    loss : callable
        ``loss(w, x, y)`` returns the scalar loss of ONE example ``x`` (shape ``X.shape[1:]``)
        with target ``y`` (shape ``y.shape[1:]``).
    w : torch.Tensor
        Floating parameter tensor, any shape.
    X : torch.Tensor
        Inputs, one example per row: shape ``(N, ...)``.
    y : torch.Tensor
        Targets, shape ``(N, ...)``.

    Returns
    -------
    torch.Tensor
        Shape ``(N,) + w.shape``: row $i$ is $g_i$.

    Raises
    ------
    TypeError
        If ``loss`` is not callable or a tensor argument is not a tensor (``w`` and ``X`` floating).
    ValueError
        If a tensor is empty, ``X`` and ``y`` disagree on $N$, or they are on different devices.

    References
    ----------
    Bottou, Curtis & Nocedal 2018, *Optimization Methods for Large-Scale Machine Learning*,
    SIAM Review 60(2), §3; PyTorch docs, *Per-sample-gradients* (``torch.func``).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import per_example_gradients
    >>> sq = lambda w, x, y: 0.5 * (x @ w - y) ** 2
    >>> X, y = torch.tensor([[1.0, 0.0], [0.0, 2.0]]), torch.tensor([1.0, 1.0])
    >>> per_example_gradients(sq, torch.zeros(2), X, y).tolist()
    [[-1.0, -0.0], [-0.0, -2.0]]
    """
    if not callable(loss):
        raise TypeError(f"loss must be callable, got {type(loss).__name__} {loss!r}")
    _checks.tensor(w, "w")
    _checks.tensor(X, "X", min_ndim=1)
    _checks.tensor(y, "y", floating=False, min_ndim=1)
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X and y must have the same number of examples, got {X.shape[0]} and {y.shape[0]}")
    _checks.same_device(w=w, X=X, y=y)
    g = torch.func.vmap(torch.func.grad(loss), in_dims=(None, 0, 0))  # (N, *w.shape)
    return g(w.detach(), X, y)


def _grads_matrix(per_example_grads: torch.Tensor) -> torch.Tensor:
    _checks.tensor(per_example_grads, "per_example_grads", min_ndim=1)
    G = per_example_grads.reshape(per_example_grads.shape[0], -1)  # (N, d)
    return G.to(torch.float64 if G.dtype == torch.float64 else torch.float32)


def minibatch_gradient_variance(per_example_grads: torch.Tensor, batch_size: int, n_batches: int = 1000,
                                replacement: bool = False, generator: torch.Generator | None = None) -> float:
    r"""Measured mean squared error of the mini-batch gradient, over ``n_batches`` random batches.

    $$\widehat{V}(B) = \frac{1}{R}\sum_{r=1}^{R} \bigl\lVert \hat g_{B_r} - \nabla L \bigr\rVert^2,
      \qquad \hat g_{B_r} = \frac1B \sum_{i\in B_r} g_i$$

    with $R$ = ``n_batches`` batches of $B$ examples drawn uniformly (without replacement
    inside a batch unless ``replacement``). It estimates
    $\mathbb E\lVert \hat g_B - \nabla L\rVert^2$, the total variance of the estimate, whose
    exact value is `minibatch_variance_theory`.

    Parameters
    ----------
    per_example_grads : torch.Tensor
        Floating tensor of shape ``(N, ...)``: the gradient of each example.
    batch_size : int
        $B$, between 1 and $N$ (any $B \ge 1$ with ``replacement``).
    n_batches : int, default 1000
        Number $R \ge 1$ of random batches.
    replacement : bool, default False
        Draw the examples of a batch with replacement.
    generator : torch.Generator or None
        Generator for the draws (seed it for reproducible numbers); the batches are drawn on its
        device (the CPU when ``None``), so the same seed gives the same batches for ``G`` on any device.

    Returns
    -------
    float
        $\widehat V(B)$.

    Raises
    ------
    TypeError
        If ``per_example_grads`` is not a floating tensor, an integer argument is not an int,
        or ``generator`` is not a ``torch.Generator``.
    ValueError
        If ``per_example_grads`` is empty, ``batch_size`` is out of range or ``n_batches < 1``.

    References
    ----------
    Bottou, Curtis & Nocedal 2018, SIAM Review 60(2), §4 (variance of stochastic gradients);
    Cochran, *Sampling Techniques*, 3rd ed., Thm 2.2 (finite-population correction).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import minibatch_gradient_variance
    >>> g = torch.tensor([[1.0], [3.0]])  # mean 2, every single example is 1 away
    >>> minibatch_gradient_variance(g, 1, n_batches=10, generator=torch.Generator().manual_seed(0))
    1.0
    >>> minibatch_gradient_variance(g, 2, n_batches=10)  # the whole data set: no noise
    0.0
    """
    G = _grads_matrix(per_example_grads)
    N = G.shape[0]
    _checks.integer(batch_size, "batch_size", minimum=1, maximum=None if replacement else N)
    _checks.integer(n_batches, "n_batches", minimum=1)
    full = G.mean(0)  # nabla L
    if generator is not None and not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator or None, got {type(generator).__name__}")
    where = generator.device if generator is not None else torch.device("cpu")  # draws never depend on G's device
    if replacement:
        idx = torch.randint(N, (n_batches, batch_size), generator=generator, device=where)  # (R, B)
    else:
        keys = torch.rand(n_batches, N, generator=generator, device=where)
        idx = keys.argsort(dim=1)[:, :batch_size]  # (R, B): B distinct examples per batch
    batch_means = G[idx.to(G.device)].mean(1)  # (R, d): g_hat for each batch
    return ((batch_means - full) ** 2).sum(1).mean().item()


def minibatch_variance_theory(per_example_grads: torch.Tensor, batch_size: int, replacement: bool = False) -> float:
    r"""Exact mean squared error of the mini-batch gradient: $\operatorname{tr}\Sigma / B$, with a correction without replacement.

    With $\Sigma = \frac1N\sum_i (g_i - \nabla L)(g_i - \nabla L)^\top$ the covariance of the
    per-example gradients,

    $$\mathbb E\lVert \hat g_B - \nabla L\rVert^2 = \frac{\operatorname{tr}\Sigma}{B}
      \quad\text{(with replacement)}, \qquad
      \frac{\operatorname{tr}\Sigma}{B}\cdot\frac{N - B}{N - 1}\quad\text{(without)}.$$

    Either way the noise falls like $1/B$ (slope $-1$ on log-log axes) while the cost of a
    batch grows like $B$; without replacement it reaches zero at $B = N$, the full batch.

    Parameters
    ----------
    per_example_grads : torch.Tensor
        Floating tensor of shape ``(N, ...)``.
    batch_size : int
        $B \ge 1$ ($\le N$ without replacement).
    replacement : bool, default False
        The formula for batches drawn with replacement.

    Returns
    -------
    float
        $\mathbb E\lVert \hat g_B - \nabla L\rVert^2$.

    Raises
    ------
    TypeError
        If ``per_example_grads`` is not a floating tensor or ``batch_size`` is not an int.
    ValueError
        If ``per_example_grads`` is empty or ``batch_size`` is out of range.

    References
    ----------
    Cochran, *Sampling Techniques*, 3rd ed., Thm 2.2; Bottou, Curtis & Nocedal 2018, §4.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.optim import minibatch_variance_theory
    >>> g = torch.tensor([[1.0], [3.0], [5.0], [7.0]])  # tr Sigma = 5
    >>> [minibatch_variance_theory(g, B) for B in (1, 2, 4)]
    [5.0, 1.6666666666666667, 0.0]
    """
    G = _grads_matrix(per_example_grads)
    N = G.shape[0]
    _checks.integer(batch_size, "batch_size", minimum=1, maximum=None if replacement else N)
    trace = ((G - G.mean(0)) ** 2).sum(1).mean().item()  # tr Sigma (population covariance)
    if replacement:
        return trace / batch_size
    return 0.0 if N == 1 else trace / batch_size * (N - batch_size) / (N - 1)


def loglog_slope(x: Sequence[float] | torch.Tensor, y: Sequence[float] | torch.Tensor) -> float:
    r"""Least-squares slope of $\log y$ against $\log x$: the exponent $k$ of a power law $y \approx c\,x^k$.

    $$k = \frac{\sum_j (u_j - \bar u)(v_j - \bar v)}{\sum_j (u_j - \bar u)^2}, \qquad u_j = \log x_j,\ v_j = \log y_j .$$

    Parameters
    ----------
    x, y : sequence of float or torch.Tensor
        Positive values, the same number of them (at least two, with at least two distinct ``x``).

    Returns
    -------
    float
        The fitted exponent $k$.

    Raises
    ------
    TypeError
        If ``x`` or ``y`` holds something that is not a real number.
    ValueError
        If they differ in length, have fewer than 2 points, hold a non-positive or non-finite
        value, or all ``x`` are equal.

    References
    ----------
    Clauset, Shalizi & Newman 2009, *Power-Law Distributions in Empirical Data*, SIAM Review 51(4), §1.

    Examples
    --------
    >>> from aimath_ref.optim import loglog_slope
    >>> round(loglog_slope([1, 2, 4, 8], [3.0, 1.5, 0.75, 0.375]), 6)
    -1.0
    """
    xs, ys = _positive(x, "x"), _positive(y, "y")
    if xs.numel() != ys.numel():
        raise ValueError(f"x and y must have the same length, got {xs.numel()} and {ys.numel()}")
    if xs.numel() < 2:
        raise ValueError(f"x and y need at least 2 points, got {xs.numel()}")
    u, v = xs.log(), ys.log()
    du = u - u.mean()
    if (du == 0).all():
        raise ValueError("x must hold at least two distinct values, got all equal")
    return ((du * (v - v.mean())).sum() / (du ** 2).sum()).item()


def _positive(values: Sequence[float] | torch.Tensor, name: str) -> torch.Tensor:
    if isinstance(values, torch.Tensor):
        t = values.detach().to("cpu", torch.float64).reshape(-1)
    else:
        if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
            raise TypeError(f"{name} must be a sequence of real numbers or a tensor, got {type(values).__name__}")
        t = torch.tensor([_checks.real(v, f"{name}[{i}]") for i, v in enumerate(values)], dtype=torch.float64)
    if not torch.isfinite(t).all() or (t <= 0).any():
        raise ValueError(f"{name} must hold finite positive values, got {t.tolist()}")
    return t


# --- the gradient-descent variants table: its examples measure the noise on synthetic data ----

def _synthetic_grads() -> torch.Tensor:
    gen = torch.Generator().manual_seed(0)
    X = torch.randn(1024, 4, generator=gen, dtype=torch.float64, device="cpu")  # 1,024 examples, 4 features
    w_true = torch.tensor([1.0, -2.0, 0.5, 3.0], dtype=torch.float64, device="cpu")
    y = X @ w_true + torch.randn(1024, generator=gen, dtype=torch.float64, device="cpu")  # y = X w + noise
    return (X @ torch.zeros(4, dtype=torch.float64, device="cpu") - y)[:, None] * X  # g_i of (x_i.w - y_i)^2/2 at w = 0


def _noise_example(batch_size: int) -> str:
    G = _synthetic_grads()
    v = minibatch_gradient_variance(G, batch_size, n_batches=1000, generator=torch.Generator().manual_seed(1))
    rel = math.sqrt(v) / G.mean(0).norm().item()
    return f"$B = {batch_size}$: error {rel:.2f}"


def _full_example() -> str:
    G = _synthetic_grads()
    v = minibatch_gradient_variance(G, len(G), n_batches=4, generator=torch.Generator().manual_seed(1))
    return f"$B = N$: error {math.sqrt(v) / G.mean(0).norm().item():.2f}"


GD_VARIANTS = register(Table(
    name="gd-variants",
    title="Gradient-descent variants",
    caption=("Batch, stochastic and mini-batch gradient descent: how many examples each step's gradient "
             "averages, and what that buys. The example column measures the relative error "
             r"$\sqrt{\mathbb E\lVert \hat g_B - \nabla L\rVert^2}/\lVert\nabla L\rVert$ on a synthetic "
             "least-squares problem with $N = 1024$ examples, over 1,000 random batches."),
    columns=("Variant", "Examples per step", "Gradient", "Cost per step", "When used"),
    chapter=CHAPTERS[5],
    page="optimisation/sgd.md",
    rows=(
        Row({"Variant": "Full-batch (batch) gradient descent",
             "Examples per step": "all $N$",
             "Gradient": "Exact $\\nabla L$; the path is deterministic",
             "Cost per step": "$N$ forward and backward passes per update",
             "When used": "Small data sets, convex problems, L-BFGS and other deterministic solvers"},
            impl=gradient_descent, example=_full_example),
        Row({"Variant": "Stochastic gradient descent",
             "Examples per step": "$1$",
             "Gradient": "Unbiased but very noisy: error variance $\\operatorname{tr}\\Sigma$",
             "Cost per step": "One example: cheap, but poor use of parallel hardware",
             "When used": "Online learning and streams; the classic analysis of SGD"},
            impl=minibatch_gradient_variance, example=lambda: _noise_example(1)),
        Row({"Variant": "Mini-batch gradient descent",
             "Examples per step": ("$B$: 32 to 512 examples for small and medium models on one accelerator; "
                                   "millions of tokens for LLMs (GPT-3: 3.2M, LLaMA: 4M)"),
             "Gradient": "Unbiased, error variance $\\operatorname{tr}\\Sigma / B$",
             "Cost per step": "$B$ examples in one parallel pass; $B \\times K$ with accumulation",
             "When used": "Almost all deep learning (what is called SGD in practice)"},
            impl=minibatch_gradient_variance, example=lambda: _noise_example(32)),
    ),
))
"""The gradient-descent variants table: full batch, one example, mini-batch."""
