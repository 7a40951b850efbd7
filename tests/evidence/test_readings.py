"""Relevance classes, plain-language statements and agreement with the published summaries."""

import pytest

from gradeline.content.pack import cached_pack
from gradeline.evidence.data import load_evidence_data
from gradeline.evidence.published import agreement, published_claim
from gradeline.evidence.reading import disagreements, outcome_reading, recommendation_readings
from gradeline.evidence.relevance import classify

g = cached_pack()
DATA = load_evidence_data()


def reading(rec: str, outcome: str):  # type: ignore[no-untyped-def]
    r = g.recommendation(rec)
    found = outcome_reading(r.outcome(outcome), g, r)
    assert found is not None
    return found


def test_every_outcome_with_data_gets_a_statement_and_a_relevance_class() -> None:
    count = 0
    for rec in g.recommendations:
        for outcome in rec.outcomes:
            r = outcome_reading(outcome, g, rec)
            if outcome.effect is None:
                assert r is None
                continue
            count += 1
            assert r is not None and r.statement is not None
            texts = r.statement.da + r.statement.en
            assert r.statement.da.strip() and r.statement.en.strip() and "{" not in texts
            assert r.relevance.cls in DATA.relevance.classes
            assert r.relevance_label.da and r.certainty_words is not None
    assert count == 33


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (15, 30, "relevant_benefit"),
        (-30, -15, "relevant_harm"),
        (1, 14.9, "no_relevant_difference"),
        (-5, 20, "relevant_benefit_possible"),
        (-20, 5, "relevant_harm_possible"),
        (-20, 20, "uncertain"),
    ],
)
def test_classify_against_the_mcid(low: float, high: float, expected: str) -> None:
    assert classify(low, high, 15) == expected


def test_usual_activity_pain_uses_the_nrs_mcid_and_agrees() -> None:
    r = reading("vanlig-aktivitet", "smerteniveau-0-12-uger")
    assert r.relevance.threshold is not None and r.relevance.threshold.mcid_id == "pain_nrs_10"
    assert r.relevance.cls == "no_relevant_difference"
    assert r.relevance.versus_no_effect == "favours_intervention"  # CI printed reversed (GL002), read sorted
    assert r.agreement == "agrees"
    assert r.statement is not None
    assert r.statement.da.startswith(
        "Retningslinjen fandt en forskel i smerter til fordel for vanlig aktivitet"
    )
    assert r.computed_statement is not None
    assert (
        r.computed_statement.da == "Vanlig aktivitet gør muligvis kun lille eller ingen forskel for smerter."
    )
    assert r.natural is not None and str(r.natural.intervention) == "2.25"


def test_acupuncture_pain_on_vas_reaches_the_15_mm_mcid() -> None:
    r = reading("akupunktur", "smerteniveau-0-12-uger")
    assert r.relevance.threshold is not None and r.relevance.threshold.value == 15
    assert r.relevance.cls == "relevant_benefit_possible"
    assert r.disagrees  # published: 'Ingen klinisk relevant forskel'


def test_rmdq_rows_have_no_stated_threshold() -> None:
    r = reading("paracetamol", "rygsmerterelateret-funktionsevne-0-12-uger")
    assert r.relevance.cls == "no_stated_threshold"
    assert r.agreement == "not_assessable"
    assert r.size == "unclear"
    assert r.statement is not None and "ikke tydeligt" in r.statement.da


def test_smd_rows_use_cohens_convention() -> None:
    r = reading("patientuddannelse", "rygsmerterelateret-funktionsevne-6-18-maaneder")
    assert r.relevance.threshold is not None and r.relevance.threshold.kind == "smd"
    assert "Cohen" in r.relevance.threshold.source and "15.5.3.1" in r.relevance.threshold.source
    assert r.relevance.cls == "no_relevant_difference"


def test_printed_higher_is_better_for_pain_is_overridden_with_a_note() -> None:
    r = reading("superviseret-fysisk-traening", "smerteniveau-0-12-uger")
    assert r.relevance.better == "lower" and r.relevance.note_en and "contradicts" in r.relevance.note_en
    assert "GL006" in r.errata_codes


def test_very_low_certainty_says_very_uncertain() -> None:
    r = reading("patientuddannelse", "sygefravaer-proportion-sygemeldt-6-18-maaneder")
    assert r.statement is not None
    assert r.computed_statement is not None
    assert r.computed_statement.en.startswith(
        "The evidence is very uncertain about the effect of individual patient"
    )


def test_published_claim_tolerates_printed_variants() -> None:
    assert published_claim("Ingen kliniske relevant forskel, risiko for bias") == "no_relevant_difference"
    assert published_claim("Ingen klinisk relevant forskelrisiko for bias") == "no_relevant_difference"
    assert published_claim("Kun et studie, risk of bias.") is None
    assert agreement("uncertain", None) == "not_stated"


def test_disagreement_list() -> None:
    found = {rec: sorted(r.outcome.id for r in rows) for rec, rows in disagreements(g).items()}
    assert found == {
        "vanlig-aktivitet": ["rygsmerterelateret-funktionsevne-0-12-uger"],
        "patientuddannelse": ["rygsmerterelateret-funktionsevne-0-12-uger", "smerteniveau-0-12-uger"],
        "superviseret-fysisk-traening": [
            "rygsmerterelateret-funktionsevne-0-12-uger",
            "rygsmerterelateret-funktionsevne-6-18-maaneder",
        ],
        "akupunktur": ["smerteniveau-0-12-uger"],
    }


def test_readings_keep_profile_order() -> None:
    rec = g.recommendation("paracetamol")
    ids = [r.outcome.id for r in recommendation_readings(rec, g)]
    assert ids == [o.id for o in rec.outcomes if o.effect is not None]
