"""An effect estimate as numbers: signed point and 95% CI bounds ordered low to high, as published."""

from __future__ import annotations

from dataclasses import dataclass

from gradeline.evidence.absolute import RATIO_MEASURES
from gradeline.model.outcome import Effect, EffectMeasure


@dataclass(frozen=True)
class Estimate:
    """Intervention versus comparator: MD/SMD as signed differences, ratios as printed.

    The CI bounds are sorted, so a CI printed with its larger bound first (linter GL002) reads correctly;
    a point printed outside its CI (GL001) is kept as printed.
    """

    measure: EffectMeasure
    point: float
    low: float
    high: float

    @property
    def is_ratio(self) -> bool:
        """True for RR, OR and HR."""
        return self.measure in RATIO_MEASURES

    @property
    def null(self) -> float:
        """The value meaning no effect: 1 for ratios, 0 for differences."""
        return 1.0 if self.is_ratio else 0.0

    @property
    def includes_null(self) -> bool:
        """True when the 95% CI includes no effect."""
        return self.low <= self.null <= self.high


def estimate_of(effect: Effect) -> Estimate:
    """The estimate's numbers, from the structured published values."""
    low, high = sorted((float(effect.ci_first.signed), float(effect.ci_second.signed)))
    return Estimate(effect.measure, float(effect.point.signed), low, high)
