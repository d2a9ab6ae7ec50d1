"""Snippet files: each runs on its own, every region is shown on a page, every include exists."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from tests import harness
from tests.conftest import DEVICES

FILES = sorted(p for p in harness.SNIPPETS.rglob("*.py"))


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(harness.SNIPPETS).as_posix())
def test_snippet_file_runs_alone(path: Path, device: str, capsys: pytest.CaptureFixture[str]) -> None:
    with harness.on_device(device):
        runpy.run_path(str(path), run_name="__main__")
    assert capsys.readouterr().out  # every snippet file shows something


def _includes() -> set[str]:
    return {t for page in harness.pages() for t in harness.included_targets(page.read_text(encoding="utf-8"))}


def test_every_include_resolves() -> None:
    for target in _includes():
        assert harness.snippet_text(target).strip(), target


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(harness.SNIPPETS).as_posix())
def test_every_region_is_shown(path: Path) -> None:
    """No dead example code: each region of a snippet file is included by some page."""
    rel = path.relative_to(harness.SNIPPETS).as_posix()
    shown = {t.partition(":")[2] for t in _includes() if t.partition(":")[0] == rel}
    defined = set(harness.regions(path))
    assert defined, f"{rel} has no named regions"
    assert defined <= shown, f"regions of {rel} that no page shows: {sorted(defined - shown)}"
