"""Snippets for docs/bayesian/mle.md: likelihoods, and the losses they turn into."""

# --8<-- [start:coin]
import torch

from aimath_ref import get_device
from aimath_ref.inference import bernoulli_nll

device = get_device()
flips = torch.tensor([1, 0, 1, 1, 0, 1, 1, 1, 0, 1], dtype=torch.float64, device=device)  # 7 heads in 10
p = torch.linspace(0.01, 0.99, 99, dtype=torch.float64, device=device)  # candidate values of θ
grid = p.unsqueeze(1).expand(99, 10)  # (99, 10): every candidate against every flip
log_lik = -bernoulli_nll(grid, flips.expand(99, 10), "none").sum(dim=1)  # log L(θ) = Σ log P(x_i | θ)
best = log_lik.argmax()
print("MLE of theta:", round(p[best].item(), 2))
print("log-likelihood there:", round(log_lik[best].item(), 4))
print("likelihood there:", round(log_lik[best].exp().item(), 6))
# --8<-- [end:coin]

# --8<-- [start:underflow]
import torch

from aimath_ref import get_device

probs = torch.full((2000,), 0.6, device=get_device())  # P(x_i | θ) of 2,000 independent points
print("product of probabilities:", probs.prod().item())
print("sum of log-probabilities:", round(probs.log().sum().item(), 2))
# --8<-- [end:underflow]

# --8<-- [start:gaussian]
import torch
import torch.nn.functional as F

from aimath_ref import get_device, randn
from aimath_ref.inference import gaussian_nll

y = randn(1000, seed=0).to(get_device())  # targets
y_hat = 0.8 * y + 0.3 * randn(1000, seed=1).to(get_device())  # a model's predictions
mse = F.mse_loss(y_hat, y)
print("MSE:", round(mse.item(), 4))
print("Gaussian NLL, sigma^2 = 1:", round(gaussian_nll(y_hat, y, var=1.0).item(), 4), "= MSE / 2")
print("same as torch:", round(F.gaussian_nll_loss(y_hat, y, torch.ones_like(y)).item(), 4))
# The noise variance is a parameter too: the NLL is lowest where sigma^2 equals the MSE.
for var in (0.05, mse.item(), 0.5):
    print(f"sigma^2 = {var:.4f}: full NLL {gaussian_nll(y_hat, y, var=var, full=True).item():.4f}")
# --8<-- [end:gaussian]

# --8<-- [start:bernoulli]
import torch
import torch.nn.functional as F

from aimath_ref import get_device
from aimath_ref.inference import bernoulli_nll

z = torch.tensor([3.0, -1.0, 0.5, -2.0], device=get_device())  # logits f(x; θ)
y = torch.tensor([1.0, 0.0, 0.0, 0.0], device=get_device())  # labels
p = torch.sigmoid(z)  # P(y = 1 | x)
print("from probabilities:", round(bernoulli_nll(p, y).item(), 4))
print("from logits:", round(bernoulli_nll(z, y, logits=True).item(), 4))
print("torch BCE:", round(F.binary_cross_entropy(p, y).item(), 4))
print("torch BCE with logits:", round(F.binary_cross_entropy_with_logits(z, y).item(), 4))

# A confident, wrong logit: the probability rounds to exactly 1.0, the logit form stays exact.
z_big, y0 = torch.tensor([1e4], device=get_device()), torch.tensor([0.0], device=get_device())
print("logit 1e4, label 0, from logits:", bernoulli_nll(z_big, y0, logits=True).item())
print("same, from the rounded probability:", bernoulli_nll(torch.sigmoid(z_big), y0).item())
# --8<-- [end:bernoulli]

# --8<-- [start:categorical]
import torch
import torch.nn.functional as F

from aimath_ref import get_device
from aimath_ref.inference import categorical_nll
from aimath_ref.probability import log_softmax

logits = torch.tensor([[2.0, 0.5, -1.0], [0.2, 0.1, 1.5]], device=get_device())  # 2 examples, 3 classes
labels = torch.tensor([0, 1], device=get_device())
print("categorical NLL:", round(categorical_nll(logits, labels).item(), 4))
print("-mean log p_y:", round(-log_softmax(logits)[[0, 1], labels].mean().item(), 4))
print("torch cross_entropy:", round(F.cross_entropy(logits, labels).item(), 4))
# --8<-- [end:categorical]

# --8<-- [start:laplace]
import torch
import torch.nn.functional as F

from aimath_ref import get_device
from aimath_ref.inference import gaussian_nll, laplace_nll

device = get_device()
y = torch.tensor([1.0, 1.2, 0.9, 1.1, 1.0, 1.05, 9.0], dtype=torch.float64, device=device)  # one outlier
print("Laplace NLL (b = 1) = MAE:", round(laplace_nll(torch.ones_like(y), y).item(), 4),
      round(F.l1_loss(torch.ones_like(y), y).item(), 4))

# Fit one constant c to the data by scanning: which c has the smallest NLL?
c = torch.linspace(0.0, 10.0, 10001, dtype=torch.float64, device=device)  # candidates, step 0.001
pred = c.unsqueeze(1).expand(-1, len(y))
targets = y.expand(len(c), -1)
c_gauss = c[gaussian_nll(pred, targets, 1.0, reduction="none").mean(dim=1).argmin()]
c_laplace = c[laplace_nll(pred, targets, reduction="none").mean(dim=1).argmin()]
print("Gaussian MLE:", round(c_gauss.item(), 3), " mean:", round(y.mean().item(), 3))
print("Laplace MLE:", round(c_laplace.item(), 3), " median:", round(y.median().item(), 3))
# --8<-- [end:laplace]
