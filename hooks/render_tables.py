"""MkDocs hook: render reference tables from aimath_ref data at build time.

``<!-- table: NAME -->`` on a line of its own becomes the table registered as NAME;
``<!-- tables: all -->`` becomes every registered table, grouped by chapter, each linking
back to the section that explains it (the Reference page).
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from aimath_ref.tables import Table, all_tables, get_table

TABLE = re.compile(r"^(?P<indent>[ \t]*)<!--\s*table:\s*(?P<name>[\w.-]+)\s*-->\s*$", re.M)
ALL = re.compile(r"^<!--\s*tables:\s*all\s*-->\s*$", re.M)


def render(table: Table, indent: str = "") -> str:
    body = f"_{table.caption}_\n\n{table.to_markdown()}"
    return "\n".join(indent + line if line else line for line in body.splitlines()) + "\n"


def _render_all(page_uri: str) -> str:
    out: list[str] = []
    chapter = None
    for table in all_tables().values():
        if table.chapter != chapter:
            chapter = table.chapter
            out.append(f"## {chapter}\n")
        link = posixpath.relpath(table.page, posixpath.dirname(page_uri) or ".")
        title = table.caption.split(",")[0].split(":")[0].rstrip(".")
        out.append(f"### {title}\n\nExplained in [this section]({link}).\n\n{render(table)}")
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    markdown = ALL.sub(lambda m: _render_all(page.file.src_uri), markdown)
    return TABLE.sub(lambda m: render(get_table(m["name"]), m["indent"]), markdown)
