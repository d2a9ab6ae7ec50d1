"""MkDocs hook: draw the figures at build time, cached by content hash.

Each ``figures/<chapter>/<name>.py`` defines ``figure()``, which returns a matplotlib
figure computed with aimath_ref. The hook renders it to ``.cache/figures`` (outside
``docs/``, so ``mkdocs serve`` does not rebuild in a loop), keyed by a hash of the
script, the shared style, every aimath_ref source file and matplotlib's version, and
hands the SVG to MkDocs as ``figures/<chapter>/<name>.svg``. A page embeds it with

    <!-- figure: chapter/name | Caption that says what to see. -->
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import posixpath
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent

FIGURES = ROOT / "figures"
CACHE = ROOT / ".cache" / "figures"
MARK = re.compile(r"^(?P<indent>[ \t]*)<!--\s*figure:\s*(?P<name>[\w/-]+)\s*\|\s*(?P<caption>.+?)\s*-->\s*$", re.M)
log = logging.getLogger("mkdocs.hooks.render_figures")


def scripts() -> dict[str, Path]:
    """Every figure script, by name (``chapter/name``)."""
    return {p.relative_to(FIGURES).with_suffix("").as_posix(): p
            for p in sorted(FIGURES.rglob("*.py")) if not p.name.startswith("_")}


def _shared_hash() -> str:
    import matplotlib

    h = hashlib.sha256(matplotlib.__version__.encode())
    for p in sorted((ROOT / "aimath_ref").rglob("*.py")) + [FIGURES / "_style.py", Path(__file__)]:
        h.update(p.relative_to(ROOT).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def render(name: str, script: Path, dest: Path) -> None:
    """Import ``script``, call its ``figure()`` and write a deterministic SVG to ``dest``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if str(ROOT) not in sys.path:  # figure scripts import figures._style from the checkout
        sys.path.insert(0, str(ROOT))
    from figures._style import RC, lighten

    spec = importlib.util.spec_from_file_location(f"figures.{name.replace('/', '.')}", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with plt.rc_context(RC):
        spec.loader.exec_module(module)
        fig = lighten(module.figure())
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_suffix(".tmp")
        fig.savefig(tmp, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    tmp.write_text(_trim_numbers(_palette_images(tmp.read_text(encoding="utf-8"))), encoding="utf-8")
    tmp.replace(dest)


_LONG_DECIMAL = re.compile(r"(\d\.\d\d)\d+")


def _trim_numbers(svg: str) -> str:
    """Coordinates to 1/100 pt: matplotlib writes six decimals, a third of an SVG's bytes."""
    return _LONG_DECIMAL.sub(r"\1", svg)


_PNG = re.compile(r'data:image/png;base64,([A-Za-z0-9+/=\s]+)')


def _palette_images(svg: str) -> str:
    """Re-encode the PNGs that matplotlib embeds (rasterised artists, images) with a 256-colour
    palette: a quarter of the RGBA bytes, no visible change for colour maps and flat fills."""
    import base64
    import io

    from PIL import Image

    def one(m: re.Match[str]) -> str:
        img = Image.open(io.BytesIO(base64.b64decode(m[1])))
        out = io.BytesIO()
        img.convert("RGBA").quantize(256, method=Image.Quantize.FASTOCTREE).save(out, format="PNG", optimize=True)
        return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")

    return _PNG.sub(one, svg)


def build_all(config: Any = None) -> dict[str, Path]:
    """Render every figure whose cache entry is missing; return name -> SVG path."""
    shared = _shared_hash()
    out = {}
    for name, script in scripts().items():
        key = hashlib.sha256((shared + script.read_text(encoding="utf-8")).encode()).hexdigest()[:16]
        dest = CACHE / f"{name}-{key}.svg"
        if not dest.exists():
            log.info("drawing figure %s", name)
            render(name, script, dest)
        out[name] = dest
    return out


_built: dict[str, Path] = {}


def on_files(files: Files, config: Any, **_: Any) -> Files:
    _built.clear()
    _built.update(build_all(config))
    for name, path in _built.items():
        files.append(File.generated(config, f"figures/{name}.svg", abs_src_path=str(path)))
    return files


_SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"', re.S)


def size_px(svg: Path) -> tuple[int, int]:
    """The CSS-pixel size of a matplotlib SVG (its ``width``/``height`` are in points)."""
    m = _SVG_SIZE.search(svg.read_text(encoding="utf-8")[:2000])
    if m is None:
        raise ValueError(f"{svg}: no width/height in points")
    return round(float(m[1]) * 4 / 3), round(float(m[2]) * 4 / 3)


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    def embed(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in _built:
            raise ValueError(f"{page.file.src_uri}: no figure script figures/{name}.py")
        src = posixpath.relpath(f"figures/{name}.svg", posixpath.dirname(page.file.src_uri) or ".")
        alt = re.sub(r"[\[\]*_`$\\]", "", m["caption"])
        ind = m["indent"]
        width, height = size_px(_built[name])
        attrs = f'width="{width}" height="{height}" loading="lazy" decoding="async"'
        return (f'{ind}<figure class="aimath-figure" markdown="span">\n'
                f"{ind}  ![{alt}]({src}){{ {attrs} }}\n"
                f'{ind}  <figcaption markdown="span">{m["caption"]}</figcaption>\n'
                f"{ind}</figure>\n")

    return MARK.sub(embed, markdown)
