"""MkDocs hook: time the workloads of the complexity table once per change of the code.

``aimath_ref.complexity.measure_workloads`` keeps its result in memory for the build and in
``.cache/complexity`` under a hash of its sources, the torch version and the CPU type, like
the figures; the table's measured column and the scaling figure both read it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "complexity"
log = logging.getLogger("mkdocs.hooks.measure_complexity")


def on_config(config: Any, **_: Any) -> Any:
    from aimath_ref.complexity import measure_workloads

    measure_workloads(cache_dir=CACHE)
    return config
