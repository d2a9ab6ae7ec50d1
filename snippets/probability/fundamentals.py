"""Snippets for docs/probability/fundamentals.md: joint, marginal and conditional tables; softmax."""

# --8<-- [start:dice]
import torch

from aimath_ref import get_device
from aimath_ref.probability import conditional, independence_gap, marginal

device = get_device()
# Two fair dice: A = "first die is even" (rows: no, yes), B = "sum is 7" (columns: no, yes)
first = torch.arange(1, 7, device=device).reshape(6, 1)
second = torch.arange(1, 7, device=device).reshape(1, 6)
a_even = (first % 2 == 0).expand(6, 6)
b_seven = (first + second == 7)
joint = torch.zeros(2, 2, dtype=torch.float64, device=device)
for a in (0, 1):
    for b in (0, 1):
        joint[a, b] = ((a_even == bool(a)) & (b_seven == bool(b))).double().mean()  # 36 equally likely outcomes

print("P(A) =", round(marginal(joint, dim=0)[1].item(), 4))
print("P(B) =", round(marginal(joint, dim=1)[1].item(), 4))
print("P(A and B) =", round(joint[1, 1].item(), 4))
print("P(A | B) =", round(conditional(joint, given=1)[1, 1].item(), 4))
print("independence gap:", round(independence_gap(joint).item(), 6))
# --8<-- [end:dice]

# --8<-- [start:dependent]
import torch

from aimath_ref import get_device
from aimath_ref.probability import conditional, independence_gap

device = get_device()
# Emails: rows = spam (no, yes), columns = contains "free" (no, yes)
joint = torch.tensor([[0.56, 0.04],
                      [0.16, 0.24]], dtype=torch.float64, device=device)
print("P(spam) =", round(joint[1].sum().item(), 4))
print("P(spam | 'free') =", round(conditional(joint, given=1)[1, 1].item(), 4))
print("independence gap:", round(independence_gap(joint).item(), 4))
# --8<-- [end:dependent]

# --8<-- [start:softmax]
import torch

from aimath_ref import get_device
from aimath_ref.probability import softmax

logits = torch.tensor([3.2, 1.1, 0.4, -0.5, -2.0], device=get_device())  # one score per token
probs = softmax(logits)
print([round(p, 4) for p in probs.tolist()])
print("sum:", round(probs.sum().item(), 6))
# --8<-- [end:softmax]
