"""Computational complexity, measured: power-law fits of running times and the complexity table.

Every name is re-exported here, so ``from aimath_ref.complexity import measure_scaling`` works.
"""

from .operations import knn_bruteforce, linear_attention
from .scaling import ScalingFit, fit_exponent, measure_scaling
from .table import COMPLEXITY, WORKLOADS, Workload, measure_workloads

__all__ = [
    "COMPLEXITY",
    "WORKLOADS",
    "ScalingFit",
    "Workload",
    "fit_exponent",
    "knn_bruteforce",
    "linear_attention",
    "measure_scaling",
    "measure_workloads",
]
