"""Property tests for the arithmetic behind the linter: printed numbers, intervals, centring, per 1,000."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gradeline.content.lint import lint_guideline
from gradeline.content.seedtext import numbers_in, squash
from gradeline.evidence.rounding import Interval, half_unit
from tests.content.fixtures import guideline, md, row, rr

reals = st.floats(min_value=-500, max_value=500, allow_nan=False, allow_infinity=False)
places = st.integers(min_value=0, max_value=3)


def printed(x: float, digits: int) -> Decimal:
    return Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits))


@given(reals, places)
def test_a_printed_interval_holds_the_true_value(x: float, digits: int) -> None:
    assert Interval.printed(printed(x, digits)).contains(x, tolerance=1e-9)


@given(places)
def test_half_unit(digits: int) -> None:
    assert half_unit(Decimal(1).scaleb(-digits)) == Decimal("0.5").scaleb(-digits)


@given(st.floats(min_value=-50, max_value=50), st.floats(min_value=0.001, max_value=30), places)
def test_a_symmetric_interval_is_never_flagged(point: float, half_width: float, digits: int) -> None:
    low, high = point - half_width, point + half_width

    def word(x: Decimal) -> tuple[str, str]:
        return str(abs(x)), "lower" if x < 0 else "higher"

    p, lo, hi = printed(point, digits), printed(low, digits), printed(high, digits)
    (pv, pd), (lv, ld), (hv, hd) = word(p), word(lo), word(hi)
    effect = md(pv, lv, hv, direction=pd, directions=(ld, hd))
    found = {f.code for f in lint_guideline(guideline(row(effect=effect))).new}
    assert found == set()


@given(
    st.floats(min_value=0.05, max_value=5),
    st.floats(min_value=1.01, max_value=3),
    places.filter(lambda d: d >= 2),
)
def test_a_log_symmetric_ratio_is_never_flagged(ratio: float, spread: float, digits: int) -> None:
    low, high = ratio / spread, ratio * spread
    effect = rr(str(printed(ratio, digits)), str(printed(low, digits)), str(printed(high, digits)))
    if min(Decimal(effect["point"]["value"]), Decimal(effect["ci_first"]["value"])) <= 0:
        return
    found = {f.code for f in lint_guideline(guideline(row(effect=effect))).new}
    assert found == set()


def _per_thousand_row(baseline: int, ratio: Decimal, treated: int) -> dict[str, object]:
    return row(
        effect=rr(str(ratio), str(ratio), str(ratio)),
        comparator={"value": str(baseline)},
        intervention={"value": str(treated)},
    )


@given(st.integers(min_value=1, max_value=999), st.floats(min_value=0.05, max_value=5))
def test_published_style_per_thousand_values_pass_gl005(baseline: int, ratio: float) -> None:
    """Baseline × RR rounded to a whole number per 1,000, as GRADEpro prints it, is never flagged."""
    ratio_printed = printed(ratio, 2)
    if ratio_printed <= 0:
        return
    treated = round(baseline * float(ratio_printed))
    published = guideline(_per_thousand_row(baseline, ratio_printed, treated))
    found = {f.code for f in lint_guideline(published).new}
    assert found == set()


@given(
    st.integers(min_value=1, max_value=999),
    st.floats(min_value=0.05, max_value=5),
    st.sampled_from([-10, 10]),
)
def test_per_thousand_values_ten_off_are_flagged(baseline: int, ratio: float, off: int) -> None:
    """By hand: the printed digits allow at most 999 × 0.005 + 5 × 0.5 + 0.5 ≈ 8 per 1,000 of slack (baseline
    ±0.5, RR ±0.005, the value itself ±0.5), so a value 10 per 1,000 away from baseline × RR is a GL005."""
    ratio_printed = printed(ratio, 2)
    treated = round(baseline * float(ratio_printed)) + off
    if ratio_printed <= 0 or treated < 0:
        return
    wrong = guideline(_per_thousand_row(baseline, ratio_printed, treated))
    found = [f.location for f in lint_guideline(wrong).new]
    assert found == ["test/smerte/intervention"]


@given(st.text())
def test_squash_is_idempotent(text: str) -> None:
    assert squash(squash(text)) == squash(text)


@given(st.integers(min_value=1000, max_value=10**7))
def test_numbers_with_thousands_separators_are_found(n: int) -> None:
    assert str(n) in numbers_in(f"Baseret på data fra {n:,} patienter")
