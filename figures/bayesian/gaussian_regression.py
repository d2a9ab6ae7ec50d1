"""A least-squares line with the Gaussian noise model drawn as bells around it."""

import torch

from aimath_ref.inference import gaussian_nll, ridge_map
from figures._style import PALETTE, new_figure


def figure():
    g = torch.Generator().manual_seed(4)
    x = torch.rand(40, generator=g, dtype=torch.float64) * 10
    y = 0.8 * x + 1.0 + 1.0 * torch.randn(40, generator=g, dtype=torch.float64)
    fit = ridge_map(x.unsqueeze(1), y, lam=0.0)  # least squares = the Gaussian MLE
    slope, c = fit.coef.item(), fit.intercept.item()
    sigma2 = ((y - slope * x - c) ** 2).mean().item()  # MLE of the noise variance
    fig, ax = new_figure(width=7.5, height=3.8)
    ax.scatter(x.numpy(), y.numpy(), s=14, color=PALETTE[0], zorder=3, label="data")
    line = torch.linspace(0, 10, 2, dtype=torch.float64)
    ax.plot(line.numpy(), (slope * line + c).numpy(), color=PALETTE[1], label=r"$\hat y = f(x; \hat\theta)$")
    ys = torch.linspace(-3.5, 3.5, 141, dtype=torch.float64)
    for x0 in (1.5, 4.5, 7.5):
        mu = slope * x0 + c
        dens = torch.exp(-gaussian_nll(torch.zeros_like(ys), ys, sigma2, full=True, reduction="none"))
        ax.plot((x0 + 2.2 * dens).numpy(), (mu + ys).numpy(), color=PALETTE[2], lw=1.2)
        ax.plot([x0, x0], [mu - 3.5, mu + 3.5], color=PALETTE[2], lw=0.6, ls=":")
    ax.plot([], [], color=PALETTE[2], label=r"$N(\hat y, \hat\sigma^2)$ around the line")
    for xi, yi in zip(x[:8].tolist(), y[:8].tolist()):
        ax.plot([xi, xi], [yi, slope * xi + c], color="0.5", lw=0.8)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.set_title(rf"Least squares: slope {slope:.2f}, intercept {c:.2f}, $\hat\sigma^2$ = {sigma2:.2f}")
    ax.legend(loc="upper left")
    return fig
