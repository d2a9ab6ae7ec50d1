"""Optimisation: optimisers with PyTorch's interface and their update rules, learning-rate schedules,
gradient descent, mini-batch noise, gradient accumulation, second-order and constrained methods.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.optim import AdamW`` works for every one of them.
"""

from .accumulation import accumulate_gradients
from .constrained import KKTPoint, kkt_residuals, kl_regularised_policy, lagrange_newton
from .descent import contraction_factor, gradient_descent
from .landscape import convexity_gap
from .memory import OPTIMISERS, state_shapes
from .optimisers import SGD, Adafactor, Adam, AdamW, RMSprop
from .schedules import SCHEDULES, constant, cosine_annealing, linear_warmup_cosine, one_cycle, step_decay
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
from .training import mlp_training_losses
from .updates import adafactor_update, adam_update, adamw_update, rmsprop_update, sgd_update

__all__ = [
    "SGD", "RMSprop", "Adam", "AdamW", "Adafactor", "state_shapes", "OPTIMISERS",
    "sgd_update", "rmsprop_update", "adam_update", "adamw_update", "adafactor_update",
    "constant", "step_decay", "cosine_annealing", "linear_warmup_cosine", "one_cycle", "SCHEDULES",
    "KKTPoint", "kkt_residuals", "kl_regularised_policy", "lagrange_newton",
    "contraction_factor", "gradient_descent", "convexity_gap",
    "GD_VARIANTS", "accumulate_gradients", "loglog_slope", "minibatch_gradient_variance",
    "minibatch_variance_theory", "per_example_gradients",
    "SECOND_ORDER_METHODS", "OptimResult", "gradient_descent_to_tolerance", "lbfgs", "newton_method",
    "rosenbrock", "mlp_training_losses",
]
