"""Each recommendation's applicability note, its advice (applies or ask, what it depends on, the English where
translated) and the explanation steps, for a patient whose severity of pain is unknown."""

from typing import Any

import pytest

from gradeline.decide import PatientContext, Rules, make_plan
from gradeline.model import Guideline
from tests.decide.conftest import context_of

SEVERITY_UNKNOWN = {"base": "screened", "severe_pain_acute_phase": "unknown"}
ENGLISH = {
    "recommendations/paracetamol/practical_advice/0": "In severe pain in the acute phase (unofficial)."
}


@pytest.mark.parametrize(
    ("answers", "applicability", "note"),
    [
        ({"base": "screened"}, "applies", "Patienten er omfattet af retningslinjen."),
        (
            {},
            "conditional",
            "Gælder kun hvis de ukendte svar viser, at patienten er omfattet af retningslinjen.",
        ),
        (
            {"base": "screened", "red_flags": {"fever": "yes"}},
            "work_up",
            "Patienten udredes for mistænkt alvorlig patologi; kun råd om udredningen vises.",
        ),
        (
            {"base": "screened", "age_years": 15},
            "not_applicable",
            "Patienten er ikke omfattet af retningslinjen; anbefalingen gælder ikke.",
        ),
    ],
    ids=["in-scope", "borderline", "work-up", "out-of-scope"],
)
def test_the_applicability_note_of_the_imaging_recommendation(
    guideline: Guideline, rules: Rules, answers: dict[str, Any], applicability: str, note: str
) -> None:
    plan = make_plan(context_of(answers) if answers else PatientContext(), guideline, rules)
    imaging = next(r for r in plan.recommendations if r.id == "billeddiagnostik")
    assert (imaging.applicability.value, imaging.applicability_note) == (applicability, note)


def test_advice_on_an_unknown_answer_is_asked_with_what_it_depends_on(
    guideline: Guideline, rules: Rules
) -> None:
    plan = make_plan(context_of(SEVERITY_UNKNOWN), guideline, rules, ENGLISH.get)
    paracetamol = next(r for r in plan.recommendations if r.id == "paracetamol")
    assert [(a.paragraph, a.status.value, a.depends_on, a.text_en) for a in paracetamol.advice] == [
        (0, "ask", ["severe_pain_acute_phase = unknown"], "In severe pain in the acute phase (unofficial)."),
        (1, "ask", ["severe_pain_acute_phase = unknown"], None),
        (2, "ask", ["severe_pain_acute_phase = unknown"], None),
    ]
    activity = next(r for r in plan.recommendations if r.id == "vanlig-aktivitet")
    assert [(a.paragraph, a.status.value, a.depends_on) for a in activity.advice] == [
        (0, "applies", []),
        (1, "applies", []),
        (2, "applies", []),
    ]


def test_advice_steps_say_applies_for_everyone_or_clarify(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of(SEVERITY_UNKNOWN), guideline, rules)
    steps = {s.rule: (s.inputs, s.conclusion) for s in plan.trace}
    assert steps["recommendations.yaml:vanlig-aktivitet.advice[0]"] == (
        ["(alle patienter)"],
        "Gælder: Minimum for alle patienter med nyopståede lænderygsmerter.",
    )
    assert steps["recommendations.yaml:paracetamol.advice[0]"] == (
        ["severe_pain_acute_phase = unknown"],
        "Afklar (afhænger af ukendt svar): Svære smerter i den akutte fase (klinikerens vurdering).",
    )


def test_titles_and_texts_in_english_where_translated(guideline: Guideline, rules: Rules) -> None:
    english = {
        "recommendations/nsaid/title": "NSAIDs",
        "recommendations/nsaid/text": "Offer NSAIDs only after careful consideration (unofficial).",
    }
    plan = make_plan(context_of({"base": "screened"}), guideline, rules, english.get)
    nsaid = next(r for r in plan.recommendations if r.id == "nsaid")
    assert (nsaid.title_en, nsaid.text_en) == (
        "NSAIDs",
        "Offer NSAIDs only after careful consideration (unofficial).",
    )
    opioids = next(r for r in plan.recommendations if r.id == "opioider")
    assert (opioids.title_en, opioids.text_en) == (None, None)
