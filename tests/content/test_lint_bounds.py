"""GL001 at the edges: a point exactly on a CI bound is inside; one printed digit beyond is outside."""

import pytest

from gradeline.content.lint import lint_guideline
from gradeline.model import Guideline
from tests.content.fixtures import guideline, md, row, rr

WHERE = "test/smerte/effect"


def gl001(g: Guideline) -> bool:
    return ("GL001", WHERE) in [(f.code, f.location) for f in lint_guideline(g).new]


@pytest.mark.parametrize(
    ("point", "first", "second"),
    [("0.24", "0.24", "0.87"), ("0.87", "0.24", "0.87"), ("0.5", "0.5", "0.5")],
)
def test_a_mean_difference_on_its_bound_is_inside(point: str, first: str, second: str) -> None:
    assert not gl001(guideline(row(effect=md(point, first, second))))


@pytest.mark.parametrize(("point", "first", "second"), [("0.23", "0.24", "0.87"), ("0.88", "0.24", "0.87")])
def test_a_mean_difference_one_digit_beyond_its_bound_is_outside(point: str, first: str, second: str) -> None:
    assert gl001(guideline(row(effect=md(point, first, second))))


def test_bounds_on_both_sides_of_zero() -> None:
    on_lower = md("0.30", "0.30", "0.99", directions=("lower", "higher"))
    assert not gl001(guideline(row(effect=on_lower)))
    beyond = md("0.31", "0.30", "0.99", directions=("lower", "higher"))
    assert gl001(guideline(row(effect=beyond)))


@pytest.mark.parametrize(
    ("point", "outside"), [("0.45", False), ("0.91", False), ("0.44", True), ("0.92", True)]
)
def test_a_ratio_on_or_beyond_its_bound(point: str, outside: bool) -> None:
    assert gl001(guideline(row(effect=rr(point, "0.45", "0.91")))) is outside
