r"""What every distribution of this package offers: log-probability, CDF, moments and a seeded sampler.

A discrete distribution has a probability mass function with $\sum_x P(X = x) = 1$; a
continuous one has a density with $\int_{-\infty}^{\infty} f(x)\,dx = 1$, and gives
probability to intervals only: $P(a \le X \le b) = \int_a^b f(x)\,dx$, so $P(X = x) = 0$
for every single value $x$. Every subclass has ``log_prob`` (log of the mass or density),
``prob``, ``cdf`` ($F(x) = P(X \le x)$), the properties ``mean`` and ``variance``, and
``sample(n, generator=...)``. A ``value`` containing NaN is refused with a ``ValueError``
(as torch's distributions do with argument validation on); $\pm\infty$ is accepted.
"""

from __future__ import annotations

import torch

from .. import _checks

__all__ = ["Distribution"]

def _value(value: torch.Tensor) -> tuple[torch.Tensor, torch.dtype]:
    """Check ``value`` and return it in a working dtype, plus the dtype to return."""
    _checks.tensor(value, "value", floating=False, nonempty=False)
    if value.dtype == torch.bool or value.is_complex():
        raise TypeError(f"value must be a real (floating or integer) tensor, got {value.dtype}")
    if value.is_floating_point():
        _checks.finite(value, "value", allow_inf=True)  # NaN is no point of any support; ±inf is fine
    out = value.dtype if value.is_floating_point() else torch.get_default_dtype()
    work = torch.float64 if value.dtype == torch.float64 else torch.float32
    return value.to(work), out


def _is_integer(x: torch.Tensor) -> torch.Tensor:
    return torch.isfinite(x) & (x == torch.floor(x))


class Distribution:
    """Interface shared by the distributions of this module (see each class for its maths)."""

    @property
    def mean(self) -> float:
        """$\\mathbb E[X]$."""
        raise NotImplementedError

    @property
    def variance(self) -> float:
        """$\\operatorname{Var}(X) = \\mathbb E[(X - \\mu)^2]$."""
        raise NotImplementedError

    def log_prob(self, value: torch.Tensor) -> torch.Tensor:
        """Log of the mass (discrete) or density (continuous) at ``value``; $-\\infty$ off the support."""
        raise NotImplementedError

    def prob(self, value: torch.Tensor) -> torch.Tensor:
        """Mass or density at ``value``: ``exp(log_prob(value))``."""
        return self.log_prob(value).exp()

    def cdf(self, value: torch.Tensor) -> torch.Tensor:
        """Cumulative distribution function $F(x) = P(X \\le x)$, non-decreasing from 0 to 1."""
        raise NotImplementedError

    def _uniform(self, n: int, generator: torch.Generator | None) -> torch.Tensor:
        _checks.integer(n, "n", minimum=0)
        if generator is not None and not isinstance(generator, torch.Generator):
            raise TypeError(f"generator must be a torch.Generator or None, got {type(generator).__name__}")
        device = generator.device if generator is not None else torch.device("cpu")
        return torch.rand(n, generator=generator, device=device, dtype=torch.float64)

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        """``n`` independent draws, on the generator's device (CPU by default), as float64.

        Every sampler turns uniform numbers $u \\sim \\mathcal U[0, 1)$ from ``generator`` into draws,
        so a seeded generator gives the same draws on every run.
        """
        raise NotImplementedError
