"""aimath_ref.tables: rows must fit their columns, names are unique, rendering is exact."""

from __future__ import annotations

import pytest
import torch

from aimath_ref.linalg import l1_norm
from aimath_ref.tables import CHAPTERS, Row, Table, all_tables, get_table, register


def _table(**kw):
    base = dict(name="t", title="Test table", caption="A test table.", columns=("A", "B"), chapter=CHAPTERS[0], page="x.md",
                rows=(Row({"A": "a", "B": "$b$"}, impl=l1_norm, example=lambda: str(l1_norm(torch.ones(3)).item())),))
    base.update(kw)
    return Table(**base)


def test_markdown_has_header_links_and_computed_example():
    md = _table().to_markdown().splitlines()
    assert md[0] == "| A | B | In aimath_ref |"
    assert md[2] == "| a | $b$ | [`l1_norm`][aimath_ref.linalg.norms.l1_norm]<br>3.0 |"


def test_rows_must_match_columns():
    with pytest.raises(ValueError, match=r"row 0: missing columns \['B'\], unknown columns \['C'\]"):
        _table(rows=(Row({"A": "a", "C": "c"}),))


def test_cells_may_not_contain_pipes_or_newlines():
    with pytest.raises(ValueError, match=r"use .lvert/.rvert, not"):
        _table(rows=(Row({"A": "|x|", "B": "b"}),))
    with pytest.raises(ValueError, match="one line without"):
        _table(rows=(Row({"A": "a", "B": "b"}, example=lambda: "1 | 2"),)).to_markdown()


def test_rejects_empty_tables_and_unknown_chapters():
    with pytest.raises(ValueError, match="at least one row"):
        _table(rows=())
    with pytest.raises(ValueError, match=r"chapter must be one of .*got 'Astrology'"):
        _table(chapter="Astrology")


def test_register_rejects_duplicates_and_non_tables():
    with pytest.raises(TypeError, match="table must be a Table, got dict"):
        register({})  # type: ignore[arg-type]
    existing = get_table("norms")
    with pytest.raises(ValueError, match="a table named 'norms' is already registered"):
        register(_table(name="norms"))
    assert register(existing) is existing


def test_get_table_names_the_known_tables():
    with pytest.raises(KeyError, match=r"no table named 'nope'; known tables: .*norms"):
        get_table("nope")


def test_all_tables_follow_chapter_order():
    order = [CHAPTERS.index(t.chapter) for t in all_tables().values()]
    assert order == sorted(order) and len(order) >= 1


def test_title_is_short_plain_text():
    with pytest.raises(ValueError, match=r"title must be plain text .*got '\$A = \[\[1'"):
        _table(title="$A = [[1")
    with pytest.raises(ValueError, match="at most 60 characters"):
        _table(title="x" * 61)
    assert _table(title="x" * 60).title == "x" * 60
    with pytest.raises(TypeError, match="title must be a non-empty str, got ''"):
        _table(title="")


def test_wrong_types_are_named():
    with pytest.raises(TypeError, match="cells must be a mapping .* got list"):
        Row(["a"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cells must map str to str, got 'A': 1"):
        Row({"A": 1})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="impl must be callable or None, got 3"):
        Row({"A": "a"}, impl=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="example must be callable or None, got 'x'"):
        Row({"A": "a"}, example="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="rows must be a tuple of Row"):
        _table(rows=[Row({"A": "a", "B": "b"})])
    with pytest.raises(TypeError, match="columns must be a non-empty tuple of str"):
        _table(columns=["A", "B"])


def test_every_registered_table_has_a_distinct_title():
    titles = [t.title for t in all_tables().values()]
    assert len(titles) == len(set(titles))


def test_a_newline_anywhere_in_a_row_or_header_is_refused():
    with pytest.raises(ValueError, match=r"row 0 column 'B': .*no newlines, got 'b\\nc'"):
        _table(rows=(Row({"A": "a", "B": "b\nc"}),))
    with pytest.raises(ValueError, match=r"example text must be one line without '\|', got '1\\n2'"):
        _table(rows=(Row({"A": "a", "B": "b"}, example=lambda: "1\n2"),)).to_markdown()
    with pytest.raises(ValueError, match=r"column names must be one line without '\|', got 'B\\nC'"):
        _table(columns=("A", "B\nC"), rows=(Row({"A": "a", "B\nC": "b"}),))
    with pytest.raises(ValueError, match=r"column names must be one line without '\|', got 'A\|B'"):
        _table(columns=("A|B",), rows=(Row({"A|B": "a"}),))
    with pytest.raises(ValueError, match=r"caption must be one line"):
        _table(caption="One line.\n\nAnother paragraph.")
    with pytest.raises(TypeError, match=r"example must return a str, got float 3.0"):
        _table(rows=(Row({"A": "a", "B": "b"}, example=lambda: 3.0),)).to_markdown()


def _text(html: str) -> str:
    from html.parser import HTMLParser

    parts: list[str] = []
    parser = HTMLParser()
    parser.handle_data = parts.append  # type: ignore[method-assign]
    parser.feed(html)
    return " ".join("".join(parts).split())


def _parse(markdown_text: str) -> list[dict]:
    """Python-Markdown with the tables extension, then each <table> as its header cell count and row texts."""
    from html.parser import HTMLParser

    import markdown

    class Tables(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tables: list[dict] = []
            self.cell: list[str] | None = None

        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            if tag == "table":
                self.tables.append({"th": 0, "rows": []})
            elif tag == "tr":
                self.tables[-1]["rows"].append([])
            elif tag == "th":
                self.tables[-1]["th"] += 1
            elif tag == "td":
                self.cell = []

        def handle_data(self, data):  # type: ignore[no-untyped-def]
            if self.cell is not None:
                self.cell.append(data)

        def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
            if tag == "td" and self.cell is not None:
                self.tables[-1]["rows"][-1].append(" ".join("".join(self.cell).split()))
                self.cell = None

    parser = Tables()
    parser.feed(markdown.markdown(markdown_text, extensions=["tables"]))
    for t in parser.tables:
        t["rows"] = t["rows"][1:]  # the first <tr> is the header row
    return parser.tables


@pytest.mark.parametrize("name", sorted(all_tables()))
def test_every_registered_table_parses_to_one_html_table_with_its_columns(name):
    table = get_table(name)
    import markdown

    tables = _parse(table.to_markdown())
    assert len(tables) == 1, f"{name}: the Markdown did not parse to a single <table>"
    n = len(table.columns) + (table.has_impl or table.has_example)
    assert tables[0]["th"] == len(table.header()) == n
    assert [len(r) for r in tables[0]["rows"]] == [n] * len(table.rows), f"{name}: a row lost or gained cells"
    # and each cell holds exactly its own text: a stray '|' would move text into a dropped cell
    for got, cells in zip(tables[0]["rows"], table.cells()):
        assert got == [_text(markdown.markdown(c)) for c in cells], name


def test_parsing_check_sees_a_broken_table():
    # the check above would notice a cell that splits the row, or a newline that ends it
    assert _parse("| A | B |\n|---|---|\n| a|x | b |\n")[0]["rows"] == [["a", "x"]]  # 'b' is dropped
    assert _parse("| A | B |\n|---|---|\n| a | b\nc |\n")[0]["rows"] == [["a", "b"], ["c", ""]]
