"""The complexity table: every measured row has a workload, measurements are cached by content hash."""

from __future__ import annotations

import json

import pytest

from aimath_ref.complexity import COMPLEXITY, WORKLOADS, measure_workloads, table
from aimath_ref.complexity.scaling import ScalingFit


def test_rows_cover_the_course_and_the_errata():
    ops = [row.cells["Operation"] for row in COMPLEXITY.rows]
    assert ops == ["Embedding lookup", r"Matrix multiply ($n \times n$)", "Self-attention", "Linear attention",
                   "Sorting", "Top-k selection", "k-NN search (brute force)", "ANN search (HNSW)"]
    cells = {row.cells["Operation"]: row.cells["Complexity"] for row in COMPLEXITY.rows}
    assert "O(d)" in cells["Embedding lookup"] and "log k" in cells["Top-k selection"]
    assert "no worst-case bound" in cells["ANN search (HNSW)"]
    assert "Mamba" in COMPLEXITY.rows[3].cells["Example in AI"]


def test_cached_measurements_are_read_back(tmp_path, monkeypatch):
    fake = {name: ScalingFit(1.0 + i, 0.01, -10.0, w.sizes, tuple(1e-3 * (j + 1) for j in range(len(w.sizes))))
            for i, (name, w) in enumerate(WORKLOADS.items())}
    monkeypatch.setattr(table, "_MEASURED", {})
    path = tmp_path / f"complexity-{table._cache_key()}.json"
    path.write_text(json.dumps({k: v.__dict__ for k, v in fake.items()}), encoding="utf-8")
    got = measure_workloads(cache_dir=tmp_path)
    assert got["matmul"] == ScalingFit(2.0, 0.01, -10.0, WORKLOADS["matmul"].sizes, fake["matmul"].seconds)
    text = COMPLEXITY.rows[1].example()
    assert text == "measured n^2.00 ± 0.01 (n = 96…384)"
    assert COMPLEXITY.rows[-1].example() == "not measured"


def test_measure_workloads_bad_input(monkeypatch):
    monkeypatch.setattr(table, "_MEASURED", {})
    with pytest.raises(TypeError, match="cache_dir must be a path or None, got int"):
        measure_workloads(cache_dir=3)
    with pytest.raises(ValueError, match="repeats must be >= 1, got 0"):
        measure_workloads(repeats=0)
    with pytest.raises(TypeError, match="repeats must be an int, got float 1.5"):
        measure_workloads(repeats=1.5)
