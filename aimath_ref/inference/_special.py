"""The regularised incomplete beta function and its inverse, vectorised in float64 torch.

Private helpers of `aimath_ref.inference.conjugate`: the CDF and quantiles of a Beta
distribution, which give the credible intervals of the Beta and Dirichlet posteriors.
"""

from __future__ import annotations

import torch

_TINY = 1e-300


def _clamp(v: torch.Tensor) -> torch.Tensor:
    return torch.where(v.abs() < _TINY, torch.full_like(v, _TINY), v)


def _continued_fraction(a: torch.Tensor, b: torch.Tensor, x: torch.Tensor, max_iter: int = 10_000) -> torch.Tensor:
    # Modified Lentz evaluation of the continued fraction of I_x(a, b) (Numerical Recipes §6.4).
    qab, qap, qam = a + b, a + 1, a - 1
    c = torch.ones_like(x)
    d = 1 / _clamp(1 - qab * x / qap)
    h = d.clone()
    for m in range(1, max_iter + 1):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))  # even step d_{2m}
        d = 1 / _clamp(1 + aa * d)
        c = _clamp(1 + aa / c)
        h = h * d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))  # odd step d_{2m+1}
        d = 1 / _clamp(1 + aa * d)
        c = _clamp(1 + aa / c)
        delta = d * c
        h = h * delta
        if bool(((delta - 1).abs() < 1e-15).all()):
            break
    return h


def betainc(a: torch.Tensor, b: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    r"""$I_x(a, b) = \frac{1}{B(a, b)}\int_0^x t^{a-1}(1-t)^{b-1}\,dt$, the CDF of Beta(a, b) at x (float64)."""
    a, b, x = torch.broadcast_tensors(a.double(), b.double(), x.double())
    inside = (x > 0) & (x < 1)
    xs = torch.where(inside, x, torch.full_like(x, 0.5))
    log_front = (a * xs.log() + b * torch.log1p(-xs)
                 + torch.lgamma(a + b) - torch.lgamma(a) - torch.lgamma(b))
    front = log_front.exp()
    direct = xs < (a + 1) / (a + b + 2)  # where the fraction converges fast; else use I_x(a,b) = 1 - I_{1-x}(b,a)
    aa, bb, xx = torch.where(direct, a, b), torch.where(direct, b, a), torch.where(direct, xs, 1 - xs)
    value = front * _continued_fraction(aa, bb, xx) / aa
    value = torch.where(direct, value, 1 - value)
    return torch.where(inside, value, torch.where(x <= 0, torch.zeros_like(x), torch.ones_like(x))).clamp(0, 1)


def betaincinv(a: torch.Tensor, b: torch.Tensor, q: torch.Tensor, bisect: int = 8, newton: int = 80) -> torch.Tensor:
    """The $x$ with $I_x(a, b) = q$: a few halvings of [0, 1] for a bracket, then Newton steps, each falling back
    to a halving of the bracket where it would leave it (so it always converges)."""
    a, b, q = torch.broadcast_tensors(a.double(), b.double(), q.double())
    mean, s = a / (a + b), a + b
    sd = torch.sqrt(a * b / (s ** 2 * (s + 1)))
    lo = torch.where(betainc(a, b, (mean - 8 * sd).clamp(0, 1)) < q, (mean - 8 * sd).clamp(0, 1), 0.0)
    hi = torch.where(betainc(a, b, (mean + 8 * sd).clamp(0, 1)) > q, (mean + 8 * sd).clamp(0, 1), 1.0)
    for _ in range(bisect):
        mid = (lo + hi) / 2
        below = betainc(a, b, mid) < q
        lo, hi = torch.where(below, mid, lo), torch.where(below, hi, mid)
    x = (lo + hi) / 2
    log_norm = torch.lgamma(a + b) - torch.lgamma(a) - torch.lgamma(b)
    for _ in range(newton):
        f = betainc(a, b, x) - q
        lo, hi = torch.where(f < 0, x, lo), torch.where(f < 0, hi, x)
        pdf = torch.exp((a - 1) * torch.log(x) + (b - 1) * torch.log1p(-x) + log_norm)  # dI/dx
        step = x - f / pdf
        ok = torch.isfinite(step) & (step >= lo) & (step <= hi)
        new = torch.where(ok, step, (lo + hi) / 2)  # Newton, or bisect where it would leave the bracket
        done = bool(((new - x).abs() <= 4e-16 * x.abs()).all())
        x = new
        if done:
            break
    return x
