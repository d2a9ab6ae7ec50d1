"""Examples for the Norms page (docs/linear-algebra/norms.md). Runs on its own."""

# --8<-- [start:basics]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import l1_norm, l2_norm, linf_norm

device = get_device()
x = torch.tensor([3.0, -4.0, 0.0, 1.0], device=device)

print("L1  :", l1_norm(x).item())  # |3| + |-4| + |0| + |1|
print("L2  :", round(l2_norm(x).item(), 4))  # sqrt(9 + 16 + 0 + 1)
print("Linf:", linf_norm(x).item())  # the largest |x_i|
# --8<-- [end:basics]

# --8<-- [start:batched]
import torch

from aimath_ref import randn
from aimath_ref.linalg import l2_norm

X = randn(4, 3, seed=0)  # 4 embeddings of dimension 3
row_norms = l2_norm(X, dim=-1)  # one length per row, shape (4,)
reference = torch.linalg.vector_norm(X, ord=2, dim=-1)

print([round(v, 4) for v in row_norms.tolist()])
print("matches torch:", torch.allclose(row_norms, reference))
# --8<-- [end:batched]

# --8<-- [start:frobenius]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import frobenius_norm, l2_norm

A = torch.tensor([[1.0, 2.0, 0.0], [3.0, 4.0, -1.0]], device=get_device())
sigma = torch.linalg.svdvals(A)  # singular values

print("Frobenius        :", round(frobenius_norm(A).item(), 4))
print("L2 of flattened A:", round(l2_norm(A.flatten()).item(), 4))
print("sqrt(trace(AᵀA)) :", round(torch.trace(A.T @ A).sqrt().item(), 4))
print("sqrt(sum σ²)     :", round(sigma.pow(2).sum().sqrt().item(), 4))
# --8<-- [end:frobenius]

# --8<-- [start:overflow]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import l2_norm

x = torch.tensor([3e30, 4e30], device=get_device())  # float32 tops out near 3.4e38
naive = x.pow(2).sum().sqrt()  # 9e60 does not fit: overflows to inf

print("naive  :", naive.item())
print("l2_norm:", f"{l2_norm(x).item():.4g}")
# --8<-- [end:overflow]

# --8<-- [start:weight_decay]
import torch

from aimath_ref import randn
from aimath_ref.linalg import l2_norm

w0 = randn(5, seed=1)
target = randn(5, seed=2)
lam = 0.1


def loss(w):
    return 0.5 * (w - target).pow(2).sum()


def one_step(opt_class, penalty, **kw):
    w = w0.clone().requires_grad_()
    opt = opt_class([w], lr=0.1, **kw)
    opt.zero_grad()
    total = loss(w) + (0.5 * lam * l2_norm(w) ** 2 if penalty else 0.0)
    total.backward()
    opt.step()
    return w.detach()


sgd_decay = one_step(torch.optim.SGD, penalty=False, weight_decay=lam)
sgd_penalty = one_step(torch.optim.SGD, penalty=True)
adam_penalty = one_step(torch.optim.Adam, penalty=True)
adamw_decay = one_step(torch.optim.AdamW, penalty=False, weight_decay=lam)

print("SGD:  decay == L2 penalty?", torch.allclose(sgd_decay, sgd_penalty))
print("Adam: AdamW decay == L2 penalty?", torch.allclose(adamw_decay, adam_penalty))
# --8<-- [end:weight_decay]

# --8<-- [start:clipping]
import torch

from aimath_ref import get_device, randn
from aimath_ref.linalg import l2_norm, linf_norm

layer = torch.nn.Linear(3, 2).to(get_device())
with torch.no_grad():  # deterministic weights, whatever the device
    layer.weight.copy_(randn(2, 3, seed=3))
    layer.bias.copy_(randn(2, seed=4))
out = layer(10 * randn(8, 3, seed=5)).pow(2).sum()
out.backward()

grads = torch.cat([p.grad.flatten() for p in layer.parameters()])
print("global L2 norm before:", round(l2_norm(grads).item(), 2))

torch.nn.utils.clip_grad_norm_(layer.parameters(), max_norm=1.0)  # rescale all grads together
grads = torch.cat([p.grad.flatten() for p in layer.parameters()])
print("global L2 norm after :", round(l2_norm(grads).item(), 4))

torch.nn.utils.clip_grad_value_(layer.parameters(), clip_value=0.1)  # clamp each entry
grads = torch.cat([p.grad.flatten() for p in layer.parameters()])
print("largest entry after value clipping:", round(linf_norm(grads).item(), 4))
# --8<-- [end:clipping]
