"""MkDocs hook: serve MathJax 3 from the site itself (no CDN).

The files come from an installed package that ships MathJax 3 as static files
(django-static-mathjax); nothing third-party is committed. They are handed to MkDocs as
generated files under ``assets/mathjax/`` with MathJax's own folder layout, so its loader
finds fonts and TeX extensions next to the main script.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

WANTED = ["tex-mml-chtml.js", "output/chtml/fonts/woff-v2", "input/tex/extensions"]


def mathjax_root() -> Path:
    spec = importlib.util.find_spec("mathjax")
    if spec is None or not spec.submodule_search_locations:
        raise PluginError("MathJax is not installed: install the docs extra (django-static-mathjax)")
    root = Path(list(spec.submodule_search_locations)[0]) / "static" / "mathjax" / "es5"
    if not (root / "tex-mml-chtml.js").exists():
        raise PluginError(f"MathJax's es5 bundle was not found in the installed mathjax package")
    return root


def on_files(files: Files, config: Any, **_: Any) -> Files:
    root = mathjax_root()
    for item in WANTED:
        path = root / item
        for f in ([path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())):
            rel = f.relative_to(root).as_posix()
            files.append(File.generated(config, f"assets/mathjax/{rel}", abs_src_path=str(f)))
    return files
