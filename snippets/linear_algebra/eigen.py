"""Examples for the page Eigenvalues & eigenvectors (docs/linear-algebra/eigen.md). Runs on its own."""

# --8<-- [start:only_scaled]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import cosine_similarity, eigen_residual

A = torch.tensor([[2.0, 1.0], [1.0, 2.0]], device=get_device())
for v in ([1.0, 1.0], [1.0, -1.0], [1.0, 0.0]):
    v = torch.tensor(v, device=get_device())
    Av = A @ v
    turned = 1 - abs(cosine_similarity(Av, v).item()) > 1e-6  # did the direction change?
    print(f"v = {v.tolist()} -> A v = {Av.tolist()}  direction changed: {turned}")
print("residual |A v - 3 v| for v = (1, 1):", eigen_residual(A, torch.tensor([1.0, 1.0], device=get_device()), 3.0).item())
# --8<-- [end:only_scaled]

# --8<-- [start:decompose]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import eigen_reconstruct

A = torch.tensor([[4.0, 1.0], [2.0, 3.0]], device=get_device())  # not symmetric
eigenvalues, Q = torch.linalg.eig(A)  # complex dtype in general
order = eigenvalues.real.argsort(descending=True)
print("eigenvalues:", [round(v, 4) for v in eigenvalues.real[order].tolist()])
A_back = eigen_reconstruct(eigenvalues, Q)  # Q Λ Q^{-1}
print("Q Λ Q^-1 == A:", torch.allclose(A_back.real, A, atol=1e-5))
# --8<-- [end:decompose]

# --8<-- [start:not_diagonalisable]
import torch

from aimath_ref import get_device

rotation = torch.tensor([[0.0, -1.0], [1.0, 0.0]], device=get_device())  # turn by 90 degrees
shear = torch.tensor([[1.0, 1.0], [0.0, 1.0]], device=get_device())

lam = torch.linalg.eigvals(rotation)
print("rotation eigenvalues:", sorted((round(z.real, 4), round(z.imag, 4)) for z in lam.tolist()))
_, Q = torch.linalg.eig(shear)
print("shear: rank of the eigenvector matrix =", torch.linalg.matrix_rank(Q, atol=1e-4).item(), "of 2")
# --8<-- [end:not_diagonalisable]

# --8<-- [start:spectral]
import torch

from aimath_ref import randn
from aimath_ref.linalg import spectral_decomposition

M = randn(4, 4, seed=0)
S = (M + M.T) / 2  # a real symmetric matrix

L, Q = spectral_decomposition(S)  # S = Q Λ Q^T, eigenvalues largest first
print("eigenvalues (all real):", [round(v, 4) for v in L.tolist()])
print("Q^T Q == I:", torch.allclose(Q.T @ Q, torch.eye(4), atol=1e-5))
print("Q Λ Q^T == S:", torch.allclose(Q @ torch.diag(L) @ Q.T, S, atol=1e-5))
# --8<-- [end:spectral]

# --8<-- [start:pca]
import torch

from aimath_ref import randn
from aimath_ref.linalg import pca

z = randn(500, 2, seed=1)
X = z @ torch.tensor([[3.0, 1.0], [0.0, 0.5]]).to(z.device) + 5  # correlated 2-D cloud around (5, 5)

r = pca(X, k=2, method="eig")  # eigenvectors of the covariance matrix
print("first axis :", [round(v, 3) for v in r.components[0].tolist()])
print("variances  :", [round(v, 3) for v in r.explained_variance.tolist()])
print("share      :", [round(v, 3) for v in r.explained_variance_ratio.tolist()])
C = torch.cov(X.T)  # the covariance matrix itself
v = r.components[0]
print("C v == λ v :", torch.allclose(C @ v, r.explained_variance[0] * v, atol=1e-4))
# --8<-- [end:pca]

# --8<-- [start:power]
import torch

from aimath_ref import randn
from aimath_ref.linalg import pca, power_iteration

z = randn(500, 2, seed=1)
X = z @ torch.tensor([[3.0, 1.0], [0.0, 0.5]]).to(z.device) + 5
C = torch.cov(X.T)

lam, v = power_iteration(C, num_iters=50)  # multiply by C again and again
print("power iteration:", round(lam.item(), 3), [round(x, 3) for x in v.tolist()])
print("same as PCA    :", torch.allclose(v, pca(X, 1).components[0], atol=1e-4))
# --8<-- [end:power]

# --8<-- [start:reduce]
import torch

from aimath_ref import randn
from aimath_ref.linalg import pca

latent = randn(300, 2, seed=2)  # two hidden factors ...
mixing = randn(2, 10, seed=3)
X = latent @ mixing + 0.05 * randn(300, 10, seed=4)  # ... seen through 10 noisy features

r = pca(X, k=10)
cumulative = torch.cumsum(r.explained_variance_ratio, 0)
print("variance kept by k = 1, 2, 3:", [round(v, 4) for v in cumulative[:3].tolist()])
Z = pca(X, k=2).projected  # 10 features -> 2 coordinates per sample
print("reduced data:", tuple(X.shape), "->", tuple(Z.shape))
# --8<-- [end:reduce]
