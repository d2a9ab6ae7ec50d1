r"""Source coding: Huffman's optimal prefix code and Shannon's bound on its average length.

A prefix code gives outcome $x$ a codeword of $\ell(x)$ bits, no codeword being the start of
another. Kraft's inequality $\sum_x 2^{-\ell(x)} \le 1$ is the only constraint on the lengths,
and the source coding theorem says the average length cannot beat the entropy:
$H(X) \le \mathbb E[\ell(X)] < H(X) + 1$ for an optimal code.
"""

from __future__ import annotations

import heapq
import itertools

import torch

from . import _dist

__all__ = ["huffman_code_lengths"]


def huffman_code_lengths(p: torch.Tensor) -> torch.Tensor:
    r"""Codeword lengths, in bits, of a Huffman code for the distribution ``p``.

    Huffman's algorithm repeatedly merges the two least probable groups; each merge adds one bit
    to every codeword in both groups. The result minimises the average length
    $\bar\ell = \sum_x P(x)\,\ell(x)$ over all prefix codes, and

    $$H(P) \ \le\ \bar\ell \ <\ H(P) + 1,\qquad \sum_{x:\,P(x) > 0} 2^{-\ell(x)} = 1 .$$

    Outcomes of probability 0 get no codeword (length 0); a distribution with a single possible
    outcome needs no bits at all (length 0, matching $H = 0$). Ties are broken by position, so the
    lengths are deterministic.

    Parameters
    ----------
    p : torch.Tensor
        Floating 1-D tensor of probabilities summing to 1.

    Returns
    -------
    torch.Tensor
        ``int64`` tensor of the shape of ``p`` with the length $\ell(x)$ of each codeword, on
        the device of ``p``.

    Raises
    ------
    TypeError
        If ``p`` is not a floating tensor.
    ValueError
        If ``p`` is not 1-D, is empty, has NaN or entries outside $[0, 1]$, or does not sum to 1.

    References
    ----------
    Huffman, *A Method for the Construction of Minimum-Redundancy Codes*, Proc. IRE 40 (1952);
    Cover & Thomas, *Elements of Information Theory*, 2nd ed., §5.4 (bounds) and §5.8 (optimality).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import huffman_code_lengths
    >>> huffman_code_lengths(torch.tensor([0.5, 0.25, 0.125, 0.125])).tolist()
    [1, 2, 3, 3]
    >>> huffman_code_lengths(torch.tensor([0.4, 0.3, 0.2, 0.1, 0.0])).tolist()
    [1, 2, 3, 3, 0]
    """
    _dist.distribution(p, "p", -1)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {tuple(p.shape)}")
    probs = p.detach().to(device="cpu", dtype=torch.float64).tolist()
    lengths = [0] * len(probs)
    order = itertools.count()  # tie-breaker: earlier groups first
    heap = [(q, next(order), [i]) for i, q in enumerate(probs) if q > 0]
    heapq.heapify(heap)
    while len(heap) > 1:
        q1, _, g1 = heapq.heappop(heap)  # the two least probable groups
        q2, _, g2 = heapq.heappop(heap)
        for i in g1 + g2:
            lengths[i] += 1  # one more bit in front of each of their codewords
        heapq.heappush(heap, (q1 + q2, next(order), g1 + g2))
    return torch.tensor(lengths, dtype=torch.int64, device=p.device)
