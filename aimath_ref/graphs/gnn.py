r"""Message passing and the graph convolutional layer, on a dense adjacency matrix.

One round of message passing updates every node from its neighbours:

$$h_v^{(k+1)} = \mathrm{UPDATE}\Big(h_v^{(k)},\ \mathrm{AGG}\big\{\, h_u^{(k)} : u \in \mathcal{N}(v) \,\big\}\Big)$$

Row $v$ of the adjacency matrix lists the nodes $v$ listens to: $u \in \mathcal{N}(v)$ when
$A_{vu} \ne 0$. Stacking $K$ rounds lets information travel $K$ hops.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from .. import _checks
from ..linalg.products import _same_dtype, _work

__all__ = ["gcn_layer", "gcn_normalize", "message_passing"]


def _graph_and_features(A: torch.Tensor, H: torch.Tensor) -> int:
    _checks.tensor(A, "A", min_ndim=2)
    _checks.tensor(H, "H", min_ndim=2)
    _same_dtype(A=A, H=H)
    _checks.same_device(A=A, H=H)
    n = A.shape[-1]
    if A.shape[-2] != n:
        raise ValueError(f"A must be square in its last two dimensions, got shape {tuple(A.shape)}")
    if H.shape[-2] != n:
        raise ValueError(f"H must have one row per node of A ({n}), got shape {tuple(H.shape)}")
    try:
        torch.broadcast_shapes(A.shape[:-2], H.shape[:-2])
    except RuntimeError:
        raise ValueError(f"batch dimensions of A and H must broadcast, got shapes {tuple(A.shape)} "
                         f"and {tuple(H.shape)}") from None
    if not torch.isfinite(A).all():
        raise ValueError("A must be finite, got NaN or infinity")
    return n


def message_passing(A: torch.Tensor, H: torch.Tensor, aggregate: str = "sum") -> torch.Tensor:
    r"""Aggregate each node's incoming messages $A_{vu}\, h_u$ from its neighbours.

    $$m_v = \bigoplus_{u \,:\, A_{vu} \ne 0} A_{vu}\, h_u,\qquad \bigoplus \in \{\textstyle\sum,\ \mathrm{mean},\ \max\}$$

    ``"sum"`` is $AH$; ``"mean"`` divides by the number of neighbours $\lvert \mathcal{N}(v) \rvert$;
    ``"max"`` takes the element-wise maximum of the messages. A node without neighbours
    receives zeros. With a 0/1 matrix the messages are the neighbours' features; with
    weights they are scaled copies (a row-stochastic $A$ makes ``"sum"`` a weighted average:
    self-attention is this on the complete graph with softmax weights).

    Parameters
    ----------
    A : torch.Tensor
        Adjacency matrix ``(..., n, n)``; row $v$ holds the weights of the edges into $v$.
    H : torch.Tensor
        Node features ``(..., n, f)``, same dtype and device as ``A``.
    aggregate : {"sum", "mean", "max"}, default "sum"
        The permutation-invariant aggregation $\bigoplus$.

    Returns
    -------
    torch.Tensor
        Aggregated messages ``(..., n, f)`` (float16/bfloat16 are computed in float32).

    Raises
    ------
    TypeError
        If ``A`` or ``H`` is not a floating tensor or their dtypes differ.
    ValueError
        If ``A`` is not square or not finite, the node counts differ, batch dimensions do not
        broadcast, an input is empty, or ``aggregate`` is unknown.

    References
    ----------
    Gilmer et al., *Neural Message Passing for Quantum Chemistry*, ICML 2017;
    Hamilton, *Graph Representation Learning*, 2020, ch. 5.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.graphs import message_passing
    >>> A = torch.tensor([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    >>> H = torch.tensor([[1.0], [2.0], [4.0]])
    >>> message_passing(A, H, "sum").flatten().tolist()
    [6.0, 1.0, 1.0]
    >>> message_passing(A, H, "mean").flatten().tolist()
    [3.0, 1.0, 1.0]
    >>> message_passing(A, H, "max").flatten().tolist()
    [4.0, 1.0, 1.0]
    """
    _graph_and_features(A, H)
    _checks.choice(aggregate, "aggregate", ("sum", "mean", "max"))
    Aw, Hw = _work(A), _work(H)
    if aggregate == "max":
        msgs = Aw.unsqueeze(-1) * Hw.unsqueeze(-3)  # (..., n, n, f): message u -> v is A_vu h_u
        edge = (Aw != 0).unsqueeze(-1)
        out = msgs.masked_fill(~edge, float("-inf")).amax(dim=-2)
        out = out.masked_fill(~edge.any(dim=-2), 0.0)  # no neighbours: zeros
    else:
        out = Aw @ Hw  # (..., n, f): sum_u A_vu h_u
        if aggregate == "mean":
            deg = (Aw != 0).sum(dim=-1, keepdim=True)  # |N(v)|
            out = out / deg.clamp_min(1)
    return out.to(H.dtype)


def gcn_normalize(A: torch.Tensor, self_loops: bool = True) -> torch.Tensor:
    r"""The symmetric normalisation of a graph convolutional network.

    $$\hat A = \tilde D^{-1/2} \tilde A \tilde D^{-1/2},\qquad \tilde A = A + I,\quad \tilde D_{ii} = \sum_j \tilde A_{ij}$$

    Adding self-loops keeps each node's own features in the average; the two-sided scaling
    by degree keeps the eigenvalues of $\hat A$ in $(-1, 1]$, so repeated layers neither
    blow up nor vanish.

    Parameters
    ----------
    A : torch.Tensor
        Symmetric, nonnegative adjacency matrix ``(..., n, n)``.
    self_loops : bool, default True
        Use $\tilde A = A + I$; ``False`` normalises $A$ itself (isolated nodes then get 0).

    Returns
    -------
    torch.Tensor
        $\hat A$, same shape and dtype as ``A``.

    Raises
    ------
    TypeError
        If ``A`` is not a floating tensor or ``self_loops`` is not a bool.
    ValueError
        If ``A`` is empty, not square, not finite or has negative entries.

    References
    ----------
    Kipf & Welling, *Semi-Supervised Classification with Graph Convolutional Networks*, ICLR 2017, eq. (2).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.graphs import gcn_normalize
    >>> [[round(v, 4) for v in row] for row in gcn_normalize(torch.tensor([[0.0, 1.0], [1.0, 0.0]])).tolist()]
    [[0.5, 0.5], [0.5, 0.5]]
    """
    _checks.tensor(A, "A", min_ndim=2)
    if A.shape[-1] != A.shape[-2]:
        raise ValueError(f"A must be square in its last two dimensions, got shape {tuple(A.shape)}")
    if not isinstance(self_loops, bool):
        raise TypeError(f"self_loops must be a bool, got {self_loops!r}")
    if not torch.isfinite(A).all():
        raise ValueError("A must be finite, got NaN or infinity")
    if (A < 0).any():
        raise ValueError(f"A must be nonnegative, got a minimum entry of {A.min().item()}")
    At = _work(A)
    if self_loops:
        At = At + torch.eye(A.shape[-1], dtype=At.dtype, device=At.device)  # Ã = A + I
    deg = At.sum(dim=-1)  # D̃_ii
    inv_sqrt = torch.where(deg > 0, deg.rsqrt(), torch.zeros_like(deg))  # D̃^{-1/2}, 0 for isolated nodes
    return (inv_sqrt.unsqueeze(-1) * At * inv_sqrt.unsqueeze(-2)).to(A.dtype)


def gcn_layer(A: torch.Tensor, H: torch.Tensor, W: torch.Tensor,
              activation: Callable[[torch.Tensor], torch.Tensor] | None = torch.relu) -> torch.Tensor:
    r"""One graph convolutional layer (Kipf & Welling).

    $$H^{(l+1)} = \sigma\big(\tilde D^{-1/2} \tilde A \tilde D^{-1/2} H^{(l)} W^{(l)}\big)$$

    Each node averages its own and its neighbours' features with weights
    $1/\sqrt{\tilde d_u \tilde d_v}$ (see `gcn_normalize`), then every node applies
    the same linear map $W$ and nonlinearity $\sigma$. Because the weights are shared, the
    layer works for any number of nodes and does not depend on how they are numbered.

    Parameters
    ----------
    A : torch.Tensor
        Symmetric, nonnegative adjacency matrix ``(..., n, n)`` without self-loops.
    H : torch.Tensor
        Node features ``(..., n, f_in)``.
    W : torch.Tensor
        Weights ``(f_in, f_out)``.
    activation : callable or None, default torch.relu
        $\sigma$; ``None`` for the identity.

    Returns
    -------
    torch.Tensor
        ``(..., n, f_out)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, dtypes differ, or ``activation`` is not callable.
    ValueError
        If shapes do not fit (sizes named in the message), an input is empty, or ``A`` is not
        finite or has negative entries.

    References
    ----------
    Kipf & Welling, *Semi-Supervised Classification with Graph Convolutional Networks*, ICLR 2017, eq. (2).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.graphs import gcn_layer
    >>> A = torch.tensor([[0.0, 1.0], [1.0, 0.0]])
    >>> H = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    >>> [[round(v, 4) for v in row] for row in gcn_layer(A, H, torch.eye(2)).tolist()]
    [[0.5, 0.5], [0.5, 0.5]]
    """
    _graph_and_features(A, H)
    _checks.tensor(W, "W", ndim=2)
    _same_dtype(H=H, W=W)
    _checks.same_device(H=H, W=W)
    if W.shape[0] != H.shape[-1]:
        raise ValueError(f"W must have one row per feature of H ({H.shape[-1]}), got shape {tuple(W.shape)}")
    if activation is not None and not callable(activation):
        raise TypeError(f"activation must be callable or None, got {activation!r}")
    A_hat = _work(gcn_normalize(A))  # D̃^{-1/2} Ã D̃^{-1/2}
    out = A_hat @ (_work(H) @ _work(W))  # (..., n, f_out)
    if activation is not None:
        out = activation(out)
    return out.to(H.dtype)
