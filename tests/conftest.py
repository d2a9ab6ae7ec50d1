"""Shared fixtures: the device under test and the hypothesis profile."""

from __future__ import annotations

import os

import pytest
import torch
from hypothesis import settings

settings.register_profile("default", max_examples=30, deadline=None, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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
    """The site, built once per test run with ``mkdocs build --strict`` into a temporary folder."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    config = os.environ.get("AIMATH_MKDOCS_CONFIG", "mkdocs.yml")  # another config file, e.g. one that INHERITs
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(out)],
                          cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")
    return out
