r"""The Gaussian at work: the 68-95-99.7 rule, the reparameterisation trick, diffusion noise and its schedule.

The density, CDF and sampler of $\mathcal N(\mu, \sigma^2)$ are in
`Gaussian`; this module holds what machine
learning builds on them.
"""

from __future__ import annotations

import math

import torch

from .. import _checks

__all__ = ["diffusion_alpha_bar", "diffusion_noise", "reparameterize", "within_k_sigma"]


def within_k_sigma(k: float) -> float:
    r"""Probability that a Gaussian lands within $k$ standard deviations of its mean.

    $$P(\lvert X - \mu \rvert \le k\sigma) = \Phi(k) - \Phi(-k) = \operatorname{erf}\!\left(\frac{k}{\sqrt2}\right)$$

    For $k = 1, 2, 3$ this is the 68-95-99.7 rule (0.6827, 0.9545, 0.9973). It holds for every
    $\mu$ and $\sigma$, because $(X - \mu)/\sigma$ is standard normal.

    Parameters
    ----------
    k : float
        Half-width of the interval in standard deviations, $k \ge 0$.

    Returns
    -------
    float
        The probability, in $[0, 1)$.

    Raises
    ------
    TypeError
        If ``k`` is not a real number.
    ValueError
        If ``k`` is negative or not finite.

    References
    ----------
    Casella & Berger, *Statistical Inference*, 2nd ed., §3.3; Abramowitz & Stegun, *Handbook of Mathematical Functions*, 26.2.

    Examples
    --------
    >>> from aimath_ref.probability import within_k_sigma
    >>> [round(within_k_sigma(k), 4) for k in (1, 2, 3)]
    [0.6827, 0.9545, 0.9973]
    """
    kk = _checks.real(k, "k", nonnegative=True)
    return math.erf(kk / math.sqrt(2))


def _generator(generator: torch.Generator | None) -> torch.device:
    if generator is not None and not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator or None, got {type(generator).__name__}")
    return generator.device if generator is not None else torch.device("cpu")


def reparameterize(mu: torch.Tensor, sigma: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Draw $z \sim \mathcal N(\mu, \sigma^2)$ as a differentiable function of $\mu$ and $\sigma$ (the VAE trick).

    $$z = \mu + \sigma \odot \varepsilon,\qquad \varepsilon \sim \mathcal N(0, I)$$

    The randomness sits in $\varepsilon$, which does not depend on the parameters, so gradients
    flow from $z$ back into $\mu$ and $\sigma$.

    Parameters
    ----------
    mu : torch.Tensor
        Floating tensor of means.
    sigma : torch.Tensor
        Floating tensor of standard deviations ($\ge 0$), same shape as ``mu``.
    generator : torch.Generator or None, default None
        Source of $\varepsilon$ (drawn on the generator's device, then moved to ``mu``'s).

    Returns
    -------
    torch.Tensor
        Same shape, dtype and device as ``mu``.

    Raises
    ------
    TypeError
        If ``mu`` or ``sigma`` is not a floating tensor, or ``generator`` is not a generator.
    ValueError
        If the shapes differ, a tensor is empty, an entry is NaN or infinite, or ``sigma`` has
        a negative entry ($\sigma = 0$ is allowed and returns $\mu$).

    References
    ----------
    Kingma & Welling, *Auto-Encoding Variational Bayes*, ICLR 2014, §2.4.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import reparameterize
    >>> mu = torch.zeros(3, requires_grad=True)
    >>> z = reparameterize(mu, torch.ones(3), generator=torch.Generator().manual_seed(0))
    >>> z.sum().backward()
    >>> mu.grad.tolist()
    [1.0, 1.0, 1.0]
    """
    _checks.tensor(mu, "mu")
    _checks.tensor(sigma, "sigma")
    _checks.same_device(mu=mu, sigma=sigma)
    if mu.shape != sigma.shape:
        raise ValueError(f"mu and sigma must have the same shape, got {tuple(mu.shape)} and {tuple(sigma.shape)}")
    _checks.finite(mu.detach(), "mu")
    _checks.finite(sigma.detach(), "sigma")
    if (sigma < 0).any():
        raise ValueError(f"sigma must be >= 0, got a minimum of {sigma.min().item()}")
    device = _generator(generator)
    eps = torch.randn(mu.shape, generator=generator, device=device, dtype=torch.float64)  # ε
    work = torch.float32 if mu.dtype in (torch.float16, torch.bfloat16) else mu.dtype
    z = mu.to(work) + sigma.to(work) * eps.to(mu.device, work)  # μ + σ ε, in float32 for half inputs
    return z.to(mu.dtype)  # mu's dtype, whatever sigma's


def diffusion_noise(x0: torch.Tensor, alpha_bar: float, generator: torch.Generator | None = None) -> torch.Tensor:
    r"""The forward (noising) step of a diffusion model, in closed form for step $t$.

    $$x_t = \sqrt{\bar\alpha_t}\, x_0 + \sqrt{1 - \bar\alpha_t}\, \varepsilon,\qquad \varepsilon \sim \mathcal N(0, I)$$

    $\bar\alpha_t = 1$ leaves the data untouched; as $\bar\alpha_t \to 0$ the result becomes
    pure standard Gaussian noise. The model is trained to undo this.

    Parameters
    ----------
    x0 : torch.Tensor
        Clean data, floating tensor of any shape.
    alpha_bar : float
        Signal fraction $\bar\alpha_t \in [0, 1]$.
    generator : torch.Generator or None, default None
        Source of $\varepsilon$.

    Returns
    -------
    torch.Tensor
        $x_t$, same shape, dtype and device as ``x0``.

    Raises
    ------
    TypeError
        If ``x0`` is not a floating tensor or ``alpha_bar`` is not a number.
    ValueError
        If ``x0`` is empty or ``alpha_bar`` is outside $[0, 1]$.

    References
    ----------
    Ho, Jain & Abbeel, *Denoising Diffusion Probabilistic Models*, NeurIPS 2020, eq. (4).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import diffusion_noise
    >>> x0 = torch.ones(4)
    >>> diffusion_noise(x0, alpha_bar=1.0).tolist()
    [1.0, 1.0, 1.0, 1.0]
    """
    _checks.tensor(x0, "x0")
    a = _checks.real(alpha_bar, "alpha_bar", low=0.0, high=1.0)
    device = _generator(generator)
    eps = torch.randn(x0.shape, generator=generator, device=device, dtype=torch.float64).to(x0.device, x0.dtype)
    return math.sqrt(a) * x0 + math.sqrt(1 - a) * eps


def diffusion_alpha_bar(steps: int = 1000, beta_start: float = 1e-4, beta_end: float = 0.02) -> torch.Tensor:
    r"""Signal fractions $\bar\alpha_t$ of a diffusion model with the linear noise schedule of DDPM.

    $$\beta_t = \beta_{\text{start}} + \frac{t - 1}{T - 1}\,(\beta_{\text{end}} - \beta_{\text{start}}),\qquad
    \bar\alpha_t = \prod_{s=1}^{t} (1 - \beta_s),\qquad t = 0, 1, \dots, T$$

    Step $t$ adds noise of variance $\beta_t$ and shrinks the signal by $\sqrt{1 - \beta_t}$;
    the product $\bar\alpha_t$ is what `diffusion_noise` needs to jump straight to step
    $t$. $\bar\alpha_0 = 1$ (the clean data); with the defaults, $\bar\alpha_T \approx 4 \times 10^{-5}$,
    essentially pure noise.

    Parameters
    ----------
    steps : int, default 1000
        Number of noising steps $T \ge 1$.
    beta_start : float, default 1e-4
        $\beta_1 \in (0, 1)$.
    beta_end : float, default 0.02
        $\beta_T \in (0, 1)$ (for ``steps=1`` only ``beta_start`` is used).

    Returns
    -------
    torch.Tensor
        Float64 tensor of shape ``(steps + 1,)`` on the CPU; entry $t$ is $\bar\alpha_t$,
        decreasing from 1.

    Raises
    ------
    TypeError
        If ``steps`` is not an int or a beta is not a number.
    ValueError
        If ``steps < 1`` or a beta is outside $(0, 1)$.

    References
    ----------
    Ho, Jain & Abbeel, *Denoising Diffusion Probabilistic Models*, NeurIPS 2020, §2 and §4
    ($T = 1000$, $\beta$ from $10^{-4}$ to $0.02$).

    Examples
    --------
    >>> from aimath_ref.probability import diffusion_alpha_bar
    >>> alpha_bar = diffusion_alpha_bar()
    >>> [round(alpha_bar[t].item(), 4) for t in (0, 250, 500, 1000)]
    [1.0, 0.5241, 0.0786, 0.0]
    """
    T = _checks.integer(steps, "steps", minimum=1)
    b0 = _checks.real(beta_start, "beta_start", low=0.0, high=1.0, low_open=True, high_open=True)
    b1 = _checks.real(beta_end, "beta_end", low=0.0, high=1.0, low_open=True, high_open=True)
    betas = torch.linspace(b0, b1, T, dtype=torch.float64) if T > 1 else torch.tensor([b0], dtype=torch.float64)
    ones = torch.ones(1, dtype=torch.float64)  # ᾱ_0 = 1
    return torch.cat([ones, torch.cumprod(1 - betas, dim=0)])
