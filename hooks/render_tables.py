"""MkDocs hook: render reference tables from aimath_ref data at build time.

``<!-- table: NAME -->`` on a line of its own becomes the table registered as NAME;
``<!-- tables: all -->`` becomes every registered table, grouped by chapter, each linking
back to the section that explains it; ``<!-- tables: optimisation graphs -->`` does the same
for the chapters in those folders of ``docs/`` (the Reference pages).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from aimath_ref.tables import Table, all_tables, get_table

ROOT = Path(__file__).resolve().parent.parent
TABLE = re.compile(r"^(?P<indent>[ \t]*)<!--\s*table:\s*(?P<name>[\w.-]+)\s*-->\s*$", re.M)
ALL = re.compile(r"^<!--\s*tables:\s*(?P<which>[\w -]+?)\s*-->\s*$", re.M)


def section_title(page: str) -> str:
    """The name of the section a table belongs to: its page's title in the navigation.

    Read from ``mkdocs.yml``'s ``nav`` (``Title: path.md``), falling back to the page's first heading.
    """
    return _nav_titles().get(page) or _first_heading(page)


_NAV: dict[str, str] = {}


def _nav_titles() -> dict[str, str]:
    if not _NAV:
        import yaml

        class _Loader(yaml.SafeLoader):
            pass

        _Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !!python tags
        config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)

        def walk(items: Any) -> None:
            for item in items or []:
                if isinstance(item, dict):
                    for title, value in item.items():
                        if isinstance(value, str):
                            _NAV[value] = title
                        else:
                            walk(value)

        walk(config.get("nav"))
    return _NAV


def _first_heading(page: str) -> str:
    for line in (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise ValueError(f"page {page} has no title in the nav and no '# ' heading")


def render(table: Table, indent: str = "") -> str:
    body = f"_{table.caption}_\n\n{table.to_markdown()}"
    return "\n".join(indent + line if line else line for line in body.splitlines()) + "\n"


def chapter_folder(table: Table) -> str:
    """The folder of ``docs/`` that holds a table's chapter (``optimisation``)."""
    return table.page.split("/", 1)[0]


def _render_all(page_uri: str, which: str = "all") -> str:
    out: list[str] = []
    chapter = None
    folders = set(which.split())
    for table in all_tables().values():
        if which != "all" and chapter_folder(table) not in folders:
            continue
        if table.chapter != chapter:
            chapter = table.chapter
            out.append(f"## {chapter}\n")
        link = posixpath.relpath(table.page, posixpath.dirname(page_uri) or ".")
        out.append(f"### {table.title}\n\nExplained in [{section_title(table.page)}]({link}).\n\n{render(table)}")
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    markdown = ALL.sub(lambda m: _render_all(page.file.src_uri, m["which"]), markdown)
    return TABLE.sub(lambda m: render(get_table(m["name"]), m["indent"]), markdown)
