"""Shared fixtures: the device under test and the hypothesis profile."""

from __future__ import annotations

import os

import pytest
import torch
from hypothesis import settings

settings.register_profile("default", max_examples=30, deadline=None, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

if os.environ.get("PYTEST_XDIST_WORKER"):
    # Each worker already has a core of its own: more threads per worker only fight over the
    # two cores (small tensors, many short ops), which made some examples 20-50x slower.
    torch.set_num_threads(1)

CUDA = torch.cuda.is_available()
DEVICES = [
    pytest.param("cpu", id="cpu"),
    pytest.param("cuda", id="cuda", marks=pytest.mark.skipif(not CUDA, reason="no CUDA device on this machine")),
]


@pytest.fixture(params=DEVICES)
def device(request: pytest.FixtureRequest) -> torch.device:
    """Each test that takes ``device`` runs on the CPU and, where there is one, on CUDA."""
    return torch.device(request.param)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory):
    """The site, built once per test run with ``mkdocs build --strict`` into a temporary folder.

    With pytest-xdist every worker asks for it: the first one builds under a file lock in the
    run's shared temporary folder, the others wait and reuse the result (or its failure).
    """
    import subprocess
    import sys
    from pathlib import Path

    from filelock import FileLock

    root = Path(__file__).resolve().parent.parent
    if os.environ.get("AIMATH_BUILT_SITE"):  # a site you built yourself, to rerun site tests quickly
        return Path(os.environ["AIMATH_BUILT_SITE"])
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder all workers of this run share
    out, done, failed = shared / "site", shared / "site.done", shared / "site.failed"
    with FileLock(str(shared / "site.lock")):
        if not done.exists() and not failed.exists():
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
            config = os.environ.get("AIMATH_MKDOCS_CONFIG", "mkdocs.yml")  # another config file, e.g. one that INHERITs
            proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config,
                                   "-d", str(out)], cwd=root, env=env, capture_output=True, text=True)
            if proc.returncode != 0:
                failed.write_text(f"{proc.stdout}\n{proc.stderr}", encoding="utf-8")
            else:
                done.touch()
    if failed.exists():
        pytest.fail(f"mkdocs build --strict failed:\n{failed.read_text(encoding='utf-8')}")
    return out
