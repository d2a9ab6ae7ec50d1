"""Snippets for docs/bayesian/mle.md: likelihoods, and the losses they become."""

# --8<-- [start:coin]
import torch

from aimath_ref import get_device
from aimath_ref.inference import bernoulli_nll

device = get_device()
flips = torch.tensor([1, 0, 1, 1, 0, 1, 1, 1, 0, 1], dtype=torch.float64,
                     device=device)  # 7 heads in 10
theta = torch.linspace(0.01, 0.99, 99, dtype=torch.float64, device=device)
grid = theta.unsqueeze(1).expand(99, 10)  # each candidate θ against each flip
nll = bernoulli_nll(grid, flips.expand(99, 10), "none")  # -log P(x_i | θ)
log_lik = -nll.sum(dim=1)  # log L(θ) = Σ_i log P(x_i | θ)
best = log_lik.argmax()
print("MLE of theta:", round(theta[best].item(), 2))
print("log-likelihood there:", round(log_lik[best].item(), 4))
print("likelihood there:", round(log_lik[best].exp().item(), 6))
# --8<-- [end:coin]

# --8<-- [start:underflow]
import torch

from aimath_ref import get_device

probs = torch.full((2000,), 0.6, device=get_device())  # 2,000 P(x_i | θ)
print("product of probabilities:", probs.prod().item())
print("sum of log-probabilities:", round(probs.log().sum().item(), 2))
# --8<-- [end:underflow]

# --8<-- [start:gaussian]
import torch
import torch.nn.functional as F

from aimath_ref import get_device, randn
from aimath_ref.inference import gaussian_nll

y = randn(1000, seed=0).to(get_device())  # targets
y_hat = 0.8 * y + 0.3 * randn(1000, seed=1).to(get_device())  # predictions
mse = F.mse_loss(y_hat, y)
ones = torch.ones_like(y)
print("MSE:", round(mse.item(), 4))
nll = gaussian_nll(y_hat, y, var=1.0)
print("Gaussian NLL, sigma^2 = 1:", round(nll.item(), 4), "= MSE / 2")
print("same as torch:", round(F.gaussian_nll_loss(y_hat, y, ones).item(), 4))
# sigma^2 is a parameter too: the NLL is lowest where sigma^2 equals the MSE
for var in (0.05, mse.item(), 0.5):
    nll = gaussian_nll(y_hat, y, var=var, full=True)
    print(f"sigma^2 = {var:.4f}: full NLL {nll.item():.4f}")
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
bce = F.binary_cross_entropy_with_logits(z, y)
print("torch BCE with logits:", round(bce.item(), 4))

# Confident and wrong: sigmoid(1e4) rounds to 1.0; the logit stays exact.
z_big = torch.tensor([1e4], device=get_device())
y0 = torch.tensor([0.0], device=get_device())
print("from the logit 1e4:", bernoulli_nll(z_big, y0, logits=True).item())
p_big = torch.sigmoid(z_big)
print("from its rounded probability:", bernoulli_nll(p_big, y0).item())
# --8<-- [end:bernoulli]

# --8<-- [start:categorical]
import torch
import torch.nn.functional as F

from aimath_ref import get_device
from aimath_ref.inference import categorical_nll
from aimath_ref.probability import log_softmax

logits = torch.tensor([[2.0, 0.5, -1.0],  # 2 examples, 3 classes
                       [0.2, 0.1, 1.5]], device=get_device())
labels = torch.tensor([0, 1], device=get_device())
log_p_y = log_softmax(logits)[[0, 1], labels]  # log p of each true class
print("categorical NLL:", round(categorical_nll(logits, labels).item(), 4))
print("-mean log p_y:", round(-log_p_y.mean().item(), 4))
print("torch cross_entropy:", round(F.cross_entropy(logits, labels).item(), 4))
# --8<-- [end:categorical]

# --8<-- [start:laplace]
import torch
import torch.nn.functional as F

from aimath_ref import get_device
from aimath_ref.inference import gaussian_nll, laplace_nll

device = get_device()
y = torch.tensor([1.0, 1.2, 0.9, 1.1, 1.0, 1.05, 9.0],  # one outlier
                 dtype=torch.float64, device=device)
ones = torch.ones_like(y)
print("Laplace NLL (b = 1):", round(laplace_nll(ones, y).item(), 4),
      " MAE:", round(F.l1_loss(ones, y).item(), 4))

# Fit one constant c to the data: which candidate has the smallest NLL?
c = torch.linspace(0.0, 10.0, 10001, dtype=torch.float64, device=device)
pred = c.unsqueeze(1).expand(-1, len(y))  # (candidates, data)
targets = y.expand(len(c), -1)
gauss = gaussian_nll(pred, targets, 1.0, reduction="none").mean(dim=1)
laplace = laplace_nll(pred, targets, reduction="none").mean(dim=1)
print("Gaussian MLE:", round(c[gauss.argmin()].item(), 3),
      " mean:", round(y.mean().item(), 3))
print("Laplace MLE:", round(c[laplace.argmin()].item(), 3),
      " median:", round(y.median().item(), 3))
# --8<-- [end:laplace]
