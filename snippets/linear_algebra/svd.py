"""Examples for the page Singular value decomposition (docs/linear-algebra/svd.md). Runs on its own."""

# --8<-- [start:factors]
import torch

from aimath_ref import randn

A = randn(5, 3, seed=0)  # any m x n matrix; here 5 x 3
U, S, Vh = torch.linalg.svd(A)  # A = U Σ V^T
print("U:", tuple(U.shape), " Σ:", tuple(S.shape), " V^T:", tuple(Vh.shape))
print("singular values:", [round(s, 4) for s in S.tolist()])

Sigma = torch.zeros(5, 3)  # Σ is m x n with the σ_i on its diagonal
Sigma[:3, :3] = torch.diag(S)
print("U Σ V^T == A:", torch.allclose(U @ Sigma.to(A.device) @ Vh, A, atol=1e-5))
print("U, V orthogonal:", torch.allclose(U.T @ U, torch.eye(5, device=A.device), atol=1e-5),
      torch.allclose(Vh @ Vh.T, torch.eye(3, device=A.device), atol=1e-5))
# --8<-- [end:factors]

# --8<-- [start:not_eigenvalues]
import torch

from aimath_ref import get_device

A = torch.tensor([[1.0, 2.0], [0.0, 3.0]], device=get_device())  # square, not symmetric
sigma = torch.linalg.svdvals(A)
lam = torch.linalg.eigvals(A).real
lam_AtA = torch.linalg.eigvalsh(A.T @ A).flip(0)  # eigenvalues of A^T A, largest first
print("singular values  :", [round(v, 4) for v in sigma.tolist()])
print("|eigenvalues| of A:", sorted((round(abs(v), 4) for v in lam.tolist()), reverse=True))
print("sqrt eig(A^T A)  :", [round(v, 4) for v in lam_AtA.sqrt().tolist()])
# --8<-- [end:not_eigenvalues]

# --8<-- [start:low_rank]
import torch

from aimath_ref import randn
from aimath_ref.linalg import frobenius_norm, low_rank_approx

A = randn(6, 4, seed=1)
sigma = torch.linalg.svdvals(A)
print("σ:", [round(s, 4) for s in sigma.tolist()])
for k in range(5):
    error = frobenius_norm(A - low_rank_approx(A, k)).item()
    predicted = sigma[k:].square().sum().sqrt().item()  # sqrt of the discarded σ²
    print(f"k={k}: rank {torch.linalg.matrix_rank(low_rank_approx(A, k)).item()},"
          f" error {error:.4f}, predicted {predicted:.4f}")
# --8<-- [end:low_rank]

# --8<-- [start:compress]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import low_rank_approx

device = get_device()
t = torch.linspace(0, 1, 200, device=device)
image = torch.sin(8 * t)[:, None] * torch.cos(5 * t)[None, :] + (t[:, None] > t[None, :]).float()  # 200 x 200
m, n = image.shape
for k in (1, 5, 20):
    stored = k * (m + n + 1)  # k columns of U, k rows of V^T, k singular values
    rel = (torch.linalg.matrix_norm(image - low_rank_approx(image, k)) / torch.linalg.matrix_norm(image)).item()
    print(f"k={k:2d}: {stored:6d} numbers instead of {m * n} ({stored / (m * n):.1%}), relative error {rel:.3f}")
# --8<-- [end:compress]

# --8<-- [start:pca_link]
import torch

from aimath_ref import randn
from aimath_ref.linalg import pca

X = randn(200, 3, seed=2) @ randn(3, 3, seed=3)  # correlated data, samples as rows
Xc = X - X.mean(dim=0)  # centre each column
U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)  # X_c = U Σ V^T

r = pca(X, k=3, method="eig")  # eigenvectors of the covariance matrix
same_axes = torch.allclose((Vh * r.components).sum(1).abs(), torch.ones(3, device=X.device), atol=1e-4)
print("rows of V^T are the principal axes (up to sign):", same_axes)
print("σ²/(n-1) are the variances:", torch.allclose(S**2 / (len(X) - 1), r.explained_variance, rtol=1e-4))
# --8<-- [end:pca_link]

# --8<-- [start:recommender]
import torch

from aimath_ref import randn
from aimath_ref.linalg import low_rank_approx

users, movies, factors = randn(8, 2, seed=4), randn(6, 2, seed=5), 2  # hidden tastes and traits
R = users @ movies.T + 0.1 * randn(8, 6, seed=6)  # full 8 x 6 rating matrix, rank 2 plus noise

U, S, Vh = torch.linalg.svd(R, full_matrices=False)
P = U[:, :factors] * S[:factors].sqrt()  # user factors, (8, 2)
Q = Vh[:factors].T * S[:factors].sqrt()  # movie factors, (6, 2)
print("R ≈ P Q^T with P", tuple(P.shape), "and Q", tuple(Q.shape))
print("equals the rank-2 truncation:", torch.allclose(P @ Q.T, low_rank_approx(R, 2), atol=1e-5))
print("relative error:", round((torch.linalg.matrix_norm(R - P @ Q.T) / torch.linalg.matrix_norm(R)).item(), 3))
# --8<-- [end:recommender]
