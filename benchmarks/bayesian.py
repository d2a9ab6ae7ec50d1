"""Time aimath_ref.inference.gmm_em against scikit-learn's GaussianMixture.

Same data, same initial parameters, same number of EM iterations (no early stopping), float64,
n = 10,000 points, d = 2 and d = 16. Run alone: ``python benchmarks/bayesian.py [--threads N]``.

Both libraries get the same number of threads (1 by default: on a machine shared with other
work, multi-threaded BLAS and OpenMP timings mostly measure contention).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import torch
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture
from threadpoolctl import threadpool_limits


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's aimath_ref
from aimath_ref.inference import gmm_em  # noqa: E402

N, K, N_ITER, REPEATS = 10_000, 5, 50, 7


def data(d: int, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    centres = 4.0 * torch.randn(K, d, generator=g, dtype=torch.float64)
    labels = torch.randint(0, K, (N,), generator=g)
    X = centres[labels] + torch.randn(N, d, generator=g, dtype=torch.float64)
    means0 = X[torch.randperm(N, generator=g)[:K]]
    weights0 = torch.full((K,), 1 / K, dtype=torch.float64)
    cov0 = torch.cov(X.T).reshape(d, d).expand(K, d, d).clone()
    return X, weights0, means0, cov0


def best_of(a, b) -> tuple[float, float]:
    """Best time of each callable over REPEATS rounds, alternating them so both see the same machine load."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEATS):
        for fn, out in ((a, times[0]), (b, times[1])):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return min(times[0]), min(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1, help="threads for torch and for NumPy's BLAS")
    threads = parser.parse_args().threads
    torch.set_num_threads(threads)
    warnings.simplefilter("ignore", ConvergenceWarning)
    with threadpool_limits(limits=threads):
        run()


def run() -> None:
    print(f"gmm_em vs sklearn GaussianMixture: n = {N}, k = {K}, {N_ITER} iterations, float64, "
          f"best of {REPEATS}, torch threads = {torch.get_num_threads()}")
    for d in (2, 16):
        X, w0, m0, c0 = data(d)
        Xn = X.numpy()
        prec0 = np.linalg.inv(c0.numpy())

        def ours():
            return gmm_em(X, K, n_iter=N_ITER, weights_init=w0, means_init=m0, covariances_init=c0)

        def theirs():
            return GaussianMixture(K, covariance_type="full", tol=0.0, max_iter=N_ITER, n_init=1,
                                   weights_init=w0.numpy(), means_init=m0.numpy(), precisions_init=prec0,
                                   init_params="random_from_data", random_state=0).fit(Xn)

        a, b = ours(), theirs()
        gap = float(np.abs(a.means.numpy() - b.means_).max())
        t_ours, t_sk = best_of(ours, theirs)
        print(f"d = {d:2d}: aimath_ref {t_ours * 1e3:8.1f} ms   scikit-learn {t_sk * 1e3:8.1f} ms   "
              f"ratio (aimath_ref / scikit-learn) {t_ours / t_sk:5.2f}   max |means difference| {gap:.1e}")


if __name__ == "__main__":
    main()
