r"""The complexity table of common AI operations, each claim beside a measured exponent.

Every row states the textbook cost of an operation. Where a workload exists, it is timed at
five sizes when the site is built, single-threaded and with the other sizes held fixed,
and `measure_scaling` fits the exponent of the one
size that varies. Measured exponents are rounded honestly: a small problem is dominated by
fixed overheads (exponent too low), and caches or memory bandwidth can bend the curve
either way, so the exponent is evidence about the trend, not a proof of the bound.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch

from ..linalg.products import linear
from ..linalg.similarity import attention
from ..tables import CHAPTERS, Row, Table, register
from .operations import knn_bruteforce, linear_attention
from .scaling import ScalingFit, measure_scaling

__all__ = ["COMPLEXITY", "WORKLOADS", "Workload", "measure_workloads"]


@dataclass(frozen=True)
class Workload:
    """A timed workload: ``run(setup(n))`` for each of ``sizes``; ``variable`` names $n$."""

    name: str
    variable: str
    sizes: tuple[int, ...]
    setup: Callable[[int], Any]
    run: Callable[[Any], Any]


def _g(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


_D = 64  # model width held fixed where n varies
WORKLOADS: dict[str, Workload] = {
    w.name: w for w in (
        Workload("embedding", "d", (256, 512, 1024, 2048, 4096),
                 lambda d: (torch.randn(2000, d, generator=_g(0)), torch.randint(2000, (1024,), generator=_g(1)),
                            torch.empty(1024, d)),
                 lambda a: torch.index_select(a[0], 0, a[1], out=a[2])),  # 1024 token ids -> 1024 rows of E
        Workload("matmul", "n", (96, 128, 192, 256, 384),
                 lambda n: (torch.randn(n, n, generator=_g(0)), torch.randn(n, n, generator=_g(1))),
                 lambda a: linear(a[0], a[1])),  # X Wᵀ, X and W n × n
        Workload("attention", "n", (128, 256, 384, 512, 768),
                 lambda n: torch.randn(3, n, _D, generator=_g(0)).unbind(0),
                 lambda a: attention(*a)),
        Workload("linear_attention", "n", (512, 1024, 2048, 4096, 8192),
                 lambda n: torch.randn(3, n, _D, generator=_g(0)).unbind(0),
                 lambda a: linear_attention(*a)),
        Workload("sort", "n", (1 << 14, 1 << 15, 1 << 16, 1 << 17, 1 << 18),
                 lambda n: torch.randn(n, generator=_g(0)),
                 lambda x: torch.sort(x)),
        Workload("topk", "n", (1 << 14, 1 << 15, 1 << 16, 1 << 17, 1 << 18),
                 lambda n: torch.randn(n, generator=_g(0)),
                 lambda x: torch.topk(x, 50)),  # k = 50 fixed
        Workload("knn", "n", (1 << 12, 1 << 13, 1 << 14, 1 << 15, 1 << 16),
                 lambda n: (torch.randn(8, _D, generator=_g(0)), torch.randn(n, _D, generator=_g(1))),
                 lambda a: knn_bruteforce(a[0], a[1], 10)),  # 8 queries, k = 10
    )
}
"""The workloads behind the measured column of `COMPLEXITY`, by row name."""

_MEASURED: dict[str, ScalingFit] = {}


def _cache_key() -> str:
    here = Path(__file__).parent
    h = hashlib.sha256(f"{torch.__version__}|{platform.machine()}|{platform.processor()}".encode())
    for p in sorted(here.glob("*.py")):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def measure_workloads(cache_dir: str | Path | None = None, repeats: int = 5) -> dict[str, ScalingFit]:
    r"""Measure the exponent of every workload of `WORKLOADS` (single-threaded).

    The result is kept for the rest of the process. With ``cache_dir`` it is also stored as
    JSON under a key hashed from this subpackage's source, the torch version and the CPU
    type, and read back by later calls, so a build measures only when something changed.

    Parameters
    ----------
    cache_dir : str, Path or None, default None
        Folder for the JSON cache; ``None`` keeps results in memory only.
    repeats : int, default 5
        Timed runs per size (the minimum is kept).

    Returns
    -------
    dict
        Workload name -> `ScalingFit`.

    Raises
    ------
    TypeError
        If ``cache_dir`` is not a path or ``repeats`` not an int.
    ValueError
        If ``repeats`` < 1.

    Examples
    --------
    >>> from aimath_ref.complexity import WORKLOADS
    >>> sorted(WORKLOADS)
    ['attention', 'embedding', 'knn', 'linear_attention', 'matmul', 'sort', 'topk']
    """
    if cache_dir is not None and not isinstance(cache_dir, (str, Path)):
        raise TypeError(f"cache_dir must be a path or None, got {type(cache_dir).__name__}")
    if isinstance(repeats, bool) or not isinstance(repeats, int):
        raise TypeError(f"repeats must be an int, got {type(repeats).__name__} {repeats!r}")
    if repeats < 1:
        raise ValueError(f"repeats must be >= 1, got {repeats}")
    if _MEASURED:
        return dict(_MEASURED)
    path = None if cache_dir is None else Path(cache_dir) / f"complexity-{_cache_key()}.json"
    if path is not None and path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        _MEASURED.update({k: ScalingFit(v["exponent"], v["spread"], v["intercept"], tuple(v["sizes"]),
                                        tuple(v["seconds"])) for k, v in data.items()})
        return dict(_MEASURED)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one core: no thread start-up or sharing in the timings
    try:
        with torch.no_grad():
            fits = {name: measure_scaling(w.run, list(w.sizes), repeats=repeats, setup=w.setup)
                    for name, w in WORKLOADS.items()}
    finally:
        torch.set_num_threads(threads)
    _MEASURED.update(fits)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({k: asdict(v) for k, v in fits.items()}, indent=1), encoding="utf-8")
    return dict(fits)


def _measured(name: str) -> Callable[[], str]:
    def text() -> str:
        fit = measure_workloads()[name]
        w = WORKLOADS[name]
        return (f"measured {w.variable}^{fit.exponent:.2f} ± {fit.spread:.2f} "
                f"({w.variable} = {w.sizes[0]}…{w.sizes[-1]})")
    return text


_COLS = ("Operation", "Complexity", "Example in AI", "Workload timed", "Caveat")
COMPLEXITY = register(Table(
    name="complexity",
    title="Complexity of common AI operations",
    caption="The cost of common operations in AI, with the exponent measured on this site's build machine "
            "(one CPU thread) beside each claim.",
    columns=_COLS,
    rows=(
        Row(dict(zip(_COLS, (
            "Embedding lookup", r"$O(d)$ per token; $O(1)$ in the vocabulary size $V$",
            "Token embedding in LLMs", r"1024 rows of a $2000 \times d$ table",
            "memory-bound; slower once the table outgrows the CPU caches"))),
            example=_measured("embedding")),
        Row(dict(zip(_COLS, (
            r"Matrix multiply ($n \times n$)",
            r"$O(n^3)$ schoolbook; Strassen $O(n^{2.81})$; best known $\omega < 2.372$",
            r"Dense layer on a batch: $O(B\, d_{in}\, d_{out})$", r"`linear(X, W)`, $X$ and $W$ $n \times n$",
            "BLAS runs small matrices below peak speed"))),
            impl=linear, example=_measured("matmul")),
        Row(dict(zip(_COLS, (
            "Self-attention", r"$O(n^2 d)$ time, $O(n^2)$ memory for the scores",
            "Transformer layers: the long-context bottleneck", r"`attention(Q, K, V)`, $d = 64$",
            "lower-order terms at small $n$, cache effects at large $n$"))),
            impl=attention, example=_measured("attention")),
        Row(dict(zip(_COLS, (
            "Linear attention", r"$O(n d^2)$",
            (r"Kernelised linear attention; RetNet (recurrent) $O(n d^2)$; Mamba (state-space model) "
             r"$O(n d N)$; RWKV $O(n d)$"),
            r"`linear_attention(Q, K, V)`, $d = 64$", "cache effects at the largest $n$"))),
            impl=linear_attention, example=_measured("linear_attention")),
        Row(dict(zip(_COLS, (
            "Sorting", r"$O(n \log n)$", "Top-p (nucleus) sampling: cumulative sums of sorted probabilities",
            "`torch.sort` of $n$ floats", r"$\log n$ adds little; cache effects add more"))),
            example=_measured("sort")),
        Row(dict(zip(_COLS, (
            "Top-k selection", r"$O(n \log k)$ (heap) or $O(n + k \log k)$ (selection), no full sort",
            "Top-k token selection", "`torch.topk`, $k = 50$ of $n$", "one pass plus a small heap"))),
            example=_measured("topk")),
        Row(dict(zip(_COLS, (
            "k-NN search (brute force)", r"$O(n d)$ per query", "Vector database, exact search",
            r"`knn_bruteforce`, 8 queries, $d = 64$", "slower once the database outgrows the CPU caches"))),
            impl=knn_bruteforce, example=_measured("knn")),
        Row(dict(zip(_COLS, (
            "ANN search (HNSW)",
            r"empirically about $O(d \log n)$ per query on data of low intrinsic dimension; no worst-case bound",
            "Vector database, approximate search", "none: aimath_ref has no HNSW index",
            "depends on $M$, ef and the data"))),
            example=lambda: "not measured"),
    ),
    chapter=CHAPTERS[6],
    page="graphs/complexity.md",
))
"""The complexity table, rendered on the complexity page and the Reference page."""
