"""Snippets for docs/information-theory/source-coding.md: Huffman codes, compression as prediction, MDL."""

# --8<-- [start:huffman]
import torch

from aimath_ref import get_device
from aimath_ref.information import entropy, huffman_code_lengths

letters = ["e", "t", "a", "o", "n", "q"]
p = torch.tensor([0.35, 0.25, 0.2, 0.1, 0.07, 0.03], device=get_device())
lengths = huffman_code_lengths(p)
print(dict(zip(letters, lengths.tolist())))
print(f"average length {(p * lengths).sum().item():.3f} bits, entropy {entropy(p).item():.3f} bits")
print(f"Kraft sum: {(2.0 ** -lengths.double()).sum().item()}")
# --8<-- [end:huffman]

# --8<-- [start:blocks]
import itertools

import torch

from aimath_ref import get_device
from aimath_ref.information import entropy, huffman_code_lengths

# a very predictable source
p = torch.tensor([0.9, 0.1], dtype=torch.float64, device=get_device())
h = entropy(p).item()
for n in (1, 2, 3, 4):
    blocks = torch.tensor([torch.prod(torch.stack([p[i] for i in b])).item()
                           for b in itertools.product(range(2), repeat=n)], dtype=torch.float64)
    per_symbol = (blocks * huffman_code_lengths(blocks)).sum().item() / n
    print(f"blocks of {n}: {per_symbol:.3f} bits per symbol (entropy {h:.3f})")
# --8<-- [end:blocks]

# --8<-- [start:compression]
from aimath_ref.information import compressor_bits_per_char, ngram_bits_per_char, reference_text

text = reference_text()  # Python's help() topic pages, shipped with the standard library
train, test = text[:40_000], text[40_000:60_000]  # a small slice: the full table is below
for k in range(4):
    print(f"order-{k} model: {ngram_bits_per_char(train, test, order=k):.2f} bits per character")
print(f"zlib: {compressor_bits_per_char(test, 'zlib'):.2f}, "
      f"bz2: {compressor_bits_per_char(test, 'bz2'):.2f} bits per character")
# --8<-- [end:compression]

# --8<-- [start:mdl]
import math

from aimath_ref.information import ngram_bits_per_char, reference_text

text = reference_text()
train = text[:60_000]
for k in range(5):
    # distinct (context, next) pairs stored
    contexts = {train[i - k:i + 1] for i in range(k, len(train))}
    # the pair and its count
    model_bits = len(contexts) * (8 * (k + 1) + math.log2(len(train)))
    # the text coded with the model
    data_bits = ngram_bits_per_char(train, train, order=k) * len(train)
    print(f"order {k}: L(model) = {model_bits / 8000:6.1f} kB + L(data | model) = {data_bits / 8000:5.1f} kB"
          f" = {(model_bits + data_bits) / 8000:5.1f} kB")
# --8<-- [end:mdl]
