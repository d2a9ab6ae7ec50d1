"""Shared fixtures: the device under test, the hypothesis profile and the built site."""

from __future__ import annotations

import os
from pathlib import Path

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


SITE_INPUTS = ("docs", "snippets", "figures", "hooks", "aimath_ref")
SITE_TOOLS = ("mkdocs", "mkdocs-material", "mkdocstrings", "mkdocstrings-python", "mkdocs-autorefs",
              "pymdown-extensions", "Markdown", "Pygments", "matplotlib", "django-static-mathjax", "tinycss2")


def site_key(root, config: str) -> str:
    """A hash of everything a build of the site reads: the sources, the MkDocs configuration(s)
    and the versions of the build tools. Two builds with the same key write the same site."""
    import hashlib
    from importlib import metadata

    h = hashlib.sha256()
    files = [p for d in SITE_INPUTS for p in sorted((root / d).rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    files += sorted(root.glob("*.yml")) + [root / "pyproject.toml", root / "constraints.txt"]
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(config.encode())
    for tool in SITE_TOOLS:
        try:
            h.update(f"{tool}=={metadata.version(tool)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{tool} missing".encode())
    return h.hexdigest()[:16]


def _build_site(root: Path, config: str, run: Path) -> tuple[Path, Path]:
    """Build the site into ``.cache/site/<key>`` under a file lock unless that build is there,
    or failed in this run (marked in ``run``, the folder this run's workers share). Returns the
    site's folder and the failure marker."""
    import shutil
    import subprocess
    import sys

    from filelock import FileLock

    cache = root / ".cache" / "site"
    cache.mkdir(parents=True, exist_ok=True)
    with FileLock(str(cache / "build.lock")):
        key = site_key(root, config)
        out, done, failed = cache / key, cache / f"{key}.done", run / f"site-{key}.failed"
        if not done.exists() and not failed.exists():
            for old in cache.iterdir():  # keep one build only
                if old.name != "build.lock":
                    shutil.rmtree(old) if old.is_dir() else old.unlink()
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
            proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config,
                                   "-d", str(out)], check=False, cwd=root, env=env, capture_output=True, text=True)
            if proc.returncode != 0:
                failed.write_text(f"{proc.stdout}\n{proc.stderr}", encoding="utf-8")
            elif site_key(root, config) != key:
                failed.write_text("the sources changed while the site was being built: run the tests again", encoding="utf-8")
            else:
                done.touch()
    return out, failed


def _site_settings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    root = Path(__file__).resolve().parent.parent
    config = os.environ.get("AIMATH_MKDOCS_CONFIG", "mkdocs.yml")  # another config file, e.g. one that INHERITs
    run = tmp_path_factory.getbasetemp()  # a failure is reported to this run's workers, not kept
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run = run.parent  # the folder all workers of this run share
    return root, config, run


@pytest.fixture(scope="session", autouse=True)
def _site_built_ahead(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """When some selected test needs the built site, the first worker starts building it in the
    background as soon as it starts testing, so that the build (a single process) runs beside
    the unit tests instead of holding up the first site test. ``built_site`` waits for it."""
    import threading

    wanted = any("built_site" in getattr(item, "fixturenames", ()) for item in request.session.items)
    if os.environ.get("PYTEST_XDIST_WORKER", "gw0") != "gw0" or not wanted or os.environ.get("AIMATH_BUILT_SITE"):
        yield
        return
    # A build that fails here is marked failed for ``built_site`` to report; anything else that
    # goes wrong in the thread leaves no mark, and ``built_site`` builds again and reports it.
    thread = threading.Thread(target=_build_site, args=_site_settings(tmp_path_factory), daemon=True)
    thread.start()
    yield
    thread.join()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory):
    """The site, built with ``mkdocs build --strict`` once for a given state of its sources.

    The build lands in ``.cache/site/<key>``, where ``key`` hashes every file the build reads
    and the build tools' versions (``site_key``): a run whose sources are unchanged since an
    earlier run reuses that build, and any change to a page, snippet, figure, hook, package
    module or configuration builds afresh. With pytest-xdist every worker asks for it: the first
    worker has started the build when it began testing (``_site_built_ahead``), under a file
    lock; the others wait and reuse the result (or its failure).
    """
    if os.environ.get("AIMATH_BUILT_SITE"):  # a site you built yourself, to rerun site tests quickly
        return Path(os.environ["AIMATH_BUILT_SITE"])
    out, failed = _build_site(*_site_settings(tmp_path_factory))
    if failed.exists():
        pytest.fail(f"mkdocs build --strict failed:\n{failed.read_text(encoding='utf-8')}")
    return out
