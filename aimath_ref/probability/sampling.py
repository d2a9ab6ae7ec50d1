r"""From logits to a token: softmax with temperature, top-k and top-p (nucleus) filtering, sampling.

A language model outputs one logit $z_i$ per token of its vocabulary. Softmax at temperature
$\tau$ turns them into a categorical distribution, the filters cut its tail, and
`sample_next_token` draws from what is left.
"""

from __future__ import annotations

import torch

from .. import _checks

__all__ = ["log_softmax", "sample_next_token", "softmax", "top_k_filter", "top_p_filter"]


def _work(logits: torch.Tensor) -> torch.Tensor:
    # Half precision overflows in exp and loses mass in sums: compute in float32.
    return logits.float() if logits.dtype in (torch.float16, torch.bfloat16) else logits


def _scaled(logits: torch.Tensor, temperature: float, dim: int) -> tuple[torch.Tensor, int]:
    _checks.tensor(logits, "logits", min_ndim=1)
    tau = _checks.real(temperature, "temperature", positive=True)
    d = _checks.dim(dim, logits.ndim)
    z = _work(logits)
    # Shift by the max first, then divide: (z - m) / τ <= 0, so exp never overflows and a tiny τ
    # cannot turn large logits into inf - inf = NaN before the shift.
    return (z - z.amax(dim=d, keepdim=True)) / tau, d


def softmax(logits: torch.Tensor, temperature: float = 1.0, dim: int = -1) -> torch.Tensor:
    r"""Softmax at temperature $\tau$: logits to a probability distribution along ``dim``.

    $$p_i = \frac{e^{z_i/\tau}}{\sum_j e^{z_j/\tau}} = \frac{e^{(z_i - m)/\tau}}{\sum_j e^{(z_j - m)/\tau}},\qquad m = \max_j z_j$$

    Subtracting the maximum changes nothing mathematically and keeps every exponent $\le 0$,
    so logits of $\pm 10^4$ do not overflow; the maximum is subtracted *before* dividing by
    $\tau$, so a temperature near 0 cannot overflow $z/\tau$ either. $\tau < 1$ sharpens the distribution, $\tau > 1$
    flattens it; as $\tau \to 0$ it tends to the one-hot vector of the argmax (ties share
    the mass), as $\tau \to \infty$ to the uniform distribution. Entries of $-\infty$ get
    probability 0.

    Parameters
    ----------
    logits : torch.Tensor
        Floating tensor with at least one dimension; any leading dimensions are a batch.
    temperature : float, default 1.0
        $\tau > 0$.
    dim : int, default -1
        The dimension that sums to 1.

    Returns
    -------
    torch.Tensor
        Probabilities, same shape and dtype as ``logits`` (float16/bfloat16 inputs are computed
        in float32); equal to ``torch.softmax(logits / temperature, dim)``.

    Raises
    ------
    TypeError
        If ``logits`` is not a floating tensor or ``temperature`` is not a number.
    ValueError
        If ``logits`` is empty or 0-D, ``temperature`` is not > 0, or ``dim`` is out of range.

    References
    ----------
    Bridle, *Probabilistic interpretation of feedforward classification network outputs*, 1990;
    Goodfellow, Bengio & Courville, *Deep Learning*, §4.1 (stable softmax) and §6.2.2.3.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import softmax
    >>> z = torch.tensor([2.0, 1.0, 0.1])
    >>> [round(p, 3) for p in softmax(z).tolist()]
    [0.659, 0.242, 0.099]
    >>> [round(p, 3) for p in softmax(z, temperature=0.5).tolist()]
    [0.864, 0.117, 0.019]
    """
    shifted, d = _scaled(logits, temperature, dim)
    e = shifted.exp()
    return (e / e.sum(dim=d, keepdim=True)).to(logits.dtype)


def log_softmax(logits: torch.Tensor, temperature: float = 1.0, dim: int = -1) -> torch.Tensor:
    r"""Log of `softmax`, computed without forming the probabilities (the log-sum-exp trick).

    $$\log p_i = \frac{z_i - m}{\tau} - \log \sum_j e^{(z_j - m)/\tau},\qquad m = \max_j z_j$$

    Parameters
    ----------
    logits : torch.Tensor
        Floating tensor with at least one dimension.
    temperature : float, default 1.0
        $\tau > 0$.
    dim : int, default -1
        The dimension normalised over.

    Returns
    -------
    torch.Tensor
        Log-probabilities, same shape and dtype as ``logits``; equal to
        ``torch.log_softmax(logits / temperature, dim)``.

    Raises
    ------
    TypeError
        If ``logits`` is not a floating tensor or ``temperature`` is not a number.
    ValueError
        If ``logits`` is empty or 0-D, ``temperature`` is not > 0, or ``dim`` is out of range.

    References
    ----------
    Goodfellow, Bengio & Courville, *Deep Learning*, §4.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import log_softmax
    >>> [round(v, 4) for v in log_softmax(torch.tensor([1e4, 0.0])).tolist()]
    [0.0, -10000.0]
    """
    shifted, d = _scaled(logits, temperature, dim)
    return (shifted - shifted.exp().sum(dim=d, keepdim=True).log()).to(logits.dtype)


def _order(logits: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    # Most probable first; stable, so equal logits keep their index order (lower index first).
    return torch.sort(_work(logits), dim=-1, descending=True, stable=True)


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    r"""Keep the $k$ largest logits of the last dimension; set the others to $-\infty$.

    $$V^{(k)} = \text{the } k \text{ most probable tokens},\qquad
    p_i \leftarrow \frac{p_i}{\sum_{j \in V^{(k)}} p_j}\ (i \in V^{(k)}),\quad 0 \text{ otherwise}$$

    Softmax of the filtered logits is the renormalised distribution above. Exactly
    $\min(k, V)$ tokens are kept: on a tie at the $k$-th place the token with the lower
    index wins (a stable sort), so the result is deterministic. $k = 1$ is greedy decoding.

    Parameters
    ----------
    logits : torch.Tensor
        Floating tensor ``(..., V)``; leading dimensions are a batch.
    k : int
        Number of tokens to keep, $k \ge 1$; a $k$ larger than $V$ keeps everything.

    Returns
    -------
    torch.Tensor
        Same shape and dtype as ``logits``, removed entries set to $-\infty$.

    Raises
    ------
    TypeError
        If ``logits`` is not a floating tensor or ``k`` is not an int.
    ValueError
        If ``logits`` is empty or 0-D, or ``k < 1``.

    References
    ----------
    Fan, Lewis & Dauphin, *Hierarchical Neural Story Generation*, ACL 2018.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import top_k_filter
    >>> top_k_filter(torch.tensor([1.0, 3.0, 2.0, 3.0]), k=2).tolist()
    [-inf, 3.0, -inf, 3.0]
    """
    _checks.tensor(logits, "logits", min_ndim=1)
    _checks.integer(k, "k", minimum=1)
    _, idx = _order(logits)  # (..., V) token ids, most probable first
    keep = torch.zeros(logits.shape, dtype=torch.bool, device=logits.device)
    keep.scatter_(-1, idx[..., :k], True)
    return logits.masked_fill(~keep, -torch.inf)


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    r"""Nucleus filter: keep the smallest set of most probable tokens whose total probability reaches $p$.

    $$V^{(p)} = \text{the smallest } V' \text{ made of the most probable tokens with } \sum_{x \in V'} P(x) \ge p$$

    Tokens are ranked by probability (a stable sort: among equal probabilities the lower index
    comes first) and kept while the probability of the tokens ranked before them is still
    below $p$. The most probable token is therefore always kept, and the number kept adapts:
    few tokens when the model is confident, many when it is unsure. $p = 1$ keeps every
    token of non-zero probability.

    Parameters
    ----------
    logits : torch.Tensor
        Floating tensor ``(..., V)``; leading dimensions are a batch.
    p : float
        Probability mass to cover, in $(0, 1]$.

    Returns
    -------
    torch.Tensor
        Same shape and dtype as ``logits``, removed entries set to $-\infty$.

    Raises
    ------
    TypeError
        If ``logits`` is not a floating tensor or ``p`` is not a number.
    ValueError
        If ``logits`` is empty or 0-D, or ``p`` is not in $(0, 1]$ (the message reads
        ``top_p must be in (0, 1], got 1.5``).

    References
    ----------
    Holtzman et al., *The Curious Case of Neural Text Degeneration*, ICLR 2020.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import softmax, top_p_filter
    >>> probs = torch.tensor([0.5, 0.3, 0.15, 0.05])
    >>> kept = top_p_filter(probs.log(), p=0.75)
    >>> [round(v, 4) for v in softmax(kept).tolist()]
    [0.625, 0.375, 0.0, 0.0]
    """
    _checks.tensor(logits, "logits", min_ndim=1)
    if isinstance(p, bool) or not isinstance(p, (int, float)):
        raise TypeError(f"top_p must be a real number, got {type(p).__name__} {p!r}")
    if not 0 < p <= 1:
        raise ValueError(f"top_p must be in (0, 1], got {p}")
    sorted_logits, idx = _order(logits)
    probs = softmax(sorted_logits.double(), dim=-1)  # sorted p, in float64 so sums are exact enough
    mass_before = torch.cumsum(probs, dim=-1) - probs  # probability of the tokens ranked above
    keep_sorted = mass_before < p
    keep_sorted[..., 0] = True  # the most probable token always stays
    keep = torch.zeros(logits.shape, dtype=torch.bool, device=logits.device)
    keep.scatter_(-1, idx, keep_sorted)
    return logits.masked_fill(~keep, -torch.inf)


def sample_next_token(logits: torch.Tensor, temperature: float = 1.0, top_k: int | None = None,
                      top_p: float | None = None, generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Draw one token id per row of logits: temperature, then top-k, then top-p, then sampling.

    $$x \sim \operatorname{Categorical}\big(\operatorname{softmax}(\operatorname{top\text{-}p}(\operatorname{top\text{-}k}(z / \tau)))\big)$$

    The temperature is applied *first*, and the filters act on the tempered logits $z/\tau$.
    For top-k the order does not matter (dividing by $\tau > 0$ keeps the ranking), but for
    top-p it does: the nucleus is the smallest set covering mass $p$ of the *tempered*
    distribution, so a low $\tau$ concentrates the mass and shrinks the nucleus, a high
    $\tau$ widens it. This is the order of Hugging Face ``generate`` (its temperature warper
    runs before the top-k and top-p warpers), so the same settings select the same tokens.
    The maximum logit is subtracted before dividing by $\tau$, so a tiny $\tau$ does not
    overflow.

    The draw is by inverse CDF: one uniform number $u \in [0, 1)$ per row from ``generator``
    (on the generator's device, then moved), and the token is the first $i$ whose cumulative
    probability exceeds $u$. Zero-probability tokens are never drawn, and the same seed gives
    the same tokens on CPU and GPU.

    Parameters
    ----------
    logits : torch.Tensor
        Floating tensor ``(..., V)``; leading dimensions are a batch.
    temperature : float, default 1.0
        $\tau > 0$; use ``top_k=1`` for greedy decoding.
    top_k : int or None, default None
        Keep only the ``top_k`` most probable tokens (see `top_k_filter`).
    top_p : float or None, default None
        Keep only the nucleus of mass ``top_p`` (see `top_p_filter`).
    generator : torch.Generator or None, default None
        Source of randomness; ``None`` uses torch's global CPU generator.

    Returns
    -------
    torch.Tensor
        int64 token ids of shape ``logits.shape[:-1]``, on the device of ``logits``.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If ``temperature``, ``top_k`` or ``top_p`` is out of range, ``logits`` is empty or 0-D,
        or a row of ``logits`` contains NaN or $+\infty$ or is entirely $-\infty$ (no token
        would have a well-defined, positive probability).

    References
    ----------
    Holtzman et al., *The Curious Case of Neural Text Degeneration*, ICLR 2020 (§3, §4).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import sample_next_token
    >>> z = torch.tensor([[2.0, 1.0, 0.1], [0.0, 5.0, 0.0]])
    >>> sample_next_token(z, top_k=1).tolist()
    [0, 1]
    >>> g = torch.Generator().manual_seed(0)
    >>> sample_next_token(z, temperature=0.8, top_p=0.9, generator=g).tolist()
    [1, 1]
    """
    _checks.tensor(logits, "logits", min_ndim=1)
    if generator is not None and not isinstance(generator, torch.Generator):
        raise TypeError(f"generator must be a torch.Generator or None, got {type(generator).__name__}")
    tau = _checks.real(temperature, "temperature", positive=True)
    z = _work(logits)
    bad = z.isnan() | (z == torch.inf)
    if bad.any():
        where = tuple(bad.nonzero()[0].tolist())
        raise ValueError(f"logits must not contain NaN or +inf, got {z[bad][0].item()} at index {where}")
    dead = (z == -torch.inf).all(dim=-1)
    if dead.any():
        where = tuple(dead.nonzero()[0].tolist()) if dead.ndim else ()
        raise ValueError(f"logits must have a finite entry in every row, got all -inf in row {where}")
    z = (z - z.amax(dim=-1, keepdim=True)) / tau  # (z - m) / τ: shift first, so a tiny τ cannot overflow
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    probs = softmax(z.double(), dim=-1)  # (..., V)
    cdf = torch.cumsum(probs, dim=-1)
    cdf = cdf / cdf[..., -1:]  # last entry exactly 1: every u < 1 lands on a token of non-zero mass
    g_device = generator.device if generator is not None else torch.device("cpu")
    u = torch.rand(probs.shape[:-1], generator=generator, device=g_device, dtype=torch.float64)
    u = u.to(probs.device).unsqueeze(-1)  # (..., 1)
    return torch.searchsorted(cdf.contiguous(), u, right=True).squeeze(-1)
