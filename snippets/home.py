"""Example for the home page (docs/index.md). Runs on its own."""

# --8<-- [start:first]
import torch

from aimath_ref import get_device
from aimath_ref.linalg import l2_norm

x = torch.tensor([3.0, -4.0], device=get_device())
print("L2 norm of (3, -4):", l2_norm(x).item())
# --8<-- [end:first]
