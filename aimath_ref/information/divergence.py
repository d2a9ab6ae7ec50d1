r"""Comparing two distributions: cross-entropy, Kullback–Leibler and Jensen–Shannon divergences.

All three take probability vectors ``p`` (the truth) and ``q`` (the model) along ``dim`` and
are tied by one identity, $H(P, Q) = H(P) + D_{KL}(P \,\|\, Q)$. For a model that outputs
logits, use :func:`aimath_ref.information.cross_entropy_from_logits` instead: it never forms
probabilities that could underflow.
"""

from __future__ import annotations

import torch

from . import _dist

__all__ = ["cross_entropy", "js_divergence", "kl_divergence"]


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
