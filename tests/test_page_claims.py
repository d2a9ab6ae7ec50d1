"""Statements on the pages of chapters 1-3 that are checked by computation, and corrected wordings that must stay.

The pages are prose, but some of their claims are countable or arithmetic: the number of
takeaways an index announces, the sum printed in a figure caption. Others were wrong once and
were corrected; the old wording is listed here so that it cannot come back unnoticed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _takeaway_count(chapter: str) -> int:
    text = (DOCS / chapter / "takeaways.md").read_text(encoding="utf-8")
    return len(re.findall(r"^\d+\. ", text, flags=re.M))


@pytest.mark.parametrize("chapter", ["linear-algebra", "calculus", "probability"])
def test_index_announces_as_many_takeaways_as_the_page_has(chapter):
    index = (DOCS / chapter / "index.md").read_text(encoding="utf-8")
    announced = re.search(r"chapter in (\w+) statements", index, flags=re.I)
    assert announced, f"{chapter}/index.md does not say how many statements the takeaways page has"
    assert NUMBERS[announced.group(1).lower()] == _takeaway_count(chapter)


def test_venn_caption_adds_up():
    text = (DOCS / "probability" / "fundamentals.md").read_text(encoding="utf-8")
    caption = re.search(r"<!-- figure: probability/venn \|(.*?)-->", text, flags=re.S).group(1)
    a, b, ab, union = (Decimal(v) for v in re.search(
        r"the union is ([\d.]+) \+ ([\d.]+) − ([\d.]+) = ([\d.]+)", caption).groups())
    assert a + b - ab == union
    counts = re.search(r"(\d[\d,]*) points, (\d+) fall in A, (\d+) in B and (\d+) in both", caption).groups()
    n, na, nb, nab = (Decimal(c.replace(",", "")) for c in counts)
    assert (a, b, ab) == (na / n, nb / n, nab / n)


def test_venn_caption_numbers_are_what_the_figure_computes():
    import torch

    from aimath_ref.probability import Uniform

    gen = torch.Generator().manual_seed(0)  # the draw of figures/probability/venn.py
    pts = torch.stack([Uniform(0.0, 10.0).sample(2000, generator=gen), Uniform(0.0, 6.0).sample(2000, generator=gen)], 1)
    in_a = ((pts - torch.tensor([3.8, 3.0], dtype=torch.float64)) ** 2).sum(1) <= 2.2 ** 2
    in_b = ((pts - torch.tensor([6.2, 3.0], dtype=torch.float64)) ** 2).sum(1) <= 2.0 ** 2
    text = (DOCS / "probability" / "fundamentals.md").read_text(encoding="utf-8")
    expected = f"{int(in_a.sum())} fall in A, {int(in_b.sum())} in B and {int((in_a & in_b).sum())} in both"
    assert expected in text


# Corrected statements: (page, wording that was wrong, the point of the correction)
WRONG = [
    ("calculus/taylor.md", "the steep direction converges quickly",
     "just below 2/lambda_max the steep direction oscillates with a factor near -1 and slows down"),
    ("calculus/taylor.md", "Newton's method\ninstead minimises the second-order model exactly",
     "Newton minimises the quadratic model only when H is positive definite"),
    ("calculus/index.md", "quadratic whose Hessian is the precision matrix)",
     "the Hessian of the log-density is minus the precision"),
    ("calculus/autodiff.md", "commonly quoted as at most about 2–3× (Griewank & Walther",
     "Griewank & Walther's bound is about 5x in operation counts; 2-3x is a typical measurement"),
    ("calculus/chain-rule.md", "bound of about 4–5×", "the bound is about 5x"),
    ("linear-algebra/dot-product.md", "are independent with\nvariance 1, then",
     "Var(q.k) = d_k needs mean 0 as well as variance 1"),
    ("probability/gaussian.md", "multiplies the\nvariance of the signal by", "the factor multiplies E[x^2], not Var(x)"),
    ("probability/bayes.md", "A second, independent positive test", "the tests are conditionally independent given the disease"),
    ("probability/limit-theorems.md", "gradient around the true gradient is approximately Gaussian as well",
     "the Gaussian shape of gradient noise is contested (Simsekli et al. 2019)"),
    ("linear-algebra/matrix-operations.md", "so its rank is 1.", "rank(uv^T) <= 1, exactly 1 when u, v != 0"),
    ("linear-algebra/norms.md", "Every route along the grid covers 7 blocks", "only the shortest routes cover 7 blocks"),
    ("linear-algebra/eigen.md", "[multivariate Gaussian](../probability/gaussian.md)",
     "the link goes to the multivariate section"),
]


@pytest.mark.parametrize("page,wrong,why", WRONG, ids=[f"{p}:{w[:30]}" for p, w, _ in WRONG])
def test_corrected_statement_does_not_return(page, wrong, why):
    text = (DOCS / page).read_text(encoding="utf-8")
    assert wrong not in text, why


def test_multivariate_gaussian_links_point_to_its_section():
    for page in ("linear-algebra/index.md", "linear-algebra/eigen.md", "calculus/index.md"):
        text = (DOCS / page).read_text(encoding="utf-8")
        links = re.findall(r"\[multivariate Gaussian\]\(([^)]*)\)", text)
        assert links == ["../probability/gaussian.md#the-multivariate-gaussian"], page
    assert "## The multivariate Gaussian" in (DOCS / "probability" / "gaussian.md").read_text(encoding="utf-8")


def test_corrected_docstrings():
    import aimath_ref.probability.initialisation as init_module
    from aimath_ref.linalg import attention_scores, outer
    from aimath_ref.probability import Categorical, sample_next_token

    assert "mean 0 and variance 1" in attention_scores.__doc__  # Var(q.k) = d_k needs both
    assert r"\mathbb E[x^2]" in init_module.__doc__ and r"\operatorname{Var}(W)\operatorname{Var}(x)" not in init_module.__doc__
    assert "rank at most 1" in outer.__doc__ and r"\operatorname{rank}(u v^\top) \le 1" in outer.__doc__
    doc = sample_next_token.__doc__
    assert r"\operatorname{filter}(z) / \tau" not in doc and "temperature is applied *first*" in doc
    assert r"p_0, \dots, p_{K-1}" in Categorical.__doc__ and "p_1, \\dots, p_K" not in Categorical.__doc__
