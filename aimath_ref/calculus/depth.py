r"""Vanishing and exploding gradients: the chain rule through many layers, computed by hand.

For layers $h_l = \phi(W_l h_{l-1})$ (optionally $h_l = h_{l-1} + \phi(W_l h_{l-1})$), the
chain rule gives the gradient at layer $l-1$ from the one at layer $l$ through the transposed
layer Jacobian $J_l = \partial h_l / \partial h_{l-1}$:

$$\frac{\partial L}{\partial h_{l-1}} = J_l^\top \frac{\partial L}{\partial h_l}, \qquad
  \frac{\partial L}{\partial h_0} = J_1^\top J_2^\top \cdots J_L^\top \frac{\partial L}{\partial h_L}.$$

A product of $L$ matrices whose norms sit below one shrinks geometrically; above one it can grow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import torch

from .. import _checks

__all__ = ["gradient_through_depth", "DepthGradients", "ACTIVATIONS"]

Activation = Literal["sigmoid", "tanh", "relu", "linear"]
ACTIVATIONS: tuple[str, ...] = ("sigmoid", "tanh", "relu", "linear")
"""Activations accepted by `gradient_through_depth`."""


def _phi(name: str, z: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Activation value and its derivative phi'(z)."""
    if name == "sigmoid":
        s = torch.sigmoid(z)
        return s, s * (1 - s)  # at most 1/4
    if name == "tanh":
        t = torch.tanh(z)
        return t, 1 - t ** 2  # at most 1
    if name == "relu":
        return z.clamp(min=0), (z > 0).to(z.dtype)  # 0 or 1
    return z, torch.ones_like(z)


@dataclass(frozen=True)
class DepthGradients:
    r"""Result of `gradient_through_depth`.

    Attributes
    ----------
    grad_norms : torch.Tensor
        Shape ``(depth + 1,)``: entry $l$ is $\lVert \partial L / \partial h_l \rVert_2$; the last is 1.
    weights : torch.Tensor
        Shape ``(depth, width, width)``: the matrices $W_1, \dots, W_L$.
    x : torch.Tensor
        The input $h_0$, shape ``(width,)``.
    u : torch.Tensor
        Unit vector defining the loss $L = u^\top h_L$.
    activation : str
        Name of $\phi$.
    residual : bool
        Whether layers add their input back.
    """

    grad_norms: torch.Tensor
    weights: torch.Tensor
    x: torch.Tensor
    u: torch.Tensor
    activation: str
    residual: bool


def gradient_through_depth(activation: Activation, depth: int, width: int = 64, *, gain: float = 1.0,
                           residual: bool = False, init: Literal["gaussian", "orthogonal"] = "gaussian",
                           seed: int = 0, dtype: torch.dtype = torch.float64) -> DepthGradients:
    r"""Gradient norm at every layer of a random deep network, by explicit chain-rule products.

    The network has no biases: $z_l = W_l h_{l-1}$, $h_l = \phi(z_l)$, or
    $h_l = h_{l-1} + \phi(z_l)$ with ``residual=True``. The loss is $L = u^\top h_L$ for a fixed
    random unit vector $u$, so $\partial L/\partial h_L = u$. Going backwards,

    $$g_{l-1} = W_l^\top\bigl(\phi'(z_l) \odot g_l\bigr) \;\bigl(+\, g_l \text{ if residual}\bigr),
      \qquad g_l = \frac{\partial L}{\partial h_l}.$$

    Weights: ``"gaussian"`` draws $W_{ij} \sim \mathcal N(0, \text{gain}^2/\text{width})$
    (gain 1 is LeCun's scale, $\sqrt2$ He's scale for ReLU); ``"orthogonal"`` uses
    $\text{gain} \cdot Q$ with $Q$ orthogonal, so a linear network multiplies the gradient
    norm by exactly ``gain`` per layer.

    Parameters
    ----------
    activation : {"sigmoid", "tanh", "relu", "linear"}
        The nonlinearity $\phi$.
    depth : int
        Number of layers $L \ge 1$.
    width : int, default 64
        Width of every layer.
    gain : float, default 1.0
        Scale of the weights (positive).
    residual : bool, default False
        Add skip connections $h_l = h_{l-1} + \phi(z_l)$.
    init : {"gaussian", "orthogonal"}, default "gaussian"
        How the weights are drawn.
    seed : int, default 0
        Seed of the CPU generator for weights, input and $u$.
    dtype : torch.dtype, default torch.float64
        Floating dtype of the computation.

    Returns
    -------
    DepthGradients
        ``grad_norms[l]`` $= \lVert \partial L / \partial h_l \rVert$ for $l = 0, \dots, L$, plus the
        network (weights, input, $u$) so the result can be checked against autograd.

    Raises
    ------
    TypeError
        If ``depth``, ``width`` or ``seed`` is not an int, ``gain`` is not a number, or ``dtype`` is not floating.
    ValueError
        If ``activation`` or ``init`` is unknown, ``depth``/``width`` is below 1, or ``gain`` is not positive.

    References
    ----------
    Pascanu, Mikolov & Bengio 2013, *On the difficulty of training recurrent neural networks* (ICML);
    Glorot & Bengio 2010 (AISTATS); He et al. 2016, *Deep Residual Learning for Image Recognition* (CVPR).

    Examples
    --------
    >>> from aimath_ref.calculus import gradient_through_depth
    >>> r = gradient_through_depth("linear", depth=3, width=8, gain=0.5, init="orthogonal")
    >>> [round(v, 6) for v in r.grad_norms.tolist()]  # 0.5 per layer
    [0.125, 0.25, 0.5, 1.0]
    """
    _checks.choice(activation, "activation", ACTIVATIONS)
    _checks.choice(init, "init", ("gaussian", "orthogonal"))
    _checks.integer(depth, "depth", minimum=1)
    _checks.integer(width, "width", minimum=1)
    _checks.integer(seed, "seed", minimum=0)
    _checks.real(gain, "gain", positive=True)
    if dtype not in _checks.FLOAT_DTYPES:
        raise TypeError(f"dtype must be a floating dtype, got {dtype}")
    gen = torch.Generator().manual_seed(seed)
    if init == "gaussian":
        W = torch.randn(depth, width, width, generator=gen, dtype=torch.float64) * (gain / width ** 0.5)
    else:
        Q, R = torch.linalg.qr(torch.randn(depth, width, width, generator=gen, dtype=torch.float64))
        W = gain * Q * torch.sign(torch.diagonal(R, dim1=-2, dim2=-1)).unsqueeze(-2)  # Haar-orthogonal
    x = torch.randn(width, generator=gen, dtype=torch.float64)
    u = torch.randn(width, generator=gen, dtype=torch.float64)
    u = u / u.norm()
    W, x, u = W.to(dtype), x.to(dtype), u.to(dtype)

    derivs = []  # phi'(z_l), l = 1..L
    h = x  # h_0
    for layer in range(depth):
        z = W[layer] @ h  # z_l = W_l h_{l-1}
        a, da = _phi(activation, z)
        h = h + a if residual else a
        derivs.append(da)

    g = u  # dL/dh_L
    norms = [g.norm()]
    for layer in reversed(range(depth)):
        back = W[layer].T @ (derivs[layer] * g)  # J_l^T g_l
        g = g + back if residual else back
        norms.append(g.norm())
    grad_norms = torch.stack(norms[::-1])  # index l = layer
    return DepthGradients(grad_norms=grad_norms, weights=W, x=x, u=u, activation=activation, residual=residual)
