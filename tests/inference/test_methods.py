"""The inference-methods table: rows, links and computed examples that agree with the exact posterior."""

from __future__ import annotations

import re

from scipy import stats

from aimath_ref.inference import INFERENCE_METHODS, gaussian_vi, metropolis_hastings


def test_rows_and_examples():
    assert [r.cells["Method"] for r in INFERENCE_METHODS.rows] == ["MLE", "MAP", "MCMC", "Variational inference"]
    cells = INFERENCE_METHODS.cells()
    examples = [row[-1] for row in cells]
    assert "0.700" in examples[0]  # 7 heads in 10
    assert "0.667" in examples[1]  # mode of Beta(9, 5) = 8/12
    exact = stats.beta(9, 5)
    mcmc_mean = float(re.search(r"draws \$([0-9.]+)\$", examples[2]).group(1))
    assert abs(mcmc_mean - exact.mean()) < 0.02
    vi_mean, vi_sd = map(float, re.findall(r"mean \$([0-9.]+)\$, sd \$([0-9.]+)\$", examples[3])[0])
    assert abs(vi_mean - exact.mean()) < 0.03 and abs(vi_sd - exact.std()) < 0.02
    assert INFERENCE_METHODS.rows[2].impl is metropolis_hastings and INFERENCE_METHODS.rows[3].impl is gaussian_vi
    assert "reverse" in INFERENCE_METHODS.rows[3].cells["Output"]  # E32: which KL
    assert "asymptotically exact" in INFERENCE_METHODS.rows[2].cells["When to use"]  # E31
