"""MkDocs hook: keep every page's first view light.

* The theme's stylesheets hold rules for every feature, icon and colour the theme offers; after
  the build, each of them keeps only the rules whose classes and ids occur on some page of this
  site or in a string of the theme's JavaScript (which adds classes at run time), and only the
  custom properties that a kept rule, a page or a script refers to. Their source maps go too.
* Every page's HTML loses the indentation between tags (``<pre>``, ``<textarea>`` and
  ``<script>`` are left untouched, so code keeps its layout).

``purge_css`` is also used by ``typeset_math.py`` to give each page only the MathJax rules its
formulas need.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import tinycss2

THEME_CSS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css", "assets/_mkdocstrings.css")
THEME_JS = ("assets/javascripts/bundle.*.min.js",)
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
SCRIPT_STRING = re.compile(r"[\"'`]([\w .#:>+~=\[\]()*-]*)[\"'`]")
FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
COLOR_ATTR = re.compile(r"\[data-md-color-(primary|accent|scheme)=[\"']?([^\"'\]]+)[\"']?\]")
VAR = re.compile(r"--[A-Za-z0-9_-]+")
KEEP_AS_IS = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>|<script\b.*?</script>)", re.S)


class Used:
    """What a set of pages and scripts can match: class and id names, element names, name
    prefixes that scripts complete at run time, and the theme's colour attribute values."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.prefixes: set[str] = set()
        self.colors: set[tuple[str, str]] = set()
        self.elements: set[str] = set()
        self.text = ""  # where custom properties may be referred to (style attributes, scripts)
        self.most_tabs = 0  # the theme styles tab sets of up to 20 tabs, one selector per tab
        self.off: tuple[str, ...] = ()  # class prefixes of theme features this site does not turn on

    def add_html(self, html: str) -> None:
        for value in re.findall(r'\b(?:class|id)="([^"]*)"', html):
            self.names.update(value.split())
        self.colors.update(re.findall(r'\bdata-md-color-(primary|accent|scheme)="([^"]*)"', html))
        self.elements.update(re.findall(r"<(mjx-[a-z0-9-]+)", html, re.I))
        self.text += "".join(re.findall(r'\bstyle="([^"]*)"', html))
        for tabs in re.findall(r'class="tabbed-set[^"]*" data-tabs="\d+:(\d+)"', html):
            self.most_tabs = max(self.most_tabs, int(tabs))

    def add_script(self, js: str) -> None:
        # the words of every short quoted run of selector characters: the script's class names
        # and selectors ("md-typeset__table", ".md-nav__link--active"); a run that spans the end
        # of one string and the start of the next only adds words, so none is missed
        for run in SCRIPT_STRING.findall(js):
            self.names.update(NAME.findall(run))
        # `md-tag--${kind}` completes a class at run time: keep every rule of that prefix
        self.prefixes.update(re.findall(r"([A-Za-z_][A-Za-z0-9_-]*(?:--|__|-))\$\{", js))
        self.text += js

    def has(self, name: str) -> bool:
        if name.startswith(self.off):
            return False
        return name in self.names or any(name.startswith(p) for p in self.prefixes)


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in prelude:
        depth += ch in "(["
        depth -= ch in ")]"
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def _strip_functional(selector: str) -> str:
    """Drop the arguments of :not(), :is(), :where(), :has(): a rule is kept when its own
    compound names are used, whatever those arguments hold (the safe side)."""
    out, i = "", 0
    while True:
        m = FUNCTIONAL.search(selector, i)
        if not m:
            return out + selector[i:]
        out += selector[i:m.start()]
        depth, j = 1, m.end()
        while j < len(selector) and depth:
            depth += selector[j] == "("
            depth -= selector[j] == ")"
            j += 1
        i = j


def _selector_used(selector: str, used: Used) -> bool:
    for attr, value in COLOR_ATTR.findall(selector):
        if (attr, value) not in used.colors:
            return False
    if "tabbed" in selector and any(int(n) > used.most_tabs for n in re.findall(r":nth-child\((\d+)\)", selector)):
        return False
    bare = _strip_functional(re.sub(r"\[[^\]]*\]", "", selector))
    if not all(used.has(n) for n in re.findall(r"[.#]([A-Za-z_][A-Za-z0-9_-]*)", bare)):
        return False
    elements = re.findall(r"(?<![\w.#-])(mjx-[a-z0-9-]+)", bare, re.I)
    return all(e in used.elements for e in elements)


def parse_css(css: str) -> list[Any]:
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


Declarations = list[tuple[str, str]]  # (property, value with its !important)


def _filter(rules: Iterable[Any], keep: Callable[[str], bool]) -> list[Any]:
    """The rules with at least one selector ``keep`` accepts, as a tree of
    ("rule", selectors, declarations), ("block", at-rule head, children) and ("raw", text)."""
    out: list[Any] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in _split_selectors(tinycss2.serialize(rule.prelude)) if keep(s)]
            if selectors:
                decls = [(d.name if d.name.startswith("--") else d.lower_name,
                          tinycss2.serialize(d.value).strip() + (" !important" if d.important else ""))
                         for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                                 skip_whitespace=True)
                         if d.type == "declaration"]
                out.append(("rule", selectors, decls))
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            if rule.content is not None and name in ("media", "supports", "container", "layer", "document"):
                inner = _filter(tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                               skip_whitespace=True), keep)
                if inner:
                    out.append(("block", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", inner))
            elif name != "charset":
                out.append(("raw", tinycss2.serialize([rule]).strip()))
    return out


def _walk(tree: list[Any]) -> Iterable[Declarations]:
    for node in tree:
        if node[0] == "rule":
            yield node[2]
        elif node[0] == "block":
            yield from _walk(node[2])


def _drop_unused_properties(tree: list[Any], elsewhere: str) -> None:
    """Remove custom-property declarations nothing refers to (repeated: one may feed another)."""
    outside = set(VAR.findall(elsewhere))
    while True:
        referenced = set(outside)
        for decls in _walk(tree):
            for _, value in decls:
                referenced.update(VAR.findall(value))
        removed = False
        for decls in _walk(tree):
            keep = [(n, v) for n, v in decls if not n.startswith("--") or n in referenced]
            if len(keep) != len(decls):
                decls[:] = keep
                removed = True
        if not removed:
            return


def _serialize(tree: list[Any]) -> str:
    out = []
    for node in tree:
        if node[0] == "rule" and node[2]:
            out.append(",".join(node[1]) + "{" + ";".join(f"{n}:{v}" for n, v in node[2]) + "}")
        elif node[0] == "block":
            inner = _serialize(node[2])
            if inner:
                out.append(re.sub(r"\s+", " ", node[1]).strip() + "{" + inner + "}")
        elif node[0] == "raw":
            out.append(node[1])
    return "".join(out)


def _drop_unused_fonts(css: str) -> str:
    faces = re.compile(r"@font-face\s*\{[^}]*\}")
    families = {m.strip("\"' ") for decl in re.findall(r"font-family:([^;}]*)", faces.sub("", css))
                for m in decl.split(",")}
    return re.sub(r"@font-face\s*\{[^}]*font-family:\s*[\"']?([^;\"'}]+)[\"']?[^}]*\}",
                  lambda m: m[0] if m[1].strip() in families else "", css)


def purge_css(sheets: list[list[Any]], used: Used, elsewhere: str = "") -> list[str]:
    """The rules of parsed stylesheets that ``used`` can match, minified. The sheets are purged
    together (one may define the custom properties another uses); ``elsewhere`` is other CSS
    that is kept whole and may refer to custom properties too."""
    trees = [_filter(rules, lambda s: _selector_used(s, used)) for rules in sheets]
    _drop_unused_properties([node for tree in trees for node in tree], used.text + elsewhere)
    return [_drop_unused_fonts(_serialize(tree)) for tree in trees]


def features_off(config: Any) -> tuple[str, ...]:
    """Class prefixes of the theme's features that the configuration leaves off: their rules
    can match nothing, although the theme's script names their classes."""
    features = set(config.theme.get("features") or [])
    off = []
    if "content.code.annotate" not in features:
        off += ["md-annotation"]
    if "content.tooltips" not in features and "content.code.annotate" not in features:
        off += ["md-tooltip"]
    if not (config.extra or {}).get("version"):
        off += ["md-version"]
    if "tags" not in config.plugins:
        off += ["md-tag"]
    if not config.repo_url:
        off += ["md-source"]
    return tuple(off)


def collapse_whitespace(html: str) -> str:
    """Indentation and blank lines between tags go; preformatted content stays as it is."""
    parts = KEEP_AS_IS.split(html)
    return "".join(p if i % 2 else re.sub(r"\n\s+", "\n", p) for i, p in enumerate(parts))


def on_post_page(output: str, **_: Any) -> str:
    return collapse_whitespace(output)


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config.site_dir)
    used = Used()
    for page in site.rglob("*.html"):
        used.add_html(page.read_text(encoding="utf-8"))
    used.off = features_off(config)
    scripts = [p for pattern in THEME_JS for p in site.glob(pattern)]
    scripts += [site / js for js in map(str, config.extra_javascript) if (site / js).is_file()]
    for script in scripts:
        used.add_script(script.read_text(encoding="utf-8"))
    sheets = [sheet for pattern in THEME_CSS for sheet in site.glob(pattern)]
    extra = "".join((site / css).read_text(encoding="utf-8") for css in map(str, config.extra_css)
                    if (site / css).is_file() and site / css not in sheets)
    purged = purge_css([parse_css(s.read_text(encoding="utf-8")) for s in sheets], used, extra)
    for sheet, css in zip(sheets, purged, strict=True):
        sheet.write_text(css, encoding="utf-8")
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)  # it maps the whole sheet
