"""Snippets for docs/information-theory/mutual-information.md: MI from a table, nonlinear dependence, features, InfoNCE."""

# --8<-- [start:table]
import torch

from aimath_ref import get_device
from aimath_ref.information import entropy, mutual_information

# X = weather (sun, rain), Y = what people carry (nothing, umbrella, coat)
joint = torch.tensor([[0.45, 0.05, 0.10],
                      [0.05, 0.25, 0.10]], device=get_device())
h_x, h_y = entropy(joint.sum(1)).item(), entropy(joint.sum(0)).item()
h_xy = entropy(joint.flatten()).item()
print(f"I(X;Y) = {mutual_information(joint).item():.4f} bits")
print(f"H(X) + H(Y) - H(X,Y) = {h_x:.4f} + {h_y:.4f} - {h_xy:.4f} = {h_x + h_y - h_xy:.4f}")
independent = torch.outer(joint.sum(1), joint.sum(0))  # same marginals, no dependence
print(f"independent table: I = {mutual_information(independent).item():.4f} bits")
# --8<-- [end:table]

# --8<-- [start:nonlinear]
import torch

from aimath_ref import get_device, rand, randn
from aimath_ref.information import joint_histogram, mutual_information
from aimath_ref.probability import correlation_matrix

n = 20_000
x = rand(n, seed=0, dtype=torch.float64).to(get_device()) * 2 - 1  # uniform on [-1, 1]
noise = 0.05 * randn(n, seed=1, dtype=torch.float64).to(get_device())
for name, y in [("y = 2x", 2 * x + noise), ("y = x^2", x ** 2 + noise), ("y independent", noise)]:
    r = correlation_matrix(torch.stack([x, y], dim=1))[0, 1].item()
    mi = mutual_information(joint_histogram(x, y, bins=16)).item()
    print(f"{name:14s} correlation {r:+.3f}   MI {mi:.2f} bits")
# --8<-- [end:nonlinear]

# --8<-- [start:features]
import torch

from aimath_ref import get_device, randn
from aimath_ref.information import joint_histogram, mutual_information
from aimath_ref.probability import correlation_matrix

n = 20_000
features = randn(n, 3, seed=2, dtype=torch.float64).to(get_device())
signal = features[:, 0] + 0.5 * randn(n, seed=3, dtype=torch.float64).to(get_device())
# the label depends on feature 0 linearly and on feature 1 only through |x|
label = ((signal > 0) | (features[:, 1].abs() > 1.5)).double()
for j, what in enumerate(["linear signal", "signal through |x|", "pure noise"]):
    x = features[:, j]
    r = correlation_matrix(torch.stack([x, label], dim=1))[0, 1].item()
    mi = mutual_information(joint_histogram(x, label, bins=12)).item()
    print(f"feature {j} ({what:18s}): correlation {r:+.3f}, MI {mi:.3f} bits")
# --8<-- [end:features]

# --8<-- [start:infonce]
import torch
import torch.nn.functional as F

from aimath_ref import get_device, randn
from aimath_ref.information import info_nce

images = randn(8, 32, seed=4).to(get_device())  # 8 image embeddings
# their captions' embeddings, nearby
texts = images + 0.3 * randn(8, 32, seed=5).to(get_device())
# CLIP-style, both directions
loss = info_nce(images, texts, temperature=0.1, symmetric=True)
# (8, 8) scores, positives on the diagonal
S = F.normalize(images, dim=1) @ F.normalize(texts, dim=1).T / 0.1
labels = torch.arange(8, device=get_device())
check = (F.cross_entropy(S, labels) + F.cross_entropy(S.T, labels)) / 2
print(f"info_nce = {loss.item():.4f}, cross-entropy of the score matrix = {check.item():.4f}")
shuffled = info_nce(images, texts[torch.randperm(8, generator=torch.Generator().manual_seed(0)).to(get_device())],
                    temperature=0.1, symmetric=True)
print(f"with the captions shuffled: {shuffled.item():.4f}")
# --8<-- [end:infonce]

# --8<-- [start:bound]
import math

import torch

from aimath_ref.information import gaussian_critic_embeddings, gaussian_mutual_information, info_nce

dim, pairs = 4, 8192
for rho in (0.7, 0.9, 0.99):
    mi = gaussian_mutual_information(rho, dim=dim, base=math.e)  # the true I(X;Y) in nats
    # the best critic
    a, b = gaussian_critic_embeddings(pairs, dim, rho, seed=0, dtype=torch.float32)
    row = []
    for n in (16, 64, 256):
        # pairs // n batches of N pairs
        batches = (a.reshape(-1, n, dim + 1), b.reshape(-1, n, dim + 1))
        loss = info_nce(*batches, temperature=1.0, similarity="dot").item()
        row.append(f"N={n}: {math.log(n) - loss:.2f}")
    print(f"rho={rho}: I = {mi:.2f} | " + " | ".join(row))
print("log N:", [round(math.log(n), 2) for n in (16, 64, 256)])
# --8<-- [end:bound]
