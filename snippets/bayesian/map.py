"""Snippets for docs/bayesian/map.md: priors, ridge, the lasso, weight decay."""

# --8<-- [start:priors]
import torch

from aimath_ref import get_device
from aimath_ref.inference import l1_penalty, l2_penalty, laplace_nll
from aimath_ref.probability import Gaussian

w = torch.tensor([0.5, -1.5, 2.0, 0.0], dtype=torch.float64).to(get_device())
zero = torch.zeros_like(w)

tau = 0.8  # Gaussian prior N(0, tau^2) on every weight
prior = Gaussian(0.0, tau)
# -log P(w) minus its constant, which is -log P(0)
neg_log_prior = prior.log_prob(zero).sum() - prior.log_prob(w).sum()
penalty = l2_penalty(w, 1 / (2 * tau**2))
print("Gaussian prior:", round(neg_log_prior.item(), 4),
      " l2_penalty, lam = 1/(2 tau^2):", round(penalty.item(), 4))

b = 0.5  # Laplace prior: -log P(w_j) = |w_j| / b + log 2b
neg_log_prior = (laplace_nll(zero, w, scale=b, full=True, reduction="sum")
                 - laplace_nll(zero, zero, scale=b, full=True, reduction="sum"))
print("Laplace prior:", round(neg_log_prior.item(), 4),
      " l1_penalty, lam = 1/b:", round(l1_penalty(w, 1 / b).item(), 4))
# --8<-- [end:priors]

# --8<-- [start:ridge]
import torch

from aimath_ref import get_device, randn
from aimath_ref.inference import ridge_map

device = get_device()
X = randn(30, 5, seed=0, dtype=torch.float64).to(device)
w_true = torch.tensor([2.0, -1.0, 0.0, 0.0, 0.5]).double().to(device)
y = X @ w_true + 0.5 * randn(30, seed=1, dtype=torch.float64).to(device)

sigma2 = 0.25  # noise variance
for tau2 in (1e9, 1.0, 0.01):  # prior variance: from "anything goes" to "tiny"
    fit = ridge_map(X, y, lam=sigma2 / tau2)  # lam = sigma^2 / tau^2
    print(f"tau^2 = {tau2:g}: w =", [round(v, 3) for v in fit.coef.tolist()])
# --8<-- [end:ridge]

# --8<-- [start:lasso]
import torch

from aimath_ref import get_device, randn
from aimath_ref.inference import lasso_ista, ridge_map

device = get_device()
X = randn(30, 5, seed=0, dtype=torch.float64).to(device)
w_true = torch.tensor([2.0, -1.0, 0.0, 0.0, 0.5]).double().to(device)
y = X @ w_true + 0.5 * randn(30, seed=1, dtype=torch.float64).to(device)

lasso = lasso_ista(X, y, l1=20.0)  # min ||y - Xw - c||^2 + 20 ||w||_1
ridge = ridge_map(X, y, lam=20.0)  # min ||y - Xw - c||^2 + 20 ||w||_2^2
print("lasso:", [round(v, 3) for v in lasso.coef.tolist()],
      "after", lasso.n_iter, "steps")
print("ridge:", [round(v, 3) for v in ridge.coef.tolist()])
print("exact zeros: lasso", int((lasso.coef == 0).sum()),
      "ridge", int((ridge.coef == 0).sum()))
# --8<-- [end:lasso]

# --8<-- [start:subgradient]
import torch
import torch.nn.functional as F

from aimath_ref import get_device, randn
from aimath_ref.inference import l1_penalty

device = get_device()
X = randn(30, 5, seed=0, dtype=torch.float64).to(device)
w_true = torch.tensor([2.0, -1.0, 0.0, 0.0, 0.5]).double().to(device)
y = X @ w_true + 0.5 * randn(30, seed=1, dtype=torch.float64).to(device)

# The same lasso objective by plain gradient descent: autograd uses the
# subgradient sign(0) = 0 of |w| at zero.
w = torch.zeros(5, dtype=torch.float64, device=device, requires_grad=True)
c = torch.zeros((), dtype=torch.float64, device=device, requires_grad=True)
opt = torch.optim.SGD([w, c], lr=1e-3)
for step in range(600):
    opt.zero_grad()
    loss = F.mse_loss(X @ w + c, y, reduction="sum") + l1_penalty(w, 20.0)
    loss.backward()
    opt.step()
print("subgradient descent:", [round(v, 3) for v in w.tolist()])
print("exact zeros:", int((w == 0).sum()))
# --8<-- [end:subgradient]

# --8<-- [start:decay]
import torch
import torch.nn.functional as F

from aimath_ref import get_device, randn
from aimath_ref.inference import l2_penalty

device = get_device()
X = randn(50, 4, seed=2, dtype=torch.float64).to(device)
y = X @ torch.tensor([1.0, -2.0, 0.5, 3.0], dtype=torch.float64).to(device)


def train(optimizer, lam=0.0, **kwargs):
    """100 steps of `optimizer` on MSE + lam ||w||^2; kwargs configure it."""
    w = torch.zeros(4, dtype=torch.float64, device=device, requires_grad=True)
    opt = optimizer([w], lr=0.05, **kwargs)
    for _ in range(100):
        opt.zero_grad()
        (F.mse_loss(X @ w, y) + l2_penalty(w, lam)).backward()
        opt.step()
    return w.detach()


def gap(a, b):
    """The largest difference between two trained weight vectors."""
    return f"{(a - b).abs().max().item():.6f}"


sgd_l2 = train(torch.optim.SGD, lam=0.05)
sgd_wd = train(torch.optim.SGD, weight_decay=0.1)
adam_l2 = train(torch.optim.Adam, lam=0.05)
adam_wd = train(torch.optim.Adam, weight_decay=0.1)
adamw = train(torch.optim.AdamW, weight_decay=0.1)
print("SGD: L2 term (lam = 0.05) vs weight_decay=0.1:", gap(sgd_l2, sgd_wd))
print("Adam: L2 term vs Adam(weight_decay=0.1):", gap(adam_l2, adam_wd))
print("Adam: L2 term vs AdamW(weight_decay=0.1):", gap(adam_l2, adamw))
defaults = torch.optim.AdamW([torch.zeros(1, requires_grad=True)]).defaults
print("AdamW's default weight_decay:", defaults["weight_decay"])
# --8<-- [end:decay]
