"""Snippets for docs/information-theory/kl-divergence.md: properties, torch's kl_div, forward vs reverse, distillation."""

# --8<-- [start:properties]
import torch

from aimath_ref import get_device
from aimath_ref.information import cross_entropy, entropy, kl_divergence

# a coin that lands heads 90 % of the time
p = torch.tensor([0.9, 0.1], device=get_device())
q = torch.tensor([0.5, 0.5], device=get_device())  # a model that thinks it is fair
print(f"KL(P||Q) = {kl_divergence(p, q).item():.4f} bits,  KL(Q||P) = {kl_divergence(q, p).item():.4f} bits")
print(f"KL(P||P) = {kl_divergence(p, p).item():.4f}")
print(f"H(P,Q) - H(P) = {(cross_entropy(p, q) - entropy(p)).item():.4f} bits")
sure = torch.tensor([1.0, 0.0], device=get_device())  # a model that rules tails out
print(f"KL(P||sure) = {kl_divergence(p, sure).item()},  KL(sure||P) = {kl_divergence(sure, p).item():.4f}")
# --8<-- [end:properties]

# --8<-- [start:torch]
import math

import torch
import torch.nn.functional as F

from aimath_ref import get_device, rand
from aimath_ref.information import kl_divergence

p = rand(3, 5, seed=0).to(get_device())
p = p / p.sum(-1, keepdim=True)  # three true distributions
q = rand(3, 5, seed=1).to(get_device())
q = q / q.sum(-1, keepdim=True)  # three model distributions
ours = kl_divergence(p, q, base=math.e)  # per row, in nats
# kl_div(input, target): input = the MODEL's log-probabilities; result KL(target || model)
theirs = F.kl_div(q.log(), p, reduction="none").sum(-1)
print([round(v, 5) for v in ours.tolist()])
print([round(v, 5) for v in theirs.tolist()])
print(f"batchmean: {F.kl_div(q.log(), p, reduction='batchmean').item():.5f} = mean {ours.mean().item():.5f}")
# --8<-- [end:torch]

# --8<-- [start:fits]
import torch

from aimath_ref import get_device
from aimath_ref.information import fit_gaussian_kl

x = torch.linspace(-8, 8, 161, dtype=torch.float64, device=get_device())  # grid step 0.1


def bump(mu: float, sigma: float) -> torch.Tensor:
    return torch.exp(-0.5 * ((x - mu) / sigma) ** 2) / sigma


p = 0.6 * bump(-2.5, 0.8) + 0.4 * bump(2.5, 0.8)  # two modes
p = p / p.sum()
for direction in ("forward", "reverse"):
    mu, sigma = fit_gaussian_kl(p, x, direction, n_mu=161)  # candidate means 0.1 apart
    print(f"{direction} KL fit: mu = {mu:.2f}, sigma = {sigma:.2f}")
mean = (p * x).sum().item()
print(f"mixture mean {mean:.2f}, std {((p * (x - mean) ** 2).sum().sqrt().item()):.2f}")
# --8<-- [end:fits]

# --8<-- [start:distillation]
import math

import torch
import torch.nn.functional as F

from aimath_ref import get_device, randn
from aimath_ref.information import kl_divergence
from aimath_ref.probability import log_softmax, softmax

teacher_logits = randn(4, 10, seed=2).to(get_device()) * 3
student_logits = randn(4, 10, seed=3).to(get_device())
T = 2.0  # distillation temperature: softer targets show the teacher's "dark knowledge"
p_teacher = softmax(teacher_logits, temperature=T)
p_student = softmax(student_logits, temperature=T)
kl = kl_divergence(p_teacher, p_student, base=math.e).mean()
torch_kl = F.kl_div(log_softmax(student_logits, temperature=T), p_teacher, reduction="batchmean")
print(f"KL(teacher || student) = {kl.item():.4f} nats; F.kl_div: {torch_kl.item():.4f}")
print(f"loss term T^2 * KL = {(T ** 2 * kl).item():.4f}")
# --8<-- [end:distillation]
