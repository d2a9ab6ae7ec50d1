"""Automatic differentiation from scratch: forward mode with dual numbers, reverse mode with a graph.

``Dual`` carries a derivative alongside each value (one pass per input); ``Value`` records a
graph in the forward pass and runs the chain rule backwards (one pass for all inputs).
Both are tested against ``torch.autograd``.
"""

from .forward import Dual, forward_derivative, forward_gradient
from .pytorch import PYTORCH_AUTOGRAD
from .reverse import Value, reverse_gradient

__all__ = ["Dual", "forward_derivative", "forward_gradient", "PYTORCH_AUTOGRAD", "Value", "reverse_gradient"]
