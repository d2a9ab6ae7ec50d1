r"""Eigendecomposition and singular value decomposition: the natural axes of a matrix.

An eigenvector $v$ of a square matrix is only scaled, $Av = \lambda v$. A real symmetric
matrix has an orthonormal basis of them (spectral theorem, $A = Q\Lambda Q^\top$). Every
matrix, square or not, has an SVD $A = U\Sigma V^\top$, and cutting it after $k$ terms gives
the best rank-$k$ approximation (Eckart–Young–Mirsky).
"""

from __future__ import annotations

import torch

from .. import _checks
from .products import _same_dtype, _work

__all__ = ["eigen_residual", "eigen_reconstruct", "spectral_decomposition", "power_iteration",
           "low_rank_approx", "low_rank_error"]


def _square(A: torch.Tensor, name: str = "A") -> torch.Tensor:
    _checks.tensor(A, name, min_ndim=2)
    if A.shape[-1] != A.shape[-2]:
        raise ValueError(f"{name} must be square (..., n, n), got shape {tuple(A.shape)}")
    return A


def eigen_residual(A: torch.Tensor, v: torch.Tensor, lam: torch.Tensor | float) -> torch.Tensor:
    r"""How far $(\lambda, v)$ is from being an eigenpair of $A$: the length of $Av - \lambda v$.

    $$r = \lVert A v - \lambda v \rVert_2,\qquad r = 0 \iff A v = \lambda v$$

    Parameters
    ----------
    A : torch.Tensor
        Square matrices, shape ``(..., n, n)``.
    v : torch.Tensor
        Candidate eigenvectors, shape ``(..., n)``.
    lam : torch.Tensor or float
        Candidate eigenvalues, shape ``(...)`` or a number.

    Returns
    -------
    torch.Tensor
        Shape ``(...)``: the residual norms.

    Raises
    ------
    TypeError
        If an input is not a floating tensor, or the dtypes differ.
    ValueError
        If ``A`` is not square or is empty, ``v`` does not have ``n`` entries, or the batch
        dimensions of ``A`` (``...``), ``v`` (``...``) and ``lam`` (its shape) do not broadcast.

    References
    ----------
    Strang, *Introduction to Linear Algebra*, 5th ed., §6.1.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import eigen_residual
    >>> A = torch.tensor([[2.0, 1.0], [1.0, 2.0]])
    >>> eigen_residual(A, torch.tensor([1.0, 1.0]), 3.0).item()
    0.0
    >>> round(eigen_residual(A, torch.tensor([1.0, 0.0]), 2.0).item(), 4)
    1.0
    """
    _square(A)
    _checks.tensor(v, "v", min_ndim=1)
    _same_dtype(A=A, v=v)
    _checks.same_device(A=A, v=v)
    if v.shape[-1] != A.shape[-1]:
        raise ValueError(f"v must have {A.shape[-1]} entries to match A of shape {tuple(A.shape)}, "
                         f"got shape {tuple(v.shape)}")
    if isinstance(lam, torch.Tensor):
        _checks.tensor(lam, "lam", nonempty=False)
        _checks.same_device(A=A, lam=lam)
        lam_w = _work(lam).unsqueeze(-1)
        lam_batch = tuple(lam.shape)
    else:
        lam_w = _checks.real(lam, "lam")
        lam_batch = ()
    try:
        torch.broadcast_shapes(A.shape[:-2], v.shape[:-1], lam_batch)
    except RuntimeError:
        raise ValueError(f"batch dimensions of A, v and lam must broadcast, got shapes {tuple(A.shape)}, "
                         f"{tuple(v.shape)} and {lam_batch}") from None
    Aw, vw = _work(A), _work(v)
    Av = (Aw @ vw.unsqueeze(-1)).squeeze(-1)  # A v
    return torch.linalg.vector_norm(Av - lam_w * vw, dim=-1).to(A.dtype)  # ||Av - lambda v||


def eigen_reconstruct(eigenvalues: torch.Tensor, Q: torch.Tensor) -> torch.Tensor:
    r"""Rebuild a diagonalisable matrix from its eigenvalues and eigenvectors.

    $$A = Q \Lambda Q^{-1},\qquad \Lambda = \operatorname{diag}(\lambda_1, \dots, \lambda_n)$$

    The columns of $Q$ are the eigenvectors; they must be linearly independent so that
    $Q^{-1}$ exists. Real or complex inputs are accepted (``torch.linalg.eig`` returns
    complex ones even for a real matrix).

    Parameters
    ----------
    eigenvalues : torch.Tensor
        Shape ``(..., n)``.
    Q : torch.Tensor
        Eigenvectors as columns, shape ``(..., n, n)``, same dtype as ``eigenvalues``.

    Returns
    -------
    torch.Tensor
        $Q\Lambda Q^{-1}$, shape ``(..., n, n)``, computed with a linear solve instead of an explicit inverse.

    Raises
    ------
    TypeError
        If an input is not a floating or complex tensor, or the dtypes differ.
    ValueError
        If the shapes do not match, or $Q$ is singular (no eigendecomposition).

    References
    ----------
    Horn & Johnson, *Matrix Analysis*, 2nd ed., §1.3 (diagonalisability).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import eigen_reconstruct
    >>> L, Q = torch.linalg.eig(torch.tensor([[4.0, 1.0], [2.0, 3.0]]))
    >>> [[round(v, 4) for v in row] for row in eigen_reconstruct(L, Q).real.tolist()]
    [[4.0, 1.0], [2.0, 3.0]]
    """
    for name, t in (("eigenvalues", eigenvalues), ("Q", Q)):
        if not isinstance(t, torch.Tensor):
            raise TypeError(f"{name} must be a torch.Tensor, got {type(t).__name__}")
        if not (t.is_floating_point() or t.is_complex()) or t.dtype in (torch.float16, torch.bfloat16):
            raise TypeError(f"{name} must be float32/float64 or complex, got {t.dtype}")
    _same_dtype(eigenvalues=eigenvalues, Q=Q)
    _checks.same_device(eigenvalues=eigenvalues, Q=Q)
    _square(Q.real if Q.is_complex() else Q, "Q")
    if eigenvalues.shape != Q.shape[:-1]:
        raise ValueError(f"eigenvalues must have shape {tuple(Q.shape[:-1])} to match Q of shape "
                         f"{tuple(Q.shape)}, got {tuple(eigenvalues.shape)}")
    QL = Q * eigenvalues.unsqueeze(-2)  # Q Lambda: column j scaled by lambda_j
    try:
        # Q Lambda Q^{-1} = (Q^{-T} (Q Lambda)^T)^T, i.e. solve X Q = Q Lambda for X.
        return torch.linalg.solve(Q, QL, left=False)
    except RuntimeError as exc:
        raise ValueError(f"Q must be invertible (eigenvectors linearly independent): {exc}") from None


def spectral_decomposition(A: torch.Tensor, atol: float = 1e-6) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Eigendecomposition of a real symmetric matrix (spectral theorem).

    $$A = A^\top \;\Rightarrow\; A = Q \Lambda Q^\top,\qquad Q^\top Q = I,\ \lambda_i \in \mathbb R$$

    Eigenvalues are returned largest first, the order PCA wants. When an eigenvalue repeats,
    its eigenvectors are not unique; the ones returned are *one* orthonormal choice.

    Parameters
    ----------
    A : torch.Tensor
        Real symmetric matrices, shape ``(..., n, n)``.
    atol : float, default 1e-6
        Tolerance of the symmetry check, relative to the largest entry of ``A``.

    Returns
    -------
    eigenvalues : torch.Tensor
        Shape ``(..., n)``, in descending order.
    Q : torch.Tensor
        Shape ``(..., n, n)``, orthonormal eigenvectors as columns (column ``i`` goes with
        ``eigenvalues[..., i]``); the same as ``torch.linalg.eigh`` in reverse order.

    Raises
    ------
    TypeError
        If ``A`` is not a floating tensor.
    ValueError
        If ``A`` is not square, empty, has a NaN or infinite entry, is not symmetric within
        ``atol``, or ``atol < 0``.

    References
    ----------
    Horn & Johnson, *Matrix Analysis*, 2nd ed., Thm 4.1.5; Strang, *Introduction to Linear Algebra*, 5th ed., §6.4.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import spectral_decomposition
    >>> L, Q = spectral_decomposition(torch.tensor([[2.0, 1.0], [1.0, 2.0]]))
    >>> [round(v, 4) for v in L.tolist()]
    [3.0, 1.0]
    """
    _square(A)
    _checks.finite(A.detach(), "A")  # eigh/SVD on NaN or inf give garbage or a LinAlgError
    atol = _checks.real(atol, "atol", nonnegative=True)
    Aw = _work(A)
    scale = Aw.abs().amax().clamp_min(1.0)
    gap = (Aw - Aw.transpose(-2, -1)).abs().amax()
    if gap > atol * scale:
        raise ValueError(f"A must be symmetric, got max |A - A^T| = {gap.item():.3g} (atol={atol})")
    L, Q = torch.linalg.eigh(Aw)  # ascending
    return L.flip(-1).to(A.dtype), Q.flip(-1).to(A.dtype)


def power_iteration(A: torch.Tensor, num_iters: int = 200, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    r"""Largest-magnitude eigenvalue and its eigenvector by repeated multiplication.

    $$v_{t+1} = \frac{A v_t}{\lVert A v_t\rVert_2},\qquad \lambda \approx v_t^\top A v_t$$

    Each multiplication stretches $v$ most along the dominant eigenvector, so the other
    directions fade at the rate $\lvert\lambda_2/\lambda_1\rvert^t$. Meant for symmetric
    matrices (covariance matrices), where the Rayleigh quotient above is the eigenvalue.

    Parameters
    ----------
    A : torch.Tensor
        Square matrices, shape ``(..., n, n)``.
    num_iters : int, default 200
        Number of multiplications (>= 1).
    seed : int, default 0
        Seed of the random start vector (drawn on the CPU).

    Returns
    -------
    eigenvalue : torch.Tensor
        Shape ``(...)``.
    eigenvector : torch.Tensor
        Shape ``(..., n)``, unit length, sign chosen so its largest-magnitude entry is positive.

    Raises
    ------
    TypeError
        If ``A`` is not a floating tensor or an integer argument is not an int.
    ValueError
        If ``A`` is not square, is empty or has a NaN or infinite entry, ``num_iters < 1`` or
        ``seed < 0``.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., §7.3.1 (the power method).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import power_iteration
    >>> lam, v = power_iteration(torch.tensor([[2.0, 1.0], [1.0, 2.0]]))
    >>> round(lam.item(), 4), [round(x, 4) for x in v.tolist()]
    (3.0, [0.7071, 0.7071])
    """
    _square(A)
    _checks.finite(A.detach(), "A")  # eigh/SVD on NaN or inf give garbage or a LinAlgError
    _checks.integer(num_iters, "num_iters", minimum=1)
    _checks.integer(seed, "seed", minimum=0)
    Aw = _work(A)
    gen = torch.Generator(device="cpu").manual_seed(seed)
    v = torch.randn(A.shape[:-1], generator=gen, dtype=torch.float64).to(device=A.device, dtype=Aw.dtype)
    v = v / torch.linalg.vector_norm(v, dim=-1, keepdim=True)
    for _ in range(num_iters):
        w = (Aw @ v.unsqueeze(-1)).squeeze(-1)  # A v_t
        v = w / torch.linalg.vector_norm(w, dim=-1, keepdim=True).clamp_min(torch.finfo(Aw.dtype).tiny)
    lam = (v * (Aw @ v.unsqueeze(-1)).squeeze(-1)).sum(-1)  # Rayleigh quotient v^T A v
    idx = v.abs().argmax(dim=-1, keepdim=True)
    v = v * torch.sign(v.gather(-1, idx))  # sign convention
    return lam.to(A.dtype), v.to(A.dtype)


def _check_rank(A: torch.Tensor, k: int) -> torch.Tensor:
    _checks.tensor(A, "A", min_ndim=2)
    _checks.finite(A.detach(), "A")
    _checks.integer(k, "k", minimum=0, maximum=min(A.shape[-2], A.shape[-1]))
    return _work(A)  # SVD has no half-precision kernel: work in float32 at least


def low_rank_approx(A: torch.Tensor, k: int) -> torch.Tensor:
    r"""Best rank-$k$ approximation of a matrix: its SVD cut after the $k$ largest singular values.

    $$A = U\Sigma V^\top = \sum_{i=1}^{r} \sigma_i u_i v_i^\top,\qquad
    A_k = \sum_{i=1}^{k} \sigma_i u_i v_i^\top = \operatorname*{arg\,min}_{\operatorname{rank}(B) \le k} \lVert A - B\rVert_F$$

    By the Eckart–Young–Mirsky theorem no rank-$k$ matrix is closer to $A$, in the
    Frobenius norm or in the spectral norm; see `low_rank_error` for the error.

    Parameters
    ----------
    A : torch.Tensor
        Floating matrices, shape ``(..., m, n)``.
    k : int
        Rank kept, ``0 <= k <= min(m, n)``.

    Returns
    -------
    torch.Tensor
        $A_k$, same shape and dtype as ``A``.

    Raises
    ------
    TypeError
        If ``A`` is not a floating tensor or ``k`` is not an int.
    ValueError
        If ``A`` has fewer than 2 dimensions, is empty or has a NaN or infinite entry, or ``k``
        is out of range.

    References
    ----------
    Eckart & Young, "The approximation of one matrix by another of lower rank",
    *Psychometrika* 1 (1936); Golub & Van Loan, *Matrix Computations*, 4th ed., §2.4.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import low_rank_approx
    >>> A = torch.tensor([[3.0, 0.0], [0.0, 1.0]])
    >>> low_rank_approx(A, 1).tolist()
    [[3.0, 0.0], [0.0, 0.0]]
    """
    U, S, Vh = torch.linalg.svd(_check_rank(A, k), full_matrices=False)  # A = U diag(S) V^T
    Ak = (U[..., :, :k] * S[..., None, :k]) @ Vh[..., :k, :]  # sum_{i<=k} sigma_i u_i v_i^T
    return Ak.to(A.dtype)


def low_rank_error(A: torch.Tensor, k: int) -> torch.Tensor:
    r"""Frobenius error of the best rank-$k$ approximation, read off the discarded singular values.

    $$\lVert A - A_k\rVert_F = \sqrt{\sum_{i=k+1}^{r} \sigma_i^2}$$

    Parameters
    ----------
    A : torch.Tensor
        Floating matrices, shape ``(..., m, n)``.
    k : int
        Rank kept, ``0 <= k <= min(m, n)``.

    Returns
    -------
    torch.Tensor
        Shape ``(...)``.

    Raises
    ------
    TypeError
        If ``A`` is not a floating tensor or ``k`` is not an int.
    ValueError
        If ``A`` has fewer than 2 dimensions, is empty or has a NaN or infinite entry, or ``k``
        is out of range.

    References
    ----------
    Eckart & Young (1936); Mirsky, "Symmetric gauge functions and unitarily invariant norms",
    *Q. J. Math.* 11 (1960).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.linalg import low_rank_error
    >>> A = torch.diag(torch.tensor([4.0, 3.0, 2.0]))
    >>> round(low_rank_error(A, 1).item(), 4)
    3.6056
    """
    S = torch.linalg.svdvals(_check_rank(A, k))  # sigma_1 >= ... >= sigma_r
    return S[..., k:].square().sum(-1).sqrt().to(A.dtype)
