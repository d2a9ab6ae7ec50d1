"""MkDocs hook: draw the figures at build time, cached by content hash.

Each ``figures/<chapter>/<name>.py`` defines ``figure()``, which returns a matplotlib
figure computed with aimath_ref. The hook renders it to ``.cache/figures`` (outside
``docs/``, so ``mkdocs serve`` does not rebuild in a loop), keyed by a hash of the
script, the shared style, every aimath_ref source file and matplotlib's version, and
hands the SVG to MkDocs as ``figures/<chapter>/<name>.svg``. A page embeds it with

    <!-- figure: chapter/name | Caption that says what to see. -->
"""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import logging
import posixpath
import re
import string
import sys
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent

FIGURES = ROOT / "figures"
CACHE = ROOT / ".cache" / "figures"
MARK = re.compile(r"^(?P<indent>[ \t]*)<!--\s*figure:\s*(?P<name>[\w/-]+)\s*\|\s*(?P<caption>.+?)\s*-->\s*$", re.M)
log = logging.getLogger("mkdocs.hooks.render_figures")


def scripts() -> dict[str, Path]:
    """Every figure script, by name (``chapter/name``)."""
    return {p.relative_to(FIGURES).with_suffix("").as_posix(): p
            for p in sorted(FIGURES.rglob("*.py")) if not p.name.startswith("_")}


def _shared_hash() -> str:
    import matplotlib

    h = hashlib.sha256(matplotlib.__version__.encode())
    for p in sorted((ROOT / "aimath_ref").rglob("*.py")) + [FIGURES / "_style.py", Path(__file__)]:
        h.update(p.relative_to(ROOT).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def render(name: str, script: Path, dest: Path) -> None:
    """Import ``script``, call its ``figure()`` and write a deterministic SVG to ``dest``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if str(ROOT) not in sys.path:  # figure scripts import figures._style from the checkout
        sys.path.insert(0, str(ROOT))
    from figures._style import RC, lighten

    spec = importlib.util.spec_from_file_location(f"figures.{name.replace('/', '.')}", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with plt.rc_context(RC):
        spec.loader.exec_module(module)
        fig = lighten(module.figure())
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_suffix(".tmp")
        fig.savefig(tmp, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    tmp.write_text(_minify(_palette_images(tmp.read_text(encoding="utf-8"))), encoding="utf-8")
    tmp.replace(dest)


_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_NS = "{http://www.w3.org/1999/xlink}"
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_DECIMAL = re.compile(r"-?\d*\.\d+")
_URL = re.compile(r"url\(#([^)]+)\)")
_COMMA = re.compile(r",\s+")
_ARITY = {"M": 2, "L": 2, "Q": 4, "C": 6, "Z": 0}


def _num(value: int, digits: int) -> str:
    """``value`` hundredths (``digits`` 2) or tenths (1) as the shortest SVG number: 1.5, .5, -.25, 3."""
    sign, value = ("-" if value < 0 else ""), abs(value)
    whole, frac = divmod(value, 10 ** digits)
    tail = f"{frac:0{digits}d}".rstrip("0")
    if not tail:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{tail}"


def _round(text: str, digits: int) -> str:
    """Every decimal in ``text`` rounded to ``digits`` places, written as short as it reads."""
    return _DECIMAL.sub(lambda m: _num(round(float(m[0]) * 10 ** digits), digits), text)


def _join(numbers: list[str], prev: str) -> str:
    """Numbers of path data, each separated from the one before only where the grammar needs it."""
    out = []
    for n in numbers:
        if prev and not (n.startswith("-") or (n.startswith(".") and "." in prev)):
            out.append(" ")
        out.append(n)
        prev = n
    return "".join(out)


def _segments(d: str, scale: int) -> list[tuple[str, list[int]]] | None:
    """The segments of path data made of matplotlib's absolute M, L, Q, C and z, coordinates in
    units of ``1 / scale`` pt; None for path data written any other way."""
    tokens = _PATH_TOKEN.findall(d)
    segments: list[tuple[str, list[int]]] = []
    i = 0
    while i < len(tokens):
        cmd = tokens[i].upper()
        if tokens[i] not in _ARITY and tokens[i] != "z":
            return None
        args = tokens[i + 1:i + 1 + _ARITY[cmd]]
        if len(args) != _ARITY[cmd] or any(a.isalpha() for a in args):
            return None
        segments.append((cmd, [round(float(a) * scale) for a in args]))
        i += 1 + _ARITY[cmd]
    return segments


def _path_data(d: str, digits: int) -> str:
    """Path data with coordinates rounded to ``digits`` places, each segment written absolute or
    relative (to the rounded coordinates, so nothing drifts) and as L, H or V, whichever is shorter,
    command letters only where they change. Path data written otherwise is only rounded."""
    segments = _segments(d, 10 ** digits)
    if segments is None:
        return _round(" ".join(d.split()), digits)
    out: list[str] = []
    last = prev = ""  # the command a bare number pair continues, and the last number written
    cx = cy = sx = sy = 0
    for cmd, args in segments:
        if cmd == "Z":
            out.append("z")
            last, prev, cx, cy = "z", "", sx, sy
            continue
        x, y = args[-2], args[-1]
        rel = [a - (cx if k % 2 == 0 else cy) for k, a in enumerate(args)]
        options = [(cmd, args), (cmd.lower(), rel)]
        if cmd == "L" and y == cy:
            options += [("H", [x]), ("h", [x - cx])]
        elif cmd == "L" and x == cx:
            options += [("V", [y]), ("v", [y - cy])]
        best = ""
        for letter, values in options:
            numbers = [_num(v, digits) for v in values]
            text = _join(numbers, prev) if letter == last else letter + _join(numbers, "")
            if not best or len(text) < len(best[0]):
                best = (text, letter, numbers[-1])
        text, letter, prev = best
        out.append(text)
        last = {"M": "L", "m": "l"}.get(letter, letter)
        cx, cy = x, y
        if cmd == "M":
            sx, sy = x, y
    return "".join(out)


def _names() -> Iterator[str]:
    """Short names for ids and classes: a, b, ..., z, a0, ..., z0, a1, ..."""
    yield from string.ascii_lowercase
    for n in itertools.count():
        yield from (f"{c}{n}" for c in string.ascii_lowercase)


def _minify(svg: str) -> str:
    """Write matplotlib's SVG short, without changing what it draws.

    Metadata, indentation and the ``<g id=...>`` wrappers that nothing refers to go; referenced
    ids get short names; each distinct style (clip path included) becomes a class once it is used
    twice; path data is rounded to 0.1 pt (0.13 CSS pixel; 2 decimals inside ``<defs>``, where the
    small marker shapes are) and written relative where that is shorter; marker positions
    to 0.1 pt, other geometry to 0.01 pt; the figure's own size stays exact. Text is left as it is."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    referenced: dict[str, str] = {}  # id -> short name, for the ids that something refers to
    for el in root.iter():
        for key, value in el.attrib.items():
            if key == _XLINK_NS + "href" and value.startswith("#"):
                referenced[value[1:]] = ""
            elif key != "d" and not value.startswith("data:"):
                referenced.update((m, "") for m in _URL.findall(value))
    names = _names()
    for el in root.iter():  # short names in document order
        if el.get("id") in referenced:
            referenced[el.attrib["id"]] = next(names)
    referenced = {old: new for old, new in referenced.items() if new}  # a reference to no element stays as it is

    def reference(value: str) -> str:
        value = _URL.sub(lambda m: f"url(#{referenced.get(m[1], m[1])})", value)
        return f"#{referenced[value[1:]]}" if value.startswith("#") and value[1:] in referenced else value

    def style_of(el: ET.Element) -> str:
        rules = [r.split(":", 1) for r in el.attrib.pop("style", "").split(";") if ":" in r]
        if "clip-path" in el.attrib:
            rules.append(["clip-path", el.attrib.pop("clip-path")])
        return ";".join(f"{k.strip()}:{_round(reference(_COMMA.sub(',', v.strip())), 2)}" for k, v in rules)

    uses: dict[str, int] = {}
    styles: dict[ET.Element, str] = {}
    for el in root.iter():
        if style := style_of(el):
            styles[el] = style
            uses[style] = uses.get(style, 0) + 1
    classes = _names()
    class_of = {s: next(classes) for s, n in uses.items() if n > 1}

    def escape(text: str, quote: bool = False) -> str:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return text.replace('"', "&quot;") if quote else text

    def attributes(el: ET.Element, tag: str, in_defs: bool) -> str:
        out = []
        for key, value in el.attrib.items():
            name = key.replace(_XLINK_NS, "xlink:")
            if key == "id":
                if value not in referenced:
                    continue
                value = referenced[value]
            elif name == "xlink:href":
                value = reference(value)
            elif key == "d":
                value = _path_data(value, 2 if in_defs else 1)
            elif key in ("x", "y") and tag == "use":
                value = _round(value, 1)
            elif key == "transform":
                if re.fullmatch(r"rotate\(-?0 [-\d. ]+\)", value):
                    continue
                value = re.sub(r"(?:translate|rotate)\([^)]*\)", lambda m: _round(m[0], 2), value)
            elif tag != "svg":  # the size of the whole figure stays exact
                value = _round(value, 2)
            out.append(f' {name}="{escape(value, True)}"')
        if el in styles:
            style = styles[el]
            out.append(f' class="{class_of[style]}"' if style in class_of else f' style="{escape(style, True)}"')
        return "".join(out)

    parts: list[str] = []

    def write(el: ET.Element, in_defs: bool) -> None:
        tag = el.tag.replace(_SVG_NS, "")
        if tag == "metadata" or (tag == "defs" and len(el) == 0):
            return
        attrs = attributes(el, tag, in_defs)
        if tag == "g" and not attrs:  # a wrapper that only carried an unreferenced id
            for child in el:
                write(child, in_defs)
            return
        if tag == "svg":
            attrs = ' xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"' + attrs
        text = el.text or ""
        if tag == "style":
            text = re.sub(r"\s*([{};:,])\s*", r"\1", text.strip())
            text += "".join(f".{name}{{{style}}}" for style, name in class_of.items())
        elif tag not in ("text", "tspan") or (not text.strip() and len(el)):
            text = ""
        if not text and len(el) == 0:
            parts.append(f"<{tag}{attrs}/>")
            return
        parts.append(f"<{tag}{attrs}>{escape(text)}")
        for child in el:
            write(child, in_defs or tag == "defs")
            if child.tail and child.tail.strip():  # text after a tspan
                parts.append(escape(child.tail))
        parts.append(f"</{tag}>")

    write(root, False)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + "".join(parts) + "\n"


_PNG = re.compile(r'data:image/png;base64,([A-Za-z0-9+/=\s]+)')


def _palette_images(svg: str) -> str:
    """Re-encode the PNGs that matplotlib embeds (rasterised artists, images) with a 256-colour
    palette: a quarter of the RGBA bytes, no visible change for colour maps and flat fills."""
    import base64
    import io

    from PIL import Image

    def one(m: re.Match[str]) -> str:
        img = Image.open(io.BytesIO(base64.b64decode(m[1])))
        out = io.BytesIO()
        img.convert("RGBA").quantize(256, method=Image.Quantize.FASTOCTREE).save(out, format="PNG", optimize=True)
        return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")

    return _PNG.sub(one, svg)


def build_all(config: Any = None) -> dict[str, Path]:
    """Render every figure whose cache entry is missing; return name -> SVG path."""
    shared = _shared_hash()
    out = {}
    for name, script in scripts().items():
        key = hashlib.sha256((shared + script.read_text(encoding="utf-8")).encode()).hexdigest()[:16]
        dest = CACHE / f"{name}-{key}.svg"
        if not dest.exists():
            log.info("drawing figure %s", name)
            render(name, script, dest)
        out[name] = dest
    return out


_built: dict[str, Path] = {}


def on_files(files: Files, config: Any, **_: Any) -> Files:
    _built.clear()
    _built.update(build_all(config))
    for name, path in _built.items():
        files.append(File.generated(config, f"figures/{name}.svg", abs_src_path=str(path)))
    return files


_SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"', re.S)


def size_px(svg: Path) -> tuple[int, int]:
    """The CSS-pixel size of a matplotlib SVG (its ``width``/``height`` are in points)."""
    m = _SVG_SIZE.search(svg.read_text(encoding="utf-8")[:2000])
    if m is None:
        raise ValueError(f"{svg}: no width/height in points")
    return round(float(m[1]) * 4 / 3), round(float(m[2]) * 4 / 3)


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    def embed(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in _built:
            raise ValueError(f"{page.file.src_uri}: no figure script figures/{name}.py")
        src = posixpath.relpath(f"figures/{name}.svg", posixpath.dirname(page.file.src_uri) or ".")
        alt = re.sub(r"[\[\]*_`$\\]", "", m["caption"])
        ind = m["indent"]
        width, height = size_px(_built[name])
        attrs = f'width="{width}" height="{height}" loading="lazy" decoding="async"'
        return (f'{ind}<figure class="aimath-figure" markdown="span">\n'
                f"{ind}  ![{alt}]({src}){{ {attrs} }}\n"
                f'{ind}  <figcaption markdown="span">{m["caption"]}</figcaption>\n'
                f"{ind}</figure>\n")

    return MARK.sub(embed, markdown)
