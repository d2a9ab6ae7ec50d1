"""MkDocs hook: typeset every formula when the site is built, so pages carry finished math.

Arithmatex (``generic: true``) wraps each formula of a page, and of every docstring that
mkdocstrings renders, in ``<span class="arithmatex">\\(...\\)</span>`` or
``<div class="arithmatex">\\[...\\]</div>``. This hook runs MathJax 3 (its es5 components,
shipped as static files by the ``django-static-mathjax`` package) inside embedded V8
(``mini-racer``) and replaces each formula by MathJax's CHTML output, keeping the wrapper.
Pages load no math JavaScript and no math stylesheet: each page carries, in a ``<style>`` at
the top of its article, only the MathJax rules its own formulas need (its glyphs, its layout
elements and the fonts they name; ``slim_pages.purge_css`` picks them), and MathJax's woff-v2
fonts are served by the site. The style travels with the article, so instant navigation
brings the next page's rules along with its formulas.

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

FONTS = "assets/mathjax/woff-v2"
COMPONENTS = ["core", "startup", "adaptors/liteDOM", "input/tex-full", "output/chtml",
              "output/chtml/fonts/tex", "a11y/assistive-mml"]
PACKAGES = ["boldsymbol", "mathtools", "cancel"]  # preloaded on top of tex-full's base set
# In a browser MathJax scales math to match the surrounding text; a build cannot measure the
# page's font, so the ratio the browser found for this theme is fixed here.
# (``position: relative`` is MathJax's own inline style on every container, moved here.)
SCALE_RULE = 'mjx-container[jax="CHTML"] { font-size: 119.5%; position: relative; }\n'
# Attributes a browser does not need: the container's inline style (in SCALE_RULE), the MathML
# namespace (HTML parsers give <math> its namespace), IE's `unselectable` (the stylesheet sets
# user-select) and MathJax's internal TeX-class hints (on the hidden MathML and on TeX atoms).
REDUNDANT = re.compile(r' style="position: relative;"| xmlns="http://www\.w3\.org/1998/Math/MathML"'
                       r'| unselectable="on"| data-mjx-[a-z-]+="[^"]*"| texclass="[A-Z]+"')
# MathJax also marks each token with classes only its own scripts read (``mjx-n``, ``mjx-i``: the
# variant) and the hidden MathML with ``display="inline"``; the stylesheet names neither, so a page
# without MathJax's scripts drops them (``Typesetter.unstyled``).
MATH_TAG = re.compile(r'<(mjx-[A-Za-z-]+)([^>]*?) class="([^"]*)"')
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
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
            self.cache[key] = REDUNDANT.sub("", out["html"])
        return self.cache[key]

    def stylesheet(self) -> str:
        """MathJax's rules for everything typeset so far."""
        return SCALE_RULE + self.ctx.eval("stylesheet()")

    def rules(self) -> list[Any]:
        """The stylesheet, parsed (once for each number of formulas typeset)."""
        if getattr(self, "_rules_for", None) != len(self.cache):
            self._rules = slim_pages().parse_css(self.stylesheet())
            self._rules_for = len(self.cache)
        return self._rules

    def unstyled(self, html: str) -> str:
        """Drop, from the math of a page, the classes no rule of the stylesheet names and the
        hidden MathML's ``display="inline"`` (the stylesheet styles only ``display="block"``)."""
        styled = set(re.findall(r"\.([A-Za-z_][\w-]*)", self.stylesheet()))

        def one(m: re.Match[str]) -> str:
            kept = " ".join(c for c in m[3].split() if c in styled)
            return f'<{m[1]}{m[2]}' + (f' class="{kept}"' if kept else "")

        html = MATH_TAG.sub(one, html)
        return html.replace('<mjx-assistive-mml display="inline">', "<mjx-assistive-mml>")

    def page_style(self, html: str, fonts: str) -> str:
        """The rules the formulas of one page need, with font URLs relative to ``fonts``."""
        slim = slim_pages()
        used = slim.Used()
        used.add_html(html)
        css = slim.purge_css([self.rules()], used)[0]
        css = re.sub(r"(?<![\w.])0\.(\d)", r".\1", css)  # 0.5em -> .5em
        # Text is not held back while a math font loads (the default lets a browser leave it
        # blank for up to 3 s): each glyph's box is sized by the stylesheet, not by the font, so
        # the swap redraws glyphs in place (Lighthouse measured a layout shift of 0.011 on the
        # Jacobian page, and its largest paint 1.8 s earlier).
        css = re.sub(r"@font-face\s*\{\s*", "@font-face{font-display:swap;", css)
        return css.replace('url("woff-v2/', f'url("{fonts}/')

    def close(self) -> None:
        self.ctx.close()  # an open V8 context keeps the interpreter from exiting


_typesetter: Typesetter | None = None
_slim: Any = None


def slim_pages() -> Any:
    """The sibling hook module that purges stylesheets (hooks are loaded by path, not as a package)."""
    global _slim
    if _slim is None:
        spec = importlib.util.spec_from_file_location("aimath_slim_pages", Path(__file__).with_name("slim_pages.py"))
        assert spec is not None and spec.loader is not None
        _slim = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(_slim)
    return _slim


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


def on_files(files: Files, config: Any, **_: Any) -> Files:
    fonts = mathjax_root() / "output" / "chtml" / "fonts" / "woff-v2"
    for f in sorted(fonts.glob("*.woff")):
        files.append(File.generated(config, f"{FONTS}/{f.name}", abs_src_path=str(f)))
    return files


def on_page_content(content: str, page: Any, **_: Any) -> str:
    return typeset_html(content, page.file.src_uri)


def on_post_page(output: str, page: Any, **_: Any) -> str:
    """Put the MathJax rules this page needs at the top of its article."""
    if "<mjx-container" not in output:
        return output
    fonts = "../" * page.url.count("/") + FONTS  # page.url is relative to the site root
    output = typesetter().unstyled(output)
    style = f"<style>{typesetter().page_style(output, fonts)}</style>"
    out, n = ARTICLE.subn(lambda m: m[0] + style, output, count=1)
    if not n:
        log.warning("%s: no article to put the math stylesheet in", page.file.src_uri)
    return out


def on_post_build(config: Any, **_: Any) -> None:
    close()


def close() -> None:
    global _typesetter
    if _typesetter is not None:
        _typesetter.close()
        _typesetter = None


def on_shutdown(**_: Any) -> None:
    close()
