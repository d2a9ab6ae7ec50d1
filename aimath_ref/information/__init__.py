"""Information theory for machine learning: entropy, cross-entropy, KL divergence, mutual information, coding.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.information import cross_entropy_from_logits`` works for every one of them.
"""

from .coding import huffman_code_lengths
from .compression import (
    COMPRESSION,
    compression_results,
    compressor_bits_per_char,
    ngram_bits_per_char,
    reference_text,
)
from .contrastive import gaussian_critic_embeddings, info_nce
from .cross_entropy import cross_entropy_from_logits, perplexity
from .divergence import cross_entropy, fit_gaussian_kl, js_divergence, kl_divergence
from .entropy import binary_entropy, entropy, information_content
from .mutual_information import gaussian_mutual_information, joint_histogram, mutual_information

__all__ = [
    "COMPRESSION",
    "binary_entropy",
    "compression_results",
    "compressor_bits_per_char",
    "cross_entropy",
    "cross_entropy_from_logits",
    "entropy",
    "fit_gaussian_kl",
    "gaussian_critic_embeddings",
    "gaussian_mutual_information",
    "huffman_code_lengths",
    "info_nce",
    "information_content",
    "joint_histogram",
    "js_divergence",
    "kl_divergence",
    "mutual_information",
    "ngram_bits_per_char",
    "perplexity",
    "reference_text",
]
