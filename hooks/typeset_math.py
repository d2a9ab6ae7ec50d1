"""MkDocs hook: typeset every formula when the site is built, so pages carry finished math.

Arithmatex (``generic: true``) wraps each formula of a page, and of every docstring that
mkdocstrings renders, in ``<span class="arithmatex">\\(...\\)</span>`` or
``<div class="arithmatex">\\[...\\]</div>``. This hook runs MathJax 3 (its es5 components,
shipped as static files by the ``django-static-mathjax`` package) inside embedded V8
(``mini-racer``) and replaces each formula by MathJax's CHTML output, keeping the wrapper.
Pages load no math JavaScript: one site-wide stylesheet (``assets/mathjax/chtml.css``,
holding the rules for every glyph the site uses) and MathJax's woff-v2 fonts, both
served by the site.

A formula that MathJax cannot typeset is logged as a warning naming the page and the TeX,
so ``mkdocs build --strict`` fails instead of a reader seeing a red box.
"""

from __future__ import annotations

import html
import importlib.util
import json
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.typeset_math")

CSS = "assets/mathjax/chtml.css"
FONTS = "assets/mathjax/woff-v2"
COMPONENTS = ["core", "startup", "adaptors/liteDOM", "input/tex-full", "output/chtml",
              "output/chtml/fonts/tex", "a11y/assistive-mml"]
PACKAGES = ["boldsymbol", "mathtools", "cancel"]  # preloaded on top of tex-full's base set
# In a browser MathJax scales math to match the surrounding text; a build cannot measure the
# page's font, so the ratio the browser found for this theme is fixed here.
SCALE_RULE = 'mjx-container[jax="CHTML"] { font-size: 119.5%; }\n'
MATH = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.S)

_SETUP = r"""
var LOG = [];
var console = {log: function () { LOG.push([].slice.call(arguments).join(' ')); }};
console.error = console.warn = console.info = console.log;
var MathJax = {
  loader: {
    load: ['adaptors/liteDOM', 'input/tex-full', 'output/chtml', 'a11y/assistive-mml'],
    paths: {mathjax: 'mathjax'},
    require: function (url) {
      var key = url.replace(/^mathjax\//, '').replace(/\.js$/, '');
      if (!(key in FILES)) { throw new Error('MathJax component not available: ' + url); }
      (0, eval)(FILES[key]);
      return {};
    },
  },
  tex: {packages: {'[+]': PACKAGES}, formatError: function (jax, err) { throw err; }},
  chtml: {fontURL: 'woff-v2'},
  startup: {typeset: false},
};
(0, eval)(FILES['startup']);
var READY = false;
MathJax.startup.promise.then(function () { READY = true; }, function (e) { READY = String(e); });
function typeset(tex, display) {
  try {
    var node = MathJax.tex2chtml(tex, {display: display, em: 16, ex: 8, containerWidth: 1280});
    return {html: MathJax.startup.adaptor.outerHTML(node)};
  } catch (e) {
    return {error: String((e && e.message) || e)};
  }
}
function stylesheet() { return MathJax.startup.adaptor.textContent(MathJax.chtmlStylesheet()); }
"""


def mathjax_root() -> Path:
    spec = importlib.util.find_spec("mathjax")
    if spec is None or not spec.submodule_search_locations:
        raise PluginError("MathJax is not installed: install the docs extra (django-static-mathjax)")
    root = Path(list(spec.submodule_search_locations)[0]) / "static" / "mathjax" / "es5"
    if not (root / "core.js").exists():
        raise PluginError("MathJax's es5 components were not found in the installed mathjax package")
    return root


class Typesetter:
    """MathJax 3 in embedded V8: TeX in, CHTML out, one stylesheet for everything typeset."""

    def __init__(self) -> None:
        try:
            from py_mini_racer import MiniRacer
        except ImportError as exc:  # pragma: no cover - the docs extra installs it
            raise PluginError("mini-racer is not installed: install the docs extra") from exc
        root = mathjax_root()
        files = {name: (root / f"{name}.js").read_text(encoding="utf-8") for name in COMPONENTS}
        self.ctx = MiniRacer()
        self.ctx.eval(f"var FILES = {json.dumps(files)}; var PACKAGES = {json.dumps(PACKAGES)};")
        self.ctx.eval(_SETUP)
        ready = self.ctx.eval("READY")
        if ready is not True:
            raise PluginError(f"MathJax did not start: {ready} {self.ctx.eval('JSON.stringify(LOG)')}")
        self.cache: dict[tuple[str, bool], str] = {}

    def __call__(self, tex: str, display: bool) -> str:
        """The CHTML of one formula; raises ``ValueError`` with MathJax's message if it fails."""
        key = (tex, display)
        if key not in self.cache:
            out = self.ctx.call("typeset", tex, display)
            if "error" in out:
                raise ValueError(out["error"])
            self.cache[key] = out["html"]
        return self.cache[key]

    def stylesheet(self) -> str:
        return SCALE_RULE + self.ctx.eval("stylesheet()")

    def close(self) -> None:
        self.ctx.close()  # an open V8 context keeps the interpreter from exiting


_typesetter: Typesetter | None = None


def typesetter() -> Typesetter:
    global _typesetter
    if _typesetter is None:
        _typesetter = Typesetter()
    return _typesetter


def split(body: str) -> tuple[str, bool]:
    """Arithmatex's escaped wrapper content -> (TeX, display)."""
    tex = html.unescape(body).strip()
    if tex.startswith("\\(") and tex.endswith("\\)"):
        return tex[2:-2], False
    if tex.startswith("\\[") and tex.endswith("\\]"):
        return tex[2:-2], True
    return tex, True  # a bare \begin{env}...\end{env} block


def typeset_html(content: str, where: str) -> str:
    """Replace every arithmatex formula in ``content`` by its CHTML; warn (naming ``where``) on failure."""
    ts = typesetter()

    def one(m: re.Match[str]) -> str:
        tex, display = split(m["body"])
        try:
            out = ts(tex, display)
        except ValueError as exc:
            log.warning("%s: cannot typeset the formula %s: %s", where, tex, exc)
            return m[0]
        # a display formula wider than the column scrolls: keyboard users must be able to reach it
        focus = ' tabindex="0"' if m["tag"] == "div" else ""
        return f'<{m["tag"]} class="arithmatex"{focus}>{out}</{m["tag"]}>'

    return MATH.sub(one, content)


def on_config(config: Any, **_: Any) -> Any:
    if CSS not in config.extra_css:
        config.extra_css.insert(0, CSS)
    return config


def on_files(files: Files, config: Any, **_: Any) -> Files:
    fonts = mathjax_root() / "output" / "chtml" / "fonts" / "woff-v2"
    for f in sorted(fonts.glob("*.woff")):
        files.append(File.generated(config, f"{FONTS}/{f.name}", abs_src_path=str(f)))
    return files


def on_page_content(content: str, page: Any, **_: Any) -> str:
    return typeset_html(content, page.file.src_uri)


def on_post_build(config: Any, **_: Any) -> None:
    dest = Path(config.site_dir) / CSS
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(typesetter().stylesheet(), encoding="utf-8")
    close()


def close() -> None:
    global _typesetter
    if _typesetter is not None:
        _typesetter.close()
        _typesetter = None


def on_shutdown(**_: Any) -> None:
    close()
