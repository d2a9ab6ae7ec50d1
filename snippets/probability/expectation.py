"""Snippets for docs/probability/expectation.md: expectation, variance, covariance and correlation."""

# --8<-- [start:die]
import torch

from aimath_ref import get_device
from aimath_ref.probability import expectation, variance

faces = torch.arange(1.0, 7.0, device=get_device())
fair = torch.full((6,), 1 / 6, device=get_device())
loaded = torch.tensor([0.1, 0.1, 0.1, 0.1, 0.1, 0.5], device=get_device())
print("fair:  ", round(expectation(faces, fair).item(), 4), round(variance(faces, fair).item(), 4))
print("loaded:", round(expectation(faces, loaded).item(), 4), round(variance(faces, loaded).item(), 4))
# --8<-- [end:die]

# --8<-- [start:loss]
import torch

from aimath_ref import randn

# The loss is an expectation over data; a batch average estimates it.
x, noise = randn(10_000, seed=1), randn(10_000, seed=2)
y = 2.0 * x + 0.5 * noise  # data from y = 2x + noise
y_hat = 2.0 * x  # a model that got the slope right
loss = ((y_hat - y) ** 2).mean()  # estimates E[(y_hat - y)^2] = 0.25
print("empirical MSE:", round(loss.item(), 3))
# --8<-- [end:loss]

# --8<-- [start:cov]
import torch

from aimath_ref import randn
from aimath_ref.probability import correlation_matrix, covariance_matrix

# 1000 observations (rows) of 3 features (columns)
height = randn(1000, seed=3)
weight = 0.8 * height + 0.6 * randn(1000, seed=4)  # correlated with height
noise = randn(1000, seed=5)  # unrelated
X = torch.stack([height, weight, noise], dim=1)  # (n, d) = (1000, 3)
S = covariance_matrix(X)
R = correlation_matrix(X)
print("covariance:")
for row in S.tolist():
    print([round(v, 2) for v in row])
print("correlation of height and weight:", round(R[0, 1].item(), 2))
print("same as torch.cov(X.T):", torch.allclose(S, torch.cov(X.T)))
# --8<-- [end:cov]

# --8<-- [start:uncorrelated]
import torch

from aimath_ref import randn
from aimath_ref.probability import correlation_matrix

x = randn(100_000, seed=6, dtype=torch.float64)
y = x ** 2  # completely determined by x
rho = correlation_matrix(torch.stack([x, y], dim=1))[0, 1]
print("correlation of x and x^2:", round(rho.item(), 2))
small, large = y[x.abs() < 0.5].mean(), y[x.abs() > 2].mean()
print("E[y | |x| < 0.5] =", round(small.item(), 2), " E[y | |x| > 2] =", round(large.item(), 2))
# --8<-- [end:uncorrelated]
