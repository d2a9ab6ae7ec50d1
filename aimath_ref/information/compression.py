r"""Compression is prediction: order-k character models against zlib, bz2 and lzma on real text.

A model that gives the next symbol probability $q$ can encode it in $-\log_2 q$ bits (an
arithmetic coder gets within a few bits of that total for a whole text), so a model's
cross-entropy on held-out text, in bits per character, *is* a compression rate. This module
trains order-$k$ byte models on one half of a text and measures them on the other half, next
to the rates of Python's general-purpose compressors on the same half.

The text is the English documentation that CPython ships with its standard library for
``help()``: the topic pages of ``pydoc_data/topics.py`` (about 466,000 characters).
"""

from __future__ import annotations

import bz2
import contextlib
import functools
import lzma
import zlib
from collections.abc import Iterator

import torch

from .. import _checks
from ..tables import Row, Table, register

__all__ = ["COMPRESSION", "compression_results", "compressor_bits_per_char", "ngram_bits_per_char",
           "reference_text"]

_V = 256  # the alphabet: bytes of the UTF-8 encoding
_SMOOTHING = ("add_one", "kneser_ney")
_METHODS = ("zlib", "bz2", "lzma")


@contextlib.contextmanager
def _one_thread() -> Iterator[None]:
    # Sorting a few hundred thousand integers is fastest on one thread, and a busy machine
    # makes torch's thread pool much slower than that.
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(n)


def reference_text() -> str:
    """The English text used on the site: Python's ``help()`` topic pages, from ``pydoc_data.topics``.

    Returns
    -------
    str
        Every topic of ``pydoc_data.topics.topics``, in sorted order of the topic names, joined by
        newlines (about 466,000 characters in CPython 3.11; the exact size depends on the version).

    References
    ----------
    CPython source, ``Lib/pydoc_data/topics.py`` (generated from the Python documentation).

    Examples
    --------
    >>> from aimath_ref.information import reference_text
    >>> len(reference_text()) > 100_000
    True
    """
    from pydoc_data.topics import topics

    return "\n".join(topics[key] for key in sorted(topics))


def _bytes(text: object, name: str) -> torch.Tensor:
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a str, got {type(text).__name__}")
    if not text:
        raise ValueError(f"{name} must not be empty, got ''")
    return torch.frombuffer(bytearray(text.encode("utf-8")), dtype=torch.uint8).long()


def _grams(x: torch.Tensor, n: int) -> torch.Tensor:
    """Integer id of every n-gram of the byte sequence ``x`` (base-256 number of its bytes)."""
    g = torch.zeros(x.shape[0] - n + 1, dtype=torch.long)
    for i in range(n):
        g = g * _V + x[i:x.shape[0] - n + 1 + i]
    return g


def _lookup(keys: torch.Tensor, values: torch.Tensor, query: torch.Tensor) -> torch.Tensor:
    """``values[keys == q]`` for each q of ``query`` (0 where ``q`` is not a key); ``keys`` sorted."""
    pos = torch.searchsorted(keys, query).clamp(max=keys.shape[0] - 1)
    return torch.where(keys[pos] == query, values[pos], torch.zeros((), dtype=values.dtype))


def _level(counts_keys: torch.Tensor, counts: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Context ids with their total count n(h) and number of distinct followers N1+(h)."""
    h, inv = torch.unique(counts_keys // _V, return_inverse=True)
    total = torch.zeros(h.shape[0], dtype=torch.float64).index_add_(0, inv, counts)
    kinds = torch.zeros(h.shape[0], dtype=torch.float64).index_add_(0, inv, torch.ones_like(counts))
    return h, total, kinds


def ngram_bits_per_char(train: str, test: str, order: int, smoothing: str = "kneser_ney",
                        discount: float = 0.75) -> float:
    r"""Cross-entropy, in bits per character, of an order-$k$ byte model trained on ``train`` and scored on ``test``.

    The model predicts each byte of the UTF-8 text from the $k$ bytes before it, with counts
    $n(h, c)$ of context $h$ followed by byte $c$ in the training text. ``"add_one"`` (Laplace):

    $$q(c \mid h) = \frac{n(h, c) + 1}{n(h) + 256}.$$

    ``"kneser_ney"`` (interpolated, with discount $D$): a seen context keeps $n(h, c) - D$ of
    each count and hands the rest to the model of order $k - 1$,

    $$q_k(c \mid h) = \frac{\max(n(h, c) - D, 0)}{n(h)} + \frac{D\, N_{1+}(h)}{n(h)}\, q_{k-1}(c \mid h'),$$

    where $h'$ drops the oldest byte, $N_{1+}(h)$ counts the distinct bytes seen after $h$, the
    lower orders use continuation counts (in how many contexts a byte sequence occurs) instead
    of raw counts, unseen contexts fall back to order $k-1$ entirely, and the recursion ends
    at the uniform distribution $1/256$. The result is

    $$\text{bpc} = -\frac{1}{\lvert\text{test}\rvert} \sum_{t} \log_2 q(x_t \mid x_{t-k}, \dots, x_{t-1}),$$

    with $\lvert\text{test}\rvert$ in characters; the first bytes of ``test`` take their context
    from the end of ``train``.

    Parameters
    ----------
    train, test : str
        Non-empty texts.
    order : int
        Context length $k \in \{0, \dots, 5\}$.
    smoothing : {"kneser_ney", "add_one"}, default "kneser_ney"
    discount : float, default 0.75
        Kneser–Ney's $D \in (0, 1)$.

    Returns
    -------
    float
        Bits per character of ``test``.

    Raises
    ------
    TypeError
        If a text is not a str or an option has the wrong type.
    ValueError
        If a text is empty, ``train`` is not longer than ``order + 1`` bytes, ``order`` is out of
        range, ``smoothing`` is unknown or ``discount`` is not in $(0, 1)$.

    References
    ----------
    Chen & Goodman, *An Empirical Study of Smoothing Techniques for Language Modeling*, Harvard
    TR-10-98 (1998), §2.7 and §3; Kneser & Ney, ICASSP 1995; Shannon, *Prediction and Entropy of
    Printed English*, Bell System Technical Journal 30 (1951).

    Examples
    --------
    >>> from aimath_ref.information import ngram_bits_per_char
    >>> text = "abab" * 50
    >>> round(ngram_bits_per_char(text, text, order=0, smoothing="add_one"), 4)  # (100 + 1) / (200 + 256) per byte
    2.1747
    >>> ngram_bits_per_char(text, text, order=1) < 0.1  # after "a" comes "b": almost no surprise
    True
    """
    k = _checks.integer(order, "order", minimum=0, maximum=5)
    _checks.choice(smoothing, "smoothing", _SMOOTHING)
    D = _checks.real(discount, "discount", low=0.0, high=1.0, low_open=True, high_open=True)
    tr, te = _bytes(train, "train"), _bytes(test, "test")
    if tr.shape[0] <= k + 1:
        raise ValueError(f"train must be longer than order + 1 = {k + 1} bytes, got {tr.shape[0]}")
    with _one_thread():
        stream = torch.cat([tr[tr.shape[0] - k:], te])  # each test byte with its k predecessors
        if smoothing == "add_one":
            keys, cnt = torch.unique(_grams(tr, k + 1), return_counts=True)
            cnt = cnt.double()
            h, total, _ = _level(keys, cnt)
            q_ids = _grams(stream, k + 1)
            q = (_lookup(keys, cnt, q_ids) + 1) / (_lookup(h, total, q_ids // _V) + _V)  # (n(h,c)+1)/(n(h)+V)
        else:
            q = torch.full((te.shape[0],), 1.0 / _V, dtype=torch.float64)  # the uniform floor
            for j in range(k + 1):  # context length j = 0, ..., k
                if j == k:
                    keys, cnt = torch.unique(_grams(tr, j + 1), return_counts=True)  # raw counts n(h, c)
                else:
                    distinct = torch.unique(_grams(tr, j + 2))  # distinct (x, h, c)
                    keys, cnt = torch.unique(distinct % _V ** (j + 1), return_counts=True)  # N1+(. h c)
                cnt = cnt.double()
                h, total, kinds = _level(keys, cnt)
                q_ids = _grams(stream[k - j:], j + 1)  # (h, c) of every test byte
                c = _lookup(keys, cnt, q_ids)
                n_h = _lookup(h, total, q_ids // _V)
                seen = n_h > 0
                n_safe = torch.where(seen, n_h, torch.ones_like(n_h))
                mixed = (c - D).clamp_min(0) / n_safe + D * _lookup(h, kinds, q_ids // _V) / n_safe * q
                q = torch.where(seen, mixed, q)  # an unseen context backs off completely
        bits = -torch.log2(q).sum().item()
    return bits / len(test)


def compressor_bits_per_char(text: str, method: str, primer: str | None = None) -> float:
    r"""Bits per character that a general-purpose compressor needs for ``text``.

    $$\text{bpc} = \frac{8 \times \text{compressed bytes}}{\lvert\text{text}\rvert}$$

    at the strongest setting (``zlib`` level 9, ``bz2`` level 9, ``lzma`` preset 9 extreme). With
    a ``primer``, the compressor may use it as known history: the cost is
    $8\,(\lvert C(\text{primer} + \text{text})\rvert - \lvert C(\text{primer})\rvert)$ bits, which lets a
    compressor see the same training text a model sees.

    Parameters
    ----------
    text : str
        Non-empty text to compress (UTF-8).
    method : {"zlib", "bz2", "lzma"}
    primer : str or None, default None
        Text the decoder is assumed to have already.

    Returns
    -------
    float
        Bits per character of ``text``.

    Raises
    ------
    TypeError
        If ``text`` or ``primer`` is not a str.
    ValueError
        If ``text`` is empty or ``method`` is unknown.

    References
    ----------
    Python standard library: `zlib` (DEFLATE, RFC 1951), `bz2` (Burrows–Wheeler),
    `lzma` (LZMA2).

    Examples
    --------
    >>> from aimath_ref.information import compressor_bits_per_char
    >>> compressor_bits_per_char("ab" * 5000, "zlib") < 0.1
    True
    """
    _bytes(text, "text")
    _checks.choice(method, "method", _METHODS)
    if primer is not None and not isinstance(primer, str):
        raise TypeError(f"primer must be a str or None, got {type(primer).__name__}")
    compress = {"zlib": lambda b: zlib.compress(b, 9), "bz2": lambda b: bz2.compress(b, 9),
                "lzma": lambda b: lzma.compress(b, preset=9 | lzma.PRESET_EXTREME)}[method]
    size = len(compress(text.encode("utf-8")))
    if primer:
        size = len(compress((primer + text).encode("utf-8"))) - len(compress(primer.encode("utf-8")))
    return 8 * size / len(text)


@functools.lru_cache(maxsize=1)
def compression_results() -> dict[str, float]:
    """Bits per character of every row of `COMPRESSION`, computed once per process.

    The first half of `reference_text` trains the models and primes the compressors; the
    second half is the held-out text. Keys are ``"add_one-k"``, ``"kneser_ney-k"`` (k = 0..3),
    ``"zlib"``, ``"bz2"``, ``"lzma"`` and the same with ``"+primed"``.

    Returns
    -------
    dict of str to float
        Bits per character on the held-out half.

    Examples
    --------
    >>> from aimath_ref.information import compression_results
    >>> r = compression_results()
    >>> r["kneser_ney-3"] < r["kneser_ney-0"]
    True
    """
    text = reference_text()
    train, test = text[: len(text) // 2], text[len(text) // 2:]
    out = {}
    for smoothing in _SMOOTHING:
        for k in range(4):
            out[f"{smoothing}-{k}"] = ngram_bits_per_char(train, test, k, smoothing)
    for method in _METHODS:
        out[method] = compressor_bits_per_char(test, method)
        out[f"{method}+primed"] = compressor_bits_per_char(test, method, primer=train)
    return out


def _bpc(key: str) -> str:
    return f"{compression_results()[key]:.3f} bits per character"


def _model_row(smoothing: str, k: int) -> Row:
    name = "add-one" if smoothing == "add_one" else "Kneser–Ney"
    return Row({"Coder": f"order-{k} byte model", "Knows": "training half",
                "Idea": f"{name} counts, context of {k} byte{'s' if k != 1 else ''}"},
               impl=ngram_bits_per_char, example=lambda: _bpc(f"{smoothing}-{k}"))


_IDEA = {"zlib": "LZ77 matches + Huffman (DEFLATE)", "bz2": "Burrows–Wheeler transform + Huffman",
         "lzma": "LZ77 with a large window + range coder"}

COMPRESSION = register(Table(
    name="compression",
    title="Compression as prediction",
    caption=("Bits per character on the held-out half of Python's help() topic pages: order-k byte models "
             "trained on the first half, and Python's compressors on their own or primed with the first half."),
    columns=("Coder", "Knows", "Idea"),
    chapter="Information Theory",
    page="information-theory/source-coding.md",
    rows=tuple(_model_row(s, k) for s in _SMOOTHING for k in range(4)) + tuple(
        Row({"Coder": f"`{m}`", "Knows": "training half" if primed else "nothing", "Idea": _IDEA[m]},
            impl=compressor_bits_per_char, example=lambda key=f"{m}{'+primed' if primed else ''}": _bpc(key))
        for primed in (False, True) for m in _METHODS),
))
"""The compression table: each row's bits per character are computed by `compression_results` at build time."""
