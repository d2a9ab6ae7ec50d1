"""Snippets for docs/graphs/gnn.md: message passing, GCN layers, receptive fields, attention as a GNN."""

# --8<-- [start:aggregate]
import torch

from aimath_ref import get_device
from aimath_ref.graphs import adjacency_list_to_matrix, friendships, message_passing

friends = friendships()
A = adjacency_list_to_matrix(friends, device=get_device())  # 8 x 8, row v = v's neighbours
ages = torch.tensor([[23.0], [31.0], [27.0], [45.0], [38.0], [19.0], [52.0], [29.0]], device=get_device())
print("     ", list(friends))
for agg in ("sum", "mean", "max"):
    out = message_passing(A, ages, aggregate=agg).flatten().tolist()
    print(f"{agg:>4}:", [round(v, 1) for v in out])
# --8<-- [end:aggregate]

# --8<-- [start:permutation]
import torch

from aimath_ref import get_device, randn
from aimath_ref.graphs import adjacency_list_to_matrix, friendships, message_passing

A = adjacency_list_to_matrix(friendships(), device=get_device())
H = randn(8, 4, seed=0).to(get_device())
perm = torch.tensor([3, 0, 7, 1, 6, 2, 5, 4], device=get_device())  # renumber the nodes
out = message_passing(A, H, "mean")
out_perm = message_passing(A[perm][:, perm], H[perm], "mean")
print("renumbering the nodes just renumbers the output:", torch.allclose(out_perm, out[perm]))
# --8<-- [end:permutation]

# --8<-- [start:receptive]
import torch

from aimath_ref import get_device
from aimath_ref.graphs import (
    adjacency_list_to_matrix,
    bfs,
    friendships,
    message_passing,
)

friends = friendships()
A = adjacency_list_to_matrix(friends, device=get_device())
h = torch.zeros(8, 1, device=get_device())
h[0] = 1.0  # a signal that starts at Ana
for k in range(1, 5):
    h = h + message_passing(A, h, "sum")  # one layer: keep own state, add the neighbours'
    reached = [p for p, v in zip(friends, h.flatten().tolist()) if v > 0]
    within = [p for p, d in bfs(friends, "Ana").items() if d <= k]
    print(f"after {k} layer(s): {len(reached)} nodes reached, same as BFS within {k} hops: "
          f"{sorted(reached) == sorted(within)}")
# --8<-- [end:receptive]

# --8<-- [start:gcn]
import torch

from aimath_ref import get_device, randn
from aimath_ref.graphs import (
    adjacency_list_to_matrix,
    friendships,
    gcn_layer,
    gcn_normalize,
)

A = adjacency_list_to_matrix(friendships(), device=get_device())
A_hat = gcn_normalize(A)  # D^-1/2 (A + I) D^-1/2
print("weights Ana gives to [Ana, Ben, Cai, Dev]:", [round(w, 3) for w in A_hat[0, :4].tolist()])
H = randn(8, 4, seed=1).to(get_device())  # 4 features per person
W1 = randn(4, 16, seed=2).to(get_device()) / 2.0
W2 = randn(16, 2, seed=3).to(get_device()) / 4.0
H1 = gcn_layer(A, H, W1)  # ReLU(A_hat H W1): (8, 16)
H2 = gcn_layer(A, H1, W2, activation=None)  # A_hat H1 W2: (8, 2), e.g. two class scores
print("shapes:", tuple(H.shape), "->", tuple(H1.shape), "->", tuple(H2.shape))
print("class scores of Ana:", [round(v, 3) for v in H2[0].tolist()])
# --8<-- [end:gcn]

# --8<-- [start:attention]
import torch

from aimath_ref import get_device, randn
from aimath_ref.graphs import message_passing
from aimath_ref.linalg import attention_scores
from aimath_ref.probability import softmax

n, d = 6, 8  # six tokens
Q, K, V = (randn(n, d, seed=s).to(get_device()) for s in (10, 11, 12))
A = softmax(attention_scores(Q, K), dim=-1)  # edge weights of the complete graph: row v sums to 1
out = message_passing(A, V, "sum")  # each token aggregates every token's value
ref = torch.nn.functional.scaled_dot_product_attention(Q, K, V)
print("edges:", int((A > 0).sum().item()), "of", n * n, "| each row sums to 1:",
      torch.allclose(A.sum(-1), torch.ones(n, device=get_device())))
print("equal to scaled_dot_product_attention:", torch.allclose(out, ref, atol=1e-6))
# --8<-- [end:attention]
