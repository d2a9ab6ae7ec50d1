"""Information theory for machine learning: entropy, cross-entropy, KL divergence, mutual information, coding.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.information import cross_entropy_from_logits`` works for every one of them.
"""

from .cross_entropy import cross_entropy_from_logits

__all__ = ["cross_entropy_from_logits"]
