"""Examples for the page The dot product (docs/linear-algebra/dot-product.md). Runs on its own."""

# --8<-- [start:alignment]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import dot

device = get_device()
a = torch.tensor([2.0, 1.0], device=device)
others = {"same direction": [4.0, 2.0], "perpendicular": [-1.0, 2.0], "opposite": [-2.0, -1.0]}
for name, b in others.items():
    print(f"{name:>14}: a . b = {dot(a, torch.tensor(b, device=device)).item():5.1f}")
# --8<-- [end:alignment]

# --8<-- [start:geometry]
import math

import torch

from aimath_ref import get_device
from aimath_ref.linalg import dot, l2_norm

device = get_device()
a = torch.tensor([3.0, 0.0], device=device)
b = torch.tensor([2.0, 2.0], device=device)  # 45 degrees away from a
lhs = dot(a, b).item()
rhs = l2_norm(a).item() * l2_norm(b).item() * math.cos(math.radians(45))
print("a . b =", lhs, "  |a| |b| cos 45° =", round(rhs, 4))
# --8<-- [end:geometry]

# --8<-- [start:cosine]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import cosine_similarity

# Toy 4-D "embeddings"; the axes loosely mean: royalty, male, female, fruit.
device = get_device()
words = {
    "king": [1.0, 0.6, 0.1, 0.0],
    "queen": [1.0, 0.1, 0.6, 0.0],
    "man": [0.1, 0.8, 0.1, 0.1],
    "apple": [0.0, 0.1, 0.1, 0.9],
}
E = {w: torch.tensor(v, device=device) for w, v in words.items()}
for other in ["queen", "man", "apple"]:
    print(f"cos(king, {other}) = {cosine_similarity(E['king'], E[other]).item():.3f}")
big = cosine_similarity(10 * E["king"], E["queen"]).item()
print("length does not matter:", round(big, 3))
# --8<-- [end:cosine]

# --8<-- [start:search]
import torch

from aimath_ref import randn
from aimath_ref.linalg import cosine_similarity_matrix

database = randn(1000, 64, seed=0)  # 1,000 stored embeddings
queries = database[[17, 423]] + 0.3 * randn(2, 64, seed=1)  # noisy copies of items 17 and 423

S = cosine_similarity_matrix(queries, database)  # (2, 1000): all pairs at once
best = S.argmax(dim=1)
print("similarity matrix:", tuple(S.shape))
print("nearest items:", best.tolist())
print("their cosines:", [round(v, 3) for v in S.max(dim=1).values.tolist()])
ref = torch.nn.functional.cosine_similarity(queries[:, None, :], database[None, :, :], dim=-1)
print("matches torch:", torch.allclose(S, ref, atol=1e-6))
# --8<-- [end:search]

# --8<-- [start:attention]
import torch

from aimath_ref import randn
from aimath_ref.linalg import attention, attention_scores
from aimath_ref.probability import softmax

T, d_k = 4, 8  # 4 tokens, key dimension 8
Q, K, V = randn(T, d_k, seed=2), randn(T, d_k, seed=3), randn(T, d_k, seed=4)

S = attention_scores(Q, K)  # Q K^T / sqrt(d_k), shape (T, T)
weights = softmax(S, dim=-1)  # one distribution over the keys per query
print("scores:", tuple(S.shape))
print("row 0 weights:", [round(w, 3) for w in weights[0].tolist()])
print("rows sum to 1:", torch.allclose(weights.sum(-1), torch.ones(T)))
out = attention(Q, K, V)  # softmax(Q K^T / sqrt(d_k)) V
ref = torch.nn.functional.scaled_dot_product_attention(Q, K, V)
print("output:", tuple(out.shape), " matches torch:", torch.allclose(out, ref, atol=1e-6))
# --8<-- [end:attention]

# --8<-- [start:mask]
import torch

from aimath_ref import randn
from aimath_ref.linalg import attention, attention_scores, causal_mask
from aimath_ref.probability import softmax

T = 4
Q, K, V = randn(T, 8, seed=2), randn(T, 8, seed=3), randn(T, 8, seed=4)
allowed = causal_mask(T)  # token i may look at tokens 0..i
M = torch.zeros(T, T).masked_fill(~allowed, float("-inf"))  # 0 or -inf, added to the logits

weights = softmax(attention_scores(Q, K) + M, dim=-1)
print("row 1 weights:", [round(w, 3) for w in weights[1].tolist()])
print("still sum to 1:", torch.allclose(weights.sum(-1), torch.ones(T)))
ref = torch.nn.functional.scaled_dot_product_attention(Q, K, V, is_causal=True)
print("matches torch:", torch.allclose(attention(Q, K, V, mask=allowed), ref, atol=1e-6))
# --8<-- [end:mask]

# --8<-- [start:scaling]
from aimath_ref import randn

for d_k in (16, 64, 512):
    q, k = randn(10000, d_k, seed=5), randn(10000, d_k, seed=6)  # entries with variance 1
    raw = (q * k).sum(-1)  # 10,000 dot products q . k
    print(f"d_k={d_k:3d}: std of q.k = {raw.std().item():5.2f},"
          f" after / sqrt(d_k) = {(raw / d_k ** 0.5).std().item():.2f}")
# --8<-- [end:scaling]
