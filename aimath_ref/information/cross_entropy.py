r"""Cross-entropy between a model's logits and the true labels: the one implementation in aimath_ref.

Classification losses everywhere in the package come from `cross_entropy_from_logits`:
the categorical negative log-likelihood of chapter 4 (`aimath_ref.inference.categorical_nll`)
and the per-token loss behind perplexity call it rather than repeating the formula.
"""

from __future__ import annotations

import torch

from .. import _checks
from ..probability.sampling import log_softmax

__all__ = ["cross_entropy_from_logits", "perplexity"]

_REDUCTIONS = ("mean", "sum", "none")


def _check_target(logits: torch.Tensor, target: torch.Tensor, ignore_index: int) -> bool:
    """Validate ``target`` against ``logits``; return True for class indices, False for probabilities."""
    if not isinstance(target, torch.Tensor):
        raise TypeError(f"target must be a torch.Tensor, got {type(target).__name__} {target!r}")
    n_classes = logits.shape[0] if logits.ndim == 1 else logits.shape[1]
    if target.dtype in (torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8):
        expected = logits.shape[1:] if logits.ndim == 1 else (logits.shape[0], *logits.shape[2:])
        expected = () if logits.ndim == 1 else expected
        if tuple(target.shape) != tuple(expected):
            raise ValueError(f"target of class indices must have shape {tuple(expected)} for logits of shape "
                             f"{tuple(logits.shape)}, got {tuple(target.shape)}")
        kept = target[target != ignore_index]
        if kept.numel() and (int(kept.min()) < 0 or int(kept.max()) >= n_classes):
            bad = kept[(kept < 0) | (kept >= n_classes)][0].item()
            raise ValueError(f"target class indices must be in [0, {n_classes - 1}] (or ignore_index="
                             f"{ignore_index}), got {bad}")
        return True
    if target.dtype not in _checks.FLOAT_DTYPES:
        raise TypeError(f"target must hold class indices (an integer dtype) or class probabilities "
                        f"(a floating dtype), got {target.dtype}")
    if tuple(target.shape) != tuple(logits.shape):
        raise ValueError(f"target of class probabilities must have the shape of logits {tuple(logits.shape)}, "
                         f"got {tuple(target.shape)}")
    t = target.double()
    if not bool(torch.isfinite(t).all()):
        raise ValueError("target probabilities must be finite, got NaN or inf")
    if bool((t < 0).any()) or bool((t > 1).any()):
        bad = t[(t < 0) | (t > 1)][0].item()
        raise ValueError(f"target probabilities must be in [0, 1], got {bad}")
    class_dim = 0 if logits.ndim == 1 else 1
    sums = t.sum(dim=class_dim)
    tol = 1e-2 if target.dtype in (torch.float16, torch.bfloat16) else 1e-4
    if bool(((sums - 1).abs() > tol).any()):
        bad = sums[(sums - 1).abs() > tol].flatten()[0].item()
        raise ValueError(f"target probabilities must sum to 1 over the class dimension, got a sum of {bad:.6g}")
    return False


def cross_entropy_from_logits(logits: torch.Tensor, target: torch.Tensor, weight: torch.Tensor | None = None,
                              ignore_index: int = -100, reduction: str = "mean",
                              label_smoothing: float = 0.0) -> torch.Tensor:
    r"""Cross-entropy of a softmax classifier, from its raw logits: $-\log$ of the probability of the truth.

    With $\log p_c = z_c - \log\sum_j e^{z_j}$ (computed by `aimath_ref.probability.log_softmax`,
    which subtracts the largest logit first), the loss of one example is

    $$\ell = -\sum_{c=1}^{C} w_c\, t_c \log p_c,\qquad
    t = (1-\varepsilon)\,y + \frac{\varepsilon}{C}\mathbf 1,$$

    where $y$ is the one-hot vector of the class index (or the given class probabilities),
    $\varepsilon$ the label smoothing and $w$ the class weights (all 1 by default). For a
    class index $k$ and no smoothing this is $-w_k \log p_k$. ``reduction="mean"`` divides the
    sum by the total weight $\sum_n w_{k_n}$ of the kept examples when the target holds class
    indices and by the number of examples (times positions) when it holds probabilities, exactly as
    PyTorch does.
    Targets equal to ``ignore_index`` contribute nothing (a mean over no example is NaN, as in
    PyTorch).

    Parameters
    ----------
    logits : torch.Tensor
        Floating tensor of shape ``(C,)``, ``(N, C)`` or ``(N, C, d_1, ..., d_k)``: the classes
        are dimension 1 (dimension 0 for a single example), as in `torch.nn.functional.cross_entropy`.
    target : torch.Tensor
        Either class indices (an integer tensor of shape ``()``, ``(N,)`` or ``(N, d_1, ..., d_k)``,
        values in ``[0, C)`` or ``ignore_index``) or class probabilities (a floating tensor of the
        shape of ``logits``, entries in $[0, 1]$ summing to 1 over the classes).
    weight : torch.Tensor or None, default None
        Non-negative weight of each class, shape ``(C,)``.
    ignore_index : int, default -100
        A class-index target equal to it is skipped.
    reduction : {"mean", "sum", "none"}, default "mean"
        How the per-example losses are combined.
    label_smoothing : float, default 0.0
        $\varepsilon \in [0, 1]$: the share of the target mass spread uniformly over the classes.

    Returns
    -------
    torch.Tensor
        The loss in nats: a scalar, or the per-example losses for ``reduction="none"``. Same
        dtype as ``logits`` (float16/bfloat16 inputs are computed in float32).

    Raises
    ------
    TypeError
        If ``logits`` is not a floating tensor, ``target`` is neither an integer nor a floating
        tensor, or an option has the wrong type.
    ValueError
        If shapes do not match, a class index is out of range, target probabilities are
        negative, NaN or do not sum to 1, ``weight`` is negative or NaN, ``reduction`` is unknown,
        ``label_smoothing`` is outside $[0, 1]$, or the tensors are on different devices.

    References
    ----------
    Goodfellow, Bengio & Courville, *Deep Learning*, §6.2.2.3 (softmax units and the
    log-likelihood); Szegedy et al., *Rethinking the Inception Architecture*, CVPR 2016
    (label smoothing); PyTorch, `torch.nn.functional.cross_entropy`.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import cross_entropy_from_logits
    >>> logits = torch.tensor([[1.2, 0.5, 3.1, 0.8]])
    >>> round(cross_entropy_from_logits(logits, torch.tensor([2])).item(), 4)
    0.2807
    >>> round(cross_entropy_from_logits(torch.tensor([[1e4, -1e4]]), torch.tensor([1])).item(), 1)
    20000.0
    """
    _checks.tensor(logits, "logits", min_ndim=1)
    if not isinstance(ignore_index, int) or isinstance(ignore_index, bool):
        raise TypeError(f"ignore_index must be an int, got {type(ignore_index).__name__} {ignore_index!r}")
    _checks.choice(reduction, "reduction", _REDUCTIONS)
    eps = _checks.real(label_smoothing, "label_smoothing", low=0.0, high=1.0)
    indices = _check_target(logits, target, ignore_index)
    _checks.same_device(logits=logits, target=target)
    class_dim = 0 if logits.ndim == 1 else 1
    n_classes = logits.shape[class_dim]
    work = torch.float32 if logits.dtype in (torch.float16, torch.bfloat16) else logits.dtype
    if weight is not None:
        _checks.tensor(weight, "weight", ndim=1)
        if weight.shape[0] != n_classes:
            raise ValueError(f"weight must have one entry per class ({n_classes}), got shape {tuple(weight.shape)}")
        if not bool(torch.isfinite(weight).all()) or bool((weight < 0).any()):
            raise ValueError(f"weight must be finite and non-negative, got {weight.tolist()}")
        _checks.same_device(logits=logits, weight=weight)
        w = weight.to(work)
    else:
        w = torch.ones(n_classes, dtype=work, device=logits.device)
    shape = [1] * logits.ndim
    shape[class_dim] = n_classes
    w_b = w.reshape(shape)  # w_c, broadcast along the class dimension
    logp = log_softmax(logits.to(work), dim=class_dim)  # log p_c, max-shifted

    if indices:
        keep = target != ignore_index
        safe = torch.where(keep, target, torch.zeros_like(target)).long()
        nll = -logp.gather(class_dim, safe.unsqueeze(class_dim)).squeeze(class_dim)  # -log p_k
        w_k = w[safe]  # w_k of each example
        loss = (1 - eps) * w_k * nll
        if eps > 0:
            loss = loss + eps / n_classes * (-(w_b * logp).sum(dim=class_dim))  # ε/C Σ_c w_c (-log p_c)
        zero = torch.zeros((), dtype=work, device=logits.device)
        loss = torch.where(keep, loss, zero)
        if reduction == "none":
            return loss.to(logits.dtype)
        if reduction == "sum":
            return loss.sum().to(logits.dtype)
        return (loss.sum() / torch.where(keep, w_k, zero).sum()).to(logits.dtype)

    t = target.to(work)
    if eps > 0:
        t = (1 - eps) * t + eps / n_classes  # smoothed target
    # 0 · log p = 0 even where p underflows to 0 (log p = -inf): only classes with t > 0 count.
    terms = torch.where(t > 0, -(w_b * t) * logp, torch.zeros((), dtype=work, device=logits.device))
    loss = terms.sum(dim=class_dim)
    if reduction == "none":
        return loss.to(logits.dtype)
    if reduction == "sum":
        return loss.sum().to(logits.dtype)
    return loss.mean().to(logits.dtype)  # over every example (and every position d_1, ..., d_k)


def perplexity(logits: torch.Tensor, target: torch.Tensor, ignore_index: int = -100) -> torch.Tensor:
    r"""Perplexity of a language model on a text: $e$ to the power of its mean per-token cross-entropy in nats.

    $$\mathrm{PPL} = \exp\Big(-\frac1T \sum_{t=1}^{T} \ln p_\theta(x_t \mid x_{<t})\Big)
    = 2^{H_{\text{bits}}},\qquad H_{\text{bits}} = \frac{H_{\text{nats}}}{\ln 2}$$

    The mean cross-entropy comes from `cross_entropy_from_logits` (``reduction="mean"``),
    so it is in nats and the base of the power is $e$; measured in bits per token, the same
    number is $2^{H}$. A perplexity of $k$ means the model is as unsure, on average, as a uniform
    choice among $k$ tokens. It depends on the tokenizer: values from models with different
    vocabularies are not comparable.

    Parameters
    ----------
    logits : torch.Tensor
        Floating tensor ``(C,)``, ``(N, C)`` or ``(N, C, T)``: one row of logits per token, the
        vocabulary on dimension 1 as in `torch.nn.functional.cross_entropy`.
    target : torch.Tensor
        Integer tensor of the true token ids, shape ``()``, ``(N,)`` or ``(N, T)``.
    ignore_index : int, default -100
        Token ids equal to it (padding) are left out of the mean.

    Returns
    -------
    torch.Tensor
        The perplexity, a scalar $\ge 1$, dtype of ``logits``.

    Raises
    ------
    TypeError
        If ``logits`` is not floating or ``target`` is not an integer tensor.
    ValueError
        If shapes do not match or a token id is out of range (see `cross_entropy_from_logits`).

    References
    ----------
    Jurafsky & Martin, *Speech and Language Processing*, 3rd ed. draft, §3.3; Hugging Face
    Transformers documentation, *Perplexity of fixed-length models*.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import perplexity
    >>> round(perplexity(torch.zeros(3, 50), torch.tensor([4, 8, 15])).item(), 4)  # uniform over 50 tokens
    50.0
    """
    if not isinstance(target, torch.Tensor) or target.dtype.is_floating_point or target.dtype == torch.bool:
        got = target.dtype if isinstance(target, torch.Tensor) else f"{type(target).__name__} {target!r}"
        raise TypeError(f"target must be an integer tensor of token ids, got {got}")
    nats = cross_entropy_from_logits(logits, target, ignore_index=ignore_index)  # mean -ln p per token
    return torch.exp(nats.to(torch.float32) if nats.dtype in (torch.float16, torch.bfloat16) else nats).to(logits.dtype)
