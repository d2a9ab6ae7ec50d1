"""Every page of the built site in headless Chromium: no console error, no request to any
other host, no math script, every formula typeset when the site was built and drawn with the
site's own math fonts, no WCAG 2.1 AA violation found by axe-core in the light or the dark
palette, instant navigation, and a working search box.

Needs Debian's ``chromium`` (``make test`` installs it) and Playwright's Python package;
deselect with ``-m "not browser"``.

A page that passed is remembered in ``.cache/browser`` under a hash of the exact bytes it was
checked on: its HTML, the images it shows, every file under the site's ``assets/``,
``javascripts/`` and ``stylesheets/``, this test module, axe-core and the Chromium version.
A later run finds the same hash only if none of these changed, and reports the page as
skipped with that reason instead of checking it again. CI (``CI`` set) and ``AIMATH_RECHECK=1``
check every page.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests import harness

pytestmark = [pytest.mark.browser, pytest.mark.site]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is not installed: run `make test`, which installs Debian's chromium package")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is a test dependency")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _url(base: str, page: Path) -> str:
    rel = page.relative_to(harness.DOCS).with_suffix("").as_posix()
    if rel == "index":
        return base
    return base + (rel[: -len("index")] if rel.endswith("/index") else rel + "/")


PAGES = [pytest.param(p, id=p.relative_to(harness.DOCS).as_posix()) for p in harness.pages()]
MATH_STATE = """async () => {
    await document.fonts.ready;
    const math = [...document.querySelectorAll('.arithmatex')];
    return {
        math: math.length,
        untypeset: math.filter(e => !e.querySelector('mjx-container')).map(e => e.textContent.slice(0, 80)),
        errors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
        // a glyph is drawn from the site's MathJax fonts through the site-wide stylesheet
        unstyled: math.filter(e => {
            const c = e.querySelector('mjx-c');
            return c && !getComputedStyle(c, '::before').content.replace(/none|normal|""/g, '');
        }).length,
        fonts: [...document.fonts].filter(f => f.family.startsWith('MJX') && f.status === 'loaded').length,
        scripts: [...document.scripts].map(s => s.src).filter(src => /mathjax|katex/i.test(src)),
        mathjax: typeof window.MathJax,
        images: [...document.images].filter(i => i.complete && i.naturalWidth === 0).map(i => i.src),
    };
}"""


def _watch(tab: object, host: str) -> tuple[list[str], list[str], list[str]]:
    errors: list[str] = []
    foreign: list[str] = []
    scripts: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("request", lambda req: foreign.append(req.url)
           if urlparse(req.url).scheme in ("http", "https", "ws", "wss") and urlparse(req.url).netloc != host else None)
    tab.on("request", lambda req: scripts.append(req.url)
           if req.resource_type == "script" and ("mathjax" in req.url.lower() or "katex" in req.url.lower()) else None)
    return errors, foreign, scripts


def _check_math(state: dict) -> None:
    assert state["errors"] == 0, "formulas with MathJax errors"
    assert not state["untypeset"], f"{len(state['untypeset'])} of {state['math']} formulas were not typeset: {state['untypeset'][:5]}"
    assert state["unstyled"] == 0, f"{state['unstyled']} formulas have glyphs without the math stylesheet"
    assert not state["scripts"] and state["mathjax"] == "undefined", f"math JavaScript on the page: {state['scripts']}"
    if state["math"]:
        assert state["fonts"] > 0, "no MathJax font was loaded for a page with formulas"


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """([tags, only, skip, exclude]) => axe.run(
    exclude.length ? {include: [['html']], exclude: exclude.map(s => [s])} : document,
    {runOnly: only ? {type: 'rule', values: only} : {type: 'tag', values: tags},
     rules: Object.fromEntries(skip.map(r => [r, {enabled: false}])), resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary.split('\\n').slice(1).join(' '))})))"""


@functools.cache
def _axe_source() -> str:
    axe = pytest.importorskip("axe_playwright_python", reason="axe-core ships with the test extra")
    return (Path(axe.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def _axe(tab: object, only: list[str] | None = None, skip: tuple[str, ...] = (),
         exclude: tuple[str, ...] = ()) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A and AA violations of every impact, one line each: of every rule
    (or of ``only``), less ``skip``, on the whole page less the subtrees ``exclude`` selects."""
    violations = tab.evaluate(AXE_RUN, [AXE_TAGS, only, list(skip), list(exclude)])
    return [f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}; e.g. {v['nodes'][:3]}" for v in violations]


# The rules whose outcome depends on the palette: the dark palette is checked against these.
PALETTE_RULES = ["color-contrast", "link-in-text-block"]
# Colour rules read the text nodes a reader sees. Typeset math has none: its glyphs are CSS
# `::before` content on empty elements (which axe-core does not read) and its MathML for screen
# readers is clipped out of view. Skipping those subtrees in the colour rules finds the same
# violations, a fifth faster on formula-heavy pages.
NO_VISIBLE_TEXT = ("mjx-container",)
# Code blocks hold most of a page's elements: every token of a highlighted block is an element of
# its own, and the colour rule works out the backdrop of each one (more than half of that rule's
# time on a code-heavy page). Two tokens with the same tag, colour, font, text shadow and chain
# of backgrounds and opacities up to the first opaque backdrop get the same verdict, so of the
# tokens in view in their block only the first of each kind goes to the colour rule; the others
# are marked and left out. Tokens hidden, of no size or scrolled out of their block's box are never marked:
# axe-core decides about those itself. The marks are made again after the palette changes.
MARK_SAME_CODE_TOKENS = """() => {
    document.querySelectorAll('[data-axe-same]').forEach(e => e.removeAttribute('data-axe-same'));
    const opaque = s => s.backgroundImage !== 'none' || /^rgb\\(/.test(s.backgroundColor);
    const kinds = new Set();
    let marked = 0;
    for (const el of document.querySelectorAll('.highlight *')) {
        if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
        const r = el.getBoundingClientRect(), box = (el.closest('pre') || el).getBoundingClientRect();
        if (!r.width || !r.height || r.left < box.left || r.right > box.right) continue;
        const own = getComputedStyle(el);
        const key = [el.tagName, own.color, own.fontSize, own.fontWeight, own.textShadow];
        for (let e = el; e; e = e.parentElement) {
            const s = e === el ? own : getComputedStyle(e);
            key.push(s.opacity, s.backgroundColor, s.backgroundImage);
            if (opaque(s)) break;
        }
        const k = key.join('|');
        if (kinds.has(k)) { el.setAttribute('data-axe-same', ''); marked++; } else kinds.add(k);
    }
    return {kinds: kinds.size, marked};
}"""
COLOUR_RULE_SKIPS_MARKED = "() => axe.configure({rules: [{id: 'color-contrast', selector: '*:not([data-axe-same])'}]})"
VERIFIED = harness.ROOT / ".cache" / "browser"


@functools.cache
def _shared_digest(site: Path, chromium: str) -> str:
    h = hashlib.sha256(f"{chromium}\0".encode())
    h.update(Path(__file__).read_bytes())
    h.update(_axe_source().encode())
    for folder in ("assets", "javascripts", "stylesheets"):
        for f in sorted((site / folder).rglob("*")):
            if f.is_file():
                h.update(f.relative_to(site).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


@functools.cache
def _empty_search_index(site: Path) -> str:
    import json

    config = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    return json.dumps({"config": config, "docs": []})


def _page_key(site: Path, page: Path, chromium: str) -> str:
    """A hash of every byte the check of ``page`` reads (see the module's docstring)."""
    rel = page.relative_to(harness.DOCS).with_suffix("").as_posix()
    html_path = site / ("index.html" if rel == "index" else
                        (rel[: -len("index")] if rel.endswith("/index") else rel + "/") + "index.html")
    html = html_path.read_bytes()
    h = hashlib.sha256(_shared_digest(site, chromium).encode() + html)
    for src in re.findall(rb'<img [^>]*?src="([^"]+)"', html):
        image = (html_path.parent / src.decode()).resolve()
        h.update(image.read_bytes() if image.is_file() else b"missing")
    return h.hexdigest()


def _axe_in_both_palettes(tab: object) -> tuple[list[str], dict[str, list[str]]]:
    """axe-core's violations on the open page: every rule in the light palette, then the colour
    rules after a reader's click on the palette toggle; with the palette each was found in."""
    tab.evaluate(_axe_source())
    tab.evaluate(COLOUR_RULE_SKIPS_MARKED)
    schemes, found = [], {}
    for scheme in ("light", "dark"):
        if scheme == "dark":  # the palette toggle in the header, as a reader switches
            tab.locator("form[data-md-component=palette] label:visible").first.click()
            tab.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        schemes.append(tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')"))
        tab.evaluate(MARK_SAME_CODE_TOKENS)
        if scheme == "light":
            found[scheme] = _axe(tab, skip=("color-contrast",)) + _axe(tab, ["color-contrast"], exclude=NO_VISIBLE_TEXT)
        else:
            found[scheme] = _axe(tab, PALETTE_RULES, exclude=NO_VISIBLE_TEXT)
    return schemes, found


@pytest.fixture(scope="session")
def reader(browser, server: str, built_site: Path) -> Iterator[tuple[object, tuple[list[str], list[str], list[str]]]]:
    """One tab that visits the pages one after the other, as a reader does, with what it saw
    (console errors, requests to other hosts, math scripts). A fresh context per page would cost
    a new renderer process and the site's stylesheets, scripts and fonts read again: a third of
    the time of a page's check."""
    context = browser.new_context(color_scheme="light")
    # The search worker fetches and indexes the whole site's text on every first visit; that work
    # is the same for every page and is tested once (test_search_finds_frobenius), so here the
    # worker gets an index with the site's settings and no documents.
    context.route("**/search/search_index.json", lambda route: route.fulfill(
        status=200, body=_empty_search_index(built_site), content_type="application/json"))
    tab = context.new_page()
    tab.goto(server, wait_until="load")  # the site's origin, whose storage each page test clears
    yield tab, _watch(tab, urlparse(server).netloc)
    context.close()


@pytest.mark.parametrize("page", PAGES)
def test_page_is_offline_typeset_and_accessible_in_both_palettes(browser, reader, server: str, built_site: Path,
                                                                  page: Path) -> None:
    """One visit per page: no console error, no request to another host, no math script, every
    formula typeset at build time and drawn with the site's fonts, every image loaded; then
    axe-core finds no violation in the light palette (every WCAG 2.0/2.1 A and AA rule), nor
    after the reader switches to dark (the rules whose outcome depends on colours)."""
    key = _page_key(built_site, page, browser.version)
    if (VERIFIED / key).exists() and not os.environ.get("CI") and not os.environ.get("AIMATH_RECHECK"):
        pytest.skip("passed on these exact bytes (page, images, assets, test, axe-core, Chromium) in an "
                    "earlier run; AIMATH_RECHECK=1 checks it again")
    tab, (errors, foreign, scripts) = reader
    for seen in (errors, foreign, scripts):
        seen.clear()
    tab.evaluate("() => localStorage.clear()")  # the palette the last page was left in is forgotten
    tab.goto(_url(server, page), wait_until="load")
    state = tab.evaluate(MATH_STATE)
    schemes, found = _axe_in_both_palettes(tab)
    assert not errors, f"console errors: {errors}"
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not scripts, f"math scripts requested: {scripts}"
    _check_math(state)
    assert not state["images"], f"images that failed to load: {state['images']}"
    assert schemes == ["default", "slate"]
    assert not found["light"] and not found["dark"], "\n".join(f"{k}: {line}" for k, v in found.items() for line in v)
    VERIFIED.mkdir(parents=True, exist_ok=True)
    (VERIFIED / key).touch()


def test_planted_violations_are_found_in_each_palette(browser, server: str) -> None:
    """The check above finds what it is there to find, with the code tokens of one kind left to
    one of them: a token colour too faint on the light code background; in the dark palette, a
    faint colour on one token that looked like an earlier one in the light palette (so it is found
    only if the tokens are sorted into kinds again after the switch); and a link without a name."""
    context = browser.new_context(color_scheme="light")
    tab = context.new_page()
    tab.goto(_url(server, harness.DOCS / "optimisation" / "optimisers.md"), wait_until="load")
    marks = tab.evaluate(MARK_SAME_CODE_TOKENS)
    tab.evaluate("() => { document.querySelector('.highlight .mi[data-axe-same]').id = 'planted-dark'; }")
    tab.add_style_tag(content="[data-md-color-scheme=default] .md-typeset .highlight .n { color: #b0b0b0 }\n"
                              "[data-md-color-scheme=slate] .md-typeset .highlight #planted-dark { color: #505050 }")
    tab.evaluate("() => document.querySelector('.md-content p').append(Object.assign("
                 "document.createElement('a'), {href: '#planted'}))")
    tab.evaluate(_axe_source())
    tab.evaluate(COLOUR_RULE_SKIPS_MARKED)
    tab.evaluate(MARK_SAME_CODE_TOKENS)
    light = tab.evaluate(AXE_RUN, [AXE_TAGS, ["color-contrast"], [], list(NO_VISIBLE_TEXT)])
    # the first faint token in view in its block stands for all the others
    in_view = tab.evaluate("""targets => targets.map(t => document.querySelector(t)).filter(e => {
        const r = e.getBoundingClientRect(), box = e.closest('pre').getBoundingClientRect();
        return e.checkVisibility() && r.left >= box.left && r.right <= box.right; }).length""",
                           [n.split(" :: ")[0] for v in light for n in v["nodes"]])
    schemes, found = _axe_in_both_palettes(tab)
    context.close()
    assert marks["marked"] > 100, marks  # the page has many tokens of a kind already checked
    assert in_view == 1, (in_view, light)
    assert schemes == ["default", "slate"]
    rules = {scheme: {line.split(" ")[0] for line in lines} for scheme, lines in found.items()}
    assert rules == {"light": {"color-contrast", "link-name"}, "dark": {"color-contrast"}}, found
    assert ".n" in found["light"][-1] and "#b0b0b0" in found["light"][-1], found["light"]
    assert "1 nodes" in found["dark"][0] and "#planted-dark" in found["dark"][0], found["dark"]


def test_a_reader_who_prefers_dark_gets_the_dark_palette(browser, server: str) -> None:
    """The palette follows the system's preference on a first visit (the test above switches by hand)."""
    context = browser.new_context(color_scheme="dark")
    tab = context.new_page()
    tab.goto(server, wait_until="load")
    scheme = tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    context.close()
    assert scheme == "slate"


def _site_url() -> str:
    import re

    text = (harness.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.search(r"^site_url:\s*(\S+)", text, re.MULTILINE)[1].rstrip("/") + "/"


def test_instant_navigation_keeps_math_typeset(browser, built_site: Path) -> None:
    """Material swaps pages without reloading: the next page's formulas need no script either.

    Instant navigation only takes links under ``site_url``, so the built site is served at that
    address from the browser's own request routing (no port is opened)."""
    import mimetypes

    base = _site_url()

    def serve(route: object) -> None:
        path = urlparse(route.request.url).path.lstrip("/")
        file = built_site / path
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            route.fulfill(status=404, body="not found")
            return
        route.fulfill(status=200, body=file.read_bytes(),
                      content_type=mimetypes.guess_type(file.name)[0] or "application/octet-stream")

    context = browser.new_context()
    context.route(base + "**", serve)
    tab = context.new_page()
    errors, foreign, scripts = _watch(tab, urlparse(base).netloc)
    tab.goto(base + "calculus/", wait_until="load")
    tab.evaluate("() => { window.__sameDocument = true; }")
    tab.locator("nav.md-nav a[href$='jacobian-hessian/']").first.click()
    tab.wait_for_url("**/jacobian-hessian/")
    tab.wait_for_function("() => document.querySelectorAll('.arithmatex').length > 0")
    state = tab.evaluate(MATH_STATE)
    same_document = tab.evaluate("() => window.__sameDocument === true")
    context.close()
    assert same_document, "navigation reloaded the page: instant navigation is off"
    assert not errors and not foreign and not scripts, (errors, foreign, scripts)
    assert state["math"] > 0
    _check_math(state)


def test_search_finds_frobenius(browser, server: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(server, wait_until="load")
    search = tab.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Frobenius", delay=60)
    first = tab.locator(".md-search-result__item").first
    first.wait_for(timeout=15000)
    text = tab.locator(".md-search-result").inner_text()
    context.close()
    assert "Frobenius" in text
