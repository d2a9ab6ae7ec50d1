"""Order-k byte models against plain-Python counting; compressor rates; the table's numbers."""

from __future__ import annotations

import bz2
import math
import zlib
from collections import Counter

import pytest

from aimath_ref.information import (
    COMPRESSION,
    compression_results,
    compressor_bits_per_char,
    ngram_bits_per_char,
    reference_text,
)

TRAIN = "the cat sat on the mat; the dog sat on the log. " * 3 + "a bird sang. "
TEST = "the cat sang on the log; the bird sat. ñ"  # a two-byte character too


def _python_add_one(train: bytes, test: bytes, k: int) -> float:
    grams = Counter(train[i - k:i + 1] for i in range(k, len(train)))
    ctx = Counter(train[i - k:i] for i in range(k, len(train)))
    stream = train[len(train) - k:] + test
    bits = 0.0
    for t in range(k, len(stream)):
        h, c = stream[t - k:t], stream[t:t + 1]
        bits -= math.log2((grams[h + c] + 1) / (ctx[h] + 256))
    return bits


def _python_kneser_ney(train: bytes, test: bytes, k: int, D: float = 0.75) -> float:
    """Interpolated Kneser-Ney by recursion over dictionaries (continuation counts below the top order)."""
    def counts(j):
        if j == k:
            return Counter(train[i - j:i + 1] for i in range(j, len(train)))
        distinct = {train[i - j - 1:i + 1] for i in range(j + 1, len(train))}
        return Counter(g[1:] for g in distinct)

    tables = [counts(j) for j in range(k + 1)]
    totals, kinds = [], []
    for tab in tables:
        tot, kin = Counter(), Counter()
        for g, n in tab.items():
            tot[g[:-1]] += n
            kin[g[:-1]] += 1
        totals.append(tot)
        kinds.append(kin)

    def q(j, h, c):
        lower = 1 / 256 if j == 0 else q(j - 1, h[1:], c)
        n_h = totals[j][h]
        if n_h == 0:
            return lower
        return max(tables[j][h + c] - D, 0) / n_h + D * kinds[j][h] / n_h * lower

    stream = train[len(train) - k:] + test
    return -sum(math.log2(q(k, stream[t - k:t], stream[t:t + 1])) for t in range(k, len(stream)))


@pytest.mark.parametrize("k", [0, 1, 2, 3])
def test_add_one_matches_plain_counting(k):
    want = _python_add_one(TRAIN.encode(), TEST.encode(), k) / len(TEST)
    assert ngram_bits_per_char(TRAIN, TEST, k, smoothing="add_one") == pytest.approx(want, rel=1e-12)


@pytest.mark.parametrize("k", [0, 1, 2, 3, 5])
@pytest.mark.parametrize("D", [0.75, 0.3])
def test_kneser_ney_matches_plain_recursion(k, D):
    want = _python_kneser_ney(TRAIN.encode(), TEST.encode(), k, D) / len(TEST)
    assert ngram_bits_per_char(TRAIN, TEST, k, discount=D) == pytest.approx(want, rel=1e-12)


def test_kneser_ney_probabilities_sum_to_one():
    # score every possible next byte after one context: the probabilities must add up to 1
    total = 0.0
    for b in range(256):
        nxt = bytes([b]).decode("latin-1")
        # one-byte test texts; latin-1 characters above 127 are two UTF-8 bytes, so stay in ASCII
        if b < 128:
            total += 2 ** -(ngram_bits_per_char(TRAIN, nxt, 2) * len(nxt))
    assert 0.5 < total <= 1.0 + 1e-12  # the ASCII half of the alphabet holds nearly all the mass


def test_compressor_rates_match_the_library():
    text = TRAIN * 4
    assert compressor_bits_per_char(text, "zlib") == 8 * len(zlib.compress(text.encode(), 9)) / len(text)
    primed = compressor_bits_per_char(TEST, "bz2", primer=TRAIN)
    assert primed == 8 * (len(bz2.compress((TRAIN + TEST).encode(), 9)) - len(bz2.compress(TRAIN.encode(), 9))) / len(TEST)
    assert compressor_bits_per_char(text, "lzma") > 0


def test_reference_text_and_table():
    text = reference_text()
    assert len(text) > 100_000 and "the" in text and text == reference_text()
    r = compression_results()
    assert set(r) == {f"{s}-{k}" for s in ("add_one", "kneser_ney") for k in range(4)} | {
        m + p for m in ("zlib", "bz2", "lzma") for p in ("", "+primed")}
    assert r["kneser_ney-3"] < r["kneser_ney-2"] < r["kneser_ney-1"] < r["kneser_ney-0"] < 8
    assert r["add_one-0"] == pytest.approx(r["kneser_ney-0"], abs=1e-3)  # KN at order 0 is close to Laplace
    cells = COMPRESSION.cells()
    assert len(cells) == 14 and all("bits per character" in row[-1] for row in cells)


@pytest.mark.parametrize("call, error, words", [
    (lambda: ngram_bits_per_char(TRAIN, TEST, 6), ValueError, "order must be <= 5, got 6"),
    (lambda: ngram_bits_per_char(TRAIN, TEST, -1), ValueError, "order must be >= 0, got -1"),
    (lambda: ngram_bits_per_char(TRAIN, TEST, 1.0), TypeError, "order must be an int"),
    (lambda: ngram_bits_per_char(TRAIN, TEST, 1, smoothing="good_turing"), ValueError, "smoothing must be one of"),
    (lambda: ngram_bits_per_char(TRAIN, TEST, 1, discount=1.0), ValueError, "discount must be in (0.0, 1.0), got 1.0"),
    (lambda: ngram_bits_per_char(TRAIN, "", 1), ValueError, "test must not be empty"),
    (lambda: ngram_bits_per_char(b"abc", TEST, 1), TypeError, "train must be a str, got bytes"),
    (lambda: ngram_bits_per_char("ab", TEST, 3), ValueError, "train must be longer than order + 1 = 4 bytes, got 2"),
    (lambda: compressor_bits_per_char(TEST, "gzip"), ValueError, "method must be one of 'zlib', 'bz2', 'lzma'; got 'gzip'"),
    (lambda: compressor_bits_per_char(TEST, "zlib", primer=b"x"), TypeError, "primer must be a str or None, got bytes"),
    (lambda: compressor_bits_per_char("", "zlib"), ValueError, "text must not be empty"),
])
def test_bad_input(call, error, words):
    with pytest.raises(error) as err:
        call()
    assert words in str(err.value)
