"""Linear algebra for machine learning: vectors, matrices, norms and decompositions.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.linalg import l2_norm`` works for every one of them.
"""

from .norms import NORMS, frobenius_norm, l1_norm, l2_norm, linf_norm, norm

__all__ = ["NORMS", "frobenius_norm", "l1_norm", "l2_norm", "linf_norm", "norm"]
from .decompositions import (eigen_reconstruct, eigen_residual, low_rank_approx, low_rank_error, power_iteration,
                             spectral_decomposition)
from .principal_components import PCAResult, pca
from .products import OPERATIONS, dot, hadamard, linear, matmul_by_definition, outer, transpose
from .similarity import attention, attention_scores, causal_mask, cosine_similarity, cosine_similarity_matrix
from .tensors import TENSOR_SHAPES, broadcast_shape

__all__ += [
    "OPERATIONS", "dot", "hadamard", "linear", "matmul_by_definition", "outer", "transpose",
    "attention", "attention_scores", "causal_mask", "cosine_similarity", "cosine_similarity_matrix",
    "eigen_reconstruct", "eigen_residual", "low_rank_approx", "low_rank_error", "power_iteration",
    "spectral_decomposition", "PCAResult", "pca", "TENSOR_SHAPES", "broadcast_shape",
]
