"""Snippets for docs/optimisation/sgd.md: mini-batch noise on real data, and gradient accumulation."""

# --8<-- [start:noise]
import torch
from sklearn.datasets import load_diabetes  # 442 patients, 10 features, shipped with scikit-learn

from aimath_ref import get_device
from aimath_ref.optim import (
    loglog_slope,
    minibatch_gradient_variance,
    minibatch_variance_theory,
    per_example_gradients,
)

X, y = load_diabetes(return_X_y=True)
X = torch.cat([torch.tensor(X), torch.ones(len(X), 1, dtype=torch.float64)], 1)  # + intercept
X = X.to(get_device())
y = torch.tensor(y).to(get_device())
sq = lambda w, x, t: 0.5 * (x @ w - t) ** 2  # the loss of one example
w = torch.zeros(11, dtype=torch.float64, device=get_device())
G = per_example_gradients(sq, w, X, y)  # (442, 11): one gradient per patient

sizes = [1, 4, 16, 64, 256]
measured = [minibatch_gradient_variance(G, B, n_batches=2000, generator=torch.Generator().manual_seed(B))
            for B in sizes]
for B, v in zip(sizes, measured):
    print(f"B = {B:3d}: measured {v:9.1f}   theory {minibatch_variance_theory(G, B):9.1f}")
print("full gradient norm squared:", round(G.mean(0).norm().item() ** 2, 1))
print("log-log slope:", round(loglog_slope(sizes[:4], measured[:4]), 3))
# --8<-- [end:noise]

# --8<-- [start:accumulate]
import torch

from aimath_ref import get_device
from aimath_ref.optim import accumulate_gradients

gen = torch.Generator().manual_seed(0)
X = torch.randn(32, 5, generator=gen, device="cpu").to(get_device())
y = torch.randn(32, 1, generator=gen, device="cpu").to(get_device())
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(5, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
model = model.to(get_device())
params = list(model.parameters())
mse = lambda Xb, yb: torch.nn.functional.mse_loss(model(Xb), yb)  # mean over the batch

full = torch.autograd.grad(mse(X, y), params)  # one batch of B * K = 32
micro = [(X[k * 8:(k + 1) * 8], y[k * 8:(k + 1) * 8]) for k in range(4)]  # K = 4 micro-batches of B = 8
scaled = accumulate_gradients(mse, params, micro)  # each loss divided by K before backward()
summed = accumulate_gradients(mse, params, micro, normalize=False)  # forgot the 1/K
err = max((a - b).abs().max().item() for a, b in zip(scaled, full))
print("scaled by 1/K, equal to the full batch (float32 rounding):", err < 1e-6)
print("not scaled: gradient norm ratio =", round((summed[0].norm() / full[0].norm()).item(), 4))
# --8<-- [end:accumulate]

# --8<-- [start:tokens]
# Batch sizes of large language models are reported in tokens per step; each sequence holds
# `context` tokens, so the number of sequences per step is tokens / context.
for name, tokens, context in [("GPT-3 175B", 3.2e6, 2048), ("LLaMA 65B", 4.0e6, 2048)]:
    print(f"{name}: {tokens / 1e6:.1f}M tokens per step = about {tokens / context:,.0f} "
          f"sequences of {context}")
# --8<-- [end:tokens]
