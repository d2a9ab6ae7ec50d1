"""How the figure hook writes SVG short (``hooks/render_figures.py``): numbers, path data
and the whole file keep what matplotlib drew. The built figures' weight and determinism are
checked by ``test_site.py``."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest

from tests import harness

matplotlib = pytest.importorskip("matplotlib", reason="the docs extra installs matplotlib")
matplotlib.use("Agg")


rf = harness.load_hook("render_figures")
TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)")
ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "Q": 4, "Z": 0}


def absolute_points(d: str) -> list[tuple[str, tuple[float, ...]]]:
    """An independent reading of SVG path data (absolute and relative M L H V C Q Z, with
    repeated arguments) as absolute segments (H and V become L)."""
    tokens = TOKEN.findall(d)
    out: list[tuple[str, tuple[float, ...]]] = []
    i, cmd, x, y, sx, sy = 0, "", 0.0, 0.0, 0.0, 0.0
    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
            if cmd in "zZ":
                out.append(("Z", ()))
                x, y = sx, sy
                continue
        upper, rel = cmd.upper(), cmd.islower()
        args = [float(t) for t in tokens[i:i + ARITY[upper]]]
        i += ARITY[upper]
        if upper == "H":
            args, upper = [args[0] + (x if rel else 0), y], "L"
        elif upper == "V":
            args, upper = [x, args[0] + (y if rel else 0)], "L"
        elif rel:
            args = [a + (x if k % 2 == 0 else y) for k, a in enumerate(args)]
        out.append((upper, tuple(args)))
        x, y = args[-2], args[-1]
        if upper == "M":
            sx, sy = x, y
            cmd = "l" if rel else "L"  # pairs after a moveto are linetos
    return out


@pytest.mark.parametrize(("hundredths", "text"), [(150, "1.5"), (50, ".5"), (-25, "-.25"), (300, "3"), (0, "0"),
                                                   (-5, "-.05"), (1234, "12.34")])
def test_numbers_are_written_as_short_as_they_read(hundredths: int, text: str) -> None:
    assert rf._num(hundredths, 2) == text
    assert float(rf._num(hundredths, 2)) == hundredths / 100


def test_rounding_rounds_instead_of_cutting() -> None:
    assert rf._round("x=0.289738 y=-1.996", 2) == "x=.29 y=-2"


@pytest.mark.parametrize("digits", [1, 2])
def test_path_data_reads_back_as_the_rounded_absolute_path(digits: int) -> None:
    d = ("M 10.123456 20.98765 L 30.55 20.98765 L 30.55 5.04 L 10.123456 5.04 z M 1 1 "
         "C 2.333 3.111 4.5 -6.25 7 8 Q 9.99 10.01 -11.5 12 L 0.04 -0.06 z")
    expected = [(cmd, tuple(round(v, digits) for v in pts)) for cmd, pts in absolute_points(d)]
    got = absolute_points(rf._path_data(d, digits))
    assert [c for c, _ in got] == [c for c, _ in expected]
    for (_, a), (_, b) in zip(got, expected, strict=True):
        assert a == pytest.approx(b, abs=10 ** -digits / 2)  # no drift: relative steps are taken between rounded points
    assert len(rf._path_data(d, digits)) < len(d)


def test_a_whole_figure_keeps_its_text_references_and_elements() -> None:
    import matplotlib.pyplot as plt
    import numpy as np

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(4, 2))
    ax1.plot(np.linspace(0, 1, 50), np.linspace(0, 1, 50) ** 2, marker="o", label="He σ = 0.088")
    ax1.plot([0, 1], [1, 0], color="C1")
    ax1.legend()
    ax2.imshow(np.arange(12.0).reshape(3, 4))
    buf = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "test"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    plt.close(fig)
    raw = buf.getvalue()
    short = rf._minify(raw)
    assert len(short) < 0.7 * len(raw)
    before, after = ET.fromstring(raw), ET.fromstring(short)
    def texts(root: ET.Element) -> list[str]:
        return ["".join(t.itertext()) for t in root.iter() if t.tag.endswith("}text")]

    def count(root: ET.Element, tag: str) -> int:
        return sum(1 for e in root.iter() if e.tag.endswith("}" + tag))

    assert texts(after) == texts(before) and "He σ = 0.088" in texts(after)
    for tag in ("path", "use", "image", "text", "clipPath"):
        assert count(after, tag) == count(before, tag), tag
    assert {k: v for k, v in after.attrib.items() if k in ("width", "height", "viewBox")} == \
        {k: v for k, v in before.attrib.items() if k in ("width", "height", "viewBox")}
    ids = {e.get("id") for e in after.iter() if e.get("id")}
    refs = set(re.findall(r'url\(#([^)]+)\)', short)) | set(re.findall(r'xlink:href="#([^"]+)"', short))
    assert refs and refs <= ids, refs - ids
    style = "".join(e.text or "" for e in after.iter() if e.tag.endswith("}style"))
    classes = {c for e in after.iter() for c in (e.get("class") or "").split()}
    assert all(f".{c}{{" in style for c in classes), classes
    assert rf._minify(raw) == short  # deterministic
