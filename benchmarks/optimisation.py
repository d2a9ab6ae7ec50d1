"""Time one optimiser step of each aimath_ref optimiser against its torch.optim twin.

Ten parameters of 1,000 x 1,000 float32 entries, gradients fixed; each optimiser is warmed up
for a few steps (so its state exists), then ``step()`` is timed. The ratios compare with
torch's single-tensor loop (``foreach=False``), the fair twin of a per-tensor reference, and,
for information, with torch's default (``foreach`` on where supported).

Run from the repository root:  python benchmarks/optimisation.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aimath_ref import optim  # noqa: E402

CASES = [
    ("SGD", dict(lr=0.01, momentum=0.9, weight_decay=1e-4)),
    ("RMSprop", dict(lr=0.01)),
    ("Adam", dict(lr=1e-3)),
    ("AdamW", dict(lr=1e-3)),
    ("Adafactor", dict(lr=1e-2)),
]


def _params(device: torch.device, n: int = 10, shape: tuple[int, int] = (1000, 1000)) -> list[torch.Tensor]:
    g = torch.Generator().manual_seed(0)
    params = []
    for _ in range(n):
        p = torch.randn(shape, generator=g).to(device).requires_grad_()
        p.grad = torch.randn(shape, generator=g).to(device) * 1e-3
        params.append(p)
    return params


def time_steps(makers: dict[str, object], device: torch.device, repeats: int) -> dict[str, float]:
    """Median seconds of one ``step()`` for each optimiser, timed in turn (round robin with a rotating
    start, so that a change in the machine's load hits all of them alike), after 3 warm-up steps each."""
    opts = {name: make(_params(device)) for name, make in makers.items()}
    for opt in opts.values():
        for _ in range(3):
            opt.step()
    times: dict[str, list[float]] = {name: [] for name in opts}
    names = list(opts)
    for r in range(repeats):
        for name in names[r % len(names):] + names[:r % len(names)]:  # rotate who goes first
            opt = opts[name]
            if device.type == "cuda":
                torch.cuda.synchronize()
            t0 = time.perf_counter()
            opt.step()
            if device.type == "cuda":
                torch.cuda.synchronize()
            times[name].append(time.perf_counter() - t0)
    return {name: sorted(t)[len(t) // 2] for name, t in times.items()}


def main() -> None:
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if device.type == "cpu" and "--threads" not in sys.argv:
        torch.set_num_threads(1)  # one thread: steadier timings on a shared machine
    elif "--threads" in sys.argv:
        torch.set_num_threads(int(sys.argv[sys.argv.index("--threads") + 1]))
    repeats = 50 if device.type == "cuda" else 21
    print(f"device: {device}, torch {torch.__version__}, threads {torch.get_num_threads()}, "
          f"10 parameters of 1M entries, median of {repeats} steps")
    print(f"{'optimiser':<10} {'aimath_ref ms':>14} {'foreach=False ms':>17} {'ratio':>6} "
          f"{'default ms':>11} {'ratio':>6}")
    for name, kwargs in CASES:
        t = time_steps({"ours": lambda p: getattr(optim, name)(p, **kwargs),
                        "loop": lambda p: getattr(torch.optim, name)(p, **kwargs, foreach=False),
                        "default": lambda p: getattr(torch.optim, name)(p, **kwargs)}, device, repeats)
        ours, loop, default = t["ours"], t["loop"], t["default"]
        print(f"{name:<10} {ours * 1e3:14.2f} {loop * 1e3:17.2f} {ours / loop:6.2f} "
              f"{default * 1e3:11.2f} {ours / default:6.2f}")


if __name__ == "__main__":
    main()
