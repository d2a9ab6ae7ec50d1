"""Snippets for docs/bayesian/full-bayesian.md: conjugate updates, Metropolis-Hastings, variational inference."""

# --8<-- [start:beta]
import torch

from aimath_ref import get_device
from aimath_ref.inference import beta_bernoulli_update

flips = torch.tensor([1, 1, 0, 1, 1, 1, 0, 1, 1, 0], device=get_device())  # 7 heads in 10
post = beta_bernoulli_update(alpha=2.0, beta=2.0, observations=flips)
lo, hi = post.credible_interval(0.95)
print("posterior: Beta(", post.alpha.item(), ",", post.beta.item(), ")")
print("MLE:", round(flips.float().mean().item(), 3), " MAP (mode):", round(post.mode.item(), 3),
      " posterior mean:", round(post.mean.item(), 3))
print("95% credible interval:", [round(lo.item(), 3), round(hi.item(), 3)])
# --8<-- [end:beta]

# --8<-- [start:more_data]
import torch

from aimath_ref import get_device
from aimath_ref.inference import beta_bernoulli_update

g = torch.Generator().manual_seed(0)
for n in (10, 100, 1000):
    flips = (torch.rand(n, generator=g) < 0.7).to(get_device())  # a coin with θ = 0.7
    post = beta_bernoulli_update(2.0, 2.0, flips)
    lo, hi = post.credible_interval(0.95)
    print(f"n={n:>5}: mean {post.mean.item():.3f}, 95% interval [{lo.item():.3f}, {hi.item():.3f}], "
          f"width {hi.item() - lo.item():.3f}")
# --8<-- [end:more_data]

# --8<-- [start:sequential]
import torch

from aimath_ref import get_device
from aimath_ref.inference import beta_bernoulli_update

flips = torch.tensor([1, 0, 0, 1, 1, 1, 0, 1], device=get_device())
step = beta_bernoulli_update(1.0, 1.0, flips[:3])                 # yesterday's posterior ...
step = beta_bernoulli_update(step.alpha, step.beta, flips[3:])    # ... is today's prior
once = beta_bernoulli_update(1.0, 1.0, flips)
print("in two batches:", step.alpha.item(), step.beta.item(), " all at once:", once.alpha.item(), once.beta.item())
# --8<-- [end:sequential]

# --8<-- [start:normal]
import torch

from aimath_ref import get_device
from aimath_ref.inference import normal_known_variance_update

x = torch.tensor([2.1, 1.7, 2.6, 1.9], device=get_device())  # noisy readings, noise variance 0.25
for prior_var in (0.01, 1.0, 100.0):
    post = normal_known_variance_update(prior_mean=0.0, prior_var=prior_var, noise_var=0.25, observations=x)
    print(f"prior N(0, {prior_var}): posterior mean {post.mean.item():.3f}, sd {post.variance.sqrt().item():.3f}")
print("sample mean:", round(x.mean().item(), 3))
# --8<-- [end:normal]

# --8<-- [start:dirichlet]
import torch

from aimath_ref import get_device
from aimath_ref.inference import dirichlet_categorical_update

alpha = torch.ones(3, device=get_device())  # uniform prior over 3-class distributions
labels = torch.tensor([0, 2, 2, 1, 2, 2, 0, 2], device=get_device())
post = dirichlet_categorical_update(alpha, labels)
lo, hi = post.credible_interval(0.9)
print("posterior concentrations:", post.alpha.tolist())
print("posterior mean:", [round(m, 3) for m in post.mean.tolist()])
print("90% intervals:", [[round(a, 2), round(b, 2)] for a, b in zip(lo.tolist(), hi.tolist())])
# --8<-- [end:dirichlet]

# --8<-- [start:mcmc]
import torch

from aimath_ref import get_device
from aimath_ref.inference import beta_bernoulli_update, effective_sample_size, metropolis_hastings


def log_posterior(theta):  # log prior + log likelihood, up to a constant: 7 heads in 10, Beta(2, 2) prior
    t = theta[..., 0]
    inside = (t > 0) & (t < 1)
    t = torch.where(inside, t, 0.5)
    return torch.where(inside, 8 * torch.log(t) + 4 * torch.log1p(-t), -torch.inf)


x0 = torch.full((4, 1), 0.5, dtype=torch.float64, device=get_device())  # 4 chains
out = metropolis_hastings(log_posterior, x0, n_steps=1500, step_size=0.25,
                          generator=torch.Generator().manual_seed(0))
draws = out.samples[300:, :, 0]  # drop 300 steps of burn-in: (1200, 4)
ess = effective_sample_size(draws).sum().item()
exact = beta_bernoulli_update(2.0, 2.0, torch.tensor([1.0] * 7 + [0.0] * 3))
print("acceptance rate:", round(out.acceptance_rate, 2))
print(f"{draws.numel()} draws, effective sample size {ess:.0f}")
print("MCMC mean:", round(draws.mean().item(), 3), " exact:", round(exact.mean.item(), 3))
print("MCMC 95% interval:", [round(q, 3) for q in torch.quantile(draws.flatten(), torch.tensor(
    [0.025, 0.975], dtype=torch.float64, device=draws.device)).tolist()],
      " exact:", [round(v.item(), 3) for v in exact.credible_interval(0.95)])
# --8<-- [end:mcmc]

# --8<-- [start:vi]
import torch

from aimath_ref import get_device
from aimath_ref.inference import gaussian_vi, normal_known_variance_update

x = torch.tensor([2.1, 1.7, 2.6, 1.9], dtype=torch.float64, device=get_device())


def log_joint(mu):  # log N(mu | 0, 1) + sum_i log N(x_i | mu, 0.25), up to constants
    m = mu[..., 0]
    return -0.5 * m ** 2 - 0.5 * ((x - m.unsqueeze(-1)) ** 2).sum(-1) / 0.25


fit = gaussian_vi(log_joint, dim=1, n_steps=600, generator=torch.Generator().manual_seed(0))
exact = normal_known_variance_update(0.0, 1.0, 0.25, x)
print("VI:    mean", round(fit.mean.item(), 3), " sd", round(fit.std.item(), 3))
print("exact: mean", round(exact.mean.item(), 3), " sd", round(exact.variance.sqrt().item(), 3))
print("ELBO: first step", round(fit.elbo[0].item(), 1), " last step", round(fit.elbo[-1].item(), 1))
# --8<-- [end:vi]

# --8<-- [start:mean_field]
import torch

from aimath_ref import get_device
from aimath_ref.inference import gaussian_vi

cov = torch.tensor([[1.0, 0.9], [0.9, 1.0]], dtype=torch.float64, device=get_device())  # strongly correlated
prec = torch.linalg.inv(cov)


def log_p(theta):
    return -0.5 * ((theta @ prec) * theta).sum(-1)


fit = gaussian_vi(log_p, dim=2, n_steps=800, generator=torch.Generator().manual_seed(0))
print("true marginal variances:  ", [round(v, 3) for v in cov.diagonal().tolist()])
print("mean-field VI variances:  ", [round(v, 3) for v in (fit.std ** 2).tolist()])
print("1 / precision diagonal:   ", [round(v, 3) for v in (1 / prec.diagonal()).tolist()])
# --8<-- [end:mean_field]
