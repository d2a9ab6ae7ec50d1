"""aimath_ref: reference implementations of the mathematics behind machine learning.

Each topic module states its formulas in its docstrings and is tested against an
independent implementation (PyTorch, NumPy, SciPy, scikit-learn or NetworkX).
"""

from .device import get_device, rand, randn

__all__ = ["get_device", "rand", "randn"]
__version__ = "0.1.0"
