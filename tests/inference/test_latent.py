"""The latent-variable table: rows, links and computed examples."""

from __future__ import annotations

import itertools
import math
import re

from aimath_ref.inference import LATENT_VARIABLE_MODELS, baum_welch, gmm_em


def test_rows_and_examples():
    names = [r.cells["Algorithm"] for r in LATENT_VARIABLE_MODELS.rows]
    assert names[0].startswith("Gaussian mixture") and names[1].startswith("HMM") and names[3] == "VAE training"
    assert "LDA" in names[2]
    assert LATENT_VARIABLE_MODELS.rows[0].impl is gmm_em and LATENT_VARIABLE_MODELS.rows[1].impl is baum_welch
    cells = LATENT_VARIABLE_MODELS.cells()
    assert "weights 0.43, 0.57" in cells[0][-1]  # 3 of 7 points near 0, 4 near 5
    means = [float(v) for v in cells[0][-1].split("means ")[1].split(", ")]
    assert abs(means[0] - 0.0) < 0.006 and abs(means[1] - sum([5.0, 5.2, 4.8, 5.1]) / 4) < 0.006
    pi, A, B = [0.5, 0.5], [[0.9, 0.1], [0.2, 0.8]], [[0.7, 0.3], [0.1, 0.9]]
    obs = [0, 1, 1, 1, 0]
    brute = sum(pi[z[0]] * B[z[0]][obs[0]] * math.prod(A[z[t - 1]][z[t]] * B[z[t]][obs[t]] for t in range(1, 5))
                for z in itertools.product(range(2), repeat=5))
    assert f"log p = {math.log(brute):.3f}" in cells[1][-1]
    start, end = (float(v) for v in re.findall(r"\$(-[0-9.]+)\$", cells[1][-1]))
    assert end > start  # Baum–Welch raised the likelihood
    assert LATENT_VARIABLE_MODELS.title == "Latent-variable algorithms"
