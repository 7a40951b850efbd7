"""What every plan says in both languages (status, who decides), what an out-of-scope patient is told, a
pathology's action named once, and a 'tell' item that depends on the triage level; by hand from the pack's
decide/patient.yaml and red-flags.yaml."""

from pathlib import Path

from gradeline.decide import PatientContext, Rules, load_rules, make_plan
from gradeline.model import Guideline
from tests.decide.conftest import context_of, edit_rule


def test_status_and_who_decides_in_both_languages(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(PatientContext(), guideline, rules)
    assert plan.status_notice_en == (
        "The guideline is NOT IN FORCE (Danish Health Authority, 2023; last professional review 2019). "
        "The plan "
        "shows what the historical guideline recommended – not current recommended treatment."
    )
    assert plan.clinician_decides_en == (
        "The clinician decides together with the patient. The plan is decision support and does not replace "
        "clinical judgement."
    )
    note = plan.journal_note.splitlines()[1]
    assert note == "Alder: ukendt. Varighed: ukendt. Smerteintensitet (NRS 0-10): ukendt."


def test_an_out_of_scope_patient_is_told_where_to_go_instead(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of({"base": "screened", "age_years": 15}), guideline, rules)
    assert [(t.topic, t.text) for t in plan.tell_patient] == [
        (
            "Henvisning/videre forløb",
            "Retningslinjen omfatter ikke patienter under 16 år; vurder efter anden relevant vejledning.",
        )
    ]


def test_two_findings_of_one_pathology_name_its_action_once(guideline: Guideline, rules: Rules) -> None:
    answers = {
        "base": "screened",
        "red_flags": {"bladder_or_bowel_change": "yes", "saddle_anaesthesia": "yes"},
    }
    triage = make_plan(context_of(answers), guideline, rules).triage
    assert triage.actions == [
        "Akut – henvis samme dag til hospital ved mistanke om cauda equina-syndrom (nyopståede eller "
        "forværrede "
        "symptomer)."
    ]
    assert len(triage.actions_en) == 1


def test_a_tell_item_can_depend_on_the_triage_level(guideline: Guideline, rule_pack: Path) -> None:
    edit_rule(
        rule_pack,
        "patient.yaml",
        "- id: natural_course\n  topic: Det naturlige forløb\n",
        "- id: natural_course\n  topic: Det naturlige forløb\n  when: {fact: triage, is: ['routine']}\n",
    )
    rules = load_rules(rule_pack)
    routine = make_plan(context_of({"base": "screened"}), guideline, rules)
    open_flags = make_plan(context_of({"base": "screened", "other_red_flags": "unknown"}), guideline, rules)
    assert "Det naturlige forløb" in [t.topic for t in routine.tell_patient]
    assert open_flags.triage.level.value == "not_assessed"
    assert "Det naturlige forløb" not in [t.topic for t in open_flags.tell_patient]
