"""Snippets for docs/probability/sampling.md: temperature, top-k, top-p and sampling a token."""

# --8<-- [start:temperature]
import torch

from aimath_ref import get_device
from aimath_ref.probability import softmax

logits = torch.tensor([4.0, 3.0, 2.0, 1.0, 0.0], device=get_device())
for tau in (0.5, 1.0, 2.0, 100.0):
    print(f"tau={tau}:", [round(p, 3) for p in softmax(logits, temperature=tau).tolist()])
print("tau=0.01 picks the argmax:", [round(p, 3) for p in softmax(logits, temperature=0.01).tolist()])
# --8<-- [end:temperature]

# --8<-- [start:topk]
import torch

from aimath_ref import get_device
from aimath_ref.probability import softmax, top_k_filter

logits = torch.tensor([2.0, 1.5, 0.3, 0.2, -1.0, -3.0], device=get_device())
kept = top_k_filter(logits, k=3)
print("filtered logits:", [round(v, 2) for v in kept.tolist()])
print("renormalised:", [round(p, 3) for p in softmax(kept).tolist()])
# --8<-- [end:topk]

# --8<-- [start:topp]
import torch

from aimath_ref import get_device
from aimath_ref.probability import softmax, top_p_filter

confident = torch.tensor([5.0, 2.0, 1.0, 0.5, 0.0, -0.5, -1.0, -1.5], device=get_device())
unsure = torch.tensor([1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3], device=get_device())
for name, logits in [("confident", confident), ("unsure", unsure)]:
    kept = top_p_filter(logits, p=0.9)
    n = int(torch.isfinite(kept).sum().item())
    print(f"{name}: top-p=0.9 keeps {n} of 8 tokens; top-1 probability {softmax(logits).max().item():.2f}")
# --8<-- [end:topp]

# --8<-- [start:sample]
import torch

from aimath_ref import get_device
from aimath_ref.probability import (
    sample_next_token,
    softmax,
    top_k_filter,
    top_p_filter,
)

logits = torch.tensor([2.0, 1.5, 0.3, 0.2, -1.0, -3.0], device=get_device())
batch = logits.expand(100_000, 6)  # 100 000 independent next-token choices
tokens = sample_next_token(batch, temperature=0.8, top_k=4, top_p=0.9,
                           generator=torch.Generator().manual_seed(0))
freq = torch.bincount(tokens, minlength=6) / len(tokens)
target = softmax(top_p_filter(top_k_filter(logits / 0.8, 4), 0.9))  # the distribution it samples from
print("sampled frequency:", [round(f, 3) for f in freq.tolist()])
print("target probability:", [round(p, 3) for p in target.tolist()])
print("greedy (top_k=1):", sample_next_token(logits, top_k=1).item())
# --8<-- [end:sample]
