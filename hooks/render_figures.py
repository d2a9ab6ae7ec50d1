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
    from figures._style import RC

    spec = importlib.util.spec_from_file_location(f"figures.{name.replace('/', '.')}", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with plt.rc_context(RC):
        spec.loader.exec_module(module)
        fig = module.figure()
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_suffix(".tmp")
        fig.savefig(tmp, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    tmp.replace(dest)


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


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    def embed(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in _built:
            raise ValueError(f"{page.file.src_uri}: no figure script figures/{name}.py")
        src = posixpath.relpath(f"figures/{name}.svg", posixpath.dirname(page.file.src_uri) or ".")
        alt = re.sub(r"[\[\]*_`$\\]", "", m["caption"])
        ind = m["indent"]
        return (f'{ind}<figure class="aimath-figure" markdown="span">\n'
                f"{ind}  ![{alt}]({src})\n"
                f'{ind}  <figcaption markdown="span">{m["caption"]}</figcaption>\n'
                f"{ind}</figure>\n")

    return MARK.sub(embed, markdown)
