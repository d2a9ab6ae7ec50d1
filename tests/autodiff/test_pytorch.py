"""aimath_ref.autodiff.pytorch: the autograd concept table, checked against the Value engine."""

from __future__ import annotations

from aimath_ref.autodiff import PYTORCH_AUTOGRAD, Value


def test_rows_are_the_five_concepts():
    names = [row.cells["PyTorch concept"] for row in PYTORCH_AUTOGRAD.rows]
    assert names == ["`requires_grad=True`", "`.backward()`", "`.grad`", "`.detach()`", "`torch.no_grad()`"]
    assert all(row.example is not None for row in PYTORCH_AUTOGRAD.rows)


def test_examples_agree_with_the_value_engine():
    examples = [row[-1] for row in PYTORCH_AUTOGRAD.cells()]
    x, w = Value(2.0), Value(3.0)
    (w * x ** 2 + 5).backward()
    assert f"`x.grad = {x.grad:g}`" in examples[1] and f"`w.grad = {w.grad:g}`" in examples[1]
    y = Value(3.0)
    (y ** 2).backward()
    first = y.grad
    (y ** 2).backward()
    assert f"`{first:g}`" in examples[2] and f"`{y.grad:g}`" in examples[2]  # 6, then 12
    d = Value(3.0)
    (d * d.detach()).backward()
    assert f"`x.grad = {d.grad:g}`" in examples[3]
    assert "`False`" in examples[4]
    assert "Backward" in examples[0]
