"""Every page of the built site in headless Chromium: no console error, no request to any
other host, every formula typeset by the site's own MathJax, and a working search box.

Needs Debian's ``chromium`` (``make test`` installs it) and Playwright's Python package;
deselect with ``-m "not browser"``.
"""

from __future__ import annotations

import functools
import http.server
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


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
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


@pytest.mark.parametrize("page", harness.pages(), ids=lambda p: p.relative_to(harness.DOCS).as_posix())
def test_page_loads_offline_with_typeset_math(browser, server: str, page: Path) -> None:
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    host = urlparse(server).netloc
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("request", lambda req: foreign.append(req.url)
           if urlparse(req.url).scheme in ("http", "https", "ws", "wss") and urlparse(req.url).netloc != host else None)
    tab.goto(_url(server, page), wait_until="load")
    tab.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=15000)
    tab.evaluate("() => MathJax.startup.promise")
    state = tab.evaluate("""() => ({
        math: document.querySelectorAll('.arithmatex').length,
        untypeset: [...document.querySelectorAll('.arithmatex')].filter(e => !e.querySelector('mjx-container')).length,
        errors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
        images: [...document.images].filter(i => i.complete && i.naturalWidth === 0).map(i => i.src),
    })""")
    context.close()
    assert not errors, f"console errors: {errors}"
    assert not foreign, f"requests to other hosts: {foreign}"
    assert state["errors"] == 0, "MathJax reported errors in formulas"
    assert state["untypeset"] == 0, f"{state['untypeset']} of {state['math']} formulas were not typeset"
    assert not state["images"], f"images that failed to load: {state['images']}"


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
