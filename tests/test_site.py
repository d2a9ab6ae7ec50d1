"""The built site: strict build, every shown block executed, every public name documented,
tables and figures wired to the code, figures byte-identical across builds."""

from __future__ import annotations

import importlib
import re
import zlib
from pathlib import Path

import pytest

import aimath_ref
from aimath_ref.tables import all_tables
from tests import harness

pytestmark = pytest.mark.site

PY_BLOCK = 'class="language-python highlight"'
SOURCE = re.compile(r'<summary>Source code in <code>[^<]*</code></summary>\s*<div class="language-python highlight"')


def html_of(site: Path, page: Path) -> Path:
    rel = page.relative_to(harness.DOCS).with_suffix("")
    if rel.name == "index":
        return site / rel.parent / "index.html"
    return site / rel / "index.html"


def test_every_python_block_on_every_page_is_executed(built_site: Path) -> None:
    """Guard: the Python blocks in the generated HTML are exactly the blocks the harness runs."""
    shown_total = run_total = 0
    for page in harness.pages():
        html = html_of(built_site, page).read_text(encoding="utf-8")
        shown = html.count(PY_BLOCK) - len(SOURCE.findall(html))  # API source listings are not examples
        run = len(harness.page_blocks(page))
        assert shown == run, f"{page.relative_to(harness.DOCS)}: the site shows {shown} Python blocks, the harness runs {run}"
        shown_total += shown
        run_total += run
    assert run_total > 0 and shown_total == run_total


def test_every_docstring_example_shown_is_executed(built_site: Path) -> None:
    shown = sum(p.read_text(encoding="utf-8").count('class="language-pycon highlight"')
                for p in built_site.rglob("*.html"))
    assert shown == len(harness.docstring_examples())


def _inventory(site: Path) -> set[str]:
    data = (site / "objects.inv").read_bytes()
    body = zlib.decompress(data.split(b"\n", 4)[4]).decode()
    return {line.split(" ", 1)[0] for line in body.splitlines() if line}


def test_every_public_name_has_an_api_entry(built_site: Path) -> None:
    documented = _inventory(built_site)
    modules = {name: importlib.import_module(name) for name in harness.package_modules()}
    missing = []
    for name, module in modules.items():
        for public in getattr(module, "__all__", []):
            obj = getattr(module, public)
            # A function or class is documented where it is defined; a data object (a table)
            # may be re-exported, so any module that holds the same object under that name counts.
            paths = {f"{m}.{public}" for m, mod in modules.items() if getattr(mod, public, None) is obj}
            if hasattr(obj, "__qualname__") and str(getattr(obj, "__module__", "")).startswith("aimath_ref"):
                paths.add(f"{obj.__module__}.{obj.__qualname__}")
            if not paths & documented:
                missing.append(f"{name}.{public}")
    assert not missing, f"public names without an API entry: {missing}"


def test_every_table_is_on_its_page_and_on_the_reference_page() -> None:
    marks = {}
    for page in harness.pages():
        for m in re.finditer(r"<!--\s*table:\s*([\w.-]+)\s*-->", page.read_text(encoding="utf-8")):
            marks.setdefault(m[1], []).append(page.relative_to(harness.DOCS).as_posix())
    reference = (harness.DOCS / "reference.md").read_text(encoding="utf-8")
    assert "<!-- tables: all -->" in reference
    for name, table in all_tables().items():
        assert table.page in marks.get(name, []), f"table {name!r} is not shown on {table.page}"


def test_rendered_tables_show_computed_examples(built_site: Path) -> None:
    html = (built_site / "reference" / "index.html").read_text(encoding="utf-8")
    for table in all_tables().values():
        for row in table.rows:
            if row.impl is not None:
                assert f'href="../api/' in html and row.impl.__qualname__ in html, (table.name, row.impl)


def test_every_figure_is_used_and_byte_identical_across_builds(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(harness.ROOT / "hooks"))
    try:
        render_figures = importlib.import_module("render_figures")
    finally:
        sys.path.remove(str(harness.ROOT / "hooks"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in harness.pages())
    for name, script in render_figures.scripts().items():
        assert f"<!-- figure: {name} |" in text, f"figure {name} is drawn but no page shows it"
        a, b = tmp_path / f"{name.replace('/', '_')}-a.svg", tmp_path / f"{name.replace('/', '_')}-b.svg"
        render_figures.render(name, script, a)
        render_figures.render(name, script, b)
        assert a.read_bytes() == b.read_bytes(), f"figure {name} differs between two builds"


def test_package_imports_without_docs_tools() -> None:
    """aimath_ref needs neither MkDocs nor matplotlib."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['mkdocs'] = None; sys.modules['matplotlib'] = None\n"
            "import aimath_ref, aimath_ref.tables\naimath_ref.tables.all_tables()\nprint('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=harness.ROOT)
    assert out.stdout.strip() == "ok", out.stderr
    assert (Path(aimath_ref.__file__).parent / "py.typed").exists()
