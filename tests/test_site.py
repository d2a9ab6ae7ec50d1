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
    chapters = []  # the chapter folders each Reference page gathers, in order
    for page in sorted((harness.DOCS / "reference").glob("*.md")):
        for m in re.finditer(r"<!--\s*tables:\s*([\w -]+?)\s*-->", page.read_text(encoding="utf-8")):
            chapters += m[1].split()
    assert len(chapters) == len(set(chapters)), f"a chapter's tables are on two Reference pages: {chapters}"
    for name, table in all_tables().items():
        assert table.page in marks.get(name, []), f"table {name!r} is not shown on {table.page}"
        assert table.page.split("/")[0] in chapters, f"table {name!r} is on no Reference page"


def test_rendered_tables_show_computed_examples(built_site: Path) -> None:
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (built_site / "reference").glob("*/index.html")}
    assert len(pages) == 3, sorted(pages)
    for table in all_tables().values():
        html = next((h for h in pages.values() if f">{table.title}</h3>" in h or f">{table.title}<a" in h), None)
        assert html is not None, f"table {table.name!r} ({table.title}) is on no Reference page"
        for row in table.rows:
            if row.impl is not None:
                assert 'href="../../api/' in html and row.impl.__qualname__ in html, (table.name, row.impl)


def _render_figures():
    import sys

    sys.path.insert(0, str(harness.ROOT / "hooks"))
    try:
        return importlib.import_module("render_figures")
    finally:
        sys.path.remove(str(harness.ROOT / "hooks"))


FIGURE_MAX_KB = 150
FIGURES_TOTAL_MAX_KB = 2048  # all figures of the site together: 2 MB


@pytest.fixture(scope="module")
def cached_figures(built_site: Path) -> dict[str, Path]:
    return _render_figures().build_all()  # after the build: every figure is in the cache already


def test_every_figure_is_shown_on_a_page() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in harness.pages())
    for name in _render_figures().scripts():
        assert f"<!-- figure: {name} |" in text, f"figure {name} is drawn but no page shows it"


@pytest.mark.parametrize("name", sorted(_render_figures().scripts()))
def test_figure_is_byte_identical_across_renders(name: str, built_site: Path, cached_figures: dict[str, Path],
                                                tmp_path: Path) -> None:
    """One extra render per figure, compared with the file the site build drew (and cached);
    one test per figure, so the workers share the renders."""
    render_figures = _render_figures()
    again = tmp_path / f"{name.replace('/', '_')}.svg"
    render_figures.render(name, render_figures.scripts()[name], again)
    assert again.read_bytes() == cached_figures[name].read_bytes(), f"figure {name} differs between two renders"
    assert (built_site / "figures" / f"{name}.svg").read_bytes() == cached_figures[name].read_bytes()


def test_figures_stay_within_the_weight_budget(built_site: Path) -> None:
    """Every figure at most 150 KB, and all of them together at most 2 MB."""
    sizes = {p.relative_to(built_site).as_posix(): p.stat().st_size for p in (built_site / "figures").rglob("*.svg")}
    assert len(sizes) == len(_render_figures().scripts())
    heavy = {name: f"{size / 1024:.0f} KB" for name, size in sizes.items() if size > FIGURE_MAX_KB * 1024}
    assert not heavy, f"figures over {FIGURE_MAX_KB} KB (rasterise dense artists): {heavy}"
    total = sum(sizes.values()) / 1024
    assert total <= FIGURES_TOTAL_MAX_KB, \
        f"{len(sizes)} figures weigh {total:.0f} KB together, over {FIGURES_TOTAL_MAX_KB} KB"


def test_figures_are_embedded_with_size_and_lazy_loading(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        for img in re.findall(r"<img [^>]*>", page.read_text(encoding="utf-8")):
            if "figures/" in img:
                for attr in ("width=", "height=", 'loading="lazy"', 'decoding="async"'):
                    assert attr in img, f"{page.relative_to(built_site)}: {img} has no {attr}"


# A first visit to any page loads at most 400 KB of HTML + CSS + JS (figures are held to their
# own budget above). The theme's script, search worker and purged stylesheets are about 220 KB
# of that, shared by every page; the rest is the page itself, its math rules included.
SHARED_MAX_KB = 240
PAGE_MAX_KB = 400
ASSET = re.compile(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>')


def _first_view(site: Path, html_path: Path) -> tuple[int, int, list[str], list[str]]:
    """Bytes of HTML + CSS + JS a first visit to a page loads (in all, and without the HTML),
    its third-party and its math assets."""
    html = html_path.read_text(encoding="utf-8")
    own = len(html.encode())
    total, foreign, math = own, [], []
    assets = [m[1] for m in ASSET.finditer(html) if m[0].startswith("<script") or 'rel="stylesheet"' in m[0]]
    worker = re.search(r'"search":\s*"([^"]+\.js)"', html)  # the search worker starts on every page
    if worker:
        assets.append(worker[1])
    for url in assets:
        if re.match(r"^(https?:)?//", url):
            foreign.append(url)
            continue
        if re.search(r"mathjax|katex", url, re.I) and url.endswith(".js"):
            math.append(url)
        path = url.split("?")[0].split("#")[0]
        file = site / path.lstrip("/") if path.startswith("/") else html_path.parent / path  # 404.html is absolute
        total += file.resolve().stat().st_size
    for m in re.finditer(r'<(?:img|script|iframe|source|video|audio)\b[^>]*?\bsrc="((?:https?:)?//[^"]+)"', html):
        foreign.append(m[1])
    for m in re.finditer(r"<link\b[^>]*>", html):
        href = re.search(r'href="((?:https?:)?//[^"]+)"', m[0])
        if href and not re.search(r'rel="(?:canonical|alternate)"', m[0]):
            foreign.append(href[1])
    return total, total - own, sorted(set(foreign)), math


def test_every_page_is_light_self_contained_and_free_of_math_scripts(built_site: Path) -> None:
    """HTML + CSS + JS on first view within the budget, no third-party asset, no math script."""
    heavy, foreign, math = {}, {}, {}
    for html_path in sorted(built_site.rglob("*.html")):
        name = html_path.relative_to(built_site).as_posix()
        total, shared, third, scripts = _first_view(built_site, html_path)
        assert shared <= SHARED_MAX_KB * 1024, f"{name}: {shared / 1024:.0f} KB of CSS + JS"
        if total > PAGE_MAX_KB * 1024:
            heavy[name] = f"{total / 1024:.0f} KB"
        if third:
            foreign[name] = third
        if scripts or "MathJax" in html_path.read_text(encoding="utf-8").split("<body", 1)[0]:
            math[name] = scripts
    assert not heavy, f"pages over {PAGE_MAX_KB} KB of HTML + CSS + JS: {heavy}"
    assert not foreign, f"third-party requests: {foreign}"
    assert not math, f"math scripts: {math}"


def test_math_fonts_never_hide_text_while_they_load(built_site: Path) -> None:
    """Every math font a page declares is shown with ``font-display: swap``: the browser draws
    the formulas at once and swaps the glyphs in when the font arrives (a blocking font left a
    paragraph with inline math blank for up to 3 s on a slow connection)."""
    faces = {}
    for html_path in sorted(built_site.rglob("*.html")):
        for face in re.findall(r"@font-face\s*\{[^}]*\}", html_path.read_text(encoding="utf-8")):
            faces[face] = html_path.relative_to(built_site).as_posix()
    assert len(faces) > 5, faces
    blocking = {page: face for face, page in faces.items() if not re.search(r"font-display:\s*swap", face)}
    assert not blocking, blocking


def test_a_formula_that_does_not_typeset_fails_the_strict_build(caplog: pytest.LogCaptureFixture) -> None:
    """The math hook names the page and the TeX in a warning, which ``mkdocs build --strict`` turns into a failure."""
    import logging
    import sys

    sys.path.insert(0, str(harness.ROOT / "hooks"))
    try:
        typeset_math = importlib.import_module("typeset_math")
    finally:
        sys.path.remove(str(harness.ROOT / "hooks"))
    good = '<p><span class="arithmatex">\\(x &lt; \\boldsymbol{y}\\)</span></p><div class="arithmatex">\\[\\lVert A \\rVert_F\\]</div>'
    bad = '<span class="arithmatex">\\(\\frac{1}{\\)</span>'
    try:
        with caplog.at_level(logging.WARNING):
            out = typeset_math.typeset_html(good + bad, "chapter/page.md")
        css = typeset_math.typesetter().stylesheet()
    finally:
        typeset_math.close()
    assert typeset_math.log.name.startswith("mkdocs.")  # counted by --strict
    assert out.count("<mjx-container") == 2 and 'display="true"' in out and "<mjx-assistive-mml" in out
    assert bad in out  # left as TeX, and reported
    [record] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "chapter/page.md" in record.getMessage() and "\\frac{1}{" in record.getMessage()
    assert "font-size: 119.5%" in css and 'url("woff-v2/' in css


def test_package_imports_without_docs_tools() -> None:
    """aimath_ref needs neither MkDocs nor matplotlib."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['mkdocs'] = None; sys.modules['matplotlib'] = None\n"
            "import aimath_ref, aimath_ref.tables\naimath_ref.tables.all_tables()\nprint('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=harness.ROOT)
    assert out.stdout.strip() == "ok", out.stderr
    assert (Path(aimath_ref.__file__).parent / "py.typed").exists()
