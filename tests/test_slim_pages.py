"""The build hook that keeps pages light (``hooks/slim_pages.py``): which CSS rules it keeps,
which it drops, and what it leaves untouched in the HTML. The built site's weight and looks
are checked by ``test_site.py`` and ``test_browser.py``."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests import harness

pytest.importorskip("tinycss2", reason="the docs extra installs tinycss2")


slim = harness.load_hook("slim_pages")


def _purge(css: str, html: str = "", js: str = "", off: tuple[str, ...] = (), elsewhere: str = "") -> str:
    used = slim.Used()
    used.add_html(html)
    used.add_script(js)
    used.off = off
    return slim.purge_css([slim.parse_css(css)], used, elsewhere)[0]


def test_a_rule_is_kept_when_a_page_uses_its_classes_and_dropped_otherwise() -> None:
    css = ".a .b{color:red}.a .c{color:blue}#top{margin:0}"
    out = _purge(css, html='<div class="a x"><p class="b">t</p></div><h1 id="top"></h1>')
    assert out == ".a .b{color:red}#top{margin:0}"


def test_only_the_used_selectors_of_a_list_are_kept() -> None:
    assert _purge(".a,.gone,p{margin:0}", html='<i class="a">') == ".a,p{margin:0}"


def test_classes_the_theme_script_adds_keep_their_rules() -> None:
    js = 'x("div",{class:"md-typeset__scrollwrap"},x("div",{class:"md-typeset__table"},e));var r=/"/;'
    out = _purge(".md-typeset__table{display:inline-block}.md-unused{color:red}", js=js)
    assert out == ".md-typeset__table{display:inline-block}"


def test_a_class_the_script_completes_at_run_time_keeps_every_rule_of_its_prefix() -> None:
    out = _purge(".md-tag--kind{color:red}.md-tag{color:blue}", js="`md-tag-icon md-tag--${e}`")
    assert out == ".md-tag--kind{color:red}"


def test_the_arguments_of_not_and_is_do_not_have_to_be_used() -> None:
    css = ".a:not(.never){color:red}.a :is(.p,.q) b{color:blue}"
    assert _purge(css, html='<i class="a">') == css


def test_features_left_off_drop_their_rules_even_if_the_script_names_them() -> None:
    css = ".md-tooltip2{color:red}.md-nav{color:blue}"
    assert _purge(css, js='"md-tooltip2" "md-nav"', off=("md-tooltip",)) == ".md-nav{color:blue}"


def test_colour_rules_are_kept_for_the_palettes_the_site_uses_only() -> None:
    css = "[data-md-color-primary=indigo]{--p:#4051b5}[data-md-color-primary=red]{--p:red}a{color:var(--p)}"
    out = _purge(css, html='<body data-md-color-primary="indigo">')
    assert out == "[data-md-color-primary=indigo]{--p:#4051b5}a{color:var(--p)}"


def test_custom_properties_nothing_reads_go_and_chains_are_followed() -> None:
    css = ":root{--a:1px;--b:var(--a);--c:2px;--d:3px}p{margin:var(--b)}"
    assert _purge(css, elsewhere=".x{padding:var(--d)}") == ":root{--a:1px;--b:var(--a);--d:3px}p{margin:var(--b)}"


def test_a_data_uri_with_semicolons_survives_intact() -> None:
    css = ':root{--icon:url(\'data:image/svg+xml;charset=utf-8,<svg xmlns="http://www.w3.org/2000/svg"/>\')}i{mask:var(--icon)}'
    out = _purge(css)
    assert "charset=utf-8,<svg" in out and out.endswith("i{mask:var(--icon)}")


def test_tab_rules_beyond_the_largest_tab_set_are_dropped() -> None:
    css = ".tabbed-set>input:nth-child(2):checked~.tabbed-labels>:nth-child(2),.tabbed-set>input:nth-child(5):checked~.tabbed-labels>:nth-child(5){color:red}"
    html = '<div class="tabbed-set tabbed-alternate" data-tabs="1:3"><div class="tabbed-labels">'
    out = _purge(css, html=html)
    assert ":nth-child(2)" in out and ":nth-child(5)" not in out


def test_media_blocks_keep_their_used_rules_and_vanish_when_empty() -> None:
    css = "@media screen{.a{color:red}.b{color:blue}}@media print{.b{color:blue}}"
    assert _purge(css, html='<i class="a">') == "@media screen{.a{color:red}}"


def test_math_rules_need_their_elements_and_font_faces_their_families() -> None:
    css = ("mjx-mfrac{display:inline-block}mjx-msqrt{display:inline-block}"
           "@font-face{font-family:MJXTEX-I;src:url(a.woff)}@font-face{font-family:MJXTEX-B;src:url(b.woff)}"
           ".TEX-I{font-family:MJXTEX-I}.TEX-B{font-family:MJXTEX-B}")
    out = _purge(css, html='<mjx-mfrac><mjx-c class="mjx-c1 TEX-I"></mjx-c></mjx-mfrac>')
    assert "mjx-mfrac{" in out and "mjx-msqrt" not in out
    assert "MJXTEX-I" in out and "MJXTEX-B" not in out


def test_indentation_goes_but_preformatted_text_stays() -> None:
    html = "<div>\n    <p>a\n      b</p>\n</div>\n<pre><code>x = 1\n    y = 2\n</code></pre>\n  <script>\n  var a;\n</script>"
    out = slim.collapse_whitespace(html)
    assert out == "<div>\n<p>a\nb</p>\n</div>\n<pre><code>x = 1\n    y = 2\n</code></pre>\n<script>\n  var a;\n</script>"


def test_features_off_follows_the_configuration() -> None:
    config = SimpleNamespace(theme={"features": ["content.tooltips"]}, extra={"version": {"provider": "mike"}},
                             plugins={"tags": object()}, repo_url="https://example.org/repo")
    assert slim.features_off(config) == ("md-annotation",)
    bare = SimpleNamespace(theme={"features": []}, extra={}, plugins={}, repo_url=None)
    assert set(slim.features_off(bare)) == {"md-annotation", "md-tooltip", "md-version", "md-tag", "md-source"}
