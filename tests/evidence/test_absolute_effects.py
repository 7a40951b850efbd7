"""Absolute effects from the seed's own RR rows, by GRADE's formulas, with property tests."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gradeline.content.pack import cached_pack
from gradeline.evidence.absolute import (
    absolute_effect,
    matches_published,
    outcome_absolute_effect,
    risk_with_intervention_for,
)
from gradeline.evidence.fmt import absolute_text
from gradeline.model.outcome import EffectMeasure

RATIOS = [EffectMeasure.RR, EffectMeasure.OR, EffectMeasure.HR]


def row(rec: str, outcome: str):  # type: ignore[no-untyped-def]
    return cached_pack().recommendation(rec).outcome(outcome)


def test_paracetamol_serious_adverse_events_hand_computed() -> None:
    # RR 0.99 (0.29 to 3.42), 8 per 1,000 without: 8 × 0.99 = 7.92 -> 8; 8 × 0.29 − 8 = −5.68 -> 6 fewer;
    # 8 × 3.42 − 8 = 19.36 -> 19 more.
    a = outcome_absolute_effect(row("paracetamol", "alvorlige-bivirkninger-efter-endt-intervention"))
    assert a is not None
    assert (a.comparator, a.intervention) == (Decimal(8), Decimal(8))
    assert a.difference_exact == pytest.approx(-0.08)  # 7.92 - 8: fewer, and rounds to 0
    assert (a.difference, a.difference_low, a.difference_high) == (0, -6, 19)
    assert (a.difference_low_exact, a.difference_high_exact) == (pytest.approx(-5.68), pytest.approx(19.36))
    assert absolute_text(a, "da") == "0 færre per 1.000 (6 færre til 19 flere)"
    assert absolute_text(a, "en") == "0 fewer per 1,000 (6 fewer to 19 more)"


def test_patient_education_sick_leave_hand_computed() -> None:
    # RR 0.64 (0.45 to 0.91), 479 per 1,000: 306.56 -> 307; −172.44; −263.45; −43.11.
    a = outcome_absolute_effect(row("patientuddannelse", "sygefravaer-proportion-sygemeldt-6-18-maaneder"))
    assert a is not None
    assert (a.comparator, a.intervention, a.intervention_low, a.intervention_high) == (479, 307, 216, 436)
    assert (a.difference, a.difference_low, a.difference_high) == (-172, -263, -43)
    assert absolute_text(a, "da") == "172 færre per 1.000 (263 færre til 43 færre)"


def test_paracetamol_dropout_and_per_100() -> None:
    o = row("paracetamol", "frafald-generelt-efter-endt-behandling")
    a = outcome_absolute_effect(o)
    assert a is not None
    assert (a.intervention, a.difference, a.difference_low, a.difference_high) == (6, 2, -3, 32)
    per_100 = outcome_absolute_effect(o, per=100, places=1)
    assert per_100 is not None
    assert absolute_text(per_100, "en") == "0.2 more per 100 (0.3 fewer to 3.2 more)"


def test_computed_absolute_effects_agree_with_every_published_rr_row() -> None:
    checked = 0
    for rec in cached_pack().recommendations:
        for outcome in rec.outcomes:
            verdict = matches_published(outcome)
            if verdict is not None:
                checked += 1
                assert verdict, f"{rec.id}/{outcome.id}"
    assert checked == 3


def test_other_baseline_risk_for_another_population() -> None:
    o = row("patientuddannelse", "sygefravaer-proportion-sygemeldt-6-18-maaneder")
    a = outcome_absolute_effect(o, baseline_risk=0.2)
    assert a is not None and (a.comparator, a.intervention, a.difference) == (200, 128, -72)


def test_or_and_hr_formulas() -> None:
    assert risk_with_intervention_for(EffectMeasure.OR, 0.5, 2.0) == pytest.approx(2 / 3)
    assert risk_with_intervention_for(EffectMeasure.HR, 0.5, 2.0) == pytest.approx(0.75)
    assert risk_with_intervention_for(EffectMeasure.RR, 0.6, 2.0) == 1.0
    with pytest.raises(ValueError):
        risk_with_intervention_for(EffectMeasure.MD, 0.5, 2.0)


risks = st.floats(min_value=0.0, max_value=1.0)
ratios = st.floats(min_value=0.01, max_value=20.0)


@given(st.sampled_from(RATIOS), risks, risks, ratios)
def test_risk_with_intervention_is_monotone_in_baseline_risk(
    measure: EffectMeasure, p: float, q: float, ratio: float
) -> None:
    lo, hi = sorted((p, q))
    lower, higher = (risk_with_intervention_for(measure, b, ratio) for b in (lo, hi))
    assert lower <= higher + 1e-12


@given(st.sampled_from(RATIOS), risks, ratios)
def test_risk_with_intervention_is_a_probability(measure: EffectMeasure, p: float, ratio: float) -> None:
    assert -1e-12 <= risk_with_intervention_for(measure, p, ratio) <= 1 + 1e-12


@given(
    st.sampled_from(RATIOS),
    st.floats(min_value=0.001, max_value=0.999),
    st.lists(ratios, min_size=3, max_size=3),
)
def test_ci_ordering_is_preserved(measure: EffectMeasure, p: float, three: list[float]) -> None:
    low, point, high = sorted(three)
    a = absolute_effect(measure, p, point, high, low)  # bounds given in the 'wrong' printed order
    assert a.difference_low_exact <= a.difference_exact + 1e-9 <= a.difference_high_exact + 2e-9
    assert a.difference_low <= a.difference <= a.difference_high
    assert a.intervention_low <= a.intervention <= a.intervention_high


@given(risks, risks, st.floats(min_value=0.01, max_value=0.99))
def test_rr_below_one_gives_more_events_avoided_at_higher_baseline(p: float, q: float, rr: float) -> None:
    lo, hi = sorted((p, q))
    assert absolute_effect(EffectMeasure.RR, hi, rr, rr, rr).difference_exact <= (
        absolute_effect(EffectMeasure.RR, lo, rr, rr, rr).difference_exact + 1e-9
    )
