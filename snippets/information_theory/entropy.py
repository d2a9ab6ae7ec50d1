"""Snippets for docs/information-theory/entropy.md: surprisal, entropy, bits and nats, binary entropy."""

# --8<-- [start:surprisal]
import math

import torch

from aimath_ref import get_device
from aimath_ref.information import information_content

p = torch.tensor([0.5, 0.99, 0.001, 1.0], device=get_device())
print("bits:", [round(v, 4) for v in information_content(p).tolist()])
print("nats:", [round(v, 4) for v in information_content(p, base=math.e).tolist()])
# --8<-- [end:surprisal]

# --8<-- [start:entropy]
import math

import torch

from aimath_ref import get_device
from aimath_ref.information import entropy

dists = torch.tensor([[0.25, 0.25, 0.25, 0.25],   # uniform: no outcome favoured
                      [0.70, 0.10, 0.10, 0.10],   # one favourite
                      [0.97, 0.01, 0.01, 0.01],   # nearly certain
                      [0.50, 0.50, 0.00, 0.00]],  # two outcomes impossible: 0 log 0 = 0
                     device=get_device())
print("H in bits:", [round(h, 4) for h in entropy(dists).tolist()])
print("H in nats:", [round(h, 4) for h in entropy(dists, base=math.e).tolist()])
print("log2(4) =", math.log2(4))
# --8<-- [end:entropy]

# --8<-- [start:binary]
import torch

from aimath_ref import get_device
from aimath_ref.information import binary_entropy

p = torch.tensor([0.0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0], device=get_device())
print([round(h, 3) for h in binary_entropy(p).tolist()])
# --8<-- [end:binary]

# --8<-- [start:vocabulary]
import math

import torch

from aimath_ref import get_device, randn
from aimath_ref.information import entropy
from aimath_ref.probability import softmax

vocab = 50_257  # GPT-2's vocabulary
logits = randn(vocab, seed=0).to(get_device()) * 3  # a made-up next-token distribution
for tau in (0.5, 1.0, 2.0):
    h = entropy(softmax(logits, temperature=tau)).item()
    print(f"tau={tau}: H = {h:.2f} bits = uniform over about {2 ** h:,.0f} tokens")
print(f"maximum: log2({vocab}) = {math.log2(vocab):.2f} bits")
# --8<-- [end:vocabulary]
