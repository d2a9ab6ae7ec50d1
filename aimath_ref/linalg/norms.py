r"""Vector and matrix norms: the "size" of a vector or a weight matrix.

A norm $\lVert\cdot\rVert$ is a map to $[0, \infty)$ that is zero only at the zero vector,
scales with $\lVert a x \rVert = \lvert a \rvert \lVert x \rVert$, and obeys the triangle
inequality $\lVert x + y \rVert \le \lVert x \rVert + \lVert y \rVert$.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import torch

from .. import _checks
from ..tables import Row, Table, register

__all__ = ["l1_norm", "l2_norm", "linf_norm", "frobenius_norm", "norm", "NORMS"]

Dim = int | Sequence[int] | None


def _dims(x: torch.Tensor, dim: Dim) -> tuple[int, ...] | None:
    if dim is None:
        return None
    dims = (dim,) if isinstance(dim, int) and not isinstance(dim, bool) else dim
    if not isinstance(dims, Sequence) or len(dims) == 0:
        raise TypeError(f"dim must be None, an int or a non-empty sequence of ints, got {dim!r}")
    out = tuple(_checks.dim(d, x.ndim, "dim") for d in dims)
    if len(set(out)) != len(out):
        raise ValueError(f"dim must not repeat a dimension, got {dim!r}")
    return out


def _prepare(x: torch.Tensor, dim: Dim, keepdim: bool) -> tuple[torch.Tensor, tuple[int, ...] | None]:
    _checks.tensor(x, "x")
    dims = _dims(x, dim)
    if dims is None and keepdim:
        raise ValueError("keepdim=True needs an explicit dim, got dim=None")
    # Half precision accumulates badly: compute in float32, return in the input's dtype.
    work = x.float() if x.dtype in (torch.float16, torch.bfloat16) else x
    return work, dims


def _reduce(values: torch.Tensor, op: str, dims: tuple[int, ...] | None, keepdim: bool) -> torch.Tensor:
    if dims is None:
        values = values.reshape(-1)
        dims = (0,)
    if op == "sum":
        return values.sum(dim=dims, keepdim=keepdim)
    return values.amax(dim=dims, keepdim=keepdim)


def l1_norm(x: torch.Tensor, dim: Dim = None, keepdim: bool = False) -> torch.Tensor:
    r"""L1 (Manhattan, taxicab) norm: the sum of absolute values.

    $$\lVert x \rVert_1 = \sum_i \lvert x_i \rvert$$

    Parameters
    ----------
    x : torch.Tensor
        Floating tensor of any shape.
    dim : int, sequence of int or None, default None
        Dimensions to reduce; ``None`` treats the whole tensor as one vector.
    keepdim : bool, default False
        Keep the reduced dimensions with size 1 (needs an explicit ``dim``).

    Returns
    -------
    torch.Tensor
        The norms, in the dtype of ``x``; equal to ``torch.linalg.vector_norm(x, 1, dim)``.

    Raises
    ------
    TypeError
        If ``x`` is not a floating tensor or ``dim`` is not an int/sequence of ints.
    ValueError
        If ``x`` is empty or ``dim`` is out of range or repeated.

    References
    ----------
    Horn & Johnson, *Matrix Analysis*, 2nd ed., §5.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import l1_norm
    >>> l1_norm(torch.tensor([3.0, -4.0])).item()
    7.0
    """
    work, dims = _prepare(x, dim, keepdim)
    return _reduce(work.abs(), "sum", dims, keepdim).to(x.dtype)


def linf_norm(x: torch.Tensor, dim: Dim = None, keepdim: bool = False) -> torch.Tensor:
    r"""L∞ (max) norm: the largest absolute value.

    $$\lVert x \rVert_\infty = \max_i \lvert x_i \rvert = \lim_{p\to\infty} \lVert x \rVert_p$$

    Parameters
    ----------
    x : torch.Tensor
        Floating tensor of any shape.
    dim : int, sequence of int or None, default None
        Dimensions to reduce; ``None`` treats the whole tensor as one vector.
    keepdim : bool, default False
        Keep the reduced dimensions with size 1 (needs an explicit ``dim``).

    Returns
    -------
    torch.Tensor
        The norms; equal to ``torch.linalg.vector_norm(x, float("inf"), dim)``.

    Raises
    ------
    TypeError
        If ``x`` is not a floating tensor.
    ValueError
        If ``x`` is empty or ``dim`` is out of range or repeated.

    References
    ----------
    Horn & Johnson, *Matrix Analysis*, 2nd ed., §5.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import linf_norm
    >>> linf_norm(torch.tensor([3.0, -4.0])).item()
    4.0
    """
    work, dims = _prepare(x, dim, keepdim)
    return _reduce(work.abs(), "max", dims, keepdim).to(x.dtype)


def l2_norm(x: torch.Tensor, dim: Dim = None, keepdim: bool = False) -> torch.Tensor:
    r"""L2 (Euclidean) norm: the straight-line length.

    $$\lVert x \rVert_2 = \sqrt{\sum_i x_i^2}$$

    Computed as $s\sqrt{\sum_i (x_i/s)^2}$ with $s = \lVert x \rVert_\infty$, so entries
    near the largest float do not overflow when squared.

    Parameters
    ----------
    x : torch.Tensor
        Floating tensor of any shape.
    dim : int, sequence of int or None, default None
        Dimensions to reduce; ``None`` treats the whole tensor as one vector.
    keepdim : bool, default False
        Keep the reduced dimensions with size 1 (needs an explicit ``dim``).

    Returns
    -------
    torch.Tensor
        The norms; equal to ``torch.linalg.vector_norm(x, 2, dim)``.

    Raises
    ------
    TypeError
        If ``x`` is not a floating tensor.
    ValueError
        If ``x`` is empty or ``dim`` is out of range or repeated.

    References
    ----------
    Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §21.8 (scaled 2-norm).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import l2_norm
    >>> l2_norm(torch.tensor([3.0, -4.0])).item()
    5.0
    """
    work, dims = _prepare(x, dim, keepdim)
    scale = _reduce(work.abs(), "max", dims, keepdim=True) if dims is not None else work.abs().max()
    safe = torch.where(scale > 0, scale, torch.ones_like(scale))  # s, or 1 where x is all zeros
    ratio_sq = (work / safe) ** 2
    out = safe * _reduce(ratio_sq, "sum", dims, keepdim=True).sqrt() if dims is not None \
        else safe * ratio_sq.sum().sqrt()
    if dims is not None and not keepdim:
        out = out.squeeze(dims)
    return out.to(x.dtype)


def frobenius_norm(A: torch.Tensor) -> torch.Tensor:
    r"""Frobenius norm of a matrix, or of each matrix in a batch: the L2 norm of all entries.

    $$\lVert A \rVert_F = \sqrt{\sum_{i,j} A_{ij}^2} = \sqrt{\operatorname{tr}(A^\top A)} = \sqrt{\textstyle\sum_k \sigma_k^2}$$

    Parameters
    ----------
    A : torch.Tensor
        Floating tensor of shape ``(..., m, n)``.

    Returns
    -------
    torch.Tensor
        Shape ``(...)``; equal to ``torch.linalg.matrix_norm(A, "fro")``.

    Raises
    ------
    TypeError
        If ``A`` is not a floating tensor.
    ValueError
        If ``A`` has fewer than 2 dimensions or is empty.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §2.3.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import frobenius_norm
    >>> round(frobenius_norm(torch.tensor([[1.0, 2.0], [3.0, 4.0]])).item(), 4)
    5.4772
    """
    _checks.tensor(A, "A", min_ndim=2)
    return l2_norm(A, dim=(-2, -1))


NormKind = Literal["l1", "l2", "linf", "fro"]
_KINDS = {"l1": l1_norm, "l2": l2_norm, "linf": linf_norm}


def norm(x: torch.Tensor, kind: NormKind = "l2", dim: Dim = None, keepdim: bool = False) -> torch.Tensor:
    r"""One entry point for the norms of this module.

    Parameters
    ----------
    x : torch.Tensor
        Floating tensor.
    kind : {"l1", "l2", "linf", "fro"}, default "l2"
        Which norm: $\lVert x\rVert_1$, $\lVert x\rVert_2$, $\lVert x\rVert_\infty$ or $\lVert A\rVert_F$
        (``"fro"`` reduces the last two dimensions and takes no ``dim``).
    dim : int, sequence of int or None, default None
        Dimensions to reduce for the vector norms.
    keepdim : bool, default False
        Keep the reduced dimensions.

    Returns
    -------
    torch.Tensor
        The chosen norm.

    Raises
    ------
    ValueError
        If ``kind`` is not one of the four names, or ``"fro"`` gets a ``dim``.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import norm
    >>> x = torch.tensor([3.0, -4.0])
    >>> [norm(x, k).item() for k in ("l1", "l2", "linf")]
    [7.0, 5.0, 4.0]
    """
    _checks.choice(kind, "kind", ("l1", "l2", "linf", "fro"))
    if kind == "fro":
        if dim is not None or keepdim:
            raise ValueError(f"kind='fro' always reduces the last two dimensions; got dim={dim!r}, keepdim={keepdim}")
        return frobenius_norm(x)
    return _KINDS[kind](x, dim=dim, keepdim=keepdim)


def _vec_example(fn) -> str:  # type: ignore[no-untyped-def]
    value = fn(torch.tensor([3.0, -4.0])).item()
    return f"$x = (3, -4)$: ${value:g}$"


NORMS = register(Table(
    name="norms",
    title="Vector and matrix norms",
    caption="Vector and matrix norms, with where each one shows up in machine learning.",
    columns=("Norm", "Formula", "Intuition", "Where in AI"),
    chapter="Linear Algebra",
    page="linear-algebra/norms.md",
    rows=(
        Row({"Norm": "L1 (Manhattan)",
             "Formula": r"$\lVert x\rVert_1 = \sum_i \lvert x_i\rvert$",
             "Intuition": "Distance walked along a street grid: sum of absolute coordinates",
             "Where in AI": "L1 penalty (Lasso) pushes weights to exactly zero; sparse features"},
            impl=l1_norm, example=lambda: _vec_example(l1_norm)),
        Row({"Norm": "L2 (Euclidean)",
             "Formula": r"$\lVert x\rVert_2 = \sqrt{\sum_i x_i^2}$",
             "Intuition": "Straight-line length of the arrow",
             "Where in AI": r"L2 penalty $\lambda\lVert w\rVert_2^2$ (weight decay under SGD); clipping the global gradient norm"},
            impl=l2_norm, example=lambda: _vec_example(l2_norm)),
        Row({"Norm": "Frobenius",
             "Formula": r"$\lVert A\rVert_F = \sqrt{\sum_{i,j} A_{ij}^2}$",
             "Intuition": "L2 length of a matrix read as one long vector",
             "Where in AI": "Penalties on weight matrices; low-rank (LoRA) approximation error"},
            impl=frobenius_norm,
            example=lambda: "$A = [[1, 2], [3, 4]]$: $%.4f$" % frobenius_norm(torch.tensor([[1.0, 2.0], [3.0, 4.0]])).item()),
        Row({"Norm": r"Max ($L_\infty$)",
             "Formula": r"$\lVert x\rVert_\infty = \max_i \lvert x_i\rvert$",
             "Intuition": "The single largest coordinate, in absolute value",
             "Where in AI": r"$L_\infty$-bounded adversarial perturbations (FGSM, PGD); clipping each gradient entry by value"},
            impl=linf_norm, example=lambda: _vec_example(linf_norm)),
    ),
))
"""The norms table (L1, L2, Frobenius, L∞), rendered on the Norms page and the Reference page."""
