"""Relevance at its edges: which MCID a row is read against, which way is better, and CIs touching ±MCID."""

from typing import Any

import pytest

from gradeline.content.pack import cached_pack
from gradeline.evidence.data import cached_evidence_data
from gradeline.evidence.estimate import Estimate, estimate_of
from gradeline.evidence.relevance import (
    Relevance,
    benefit_direction,
    classify,
    relevance_of,
    threshold_for,
    versus_no_effect,
)
from gradeline.model.outcome import EffectMeasure, Outcome, Scale

g = cached_pack()
DATA = cached_evidence_data().relevance
# Paracetamol, pain 0-12 weeks: MD 0 (0.28 lower to 0.28 higher) on NRS 0-10, lower is better.
PAIN = g.recommendation("paracetamol").outcome("smerteniveau-0-12-uger")
MD = EffectMeasure.MD


def pain(**update: Any) -> Outcome:
    return PAIN.model_copy(update=update)


def scale(low: int, high: int) -> Scale:
    return Scale(min=low, max=high)


def smd_row() -> Outcome:
    return g.recommendation("patientuddannelse").outcome("rygsmerterelateret-funktionsevne-6-18-maaneder")


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (pain(), (2.0, "mcid", "pain_nrs_10")),
        (pain(measured_with="nrs"), (2.0, "mcid", "pain_nrs_10")),  # instrument names in any case
        (pain(measured_with="VAS", scale=scale(0, 100)), (15.0, "mcid", "pain_vas_100")),
        (pain(measured_with="ODI", scale=scale(0, 100)), (10.0, "mcid", "function_100")),
        (pain(measured_with="RMDQ", scale=scale(0, 24)), None),  # no MCID stated for 0-24
        (pain(measured_with="VAS", scale=scale(0, 50)), None),  # the range must match too
        (pain(measured_with="VAS", scale=scale(1, 100)), None),
        (pain(measured_with="FABQ"), None),  # not a known instrument
        (pain(scale=None), None),
    ],
)
def test_the_mcid_matches_instrument_domain_and_scale(
    outcome: Outcome, expected: tuple[float, str, str] | None
) -> None:
    found = threshold_for(outcome, g, DATA)
    assert (None if found is None else (found.value, found.kind, found.mcid_id)) == expected


def test_an_smd_is_read_against_cohens_02_and_a_ratio_against_nothing() -> None:
    found = threshold_for(smd_row(), g, DATA)
    assert found is not None and (found.value, found.kind, found.mcid_id) == (0.2, "smd", None)
    assert found.source.startswith("Standardised mean differences are read with Cohen's rule of thumb")
    ratio = g.recommendation("paracetamol").outcome("alvorlige-bivirkninger-efter-endt-intervention")
    assert threshold_for(ratio, g, DATA) is None
    assert threshold_for(pain(effect=None), g, DATA) is None


def test_the_printed_direction_is_kept_unless_it_contradicts_the_instrument() -> None:
    assert benefit_direction(pain(), DATA) == ("lower", None)
    assert benefit_direction(pain(better=None), DATA) == (None, None)
    assert benefit_direction(pain(measured_with="FABQ", better="higher"), DATA) == ("higher", None)
    assert benefit_direction(pain(better="higher"), DATA) == (
        "lower",
        "The row prints 'higher is better', which contradicts its instrument (NRS, pain: lower is better); "
        "the "
        "reading uses lower.",
    )


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (2.0, 5.0, "relevant_benefit"),  # a benefit of exactly the MCID counts
        (1.99, 5.0, "relevant_benefit_possible"),
        (-5.0, -2.0, "relevant_harm"),
        (-5.0, -1.99, "relevant_harm_possible"),
        (-1.0, 2.0, "relevant_benefit_possible"),  # reaches +2 exactly
        (-2.0, 1.0, "relevant_harm_possible"),  # reaches -2 exactly
        (-2.0, 2.0, "uncertain"),
        (-1.99, 1.99, "no_relevant_difference"),
    ],
)
def test_classify_counts_a_ci_touching_the_mcid(low: float, high: float, expected: str) -> None:
    assert classify(low, high, 2.0) == expected


@pytest.mark.parametrize(
    ("estimate", "better", "expected"),
    [
        (Estimate(MD, -0.56, -0.87, -0.25), "lower", "favours_intervention"),
        (Estimate(MD, -0.56, -0.87, -0.25), "higher", "favours_comparator"),
        (Estimate(MD, 0.56, 0.25, 0.87), "higher", "favours_intervention"),
        (Estimate(MD, 0.56, 0.25, 0.87), "lower", "favours_comparator"),
        (Estimate(MD, -0.56, -0.87, -0.25), None, "excludes_no_effect"),
        (Estimate(MD, 0.5, 0.0, 1.0), "lower", "includes_no_effect"),  # a bound on 0 includes it
        (Estimate(MD, -0.5, -1.0, 0.0), "lower", "includes_no_effect"),
        (Estimate(EffectMeasure.RR, 0.64, 0.45, 0.91), "lower", "favours_intervention"),  # null is 1
        (Estimate(EffectMeasure.RR, 1.5, 1.0, 2.0), "lower", "includes_no_effect"),
        (Estimate(EffectMeasure.RR, 0.5, 0.2, 0.9), None, "excludes_no_effect"),
    ],
)
def test_versus_no_effect(estimate: Estimate, better: str | None, expected: str) -> None:
    assert versus_no_effect(estimate, better) == expected  # type: ignore[arg-type]


def _relevance(outcome: Outcome, estimate: Estimate, inconsistent: bool = False) -> Relevance:
    return relevance_of(outcome, estimate, g, DATA, inconsistent=inconsistent)


def test_the_better_direction_orients_the_ci_against_the_mcid() -> None:
    # SMD 0.25 to 0.4 higher against ±0.2: a relevant benefit when higher is better, a harm when lower is.
    higher = Estimate(EffectMeasure.SMD, 0.3, 0.25, 0.4)
    fabq = smd_row().model_copy(update={"measured_with": "FABQ"})
    assert _relevance(fabq.model_copy(update={"better": "higher"}), higher).cls == "relevant_benefit"
    assert _relevance(fabq.model_copy(update={"better": "lower"}), higher).cls == "relevant_harm"
    assert _relevance(pain(), Estimate(MD, 3.0, 2.5, 4.0)).cls == "relevant_harm"
    assert _relevance(pain(), Estimate(MD, -3.0, -4.0, -2.5)).cls == "relevant_benefit"
    found = _relevance(pain(), estimate_of(PAIN.effect))  # type: ignore[arg-type]
    assert (found.cls, found.versus_no_effect, found.better, found.note_en) == (
        "no_relevant_difference",
        "includes_no_effect",
        "lower",
        None,
    )
    assert found.threshold is not None and found.threshold.mcid_id == "pain_nrs_10"


def test_without_a_better_direction_only_the_size_is_read() -> None:
    note = "The row does not state which direction is better; only the size of the difference is read."
    within = _relevance(pain(better=None), Estimate(MD, 0.0, -1.9, 1.9))
    assert (within.cls, within.better, within.note_en) == ("no_relevant_difference", None, note)
    assert within.versus_no_effect == "includes_no_effect"
    for low, high in ((-2.0, 1.0), (-1.0, 2.0)):  # touching ±2 is no longer 'within'
        assert _relevance(pain(better=None), Estimate(MD, 0.0, low, high)).cls == "uncertain"


def test_inconsistent_numbers_and_missing_thresholds() -> None:
    inconsistent = _relevance(pain(better="higher"), Estimate(MD, 3.0, 2.5, 4.0), inconsistent=True)
    assert (inconsistent.cls, inconsistent.versus_no_effect, inconsistent.threshold) == (
        "inconsistent_numbers",
        "not_assessed",
        None,
    )
    assert (
        inconsistent.better == "lower" and inconsistent.note_en is not None
    )  # the contradiction is still said
    none = _relevance(pain(measured_with="FABQ"), Estimate(MD, -3.0, -4.0, -2.5))
    assert (none.cls, none.versus_no_effect, none.threshold, none.better) == (
        "no_stated_threshold",
        "favours_intervention",
        None,
        "lower",
    )


def test_an_mcid_threshold_cites_the_guidelines_own_sentence() -> None:
    found = threshold_for(pain(), g, DATA)
    assert found is not None and found.source == (
        "Som mindste klinisk relevant forskel i studier af lænderygsmerter anses en forskel i smerte på 15 "
        "mm på en 100 mm VAS skala og 2 punkter på en 10 punkts skala."
    )


CONTRADICTED = (
    "The row prints 'higher is better', which contradicts its instrument (NRS, pain: lower is better); the "
    "reading uses lower."
)


def test_the_contradiction_note_travels_with_every_reading() -> None:
    oriented = _relevance(pain(better="higher"), Estimate(MD, -3.0, -4.0, -2.5))
    assert (oriented.cls, oriented.better, oriented.note_en) == ("relevant_benefit", "lower", CONTRADICTED)
    unscaled = _relevance(pain(better="higher", scale=None), Estimate(MD, -3.0, -4.0, -2.5))
    assert (unscaled.cls, unscaled.note_en) == ("no_stated_threshold", CONTRADICTED)


def test_without_a_direction_the_threshold_is_still_named() -> None:
    within = _relevance(pain(better=None), Estimate(MD, 0.0, -1.9, 1.9))
    assert within.threshold is not None and (within.threshold.value, within.threshold.mcid_id) == (
        2.0,
        "pain_nrs_10",
    )


def test_a_small_smd_is_not_doubled_when_higher_is_better() -> None:
    # SMD 0.11 to 0.19 higher: inside ±0.2 whichever way is better.
    fabq = smd_row().model_copy(update={"measured_with": "FABQ", "better": "higher"})
    assert _relevance(fabq, Estimate(EffectMeasure.SMD, 0.15, 0.11, 0.19)).cls == "no_relevant_difference"


def test_relevance_is_read_unless_said_inconsistent() -> None:
    assert relevance_of(pain(), Estimate(MD, -3.0, -4.0, -2.5), g, DATA).cls == "relevant_benefit"


def test_an_instrument_where_higher_is_better() -> None:
    from gradeline.evidence.data import InstrumentRule

    quality = InstrumentRule(pattern=r"\bSF-36\b", domain="quality", lower_is_better=False)
    data = DATA.model_copy(update={"instruments": [quality]})
    row = pain(measured_with="SF-36", better="lower")
    assert benefit_direction(row, data) == (
        "higher",
        "The row prints 'lower is better', which contradicts its instrument (SF-36, quality: higher is "
        "better); "
        "the reading uses higher.",
    )
    assert benefit_direction(pain(measured_with="SF-36", better="higher"), data) == ("higher", None)
