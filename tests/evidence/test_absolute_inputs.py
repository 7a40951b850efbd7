"""Absolute effects: which printed comparator risks are read, which inputs are refused, OR and HR by hand."""

from decimal import Decimal

import pytest

from gradeline.content.pack import cached_pack
from gradeline.evidence.absolute import (
    absolute_effect,
    baseline_from_arm,
    matches_published,
    outcome_absolute_effect,
    risk_with_intervention_for,
)
from gradeline.model.outcome import ArmValue, EffectMeasure

g = cached_pack()
RR, OR, HR = EffectMeasure.RR, EffectMeasure.OR, EffectMeasure.HR
# Patient education, sick-listed 6-18 months: RR 0.64 (0.45 to 0.91), 479 per 1,000 without.
SICK = g.recommendation("patientuddannelse").outcome("sygefravaer-proportion-sygemeldt-6-18-maaneder")


@pytest.mark.parametrize(
    ("value", "unit", "risk"),
    [
        ("8", "per 1.000", 0.008),
        ("479", "per 1,000", 0.479),
        ("479", "Per 1000 patienter", 0.479),
        ("12", "per 100", 0.12),
        ("25", "per 10.000", 0.0025),  # not read as per 1,000 (25 per 10,000 = 2.5 per 1,000)
        ("25", "per 10,000", 0.0025),
        ("3", "per 100.000 personår", 0.00003),
        ("5", "per 10", None),  # not a unit of risk the profiles print
        ("5", "per 1001", None),
        ("2.81", "Points (Median)", None),
        ("8", "", None),
    ],
)
def test_baseline_from_arm(value: str, unit: str, risk: float | None) -> None:
    found = baseline_from_arm(ArmValue(value=Decimal(value), unit=unit))
    assert found == (pytest.approx(risk) if risk is not None else None)


@pytest.mark.parametrize(
    ("measure", "baseline", "ratio", "risk"),
    [
        (RR, 0.2, 1.5, 0.3),
        (RR, 0.5, 2.0, 1.0),  # exactly certain
        (RR, 0.8, 1.5, 1.0),  # 1.2 is capped: a risk is at most 1
        (OR, 0.2, 2.0, 1 / 3),  # 2 × 0.2 / (0.8 + 0.4)
        (OR, 0.5, 1.0, 0.5),
        (HR, 0.2, 2.0, 0.36),  # 1 - 0.8²
        (HR, 0.0, 3.0, 0.0),
        (RR, 0.0, 5.0, 0.0),
        (OR, 1.0, 0.5, 1.0),
    ],
)
def test_risk_with_intervention_by_hand(
    measure: EffectMeasure, baseline: float, ratio: float, risk: float
) -> None:
    assert risk_with_intervention_for(measure, baseline, ratio) == pytest.approx(risk)


@pytest.mark.parametrize(
    ("measure", "baseline", "ratio", "message"),
    [
        (RR, -0.1, 1.0, "a baseline risk is a proportion from 0 to 1, not -0.1"),
        (RR, 1.1, 1.0, "a baseline risk is a proportion from 0 to 1, not 1.1"),
        (RR, 0.5, 0.0, "a ratio must be positive, not 0.0"),
        (OR, 0.5, -2.0, "a ratio must be positive, not -2.0"),
        (EffectMeasure.MD, 0.5, 2.0, "absolute effects need a ratio (RR, OR or HR), not MD"),
        (EffectMeasure.SMD, 0.5, 2.0, "absolute effects need a ratio (RR, OR or HR), not SMD"),
    ],
)
def test_impossible_inputs_are_refused(
    measure: EffectMeasure, baseline: float, ratio: float, message: str
) -> None:
    with pytest.raises(ValueError) as refused:
        risk_with_intervention_for(measure, baseline, ratio)
    assert str(refused.value) == message


def test_an_odds_ratio_per_1000_by_hand() -> None:
    # OR 2 (1.5 to 3), 200 per 1,000: p1 = 0.4/1.2 = 333.3; 0.3/1.1 = 272.7; 0.6/1.4 = 428.6 per 1,000.
    a = absolute_effect(OR, 0.2, 2.0, 3.0, 1.5)
    assert (a.measure, a.per, a.places) == (OR, 1000, 0)
    assert (a.comparator, a.intervention, a.intervention_low, a.intervention_high) == (200, 333, 273, 429)
    assert (a.difference, a.difference_low, a.difference_high) == (133, 73, 229)
    assert a.difference_exact == pytest.approx(133.333, abs=1e-3)
    assert (a.difference_low_exact, a.difference_high_exact) == (
        pytest.approx(72.727, abs=1e-3),
        pytest.approx(228.571, abs=1e-3),
    )


def test_a_hazard_ratio_per_100_with_one_decimal() -> None:
    # HR 0.5 (0.25 to 1), 36 per 100: 1 - 0.64^0.5 = 0.2 -> 20.0; 1 - 0.64^0.25 = 0.1056 -> 10.6; 36.0.
    a = absolute_effect(HR, 0.36, 0.5, 0.25, 1.0, per=100, places=1)
    assert (a.comparator, a.intervention, a.intervention_low, a.intervention_high) == (
        Decimal("36.0"),
        Decimal("20.0"),
        Decimal("10.6"),
        Decimal("36.0"),
    )
    assert (a.difference, a.difference_low, a.difference_high) == (
        Decimal("-16.0"),
        Decimal("-25.4"),
        Decimal("0.0"),
    )


def test_rows_without_a_ratio_or_a_risk_have_no_absolute_effect() -> None:
    pain = g.recommendation("paracetamol").outcome("smerteniveau-0-12-uger")
    assert outcome_absolute_effect(pain) is None  # an MD
    assert outcome_absolute_effect(SICK.model_copy(update={"comparator": None})) is None
    points = SICK.model_copy(update={"comparator": ArmValue(value=Decimal("479"), unit="point")})
    assert outcome_absolute_effect(points) is None
    assert outcome_absolute_effect(points, baseline_risk=0.479) is not None  # a given risk needs no arm
    assert outcome_absolute_effect(SICK.model_copy(update={"effect": None})) is None


def test_a_printed_absolute_effect_that_does_not_follow_is_not_matched() -> None:
    assert matches_published(SICK) is True  # 172 fewer (263 fewer to 43 fewer)
    assert SICK.absolute is not None
    wrong_point = SICK.absolute.model_copy(
        update={"point": SICK.absolute.point.model_copy(update={"value": Decimal("150")})}
    )
    assert matches_published(SICK.model_copy(update={"absolute": wrong_point})) is False
    # RR 0.64 with 479: -175.02 to -169.87, plus half a printed unit: 175 fewer follows, 176 fewer does not
    for printed, follows in (("175", True), ("176", False), ("170", True), ("169", False)):
        point = SICK.absolute.point.model_copy(update={"value": Decimal(printed)})
        edge = SICK.absolute.model_copy(update={"point": point})
        assert matches_published(SICK.model_copy(update={"absolute": edge})) is follows, printed
    wrong_bound = SICK.absolute.model_copy(
        update={"ci_second": SICK.absolute.ci_second.model_copy(update={"value": Decimal("60")})}
    )
    assert matches_published(SICK.model_copy(update={"absolute": wrong_bound})) is False
    wrong_first = SICK.absolute.model_copy(
        update={"ci_first": SICK.absolute.ci_first.model_copy(update={"value": Decimal("240")})}
    )
    assert matches_published(SICK.model_copy(update={"absolute": wrong_first})) is False


def test_rows_that_cannot_be_matched_say_so() -> None:
    assert matches_published(SICK.model_copy(update={"absolute": None})) is None
    assert matches_published(SICK.model_copy(update={"comparator": None})) is None
    assert matches_published(SICK.model_copy(update={"effect": None})) is None
    assert SICK.effect is not None
    as_or = SICK.model_copy(update={"effect": SICK.effect.model_copy(update={"measure": OR})})
    assert matches_published(as_or) is None  # the per-1,000 check is for risk ratios
