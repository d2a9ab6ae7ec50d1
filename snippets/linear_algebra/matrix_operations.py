"""Examples for the page Matrix multiplication & operations (docs/linear-algebra/matrix-operations.md). Runs on its own."""

# --8<-- [start:layer]
from aimath_ref import randn

W = randn(4, 3, seed=0)  # weight matrix: 4 outputs, 3 inputs
x = randn(3, 1, seed=1)  # input: 3 features, as a column
b = randn(4, 1, seed=2)  # bias: one per output
y = W @ x + b  # @ is matrix multiplication

print("W", tuple(W.shape), "@ x", tuple(x.shape), "+ b", tuple(b.shape), "-> y", tuple(y.shape))
print("y =", [round(v, 4) for v in y.flatten().tolist()])
# --8<-- [end:layer]

# --8<-- [start:linear]
import torch

from aimath_ref import randn
from aimath_ref.linalg import linear

W, b = randn(4, 3, seed=0), randn(4, seed=2)
X = randn(32, 3, seed=3)  # a batch: 32 inputs as rows

Y = linear(X, W, b)  # every row: W x + b
print("batch:", tuple(X.shape), "->", tuple(Y.shape))
print("equals torch.nn.functional.linear:", torch.allclose(Y, torch.nn.functional.linear(X, W, b)))
print("row 0 equals W @ x + b:", torch.allclose(Y[0], W @ X[0] + b))
# --8<-- [end:linear]

# --8<-- [start:by_definition]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import dot, matmul_by_definition

A = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device=get_device())  # (2, 3)
B = torch.tensor([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]], device=get_device())  # (3, 2)

C = matmul_by_definition(A, B)  # (2, 3) @ (3, 2) -> (2, 2)
print("C =", C.tolist())
print("C[1, 0] = row 1 of A . column 0 of B =", dot(A[1], B[:, 0]).item())
print("same as A @ B:", torch.equal(C, A @ B))
# --8<-- [end:by_definition]

# --8<-- [start:shape_error]
import torch

from aimath_ref.linalg import matmul_by_definition

A = torch.ones(2, 3)
try:
    matmul_by_definition(A, A)  # (2, 3) @ (2, 3): 3 columns meet 2 rows
except ValueError as err:
    print(err)
# --8<-- [end:shape_error]

# --8<-- [start:transpose]
from aimath_ref import randn
from aimath_ref.linalg import transpose

Q = randn(5, 8, seed=4)  # 5 queries, each of dimension d_k = 8
K = randn(7, 8, seed=5)  # 7 keys of the same dimension
print("K:", tuple(K.shape), "-> K^T:", tuple(transpose(K).shape))
scores = Q @ transpose(K)  # (5, 8) @ (8, 7): every query meets every key
print("Q K^T:", tuple(scores.shape))
# --8<-- [end:transpose]

# --8<-- [start:hadamard]
import torch

from aimath_ref import get_device, randn
from aimath_ref.linalg import hadamard

h = randn(2, 6, seed=6)  # activations of a layer: 2 examples, 6 units
p = 0.5  # dropout probability
gen = torch.Generator().manual_seed(7)
keep = (torch.rand(2, 6, generator=gen) >= p).float().to(get_device())  # 1 = keep, 0 = drop

dropped = hadamard(h, keep) / (1 - p)  # h ⊙ mask, rescaled so the expected value is unchanged
print("mask:", keep.int().tolist())
print("zeros exactly where the mask is 0:", bool(((dropped == 0) == (keep == 0)).all()))
# --8<-- [end:hadamard]

# --8<-- [start:outer]
import torch

from aimath_ref import randn
from aimath_ref.linalg import outer

W = randn(4, 3, seed=8).requires_grad_()
x = randn(3, seed=9)
delta = randn(4, seed=10)  # gradient of the loss with respect to y = W x

y = W @ x
y.backward(delta)  # backpropagate delta through y = W x
print("dL/dW == delta x^T:", torch.allclose(W.grad, outer(delta, x)))
print("rank of delta x^T:", torch.linalg.matrix_rank(outer(delta, x)).item())
# --8<-- [end:outer]
