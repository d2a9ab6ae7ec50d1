"""The snippet harness: every Python block the site shows, run once per device.

Pages include code from ``snippets/`` with ``pymdownx.snippets`` lines
(``--8<-- "chapter/file.py:region"``). This module expands those lines the way the site
build does, hands the result to pytest-codeblocks' parser (which keeps its markers:
``expected-output``, ``cont``, ``pytest.mark.skipif(...)``, ``importorskip(...)``), and
runs each block with ``AIMATH_DEVICE`` and torch's default device set to the device under
test. Docstring examples (``>>>``) of aimath_ref are run the same way.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import os
import pkgutil
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import torch
from pytest_codeblocks.main import CodeBlock, extract_from_buffer

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def load_hook(name: str) -> object:
    """A build hook of ``hooks/`` as a module (MkDocs loads hooks by path, not as a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"{name}_under_test", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
SNIPPETS = ROOT / "snippets"
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--\s+"(?P<target>[^"]+)"\s*$')
REGION = re.compile(r"^\s*#\s*--8<--\s*\[(?P<kind>start|end):(?P<name>[\w-]+)\]\s*$")
PYTHON_FENCES = ("python", "py", "python3")


def regions(path: Path) -> dict[str, str]:
    """The named regions of a snippet file (``# --8<-- [start:name]`` ... ``[end:name]``)."""
    out: dict[str, list[str]] = {}
    open_: list[str] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = REGION.match(line)
        if m is None:
            for name in open_:
                out[name].append(line)
            continue
        if m["kind"] == "start":
            if m["name"] in out:
                raise ValueError(f"{path}:{lineno}: region {m['name']!r} defined twice")
            out[m["name"]] = []
            open_.append(m["name"])
        else:
            if m["name"] not in open_:
                raise ValueError(f"{path}:{lineno}: end of region {m['name']!r} that is not open")
            open_.remove(m["name"])
    if open_:
        raise ValueError(f"{path}: regions never closed: {open_}")
    return {name: textwrap.dedent("\n".join(lines)).strip("\n") + "\n" for name, lines in out.items()}


def snippet_text(target: str) -> str:
    """The text an include line stands for: a whole file (without region markers) or one region."""
    file, _, region = target.partition(":")
    path = SNIPPETS / file
    if not path.is_file():
        raise FileNotFoundError(f"included snippet {file!r} does not exist under snippets/")
    if not region:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not REGION.match(ln)]
        return "\n".join(lines).strip("\n") + "\n"
    found = regions(path)
    if region not in found:
        raise KeyError(f"snippet {file!r} has no region {region!r}; it has {sorted(found)}")
    return found[region]


def expand(markdown: str) -> str:
    """Replace every include line by the snippet text, indented like the include line."""
    out = []
    for line in markdown.splitlines(keepends=True):
        m = INCLUDE.match(line.rstrip("\n"))
        if m is None:
            out.append(line)
            continue
        text = snippet_text(m["target"])
        out.extend(m["indent"] + ln + "\n" if ln else "\n" for ln in text.splitlines())
    return "".join(out)


def included_targets(markdown: str) -> list[str]:
    return [m["target"] for line in markdown.splitlines() if (m := INCLUDE.match(line))]


@dataclass
class PageBlock:
    """One Python block of one page."""

    page: Path
    block: CodeBlock

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(DOCS).as_posix()}:L{self.block.lineno}"


def page_blocks(page: Path) -> list[PageBlock]:
    """Every Python block of ``page``, whatever the fence's attributes (title, hl_lines, indentation)."""
    text = expand(page.read_text(encoding="utf-8"))
    blocks = extract_from_buffer(io.StringIO(text), max_num_lines=100_000)
    out = []
    for b in blocks:
        words = (b.syntax or "").replace("{", " ").replace(".", " ").split()
        if words and words[0] in PYTHON_FENCES:
            b.syntax = "python"
            out.append(PageBlock(page, b))
    return out


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def all_page_blocks() -> list[PageBlock]:
    return [b for page in pages() for b in page_blocks(page)]


@contextlib.contextmanager
def on_device(device: str) -> Iterator[None]:
    """Run the body with ``AIMATH_DEVICE`` and torch's default device set to ``device``."""
    old_env = os.environ.get("AIMATH_DEVICE")
    os.environ["AIMATH_DEVICE"] = device
    torch.set_default_device(device)
    try:
        yield
    finally:
        torch.set_default_device(None)
        if old_env is None:
            os.environ.pop("AIMATH_DEVICE", None)
        else:
            os.environ["AIMATH_DEVICE"] = old_env


def run_code(code: str, device: str, filename: str) -> str:
    """Execute ``code`` in fresh globals on ``device``; return what it printed."""
    buffer = io.StringIO()
    with on_device(device), contextlib.redirect_stdout(buffer):
        exec(compile(code, filename, "exec"), {"__name__": "__codeblock__"})
    return buffer.getvalue()


def check_block(pb: PageBlock, device: str) -> None:
    """Run one page block and compare its output with the output the page shows."""
    b = pb.block
    if b.importorskip is not None:
        import pytest

        pytest.importorskip(b.importorskip)
    printed = run_code(b.code, device, pb.id)
    if b.expected_output is None:
        if printed:
            raise AssertionError(f"{pb.id} prints output but the page shows none under it:\n{printed}")
        return
    expected, got = b.expected_output, printed
    if b.expected_output_ignore_whitespace:
        expected, got = re.sub(r"\s+", "", expected), re.sub(r"\s+", "", got)
    if expected != got:
        raise AssertionError(f"{pb.id} on {device}: the page shows\n{b.expected_output}\nbut the code printed\n{printed}")


def package_modules() -> list[str]:
    import aimath_ref

    names = ["aimath_ref"]
    names += [m.name for m in pkgutil.walk_packages(aimath_ref.__path__, prefix="aimath_ref.")]
    return sorted(names)


def docstring_examples() -> list[doctest.DocTest]:
    """Every docstring of aimath_ref with ``>>>`` examples."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    tests = []
    for name in package_modules():
        module = importlib.import_module(name)
        tests += [t for t in finder.find(module) if t.examples]
    return sorted(tests, key=lambda t: t.name)


def check_docstring(test: doctest.DocTest, device: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    report = io.StringIO()
    fresh = doctest.DocTest(test.examples, dict(test.globs), test.name, test.filename, test.lineno, test.docstring)
    with on_device(device):
        result = runner.run(fresh, out=report.write, clear_globs=True)
    if result.failed:
        raise AssertionError(f"docstring example of {test.name} failed on {device}:\n{report.getvalue()}")
