r"""The InfoNCE loss of contrastive learning (CPC, SimCLR, CLIP) and its link to mutual information.

A batch holds $N$ positive pairs $(a_i, b_i)$. Each $a_i$ must pick its partner among the $N$
candidates $b_1, \dots, b_N$: InfoNCE is the cross-entropy of that $N$-way classification,
computed by `aimath_ref.information.cross_entropy_from_logits` on the similarity matrix.
"""

from __future__ import annotations

import math

import torch

from .. import _checks
from ..linalg.similarity import cosine_similarity_matrix
from .cross_entropy import cross_entropy_from_logits

__all__ = ["gaussian_critic_embeddings", "info_nce"]


def info_nce(z_a: torch.Tensor, z_b: torch.Tensor, temperature: float = 0.1, similarity: str = "cosine",
             symmetric: bool = False) -> torch.Tensor:
    r"""InfoNCE loss: cross-entropy of picking each example's positive partner out of the batch.

    With scores $s_{ij} = \operatorname{sim}(a_i, b_j) / \tau$,

    $$\mathcal L_{\text{InfoNCE}} = -\frac1N \sum_{i=1}^{N} \log \frac{e^{s_{ii}}}{\sum_{j=1}^{N} e^{s_{ij}}},
    \qquad I(A; B) \ \ge\ \log N - \mathcal L_{\text{InfoNCE}}$$

    in nats. The bound (van den Oord et al. 2018; Poole et al. 2019) holds for any scoring
    function, is tight only for the optimal one ($s_{ij} = \log p(b_j \mid a_i)/p(b_j)$ up to terms
    in $a_i$) and large $N$, and can never exceed $\log N$ because the loss is non-negative: a batch of
    $N$ pairs certifies at most $\log N$ nats of mutual information. ``symmetric=True`` averages the loss over both
    directions ($a \to b$ and $b \to a$), as CLIP does for images and texts.

    Parameters
    ----------
    z_a, z_b : torch.Tensor
        Floating tensors of shape ``(N, d)``: row $i$ of each is one view of pair $i$; $N \ge 1$.
        Shape ``(B, N, d)`` holds $B$ independent batches; the loss is then the mean over all of them.
    temperature : float, default 0.1
        $\tau > 0$; SimCLR used 0.1 to 0.5, CLIP learns it (initialised at 0.07).
    similarity : {"cosine", "dot"}, default "cosine"
        Cosine similarity of the rows (SimCLR, CLIP) or their plain dot product.
    symmetric : bool, default False
        Average the $a \to b$ and $b \to a$ losses.

    Returns
    -------
    torch.Tensor
        The loss in nats (a scalar), dtype of ``z_a``.

    Raises
    ------
    TypeError
        If the inputs are not floating tensors of one dtype, or an option has the wrong type.
    ValueError
        If they are not 2-D or 3-D, are empty, differ in shape or device, ``temperature <= 0`` or
        ``similarity`` is unknown.

    References
    ----------
    van den Oord, Li & Vinyals, *Representation Learning with Contrastive Predictive Coding*,
    arXiv:1807.03748 (2018); Chen et al., *A Simple Framework for Contrastive Learning of
    Visual Representations* (SimCLR), ICML 2020; Radford et al., *Learning Transferable Visual
    Models From Natural Language Supervision* (CLIP), ICML 2021; Poole et al., *On Variational
    Bounds of Mutual Information*, ICML 2019.

    Examples
    --------
    >>> import torch
    >>> from aimath_ref.information import info_nce
    >>> z = torch.eye(4)
    >>> round(info_nce(z, z, temperature=0.1).item(), 4)  # every pair recognised
    0.0001
    >>> round(info_nce(z, torch.ones(4, 4), temperature=0.1).item(), 4)  # no information: log 4
    1.3863
    """
    for name, z in (("z_a", z_a), ("z_b", z_b)):
        _checks.tensor(z, name, min_ndim=2)
        if z.ndim > 3:
            raise ValueError(f"{name} must have shape (N, d) or (B, N, d), got {tuple(z.shape)}")
    if z_a.shape != z_b.shape:
        raise ValueError(f"z_a and z_b must have the same shape, got {tuple(z_a.shape)} and {tuple(z_b.shape)}")
    if z_a.dtype != z_b.dtype:
        raise TypeError(f"z_a and z_b must have the same dtype, got {z_a.dtype} and {z_b.dtype}")
    _checks.same_device(z_a=z_a, z_b=z_b)
    tau = _checks.real(temperature, "temperature", positive=True)
    _checks.choice(similarity, "similarity", ("cosine", "dot"))
    if not isinstance(symmetric, bool):
        raise TypeError(f"symmetric must be a bool, got {type(symmetric).__name__} {symmetric!r}")
    w = torch.float32 if z_a.dtype in (torch.float16, torch.bfloat16) else z_a.dtype
    a, b = z_a.to(w), z_b.to(w)
    if a.ndim == 2:
        a, b = a[None], b[None]  # one batch
    sim = cosine_similarity_matrix(a, b) if similarity == "cosine" else a @ b.transpose(-2, -1)  # (B, N, N)
    scores = sim / tau  # s_ij
    n_batches, n = scores.shape[0], scores.shape[1]
    labels = torch.arange(n, device=a.device).expand(n_batches, n)  # the positive of row i is column i
    # cross_entropy_from_logits wants the classes on dimension 1: (B, classes j, rows i)
    loss = cross_entropy_from_logits(scores.transpose(-2, -1), labels)
    if symmetric:
        loss = (loss + cross_entropy_from_logits(scores, labels)) / 2  # columns pick their row
    return loss.to(z_a.dtype)


def gaussian_critic_embeddings(n: int, dim: int, rho: float, seed: int,
                               dtype: torch.dtype = torch.float64) -> tuple[torch.Tensor, torch.Tensor]:
    r"""A batch of correlated Gaussian pairs, embedded so that dot products are the optimal InfoNCE scores.

    Draws $x_i \sim \mathcal N(0, I_d)$ and $y_i = \rho x_i + \sqrt{1-\rho^2}\,\varepsilon_i$, so every
    coordinate pair has correlation $\rho$ and $I(X; Y) = -\tfrac d2 \ln(1-\rho^2)$ nats
    (`aimath_ref.information.gaussian_mutual_information`). The log density ratio is

    $$\log\frac{p(y \mid x)}{p(y)} = \frac{\rho\, x \cdot y}{1-\rho^2}
    - \frac{\rho^2 \lVert y\rVert^2}{2(1-\rho^2)} + c(x),$$

    and terms $c(x)$ that depend on the anchor alone cancel in InfoNCE's softmax. The returned
    rows $a_i = \big(\tfrac{\rho}{1-\rho^2} x_i,\ 1\big)$ and
    $b_i = \big(y_i,\ -\tfrac{\rho^2 \lVert y_i\rVert^2}{2(1-\rho^2)}\big)$ have exactly these
    scores as dot products, so ``info_nce(a, b, temperature=1.0, similarity="dot")`` is the
    loss of the best possible critic.

    Parameters
    ----------
    n : int
        Number of pairs $N \ge 1$ (the batch size).
    dim : int
        Dimension $d \ge 1$ of $x$ and $y$.
    rho : float
        Correlation $\rho \in (-1, 1)$.
    seed : int
        Seed of the CPU generator that draws the batch.
    dtype : torch.dtype, default torch.float64
        Floating dtype of the result.

    Returns
    -------
    tuple of torch.Tensor
        ``(a, b)``, each of shape ``(n, dim + 1)``, on `aimath_ref.get_device`.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If ``n`` or ``dim`` is below 1 or ``rho`` is not in $(-1, 1)$.

    References
    ----------
    Poole et al., *On Variational Bounds of Mutual Information*, ICML 2019, §2.3 (the optimal
    critic is the log density ratio).

    Examples
    --------
    >>> from aimath_ref.information import gaussian_critic_embeddings
    >>> a, b = gaussian_critic_embeddings(8, dim=2, rho=0.5, seed=0)
    >>> tuple(a.shape), tuple(b.shape), a[0, -1].item()
    ((8, 3), (8, 3), 1.0)
    """
    from ..device import randn

    n = _checks.integer(n, "n", minimum=1)
    d = _checks.integer(dim, "dim", minimum=1)
    r = _checks.real(rho, "rho", low=-1.0, high=1.0, low_open=True, high_open=True)
    _checks.integer(seed, "seed")
    if dtype not in _checks.FLOAT_DTYPES:
        raise TypeError(f"dtype must be a floating torch dtype, got {dtype}")
    noise = randn(2, n, d, seed=seed, dtype=torch.float64)
    x = noise[0]
    y = r * x + math.sqrt(1 - r * r) * noise[1]  # corr(x_k, y_k) = ρ
    c = 1 - r * r
    a = torch.cat([r / c * x, torch.ones(n, 1, dtype=x.dtype, device=x.device)], dim=1)
    b = torch.cat([y, -(r * r) / (2 * c) * (y * y).sum(dim=1, keepdim=True)], dim=1)
    return a.to(dtype), b.to(dtype)
