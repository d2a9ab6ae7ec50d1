"""Every Python block of every page, and every docstring example, runs on every device.

A block that prints must show its output under it on the page, and the output must match
exactly. CUDA items are skipped on machines without a GPU.
"""

from __future__ import annotations

import sys

import pytest

from tests import harness
from tests.conftest import DEVICES


def _page_params() -> list[object]:
    params = []
    for pb in harness.all_page_blocks():
        marks = [eval(m, {"sys": sys, "pytest": pytest}) for m in pb.block.marks]  # noqa: S307 (page markers)
        params.append(pytest.param(pb, id=pb.id, marks=marks))
    return params


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("block", _page_params())
def test_page_block(block: harness.PageBlock, device: str) -> None:
    harness.check_block(block, device)


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("example", harness.docstring_examples(), ids=lambda t: t.name)
def test_docstring_example(example: object, device: str) -> None:
    harness.check_docstring(example, device)  # type: ignore[arg-type]


def test_every_page_has_blocks_found() -> None:
    """The harness sees the blocks: a page that shows ```python fences must yield blocks."""
    for page in harness.pages():
        text = page.read_text(encoding="utf-8")
        fences = sum(1 for line in text.splitlines() if line.lstrip().startswith("```python"))
        assert len(harness.page_blocks(page)) == fences, page


def test_admonition_titles_have_no_escaped_quotes() -> None:
    """Markdown shows a backslash-escaped quote in an admonition title literally."""
    import re

    for page in harness.pages():
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*(!!!|\?\?\?)", line):
                assert '\\"' not in line, f"{page.relative_to(harness.DOCS)}:{n}: use “curly quotes” in titles"
