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
