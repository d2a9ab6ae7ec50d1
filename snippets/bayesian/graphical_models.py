"""Snippets for docs/bayesian/graphical-models.md: a Bayesian network, queries, d-separation, blankets, an MRF."""

# --8<-- [start:bayes_net]
import torch

from aimath_ref import get_device
from aimath_ref.inference import bayes_net_joint

dev = get_device()
# A = rain, B = sprinkler on, C = grass wet; value 1 means "yes"
p_rain = torch.tensor([0.8, 0.2], device=dev)                      # P(A)
p_sprinkler = torch.tensor([[0.6, 0.4],                             # P(B | A = no rain)
                            [0.99, 0.01]], device=dev)              # P(B | A = rain)
p_wet = torch.tensor([[[1.0, 0.0], [0.1, 0.9]],                     # P(C | A = 0, B = 0), P(C | A = 0, B = 1)
                      [[0.2, 0.8], [0.01, 0.99]]], device=dev)      # P(C | A = 1, B = 0), P(C | A = 1, B = 1)
joint = bayes_net_joint(p_rain, p_sprinkler, p_wet)                 # P(A, B, C), shape (2, 2, 2)
print("P(rain, sprinkler off, wet) =", round(joint[1, 0, 1].item(), 4))
print("sum over all 8 outcomes:", round(joint.sum().item(), 6))
# --8<-- [end:bayes_net]

# --8<-- [start:queries]
import torch

from aimath_ref import get_device
from aimath_ref.inference import bayes_net_joint, enumerate_posterior
from aimath_ref.probability import conditional

dev = get_device()
joint = bayes_net_joint(torch.tensor([0.8, 0.2], device=dev),
                        torch.tensor([[0.6, 0.4], [0.99, 0.01]], device=dev),
                        torch.tensor([[[1.0, 0.0], [0.1, 0.9]], [[0.2, 0.8], [0.01, 0.99]]], device=dev))
print("P(rain)                      =", round(enumerate_posterior(joint, 0)[1].item(), 4))
print("P(rain | wet)                =", round(enumerate_posterior(joint, 0, {2: 1})[1].item(), 4))
print("P(rain | wet, sprinkler on)  =", round(enumerate_posterior(joint, 0, {2: 1, 1: 1})[1].item(), 4))
rain_wet = joint.sum(dim=1)  # P(A, C): sum out the sprinkler
print("same P(rain | wet) from chapter 3's conditional():", round(conditional(rain_wet, given=1)[1, 1].item(), 4))
# --8<-- [end:queries]

# --8<-- [start:dsep]
from aimath_ref.inference import d_separated

chain = [("A", "B"), ("B", "C")]       # A -> B -> C
fork = [("B", "A"), ("B", "C")]        # A <- B -> C
collider = [("A", "B"), ("C", "B")]    # A -> B <- C
for name, g in [("chain", chain), ("fork", fork), ("collider", collider)]:
    print(f"{name:8}: A indep. C? {d_separated(g, {'A'}, {'C'})!s:5}   given B? {d_separated(g, {'A'}, {'C'}, {'B'})}")
# --8<-- [end:dsep]

# --8<-- [start:collider_numbers]
import torch

from aimath_ref import get_device
from aimath_ref.inference import bayes_net_joint
from aimath_ref.probability import independence_gap

dev = get_device()
# two independent fair coins A and C; B = "exactly one of them came up heads", reported with 5% noise
p_a = torch.tensor([0.5, 0.5], dtype=torch.float64, device=dev)
p_c = torch.tensor([[0.5, 0.5], [0.5, 0.5]], dtype=torch.float64, device=dev)   # C ignores A
xor = torch.tensor([[[0.95, 0.05], [0.05, 0.95]], [[0.05, 0.95], [0.95, 0.05]]], dtype=torch.float64, device=dev)
joint = bayes_net_joint(p_a, p_c, xor)                                   # axes: A, C, B
print("gap P(A, C) vs P(A)P(C):", round(independence_gap(joint.sum(dim=2)).item(), 4))
given_b = joint[:, :, 1] / joint[:, :, 1].sum()                           # P(A, C | B = 1)
print("gap given B = 1:        ", round(independence_gap(given_b).item(), 4))
# --8<-- [end:collider_numbers]

# --8<-- [start:blanket]
from aimath_ref.inference import markov_blanket

dag = [("smoking", "cancer"), ("pollution", "cancer"), ("cancer", "x-ray"), ("cancer", "cough"),
       ("flu", "cough")]
print("blanket of cancer:", sorted(markov_blanket(dag, "cancer")))
print("blanket of smoking:", sorted(markov_blanket(dag, "smoking")))
grid = [((r, c), (r, c + 1)) for r in range(3) for c in range(2)] + \
       [((r, c), (r + 1, c)) for r in range(2) for c in range(3)]    # a 3 x 3 pixel grid
print("blanket of the centre pixel:", sorted(markov_blanket(grid, (1, 1), directed=False)))
# --8<-- [end:blanket]

# --8<-- [start:mrf]
import torch

from aimath_ref import get_device
from aimath_ref.inference import mrf_joint
from aimath_ref.probability import independence_gap

agree = torch.tensor([[3.0, 1.0], [1.0, 3.0]], dtype=torch.float64, device=get_device())  # ψ(x, y): equal is 3x likelier
joint, Z = mrf_joint({(0, 1): agree, (1, 2): agree})      # chain x0 - x1 - x2
print("Z =", Z.item())
print("P(x0 = x2) =", round((joint[0, :, 0].sum() + joint[1, :, 1].sum()).item(), 4))
print("gap x0, x2:          ", round(independence_gap(joint.sum(dim=1)).item(), 4))
given = joint[:, 0, :] / joint[:, 0, :].sum()            # P(x0, x2 | x1 = 0)
print("gap x0, x2 | x1 = 0: ", round(independence_gap(given).item(), 4))
# --8<-- [end:mrf]
