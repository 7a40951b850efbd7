"""The rows the clinical review named (issue 12): each reading now starts from the guideline's judgement,
makes no claim the guideline contradicts, and never shows impossible computed values."""

from gradeline.evidence.data import cached_evidence_data
from gradeline.evidence.names import time_frame
from gradeline.evidence.reading import OutcomeReading, outcome_reading
from gradeline.model import Guideline
from gradeline.publish.decision_aid import render_decision_aid


def _reading(g: Guideline, rec_id: str, outcome_id: str) -> OutcomeReading:
    rec = g.recommendation(rec_id)
    found = outcome_reading(next(o for o in rec.outcomes if o.id == outcome_id), g, rec)
    assert found is not None
    return found


def test_joint_mobilisation_function_says_no_effect_and_no_computed_direction(guideline: Guideline) -> None:
    r = _reading(guideline, "ledmobilisering", "rygsmerterelateret-funktionsevne-0-12-uger")
    assert r.statement is not None
    assert r.statement.en.startswith("The guideline found no effect on back-related problems")
    assert "GL003" in r.statement.en and "increases" not in r.statement.en
    aid = render_decision_aid(guideline.recommendation("ledmobilisering"), guideline, "en")
    assert "probably increases back-related problems" not in aid


def test_supervised_exercise_pain_has_no_reading_on_an_uncertain_scale(guideline: Guideline) -> None:
    r = _reading(guideline, "superviseret-fysisk-traening", "smerteniveau-0-12-uger")
    assert r.relevance.cls == "inconsistent_numbers" and r.relevance.threshold is None
    assert r.statement is not None and "may reduce pain" not in r.statement.en
    assert r.statement.en.startswith("The guideline found no effect on pain.")
    assert r.natural is None and r.natural_withheld == "inconsistent"


def test_impossible_natural_units_are_withheld(guideline: Guideline) -> None:
    sick_days = _reading(guideline, "patientuddannelse", "sygefravaer-antal-sygedage-6-18-maaneder")
    negative = _reading(guideline, "billeddiagnostik", "sygefravaer-antal-dage-6-18-maaneder")
    outside = _reading(guideline, "billeddiagnostik", "smerteniveau-6-18-maaneder")
    assert sick_days.natural is None and negative.natural is None and outside.natural is None
    assert negative.natural_withheld == "outside_scale"
    for rec_id in ("patientuddannelse", "billeddiagnostik"):
        for lang in ("da", "en"):
            aid = render_decision_aid(guideline.recommendation(rec_id), guideline, lang)  # type: ignore[arg-type]
            assert "63 dage" not in aid and "63 days" not in aid and "24.58" not in aid
            assert (
                "−0.65" not in aid and "-0.65" not in aid and "0.2 dage" not in aid and "0.2 days" not in aid
            )


def test_usual_activity_function_makes_no_direction_or_cohen_size_claim(guideline: Guideline) -> None:
    r = _reading(guideline, "vanlig-aktivitet", "rygsmerterelateret-funktionsevne-0-12-uger")
    assert r.mode == "no_direction" and r.computed_statement is None
    assert r.statement is not None and "slightly" not in r.statement.en and " lidt" not in r.statement.da


def test_an_smd_threshold_is_named_as_external(guideline: Guideline) -> None:
    r = _reading(guideline, "patientuddannelse", "rygsmerterelateret-funktionsevne-6-18-maaneder")
    assert (
        "Cohen" in r.threshold_text.en
        and "external convention the guideline does not use" in r.threshold_text.en
    )
    assert r.statement is not None and "Computed by gradeline (against Cohen" in r.statement.en


def test_fear_avoidance_follows_the_summary_and_names_the_conflict(guideline: Guideline) -> None:
    r = _reading(guideline, "patientuddannelse", "fear-avoidance-0-12-uger")
    assert r.inconsistent_codes == ["GL017"] and r.versus_no_effect_label.en.startswith("not assessed")
    assert r.statement is not None and "in favour of individual patient education" in r.statement.en


def test_time_frames_keep_the_printed_numbers(guideline: Guideline) -> None:
    rec = guideline.recommendation("billeddiagnostik")
    recurrence = next(o for o in rec.outcomes if o.id == "recidiv-af-smerter-6-18-maaneder")
    shown = time_frame(recurrence, cached_evidence_data().names)
    assert shown is not None and shown.en == "after 8 to 18 months" and shown.da == "efter 8-18 måneder"
    acupuncture = _reading(guideline, "akupunktur", "rygsmerterelateret-funktionsevne-0-12-maaneder")
    assert acupuncture.time_frame is not None and acupuncture.time_frame.en == "in the first 12 months"
    assert "GL014" in acupuncture.errata_codes  # shown beside it, never silently rewritten
