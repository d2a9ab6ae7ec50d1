r"""Comparing two distributions: cross-entropy, Kullback–Leibler and Jensen–Shannon divergences.

All three take probability vectors ``p`` (the truth) and ``q`` (the model) along ``dim`` and
are tied by one identity, $H(P, Q) = H(P) + D_{KL}(P \,\|\, Q)$. For a model that outputs
logits, use `aimath_ref.information.cross_entropy_from_logits` instead: it never forms
probabilities that could underflow.
"""

from __future__ import annotations

import torch

from .. import _checks
from . import _dist

__all__ = ["cross_entropy", "fit_gaussian_kl", "js_divergence", "kl_divergence"]


def _kl(p: torch.Tensor, q: torch.Tensor, d: int) -> torch.Tensor:
    # Σ p (log p - log q) over the outcomes with p > 0; log q = -inf there gives +inf.
    zero = torch.zeros((), dtype=p.dtype, device=p.device)
    terms = torch.where(p > 0, p * (torch.log(p) - torch.log(q)), zero)
    return terms.sum(dim=d)


def cross_entropy(p: torch.Tensor, q: torch.Tensor, base: float = 2, dim: int = -1) -> torch.Tensor:
    r"""Cross-entropy of ``q`` relative to ``p``: the average code length when ``q`` is used for data from ``p``.

    $$H(P, Q) = -\sum_x P(x) \log_b Q(x) = H(P) + D_{KL}(P \,\|\, Q) \ \ge\ H(P)$$

    Terms with $P(x) = 0$ contribute 0 whatever $Q(x)$ is. If $Q(x) = 0$ for an outcome with
    $P(x) > 0$ the result is ``+inf``: a code built for $Q$ has no codeword for that outcome.

    Parameters
    ----------
    p : torch.Tensor
        The true distribution: floating tensor, entries in $[0, 1]$ summing to 1 along ``dim``.
    q : torch.Tensor
        The model's distribution, same shape, dtype and device as ``p``.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.
    dim : int, default -1
        The dimension that holds the outcomes; the others are a batch.

    Returns
    -------
    torch.Tensor
        $H(P, Q)$ with ``dim`` removed, dtype of ``p`` (half precision is computed in float32).

    Raises
    ------
    TypeError
        If ``p`` or ``q`` is not a floating tensor, their dtypes differ, or ``base``/``dim`` has the wrong type.
    ValueError
        If either is empty, has NaN or entries outside $[0, 1]$, does not sum to 1 along ``dim``,
        the shapes or devices differ, or ``base``/``dim`` is out of range.

    References
    ----------
    Cover & Thomas, *Elements of Information Theory*, 2nd ed., §5.4 (the wrong code costs
    $D_{KL}$ extra bits); Goodfellow, Bengio & Courville, *Deep Learning*, §3.13.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import cross_entropy
    >>> p = torch.tensor([0.5, 0.25, 0.25])
    >>> round(cross_entropy(p, p).item(), 4), round(cross_entropy(p, torch.tensor([0.25, 0.25, 0.5])).item(), 4)
    (1.5, 1.75)
    >>> cross_entropy(p, torch.tensor([0.0, 0.5, 0.5])).item()
    inf
    """
    ln_b = _dist.log_base(base)
    out_dtype = p.dtype if isinstance(p, torch.Tensor) else None
    pw, qw, d = _dist.pair(p, q, dim)
    return ((0.0 - torch.special.xlogy(pw, qw).sum(dim=d)) / ln_b).to(out_dtype)  # -Σ p log q, 0 log 0 = 0


def kl_divergence(p: torch.Tensor, q: torch.Tensor, base: float = 2, dim: int = -1) -> torch.Tensor:
    r"""Kullback–Leibler divergence $D_{KL}(P \,\|\, Q)$: the extra bits paid for using ``q`` when the truth is ``p``.

    $$D_{KL}(P \,\|\, Q) = \sum_x P(x) \log_b \frac{P(x)}{Q(x)} = H(P, Q) - H(P) \ \ge\ 0$$

    It is zero exactly when $P = Q$ (Gibbs' inequality), it is not symmetric, and it does not
    satisfy the triangle inequality, so it is not a distance. It is ``+inf`` when $Q(x) = 0$
    for an outcome with $P(x) > 0$. ``kl_divergence(p, q, base=math.e)`` equals
    ``scipy.stats.entropy(p, q)`` and ``torch.nn.functional.kl_div(q.log(), p, reduction="sum")``
    (note that torch takes the *model's log-probabilities first*).

    Parameters
    ----------
    p : torch.Tensor
        The reference distribution: floating tensor, entries in $[0, 1]$ summing to 1 along ``dim``.
    q : torch.Tensor
        The approximating distribution, same shape, dtype and device as ``p``.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.
    dim : int, default -1
        The dimension that holds the outcomes; the others are a batch.

    Returns
    -------
    torch.Tensor
        $D_{KL}(P \,\|\, Q) \ge 0$ with ``dim`` removed, dtype of ``p``.

    Raises
    ------
    TypeError
        If ``p`` or ``q`` is not a floating tensor, their dtypes differ, or ``base``/``dim`` has the wrong type.
    ValueError
        If either is empty, has NaN or entries outside $[0, 1]$, does not sum to 1 along ``dim``,
        the shapes or devices differ, or ``base``/``dim`` is out of range.

    References
    ----------
    Kullback & Leibler, *On Information and Sufficiency*, Annals of Mathematical Statistics
    22 (1951); Cover & Thomas, 2nd ed., §2.3 and Theorem 2.6.3 (information inequality).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import kl_divergence
    >>> p, q = torch.tensor([0.5, 0.25, 0.25]), torch.tensor([0.25, 0.25, 0.5])
    >>> round(kl_divergence(p, q).item(), 4), round(kl_divergence(q, p).item(), 4)
    (0.25, 0.25)
    >>> p, q = torch.tensor([0.9, 0.1]), torch.tensor([0.5, 0.5])
    >>> round(kl_divergence(p, q).item(), 4), round(kl_divergence(q, p).item(), 4)
    (0.531, 0.737)
    """
    ln_b = _dist.log_base(base)
    out_dtype = p.dtype if isinstance(p, torch.Tensor) else None
    pw, qw, d = _dist.pair(p, q, dim)
    return (_kl(pw, qw, d) / ln_b).to(out_dtype)


def js_divergence(p: torch.Tensor, q: torch.Tensor, base: float = 2, dim: int = -1) -> torch.Tensor:
    r"""Jensen–Shannon divergence: the symmetric, bounded average of two KLs to the mixture.

    $$\mathrm{JS}(P, Q) = \tfrac12 D_{KL}(P \,\|\, M) + \tfrac12 D_{KL}(Q \,\|\, M),\qquad
    M = \tfrac12 (P + Q)$$

    $\mathrm{JS}(P, Q) = \mathrm{JS}(Q, P)$ and $0 \le \mathrm{JS} \le \log_b 2$ (1 bit), the
    maximum reached by distributions with disjoint supports; it is always finite. Its square
    root is a metric. It is the divergence that the original GAN objective minimises at the
    optimal discriminator.

    Parameters
    ----------
    p, q : torch.Tensor
        Distributions of one shape, dtype and device: entries in $[0, 1]$ summing to 1 along ``dim``.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.
    dim : int, default -1
        The dimension that holds the outcomes; the others are a batch.

    Returns
    -------
    torch.Tensor
        $\mathrm{JS}(P, Q) \in [0, \log_b 2]$ with ``dim`` removed, dtype of ``p``.

    Raises
    ------
    TypeError
        If ``p`` or ``q`` is not a floating tensor, their dtypes differ, or ``base``/``dim`` has the wrong type.
    ValueError
        If either is empty, has NaN or entries outside $[0, 1]$, does not sum to 1 along ``dim``,
        the shapes or devices differ, or ``base``/``dim`` is out of range.

    References
    ----------
    Lin, *Divergence Measures Based on the Shannon Entropy*, IEEE Trans. Information Theory 37
    (1991); Endres & Schindelin, *A New Metric for Probability Distributions*, IEEE Trans.
    Information Theory 49 (2003); Goodfellow et al., *Generative Adversarial Nets*, NeurIPS 2014.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import js_divergence
    >>> js_divergence(torch.tensor([1.0, 0.0]), torch.tensor([0.0, 1.0])).item()
    1.0
    >>> round(js_divergence(torch.tensor([0.9, 0.1]), torch.tensor([0.5, 0.5])).item(), 4)
    0.1468
    """
    ln_b = _dist.log_base(base)
    out_dtype = p.dtype if isinstance(p, torch.Tensor) else None
    pw, qw, d = _dist.pair(p, q, dim)
    m = (pw + qw) / 2  # M, positive wherever p or q is
    return ((_kl(pw, m, d) + _kl(qw, m, d)) / (2 * ln_b)).to(out_dtype)


def fit_gaussian_kl(p: torch.Tensor, x: torch.Tensor, direction: str = "forward",
                    n_mu: int = 121, n_sigma: int = 81) -> tuple[float, float]:
    r"""The Gaussian $Q = \mathcal N(\mu, \sigma^2)$ closest to a distribution ``p`` on a grid, in forward or reverse KL.

    Both distributions are discretised on the equally spaced points ``x``; the fit is a grid
    search over $\mu$ in the range of ``x`` and $\sigma$ from one grid step to the width of
    ``x`` (log-spaced), scoring each candidate with `kl_divergence`:

    $$\text{forward: } \min_{\mu,\sigma} D_{KL}(P \,\|\, Q),\qquad
    \text{reverse: } \min_{\mu,\sigma} D_{KL}(Q \,\|\, P).$$

    Forward KL punishes $Q \approx 0$ where $P > 0$, so $Q$ spreads over every mode of $P$ (for a
    Gaussian $Q$ it matches the mean and variance of $P$); reverse KL punishes $Q > 0$ where
    $P \approx 0$, so $Q$ settles on one mode.

    Parameters
    ----------
    p : torch.Tensor
        Floating 1-D tensor: $P$ on the grid, entries in $[0, 1]$ summing to 1, positive
        wherever a reverse fit should be finite.
    x : torch.Tensor
        Floating 1-D tensor of the grid points, same length, increasing, equally spaced.
    direction : {"forward", "reverse"}, default "forward"
    n_mu, n_sigma : int, default 121 and 81
        Number of candidate means and standard deviations (at least 2 each).

    Returns
    -------
    tuple of float
        $(\mu, \sigma)$ of the best candidate.

    Raises
    ------
    TypeError
        If ``p`` or ``x`` is not a floating tensor or an option has the wrong type.
    ValueError
        If ``p`` is not a distribution, the shapes differ, ``x`` is not increasing with at least
        3 points, ``direction`` is unknown or a candidate count is below 2.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, §10.1.2 and Figure 10.3; Minka,
    *Divergence Measures and Message Passing*, Microsoft Research TR-2005-173.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import fit_gaussian_kl
    >>> x = torch.linspace(-6, 6, 241, dtype=torch.float64)
    >>> p = torch.exp(-0.5 * (x - 1.0) ** 2)
    >>> mu, sigma = fit_gaussian_kl(p / p.sum(), x)
    >>> round(mu, 2), round(sigma, 2)
    (1.0, 1.02)
    """
    p, _ = _dist.distribution(p, "p", -1)
    _checks.tensor(x, "x", ndim=1)
    if p.ndim != 1 or p.shape != x.shape:
        raise ValueError(f"p and x must be 1-D of one length, got shapes {tuple(p.shape)} and {tuple(x.shape)}")
    if x.shape[0] < 3 or not bool((x[1:] > x[:-1]).all()):
        raise ValueError(f"x must be increasing with at least 3 points, got shape {tuple(x.shape)}")
    _checks.choice(direction, "direction", ("forward", "reverse"))
    n_mu = _checks.integer(n_mu, "n_mu", minimum=2)
    n_sigma = _checks.integer(n_sigma, "n_sigma", minimum=2)
    _checks.same_device(p=p, x=x)
    xs = x.to(torch.float64)
    step, width = (xs[1] - xs[0]).item(), (xs[-1] - xs[0]).item()
    mus = torch.linspace(xs[0].item(), xs[-1].item(), n_mu, dtype=torch.float64, device=x.device)
    sigmas = torch.logspace(torch.log10(torch.tensor(step)).item(), torch.log10(torch.tensor(width)).item(),
                            n_sigma, dtype=torch.float64, device=x.device)
    z = (xs - mus[:, None, None]) / sigmas[None, :, None]  # (n_mu, n_sigma, G)
    logq = -0.5 * z ** 2
    q = torch.softmax(logq, dim=-1)  # each candidate Q normalised on the grid
    P = p.to(torch.float64).expand_as(q)
    score = kl_divergence(P, q, base=2) if direction == "forward" else kl_divergence(q, P, base=2)
    best = int(torch.argmin(score))  # row-major: (mu index, sigma index)
    return mus[best // n_sigma].item(), sigmas[best % n_sigma].item()
