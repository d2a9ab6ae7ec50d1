"""Snippets for docs/probability/gaussian.md: 68-95-99.7, initialisation, noise, standardisation, N(mu, Sigma)."""

# --8<-- [start:rule]
import torch

from aimath_ref.probability import Gaussian, within_k_sigma

for k in (1, 2, 3):
    print(f"within {k} sigma: {within_k_sigma(k):.4f}")
x = Gaussian(mu=5.0, sigma=2.0).sample(100_000, generator=torch.Generator().manual_seed(0))
print("sampled fraction within 2 sigma:", round(((x - 5.0).abs() <= 4.0).double().mean().item(), 3))
# --8<-- [end:rule]

# --8<-- [start:init]
import torch

from aimath_ref.probability import he_normal_std, lecun_normal_std, xavier_normal_std

fan_in, fan_out = 512, 128
print("LeCun  std:", round(lecun_normal_std(fan_in), 4))
print("Xavier std:", round(xavier_normal_std(fan_in, fan_out), 4))
print("He     std:", round(he_normal_std(fan_in), 4))
w = torch.empty(fan_out, fan_in, device="cpu")  # a Linear weight is (out, in); drawn on the CPU
torch.nn.init.xavier_normal_(w, generator=torch.Generator().manual_seed(0))
print("torch xavier_normal_ spread:", round(w.std().item(), 4))
# --8<-- [end:init]

# --8<-- [start:depth]
from aimath_ref.probability import activation_stds, he_normal_std, lecun_normal_std

width, depth = 256, 30
for name, std in [("LeCun", lecun_normal_std(width)), ("He", he_normal_std(width))]:
    stds = activation_stds(width, depth, std, nonlinearity="relu", seed=0)
    print(f"{name:5s} ReLU net, std after layers 1, 10, 30:", [f"{stds[i]:.2g}" for i in (0, 9, 29)])
# --8<-- [end:depth]

# --8<-- [start:noise]
import torch

from aimath_ref import get_device
from aimath_ref.probability import diffusion_noise, reparameterize

device = get_device()
mu = torch.tensor([0.5, -1.0], device=device, requires_grad=True)
sigma = torch.tensor([0.1, 2.0], device=device, requires_grad=True)
z = reparameterize(mu, sigma, generator=torch.Generator().manual_seed(0))  # z = mu + sigma * eps
z.sum().backward()
print("dz/dmu:", mu.grad.tolist(), " dz/dsigma (= eps):", [round(v, 4) for v in sigma.grad.tolist()])

x0 = torch.full((100_000,), 3.0, dtype=torch.float64, device=device)
for a in (0.9, 0.5, 0.01):
    xt = diffusion_noise(x0, alpha_bar=a, generator=torch.Generator().manual_seed(1))
    print(f"alpha_bar={a}: mean {xt.mean().item():.2f}, std {xt.std().item():.2f}")
# --8<-- [end:noise]

# --8<-- [start:standardize]
import torch

from aimath_ref import randn
from aimath_ref.probability import standardize

age = 40 + 12 * randn(500, seed=7)  # years
income = 50_000 + 15_000 * randn(500, seed=8)  # euros
X = torch.stack([age, income], dim=1)  # (500, 2): rows are people
Z = standardize(X)  # z = (x - mu) / sigma, column by column
print("means:", [round(v, 3) + 0.0 for v in Z.mean(0).tolist()])
print("stds: ", [round(v, 3) for v in Z.std(0, correction=0).tolist()])
# --8<-- [end:standardize]

# --8<-- [start:mvn_density]
import torch

from aimath_ref import get_device
from aimath_ref.probability import MultivariateGaussian

device = get_device()
mu = torch.tensor([0.0, 0.0], dtype=torch.float64, device=device)
# variances 4 and 1, correlation 1.9 / (2 * 1) = 0.95
Sigma = torch.tensor([[4.0, 1.9], [1.9, 1.0]], dtype=torch.float64, device=device)
mvn = MultivariateGaussian(mu, Sigma)
stds, axes = mvn.axes()  # half-axes sqrt(lambda_i) along q_i
print("axis lengths:", [round(v, 3) for v in stds.tolist()])
print("long axis:", [round(abs(v), 3) for v in axes[:, 0].tolist()])

# two points at the same Euclidean distance from mu
x = torch.tensor([[2.0, 1.0], [2.0, -1.0]], dtype=torch.float64, device=device)
print("euclidean:  ", [round(v, 3) for v in x.norm(dim=1).tolist()])
print("mahalanobis:", [round(v, 3) for v in mvn.mahalanobis(x).tolist()])
print("log density:", [round(v, 3) for v in mvn.log_prob(x).tolist()])
# --8<-- [end:mvn_density]

# --8<-- [start:mvn_sampling]
import torch

from aimath_ref import get_device
from aimath_ref.probability import MultivariateGaussian, covariance_matrix

mu = torch.tensor([1.0, -2.0], dtype=torch.float64)
Sigma = torch.tensor([[4.0, 1.9], [1.9, 1.0]], dtype=torch.float64)
mvn = MultivariateGaussian(mu, Sigma)
L = mvn.scale_tril  # Cholesky factor: L @ L.T == Sigma
print("L:", [[round(v, 4) for v in row] for row in L.tolist()])

gen = torch.Generator().manual_seed(0)
X = mvn.sample(50_000, generator=gen).to(get_device())  # rows mu + L eps
C = covariance_matrix(X)
print("sample mean:", [round(v, 2) for v in X.mean(0).tolist()])
print("sample cov: ", [[round(v, 2) for v in row] for row in C.tolist()])
# --8<-- [end:mvn_sampling]
