r"""Two operations of the complexity table that PyTorch has no single function for.

* Linear attention replaces the softmax by a feature map, so the $n \times n$ matrix of
  scores is never formed: $O(n d^2)$ instead of $O(n^2 d)$.
* Brute-force $k$-nearest-neighbour search compares a query with every stored vector:
  $O(n d)$ per query, plus the selection of the $k$ best.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from .. import _checks
from ..linalg.products import _same_dtype, _work

__all__ = ["knn_bruteforce", "linear_attention"]


def _elu_plus_one(x: torch.Tensor) -> torch.Tensor:
    return torch.nn.functional.elu(x) + 1.0  # φ(x) = elu(x) + 1 > 0


def linear_attention(Q: torch.Tensor, K: torch.Tensor, V: torch.Tensor,
                     feature_map: Callable[[torch.Tensor], torch.Tensor] | None = None) -> torch.Tensor:
    r"""Kernelised (linear) attention: associate the product the other way round.

    $$V'_i = \frac{\phi(q_i)^\top \sum_j \phi(k_j)\, v_j^\top}{\phi(q_i)^\top \sum_j \phi(k_j)},\qquad \phi(x) = \operatorname{elu}(x) + 1$$

    Softmax attention computes $(QK^\top)V$ and pays $O(n^2 d)$ for the $n \times n$
    scores. With a positive feature map $\phi$ in place of $\exp(q \cdot k)$ the same
    weighted average can be computed as $\phi(Q)\,(\phi(K)^\top V)$: a $d \times d_v$
    summary built once in $O(n d d_v)$, then read by every query. The weights are not those
    of softmax attention, which is where the quality gap comes from.

    Parameters
    ----------
    Q : torch.Tensor
        Queries ``(..., L, d)``.
    K : torch.Tensor
        Keys ``(..., S, d)``.
    V : torch.Tensor
        Values ``(..., S, d_v)``.
    feature_map : callable or None, default None
        $\phi$, applied element-wise; it must return positive values. ``None`` is $\operatorname{elu}(x) + 1$.

    Returns
    -------
    torch.Tensor
        ``(..., L, d_v)``; equal to the quadratic form
        $\operatorname{diag}(\phi(Q)\phi(K)^\top \mathbf 1)^{-1}\, \phi(Q)\phi(K)^\top V$.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, dtypes differ, or ``feature_map`` is not callable.
    ValueError
        If shapes do not fit (sizes named in the message) or an input is empty.

    References
    ----------
    Katharopoulos, Vyas, Pappas & Fleuret, *Transformers are RNNs: Fast Autoregressive
    Transformers with Linear Attention*, ICML 2020, eq. (6) and (7).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.complexity import linear_attention
    >>> Q = K = torch.zeros(3, 2)
    >>> V = torch.tensor([[1.0], [2.0], [6.0]])
    >>> linear_attention(Q, K, V).flatten().tolist()  # equal weights: the mean of V
    [3.0, 3.0, 3.0]
    """
    for name, x in (("Q", Q), ("K", K), ("V", V)):
        _checks.tensor(x, name, min_ndim=2)
    _same_dtype(Q=Q, K=K, V=V)
    _checks.same_device(Q=Q, K=K, V=V)
    if Q.shape[-1] != K.shape[-1]:
        raise ValueError(f"Q and K must have the same last size d, got shapes {tuple(Q.shape)} and {tuple(K.shape)}")
    if K.shape[-2] != V.shape[-2]:
        raise ValueError(f"K and V must have the same number of positions S, got shapes "
                         f"{tuple(K.shape)} and {tuple(V.shape)}")
    try:
        torch.broadcast_shapes(Q.shape[:-2], K.shape[:-2], V.shape[:-2])
    except RuntimeError:
        raise ValueError(f"batch dimensions of Q, K and V must broadcast, got shapes {tuple(Q.shape)}, "
                         f"{tuple(K.shape)} and {tuple(V.shape)}") from None
    if feature_map is None:
        feature_map = _elu_plus_one
    elif not callable(feature_map):
        raise TypeError(f"feature_map must be callable or None, got {feature_map!r}")
    fq, fk = feature_map(_work(Q)), feature_map(_work(K))  # φ(Q): (..., L, d), φ(K): (..., S, d)
    kv = fk.transpose(-2, -1) @ _work(V)  # Σ_j φ(k_j) v_jᵀ: (..., d, d_v), O(S d d_v)
    z = fk.sum(dim=-2, keepdim=True)  # Σ_j φ(k_j): (..., 1, d)
    num = fq @ kv  # (..., L, d_v), O(L d d_v)
    den = (fq * z).sum(dim=-1, keepdim=True)  # φ(q_i)ᵀ Σ_j φ(k_j): (..., L, 1)
    return (num / den).to(Q.dtype)


def knn_bruteforce(queries: torch.Tensor, database: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Exact $k$-nearest-neighbour search by comparing every query with every stored vector.

    $$\lVert q - x \rVert_2^2 = \lVert q \rVert^2 - 2\, q \cdot x + \lVert x \rVert^2$$

    All $m \times n$ squared distances come from one matrix product ($O(m n d)$), then
    ``torch.topk`` selects the $k$ smallest per query without sorting all $n$.

    Parameters
    ----------
    queries : torch.Tensor
        ``(m, d)``.
    database : torch.Tensor
        ``(n, d)``, same dtype and device.
    k : int
        Number of neighbours, ``1 <= k <= n``.

    Returns
    -------
    distances : torch.Tensor
        ``(m, k)`` Euclidean distances, ascending.
    indices : torch.Tensor
        ``(m, k)`` int64 rows of ``database``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, the dtypes differ, or ``k`` is not an int.
    ValueError
        If an input is not 2-D or empty, the dimensions $d$ differ, or ``k`` is out of range.

    References
    ----------
    Johnson, Douze & Jégou, *Billion-scale similarity search with GPUs*, IEEE Trans. Big Data
    2019, §3 (exact search by a matrix product and a selection).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.complexity import knn_bruteforce
    >>> db = torch.tensor([[0.0, 0.0], [3.0, 4.0], [1.0, 0.0]])
    >>> dist, idx = knn_bruteforce(torch.tensor([[0.0, 0.0]]), db, k=2)
    >>> dist.tolist(), idx.tolist()
    ([[0.0, 1.0]], [[0, 2]])
    """
    _checks.tensor(queries, "queries", ndim=2)
    _checks.tensor(database, "database", ndim=2)
    _same_dtype(queries=queries, database=database)
    _checks.same_device(queries=queries, database=database)
    if queries.shape[1] != database.shape[1]:
        raise ValueError(f"queries and database must have the same dimension d, got shapes "
                         f"{tuple(queries.shape)} and {tuple(database.shape)}")
    _checks.integer(k, "k", minimum=1, maximum=database.shape[0])
    q, x = _work(queries), _work(database)
    sq = (q * q).sum(-1, keepdim=True) - 2.0 * q @ x.T + (x * x).sum(-1)  # (m, n) squared distances
    d2, idx = torch.topk(sq.clamp_min(0.0), k, dim=-1, largest=False, sorted=True)
    return d2.sqrt().to(queries.dtype), idx
