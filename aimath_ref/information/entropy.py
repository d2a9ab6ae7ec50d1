r"""Surprise and uncertainty: information content, entropy and binary entropy.

An outcome of probability $p$ carries $-\log p$ units of information; entropy is the
expected value of that surprise. With ``base=2`` the unit is the bit, with ``base=math.e`` the nat
($1\ \text{nat} = 1/\ln 2 \approx 1.443$ bits).
"""

from __future__ import annotations

import torch

from . import _dist

__all__ = ["binary_entropy", "entropy", "information_content"]


def information_content(p: torch.Tensor, base: float = 2) -> torch.Tensor:
    r"""Information content (surprisal) of outcomes with probabilities ``p``, elementwise.

    $$I(x) = -\log_b P(x)$$

    A certain outcome ($p = 1$) carries no information, a fair coin flip carries 1 bit and an
    impossible outcome ($p = 0$) would carry infinitely many: the result is ``+inf`` there.

    Parameters
    ----------
    p : torch.Tensor
        Floating tensor of probabilities in $[0, 1]$, any shape.
    base : float, default 2
        Base $b$ of the logarithm: 2 for bits, ``math.e`` for nats.

    Returns
    -------
    torch.Tensor
        $-\log_b p$, same shape and dtype as ``p`` (half precision is computed in float32).

    Raises
    ------
    TypeError
        If ``p`` is not a floating tensor or ``base`` is not a number.
    ValueError
        If ``p`` is empty, has NaN or entries outside $[0, 1]$, or ``base`` is not positive or is 1.

    References
    ----------
    Shannon, *A Mathematical Theory of Communication*, Bell System Technical Journal 27 (1948);
    Cover & Thomas, *Elements of Information Theory*, 2nd ed., §2.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import information_content
    >>> [round(v, 4) for v in information_content(torch.tensor([0.5, 0.99, 0.001])).tolist()]
    [1.0, 0.0145, 9.9658]
    """
    ln_b = _dist.log_base(base)
    _dist.probabilities(p, "p")
    w = _dist.work_dtype(p)
    return ((0.0 - torch.log(p.to(w))) / ln_b).to(p.dtype)  # -log p / ln b, +0 at p = 1


def entropy(p: torch.Tensor, base: float = 2, dim: int = -1) -> torch.Tensor:
    r"""Shannon entropy of probability vectors along ``dim``: the expected surprise.

    $$H(P) = -\sum_x P(x) \log_b P(x), \qquad 0 \log 0 = 0$$

    The convention $0 \log 0 = 0$ (the limit of $p \log p$ as $p \to 0$) means that outcomes of
    probability zero add nothing. $0 \le H(P) \le \log_b n$ for $n$ outcomes, with the maximum
    exactly for the uniform distribution. ``entropy(p, base=math.e)`` equals
    ``scipy.stats.entropy(p)``, whose default is nats.

    Parameters
    ----------
    p : torch.Tensor
        Floating tensor whose entries along ``dim`` are in $[0, 1]$ and sum to 1; the other
        dimensions are a batch.
    base : float, default 2
        Base $b$ of the logarithm: 2 for bits, ``math.e`` for nats.
    dim : int, default -1
        The dimension that holds the outcomes.

    Returns
    -------
    torch.Tensor
        $H$ with ``dim`` removed, dtype of ``p`` (half precision is computed in float32).

    Raises
    ------
    TypeError
        If ``p`` is not a floating tensor, ``base`` is not a number or ``dim`` is not an int.
    ValueError
        If ``p`` is empty or 0-D, has NaN or entries outside $[0, 1]$, does not sum to 1
        along ``dim``, or ``base`` or ``dim`` is out of range.

    References
    ----------
    Shannon (1948), §6; Cover & Thomas, *Elements of Information Theory*, 2nd ed., §2.1 and
    Theorem 2.6.4 (the uniform distribution has the largest entropy).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import entropy
    >>> round(entropy(torch.tensor([0.25, 0.25, 0.25, 0.25])).item(), 4)
    2.0
    >>> round(entropy(torch.tensor([0.97, 0.01, 0.01, 0.01])).item(), 4)
    0.2419
    >>> entropy(torch.tensor([1.0, 0.0])).item()
    0.0
    """
    ln_b = _dist.log_base(base)
    p, d = _dist.distribution(p, "p", dim)
    pw = p.to(_dist.work_dtype(p))
    return ((0.0 - torch.special.xlogy(pw, pw).sum(dim=d)) / ln_b).to(p.dtype)  # -Σ p log p, xlogy(0, 0) = 0; 0 - 0 = +0


def binary_entropy(p: torch.Tensor, base: float = 2) -> torch.Tensor:
    r"""Entropy of a Bernoulli variable with success probability ``p``, elementwise.

    $$H_b(p) = -p \log_b p - (1 - p) \log_b (1 - p), \qquad H_b(0) = H_b(1) = 0$$

    It is symmetric about $p = 1/2$, where it reaches its maximum of 1 bit.

    Parameters
    ----------
    p : torch.Tensor
        Floating tensor of probabilities in $[0, 1]$, any shape.
    base : float, default 2
        Base $b$ of the logarithm: 2 for bits, ``math.e`` for nats.

    Returns
    -------
    torch.Tensor
        $H_b(p)$, same shape and dtype as ``p`` (half precision is computed in float32).

    Raises
    ------
    TypeError
        If ``p`` is not a floating tensor or ``base`` is not a number.
    ValueError
        If ``p`` is empty, has NaN or entries outside $[0, 1]$, or ``base`` is not positive or is 1.

    References
    ----------
    Cover & Thomas, *Elements of Information Theory*, 2nd ed., Example 2.1.1 and Figure 2.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import binary_entropy
    >>> [round(v, 4) for v in binary_entropy(torch.tensor([0.0, 0.1, 0.5, 0.9])).tolist()]
    [0.0, 0.469, 1.0, 0.469]
    """
    ln_b = _dist.log_base(base)
    _dist.probabilities(p, "p")
    pw = p.to(_dist.work_dtype(p))
    q = 1 - pw
    return ((0.0 - (torch.special.xlogy(pw, pw) + torch.special.xlogy(q, q))) / ln_b).to(p.dtype)  # +0 at p = 0, 1
