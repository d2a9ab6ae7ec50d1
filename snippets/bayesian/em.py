"""Snippets for docs/bayesian/em.md: EM for a Gaussian mixture and the HMM forward algorithm."""

# --8<-- [start:gmm]
import torch

from aimath_ref import get_device
from aimath_ref.inference import gmm_em

g = torch.Generator().manual_seed(0)
X = torch.cat([torch.randn(60, 1, generator=g, dtype=torch.float64) - 2.0,       # 60 points near -2
               0.5 * torch.randn(40, 1, generator=g, dtype=torch.float64) + 1.5])  # 40 points near 1.5
X = X.to(get_device())
fit = gmm_em(X, k=2, n_iter=50, means_init=torch.tensor([[-0.5], [0.5]], dtype=torch.float64, device=X.device))
print("weights:", [round(w, 3) for w in fit.weights.tolist()])
print("means:", [round(m, 3) for m in fit.means.flatten().tolist()])
print("std devs:", [round(s, 3) for s in fit.covariances.flatten().sqrt().tolist()])
i = (fit.responsibilities[:, 0] - 0.5).abs().argmin()  # the point the model is least sure about
print(f"point x = {X[i, 0].item():.2f} has responsibilities", [round(r, 2) for r in fit.responsibilities[i].tolist()])
# --8<-- [end:gmm]

# --8<-- [start:monotone]
import torch

from aimath_ref import get_device
from aimath_ref.inference import gmm_em

g = torch.Generator().manual_seed(0)
X = torch.cat([torch.randn(60, 1, generator=g, dtype=torch.float64) - 2.0,
               0.5 * torch.randn(40, 1, generator=g, dtype=torch.float64) + 1.5]).to(get_device())
fit = gmm_em(X, k=2, n_iter=50, means_init=torch.tensor([[-0.5], [0.5]], dtype=torch.float64, device=X.device),
             reg_covar=0.0)  # the exact M-step
ll = fit.log_likelihood  # average log-likelihood before the first step and after each step
print("first steps:", [round(v, 4) for v in ll[:6].tolist()])
print("last steps: ", [round(v, 4) for v in ll[-3:].tolist()])
steps = ll[1:] - ll[:-1]
print("largest increase:", round(steps.max().item(), 4))
print("any decrease beyond rounding (1e-12)?", bool((steps < -1e-12).any()))
# --8<-- [end:monotone]

# --8<-- [start:local]
import torch

from aimath_ref import get_device
from aimath_ref.inference import gmm_em

g = torch.Generator().manual_seed(1)
centres = torch.tensor([[0.0, 0.0], [6.0, 0.0], [0.0, 6.0]], dtype=torch.float64)
X = (centres.repeat_interleave(50, dim=0) + torch.randn(150, 2, generator=g, dtype=torch.float64)).to(get_device())
starts = {"all three means equal": [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]],
          "two means in one cluster": [[-0.5, 0.0], [0.5, 0.0], [3.0, 3.0]],
          "one mean near each cluster": [[-1.0, 0.0], [1.0, 0.0], [0.0, 6.0]]}
cov0 = torch.eye(2, dtype=torch.float64, device=X.device).expand(3, 2, 2)
for name, m0 in starts.items():
    fit = gmm_em(X, k=3, n_iter=100, means_init=torch.tensor(m0, dtype=torch.float64, device=X.device),
                 covariances_init=cov0)
    means = sorted([round(v, 1) + 0.0 for v in m] for m in fit.means.tolist())
    print(f"{name:27}: log-likelihood {fit.log_likelihood[-1].item():.4f}, means {means}")
# --8<-- [end:local]

# --8<-- [start:hmm]
import itertools
import math

import torch

from aimath_ref import get_device
from aimath_ref.inference import hmm_forward

dev = get_device()
pi = torch.tensor([0.6, 0.4], dtype=torch.float64, device=dev)          # start: rainy / sunny
A = torch.tensor([[0.7, 0.3], [0.4, 0.6]], dtype=torch.float64, device=dev)   # weather tomorrow given today
B = torch.tensor([[0.1, 0.4, 0.5], [0.6, 0.3, 0.1]], dtype=torch.float64, device=dev)  # walk / shop / clean
obs = torch.tensor([0, 1, 2, 2], device=dev)
out = hmm_forward(pi, A, B, obs)
brute = sum(math.prod([pi[z[0]].item() * B[z[0], obs[0]].item()] +
                      [A[z[t - 1], z[t]].item() * B[z[t], obs[t]].item() for t in range(1, 4)])
            for z in itertools.product(range(2), repeat=4))       # all 2^4 hidden paths
print("forward:", round(out.log_likelihood.exp().item(), 6), " enumeration:", round(brute, 6))
long = torch.randint(0, 3, (2_000,), generator=torch.Generator().manual_seed(0)).to(dev)
print("log p of 2,000 observations:", round(hmm_forward(pi, A, B, long).log_likelihood.item(), 1))
# --8<-- [end:hmm]

# --8<-- [start:baum_welch]
import torch

from aimath_ref import get_device
from aimath_ref.inference import baum_welch, hmm_posteriors

dev = get_device()
obs = torch.tensor([0, 0, 0, 0, 2, 2, 1, 2, 2, 0, 0, 1, 0, 0, 2, 2, 2, 1, 2, 0, 0, 0], device=dev)
pi = torch.tensor([0.5, 0.5], dtype=torch.float64, device=dev)
A = torch.tensor([[0.6, 0.4], [0.4, 0.6]], dtype=torch.float64, device=dev)
B = torch.tensor([[0.4, 0.3, 0.3], [0.3, 0.3, 0.4]], dtype=torch.float64, device=dev)  # a nearly blind start
fit = baum_welch(obs, pi, A, B, n_iter=40)
print("log-likelihood:", round(fit.log_likelihood[0].item(), 3), "->", round(fit.log_likelihood[-1].item(), 3))
print("stay probabilities:", [round(fit.A[s, s].item(), 2) for s in range(2)])
print("emissions of state 0:", [round(b, 2) for b in fit.B[0].tolist()])
print("emissions of state 1:", [round(b, 2) for b in fit.B[1].tolist()])
state0 = hmm_posteriors(fit.pi, fit.A, fit.B, obs)[:, 0]
print("likelier state at each step:  ", "".join("0" if p > 0.5 else "1" for p in state0.tolist()))
# --8<-- [end:baum_welch]
