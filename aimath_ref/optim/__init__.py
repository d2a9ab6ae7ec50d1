"""Optimisation: gradient descent, mini-batch noise, gradient accumulation, second-order and constrained methods.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.optim import gradient_descent`` works for every one of them.
"""

from .accumulation import accumulate_gradients
from .constrained import KKTPoint, kkt_residuals, kl_regularised_policy, lagrange_newton
from .descent import contraction_factor, gradient_descent
from .landscape import convexity_gap
from .second_order import (
    SECOND_ORDER_METHODS,
    OptimResult,
    gradient_descent_to_tolerance,
    lbfgs,
    newton_method,
    rosenbrock,
)
from .stochastic import (
    GD_VARIANTS,
    loglog_slope,
    minibatch_gradient_variance,
    minibatch_variance_theory,
    per_example_gradients,
)

__all__ = [
    "KKTPoint", "kkt_residuals", "kl_regularised_policy", "lagrange_newton",
    "contraction_factor", "gradient_descent", "convexity_gap",
    "GD_VARIANTS", "accumulate_gradients", "loglog_slope", "minibatch_gradient_variance",
    "minibatch_variance_theory", "per_example_gradients",
    "SECOND_ORDER_METHODS", "OptimResult", "gradient_descent_to_tolerance", "lbfgs", "newton_method",
    "rosenbrock",
]
