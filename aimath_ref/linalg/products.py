r"""Products of vectors and matrices: the operations every layer of a network is built from.

A dense layer is the affine map $y = Wx + b$; matrix multiplication is a grid of dot
products; the transpose lines shapes up ($QK^\top$); the Hadamard product multiplies entry
by entry (gates, dropout masks); the outer product $uv^\top$ builds a rank-1 matrix.
"""

from __future__ import annotations

import torch

from .. import _checks
from ..tables import Row, Table, register

__all__ = ["dot", "matmul_by_definition", "transpose", "hadamard", "outer", "linear", "OPERATIONS"]


def _work(x: torch.Tensor) -> torch.Tensor:
    # Half precision accumulates badly: compute in float32, cast back at the end.
    return x.float() if x.dtype in (torch.float16, torch.bfloat16) else x


def _same_dtype(**tensors: torch.Tensor) -> None:
    dtypes = {name: t.dtype for name, t in tensors.items()}
    if len(set(dtypes.values())) > 1:
        listed = ", ".join(f"{n} has {d}" for n, d in dtypes.items())
        raise TypeError(f"tensors must share one dtype, got {listed}")


def dot(u: torch.Tensor, v: torch.Tensor, dim: int = -1) -> torch.Tensor:
    r"""Dot (inner) product along one dimension: multiply matching entries, then add.

    $$u \cdot v = \sum_{i=1}^{n} u_i v_i = \lVert u\rVert_2\,\lVert v\rVert_2 \cos\theta$$

    Parameters
    ----------
    u, v : torch.Tensor
        Floating tensors of one dtype whose shapes broadcast; ``dim`` must have the same size in both.
    dim : int, default -1
        The dimension summed over.

    Returns
    -------
    torch.Tensor
        The broadcast shape without ``dim``; for 1-D inputs equal to ``torch.dot(u, v)``,
        in general to ``torch.linalg.vecdot(u, v, dim=dim)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, or the dtypes differ.
    ValueError
        If an input is empty, the shapes do not broadcast, ``dim`` is out of range, or the
        sizes along ``dim`` differ.

    References
    ----------
    Strang, *Introduction to Linear Algebra*, 5th ed., §1.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import dot
    >>> dot(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, -5.0, 6.0])).item()
    12.0
    """
    _checks.tensor(u, "u", min_ndim=1)
    _checks.tensor(v, "v", min_ndim=1)
    _same_dtype(u=u, v=v)
    _checks.same_device(u=u, v=v)
    ndim = max(u.ndim, v.ndim)
    d = _checks.dim(dim, ndim) - ndim  # negative index, valid in both after broadcasting
    if -d <= u.ndim and -d <= v.ndim and u.shape[d] != v.shape[d]:
        raise ValueError(f"u and v must have the same size along dim={dim}, got shapes "
                         f"{tuple(u.shape)} and {tuple(v.shape)}")
    try:
        torch.broadcast_shapes(u.shape, v.shape)
    except RuntimeError:
        raise ValueError(f"u and v must broadcast, got shapes {tuple(u.shape)} and {tuple(v.shape)}") from None
    return (_work(u) * _work(v)).sum(dim=d).to(u.dtype)  # sum_i u_i v_i


def matmul_by_definition(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    r"""Matrix product written out as row-by-column dot products (readable, not fast).

    $$C = AB,\qquad C_{ij} = \sum_{k=1}^{n} A_{ik} B_{kj} = (\text{row } i \text{ of } A)\cdot(\text{column } j \text{ of } B)$$

    For $A \in \mathbb R^{m\times n}$ and $B \in \mathbb R^{n\times p}$ the result is
    $m \times p$: the inner sizes must agree and disappear.

    Parameters
    ----------
    A : torch.Tensor
        Floating matrix of shape ``(m, n)``.
    B : torch.Tensor
        Floating matrix of shape ``(n, p)``, same dtype and device as ``A``.

    Returns
    -------
    torch.Tensor
        Shape ``(m, p)``; equal to ``A @ B``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, or the dtypes differ.
    ValueError
        If an input is not 2-D or is empty, or the inner dimensions differ (the message names both shapes).

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §1.1 (the dot-product form of matrix multiplication).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import matmul_by_definition
    >>> A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> B = torch.tensor([[5.0, 6.0], [7.0, 8.0]])
    >>> matmul_by_definition(A, B).tolist()
    [[19.0, 22.0], [43.0, 50.0]]
    """
    _checks.tensor(A, "A", ndim=2)
    _checks.tensor(B, "B", ndim=2)
    _same_dtype(A=A, B=B)
    _checks.same_device(A=A, B=B)
    (m, n), (n2, p) = A.shape, B.shape
    if n != n2:
        raise ValueError(f"inner dimensions must match: A has shape {tuple(A.shape)} and B has shape "
                         f"{tuple(B.shape)} ({n} columns vs {n2} rows)")
    Aw, Bw = _work(A), _work(B)
    C = torch.empty(m, p, dtype=Aw.dtype, device=A.device)
    for i in range(m):
        for j in range(p):
            C[i, j] = (Aw[i, :] * Bw[:, j]).sum()  # C_ij = row_i(A) . col_j(B)
    return C.to(A.dtype)


def transpose(A: torch.Tensor) -> torch.Tensor:
    r"""Transpose of a matrix (or of each matrix in a batch): rows become columns.

    $$A \in \mathbb R^{m\times n} \;\Rightarrow\; A^\top \in \mathbb R^{n\times m},\qquad (A^\top)_{ij} = A_{ji}$$

    Parameters
    ----------
    A : torch.Tensor
        Tensor of shape ``(..., m, n)`` (any dtype).

    Returns
    -------
    torch.Tensor
        Shape ``(..., n, m)``; equal to ``A.mT`` (a view, no copy).

    Raises
    ------
    TypeError
        If ``A`` is not a tensor.
    ValueError
        If ``A`` has fewer than 2 dimensions.

    References
    ----------
    Strang, *Introduction to Linear Algebra*, 5th ed., §2.7.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import transpose
    >>> transpose(torch.tensor([[1, 2, 3], [4, 5, 6]])).tolist()
    [[1, 4], [2, 5], [3, 6]]
    """
    _checks.tensor(A, "A", floating=False, min_ndim=2, nonempty=False)
    return A.transpose(-2, -1)  # (A^T)_ij = A_ji


def hadamard(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    r"""Hadamard (element-wise) product of two tensors of the same shape.

    $$(A \odot B)_{ij} = A_{ij} B_{ij}$$

    Unlike PyTorch's ``*``, the shapes must match exactly (no broadcasting), as in the
    mathematical definition.

    Parameters
    ----------
    A, B : torch.Tensor
        Floating tensors of one shape, dtype and device.

    Returns
    -------
    torch.Tensor
        Same shape; equal to ``A * B``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, or the dtypes differ.
    ValueError
        If an input is empty or the shapes differ.

    References
    ----------
    Horn & Johnson, *Topics in Matrix Analysis*, ch. 5 (the Hadamard product).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import hadamard
    >>> hadamard(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([0.0, 2.0, 2.0])).tolist()
    [0.0, 4.0, 6.0]
    """
    _checks.tensor(A, "A")
    _checks.tensor(B, "B")
    _same_dtype(A=A, B=B)
    _checks.same_device(A=A, B=B)
    if A.shape != B.shape:
        raise ValueError(f"A and B must have the same shape, got {tuple(A.shape)} and {tuple(B.shape)}")
    return A * B  # A_ij B_ij


def outer(u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    r"""Outer product of two vectors (batched over leading dimensions): a matrix of rank at most 1.

    $$u v^\top \in \mathbb R^{m\times n},\qquad (u v^\top)_{ij} = u_i v_j$$

    Every row is a multiple of $v^\top$, so $\operatorname{rank}(u v^\top) \le 1$, with
    equality exactly when $u \ne 0$ and $v \ne 0$.

    Parameters
    ----------
    u : torch.Tensor
        Floating tensor of shape ``(..., m)``.
    v : torch.Tensor
        Floating tensor of shape ``(..., n)``; leading dimensions broadcast with those of ``u``.

    Returns
    -------
    torch.Tensor
        Shape ``(..., m, n)``; for 1-D inputs equal to ``torch.outer(u, v)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, or the dtypes differ.
    ValueError
        If an input is 0-D or empty, or the leading dimensions do not broadcast.

    References
    ----------
    Strang, *Introduction to Linear Algebra*, 5th ed., §1.3 (rank-1 matrices).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import outer
    >>> outer(torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0, 5.0])).tolist()
    [[3.0, 4.0, 5.0], [6.0, 8.0, 10.0]]
    """
    _checks.tensor(u, "u", min_ndim=1)
    _checks.tensor(v, "v", min_ndim=1)
    _same_dtype(u=u, v=v)
    _checks.same_device(u=u, v=v)
    try:
        torch.broadcast_shapes(u.shape[:-1], v.shape[:-1])
    except RuntimeError:
        raise ValueError(f"leading dimensions of u and v must broadcast, got shapes "
                         f"{tuple(u.shape)} and {tuple(v.shape)}") from None
    return u.unsqueeze(-1) * v.unsqueeze(-2)  # (..., m, 1) * (..., 1, n) -> u_i v_j


def linear(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor | None = None) -> torch.Tensor:
    r"""A dense (fully connected) layer: the affine map $y = Wx + b$.

    $$y = W x + b,\qquad W \in \mathbb R^{d_\text{out}\times d_\text{in}},\ x \in \mathbb R^{d_\text{in}},\ b \in \mathbb R^{d_\text{out}}$$

    Same interface as ``torch.nn.functional.linear``: ``x`` holds one input per *row*
    (shape ``(..., d_in)``), so a batch is computed as $X W^\top + b$, which is $Wx + b$
    applied to every row.

    Parameters
    ----------
    x : torch.Tensor
        Inputs of shape ``(..., d_in)``.
    W : torch.Tensor
        Weights of shape ``(d_out, d_in)``.
    b : torch.Tensor or None, default None
        Bias of shape ``(d_out,)``; ``None`` means no bias.

    Returns
    -------
    torch.Tensor
        Shape ``(..., d_out)``; equal to ``torch.nn.functional.linear(x, W, b)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, or the dtypes differ.
    ValueError
        If a shape is wrong (the message names both shapes) or an input is empty.

    References
    ----------
    Goodfellow, Bengio & Courville, *Deep Learning*, MIT Press 2016, §6.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import linear
    >>> W = torch.tensor([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]])
    >>> linear(torch.tensor([1.0, 2.0, 3.0]), W, torch.tensor([0.5, 0.5])).tolist()
    [7.5, -0.5]
    """
    _checks.tensor(x, "x", min_ndim=1)
    _checks.tensor(W, "W", ndim=2)
    _same_dtype(x=x, W=W)
    _checks.same_device(x=x, W=W)
    if x.shape[-1] != W.shape[1]:
        raise ValueError(f"x has shape {tuple(x.shape)} but W has shape {tuple(W.shape)}: "
                         f"the last size of x must equal the number of columns of W")
    y = _work(x) @ _work(W).T  # (..., d_out): each row is W x
    if b is not None:
        _checks.tensor(b, "b", ndim=1)
        _same_dtype(x=x, b=b)
        _checks.same_device(x=x, b=b)
        if b.shape[0] != W.shape[0]:
            raise ValueError(f"b has shape {tuple(b.shape)} but W has shape {tuple(W.shape)}: "
                             f"b needs one entry per row of W")
        y = y + _work(b)  # + b, broadcast over the batch
    return y.to(x.dtype)


_A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
_B = torch.tensor([[0.0, 1.0], [1.0, 0.0]])


def _fmt(M: torch.Tensor) -> str:
    rows = ", ".join("[" + ", ".join(f"{v:g}" for v in r) + "]" for r in M.tolist())
    return f"$[{rows}]$"


OPERATIONS = register(Table(
    name="matrix_operations",
    title="Matrix operations",
    caption=r"Matrix operations and where they appear in machine learning; examples use "
            r"$A = [[1, 2], [3, 4]]$, $B = [[0, 1], [1, 0]]$, $u = (1, 2)$, $v = (3, 4)$.",
    columns=("Operation", "Notation", "Where in AI"),
    chapter="Linear Algebra",
    page="linear-algebra/matrix-operations.md",
    rows=(
        Row({"Operation": "Matrix multiply",
             "Notation": r"$C = AB$, $C_{ij} = \sum_k A_{ik}B_{kj}$",
             "Where in AI": r"Every dense layer ($Wx + b$); attention scores $QK^\top$ and the weighted sum of values"},
            impl=matmul_by_definition, example=lambda: "$AB$ = " + _fmt(matmul_by_definition(_A, _B))),
        Row({"Operation": "Transpose",
             "Notation": r"$A^\top$, $(A^\top)_{ij} = A_{ji}$",
             "Where in AI": r"$QK^\top$: turns the keys into columns so each query meets each key"},
            impl=transpose, example=lambda: r"$A^\top$ = " + _fmt(transpose(_A))),
        Row({"Operation": "Hadamard (element-wise)",
             "Notation": r"$A \odot B$, $(A\odot B)_{ij} = A_{ij}B_{ij}$",
             "Where in AI": r"LSTM/GRU gates (forget gate $\odot$ cell state); dropout masks. "
                            r"Attention masks are *added* to the logits instead"},
            impl=hadamard, example=lambda: r"$A \odot B$ = " + _fmt(hadamard(_A, _B))),
        Row({"Operation": "Outer product",
             "Notation": r"$uv^\top$, $(uv^\top)_{ij} = u_i v_j$",
             "Where in AI": r"Weight gradient of a dense layer ($\delta x^\top$); rank-1 terms "
                            r"$\sigma_i u_i v_i^\top$ of the SVD; the state $\sum_t k_t v_t^\top$ of linear attention"},
            impl=outer, example=lambda: r"$uv^\top$ = " + _fmt(outer(torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])))),
    ),
))
"""The matrix-operations table of the site: multiply, transpose, Hadamard and outer product, each row carrying its implementation."""
