r"""Joint, marginal and conditional probabilities on finite tables, independence, and Bayes' theorem.

A joint distribution of two discrete variables is a table $P(A = a, B = b)$ whose entries
are non-negative and sum to 1. Summing out one variable gives a marginal; dividing by a
marginal gives a conditional; Bayes' theorem turns $P(D \mid \theta)$ into $P(\theta \mid D)$.
"""

from __future__ import annotations

import torch

from .. import _checks

__all__ = ["bayes_posterior", "conditional", "evidence", "independence_gap", "marginal"]


def _joint(joint: torch.Tensor) -> torch.Tensor:
    _checks.tensor(joint, "joint", ndim=2)
    _checks.finite(joint, "joint")
    if (joint < 0).any():
        raise ValueError(f"joint must be >= 0 everywhere, got a minimum of {joint.min().item()}")
    total = joint.double().sum().item()
    if abs(total - 1) > 1e-4:
        raise ValueError(f"joint must sum to 1, got a sum of {total}")
    return joint.float() if joint.dtype in (torch.float16, torch.bfloat16) else joint


def marginal(joint: torch.Tensor, dim: int) -> torch.Tensor:
    r"""Marginal distribution of one variable of a 2-D joint table: sum the other one out.

    $$P(A = a) = \sum_b P(A = a, B = b)$$

    Parameters
    ----------
    joint : torch.Tensor
        ``(|A|, |B|)`` floating tensor, non-negative, summing to 1.
    dim : int
        Which variable to keep: 0 for $A$ (rows), 1 for $B$ (columns).

    Returns
    -------
    torch.Tensor
        1-D marginal of the kept variable.

    Raises
    ------
    TypeError
        If ``joint`` is not a floating tensor or ``dim`` is not an int.
    ValueError
        If ``joint`` is not 2-D, is negative somewhere, does not sum to 1, or ``dim`` is not 0, 1, -1 or -2.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, §1.2 (sum rule).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import marginal
    >>> joint = torch.tensor([[0.3, 0.1], [0.2, 0.4]])
    >>> [round(v, 4) for v in marginal(joint, dim=0).tolist()]
    [0.4, 0.6]
    """
    J = _joint(joint)
    d = _checks.dim(dim, 2)
    return J.sum(dim=1 - d).to(joint.dtype)


def conditional(joint: torch.Tensor, given: int) -> torch.Tensor:
    r"""Conditional distributions from a joint table: divide by the marginal of what is given.

    $$P(A = a \mid B = b) = \frac{P(A = a, B = b)}{P(B = b)},\qquad P(B = b) > 0$$

    Parameters
    ----------
    joint : torch.Tensor
        ``(|A|, |B|)`` floating tensor, non-negative, summing to 1.
    given : int
        The conditioning variable: 1 gives $P(A \mid B)$ (each column sums to 1), 0 gives
        $P(B \mid A)$ (each row sums to 1).

    Returns
    -------
    torch.Tensor
        Same shape as ``joint``; entries for a conditioning value of probability 0 are ``nan``
        (the conditional is undefined there).

    Raises
    ------
    TypeError
        If ``joint`` is not a floating tensor or ``given`` is not an int.
    ValueError
        If ``joint`` is not a valid joint table or ``given`` is out of range.

    References
    ----------
    Kolmogorov, *Grundbegriffe der Wahrscheinlichkeitsrechnung*, 1933, §4; Billingsley, *Probability and Measure*, §4.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import conditional
    >>> joint = torch.tensor([[0.3, 0.1], [0.2, 0.4]])
    >>> [[round(v, 4) for v in row] for row in conditional(joint, given=1).tolist()]
    [[0.6, 0.2], [0.4, 0.8]]
    """
    J = _joint(joint)
    g = _checks.dim(given, 2, "given")
    m = J.sum(dim=1 - g, keepdim=True)  # P(given variable), broadcast along the other
    safe = torch.where(m > 0, m, torch.ones_like(m))
    return torch.where(m > 0, J / safe, torch.nan).to(joint.dtype)


def independence_gap(joint: torch.Tensor) -> torch.Tensor:
    r"""How far a joint table is from the product of its marginals (0 exactly when independent).

    $$\max_{a, b}\ \big\lvert P(A = a, B = b) - P(A = a)\,P(B = b) \big\rvert$$

    $A$ and $B$ are independent when $P(A \cap B) = P(A)\,P(B)$ for all events; for finite
    variables that is this gap being zero.

    Parameters
    ----------
    joint : torch.Tensor
        ``(|A|, |B|)`` floating tensor, non-negative, summing to 1.

    Returns
    -------
    torch.Tensor
        0-D tensor, the largest absolute difference.

    Raises
    ------
    TypeError
        If ``joint`` is not a floating tensor.
    ValueError
        If ``joint`` is not 2-D, is negative somewhere or does not sum to 1.

    References
    ----------
    Billingsley, *Probability and Measure*, §4 (independence).

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import independence_gap
    >>> pa, pb = torch.tensor([0.4, 0.6]), torch.tensor([0.5, 0.5])
    >>> round(independence_gap(torch.outer(pa, pb)).item(), 6)
    0.0
    """
    J = _joint(joint)
    product = torch.outer(J.sum(1), J.sum(0))  # P(a) P(b)
    return (J - product).abs().max().to(joint.dtype)


def _bayes_inputs(prior: torch.Tensor, likelihood: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    _checks.tensor(prior, "prior", min_ndim=1)
    _checks.tensor(likelihood, "likelihood", min_ndim=1)
    _checks.same_device(prior=prior, likelihood=likelihood)
    _checks.finite(prior, "prior")
    _checks.finite(likelihood, "likelihood")
    if (prior < 0).any():
        raise ValueError(f"prior must be >= 0, got a minimum of {prior.min().item()}")
    if ((prior.double().sum(-1) - 1).abs() > 1e-4).any():
        raise ValueError(f"prior must sum to 1 over the hypotheses, got sums {prior.double().sum(-1).flatten().tolist()[:4]}")
    if (likelihood < 0).any() or (likelihood > 1).any():
        raise ValueError(f"likelihood must be in [0, 1], got values in [{likelihood.min().item()}, {likelihood.max().item()}]")
    try:
        torch.broadcast_shapes(prior.shape, likelihood.shape)
    except RuntimeError:
        raise ValueError(f"prior and likelihood must broadcast, got shapes {tuple(prior.shape)} and "
                         f"{tuple(likelihood.shape)}") from None
    work = torch.promote_types(prior.dtype, likelihood.dtype)
    work = torch.float32 if work in (torch.float16, torch.bfloat16) else work
    return prior.to(work), likelihood.to(work)


def evidence(prior: torch.Tensor, likelihood: torch.Tensor) -> torch.Tensor:
    r"""Total probability of the data over a discrete set of hypotheses (Bayes' normaliser).

    $$P(D) = \sum_h P(D \mid \theta_h)\, P(\theta_h)$$

    Parameters
    ----------
    prior : torch.Tensor
        ``(..., H)`` prior $P(\theta_h)$, summing to 1 along the last dimension.
    likelihood : torch.Tensor
        ``(..., H)`` likelihood $P(D \mid \theta_h)$ of the observed data under each hypothesis, in $[0, 1]$.

    Returns
    -------
    torch.Tensor
        Shape ``(...)``.

    Raises
    ------
    TypeError
        If an input is not a floating tensor.
    ValueError
        If ``prior`` is not a distribution, ``likelihood`` is outside $[0, 1]$, or the shapes do not broadcast.

    References
    ----------
    Bishop, *Pattern Recognition and Machine Learning*, §1.2.3.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.probability import evidence
    >>> round(evidence(torch.tensor([0.01, 0.99]), torch.tensor([0.99, 0.05])).item(), 4)
    0.0594
    """
    p, lik = _bayes_inputs(prior, likelihood)
    return (lik * p).sum(-1)


def bayes_posterior(prior: torch.Tensor, likelihood: torch.Tensor) -> torch.Tensor:
    r"""Bayes' theorem on a discrete hypothesis space: update a prior with the likelihood of the data.

    $$P(\theta_h \mid D) = \frac{P(D \mid \theta_h)\, P(\theta_h)}{P(D)} = \frac{P(D \mid \theta_h)\, P(\theta_h)}{\sum_{h'} P(D \mid \theta_{h'})\, P(\theta_{h'})}$$

    Parameters
    ----------
    prior : torch.Tensor
        ``(..., H)`` prior $P(\theta_h)$, summing to 1 along the last dimension.
    likelihood : torch.Tensor
        ``(..., H)`` likelihood $P(D \mid \theta_h)$, in $[0, 1]$ (broadcast against ``prior``).

    Returns
    -------
    torch.Tensor
        The posterior, summing to 1 along the last dimension; ``nan`` where the evidence is 0
        (data impossible under every hypothesis).

    Raises
    ------
    TypeError
        If an input is not a floating tensor.
    ValueError
        If ``prior`` is not a distribution, ``likelihood`` is outside $[0, 1]$, or the shapes do not broadcast.

    References
    ----------
    Bayes, *An Essay towards solving a Problem in the Doctrine of Chances*, 1763;
    Bishop, *Pattern Recognition and Machine Learning*, §1.2.3.

    Examples
    --------
    A disease with 1% prevalence, a test with 99% sensitivity and a 5% false-positive rate;
    the test is positive:

    >>> import torch
    >>> from aimath_ref.probability import bayes_posterior
    >>> post = bayes_posterior(torch.tensor([0.01, 0.99]), torch.tensor([0.99, 0.05]))
    >>> [round(v, 4) for v in post.tolist()]
    [0.1667, 0.8333]
    """
    p, lik = _bayes_inputs(prior, likelihood)
    unnormalised = lik * p  # P(D | θ) P(θ)
    return unnormalised / unnormalised.sum(-1, keepdim=True)  # ÷ P(D)
