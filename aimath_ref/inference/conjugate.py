r"""Conjugate priors: posteriors in closed form for Beta–Bernoulli, Normal–Normal and Dirichlet–Categorical.

A prior is conjugate to a likelihood when the posterior $p(\theta \mid D) \propto p(D \mid \theta)\,p(\theta)$
stays in the prior's family, so Bayes' theorem reduces to updating a few numbers:

$$\text{Beta}(\alpha, \beta) \xrightarrow{\;k \text{ ones in } n\;} \text{Beta}(\alpha + k,\ \beta + n - k)$$

Each update returns a posterior object with its mean, variance, density and an equal-tailed
credible interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from .. import _checks
from ._special import betaincinv

__all__ = [
    "BetaPosterior", "DirichletPosterior", "NormalPosterior",
    "beta_bernoulli_update", "dirichlet_categorical_update", "normal_known_variance_update",
]


def _level(level: float) -> float:
    return _checks.real(level, "level", low=0.0, high=1.0, low_open=True, high_open=True)


def _out_dtype(x: torch.Tensor) -> torch.dtype:
    if not x.is_floating_point():
        return torch.get_default_dtype()
    return torch.float32 if x.dtype in (torch.float16, torch.bfloat16) else x.dtype


def _hyper(value: float | torch.Tensor, name: str, like: torch.Tensor, *, positive: bool = True) -> torch.Tensor:
    """A hyperparameter given as a real number or a floating tensor, checked, in ``like``'s dtype and device."""
    if isinstance(value, torch.Tensor):
        _checks.tensor(value, name)
        bad = ~torch.isfinite(value) | ((value <= 0) if positive else torch.zeros_like(value, dtype=torch.bool))
        if bad.any():
            need = "finite and > 0" if positive else "finite"
            raise ValueError(f"{name} must be {need}, got {value.flatten()[bad.flatten()][:4].tolist()}")
        return value.to(device=like.device, dtype=like.dtype)
    v = _checks.real(value, name, positive=positive)
    return torch.tensor(v, dtype=like.dtype, device=like.device)


@dataclass(frozen=True)
class BetaPosterior:
    r"""A Beta$(\alpha, \beta)$ distribution over a probability $\theta \in [0, 1]$.

    $$p(\theta) = \frac{\theta^{\alpha-1}(1-\theta)^{\beta-1}}{B(\alpha, \beta)},\qquad
    \mathbb E[\theta] = \frac{\alpha}{\alpha+\beta},\qquad
    \operatorname{Var}[\theta] = \frac{\alpha\beta}{(\alpha+\beta)^2(\alpha+\beta+1)}$$

    Attributes
    ----------
    alpha, beta : torch.Tensor
        The parameters (any shape: a batch of posteriors).
    """

    alpha: torch.Tensor
    beta: torch.Tensor

    @property
    def mean(self) -> torch.Tensor:
        """$\\alpha / (\\alpha + \\beta)$."""
        return self.alpha / (self.alpha + self.beta)

    @property
    def variance(self) -> torch.Tensor:
        """$\\alpha\\beta / ((\\alpha+\\beta)^2 (\\alpha+\\beta+1))$."""
        s = self.alpha + self.beta
        return self.alpha * self.beta / (s ** 2 * (s + 1))

    @property
    def mode(self) -> torch.Tensor:
        """The MAP estimate $(\\alpha - 1)/(\\alpha + \\beta - 2)$, defined for $\\alpha, \\beta > 1$ (``nan`` otherwise)."""
        ok = (self.alpha > 1) & (self.beta > 1)
        return torch.where(ok, (self.alpha - 1) / (self.alpha + self.beta - 2), torch.nan)

    def log_prob(self, theta: torch.Tensor) -> torch.Tensor:
        r"""$\log p(\theta)$; $-\infty$ outside $[0, 1]$."""
        _checks.tensor(theta, "theta", nonempty=False)
        a, b = self.alpha.double(), self.beta.double()
        t = theta.double()
        inside = (t >= 0) & (t <= 1)
        ts = torch.where(inside, t, torch.full_like(t, 0.5))
        lp = (torch.xlogy(a - 1, ts) + torch.xlogy(b - 1, 1 - ts)
              + torch.lgamma(a + b) - torch.lgamma(a) - torch.lgamma(b))
        return torch.where(inside, lp, -torch.inf).to(torch.promote_types(theta.dtype, self.alpha.dtype))

    def credible_interval(self, level: float = 0.95) -> tuple[torch.Tensor, torch.Tensor]:
        r"""Equal-tailed interval $[F^{-1}(\frac{1-\ell}{2}), F^{-1}(\frac{1+\ell}{2})]$ holding probability ``level``."""
        lv = _level(level)
        a, b = self.alpha.double().cpu().unsqueeze(-1), self.beta.double().cpu().unsqueeze(-1)
        q = torch.tensor([(1 - lv) / 2, (1 + lv) / 2], dtype=torch.float64)  # both tails in one solve
        x = betaincinv(a, b, q)
        return x[..., 0].to(self.alpha), x[..., 1].to(self.alpha)


@dataclass(frozen=True)
class NormalPosterior:
    r"""A Gaussian $\mathcal N(\mu, \sigma^2)$ over a mean parameter.

    Attributes
    ----------
    mean, variance : torch.Tensor
        $\mu$ and $\sigma^2$ (any shape: a batch of posteriors).
    """

    mean: torch.Tensor
    variance: torch.Tensor

    def log_prob(self, theta: torch.Tensor) -> torch.Tensor:
        r"""$\log p(\theta) = -\frac{(\theta-\mu)^2}{2\sigma^2} - \frac12\log(2\pi\sigma^2)$."""
        _checks.tensor(theta, "theta", nonempty=False)
        return -(theta - self.mean) ** 2 / (2 * self.variance) - 0.5 * torch.log(2 * math.pi * self.variance)

    def credible_interval(self, level: float = 0.95) -> tuple[torch.Tensor, torch.Tensor]:
        r"""$\mu \pm z\,\sigma$ with $z = \Phi^{-1}(\frac{1+\ell}{2})$ (1.96 for 95%)."""
        lv = _level(level)
        z = torch.special.ndtri(torch.tensor((1 + lv) / 2, dtype=torch.float64)).item()
        half = z * self.variance.sqrt()
        return self.mean - half, self.mean + half


@dataclass(frozen=True)
class DirichletPosterior:
    r"""A Dirichlet$(\alpha_1, \dots, \alpha_K)$ over probability vectors; each $\theta_k \sim$ Beta$(\alpha_k, \alpha_0 - \alpha_k)$.

    $$\mathbb E[\theta_k] = \frac{\alpha_k}{\alpha_0},\qquad
    \operatorname{Var}[\theta_k] = \frac{\alpha_k(\alpha_0 - \alpha_k)}{\alpha_0^2(\alpha_0 + 1)},\qquad \alpha_0 = \sum_j \alpha_j$$

    Attributes
    ----------
    alpha : torch.Tensor
        Shape ``(..., K)``.
    """

    alpha: torch.Tensor

    @property
    def mean(self) -> torch.Tensor:
        """$\\alpha_k / \\alpha_0$."""
        return self.alpha / self.alpha.sum(-1, keepdim=True)

    @property
    def variance(self) -> torch.Tensor:
        """Marginal variances $\\alpha_k(\\alpha_0 - \\alpha_k) / (\\alpha_0^2(\\alpha_0 + 1))$."""
        a0 = self.alpha.sum(-1, keepdim=True)
        return self.alpha * (a0 - self.alpha) / (a0 ** 2 * (a0 + 1))

    def credible_interval(self, level: float = 0.95) -> tuple[torch.Tensor, torch.Tensor]:
        """Equal-tailed interval of each marginal $\\theta_k$, from its Beta distribution."""
        rest = self.alpha.sum(-1, keepdim=True) - self.alpha
        return BetaPosterior(self.alpha, rest).credible_interval(level)


def beta_bernoulli_update(alpha: float | torch.Tensor, beta: float | torch.Tensor,
                          observations: torch.Tensor) -> BetaPosterior:
    r"""Posterior of a coin's bias after 0/1 observations, under a Beta prior.

    $$\theta \sim \text{Beta}(\alpha, \beta),\quad x_i \mid \theta \sim \text{Bernoulli}(\theta)
    \;\Longrightarrow\; \theta \mid x_{1:n} \sim \text{Beta}\Big(\alpha + k,\ \beta + n - k\Big),\quad k = \sum_i x_i$$

    Parameters
    ----------
    alpha, beta : float or torch.Tensor
        Prior parameters, $> 0$ (``alpha = beta = 1`` is the uniform prior). Tensors broadcast
        against the batch shape of ``observations``.
    observations : torch.Tensor
        Shape ``(..., n)`` of zeros and ones (bool, integer or floating); leading dimensions
        are a batch of independent coins. ``n = 0`` returns the prior.

    Returns
    -------
    BetaPosterior
        Parameters of shape ``(...)``, in the dtype of floating observations (float32 for
        half precision, the default dtype for integer or bool observations).

    Raises
    ------
    TypeError
        If ``observations`` is not a tensor or a parameter is not a number or floating tensor.
    ValueError
        If ``observations`` is 0-D or holds a value other than 0 or 1 (NaN included), or a
        parameter is not finite and > 0.

    References
    ----------
    Gelman et al., *Bayesian Data Analysis*, 3rd ed., §2.4; Bishop, *Pattern Recognition and Machine Learning*, §2.1.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import beta_bernoulli_update
    >>> post = beta_bernoulli_update(2.0, 2.0, torch.tensor([1, 1, 0, 1, 1, 1, 0, 1, 1, 0]))
    >>> post.alpha.item(), post.beta.item()
    (9.0, 5.0)
    >>> round(post.mean.item(), 4), [round(v.item(), 4) for v in post.credible_interval(0.95)]
    (0.6429, [0.3857, 0.8614])
    """
    _checks.tensor(observations, "observations", floating=False, min_ndim=1, nonempty=False)
    if observations.is_complex():
        raise TypeError(f"observations must be real, got {observations.dtype}")
    x = observations.to(_out_dtype(observations))
    bad = (x != 0) & (x != 1)  # NaN is neither
    if bad.any():
        raise ValueError(f"observations must be 0 or 1, got {x[bad][:4].tolist()}")
    k = x.sum(-1)  # number of ones
    n = x.shape[-1]
    a = _hyper(alpha, "alpha", k)
    b = _hyper(beta, "beta", k)
    return BetaPosterior(a + k, b + (n - k))  # Beta(α + k, β + n − k)


def normal_known_variance_update(prior_mean: float | torch.Tensor, prior_var: float | torch.Tensor,
                                 noise_var: float | torch.Tensor, observations: torch.Tensor) -> NormalPosterior:
    r"""Posterior of a Gaussian mean with known noise variance, under a Gaussian prior.

    With $\mu \sim \mathcal N(\mu_0, \tau_0^2)$ and $x_i \mid \mu \sim \mathcal N(\mu, \sigma^2)$,
    precisions add and the posterior mean weighs the prior mean against the data:

    $$\frac{1}{\tau_n^2} = \frac{1}{\tau_0^2} + \frac{n}{\sigma^2},\qquad
    \mu_n = \tau_n^2\left(\frac{\mu_0}{\tau_0^2} + \frac{\sum_i x_i}{\sigma^2}\right)$$

    Parameters
    ----------
    prior_mean : float or torch.Tensor
        $\mu_0$ (finite).
    prior_var : float or torch.Tensor
        $\tau_0^2 > 0$.
    noise_var : float or torch.Tensor
        $\sigma^2 > 0$, the known variance of each observation.
    observations : torch.Tensor
        Floating tensor ``(..., n)``, finite; leading dimensions are a batch.

    Returns
    -------
    NormalPosterior
        $\mathcal N(\mu_n, \tau_n^2)$ with shape ``(...)``, in the dtype of ``observations``
        (float32 for half precision).

    Raises
    ------
    TypeError
        If ``observations`` is not a floating tensor or a parameter is not a number or floating tensor.
    ValueError
        If ``observations`` is 0-D or holds NaN or infinity, or a variance is not > 0.

    References
    ----------
    Murphy, *Machine Learning: A Probabilistic Perspective*, §4.6.1; Bishop, *Pattern Recognition and Machine Learning*, §2.3.6.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import normal_known_variance_update
    >>> post = normal_known_variance_update(0.0, 1.0, 4.0, torch.tensor([2.0, 3.0, 1.0, 2.0]))
    >>> round(post.mean.item(), 4), round(post.variance.item(), 4)
    (1.0, 0.5)
    """
    _checks.tensor(observations, "observations", min_ndim=1, nonempty=False)
    x = observations.to(_out_dtype(observations))
    if not torch.isfinite(x).all():
        raise ValueError(f"observations must be finite, got {x[~torch.isfinite(x)][:4].tolist()}")
    mu0 = _hyper(prior_mean, "prior_mean", x, positive=False)
    tau2 = _hyper(prior_var, "prior_var", x)
    s2 = _hyper(noise_var, "noise_var", x)
    precision = 1 / tau2 + x.shape[-1] / s2  # 1/τ_n²
    var = 1 / precision
    mean = var * (mu0 / tau2 + x.sum(-1) / s2)  # μ_n
    return NormalPosterior(mean, var * torch.ones_like(mean))


def dirichlet_categorical_update(alpha: torch.Tensor, observations: torch.Tensor) -> DirichletPosterior:
    r"""Posterior of a categorical distribution's probabilities after labelled draws, under a Dirichlet prior.

    $$\theta \sim \text{Dir}(\alpha_1, \dots, \alpha_K),\quad x_i \mid \theta \sim \text{Cat}(\theta)
    \;\Longrightarrow\; \theta \mid x_{1:n} \sim \text{Dir}(\alpha_1 + c_1, \dots, \alpha_K + c_K),\quad
    c_k = \#\{i : x_i = k\}$$

    Parameters
    ----------
    alpha : torch.Tensor
        Floating tensor ``(K,)`` of prior concentrations, each finite and $> 0$.
    observations : torch.Tensor
        Integer tensor ``(n,)`` of labels in $\{0, \dots, K-1\}$ (``n = 0`` returns the prior).

    Returns
    -------
    DirichletPosterior
        Concentrations ``(K,)`` in the dtype of ``alpha`` (float32 for half precision).

    Raises
    ------
    TypeError
        If ``alpha`` is not a floating tensor or ``observations`` is not an integer tensor.
    ValueError
        If ``alpha`` is not 1-D, is empty or has an entry that is not finite and > 0, or a label
        is outside $\{0, \dots, K-1\}$ or ``observations`` is not 1-D.

    References
    ----------
    Murphy, *Machine Learning: A Probabilistic Perspective*, §3.4; Gelman et al., *Bayesian Data Analysis*, §3.4.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import dirichlet_categorical_update
    >>> post = dirichlet_categorical_update(torch.ones(3), torch.tensor([0, 2, 2, 1, 2]))
    >>> post.alpha.tolist(), [round(m, 4) for m in post.mean.tolist()]
    ([2.0, 2.0, 4.0], [0.25, 0.25, 0.5])
    """
    _checks.tensor(alpha, "alpha", ndim=1)
    a = _hyper(alpha, "alpha", alpha.to(_out_dtype(alpha)))
    _checks.tensor(observations, "observations", floating=False, ndim=1, nonempty=False)
    if observations.is_floating_point() or observations.is_complex() or observations.dtype == torch.bool:
        raise TypeError(f"observations must be an integer tensor of labels, got {observations.dtype}")
    _checks.same_device(alpha=alpha, observations=observations)
    K = a.shape[0]
    bad = (observations < 0) | (observations >= K)
    if bad.any():
        raise ValueError(f"observations must be labels in [0, {K - 1}], got {observations[bad][:4].tolist()}")
    counts = torch.bincount(observations, minlength=K).to(a.dtype)  # c_k
    return DirichletPosterior(a + counts)
