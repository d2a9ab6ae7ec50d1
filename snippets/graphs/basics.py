"""Snippets for docs/graphs/basics.md: adjacency lists and matrices, directed and weighted graphs."""

# --8<-- [start:social]
from aimath_ref import get_device
from aimath_ref.graphs import adjacency_list_to_matrix, friendships

friends = friendships()  # person -> friends, each friendship listed both ways
print("Dev's friends:", friends["Dev"])
A = adjacency_list_to_matrix(friends, device=get_device())
print("nodes:", list(friends))
for name, row in zip(friends, A.int().tolist()):
    print(f"{name}: {row}")
print("symmetric (undirected):", bool((A == A.T).all()))
print("degrees:", A.sum(dim=1).int().tolist())
# --8<-- [end:social]

# --8<-- [start:round_trip]
from aimath_ref import get_device
from aimath_ref.graphs import (
    adjacency_list_to_matrix,
    adjacency_matrix_to_list,
    friendships,
)

friends = friendships()
A = adjacency_list_to_matrix(friends, device=get_device())
back = adjacency_matrix_to_list(A, nodes=list(friends))
print("list -> matrix -> list unchanged:", back == friends)
n, m = A.shape[0], int(A.sum().item())  # m counts each undirected edge twice
print(f"matrix stores {n * n} numbers; the list stores {m} entries")
# --8<-- [end:round_trip]

# --8<-- [start:sparse]
n, avg_degree = 1_000_000, 200  # a social network: a million users, 200 friends each
dense_gb = n * n * 4 / 1e9  # float32 matrix
sparse_gb = n * avg_degree * 8 / 1e9  # one int64 id per listed edge
print(f"dense adjacency matrix: {dense_gb:,.0f} GB")
print(f"adjacency list: {sparse_gb:.1f} GB")
print(f"density: {avg_degree / n:.4%} of the matrix is nonzero")
# --8<-- [end:sparse]

# --8<-- [start:molecule]
from aimath_ref.graphs import benzene

atoms = benzene()  # atom -> [(neighbour, bond order)]
print("C1 bonds:", atoms["C1"])
valence = {a: sum(order for _, order in bonds) for a, bonds in atoms.items()}
print("valence of every carbon:", sorted({valence[a] for a in atoms if a.startswith("C")}))
print("valence of every hydrogen:", sorted({valence[a] for a in atoms if a.startswith("H")}))
# --8<-- [end:molecule]

# --8<-- [start:directed]
from aimath_ref import get_device
from aimath_ref.graphs import adjacency_list_to_matrix, wx_plus_b

dag = wx_plus_b()  # value -> the operations that consume it
A = adjacency_list_to_matrix(dag, device=get_device())
print("edges:", [(u, v) for u in dag for v in dag[u]])
print("symmetric:", bool((A == A.T).all()))
print("in-degrees:", dict(zip(dag, A.sum(dim=0).int().tolist())))
# --8<-- [end:directed]
