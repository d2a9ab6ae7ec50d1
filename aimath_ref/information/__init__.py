"""Information theory for machine learning: entropy, cross-entropy, KL divergence, mutual information, coding.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.information import cross_entropy_from_logits`` works for every one of them.
"""

from .cross_entropy import cross_entropy_from_logits, perplexity
from .divergence import cross_entropy, js_divergence, kl_divergence
from .entropy import binary_entropy, entropy, information_content

__all__ = [
    "binary_entropy",
    "cross_entropy",
    "cross_entropy_from_logits",
    "entropy",
    "information_content",
    "js_divergence",
    "kl_divergence",
    "perplexity",
]
