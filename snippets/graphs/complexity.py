"""Snippets for docs/graphs/complexity.md: growth rates, search spaces, counted and timed scaling."""

# --8<-- [start:growth]
import math

print(f"{'n':>4} {'log2 n':>7} {'n log2 n':>9} {'n^2':>7} {'n^3':>9} {'2^n':>26}")
for n in (10, 20, 40, 80):
    print(f"{n:>4} {math.log2(n):>7.1f} {n * math.log2(n):>9.0f} {n**2:>7} {n**3:>9} {2**n:>26}")
# --8<-- [end:growth]

# --8<-- [start:go]
import math

points = 19 * 19
print(f"board colourings 3^361: about 10^{points * math.log10(3):.1f} (an upper bound on positions)")
b, d = 250, 150  # typical branching factor and game length of Go
print(f"game tree b^d = 250^150: about 10^{d * math.log10(b):.0f}")
# --8<-- [end:go]

# --8<-- [start:counting]
import functools
import random

from aimath_ref.complexity import fit_exponent

sizes = [1_000, 2_000, 4_000, 8_000, 16_000]
counts = []
for n in sizes:
    calls = [0]

    def compare(a, b, calls=calls):  # counts every comparison the sort makes
        calls[0] += 1
        return (a > b) - (a < b)

    data = random.Random(n).sample(range(10 * n), n)
    sorted(data, key=functools.cmp_to_key(compare))
    counts.append(calls[0])
print("comparisons:", counts)
print("fitted exponent (sorting):", round(fit_exponent(sizes, counts).exponent, 3))
print("fitted exponent (n^3 multiply-adds of a matmul):",
      round(fit_exponent(sizes, [n**3 for n in sizes]).exponent, 3))
# --8<-- [end:counting]

# --8<-- [start:measure]
import torch

from aimath_ref.complexity import measure_scaling

fit = measure_scaling(lambda x: torch.sort(x), sizes=[2**14, 2**15, 2**16, 2**17], repeats=3,
                      setup=lambda n: torch.randn(n, generator=torch.Generator().manual_seed(0)))
print("sizes:", fit.sizes)
print("one time per size:", len(fit.seconds), "| exponent and its spread are floats:",
      isinstance(fit.exponent, float) and isinstance(fit.spread, float))
# --8<-- [end:measure]

# --8<-- [start:attention_memory]
heads, bytes_per_score = 32, 2  # e.g. 32 heads in float16
for n in (1_024, 8_192, 32_768, 131_072):
    gib = heads * n * n * bytes_per_score / 2**30  # one layer's attention weights
    print(f"n = {n:>7,}: scores of one layer take {gib:>9,.2f} GiB")
# --8<-- [end:attention_memory]

# --8<-- [start:crossover]
d = 128  # width of one attention head
print(f"{'n':>7} {'softmax attention 2n^2 d':>26} {'linear attention 2n d^2':>24}")
for n in (32, 128, 512, 8_192):
    print(f"{n:>7,} {2 * n * n * d:>26,} {2 * n * d * d:>24,}")
# --8<-- [end:crossover]

# --8<-- [start:topk]
import torch  # noqa: F811 (each region imports what it uses)

from aimath_ref import get_device, randn

logits = randn(50_257, seed=0).to(get_device())  # one score per token of GPT-2's vocabulary
k = 50
by_selection = torch.topk(logits, k).indices  # selection: no full sort of 50 257 values
by_sorting = torch.sort(logits, descending=True).indices[:k]  # full sort, then cut
print("same top-50 tokens:", torch.equal(by_selection, by_sorting))
print("largest logit:", round(logits[by_selection[0]].item(), 4))
# --8<-- [end:topk]

# --8<-- [start:lookup]
import torch

from aimath_ref import get_device, randn

vocab, d = 50_257, 64  # GPT-2's vocabulary, a narrow width to keep the example light
E = randn(vocab, d, seed=0).to(get_device())
tokens = torch.tensor([464, 3290, 373], device=get_device())  # three token ids
x = E[tokens]  # a lookup: read d numbers per token, however large the vocabulary
print("embedded shape:", tuple(x.shape), "| numbers read per token:", x.shape[1])
# --8<-- [end:lookup]
