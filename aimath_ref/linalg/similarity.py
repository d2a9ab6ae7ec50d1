r"""Dot products as similarity: cosine similarity for embeddings and scaled dot-product attention.

Both measure how well two vectors line up. Cosine similarity divides out the lengths and
keeps only the angle; attention keeps the lengths, divides by $\sqrt{d_k}$, and turns each
row of scores into weights with a softmax.
"""

from __future__ import annotations

import math

import torch

from .. import _checks
from .norms import l2_norm
from .products import _same_dtype, _work
from ..probability.sampling import softmax

__all__ = ["cosine_similarity", "cosine_similarity_matrix", "attention_scores", "attention", "causal_mask"]


def cosine_similarity(a: torch.Tensor, b: torch.Tensor, dim: int = -1, eps: float = 1e-8) -> torch.Tensor:
    r"""Cosine of the angle between two vectors (batched, with broadcasting).

    $$\cos(a, b) = \frac{a \cdot b}{\max(\lVert a\rVert_2, \varepsilon)\,\max(\lVert b\rVert_2, \varepsilon)} \in [-1, 1]$$

    $+1$: same direction; $0$: perpendicular; $-1$: opposite. The $\varepsilon$ guard keeps
    a zero vector from dividing by zero (its similarity to anything is then $0$). The norms
    are computed with `l2_norm`, which does not overflow, so
    huge float32 vectors still give the right cosine (PyTorch returns 0 there).

    Parameters
    ----------
    a, b : torch.Tensor
        Floating tensors of one dtype whose shapes broadcast.
    dim : int, default -1
        The dimension holding the vector entries. ``torch.nn.functional.cosine_similarity``
        defaults to ``dim=1``; here the default is the last dimension, where embeddings live.
    eps : float, default 1e-8
        Lower bound on each norm; must be > 0.

    Returns
    -------
    torch.Tensor
        The broadcast shape without ``dim``; equal to
        ``torch.nn.functional.cosine_similarity(a, b, dim, eps)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, the dtypes differ, or ``eps`` is not a number.
    ValueError
        If an input is empty, the shapes do not broadcast, ``dim`` is out of range or ``eps <= 0``.

    References
    ----------
    Manning, Raghavan & Schütze, *Introduction to Information Retrieval*, 2008, §6.3.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import cosine_similarity
    >>> a = torch.tensor([1.0, 0.0])
    >>> [round(cosine_similarity(a, torch.tensor(v)).item(), 4) for v in ([2.0, 0.0], [1.0, 1.0], [0.0, 3.0], [-1.0, 0.0])]
    [1.0, 0.7071, 0.0, -1.0]
    """
    _checks.tensor(a, "a", min_ndim=1)
    _checks.tensor(b, "b", min_ndim=1)
    _same_dtype(a=a, b=b)
    _checks.same_device(a=a, b=b)
    eps = _checks.real(eps, "eps", positive=True)
    try:
        shape = torch.broadcast_shapes(a.shape, b.shape)
    except RuntimeError:
        raise ValueError(f"a and b must broadcast, got shapes {tuple(a.shape)} and {tuple(b.shape)}") from None
    d = _checks.dim(dim, len(shape)) - len(shape)
    aw, bw = _work(a), _work(b)
    na = l2_norm(aw, dim=d, keepdim=True).clamp_min(eps)  # max(||a||, eps), scaled: no overflow
    nb = l2_norm(bw, dim=d, keepdim=True).clamp_min(eps)  # max(||b||, eps)
    return ((aw / na) * (bw / nb)).sum(dim=d).to(a.dtype)


def cosine_similarity_matrix(A: torch.Tensor, B: torch.Tensor, eps: float = 1e-8) -> torch.Tensor:
    r"""Cosine similarity of every row of ``A`` with every row of ``B``.

    $$S_{ij} = \cos(a_i, b_j) = \hat a_i \cdot \hat b_j,\qquad S = \hat A \hat B^\top,\quad \hat a_i = \frac{a_i}{\max(\lVert a_i\rVert_2, \varepsilon)}$$

    This is embedding search in one matrix product: normalise the rows, then multiply.

    Parameters
    ----------
    A : torch.Tensor
        Shape ``(..., m, d)``: ``m`` vectors (e.g. queries).
    B : torch.Tensor
        Shape ``(..., n, d)``: ``n`` vectors (e.g. a database of embeddings).
    eps : float, default 1e-8
        Lower bound on each norm.

    Returns
    -------
    torch.Tensor
        Shape ``(..., m, n)``; entry ``[i, j]`` equals
        ``torch.nn.functional.cosine_similarity(A[i], B[j], dim=-1)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, or the dtypes differ.
    ValueError
        If an input is not at least 2-D or is empty, the vector sizes differ, the batch
        dimensions do not broadcast, or ``eps <= 0``.

    References
    ----------
    Manning, Raghavan & Schütze, *Introduction to Information Retrieval*, 2008, §6.3.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import cosine_similarity_matrix
    >>> A = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    >>> B = torch.tensor([[1.0, 1.0], [0.0, -2.0], [3.0, 0.0]])
    >>> [[round(v, 4) for v in row] for row in cosine_similarity_matrix(A, B).tolist()]
    [[0.7071, 0.0, 1.0], [0.7071, -1.0, 0.0]]
    """
    _checks.tensor(A, "A", min_ndim=2)
    _checks.tensor(B, "B", min_ndim=2)
    _same_dtype(A=A, B=B)
    _checks.same_device(A=A, B=B)
    eps = _checks.real(eps, "eps", positive=True)
    if A.shape[-1] != B.shape[-1]:
        raise ValueError(f"rows of A and B must have the same length, got shapes {tuple(A.shape)} and {tuple(B.shape)}")
    try:
        torch.broadcast_shapes(A.shape[:-2], B.shape[:-2])
    except RuntimeError:
        raise ValueError(f"batch dimensions of A and B must broadcast, got shapes {tuple(A.shape)} and "
                         f"{tuple(B.shape)}") from None
    Aw, Bw = _work(A), _work(B)
    An = Aw / l2_norm(Aw, dim=-1, keepdim=True).clamp_min(eps)  # unit rows
    Bn = Bw / l2_norm(Bw, dim=-1, keepdim=True).clamp_min(eps)
    return (An @ Bn.transpose(-2, -1)).to(A.dtype)  # (..., m, n)


def _qk(Q: torch.Tensor, K: torch.Tensor) -> None:
    _checks.tensor(Q, "Q", min_ndim=2)
    _checks.tensor(K, "K", min_ndim=2)
    _same_dtype(Q=Q, K=K)
    _checks.same_device(Q=Q, K=K)
    if Q.shape[-1] != K.shape[-1]:
        raise ValueError(f"Q and K must have the same last size d_k, got shapes {tuple(Q.shape)} and {tuple(K.shape)}")
    try:
        torch.broadcast_shapes(Q.shape[:-2], K.shape[:-2])
    except RuntimeError:
        raise ValueError(f"batch dimensions of Q and K must broadcast, got shapes "
                         f"{tuple(Q.shape)} and {tuple(K.shape)}") from None


def attention_scores(Q: torch.Tensor, K: torch.Tensor, scale: float | None = None) -> torch.Tensor:
    r"""Scaled dot-product attention scores (logits): every query dotted with every key.

    $$S = \frac{Q K^\top}{\sqrt{d_k}},\qquad S_{ij} = \frac{q_i \cdot k_j}{\sqrt{d_k}}$$

    Dividing by $\sqrt{d_k}$ keeps the scores' variance near 1 when the entries of $q$ and
    $k$ are independent with mean 0 and variance 1 (then $\operatorname{Var}(q\cdot k) = d_k$;
    with a nonzero mean the variance grows faster), so the softmax that follows does not
    saturate.

    Parameters
    ----------
    Q : torch.Tensor
        Queries, shape ``(..., L, d_k)``.
    K : torch.Tensor
        Keys, shape ``(..., S, d_k)``.
    scale : float or None, default None
        Factor applied to $QK^\top$; ``None`` means $1/\sqrt{d_k}$ (as in PyTorch).

    Returns
    -------
    torch.Tensor
        Shape ``(..., L, S)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, the dtypes differ, or ``scale`` is not a number.
    ValueError
        If an input has fewer than 2 dimensions or is empty, ``d_k`` differs, the batch
        dimensions do not broadcast, or ``scale <= 0``.

    References
    ----------
    Vaswani et al., "Attention Is All You Need", NeurIPS 2017, §3.2.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import attention_scores
    >>> Q = torch.tensor([[1.0, 0.0, 1.0, 0.0]])
    >>> K = torch.tensor([[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 1.0]])
    >>> attention_scores(Q, K).tolist()
    [[1.0, 0.0]]
    """
    _qk(Q, K)
    s = 1.0 / math.sqrt(Q.shape[-1]) if scale is None else _checks.real(scale, "scale", positive=True)
    return ((_work(Q) @ _work(K).transpose(-2, -1)) * s).to(Q.dtype)  # (..., L, S)


def causal_mask(L: int, S: int | None = None, device: torch.device | str | None = None) -> torch.Tensor:
    r"""Boolean causal mask: query $i$ may look at keys $j \le i$ only.

    $$M_{ij} = [\, j \le i \,]$$

    Parameters
    ----------
    L : int
        Number of queries (>= 1).
    S : int or None, default None
        Number of keys (>= 1); ``None`` means ``L``.
    device : torch.device, str or None, default None
        Where to create the mask.

    Returns
    -------
    torch.Tensor
        Boolean tensor of shape ``(L, S)``, ``True`` where attention is allowed; the mask
        ``is_causal=True`` builds inside ``torch.nn.functional.scaled_dot_product_attention``.

    Raises
    ------
    TypeError
        If ``L`` or ``S`` is not an int, or ``device`` is not a device, a string or None.
    ValueError
        If ``L`` or ``S`` is < 1, or ``device`` names no device available here.

    References
    ----------
    Vaswani et al., "Attention Is All You Need", NeurIPS 2017, §3.2.3.

    Examples
    --------
    >>> from aimath_ref.linalg import causal_mask
    >>> causal_mask(3).int().tolist()
    [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
    """
    _checks.integer(L, "L", minimum=1)
    S = L if S is None else _checks.integer(S, "S", minimum=1)
    dev = _checks.device(device)
    return torch.ones(L, S, dtype=torch.bool, device=dev).tril()


def attention(Q: torch.Tensor, K: torch.Tensor, V: torch.Tensor, mask: torch.Tensor | None = None,
              scale: float | None = None) -> torch.Tensor:
    r"""Scaled dot-product attention: a softmax-weighted average of the values.

    $$\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}} + M\right) V$$

    The mask $M$ is **added to the logits before the softmax**, never multiplied into the
    weights afterwards (that would leave rows that no longer sum to 1):

    * a boolean ``mask`` keeps positions where it is ``True`` and sets the others to
      $M_{ij} = -\infty$, so they get weight exactly 0;
    * a floating ``mask`` is added as it is (use ``-inf`` or a large negative number to block,
      other values to bias).

    A query whose keys are *all* blocked has no distribution to average over; its output
    row is defined as all zeros, which is what PyTorch returns too.

    Parameters
    ----------
    Q : torch.Tensor
        Queries, shape ``(..., L, d_k)``.
    K : torch.Tensor
        Keys, shape ``(..., S, d_k)``.
    V : torch.Tensor
        Values, shape ``(..., S, d_v)``.
    mask : torch.Tensor or None, default None
        Boolean or floating tensor broadcastable to ``(..., L, S)``.
    scale : float or None, default None
        Factor applied to $QK^\top$; ``None`` means $1/\sqrt{d_k}$.

    Returns
    -------
    torch.Tensor
        Shape ``(..., L, d_v)``; equal to
        ``torch.nn.functional.scaled_dot_product_attention(Q, K, V, attn_mask=mask, scale=scale)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, the dtypes differ, or ``mask`` is neither
        boolean nor of the inputs' dtype.
    ValueError
        If a shape is wrong (sizes named in the message), an input is empty, or ``scale <= 0``.

    References
    ----------
    Vaswani et al., "Attention Is All You Need", NeurIPS 2017, §3.2.1 and §3.2.3 (masking by
    setting the softmax input to $-\infty$).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import attention, causal_mask
    >>> Q = K = torch.eye(2)
    >>> V = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    >>> [[round(v, 4) for v in row] for row in attention(Q, K, V, mask=causal_mask(2)).tolist()]
    [[1.0, 0.0], [0.3302, 0.6698]]
    """
    _qk(Q, K)  # Q and K first, so a non-tensor Q is named before anything reads its dtype
    _checks.tensor(V, "V", min_ndim=2)
    _same_dtype(Q=Q, V=V)
    _checks.same_device(Q=Q, V=V)
    if V.shape[-2] != K.shape[-2]:
        raise ValueError(f"K and V must have the same number of positions S, got shapes "
                         f"{tuple(K.shape)} and {tuple(V.shape)}")
    try:
        torch.broadcast_shapes(Q.shape[:-2], K.shape[:-2], V.shape[:-2])
    except RuntimeError:
        raise ValueError(f"batch dimensions of Q, K and V must broadcast, got shapes {tuple(Q.shape)}, "
                         f"{tuple(K.shape)} and {tuple(V.shape)}") from None
    scores = attention_scores(Q, K, scale)  # (..., L, S)
    logits = _work(scores)
    if mask is not None:
        if not isinstance(mask, torch.Tensor):
            raise TypeError(f"mask must be a torch.Tensor or None, got {type(mask).__name__}")
        if mask.dtype != torch.bool and mask.dtype != Q.dtype:
            raise TypeError(f"mask must be boolean or have the dtype of Q ({Q.dtype}), got {mask.dtype}")
        _checks.same_device(Q=Q, mask=mask)
        try:
            torch.broadcast_shapes(mask.shape, scores.shape)
        except RuntimeError:
            raise ValueError(f"mask of shape {tuple(mask.shape)} does not broadcast to the scores' shape "
                             f"{tuple(scores.shape)}") from None
        if mask.dtype == torch.bool:
            additive = torch.zeros(mask.shape, dtype=logits.dtype, device=mask.device)
            mask = additive.masked_fill(~mask, float("-inf"))  # M_ij = 0 (keep) or -inf (block)
        logits = logits + _work(mask)  # added before the softmax
    # Softmax over the keys (one distribution per query).
    row_max = logits.amax(dim=-1, keepdim=True)
    blocked = torch.isneginf(row_max)  # rows with every key masked
    weights = softmax(logits.masked_fill(blocked, 0.0), dim=-1)  # aimath_ref.probability.softmax
    weights = weights.masked_fill(blocked, 0.0)  # defined output for fully masked rows: 0
    return (weights @ _work(V)).to(Q.dtype)  # (..., L, d_v)
