r"""Small example graphs used across the chapter: a social network, a molecule and a computation DAG.

Each function returns a fresh adjacency list, so callers may modify it.
"""

from __future__ import annotations

__all__ = ["benzene", "friendships", "wx_plus_b"]


def friendships() -> dict[str, list[str]]:
    r"""An undirected social network: two friend groups joined by one friendship (Dev — Eve).

    Returns
    -------
    dict
        Person -> friends; every friendship is listed in both directions.

    Examples
    --------
    >>> from aimath_ref.graphs import friendships
    >>> friendships()["Dev"]
    ['Ana', 'Ben', 'Cai', 'Eve']
    """
    pairs = [("Ana", "Ben"), ("Ana", "Cai"), ("Ana", "Dev"), ("Ben", "Cai"), ("Ben", "Dev"), ("Cai", "Dev"),
             ("Dev", "Eve"),
             ("Eve", "Fay"), ("Eve", "Gus"), ("Fay", "Gus"), ("Fay", "Hal"), ("Gus", "Hal")]
    graph: dict[str, list[str]] = {p: [] for p in ("Ana", "Ben", "Cai", "Dev", "Eve", "Fay", "Gus", "Hal")}
    for a, b in pairs:  # undirected: both directions
        graph[a].append(b)
        graph[b].append(a)
    return {p: sorted(friends) for p, friends in graph.items()}


def benzene() -> dict[str, list[tuple[str, float]]]:
    r"""Benzene, C$_6$H$_6$, as a weighted undirected graph: atoms are nodes, bonds are edges
    weighted by bond order (one Kekulé structure: alternating single and double C–C bonds).

    Returns
    -------
    dict
        Atom -> list of ``(atom, bond order)``.

    Examples
    --------
    >>> from aimath_ref.graphs import benzene
    >>> benzene()["C1"]
    [('C2', 2.0), ('C6', 1.0), ('H1', 1.0)]
    """
    graph: dict[str, list[tuple[str, float]]] = {f"C{i}": [] for i in range(1, 7)}
    graph.update({f"H{i}": [] for i in range(1, 7)})
    for i in range(1, 7):
        j = i % 6 + 1
        order = 2.0 if i % 2 == 1 else 1.0  # C1=C2, C2-C3, C3=C4, ...
        graph[f"C{i}"].append((f"C{j}", order))
        graph[f"C{j}"].append((f"C{i}", order))
        graph[f"C{i}"].append((f"H{i}", 1.0))
        graph[f"H{i}"].append((f"C{i}", 1.0))
    return {a: sorted(bonds) for a, bonds in graph.items()}


def wx_plus_b() -> dict[str, list[str]]:
    r"""The computation graph of $Wx + b$: a DAG whose edges carry values from one operation to the next.

    Returns
    -------
    dict
        Node -> the nodes that consume its value.

    Examples
    --------
    >>> from aimath_ref.graphs import wx_plus_b
    >>> wx_plus_b()
    {'x': ['Wx'], 'W': ['Wx'], 'Wx': ['Wx+b'], 'b': ['Wx+b'], 'Wx+b': []}
    """
    return {"x": ["Wx"], "W": ["Wx"], "Wx": ["Wx+b"], "b": ["Wx+b"], "Wx+b": []}
