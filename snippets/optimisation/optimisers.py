"""Snippets for docs/optimisation/optimisers.md: momentum, RMSprop, Adam, AdamW, Adafactor, parity with torch."""

# --8<-- [start:valley]
import torch

from aimath_ref import get_device, optim

curvature = torch.tensor([1.0, 50.0], dtype=torch.float64, device=get_device())  # f = (x² + 50 y²) / 2


def losses(make, at=(20, 60)):
    w = torch.tensor([-4.0, 1.0], dtype=torch.float64, device=get_device(), requires_grad=True)
    opt = make([w])
    out = []
    for step in range(1, max(at) + 1):
        opt.zero_grad()
        loss = 0.5 * (curvature * w ** 2).sum()
        loss.backward()
        opt.step()
        if step in at:
            out.append(f"{0.5 * (curvature * w ** 2).sum().item():.4g}")
    return out


runs = {"SGD lr=0.035": lambda p: optim.SGD(p, lr=0.035),
        "SGD lr=0.045": lambda p: optim.SGD(p, lr=0.045),  # above 2/L = 0.04: diverges
        "momentum 0.8": lambda p: optim.SGD(p, lr=0.01, momentum=0.8),
        "Nesterov 0.8": lambda p: optim.SGD(p, lr=0.01, momentum=0.8, nesterov=True),
        "RMSprop": lambda p: optim.RMSprop(p, lr=0.05),
        "Adam": lambda p: optim.Adam(p, lr=0.2)}
for name, make in runs.items():
    print(f"{name:13s} loss after 20 and 60 steps:", *losses(make))
# --8<-- [end:valley]

# --8<-- [start:rmsprop]
import torch

from aimath_ref.optim import rmsprop_update

p = torch.zeros(2)
v = torch.zeros(2)  # running mean of g², one per coordinate
for step in range(3):
    g = torch.tensor([100.0, 0.01])  # one steep coordinate, one flat
    rmsprop_update(p, g, v, lr=0.01, alpha=0.99)
    print(f"step {step + 1}: p = {[round(x, 4) for x in p.tolist()]}")
# --8<-- [end:rmsprop]

# --8<-- [start:adam]
import torch

from aimath_ref.optim import adam_update

for scale in (1e-3, 1.0, 1e3):
    p = torch.zeros(3)
    m, v = torch.zeros(3), torch.zeros(3)
    g = scale * torch.tensor([1.0, -2.0, 0.5])
    adam_update(p, g, m, v, step=1, lr=0.1)  # m̂_1 = g, v̂_1 = g²: the step is lr · sign(g)
    print(f"gradient scale {scale:g}: first step {[round(x, 4) for x in p.tolist()]}")

m, v = torch.zeros(1), torch.zeros(1)
p = torch.zeros(1)
adam_update(p, torch.ones(1), m, v, step=1)
print("raw m_1 =", round(m.item(), 4), "raw v_1 =", round(v.item(), 4), "(the bias corrections divide these by 0.1 and 0.001)")
# --8<-- [end:adam]

# --8<-- [start:adamw]
import torch

from aimath_ref import optim

scale = torch.tensor([100.0, 1.0, 0.01], dtype=torch.float64)  # per-coordinate gradient scale
target = torch.ones(3, dtype=torch.float64)


def final_weights(make, l2=0.0, steps=500):
    w = torch.ones(3, dtype=torch.float64, requires_grad=True)
    opt = make([w])
    for _ in range(steps):
        opt.zero_grad()
        loss = 0.5 * (scale * (w - target) ** 2).sum() + 0.5 * l2 * (w ** 2).sum()
        loss.backward()
        opt.step()
    return [round(x, 3) for x in w.tolist()]


print("Adam + L2 in the loss:", final_weights(lambda p: optim.Adam(p, lr=0.01), l2=0.1))
print("Adam(weight_decay=0.1):", final_weights(lambda p: optim.Adam(p, lr=0.01, weight_decay=0.1)))
print("AdamW(weight_decay=0.1):", final_weights(lambda p: optim.AdamW(p, lr=0.01, weight_decay=0.1)))
# --8<-- [end:adamw]

# --8<-- [start:adafactor]
import math

from aimath_ref import optim

for name, opt in [("Adam", optim.Adam), ("Adafactor", optim.Adafactor)]:
    shapes = optim.state_shapes(opt, (4096, 1024))  # one step on a real 4096 x 1024 weight
    numbers = sum(math.prod(s) for s in shapes.values() if s)
    print(f"{name}: {numbers:,} numbers of state for 4,194,304 weights")
    for key, shape in shapes.items():
        print(f"    {key}: {shape}")
print("Adafactor, 1,024-entry bias:", optim.state_shapes(optim.Adafactor, (1024,)))
# --8<-- [end:adafactor]

# --8<-- [start:parity]
import torch

from aimath_ref import get_device, optim

gen = torch.Generator().manual_seed(0)
init = [torch.randn(5, 4, generator=gen, dtype=torch.float64).to(get_device()) for _ in range(2)]
ours = [p.clone().requires_grad_() for p in init]
theirs = [p.clone().requires_grad_() for p in init]
opt_ours = optim.Adam(ours, lr=0.01, weight_decay=0.1)
opt_theirs = torch.optim.Adam(theirs, lr=0.01, weight_decay=0.1, foreach=False)
for step in range(50):
    for a, b in zip(ours, theirs):
        g = torch.randn(5, 4, generator=gen, dtype=torch.float64).to(get_device())
        a.grad, b.grad = g.clone(), g.clone()
    opt_ours.step()
    opt_theirs.step()
gap = max((a - b).abs().max().item() for a, b in zip(ours, theirs))
print("largest difference after 50 steps:", "below 1e-12" if gap < 1e-12 else gap)
print("state names:", sorted(opt_ours.state[ours[0]]), "==", sorted(opt_theirs.state[theirs[0]]))
# --8<-- [end:parity]

# --8<-- [start:digits]
import torch
from sklearn.datasets import load_digits

from aimath_ref import get_device, optim

X, y = load_digits(return_X_y=True)  # 1,797 handwritten digits, 8 x 8 pixels, shipped with scikit-learn
X, y = torch.tensor(X / 16.0, device=get_device()), torch.tensor(y, device=get_device())

# Same seed, same initial weights, same mini-batches of 128: only the optimiser differs.
ours = optim.mlp_training_losses(X, y, lambda p: optim.AdamW(p, lr=1e-2), steps=200)
theirs = optim.mlp_training_losses(X, y, lambda p: torch.optim.AdamW(p, lr=1e-2, foreach=False), steps=200)
print("loss at steps 0, 50, 199:", [round(ours[t], 4) for t in (0, 50, 199)])
print("largest gap between the two runs:", max(abs(a - b) for a, b in zip(ours, theirs)) < 1e-10)
# --8<-- [end:digits]
