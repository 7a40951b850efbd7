"""Continuous outcomes in natural units: comparator value and intervention value computed from the MD."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from gradeline.evidence.data import Bilingual
from gradeline.model.outcome import EffectMeasure, Outcome

_STAT = re.compile(r"\((median|gennemsnit|mean)\)", re.IGNORECASE)


@dataclass(frozen=True)
class NaturalUnits:
    """What happens without and with the intervention, on the instrument's own scale.

    ``intervention*`` = comparator + MD (and its CI bounds), computed; ``published_intervention`` is the value
    printed in the intervention column, if any, shown beside the computed one.
    """

    comparator: Decimal
    intervention: Decimal
    intervention_low: Decimal
    intervention_high: Decimal
    published_intervention: Decimal | None
    unit: Bilingual
    statistic: Bilingual | None
    scale_min: Decimal | None
    scale_max: Decimal | None

    @property
    def published_differs(self) -> bool:
        """True when a printed intervention value differs from comparator + MD by more than rounding."""
        if self.published_intervention is None:
            return False
        places = max(
            -int(self.published_intervention.as_tuple().exponent), -int(self.intervention.as_tuple().exponent)
        )
        return abs(self.published_intervention - self.intervention) > Decimal(1).scaleb(-places)


def _unit(outcome: Outcome, unit: str) -> Bilingual:
    text = " ".join(filter(None, [outcome.measured_with, outcome.name, unit]))
    if re.search(r"dage|sygedage", text, flags=re.IGNORECASE):
        return Bilingual(da="dage", en="days")
    return Bilingual(da="point", en="points")


def _statistic(unit: str) -> Bilingual | None:
    found = _STAT.search(unit)
    if found is None:
        return None
    word = found.group(1).lower()
    return Bilingual(da="median", en="median") if word == "median" else Bilingual(da="gennemsnit", en="mean")


WithheldReason = Literal["inconsistent", "arms", "outside_scale"]


def withheld_reason(natural: NaturalUnits, inconsistent: bool) -> WithheldReason | None:
    """Why computed natural-unit values must not be shown as results, or None when they may be.

    Never shown: values computed from inconsistent published numbers, values contradicting a printed
    intervention value, and impossible values (negative days or points, or beyond the instrument's scale).
    """
    if inconsistent:
        return "inconsistent"
    if natural.published_differs:
        return "arms"
    values = (natural.comparator, natural.intervention, natural.intervention_low, natural.intervention_high)
    low = natural.scale_min if natural.scale_min is not None else Decimal(0)
    if any(v < low for v in values) or (
        natural.scale_max is not None and any(v > natural.scale_max for v in values)
    ):
        return "outside_scale"
    return None


def natural_units(outcome: Outcome) -> NaturalUnits | None:
    """Comparator and intervention values for an MD row with a comparator value; else None."""
    effect, comparator = outcome.effect, outcome.comparator
    if effect is None or comparator is None or effect.measure != EffectMeasure.MD:
        return None
    low, high = sorted((effect.ci_first.signed, effect.ci_second.signed))
    base = comparator.value
    return NaturalUnits(
        comparator=base,
        intervention=base + effect.point.signed,
        intervention_low=base + low,
        intervention_high=base + high,
        published_intervention=outcome.intervention.value if outcome.intervention is not None else None,
        unit=_unit(outcome, comparator.unit),
        statistic=_statistic(comparator.unit),
        scale_min=outcome.scale.min if outcome.scale is not None else None,
        scale_max=outcome.scale.max if outcome.scale is not None else None,
    )
