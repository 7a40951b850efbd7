"""Absolute effects from a relative effect and a baseline risk (GRADE's formulas)."""

from dataclasses import dataclass
from decimal import Decimal

from gradeline.evidence.rounding import Interval


@dataclass(frozen=True)
class AbsoluteRisk:
    """Risk with intervention and the risk difference, per ``per`` patients."""

    per: int
    baseline: float
    with_intervention: float
    difference: float


def risk_with_intervention(baseline_per: float, ratio: float) -> float:
    """Risk with intervention for a risk ratio: baseline × RR (same units as the baseline)."""
    return baseline_per * ratio


def absolute_from_ratio(baseline_per: float, ratio: float, per: int = 1000) -> AbsoluteRisk:
    """Risk with intervention and difference for a risk ratio and a baseline risk per ``per``."""
    treated = risk_with_intervention(baseline_per, ratio)
    return AbsoluteRisk(per, baseline_per, treated, treated - baseline_per)


def printed_difference_range(baseline: Decimal, ratio: Decimal) -> Interval:
    """Every risk difference consistent with a printed baseline risk and a printed ratio.

    The difference is baseline × (ratio − 1), in the baseline's units (e.g. per 1,000).
    """
    return Interval.printed(baseline) * (Interval.printed(ratio) - Interval.exact(1.0))


def printed_treated_range(baseline: Decimal, ratio: Decimal) -> Interval:
    """Every risk with intervention consistent with a printed baseline risk and a printed ratio."""
    return Interval.printed(baseline) * Interval.printed(ratio)
