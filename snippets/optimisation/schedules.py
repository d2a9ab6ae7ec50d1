"""Snippets for docs/optimisation/schedules.md: the five schedules, driving an optimiser, and refusals."""

# --8<-- [start:values]
from aimath_ref.optim import constant, cosine_annealing, linear_warmup_cosine, one_cycle, step_decay

steps = [0, 5, 10, 30, 60, 90, 99]
schedules = {
    "constant": lambda t: constant(t, 0.1),
    "step decay": lambda t: step_decay(t, 0.1, step_size=30, gamma=0.1),
    "cosine": lambda t: cosine_annealing(t, 0.1, T_max=100),
    "warmup + cosine": lambda t: linear_warmup_cosine(t, 0.1, warmup_steps=10, total_steps=100),
    "one cycle": lambda t: one_cycle(t, 0.1, total_steps=100),
}
print("step:           ", steps)
for name, lr in schedules.items():
    print(f"{name + ':':16s}", [float(f"{lr(t):.3g}") for t in steps])
# --8<-- [end:values]

# --8<-- [start:torch]
import torch
from torch.optim.lr_scheduler import CosineAnnealingLR, LambdaLR, LinearLR, SequentialLR

from aimath_ref import get_device
from aimath_ref.optim import AdamW, linear_warmup_cosine

w = torch.zeros(3, device=get_device(), requires_grad=True)
opt = AdamW([w], lr=3e-4)
# our function as a multiplier of the optimiser's base rate (peak 1.0)
sched = LambdaLR(opt, lambda t: linear_warmup_cosine(t, 1.0, warmup_steps=100, total_steps=1000))
twin = torch.optim.SGD([torch.zeros(1)], lr=3e-4)
reference = SequentialLR(twin, [LinearLR(twin, start_factor=0.01, total_iters=100),
                                CosineAnnealingLR(twin, T_max=900)], milestones=[100])
gap = 0.0
for step in range(1000):
    gap = max(gap, abs(opt.param_groups[0]["lr"] - twin.param_groups[0]["lr"]))
    w.grad = torch.ones_like(w)
    opt.step()
    sched.step()
    twin.step()
    reference.step()
print("largest gap to SequentialLR over 1,000 steps:", "below 1e-15" if gap < 1e-15 else gap)
# --8<-- [end:torch]

# --8<-- [start:refuse]
from aimath_ref.optim import linear_warmup_cosine, one_cycle

for call in (lambda: linear_warmup_cosine(0, 0.1, warmup_steps=2000, total_steps=1000),
             lambda: one_cycle(-1, 0.1, total_steps=100),
             lambda: one_cycle(0, 0.1, total_steps=10, pct_start=0.05)):
    try:
        call()
    except ValueError as err:
        print("ValueError:", err)
# --8<-- [end:refuse]
