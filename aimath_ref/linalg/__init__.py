"""Linear algebra for machine learning: vectors, matrices, norms and decompositions.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.linalg import l2_norm`` works for every one of them.
"""

from .norms import NORMS, frobenius_norm, l1_norm, l2_norm, linf_norm, norm

__all__ = ["NORMS", "frobenius_norm", "l1_norm", "l2_norm", "linf_norm", "norm"]
