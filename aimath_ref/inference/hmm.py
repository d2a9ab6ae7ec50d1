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

__all__ = ["BaumWelchResult", "HMMForward", "baum_welch", "hmm_forward", "hmm_posteriors"]


class HMMForward(NamedTuple):
    """What `hmm_forward` returns.

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


def _log_backward(log_A: torch.Tensor, emit: torch.Tensor) -> torch.Tensor:
    T, S = emit.shape
    log_beta = torch.zeros((T, S), dtype=emit.dtype, device=emit.device)  # log β_T(s) = 0
    for t in range(T - 2, -1, -1):  # log β_t(r) = logsumexp_s(log A_rs + log B_{s x_{t+1}} + log β_{t+1}(s))
        log_beta[t] = torch.logsumexp(log_A + emit[t + 1] + log_beta[t + 1], dim=1)
    return log_beta


def hmm_posteriors(pi: torch.Tensor, A: torch.Tensor, B: torch.Tensor, obs: torch.Tensor) -> torch.Tensor:
    r"""Posterior of each hidden state given the whole sequence, by the forward–backward algorithm in log space.

    $$\gamma_t(s) = P(z_t = s \mid x_{1:T}) = \frac{\alpha_t(s)\,\beta_t(s)}{p(x_{1:T})},\qquad
    \beta_t(r) = \sum_s A_{rs} B_{s x_{t+1}} \beta_{t+1}(s),\ \beta_T = 1$$

    Parameters
    ----------
    pi, A, B, obs : torch.Tensor
        As in `hmm_forward`.

    Returns
    -------
    torch.Tensor
        ``(T, S)``; each row sums to 1.

    Raises
    ------
    TypeError
        As `hmm_forward`.
    ValueError
        As `hmm_forward`, and if the sequence has probability 0 under the model.

    References
    ----------
    Rabiner, *A Tutorial on Hidden Markov Models*, Proc. IEEE 77, 1989, §III.C; Bishop,
    *Pattern Recognition and Machine Learning*, §13.2.2.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import hmm_posteriors
    >>> pi = torch.tensor([0.5, 0.5], dtype=torch.float64)
    >>> A = torch.tensor([[0.9, 0.1], [0.2, 0.8]], dtype=torch.float64)
    >>> B = torch.tensor([[0.7, 0.3], [0.1, 0.9]], dtype=torch.float64)
    >>> [round(p, 3) for p in hmm_posteriors(pi, A, B, torch.tensor([0, 1, 1]))[:, 0].tolist()]
    [0.668, 0.4, 0.346]
    """
    fwd = hmm_forward(pi, A, B, obs)
    if not torch.isfinite(fwd.log_likelihood):
        raise ValueError(f"obs has probability 0 under the model, got obs {obs[:8].tolist()}")
    dtype = fwd.log_alpha.dtype
    log_A, log_B = A.to(dtype).log(), B.to(dtype).log()
    log_beta = _log_backward(log_A, log_B[:, obs].T)
    return torch.exp(fwd.log_alpha + log_beta - fwd.log_likelihood)


class BaumWelchResult(NamedTuple):
    """What `baum_welch` returns.

    Attributes
    ----------
    pi, A, B : torch.Tensor
        The fitted initial distribution ``(S,)``, transitions ``(S, S)`` and emissions ``(S, M)``.
    log_likelihood : torch.Tensor
        ``(n_iter + 1,)``: $\\log p(x_{1:T})$ at the initial parameters and after each iteration.
    """

    pi: torch.Tensor
    A: torch.Tensor
    B: torch.Tensor
    log_likelihood: torch.Tensor


def baum_welch(obs: torch.Tensor, pi: torch.Tensor, A: torch.Tensor, B: torch.Tensor, n_iter: int = 50) -> BaumWelchResult:
    r"""Fit an HMM to one observation sequence by Baum–Welch, the EM algorithm for HMMs.

    E-step (forward–backward, in log space): state posteriors $\gamma_t(s)$ and transition
    posteriors $\xi_t(r, s) = P(z_t = r, z_{t+1} = s \mid x_{1:T})$. M-step: expected counts, normalised,

    $$\pi_s = \gamma_1(s),\qquad A_{rs} = \frac{\sum_{t<T} \xi_t(r, s)}{\sum_{t<T} \gamma_t(r)},\qquad
    B_{sm} = \frac{\sum_{t:\,x_t = m} \gamma_t(s)}{\sum_t \gamma_t(s)} .$$

    As for every EM algorithm, $\log p(x_{1:T})$ never decreases from one iteration to the
    next; it converges to a stationary point, not necessarily the global maximum. A state
    that receives no posterior mass keeps its previous row.

    Parameters
    ----------
    obs : torch.Tensor
        ``(T,)`` integer symbols, $T \ge 2$.
    pi, A, B : torch.Tensor
        Initial parameters, as in `hmm_forward` (EM keeps zeros at zero, so start
        from positive entries).
    n_iter : int, default 50
        Iterations, $\ge 0$.

    Returns
    -------
    BaumWelchResult
        Fitted parameters and the log-likelihood trace, in the working dtype of `hmm_forward`.

    Raises
    ------
    TypeError
        As `hmm_forward`, or if ``n_iter`` is not an int.
    ValueError
        As `hmm_forward`, if ``obs`` has fewer than 2 symbols, ``n_iter < 0``, or the
        sequence has probability 0 under the initial parameters.

    References
    ----------
    Baum, Petrie, Soules & Weiss, *A Maximization Technique Occurring in the Statistical
    Analysis of Probabilistic Functions of Markov Chains*, Ann. Math. Statist. 41, 1970;
    Rabiner 1989, §III.C.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.inference import baum_welch
    >>> obs = torch.tensor([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1])
    >>> pi = torch.tensor([0.5, 0.5], dtype=torch.float64)
    >>> A = torch.tensor([[0.6, 0.4], [0.4, 0.6]], dtype=torch.float64)
    >>> B = torch.tensor([[0.6, 0.4], [0.3, 0.7]], dtype=torch.float64)
    >>> fit = baum_welch(obs, pi, A, B, n_iter=30)
    >>> bool((fit.log_likelihood[1:] >= fit.log_likelihood[:-1] - 1e-12).all())
    True
    """
    iters = _checks.integer(n_iter, "n_iter", minimum=0)
    hmm_forward(pi, A, B, obs)  # validates everything
    if obs.shape[0] < 2:
        raise ValueError(f"obs must hold at least 2 symbols, got {obs.shape[0]}")
    dtype = torch.promote_types(torch.promote_types(pi.dtype, A.dtype), B.dtype)
    dtype = torch.float32 if dtype in (torch.float16, torch.bfloat16) else dtype
    pi_, A_, B_ = pi.to(dtype), A.to(dtype), B.to(dtype)
    M = B.shape[1]
    onehot = torch.nn.functional.one_hot(obs, M).to(dtype)  # (T, M)
    trace = torch.empty(iters + 1, dtype=dtype, device=pi.device)
    for it in range(iters + 1):
        fwd = hmm_forward(pi_, A_, B_, obs)
        ll = fwd.log_likelihood
        if not torch.isfinite(ll):
            raise ValueError("obs has probability 0 under the initial parameters")
        trace[it] = ll
        if it == iters:
            break
        log_A, log_B = A_.log(), B_.log()
        emit = log_B[:, obs].T  # (T, S)
        log_beta = _log_backward(log_A, emit)
        gamma = torch.exp(fwd.log_alpha + log_beta - ll)  # (T, S): γ_t(s)
        log_xi = (fwd.log_alpha[:-1, :, None] + log_A + emit[1:, None, :] + log_beta[1:, None, :]) - ll
        xi = log_xi.exp().sum(0)  # (S, S): Σ_t ξ_t(r, s)
        from_r = gamma[:-1].sum(0)  # Σ_{t<T} γ_t(r)
        in_s = gamma.sum(0)  # Σ_t γ_t(s)
        pi_ = gamma[0]
        A_ = torch.where(from_r[:, None] > 0, xi / from_r.clamp_min(torch.finfo(dtype).tiny)[:, None], A_)
        B_ = torch.where(in_s[:, None] > 0, (gamma.T @ onehot) / in_s.clamp_min(torch.finfo(dtype).tiny)[:, None], B_)
    return BaumWelchResult(pi_, A_, B_, trace)
