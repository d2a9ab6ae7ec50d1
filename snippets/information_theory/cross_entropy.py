"""Snippets for docs/information-theory/cross-entropy.md: the PyTorch example, H(P, Q), binary CE, perplexity."""

# --8<-- [start:course]
import torch
import torch.nn.functional as F

from aimath_ref import get_device
from aimath_ref.information import cross_entropy_from_logits
from aimath_ref.probability import softmax

# raw scores for 4 classes
logits = torch.tensor([1.2, 0.5, 3.1, 0.8], device=get_device())
label = torch.tensor(2, device=get_device())  # the correct class

p_correct = softmax(logits)[2]
# PyTorch wants (N, C) and (N,)
loss = F.cross_entropy(logits.unsqueeze(0), label.unsqueeze(0))
print(f"P(correct class) = {p_correct.item():.3f}")
print(f"Cross-entropy loss = {loss.item():.3f}")
print(f"-ln P(correct class) = {-torch.log(p_correct).item():.3f}")
print(f"aimath_ref: {cross_entropy_from_logits(logits, label).item():.3f}")
# --8<-- [end:course]

# --8<-- [start:distributions]
import torch

from aimath_ref import get_device
from aimath_ref.information import cross_entropy, entropy

p = torch.tensor([0.5, 0.25, 0.125, 0.125], device=get_device())  # the truth
for name, q in [("q = p", p),
                ("uniform q", torch.full((4,), 0.25, device=get_device())),
                ("reversed q", p.flip(0)),
                ("q misses an outcome", torch.tensor([0.5, 0.5, 0.0, 0.0], device=get_device()))]:
    print(f"{name}: H(P, Q) = {cross_entropy(p, q).item():.3f} bits")
print(f"H(P) = {entropy(p).item():.3f} bits")
# --8<-- [end:distributions]

# --8<-- [start:one_hot]
import math

import torch

from aimath_ref import get_device
from aimath_ref.information import cross_entropy, cross_entropy_from_logits
from aimath_ref.probability import softmax

logits = torch.tensor([1.2, 0.5, 3.1, 0.8], device=get_device())
y = torch.tensor([0.0, 0.0, 1.0, 0.0], device=get_device())  # one-hot label of class 2
print(f"-sum y log p      = {cross_entropy(y, softmax(logits), base=math.e).item():.4f}")
print(f"index target      = {cross_entropy_from_logits(logits, torch.tensor(2, device=get_device())).item():.4f}")
print(f"one-hot target    = {cross_entropy_from_logits(logits, y).item():.4f}")
smooth = cross_entropy_from_logits(logits, torch.tensor(2, device=get_device()), label_smoothing=0.1)
print(f"label smoothing 0.1: {smooth.item():.4f}")
# --8<-- [end:one_hot]

# --8<-- [start:binary]
import torch
import torch.nn.functional as F

from aimath_ref import get_device
from aimath_ref.information import cross_entropy_from_logits

z = torch.tensor([2.0, -1.0, 0.3, -4.0], device=get_device())  # one logit per e-mail: "spam?"
y = torch.tensor([1.0, 0.0, 0.0, 1.0], device=get_device())  # the labels
bce = F.binary_cross_entropy_with_logits(z, y)
# the same loss as a two-class softmax with logits (0, z): sigmoid(z) = softmax([0, z])[1]
two_class = torch.stack([torch.zeros_like(z), z], dim=1)  # (N, 2)
ours = cross_entropy_from_logits(two_class, y.long())
print(f"binary_cross_entropy_with_logits: {bce.item():.4f}")
print(f"two-class cross-entropy:          {ours.item():.4f}")
# --8<-- [end:binary]

# --8<-- [start:confident]
import math

for p in (0.99, 0.9, 0.5, 0.1, 0.01, 0.001):
    print(f"P(correct) = {p:<5}  loss = {-math.log(p):.3f} nats")
# --8<-- [end:confident]

# --8<-- [start:perplexity]
import math

import torch

from aimath_ref import get_device, randn
from aimath_ref.information import cross_entropy_from_logits, perplexity

vocab, tokens = 1000, 64
# the tokens that really came next
target = torch.arange(tokens, device=get_device()) * 7 % vocab
# one row of logits per position
logits = randn(tokens, vocab, seed=1).to(get_device()) * 2
# a model that has learnt something
logits[torch.arange(tokens, device=get_device()), target] += 8.0
nats = cross_entropy_from_logits(logits, target).item()  # mean -ln p per token
bits = nats / math.log(2)
print(f"cross-entropy: {nats:.3f} nats = {bits:.3f} bits per token")
print(f"exp(nats) = {math.exp(nats):.1f}, 2**bits = {2 ** bits:.1f}, perplexity() = {perplexity(logits, target).item():.1f}")
uniform = torch.zeros(tokens, vocab, device=get_device())
print(f"a uniform guess over {vocab} tokens: perplexity {perplexity(uniform, target).item():.1f}")
# --8<-- [end:perplexity]
