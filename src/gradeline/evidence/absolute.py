"""Absolute effects from a relative effect and a baseline risk (GRADE's formulas)."""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from gradeline.evidence.rounding import Interval
from gradeline.model.outcome import ArmValue, EffectMeasure, Outcome

RATIO_MEASURES = frozenset({EffectMeasure.RR, EffectMeasure.OR, EffectMeasure.HR})


def printed_difference_range(baseline: Decimal, ratio: Decimal) -> Interval:
    """Every risk difference consistent with a printed baseline risk and a printed ratio.

    The difference is baseline × (ratio − 1), in the baseline's units (e.g. per 1,000).
    """
    return Interval.printed(baseline) * (Interval.printed(ratio) - Interval.exact(1.0))


def printed_treated_range(baseline: Decimal, ratio: Decimal) -> Interval:
    """Every risk with intervention consistent with a printed baseline risk and a printed ratio."""
    return Interval.printed(baseline) * Interval.printed(ratio)


# --- Risk with intervention for RR, OR and HR, with the difference and its CI (GRADE's formulas) ---------


def risk_with_intervention_for(measure: EffectMeasure, baseline_risk: float, ratio: float) -> float:
    """Risk with intervention (a proportion, 0–1) from the comparator risk and a ratio.

    RR: p1 = p0·RR (capped at 1); OR: p1 = OR·p0 / (1 − p0 + OR·p0); HR (events): p1 = 1 − (1 − p0)^HR.
    """
    if not 0.0 <= baseline_risk <= 1.0:
        raise ValueError(f"a baseline risk is a proportion from 0 to 1, not {baseline_risk}")
    if ratio <= 0:
        raise ValueError(f"a ratio must be positive, not {ratio}")
    if measure == EffectMeasure.RR:
        return min(baseline_risk * ratio, 1.0)
    if measure == EffectMeasure.OR:
        return ratio * baseline_risk / (1.0 - baseline_risk + ratio * baseline_risk)
    if measure == EffectMeasure.HR:
        return 1.0 - float((1.0 - baseline_risk) ** ratio)
    raise ValueError(f"absolute effects need a ratio (RR, OR or HR), not {measure}")


def _rounded(value: float, places: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class AbsoluteEffectEstimate:
    """Computed risks per ``per`` patients: comparator, intervention (with CI) and difference (with CI).

    ``*_exact`` hold unrounded values; the Decimal fields are rounded as shown (``places`` decimals). Bounds
    are ordered low to high whatever the order in which the ratio's CI was printed.
    """

    measure: EffectMeasure
    per: int
    places: int
    comparator: Decimal
    intervention: Decimal
    intervention_low: Decimal
    intervention_high: Decimal
    difference: Decimal
    difference_low: Decimal
    difference_high: Decimal
    difference_exact: float
    difference_low_exact: float
    difference_high_exact: float


def absolute_effect(
    measure: EffectMeasure,
    baseline_risk: float,
    point: float,
    ci_low: float,
    ci_high: float,
    per: int = 1000,
    places: int = 0,
) -> AbsoluteEffectEstimate:
    """Absolute effects for a ratio with its 95% CI and a comparator risk (a proportion), per ``per``."""
    low, high = sorted((ci_low, ci_high))
    risks = [risk_with_intervention_for(measure, baseline_risk, r) for r in (point, low, high)]
    # p1 is increasing in the ratio for RR, OR and HR, so the CI bounds map to the CI bounds.
    diffs = [(p1 - baseline_risk) * per for p1 in risks]
    shown = [_rounded(p1 * per, places) for p1 in risks]
    shown_diffs = [_rounded(d, places) for d in diffs]
    return AbsoluteEffectEstimate(
        measure=measure,
        per=per,
        places=places,
        comparator=_rounded(baseline_risk * per, places),
        intervention=shown[0],
        intervention_low=shown[1],
        intervention_high=shown[2],
        difference=shown_diffs[0],
        difference_low=shown_diffs[1],
        difference_high=shown_diffs[2],
        difference_exact=diffs[0],
        difference_low_exact=diffs[1],
        difference_high_exact=diffs[2],
    )


_PER = re.compile(r"per(10{2,})(?!\d)")
"""'per' and a power of ten from 100 up, in a unit with spaces and separators removed."""


def baseline_from_arm(arm: ArmValue) -> float | None:
    """The comparator risk as a proportion, from an arm printed 'per 100', 'per 1.000' / 'per 1,000', 'per
    10.000' … (a power of ten, with the thousands separator of any language); else None."""
    unit = arm.unit.replace(" ", "").replace(".", "").replace(",", "").lower()
    match = _PER.match(unit)
    if match is None:
        return None
    return float(arm.value) / int(match[1])


def outcome_absolute_effect(
    outcome: Outcome, per: int = 1000, baseline_risk: float | None = None, places: int = 0
) -> AbsoluteEffectEstimate | None:
    """Absolute effects of a dichotomous row, from its ratio and its printed comparator risk.

    ``baseline_risk`` (a proportion) replaces the printed comparator risk, e.g. for another population.
    None when the row has no ratio or no baseline risk.
    """
    effect = outcome.effect
    if effect is None or effect.measure not in RATIO_MEASURES:
        return None
    if baseline_risk is None:
        baseline_risk = baseline_from_arm(outcome.comparator) if outcome.comparator is not None else None
    if baseline_risk is None:
        return None
    return absolute_effect(
        effect.measure,
        baseline_risk,
        float(effect.point.value),
        float(effect.ci_first.value),
        float(effect.ci_second.value),
        per=per,
        places=places,
    )


def matches_published(outcome: Outcome) -> bool | None:
    """True when the printed per-1,000 difference and its CI follow from the printed RR and baseline.

    Uses the same interval arithmetic (and the same half-unit slack) as the linter's GL005 rule, so the two
    never disagree; None when the row prints no absolute effect or is not an RR row with a baseline.
    """
    effect, absolute, base = outcome.effect, outcome.absolute, outcome.comparator
    if effect is None or absolute is None or base is None or effect.measure != EffectMeasure.RR:
        return None
    pairs = (
        (effect.point, absolute.point),
        (effect.ci_first, absolute.ci_first),
        (effect.ci_second, absolute.ci_second),
    )
    return all(
        printed_difference_range(base.value, ratio.value).widen(0.5).contains(float(printed.signed))
        for ratio, printed in pairs
    )
