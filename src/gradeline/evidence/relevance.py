"""Clinical relevance of a continuous estimate against the guideline's MCIDs, and against no effect."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gradeline.evidence.data import RelevanceData
from gradeline.evidence.estimate import Estimate
from gradeline.model.guideline import Guideline
from gradeline.model.outcome import EffectMeasure, Outcome

RelevanceClass = Literal[
    "relevant_benefit",
    "relevant_benefit_possible",
    "no_relevant_difference",
    "relevant_harm_possible",
    "relevant_harm",
    "uncertain",
    "no_stated_threshold",
    "inconsistent_numbers",
]
NoEffectReading = Literal[
    "favours_intervention", "favours_comparator", "includes_no_effect", "excludes_no_effect", "not_assessed"
]
Better = Literal["lower", "higher"]


@dataclass(frozen=True)
class Threshold:
    """The smallest difference that counts as clinically relevant, in the estimate's own units."""

    value: float
    kind: Literal["mcid", "smd"]
    source: str
    mcid_id: str | None = None


@dataclass(frozen=True)
class Relevance:
    """The computed relevance reading of one row."""

    cls: RelevanceClass
    versus_no_effect: NoEffectReading
    threshold: Threshold | None
    better: Better | None
    note_en: str | None = None


def instrument_domain(outcome: Outcome, data: RelevanceData) -> tuple[str, bool] | None:
    """(domain, lower_is_better) of the instrument the row names in 'Målt med', if it is a known one."""
    text = outcome.measured_with or ""
    for rule in data.instruments:
        if re.search(rule.pattern, text, flags=re.IGNORECASE):
            return rule.domain, rule.lower_is_better
    return None


def threshold_for(outcome: Outcome, guideline: Guideline, data: RelevanceData) -> Threshold | None:
    """The stated MCID for the row's instrument and scale (MD), Cohen's 0.2 (SMD), or None."""
    effect = outcome.effect
    if effect is None:
        return None
    if effect.measure == EffectMeasure.SMD:
        return Threshold(float(data.smd.threshold), "smd", data.smd.convention)
    if effect.measure != EffectMeasure.MD or outcome.scale is None:
        return None
    domain = instrument_domain(outcome, data)
    if domain is None:
        return None
    for mcid in guideline.mcids:
        same_scale = (mcid.scale_min, mcid.scale_max) == (outcome.scale.min, outcome.scale.max)
        if mcid.domain == domain[0] and same_scale:
            return Threshold(float(mcid.value), "mcid", mcid.text, mcid.id)
    return None


def benefit_direction(outcome: Outcome, data: RelevanceData) -> tuple[Better | None, str | None]:
    """Which direction is better, with a note when the printed direction contradicts the instrument.

    The printed 'Lavere/Højere bedre' is used, except where it contradicts the orientation of a known
    instrument (e.g. 'Højere bedre' for pain on NRS): then the instrument's orientation is used and said so.
    """
    domain = instrument_domain(outcome, data)
    printed = outcome.better
    if domain is not None and printed is not None:
        expected: Better = "lower" if domain[1] else "higher"
        if printed != expected:
            return expected, (
                f"The row prints '{printed} is better', which contradicts its instrument "
                f"({outcome.measured_with}, {domain[0]}: {expected} is better); the reading uses {expected}."
            )
    return printed, None


def classify(benefit_low: float, benefit_high: float, threshold: float) -> RelevanceClass:
    """Place a CI, oriented so that positive means benefit, against ±threshold (a difference of exactly the
    threshold counts as relevant)."""
    if benefit_low >= threshold:
        return "relevant_benefit"
    if benefit_high <= -threshold:
        return "relevant_harm"
    reaches_benefit, reaches_harm = benefit_high >= threshold, benefit_low <= -threshold
    if reaches_benefit and reaches_harm:
        return "uncertain"
    if reaches_benefit:
        return "relevant_benefit_possible"
    if reaches_harm:
        return "relevant_harm_possible"
    return "no_relevant_difference"


def versus_no_effect(estimate: Estimate, better: Better | None) -> NoEffectReading:
    """Whether the 95% CI includes no effect, and if not, which arm it favours."""
    if estimate.includes_null:
        return "includes_no_effect"
    if better is None:
        return "excludes_no_effect"
    above = estimate.low > estimate.null
    return "favours_intervention" if above == (better == "higher") else "favours_comparator"


def relevance_of(
    outcome: Outcome,
    estimate: Estimate,
    guideline: Guideline,
    data: RelevanceData,
    inconsistent: bool = False,
) -> Relevance:
    """The relevance reading of a row with an estimate; none when its published numbers are inconsistent."""
    better, note = benefit_direction(outcome, data)
    if inconsistent:
        return Relevance("inconsistent_numbers", "not_assessed", None, better, note)
    threshold = threshold_for(outcome, guideline, data)
    against_null = versus_no_effect(estimate, better)
    if threshold is None:
        return Relevance("no_stated_threshold", against_null, None, better, note)
    if better is None:
        # Direction of benefit not stated: only 'no relevant difference' can be read off the magnitude. (No
        # direction means no printed one, so benefit_direction gave no note to add to.)
        within = -threshold.value < estimate.low and estimate.high < threshold.value
        cls: RelevanceClass = "no_relevant_difference" if within else "uncertain"
        note = "The row does not state which direction is better; only the size of the difference is read."
        return Relevance(cls, against_null, threshold, None, note)
    sign = 1.0 if better == "higher" else -1.0
    low, high = sorted((sign * estimate.low, sign * estimate.high))
    return Relevance(classify(low, high, threshold.value), against_null, threshold, better, note)
