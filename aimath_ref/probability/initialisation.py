r"""Gaussian weight initialisation: the standard deviations that keep signals at a steady scale.

A layer $y = Wx$ with independent zero-mean weights of variance $\operatorname{Var}(W)$,
drawn independently of $x$, gives
$\operatorname{Var}(y_j) = n_{in}\operatorname{Var}(W)\,\mathbb E[x^2]$: the factor multiplies
the second moment of the input, which equals $\operatorname{Var}(x)$ only when $x$ has mean 0
(not after a ReLU, whose output has $\mathbb E[x^2] = \tfrac12\operatorname{Var}(z)$ for a
symmetric zero-mean pre-activation $z$; He et al. 2015, eq. 7). Choosing
$\operatorname{Var}(W)$ so that this factor is about 1 keeps activations (and, backwards,
gradients) from shrinking or growing layer after layer *at initialisation*.

LeCun's rule sets $\operatorname{Var}(W) = 1/n_{in}$ and suits linear and SELU layers.
Xavier (Glorot) averages the forward and backward conditions, $2/(n_{in} + n_{out})$, for
tanh and sigmoid; He (Kaiming) doubles LeCun's variance to $2/n_{in}$ because a ReLU
discards half of its input. `INITIALISATION` lists them with the function that computes
each scale.
"""

from __future__ import annotations

import math

import torch

from .. import _checks
from ..tables import Row, Table, register

__all__ = ["INITIALISATION", "activation_stds", "he_normal_std", "lecun_normal_std", "xavier_normal_std",
           "xavier_uniform_bound"]


def lecun_normal_std(fan_in: int) -> float:
    r"""Standard deviation of LeCun initialisation, $W \sim \mathcal N(0, 1/n_{in})$.

    $$\sigma = \sqrt{\frac{1}{n_{in}}}$$

    Parameters
    ----------
    fan_in : int
        Number of inputs of the layer, $n_{in} \ge 1$.

    Returns
    -------
    float
        The standard deviation; equal to ``kaiming_normal_``'s with ``nonlinearity="linear"``.

    Raises
    ------
    TypeError
        If ``fan_in`` is not an int.
    ValueError
        If ``fan_in < 1``.

    References
    ----------
    LeCun, Bottou, Orr & Müller, *Efficient BackProp*, 1998, §4.6.

    Examples
    --------
    >>> from aimath_ref.probability import lecun_normal_std
    >>> lecun_normal_std(256)
    0.0625
    """
    n = _checks.integer(fan_in, "fan_in", minimum=1)
    return math.sqrt(1 / n)


def xavier_normal_std(fan_in: int, fan_out: int, gain: float = 1.0) -> float:
    r"""Standard deviation of Xavier (Glorot) normal initialisation.

    $$\sigma = g\sqrt{\frac{2}{n_{in} + n_{out}}}$$

    Glorot and Bengio average the forward condition $n_{in}\operatorname{Var}(W) = 1$ and the
    backward one $n_{out}\operatorname{Var}(W) = 1$. (It is *not* $\mathcal N(0, 1/n_{in})$:
    that is LeCun's.)

    Parameters
    ----------
    fan_in : int
        Inputs of the layer, $\ge 1$.
    fan_out : int
        Outputs of the layer, $\ge 1$.
    gain : float, default 1.0
        Scale $g > 0$ for the nonlinearity (``torch.nn.init.calculate_gain``).

    Returns
    -------
    float
        The standard deviation used by ``torch.nn.init.xavier_normal_``.

    Raises
    ------
    TypeError
        If a fan is not an int or ``gain`` is not a number.
    ValueError
        If a fan is < 1 or ``gain`` is not > 0.

    References
    ----------
    Glorot & Bengio, *Understanding the difficulty of training deep feedforward neural networks*,
    AISTATS 2010, eq. (12) and (16).

    Examples
    --------
    >>> from aimath_ref.probability import xavier_normal_std
    >>> round(xavier_normal_std(256, 256), 4), round(xavier_normal_std(100, 300), 4)
    (0.0625, 0.0707)
    """
    a = _checks.integer(fan_in, "fan_in", minimum=1)
    b = _checks.integer(fan_out, "fan_out", minimum=1)
    g = _checks.real(gain, "gain", positive=True)
    return g * math.sqrt(2 / (a + b))


def xavier_uniform_bound(fan_in: int, fan_out: int, gain: float = 1.0) -> float:
    r"""Half-width $b$ of Xavier (Glorot) uniform initialisation $W \sim \mathcal U[-b, b]$.

    $$b = g\sqrt{\frac{6}{n_{in} + n_{out}}},\qquad \operatorname{Var}(W) = \frac{b^2}{3} = g^2\,\frac{2}{n_{in} + n_{out}}$$

    Parameters
    ----------
    fan_in : int
        Inputs of the layer, $\ge 1$.
    fan_out : int
        Outputs of the layer, $\ge 1$.
    gain : float, default 1.0
        Scale $g > 0$.

    Returns
    -------
    float
        The bound used by ``torch.nn.init.xavier_uniform_``.

    Raises
    ------
    TypeError
        If a fan is not an int or ``gain`` is not a number.
    ValueError
        If a fan is < 1 or ``gain`` is not > 0.

    References
    ----------
    Glorot & Bengio, AISTATS 2010, eq. (16).

    Examples
    --------
    >>> from aimath_ref.probability import xavier_uniform_bound
    >>> round(xavier_uniform_bound(100, 200), 4)
    0.1414
    """
    return xavier_normal_std(fan_in, fan_out, gain) * math.sqrt(3)


def he_normal_std(fan_in: int, a: float = 0.0, nonlinearity: str = "leaky_relu") -> float:
    r"""Standard deviation of He (Kaiming) normal initialisation, for ReLU-family layers.

    $$\sigma = \frac{g}{\sqrt{n_{in}}},\qquad g = \sqrt{\frac{2}{1 + a^2}}\ \text{(leaky ReLU of slope } a\text{)},\qquad
    g = \sqrt2\ \text{(ReLU)}$$

    ReLU zeroes half of a symmetric input, halving the second moment; the factor 2 puts it back.
    The defaults match ``torch.nn.init.kaiming_normal_`` (``a=0``, ``"leaky_relu"``, which is ReLU).

    Parameters
    ----------
    fan_in : int
        Inputs of the layer, $n_{in} \ge 1$.
    a : float, default 0.0
        Negative slope of the leaky ReLU (ignored for ``"relu"``).
    nonlinearity : {"leaky_relu", "relu"}, default "leaky_relu"
        The activation that follows the layer.

    Returns
    -------
    float
        The standard deviation used by ``kaiming_normal_(w, a, mode="fan_in", nonlinearity=...)``.

    Raises
    ------
    TypeError
        If ``fan_in`` is not an int or ``a`` is not a number.
    ValueError
        If ``fan_in < 1``, ``a`` is not finite, or ``nonlinearity`` is not one of the two names.

    References
    ----------
    He, Zhang, Ren & Sun, *Delving Deep into Rectifiers*, ICCV 2015, eq. (10).

    Examples
    --------
    >>> from aimath_ref.probability import he_normal_std
    >>> round(he_normal_std(512), 4)
    0.0625
    """
    n = _checks.integer(fan_in, "fan_in", minimum=1)
    slope = _checks.real(a, "a")
    _checks.choice(nonlinearity, "nonlinearity", ("leaky_relu", "relu"))
    gain = math.sqrt(2.0) if nonlinearity == "relu" else math.sqrt(2.0 / (1 + slope ** 2))
    return gain / math.sqrt(n)


def activation_stds(width: int, depth: int, weight_std: float, nonlinearity: str = "relu",
                    batch: int = 1024, seed: int = 0) -> list[float]:
    r"""Standard deviation of the activations after each layer of a deep, freshly initialised MLP.

    $$h^{(0)} \sim \mathcal N(0, I),\qquad h^{(\ell)} = \phi\big(W^{(\ell)} h^{(\ell-1)}\big),\qquad W^{(\ell)}_{ij} \sim \mathcal N(0, \sigma_W^2)$$

    Shows why the initialisation scale matters: with $\sigma_W$ too small the signal dies out
    geometrically, too large and it explodes; the right $\sigma_W$ for $\phi$ keeps it level.

    Parameters
    ----------
    width : int
        Units per layer ($n_{in} = n_{out}$ = ``width``).
    depth : int
        Number of layers, $\ge 1$.
    weight_std : float
        $\sigma_W > 0$.
    nonlinearity : {"relu", "tanh", "linear"}, default "relu"
        $\phi$.
    batch : int, default 1024
        Number of random inputs.
    seed : int, default 0
        Seed of the CPU generator (inputs and weights).

    Returns
    -------
    list of float
        ``depth`` standard deviations, one per layer (float64 on the CPU).

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If a size is < 1, ``batch`` is < 2, ``weight_std`` is not > 0, or ``nonlinearity`` is unknown.

    References
    ----------
    Glorot & Bengio, AISTATS 2010, §4.2; He et al., ICCV 2015, §2.2.

    Examples
    --------
    >>> from aimath_ref.probability import activation_stds, he_normal_std
    >>> stds = activation_stds(256, 10, he_normal_std(256))
    >>> 0.5 < stds[-1] < 2.0
    True
    """
    w = _checks.integer(width, "width", minimum=1)
    L = _checks.integer(depth, "depth", minimum=1)
    s = _checks.real(weight_std, "weight_std", positive=True)
    b = _checks.integer(batch, "batch", minimum=2)
    _checks.choice(nonlinearity, "nonlinearity", ("relu", "tanh", "linear"))
    _checks.integer(seed, "seed", minimum=0)
    phi = {"relu": torch.relu, "tanh": torch.tanh, "linear": lambda t: t}[nonlinearity]
    gen = torch.Generator(device="cpu").manual_seed(seed)
    h = torch.randn(b, w, generator=gen, device="cpu", dtype=torch.float64)  # h^(0), (batch, width)
    out = []
    for _ in range(L):
        W = s * torch.randn(w, w, generator=gen, device="cpu", dtype=torch.float64)  # W^(ℓ)
        h = phi(h @ W.T)
        out.append(h.std().item())
    return out


_FAN_IN, _FAN_OUT = 512, 128  # the layer used for the table's examples


def _example(value: float, what: str = r"\sigma") -> str:
    return f"$n_{{in}} = {_FAN_IN}$, $n_{{out}} = {_FAN_OUT}$: ${what} = {value:.4f}$"


INITIALISATION = register(Table(
    name="initialisation",
    title="Weight initialisation schemes",
    caption="Gaussian and uniform weight initialisations, the weight variance each picks, and the activation it suits.",
    columns=("Scheme", "Weights", "Variance of W", "Suited to", "PyTorch"),
    chapter="Probability & Statistics",
    page="probability/gaussian.md",
    rows=(
        Row({"Scheme": "LeCun", "Weights": r"$\mathcal N(0, \sigma^2)$",
             "Variance of W": r"$\frac{1}{n_{in}}$",
             "Suited to": "linear layers, SELU",
             "PyTorch": '`kaiming_normal_(w, nonlinearity="linear")`'},
            impl=lecun_normal_std, example=lambda: _example(lecun_normal_std(_FAN_IN))),
        Row({"Scheme": "Xavier / Glorot (normal)", "Weights": r"$\mathcal N(0, \sigma^2)$",
             "Variance of W": r"$\frac{2}{n_{in} + n_{out}}$",
             "Suited to": "tanh, sigmoid",
             "PyTorch": "`xavier_normal_(w)`"},
            impl=xavier_normal_std, example=lambda: _example(xavier_normal_std(_FAN_IN, _FAN_OUT))),
        Row({"Scheme": "Xavier / Glorot (uniform)", "Weights": r"$\mathcal U[-b, b]$",
             "Variance of W": r"$\frac{b^2}{3} = \frac{2}{n_{in} + n_{out}}$",
             "Suited to": "tanh, sigmoid",
             "PyTorch": "`xavier_uniform_(w)`"},
            impl=xavier_uniform_bound, example=lambda: _example(xavier_uniform_bound(_FAN_IN, _FAN_OUT), "b")),
        Row({"Scheme": "He / Kaiming", "Weights": r"$\mathcal N(0, \sigma^2)$",
             "Variance of W": r"$\frac{2}{n_{in}}$",
             "Suited to": r"ReLU (leaky ReLU of slope $a$: $\frac{2}{(1 + a^2)\,n_{in}}$)",
             "PyTorch": '`kaiming_normal_(w, nonlinearity="relu")`'},
            impl=he_normal_std, example=lambda: _example(he_normal_std(_FAN_IN))),
    ),
))
"""The weight-initialisation table (LeCun, Xavier, He), each row with its standard deviation computed for a 512 -> 128 layer."""
