r"""Hidden Markov models: the forward algorithm in log space.

A hidden state $z_t$ follows a Markov chain (initial distribution $\pi$, transition matrix
$A$) and emits a symbol $x_t$ with probabilities $B$:

$$p(x_{1:T}) = \sum_{z_{1:T}} \pi_{z_1} B_{z_1 x_1} \prod_{t=2}^{T} A_{z_{t-1} z_t} B_{z_t x_t}$$

The sum has $S^T$ terms; the forward recursion computes it in $O(T S^2)$.
"""

from __future__ import annotations

from typing import NamedTuple

import torch

from .. import _checks

__all__ = ["HMMForward", "hmm_forward"]


class HMMForward(NamedTuple):
    """What :func:`hmm_forward` returns.

    Attributes
    ----------
    log_alpha : torch.Tensor
        ``(T, S)``: $\\log \\alpha_t(s) = \\log p(x_{1:t}, z_t = s)$.
    log_likelihood : torch.Tensor
        0-D: $\\log p(x_{1:T})$ ($-\\infty$ if the sequence is impossible).
    """

    log_alpha: torch.Tensor
    log_likelihood: torch.Tensor


def _stochastic(p: torch.Tensor, name: str, ndim: int) -> torch.Tensor:
    _checks.tensor(p, name, ndim=ndim)
    q = p.double()
    if not torch.isfinite(q).all() or (q < 0).any():
        raise ValueError(f"{name} must be finite and >= 0, got {p.flatten()[:6].tolist()}")
    sums = q.sum(-1)
    if ((sums - 1).abs() > 1e-5).any():
        what = "sum to 1" if ndim == 1 else "have rows that sum to 1"
        raise ValueError(f"{name} must {what}, got sums {sums.flatten()[:6].tolist()}")
    return p


def hmm_forward(pi: torch.Tensor, A: torch.Tensor, B: torch.Tensor, obs: torch.Tensor) -> HMMForward:
    r"""Log-likelihood of an observation sequence under a discrete HMM, by the forward algorithm in log space.

    $$\log\alpha_1(s) = \log\pi_s + \log B_{s x_1},\qquad
    \log\alpha_t(s) = \log B_{s x_t} + \operatorname{logsumexp}_{r}\big(\log\alpha_{t-1}(r) + \log A_{rs}\big),$$

    $$\log p(x_{1:T}) = \operatorname{logsumexp}_s \log\alpha_T(s).$$

    Products of thousands of probabilities underflow to 0 in floating point; their logs are
    ordinary numbers, so the recursion stays finite for sequences of any length. Zero
    probabilities become $-\infty$ and are handled exactly.

    Parameters
    ----------
    pi : torch.Tensor
        ``(S,)`` initial state distribution.
    A : torch.Tensor
        ``(S, S)`` transitions, ``A[r, s]`` $= P(z_{t+1} = s \mid z_t = r)$; rows sum to 1.
    B : torch.Tensor
        ``(S, M)`` emissions, ``B[s, m]`` $= P(x_t = m \mid z_t = s)$; rows sum to 1.
    obs : torch.Tensor
        ``(T,)`` integer symbols in $\{0, \dots, M-1\}$, $T \ge 1$.

    Returns
    -------
    HMMForward
        ``log_alpha`` ``(T, S)`` and ``log_likelihood``, in the promoted dtype of the
        probabilities (float32 for half precision).

    Raises
    ------
    TypeError
        If ``pi``, ``A`` or ``B`` is not a floating tensor, or ``obs`` is not an integer tensor.
    ValueError
        If a shape is wrong, an entry is negative or NaN, ``pi`` or a row of ``A`` or ``B`` does
        not sum to 1, a symbol is out of range, ``obs`` is empty, or the inputs sit on different devices.

    References
    ----------
    Rabiner, *A Tutorial on Hidden Markov Models and Selected Applications in Speech
    Recognition*, Proc. IEEE 77, 1989, §III.A; Bishop, *Pattern Recognition and Machine
    Learning*, §13.2.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import hmm_forward
    >>> pi = torch.tensor([0.5, 0.5], dtype=torch.float64)
    >>> A = torch.tensor([[0.9, 0.1], [0.2, 0.8]], dtype=torch.float64)
    >>> B = torch.tensor([[0.7, 0.3], [0.1, 0.9]], dtype=torch.float64)
    >>> round(hmm_forward(pi, A, B, torch.tensor([0, 1, 1])).log_likelihood.exp().item(), 6)
    0.08775
    """
    _stochastic(pi, "pi", 1)
    _stochastic(A, "A", 2)
    _stochastic(B, "B", 2)
    _checks.tensor(obs, "obs", floating=False, ndim=1)
    if obs.is_floating_point() or obs.is_complex() or obs.dtype == torch.bool:
        raise TypeError(f"obs must be an integer tensor of symbols, got {obs.dtype}")
    _checks.same_device(pi=pi, A=A, B=B, obs=obs)
    S, M = B.shape
    if pi.shape != (S,) or A.shape != (S, S):
        raise ValueError(f"pi, A, B must have shapes (S,), (S, S), (S, M), got "
                         f"{tuple(pi.shape)}, {tuple(A.shape)}, {tuple(B.shape)}")
    bad = (obs < 0) | (obs >= M)
    if bad.any():
        raise ValueError(f"obs must hold symbols in [0, {M - 1}], got {obs[bad][:4].tolist()}")
    dtype = torch.promote_types(torch.promote_types(pi.dtype, A.dtype), B.dtype)
    dtype = torch.float32 if dtype in (torch.float16, torch.bfloat16) else dtype
    log_pi, log_A, log_B = pi.to(dtype).log(), A.to(dtype).log(), B.to(dtype).log()
    emit = log_B[:, obs].T  # (T, S): log B_{s, x_t}
    T = obs.shape[0]
    log_alpha = torch.empty((T, S), dtype=dtype, device=pi.device)
    log_alpha[0] = log_pi + emit[0]
    for t in range(1, T):
        log_alpha[t] = emit[t] + torch.logsumexp(log_alpha[t - 1].unsqueeze(1) + log_A, dim=0)
    return HMMForward(log_alpha, torch.logsumexp(log_alpha[-1], dim=0))
