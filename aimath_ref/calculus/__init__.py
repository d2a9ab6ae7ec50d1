"""Calculus for machine learning: derivatives, gradients, Jacobians, Hessians and Taylor models.

The functions live in topic modules and are re-exported here, so
``from aimath_ref.calculus import hessian`` works for every one of them.
"""

from .depth import ACTIVATIONS, DepthGradients, gradient_through_depth
from .derivatives import GradientCheck, gradient_check, numerical_derivative, numerical_gradient
from .jacobian_hessian import classify_critical_point, hessian, jacobian
from .taylor import OPTIMISATION_ORDERS, TaylorPolynomial, max_stable_lr, taylor_polynomial

__all__ = [
    "ACTIVATIONS", "DepthGradients", "gradient_through_depth",
    "GradientCheck", "gradient_check", "numerical_derivative", "numerical_gradient",
    "classify_critical_point", "hessian", "jacobian",
    "OPTIMISATION_ORDERS", "TaylorPolynomial", "max_stable_lr", "taylor_polynomial",
]
