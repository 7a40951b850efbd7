"""One row's reading, field by field: what the page beside the published numbers shows, and when it says
less."""

import pytest

from gradeline.content.pack import cached_pack
from gradeline.evidence.reading import OutcomeReading, outcome_reading
from gradeline.model import Effect
from tests.content.fixtures import md

g = cached_pack()


def reading(rec_id: str, outcome_id: str) -> OutcomeReading:
    found = outcome_reading(g.recommendation(rec_id).outcome(outcome_id), g)  # the owner is looked up
    assert found is not None
    return found


def test_a_very_low_certainty_risk_ratio_row() -> None:
    # RR 0.64 (0.45-0.91), 479 per 1,000, very low certainty: no stated threshold, the CI excludes 1.
    r = reading("patientuddannelse", "sygefravaer-proportion-sygemeldt-6-18-maaneder")
    assert r.recommendation_id == "patientuddannelse"
    assert (r.size, r.mode, r.agreement, r.published_claim) == ("unclassified", "agrees", "not_stated", None)
    assert r.absolute is not None and r.absolute.difference == -172 and r.absolute_matches_published is True
    assert r.certainty_words is not None and r.certainty_words.en.startswith("Very low certainty:")
    assert r.versus_no_effect_label.en == "the interval excludes no effect (direction of benefit not stated)"
    assert r.agreement_label.en == "the published summary makes no statement on clinical relevance"
    assert (
        r.judgement_short.en
        == "guideline: a clinically relevant effect in favour of individual patient education"
    )
    assert r.computed_statement is not None and r.computed_text is not None
    assert r.computed_text.en == (
        "Computed by gradeline (the guideline states no threshold for this measure): The evidence is very "
        f"uncertain about the effect of individual patient education on {r.friendly.name.en}."
    )
    assert r.statement is not None and r.statement.en == f"{r.judgement_text.en} {r.computed_text.en}"
    assert (r.natural, r.natural_withheld, r.natural_withheld_text, r.errata_codes) == (None, None, None, [])
    assert not r.disagrees


def test_impossible_natural_units_are_withheld_with_the_reason_in_both_languages() -> None:
    r = reading("billeddiagnostik", "sygefravaer-antal-dage-6-18-maaneder")
    assert r.natural is None and r.natural_withheld == "outside_scale"
    assert r.natural_withheld_text is not None
    assert r.natural_withheld_text.en == (
        "Values in natural units are not shown because the computation would give impossible values (below "
        "zero "
        "or outside the scale). See the published numbers."
    )
    assert r.natural_withheld_text.da == (
        "Værdier i naturlige enheder vises ikke, fordi beregningen ville give umulige værdier (under nul "
        "eller "
        "uden for skalaen). Se de publicerede tal."
    )
    assert (r.agreement, r.published_claim, r.size) == ("not_assessable", "no_relevant_difference", "unclear")
    assert r.absolute is None and r.absolute_matches_published is None


def test_inconsistent_numbers_give_no_computed_statement() -> None:
    r = reading("patientuddannelse", "sygefravaer-antal-sygedage-6-18-maaneder")
    assert (r.mode, r.agreement, r.inconsistent_codes) == ("inconsistent", "inconsistent", ["GL004", "GL017"])
    assert r.errata_codes == ["GL002", "GL004", "GL017"]
    assert r.computed_statement is None and r.natural is None and r.natural_withheld == "inconsistent"
    assert r.natural_withheld_text is not None and r.natural_withheld_text.en == (
        "Values in natural units are not shown because the published numbers are inconsistent. See the "
        "published "
        "numbers."
    )
    assert r.threshold_text.en == "no threshold applied, because the published numbers are inconsistent"
    assert r.versus_no_effect_label.en == "not assessed because the published numbers are inconsistent"
    assert r.computed_text is not None and r.computed_text.en.startswith(
        "The published numbers are inconsistent"
    )


def test_a_computed_reading_disagreeing_with_the_published_summary() -> None:
    # MD 11.95 lower (19.12 to 4.79 lower) against ±15 mm: a relevant benefit is possible, but the summary
    # says no clinically relevant difference. The point (11.95 < 15) is trivial, so the statement may stand.
    r = reading("akupunktur", "smerteniveau-0-12-uger")
    assert (r.size, r.mode, r.agreement) == ("trivial", "agrees", "disagrees")
    assert r.disagrees
    assert r.agreement_label.en == "the computed reading differs from the published summary, which stands"
    assert r.computed_statement is not None
    assert r.computed_statement.en == "Acupuncture may result in little to no difference in pain."
    assert r.versus_no_effect_label.en == "favours the intervention (the interval excludes no effect)"
    assert r.natural is not None and str(r.natural.intervention) == "10.45"  # 22.4 - 11.95


def test_a_statement_the_guideline_contradicts_is_shown_as_differing() -> None:
    # The same row with MD 20 lower (25 to 16 lower): an important effect (20 >= 15), but the Sammenfatning
    # finds the difference not clinically relevant; the computed statement is not stated as agreeing.
    rec = g.recommendation("akupunktur")
    row = rec.outcome("smerteniveau-0-12-uger")
    bigger = row.model_copy(update={"effect": Effect.model_validate(md("20", "25", "16"))})
    r = outcome_reading(bigger, g, rec)
    assert r is not None
    assert (r.size, r.relevance.cls, r.mode) == ("important", "relevant_benefit", "differs")
    assert r.disagrees and r.computed_statement is None
    assert r.computed_text is not None and r.computed_text.en == (
        "Computed by gradeline (against the guideline's minimal clinically relevant difference ±15, section "
        "3): "
        "clinically relevant benefit. This differs from the guideline's judgement above, which stands; the "
        "computation uses only the published numbers and the threshold."
    )


def test_a_row_without_a_better_direction_gets_no_computed_direction() -> None:
    r = reading("vanlig-aktivitet", "rygsmerterelateret-funktionsevne-0-12-uger")
    assert (r.mode, r.computed_statement) == ("no_direction", None)
    assert r.computed_text is not None and r.computed_text.en == (
        "The row does not state which direction is better, so gradeline gives no computed direction or size."
    )


def test_a_row_without_certainty_has_no_certainty_words_or_statement() -> None:
    rec = g.recommendation("akupunktur")
    row = rec.outcome("smerteniveau-0-12-uger").model_copy(update={"certainty": None})
    r = outcome_reading(row, g, rec)
    assert (
        r is not None and r.certainty is None and r.certainty_words is None and r.computed_statement is None
    )


def test_a_row_of_another_guideline_has_no_owner() -> None:
    row = g.recommendation("akupunktur").outcome("smerteniveau-0-12-uger").model_copy()
    with pytest.raises(KeyError) as missing:
        outcome_reading(row, g)
    assert missing.value.args[0] == "outcome 'smerteniveau-0-12-uger' is not in guideline " + repr(g.id)
