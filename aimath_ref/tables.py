"""Reference tables as data.

Each table on the site (norms, operations, distributions, ...) is a `Table` defined
next to the code it describes. A row carries the callable that implements it and, where it
fits, an example computed by that callable when the table is rendered, so a table can't
disagree with the code. The site's build renders each table with `Table.to_markdown`
in its chapter and again on the Reference page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CHAPTERS", "Row", "Table", "register", "get_table", "all_tables"]

CHAPTERS = (
    "Linear Algebra",
    "Calculus, Gradients & Automatic Differentiation",
    "Probability & Statistics",
    "Bayesian Inference, MLE & MAP",
    "Information Theory",
    "Optimisation",
    "Graphs & Complexity",
)
"""The chapters of the site, in order; every table belongs to one of them."""


@dataclass(frozen=True)
class Row:
    """One row of a reference table.

    Parameters
    ----------
    cells : Mapping[str, str]
        Markdown for each column of the table (LaTeX between ``$...$``).
    impl : Callable or None
        The aimath_ref function or class that implements the row.
    example : Callable[[], str] or None
        Called at render time; returns the example text (an input and what ``impl`` gives for it).
    """

    cells: Mapping[str, str]
    impl: Callable[..., Any] | None = None
    example: Callable[[], str] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.cells, Mapping):
            raise TypeError(f"cells must be a mapping of column name to Markdown, got {type(self.cells).__name__}")
        for key, text in self.cells.items():
            if not isinstance(key, str) or not isinstance(text, str):
                raise TypeError(f"cells must map str to str, got {key!r}: {text!r}")
        if self.impl is not None and not callable(self.impl):
            raise TypeError(f"impl must be callable or None, got {self.impl!r}")
        if self.example is not None and not callable(self.example):
            raise TypeError(f"example must be callable or None, got {self.example!r}")


@dataclass(frozen=True)
class Table:
    """A reference table: a caption, column names and rows.

    Parameters
    ----------
    name : str
        Identifier used by the site (``<!-- table: NAME -->``).
    title : str
        Short plain-text title (no Markdown, no math), used as the table's heading on the
        Reference page and in its table of contents.
    caption : str
        One sentence saying what the table lists.
    columns : tuple of str
        Column headings, in order; every row gives a cell for each.
    rows : tuple of Row
        The rows.
    chapter : str
        Chapter title, used to group tables on the Reference page.
    page : str
        Path of the page (relative to ``docs/``) whose section explains the table.
    """

    name: str
    title: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    chapter: str
    page: str
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for attr in ("name", "title", "caption", "page"):
            value = getattr(self, attr)
            if not isinstance(value, str) or not value.strip():
                raise TypeError(f"table {self.name!r}: {attr} must be a non-empty str, got {value!r}")
        if len(self.title) > 60 or any(ch in self.title for ch in "$`*_[]|\n"):
            raise ValueError(f"table {self.name!r}: title must be plain text of at most 60 characters "
                             f"(no Markdown or math), got {self.title!r}")
        if not isinstance(self.columns, tuple) or not self.columns or \
                not all(isinstance(c, str) and c for c in self.columns):
            raise TypeError(f"table {self.name!r}: columns must be a non-empty tuple of str, got {self.columns!r}")
        for c in self.columns:
            if "|" in c or "\n" in c:
                raise ValueError(f"table {self.name!r}: column names must be one line without '|', got {c!r}")
        if "\n" in self.caption:
            raise ValueError(f"table {self.name!r}: caption must be one line, got {self.caption!r}")
        if not isinstance(self.rows, tuple) or not all(isinstance(r, Row) for r in self.rows):
            raise TypeError(f"table {self.name!r}: rows must be a tuple of Row, got {self.rows!r}")
        if self.chapter not in CHAPTERS:
            raise ValueError(f"table {self.name!r}: chapter must be one of {CHAPTERS}, got {self.chapter!r}")
        if not self.rows:
            raise ValueError(f"table {self.name!r} must have at least one row")
        for i, row in enumerate(self.rows):
            missing = [c for c in self.columns if c not in row.cells]
            extra = [c for c in row.cells if c not in self.columns]
            if missing or extra:
                raise ValueError(f"table {self.name!r} row {i}: missing columns {missing}, unknown columns {extra}")
            for c, text in row.cells.items():
                if "|" in text or "\n" in text:
                    raise ValueError(f"table {self.name!r} row {i} column {c!r}: use \\lvert/\\rvert, not '|', "
                                     f"and no newlines, got {text!r}")

    @property
    def has_impl(self) -> bool:
        return any(r.impl is not None for r in self.rows)

    @property
    def has_example(self) -> bool:
        return any(r.example is not None for r in self.rows)

    def header(self) -> list[str]:
        cols = list(self.columns)
        if self.has_impl or self.has_example:
            cols.append("In aimath_ref")
        return cols

    def cells(self) -> list[list[str]]:
        """Every row as a list of markdown cells, with implementation links and computed examples."""
        out = []
        for row in self.rows:
            cells = [row.cells[c] for c in self.columns]
            if self.has_impl or self.has_example:
                parts = [_impl_link(row.impl)] if row.impl is not None else []
                if row.example is not None:
                    text = row.example()
                    if not isinstance(text, str):
                        raise TypeError(f"table {self.name!r}: example must return a str, got "
                                        f"{type(text).__name__} {text!r}")
                    if "|" in text or "\n" in text:
                        raise ValueError(f"table {self.name!r}: example text must be one line without '|', got {text!r}")
                    parts.append(text)
                cells.append("<br>".join(parts))
            out.append(cells)
        return out

    def to_markdown(self) -> str:
        """The table as a Markdown table (implementation cells are mkdocs-autorefs links)."""
        head = self.header()
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(cells) + " |" for cells in self.cells()]
        return "\n".join(lines) + "\n"


def _impl_link(obj: Callable[..., Any]) -> str:
    path = f"{obj.__module__}.{obj.__qualname__}"
    return f"[`{obj.__qualname__}`][{path}]"


_REGISTRY: dict[str, Table] = {}


def register(table: Table) -> Table:
    """Add ``table`` to the registry read by the site (names must be unique)."""
    if not isinstance(table, Table):
        raise TypeError(f"table must be a Table, got {type(table).__name__}")
    old = _REGISTRY.get(table.name)
    if old is not None and old is not table:
        raise ValueError(f"a table named {table.name!r} is already registered")
    _REGISTRY[table.name] = table
    return table


def _load_all() -> None:
    # Importing the topic modules registers their tables.
    import importlib
    import pkgutil

    import aimath_ref

    for info in pkgutil.walk_packages(aimath_ref.__path__, prefix="aimath_ref."):
        if not info.name.rsplit(".", 1)[-1].startswith("_"):
            importlib.import_module(info.name)


def get_table(name: str) -> Table:
    """Return the registered table called ``name``.

    Raises
    ------
    KeyError
        If no table has that name (the message lists the known names).
    """
    _load_all()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no table named {name!r}; known tables: {', '.join(sorted(_REGISTRY))}") from None


def all_tables() -> Mapping[str, Table]:
    """Every registered table, by name, in the order of the chapters and then of their pages."""
    _load_all()
    ordered = sorted(_REGISTRY.values(), key=lambda t: (CHAPTERS.index(t.chapter), t.page, t.name))
    return {t.name: t for t in ordered}
