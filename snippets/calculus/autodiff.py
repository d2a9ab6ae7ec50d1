"""Examples for the Automatic differentiation page (docs/calculus/autodiff.md). Runs on its own."""

# --8<-- [start:torch]
import torch

from aimath_ref import get_device

device = get_device()
x = torch.tensor(2.0, device=device, requires_grad=True)
w = torch.tensor(3.0, device=device, requires_grad=True)

z = w * x ** 2 + 5  # forward pass: records the graph
z.backward()  # reverse pass: fills .grad of every leaf

print("z =", z.item())
print("dz/dx =", x.grad.item(), " (2wx = 12)")
print("dz/dw =", w.grad.item(), " (x² = 4)")
# --8<-- [end:torch]

# --8<-- [start:value]
from aimath_ref.autodiff import Value

x, w = Value(2.0, "x"), Value(3.0, "w")
x2 = x ** 2
x2.label = "x²"
wx2 = w * x2
wx2.label = "w·x²"
z = wx2 + 5
z.label = "z"
z.backward()

for node in z.topological_order():  # inputs first, output last
    print(f"{node.label or 'const':>5}  value = {node.data:<5}  dz/d(node) = {node.grad}")
# --8<-- [end:value]

# --8<-- [start:dual]
from aimath_ref.autodiff import Dual

# forward mode carries one derivative: one pass per input
z_x = Dual(3.0, 0.0) * Dual(2.0, 1.0) ** 2 + 5  # seed dx = 1: derivative along x
z_w = Dual(3.0, 1.0) * Dual(2.0, 0.0) ** 2 + 5  # seed dw = 1: derivative along w
print("z =", z_x.value, " dz/dx =", z_x.deriv, " dz/dw =", z_w.deriv)
# --8<-- [end:dual]

# --8<-- [start:passes]
from aimath_ref.autodiff import forward_gradient, reverse_gradient

calls = {"forward": 0, "reverse": 0}


def make_loss(mode):
    def loss(*ws):
        calls[mode] += 1  # one call = one pass through the function
        total = 0.0
        for i, w in enumerate(ws):
            total = total + (w - i) ** 2
        return total.tanh()
    return loss


point = [0.1 * k for k in range(6)]  # 6 parameters
_, g_fwd = forward_gradient(make_loss("forward"), point)
_, g_rev = reverse_gradient(make_loss("reverse"), point)
print("same gradient:", all(abs(a - b) < 1e-12 for a, b in zip(g_fwd, g_rev)))
print("passes through the function: forward mode", calls["forward"], " reverse mode", calls["reverse"])
# --8<-- [end:passes]

# --8<-- [start:errors]
from aimath_ref.autodiff import Value

for bad in (lambda: Value(-4.0).log(), lambda: Value(0.0) / 0, lambda: Value(1.0) + "2"):
    try:
        bad()
    except (ValueError, TypeError) as err:
        print(type(err).__name__ + ":", err)
# --8<-- [end:errors]

# --8<-- [start:infinities]
from aimath_ref.autodiff import Value

x = Value(0.0)
y = x ** 0.5  # sqrt at 0: the slope is vertical
y.backward()
print("sqrt(0) =", y.data, " derivative =", x.grad)
print("1e308 ** 2 =", (Value(1e308) ** 2).data, " 1 / 0 =", (Value(1.0) / 0).data)
print("0 ** 0 =", (Value(0.0) ** 0).data)
# --8<-- [end:infinities]
